"""PDF files via pypdf: one block per page (1-based page numbers), headings from the outline."""
from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

from pypdf import PasswordType, PdfReader
from pypdf.errors import DependencyError, FileNotDecryptedError, LimitReachedError

from memex.domain import Block, ParsedDoc
from memex.errors import ParseError
from memex.ingest.parsers.plain_text import date_from_name
from memex.media import MediaOptions
from memex.media.ocr import text_quality

# pypdf logs a warning per odd font or xref entry; that is noise for a user syncing notes.
logging.getLogger("pypdf").setLevel(logging.ERROR)

MAX_OUTLINE_ENTRIES = 5_000
MIN_LAYER_CHARS = 20
"""A page whose text layer is shorter than this (nothing, or a lone page number on a scan) is OCR'd."""
MIN_LAYER_QUALITY = 0.4
"""...and so is one where fewer than this share of tokens look like words or numbers (a garbage layer)."""
_BLANK_RUNS = re.compile(r"\n[ \t]*(?:\n[ \t]*)+")
_NOT_A_TITLE = re.compile(r"^arXiv:\S+", re.I)  # the arXiv side stamp is often line 1


def parse_pdf(path: Path, options: MediaOptions | None = None) -> ParsedDoc:
    """Parse a PDF; pages with no or a garbage text layer are OCR'd; ParseError for encrypted or malformed files."""
    try:
        with path.open("rb") as f:
            return _parse(path, PdfReader(f), options)
    except ParseError:
        raise
    except FileNotDecryptedError:
        raise ParseError("encrypted PDF (password required)") from None
    except LimitReachedError as e:
        raise ParseError(f"decompression limit exceeded ({_short(e)})") from None
    except DependencyError as e:
        raise ParseError(f"missing dependency ({_short(e)})") from None


def _parse(path: Path, reader: PdfReader, options: MediaOptions | None = None) -> ParsedDoc:
    if reader.is_encrypted and reader.decrypt("") == PasswordType.NOT_DECRYPTED:
        raise ParseError("encrypted PDF (password required)")
    marks = _outline_marks(reader)
    opts = options or MediaOptions()
    blocks: list[Block] = []
    pending: dict[int, float] = {}  # 1-based page -> quality of its text layer, for pages worth OCR-ing
    k = -1
    for index, page in enumerate(reader.pages):
        while k + 1 < len(marks) and marks[k + 1][0] <= index:
            k += 1
        text = _clean(page.extract_text() or "")
        quality = text_quality(text)
        if not text or quality < MIN_LAYER_QUALITY or (len(text) < MIN_LAYER_CHARS and _has_image(page)):
            pending[index + 1] = quality
        if text:
            blocks.append(Block(text=text, page=index + 1, heading_path=marks[k][1] if k >= 0 else ()))
    meta: dict[str, Any] = {"pages": len(reader.pages)}
    if pending and opts.defer_ocr:
        meta["ocr_pending"] = pending  # the indexer OCRs these pages in the media worker
    elif pending:
        from memex.ingest.parsers.pdf_ocr import merge_ocr, ocr_pdf
        try:
            ocr: ParsedDoc | ParseError = ocr_pdf(path, pending, opts)
        except ParseError as e:
            ocr = e
        blocks, meta = merge_ocr(blocks, meta, pending, ocr)
    elif not blocks:
        raise ParseError("no text layer (scanned PDF?)")
    info = reader.metadata
    title = None
    if info is not None:
        title = " ".join(str(info.title or "").split()) or None
        if info.author:
            meta["author"] = " ".join(str(info.author).split())
        try:
            if info.creation_date:
                meta["created"] = info.creation_date.date().isoformat()
        except (ValueError, TypeError):
            pass  # malformed /CreationDate: not worth failing the file
    when = date_from_name(path)
    if when:
        meta["date"] = when
    return ParsedDoc(blocks=blocks, title=title or (_first_line(blocks[0].text) if blocks else None) or path.stem,
                     parser="pdf", metadata=meta)


def _has_image(page: Any) -> bool:
    """True when the page draws an image (a scan with a stray text layer, such as a page number)."""
    try:
        xobjects = page["/Resources"]["/XObject"]
        return any(x.get_object().get("/Subtype") == "/Image" for x in xobjects.values())
    except Exception:  # noqa: BLE001 - a broken resource dictionary just means "no"
        return False


def _clean(text: str) -> str:
    """Drop NULs and whitespace-only lines that layout extraction leaves behind."""
    return _BLANK_RUNS.sub("\n\n", text.replace("\x00", "")).strip()


def _first_line(text: str) -> str | None:
    for line in text.split("\n")[:10]:
        line = " ".join(line.split())
        if 3 <= len(line) <= 200 and not _NOT_A_TITLE.match(line):
            return line
    return None


def _outline_marks(reader: PdfReader) -> list[tuple[int, tuple[str, ...]]]:
    """(0-based page, heading path) for each outline entry, sorted by page; [] when unusable."""
    marks: list[tuple[int, tuple[str, ...]]] = []

    def walk(items: list[Any], parents: tuple[str, ...]) -> None:
        last: str | None = None
        for item in items:
            if len(marks) >= MAX_OUTLINE_ENTRIES or len(parents) > 8:
                return
            if isinstance(item, list):
                if last:
                    walk(item, parents + (last,))
                continue
            last = " ".join(str(item.title or "").split())
            page = reader.get_destination_page_number(item)
            if last and page is not None and page >= 0:
                marks.append((page, parents + (last,)))

    try:
        walk(reader.outline, ())
    except Exception:  # noqa: BLE001 - a broken outline must not cost us the page text
        return []
    marks.sort(key=lambda m: m[0])  # stable: keeps outline order within a page
    return marks


def _short(e: BaseException) -> str:
    return " ".join(str(e).split())[:200] or type(e).__name__
