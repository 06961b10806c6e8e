"""A GGUF model run in-process by llama-cpp-python (optional extra, imported only when asked for)."""
from __future__ import annotations

import importlib
import threading
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from memex.llm._http import config_value, context_window
from memex.llm.base import LLMError, LLMModelMissing, Message, check_messages

DEFAULT_CONTEXT_WINDOW = 4096
INSTALL_HINT = ("llama-cpp-python is not installed: pip install 'memex[llamacpp]' "
                "(build with CMAKE_ARGS=-DGGML_NATIVE=OFF; the native build crashes on some CPUs)")
GGUF_MAGIC = b"GGUF"

# Loaded models, shared by every LlamaCppChatModel naming the same file and settings: each holds GBs.
_loaded: dict[tuple[str, int, int, int], Any] = {}
_load_lock = threading.Lock()


def _import_llama() -> Any:
    try:
        return importlib.import_module("llama_cpp")
    except ImportError as e:
        raise LLMError(INSTALL_HINT) from e


class LlamaCppChatModel:
    """A local GGUF chat model; loaded on first use, one request at a time (llama.cpp is not re-entrant)."""

    def __init__(self, path: str, config: Mapping[str, Any] | None = None) -> None:
        config = config or {}
        self.path = Path(path).expanduser()
        if not self.path.is_file():
            raise LLMModelMissing(f"llamacpp: GGUF file not found: {self.path} "
                                  "(give the path to a .gguf file, e.g. llamacpp:~/models/qwen2.5-1.5b-q4_k_m.gguf)")
        with self.path.open("rb") as f:
            if f.read(4) != GGUF_MAGIC:
                raise LLMError(f"llamacpp: {self.path} is not a GGUF file (wrong magic bytes)")
        self._llama_cpp = _import_llama()  # fail now, not at the first question
        self.name = f"llamacpp:{path}"
        self.context_window = context_window(config, DEFAULT_CONTEXT_WINDOW)
        self._threads = config_value(config, "llamacpp_threads", int, 0)
        self._gpu_layers = config_value(config, "llamacpp_gpu_layers", int, 0)
        self._lock = threading.Lock()

    def _model(self) -> Any:
        key = (str(self.path.resolve()), self.context_window, self._threads, self._gpu_layers)
        with _load_lock:
            if key not in _loaded:
                kwargs: dict[str, Any] = {"model_path": key[0], "n_ctx": self.context_window,
                                          "n_gpu_layers": self._gpu_layers, "verbose": False}
                if self._threads:
                    kwargs["n_threads"] = self._threads
                try:
                    _loaded[key] = self._llama_cpp.Llama(**kwargs)
                except (ValueError, RuntimeError, OSError) as e:
                    raise LLMError(f"llamacpp: could not load {self.path}: {e}") from e
            return _loaded[key]

    def _call(self, messages: list[Message], max_tokens: int | None, temperature: float,
              stop: list[str] | None, stream: bool) -> Any:
        return self._model().create_chat_completion(
            messages=[{"role": m.role, "content": m.content} for m in check_messages(messages)],
            max_tokens=max_tokens, temperature=temperature, stop=list(stop) if stop else None, stream=stream)

    def complete(self, messages: list[Message], *, max_tokens: int | None = None,
                 temperature: float = 0.0, stop: list[str] | None = None) -> str:
        """Return the whole reply."""
        with self._lock:
            try:
                out = self._call(messages, max_tokens, temperature, stop, False)
            except ValueError as e:  # llama.cpp's way of saying the prompt exceeds n_ctx
                raise LLMError(f"llamacpp: {e}") from e
        return out["choices"][0]["message"].get("content") or ""

    def stream(self, messages: list[Message], *, max_tokens: int | None = None,
               temperature: float = 0.0, stop: list[str] | None = None) -> Iterator[str]:
        """Yield text deltas as llama.cpp decodes them."""
        with self._lock:
            try:
                for chunk in self._call(messages, max_tokens, temperature, stop, True):
                    text = chunk["choices"][0].get("delta", {}).get("content")
                    if text:
                        yield text
            except ValueError as e:
                raise LLMError(f"llamacpp: {e}") from e
