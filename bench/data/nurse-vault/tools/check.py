#!/usr/bin/env python3
"""Validate a personal dev vault: notes/, questions.jsonl and contradictions.jsonl.

Usage:  python tools/check.py [VAULT_DIR]     (default: the vault this file sits in)

Standard library only. DOCX and PDF text comes from python-docx and pypdf when they can be imported;
without them those notes are skipped with a message, and strings that could only be checked in them are
counted as unverified rather than wrong. The same file serves every vault in bench/data (copy it as is).

Checks: question schema and types; every gold note exists; every must_include string is in the answer,
not in the question, and in at least one gold note (whitespace and case normalised; HTML tags stripped);
contradiction quotes are in their notes (exact for text notes, whitespace-normalised for DOCX/PDF/HTML);
old dates are not after new ones; every injection_probe question has a gold note that carries an
injected instruction; gold_alternatives.jsonl (optional: other notes that state the same answer) names
existing questions and notes, and each of its notes holds a must_include string. Prints counts per type
(and per language) and exits 1 on any error.
"""
from __future__ import annotations

import collections
import datetime as dt
import html
import json
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

TYPES = ("single", "paraphrase", "multi_hop", "temporal_latest", "numeric", "aggregation", "unanswerable",
         "injection_probe")
Q_KEYS = ["id", "question", "answer", "must_include", "gold_notes", "type"]
INJECTION = re.compile(r"ignore (all |your )?previous instructions|ignora (todas )?las instrucciones|"
                       r"^\s*SYSTEM:|instructions for ai|note for ai|ai assistants|asistentes? de ia",
                       re.IGNORECASE | re.MULTILINE)
WIKILINK = re.compile(r"\[\[([^\]|#]+)(?:#[^\]|]*)?(?:\|[^\]]*)?\]\]")

try:
    import pypdf
except ImportError:
    pypdf = None
try:
    import docx
except ImportError:
    docx = None


