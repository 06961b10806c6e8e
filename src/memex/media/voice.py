"""Voice: a spoken question is transcribed (in a sandboxed worker that keeps the speech model loaded),
answered by the same pipeline as `ask`, and the answer is spoken back (eSpeak NG, in-process)."""
from __future__ import annotations

import functools
import os
import re
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from memex.domain import Answer, Block, ParsedDoc
from memex.errors import MemexError, ParseError
from memex.media import MediaOptions, options_from
from memex.media.speech import Segment, Transcript

MAX_QUESTION_S = 120.0
"""A spoken question longer than this is refused (record a memo and index it instead)."""
MAX_UPLOAD_BYTES = 25 * 2**20
QUESTION_TIMEOUT_S = 300.0
NOT_FOUND = "I could not find that in your notes."
_MARKERS = re.compile(r"\s*\[\d+(?:\s*,\s*\d+)*\]")
_MARKUP = re.compile(r"[*_`#>|]+")


@dataclass
class VoiceReply:
    """What one spoken question produced."""

    transcript: Transcript
    answer: Answer
    spoken_text: str
    audio: bytes | None = None
    """The spoken answer as WAV bytes (None when text-to-speech is off)."""
    seconds: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """JSON form (POST /voice/ask without the audio, `memex voice --json`)."""
        return {"transcript": self.transcript.to_dict(), **self.answer.to_dict(), "spoken_text": self.spoken_text,
                "seconds": {k: round(v, 3) for k, v in self.seconds.items()}}


def transcript_of(path: Path, options: MediaOptions | None = None) -> ParsedDoc:
    """Sandbox function: a short recording's segments, one block each (runs in the media worker)."""
    from memex.media.audio import SAMPLE_RATE, decode_all
    from memex.media.speech import SpeechUnavailable, get_stt

    opts = options or MediaOptions()
    samples = decode_all(path)
    seconds = len(samples) / SAMPLE_RATE
    if seconds > MAX_QUESTION_S:
        raise ParseError(f"recording too long for a question ({seconds:.0f} s > {MAX_QUESTION_S:g} s); "
                         "add it to a notes folder to index it instead")
    try:
        stt = get_stt(opts.stt, opts.threads)
    except SpeechUnavailable as e:
        raise ParseError(str(e)) from None
    found, language = stt.transcribe(samples, 0.0, opts.language)
    segs = list(found)
    return ParsedDoc(blocks=[Block(text=s.text, start_s=s.start_s, end_s=s.end_s) for s in segs],
                     parser="transcript", metadata={"language": language, "duration_s": round(seconds, 2),
                                                    "stt": stt.name})


def speakable(answer: Answer) -> str:
    """The answer as it should sound: no [n] markers or Markdown; a short sentence when it abstained."""
    if answer.abstained:
        return NOT_FOUND
    text = _MARKUP.sub(" ", _MARKERS.sub("", answer.answer))
    return " ".join(text.split())


class Voice:
    """Speech in and out for one home's settings; thread-safe, models loaded on first use."""

    def __init__(self, settings: Any) -> None:
        self.settings = settings
        self.options = options_from(settings)
        self.tts_spec = str(getattr(settings, "tts", "espeak-ng"))
        self._pool: Any = None
        self._lock = threading.Lock()

    def close(self) -> None:
        """Stop the speech worker."""
        with self._lock:
            if self._pool is not None:
                self._pool.close()
                self._pool = None

    def _worker(self) -> Any:
        from memex.ingest.sandbox import ParserPool
        with self._lock:
            if self._pool is None:
                # Loading the speech model is the slow part of a first question (seconds; minutes on a
                # saturated machine), and a question is at most 2 minutes of our own decoding: be generous.
                self._pool = ParserPool(1, timeout_s=max(QUESTION_TIMEOUT_S, float(self.settings.parse_timeout_s)),
                                        memory_mb=max(int(self.settings.media_memory_mb),
                                                      int(self.settings.parse_memory_mb)))
            return self._pool

    def warm_up(self) -> None:
        """Load the speech model now (a second of silence through the worker), so the first question is fast."""
        import numpy as np

        from memex.media.audio import wav_bytes
        try:
            self.transcribe(wav_bytes(np.zeros(16000, dtype=np.int16), 16000), ".wav")
        except MemexError:
            pass

    def transcribe(self, audio: bytes | Path, suffix: str = ".wav") -> Transcript:
        """Segments and text of a recording (bytes or a file); MemexError with the reason when unreadable."""
        if isinstance(audio, Path):
            if not audio.is_file():
                raise MemexError(f"no such file: {audio}")
            if audio.stat().st_size > MAX_UPLOAD_BYTES:
                raise MemexError(f"recording too large (over {MAX_UPLOAD_BYTES // 2**20} MB)")
            return self._run(audio)
        if not audio:
            raise MemexError("empty recording")
        if len(audio) > MAX_UPLOAD_BYTES:
            raise MemexError(f"recording too large (over {MAX_UPLOAD_BYTES // 2**20} MB)")
        fd, name = tempfile.mkstemp(suffix=suffix if re.fullmatch(r"\.[A-Za-z0-9]{1,5}", suffix or "") else ".bin",
                                    prefix="memex-voice-")
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(audio)
            return self._run(Path(name))
        finally:
            Path(name).unlink(missing_ok=True)

    def _run(self, path: Path) -> Transcript:
        func = functools.partial(transcript_of, options=self.options)
        try:
            doc = self._worker().parse(path, func=func)
        except ParseError as e:
            raise MemexError(f"cannot transcribe: {e}") from None
        segs = [Segment(b.start_s or 0.0, b.end_s or 0.0, b.text) for b in doc.blocks]
        meta = doc.metadata
        return Transcript(segs, meta.get("language"), float(meta.get("duration_s") or 0.0), str(meta.get("stt", "")))

    def speak(self, text: str) -> bytes:
        """WAV bytes of `text` spoken by the configured voice."""
        from memex.media.audio import wav_bytes
        from memex.media.speech import get_tts
        samples, rate = get_tts(self.tts_spec).synthesize(text)
        return wav_bytes(samples, rate)

    def ask(self, audio: bytes | Path, ask: Callable[[str], Answer], *, suffix: str = ".wav",
            speak: bool = True) -> VoiceReply:
        """Transcribe, answer with `ask` (Brain.ask), and speak the answer."""
        t0 = time.perf_counter()
        transcript = self.transcribe(audio, suffix)
        t1 = time.perf_counter()
        if not transcript.text:
            raise MemexError("no speech heard in the recording")
        answer = ask(transcript.text)
        t2 = time.perf_counter()
        text = speakable(answer)
        wav = None
        if speak and self.tts_spec.strip().lower() not in ("", "none", "off"):
            wav = self.speak(text)
        t3 = time.perf_counter()
        return VoiceReply(transcript, answer, text, wav,
                          {"transcribe": t1 - t0, "answer": t2 - t1, "speak": t3 - t2, "total": t3 - t0})
