"""Where files are parsed: documents in the document worker, images and recordings (and the OCR of scanned
PDF pages) in a separate media worker with limits scaled to media.

The media worker holds the OCR and speech models (hundreds of MB once loaded), so it gets a larger
address-space limit (media_memory_mb) and runs as long as it reports progress (up to media_timeout_s);
the document worker keeps its tight limits against hostile PDFs and DOCX files.
"""
from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any

from memex.config import Settings
from memex.domain import ParsedDoc
from memex.errors import ParseError
from memex.ingest.parsers import parse_file
from memex.ingest.sandbox import ParserPool
from memex.media import MEDIA_EXTENSIONS, options_from


class MediaParsing:
    """Routes each file to the right worker; `progress("media", path=..., done=..., total=..., unit=...)`."""

    def __init__(self, settings: Settings, progress: Callable[..., None]) -> None:
        self.settings = settings
        self.progress = progress
        self.options = options_from(settings)
        self._deferred = dataclasses.replace(self.options, defer_ocr=True)
        self._pool: ParserPool | None = None

    @property
    def pool(self) -> ParserPool:
        """The media worker, started on first use."""
        if self._pool is None:
            self._pool = ParserPool(1, timeout_s=self.settings.parse_timeout_s,
                                    memory_mb=max(self.settings.media_memory_mb, self.settings.parse_memory_mb))
        return self._pool

    def close(self) -> None:
        """Stop the media worker."""
        if self._pool is not None:
            self._pool.close()
            self._pool = None

    def parse(self, docs_pool: ParserPool, path: Path) -> ParsedDoc:
        """Parse `path`; ParseError with the reason when it cannot be read."""
        if path.suffix.lower() in MEDIA_EXTENSIONS:
            return self._in_media_worker(path, functools.partial(parse_file, options=self.options))
        parsed = docs_pool.parse(path, func=functools.partial(parse_file, options=self._deferred))
        pending = parsed.metadata.get("ocr_pending")
        if not pending:
            return parsed
        from memex.ingest.parsers.pdf_ocr import merge_ocr, ocr_pdf
        try:
            ocr: ParsedDoc | ParseError = self._in_media_worker(
                path, functools.partial(ocr_pdf, pages=pending, options=self.options))
        except ParseError as e:
            ocr = e
        blocks, meta = merge_ocr(parsed.blocks, parsed.metadata, pending, ocr)
        return dataclasses.replace(parsed, blocks=blocks, metadata=meta)

    # ---- failed media files are not re-parsed while nothing about them changed --------------------------
    @property
    def engines(self) -> str:
        """What a media parse depends on besides the file's bytes."""
        o = self.options
        return f"ocr={o.ocr};stt={o.stt};caption={o.captioner};lang={o.language or ''}"

    def known_failure(self, conn: Any, path: str, size: int, mtime_ns: int) -> str | None:
        """The recorded reason when this media file failed before with the same bytes and engines."""
        if Path(path).suffix.lower() not in MEDIA_EXTENSIONS:
            return None
        row = conn.execute("SELECT size, mtime_ns, engines, reason FROM media_failures WHERE path = ?",
                           (path,)).fetchone()
        if row and (row[0], row[1], row[2]) == (size, mtime_ns, self.engines):
            return str(row[3])
        return None

    def record_failures(self, conn: Any, failed: dict[str, tuple[int, int, str]], paths: list[str]) -> None:
        """Inside the sync's write transaction: remember media parse failures, forget the rest of `paths`."""
        for path in paths:
            if path in failed:
                size, mtime_ns, reason = failed[path]
                conn.execute("INSERT OR REPLACE INTO media_failures VALUES (?,?,?,?,?)",
                             (path, size, mtime_ns, self.engines, reason))
            else:
                conn.execute("DELETE FROM media_failures WHERE path = ?", (path,))

    def _in_media_worker(self, path: Path, func: Any) -> ParsedDoc:
        def report(info: dict[str, Any]) -> None:
            self.progress("media", path=str(path), **info)

        return self.pool.parse(path, func=func, max_s=self.settings.media_timeout_s, on_progress=report)
