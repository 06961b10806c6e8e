"""Store maintenance: online backup, integrity checks, and repair of the derived indexes (FTS, vector cache).

SQLite rows (documents, chunks, embeddings) are the truth; the FTS index and the vector cache are derived
from them, so a repair rebuilds those two and drops any document that is not complete (the next sync
indexes its file again). B-tree corruption of the database itself cannot be repaired here: restore a
backup (`memex backup` makes one with SQLite's online backup API, never a file copy).
"""
from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from memex.errors import MemexError
from memex.language.analyzer import fts_row
from memex.store import documents as docs
from memex.store.db import read_tx, write_tx
from memex.store.vectors import VectorIndex, cache_state

FTS_TABLE = "chunks_fts"


@dataclass
class CheckReport:
    """What `memex check` found (and, with repair, what it fixed)."""

    database: str = "ok"
    """PRAGMA integrity_check: "ok" or the first problems it listed."""
    fts: str = "ok"
    vector_cache: str = "ok"
    documents: int = 0
    chunks: int = 0
    vectors: int = 0
    problems: list[str] = field(default_factory=list)
    repaired: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when nothing is wrong (after repair, if one ran)."""
        return not self.problems

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {"ok": self.ok, "database": self.database, "fts": self.fts, "vector_cache": self.vector_cache,
                "documents": self.documents, "chunks": self.chunks, "vectors": self.vectors,
                "problems": list(self.problems), "repaired": list(self.repaired)}


# ---- backup --------------------------------------------------------------------------------------
def backup(conn: sqlite3.Connection, dest: Path, *, force: bool = False) -> dict[str, Any]:
    """Copy the live store to `dest` with SQLite's backup API (a consistent snapshot; writers keep going).

    `dest` may be a folder (a timestamped file is created in it). The copy is written to a temporary
    file, checked with PRAGMA integrity_check, switched to a single-file journal mode and only then
    renamed into place, so a failed backup never leaves a half-written file under the final name.
    """
    dest = Path(dest).expanduser()
    if dest.is_dir():
        dest = dest / f"memex-backup-{dt.datetime.now():%Y%m%d-%H%M%S}.db"
    if dest.exists() and not force:
        raise MemexError(f"{dest} already exists (use --force to overwrite it)")
    if not dest.parent.is_dir():
        raise MemexError(f"no such folder: {dest.parent}")
    tmp = dest.with_name(f".{dest.name}.tmp{os.getpid()}")
    try:
        target = sqlite3.connect(tmp, isolation_level=None)
        try:
            conn.backup(target)  # all pages in one step: one read snapshot, never blocks writers (WAL)
            target.execute("PRAGMA journal_mode=DELETE")  # a self-contained file, no -wal beside it
            result = _integrity(target)
            counts = {t: int(target.execute(f"SELECT count(*) FROM {t}").fetchone()[0])
                      for t in ("documents", "chunks", "embeddings")}
        finally:
            target.close()
        if result != "ok":
            raise MemexError(f"the backup copy failed its integrity check: {result}")
        with open(tmp, "rb") as f:
            os.fsync(f.fileno())
        os.replace(tmp, dest)
        _fsync_dir(dest.parent)
    except sqlite3.Error as e:
        raise MemexError(f"backup failed: {e}") from e
    except OSError as e:
        raise MemexError(f"backup failed: {e.strerror or e}") from e
    finally:
        tmp.unlink(missing_ok=True)
    return {"path": str(dest), "bytes": dest.stat().st_size, "integrity": "ok", **counts}


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some filesystems refuse fsync on directories; the rename is still atomic
    finally:
        os.close(fd)


# ---- check ---------------------------------------------------------------------------------------
def _integrity(conn: sqlite3.Connection) -> str:
    rows = [r[0] for r in conn.execute("PRAGMA integrity_check(20)")]
    return "ok" if rows == ["ok"] else "; ".join(rows)


def _fts_integrity(conn: sqlite3.Connection) -> str:
    """FTS5's own index-vs-content check (PRAGMA integrity_check does not look inside FTS5 before 3.44)."""
    try:
        with write_tx(conn):  # the check is issued as an INSERT; it changes nothing
            conn.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('integrity-check')")
    except sqlite3.DatabaseError as e:
        return f"FTS index is corrupt ({e})"
    return "ok"


def _consistency(conn: sqlite3.Connection, embedder: str) -> tuple[list[str], list[int]]:
    """Cross-table checks in one snapshot; returns problems and ids of incomplete documents."""
    problems: list[str] = []
    with read_tx(conn):
        no_chunks = [r[0] for r in conn.execute(
            "SELECT id FROM documents d WHERE NOT EXISTS (SELECT 1 FROM chunks c WHERE c.doc_id = d.id)")]
        no_vector = [r[0] for r in conn.execute(
            "SELECT DISTINCT c.doc_id FROM chunks c LEFT JOIN embeddings e ON e.chunk_id = c.id "
            "AND e.embedder = ? WHERE e.chunk_id IS NULL", (embedder,))]
        no_fts = [r[0] for r in conn.execute(
            f"SELECT DISTINCT c.doc_id FROM chunks c LEFT JOIN {FTS_TABLE} f ON f.rowid = c.id "
            "WHERE f.rowid IS NULL")]
        orphan_fts = int(conn.execute(
            f"SELECT count(*) FROM {FTS_TABLE} WHERE rowid NOT IN (SELECT id FROM chunks)").fetchone()[0])
        orphan_chunks = int(conn.execute(
            "SELECT count(*) FROM chunks WHERE doc_id NOT IN (SELECT id FROM documents)").fetchone()[0])
        orphan_vectors = int(conn.execute(
            "SELECT count(*) FROM embeddings WHERE chunk_id NOT IN (SELECT id FROM chunks)").fetchone()[0])
        gaps = [r[0] for r in conn.execute(
            "SELECT doc_id FROM chunks GROUP BY doc_id HAVING max(ordinal) + 1 != count(*)")]
    if no_chunks:
        problems.append(f"{len(no_chunks)} document(s) without chunks")
    if no_vector:
        problems.append(f"{len(no_vector)} document(s) with chunks missing a vector for {embedder}")
    if no_fts:
        problems.append(f"{len(no_fts)} document(s) with chunks missing from the FTS index")
    if orphan_fts:
        problems.append(f"{orphan_fts} FTS row(s) without a chunk")
    if orphan_chunks or orphan_vectors:
        problems.append(f"{orphan_chunks} orphan chunk(s), {orphan_vectors} orphan vector(s)")
    if gaps:
        problems.append(f"{len(gaps)} document(s) with missing chunk ordinals")
    incomplete = sorted(set(no_chunks) | set(no_vector) | set(gaps))
    return problems, incomplete


