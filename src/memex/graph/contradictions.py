"""Contradictions: two dated statements about the same subject whose values disagree; the later one wins.

A pair qualifies when the statements share enough rare subject words (weighted overlap), state a value of
the same type (a day, a time, an amount, a dose, a date, a frequency) with different values, and were made
on different dates. A change cue in the later one ("moved to", "now", "increased from … to") lowers the bar.
Each later statement keeps its best earlier match, so a chain (£46,800 → £52,350 → £55,900) yields
consecutive pairs. Candidates come from an inverted index over the rarest subject words, never all pairs.
"""
from __future__ import annotations

import json
import math
import re
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass

VALUE_TYPES = ("money", "time", "weekday", "date", "quantity", "frequency", "duration")
"""Value types that can disagree (plain numbers only count when a statement has nothing else)."""
MIN_OVERLAP = 0.3
"""Weighted share of subject words the two statements must have in common (with a change cue)."""
MIN_OVERLAP_NO_CUE = 0.8
MIN_SHARED = 1
RARE_TERMS = 4
"""Candidate partners are found through each statement's rarest subject words."""
MAX_DF_SHARE = 0.05
MIN_DF_CAP = 30


@dataclass(frozen=True)
class StatementRow:
    """A stored statement."""

    id: int
    doc_id: int
    chunk_id: int
    text: str
    terms: tuple[str, ...]
    slots: dict[str, list[str]]
    date: str | None
    cue: bool


@dataclass(frozen=True)
class Contradiction:
    """An older statement and the later one that replaces it."""

    old: StatementRow
    new: StatementRow
    subject: str
    score: float
    values: tuple[str, str]
    """What changed, as shown: (old value, new value)."""


def _rows(conn: sqlite3.Connection, where: str = "", args: Sequence[object] = ()) -> list[StatementRow]:
    return [StatementRow(int(r[0]), int(r[1]), int(r[2]), r[3], tuple(json.loads(r[4])), json.loads(r[5]), r[6],
                         bool(r[7]))
            for r in conn.execute(f"SELECT id, doc_id, chunk_id, text, terms, slots, date, cue FROM graph_statements"
                                  f"{where}", args)]


def _dates(values: list[str], other: list[str]) -> set[str]:
    """Dates compare by month and day when either side was written without a year."""
    if any(v.startswith("--") for v in values + other):
        return {v[-5:] for v in values}
    return set(values)


def _conflict(a: dict[str, list[str]], b: dict[str, list[str]]) -> tuple[str, str] | None:
    """Value types both state with different values: (old values, new values) as text, or None."""
    conflicting = []
    for kind in VALUE_TYPES:
        va, vb = a.get(kind), b.get(kind)
        if not (va and vb):
            continue
        sa, sb = (_dates(va, vb), _dates(vb, va)) if kind == "date" else (set(va), set(vb))
        if sb <= sa:
            continue
        if kind != "date" and len(vb) > 1 and vb[-1] in sa:
            continue  # "from £35 to £42" said after "£42": the later one ends on the older value
        if kind == "date" and len(sa | sb) > 4:
            continue  # lists of dates (schedules) are not one value
        conflicting.append(kind)
    if conflicting:
        shown = [k for k in VALUE_TYPES if a.get(k) and b.get(k)]
        return " ".join(" ".join(a[k]) for k in shown), " ".join(" ".join(b[k]) for k in shown)
    if not any(a.get(k) for k in VALUE_TYPES) and not any(b.get(k) for k in VALUE_TYPES):
        na, nb = a.get("number"), b.get("number")
        if na and nb and set(na) != set(nb) and len(na) == 1 and len(nb) == 1:
            return na[0], nb[0]
    return None


