"""Build the translated Obsidian-help retrieval sets: gold notes mapped to each language by `permalink:`.

Reads bench/data/obsidian_help_retrieval.jsonl (English questions, gold paths in the English vault) and
retrieval.<lang>.tsv (the same questions translated by hand, by id), finds each gold note's permalink in
../shared/data/docs/obsidian-help and the note with that permalink in
../shared/data/obsidian-help-i18n/<lang>/, and writes obsidian_help_retrieval.<lang>.jsonl
({"id", "question", "gold_paths"}, paths relative to that language's folder). Also writes
obsidian_help_retrieval.en-over-<lang>.jsonl: the English questions with the gold notes of <lang>, for
cross-language retrieval. QA: qa.<lang>.tsv (Spanish so far) -> obsidian_help_qa.<lang>.jsonl, each
answer_must_contain string checked to be in the gold notes of that language (gold_answer stays English). Usage: python bench/data/i18n/build.py  (exits 1 if a gold note has no match)
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
SHARED = REPO / ".." / "shared" / "data"
EN_VAULT = SHARED / "docs" / "obsidian-help"
I18N = SHARED / "obsidian-help-i18n"
LANGS = ("es", "de", "fr", "it", "pt-br", "nl")
_PERMALINK = re.compile(r"^permalink:\s*(\S+)\s*$", re.MULTILINE)


def permalinks(root: Path) -> dict[str, str]:
    """note path (relative to root) -> its permalink, for every note that has one."""
    out = {}
    for path in sorted(root.rglob("*.md")):
        head = path.read_text(encoding="utf-8", errors="replace")[:2000]
        if head.startswith("---") and (m := _PERMALINK.search(head.split("\n---", 1)[0])):
            out[path.relative_to(root).as_posix()] = m.group(1).strip("'\"")
    return out


def main() -> int:
    rows = [json.loads(line) for line in (HERE.parent / "obsidian_help_retrieval.jsonl").open(encoding="utf-8")]
    en = permalinks(EN_VAULT)
    errors = []
    for lang in LANGS:
        by_link = {link: path for path, link in permalinks(I18N / lang).items()}
        questions = dict(line.rstrip("\n").split("\t", 1)
                         for line in (HERE / f"retrieval.{lang}.tsv").open(encoding="utf-8") if line.strip())
        native, cross = [], []
        for r in rows:
            num = r["id"].split("-", 1)[1]
            gold = []
            for p in r["gold_paths"]:
                link = en.get(p)
                if link is None or link not in by_link:
                    errors.append(f"{lang} {r['id']}: no note for {p} (permalink {link})")
                    continue
                gold.append(by_link[link])
            if num not in questions:
                errors.append(f"{lang} {r['id']}: no translation")
                continue
            native.append({"id": r["id"], "question": questions[num], "gold_paths": gold})
            cross.append({"id": r["id"], "question": r["question"], "gold_paths": gold})
        for name, data in ((f"obsidian_help_retrieval.{lang}.jsonl", native),
                           (f"obsidian_help_retrieval.en-over-{lang}.jsonl", cross)):
            with (HERE / name).open("w", encoding="utf-8") as f:
                for item in data:
                    f.write(json.dumps(item, ensure_ascii=False) + "\n")
    errors += build_qa(en)
    for e in errors:
        print(e, file=sys.stderr)
    print(f"{len(rows)} questions x {len(LANGS)} languages; {len(errors)} errors")
    return 1 if errors else 0


def _fold(text: str) -> str:
    import unicodedata
    return "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c))


def build_qa(en: dict[str, str]) -> list[str]:
    """obsidian_help_qa.<lang>.jsonl from qa.<lang>.tsv (id, question, must-contain strings joined by |),
    checking that every must-contain string is in that language's gold notes (accents and case folded)."""
    rows = [json.loads(line) for line in (HERE.parent / "obsidian_help_qa.jsonl").open(encoding="utf-8")]
    errors = []
    for tsv in sorted(HERE.glob("qa.*.tsv")):
        lang = tsv.name.split(".")[1]
        by_link = {link: path for path, link in permalinks(I18N / lang).items()}
        tr = {}
        for line in tsv.open(encoding="utf-8"):
            if line.strip():
                num, question, must = line.rstrip("\n").split("\t")
                tr[num] = (question, [m for m in must.split("|") if m])
        with (HERE / f"obsidian_help_qa.{lang}.jsonl").open("w", encoding="utf-8") as f:
            for r in rows:
                num = r["id"].split("-", 1)[1]
                question, must = tr[num]
                gold = [by_link[en[p]] for p in r["gold_paths"]]
                text = _fold(" ".join((I18N / lang / g).read_text(encoding="utf-8") for g in gold))
                errors += [f"qa {lang} {r['id']}: {m!r} not in {gold}" for m in must if _fold(m) not in text]
                f.write(json.dumps({"id": r["id"], "question": question, "gold_answer": r["gold_answer"],
                                    "answer_must_contain": must, "gold_paths": gold, "type": r["type"]},
                                   ensure_ascii=False) + "\n")
    return errors


if __name__ == "__main__":
    sys.exit(main())
