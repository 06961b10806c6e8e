"""A question about the present ("Who's my line manager now?") prefers the later-dated of the passages it matches.

A personal vault keeps the old state next to the new one: the care plan of last autumn beside this autumn's, the
1-1 notes with the previous manager beside the current one's. Fusion ranks them by wording alone, so the later
note often lands just outside the first five. For a question asking about now, the best RECENCY_DEPTH passages get
up to `weight` on the convex scale by where their date falls among those passages' dates (the latest the most).
Only dates a note declares (front matter, properties, an "updated:" line, a dated file name) count: a date found
in running text or the file's modification time says little about when the note's statement holds, and corpora
written as flat `<id>.md` files (SciFact, MultiHop-RAG) have none of these, so their ranking never moves.
Plain search only (the hit list, and gold-note recall@5 of eval-answers): answering searches without it
(Brain._answer_searcher), where it cost answers. Fitted on the dev vaults: docs/benchmarks.md ("Round 14 — rec14").
"""
from __future__ import annotations

import re
import sqlite3
import unicodedata

RECENCY_DEPTH = 20
"""How many of the best passages compete on their dates."""
DECLARED_DATES = ("front matter", "properties", "updated", "file name")
"""`documents.date_source` values whose dates count."""

_NOW = re.compile(
    r"\b(?:now|currently|current|still|latest|these days|at the moment|at present|nowadays|today|any ?more|"
    r"ahora|actualmente|actual|todavia|aun|hoy en dia|en este momento|"  # es
    r"agora|atualmente|atual|ainda|hoje em dia|neste momento|"  # pt
    r"maintenant|actuellement|actuel\w*|desormais|en ce moment|a present|"  # fr
    r"jetzt|aktuell\w*|derzeit\w*|zurzeit|momentan|inzwischen|mittlerweile|"  # de
    r"adesso|attualmente|attual\w*|al momento|in questo momento|"  # it
    r"nu|tegenwoordig|momenteel|huidige?|op dit moment)\b")  # nl
"""Words asking about the present state, accents folded, in en, es, pt, fr, de, it, nl."""


def _fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c))


def asks_now(query: str) -> bool:
    """Does the question ask how things stand now ("currently", "ahora", "jetzt", "tegenwoordig"...)?"""
    return bool(_NOW.search(_fold(query)))


def with_recency(conn: sqlite3.Connection, query: str, fused: dict[int, float], weight: float) -> dict[int, float]:
    """For a question about now, add up to `weight` to each of the best RECENCY_DEPTH passages by how late its
    declared date is among theirs (the earliest gets 0, the latest `weight`); other questions are unchanged."""
    if weight <= 0 or not fused or not asks_now(query):
        return fused
    top = [c for c, _ in sorted(fused.items(), key=lambda kv: -kv[1])[:RECENCY_DEPTH]]
    rows = conn.execute(
        f"SELECT c.id, coalesce(c.date_end, d.note_date) FROM chunks c JOIN documents d ON d.id = c.doc_id "
        f"WHERE c.id IN ({','.join('?' * len(top))}) AND d.date_source IN ({','.join('?' * len(DECLARED_DATES))})",
        [*top, *DECLARED_DATES]).fetchall()
    dated = {int(c): str(d) for c, d in rows if d}
    days = sorted(set(dated.values()))
    if len(days) < 2:
        return fused
    place = {d: i / (len(days) - 1) for i, d in enumerate(days)}
    out = dict(fused)
    for chunk, day in dated.items():
        out[chunk] += weight * place[day]
    return out
