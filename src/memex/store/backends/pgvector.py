"""`pgvector:postgresql://…`: vectors and their filterable payload in PostgreSQL with pgvector (HNSW).

For a team: one store's vectors live in one table on a shared server (named after the store's home_id
and the embedder, so dimensions may differ per embedder), and every `memex serve` that opens a copy of that
store searches it there; filters (tag, path glob, date) run inside the SQL query, with pgvector's iterative
index scans so a selective filter still fills k. A read replica (`vector_store_replica`) takes the searches
once it has replayed this process's view of the store, else the primary answers.

SQLite stays the truth. The table remembers the SQLite `seq` it reflects (`memex_collections`); catching
up applies the rows newer than that in one PostgreSQL transaction under an advisory lock, so concurrent
writers from several processes serialise, a lagging copy of the store never writes, and a server restart
mid-way loses nothing (the transaction rolls back, the next attempt reapplies it). Connection failures are
retried with backoff.
"""
from __future__ import annotations

import hashlib
import re
import sqlite3
import threading
import time
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import numpy as np

from memex.errors import MemexError
from memex.store.backends.base import (
    BATCH,
    Delta,
    VectorFilter,
    count_vectors,
    iter_vectors,
    payload_rows,
    read_delta,
    stored_vectors,
)
from memex.store.db import current_seq

T = TypeVar("T")
HNSW_M = 16
HNSW_EF_CONSTRUCTION = 64
EF_SEARCH = 200
"""Candidates pgvector's HNSW scan keeps; at least the 100 fusion asks for."""
RETRY_S = 30.0
"""How long an operation keeps retrying while the server is unreachable (a restart, a failover)."""


def _driver() -> tuple[Any, Any, Any]:
    try:
        import psycopg
        from pgvector import HalfVector
        from pgvector.psycopg import register_vector
    except ImportError as e:
        raise MemexError("vector_store 'pgvector' needs psycopg and pgvector: pip install 'memex[postgres]'") from e
    return psycopg, HalfVector, register_vector


def glob_to_regex(glob: str) -> str:
    """A SQLite GLOB as a PostgreSQL regular expression (`*` any run, `?` one character, `[...]` a class)."""
    out, i = ["^"], 0
    while i < len(glob):
        ch = glob[i]
        if ch == "*":
            out.append(".*")
        elif ch == "?":
            out.append(".")
        elif ch == "[":
            j = glob.find("]", i + 2 if glob[i + 1:i + 2] in ("^", "]") else i + 1)
            if j == -1:
                out.append(re.escape(ch))
            else:
                body = glob[i + 1:j]
                body = "^" + body[1:] if body.startswith("^") else body
                out.append("[" + body.replace("\\", "\\\\").replace("[", "\\[") + "]")
                i = j
        else:
            out.append(re.escape(ch))
        i += 1
    return "".join(out) + "$"


