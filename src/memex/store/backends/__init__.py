"""Vector index backends, chosen by `vector_store = "<kind>:<target>"`; vendor imports stay inside each module.

- `exact`                      every vector in a float32 matrix (store/vectors.py), the reference
- `ann[:bf16|i8|f16|f32]`      embedded HNSW (usearch), a cache rebuildable from SQLite
- `auto`                       exact below AUTO_ANN_MIN vectors, ann from there on
- `pgvector:postgresql://…`    PostgreSQL + pgvector (HNSW), shared by a team; filters run in SQL
- `qdrant:http://host:6333`    a Qdrant server through qdrant-client (`qdrant:local:/dir` for its local mode)
"""
from __future__ import annotations

import sqlite3
from pathlib import Path

from memex.errors import MemexError
from memex.store.backends.base import VectorFilter, VectorIndex, count_vectors

__all__ = ["VectorIndex", "VectorFilter", "open_index", "make_index", "parse_spec", "KINDS", "AUTO_ANN_MIN"]

KINDS = ("exact", "ann", "auto", "pgvector", "qdrant")
AUTO_ANN_MIN = 300_000
"""`auto` switches to the ANN index from this many vectors (docs/benchmarks.md, "Scale": below it exact
search is fast enough and exact; above it its latency and its 1.5 GB/M of float32 grow)."""


def parse_spec(spec: str) -> tuple[str, str]:
    """"kind:target" -> (kind, target); a bare kind has an empty target."""
    kind, _, target = (spec or "auto").strip().partition(":")
    kind = kind.lower()
    if kind not in KINDS:
        raise MemexError(f"config: vector_store must start with one of {', '.join(KINDS)}, not {spec!r}")
    if kind in ("pgvector", "qdrant") and not target:
        example = "postgresql://user@host:5432/memex" if kind == "pgvector" else "http://localhost:6333"
        raise MemexError(f"config: vector_store {kind!r} needs a target, e.g. '{kind}:{example}'")
    return kind, target


def open_index(spec: str, conn: sqlite3.Connection, embedder: str, dims: int, cache_dir: Path, *,
               replica: str = "") -> VectorIndex:
    """Build the configured backend and bring it in step with SQLite."""
    index = make_index(spec, conn, embedder, dims, cache_dir, replica=replica)
    index.sync(conn)
    return index


def make_index(spec: str, conn: sqlite3.Connection, embedder: str, dims: int, cache_dir: Path, *,
               replica: str = "") -> VectorIndex:
    """The configured backend, not yet synced (`auto` resolved by the current vector count)."""
    kind, target = parse_spec(spec)
    if kind == "auto":
        kind = "ann" if count_vectors(conn, embedder) >= AUTO_ANN_MIN else "exact"
        target = ""
    index: VectorIndex
    if kind == "exact":
        from memex.store.backends.exact import ExactIndex
        index = ExactIndex(embedder, dims, cache_dir)
    elif kind == "ann":
        from memex.store.backends.ann import DEFAULT_DTYPE, AnnIndex
        index = AnnIndex(embedder, dims, cache_dir, dtype=target or DEFAULT_DTYPE)
    elif kind == "pgvector":
        from memex.store.backends.pgvector import PgVectorIndex
        index = PgVectorIndex(embedder, dims, target, home_id(conn), replica=replica or None)
    else:
        from memex.store.backends.qdrant import QdrantIndex
        index = QdrantIndex(embedder, dims, target, home_id(conn))
    return index


def home_id(conn: sqlite3.Connection) -> str:
    """This store's id (a random hex string made by migration m005): its collection name on a server."""
    row = conn.execute("SELECT value FROM meta WHERE key = 'home_id'").fetchone()
    if row is None:
        raise MemexError("the store has no home_id; open it once with this Memex to migrate it")
    return str(row[0])
