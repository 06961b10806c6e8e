"""eSpeak NG text-to-speech: fast (hundredths of a second per sentence), robotic, offline, many languages.

Uses the library that the `espeakng-loader` wheel ships (`pip install espeakng-loader`, part of
`memex[voice]`; no process per sentence), else the `espeak-ng` program (Debian: `apt-get install espeak-ng`).
"""
from __future__ import annotations

import ctypes
import io
import shutil
import subprocess
import threading
import wave

import numpy as np

from memex.errors import MemexError
from memex.media.speech import SpeechUnavailable

MAX_CHARS = 5000
"""Longer answers are cut: nobody listens to ten minutes of a robot voice."""
WORDS_PER_MINUTE = 175
_AUDIO_OUTPUT_SYNCHRONOUS = 2
_POS_CHARACTER = 1
_CHARS_UTF8 = 1
_RATE = 1
_lib_lock = threading.Lock()  # the library keeps global state: one synthesis at a time per process


class EspeakTts:
    """Speaks with an eSpeak NG voice such as "en-us", "en-gb", "de", "fr"."""

    def __init__(self, voice: str = "en-us", words_per_minute: int = WORDS_PER_MINUTE) -> None:
        self.voice = voice
        self.wpm = words_per_minute
        self.name = f"espeak-ng:{voice}"
        self._exe = shutil.which("espeak-ng")
        self._lib: _Library | None = None
        try:
            self._lib = _Library.load(voice)
        except SpeechUnavailable:
            if self._exe is None:
                raise

    def synthesize(self, text: str) -> tuple[np.ndarray, int]:
        """(int16 samples, rate) for `text`."""
        text = " ".join(text.split())[:MAX_CHARS]
        if not text:
            return np.zeros(0, dtype=np.int16), 22050
        if self._lib is not None:
            return self._lib.speak(text, self.wpm)
        assert self._exe is not None
        try:
            proc = subprocess.run([self._exe, "-v", self.voice, "-s", str(self.wpm), "--stdout", "-b", "1"],
                                  input=text.encode(), capture_output=True, timeout=60, check=False)
        except subprocess.TimeoutExpired:
            raise MemexError("espeak-ng took more than 60 s") from None
        if proc.returncode != 0 or not proc.stdout:
            raise MemexError(f"espeak-ng failed: {' '.join(proc.stderr.decode(errors='replace').split())[:200]}")
        with wave.open(io.BytesIO(proc.stdout)) as w:
            rate = w.getframerate()
            frames = w.readframes(w.getnframes())
        return np.frombuffer(frames, dtype=np.int16).copy(), rate


class _Library:
    """libespeak-ng from the espeakng-loader wheel, driven through ctypes."""

    _instance: _Library | None = None
    _CALLBACK = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int, ctypes.c_void_p)

    def __init__(self, lib: ctypes.CDLL, rate: int) -> None:
        self.lib = lib
        self.rate = rate
        self.voice = ""
        self._chunks: list[np.ndarray] = []

        def collect(wav: ctypes.Array, n: int, _events: ctypes.c_void_p) -> int:
            if wav and n > 0:
                self._chunks.append(np.ctypeslib.as_array(wav, shape=(n,)).copy())
            return 0

        self._callback = self._CALLBACK(collect)  # kept referenced: the library calls it later
        lib.espeak_SetSynthCallback(self._callback)

    @classmethod
    def load(cls, voice: str) -> _Library:
        with _lib_lock:
            if cls._instance is None:
                try:
                    import espeakng_loader
                except ImportError:
                    raise SpeechUnavailable("text-to-speech needs eSpeak NG: `apt-get install espeak-ng` "
                                            "(or `brew install espeak-ng`), or `pip install espeakng-loader`") from None
                lib = ctypes.CDLL(str(espeakng_loader.get_library_path()))
                lib.espeak_Initialize.restype = ctypes.c_int
                data = str(espeakng_loader.get_data_path())
                rate = lib.espeak_Initialize(_AUDIO_OUTPUT_SYNCHRONOUS, 0, data.encode(), 0)
                if rate <= 0:
                    raise SpeechUnavailable(f"eSpeak NG could not start (data at {data})")
                cls._instance = cls(lib, rate)
            inst = cls._instance
            inst._set_voice(voice)
            return inst

    def _set_voice(self, voice: str) -> None:
        if voice != self.voice:
            if self.lib.espeak_SetVoiceByName(voice.encode()) != 0:
                raise SpeechUnavailable(f"eSpeak NG has no voice {voice!r}")
            self.voice = voice

    def speak(self, text: str, wpm: int = WORDS_PER_MINUTE) -> tuple[np.ndarray, int]:
        data = text.encode("utf-8") + b"\0"
        with _lib_lock:
            self.lib.espeak_SetParameter(_RATE, wpm, 0)
            self._chunks = []
            self.lib.espeak_Synth(data, ctypes.c_size_t(len(data)), 0, _POS_CHARACTER, 0, _CHARS_UTF8, None, None)
            self.lib.espeak_Synchronize()
            chunks, self._chunks = self._chunks, []
        samples = np.concatenate(chunks) if chunks else np.zeros(0, dtype=np.int16)
        return samples.astype(np.int16), self.rate
