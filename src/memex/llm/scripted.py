"""Scripted chat models: the one place the project fakes the LLM boundary (tests, examples, demos).

- `ScriptedChatModel(replies)`: an in-process ChatModel that answers from a list of replies or from a
  function of the messages, and records every conversation in `.history`.
- `obedient()`: a reply function that behaves like a gullible LLM and follows instructions injected
  into user/context text; use it to prove a prompt-injection defence actually defends.
- `echo`: a reply function returning the last user message.
- The HTTP servers in `memex.llm.scripted_servers` (`ScriptedOpenAIServer`, `ScriptedOllamaServer`,
  `ScriptedAnthropicServer`, re-exported here) speak the real wire protocols on 127.0.0.1, so the
  HTTP providers are tested over real sockets.
"""
from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterator
from typing import Any

from memex.llm.base import LLMError, Message, check_messages

ReplyFn = Callable[[list[Message]], str]
Replies = list[str] | ReplyFn
DEFAULT_CONTEXT_WINDOW = 8192

_TOKEN = re.compile(r"\s*\S+|\s+")


def word_tokens(text: str) -> list[str]:
    """Split text into word-sized stream deltas (leading whitespace kept), which concatenate back to it."""
    return _TOKEN.findall(text)


class Script:
    """A thread-safe source of replies: pops from a list, or calls a function of the messages."""

    def __init__(self, replies: Replies) -> None:
        if not callable(replies) and not isinstance(replies, list | tuple):
            raise TypeError("replies must be a list of strings or a function of the messages")
        self._replies = replies if callable(replies) else list(replies)
        self._lock = threading.Lock()

    @property
    def remaining(self) -> int | None:
        """Replies left in a list script; None for a function script (never runs out)."""
        return None if callable(self._replies) else len(self._replies)

    def next(self, messages: list[Message]) -> str:
        """The reply to `messages`; LLMError when a list script has run out."""
        if callable(self._replies):
            return str(self._replies(messages))
        with self._lock:
            if not self._replies:
                raise LLMError("scripted model ran out of replies (the test asked more often than it scripted)")
            return self._replies.pop(0)


def shape_reply(text: str, max_tokens: int | None, stop: list[str] | None) -> str:
    """Apply stop sequences and a max_tokens limit (counted in word tokens) the way a real server would."""
    for s in stop or []:
        if s and s in text:
            text = text[:text.index(s)]
    if max_tokens is not None:
        text = "".join(word_tokens(text)[:max(max_tokens, 0)])
    return text


class ScriptedChatModel:
    """An in-process ChatModel answering from a script; `.history` holds every message list it was sent."""

    def __init__(self, replies: Replies, *, name: str = "scripted",
                 context_window: int = DEFAULT_CONTEXT_WINDOW) -> None:
        self.name = name if ":" in name else f"scripted:{name}"
        self.context_window = context_window
        self.history: list[list[Message]] = []
        """The messages of every call, in order."""
        self.calls: list[dict[str, Any]] = []
        """The keyword arguments (max_tokens, temperature, stop, stream) of every call."""
        self._script = Script(replies)

    @property
    def remaining(self) -> int | None:
        """Scripted replies not yet used (None for a function script)."""
        return self._script.remaining

    def complete(self, messages: list[Message], *, max_tokens: int | None = None,
                 temperature: float = 0.0, stop: list[str] | None = None) -> str:
        """Record the call and return the next scripted reply."""
        return self._answer(messages, max_tokens, temperature, stop, False)

    def stream(self, messages: list[Message], *, max_tokens: int | None = None,
               temperature: float = 0.0, stop: list[str] | None = None) -> Iterator[str]:
        """Record the call and yield the next scripted reply as word tokens."""
        yield from word_tokens(self._answer(messages, max_tokens, temperature, stop, True))

    def _answer(self, messages: list[Message], max_tokens: int | None, temperature: float,
                stop: list[str] | None, stream: bool) -> str:
        messages = list(check_messages(messages))
        self.history.append(messages)
        self.calls.append({"max_tokens": max_tokens, "temperature": temperature,
                           "stop": stop, "stream": stream})
        return shape_reply(self._script.next(messages), max_tokens, stop)


