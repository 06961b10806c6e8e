"""Anthropic's Messages API (/v1/messages) with SSE streaming."""
from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from typing import Any

from memex.llm._http import Endpoint, context_window, decode_json, endpoint_options, sse_events
from memex.llm.base import LLMError, Message, check_messages

DEFAULT_BASE_URL = "https://api.anthropic.com"
API_VERSION = "2023-06-01"
DEFAULT_CONTEXT_WINDOW = 200_000
DEFAULT_MAX_TOKENS = 1024
"""The Messages API requires max_tokens; this is used when the caller gives none."""
DEFAULT_TIMEOUT_S = 120.0


class AnthropicChatModel:
    """A Claude model via the Messages API."""

    def __init__(self, model: str, config: Mapping[str, Any] | None = None) -> None:
        config = config or {}
        base_url = str(config.get("anthropic_base_url") or os.environ.get("ANTHROPIC_BASE_URL")
                       or DEFAULT_BASE_URL)
        key = str(config.get("anthropic_api_key") or os.environ.get("ANTHROPIC_API_KEY") or "")
        if not key and base_url.rstrip("/") == DEFAULT_BASE_URL:
            raise LLMError("anthropic: no API key - set ANTHROPIC_API_KEY (or anthropic_api_key in the config)")
        self.model = model
        self.name = f"anthropic:{model}"
        self.context_window = context_window(config, DEFAULT_CONTEXT_WINDOW)
        headers = {"anthropic-version": API_VERSION}
        if key:
            headers["x-api-key"] = key
        self._endpoint = Endpoint(
            provider="Anthropic", base_url=base_url, model=model, headers=headers,
            unavailable_hint="check the network and ANTHROPIC_BASE_URL / anthropic_base_url",
            missing_hint="check the model name (e.g. claude-sonnet-4-5) in Anthropic's model list",
            auth_hint="check ANTHROPIC_API_KEY / anthropic_api_key",
            **endpoint_options(config, DEFAULT_TIMEOUT_S))

    @property
    def base_url(self) -> str:
        """Where requests go."""
        return self._endpoint.base_url

    def _payload(self, messages: list[Message], max_tokens: int | None, temperature: float,
                 stop: list[str] | None, stream: bool) -> dict[str, Any]:
        system = "\n\n".join(m.content for m in check_messages(messages) if m.role == "system")
        turns: list[dict[str, str]] = []
        for m in messages:
            if m.role == "system":
                continue
            if turns and turns[-1]["role"] == m.role:
                # The API wants user/assistant turns to alternate; merge neighbours rather than fail.
                turns[-1]["content"] += "\n\n" + m.content
            else:
                turns.append({"role": m.role, "content": m.content})
        if not turns:
            raise LLMError("anthropic: the Messages API needs at least one user message, not only system text")
        payload: dict[str, Any] = {"model": self.model, "messages": turns, "temperature": temperature,
                                   "max_tokens": max_tokens or DEFAULT_MAX_TOKENS, "stream": stream}
        if system:
            payload["system"] = system
        if stop:
            payload["stop_sequences"] = list(stop)
        return payload

    def complete(self, messages: list[Message], *, max_tokens: int | None = None,
                 temperature: float = 0.0, stop: list[str] | None = None) -> str:
        """Return the whole reply (the text blocks of the response, joined)."""
        obj = self._endpoint.post_json("/v1/messages",
                                       self._payload(messages, max_tokens, temperature, stop, False))
        content = obj.get("content") if isinstance(obj, dict) else None
        if not isinstance(content, list):
            raise LLMError(f"Anthropic sent a reply without content blocks: {str(obj)[:200]}")
        return "".join(b.get("text", "") for b in content if isinstance(b, dict) and b.get("type") == "text")

    def stream(self, messages: list[Message], *, max_tokens: int | None = None,
               temperature: float = 0.0, stop: list[str] | None = None) -> Iterator[str]:
        """Yield the text_delta pieces of content_block_delta events, until message_stop."""
        payload = self._payload(messages, max_tokens, temperature, stop, True)
        for event, data in sse_events(self._endpoint.stream_lines("/v1/messages", payload)):
            obj = decode_json("Anthropic", data)
            kind = obj.get("type", event) if isinstance(obj, dict) else event
            if kind == "content_block_delta":
                delta = obj.get("delta") or {}
                if delta.get("type") == "text_delta" and delta.get("text"):
                    yield delta["text"]
            elif kind == "message_stop":
                return
            elif kind == "error":
                err = obj.get("error") or {}
                raise LLMError(f"Anthropic failed mid-stream ({err.get('type', 'error')}): "
                               f"{err.get('message', obj)}")
