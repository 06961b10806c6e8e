"""The vector index seam: one narrow Protocol that every backend (exact, ann, pgvector, qdrant) implements.

SQLite is the truth: `embeddings` holds every vector per embedder, `meta.seq` counts changes, new vectors
carry their `seq` and removed ones leave a `tombstones` row. A backend is a copy of those vectors that
remembers the `seq` it reflects, so it can catch up (apply the rows newer than that) instead of
rebuilding, and be rebuilt from SQLite at any time (`memex check --repair`).
"""
from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

import numpy as np

from memex.store.db import current_seq, read_tx

BATCH = 2_000
"""Vectors read from SQLite (and sent to a server) per batch."""


@dataclass(frozen=True)
class VectorFilter:
    """Metadata filters a backend may push down (all given ones must hold); mirrors retrieve.Filters."""

    path_glob: str | None = None
    tags: tuple[str, ...] = ()
    after: str | None = None
    """ISO date: chunks dated on or after (today the note's date; a per-chunk date when one is stored)."""
    before: str | None = None

    def active(self) -> bool:
        return bool(self.path_glob or self.tags or self.after or self.before)

    def glob(self) -> str | None:
        """The path glob as SQLite matches it (a bare name matches at any depth)."""
        if not self.path_glob:
            return None
        return self.path_glob if self.path_glob.startswith(("/", "*")) else f"*{self.path_glob}"


@dataclass(frozen=True)
class Payload:
    """What a server backend stores beside a vector so filters run inside the server."""

    chunk_id: int
    doc_id: int
    path: str
    tags: tuple[str, ...]
    date: str | None
    """ISO date string; the note's date (issue 11 adds a per-chunk date: `payload_rows` prefers it)."""


@runtime_checkable
class VectorIndex(Protocol):
    """Nearest-neighbour search over one embedder's chunk vectors, kept in step with SQLite."""

    kind: str
    """"exact", "ann", "pgvector" or "qdrant"."""
    embedder: str
    dims: int
    pushes_filters: bool
    """True: search() takes `where` and filters inside the backend; False: the caller passes `allowed`."""

    def __len__(self) -> int: ...

    def sync(self, conn: sqlite3.Connection) -> None:
        """Open: load persisted state if intact and not ahead of SQLite, then catch up (or rebuild)."""
        ...

    def catch_up(self, conn: sqlite3.Connection) -> int:
        """Apply changes committed in SQLite since the last sync; returns how many vectors changed."""
        ...

    def rebuild(self, conn: sqlite3.Connection) -> None:
        """Throw away the backend's copy and rebuild it from SQLite."""
        ...

    def search(self, query: np.ndarray, k: int, allowed: np.ndarray | None = None,
               where: VectorFilter | None = None) -> list[tuple[int, float]]:
        """Top-k (chunk_id, cosine), best first; `allowed` (chunk ids) or `where` restrict the candidates."""
        ...

    def vectors(self, chunk_ids: Sequence[int]) -> np.ndarray:
        """The stored vectors of these chunks (float32, one row each, in order): a note's vectors."""
        ...

    def save(self, force: bool = False) -> None:
        """Persist what is worth persisting (no-op for servers, which persist every write)."""
        ...

    def check(self, conn: sqlite3.Connection) -> tuple[str, bool]:
        """Compare with SQLite: (description, needs_rebuild)."""
        ...

    def close(self) -> None: ...


# ---- reading the truth ---------------------------------------------------------------------------
def decode(blobs: Sequence[bytes], dims: int) -> np.ndarray:
    """float32 little-endian blobs -> (n, dims) array."""
    if not blobs:
        return np.zeros((0, dims), dtype=np.float32)
    return np.frombuffer(b"".join(blobs), dtype="<f4").reshape(len(blobs), dims).astype(np.float32)


def count_vectors(conn: sqlite3.Connection, embedder: str) -> int:
    """How many vectors SQLite holds for an embedder."""
    return int(conn.execute("SELECT count(*) FROM embeddings WHERE embedder = ?", (embedder,)).fetchone()[0])


def iter_vectors(conn: sqlite3.Connection, embedder: str, dims: int,
                 batch: int = BATCH) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """Every vector of an embedder, in chunk-id order, as (ids, matrix) batches (keyset pagination)."""
    last = -1
    while True:
        rows = conn.execute("SELECT chunk_id, vector FROM embeddings WHERE embedder = ? AND chunk_id > ? "
                            "ORDER BY chunk_id LIMIT ?", (embedder, last, batch)).fetchall()
        if not rows:
            return
        ids = np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows))
        yield ids, decode([r[1] for r in rows], dims)
        last = int(ids[-1])


@dataclass
class Delta:
    """Changes in SQLite after a seq: chunk ids removed, vectors added, docs whose payload moved."""

    seq: int
    """meta.seq of the snapshot the delta was read in."""
    dead: set[int]
    new_ids: np.ndarray
    new_vectors: np.ndarray
    moved_docs: set[int]
    total: int
    """Vectors of this embedder in SQLite at `seq`."""


