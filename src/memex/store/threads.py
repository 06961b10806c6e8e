"""Conversation threads: the questions and answers of `memex chat`, kept in SQLite."""
from __future__ import annotations

import json
import secrets
import sqlite3
import time
from typing import Any

from memex.errors import MemexError
from memex.store.db import write_tx


def create_thread(conn: sqlite3.Connection, title: str = "", thread_id: str | None = None) -> str:
    """A new, empty thread (with a random id unless one is given); returns its id."""
    tid = thread_id or secrets.token_hex(4)
    now = time.time()
    with write_tx(conn):
        conn.execute("INSERT INTO threads (id, title, created_at, updated_at) VALUES (?, ?, ?, ?)",
                     (tid, title[:200], now, now))
    return tid


def thread_exists(conn: sqlite3.Connection, thread_id: str) -> bool:
    """Is there a thread with this id?"""
    return conn.execute("SELECT 1 FROM threads WHERE id = ?", (thread_id,)).fetchone() is not None


def require_thread(conn: sqlite3.Connection, thread_id: str) -> None:
    """Raise a clear error for an unknown thread id."""
    if not thread_exists(conn, thread_id):
        raise MemexError(f"no conversation thread {thread_id!r} (see `memex chat --list`)")


def add_turn(conn: sqlite3.Connection, thread_id: str, question: str, answer: str,
             result: dict[str, Any] | None = None) -> int:
    """Append a question and its answer to a thread."""
    now = time.time()
    with write_tx(conn):
        cur = conn.execute("INSERT INTO turns (thread_id, question, answer, result, at) VALUES (?, ?, ?, ?, ?)",
                           (thread_id, question, answer, json.dumps(result or {}, ensure_ascii=False), now))
        conn.execute("UPDATE threads SET updated_at = ?, title = CASE WHEN title = '' THEN ? ELSE title END "
                     "WHERE id = ?", (now, question[:200], thread_id))
    return int(cur.lastrowid or 0)


def history(conn: sqlite3.Connection, thread_id: str, limit: int = 20) -> list[tuple[str, str]]:
    """The last `limit` (question, answer) turns of a thread, oldest first."""
    rows = conn.execute("SELECT question, answer FROM turns WHERE thread_id = ? ORDER BY id DESC LIMIT ?",
                        (thread_id, limit)).fetchall()
    return [(r[0], r[1]) for r in reversed(rows)]


def list_threads(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """Every thread, most recently used first, with its number of turns."""
    return [{"id": r[0], "title": r[1], "created_at": r[2], "updated_at": r[3], "turns": r[4]}
            for r in conn.execute(
                "SELECT t.id, t.title, t.created_at, t.updated_at, "
                "(SELECT count(*) FROM turns WHERE thread_id = t.id) FROM threads t ORDER BY t.updated_at DESC")]


def delete_thread(conn: sqlite3.Connection, thread_id: str) -> bool:
    """Forget a thread and its turns; False if there was none."""
    with write_tx(conn):
        return conn.execute("DELETE FROM threads WHERE id = ?", (thread_id,)).rowcount > 0


def get_thread(conn: sqlite3.Connection, thread_id: str) -> dict[str, Any]:
    """One thread with every turn (question, answer, citations, time), oldest first."""
    row = conn.execute("SELECT id, title, created_at, updated_at FROM threads WHERE id = ?", (thread_id,)).fetchone()
    if row is None:
        raise MemexError(f"no conversation thread {thread_id!r} (see `memex threads list`)")
    turns = []
    for q, a, result, at in conn.execute(
            "SELECT question, answer, result, at FROM turns WHERE thread_id = ? ORDER BY id", (thread_id,)):
        try:
            data = json.loads(result or "{}")
        except ValueError:
            data = {}
        turns.append({"question": q, "answer": a, "citations": data.get("citations", []),
                      "abstained": bool(data.get("abstained", False)), "at": at})
    return {"id": row[0], "title": row[1], "created_at": row[2], "updated_at": row[3], "turns": turns}
