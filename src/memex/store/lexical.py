"""A BM25 impact index beside FTS5: the same scores as FTS5's bm25(), without FTS5's per-row cost.

FTS5 ranks an any-term query by calling bm25() on every row that holds any query term, and each call
looks up the row's length and walks its hits: at 1M chunks a 10-term query scores a few hundred thousand
rows (289 ms measured, docs/scale.md). This index keeps, per FTS5 token, the chunks holding it and their
column-weighted term frequency, plus every chunk's length, in flat numpy arrays (memory-mapped). A query
term's BM25 contribution is then a few vector operations over its postings, and the result is FTS5's own
formula (k1 = 1.2, b = 0.75, idf = log((N - n + 0.5) / (n + 0.5)), floored at 1e-6): the index is built
from FTS5's own tokens (fts5vocab), so stemming, diacritics and the `stems` column are FTS5's.

BM25 is a sum over the query's phrases, so what the arrays do not hold is added from FTS5 itself: quoted
phrases, codes and the `stems :` shadow phrases of multilingual homes are scored by FTS5 (a phrase query
matches few rows), and chunks written after the snapshot (the delta) get their whole score from FTS5,
restricted to those rows. It is a cache like the vector caches: files under `<home>/cache/bm25-*`, the
SQLite change counter (`seq`) and FTS5's structure record it reflects, a CRC32 per file; a snapshot that
does not match is discarded and rebuilt from SQLite in the background (searches use FTS5 meanwhile), and
`memex check --repair` rebuilds it. Homes below MIN_CHUNKS never use it (FTS5 is fast enough there).
"""
from __future__ import annotations

import bisect
import json
import logging
import math
import os
import sqlite3
import threading
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

import numpy as np

from memex.store.db import current_seq, read_tx
from memex.store.vectors import file_crc32

log = logging.getLogger(__name__)

MIN_CHUNKS = 50_000
"""Homes with fewer chunks search FTS5 directly (a few ms at that size)."""
REBUILD_SHARE = 0.02
"""Rebuild once this share of the indexed chunks changed (the delta is scored by FTS5 meanwhile)."""
REBUILD_MIN = 2_000
K1, B = 1.2, 0.75
FTS_TABLE = "chunks_fts"
VERSION = 1
ENV_SWITCH = "MEMEX_LEXICAL_INDEX"
"""Set to 0 to search FTS5 directly whatever the size (benchmarks compare both in one run)."""


def enabled() -> bool:
    return os.environ.get(ENV_SWITCH, "1") not in ("0", "off", "false", "no")


def _varints(data: bytes) -> list[int]:
    """SQLite/FTS5 varints (big-endian, 7 bits a byte, the 9th byte whole)."""
    out, i = [], 0
    while i < len(data):
        v = 0
        for j in range(9):
            b = data[i]
            i += 1
            if j == 8:
                v = (v << 8) | b
                break
            v = (v << 7) | (b & 0x7F)
            if not b & 0x80:
                break
        out.append(v)
    return out


def fts_state(conn: sqlite3.Connection) -> tuple[int, int, int]:
    """(rows, tokens in all columns, CRC32 of FTS5's structure record): what FTS5's bm25() sees."""
    avg = conn.execute(f"SELECT block FROM {FTS_TABLE}_data WHERE id = 1").fetchone()
    struct = conn.execute(f"SELECT block FROM {FTS_TABLE}_data WHERE id = 10").fetchone()
    vals = _varints(bytes(avg[0])) if avg and avg[0] is not None else [0]
    return vals[0], sum(vals[1:]), zlib.crc32(bytes(struct[0])) if struct and struct[0] is not None else 0


def tokenizer_spec(conn: sqlite3.Connection) -> str:
    """The FTS table's tokenize option, e.g. "porter unicode61 remove_diacritics 2"."""
    row = conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", (FTS_TABLE,)).fetchone()
    sql = row[0] if row else ""
    low = sql.lower()
    i = low.find("tokenize")
    if i < 0:
        return "unicode61"
    rest = sql[i:]
    q = rest.find("'")
    return rest[q + 1:rest.find("'", q + 1)] if q >= 0 else "unicode61"


