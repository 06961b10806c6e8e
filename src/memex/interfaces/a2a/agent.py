"""The A2A AgentExecutor: answers, searches and (when enabled) saves notes, all through the Gateway.

A message picks its skill with `metadata.skill` or a data part `{"skill": ...}`; plain text is a
question. Each request becomes a task: working (with progress), then an artifact with a text part and a
data part (the citations, or the hits), then completed; Memex errors fail the task with a message
saying why. Messages in one A2A context form one Memex conversation thread, so follow-up questions
are understood as in `memex chat`.
"""
from __future__ import annotations

import hashlib
import logging
from typing import Any

from a2a.helpers import (
    get_data_parts,
    get_message_text,
    new_data_part,
    new_task_from_user_message,
    new_text_part,
)
from a2a.server.agent_execution import AgentExecutor, RequestContext
from a2a.server.events import EventQueue
from a2a.server.tasks import TaskUpdater
from a2a.types import Message, Part
from a2a.utils.errors import InvalidParamsError
from google.protobuf.json_format import MessageToDict

from memex.errors import MemexError
from memex.interfaces.a2a.card import ANSWER, SAVE, SEARCH
from memex.interfaces.aio import threaded
from memex.interfaces.api.openai_compat import MAX_QUESTION_CHARS, sources_section
from memex.interfaces.gateway import Gateway
from memex.interfaces.notebook import Notebook

log = logging.getLogger("memex.a2a")
ACTOR = "a2a"
MAX_K = 30
STEP_LABELS = {"plan": "Searching your notes", "retrieve": "Writing the answer",
               "synthesize": "Checking the citations", "reformulate": "Not supported yet - searching again"}
"""Pipeline steps are reported as they finish; each label says what happens next."""


def request_of(message: Message, writes: bool) -> tuple[str, dict[str, Any]]:
    """(skill, arguments) from a user message; InvalidParamsError for anything Memex cannot do."""
    args: dict[str, Any] = {}
    if message.HasField("metadata"):
        meta = MessageToDict(message.metadata)
        if isinstance(meta.get("skill"), str):
            args.update(meta)
    for data in get_data_parts(message.parts):
        if isinstance(data, dict) and isinstance(data.get("skill"), str):
            args.update(data)
            break
    skill = str(args.pop("skill", ANSWER))
    text = get_message_text(message).strip()
    if skill not in (ANSWER, SEARCH, SAVE):
        raise InvalidParamsError(message=f"unknown skill {skill[:60]!r}: use {ANSWER}, {SEARCH} or {SAVE}")
    if skill == SAVE and not writes:
        raise InvalidParamsError(message="saving notes is turned off (set a2a_write_tools = true in the config)")
    if skill == SAVE:
        body = str(args.get("text") or text).strip()
        if not body:
            raise InvalidParamsError(message="save-note needs the note's text")
        return skill, {"title": str(args.get("title") or "") or None, "text": body, "daily": args.get("daily") is True}
    query = str(args.get("query") or text).strip()
    if not query:
        raise InvalidParamsError(message="the message has no text to answer or search for")
    if len(query) > MAX_QUESTION_CHARS:
        raise InvalidParamsError(message=f"the text is {len(query)} characters; at most {MAX_QUESTION_CHARS}")
    if skill == SEARCH:
        k = args.get("k", 8)
        if not isinstance(k, int | float) or not 1 <= int(k) <= MAX_K:
            raise InvalidParamsError(message=f"k must be a number from 1 to {MAX_K}")
        return skill, {"query": query, "k": int(k)}
    return skill, {"question": query}


def thread_for(context_id: str) -> str:
    """The Memex thread that holds an A2A context's conversation (a stable id derived from the context)."""
    return "a2a" + hashlib.sha256(context_id.encode()).hexdigest()[:20]


