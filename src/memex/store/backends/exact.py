"""`exact`: cosine over every vector (a matrix-vector product), the reference and the small-vault default.

The in-memory matrix and its checksummed disk cache are store/vectors.py's; this adds the backend seam.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from memex.store.backends.base import VectorFilter, allowed_chunk_ids
from memex.store.vectors import VectorIndex as _Matrix
from memex.store.vectors import cache_file, cache_state


class ExactIndex(_Matrix):
    """Exact search over a float32 matrix cached at <home>/cache/vectors-<embedder>.bin."""

    kind = "exact"
    pushes_filters = False

    def __init__(self, embedder: str, dims: int, cache_dir: Path) -> None:
        super().__init__(embedder, dims)
        self.path = cache_file(cache_dir, embedder)
        self._conn: sqlite3.Connection | None = None

    def sync(self, conn: sqlite3.Connection, path: Path | None = None) -> None:  # type: ignore[override]
        self._conn = conn
        super().sync(conn, path or self.path)

    def save(self, path: Path | None = None, force: bool = False) -> None:  # type: ignore[override]
        super().save(path or self.path)

    def search(self, query: np.ndarray, k: int, allowed: np.ndarray | None = None,  # type: ignore[override]
               where: VectorFilter | None = None) -> list[tuple[int, float]]:
        if where is not None and where.active() and allowed is None and self._conn is not None:
            allowed = allowed_chunk_ids(self._conn, where)
        return super().search(query, k, allowed)

    def vectors(self, chunk_ids: Sequence[int]) -> np.ndarray:
        pos = {int(c): i for i, c in enumerate(self.ids.tolist())}
        out = np.zeros((len(chunk_ids), self.dims), dtype=np.float32)
        for j, c in enumerate(chunk_ids):
            i = pos.get(int(c))
            if i is not None:
                out[j] = self.matrix[i]
        return out

    def check(self, conn: sqlite3.Connection) -> tuple[str, bool]:
        """The on-disk cache against SQLite (what `memex check` reports)."""
        return cache_state(conn, self.embedder, self.dims, self.path)

    def close(self) -> None:
        self._conn = None
