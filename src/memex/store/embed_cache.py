"""A persistent embedding cache keyed by (embedder id, text hash), shared across homes (used by eval)."""
from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping
from pathlib import Path


class EmbeddingCache:
    """Vectors by content hash, so indexing the same text twice never embeds it twice."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.conn = sqlite3.connect(path, timeout=30, isolation_level=None, check_same_thread=False)
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.execute("CREATE TABLE IF NOT EXISTS vectors (embedder TEXT NOT NULL, text_hash TEXT NOT NULL,"
                          " vector BLOB NOT NULL, PRIMARY KEY (embedder, text_hash)) WITHOUT ROWID")

    def get_many(self, embedder: str, hashes: Iterable[str]) -> dict[str, bytes]:
        """Cached vectors for the given hashes (missing ones are absent)."""
        out: dict[str, bytes] = {}
        todo = list(hashes)
        for i in range(0, len(todo), 500):
            part = todo[i:i + 500]
            q = f"SELECT text_hash, vector FROM vectors WHERE embedder = ? AND text_hash IN ({','.join('?' * len(part))})"
            out.update(self.conn.execute(q, (embedder, *part)).fetchall())
        return out

    def put_many(self, embedder: str, vectors: Mapping[str, bytes]) -> None:
        """Store vectors (float32 bytes) by hash."""
        self.conn.execute("BEGIN IMMEDIATE")
        self.conn.executemany("INSERT OR IGNORE INTO vectors VALUES (?, ?, ?)",
                              [(embedder, h, v) for h, v in vectors.items()])
        self.conn.execute("COMMIT")

    def close(self) -> None:
        """Close the file."""
        self.conn.close()