def find(conn: sqlite3.Connection, doc_ids: Sequence[int] | None = None) -> list[Contradiction]:
    """Contradictions involving statements of `doc_ids` (every statement when None)."""
    n_docs = max(2, int(conn.execute("SELECT count(*) FROM documents").fetchone()[0]))
    all_rows = _rows(conn)
    if not all_rows:
        return []
    by_id = {r.id: r for r in all_rows}
    postings: dict[str, list[int]] = {}
    for r in all_rows:
        for t in r.terms:
            postings.setdefault(t, []).append(r.id)
    doc_freq = {t: len({by_id[i].doc_id for i in ids}) for t, ids in postings.items()}
    cap = max(MIN_DF_CAP, int(MAX_DF_SHARE * n_docs))

    def idf(t: str) -> float:
        return math.log((n_docs + 1) / (doc_freq.get(t, 1) + 0.5))

    focus = all_rows if doc_ids is None else [r for r in all_rows if r.doc_id in set(doc_ids)]
    best: dict[int, Contradiction] = {}
    for s in focus:
        rare = sorted((t for t in s.terms if doc_freq.get(t, 0) <= cap), key=lambda t: doc_freq[t])[:RARE_TERMS]
        seen: dict[int, int] = {}
        for t in rare:
            for other in postings.get(t, ()):
                if other != s.id:
                    seen[other] = seen.get(other, 0) + 1
        for other_id in seen:
            o = by_id[other_id]
            if not s.date or not o.date or s.date == o.date:
                continue
            old, new = (o, s) if o.date < s.date else (s, o)
            c = _score(old, new, idf)
            if c is not None and (new.id not in best or c.score > best[new.id].score):
                best[new.id] = c
    # one earlier statement is replaced once: keep its strongest successor
    by_old: dict[int, Contradiction] = {}
    for c in best.values():
        if c.old.id not in by_old or c.score > by_old[c.old.id].score:
            by_old[c.old.id] = c
    return sorted(by_old.values(), key=lambda c: (c.new.date or "", c.score), reverse=True)


def _score(old: StatementRow, new: StatementRow, idf) -> Contradiction | None:  # type: ignore[no-untyped-def]
    shared = set(old.terms) & set(new.terms)
    if len(shared) < MIN_SHARED:
        return None
    if old.doc_id == new.doc_id and not new.cue and _entry(old.text) and _entry(new.text):
        return None  # two rows of one log or table are two events (a firing, a run, a sale), not a change
    ids_old, ids_new = {t for t in old.terms if t[:1] == "#"}, {t for t in new.terms if t[:1] == "#"}
    if ids_old and ids_new and not ids_old & ids_new:
        return None  # two records with different identifiers (INV-2024-0017, INV-2024-0029)
    union = set(old.terms) | set(new.terms)
    overlap = sum(idf(t) for t in shared) / max(1e-9, sum(idf(t) for t in union))
    # the smaller statement's words matter most: "the weekly sync is on Tuesday" vs a long retro line
    small = min((old.terms, new.terms), key=len)
    cover = sum(idf(t) for t in shared) / max(1e-9, sum(idf(t) for t in set(small)))
    sim = 0.5 * overlap + 0.5 * cover
    if sim < (MIN_OVERLAP if new.cue else MIN_OVERLAP_NO_CUE):
        return None
    values = _conflict(old.slots, new.slots)
    if values is None:
        return None
    subject = " ".join(sorted(shared, key=lambda t: -idf(t))[:3])
    return Contradiction(old, new, subject, round(sim * (1.0 if new.cue else 0.8), 4), values)


_ENTRY = re.compile(r"[\s#*>•|\[\]x-]*(?:\d{1,4}[-/. ]|(?:mon|tue|wed|thu|fri|sat|sun)\w*\b)", re.I)


def _entry(text: str) -> bool:
    """A log line or a table row: it opens with a date or a weekday, or is a table row."""
    return text.lstrip().startswith("|") or bool(_ENTRY.match(text))


def mark_stale(conn: sqlite3.Connection, found: Sequence[Contradiction]) -> None:
    """Record which statements a later one contradicts (the older is stale); call inside write_tx."""
    conn.executemany("UPDATE graph_statements SET stale_by = ? WHERE id = ?", [(c.new.id, c.old.id) for c in found])


def stale_chunks(conn: sqlite3.Connection) -> dict[int, int]:
    """chunk id holding a stale statement -> chunk id of the statement that replaced it (for answering)."""
    return {int(a): int(b) for a, b in conn.execute(
        "SELECT s.chunk_id, n.chunk_id FROM graph_statements s JOIN graph_statements n ON n.id = s.stale_by")}