class QueryTokenizer:
    """FTS5's own tokenizer run on query terms (an in-memory FTS5 table with the same tokenize option)."""

    def __init__(self, spec: str) -> None:
        self.conn = sqlite3.connect(":memory:", check_same_thread=False)
        self.conn.execute(f"CREATE VIRTUAL TABLE t USING fts5(x, tokenize = '{spec}')")
        self.conn.execute("CREATE VIRTUAL TABLE v USING fts5vocab(t, instance)")
        self.lock = threading.Lock()

    def tokens(self, terms: list[str]) -> list[list[str]]:
        """Each term's tokens, in order."""
        with self.lock:
            self.conn.execute("DELETE FROM t")
            self.conn.executemany("INSERT INTO t(rowid, x) VALUES (?, ?)", list(enumerate(terms)))
            out: list[list[tuple[int, str]]] = [[] for _ in terms]
            for term, doc, offset in self.conn.execute("SELECT term, doc, offset FROM v"):
                out[doc].append((offset, term))
        return [[t for _, t in sorted(x)] for x in out]


@dataclass
class Snapshot:
    """The arrays of one build."""

    terms: list[str]
    """FTS5 tokens, sorted (code point order = FTS5's byte order)."""
    offsets: np.ndarray
    """Postings of terms[i]: ids[offsets[i]:offsets[i+1]]."""
    ids: np.ndarray
    tf: np.ndarray
    """Column-weighted term frequency per posting (the title/heading weights of the build)."""
    length: np.ndarray
    """Tokens per chunk (all columns), indexed by chunk id."""