def check(conn: sqlite3.Connection, embedder: str, dims: int, cache: Path, *,
          repair: bool = False, backend: Any = None) -> CheckReport:
    """Check the database, the FTS index and the vector cache; with repair, rebuild what is derived.

    `backend` (a store.backends.VectorIndex other than exact: ann, pgvector, qdrant) is checked and, with
    repair, rebuilt from SQLite instead of the exact cache file. Call repair only while holding the writer
    lock (Brain.check does).
    """
    report = CheckReport()
    report.database = _integrity(conn)
    if report.database != "ok":
        report.problems.append(f"database integrity check failed: {report.database}")
        report.problems.append("not repairable here: restore a backup (`memex backup` makes them)")
        return report  # derived-index checks on a corrupt B-tree would only add noise
    report.fts = _fts_integrity(conn)
    if report.fts != "ok":
        report.problems.append(report.fts)
    problems, incomplete = _consistency(conn, embedder)
    report.problems += problems
    state, bad_cache = _vector_state(conn, embedder, dims, cache, backend)
    report.vector_cache = state
    if bad_cache:
        report.problems.append(f"vector cache {state}")
    if repair and report.problems:
        _repair(conn, embedder, dims, cache, incomplete, report, backend)
    if backend is not None:
        backend.close()
    report.documents, report.chunks, report.vectors = (int(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0])
                                                       for t in ("documents", "chunks", "embeddings"))
    return report


def _vector_state(conn: sqlite3.Connection, embedder: str, dims: int, cache: Path,
                  backend: Any) -> tuple[str, bool]:
    if backend is None:
        return cache_state(conn, embedder, dims, cache)
    try:
        return backend.check(conn)
    except MemexError as e:
        return f"{backend.kind} backend unreachable or broken: {e}", True


def _repair(conn: sqlite3.Connection, embedder: str, dims: int, cache: Path, incomplete: list[int],
            report: CheckReport, backend: Any = None) -> None:
    if incomplete:
        with write_tx(conn):
            docs.delete_documents(conn, incomplete)
        report.repaired.append(f"removed {len(incomplete)} incomplete document(s); the next sync re-indexes them")
    rebuild_fts(conn)
    report.repaired.append("rebuilt the FTS index from chunks")
    for stale in cache.parent.glob(cache.name.replace(".bin", ".tmp*")):
        stale.unlink(missing_ok=True)
    if backend is not None:
        backend.rebuild(conn)
        backend.save(force=True)
        report.repaired.append(f"rebuilt the {backend.kind} vector index from SQLite ({len(backend)} vectors)")
    else:
        idx = VectorIndex(embedder, dims)
        idx.rebuild(conn)
        idx.save(cache)
        report.repaired.append(f"rebuilt the vector cache from SQLite ({len(idx)} vectors)")
    report.fts = _fts_integrity(conn)
    problems, _ = _consistency(conn, embedder)
    state, bad_cache = _vector_state(conn, embedder, dims, cache, backend)
    report.vector_cache = state
    report.problems = problems + ([report.fts] if report.fts != "ok" else []) + \
        ([f"vector cache {state}"] if bad_cache else [])


def rebuild_fts(conn: sqlite3.Connection) -> int:
    """Recreate the FTS table and refill it from chunks + documents in one transaction; returns rows.

    FTS5's 'rebuild' command only works for external-content tables; ours stores its own copy, so the
    table is dropped (its shadow tables may be the damaged part) and created again from its own DDL.
    """
    with write_tx(conn):
        ddl = conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", (FTS_TABLE,)).fetchone()
        if ddl is None:
            raise MemexError("the store has no FTS table; is this a Memex database?")
        try:
            conn.execute(f"DROP TABLE {FTS_TABLE}")
        except sqlite3.DatabaseError:
            conn.execute(f"DELETE FROM {FTS_TABLE}")  # shadow tables unreadable for DROP: empty it instead
        else:
            conn.execute(ddl[0])
        rows = conn.execute("SELECT c.id, coalesce(d.title, ''), c.heading_path, c.text, c.lang FROM chunks c "
                            "JOIN documents d ON d.id = c.doc_id ORDER BY c.id").fetchall()
        conn.executemany(f"INSERT INTO {FTS_TABLE}(rowid, title, headings, text, stems) VALUES (?,?,?,?,?)",
                         [(r[0], *fts_row(r[1], " ".join(json.loads(r[2])), r[3], r[4])) for r in rows])
    return len(rows)
