"""Consistency check for the landmeter-vault-nl dev set.

Checks: every question's gold_notes exist; every must_include string occurs (case-insensitive, whitespace
normalised) in at least one gold note's text (.md/.txt as text, .docx paragraphs + tables, .pdf text);
ids unique; types and langs valid; unanswerable questions have no must_include/gold_notes; every
contradiction quote occurs in its note; gold_alternatives (if present) point at existing notes.
Prints the problems, then 'OK' (exit 0) when there are none, else 'FAILED' (exit 1).
"""
from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOTES = ROOT / "notes"
TYPES = {"single", "paraphrase", "multi_hop", "temporal_latest", "numeric", "aggregation", "unanswerable",
         "injection_probe"}
LANGS = {"nl", "en"}


def norm(s: str) -> str:
    s = unicodedata.normalize("NFC", s).replace("\u00a0", " ")
    return re.sub(r"\s+", " ", s).strip().casefold()


def note_text(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix == ".docx":
        import docx

        d = docx.Document(str(path))
        parts = [p.text for p in d.paragraphs]
        for t in d.tables:
            for row in t.rows:
                parts.extend(c.text for c in row.cells)
        return "\n".join(parts)
    if suffix == ".pdf":
        from pypdf import PdfReader

        return "\n".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)
    return path.read_text(encoding="utf-8")


_cache: dict[str, str] = {}


def text_of(rel: str) -> str | None:
    if rel not in _cache:
        p = NOTES / rel
        if not p.is_file():
            return None
        _cache[rel] = norm(note_text(p))
    return _cache[rel]


def load_jsonl(path: Path, problems: list[str]) -> list[dict]:
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError as e:
            problems.append(f"{path.name}:{n}: bad JSON ({e})")
    return rows


def main() -> int:
    problems: list[str] = []
    questions = load_jsonl(ROOT / "questions.jsonl", problems)
    seen: set[str] = set()
    for q in questions:
        qid = q.get("id", "?")
        if qid in seen:
            problems.append(f"{qid}: duplicate id")
        seen.add(qid)
        for key in ("question", "answer", "must_include", "gold_notes", "type", "lang"):
            if key not in q:
                problems.append(f"{qid}: missing {key}")
        if q.get("type") not in TYPES:
            problems.append(f"{qid}: bad type {q.get('type')!r}")
        if q.get("lang") not in LANGS:
            problems.append(f"{qid}: bad lang {q.get('lang')!r}")
        gold = q.get("gold_notes", [])
        must = q.get("must_include", [])
        if q.get("type") == "unanswerable":
            if gold or must:
                problems.append(f"{qid}: unanswerable question with gold_notes/must_include")
            continue
        if not gold:
            problems.append(f"{qid}: no gold_notes")
        texts = []
        for rel in gold:
            t = text_of(rel)
            if t is None:
                problems.append(f"{qid}: gold note missing: {rel}")
            else:
                texts.append(t)
        for m in must:
            if not any(norm(m) in t for t in texts):
                problems.append(f"{qid}: must_include {m!r} not in any gold note")
    alt = ROOT / "gold_alternatives.jsonl"
    if alt.exists():
        for row in load_jsonl(alt, problems):
            if row.get("id") not in seen:
                problems.append(f"gold_alternatives: unknown id {row.get('id')}")
            for rel in row.get("also_notes", []):
                if text_of(rel) is None:
                    problems.append(f"gold_alternatives {row.get('id')}: note missing: {rel}")
    contradictions = load_jsonl(ROOT / "contradictions.jsonl", problems)
    for n, c in enumerate(contradictions, 1):
        for side in ("old", "new"):
            s = c.get(side, {})
            t = text_of(s.get("path", ""))
            if t is None:
                problems.append(f"contradiction {n} ({c.get('subject')}): {side} note missing: {s.get('path')}")
            elif norm(s.get("quote", "")) not in t:
                problems.append(f"contradiction {n} ({c.get('subject')}): {side} quote not in note: {s.get('quote')!r}")
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", s.get("date", "")):
                problems.append(f"contradiction {n}: {side} date malformed")
    for p in problems:
        print(p)
    print(f"{len(questions)} questions, {len(contradictions)} contradictions")
    if problems:
        print("FAILED")
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