class LexicalIndex:
    """BM25 over FTS5's tokens from flat arrays, caught up with SQLite's change log like the vector caches."""

    def __init__(self, folder: Path, weights: tuple[float, float], tokenizer: str) -> None:
        self.folder = folder
        self.weights = weights
        self.tokenizer = tokenizer
        self.meta_path = folder / "bm25.json"
        self.snap: Snapshot | None = None
        self.seq = 0
        self.struct = 0
        self.base_size = 0
        self._view: tuple[np.ndarray, np.ndarray, int] = (np.zeros(0, dtype=np.int64), np.zeros(0, dtype=bool), 0)
        self._qt: QueryTokenizer | None = None
        self._lock = threading.Lock()

    # ---- building and persistence ------------------------------------------------------------------
    def build(self, conn: sqlite3.Connection) -> None:
        """Read every FTS5 token instance (fts5vocab) into postings; one read snapshot of SQLite."""
        tw, hw = self.weights
        conn.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.memex_fts_instances "
                     f"USING fts5vocab(main, {FTS_TABLE}, instance)")
        terms: list[str] = []
        ids_parts: list[np.ndarray] = []
        tf_parts: list[np.ndarray] = []
        conn.execute("BEGIN")  # one read snapshot (on a connection of its own: minutes at 1M chunks)
        try:
            seq = current_seq(conn)
            _, _, struct = fts_state(conn)
            # SQLite groups in C; Python sees one row per term with its postings as text.
            rows = conn.execute(
                "SELECT term, group_concat(doc), group_concat(w) FROM (SELECT term, doc, "
                "sum(CASE col WHEN 'title' THEN ? WHEN 'headings' THEN ? ELSE 1.0 END) AS w "
                "FROM temp.memex_fts_instances GROUP BY term, doc) GROUP BY term", (tw, hw))
            for term, docs, ws in rows:
                terms.append(term)
                ids_parts.append(np.array(docs.split(","), dtype=np.int32))
                tf_parts.append(np.array(ws.split(","), dtype=np.float32))
            lengths = conn.execute(f"SELECT id, sz FROM {FTS_TABLE}_docsize").fetchall()
        finally:
            conn.execute("COMMIT")
        order = sorted(range(len(terms)), key=lambda i: terms[i])
        terms = [terms[i] for i in order]
        counts = np.array([len(ids_parts[i]) for i in order], dtype=np.int64)
        offsets = np.zeros(len(terms) + 1, dtype=np.int64)
        np.cumsum(counts, out=offsets[1:])
        ids = np.concatenate([ids_parts[i] for i in order]) if terms else np.zeros(0, dtype=np.int64)
        tf = np.concatenate([tf_parts[i] for i in order]) if terms else np.zeros(0, dtype=np.float32)
        size = int(max([r[0] for r in lengths], default=0)) + 1
        length = np.zeros(size, dtype=np.float32)
        for cid, sz in lengths:
            length[cid] = sum(_varints(bytes(sz)))
        tf16 = tf.astype(np.float16)
        self.snap = Snapshot(terms, offsets, ids.astype(np.int32, copy=False),
                             tf16 if np.array_equal(tf16.astype(np.float32), tf) else tf, length)
        self.seq, self.struct, self.base_size = seq, struct, size
        self._view = (np.zeros(0, dtype=np.int64), np.zeros(size, dtype=bool), 0)

    def save(self) -> None:
        """Write the snapshot under a new generation, fsynced, then switch bm25.json to it atomically."""
        assert self.snap is not None
        self.folder.mkdir(parents=True, exist_ok=True)
        old = self._read_meta()
        gen = int(old.get("generation", 0)) + 1 if old else 1
        files = {}
        s = self.snap
        parts = {"terms": "\n".join(s.terms).encode("utf-8"), "offsets": s.offsets, "ids": s.ids, "tf": s.tf,
                 "length": s.length}
        for name, value in parts.items():
            path = self.folder / (f"bm25-{gen}.{name}" + ("" if name == "terms" else ".npy"))
            with open(path, "wb") as f:
                if isinstance(value, bytes):
                    f.write(value)
                else:
                    np.save(f, value, allow_pickle=False)
                f.flush()
                os.fsync(f.fileno())
            files[name] = {"file": path.name, "size": path.stat().st_size, "crc32": file_crc32(path)}
        meta = {"version": VERSION, "generation": gen, "seq": self.seq, "struct": self.struct,
                "weights": list(self.weights), "tokenizer": self.tokenizer, "terms": len(s.terms),
                "postings": int(len(s.ids)), "files": files}
        tmp = self.meta_path.with_suffix(".json.tmp")
        tmp.write_text(json.dumps(meta))
        with open(tmp, "rb") as f:
            os.fsync(f.fileno())
        os.replace(tmp, self.meta_path)
        for f in self.folder.glob("bm25-*"):
            if not f.name.startswith(f"bm25-{gen}."):
                f.unlink(missing_ok=True)

    def _read_meta(self) -> dict[str, Any]:
        try:
            return dict(json.loads(self.meta_path.read_text()))
        except (OSError, ValueError):
            return {}

    def verify(self) -> str:
        """"ok", or why the snapshot on disk cannot be used (missing, torn, corrupt, other settings)."""
        meta = self._read_meta()
        if not meta:
            return "bm25.json unreadable" if self.meta_path.exists() else "missing"
        if meta.get("version") != VERSION or meta.get("weights") != list(self.weights) \
                or meta.get("tokenizer") != self.tokenizer:
            return "built with other settings"
        for name in ("terms", "offsets", "ids", "tf", "length"):
            info = meta.get("files", {}).get(name)
            path = self.folder / str((info or {}).get("file", ""))
            if not info or not path.is_file():
                return f"file {name} missing"
            if path.stat().st_size != info["size"] or file_crc32(path) != info["crc32"]:
                return f"file {path.name} is corrupt (size or checksum)"
        return "ok"

    def load(self) -> bool:
        """Map the snapshot on disk if its checksums hold; False if there is none usable."""
        if self.verify() != "ok":
            return False
        meta = self._read_meta()
        files = {k: self.folder / v["file"] for k, v in meta["files"].items()}
        try:
            terms = files["terms"].read_bytes().decode("utf-8")
            snap = Snapshot(terms.split("\n") if terms else [], np.load(files["offsets"]),
                            np.load(files["ids"], mmap_mode="r"), np.load(files["tf"], mmap_mode="r"),
                            np.load(files["length"]))
        except (OSError, ValueError):
            return False
        if len(snap.offsets) != len(snap.terms) + 1 or int(snap.offsets[-1]) != len(snap.ids) \
                or len(snap.ids) != len(snap.tf) or int(meta.get("postings", -1)) != len(snap.ids):
            return False
        self.snap = snap
        self.seq, self.struct, self.base_size = int(meta["seq"]), int(meta["struct"]), len(snap.length)
        self._view = (np.zeros(0, dtype=np.int64), np.zeros(self.base_size, dtype=bool), 0)
        return True

    # ---- keeping current ---------------------------------------------------------------------------
    def catch_up(self, conn: sqlite3.Connection) -> bool:
        """Follow SQLite's change log since the snapshot; False when the snapshot cannot be used any more."""
        with self._lock, read_tx(conn):
            seq = current_seq(conn)
            _, _, struct = fts_state(conn)
            if struct == self.struct and seq == self.seq:
                return True
            if seq < self.seq or (seq == self.seq and struct != self.struct):
                return False  # ahead of SQLite (a restored backup) or FTS rewritten without a logged change
            # New chunks carry their vectors' seq; removed ones leave tombstones (memex/store/documents.py).
            touched = np.array([r[0] for r in conn.execute(
                "SELECT chunk_id FROM embeddings WHERE seq > ? UNION SELECT chunk_id FROM tombstones WHERE seq > ?",
                (self.seq, self.seq))], dtype=np.int64)
            cand = np.union1d(self.delta, touched)
            live = np.array([r[0] for r in conn.execute(
                "SELECT id FROM chunks WHERE id IN (SELECT value FROM json_each(?))",
                (json.dumps(cand.tolist()),))], dtype=np.int64)
            dead = self.dead.copy()  # copy on write: a search running now keeps a consistent view
            dead[touched[touched < self.base_size]] = True
            self._view = (np.sort(live), dead, int(dead.sum()))
            self.seq, self.struct = seq, struct
            return True

    @property
    def delta(self) -> np.ndarray:
        """Chunks written since the snapshot: scored by FTS5."""
        return self._view[0]

    @property
    def dead(self) -> np.ndarray:
        """Snapshot chunks removed or rewritten since (their postings are ignored)."""
        return self._view[1]

    @property
    def n_dead(self) -> int:
        return self._view[2]

    @property
    def changed(self) -> int:
        """Chunks whose scores come from FTS5 or are masked: how far the snapshot is behind."""
        return len(self.delta) + self.n_dead

    def wants_rebuild(self) -> bool:
        return self.changed > max(REBUILD_MIN, REBUILD_SHARE * self.base_size)

    # ---- searching ---------------------------------------------------------------------------------
    def tokens(self, terms: list[str]) -> list[list[str]]:
        if self._qt is None:
            self._qt = QueryTokenizer(self.tokenizer)
        return self._qt.tokens(terms)

    def postings(self, token: str) -> tuple[np.ndarray, np.ndarray]:
        """(chunk ids, weighted tf) of one FTS5 token (empty if the snapshot never saw it)."""
        s = self.snap
        assert s is not None
        i = bisect.bisect_left(s.terms, token)
        if i == len(s.terms) or s.terms[i] != token:
            return np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.float32)
        a, b = int(s.offsets[i]), int(s.offsets[i + 1])
        return s.ids[a:b], s.tf[a:b]

    def doc_freq(self, conn: sqlite3.Connection, term: str, token: str) -> int:
        """Chunks holding the token now (the snapshot's count while nothing changed, else FTS5's)."""
        if self.changed == 0:
            return len(self.postings(token)[0])
        return self._fts_count(conn, term)

    def query(self, conn: sqlite3.Connection, terms: list[str], expr_for: Callable[[list[str]], str | None],
              n: int, total: int, prune_df: float, column_weights: tuple[float, ...]) -> list[tuple[int, float]]:
        """The best n chunks for the FTS5 expression `expr_for(terms)`, with FTS5's bm25() scores.

        `expr_for(ts)` is the query's expression with the word terms `ts` (its phrases and shadow phrases
        always in it). Terms found in more than `prune_df` of `total` chunks are dropped first, keeping at
        least two, as the FTS5 path does for large homes (memex.retrieve.search).
        """
        toks = dict(zip(terms, self.tokens(terms), strict=True))
        df = {t: (self.doc_freq(conn, t, tk[0]) if len(tk) == 1 else self._fts_count(conn, t) if tk else 0)
              for t, tk in toks.items()}
        if len(terms) > 2:
            keep = [t for t in terms if df[t] <= prune_df * total]
            if len(keep) < 2:
                keep = sorted(terms, key=lambda t: df[t])[:2]
            terms = [t for t in terms if t in keep]
        single = {t: toks[t][0] for t in terms if len(toks[t]) == 1}
        full_expr = expr_for(terms)
        if not full_expr:
            return []
        rest_expr = expr_for([t for t in terms if t not in single])
        return self._search(conn, single, df, rest_expr, full_expr, n, column_weights)

    def _search(self, conn: sqlite3.Connection, single: dict[str, str], df: dict[str, int], rest_expr: str | None,
                full_expr: str, n: int, column_weights: tuple[float, ...]) -> list[tuple[int, float]]:
        """`full_expr` = the single-token terms (term -> its FTS5 token, scored from the arrays) OR
        `rest_expr` (phrases, scored by FTS5); chunks written since the snapshot are scored by FTS5."""
        s = self.snap
        assert s is not None
        delta, dead, n_dead = self._view
        n_rows, n_tokens, _ = fts_state(conn)
        if n_rows <= 0:
            return []
        avgdl = n_tokens / n_rows
        id_parts, score_parts = [], []
        for term, token in single.items():
            ids, tf = self.postings(token)
            if not len(ids):
                continue
            idf = math.log((n_rows - df[term] + 0.5) / (df[term] + 0.5))
            idf = idf if idf > 0 else 1e-6
            w = tf.astype(np.float64)
            norm = K1 * (1 - B + B * s.length[ids].astype(np.float64) / avgdl)
            id_parts.append(ids)
            score_parts.append(idf * (w * (K1 + 1)) / (w + norm))
        size = self.base_size
        scores = (np.bincount(np.concatenate(id_parts), weights=np.concatenate(score_parts), minlength=size)
                  if id_parts else np.zeros(size))
        weights_sql = ", ".join(map(str, column_weights))
        if rest_expr:  # BM25 is a sum over phrases: FTS5 adds the phrases' share
            for cid, sc in self._fts(conn, rest_expr, weights_sql, None):
                if cid < size:
                    scores[cid] += sc
        if n_dead:
            scores[dead] = 0.0
        nz = np.flatnonzero(scores)
        if len(nz) > n:  # the n best; among equal scores the lower chunk ids (FTS5's row order)
            vals = scores[nz]
            nth = np.partition(vals, len(vals) - n)[len(vals) - n]
            above = nz[vals > nth]
            nz = np.concatenate([above, nz[vals == nth][:n - len(above)]])
        out = [(int(c), float(scores[c])) for c in nz]
        if len(delta):  # chunks written since the snapshot (masked above): their whole score from FTS5
            out += self._fts(conn, full_expr, weights_sql, json.dumps(delta.tolist()))
        out.sort(key=lambda cs: (-cs[1], cs[0]))
        return out[:n]

    def _fts_count(self, conn: sqlite3.Connection, term: str) -> int:
        try:
            return int(conn.execute(f"SELECT count(*) FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH ?",
                                    ('"' + term.replace('"', '""') + '"',)).fetchone()[0])
        except sqlite3.OperationalError:
            return 0

    def _fts(self, conn: sqlite3.Connection, expr: str, weights_sql: str,
             only_json: str | None) -> list[tuple[int, float]]:
        sql = (f"SELECT rowid, -bm25({FTS_TABLE}, {weights_sql}) FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH ?")
        args: list[Any] = [expr]
        if only_json is not None:
            sql += " AND rowid IN (SELECT value FROM json_each(?))"
            args.append(only_json)
        try:
            return [(int(r[0]), float(r[1])) for r in conn.execute(sql, args)]
        except sqlite3.OperationalError:
            return []


