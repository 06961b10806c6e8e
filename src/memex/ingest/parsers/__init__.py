"""File parsers: `parse_file(path)` turns one file into a ParsedDoc or raises ParseError(reason).

Run untrusted files through `memex.ingest.sandbox` (timeout + memory limit), not in-process.
"""
from __future__ import annotations

import stat
from pathlib import Path

from memex.domain import ParsedDoc
from memex.errors import ParseError
from memex.ingest.parsers.docx_file import parse_docx
from memex.ingest.parsers.html_page import parse_html
from memex.ingest.parsers.markdown_note import parse_markdown
from memex.ingest.parsers.pdf_file import parse_pdf
from memex.ingest.parsers.plain_text import parse_txt

__all__ = ["SUPPORTED_EXTENSIONS", "parse_file", "MAX_TEXT_BYTES", "MAX_BINARY_BYTES"]

_TEXT_PARSERS = {".md": parse_markdown, ".markdown": parse_markdown, ".txt": parse_txt,
                 ".html": parse_html, ".htm": parse_html}
_BINARY_PARSERS = {".pdf": parse_pdf, ".docx": parse_docx}

SUPPORTED_EXTENSIONS: frozenset[str] = frozenset(_TEXT_PARSERS) | frozenset(_BINARY_PARSERS)
MAX_TEXT_BYTES = 50 * 2**20
"""Text-like files above this are refused: notes that big are logs or dumps, not notes."""
MAX_BINARY_BYTES = 200 * 2**20


def parse_file(path: Path) -> ParsedDoc:
    """Parse one file by extension; every failure becomes ParseError with a short reason.

    MemoryError is let through so the sandbox can report the limit it set.
    """
    path = Path(path)
    ext = path.suffix.lower()
    if ext not in SUPPORTED_EXTENSIONS:
        raise ParseError(f"unsupported type {ext or '(no extension)'}")
    try:
        return _parse(path, ext)
    except (ParseError, MemoryError):
        raise
    except FileNotFoundError:
        raise ParseError("file vanished") from None
    except PermissionError:
        raise ParseError("permission denied") from None
    except Exception as e:  # noqa: BLE001 - parsers raise anything (Exp-7); the file is skipped, not the batch
        detail = f"{type(e).__name__}: {_short(e)}" if _short(e) else type(e).__name__
        raise ParseError(f"parse error ({detail})") from e


def _parse(path: Path, ext: str) -> ParsedDoc:
    st = path.stat()
    if not stat.S_ISREG(st.st_mode):
        raise ParseError("not a regular file")  # a FIFO named .md would block read() forever
    if st.st_size == 0:
        raise ParseError("empty file")
    limit = MAX_TEXT_BYTES if ext in _TEXT_PARSERS else MAX_BINARY_BYTES
    if st.st_size > limit:
        raise ParseError(f"file too large ({_mb(st.st_size)} > {_mb(limit)} limit)")
    with path.open("rb") as f:
        head = f.read(1024)
    if ext != ".pdf" and head.startswith(b"%PDF-"):
        doc = parse_pdf(path)  # a PDF saved under the wrong name: route by content, and say so
        doc.metadata.setdefault("warnings", []).append(f"content is PDF, extension is {ext}")
        return doc
    if ext == ".pdf" and b"%PDF-" not in head:
        raise ParseError("type mismatch: not a PDF file")
    if ext in _BINARY_PARSERS:
        return _BINARY_PARSERS[ext](path)
    with path.open("rb") as f:
        data = f.read(limit + 1)  # the file may have grown since stat()
    if not data:
        raise ParseError("empty file")
    if len(data) > limit:
        raise ParseError(f"file too large (> {_mb(limit)} limit)")
    return _TEXT_PARSERS[ext](path, data)


def _mb(n: int) -> str:
    return f"{n / 2**20:.1f} MB" if n < 10 * 2**20 else f"{n // 2**20} MB"


def _short(e: BaseException) -> str:
    return " ".join(str(e).split())[:200]
