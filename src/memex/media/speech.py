"""Speech: speech-to-text and text-to-speech engines behind two small Protocols, chosen by spec."""
from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np

from memex.errors import MemexError


@dataclass(frozen=True)
class Segment:
    """A stretch of speech: seconds from the start of the recording and what was said."""

    start_s: float
    end_s: float
    text: str

    def to_dict(self) -> dict[str, object]:
        """JSON form (POST /transcribe, the MCP transcribe tool)."""
        return {"start_s": round(self.start_s, 2), "end_s": round(self.end_s, 2), "text": self.text}


@dataclass(frozen=True)
class Transcript:
    """What a recording says."""

    segments: list[Segment]
    language: str | None = None
    duration_s: float = 0.0
    model: str = ""
    extra: dict[str, object] = field(default_factory=dict)

    @property
    def text(self) -> str:
        """All segments as one text."""
        return " ".join(s.text for s in self.segments).strip()

    def to_dict(self) -> dict[str, object]:
        """JSON form."""
        return {"text": self.text, "language": self.language, "duration_s": round(self.duration_s, 2),
                "model": self.model, "segments": [s.to_dict() for s in self.segments]}


OnSegment = Callable[[Segment], None]


class SpeechToText(Protocol):
    """Turns 16 kHz mono float32 samples into timed segments."""

    name: str

    def transcribe(self, samples: np.ndarray, offset_s: float = 0.0, language: str | None = None
                   ) -> tuple[Iterator[Segment], str | None]:
        """(segments as they are recognised, with times shifted by `offset_s`; the spoken language).

        With `language` None the engine detects it (on the first 30 s of speech).
        """
        ...


class TextToSpeech(Protocol):
    """Speaks text."""

    name: str

    def synthesize(self, text: str) -> tuple[np.ndarray, int]:
        """(int16 mono samples, sample rate)."""
        ...


class SpeechUnavailable(MemexError):
    """The configured speech engine cannot run here; the message says what to install."""


@functools.lru_cache(maxsize=2)
def get_stt(spec: str, threads: int = 0) -> SpeechToText:
    """The speech-to-text engine named by `spec` ("whisper:base", "whisper:tiny.en", "whisper:/dir")."""
    kind, _, target = (spec or "").strip().partition(":")
    kind = kind.lower()
    if kind in ("whisper", "faster-whisper"):
        from memex.media.stt_whisper import WhisperStt
        return WhisperStt(target or "base", threads=threads)
    if kind in ("", "none", "off"):
        raise SpeechUnavailable('speech-to-text is off (stt = "none"); set stt = "whisper:base" to transcribe')
    raise MemexError(f"unknown speech-to-text engine {spec!r}: use 'whisper:base', 'whisper:tiny.en' "
                     "or 'whisper:/path/to/ctranslate2-model' (or 'none')")


@functools.lru_cache(maxsize=2)
def get_tts(spec: str) -> TextToSpeech:
    """The text-to-speech engine named by `spec` ("espeak-ng", "espeak-ng:en-gb")."""
    kind, _, target = (spec or "").strip().partition(":")
    kind = kind.lower()
    if kind in ("espeak-ng", "espeak"):
        from memex.media.tts_espeak import EspeakTts
        return EspeakTts(target or "en-us")
    if kind in ("", "none", "off"):
        raise SpeechUnavailable('text-to-speech is off (tts = "none"); set tts = "espeak-ng" to hear answers')
    raise MemexError(f"unknown text-to-speech engine {spec!r}: use 'espeak-ng[:VOICE]' (or 'none')")


def transcribe_samples(stt: SpeechToText, samples: np.ndarray, language: str | None = None) -> Transcript:
    """A short recording (a spoken question) transcribed in one go."""
    segs, lang = stt.transcribe(samples, 0.0, language)
    return Transcript(list(segs), lang, len(samples) / 16_000, stt.name)
