"""The context a note's passages are indexed with: its title, the names it goes by, an informative file name.

Every chunk is searched (the FTS5 title column) and embedded (the prefix before its text) with this context,
so a passage that never names its subject still matches a question that does: "Prefers texts to calls"
in the note titled "Rebecca Lyle", which says "Everyone calls her Bex"; the quote in a DOCX whose
document title is "Quotation PSB-Q-0417" but whose file is "Pryce & Son quote Oct 2025.docx".
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import PurePath
from typing import Any

MAX_ALIASES = 4
ALIAS_SCAN_CHARS = 1200
"""Nicknames are stated near the top of a note ("Everyone calls her Bex")."""
_ALIAS = re.compile(
    r"\b(?i:(?:every(?:one|body)|people|we|they|i|most people)\s+calls?\s+(?:her|him|them|me)|"
    r"nick-?named|nickname(?:\s+is)?:?)\s+"
    r"[\"“'‘*_]*(?P<name>[A-Z][\w’'-]{1,20}(?:\s+[A-Z][\w’'-]{1,20})?)")
_WORDS = re.compile(r"[^\W\d_]{3,}", re.UNICODE)


def informative_stem(path: str, title: str | None) -> str | None:
    """The file name (no extension) when it says something the title does not: a word of three letters or more
    not already in the title ("Pryce & Son quote Oct 2025"; "Darts" for the note headed "Lowther Ladies (B team)";
    not "4983" or "mh-d0000")."""
    stem = PurePath(path).stem.strip()
    words = _WORDS.findall(stem)
    # One word is enough: people file a topic's note under its one-word name ("Darts.md", "Caravan.md") and head
    # it with something else; the file name is then the only place the topic's own word is written.
    if not words:
        return None
    low = (title or "").lower()
    if stem.lower() in low or all(w.lower() in low for w in words):
        return None
    return stem


def aliases(meta: dict[str, Any], blocks: Sequence[Any], title: str | None) -> list[str]:
    """Names the note goes by: front matter `aliases`, then nicknames stated near its top."""
    out: list[str] = [str(a).strip() for a in meta.get("aliases") or [] if str(a).strip()]
    head = ""
    for b in blocks:
        head += b.text + "\n"
        if len(head) > ALIAS_SCAN_CHARS:
            break
    for m in _ALIAS.finditer(head[:ALIAS_SCAN_CHARS]):
        out.append(m.group("name"))
    low = (title or "").lower()
    seen: list[str] = []
    for a in out:
        if a.lower() not in low and a.lower() not in (s.lower() for s in seen):
            seen.append(a)
    return seen[:MAX_ALIASES]


def note_context(title: str, path: str, meta: dict[str, Any], blocks: Sequence[Any]) -> str:
    """"Title (alias, alias) — file name": what every passage of the note is indexed with."""
    names = aliases(meta, blocks, title)
    opening = str(meta.get("opening_line") or "").strip()
    if opening and opening.lower() not in title.lower():
        names = [opening, *names]  # an image's first line of text (parsers/image_file.py)
    text = f"{title} ({', '.join(names)})" if names else title
    stem = informative_stem(path, title)
    return f"{text} — {stem}" if stem else text