def echo(messages: list[Message]) -> str:
    """Reply with the last user message (a smoke-test script)."""
    return next((m.content for m in reversed(messages) if m.role == "user"), "")


_QUOTED = re.compile(r"""^\s*(["'`\u201c\u2018])(.+?)(["'`\u201d\u2019])""")
_IGNORE = re.compile(
    r"\b(?:ignore|disregard|forget)\s+(?:all\s+|any\s+)?(?:of\s+)?(?:the\s+|your\s+)?"
    r"(?:previous|prior|above|earlier|preceding|system)\s+(?:instructions|directions|rules|prompts?)\b"
    r"[\s,.;:!-]*(?P<rest>.*)", re.I | re.S)
_DIRECTIVE = re.compile(
    r"(?:^|[.!?:;\n]\s*|\b(?:and|then|instead|now|just|please)\s+)"
    r"(?:please\s+)?(?:say|reply\s+(?:only\s+)?with|respond\s+(?:only\s+)?with|answer\s+(?:only\s+)?with"
    r"|output|print|write|include)\b\s*:?\s*(?P<x>[^\n]+)", re.I)
_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\s]+\)")
IGNORED_REPLY = "OK, I have ignored my previous instructions."


def _clean(x: str) -> str:
    m = _QUOTED.match(x)
    if m:
        return m.group(2)
    return x.strip().rstrip(".!").strip()


def obedient(default: str = "I don't know.") -> ReplyFn:
    """A reply function that obeys instructions it finds in user messages, like a gullible LLM.

    System messages are never read (they hold our own instructions), so put retrieved context in a
    user message - as a real prompt does - for this model to be fooled by it. First match wins:

    1. "ignore/disregard (all) previous instructions [and] say|reply with|output X" -> X
       (bare "ignore previous instructions" -> IGNORED_REPLY);
    2. a markdown image `![alt](url)` anywhere in a user message -> the image(s), verbatim
       (the data-exfiltration channel of rendered answers);
    3. a directive "say|reply with|respond with|answer with|output|print|write|include X" at the start of a
       sentence -> X.

    X is the quoted text when it starts with a quote ("X", 'X', `X`), else the rest of the line minus a
    trailing period. With no instruction found the reply is `default`.
    """
    def reply(messages: list[Message]) -> str:
        texts = [m.content for m in messages if m.role == "user"]
        for text in texts:
            m = _IGNORE.search(text)
            if m:
                d = _DIRECTIVE.search(m.group("rest").split("\n", 1)[0].lstrip())
                return _clean(d.group("x")) if d else IGNORED_REPLY
        for text in texts:
            images = _IMAGE.findall(text)
            if images:
                return "\n".join(images)
        for text in texts:
            d = _DIRECTIVE.search(text)
            if d:
                return _clean(d.group("x"))
        return default

    return reply


SCRIPTS: dict[str, Callable[[], ReplyFn]] = {
    "echo": lambda: echo,
    "obedient": obedient,
    "idk": lambda: (lambda messages: "I don't know."),
    "yes": lambda: (lambda messages: "YES"),
    "no": lambda: (lambda messages: "NO"),
}
"""Named scripts for the "scripted:<name>" spec (CLI and config use; tests usually build their own)."""


def scripted_model(name: str, context_window: int = DEFAULT_CONTEXT_WINDOW) -> ScriptedChatModel:
    """The ScriptedChatModel for a "scripted:<name>" spec."""
    make = SCRIPTS.get(name)
    if make is None:
        raise LLMError(f"unknown scripted model {name!r}: valid names are {', '.join(sorted(SCRIPTS))}")
    return ScriptedChatModel(make(), name=name, context_window=context_window)


def __getattr__(attr: str) -> Any:
    # The servers live in their own module (they are bigger); import them on first use from here.
    if attr in ("ScriptedOpenAIServer", "ScriptedOllamaServer", "ScriptedAnthropicServer"):
        from memex.llm import scripted_servers

        return getattr(scripted_servers, attr)
    raise AttributeError(f"module {__name__!r} has no attribute {attr!r}")
