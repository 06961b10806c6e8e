"""`qdrant:http://host:6333`: vectors and filterable payload in Qdrant, through qdrant-client.

One collection per store and embedder (`memex_<home_id>_<embedder>`), dot product on unit vectors, payload
indexes on tags, doc_id and day so filters run inside Qdrant; a path glob is resolved to document ids in
SQLite (Qdrant has no glob match) and pushed down as a doc_id match. Upserts and deletes go in batches and
are retried with backoff. The seq the collection reflects lives in a small `memex_meta` collection.

`qdrant:local:/folder` (or `qdrant::memory:`) runs qdrant-client's local mode, which speaks the same API
in-process; the test suite runs against it. A live Qdrant server was not tested here (none can be installed
from the package registries this project uses): see docs/scale.md.
"""
from __future__ import annotations

import atexit
import hashlib
import os
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
    VectorFilter,
    count_vectors,
    docs_matching_glob,
    iter_vectors,
    payload_rows,
    read_delta,
    stored_vectors,
)
from memex.store.db import current_seq

T = TypeVar("T")
META = "memex_meta"
RETRY_S = 30.0
UPSERT_BATCH = 256
HNSW_EF = 200
_clients: dict[str, Any] = {}
_clients_lock = threading.Lock()


def _models() -> Any:
    try:
        from qdrant_client import models
    except ImportError as e:
        raise MemexError("vector_store 'qdrant' needs qdrant-client: pip install 'memex[qdrant]'") from e
    return models


def _close_clients() -> None:
    with _clients_lock:
        for c in _clients.values():
            try:
                c.close()
            except Exception:  # noqa: BLE001 - closing at exit must not raise
                pass
        _clients.clear()


atexit.register(_close_clients)


def client_for(target: str) -> Any:
    """One client per target per process (local mode locks its folder: two clients on it would fail)."""
    _models()
    from qdrant_client import QdrantClient
    with _clients_lock:
        if target not in _clients:
            if target.startswith("local:"):
                path = target[len("local:"):]
                _clients[target] = QdrantClient(location=":memory:") if path == ":memory:" else \
                    QdrantClient(path=os.path.expanduser(path))
            elif target == ":memory:":
                _clients[target] = QdrantClient(location=":memory:")
            elif re.match(r"^https?://", target):
                _clients[target] = QdrantClient(url=target, api_key=os.environ.get("QDRANT_API_KEY") or None,
                                                timeout=30)
            else:
                raise MemexError(f"vector_store qdrant: target must be http(s)://host:port or local:/folder, "
                                 f"not {target!r}")
        return _clients[target]


def day(date: str | None) -> int | None:
    """'2024-06-01…' -> 20240601 (a number Qdrant can range-filter)."""
    if not date or not re.match(r"^\d{4}-\d{2}-\d{2}", date):
        return None
    return int(date[:10].replace("-", ""))


