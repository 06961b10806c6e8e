"""Decoding recordings with PyAV (FFmpeg, bundled in the `av` wheel): probe, stream as 16 kHz mono
windows (memory stays flat for a 2-hour recording), and WAV bytes for spoken answers."""
from __future__ import annotations

import io
import wave
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from memex.errors import ParseError

SAMPLE_RATE = 16_000
"""What Whisper listens to."""
WINDOW_S = 600.0
"""Recordings are transcribed in windows of about this length, cut at a quiet moment."""
CUT_SEARCH_S = 8.0
"""Where to look for the quietest moment before a window's end (so no word is cut in half)."""


@dataclass(frozen=True)
class AudioInfo:
    """What a recording says about itself before it is decoded."""

    duration_s: float | None
    codec: str
    tags: dict[str, str]


def probe(path: Path | str) -> AudioInfo:
    """Duration, codec and tags of the first audio stream; ParseError if there is none or it is unreadable."""
    av = _av()
    try:
        with av.open(str(path), metadata_errors="ignore") as container:
            if not container.streams.audio:
                raise ParseError("no audio track")
            stream = container.streams.audio[0]
            duration = None
            if stream.duration is not None and stream.time_base is not None:
                duration = float(stream.duration * stream.time_base)
            elif container.duration is not None:
                duration = container.duration / 1_000_000
            tags = {str(k).lower(): str(v) for k, v in {**dict(container.metadata), **dict(stream.metadata)}.items()}
            return AudioInfo(duration, stream.codec_context.name or "?", tags)
    except ParseError:
        raise
    except av.error.FFmpegError as e:
        raise ParseError(f"not a readable recording ({_short(e)})") from None


def windows(path: Path | str, window_s: float = WINDOW_S) -> Iterator[tuple[float, np.ndarray]]:
    """(start second, float32 mono 16 kHz samples) windows of the whole recording, cut at quiet moments."""
    av = _av()
    window = int(window_s * SAMPLE_RATE)
    search = int(CUT_SEARCH_S * SAMPLE_RATE)
    pending: list[np.ndarray] = []
    have = 0
    start = 0
    try:
        with av.open(str(path), metadata_errors="ignore") as container:
            if not container.streams.audio:
                raise ParseError("no audio track")
            stream = container.streams.audio[0]
            resampler = av.AudioResampler(format="s16", layout="mono", rate=SAMPLE_RATE)
            for frame in _decode(container, stream):
                for out in resampler.resample(frame):
                    pcm = out.to_ndarray().reshape(-1)
                    pending.append(pcm)
                    have += len(pcm)
                if have >= window + search:
                    buf = np.concatenate(pending)
                    cut = _quiet_cut(buf, window, search)
                    yield start / SAMPLE_RATE, buf[:cut].astype(np.float32) / 32768.0
                    start += cut
                    pending, have = [buf[cut:]], len(buf) - cut
            for out in resampler.resample(None):
                pending.append(out.to_ndarray().reshape(-1))
    except ParseError:
        raise
    except av.error.FFmpegError as e:
        raise ParseError(f"cannot decode recording ({_short(e)})") from None
    if pending:
        buf = np.concatenate(pending)
        if len(buf):
            yield start / SAMPLE_RATE, buf.astype(np.float32) / 32768.0


def _decode(container: Any, stream: Any) -> Iterator[Any]:
    """Frames of one stream; a corrupt packet in the middle is skipped, not fatal."""
    av = _av()
    bad = 0
    for packet in container.demux(stream):
        try:
            yield from packet.decode()
        except av.error.InvalidDataError:
            bad += 1
            if bad > 100:
                raise ParseError("recording is corrupt (too many undecodable packets)") from None


def _quiet_cut(buf: np.ndarray, window: int, search: int) -> int:
    """Index near `window` where 50 ms of audio is quietest, looking back up to `search` samples."""
    lo = max(0, window - search)
    region = buf[lo:window].astype(np.float32)
    hop = SAMPLE_RATE // 20
    if len(region) < hop:
        return window
    n = len(region) // hop
    energy = (region[: n * hop].reshape(n, hop) ** 2).mean(axis=1)
    return lo + int(np.argmin(energy)) * hop + hop // 2


def decode_all(data: bytes | Path | str) -> np.ndarray:
    """A short recording (a spoken question) as float32 mono 16 kHz samples."""
    src: Any = io.BytesIO(data) if isinstance(data, bytes) else str(data)
    av = _av()
    chunks: list[np.ndarray] = []
    try:
        with av.open(src, metadata_errors="ignore") as container:
            if not container.streams.audio:
                raise ParseError("no audio track")
            resampler = av.AudioResampler(format="s16", layout="mono", rate=SAMPLE_RATE)
            for frame in _decode(container, container.streams.audio[0]):
                chunks += [o.to_ndarray().reshape(-1) for o in resampler.resample(frame)]
            chunks += [o.to_ndarray().reshape(-1) for o in resampler.resample(None)]
    except ParseError:
        raise
    except av.error.FFmpegError as e:
        raise ParseError(f"not a readable recording ({_short(e)})") from None
    if not chunks:
        return np.zeros(0, dtype=np.float32)
    return np.concatenate(chunks).astype(np.float32) / 32768.0


def wav_bytes(samples: np.ndarray, rate: int) -> bytes:
    """16-bit mono WAV of float samples in [-1, 1] (or int16 samples)."""
    if samples.dtype != np.int16:
        samples = (np.clip(samples, -1.0, 1.0) * 32767).astype(np.int16)
    buf = io.BytesIO()
    with wave.open(buf, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(samples.tobytes())
    return buf.getvalue()


def _av() -> Any:
    try:
        import av
    except ImportError:
        raise ParseError("audio needs the av package (`pip install av`)") from None
    return av


def _short(e: BaseException) -> str:
    return " ".join(str(e).split())[:200] or type(e).__name__
