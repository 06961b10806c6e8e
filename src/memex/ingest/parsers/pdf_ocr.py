"""OCR for the pages of a PDF without a usable text layer: render with PDFium, read with the OCR engine.

`ocr_pdf` runs in the media worker (it loads the OCR models); `merge_ocr` puts its pages in place of the
poor text layers, keeping a layer whenever OCR read nothing better.
"""
from __future__ import annotations

import math
from pathlib import Path
from typing import Any

from memex.domain import Block, ParsedDoc
from memex.errors import MemexError, ParseError
from memex.ingest.sandbox import report_progress
from memex.media import MediaOptions
from memex.media.ocr import OcrUnavailable, get_ocr, paragraphs, text_quality

DPI = 200
"""Scans are read at 200 dpi: body text is ~30 px high, where the OCR models are most accurate."""
MAX_PAGE_PIXELS = 25_000_000
"""A page declared 200 inches wide is rendered smaller rather than as a 40000-pixel bitmap."""


def ocr_pdf(path: Path, pages: dict[int, float] | list[int], options: MediaOptions | None = None) -> ParsedDoc:
    """OCR text of the given 1-based pages (one block per paragraph); ParseError when OCR cannot run."""
    opts = options or MediaOptions()
    if opts.ocr.strip().lower() in ("", "none", "off"):
        raise ParseError('OCR is off (ocr = "none")')
    try:
        engine = get_ocr(opts.ocr, opts.threads)
    except OcrUnavailable as e:
        raise ParseError(str(e)) from None
    try:
        import pypdfium2 as pdfium
    except ImportError:
        raise ParseError("scanned PDFs need pypdfium2 (`pip install pypdfium2`)") from None
    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as e:
        raise ParseError(f"cannot render PDF for OCR ({e})") from None
    blocks: list[Block] = []
    order = sorted(pages)
    try:
        for n, number in enumerate(order):
            report_progress(done=n, total=len(order), unit="page", stage="ocr")
            if not 1 <= number <= len(pdf):
                continue
            page = pdf[number - 1]
            try:
                w, h = page.get_size()
                scale = min(DPI / 72, math.sqrt(MAX_PAGE_PIXELS / max(1.0, w * h)))
                image = page.render(scale=scale).to_pil()
            finally:
                page.close()
            blocks += [Block(text=p, page=number) for p in paragraphs(engine.read(image))]
        report_progress(done=len(order), total=len(order), unit="page", stage="ocr")
    except MemexError as e:
        raise ParseError(f"OCR failed: {e}") from None
    finally:
        pdf.close()
    return ParsedDoc(blocks=blocks, parser="pdf-ocr", metadata={"ocr": engine.name})


def merge_ocr(blocks: list[Block], meta: dict[str, Any], pending: dict[int, float],
              ocr: ParsedDoc | ParseError) -> tuple[list[Block], dict[str, Any]]:
    """The PDF's blocks with OCR'd pages in place of their poor text layers; ParseError if nothing is left."""
    meta = {k: v for k, v in meta.items() if k != "ocr_pending"}
    pending = {int(k): float(v) for k, v in pending.items()}
    if isinstance(ocr, ParseError):
        if not blocks:
            raise ParseError(f"no text layer (scanned PDF) and not OCR'd: {ocr}")
        meta.setdefault("warnings", []).append(f"{len(pending)} page(s) without a usable text layer not OCR'd: {ocr}")
        return blocks, meta
    by_page: dict[int, list[Block]] = {}
    for b in ocr.blocks:
        by_page.setdefault(b.page or 0, []).append(b)
    replaced = [p for p in sorted(pending) if by_page.get(p) and
                text_quality("\n".join(b.text for b in by_page[p])) > pending[p]]
    heading = {b.page: b.heading_path for b in blocks}
    kept = [b for b in blocks if b.page not in replaced]
    for p in replaced:
        kept += [Block(text=b.text, page=p, heading_path=heading.get(p, ())) for b in by_page[p]]
    kept.sort(key=lambda b: b.page or 0)  # stable: paragraphs stay in reading order within a page
    if replaced:
        meta["ocr"] = ocr.metadata.get("ocr")
        meta["ocr_pages"] = replaced
    if not kept:
        raise ParseError("no text found (scanned PDF: OCR read nothing)")
    return kept, meta
