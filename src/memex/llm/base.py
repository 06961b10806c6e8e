"""The chat-model capability: messages in, text (or a stream of text deltas) out, plus its errors."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal, Protocol, runtime_checkable

from memex.errors import MemexError, ModelNotFound

Role = Literal["system", "user", "assistant"]
ROLES: tuple[str, ...] = ("system", "user", "assistant")


@dataclass(frozen=True)
class Message:
    """One turn of a chat: who said it and what."""

    role: Role
    content: str

    def __post_init__(self) -> None:
        if self.role not in ROLES:
            raise ValueError(f"message role must be one of {', '.join(ROLES)}, not {self.role!r}")
        if not isinstance(self.content, str):
            raise TypeError(f"message content must be str, not {type(self.content).__name__}")


@runtime_checkable
class ChatModel(Protocol):
    """A chat LLM. Implementations: ollama, openai(-compatible), anthropic, llamacpp, scripted."""

    name: str
    """The spec it was built from, e.g. "ollama:qwen2.5:1.5b"."""
    context_window: int
    """Tokens the model can read (prompt + reply); callers size their prompts to fit."""

    def complete(self, messages: list[Message], *, max_tokens: int | None = None,
                 temperature: float = 0.0, stop: list[str] | None = None) -> str:
        """Return the whole reply to `messages`."""
        ...

    def stream(self, messages: list[Message], *, max_tokens: int | None = None,
               temperature: float = 0.0, stop: list[str] | None = None) -> Iterator[str]:
        """Yield the reply as text deltas, as the model produces them; they concatenate to the reply."""
        ...


class LLMError(MemexError):
    """The model failed to answer (bad request, auth, server error after retries, garbled reply)."""


class LLMUnavailable(LLMError):
    """The model server could not be reached or did not answer in time; the message says how to fix it."""


class LLMModelMissing(LLMError, ModelNotFound):
    """The server (or the disk) does not have the named model; the message says how to get it."""


def check_messages(messages: list[Message]) -> list[Message]:
    """Reject an empty or mistyped message list before it costs a request."""
    if not messages:
        raise LLMError("no messages to send to the model")
    for m in messages:
        if not isinstance(m, Message):
            raise TypeError(f"expected Message, got {type(m).__name__}")
    return messages
