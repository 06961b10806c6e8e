"""Answering entry point: memory requests, threads, and the LangGraph pipeline (extractive or LLM)."""
from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from memex.domain import Answer
from memex.llm.base import ChatModel
from memex.retrieve.search import Filters
from memex.store import threads

if TYPE_CHECKING:
    from memex.agents.graph import Run
    from memex.app import Brain

EXTRACTIVE = "extractive"


def _flag(brain: Brain, options: dict[str, Any], name: str, key: str, default: bool) -> bool:
    if options.get(name) is not None:
        return bool(options[name])
    value = brain.settings.extra.get(key, default)
    return value if isinstance(value, bool) else str(value).lower() in ("1", "true", "yes", "on")


def chat_model(brain: Brain, options: dict[str, Any]) -> ChatModel | None:
    """The model to write answers: an explicit instance, an `llm` spec, else settings (None = extractive)."""
    model = options.get("model")
    if model is not None:
        return model  # type: ignore[no-any-return]
    spec = (options.get("llm") or brain.settings.llm or EXTRACTIVE).strip()
    if spec.lower() == EXTRACTIVE:
        return None
    from memex.llm import get_chat_model

    return get_chat_model(spec, brain.settings.extra)


def _run(brain: Brain, filters: Filters | None, options: dict[str, Any]) -> Run:
    from memex.agents.graph import Run

    thread = options.get("thread")
    history = threads.history(brain.conn, thread) if thread else list(options.get("history") or [])
    return Run(brain=brain, model=chat_model(brain, options), filters=filters, history=history,
               judge=_flag(brain, options, "judge", "answer_judge", False),
               rewrite=_flag(brain, options, "rewrite", "query_rewrite", False),
               expand=_flag(brain, options, "expand", "answer_expand", True),
               retry=_flag(brain, options, "retry", "answer_retry", True),
               decompose=_flag(brain, options, "decompose", "answer_decompose", True))


def _remember(brain: Brain, question: str, options: dict[str, Any]) -> Answer | None:
    # Only the user's own question can create a memory - never note text or model output.
    from memex.agents.memory import parse_remember, remember_answer

    fact = parse_remember(question)
    if fact is None or options.get("memory") is False:
        return None
    origin = f"thread {options['thread']}" if options.get("thread") else str(options.get("origin") or "ask")
    return remember_answer(brain, fact, origin)


def _save_turn(brain: Brain, question: str, answer: Answer, options: dict[str, Any]) -> None:
    if options.get("thread"):
        threads.add_turn(brain.conn, options["thread"], question, answer.answer,
                         {k: v for k, v in answer.to_dict().items() if k != "steps"})


def answer_question(brain: Brain, question: str, filters: Filters | None = None, **options: Any) -> Answer:
    """Answer `question` from the notes in `brain` (options: trace, llm, model, thread, judge, rewrite)."""
    if options.get("thread"):
        threads.require_thread(brain.conn, options["thread"])
    answer = _remember(brain, question, options)
    if answer is None:
        from memex.agents.graph import run_graph

        answer = run_graph(_run(brain, filters, options), question, bool(options.get("trace")))
    _save_turn(brain, question, answer, options)
    if not options.get("trace") and answer.steps and not answer.abstained:
        answer = Answer(answer.answer, answer.citations, answer.abstained)
    return answer


def answer_stream(brain: Brain, question: str, filters: Filters | None = None,
                  **options: Any) -> Iterator[dict[str, Any]]:
    """Like `answer_question`, as events: {"type": "step"|"token", ...} then {"type": "answer", ...}.

    Token events carry the model's draft as it is written; the final answer event holds the checked
    answer (unsupported sentences removed, or an abstention), which replaces the draft on screen.
    """
    if options.get("thread"):
        threads.require_thread(brain.conn, options["thread"])
    answer = _remember(brain, question, options)
    if answer is not None:
        yield {"type": "token", "text": answer.answer}
        _save_turn(brain, question, answer, options)
        yield {"type": "answer", **answer.to_dict()}
        return
    from memex.agents.graph import stream_graph

    for event in stream_graph(_run(brain, filters, options), question, bool(options.get("trace"))):
        if event["type"] == "answer":
            if not event.pop("streamed"):
                # Extractive answers are not generated token by token: send the checked text at once.
                yield {"type": "token", "text": event["answer"]}
            if options.get("thread"):
                threads.add_turn(brain.conn, options["thread"], question, event["answer"],
                                 {k: v for k, v in event.items() if k not in ("type", "steps")})
        yield event
