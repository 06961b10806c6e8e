"""Validate the hand-written dev sets: schema, unique ids, and that every gold path exists.

Usage: python bench/data/check_devsets.py   (exits 1 on any error; needs ../shared for the vault)
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
VAULT = REPO / ".." / "shared" / "data" / "docs" / "obsidian-help"
SAMPLE_VAULT = REPO / "examples" / "sample-vault"
QA_TYPES = {"single", "multi-hop", "unanswerable"}


def _lines(path: Path) -> list[dict]:
    """Parse a JSONL file, one object per non-empty line."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _check_paths(errors: list[str], where: str, root: Path, paths: list[str]) -> None:
    for p in paths:
        if not (root / p).is_file():
            errors.append(f"{where}: gold path not found: {p}")


def check_retrieval(errors: list[str]) -> int:
    rows = _lines(HERE / "obsidian_help_retrieval.jsonl")
    ids = [r["id"] for r in rows]
    if len(set(ids)) != len(ids):
        errors.append("retrieval: duplicate ids")
    for r in rows:
        if set(r) != {"id", "question", "gold_paths"} or not r["gold_paths"] or not r["question"].strip():
            errors.append(f"retrieval {r.get('id')}: bad record {r}")
        _check_paths(errors, f"retrieval {r['id']}", VAULT, r["gold_paths"])
    return len(rows)


def check_qa(errors: list[str]) -> dict[str, int]:
    rows = _lines(HERE / "obsidian_help_qa.jsonl")
    ids = [r["id"] for r in rows]
    if len(set(ids)) != len(ids):
        errors.append("qa: duplicate ids")
    counts: dict[str, int] = {}
    for r in rows:
        rid = r.get("id")
        if set(r) != {"id", "question", "gold_answer", "answer_must_contain", "gold_paths", "type"}:
            errors.append(f"qa {rid}: bad keys {sorted(r)}")
            continue
        counts[r["type"]] = counts.get(r["type"], 0) + 1
        if r["type"] not in QA_TYPES:
            errors.append(f"qa {rid}: bad type {r['type']}")
        if r["type"] == "unanswerable":
            if r["gold_paths"] or r["answer_must_contain"]:
                errors.append(f"qa {rid}: unanswerable must have empty gold_paths and answer_must_contain")
            continue
        if r["type"] == "multi-hop" and len(r["gold_paths"]) < 2:
            errors.append(f"qa {rid}: multi-hop needs two or more gold paths")
        if not 1 <= len(r["answer_must_contain"]) <= 3:
            errors.append(f"qa {rid}: answer_must_contain needs 1-3 terms")
        for term in r["answer_must_contain"]:
            if term != term.lower():
                errors.append(f"qa {rid}: term not lowercase: {term!r}")
            if term not in r["gold_answer"].lower():
                errors.append(f"qa {rid}: term {term!r} not in its own gold_answer")
        _check_paths(errors, f"qa {rid}", VAULT, r["gold_paths"])
        # Each required term must be supported by the gold notes themselves, not just by our answer.
        gold_text = " ".join((VAULT / p).read_text(encoding="utf-8").lower()
                             for p in r["gold_paths"] if (VAULT / p).is_file())
        for term in r["answer_must_contain"]:
            if term not in gold_text:
                errors.append(f"qa {rid}: term {term!r} not found in any gold note")
    return counts


def check_sample_vault(errors: list[str]) -> int:
    rows = _lines(REPO / "tests" / "data" / "sample_vault_questions.jsonl")
    for i, r in enumerate(rows, 1):
        if set(r) != {"question", "gold_paths", "answer_contains"}:
            errors.append(f"sample {i}: bad keys {sorted(r)}")
        _check_paths(errors, f"sample {i}", SAMPLE_VAULT, r["gold_paths"])
    return len(rows)


def main() -> int:
    if not VAULT.is_dir():
        print(f"skip: shared vault not found at {VAULT}")
        return 0
    errors: list[str] = []
    n_ret = check_retrieval(errors)
    qa_counts = check_qa(errors) if (HERE / "obsidian_help_qa.jsonl").exists() else {}
    n_sample = check_sample_vault(errors)
    for e in errors:
        print("ERROR", e)
    print(f"retrieval={n_ret} qa={qa_counts} sample_vault={n_sample} errors={len(errors)}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
