"""The REST API: a FastAPI app over a Gateway, guarded by token, Host/Origin checks and a rate limit."""
from __future__ import annotations

import base64
import io
import logging
import uuid
from collections.abc import AsyncIterator, Iterator
from typing import Annotated, Any

from fastapi import FastAPI, File, Path, Query, Request, Security, UploadFile
from fastapi.concurrency import run_in_threadpool
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse
from fastapi.security import HTTPBearer

from memex import __version__
from memex.errors import MemexError
from memex.interfaces.api import progress_events
from memex.interfaces.api import schemas as s
from memex.interfaces.api.export_routes import export_router
from memex.interfaces.api.security import (
    Guard,
    GuardConfig,
    ShapedTooLarge,
    guard_config,
    load_or_create_token,
)
from memex.interfaces.gateway import Gateway, NotFound, join_chunks, make_filters, sanitize_filename

log = logging.getLogger("memex.api")

DOC_ID = Annotated[int, Path(ge=1, le=2**62, description="Document id (see GET /documents).")]
BEARER = HTTPBearer(auto_error=False, description="The token printed by `memex token` (all routes but /health).")
"""Documents the scheme in OpenAPI; the Guard middleware is what enforces it, before any route runs."""
DEFAULT_MAX_BODY_KB = 1024
DEFAULT_MAX_UPLOAD_MB = 25
SSE_EVENT = {"type": "object", "description": "One Server-Sent Event: progress, answer, done or error; "
              "`data` is JSON.", "properties": {"event": {"type": "string"}, "data": {"type": "string"}}}
_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": s.ErrorOut}, 401: {"model": s.ErrorOut}, 404: {"model": s.ErrorOut},
    413: {"model": s.ErrorOut}, 429: {"model": s.ErrorOut}}


def _filters(f: s.FiltersIn | None):  # type: ignore[no-untyped-def]
    if f is None:
        return None
    return make_filters(f.path, f.tags, f.after.isoformat() if f.after else None,
                        f.before.isoformat() if f.before else None, f.langs)


def _actor(request: Request) -> str:
    return f"api:{request.client.host if request.client else '?'}"