class QdrantIndex:
    """One store's vectors in a Qdrant collection with payload indexes for the filters."""

    kind = "qdrant"
    pushes_filters = True

    def __init__(self, embedder: str, dims: int, target: str, home_id: str, *, retry_s: float = RETRY_S) -> None:
        self.embedder = embedder
        self.dims = dims
        self.target = target
        self.retry_s = retry_s
        self.collection = f"memex_{re.sub(r'[^0-9a-f]', '', home_id.lower())[:16]}_" \
                          f"{hashlib.sha1(embedder.encode()).hexdigest()[:8]}"
        self._meta_id = int(hashlib.sha1(self.collection.encode()).hexdigest()[:12], 16)
        self.seq = 0
        self.count = 0
        self.rebuilt = False
        self._conn: sqlite3.Connection | None = None
        self.client = client_for(target)

    def __len__(self) -> int:
        return self.count

    def _retry(self, op: Callable[[], T]) -> T:
        """Run op, retrying with backoff on transport errors (a remote server restarting)."""
        from qdrant_client.http.exceptions import ResponseHandlingException
        deadline, delay = time.monotonic() + self.retry_s, 0.1
        while True:
            try:
                return op()
            except (ResponseHandlingException, ConnectionError, TimeoutError) as e:
                if time.monotonic() >= deadline:
                    raise MemexError(f"qdrant: cannot reach {self.target}: {e}") from e
                time.sleep(delay)
                delay = min(delay * 2, 2.0)

    # ---- schema and meta -------------------------------------------------------------------------
    def _ensure(self, name: str | None = None) -> None:
        m = _models()
        name = name or self.collection
        c = self.client
        if not c.collection_exists(META):
            c.create_collection(META, vectors_config=m.VectorParams(size=1, distance=m.Distance.DOT))
        if not c.collection_exists(name):
            c.create_collection(name, vectors_config=m.VectorParams(size=self.dims, distance=m.Distance.DOT),
                                hnsw_config=m.HnswConfigDiff(m=16, ef_construct=100))
            for field, schema in (("tags", m.PayloadSchemaType.KEYWORD), ("doc_id", m.PayloadSchemaType.INTEGER),
                                  ("day", m.PayloadSchemaType.INTEGER), ("path", m.PayloadSchemaType.KEYWORD)):
                c.create_payload_index(name, field_name=field, field_schema=schema)

    def _meta(self) -> tuple[int, str | None]:
        got = self.client.retrieve(META, ids=[self._meta_id], with_payload=True)
        if not got:
            return 0, None
        return int(got[0].payload.get("seq", 0)), got[0].payload.get("embedder")

    def _set_meta(self, seq: int) -> None:
        m = _models()
        self.client.upsert(META, points=[m.PointStruct(id=self._meta_id, vector=[1.0], payload={
            "collection": self.collection, "embedder": self.embedder, "dims": self.dims, "seq": seq})])

    def _count(self, name: str | None = None) -> int:
        return int(self.client.count(name or self.collection, exact=True).count)

    # ---- keeping in step with SQLite -------------------------------------------------------------
    def sync(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        self.rebuilt = False
        self._retry(self._ensure)
        seq, embedder = self._retry(self._meta)
        if embedder not in (None, self.embedder):
            raise MemexError(f"qdrant: collection {self.collection} holds {embedder}, not {self.embedder}")
        self.count = self._retry(self._count)
        self.seq = min(seq, current_seq(conn))
        self.catch_up(conn)
        if self.count != count_vectors(conn, self.embedder) and current_seq(conn) >= seq:
            self.rebuild(conn)

    def catch_up(self, conn: sqlite3.Connection) -> int:
        self._conn = conn
        if current_seq(conn) == self.seq:
            return 0
        seq, _ = self._retry(self._meta)
        delta = read_delta(conn, self.embedder, self.dims, seq)
        if delta.seq <= seq:  # our copy of the store lags the collection: read only
            self.seq = current_seq(conn)
            return 0
        m = _models()
        gone = sorted(delta.dead | set(delta.new_ids.tolist()))
        for s in range(0, len(gone), BATCH):
            part = gone[s:s + BATCH]
            self._retry(lambda p=part: self.client.delete(self.collection, points_selector=m.PointIdsList(points=p)))
        self._upsert(self.collection, delta.new_ids, delta.new_vectors)
        if delta.moved_docs:
            for p in payload_rows(conn, doc_ids=sorted(delta.moved_docs)):
                self._retry(lambda p=p: self.client.set_payload(self.collection, payload={"path": p.path},
                                                                points=[p.chunk_id]))
        self._retry(lambda: self._set_meta(delta.seq))
        self.seq = delta.seq
        self.count = self._retry(self._count)
        return len(delta.dead) + len(delta.new_ids)

    def _upsert(self, name: str, ids: np.ndarray, vectors: np.ndarray) -> int:
        assert self._conn is not None
        m = _models()
        written = 0
        for s in range(0, len(ids), UPSERT_BATCH):
            part, vecs = ids[s:s + UPSERT_BATCH], vectors[s:s + UPSERT_BATCH]
            pay = {p.chunk_id: p for p in payload_rows(self._conn, chunk_ids=part.tolist())}
            points = [m.PointStruct(id=int(c), vector=v.tolist(), payload={
                "doc_id": pay[c].doc_id, "path": pay[c].path, "tags": list(pay[c].tags), "date": pay[c].date,
                "day": day(pay[c].date)}) for c, v in zip(part.tolist(), vecs, strict=True) if c in pay]
            if points:
                self._retry(lambda pts=points: self.client.upsert(name, points=pts, wait=True))
                written += len(points)
        return written

    def rebuild(self, conn: sqlite3.Connection, progress: Any = None) -> None:
        """Drop and refill the collection from SQLite."""
        self._conn = conn
        seq = current_seq(conn)
        self._retry(lambda: self.client.delete_collection(self.collection))
        self._retry(self._ensure)
        total, n = count_vectors(conn, self.embedder), 0
        for ids, vecs in iter_vectors(conn, self.embedder, self.dims):
            n += self._upsert(self.collection, ids, vecs)
            if progress:
                progress(n, total)
        self._retry(lambda: self._set_meta(seq))
        self.seq, self.count, self.rebuilt = seq, self._retry(self._count), True

    # ---- search ----------------------------------------------------------------------------------
    def search(self, query: np.ndarray, k: int, allowed: np.ndarray | None = None,
               where: VectorFilter | None = None) -> list[tuple[int, float]]:
        if k <= 0 or self.count == 0:
            return []
        m = _models()
        must: list[Any] = []
        if allowed is not None:
            must.append(m.HasIdCondition(has_id=[int(x) for x in allowed]))
        if where is not None and where.active():
            if where.glob():
                assert self._conn is not None
                must.append(m.FieldCondition(key="doc_id", match=m.MatchAny(
                    any=docs_matching_glob(self._conn, where.glob() or ""))))
            for t in where.tags:
                must.append(m.FieldCondition(key="tags", match=m.MatchValue(value=t.lstrip("#").lower())))
            if where.after or where.before:
                must.append(m.FieldCondition(key="day", range=m.Range(gte=day(where.after), lte=day(where.before))))
        res = self._retry(lambda: self.client.query_points(
            self.collection, query=np.asarray(query, dtype=np.float32).tolist(), limit=k,
            query_filter=m.Filter(must=must) if must else None, with_payload=False,
            search_params=m.SearchParams(hnsw_ef=max(HNSW_EF, k))))
        return [(int(p.id), float(p.score)) for p in res.points]

    def vectors(self, chunk_ids: Sequence[int]) -> np.ndarray:
        if self._conn is None:
            return np.zeros((len(chunk_ids), self.dims), np.float32)
        return stored_vectors(self._conn, self.embedder, self.dims, chunk_ids)

    @property
    def ids(self) -> np.ndarray:
        out, offset = [], None
        while True:
            points, offset = self.client.scroll(self.collection, limit=10_000, offset=offset, with_payload=False)
            out += [int(p.id) for p in points]
            if offset is None:
                return np.asarray(sorted(out), dtype=np.int64)

    @property
    def matrix(self) -> np.ndarray:
        """Every vector as float32 from SQLite (the truth), in `ids` order: for small stores only."""
        if self._conn is None:
            return np.zeros((0, self.dims), np.float32)
        return stored_vectors(self._conn, self.embedder, self.dims, self.ids.tolist())

    def save(self, force: bool = False) -> None:
        """Nothing to do: Qdrant persists every acknowledged write."""

    def check(self, conn: sqlite3.Connection) -> tuple[str, bool]:
        self._conn = conn
        if not self._retry(lambda: self.client.collection_exists(self.collection)):
            return "qdrant: no collection yet (built on next use)", False
        self._retry(self._ensure)
        seq, _ = self._retry(self._meta)
        now = current_seq(conn)
        if seq > now:
            return f"qdrant collection {self.collection} is ahead of this store (seq {seq} > {now})", False
        if seq < now:
            return f"qdrant: {now - seq} change(s) behind (caught up on next use)", False
        got = set(self.ids.tolist())
        truth = {int(r[0]) for r in conn.execute("SELECT chunk_id FROM embeddings WHERE embedder = ?",
                                                 (self.embedder,))}
        if got != truth:
            return (f"qdrant collection {self.collection}: {len(got - truth)} extra and {len(truth - got)} missing "
                    "vector(s)"), True
        sample = sorted(truth)[:: max(1, len(truth) // 500)]
        if sample:
            pts = {int(p.id): p for p in self.client.retrieve(self.collection, ids=sample, with_vectors=True,
                                                               with_payload=True)}
            want = stored_vectors(conn, self.embedder, self.dims, sample)
            pay = {p.chunk_id: p for p in payload_rows(conn, chunk_ids=sample)}
            for cid, w in zip(sample, want, strict=True):
                p = pts[cid]
                if float(np.dot(np.asarray(p.vector, dtype=np.float32), w)) < 0.99:
                    return f"qdrant: vector of chunk {cid} differs from SQLite", True
                t = pay.get(cid)
                if t and (p.payload.get("path") != t.path or tuple(sorted(p.payload.get("tags", []))) != t.tags):
                    return f"qdrant: payload of chunk {cid} differs from SQLite", True
        return f"ok (qdrant collection {self.collection}, {len(got)} vectors)", False

    def close(self) -> None:
        """The client is shared per target within the process; it closes at exit."""
