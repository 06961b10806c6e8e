"""Microphone and speaker through sounddevice (PortAudio): push-to-talk recording and playback."""
from __future__ import annotations

import io
import threading
import wave
from collections.abc import Callable

import numpy as np

from memex.errors import MemexError

RATE = 16_000
MAX_S = 120.0


def _sounddevice():  # type: ignore[no-untyped-def]
    try:
        import sounddevice as sd
    except ImportError:
        raise MemexError("the microphone needs sounddevice: `pip install 'memex[voice]'`; or pass --file") from None
    except OSError as e:  # the wheel is there but PortAudio is not (Linux)
        raise MemexError(f"no audio system ({e}): `apt-get install libportaudio2`; or pass --file / --out") from None
    return sd


def record_push_to_talk(wait_start: Callable[[], None], wait_stop: Callable[[], None]) -> bytes:
    """Record from the default microphone between wait_start() and wait_stop() returning; WAV bytes."""
    sd = _sounddevice()
    chunks: list[np.ndarray] = []
    stop = threading.Event()

    def on_audio(data: np.ndarray, _frames: int, _time: object, _status: object) -> None:
        if not stop.is_set() and sum(len(c) for c in chunks) < MAX_S * RATE:
            chunks.append(data.copy().reshape(-1))

    wait_start()
    try:
        with sd.InputStream(samplerate=RATE, channels=1, dtype="int16", callback=on_audio):
            wait_stop()
            stop.set()
    except sd.PortAudioError as e:
        raise MemexError(f"cannot record from the microphone ({e}); pass --file instead") from None
    samples = np.concatenate(chunks) if chunks else np.zeros(0, dtype=np.int16)
    buf = io.BytesIO()
    with wave.open(buf, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(samples.astype(np.int16).tobytes())
    return buf.getvalue()


def play_wav(data: bytes) -> None:
    """Play WAV bytes on the default speaker and wait until done."""
    sd = _sounddevice()
    with wave.open(io.BytesIO(data)) as w:
        rate = w.getframerate()
        samples = np.frombuffer(w.readframes(w.getnframes()), dtype=np.int16)
    try:
        sd.play(samples, rate)
        sd.wait()
    except sd.PortAudioError as e:
        raise MemexError(f"cannot play audio ({e}); use --out answer.wav") from None