# ---- one index per home, built in the background -----------------------------------------------------
_indexes: dict[str, LexicalIndex] = {}
_building: dict[str, threading.Thread] = {}
_registry_lock = threading.Lock()


def _db_path(conn: sqlite3.Connection) -> str:
    for _, name, file in conn.execute("PRAGMA database_list"):
        if name == "main":
            return str(file)
    return ""


def _open_for(folder: Path, weights: tuple[float, float], tokenizer: str) -> LexicalIndex:
    return LexicalIndex(folder, weights, tokenizer)


def build_and_save(db: str, folder: Path, weights: tuple[float, float]) -> LexicalIndex:
    """Build from SQLite on a connection of its own and save the snapshot (blocking)."""
    conn = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
    try:
        conn.execute("PRAGMA busy_timeout = 30000")
        idx = LexicalIndex(folder, weights, tokenizer_spec(conn))
        idx.build(conn)
        idx.save()
        return idx
    finally:
        conn.close()


def _start_build(key: str, db: str, folder: Path, weights: tuple[float, float]) -> None:
    if key in _building and _building[key].is_alive():
        return

    def run() -> None:
        try:
            idx = build_and_save(db, folder, weights)
        except (sqlite3.Error, OSError):
            return  # FTS5 keeps serving; the next search tries again
        with _registry_lock:
            _indexes[key] = idx

    t = threading.Thread(target=run, name="memex-bm25-build", daemon=True)
    _building[key] = t
    t.start()


