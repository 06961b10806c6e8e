"""Tesseract OCR through its command-line program (Debian: `apt-get install tesseract-ocr tesseract-ocr-eng`)."""
from __future__ import annotations

import csv
import io
import shutil
import subprocess
from typing import TYPE_CHECKING

from memex.errors import MemexError
from memex.media.ocr import OcrLine, OcrUnavailable

if TYPE_CHECKING:
    from PIL.Image import Image

TIMEOUT_S = 120.0
MIN_CONFIDENCE = 30.0


class TesseractOcr:
    """Tesseract 4/5 (LSTM) via `tesseract IMAGE - tsv`; languages like "eng" or "eng+deu"."""

    def __init__(self, langs: str = "eng") -> None:
        exe = shutil.which("tesseract")
        if exe is None:
            raise OcrUnavailable("OCR engine tesseract is not installed: `apt-get install tesseract-ocr "
                                 "tesseract-ocr-eng` (or `brew install tesseract`), or set ocr = \"rapidocr\"")
        self.exe = exe
        self.langs = langs
        self.name = f"tesseract:{langs}"

    def read(self, image: Image) -> list[OcrLine]:
        """Words grouped into Tesseract's lines, with their boxes."""
        buf = io.BytesIO()
        image.convert("RGB").save(buf, format="PNG")
        try:
            proc = subprocess.run([self.exe, "stdin", "stdout", "-l", self.langs, "--psm", "3", "tsv"],
                                  input=buf.getvalue(), capture_output=True, timeout=TIMEOUT_S, check=False)
        except subprocess.TimeoutExpired:
            raise MemexError(f"tesseract took more than {TIMEOUT_S:g} s") from None
        if proc.returncode != 0:
            err = " ".join(proc.stderr.decode(errors="replace").split())[:200]
            if "Failed loading language" in err or "Error opening data file" in err:
                raise OcrUnavailable(f"tesseract has no language data for {self.langs!r}: install "
                                     f"tesseract-ocr-{self.langs.split('+')[0]} ({err})")
            raise MemexError(f"tesseract failed: {err}")
        lines: dict[tuple[str, str, str, str], list[tuple[str, int, int, int, int, float]]] = {}
        rows = csv.DictReader(io.StringIO(proc.stdout.decode("utf-8", errors="replace")), delimiter="\t",
                              quoting=csv.QUOTE_NONE)
        for row in rows:
            text = (row.get("text") or "").strip()
            try:
                conf = float(row.get("conf") or -1)
            except ValueError:
                continue
            if not text or conf < MIN_CONFIDENCE:
                continue
            key = (row["page_num"], row["block_num"], row["par_num"], row["line_num"])
            x, y, w, h = (int(row[k]) for k in ("left", "top", "width", "height"))
            lines.setdefault(key, []).append((text, x, y, x + w, y + h, conf))
        out = []
        for words in lines.values():
            out.append(OcrLine(" ".join(w[0] for w in words),
                               (min(w[1] for w in words), min(w[2] for w in words),
                                max(w[3] for w in words), max(w[4] for w in words)),
                               sum(w[5] for w in words) / len(words) / 100))
        return out
