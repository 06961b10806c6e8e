"""Images (PNG, JPEG, WebP, TIFF pages, GIF first frame, BMP, HEIC): OCR text, an optional caption, EXIF date."""
from __future__ import annotations

import re
from pathlib import Path

from memex.domain import Block, ParsedDoc
from memex.errors import MemexError, ParseError
from memex.ingest.parsers.plain_text import date_from_name
from memex.ingest.sandbox import report_progress
from memex.media import MediaOptions
from memex.media.image import MIN_SIDE, exif_facts, frames, open_image
from memex.media.ocr import OcrUnavailable, get_ocr, paragraphs


def parse_image(path: Path, options: MediaOptions | None = None) -> ParsedDoc:
    """OCR every page of the image (one for most formats); a caption when a vision model is configured."""
    opts = options or MediaOptions()
    blocks: list[Block] = []
    meta: dict = {"kind": "image"}
    with open_image(path) as im:
        meta.update(format=im.format, width=im.size[0], height=im.size[1])
        meta.update(exif_facts(im))
        if "date" in meta:
            meta["captured"] = meta["date"]  # the day the photo was taken, from EXIF (ingest/dates.note_date)
        if min(im.size) < MIN_SIDE:
            raise ParseError(f"image too small to hold text ({im.size[0]} x {im.size[1]} pixels)")
        n = getattr(im, "n_frames", 1) if (im.format or "").upper() == "TIFF" else 1
        first = None
        engine = None
        for i, frame in enumerate(frames(im)):
            report_progress(done=i, total=n, unit="page", stage="ocr")
            if first is None:
                first = frame.copy()
            if opts.ocr.strip().lower() not in ("", "none", "off"):
                try:
                    engine = engine or get_ocr(opts.ocr, opts.threads)
                except OcrUnavailable as e:
                    raise ParseError(f"not indexed: {e}") from None
                page = i + 1 if n > 1 else None
                blocks += [Block(text=p, page=page) for p in paragraphs(engine.read(frame))]
        if engine is not None:
            meta["ocr"] = engine.name
        if opts.captioner and first is not None:
            try:
                from memex.media.caption import caption
                text = caption(first, opts.captioner, opts.llm_config)
                if text:
                    blocks.insert(0, Block(text=f"Image description: {text}", heading_path=("Description",)))
                    meta["caption_model"] = opts.captioner
            except MemexError as e:  # a captioner that is down must not cost us the OCR text
                meta.setdefault("warnings", []).append(f"no caption: {' '.join(str(e).split())[:200]}")
    if n > 1:
        meta["pages"] = n
    when = date_from_name(path)
    if when and "date" not in meta:
        meta["date"] = when
    first = next((b.text.split("\n", 1)[0].strip() for b in blocks if not b.heading_path), "")
    if 2 <= len(first.split()) <= 10 and re.search(r"[^\W\d_]{3}", first):
        # What the picture opens with names it (a whiteboard's heading, a window's title, a shop's name):
        # its passages are indexed with it (ingest/context.py), as a note's passages are with its title.
        meta["opening_line"] = first
    if not blocks:
        raise ParseError("no text found in image" + ("" if opts.captioner else
                                                     " (set image_captioner to describe photos)"))
    return ParsedDoc(blocks=blocks, title=path.stem, parser="image", metadata=meta)