def for_search(conn: sqlite3.Connection, folder: Path, weights: tuple[float, float], n_chunks: int,
               wait: bool = False) -> LexicalIndex | None:
    """The home's index, current with SQLite, or None (small home, switched off, or still building:
    then a background build is started and FTS5 answers meanwhile). `wait` builds in this thread."""
    if n_chunks < MIN_CHUNKS or not enabled():
        return None
    db = _db_path(conn)
    if not db:
        return None  # an in-memory store
    key = f"{db}|{weights}"
    with _registry_lock:
        idx = _indexes.get(key)
        if idx is None:
            cand = LexicalIndex(folder, weights, tokenizer_spec(conn))
            if cand.load():
                idx = _indexes[key] = cand
    if idx is not None and not idx.catch_up(conn):
        with _registry_lock:
            _indexes.pop(key, None)
        idx = None
    if idx is None or (wait and idx.wants_rebuild()):
        if wait:
            idx = build_and_save(db, folder, weights)
            with _registry_lock:
                _indexes[key] = idx
            return idx if idx.catch_up(conn) else None
        _start_build(key, db, folder, weights)
        return None
    if idx.wants_rebuild():
        _start_build(key, db, folder, weights)  # the caught-up index keeps serving until the new one is in
    return idx


def refresh(conn: sqlite3.Connection, folder: Path, weights: tuple[float, float]) -> None:
    """After a sync changed notes: build the snapshot (or rebuild it once much changed) in this thread, so a
    one-shot `memex search` process finds it ready. Homes below MIN_CHUNKS are left alone."""
    n = int(conn.execute("SELECT max(id) FROM chunks").fetchone()[0] or 0)  # cheap upper bound first
    if n < MIN_CHUNKS or not enabled():
        return
    n = int(conn.execute("SELECT count(*) FROM chunks").fetchone()[0])
    try:
        for_search(conn, folder, weights, n, wait=True)
    except (sqlite3.Error, OSError) as e:  # a cache: FTS5 still answers every query, so say so and go on
        log.warning("BM25 impact index not refreshed (%s); searches use FTS5 until the next sync", e)