def create_app(gateway: Gateway, guard: GuardConfig, *, max_body_bytes: int | None = None,
               max_upload_bytes: int | None = None) -> FastAPI:
    """The FastAPI app (wrapped in the security guard; CORS only for configured origins)."""
    extra = gateway.settings.extra
    max_body = max_body_bytes or int(extra.get("api_max_body_kb", DEFAULT_MAX_BODY_KB)) * 1024
    max_upload = max_upload_bytes or int(extra.get("api_max_upload_mb", DEFAULT_MAX_UPLOAD_MB)) * 2**20
    app = FastAPI(title="Memex", version=__version__, max_body_size=max_body, responses=_ERRORS, redirect_slashes=False,
                  dependencies=[Security(BEARER)],
                  description="Search and ask your notes. Every route but /health needs "
                              "`Authorization: Bearer <token>` (`memex token` prints it).")
    app.state.gateway = gateway

    @app.exception_handler(NotFound)
    async def not_found(_: Request, e: NotFound) -> JSONResponse:
        return JSONResponse({"error": str(e)}, status_code=404)

    @app.exception_handler(MemexError)
    async def bad_request(_: Request, e: MemexError) -> JSONResponse:
        return JSONResponse({"error": str(e)}, status_code=400)

    @app.exception_handler(Exception)
    async def server_error(_: Request, e: Exception) -> JSONResponse:
        err_id = uuid.uuid4().hex[:12]
        log.exception("request failed (error id %s)", err_id)  # details in the server log, not the body
        return JSONResponse({"error": "internal error", "id": err_id}, status_code=500)

    @app.get("/health", response_model=s.HealthOut, tags=["meta"])
    def health() -> dict[str, Any]:
        """Liveness; needs no token."""
        return {"status": "ok", "version": __version__}

    @app.get("/status", tags=["meta"])
    def status() -> dict[str, Any]:
        """Counts, sources, embedder and failures (as `memex status --json`)."""
        return gateway.status()

    @app.post("/search", response_model=s.SearchOut, tags=["read"])
    def search(body: s.SearchIn) -> dict[str, Any]:
        """Hybrid (keyword + meaning) search."""
        hits = gateway.search(body.query, body.k, _filters(body.filters), body.explain)
        return {"hits": [h.to_dict() for h in hits]}

    @app.post("/ask", response_model=s.AnswerOut, tags=["read"], responses={200: {"content": {
        "application/json": {}, "text/event-stream": {"schema": SSE_EVENT}}}})
    async def ask(body: s.AskIn, request: Request) -> Any:
        """Answer from the notes with citations; `stream: true` sends progress and answer events (SSE)."""
        filters = _filters(body.filters)
        actor = _actor(request)
        if not body.stream:
            answer = await run_in_threadpool(gateway.ask, body.question, filters, body.trace, actor)
            return answer.to_dict()
        return progress_events.event_stream(_ask_events(gateway, body, filters, actor))

    @app.post("/transcribe", response_model=s.TranscriptOut, tags=["voice"], max_body_size=max_upload)
    def transcribe(file: Annotated[UploadFile, File(description="A recording (WAV, MP3, M4A, OGG, FLAC, WebM).")],
                   request: Request) -> dict[str, Any]:
        """Speech to text with timed segments (the recording is not stored or indexed)."""
        return gateway.transcribe(_read_upload(file, max_upload), file.filename or "", _actor(request)).to_dict()

    @app.post("/voice/ask", response_model=s.VoiceAnswerOut, tags=["voice"], max_body_size=max_upload)
    def voice_ask(file: Annotated[UploadFile, File(description="A spoken question (WAV, MP3, M4A, OGG, WebM).")],
                  request: Request,
                  speak: Annotated[bool, Query(description="Include the spoken answer (WAV, base64).")] = True,
                  thread_id: Annotated[str | None, Query(max_length=64, pattern=r"^[A-Za-z0-9]+$", description=(
                      "Continue this conversation (POST /threads makes one): the transcript and answer are "
                      "saved as its next turn, and follow-ups are read in its light."))] = None
                  ) -> dict[str, Any]:
        """A spoken question: its transcript, the answer with citations (as /ask) and the answer spoken."""
        reply = gateway.voice_ask(_read_upload(file, max_upload), file.filename or "", _actor(request), speak,
                                  thread=thread_id)
        out = reply.to_dict()
        out["audio_wav_base64"] = base64.b64encode(reply.audio).decode("ascii") if reply.audio else None
        out["thread_id"] = thread_id
        return out

    @app.get("/documents", response_model=s.DocumentPageOut, tags=["documents"])
    def list_documents(limit: Annotated[int, Query(ge=1, le=200)] = 50,
                       offset: Annotated[int, Query(ge=0, le=10**9)] = 0,
                       path: Annotated[str | None, Query(max_length=500, pattern=s.NO_CONTROL,
                                                         description="Path glob.")] = None,
                       tag: Annotated[list[str], Query(max_length=20)] = [],  # noqa: B006 - FastAPI idiom
                       after: Annotated[s.dt.date | None, Query()] = None,
                       before: Annotated[s.dt.date | None, Query()] = None) -> dict[str, Any]:
        """Indexed documents, ordered by path, filterable and paged."""
        f = make_filters(path, tag, after.isoformat() if after else None, before.isoformat() if before else None)
        total, items = gateway.list_documents(f, limit, offset)
        return {"total": total, "limit": limit, "offset": offset, "items": [d.to_dict() for d in items]}

    @app.get("/documents/{doc_id}", response_model=s.DocumentOut, tags=["documents"])
    def get_document(doc_id: DOC_ID) -> dict[str, Any]:
        """One document: text, metadata and chunks."""
        doc = gateway.document(doc_id)
        return {**doc, "text": join_chunks([c["text"] for c in doc["chunks"]])}

    @app.post("/sources", response_model=s.SourceOut, tags=["write"], responses=progress_events.RESPONSES)
    def add_source(body: s.SourceIn, request: Request, stream: progress_events.STREAM = False) -> Any:
        """Register a folder (absolute path on this machine) and index it."""
        def work(progress: Any = None) -> dict[str, Any]:
            path, report = gateway.add_source(body.path, _actor(request), progress)
            return {"path": str(path), "report": report.to_dict()}

        if stream:
            gateway.check_source_path(body.path)  # a bad path is a 400 before the stream starts
            return progress_events.progress_response(work)
        return work()

    @app.post("/documents", response_model=s.UploadOut, tags=["write"], max_body_size=max_upload,
              responses=progress_events.RESPONSES)
    def upload(file: Annotated[UploadFile, File(description="A note or document (.md, .txt, .pdf, …).")],
               request: Request, stream: progress_events.STREAM = False) -> Any:
        """Upload a file; it is stored under the data home's uploads/ folder and indexed."""
        if stream:  # what can be refused is refused before the stream starts (400, not an error event)
            sanitize_filename(file.filename or "")
        data = io.BytesIO(_read_upload(file, max_upload)) if stream else file.file  # read before the reply starts

        def work(progress: Any = None) -> dict[str, Any]:
            target, report = gateway.upload(file.filename or "", data, max_upload, _actor(request), progress)
            doc = gateway.summary_for_path(str(target))
            return {"stored_as": str(target), "document": doc.to_dict() if doc else None,
                    "report": report.to_dict()}

        return progress_events.progress_response(work) if stream else work()

    @app.post("/sync", response_model=s.SyncOut, tags=["write"], responses=progress_events.RESPONSES)
    def sync(request: Request, stream: progress_events.STREAM = False) -> Any:
        """Re-scan every source; only changed files are re-processed."""
        def work(progress: Any = None) -> dict[str, Any]:
            return gateway.sync(_actor(request), progress).to_dict()

        return progress_events.progress_response(work) if stream else work()

    @app.delete("/documents/{doc_id}", response_model=s.DeletedOut, tags=["write"])
    def delete_document(doc_id: DOC_ID, request: Request) -> dict[str, Any]:
        """Forget a document (the file on disk is kept, except an uploaded copy)."""
        return gateway.delete_document(doc_id, _actor(request))

    @app.get("/audit", tags=["meta"])
    def audit_log(limit: Annotated[int, Query(ge=1, le=1000)] = 100,
                  action: Annotated[str | None, Query(max_length=50, pattern=s.NO_CONTROL)] = None) -> list[dict[str, Any]]:
        """Recent audited actions (writes and questions), newest first."""
        return [e.to_dict() for e in gateway.audit_log(limit, action)]

    from memex.interfaces.api.graph_routes import add_graph_routes
    add_graph_routes(app, gateway)

    _install_protocols(app, gateway, guard)
    app.include_router(export_router(gateway))
    app.add_middleware(Guard, config=guard)
    origins = sorted(guard.allowed_origins)
    if origins:  # outside the guard, so a browser's preflight (which carries no token) is answered
        app.add_middleware(CORSMiddleware, allow_origins=origins, allow_credentials=False,
                           allow_methods=["GET", "POST", "DELETE"], allow_headers=["authorization", "content-type"])
    return app


