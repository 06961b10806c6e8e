"""Sync a source into the store: scan, skip unchanged, parse in a sandbox, chunk, embed, commit per document."""
from __future__ import annotations

import datetime as dt
import hashlib
import os
import stat
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from memex.config import Settings
from memex.domain import ParsedDoc
from memex.embed.base import Embedder
from memex.errors import ModelNotFound, ParseError
from memex.ingest import dates
from memex.ingest.chunking import chunk_blocks
from memex.ingest.context import note_context
from memex.ingest.media_parsing import MediaParsing
from memex.ingest.parsers import SUPPORTED_EXTENSIONS, size_limit
from memex.ingest.sandbox import ParserPool
from memex.ingest.scan import FileEntry, Skipped, scan
from memex.language.detect import note_languages
from memex.media import is_media
from memex.store import documents as docs
from memex.store.db import write_tx

Progress = Callable[..., None]
"""progress(event, **info): "scan" (total), "file" (done, total, path), "chunks" (embedded so far),
"media" (path, done, total, unit: a long OCR or transcription advancing)."""

READ_RETRIES = 3
READ_PIECE = 2**20
QUIET_S = 0.2
"""A file modified less than this long ago is re-checked after the pause before it is indexed."""
FLUSH_CHUNKS = 256
"""Embed this many new chunks at once: big batches sorted by length waste little padding."""


