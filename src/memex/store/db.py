"""SQLite connection handling: WAL, busy timeout, `BEGIN IMMEDIATE` for every write, migrations."""
from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from memex.errors import MemexError
from memex.store.migrations import MIGRATIONS

BUSY_TIMEOUT_MS = 30_000
SQLITE_FULL = getattr(sqlite3, "SQLITE_FULL", 13)


def connect(path: Path, *, readonly: bool = False) -> sqlite3.Connection:
    """Open the store, applying pragmas and (for writers) pending migrations."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        # isolation_level=None: we issue BEGIN ourselves, so every write is BEGIN IMMEDIATE.
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None,
                               check_same_thread=False)
        conn.row_factory = sqlite3.Row
        conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA journal_mode=WAL")
        # NORMAL in WAL mode: the database stays consistent on power loss; the last commits may roll back.
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA temp_store=MEMORY")
        if not readonly:
            migrate(conn)
    except sqlite3.DatabaseError as e:
        if type(e) is sqlite3.DatabaseError:  # "file is not a database", "malformed": damage, not a lock
            raise MemexError(f"cannot open the store at {path}: the database is corrupt ({e}); it was left "
                             "untouched. Run `memex check`, or restore a backup (see docs/reliability.md)") from e
        raise MemexError(f"cannot open the store at {path}: {e} (run `memex check`)") from e
    return conn


_tx_lock = threading.Lock()


@contextmanager
def write_tx(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction: BEGIN IMMEDIATE … COMMIT, rolled back on any error."""
    with _tx_lock:  # a connection is shared by threads (watcher, API); SQLite needs one tx at a time.
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
            conn.execute("COMMIT")
        except BaseException as e:
            # SQLite has already rolled back after some errors (SQLITE_FULL): a second ROLLBACK would
            # raise "no transaction is active" and hide the real cause.
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            if isinstance(e, sqlite3.OperationalError) and getattr(e, "sqlite_errorcode", None) == SQLITE_FULL:
                raise MemexError("the disk is full (or the store reached its size limit); the document being "
                                 "written was rolled back, everything before it is kept. Free some space and "
                                 "run `memex sync`.") from e
            raise


def user_version(conn: sqlite3.Connection) -> int:
    """Schema version recorded in the database file."""
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection) -> None:
    """Apply migrations newer than the file's user_version, each in its own transaction."""
    current = user_version(conn)
    if current > len(MIGRATIONS):
        raise MemexError(f"the store has schema version {current}, newer than this Memex "
                         f"({len(MIGRATIONS)}); upgrade Memex")
    for version, step in enumerate(MIGRATIONS[current:], start=current + 1):
        with write_tx(conn):
            if user_version(conn) >= version:  # another process migrated meanwhile
                continue
            step(conn)
            conn.execute(f"PRAGMA user_version={version}")


def next_seq(conn: sqlite3.Connection) -> int:
    """Bump and return the change counter; call inside a write transaction."""
    conn.execute("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'seq'")
    return int(conn.execute("SELECT value FROM meta WHERE key = 'seq'").fetchone()[0])


def current_seq(conn: sqlite3.Connection) -> int:
    """The change counter: grows with every write that adds or removes vectors."""
    return int(conn.execute("SELECT value FROM meta WHERE key = 'seq'").fetchone()[0])


@contextmanager
def read_tx(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """A consistent read snapshot across several SELECTs."""
    with _tx_lock:
        conn.execute("BEGIN")
        try:
            yield conn
        finally:
            conn.execute("COMMIT")
