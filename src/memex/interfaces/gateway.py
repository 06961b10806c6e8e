"""What the servers (REST API, MCP) share: a reader and a writer Brain, input checks, and the audit log.

Searches run on the reader Brain while a sync runs on the writer, so a long sync never blocks reading.
Each Brain's SQLite connection is used by one thread at a time (a lock per Brain).
"""
from __future__ import annotations

import datetime as dt
import filecmp
import os
import re
import tempfile
import threading
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, BinaryIO

from memex.app import Brain
from memex.domain import Answer, Hit
from memex.errors import MemexError
from memex.ingest.pipeline import SyncReport
from memex.retrieve.search import Filters
from memex.store import audit, catalog

UPLOADS = "uploads"
MAX_PATH_CHARS = 4096
MAX_FILENAME_CHARS = 120
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}


class NotFound(MemexError):
    """The document or path asked for is not in the index."""


def supported_extensions() -> frozenset[str]:
    """File extensions the parsers read, lower-case with the dot."""
    from memex.ingest.parsers import SUPPORTED_EXTENSIONS
    return frozenset(e.lower() for e in SUPPORTED_EXTENSIONS)


def _no_control(value: str, what: str) -> str:
    if any(unicodedata.category(ch) == "Cc" for ch in value):
        raise MemexError(f"{what} contains control characters")
    return value


def check_date(value: str | None, what: str) -> str | None:
    """An ISO date (YYYY-MM-DD) or None."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except (TypeError, ValueError):
        raise MemexError(f"{what}: {value!r} is not a date (use YYYY-MM-DD)") from None


def make_filters(path: str | None = None, tags: list[str] | tuple[str, ...] = (), after: str | None = None,
                 before: str | None = None, langs: list[str] | tuple[str, ...] = ()) -> Filters:
    """Validated Filters from untrusted input."""
    from memex.language.detect import clean_langs

    if path is not None:
        _no_control(path, "path filter")
    clean_tags = tuple(t.lstrip("#").lower() for t in tags if t.strip())
    try:
        codes = clean_langs(langs)
    except ValueError as e:
        raise MemexError(f"language filter: {e}") from None
    return Filters(path_glob=path or None, tags=clean_tags, after=check_date(after, "after"),
                   before=check_date(before, "before"), langs=codes)


def sanitize_filename(name: str) -> str:
    """A safe base name for an uploaded file: no folders, no control or shell-special characters."""
    base = re.split(r"[\\/]", unicodedata.normalize("NFC", name or ""))[-1]
    base = "".join(ch if (ch.isalnum() or ch in "-_. ") and unicodedata.category(ch) != "Cc" else "_"
                   for ch in base).strip(" .")
    stem, dot, ext = base.rpartition(".")
    if not dot:
        stem, ext = base, ""
    ext = ext.lower()
    if f".{ext}" not in supported_extensions():
        raise MemexError(f"unsupported file type {('.' + ext) if ext else '(none)'}; supported: "
                         f"{', '.join(sorted(supported_extensions()))}")
    stem = stem.strip(" ._") or "upload"
    if stem.lower() in _RESERVED:
        stem = f"_{stem}"
    return f"{stem[:MAX_FILENAME_CHARS - len(ext) - 1]}.{ext}"


def join_chunks(texts: list[str]) -> str:
    """A document's text from its chunks, dropping the overlap each chunk repeats from the previous one."""
    out: list[str] = []
    for text in texts:
        if out:
            prev = out[-1]
            start = max(0, len(prev) - 4000)
            head = text[:24]
            i = prev.find(head, start) if head else -1
            while i != -1:
                if text.startswith(prev[i:]):
                    text = text[len(prev) - i:].lstrip()
                    break
                i = prev.find(head, i + 1)
        if text:
            out.append(text)
    return "\n\n".join(out)


def _inside(path: Path, root: Path) -> bool:
    return path == root or root in path.parents


