"""Ollama's native chat API (/api/chat), with NDJSON streaming."""
from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from typing import Any
from urllib.parse import urlsplit

from memex.llm._http import Endpoint, context_window, decode_json, endpoint_options
from memex.llm.base import LLMError, LLMModelMissing, Message, check_messages

DEFAULT_BASE_URL = "http://127.0.0.1:11434"
DEFAULT_PORT = 11434
DEFAULT_CONTEXT_WINDOW = 4096
"""Ollama's own default num_ctx; we send it explicitly so the prompt budget and the server agree."""
DEFAULT_TIMEOUT_S = 300.0
"""Long: a CPU-only box may spend half a minute reading a prompt before the first token."""


def base_url_from(config: Mapping[str, Any]) -> str:
    """config["ollama_base_url"], else OLLAMA_HOST (which may lack scheme and port), else localhost."""
    raw = str(config.get("ollama_base_url") or os.environ.get("OLLAMA_HOST") or DEFAULT_BASE_URL).strip()
    bare = "://" not in raw
    parts = urlsplit("http://" + raw if bare else raw)
    host = parts.hostname or "127.0.0.1"
    # OLLAMA_HOST=0.0.0.0 tells the server to listen everywhere; a client must dial a real address.
    if host in ("0.0.0.0", "::"):
        host = "127.0.0.1"
    if ":" in host:
        host = f"[{host}]"
    # Like Ollama's own client: a bare "host" means port 11434, an explicit "http://host" means port 80.
    port = parts.port or (DEFAULT_PORT if bare else None)
    netloc = f"{host}:{port}" if port else host
    return f"{parts.scheme}://{netloc}{parts.path.rstrip('/')}"


class OllamaChatModel:
    """A model served by a local (or remote) Ollama."""

    def __init__(self, model: str, config: Mapping[str, Any] | None = None) -> None:
        config = config or {}
        self.model = model
        self.name = f"ollama:{model}"
        self.context_window = context_window(config, DEFAULT_CONTEXT_WINDOW)
        self._endpoint = Endpoint(
            provider="Ollama", base_url=base_url_from(config), model=model,
            unavailable_hint="is Ollama running? Start it with `ollama serve` "
                             "(or set ollama_base_url / OLLAMA_HOST to where it listens)",
            missing_hint=f"run `ollama pull {model}`",
            **endpoint_options(config, DEFAULT_TIMEOUT_S))

    @property
    def base_url(self) -> str:
        """Where requests go."""
        return self._endpoint.base_url

    def _payload(self, messages: list[Message], max_tokens: int | None, temperature: float,
                 stop: list[str] | None, stream: bool) -> dict[str, Any]:
        options: dict[str, Any] = {"temperature": temperature, "num_ctx": self.context_window}
        if max_tokens is not None:
            options["num_predict"] = max_tokens
        if stop:
            options["stop"] = list(stop)
        return {"model": self.model, "stream": stream, "options": options,
                "messages": [{"role": m.role, "content": m.content} for m in check_messages(messages)]}

    def complete(self, messages: list[Message], *, max_tokens: int | None = None,
                 temperature: float = 0.0, stop: list[str] | None = None) -> str:
        """Return the whole reply."""
        obj = self._endpoint.post_json("/api/chat", self._payload(messages, max_tokens, temperature, stop, False))
        self._raise_on_error(obj)
        try:
            return str(obj["message"]["content"])
        except (KeyError, TypeError) as e:
            raise LLMError(f"Ollama sent a reply without message.content: {str(obj)[:200]}") from e

    def stream(self, messages: list[Message], *, max_tokens: int | None = None,
               temperature: float = 0.0, stop: list[str] | None = None) -> Iterator[str]:
        """Yield text deltas from Ollama's newline-delimited JSON stream."""
        payload = self._payload(messages, max_tokens, temperature, stop, True)
        for line in self._endpoint.stream_lines("/api/chat", payload):
            if not line.strip():
                continue
            obj = decode_json("Ollama", line)
            self._raise_on_error(obj)
            text = (obj.get("message") or {}).get("content") or ""
            if text:
                yield text
            if obj.get("done"):
                return

    def _raise_on_error(self, obj: Any) -> None:
        # Ollama reports some failures (e.g. a model unloaded mid-stream) as {"error": ...} with HTTP 200.
        if not isinstance(obj, dict):
            raise LLMError(f"Ollama sent an unexpected reply: {str(obj)[:200]}")
        if "error" in obj:
            msg = str(obj["error"])
            if "not found" in msg and "model" in msg:
                raise LLMModelMissing(f"Ollama has no model {self.model!r} ({msg}) - run `ollama pull {self.model}`")
            raise LLMError(f"Ollama failed: {msg}")
