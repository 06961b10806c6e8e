"""Chat models, picked by a "provider:model" spec; each provider module is imported only when used."""
from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from memex.errors import MemexError
from memex.llm.base import ChatModel, LLMError, LLMModelMissing, LLMUnavailable, Message

__all__ = ["ChatModel", "Message", "LLMError", "LLMUnavailable", "LLMModelMissing",
           "get_chat_model", "PROVIDERS"]


def _ollama(model: str, config: Mapping[str, Any]) -> ChatModel:
    from memex.llm.ollama import OllamaChatModel

    return OllamaChatModel(model, config)


def _openai(model: str, config: Mapping[str, Any]) -> ChatModel:
    from memex.llm.openai import OpenAIChatModel

    return OpenAIChatModel(model, config)


def _anthropic(model: str, config: Mapping[str, Any]) -> ChatModel:
    from memex.llm.anthropic import AnthropicChatModel

    return AnthropicChatModel(model, config)


def _llamacpp(path: str, config: Mapping[str, Any]) -> ChatModel:
    from memex.llm.llamacpp import LlamaCppChatModel

    return LlamaCppChatModel(path, config)


def _scripted(name: str, config: Mapping[str, Any]) -> ChatModel:
    from memex.llm._http import context_window
    from memex.llm.scripted import DEFAULT_CONTEXT_WINDOW, scripted_model

    return scripted_model(name, context_window(config, DEFAULT_CONTEXT_WINDOW))


PROVIDERS: dict[str, Callable[[str, Mapping[str, Any]], ChatModel]] = {
    "ollama": _ollama,
    "openai": _openai,
    "anthropic": _anthropic,
    "llamacpp": _llamacpp,
    "scripted": _scripted,
}
"""provider name -> constructor taking (model, config)."""

EXAMPLES = "e.g. 'ollama:qwen2.5:1.5b', 'openai:gpt-4o-mini', 'llamacpp:~/models/model.gguf'"


def get_chat_model(spec: str, config: Mapping[str, Any] | None = None) -> ChatModel:
    """Build the chat model named by `spec` ("provider:model"); `config` holds URLs, keys, timeouts."""
    provider, sep, model = (spec or "").strip().partition(":")
    make = PROVIDERS.get(provider.strip().lower())
    valid = ", ".join(PROVIDERS)
    if make is None:
        raise MemexError(f"unknown LLM provider {provider!r} in {spec!r}: valid providers are {valid} ({EXAMPLES})")
    if not sep or not model.strip():
        raise MemexError(f"LLM spec {spec!r} names no model: use '{provider.strip().lower()}:<model>' ({EXAMPLES})")
    return make(model.strip(), config or {})
