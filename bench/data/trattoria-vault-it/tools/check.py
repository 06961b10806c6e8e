"""Self-check of the trattoria-vault-it data set (stdlib + python-docx + pypdf).

Checks: gold notes exist; every must_include string is in at least one gold note (case-insensitive,
whitespace normalised; DOCX paragraphs + tables, PDF text); every contradiction quote is in its note;
ids unique; types and langs valid. Prints problems, then OK (exit 0) or FAIL (exit 1).
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import docx
import pypdf

ROOT = Path(__file__).resolve().parent.parent
NOTES = ROOT / "notes"
TYPES = {"single", "paraphrase", "multi_hop", "temporal_latest", "numeric", "aggregation", "unanswerable",
         "injection_probe"}
_cache: dict[str, str] = {}


def norm(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip().casefold()


def text_of(rel: str) -> str | None:
    if rel in _cache:
        return _cache[rel]
    p = NOTES / rel
    if not p.is_file():
        return None
    if p.suffix.lower() == ".docx":
        d = docx.Document(str(p))
        parts = [para.text for para in d.paragraphs]
        for t in d.tables:
            for row in t.rows:
                parts.extend(c.text for c in row.cells)
        parts += [d.core_properties.title or "", d.core_properties.author or ""]
        s = "\n".join(parts)
    elif p.suffix.lower() == ".pdf":
        s = "\n".join(page.extract_text() or "" for page in pypdf.PdfReader(str(p)).pages)
    else:
        s = p.read_text(encoding="utf-8")
    _cache[rel] = norm(s)
    return _cache[rel]


def main() -> int:
    problems: list[str] = []
    ids: set[str] = set()
    n_q = 0
    for ln, line in enumerate((ROOT / "questions.jsonl").read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        n_q += 1
        q = json.loads(line)
        qid = q.get("id")
        for key in ("id", "question", "answer", "must_include", "gold_notes", "type", "lang"):
            if key not in q:
                problems.append(f"line {ln}: missing {key}")
        if qid in ids:
            problems.append(f"{qid}: duplicate id")
        ids.add(qid)
        if q.get("type") not in TYPES:
            problems.append(f"{qid}: bad type {q.get('type')!r}")
        if q.get("lang") not in {"it", "en"}:
            problems.append(f"{qid}: bad lang {q.get('lang')!r}")
        texts = []
        for rel in q.get("gold_notes", []):
            t = text_of(rel)
            if t is None:
                problems.append(f"{qid}: gold note missing: {rel}")
            else:
                texts.append(t)
        if q.get("type") == "unanswerable" and q.get("must_include"):
            problems.append(f"{qid}: unanswerable with must_include")
        for m in q.get("must_include", []):
            if not any(norm(m) in t for t in texts):
                problems.append(f"{qid}: must_include {m!r} not in any gold note")
    alt = ROOT / "gold_alternatives.jsonl"
    if alt.exists():
        for line in alt.read_text(encoding="utf-8").splitlines():
            if line.strip():
                a = json.loads(line)
                if a["id"] not in ids:
                    problems.append(f"gold_alternatives: unknown id {a['id']}")
                for rel in a["also_notes"]:
                    if text_of(rel) is None:
                        problems.append(f"gold_alternatives {a['id']}: missing note {rel}")
    n_c = 0
    for ln, line in enumerate((ROOT / "contradictions.jsonl").read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        n_c += 1
        c = json.loads(line)
        for side in ("old", "new"):
            e = c[side]
            t = text_of(e["path"])
            if t is None:
                problems.append(f"contradiction {ln} {side}: note missing: {e['path']}")
            elif norm(e["quote"]) not in t:
                problems.append(f"contradiction {ln} {side}: quote not found in {e['path']}: {e['quote']!r}")
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", e.get("date", "")):
                problems.append(f"contradiction {ln} {side}: bad date {e.get('date')!r}")
    for p in problems:
        print(p)
    print(f"{n_q} questions, {n_c} contradictions, {len(_cache)} notes read")
    if problems:
        print("FAIL")
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
