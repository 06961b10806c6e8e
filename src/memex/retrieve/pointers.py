"""Pointer notes: the note a [[wikilink]] on the best passage's matching line sends the reader to.

People keep the detail in one note and point at it from others: "Swimming (Stage 8 since September) — see
[[Kids' clubs and schedule]] for the current day", "Dougie's quote came on Tuesday … File is in [[Pryce & Son
quote Oct 2025]]". The passage that matches the question best is then often the pointer, not the note that
holds the answer, and that note may share little with the question's words (a schedule table, a scanned
quote). A line of the best passage that shares at least MIN_SHARED of the question's content words and holds
exactly one link (a line listing several links is navigation, not a pointer for this fact) names the second
note; its best passage is lifted to `pointer_weight` x the top score (retrieve/search.py). A link resolves by
title or file name as `memex links` does (store/catalog.py); a name several notes share (more than
MAX_SAME_NAME) points at none. A passage without "[[" costs nothing. Fitted on the dev vaults:
docs/benchmarks.md ("Round 9, recall9").
"""
from __future__ import annotations

import re
import sqlite3

from memex.retrieve.query import STOPWORDS, WORD
from memex.store.catalog import link_names, target_name
from memex.store.stamped import PerConnection

MIN_SHARED = 2
"""Content words (5-letter stems) a line shares with the question before its link counts as a pointer."""
MAX_SAME_NAME = 2
"""A link name more notes than this go by points at none of them."""
_WIKILINK = re.compile(r"!?\[\[([^\[\]\n|#]+)(?:#[^\[\]\n|]*)?(?:\|[^\[\]\n]*)?\]\]")


def _stems(text: str) -> set[str]:
    return {w.lower()[:5] for w in WORD.findall(text) if w.lower() not in STOPWORDS and not w.isdigit()}


def pointer_lines(text: str, query: str) -> list[str]:
    """Link targets (as written) of the passage's lines that hold one link and share MIN_SHARED question words."""
    terms = _stems(query)
    out = []
    for line in text.splitlines():
        targets = _WIKILINK.findall(line)
        if len(targets) != 1:
            continue
        if len(_stems(line) & terms) >= MIN_SHARED:
            out.append(targets[0].strip())
    return out


def _read_names(conn: sqlite3.Connection) -> dict[str, frozenset[int]]:
    out: dict[str, set[int]] = {}
    for doc_id, path, title in conn.execute("SELECT id, path, title FROM documents"):
        for name in link_names(path, title):
            out.setdefault(name.removesuffix(".md"), set()).add(int(doc_id))
    return {k: frozenset(v) for k, v in out.items()}


_link_names = PerConnection(_read_names, size=8)


def pointed_notes(conn: sqlite3.Connection, query: str, doc_id: int, text: str) -> list[int]:
    """Notes (other than `doc_id`, the passage's own) that the passage `text` points to where it meets the query;
    the name map is read once per change of the store."""
    targets = pointer_lines(text, query)
    if not targets:
        return []
    names = _link_names.get(conn)
    found: set[int] = set()
    for t in targets:
        docs = names.get(target_name(t), frozenset())
        if len(docs) <= MAX_SAME_NAME:
            found |= docs
    found.discard(doc_id)
    return sorted(found)
