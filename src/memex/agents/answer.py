"""Answering entry point: memory requests, threads, and the LangGraph pipeline (extractive or LLM).

Answering gets the narrow parts it needs (`AnswerParts`: a searcher, an embedder, the store connection,
the settings, and for "remember that ..." something that can index a note), never the Brain: nothing in
agents/ imports app.py.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from memex.config import Settings
from memex.domain import Answer
from memex.embed.base import Embedder
from memex.errors import MemexError
from memex.llm.base import ChatModel
from memex.retrieve.search import Filters, Searcher
from memex.store import threads

if TYPE_CHECKING:
    from memex.agents.graph import Run
    from memex.agents.memory import Notebook

EXTRACTIVE = "extractive"
MAX_QUESTION_CHARS = 4000
"""Longer questions are cut here (a pasted document is not a question; search and scoring stay bounded)."""


@dataclass
class AnswerParts:
    """What answering needs from the rest of Memex, loaded on first use."""

    conn: sqlite3.Connection
    """The store: conversation threads live there."""
    settings: Settings
    searcher_factory: Callable[[], Searcher]
    embedder_factory: Callable[[], Embedder]
    notebook: Notebook | None = None
    """Indexes memory notes ("remember that ..."); None: memories are refused."""
    _searcher: Searcher | None = field(default=None, repr=False)
    _embedder: Embedder | None = field(default=None, repr=False)

    @property
    def searcher(self) -> Searcher:
        if self._searcher is None:
            self._searcher = self.searcher_factory()
        return self._searcher

    @property
    def embedder(self) -> Embedder:
        if self._embedder is None:
            self._embedder = self.embedder_factory()
        return self._embedder


def _flag(parts: AnswerParts, options: dict[str, Any], name: str, key: str, default: bool) -> bool:
    if options.get(name) is not None:
        return bool(options[name])
    value = parts.settings.extra.get(key, default)
    return value if isinstance(value, bool) else str(value).lower() in ("1", "true", "yes", "on")


def chat_model(parts: AnswerParts, options: dict[str, Any]) -> ChatModel | None:
    """The model to write answers: an explicit instance, an `llm` spec, else settings (None = extractive)."""
    model = options.get("model")
    if model is not None:
        return model  # type: ignore[no-any-return]
    spec = (options.get("llm") or parts.settings.llm or EXTRACTIVE).strip()
    if spec.lower() == EXTRACTIVE:
        return None
    from memex.llm import get_chat_model

    return get_chat_model(spec, parts.settings.extra)


def judge_model(parts: AnswerParts, options: dict[str, Any], model: ChatModel | None) -> ChatModel | None:
    """The model that confirms support (`answer_judge`): a "provider:model" spec, or true for the answer model."""
    value = options.get("judge")
    if value is None:
        value = parts.settings.extra.get("answer_judge", False)
    if isinstance(value, ChatModel):
        return value
    if isinstance(value, str) and ":" in value:
        from memex.llm import get_chat_model

        return get_chat_model(value.strip(), parts.settings.extra)
    on = value if isinstance(value, bool) else str(value).lower() in ("1", "true", "yes", "on")
    return model if on else None


def _run(parts: AnswerParts, filters: Filters | None, options: dict[str, Any]) -> Run:
    from memex.agents.graph import Run

    thread = options.get("thread")
    history = threads.history(parts.conn, thread) if thread else list(options.get("history") or [])
    model = chat_model(parts, options)
    return Run(parts=parts, model=model, filters=filters, history=history,
               judge_model=judge_model(parts, options, model),
               rewrite=_flag(parts, options, "rewrite", "query_rewrite", False),
               expand=_flag(parts, options, "expand", "answer_expand", True),
               retry=_flag(parts, options, "retry", "answer_retry", True),
               decompose=_flag(parts, options, "decompose", "answer_decompose", True))


def _remember(parts: AnswerParts, question: str, options: dict[str, Any]) -> Answer | None:
    # Only the user's own question can create a memory - never note text or model output.
    from memex.agents.memory import parse_remember, remember_answer

    fact = parse_remember(question)
    if fact is None or options.get("memory") is False:
        return None
    if parts.notebook is None:
        raise MemexError("memories cannot be stored from here")
    origin = f"thread {options['thread']}" if options.get("thread") else str(options.get("origin") or "ask")
    return remember_answer(parts.notebook, fact, origin)


def _save_turn(parts: AnswerParts, question: str, answer: Answer, options: dict[str, Any]) -> None:
    if options.get("thread"):
        threads.add_turn(parts.conn, options["thread"], question, answer.answer,
                         {k: v for k, v in answer.to_dict().items() if k != "steps"})


def clean_question(question: str) -> str:
    """The question as answering uses it: whitespace collapsed, at most MAX_QUESTION_CHARS characters."""
    q = " ".join(question.split())
    if not q:
        raise MemexError("empty question")
    return q[:MAX_QUESTION_CHARS]


def answer_question(parts: AnswerParts, question: str, filters: Filters | None = None, **options: Any) -> Answer:
    """Answer `question` from the notes (options: trace, llm, model, thread, judge, rewrite, expand, ...)."""
    question = clean_question(question)
    if options.get("thread"):
        threads.require_thread(parts.conn, options["thread"])
    answer = _remember(parts, question, options)
    if answer is None:
        from memex.agents.graph import run_graph

        answer = run_graph(_run(parts, filters, options), question, bool(options.get("trace")))
    _save_turn(parts, question, answer, options)
    if not options.get("trace") and answer.steps and not answer.abstained:
        answer = Answer(answer.answer, answer.citations, answer.abstained)
    return answer


def answer_stream(parts: AnswerParts, question: str, filters: Filters | None = None,
                  **options: Any) -> Iterator[dict[str, Any]]:
    """Like `answer_question`, as events: {"type": "step"|"token", ...} then {"type": "answer", ...}.

    Token events carry the model's draft as it is written; the final answer event holds the checked
    answer (unsupported sentences removed, or an abstention), which replaces the draft on screen.
    """
    question = clean_question(question)
    if options.get("thread"):
        threads.require_thread(parts.conn, options["thread"])
    answer = _remember(parts, question, options)
    if answer is not None:
        yield {"type": "token", "text": answer.answer}
        _save_turn(parts, question, answer, options)
        yield {"type": "answer", **answer.to_dict()}
        return
    from memex.agents.graph import stream_graph

    for event in stream_graph(_run(parts, filters, options), question, bool(options.get("trace"))):
        if event["type"] == "answer":
            if not event.pop("streamed"):
                # Extractive answers are not generated token by token: send the checked text at once.
                yield {"type": "token", "text": event["answer"]}
            if options.get("thread"):
                threads.add_turn(parts.conn, options["thread"], question, event["answer"],
                                 {k: v for k, v in event.items() if k not in ("type", "steps")})
        yield event
