"""RapidOCR: PaddleOCR PP-OCRv6 models run by ONNX Runtime; the models ship in the `rapidocr` wheel.

The default OCR engine: it needs no system package, reads English and other Latin-script text as well
as Chinese, and copes with skew, blur and low contrast (docs/benchmarks.md, "Media").
"""
from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from memex.media.ocr import OcrLine, OcrUnavailable

if TYPE_CHECKING:
    from PIL.Image import Image

MIN_SCORE = 0.5
"""Recognitions below this confidence are mostly noise (texture read as letters)."""
DET_RESIZE = {"Det.limit_type": "max", "Det.limit_side_len": 1600}
"""The text detector sees the image shrunk to a long side of at most 1600 px, never enlarged. RapidOCR's own
setting (enlarge until the short side is 736 px) made a small screenshot 2-3x slower and a 12 MP phone photo
~1.6x slower for no accuracy, and read a photographed page worse (docs/benchmarks.md, "RapidOCR resize")."""


class RapidOcr:
    """OCR with the PP-OCRv6 small detection and recognition models bundled in `rapidocr`."""

    name = "rapidocr"

    def __init__(self, threads: int = 0, params: dict[str, object] | None = None) -> None:
        try:
            from rapidocr import RapidOCR
        except ImportError as e:
            raise OcrUnavailable(f"OCR needs the rapidocr and onnxruntime packages ({e}); "
                                 "`pip install rapidocr onnxruntime`, or set ocr = \"tesseract\"") from None
        config: dict[str, object] = {"Global.log_level": "error", **DET_RESIZE}
        if threads > 0:
            config["EngineConfig.onnxruntime.intra_op_num_threads"] = threads
            config["EngineConfig.onnxruntime.inter_op_num_threads"] = 1
        self._engine = RapidOCR(params={**config, **(params or {})})
        # RapidOCR logs each model load at INFO through its own logger; a sync should stay quiet.
        logging.getLogger("RapidOCR").setLevel(logging.ERROR)

    def read(self, image: Image) -> list[OcrLine]:
        """Text runs with their boxes."""
        result = self._engine(image.convert("RGB"))
        if result is None or result.boxes is None or result.txts is None:
            return []
        lines = []
        for box, text, score in zip(result.boxes, result.txts, result.scores, strict=False):
            if float(score) < MIN_SCORE or not str(text).strip():
                continue
            xs, ys = [float(p[0]) for p in box], [float(p[1]) for p in box]
            lines.append(OcrLine(str(text), (min(xs), min(ys), max(xs), max(ys)), float(score)))
        return lines
