"""File parsers: `parse_file(path)` turns one file into a ParsedDoc or raises ParseError(reason).

Run untrusted files through `memex.ingest.sandbox` (timeout + memory limit), not in-process.
"""
from __future__ import annotations

import importlib
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

from memex.domain import ParsedDoc
from memex.errors import ParseError
from memex.media import AUDIO_EXTENSIONS, IMAGE_EXTENSIONS, MediaOptions

__all__ = ["SUPPORTED_EXTENSIONS", "parse_file", "size_limit", "MAX_TEXT_BYTES", "MAX_BINARY_BYTES", "MAX_MEDIA_BYTES"]

# Parser modules are imported on first use: pypdf, python-docx and trafilatura cost ~0.3 s to import,
# which a `memex sync` with nothing to parse (or a search) should not pay.
_TEXT_PARSERS = {".md": "markdown_note:parse_markdown", ".markdown": "markdown_note:parse_markdown",
                 ".txt": "plain_text:parse_txt", ".html": "html_page:parse_html", ".htm": "html_page:parse_html"}
_BINARY_PARSERS = {".pdf": "pdf_file:parse_pdf", ".docx": "docx_file:parse_docx"}
# Media parsers take MediaOptions (OCR/STT engines) as well; they run OCR or speech-to-text.
_MEDIA_PARSERS = {**{e: "image_file:parse_image" for e in IMAGE_EXTENSIONS},
                  **{e: "audio_file:parse_audio" for e in AUDIO_EXTENSIONS}}


def _parser(ext: str) -> Callable[..., Any]:
    module, func = (_TEXT_PARSERS.get(ext) or _BINARY_PARSERS.get(ext) or _MEDIA_PARSERS[ext]).split(":")
    return getattr(importlib.import_module(f"memex.ingest.parsers.{module}"), func)


def parse_pdf(path: Path, options: MediaOptions | None = None) -> ParsedDoc:
    """Parse a PDF (imported lazily); pages without a usable text layer are OCR'd."""
    return _parser(".pdf")(path, options)

SUPPORTED_EXTENSIONS: frozenset[str] = frozenset(_TEXT_PARSERS) | frozenset(_BINARY_PARSERS) | frozenset(_MEDIA_PARSERS)
MAX_TEXT_BYTES = 50 * 2**20
"""Text-like files above this are refused: notes that big are logs or dumps, not notes."""
MAX_BINARY_BYTES = 200 * 2**20
MAX_MEDIA_BYTES = 4 * 2**30
"""Recordings are big (two hours of WAV is 230 MB at 16 kHz, 1.2 GB at 44.1 kHz stereo); they stream."""


def size_limit(path: Path | str) -> int:
    """Largest file parse_file accepts for this name, so callers can refuse bigger ones unread."""
    ext = Path(path).suffix.lower()
    if ext in _MEDIA_PARSERS:
        return MAX_MEDIA_BYTES
    return MAX_TEXT_BYTES if ext in _TEXT_PARSERS else MAX_BINARY_BYTES


def parse_file(path: Path, options: MediaOptions | None = None) -> ParsedDoc:
    """Parse one file by extension; every failure becomes ParseError with a short reason.

    `options` choose the OCR / speech engines for images, recordings and scanned PDFs.
    MemoryError is let through so the sandbox can report the limit it set.
    """
    path = Path(path)
    ext = path.suffix.lower()
    if ext not in SUPPORTED_EXTENSIONS:
        raise ParseError(f"unsupported type {ext or '(no extension)'}")
    try:
        return _parse(path, ext, options)
    except (ParseError, MemoryError):
        raise
    except FileNotFoundError:
        raise ParseError("file vanished") from None
    except PermissionError:
        raise ParseError("permission denied") from None
    except Exception as e:  # noqa: BLE001 - parsers raise anything (Exp-7); the file is skipped, not the batch
        detail = f"{type(e).__name__}: {_short(e)}" if _short(e) else type(e).__name__
        raise ParseError(f"parse error ({detail})") from e


def _parse(path: Path, ext: str, options: MediaOptions | None = None) -> ParsedDoc:
    st = path.stat()
    if not stat.S_ISREG(st.st_mode):
        raise ParseError("not a regular file")  # a FIFO named .md would block read() forever
    if st.st_size == 0:
        raise ParseError("empty file")
    limit = size_limit(path)
    if st.st_size > limit:
        raise ParseError(f"file too large ({_mb(st.st_size)} > {_mb(limit)} limit)")
    with path.open("rb") as f:
        head = f.read(1024)
    if ext != ".pdf" and head.startswith(b"%PDF-"):
        doc = parse_pdf(path, options)  # a PDF saved under the wrong name: route by content, and say so
        doc.metadata.setdefault("warnings", []).append(f"content is PDF, extension is {ext}")
        return doc
    if ext == ".pdf" and b"%PDF-" not in head:
        raise ParseError("type mismatch: not a PDF file")
    if ext == ".pdf" or ext in _MEDIA_PARSERS:
        return _parser(ext)(path, options)
    if ext in _BINARY_PARSERS:
        return _parser(ext)(path)
    with path.open("rb") as f:
        data = f.read(limit + 1)  # the file may have grown since stat()
    if not data:
        raise ParseError("empty file")
    if len(data) > limit:
        raise ParseError(f"file too large (> {_mb(limit)} limit)")
    return _parser(ext)(path, data)


def _mb(n: int) -> str:
    return f"{n / 2**20:.1f} MB" if n < 10 * 2**20 else f"{n // 2**20} MB"


def _short(e: BaseException) -> str:
    return " ".join(str(e).split())[:200]