class MemexAgent(AgentExecutor):
    """Memex behind the A2A protocol."""

    def __init__(self, gateway: Gateway, notebook: Notebook, writes: bool) -> None:
        self.gateway = gateway
        self.notebook = notebook
        self.writes = writes

    async def execute(self, context: RequestContext, event_queue: EventQueue) -> None:
        message = context.message
        if message is None:
            raise InvalidParamsError(message="no message")
        skill, args = request_of(message, self.writes)
        task = context.current_task
        if task is None:
            task = new_task_from_user_message(message)
            await event_queue.enqueue_event(task)
        updater = TaskUpdater(event_queue, task.id, task.context_id)
        try:
            if skill == ANSWER:
                parts = await self._answer(args["question"], task.context_id, updater)
            elif skill == SEARCH:
                parts = await self._search(args["query"], args["k"], updater)
            else:
                parts = await self._save(args["title"], args["text"], args["daily"], updater)
        except MemexError as e:
            await updater.failed(updater.new_agent_message([new_text_part(str(e))]))
            return
        await updater.add_artifact(parts, name=skill, last_chunk=True)
        await updater.complete()

    async def cancel(self, context: RequestContext, event_queue: EventQueue) -> None:
        # The framework has already cancelled execute(); a question running on a worker thread finishes
        # on its own, and its result is dropped.
        updater = TaskUpdater(event_queue, context.task_id or "", context.context_id or "")
        await updater.cancel(updater.new_agent_message([new_text_part("Cancelled.")]))

    async def _progress(self, updater: TaskUpdater, text: str) -> None:
        await updater.start_work(updater.new_agent_message([new_text_part(text)]))

    async def _answer(self, question: str, context_id: str, updater: TaskUpdater) -> list[Part]:
        await self._progress(updater, "Searching your notes")
        tid = thread_for(context_id)
        if not self.notebook.thread_exists(tid):
            self.notebook.create_thread(question, actor=ACTOR, thread_id=tid)
        final: dict[str, Any] | None = None
        async for event in threaded(lambda: self.gateway.ask_stream(
                question, None, False, ACTOR, thread=tid, memory=self.writes)):
            if event.get("type") == "step" and event.get("step") in STEP_LABELS:
                await self._progress(updater, STEP_LABELS[event["step"]])
            elif event.get("type") == "answer":
                final = event
        if final is None:
            raise MemexError("no answer was produced")
        sources = [s["path"] for s in self.gateway.status()["sources"]]
        text = final["answer"] + sources_section(final, sorted(sources, key=len, reverse=True))
        data = {"answer": final["answer"], "abstained": bool(final["abstained"]),
                "citations": [{"n": c["n"], "path": c["path"], "chunk_id": c["chunk_id"], "quote": c["quote"],
                               "location": c["location"]} for c in final["citations"]]}
        return [new_text_part(text, "text/markdown"), new_data_part(data, "application/json")]

    async def _search(self, query: str, k: int, updater: TaskUpdater) -> list[Part]:
        await self._progress(updater, "Searching your notes")
        hits = await _run(self.gateway.search, query, k)
        lines = [f"{i}. {h.path} ({h.location.to_dict()})\n   {' '.join(h.text.split())[:300]}"
                 for i, h in enumerate(hits, start=1)]
        text = "\n".join(lines) if lines else "No matching notes."
        data = {"hits": [{"rank": i, **h.to_dict()} for i, h in enumerate(hits, start=1)]}
        return [new_text_part(text), new_data_part(data, "application/json")]

    async def _save(self, title: str | None, text: str, daily: bool, updater: TaskUpdater) -> list[Part]:
        await self._progress(updater, "Saving the note")
        saved = await (_run(self.notebook.append_daily, text, ACTOR) if daily
                       else _run(self.notebook.new_note, title, text, ACTOR))
        return [new_text_part(f"Saved to {saved['path']}" + ("" if saved["indexed"] else " (not indexed: "
                                                              f"{saved['error']})")),
                new_data_part(saved, "application/json")]


async def _run(fn: Any, *args: Any) -> Any:
    from fastapi.concurrency import run_in_threadpool

    return await run_in_threadpool(fn, *args)