class Gateway:
    """Thread-safe access to one Memex home for a server process."""

    def __init__(self, home: Path | str | None = None, config_file: Path | None = None, **overrides: Any) -> None:
        self.reader = Brain.open(home, config_file, **overrides)
        self.settings = self.reader.settings
        self.writer = Brain(self.settings)
        self._read_lock = threading.Lock()
        self._write_lock = threading.Lock()
        self._insights_thread: threading.Thread | None = None

    def close(self) -> None:
        """Close both Brains (after a background insight run, if one is going)."""
        if self._insights_thread is not None:
            self._insights_thread.join(timeout=60)
        if getattr(self, "_voice", None) is not None:
            self._voice.close()
        self.reader.close()
        self.writer.close()

    def __enter__(self) -> Gateway:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def uploads_dir(self) -> Path:
        """Where uploaded files are kept (a registered source once something is uploaded)."""
        return self.settings.home / UPLOADS

    def option(self, key: str, default: Any) -> Any:
        """A server option from the config file (Settings.extra), e.g. mcp_write_tools."""
        return self.settings.extra.get(key, default)

    @property
    def writing_now(self) -> bool:
        """True while a sync, upload or capture holds this server's writer (the index is being updated)."""
        return self._write_lock.locked()

    @contextmanager
    def reading(self) -> Iterator[Brain]:
        """The reader Brain, for one thread at a time."""
        with self._read_lock:
            yield self.reader

    @contextmanager
    def writing(self) -> Iterator[Brain]:
        """The writer Brain; writes are serialised (and Brain.writer locks across processes)."""
        with self._write_lock:
            if self.writer._embedder is None and self.reader._embedder is not None:
                self.writer._embedder = self.reader._embedder  # one model in memory, not two
            yield self.writer

    # ---- reading ---------------------------------------------------------------------------
    def search(self, query: str, k: int = 10, filters: Filters | None = None, explain: bool = False) -> list[Hit]:
        """Hybrid search."""
        with self.reading() as b:
            return b.search(query, k, filters, explain)

    def ask(self, question: str, filters: Filters | None = None, trace: bool = False,
            actor: str = "api", **options: Any) -> Answer:
        """Answer with citations; audited with the documents it cited (options: thread, history, llm)."""
        try:
            with self.reading() as b:
                answer = b.ask(question, filters, trace=trace, **options)
                ids = audit.doc_ids_for_paths(b.conn, [c.path for c in answer.citations])
        except MemexError as e:
            self.log(actor, "ask", audit.fingerprint(question), status="error", detail={"error": str(e)})
            raise
        self.log(actor, "ask", audit.fingerprint(question), doc_ids=ids,
                 detail={"citations": len(answer.citations), "abstained": answer.abstained})
        return answer

    # ---- voice (media/voice.py): recordings are transcribed in a sandboxed worker ----------------------
    @property
    def voice(self) -> Any:
        """Speech in and out (models load on first use)."""
        if getattr(self, "_voice", None) is None:
            from memex.media.voice import Voice
            self._voice = Voice(self.settings)
        return self._voice

    def transcribe(self, data: bytes, filename: str = "audio.wav", actor: str = "api") -> Any:
        """Text, language and timed segments of an uploaded recording (not indexed)."""
        t = self.voice.transcribe(data, Path(filename or "audio.wav").suffix.lower() or ".wav")
        self.log(actor, "transcribe", None, detail={"seconds": round(t.duration_s, 1)})
        return t

    def voice_ask(self, data: bytes, filename: str = "question.wav", actor: str = "api", speak: bool = True,
                  thread: str | None = None) -> Any:
        """A spoken question answered with citations, and the answer spoken (VoiceReply); with `thread`, the
        transcript and answer are that conversation's next turn, as a typed question would be."""
        from memex.store.threads import thread_exists

        options = {"thread": thread} if thread else {}
        if thread:
            with self.reading() as b:  # before the (slow) transcription: an unknown thread fails fast
                if not thread_exists(b.conn, thread):
                    raise NotFound(f"no conversation thread {thread!r}")
        return self.voice.ask(data, lambda q: self.ask(q, None, False, actor, **options),
                              suffix=Path(filename or "q.wav").suffix.lower() or ".wav", speak=speak)

    def ask_stream(self, question: str, filters: Filters | None = None, trace: bool = False,
                   actor: str = "api", **options: Any) -> Iterator[dict[str, Any]]:
        """`ask` as events (steps, draft tokens, then the checked answer); audited like `ask`."""
        try:
            with self.reading() as b:
                for event in b.ask_stream(question, filters, trace=trace, **options):
                    if event.get("type") == "answer":
                        ids = audit.doc_ids_for_paths(b.conn, [c["path"] for c in event.get("citations", [])])
                        self.log(actor, "ask", audit.fingerprint(question), doc_ids=ids,
                                 detail={"citations": len(event.get("citations", [])),
                                         "abstained": event.get("abstained")})
                    yield event
        except MemexError as e:
            self.log(actor, "ask", audit.fingerprint(question), status="error", detail={"error": str(e)})
            raise

    def document(self, doc_id: int) -> dict[str, Any]:
        """A document with metadata and chunks."""
        with self.reading() as b:
            doc = b.document(doc_id=doc_id)
        if doc is None:
            raise NotFound(f"no document with id {doc_id}")
        return doc

    def document_by_path(self, path: str) -> dict[str, Any]:
        """An indexed document by its absolute path (only indexed files are readable)."""
        _no_control(path, "path")
        with self.reading() as b:
            doc = b.document(path=path)
        if doc is None:
            raise NotFound(f"no indexed document at {path}")
        return doc

    def list_documents(self, filters: Filters, limit: int, offset: int) -> tuple[int, list[catalog.DocSummary]]:
        """A page of documents."""
        with self.reading() as b:
            return catalog.list_documents(b.conn, path_glob=filters.path_glob, tags=filters.tags,
                                          after=filters.after, before=filters.before, limit=limit, offset=offset)

    def summary_for_path(self, path: str) -> catalog.DocSummary | None:
        """An indexed document's summary by path, or None."""
        with self.reading() as b:
            return catalog.summary_by_path(b.conn, path)

    def recent(self, n: int) -> list[catalog.DocSummary]:
        """Most recent notes."""
        with self.reading() as b:
            return catalog.recent_documents(b.conn, n)

    def related(self, doc_id: int, n: int = 5) -> dict[str, Any]:
        """Notes linked to/from a note by [[wikilinks]], and its nearest neighbours by meaning."""
        with self.reading() as b:
            me = catalog.summary(b.conn, doc_id)
            if me is None:
                raise NotFound(f"no document with id {doc_id}")
            out, into = catalog.linked_documents(b.conn, doc_id)
            similar = self._similar(b, doc_id, n)
        return {"document": me, "links_to": out, "linked_from": into, "similar": similar}

    @staticmethod
    def _similar(b: Brain, doc_id: int, n: int) -> list[tuple[catalog.DocSummary, float]]:
        import numpy as np
        index = b.index
        mine = index.vectors(catalog.chunk_ids_of(b.conn, doc_id))  # through the backend seam (any kind)
        mine = mine[np.linalg.norm(mine, axis=1) > 0] if len(mine) else mine
        if not len(mine):
            return []
        centroid = mine.mean(axis=0)
        centroid /= max(float(np.linalg.norm(centroid)), 1e-9)
        pairs = index.search(centroid, min(len(index), 50 * (n + 1)))
        doc_of = catalog.doc_of_chunks(b.conn, [c for c, _ in pairs])
        best: dict[int, float] = {}
        for cid, score in pairs:
            d = doc_of.get(cid)
            if d is not None and d != doc_id and d not in best:
                best[d] = score
        ranked = sorted(best.items(), key=lambda kv: -kv[1])[:n]
        return [(s, round(score, 4)) for d, score in ranked if (s := catalog.summary(b.conn, d))]

    # ---- the note graph and insights (graph/) --------------------------------------------------
    def related_notes(self, note: str | int, k: int = 10) -> dict[str, Any]:
        """Related notes with reasons (the `memex related --json` list) and the note they are for."""
        from memex.graph.service import note_id
        with self.reading() as b:
            doc_id = note_id(b.conn, note)
            me = catalog.summary(b.conn, doc_id)
            found = b.related(doc_id, k)
        return {"note": {"id": doc_id, "path": me.path if me else None, "title": me.title if me else None},
                "related": [r.to_dict() for r in found]}

    def note_graph(self, around: str | int | None = None, depth: int = 1) -> Any:
        """The note graph (graph.network.NoteGraph) with topic numbers on its nodes."""
        from memex.graph.network import with_clusters
        with self.reading() as b:
            return with_clusters(b.conn, b.note_graph(around, depth))

    def insights(self, since: str | None = None, kind: str | None = None, refresh: bool = False) -> list[Any]:
        """Insights, newest first; `refresh` computes new ones first (on the writer)."""
        if refresh:
            with self.writing() as w:
                w.refresh_insights(budget_s=None)
        with self.reading() as b:
            return b.insights(since, kind, refresh=False)

    def dismiss_insight(self, insight_id: int, actor: str = "api") -> None:
        """Dismiss an insight for good."""
        with self.writing() as w:
            if not w.dismiss_insight(insight_id):
                raise NotFound(f"no insight with id {insight_id}")
        self.log(actor, "dismiss_insight", str(insight_id))

    def rebuild_graph(self, actor: str = "api", progress: Any = None) -> dict[str, Any]:
        """Recompute the whole note graph (Brain.rebuild_graph); {changed, removed, seconds, rebuilt}."""
        with self.writing() as w:
            done = w.rebuild_graph(progress).to_dict()
        self.log(actor, "rebuild_graph", None, detail=done)
        self.refresh_insights_later()
        return done

    def refresh_insights_later(self) -> None:
        """Compute insights for what the last write changed on a background thread (never blocks the caller)."""
        def run() -> None:
            try:
                with self.writing() as w:
                    w.refresh_insights()
            except Exception:  # noqa: BLE001 - a background bonus; the next run tries again
                import logging
                logging.getLogger("memex.insights").exception("background insight run failed")
        if self._insights_thread is not None and self._insights_thread.is_alive():
            return  # one run at a time; it picks up everything changed so far
        self._insights_thread = threading.Thread(target=run, name="memex-insights", daemon=True)
        self._insights_thread.start()

    def status(self) -> dict[str, Any]:
        """Brain.status()."""
        with self.reading() as b:
            return b.status()

    def audit_log(self, limit: int = 100, action: str | None = None) -> list[audit.AuditEntry]:
        """Recent audit entries."""
        with self.reading() as b:
            return audit.recent(b.conn, limit, action)

    # ---- writing ---------------------------------------------------------------------------
    def log(self, actor: str, action: str, target: str | None = None, **kw: Any) -> None:
        """Append to the audit log (its own short transaction)."""
        with self._write_lock:
            audit.record(self.writer.conn, actor, action, target, **kw)

    def check_source_path(self, raw: str) -> Path:
        """A folder the user may register: absolute, existing, no `..`, outside the data home."""
        if not raw or len(raw) > MAX_PATH_CHARS:
            raise MemexError("path must be 1 to 4096 characters")
        _no_control(raw, "path")
        expanded = os.path.expanduser(raw)
        if not os.path.isabs(expanded):
            raise MemexError(f"path must be absolute: {raw!r}")
        if ".." in Path(expanded).parts:
            raise MemexError(f"path must not contain '..': {raw!r}")
        try:
            path = Path(expanded).resolve(strict=True)
        except (OSError, RuntimeError):
            raise MemexError(f"no such folder: {raw!r}") from None
        if not path.is_dir():
            raise MemexError(f"not a folder: {raw!r}")
        home = self.settings.home.resolve()
        if path == Path(path.anchor) or _inside(path, home):
            raise MemexError(f"refusing to index {path}: the filesystem root or Memex's own data folder")
        roots = [Path(os.path.expanduser(str(r))).resolve() for r in self.option("api_source_roots", [])]
        if roots and not any(_inside(path, r) for r in roots):
            raise MemexError(f"{path} is outside the allowed source roots (api_source_roots in config)")
        return path

    def add_source(self, raw: str, actor: str = "api", progress: Any = None) -> tuple[Path, SyncReport]:
        """Register a folder and index it (`progress` gets the indexer's events, as `Brain.add`)."""
        path = self.check_source_path(raw)
        try:
            with self.writing() as b:
                report = b.add([path], progress)
        except MemexError as e:
            self.log(actor, "add_source", str(path), status="error", detail={"error": str(e)})
            raise
        self.log(actor, "add_source", str(path), detail=_counts(report))
        self.refresh_insights_later()
        return path, report

    def upload(self, filename: str, data: BinaryIO, max_bytes: int, actor: str = "api",
               progress: Any = None) -> tuple[Path, SyncReport]:
        """Store an uploaded file under <home>/uploads with a sanitised, unique name and index it."""
        name = sanitize_filename(filename)
        target = self.place_file(name, data, max_bytes)
        try:
            with self.writing() as b:
                report = b.add([self.uploads_dir], progress)
        except MemexError as e:
            self.log(actor, "upload", str(target), status="error", detail={"error": str(e)})
            raise
        doc = self.summary_for_path(str(target))
        self.log(actor, "upload", str(target), doc_ids=[doc.id] if doc else [], detail=_counts(report))
        return target, report

    def place_file(self, name: str, data: BinaryIO, max_bytes: int, replace: bool = False) -> Path:
        """Write a file into uploads/ atomically: staged in <home>/.incoming (same file system, never
        scanned), then linked into place under a free name (or swapped in with `replace`), so a concurrent
        sync never reads half a file."""
        staging = self.settings.home / ".incoming"
        staging.mkdir(parents=True, exist_ok=True)
        self.uploads_dir.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(dir=staging)
        tmp = Path(tmp_name)
        try:
            with os.fdopen(fd, "wb") as out:
                total = 0
                while block := data.read(1 << 20):
                    total += len(block)
                    if total > max_bytes:
                        raise MemexError(f"file is larger than {max_bytes // 2**20} MiB")
                    out.write(block)
                out.flush()
                os.fsync(out.fileno())
            if replace:
                target = self.uploads_dir / name
                os.replace(tmp, target)
                return target
            stem, ext = name.rsplit(".", 1)
            for i in range(1000):
                target = self.uploads_dir / (name if i == 0 else f"{stem}-{i}.{ext}")
                try:
                    os.link(tmp, target)  # fails if the name is taken: never overwrites
                    return target
                except FileExistsError:
                    if filecmp.cmp(tmp, target, shallow=False):
                        return target  # the same file uploaded again: no second copy, no duplicate note
                    continue
            raise MemexError(f"too many uploads named {name}")
        finally:
            tmp.unlink(missing_ok=True)

    def sync(self, actor: str = "api", progress: Any = None) -> SyncReport:
        """Re-scan every source (`progress` gets the indexer's events, as `Brain.sync`)."""
        with self.writing() as b:
            report = b.sync(progress)
        self.log(actor, "sync", None, detail=_counts(report))
        self.refresh_insights_later()
        return report

    def delete_document(self, doc_id: int, actor: str = "api") -> dict[str, Any]:
        """Forget one document (an uploaded file is deleted too; other files on disk are never touched)."""
        with self.writing() as b:
            row = b.conn.execute("SELECT path FROM documents WHERE id = ?", (doc_id,)).fetchone()
            if row is None:
                raise NotFound(f"no document with id {doc_id}")
            path = Path(row[0])
            removed = b.remove(path)
            if _inside(path, self.uploads_dir.absolute()) and path.parent == self.uploads_dir.absolute():
                path.unlink(missing_ok=True)
        self.log(actor, "delete_document", str(path), doc_ids=[doc_id], detail={"removed": removed})
        return {"id": doc_id, "path": str(path), "removed": removed}


def _counts(report: SyncReport) -> dict[str, Any]:
    d = report.to_dict()
    return {k: d[k] for k in ("added", "updated", "moved", "removed", "unchanged")} | {
        "failed": len(report.failed), "skipped": len(report.skipped)}
