"""Images, scans and recordings as text: OCR, speech-to-text and text-to-speech behind small Protocols.

Each engine lives in its own module (ocr_rapid, ocr_tesseract, stt_whisper, tts_espeak) and is chosen
by a "kind:target" string from the config; vendor libraries are imported only when an engine is built.
Parsers (ingest/parsers/image_file.py, audio_file.py, pdf_file.py) call these inside the sandbox.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

IMAGE_EXTENSIONS = frozenset({".png", ".jpg", ".jpeg", ".webp", ".tif", ".tiff", ".gif", ".bmp",
                              ".heic", ".heif"})
AUDIO_EXTENSIONS = frozenset({".wav", ".mp3", ".m4a", ".aac", ".ogg", ".oga", ".opus", ".flac", ".webm",
                              ".mp4"})
MEDIA_EXTENSIONS = IMAGE_EXTENSIONS | AUDIO_EXTENSIONS

DEFAULT_OCR = "rapidocr"
DEFAULT_STT = "whisper:base"
DEFAULT_TTS = "espeak-ng"


@dataclass(frozen=True)
class MediaOptions:
    """What the media parsers need from the settings; small and picklable (it travels to the sandbox)."""

    ocr: str = DEFAULT_OCR
    """OCR engine: "rapidocr" (bundled models), "tesseract[:LANGS]" (Debian tesseract-ocr) or "none"."""
    stt: str = DEFAULT_STT
    """Speech-to-text: "whisper:base", "whisper:tiny.en", "whisper:/path/to/ctranslate2/model" or "none"."""
    captioner: str = ""
    """Vision LLM that describes images ("ollama:llava", "openai:gpt-4o-mini"); "" = no captions."""
    llm_config: dict[str, Any] = field(default_factory=dict)
    """Provider settings for the captioner (base URLs, keys, timeouts) from the config file."""
    language: str | None = None
    """Spoken language hint for speech-to-text ("en", "de"); None detects it."""
    threads: int = 0
    """CPU threads for OCR/STT; 0 = all cores."""
    defer_ocr: bool = False
    """PDFs: list the pages that need OCR (metadata "ocr_pending") instead of OCR-ing them here; the
    indexer then OCRs them in the media worker, so OCR models never load into the document worker."""


def options_from(settings: Any) -> MediaOptions:
    """MediaOptions from Settings (or anything with the same attributes)."""
    extra = dict(getattr(settings, "extra", {}) or {})
    llm_keys = {k: v for k, v in extra.items() if isinstance(v, (str, int, float, bool))}
    return MediaOptions(ocr=getattr(settings, "ocr", DEFAULT_OCR), stt=getattr(settings, "stt", DEFAULT_STT),
                        captioner=getattr(settings, "image_captioner", "") or "", llm_config=llm_keys,
                        language=(getattr(settings, "stt_language", "") or None),
                        threads=int(getattr(settings, "media_threads", 0) or 0))


def is_media(path: Any) -> bool:
    """True for file names the image or audio parsers read."""
    from pathlib import Path
    return Path(str(path)).suffix.lower() in MEDIA_EXTENSIONS
