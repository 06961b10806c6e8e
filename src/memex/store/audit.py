"""The audit log: every write and every question asked through a server, without the notes' text."""
from __future__ import annotations

import hashlib
import json
import sqlite3
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from memex.store.db import write_tx


@dataclass(frozen=True)
class AuditEntry:
    """One audited action."""

    id: int
    at: float
    actor: str
    action: str
    target: str | None
    status: str
    doc_ids: list[int]
    detail: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {"id": self.id, "at": self.at, "actor": self.actor, "action": self.action,
                "target": self.target, "status": self.status, "doc_ids": self.doc_ids, "detail": self.detail}


def fingerprint(text: str) -> str:
    """A short stable hash, so the log can tell repeated questions apart without storing them."""
    return "sha256:" + hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def record(conn: sqlite3.Connection, actor: str, action: str, target: str | None = None, *,
           doc_ids: Sequence[int] = (), status: str = "ok", detail: dict[str, Any] | None = None) -> int:
    """Append one entry in its own transaction; returns its id."""
    with write_tx(conn):
        return int(conn.execute(
            "INSERT INTO audit(at, actor, action, target, status, doc_ids, detail) VALUES (?,?,?,?,?,?,?)",
            (time.time(), actor[:200], action[:100], None if target is None else target[:1000], status,
             json.dumps(sorted({int(d) for d in doc_ids})), json.dumps(detail or {}, default=str))).lastrowid)


def recent(conn: sqlite3.Connection, limit: int = 100, action: str | None = None) -> list[AuditEntry]:
    """Newest entries first."""
    sql = "SELECT id, at, actor, action, target, status, doc_ids, detail FROM audit"
    args: list[Any] = []
    if action:
        sql += " WHERE action = ?"
        args.append(action)
    sql += " ORDER BY id DESC LIMIT ?"
    rows = conn.execute(sql, (*args, limit)).fetchall()
    return [AuditEntry(r[0], r[1], r[2], r[3], r[4], r[5], json.loads(r[6]), json.loads(r[7])) for r in rows]


def doc_ids_for_paths(conn: sqlite3.Connection, paths: Sequence[str]) -> list[int]:
    """Document ids of indexed paths (citations carry paths)."""
    if not paths:
        return []
    uniq = sorted(set(paths))
    rows = conn.execute(f"SELECT id FROM documents WHERE path IN ({','.join('?' * len(uniq))})", uniq)
    return [int(r[0]) for r in rows]
