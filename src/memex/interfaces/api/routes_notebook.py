"""REST routes for conversation threads, remembered facts and quick capture (see interfaces/notebook.py)."""
from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, FastAPI, Path, Request
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, ConfigDict, Field

from memex.ingest.capture import MAX_TEXT_CHARS, MAX_TITLE_CHARS
from memex.interfaces.api import progress_events
from memex.interfaces.api.schemas import TEXT, AnswerOut, CitationOut, DocumentSummaryOut
from memex.interfaces.gateway import Gateway
from memex.interfaces.notebook import Notebook

THREAD_ID = Annotated[str, Path(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9]+$",
                                description="Thread id (see GET /threads).")]
MEMORY_ID = Annotated[str, Path(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9-]+$",
                                description="Memory id (see GET /memories).")]


class ThreadSummaryOut(BaseModel):
    """A conversation thread without its turns."""

    id: str
    title: str
    created_at: float
    updated_at: float
    turns: int


class ThreadListOut(BaseModel):
    """Threads, most recently used first."""

    threads: list[ThreadSummaryOut]


class TurnOut(BaseModel):
    """One question and its answer."""

    question: str
    answer: str
    citations: list[CitationOut]
    abstained: bool
    at: float


class ThreadOut(BaseModel):
    """A thread with every turn, oldest first."""

    id: str
    title: str
    created_at: float
    updated_at: float
    turns: list[TurnOut]


class ThreadIn(BaseModel):
    """A new thread; the title defaults to its first question."""

    model_config = ConfigDict(extra="forbid")
    title: str = Field("", max_length=200)


class ThreadAskIn(BaseModel):
    """A question that continues a thread (follow-ups are understood in context)."""

    model_config = ConfigDict(extra="forbid")
    question: str = Field(..., min_length=1, max_length=2000, pattern=TEXT)
    stream: bool = Field(False, description="Reply as text/event-stream (progress, token, answer, done).")


class DeletedThreadOut(BaseModel):
    """A forgotten thread."""

    id: str
    deleted: bool


class MemoryOut(BaseModel):
    """A remembered fact (kept as a note in <home>/memories, so answers can cite it)."""

    id: str
    path: str
    fact: str
    date: str
    origin: str
    remembered_at: str | None = None


class MemoryListOut(BaseModel):
    """Remembered facts, oldest first."""

    memories: list[MemoryOut]


class MemoryIn(BaseModel):
    """A fact to remember."""

    model_config = ConfigDict(extra="forbid")
    fact: str = Field(..., min_length=1, max_length=4000, pattern=TEXT)


class NoteIn(BaseModel):
    """A new note; written into the inbox folder (config `capture_inbox`) and indexed."""

    model_config = ConfigDict(extra="forbid")
    title: str | None = Field(None, max_length=MAX_TITLE_CHARS, description="Default: the first line of the text.")
    text: str = Field(..., min_length=1, max_length=MAX_TEXT_CHARS, pattern=TEXT)


class DailyIn(BaseModel):
    """A line (or a few) for today's daily note."""

    model_config = ConfigDict(extra="forbid")
    text: str = Field(..., min_length=1, max_length=MAX_TEXT_CHARS, pattern=TEXT)


class CapturedOut(BaseModel):
    """Where a captured note was written, and its document once indexed."""

    path: str
    document: DocumentSummaryOut | None
    indexed: bool
    error: str | None = None


class PlacesOut(BaseModel):
    """Where quick capture writes."""

    inbox: str
    daily_folder: str
    daily_format: str


def _actor(request: Request) -> str:
    return f"api:{request.client.host if request.client else '?'}"


def install(app: FastAPI, gateway: Gateway, notebook: Notebook) -> None:
    """Add /threads, /memories and /notes to the API app."""
    threads = APIRouter(prefix="/threads", tags=["threads"])
    memories = APIRouter(prefix="/memories", tags=["memories"])
    notes = APIRouter(prefix="/notes", tags=["capture"])

    @threads.get("", response_model=ThreadListOut)
    def list_threads() -> dict[str, Any]:
        """Conversation threads (from `memex chat`, the web UI, A2A or this API), most recent first."""
        return {"threads": notebook.list_threads()}

    @threads.post("", response_model=ThreadOut, status_code=201)
    def create_thread(body: ThreadIn, request: Request) -> dict[str, Any]:
        """Start a thread; ask in it with POST /threads/{id}/ask."""
        return notebook.create_thread(body.title, _actor(request))

    @threads.get("/{thread_id}", response_model=ThreadOut)
    def read_thread(thread_id: THREAD_ID) -> dict[str, Any]:
        """A thread with every question, answer and its citations."""
        return notebook.thread(thread_id)

    @threads.post("/{thread_id}/ask", response_model=AnswerOut, responses={200: {"content": {
        "application/json": {}, "text/event-stream": {}}}})
    async def continue_thread(thread_id: THREAD_ID, body: ThreadAskIn, request: Request) -> Any:
        """Ask in a thread: the question is read in the light of the earlier turns and saved as a new turn."""
        notebook.require_thread(thread_id)
        actor = _actor(request)
        if body.stream:
            return progress_events.event_stream(progress_events.answer_events(
                lambda: gateway.ask_stream(body.question, None, False, actor, thread=thread_id), "thread ask"))
        answer = await run_in_threadpool(gateway.ask, body.question, None, False, actor, thread=thread_id)
        return answer.to_dict()

    @threads.delete("/{thread_id}", response_model=DeletedThreadOut)
    def delete_thread(thread_id: THREAD_ID, request: Request) -> dict[str, Any]:
        """Forget a thread and its turns (notes are not touched)."""
        return notebook.delete_thread(thread_id, _actor(request))

    @memories.get("", response_model=MemoryListOut)
    def list_memories() -> dict[str, Any]:
        """Facts you asked Memex to remember."""
        return {"memories": notebook.memories()}

    @memories.post("", response_model=MemoryOut, status_code=201)
    def remember(body: MemoryIn, request: Request) -> dict[str, Any]:
        """Remember a fact: it becomes a note that answers can cite."""
        return notebook.remember(body.fact, _actor(request))

    @memories.delete("/{memory_id}", response_model=MemoryOut)
    def forget(memory_id: MEMORY_ID, request: Request) -> dict[str, Any]:
        """Forget a fact (its note is deleted and leaves the index)."""
        return notebook.forget(memory_id, _actor(request))

    @notes.get("/places", response_model=PlacesOut)
    def places() -> dict[str, Any]:
        """Where new notes and daily notes are written (config keys capture_inbox, capture_daily_folder)."""
        return notebook.places().to_dict()

    @notes.post("", response_model=CapturedOut, status_code=201)
    def new_note(body: NoteIn, request: Request) -> dict[str, Any]:
        """Write a new Markdown note into the inbox folder (never overwriting) and index it."""
        return notebook.new_note(body.title, body.text, _actor(request))

    @notes.post("/daily", response_model=CapturedOut)
    def append_daily(body: DailyIn, request: Request) -> dict[str, Any]:
        """Append a timestamped line to today's daily note (created if missing) and index it."""
        return notebook.append_daily(body.text, _actor(request))

    for router in (threads, memories, notes):
        app.include_router(router)
