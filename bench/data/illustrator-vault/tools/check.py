#!/usr/bin/env python3
"""The illustrator vault's tools/check.py: the shared checks plus the held-out type mix (as haulier-vault's tool).

The shared checks (engineer-vault/tools/check.py, loaded the way haulier-vault's and soundeng-vault's tools load it)
verify every gold note exists, every must_include string is in the answer and in a gold note, ids are unique,
contradiction quotes are in their notes, and injection probes point at a note with an injected instruction. On top
of them this file checks the held-out type mix: exact counts per type below, and at least 120 notes, 2 PDFs,
2 DOCX and 20 contradictions (changed facts plus the labelled conflicts).
"""
import collections
import importlib.util
import json
import sys
from pathlib import Path

spec = importlib.util.spec_from_file_location("vault_check", Path(__file__).resolve().parents[2] / "engineer-vault" / "tools" / "check.py")
tool = importlib.util.module_from_spec(spec)
spec.loader.exec_module(tool)
tool.__file__ = __file__  # its default VAULT_DIR is the vault the running file sits in: this one

ROOT = Path(__file__).resolve().parent.parent
EXPECTED = {"single": 35, "numeric": 20, "temporal_latest": 20, "paraphrase": 20, "multi_hop": 30, "aggregation": 7,
            "unanswerable": 10, "injection_probe": 4}


def mix_errors() -> list[str]:
    """Differences from the held-out type mix and the vault's minimum size."""
    errors = []
    rows = [json.loads(x) for x in (ROOT / "questions.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()]
    counts = collections.Counter(r["type"] for r in rows)
    for kind, want in EXPECTED.items():
        if counts.get(kind, 0) != want:
            errors.append(f"type {kind}: {counts.get(kind, 0)} questions, want {want}")
    files = [p for p in (ROOT / "notes").rglob("*") if p.is_file()]
    by_ext = collections.Counter(p.suffix.lower() for p in files)
    if len(files) < 120:
        errors.append(f"{len(files)} notes, want at least 120")
    if by_ext[".pdf"] < 2 or by_ext[".docx"] < 2:
        errors.append("want at least 2 PDF and 2 DOCX notes")
    n_contra = sum(1 for x in (ROOT / "contradictions.jsonl").read_text(encoding="utf-8").splitlines() if x.strip())
    if n_contra < 20:
        errors.append(f"{n_contra} contradictions, want at least 20")
    return errors


def main() -> int:
    rc = tool.main()
    extra = mix_errors()
    for e in extra:
        print("  - " + e)
    if extra:
        print("FAIL")
        return 1
    return rc


if __name__ == "__main__":
    sys.exit(main())