@dataclass
class SyncReport:
    """What a sync did; printed by the CLI and returned by the API."""

    added: int = 0
    updated: int = 0
    moved: int = 0
    removed: int = 0
    unchanged: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    chunks_embedded: int = 0
    chunks_reused: int = 0
    seconds: float = 0.0
    notices: list[str] = field(default_factory=list)
    """Things the user should know about this sync (e.g. the embedder was switched, and why)."""

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {"added": self.added, "updated": self.updated, "moved": self.moved, "removed": self.removed,
                "unchanged": self.unchanged, "chunks_embedded": self.chunks_embedded,
                "chunks_reused": self.chunks_reused, "seconds": round(self.seconds, 3),
                "failed": [{"path": p, "reason": r} for p, r in self.failed],
                "skipped": [{"path": p, "reason": r} for p, r in self.skipped], "notices": self.notices}

    def merge(self, other: SyncReport) -> None:
        """Add another report's counts to this one."""
        for name in ("added", "updated", "moved", "removed", "unchanged", "chunks_embedded", "chunks_reused"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.failed += other.failed
        self.skipped += other.skipped
        self.notices += other.notices
        self.seconds += other.seconds


class FileChanged(Exception):
    """The file changed while it was being read."""


def hash_stable(path: str, max_bytes: int) -> tuple[str, os.stat_result]:
    """sha256 of a regular file, read without blocking (FIFOs) and checked not to change meanwhile.

    The bytes are hashed in pieces, never held: the parser reads the file itself in its worker, so a
    200 MB file costs the writer process 1 MB of memory, not 200.
    """
    for attempt in range(READ_RETRIES):
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
        try:
            before = os.fstat(fd)
            if not stat.S_ISREG(before.st_mode):
                raise ParseError("not a regular file")
            if before.st_size > max_bytes:
                raise ParseError(f"file too large ({before.st_size // 2**20} MB; limit {max_bytes // 2**20} MB)")
            digest, n = hashlib.sha256(), 0
            with os.fdopen(os.dup(fd), "rb") as f:
                while n <= max_bytes and (piece := f.read(READ_PIECE)):
                    digest.update(piece)
                    n += len(piece)
        finally:
            os.close(fd)
        after = os.stat(path)
        if (before.st_ino, before.st_size, before.st_mtime_ns) == (after.st_ino, n, after.st_mtime_ns):
            # A file written in place can look stable for a moment between two writes (a torn state);
            # one modified just now must stay unchanged for QUIET_S before its bytes are trusted.
            age = time.time() - after.st_mtime_ns / 1e9
            if age >= QUIET_S:
                return digest.hexdigest(), after
            time.sleep(QUIET_S - max(age, 0.0))
            again = os.stat(path)
            if (again.st_ino, again.st_size, again.st_mtime_ns) == (after.st_ino, after.st_size, after.st_mtime_ns):
                return digest.hexdigest(), after
        time.sleep(0.05 * 2 ** attempt)
    raise ParseError("file kept changing while being read")


def note_date(meta: dict[str, Any], mtime_ns: int) -> str:
    """The date a note speaks for from its metadata alone: front matter / file name date, else its
    modification day. (Indexing uses `dates.note_date`, which reads the content too.)"""
    value = meta.get("date")
    if value:
        return str(value)[:10]
    return dt.datetime.fromtimestamp(mtime_ns / 1e9, tz=dt.timezone.utc).date().isoformat()


def content_dates(parsed: ParsedDoc, path: str, chunks: list[Any], mtime_ns: int) -> \
        tuple[dates.NoteDate, list[tuple[str | None, str | None, str | None]]]:
    """The note's date (and its source) and each chunk's (first, last, carried) statement dates."""
    meta = parsed.metadata
    anchor = note_date(meta, mtime_ns) if meta.get("date") else None
    fm = meta.get("front_matter") if isinstance(meta.get("front_matter"), dict) else {}
    for value in (fm.get("date"), fm.get("created"), meta.get("created"), fm.get("updated")):
        if anchor is None and value is not None:
            anchor = dates.first_date(str(value))
    if anchor is None:
        anchor = note_date({}, mtime_ns)
    text = dates.document_text(parsed.blocks)
    sections = dates.heading_offsets(parsed.blocks)
    day = dt.date.fromisoformat(anchor)
    written = dt.datetime.fromtimestamp(mtime_ns / 1e9, tz=dt.timezone.utc).date()
    # A feast heading ("# Ostermontag") dates a note its writer left undated, its year from the file's day.
    feast_context = None if meta.get("date") else written
    marks = dates.mark_headings(text, dates.find_dates(text, day, headings=set(sections)), sections, feast_context)
    when = dates.note_date(meta, path, marks, mtime_ns)
    per_chunk = dates.chunk_dates(text, marks, [(c.start_char, c.end_char) for c in chunks], when.value, written,
                                  sections)
    return when, [(c.start, c.end, c.carried) for c in per_chunk]


def embedding_prefix(title: str | None, heading_path: tuple[str, ...]) -> str:
    """Title and heading context prepended to a chunk for embedding (not shown to users)."""
    parts = list(heading_path)
    if title and (not parts or parts[0].strip().lower() != title.strip().lower()):
        parts.insert(0, title)
    return " > ".join(p for p in parts if p)


@dataclass
class _Pending:
    entry: FileEntry
    content_hash: str
    parsed: ParsedDoc
    existing: bool
    moved: bool = False
    """Renamed: counted as moved (its old path not as removed), although its passages are indexed again."""


def _indexed_alike(old_path: str, new_path: str) -> bool:
    """Whether a moved file's passages read the same at its new path: same file name, same date from the path."""
    return Path(old_path).stem == Path(new_path).stem and dates.date_from_path(old_path) == dates.date_from_path(new_path)


class Indexer:
    """Keeps the store in step with files on disk; one writer at a time per home."""

    def __init__(self, conn: Any, settings: Settings, embedder: Embedder | Callable[[], Embedder],
                 progress: Progress | None = None, embed_cache: Any | None = None,
                 also: Callable[[], list[Embedder]] | None = None) -> None:
        self.conn = conn
        # Embedders whose vectors must also be kept current (the old model while switching models).
        self._also = also
        self.settings = settings
        # A factory defers loading the model until a file actually needs embedding: a sync with
        # nothing changed never pays for it.
        self._embedder = embedder
        self.progress = progress or (lambda *a, **k: None)
        self.embed_cache = embed_cache
        self._pool: ParserPool | None = None
        self.media = MediaParsing(settings, self.progress)

    def __enter__(self) -> Indexer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Stop the parser workers."""
        self.media.close()
        if self._pool is not None:
            self._pool.close()
            self._pool = None

    @property
    def embedder(self) -> Embedder:
        if callable(self._embedder) and not isinstance(self._embedder, Embedder):
            self._embedder = self._embedder()
        return self._embedder  # type: ignore[return-value]

    @property
    def pool(self) -> ParserPool:
        if self._pool is None:
            self._pool = ParserPool(timeout_s=self.settings.parse_timeout_s,
                                    memory_mb=self.settings.parse_memory_mb)
        return self._pool

    # ------------------------------------------------------------------------------------------
    def sync_source(self, source_id: int, root: Path) -> SyncReport:
        """Bring one source up to date; only new or changed files are read."""
        t0 = time.perf_counter()
        report = SyncReport()
        stored = docs.docs_of_source(self.conn, source_id)
        undated = docs.undated_paths(self.conn, source_id)  # indexed before content dates: read again
        if not root.exists():
            report.failed.append((str(root), "source folder is missing (kept its notes; `memex remove` to forget)"))
            report.seconds = time.perf_counter() - t0
            return report
        entries: list[FileEntry] = []
        excluded = tuple(docs.exclusions(self.conn))
        for item in scan(root, SUPPORTED_EXTENSIONS):
            if excluded and any(item.path == x or item.path.startswith(x + os.sep) for x in excluded):
                continue
            if isinstance(item, Skipped):
                report.skipped.append((item.path, item.reason))
            else:
                entries.append(item)
        self.progress("scan", total=len(entries))
        seen = {e.path for e in entries}
        gone = {p: d for p, d in stored.items() if p not in seen}
        gone_by_hash: dict[str, list[docs.DocRow]] = {}
        for d in gone.values():
            gone_by_hash.setdefault(d.content_hash, []).append(d)

        failures: dict[str, str] = {}
        media_failed: dict[str, tuple[int, int, str]] = {}  # media parse failures, not retried until changed
        pending: list[_Pending] = []
        pure_moves = 0
        n_chunks = 0
        max_bytes = self.settings.max_file_mb * 2**20
        max_media = self.settings.max_media_mb * 2**20
        for i, entry in enumerate(entries):
            self.progress("file", done=i, total=len(entries), path=entry.path)
            old = stored.get(entry.path)
            renamed = False
            if old and old.size == entry.size and old.mtime_ns == entry.mtime_ns and entry.path not in undated:
                report.unchanged += 1
                continue
            if not old and (known := self.media.known_failure(self.conn, entry.path, entry.size, entry.mtime_ns)):
                failures[entry.path] = known
                media_failed[entry.path] = (entry.size, entry.mtime_ns, known)
                continue
            try:
                digest, st = hash_stable(entry.path, min(max_media if is_media(entry.path) else max_bytes,
                                                         size_limit(entry.path)))
            except (ParseError, OSError) as e:
                failures[entry.path] = str(e) if isinstance(e, ParseError) else f"cannot read: {e.strerror}"
                continue
            entry = FileEntry(entry.path, st.st_size, st.st_mtime_ns)
            if old and old.content_hash == digest and entry.path not in undated:
                with write_tx(self.conn):
                    docs.touch_document(self.conn, old.id, entry.mtime_ns, entry.size)
                report.unchanged += 1
                continue
            if not old and gone_by_hash.get(digest):
                moved = gone_by_hash[digest].pop()
                if _indexed_alike(moved.path, entry.path):
                    gone.pop(moved.path, None)
                    with write_tx(self.conn):
                        docs.move_document(self.conn, moved.id, entry.path, source_id, entry.mtime_ns, entry.size)
                    report.moved += 1
                    pure_moves += 1
                    continue
                # Renamed: the file name is part of what its passages are indexed with (title, context, a date
                # in the name), so it is indexed again under its new name (vectors of unchanged texts reused)
                # and the old path goes with the other gone files: a kill in between leaves both, never a stale one.
                renamed = True
            try:
                parsed = self.media.parse(self.pool, Path(entry.path))
            except ParseError as e:
                # The parser reads the file itself: if it changed since we hashed it, the error may be
                # about a torn state ("empty file" mid-rewrite), so report the change and retry later.
                failures[entry.path] = ("file changed while being indexed (will retry next sync)"
                                        if _changed_since(entry.path, st) or (str(e) == "empty file" and st.st_size)
                                        else str(e))
                if is_media(entry.path) and not failures[entry.path].startswith(("file changed", "not indexed:")):
                    media_failed[entry.path] = (st.st_size, st.st_mtime_ns, failures[entry.path])
                continue
            try:
                # size and inode too: mtime ticks are coarse (~4 ms), so a rewrite can keep the same mtime
                now = os.stat(entry.path)
                if (now.st_ino, now.st_size, now.st_mtime_ns) != (st.st_ino, st.st_size, st.st_mtime_ns):
                    failures[entry.path] = "file changed while being indexed (will retry next sync)"
                    continue
            except OSError:
                failures[entry.path] = "file deleted while being indexed"
                continue
            pending.append(_Pending(entry, digest, parsed, old is not None, renamed))
            n_chunks += len(parsed.blocks)
            if n_chunks >= FLUSH_CHUNKS:
                self._flush(source_id, pending, report, failures)
                pending, n_chunks = [], 0
        self._flush(source_id, pending, report, failures)
        self.progress("file", done=len(entries), total=len(entries), path="")

        if gone:
            with write_tx(self.conn):
                docs.delete_documents(self.conn, [d.id for d in gone.values()])
            report.removed += len(gone) - (report.moved - pure_moves)  # renamed ones count as moved
        with write_tx(self.conn):
            for path, reason in failures.items():
                docs.record_failure(self.conn, path, source_id, reason)
            docs.clear_failures(self.conn, source_id, keep=failures)
            self.media.record_failures(self.conn, media_failed, [e.path for e in entries if is_media(e.path)])
        report.failed += sorted(failures.items())
        report.seconds = time.perf_counter() - t0
        return report

    # ------------------------------------------------------------------------------------------
    def _flush(self, source_id: int, pending: list[_Pending], report: SyncReport,
               failures: dict[str, str]) -> None:
        """Chunk and embed a group of parsed files together, then commit each in its own transaction."""
        if not pending:
            return
        prepared = []
        for p in pending:
            title = p.parsed.title or Path(p.entry.path).stem
            # Passages are searched and embedded with their note's context: title, aliases, file name.
            context = note_context(title, p.entry.path, p.parsed.metadata, p.parsed.blocks)
            chunks = chunk_blocks(p.parsed.blocks, self.embedder.count_tokens_many,
                                  max_tokens=self.settings.chunk_tokens, overlap=self.settings.chunk_overlap,
                                  title=context)
            texts = [f"{embedding_prefix(context, c.heading_path)}\n{c.text}" for c in chunks]
            hashes = [hashlib.sha256(t.encode()).hexdigest() for t in texts]
            prepared.append((p, title, context, chunks, texts, hashes, note_languages([c.text for c in chunks])))
        all_hashes = {h for *_, hashes, _langs in prepared for h in hashes}
        known = docs.vectors_for_hashes(self.conn, self.embedder.id, all_hashes)
        if self.embed_cache is not None:
            known.update(self.embed_cache.get_many(self.embedder.id, all_hashes - known.keys()))
        todo: dict[str, str] = {}
        for *_, texts, hashes, _langs in prepared:
            for t, h in zip(texts, hashes, strict=True):
                if h not in known:
                    todo[h] = t
        try:
            if todo:
                vecs = self.embedder.embed(list(todo.values()))
                fresh = {h: v.astype("<f4").tobytes() for h, v in zip(todo, vecs, strict=True)}
                if self.embed_cache is not None:
                    self.embed_cache.put_many(self.embedder.id, fresh)
                known.update(fresh)
            others = self._also() if self._also else []
            other_known = {e.id: self._vectors_for(e, {h: t for *_, texts, hashes, _langs in prepared
                                                        for t, h in zip(texts, hashes, strict=True)})
                           for e in others}
        except ModelNotFound:
            raise  # every file would fail the same way: say so once
        except Exception as e:  # noqa: BLE001 - a model error must not abort the batch or store a doc without vectors
            # The whole group is recorded as failed (nothing of it is written); the next sync retries it.
            reason = f"embedding failed: {type(e).__name__}: {e}"[:300]
            for p in pending:
                failures[p.entry.path] = reason
            return
        report.chunks_embedded += len(todo)
        self.progress("chunks", embedded=report.chunks_embedded)
        for p, title, context, chunks, _texts, hashes, (lang, chunk_langs) in prepared:
            meta = dict(p.parsed.metadata)
            vectors = np.stack([np.frombuffer(known[h], dtype="<f4") for h in hashes]) if hashes \
                else np.zeros((0, self.embedder.dimensions), dtype=np.float32)
            when, chunk_dates = content_dates(p.parsed, p.entry.path, chunks, p.entry.mtime_ns)
            new = docs.NewDocument(
                path=p.entry.path, content_hash=p.content_hash, size=p.entry.size, mtime_ns=p.entry.mtime_ns,
                parser=p.parsed.parser, title=title, note_date=when.value,
                metadata=meta, chunks=chunks, text_hashes=hashes, vectors=vectors, date_source=when.source,
                chunk_dates=chunk_dates, context=context, lang=lang, chunk_langs=chunk_langs)
            if not chunks:
                failures[p.entry.path] = "no text found"
                continue
            with write_tx(self.conn):
                docs.write_document(self.conn, source_id, new, self.embedder.id, extra_vectors={
                    eid: [np.frombuffer(k[h], dtype="<f4") for h in hashes] for eid, k in other_known.items()})
            if p.moved:
                report.moved += 1
            elif p.existing:
                report.updated += 1
            else:
                report.added += 1
        report.chunks_reused += sum(len(h) for *_, h, _langs in prepared) - len(todo)

    def _vectors_for(self, embedder: Embedder, texts_by_hash: dict[str, str]) -> dict[str, bytes]:
        """Vectors of `embedder` for the given texts, reusing stored ones."""
        known = docs.vectors_for_hashes(self.conn, embedder.id, texts_by_hash)
        todo = {h: t for h, t in texts_by_hash.items() if h not in known}
        if todo:
            vecs = embedder.embed(list(todo.values()))
            known.update({h: v.astype("<f4").tobytes() for h, v in zip(todo, vecs, strict=True)})
        return known


def _changed_since(path: str, st: os.stat_result) -> bool:
    """True if the file's inode, size or mtime differ from `st` (or it is gone)."""
    try:
        now = os.stat(path)
    except OSError:
        return True
    return (now.st_ino, now.st_size, now.st_mtime_ns) != (st.st_ino, st.st_size, st.st_mtime_ns)
