"""`ann`: an embedded HNSW graph (usearch) over quantised vectors, a persisted cache rebuildable from SQLite.

Why usearch: it adds and removes vectors without a rebuild, stores them as bf16 or int8 (1M x 384 in
about 0.4-0.8 GB instead of 1.5 GB of float32), saves and loads one file, and builds on all cores; faiss'
HNSW cannot remove, hnswlib keeps float32 (docs/benchmarks.md, "Scale", has the measurements).

Candidates come from the graph; their cosines are then recomputed from the float32 vectors in SQLite
(a primary-key read of ~100 rows), so fusion sees the same scores exact search would give.

On disk (<home>/cache): `ann-<embedder>-<generation>.usearch` and `ann-<embedder>.json`, which names the
generation, the seq it reflects, the count and the CRC32 of the index file. A new snapshot is written under
a new generation and fsynced before the JSON is atomically replaced, so a crash leaves the old snapshot
valid; a torn or mismatched file is rebuilt from SQLite. Between snapshots the index catches up from
SQLite's seq log (embeddings.seq, tombstones), which is also what happens after a crash.
"""
from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from memex.errors import MemexError
from memex.store.backends.base import (
    VectorFilter,
    allowed_chunk_ids,
    count_vectors,
    iter_vectors,
    read_delta,
    stored_vectors,
    topk,
)
from memex.store.db import current_seq
from memex.store.vectors import file_crc32, snapshot_problem

DTYPES = ("bf16", "f16", "i8", "f32")
DEFAULT_DTYPE = "i8"
"""int8 graph + float32 rescoring from SQLite: 0.4 GB at 1M and the same recall as bf16 (measured)."""
CONNECTIVITY = 16
EXPANSION_ADD = 128
EXPANSION_SEARCH = 160
OVERSAMPLE = 2
"""Graph candidates fetched per wanted hit before rescoring with exact cosines (small indexes)."""
SEARCH_STEPS = ((200_000, 160, 2), (500_000, 400, 4), (None, 600, 6))
"""(size below, ef_search, oversample): bigger graphs search wider and rescore more candidates. Measured on
real MiniLM vectors (docs/benchmarks.md, "Scale"): 100k at (160, 2) recall@10 0.994; 1M int8 at (160, 2)
0.889, (400, 4) 0.931, (600, 6) 0.951 for 4.7 / 12.1 / 14.5 ms under load."""


def search_params(n: int) -> tuple[int, int]:
    """(ef_search, oversample) for an index of n vectors."""
    for below, ef, over in SEARCH_STEPS:
        if below is None or n < below:
            return ef, (OVERSAMPLE if below == SEARCH_STEPS[0][0] else over)
    return EXPANSION_SEARCH, OVERSAMPLE
EXACT_FILTER_MAX = 50_000
"""A filter that leaves at most this many chunks is searched exactly over them."""
SNAPSHOT_SHARE = 0.01
"""Write a new snapshot once this share of the index changed since the last one (else SQLite replays)."""
SNAPSHOT_SMALL = 200_000
"""Below this size every change is snapshotted at once (it takes well under a second)."""


def _usearch() -> Any:
    try:
        from usearch.index import Index
    except ImportError as e:  # pragma: no cover - a declared dependency
        raise MemexError("vector_store 'ann' needs the usearch package: pip install usearch") from e
    return Index


