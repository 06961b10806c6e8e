"""Values read from a store, kept per connection until the database changes."""
from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class PerConnection(Generic[T]):
    """A value computed from a connection, recomputed only when the database changed since (PRAGMA data_version
    moves when another connection commits, total_changes when this one does). The connection itself is held, so
    its id cannot be reused by another store's connection and answer with this one's value."""

    def __init__(self, compute: Callable[[sqlite3.Connection], T], size: int = 32) -> None:
        self._compute = compute
        self._size = size
        self._held: dict[int, tuple[sqlite3.Connection, tuple[int, int], T]] = {}

    def get(self, conn: sqlite3.Connection) -> T:
        """The value for this connection's database as it is now."""
        stamp = (int(conn.execute("PRAGMA data_version").fetchone()[0]), conn.total_changes)
        hit = self._held.get(id(conn))
        if hit is not None and hit[0] is conn and hit[1] == stamp:
            return hit[2]
        value = self._compute(conn)
        if len(self._held) >= self._size:
            self._held.pop(next(iter(self._held)))
        self._held[id(conn)] = (conn, stamp, value)
        return value
