"""Opening untrusted images safely: pixel limits against decompression bombs, EXIF date and rotation, HEIC."""
from __future__ import annotations

import datetime as dt
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from memex.errors import ParseError

MAX_PIXELS = 80_000_000
"""Largest image decoded (80 MP: a 10000 x 8000 scan). A PNG that claims 50000 x 50000 pixels is a
decompression bomb: a few KB on disk, 7.5 GB once decoded; it is refused from its header, unread."""
MAX_FRAMES = 500
"""Pages read from a multi-page TIFF."""
MIN_SIDE = 12
"""Smaller images (icons, spacer pixels) cannot hold readable text."""
_EXIF_IFD = 0x8769
_DATE_TAGS = (36867, 36868, 306)  # DateTimeOriginal, DateTimeDigitized, DateTime


def _register_heif() -> None:
    try:
        from pi_heif import register_heif_opener
    except ImportError:
        return
    register_heif_opener()


@contextmanager
def open_image(path: Path) -> Iterator[Any]:
    """A PIL image opened lazily (header only) and checked against MAX_PIXELS; ParseError if unusable."""
    from PIL import Image, UnidentifiedImageError

    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    if path.suffix.lower() in (".heic", ".heif"):
        _register_heif()
        try:
            import pi_heif  # noqa: F401
        except ImportError:
            raise ParseError("HEIC images need the pi-heif package (`pip install pi-heif`)") from None
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            im = Image.open(path)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise ParseError(f"image too large (over {MAX_PIXELS // 1_000_000} megapixels; "
                             "decompression bomb?)") from None
        except UnidentifiedImageError:
            raise ParseError(f"not a readable image (type mismatch or corrupt {path.suffix} file)") from None
    try:
        w, h = im.size
        if w * h > MAX_PIXELS:
            raise ParseError(f"image too large ({w} x {h} pixels, over {MAX_PIXELS // 1_000_000} megapixels; "
                             "decompression bomb?)")
        yield im
    finally:
        im.close()


def frames(im: Any) -> Iterator[Any]:
    """The pages of a multi-page TIFF, else only the first frame (GIF, animated WebP), upright and RGB."""
    from PIL import ImageOps

    n = getattr(im, "n_frames", 1) if (im.format or "").upper() == "TIFF" else 1
    for i in range(min(n, MAX_FRAMES)):
        if i:
            im.seek(i)
        w, h = im.size
        if w * h > MAX_PIXELS:
            raise ParseError(f"image page {i + 1} too large ({w} x {h} pixels; decompression bomb?)")
        frame = ImageOps.exif_transpose(im) if i == 0 else im
        yield frame.convert("RGB")


def exif_facts(im: Any) -> dict[str, Any]:
    """Date taken (ISO day) and camera from EXIF, when present."""
    out: dict[str, Any] = {}
    try:
        exif = im.getexif()
    except Exception:  # noqa: BLE001 - broken EXIF must not cost us the picture
        return out
    if not exif:
        return out
    try:
        sub = exif.get_ifd(_EXIF_IFD)
    except Exception:  # noqa: BLE001
        sub = {}
    for tag in _DATE_TAGS:
        value = sub.get(tag) or exif.get(tag)
        day = exif_day(value)
        if day:
            out["date"] = day
            break
    model = exif.get(272)  # Model
    if isinstance(model, str) and model.strip("\x00 "):
        out["camera"] = " ".join(model.strip("\x00 ").split())[:100]
    return out


def exif_day(value: Any) -> str | None:
    """"2024:03:05 10:31:00" -> "2024-03-05"; None for anything that is not a plausible date."""
    if isinstance(value, bytes):
        value = value.decode("ascii", errors="ignore")
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        day = dt.date(int(value[0:4]), int(value[5:7]), int(value[8:10]))
    except ValueError:
        return None
    return day.isoformat() if day.year >= 1900 else None
