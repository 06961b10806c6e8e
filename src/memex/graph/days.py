"""Notes that meet on one day: one names a day ("13 Sep: 133/82 — race morning") on which the other is dated
(the results sheet of that day's race). Read at query time from the stored passages and their dates, so
nothing is stored and no rebuild is needed.
"""
from __future__ import annotations

import datetime as dt
import math
import sqlite3

from memex.ingest import dates

MAX_OWN_CHUNKS = 400
"""At most this many passages of the note itself are read for the days it names."""
MAX_DAYS = 120
"""A note naming more days than this (a calendar, years of a log) meets no note through its days."""
MAX_DATED = 8
"""At most this many of the note's own dated days are looked up in the other notes' text (full-text search)."""
MAX_HITS = 40
"""...reading at most this many passages per day (each is parsed to confirm the day)."""
MAX_DAY_DF = 12
"""A day that this many notes meet on (a conference, a holiday everyone logged) joins nothing."""


def _day(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _named_days(text: str, context: dt.date | None) -> set[dt.date]:
    return {m.day for m in dates.find_dates(text, context) if m.precision == "day"}


def own_days(conn: sqlite3.Connection, doc_id: int) -> tuple[set[dt.date], set[dt.date]]:
    """(days the note's text names, days one of its passages is dated to exactly)."""
    row = conn.execute("SELECT note_date, date_source FROM documents WHERE id = ?", (doc_id,)).fetchone()
    note_day = _day(row[0]) if row and row[1] != "mtime" else None
    named: set[dt.date] = set()
    dated: set[dt.date] = set()
    for text, start, end in conn.execute("SELECT text, date_start, date_end FROM chunks WHERE doc_id = ? "
                                         "ORDER BY ordinal LIMIT ?", (doc_id, MAX_OWN_CHUNKS)):
        d0 = _day(start)
        named |= _named_days(text or "", d0 or note_day)
        if d0 is not None and start == end:
            dated.add(d0)
    return named, dated


def _fts_query(day: dt.date) -> str:
    months, _ = dates._vocabulary()
    words = sorted(t for t, m in months.items() if m == day.month and t.isalpha())
    named = " OR ".join(f'"{w}"' for w in words)
    iso = f'"{day.year} {day.month:02d} {day.day:02d}"'
    return f'("{day.day}"* AND ({named})) OR {iso} OR "{day.day:02d} {day.month:02d} {day.year}"'


def _naming(conn: sqlite3.Connection, day: dt.date, doc_id: int) -> set[int]:
    """Other notes whose text names `day` (full-text search, then each passage parsed to confirm)."""
    try:
        rows = conn.execute("SELECT c.doc_id, c.text, c.date_start, d.note_date FROM chunks c "
                            "JOIN documents d ON d.id = c.doc_id WHERE c.id IN "
                            "(SELECT rowid FROM chunks_fts WHERE chunks_fts MATCH ? LIMIT ?) AND c.doc_id != ?",
                            (_fts_query(day), MAX_HITS, doc_id)).fetchall()
    except sqlite3.Error:
        return set()
    out = set()
    for other, text, start, note_date in rows:
        if int(other) not in out and day in _named_days(text or "", _day(start) or _day(note_date)):
            out.add(int(other))
    return out


def _dated(conn: sqlite3.Connection, day: dt.date, doc_id: int) -> set[int]:
    """Other notes with a passage dated exactly `day`."""
    iso = day.isoformat()
    return {int(r[0]) for r in conn.execute("SELECT DISTINCT doc_id FROM chunks WHERE date_start = ? AND "
                                            "date_end = ? AND doc_id != ? LIMIT ?",
                                            (iso, iso, doc_id, MAX_DAY_DF + 1))}


def shared_days(conn: sqlite3.Connection, doc_id: int) -> dict[int, list[tuple[dt.date, int]]]:
    """Notes this one meets on a day: note -> [(day, how many notes meet on it)], where one of the pair
    names the day in its text and the other has a passage dated that day."""
    named, dated = own_days(conn, doc_id)
    if not named and not dated or len(named) > MAX_DAYS:
        return {}
    per_day: dict[dt.date, set[int]] = {}
    for day in named:
        per_day.setdefault(day, set()).update(_dated(conn, day, doc_id))
    for day in sorted(dated, reverse=True)[:MAX_DATED]:
        per_day.setdefault(day, set()).update(_naming(conn, day, doc_id))
    out: dict[int, list[tuple[dt.date, int]]] = {}
    for day, others in per_day.items():
        if 0 < len(others) <= MAX_DAY_DF:
            for o in others:
                out.setdefault(o, []).append((day, len(others)))
    return out


def rarity(df: int) -> float:
    """1 for a day only two notes meet on, less for more."""
    return 1.0 / math.log2(1 + df)
