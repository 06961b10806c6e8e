"""Threads, remembered facts and quick capture for the servers (REST, MCP, A2A, web UI), over one Gateway.

Every interface reaches these the same way, so a thread started in the web UI can be continued from
the CLI and a note captured over MCP is searchable from the REST API. Thread reads use a connection of
their own, so listing threads never waits behind a long answer or a sync; writes are audited.
"""
from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from memex.errors import MemexError
from memex.ingest import capture
from memex.interfaces.gateway import Gateway, NotFound
from memex.store import audit, threads
from memex.store import documents as docs
from memex.store.db import connect

MAX_THREAD_ID = 64


def _thread_id(thread_id: str) -> str:
    if not thread_id or len(thread_id) > MAX_THREAD_ID or not thread_id.isalnum():
        raise NotFound(f"no conversation thread {thread_id[:MAX_THREAD_ID]!r}")
    return thread_id


class Notebook:
    """The conversational and note-taking side of one Memex home."""

    def __init__(self, gateway: Gateway) -> None:
        self.gateway = gateway
        self._conn = connect(gateway.settings.db_path)
        self._lock = threading.Lock()

    def close(self) -> None:
        """Release the connection."""
        self._conn.close()

    # ---- threads -------------------------------------------------------------------------------
    def list_threads(self) -> list[dict[str, Any]]:
        """Every thread, most recently used first."""
        with self._lock:
            return threads.list_threads(self._conn)

    def thread(self, thread_id: str) -> dict[str, Any]:
        """One thread with its turns."""
        with self._lock:
            try:
                return threads.get_thread(self._conn, _thread_id(thread_id))
            except MemexError as e:
                raise NotFound(str(e)) from None

    def thread_exists(self, thread_id: str) -> bool:
        """Is there such a thread?"""
        with self._lock:
            return threads.thread_exists(self._conn, thread_id)

    def create_thread(self, title: str = "", actor: str = "api", thread_id: str | None = None) -> dict[str, Any]:
        """A new, empty thread (its title is set by the first question when empty)."""
        title = " ".join(title.split())[:200]
        with self._lock:
            tid = threads.create_thread(self._conn, title, thread_id)
            audit.record(self._conn, actor, "create_thread", tid)
            return threads.get_thread(self._conn, tid)

    def require_thread(self, thread_id: str) -> str:
        """The id, if such a thread exists (NotFound otherwise)."""
        with self._lock:
            if not threads.thread_exists(self._conn, _thread_id(thread_id)):
                raise NotFound(f"no conversation thread {thread_id!r}")
        return thread_id

    def delete_thread(self, thread_id: str, actor: str = "api") -> dict[str, Any]:
        """Forget a thread and its turns."""
        with self._lock:
            if not threads.delete_thread(self._conn, _thread_id(thread_id)):
                raise NotFound(f"no conversation thread {thread_id!r}")
            audit.record(self._conn, actor, "delete_thread", thread_id)
        return {"id": thread_id, "deleted": True}

    # ---- remembered facts ----------------------------------------------------------------------
    def memories(self) -> list[dict[str, Any]]:
        """Every remembered fact, oldest first."""
        from memex.agents.memory import list_memories

        return list_memories(self.gateway.reader)

    def remember(self, fact: str, actor: str = "api") -> dict[str, Any]:
        """Store a fact as a memory note and index it."""
        from memex.agents.memory import remember

        with self.gateway.writing() as b:
            record = remember(b, fact, actor)
        self.gateway.log(actor, "remember", record["path"])
        return record

    def forget(self, memory_id: str, actor: str = "api") -> dict[str, Any]:
        """Delete one memory (its note leaves the index)."""
        from memex.agents.memory import forget

        if not memory_id or len(memory_id) > 64:
            raise NotFound("no such memory")
        with self.gateway.writing() as b:
            try:
                record = forget(b, memory_id)
            except MemexError as e:
                raise NotFound(str(e)) from None
        self.gateway.log(actor, "forget", record["path"])
        return record

    # ---- quick capture -------------------------------------------------------------------------
    def places(self) -> capture.Places:
        """Where captured notes and daily notes are written (see memex.ingest.capture)."""
        home = self.gateway.settings.home.absolute()
        with self._lock:
            sources = [p for _, p in docs.list_sources(self._conn)]
        mine = [p for p in sources if not (Path(p) == home or home in Path(p).parents)]
        return capture.resolve_places(self.gateway.settings.extra, mine, home)

    def new_note(self, title: str | None, text: str, actor: str = "api") -> dict[str, Any]:
        """Write a new note into the inbox and index it."""
        places = self.places()
        with self.gateway.writing() as b:
            path = capture.write_new_note(places.inbox, title, text, via=actor)
            report = b.add([places.inbox])
        return self._indexed(path, report, actor, "new_note")

    def append_daily(self, text: str, actor: str = "api") -> dict[str, Any]:
        """Append a line to today's daily note (created if missing) and index it."""
        places = self.places()
        with self.gateway.writing() as b:
            path = capture.append_daily(places, text)
            report = b.add([places.daily])
        return self._indexed(path, report, actor, "append_daily")

    def _indexed(self, path: Path, report: Any, actor: str, action: str) -> dict[str, Any]:
        doc = self.gateway.summary_for_path(str(path.absolute()))
        failed = [f for f in report.failed if f[0] == str(path.absolute())] if report.failed else []
        self.gateway.log(actor, action, str(path), doc_ids=[doc.id] if doc else [])
        return {"path": str(path), "document": doc.to_dict() if doc else None,
                "indexed": doc is not None, "error": failed[0][1] if failed else None}