def forget(conn: sqlite3.Connection) -> None:
    """Drop this store's indexes from memory (after a repair rewrote FTS)."""
    db = _db_path(conn)
    with _registry_lock:
        for key in [k for k in _indexes if k.startswith(f"{db}|")]:
            _indexes.pop(key)


def check(conn: sqlite3.Connection, folder: Path, weights: tuple[float, float], repair: bool) -> tuple[str, bool]:
    """`memex check`: the snapshot's state ("ok", "not built", or the problem); repair rebuilds a bad one."""
    n = int(conn.execute("SELECT count(*) FROM chunks").fetchone()[0])
    idx = LexicalIndex(folder, weights, tokenizer_spec(conn))
    state = idx.verify()
    if state == "missing":
        return ("not used below {:,} chunks".format(MIN_CHUNKS) if n < MIN_CHUNKS else "not built yet"), False
    bad = state != "ok" or not idx.load() or not idx.catch_up(conn)
    if not bad:
        return "ok", False
    problem = state if state != "ok" else "out of step with SQLite"
    if repair:
        forget(conn)
        for f in folder.glob("bm25*"):
            f.unlink(missing_ok=True)
        if n >= MIN_CHUNKS:
            build_and_save(_db_path(conn), folder, weights)
            return f"rebuilt from SQLite ({problem})", False
        return f"removed ({problem})", False
    return problem, True


def search(conn: sqlite3.Connection, folder: Path, title_weight: float, heading_weight: float,
           terms: list[str], expr_for: Callable[[list[str]], str | None], n: int, total: int,
           prune_df: float) -> list[tuple[int, float]] | None:
    """Any-term BM25 through the home's index; None when the index is not in use (FTS5 answers then)."""
    weights = (float(title_weight), float(heading_weight))
    try:
        idx = for_search(conn, folder, weights, total)
        if idx is None:
            return None
        return idx.query(conn, terms, expr_for, n, total, prune_df, (*weights, 1.0, 1.0))
    except (sqlite3.Error, OSError, ValueError):
        return None  # a cache: FTS5 answers whatever went wrong here
