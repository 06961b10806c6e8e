"""Entry points the Brain calls: find a note from what a user typed, then read its relatives."""
from __future__ import annotations

import sqlite3

from memex.errors import MemexError
from memex.graph.related import Related, resolve_note
from memex.graph.related import related as _related


def note_id(conn: sqlite3.Connection, note: str | int) -> int:
    """A note's id from an id, a path (absolute, relative to a source, or a unique tail) or a unique title."""
    found = resolve_note(conn, str(note))
    if found is None:
        raise MemexError(f"no indexed note matches {str(note)!r} (give an id, a path or a note title)")
    return found


def related(conn: sqlite3.Connection, note: str | int, k: int = 10) -> list[Related]:
    """The k notes most related to NOTE, best first."""
    if k < 1:
        raise MemexError("k must be at least 1")
    return _related(conn, note_id(conn, note), k)
