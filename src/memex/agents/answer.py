"""Answering entry point: retrieve, then answer extractively (offline default) or with an LLM pipeline."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from memex.agents.extractive import extractive_answer
from memex.domain import Answer
from memex.retrieve.search import Filters

if TYPE_CHECKING:
    from memex.app import Brain

ANSWER_CONTEXT_HITS = 8


def answer_question(brain: Brain, question: str, filters: Filters | None = None, **options: Any) -> Answer:
    """Answer `question` from the notes in `brain`."""
    hits = brain.searcher.search(question, ANSWER_CONTEXT_HITS, filters, explain=True).hits
    answer = extractive_answer(question, hits, brain.embedder)
    if not options.get("trace"):
        return Answer(answer.answer, answer.citations, answer.abstained, steps=None if not answer.abstained
                      else answer.steps)
    return answer
