"""The SQLite store and the vector cache: transactions, migrations, catch-up and corrupt caches."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import numpy as np
import pytest

from memex.domain import Chunk, Location
from memex.store import documents as docs
from memex.store.db import connect, current_seq, user_version, write_tx
from memex.store.migrations import MIGRATIONS
from memex.store.vectors import VectorIndex


def _doc(path: str, texts: list[str], dims: int = 8, seed: int = 0) -> docs.NewDocument:
    rng = np.random.default_rng(seed)
    vecs = rng.normal(size=(len(texts), dims)).astype(np.float32)
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
    chunks = [Chunk(t, i, (), Location()) for i, t in enumerate(texts)]
    return docs.NewDocument(path=path, content_hash=f"h-{path}-{seed}", size=1, mtime_ns=1, parser="text",
                            title="T", note_date="2024-01-01", metadata={"tags": ["x"]}, chunks=chunks,
                            text_hashes=[f"{path}{seed}{i}" for i in range(len(texts))], vectors=vecs)


@pytest.fixture
def conn(tmp_path: Path) -> sqlite3.Connection:
    c = connect(tmp_path / "m.db")
    with write_tx(c):
        docs.add_source(c, "/src")
    return c


def test_migrations_and_pragmas(conn: sqlite3.Connection):
    assert user_version(conn) == len(MIGRATIONS)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000


def test_newer_schema_is_refused(tmp_path: Path):
    c = sqlite3.connect(tmp_path / "n.db")
    c.execute("PRAGMA user_version=999")
    c.close()
    with pytest.raises(Exception, match="newer than this Memex"):
        connect(tmp_path / "n.db")


def test_failed_transaction_leaves_nothing(conn: sqlite3.Connection):
    with pytest.raises(RuntimeError):
        with write_tx(conn):
            docs.write_document(conn, 1, _doc("/src/a.md", ["one", "two"]), "e")
            raise RuntimeError("crash mid-document")
    for table in ("documents", "chunks", "embeddings", "chunks_fts"):
        assert conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0


def test_rewrite_replaces_chunks_and_fts(conn: sqlite3.Connection):
    with write_tx(conn):
        docs.write_document(conn, 1, _doc("/src/a.md", ["alpha text", "beta text"]), "e")
    with write_tx(conn):
        docs.write_document(conn, 1, _doc("/src/a.md", ["gamma text"], seed=1), "e")
    assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 1
    assert [r[0] for r in conn.execute("SELECT text FROM chunks")] == ["gamma text"]
    assert conn.execute("SELECT count(*) FROM chunks_fts WHERE chunks_fts MATCH 'alpha'").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM chunks_fts WHERE chunks_fts MATCH 'gamma'").fetchone()[0] == 1
    assert conn.execute("SELECT count(*) FROM tombstones").fetchone()[0] == 2


def test_vector_cache_catches_up_and_matches_sqlite(conn: sqlite3.Connection, tmp_path: Path):
    cache = tmp_path / "cache" / "v.bin"
    with write_tx(conn):
        docs.write_document(conn, 1, _doc("/src/a.md", ["a1", "a2"]), "e")
    idx = VectorIndex("e", 8)
    idx.sync(conn, cache)
    assert idx.rebuilt and len(idx) == 2
    idx.save(cache)
    # changes after the cache was written: a new doc, a rewrite and a delete
    with write_tx(conn):
        docs.write_document(conn, 1, _doc("/src/b.md", ["b1"], seed=2), "e")
    with write_tx(conn):
        docs.write_document(conn, 1, _doc("/src/a.md", ["a3"], seed=3), "e")
    b_id = conn.execute("SELECT id FROM documents WHERE path='/src/b.md'").fetchone()[0]
    with write_tx(conn):
        docs.delete_documents(conn, [b_id])
    fresh = VectorIndex("e", 8)
    fresh.sync(conn, cache)
    assert not fresh.rebuilt and fresh.seq == current_seq(conn)
    truth = {r[0]: np.frombuffer(r[1], dtype="<f4") for r in conn.execute("SELECT chunk_id, vector FROM embeddings")}
    assert sorted(fresh.ids.tolist()) == sorted(truth)
    for cid, row in zip(fresh.ids, fresh.matrix, strict=True):
        assert np.allclose(row, truth[int(cid)])
    top = fresh.search(next(iter(truth.values())), 1)
    assert top[0][0] == next(iter(truth))


@pytest.mark.parametrize("damage", ["truncate", "flip", "garbage", "empty"])
def test_corrupt_cache_is_rebuilt_not_trusted(conn: sqlite3.Connection, tmp_path: Path, damage: str):
    cache = tmp_path / "v.bin"
    with write_tx(conn):
        docs.write_document(conn, 1, _doc("/src/a.md", ["a1", "a2", "a3"]), "e")
    idx = VectorIndex("e", 8)
    idx.sync(conn, cache)
    idx.save(cache)
    data = bytearray(cache.read_bytes())
    if damage == "truncate":
        data = data[: len(data) // 2]
    elif damage == "flip":
        data[-5] ^= 0xFF
    elif damage == "garbage":
        data = bytearray(b"\x00garbage" * 10)
    else:
        data = bytearray()
    cache.write_bytes(bytes(data))
    again = VectorIndex("e", 8)
    again.sync(conn, cache)
    assert again.rebuilt and len(again) == 3


def test_cache_ahead_of_database_is_rebuilt(conn: sqlite3.Connection, tmp_path: Path):
    """A cache from another (e.g. restored) database with a higher seq must not be trusted."""
    cache = tmp_path / "v.bin"
    with write_tx(conn):
        docs.write_document(conn, 1, _doc("/src/a.md", ["a1"]), "e")
    idx = VectorIndex("e", 8)
    idx.sync(conn, cache)
    idx.seq = 10_000
    idx.save(cache)
    again = VectorIndex("e", 8)
    again.sync(conn, cache)
    assert again.rebuilt and again.seq == current_seq(conn)


def test_filtered_vector_search(conn: sqlite3.Connection):
    with write_tx(conn):
        docs.write_document(conn, 1, _doc("/src/a.md", ["a1", "a2", "a3", "a4"]), "e")
    idx = VectorIndex("e", 8)
    idx.rebuild(conn)
    allowed = idx.ids[:2]
    got = idx.search(idx.matrix[3], 4, allowed=allowed)
    assert {c for c, _ in got} == set(allowed.tolist())


def test_bf16_candidate_scan_returns_the_exact_top_k():
    """Large indexes scan a bf16 copy for candidates, then rescore exactly: the result equals fp32 search."""
    import torch  # noqa: F401 - the fast path is used only when torch is loaded

    from memex.store.vectors import FAST_SCAN_MIN
    rng = np.random.default_rng(7)
    n = FAST_SCAN_MIN + 500
    m = rng.normal(size=(n, 64)).astype(np.float32)
    m /= np.linalg.norm(m, axis=1, keepdims=True)
    idx = VectorIndex("e", 64)
    idx.ids, idx.matrix = np.arange(n, dtype=np.int64) + 10, m
    for qi in (3, 999, n - 1):
        q = m[qi]
        exact = np.argsort(-(m @ q))[:20] + 10
        got = idx.search(q, 20)
        assert [c for c, _ in got] == exact.tolist()
        assert np.allclose([s for _, s in got], np.sort(m @ q)[::-1][:20], atol=1e-6)
    assert idx._bf16 is not None
    # the bf16 copy follows the matrix when it changes
    idx.matrix = m[::-1].copy()
    got = idx.search(m[5], 1)
    assert got[0][0] == n - 1 - 5 + 10