def _read_upload(file: UploadFile, max_bytes: int) -> bytes:
    data = file.file.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise MemexError(f"upload too large (over {max_bytes // 2**20} MB)")
    return data


def _install_protocols(app: FastAPI, gateway: Gateway, guard: GuardConfig) -> None:
    """Threads/memories/notes routes, the OpenAI-compatible /v1 API and the A2A agent (their own modules)."""
    from memex.interfaces.a2a import routes as a2a_routes
    from memex.interfaces.api import openai_compat, routes_notebook
    from memex.interfaces.notebook import Notebook

    notebook = app.state.notebook = Notebook(gateway)
    routes_notebook.install(app, gateway, notebook)
    openai_compat.install(app, gateway)
    a2a_routes.install(app, gateway, notebook)
    guard.public_paths = guard.public_paths | frozenset(a2a_routes.PUBLIC_PATHS)
    guard.refusal = lambda path, status, message: (openai_compat.refusal_body(path, status, message)
                                                   or a2a_routes.refusal_body(path, status, message))
    build = app.build_middleware_stack
    app.build_middleware_stack = lambda: ShapedTooLarge(build(), guard.refusal)  # type: ignore[method-assign]


def _ask_events(gateway: Gateway, body: s.AskIn, filters: Any, actor: str) -> AsyncIterator[bytes]:
    """progress (retrieving, retrieved, answering) → the pipeline's own events → answer → done; or error."""
    def stream() -> Iterator[dict[str, Any]]:
        yield {"type": "progress", "step": "retrieving"}
        hits = gateway.search(body.question, 8, filters)
        yield {"type": "progress", "step": "retrieved", "sources": list(dict.fromkeys(h.path for h in hits))}
        yield {"type": "progress", "step": "answering"}
        # One pipeline run, relayed as it goes: its steps, the model's draft tokens, the checked answer.
        yield from gateway.ask_stream(body.question, filters, body.trace, actor)

    return progress_events.answer_events(stream, "ask")


def build_app(home: Any = None, config_file: Any = None, host: str = "127.0.0.1",
              **overrides: Any) -> tuple[FastAPI, Gateway]:
    """Open the home and build the guarded app (the token is created on first run)."""
    gateway = Gateway(home, config_file, **overrides)
    token = load_or_create_token(gateway.settings.home)
    guard = guard_config(token, gateway.settings.extra, bind_host=host)
    return create_app(gateway, guard), gateway