def read_delta(conn: sqlite3.Connection, embedder: str, dims: int, since: int) -> Delta:
    """Everything that changed after `since`, in one read snapshot."""
    with read_tx(conn):
        seq = current_seq(conn)
        if seq == since:
            return Delta(seq, set(), np.zeros(0, np.int64), np.zeros((0, dims), np.float32), set(),
                         count_vectors(conn, embedder))
        dead = {r[0] for r in conn.execute(
            "SELECT chunk_id FROM tombstones WHERE embedder = ? AND seq > ?", (embedder, since))}
        rows = conn.execute("SELECT chunk_id, vector FROM embeddings WHERE embedder = ? AND seq > ? "
                            "ORDER BY chunk_id", (embedder, since)).fetchall()
        moved = {r[0] for r in conn.execute("SELECT doc_id FROM payload_log WHERE seq > ?", (since,))} \
            if _has_table(conn, "payload_log") else set()
        total = count_vectors(conn, embedder)
    ids = np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows))
    return Delta(seq, dead, ids, decode([r[1] for r in rows], dims), moved, total)


def _has_table(conn: sqlite3.Connection, name: str) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (name,)).fetchone() is not None


def stored_vectors(conn: sqlite3.Connection, embedder: str, dims: int, chunk_ids: Sequence[int]) -> np.ndarray:
    """Vectors of the given chunks from SQLite, in order (zeros for a chunk without one)."""
    out = np.zeros((len(chunk_ids), dims), dtype=np.float32)
    pos = {int(c): i for i, c in enumerate(chunk_ids)}
    todo = list(pos)
    for s in range(0, len(todo), 500):
        part = todo[s:s + 500]
        for cid, blob in conn.execute(
                f"SELECT chunk_id, vector FROM embeddings WHERE embedder = ? AND chunk_id IN "
                f"({','.join('?' * len(part))})", (embedder, *part)):
            out[pos[int(cid)]] = np.frombuffer(blob, dtype="<f4")
    return out


def payload_rows(conn: sqlite3.Connection, chunk_ids: Iterable[int] | None = None,
                 doc_ids: Iterable[int] | None = None) -> list[Payload]:
    """Filterable payload of chunks (by chunk ids, or all chunks of some documents)."""
    date = chunk_date_expr(conn)
    base = (f"SELECT c.id, d.id, d.path, {date}, (SELECT group_concat(tag, char(31)) FROM tags t "
            "WHERE t.doc_id = d.id) FROM chunks c JOIN documents d ON d.id = c.doc_id ")
    keys, col = (list(chunk_ids), "c.id") if chunk_ids is not None else (list(doc_ids or ()), "d.id")
    out: list[Payload] = []
    for s in range(0, len(keys), 500):
        part = keys[s:s + 500]
        for r in conn.execute(base + f"WHERE {col} IN ({','.join('?' * len(part))})", part):
            out.append(Payload(int(r[0]), int(r[1]), r[2], tuple(sorted(r[4].split("\x1f"))) if r[4] else (),
                               r[3]))
    return out


def chunk_date_expr(conn: sqlite3.Connection) -> str:
    """SQL for a chunk's date: its own date column when the schema has one (issue 11), else the note's."""
    cols = {r[1] for r in conn.execute("PRAGMA table_info(chunks)")}
    own = next((c for c in ("chunk_date", "date") if c in cols), None)
    return f"coalesce(c.{own}, d.note_date)" if own else "d.note_date"


def allowed_chunk_ids(conn: sqlite3.Connection, where: VectorFilter) -> np.ndarray:
    """Chunk ids passing the filters, resolved in SQLite (for backends that cannot filter themselves)."""
    clauses, args = filter_sql(conn, where)
    rows = conn.execute(f"SELECT c.id FROM chunks c JOIN documents d ON d.id = c.doc_id WHERE {clauses}", args)
    return np.fromiter((r[0] for r in rows), dtype=np.int64)


def filter_sql(conn: sqlite3.Connection, where: VectorFilter) -> tuple[str, list[object]]:
    """SQLite WHERE clause over chunks c JOIN documents d for the filters."""
    clauses, args = [], []
    if where.glob():
        clauses.append("d.path GLOB ?")
        args.append(where.glob())
    for t in where.tags:
        clauses.append("d.id IN (SELECT doc_id FROM tags WHERE tag = ?)")
        args.append(t.lstrip("#").lower())
    date = chunk_date_expr(conn)
    if where.after:
        clauses.append(f"{date} >= ?")
        args.append(where.after)
    if where.before:
        clauses.append(f"{date} <= ?")
        args.append(where.before)
    return " AND ".join(clauses) or "1", args


def docs_matching_glob(conn: sqlite3.Connection, glob: str) -> list[int]:
    """Document ids whose path matches a SQLite GLOB."""
    return [int(r[0]) for r in conn.execute("SELECT id FROM documents WHERE path GLOB ?", (glob,))]


def topk(ids: np.ndarray, scores: np.ndarray, k: int) -> list[tuple[int, float]]:
    """The k best (id, score) pairs, best first."""
    k = min(k, len(scores))
    if k <= 0:
        return []
    top = np.argpartition(-scores, k - 1)[:k]
    top = top[np.argsort(-scores[top])]
    return [(int(ids[i]), float(scores[i])) for i in top]
