"""OCR: the engine Protocol, choosing an engine by spec, and turning recognised lines into paragraphs."""
from __future__ import annotations

import functools
import re
import statistics
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from memex.errors import MemexError

if TYPE_CHECKING:
    from PIL.Image import Image


@dataclass(frozen=True)
class OcrLine:
    """A run of text on one line of an image, with its box (x0, y0, x1, y1) in pixels."""

    text: str
    box: tuple[float, float, float, float]
    score: float = 1.0


class OcrEngine(Protocol):
    """Reads the text in an image."""

    name: str

    def read(self, image: Image) -> list[OcrLine]:
        """Recognised text runs, in any order (see `paragraphs` for reading order)."""
        ...


class OcrUnavailable(MemexError):
    """The configured OCR engine cannot run here; the message says what to install."""


@functools.lru_cache(maxsize=4)
def get_ocr(spec: str, threads: int = 0) -> OcrEngine:
    """The OCR engine named by `spec` ("rapidocr", "tesseract[:eng+deu]"), built once per process."""
    kind, _, target = (spec or "").strip().partition(":")
    kind = kind.lower()
    if kind == "rapidocr":
        from memex.media.ocr_rapid import RapidOcr
        return RapidOcr(threads=threads)
    if kind == "tesseract":
        from memex.media.ocr_tesseract import TesseractOcr
        return TesseractOcr(target or "eng")
    if kind in ("", "none", "off"):
        raise OcrUnavailable('OCR is off (ocr = "none"); set ocr = "rapidocr" to read text in images')
    raise MemexError(f"unknown OCR engine {spec!r}: use 'rapidocr' or 'tesseract[:LANGS]' (or 'none')")


def paragraphs(lines: list[OcrLine]) -> list[str]:
    """Lines in reading order: runs on one row joined left to right, rows split into paragraphs at gaps."""
    runs = [ln for ln in lines if ln.text.strip()]
    if not runs:
        return []
    heights = [max(1.0, ln.box[3] - ln.box[1]) for ln in runs]
    typical = statistics.median(heights)
    runs.sort(key=lambda ln: ((ln.box[1] + ln.box[3]) / 2, ln.box[0]))
    rows: list[list[OcrLine]] = []
    for ln in runs:
        mid = (ln.box[1] + ln.box[3]) / 2
        if rows:
            last = rows[-1]
            top = min(r.box[1] for r in last)
            bottom = max(r.box[3] for r in last)
            if top - 0.1 * typical <= mid <= bottom + 0.1 * typical and abs(mid - _mid(last)) < 0.6 * typical:
                last.append(ln)
                continue
        rows.append([ln])
    out: list[list[str]] = [[]]
    prev_bottom: float | None = None
    for row in rows:
        row.sort(key=lambda r: r.box[0])
        top = min(r.box[1] for r in row)
        if prev_bottom is not None and top - prev_bottom > 1.2 * typical and out[-1]:
            out.append([])
        out[-1].append(" ".join(" ".join(r.text.split()) for r in row))
        prev_bottom = max(r.box[3] for r in row)
    return ["\n".join(p) for p in out if p]


def _mid(row: list[OcrLine]) -> float:
    return statistics.fmean((r.box[1] + r.box[3]) / 2 for r in row)


_WORDLIKE = re.compile(r"^[\W_]*(?:[^\W\d_]{2,}|[^\W\d_]?\d[\d.,:/%-]*[^\W\d_]?)[\W_]*$")
_BAD_CHARS = re.compile(r"[\ufffd\ue000-\uf8ff]|\(cid:\d+\)")


def text_quality(text: str) -> float:
    """Share of whitespace-separated tokens that look like words or numbers (0..1); 0 for no text.

    A PDF's text layer can be garbage (fonts without a Unicode map give "(cid:12)" or private-use
    characters, broken encodings give symbol soup); such pages are worth OCR-ing.
    """
    tokens = text.split()
    if not tokens:
        return 0.0
    bad = len(_BAD_CHARS.findall(text))
    good = sum(1 for t in tokens if _WORDLIKE.match(t) and not _BAD_CHARS.search(t))
    return max(0.0, (good - bad) / len(tokens))