class AnnIndex:
    """HNSW over quantised vectors with exact rescoring; incremental, persisted, checksummed."""

    kind = "ann"
    pushes_filters = False

    def __init__(self, embedder: str, dims: int, cache_dir: Path, *, dtype: str = DEFAULT_DTYPE,
                 threads: int | None = None) -> None:
        if dtype not in DTYPES:
            raise MemexError(f"vector_store ann: dtype must be one of {', '.join(DTYPES)}, not {dtype!r}")
        self.embedder = embedder
        self.dims = dims
        self.dtype = dtype
        self.cache_dir = cache_dir
        stem = hashlib.sha1(embedder.encode()).hexdigest()[:12]
        self.meta_path = cache_dir / f"ann-{stem}.json"
        self._stem = f"ann-{stem}"
        self.threads = threads or max(1, (os.cpu_count() or 1))
        self.seq = 0
        self.rebuilt = False
        self.generation = 0
        self.pending = 0
        """Vectors changed since the snapshot on disk."""
        self._conn: sqlite3.Connection | None = None
        self.index = self._new()

    def _new(self) -> Any:
        return _usearch()(ndim=self.dims, metric="ip", dtype=self.dtype, connectivity=CONNECTIVITY,
                          expansion_add=EXPANSION_ADD, expansion_search=EXPANSION_SEARCH)

    def __len__(self) -> int:
        return int(self.index.size)

    @property
    def ids(self) -> np.ndarray:
        """Chunk ids in the index."""
        return np.asarray(self.index.keys, dtype=np.int64) if len(self) else np.zeros(0, np.int64)

    @property
    def matrix(self) -> np.ndarray:
        """Every vector as float32, from SQLite, in `ids` order (1.5 GB at 1M: for small stores only)."""
        if self._conn is None:
            return np.zeros((0, self.dims), np.float32)
        return stored_vectors(self._conn, self.embedder, self.dims, self.ids.tolist())

    # ---- keeping in step with SQLite -------------------------------------------------------------
    def sync(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        self.rebuilt = False
        self._remove_stale_files()
        if not self.load() or self.seq > current_seq(conn):
            self.rebuild(conn)
        rebuilt = self.rebuilt
        self.catch_up(conn)
        self.rebuilt = self.rebuilt or rebuilt

    def rebuild(self, conn: sqlite3.Connection, progress: Any = None) -> None:
        self._conn = conn
        index = self._new()
        # No read transaction around the (long) build: the seq is taken first, and whatever commits while
        # the pages are read is applied again by the catch-up that follows (remove + add is idempotent).
        seq = current_seq(conn)
        total = count_vectors(conn, self.embedder)
        done = 0
        for ids, vecs in iter_vectors(conn, self.embedder, self.dims, batch=20_000):
            present = np.asarray(index.contains(ids.astype(np.uint64)), dtype=bool).reshape(-1)
            if present.any():
                index.remove(ids[present].astype(np.uint64))
            index.add(ids.astype(np.uint64), vecs, threads=self.threads)
            done += len(ids)
            if progress:
                progress(done, total)
        self.index, self.seq, self.rebuilt = index, seq, True
        self.pending = max(1, len(index))  # a fresh build is always worth a snapshot

    def catch_up(self, conn: sqlite3.Connection) -> int:
        self._conn = conn
        self.rebuilt = False
        if current_seq(conn) == self.seq:  # nothing written since: skip read_delta's count of every vector
            return 0
        delta = read_delta(conn, self.embedder, self.dims, self.seq)
        if delta.seq == self.seq:
            return 0
        gone = np.fromiter(delta.dead | set(delta.new_ids.tolist()), dtype=np.uint64)
        if len(gone):
            present = gone[np.asarray(self.index.contains(gone), dtype=bool).reshape(-1)]
            if len(present):
                self.index.remove(present)
        if len(delta.new_ids):
            self.index.add(delta.new_ids.astype(np.uint64), delta.new_vectors, threads=self.threads)
        self.seq = delta.seq
        changed = len(delta.dead) + len(delta.new_ids)
        self.pending += changed
        if len(self) != delta.total:  # disagrees with the truth: never trust it blindly
            self.rebuild(conn)
        return changed

    # ---- search ----------------------------------------------------------------------------------
    def search(self, query: np.ndarray, k: int, allowed: np.ndarray | None = None,
               where: VectorFilter | None = None) -> list[tuple[int, float]]:
        if len(self) == 0 or k <= 0:
            return []
        q = np.asarray(query, dtype=np.float32)
        if where is not None and where.active() and allowed is None and self._conn is not None:
            allowed = allowed_chunk_ids(self._conn, where)
        if allowed is not None:
            return self._search_allowed(q, k, np.asarray(allowed, dtype=np.int64))
        ef, over = search_params(len(self))
        if self.index.expansion_search != ef:
            self.index.expansion_search = ef
        want = min(len(self), max(k * over, k + 20))
        found = self.index.search(q, want, threads=1)
        return self._rescore(q, np.asarray(found.keys, dtype=np.int64), k)

    def _rescore(self, q: np.ndarray, cand: np.ndarray, k: int) -> list[tuple[int, float]]:
        """Exact cosines of graph candidates from the float32 vectors in SQLite (the truth)."""
        if self._conn is None or not len(cand):
            return []
        vecs = stored_vectors(self._conn, self.embedder, self.dims, cand.tolist())
        return topk(cand, vecs @ q, k)

    def _search_allowed(self, q: np.ndarray, k: int, allowed: np.ndarray) -> list[tuple[int, float]]:
        if not len(allowed):
            return []
        want = max(k * OVERSAMPLE, k + 20)
        if len(allowed) <= EXACT_FILTER_MAX:  # few enough: score them all (quantised), rescore the best
            keys = allowed[np.asarray(self.index.contains(allowed.astype(np.uint64)), dtype=bool).reshape(-1)]
            if not len(keys):
                return []
            vecs = np.asarray(self.index.get(keys.astype(np.uint64), dtype="f32"), dtype=np.float32)
            approx = topk(keys, vecs @ q, want)
            return self._rescore(q, np.array([c for c, _ in approx], dtype=np.int64), k)
        share = len(allowed) / max(1, len(self))
        found = np.asarray(self.index.search(q, min(len(self), int(want / share) + 1), threads=1).keys,
                           dtype=np.int64)
        return self._rescore(q, found[np.isin(found, allowed)], k)

    def vectors(self, chunk_ids: Sequence[int]) -> np.ndarray:
        if self._conn is None:
            return np.zeros((len(chunk_ids), self.dims), np.float32)
        return stored_vectors(self._conn, self.embedder, self.dims, chunk_ids)

    # ---- disk snapshot ---------------------------------------------------------------------------
    def _file(self, generation: int) -> Path:
        return self.cache_dir / f"{self._stem}-{generation}.usearch"

    def save(self, force: bool = False) -> None:
        """Write a snapshot when enough changed since the last one (or always with force)."""
        if not self.pending and not force:
            return
        if not force and len(self) >= SNAPSHOT_SMALL and self.pending < SNAPSHOT_SHARE * len(self):
            return  # SQLite's seq log replays the few changes on the next open
        self.cache_dir.mkdir(parents=True, exist_ok=True)
        gen = self.generation + 1
        path = self._file(gen)
        tmp = path.with_suffix(f".tmp{os.getpid()}")
        self.index.save(str(tmp))
        crc = file_crc32(tmp)
        with open(tmp, "rb") as f:
            os.fsync(f.fileno())
        os.replace(tmp, path)
        meta = {"format": 1, "embedder": self.embedder, "dims": self.dims, "dtype": self.dtype,
                "count": len(self), "seq": self.seq, "generation": gen, "crc32": crc,
                "bytes": path.stat().st_size}
        mtmp = self.meta_path.with_suffix(f".tmp{os.getpid()}")
        with open(mtmp, "w", encoding="utf-8") as f:
            json.dump(meta, f)
            f.flush()
            os.fsync(f.fileno())
        os.replace(mtmp, self.meta_path)  # the switch: the new snapshot is live from here on
        _fsync_dir(self.cache_dir)
        self.generation, self.pending = gen, 0
        self._remove_stale_files()

    def load(self) -> bool:
        """Load the snapshot the JSON names; False (nothing changed) when missing, torn or foreign."""
        try:
            meta = json.loads(self.meta_path.read_text(encoding="utf-8"))
            path = self._file(int(meta["generation"]))
            if (meta.get("format") != 1 or meta["embedder"] != self.embedder or meta["dims"] != self.dims
                    or meta["dtype"] != self.dtype or path.stat().st_size != meta["bytes"]
                    or file_crc32(path) != meta["crc32"]):
                return False
            index = self._new()
            index.load(str(path))
            if int(index.size) != int(meta["count"]):
                return False
        except (OSError, ValueError, KeyError, TypeError, RuntimeError):
            return False
        self.index, self.seq, self.generation, self.pending = index, int(meta["seq"]), int(meta["generation"]), 0
        return True

    def _remove_stale_files(self) -> None:
        """Drop snapshots other than the live one, and temp files of writers that are gone."""
        for f in self.cache_dir.glob(f"{self._stem}-*"):
            if f.suffix == ".usearch":
                try:
                    if int(f.stem.rsplit("-", 1)[1]) < self.generation:
                        f.unlink(missing_ok=True)
                except ValueError:
                    pass
            elif f.suffix.startswith(".tmp") and f.suffix[4:].isdigit() and not _alive(int(f.suffix[4:])):
                f.unlink(missing_ok=True)

    # ---- check -----------------------------------------------------------------------------------
    def check(self, conn: sqlite3.Connection) -> tuple[str, bool]:
        if not self.meta_path.exists():
            return "missing (rebuilt from SQLite on next use)", False
        probe = AnnIndex(self.embedder, self.dims, self.cache_dir, dtype=self.dtype, threads=self.threads)
        problem, behind = snapshot_problem(probe, probe.load(), conn)
        if problem:
            return f"ANN snapshot {problem}", True
        truth = {int(r[0]) for r in conn.execute("SELECT chunk_id FROM embeddings WHERE embedder = ?",
                                                 (self.embedder,))}
        if truth != set(probe.ids.tolist()):
            return "ANN ids differ from SQLite", True
        sample = sorted(truth)[:: max(1, len(truth) // 1000)]
        if sample:
            got = np.asarray(probe.index.get(np.asarray(sample, dtype=np.uint64), dtype="f32"), np.float32)
            want = stored_vectors(conn, self.embedder, self.dims, sample)
            cos = np.sum(got * want, axis=1) / np.maximum(np.linalg.norm(got, axis=1), 1e-9)
            if float(cos.min()) < 0.98:
                return "ANN vectors differ from SQLite", True
        return ("ok (ann)" if not behind else f"ok (ann; {behind} change(s) behind; caught up on load)"), False

    def close(self) -> None:
        self._conn = None


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True