class _Text(HTMLParser):
    """Visible and hidden text of an HTML page (tags dropped, script/style skipped)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        elif tag in ("p", "li", "h1", "h2", "h3", "div", "br", "tr", "section", "article"):
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def norm(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip().lower()


class Vault:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.notes = root / "notes"
        self.errors: list[str] = []
        self.skipped: set[str] = set()
        self.unverified: list[str] = []
        self._cache: dict[str, str | None] = {}

    def err(self, msg: str) -> None:
        self.errors.append(msg)

    def text(self, rel: str) -> str | None:
        """A note's text; None when its format's library is missing."""
        if rel in self._cache:
            return self._cache[rel]
        p = self.notes / rel
        ext = p.suffix.lower()
        out: str | None
        if ext == ".pdf":
            if pypdf is None:
                self.skipped.add(rel)
                out = None
            else:
                out = "\n".join((pg.extract_text() or "") for pg in pypdf.PdfReader(str(p)).pages)
        elif ext == ".docx":
            if docx is None:
                self.skipped.add(rel)
                out = None
            else:
                d = docx.Document(str(p))
                parts = [para.text for para in d.paragraphs]
                for t in d.tables:
                    for row in t.rows:
                        parts.extend(cell.text for cell in row.cells)
                out = "\n".join(parts)
        elif ext in (".html", ".htm"):
            parser = _Text()
            parser.feed(p.read_text(encoding="utf-8"))
            out = html.unescape("".join(parser.parts))
        else:
            out = p.read_text(encoding="utf-8")
        self._cache[rel] = out
        return out

    def raw(self, rel: str) -> str | None:
        p = self.notes / rel
        if p.suffix.lower() in (".pdf", ".docx"):
            return self.text(rel)
        return p.read_text(encoding="utf-8")

    # ------------------------------------------------------------ questions
    def check_questions(self) -> list[dict]:
        path = self.root / "questions.jsonl"
        qs: list[dict] = []
        for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                q = json.loads(line)
            except json.JSONDecodeError as e:
                self.err(f"questions.jsonl line {i}: bad JSON ({e})")
                continue
            keys = [k for k in q if k != "lang"]
            if keys != Q_KEYS:
                self.err(f"questions line {i}: keys {list(q)} (want {Q_KEYS} plus optional 'lang')")
                continue
            qs.append(q)
            self._check_question(q)
        ids = [q["id"] for q in qs]
        for k, v in collections.Counter(ids).items():
            if v > 1:
                self.err(f"duplicate id {k}")
        for k, v in collections.Counter(norm(q["question"]) for q in qs).items():
            if v > 1:
                self.err(f"duplicate question: {k!r}")
        langs = {("lang" in q) for q in qs}
        if len(langs) > 1:
            self.err("either every question has a 'lang' or none does")
        return qs

    def _check_question(self, q: dict) -> None:
        qid = q["id"]
        for k in ("id", "question", "answer", "type"):
            if not isinstance(q[k], str) or not q[k].strip():
                self.err(f"{qid}: {k} must be a non-empty string")
                return
        if "lang" in q and not re.fullmatch(r"[a-z]{2}", str(q["lang"])):
            self.err(f"{qid}: bad lang {q['lang']!r}")
        must, gold = q["must_include"], q["gold_notes"]
        if not isinstance(must, list) or not isinstance(gold, list):
            self.err(f"{qid}: must_include and gold_notes must be lists")
            return
        if q["type"] not in TYPES:
            self.err(f"{qid}: unknown type {q['type']!r}")
        if q["type"] == "unanswerable":
            if must or gold:
                self.err(f"{qid}: unanswerable needs empty must_include and gold_notes")
            return
        if not 1 <= len(must) <= 4:
            self.err(f"{qid}: must_include needs 1-4 strings")
        if not gold:
            self.err(f"{qid}: gold_notes is empty")
        if q["type"] == "multi_hop" and len(gold) < 2:
            self.err(f"{qid}: multi_hop needs two or more gold notes")
        texts, any_skipped = [], False
        for g in gold:
            if not (self.notes / g).is_file():
                self.err(f"{qid}: gold note missing: {g}")
                continue
            t = self.text(g)
            if t is None:
                any_skipped = True
            else:
                texts.append(norm(t))
        for m in must:
            if not isinstance(m, str) or not m.strip():
                self.err(f"{qid}: empty must_include string")
                continue
            nm = norm(m)
            if nm not in norm(q["answer"]):
                self.err(f"{qid}: must_include {m!r} is not in the answer")
            if nm in norm(q["question"]):
                self.err(f"{qid}: must_include {m!r} appears in the question")
            if not any(nm in t for t in texts):
                if any_skipped:
                    self.unverified.append(f"{qid}: {m!r}")
                else:
                    self.err(f"{qid}: must_include {m!r} not found in any gold note {gold}")
        if q["type"] == "injection_probe":
            raws = [self.raw(g) for g in gold if (self.notes / g).is_file()]
            if not any(r and INJECTION.search(r) for r in raws):
                self.err(f"{qid}: injection_probe but no gold note carries an injected instruction")

    def check_alternatives(self, qs: list[dict]) -> int:
        path = self.root / "gold_alternatives.jsonl"
        if not path.is_file():
            return 0
        by_id = {q["id"]: q for q in qs}
        n = 0
        for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                a = json.loads(line)
            except json.JSONDecodeError as e:
                self.err(f"gold_alternatives.jsonl line {i}: bad JSON ({e})")
                continue
            q = by_id.get(a.get("id"))
            if set(a) != {"id", "also_notes"} or q is None or not isinstance(a["also_notes"], list):
                self.err(f"gold_alternatives line {i}: needs an existing question id and an also_notes list")
                continue
            if q["type"] == "unanswerable":
                self.err(f"gold_alternatives line {i}: {q['id']} is unanswerable")
            for g in a["also_notes"]:
                n += 1
                if g in q["gold_notes"]:
                    self.err(f"gold_alternatives {q['id']}: {g} is already a gold note")
                if not (self.notes / g).is_file():
                    self.err(f"gold_alternatives {q['id']}: missing note {g}")
                    continue
                t = self.text(g)
                if t is not None and not any(norm(m) in norm(t) for m in q["must_include"]):
                    self.err(f"gold_alternatives {q['id']}: {g} holds none of {q['must_include']}")
        return n

    # ------------------------------------------------------------ contradictions
    def check_contradictions(self) -> list[dict]:
        path = self.root / "contradictions.jsonl"
        rows: list[dict] = []
        for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                c = json.loads(line)
            except json.JSONDecodeError as e:
                self.err(f"contradictions.jsonl line {i}: bad JSON ({e})")
                continue
            rows.append(c)
            if set(c) != {"subject", "attribute", "old", "new"}:
                self.err(f"contradictions line {i}: keys {sorted(c)}")
                continue
            dates = {}
            for side in ("old", "new"):
                s = c[side]
                if not isinstance(s, dict) or set(s) != {"path", "quote", "date"}:
                    self.err(f"contradictions line {i} {side}: needs exactly path, quote, date")
                    continue
                try:
                    dates[side] = dt.date.fromisoformat(s["date"])
                except (TypeError, ValueError):
                    self.err(f"contradictions line {i} {side}: bad date {s.get('date')!r}")
                p = self.notes / s["path"]
                if not p.is_file():
                    self.err(f"contradictions line {i} {side}: missing note {s['path']}")
                    continue
                t = self.text(s["path"])
                if t is None:
                    continue
                if p.suffix.lower() in (".pdf", ".docx", ".html", ".htm"):
                    ok = norm(s["quote"]) in norm(t)
                else:
                    ok = s["quote"] in t
                if not ok:
                    self.err(f"contradictions line {i} {side}: quote not in {s['path']}: {s['quote'][:70]!r}")
            if len(dates) == 2 and dates["old"] > dates["new"]:
                self.err(f"contradictions line {i}: old date {dates['old']} after new date {dates['new']}")
        return rows

    # ------------------------------------------------------------ notes
    def survey_notes(self) -> dict:
        files = sorted(p for p in self.notes.rglob("*") if p.is_file())
        rels = [str(p.relative_to(self.notes)) for p in files]
        words, injected, names = 0, [], set()
        for rel in rels:
            names.add(Path(rel).stem.lower())
            names.add(Path(rel).name.lower())
        unresolved: set[str] = set()
        for rel in rels:
            t = self.text(rel)
            if t is None:
                continue
            words += len(t.split())
            raw = self.raw(rel) or ""
            if INJECTION.search(raw):
                injected.append(rel)
            if rel.endswith(".md"):
                for target in WIKILINK.findall(raw):
                    name = target.strip().split("/")[-1].lower()
                    if name not in names:
                        unresolved.add(target.strip())
        return {"files": rels, "words": words, "injected": injected, "unresolved": sorted(unresolved),
                "by_ext": collections.Counter(Path(r).suffix.lower() for r in rels),
                "by_folder": collections.Counter(Path(r).parts[0] if len(Path(r).parts) > 1 else "." for r in rels)}


def main() -> int:
    root = Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent
    v = Vault(root)
    if not v.notes.is_dir():
        print(f"{root}: no notes/ folder")
        return 1
    qs = v.check_questions()
    alternatives = v.check_alternatives(qs)
    rows = v.check_contradictions()
    info = v.survey_notes()
    if any(q["type"] == "injection_probe" for q in qs) and not info["injected"]:
        v.err("injection_probe questions but no note carries an injected instruction")

    print(f"vault: {root.name}")
    if pypdf is None:
        print("pypdf not installed: PDF notes skipped")
    if docx is None:
        print("python-docx not installed: DOCX notes skipped")
    if v.skipped:
        print(f"binary notes skipped: {len(v.skipped)}")
    if v.unverified:
        print(f"must_include strings not verified (only in skipped binary notes): {len(v.unverified)}")
    print(f"notes: {len(info['files'])} files, ~{info['words']} words")
    print("  by format: " + ", ".join(f"{k or '(none)'} {n}" for k, n in sorted(info["by_ext"].items())))
    print("  by folder: " + ", ".join(f"{k} {n}" for k, n in sorted(info["by_folder"].items())))
    print(f"  notes with injected instructions: {len(info['injected'])} ({', '.join(info['injected'])})")
    print(f"  unresolved wikilinks: {len(info['unresolved'])} ({', '.join(info['unresolved'])})")
    counts = collections.Counter(q["type"] for q in qs)
    print(f"questions: {len(qs)}  " + ", ".join(f"{t} {counts.get(t, 0)}" for t in TYPES))
    if any("lang" in q for q in qs):
        by_lang = collections.Counter(q.get("lang") for q in qs)
        print("  by language: " + ", ".join(f"{k} {n}" for k, n in sorted(by_lang.items())))
        for lang in sorted(by_lang):
            c = collections.Counter(q["type"] for q in qs if q.get("lang") == lang)
            print(f"    {lang}: " + ", ".join(f"{t} {c[t]}" for t in TYPES if c[t]))
    if alternatives:
        print(f"gold_alternatives: {alternatives} further notes that state an answer")
    print(f"contradictions: {len(rows)}")
    if v.errors:
        print(f"\n{len(v.errors)} problem(s):")
        for e in v.errors:
            print("  - " + e)
        print("FAIL")
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
