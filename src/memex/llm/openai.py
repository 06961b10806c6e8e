"""OpenAI-compatible chat completions (/v1/chat/completions) with SSE streaming.

Works with api.openai.com and with local servers that speak the same protocol: vLLM, the llama.cpp
server (`llama-server`), LM Studio, Ollama's /v1 endpoint. Point `openai_base_url` (or
OPENAI_BASE_URL) at the server's `/v1`; a key is needed only by servers that check one.
"""
from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from typing import Any

from memex.llm._http import Endpoint, context_window, decode_json, endpoint_options, sse_events
from memex.llm.base import LLMError, Message, check_messages

DEFAULT_BASE_URL = "https://api.openai.com/v1"
DEFAULT_CONTEXT_WINDOW = 8192
"""Conservative: local servers are often started with 4-8k; set context_window for bigger models."""
DEFAULT_TIMEOUT_S = 120.0


class OpenAIChatModel:
    """A model behind an OpenAI-compatible chat-completions endpoint."""

    def __init__(self, model: str, config: Mapping[str, Any] | None = None) -> None:
        config = config or {}
        base_url = str(config.get("openai_base_url") or os.environ.get("OPENAI_BASE_URL") or DEFAULT_BASE_URL)
        key = str(config.get("openai_api_key") or os.environ.get("OPENAI_API_KEY") or "")
        if not key and base_url.rstrip("/") == DEFAULT_BASE_URL:
            raise LLMError("openai: no API key - set OPENAI_API_KEY (or openai_api_key in the config), "
                           "or point openai_base_url / OPENAI_BASE_URL at a local server such as vLLM, "
                           "llama-server or LM Studio")
        self.model = model
        self.name = f"openai:{model}"
        self.context_window = context_window(config, DEFAULT_CONTEXT_WINDOW)
        headers = {"Authorization": f"Bearer {key}"} if key else {}
        self._endpoint = Endpoint(
            provider="OpenAI-compatible server", base_url=base_url, model=model, headers=headers,
            unavailable_hint="is the server running? Check openai_base_url / OPENAI_BASE_URL "
                             "(it should end in /v1, e.g. http://127.0.0.1:8000/v1 for vLLM)",
            missing_hint="check the model name against the server's /v1/models list "
                         "(a wrong base URL also answers 404)",
            auth_hint="check OPENAI_API_KEY / openai_api_key",
            **endpoint_options(config, DEFAULT_TIMEOUT_S))

    @property
    def base_url(self) -> str:
        """Where requests go."""
        return self._endpoint.base_url

    def _payload(self, messages: list[Message], max_tokens: int | None, temperature: float,
                 stop: list[str] | None, stream: bool) -> dict[str, Any]:
        payload: dict[str, Any] = {
            "model": self.model, "temperature": temperature, "stream": stream,
            "messages": [{"role": m.role, "content": m.content} for m in check_messages(messages)]}
        if max_tokens is not None:
            # `max_tokens`, not `max_completion_tokens`: the local servers only know the older name.
            payload["max_tokens"] = max_tokens
        if stop:
            payload["stop"] = list(stop)
        return payload

    def complete(self, messages: list[Message], *, max_tokens: int | None = None,
                 temperature: float = 0.0, stop: list[str] | None = None) -> str:
        """Return the whole reply."""
        obj = self._endpoint.post_json("/chat/completions",
                                       self._payload(messages, max_tokens, temperature, stop, False))
        try:
            content = obj["choices"][0]["message"]["content"]
        except (KeyError, IndexError, TypeError) as e:
            raise LLMError(f"OpenAI-compatible server sent a reply without choices[0].message.content: "
                           f"{str(obj)[:200]}") from e
        return content or ""

    def stream(self, messages: list[Message], *, max_tokens: int | None = None,
               temperature: float = 0.0, stop: list[str] | None = None) -> Iterator[str]:
        """Yield text deltas from the server-sent events, until `data: [DONE]`."""
        payload = self._payload(messages, max_tokens, temperature, stop, True)
        for _event, data in sse_events(self._endpoint.stream_lines("/chat/completions", payload)):
            if data.strip() == "[DONE]":
                return
            obj = decode_json("OpenAI-compatible server", data)
            if isinstance(obj, dict) and obj.get("error"):
                err = obj["error"]
                raise LLMError(f"OpenAI-compatible server failed mid-stream: "
                               f"{err.get('message', err) if isinstance(err, dict) else err}")
            for choice in (obj.get("choices") or []) if isinstance(obj, dict) else []:
                text = (choice.get("delta") or {}).get("content")
                if text:
                    yield text
