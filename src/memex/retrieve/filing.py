"""A question that uses the name of a folder the notes are filed in ("the loft", "Dad's care", "la résidence
où vit maman") leans towards the notes in that folder.

People file a topic's notes together ("home/loft/", "dad-care/", "maman/"); the folder says what a note is about
even when its passages don't (a quote PDF, a care plan). Where such a note ties with a year-in-review or a diary
entry that mentions the topic in passing, the folder decides: every passage of a note filed (below its source
folder) in a folder one of whose words is a word of the question is scored (1 + `bonus`) times. A folder holding
more than MAX_FOLDER_SHARE of all notes ("journal", "work") says little about any one question and lifts nothing.
Corpora written as flat files in one folder (SciFact, MultiHop-RAG) have no such folder, so their ranking never
moves. Plain search only (the hit list, and gold-note recall@5 of eval-answers): answering searches without it
(Brain._answer_searcher), where it cost answers. Fitted on the dev vaults: docs/benchmarks.md ("Round 14 — rec14").
"""
from __future__ import annotations

import functools
import re
import sqlite3

from memex.language.fold import fold
from memex.retrieve.naming import filing_folders
from memex.retrieve.query import STOPWORDS
from memex.retrieve.query_language import function_words
from memex.store.stamped import PerConnection

MAX_FOLDER_SHARE = 0.15
"""A folder holding more than this share of the notes names no topic in particular."""
_WORD = re.compile(r"[^\W\d_]{3,}")
_LANGS = ("es", "fr", "pt", "it", "de", "nl")


_fold = functools.partial(fold, sharp_s=False)


@functools.lru_cache(maxsize=1)
def _grammar() -> frozenset[str]:
    """The function words of English and the other languages, folded once per process."""
    return frozenset(STOPWORDS).union(*(function_words(lang) for lang in _LANGS))


def _query_words(query: str) -> set[str]:
    """The question's words of three letters or more, folded, without function words of any language."""
    grammar = _grammar()
    return {w for w in _WORD.findall(_fold(query)) if w not in grammar}


def _read_filed(conn: sqlite3.Connection) -> dict[str, frozenset[int]]:
    """Folder word -> the notes filed in a folder (of at most MAX_FOLDER_SHARE of all notes) with that word."""
    folders = filing_folders(conn)
    if not folders:
        return {}
    total = conn.execute("SELECT count(*) FROM documents").fetchone()[0] or 1
    out: dict[str, set[int]] = {}
    for name, docs in folders.items():
        if len(docs) <= MAX_FOLDER_SHARE * total:
            for word in set(_WORD.findall(_fold(name))):
                out.setdefault(word, set()).update(docs)
    return {word: frozenset(docs) for word, docs in out.items()}


# Read once per change of the store: folding every folder name per question cost ~30 ms at 3,000 folders.
_filed_map = PerConnection(_read_filed, size=8)


def filed_notes(conn: sqlite3.Connection, query: str) -> set[int]:
    """Notes filed in a folder (of at most MAX_FOLDER_SHARE of all notes) named with a word of the question."""
    words = _query_words(query)
    if not words:
        return set()
    by_word = _filed_map.get(conn)
    return set().union(*(by_word.get(w, frozenset()) for w in words))


def with_folder_bonus(conn: sqlite3.Connection, query: str, fused: dict[int, float],
                      bonus: float) -> dict[int, float]:
    """Scale the passages of the notes filed in a folder the question names by (1 + bonus)."""
    if bonus <= 0 or not fused:
        return fused
    filed = filed_notes(conn, query)
    if not filed:
        return fused
    chunks = list(fused)
    rows = conn.execute(f"SELECT id, doc_id FROM chunks WHERE id IN ({','.join('?' * len(chunks))})",
                        chunks).fetchall()
    out = dict(fused)
    for chunk, doc in rows:
        if int(doc) in filed:
            out[int(chunk)] *= 1 + bonus
    return out