class PgVectorIndex:
    """One store's vectors in a PostgreSQL table with an HNSW index; filters pushed down into SQL."""

    kind = "pgvector"
    pushes_filters = True

    def __init__(self, embedder: str, dims: int, url: str, home_id: str, *, replica: str | None = None,
                 retry_s: float = RETRY_S) -> None:
        self.embedder = embedder
        self.dims = dims
        self.url = url
        self.replica_url = replica
        self.retry_s = retry_s
        self.table = f"memex_{re.sub(r'[^0-9a-f]', '', home_id.lower())[:16]}_" \
                     f"{hashlib.sha1(embedder.encode()).hexdigest()[:8]}"
        self.seq = 0
        self.count = 0
        self.rebuilt = False
        self.last_source = ""
        """"primary" or "replica": where the last search ran."""
        self._conn: sqlite3.Connection | None = None
        self._pg: Any = None
        self._ro: Any = None
        self._lock = threading.RLock()
        self._target_lsn: str | None = None
        """The primary's WAL position once it held everything this process's SQLite holds."""
        self._replica_ok_at: str | None = None

    def __len__(self) -> int:
        return self.count

    # ---- connections -----------------------------------------------------------------------------
    def _connect(self, url: str) -> Any:
        psycopg, _, register_vector = _driver()
        conn = psycopg.connect(url, autocommit=True, connect_timeout=5, application_name="memex")
        if url == self.url:
            conn.execute("CREATE EXTENSION IF NOT EXISTS vector")
        register_vector(conn)
        return conn

    def _primary(self) -> Any:
        if self._pg is None or self._pg.closed:
            self._pg = self._connect(self.url)
        return self._pg

    def _retry(self, op: Callable[[Any], T]) -> T:
        """Run op(primary connection), reconnecting with backoff while the server is unreachable."""
        psycopg, _, _ = _driver()
        deadline, delay = time.monotonic() + self.retry_s, 0.05
        while True:
            try:
                with self._lock:
                    return op(self._primary())
            except psycopg.OperationalError as e:
                if self._pg is not None:
                    try:
                        self._pg.close()
                    except psycopg.Error:
                        pass
                self._pg = None
                if time.monotonic() >= deadline:
                    raise MemexError(f"pgvector: cannot reach {_redact(self.url)}: {e}") from e
                time.sleep(delay)
                delay = min(delay * 2, 1.0)

    # ---- schema ----------------------------------------------------------------------------------
    def _ensure_schema(self, pg: Any) -> None:
        with pg.transaction():
            pg.execute("SELECT pg_advisory_xact_lock(hashtext('memex_schema'))")  # concurrent first runs
            pg.execute("CREATE TABLE IF NOT EXISTS memex_collections (name text PRIMARY KEY, embedder text NOT "
                       "NULL, dims int NOT NULL, seq bigint NOT NULL DEFAULT 0, count bigint NOT NULL DEFAULT 0,"
                       " updated_at timestamptz NOT NULL DEFAULT now())")
            row = pg.execute("SELECT embedder, dims FROM memex_collections WHERE name = %s", (self.table,)).fetchone()
            if row and (row[0] != self.embedder or row[1] != self.dims):
                raise MemexError(f"pgvector: table {self.table} holds {row[0]} ({row[1]} dims), not {self.embedder}")
            self._create_table(pg, self.table)
            pg.execute("INSERT INTO memex_collections(name, embedder, dims) VALUES (%s, %s, %s) "
                       "ON CONFLICT (name) DO NOTHING", (self.table, self.embedder, self.dims))

    def _create_table(self, pg: Any, name: str, index: bool = True) -> None:
        pg.execute(f"CREATE TABLE IF NOT EXISTS {name} (chunk_id bigint PRIMARY KEY, doc_id bigint NOT NULL, "
                   f"path text NOT NULL, tags text[] NOT NULL DEFAULT '{{}}', date text, "
                   f"embedding halfvec({self.dims}) NOT NULL)")
        if index:
            self._create_indexes(pg, name)

    def _create_indexes(self, pg: Any, name: str) -> None:
        # Unnamed: PostgreSQL picks free names, so a rebuilt table swapped in never clashes with the old.
        if not pg.execute("SELECT 1 FROM pg_indexes WHERE tablename = %s AND indexdef LIKE '%%hnsw%%'",
                          (name,)).fetchone():
            pg.execute(f"CREATE INDEX ON {name} USING hnsw (embedding halfvec_ip_ops) "
                       f"WITH (m = {HNSW_M}, ef_construction = {HNSW_EF_CONSTRUCTION})")
            pg.execute(f"CREATE INDEX ON {name} USING gin (tags)")
            pg.execute(f"CREATE INDEX ON {name} (date)")
            pg.execute(f"CREATE INDEX ON {name} (doc_id)")

    # ---- keeping in step with SQLite -------------------------------------------------------------
    def sync(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        self.rebuilt = False

        def state(pg: Any) -> tuple[int, int]:
            self._ensure_schema(pg)
            row = pg.execute("SELECT seq, count FROM memex_collections WHERE name = %s", (self.table,)).fetchone()
            return int(row[0]), int(row[1])

        pg_seq, self.count = self._retry(state)
        self.seq = min(pg_seq, current_seq(conn))  # a lagging copy of the store reads, never writes
        self.catch_up(conn)
        if self.count != count_vectors(conn, self.embedder) and current_seq(conn) >= pg_seq:
            self.rebuild(conn)

    def catch_up(self, conn: sqlite3.Connection) -> int:
        self._conn = conn
        if current_seq(conn) == self.seq:
            return 0
        changed = self._retry(lambda pg: self._apply(pg, conn))
        self._target_lsn = self._retry(lambda pg: str(pg.execute("SELECT pg_current_wal_lsn()").fetchone()[0]))
        return changed

    def _apply(self, pg: Any, conn: sqlite3.Connection) -> int:
        """One transaction: lock the collection, read what SQLite has beyond its seq, apply, record the seq."""
        with pg.transaction():
            pg.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", (self.table,))
            pg_seq, count = pg.execute("SELECT seq, count FROM memex_collections WHERE name = %s FOR UPDATE",
                                       (self.table,)).fetchone()
            delta = read_delta(conn, self.embedder, self.dims, int(pg_seq))
            if delta.seq <= pg_seq:  # another process got there first, or our copy of the store lags
                self.seq, self.count = current_seq(conn), int(count)
                return 0
            count = int(count) + self._write(pg, self.table, delta)
            pg.execute("UPDATE memex_collections SET seq = %s, count = %s, updated_at = now() WHERE name = %s",
                       (delta.seq, count, self.table))
        self.seq, self.count = delta.seq, count
        return len(delta.dead) + len(delta.new_ids)

    def _write(self, pg: Any, table: str, delta: Delta) -> int:
        """Apply a delta to a table; returns the change in its row count."""
        assert self._conn is not None
        removed = 0
        gone = sorted(delta.dead | set(delta.new_ids.tolist()))
        for s in range(0, len(gone), BATCH):
            removed += pg.execute(f"DELETE FROM {table} WHERE chunk_id = ANY(%s)", (gone[s:s + BATCH],)).rowcount
        added = self._copy(pg, table, delta.new_ids, delta.new_vectors)
        for p in payload_rows(self._conn, doc_ids=sorted(delta.moved_docs)) if delta.moved_docs else []:
            pg.execute(f"UPDATE {table} SET path = %s, doc_id = %s WHERE chunk_id = %s", (p.path, p.doc_id, p.chunk_id))
        return added - removed

    def _copy(self, pg: Any, table: str, ids: np.ndarray, vectors: np.ndarray) -> int:
        """COPY rows (binary) with their payload from SQLite; returns rows written."""
        assert self._conn is not None
        _, HalfVector, _ = _driver()
        written = 0
        for s in range(0, len(ids), BATCH):
            part, vecs = ids[s:s + BATCH], vectors[s:s + BATCH]
            payload = {p.chunk_id: p for p in payload_rows(self._conn, chunk_ids=part.tolist())}
            with pg.cursor().copy(f"COPY {table} (chunk_id, doc_id, path, tags, date, embedding) FROM STDIN "
                                  "WITH (FORMAT BINARY)") as copy:
                copy.set_types(["int8", "int8", "text", "text[]", "text", "halfvec"])
                for cid, vec in zip(part.tolist(), vecs, strict=True):
                    p = payload.get(cid)
                    if p is None:  # its document was deleted meanwhile: the next catch-up has its tombstone
                        continue
                    copy.write_row((cid, p.doc_id, p.path, list(p.tags), p.date, HalfVector(vec)))
                    written += 1
        return written

    def rebuild(self, conn: sqlite3.Connection, progress: Any = None) -> None:
        """Fill a new table from SQLite, index it, then swap it in (searches never see it half-built)."""
        self._conn = conn
        new = f"{self.table}_new"

        def run(pg: Any) -> tuple[int, int]:
            self._ensure_schema(pg)
            with pg.transaction():
                pg.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", (self.table,))
                seq = current_seq(conn)
                pg.execute(f"DROP TABLE IF EXISTS {new}")
                self._create_table(pg, new, index=False)
                n, total = 0, count_vectors(conn, self.embedder)
                for ids, vecs in iter_vectors(conn, self.embedder, self.dims, batch=BATCH * 5):
                    n += self._copy(pg, new, ids, vecs)
                    if progress:
                        progress(n, total)
                pg.execute("SET LOCAL maintenance_work_mem = '512MB'")
                self._create_indexes(pg, new)
                pg.execute(f"DROP TABLE {self.table}")
                pg.execute(f"ALTER TABLE {new} RENAME TO {self.table}")
                pg.execute("UPDATE memex_collections SET seq = %s, count = %s, updated_at = now() WHERE name = %s",
                           (seq, n, self.table))
            return seq, n

        self.seq, self.count = self._retry(run)
        self.rebuilt = True
        self._target_lsn = None

    # ---- search ----------------------------------------------------------------------------------
    def search(self, query: np.ndarray, k: int, allowed: np.ndarray | None = None,
               where: VectorFilter | None = None) -> list[tuple[int, float]]:
        if k <= 0 or self.count == 0:
            return []
        _, HalfVector, _ = _driver()
        clauses, args = self._where(where, allowed)
        sql = (f"SELECT chunk_id, -(embedding <#> %s) AS score FROM {self.table} "
               f"{'WHERE ' + ' AND '.join(clauses) if clauses else ''} ORDER BY embedding <#> %s LIMIT %s")
        q = HalfVector(np.asarray(query, dtype=np.float32))
        params = [q, *args, q, k]

        def run(pg: Any) -> list[tuple[int, float]]:
            with pg.transaction():
                pg.execute(f"SET LOCAL hnsw.ef_search = {max(EF_SEARCH, k)}")
                if clauses:
                    pg.execute("SET LOCAL hnsw.iterative_scan = relaxed_order")
                rows = pg.execute(sql, params).fetchall()
            return sorted(((int(c), float(s)) for c, s in rows), key=lambda cs: -cs[1])

        ro = self._replica()
        if ro is not None:
            try:
                with self._lock:
                    out = run(ro)
                self.last_source = "replica"
                return out
            except Exception:  # noqa: BLE001 - a replica problem falls back to the primary
                self._close_replica()
        self.last_source = "primary"
        return self._retry(run)

    @staticmethod
    def _where(where: VectorFilter | None, allowed: np.ndarray | None) -> tuple[list[str], list[Any]]:
        clauses: list[str] = []
        args: list[Any] = []
        if allowed is not None:
            clauses.append("chunk_id = ANY(%s)")
            args.append([int(x) for x in allowed])
        if where is None or not where.active():
            return clauses, args
        if where.glob():
            clauses.append("path ~ %s")
            args.append(glob_to_regex(where.glob() or ""))
        if where.tags:
            clauses.append("tags @> %s")
            args.append([t.lstrip("#").lower() for t in where.tags])
        if where.after:
            clauses.append("date >= %s")
            args.append(where.after)
        if where.before:
            clauses.append("date <= %s")
            args.append(where.before)
        return clauses, args

    def _replica(self) -> Any:
        """The replica connection if it has replayed up to what this process knows, else None."""
        if not self.replica_url:
            return None
        psycopg, _, _ = _driver()
        try:
            if self._ro is None or self._ro.closed:
                self._ro = self._connect(self.replica_url)
            target = self._target_lsn
            if target is not None and self._replica_ok_at != target:
                with self._lock:
                    ok = self._ro.execute("SELECT pg_last_wal_replay_lsn() >= %s::pg_lsn", (target,)).fetchone()[0]
                if not ok:
                    return None
                self._replica_ok_at = target
            return self._ro
        except psycopg.Error:
            self._close_replica()
            return None

    def _close_replica(self) -> None:
        if self._ro is not None:
            try:
                self._ro.close()
            except Exception:  # noqa: BLE001
                pass
        self._ro = None

    def vectors(self, chunk_ids: Sequence[int]) -> np.ndarray:
        if self._conn is None:
            return np.zeros((len(chunk_ids), self.dims), np.float32)
        return stored_vectors(self._conn, self.embedder, self.dims, chunk_ids)

    @property
    def ids(self) -> np.ndarray:
        rows = self._retry(lambda pg: pg.execute(f"SELECT chunk_id FROM {self.table} ORDER BY chunk_id").fetchall())
        return np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows))

    @property
    def matrix(self) -> np.ndarray:
        """Every vector as float32 from SQLite (the truth), in `ids` order: for small stores only."""
        if self._conn is None:
            return np.zeros((0, self.dims), np.float32)
        return stored_vectors(self._conn, self.embedder, self.dims, self.ids.tolist())

    def save(self, force: bool = False) -> None:
        """Nothing to do: every write is committed on the server."""

    def check(self, conn: sqlite3.Connection) -> tuple[str, bool]:
        self._conn = conn

        def look(pg: Any) -> tuple[str, bool]:
            if not pg.execute("SELECT to_regclass('memex_collections') IS NOT NULL").fetchone()[0]:
                return "pgvector: no collection yet (built on next use)", False
            row = pg.execute("SELECT seq, count FROM memex_collections WHERE name = %s", (self.table,)).fetchone()
            if row is None:
                return "pgvector: no collection yet (built on next use)", False
            seq = current_seq(conn)
            if int(row[0]) > seq:
                return f"pgvector table {self.table} is ahead of this store (seq {row[0]} > {seq})", False
            got = {int(r[0]) for r in pg.execute(f"SELECT chunk_id FROM {self.table}")}
            if int(row[0]) < seq:
                return f"pgvector: {seq - int(row[0])} change(s) behind (caught up on next use)", False
            truth = {int(r[0]) for r in conn.execute("SELECT chunk_id FROM embeddings WHERE embedder = ?",
                                                     (self.embedder,))}
            if got != truth:
                return (f"pgvector table {self.table}: {len(got - truth)} extra and {len(truth - got)} missing "
                        "vector(s)"), True
            sample = sorted(truth)[:: max(1, len(truth) // 500)]
            if sample:
                rows = pg.execute(f"SELECT chunk_id, embedding FROM {self.table} WHERE chunk_id = ANY(%s)",
                                  (sample,)).fetchall()
                have = {int(c): np.asarray(v.to_numpy(), dtype=np.float32) for c, v in rows}
                want = stored_vectors(conn, self.embedder, self.dims, sample)
                for cid, w in zip(sample, want, strict=True):
                    if float(np.dot(have[cid], w)) < 0.99:
                        return f"pgvector: vector of chunk {cid} differs from SQLite", True
                pay = {p.chunk_id: p for p in payload_rows(conn, chunk_ids=sample)}
                rows = pg.execute(f"SELECT chunk_id, path, tags, date FROM {self.table} WHERE chunk_id = ANY(%s)",
                                  (sample,)).fetchall()
                for cid, path, tags, date in rows:
                    p = pay.get(int(cid))
                    if p and (p.path != path or tuple(sorted(tags)) != p.tags or p.date != date):
                        return f"pgvector: payload of chunk {cid} differs from SQLite", True
            return f"ok (pgvector table {self.table}, {len(got)} vectors)", False

        return self._retry(look)

    def close(self) -> None:
        for c in (self._pg, self._ro):
            if c is not None:
                try:
                    c.close()
                except Exception:  # noqa: BLE001
                    pass
        self._pg = self._ro = None


def _redact(url: str) -> str:
    """A URL without its password, for messages."""
    return re.sub(r"(://[^:/@]+):[^@]*@", r"\1:***@", url)
