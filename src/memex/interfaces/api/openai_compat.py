"""An OpenAI-compatible API under /v1: models, chat completions (plain and streamed) and embeddings.

Any chat app that speaks the OpenAI API (Open WebUI, LibreChat, Continue, the `openai` client) can
point at `memex serve` and get answers from the user's notes: the reply carries `[n]` markers and ends
with a plain "Sources" list, and the response has a structured `citations` array as well. The routes
sit behind the same guard as the rest of the API (bearer token, Host/Origin, rate limit, body size)
and answers go through the Gateway, so they are audited like `POST /ask`. Errors use OpenAI's shape:
`{"error": {"message", "type", "param", "code"}}`.
"""
from __future__ import annotations

import base64
import json
import logging
import re
import time
import unicodedata
import uuid
from collections.abc import AsyncIterator, Iterator
from typing import Any, Literal

import numpy as np
from fastapi import APIRouter, FastAPI, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exception_handlers import http_exception_handler, request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, StreamingResponse
from pydantic import BaseModel, ConfigDict, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from memex.domain import Answer
from memex.errors import MemexError
from memex.interfaces.aio import threaded
from memex.interfaces.gateway import Gateway

log = logging.getLogger("memex.api.v1")

PREFIX = "/v1"
MODEL = "memex"
"""Answers from the notes with the configured answerer (extractive unless an LLM is configured)."""
EXTRACTIVE = "extractive"
MAX_MESSAGES = 1000
MAX_QUESTION_CHARS = 8000
HISTORY_TURNS = 20
MAX_EMBED_INPUTS = 2048
MAX_EMBED_CHARS = 100_000
SOURCES_HEADING = "Sources:"
SEARCHING_AGAIN = "\n\n(not supported by the notes found - searching again)\n\n"
CHECKED = "\n\n---\nChecked against your notes:\n\n"
_WORDS = re.compile(r"\w+|[^\w\s]")


class OpenAIError(Exception):
    """An error answered in OpenAI's JSON shape."""

    def __init__(self, status: int, message: str, type_: str = "invalid_request_error",
                 code: str | None = None, param: str | None = None) -> None:
        super().__init__(message)
        self.status, self.message, self.type, self.code, self.param = status, message, type_, code, param

    def body(self) -> dict[str, Any]:
        """The JSON body."""
        return error_body(self.message, self.type, self.code, self.param)


def error_body(message: str, type_: str = "invalid_request_error", code: str | None = None,
               param: str | None = None) -> dict[str, Any]:
    """OpenAI's error object."""
    return {"error": {"message": message, "type": type_, "param": param, "code": code}}


_REFUSALS = {401: ("invalid_request_error", "invalid_api_key"), 403: ("invalid_request_error", "forbidden"),
             413: ("invalid_request_error", "request_too_large"), 415: ("invalid_request_error", "unsupported_media_type"),
             421: ("invalid_request_error", "misdirected_request"), 429: ("requests", "rate_limit_exceeded")}


def refusal_body(path: str, status: int, message: str) -> dict[str, Any] | None:
    """The security guard's refusals on /v1 paths, in OpenAI's shape (None: not a /v1 path)."""
    if not (path == PREFIX or path.startswith(PREFIX + "/")):
        return None
    type_, code = _REFUSALS.get(status, ("invalid_request_error", None))
    return error_body(message, type_, code)


class OpenAIErrorDetail(BaseModel):
    """OpenAI's error object."""

    message: str
    type: str
    param: str | None = None
    code: str | None = None


class OpenAIErrorOut(BaseModel):
    """An error as OpenAI's API answers it."""

    error: OpenAIErrorDetail


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"model": OpenAIErrorOut} for status in (400, 401, 404, 413, 415, 429, 500)}


# ---- request bodies -------------------------------------------------------------------------------
class ContentPart(BaseModel):
    """One part of a message's content; only text parts can be read."""

    model_config = ConfigDict(extra="allow")
    type: str
    text: str | None = None


class ChatMessage(BaseModel):
    """A message of the conversation."""

    model_config = ConfigDict(extra="allow")
    role: Literal["system", "developer", "user", "assistant", "tool", "function"]
    content: str | list[ContentPart] | None = None
    name: str | None = None
    tool_calls: list[Any] | None = None
    function_call: Any | None = None


class StreamOptions(BaseModel):
    """`stream_options`."""

    model_config = ConfigDict(extra="allow")
    include_usage: bool | None = None


class ChatRequest(BaseModel):
    """POST /v1/chat/completions. Unknown fields are accepted and ignored, as OpenAI-compatible servers do."""

    model_config = ConfigDict(extra="allow")
    model: str = Field(..., max_length=300)
    messages: list[ChatMessage]
    stream: bool | None = False
    stream_options: StreamOptions | None = None
    temperature: float | None = Field(None, ge=0, le=2)
    top_p: float | None = Field(None, ge=0, le=1)
    max_tokens: int | None = Field(None, ge=1)
    max_completion_tokens: int | None = Field(None, ge=1)
    n: int | None = Field(None, ge=1, le=128)
    user: str | dict[str, Any] | None = None
    tools: list[Any] | None = None
    tool_choice: Any | None = None
    functions: list[Any] | None = None
    function_call: Any | None = None
    response_format: dict[str, Any] | None = None


class EmbeddingRequest(BaseModel):
    """POST /v1/embeddings."""

    model_config = ConfigDict(extra="allow")
    model: str = Field(..., max_length=300)
    input: str | list[str] | list[int] | list[list[int]]
    encoding_format: Literal["float", "base64"] | None = "float"
    dimensions: int | None = Field(None, ge=1)
    user: str | None = None


# ---- helpers ----------------------------------------------------------------------------------------
def count_tokens(text: str) -> int:
    """An approximate token count (words and punctuation), for `usage`."""
    return len(_WORDS.findall(text))


def _text_of(message: ChatMessage, index: int) -> str:
    content = message.content
    if content is None:
        return ""
    if isinstance(content, str):
        return content
    texts = []
    for part in content:
        if part.type in ("text", "input_text"):
            texts.append(part.text or "")
        else:
            raise OpenAIError(400, f"messages[{index}]: content parts of type {part.type!r} are not supported; "
                                   "Memex answers from text", param=f"messages[{index}].content")
    return "\n".join(texts)


def strip_sources(answer: str) -> str:
    """An earlier Memex reply without its Sources list (history should hold the answer, not the list)."""
    cut = answer.rfind(f"\n\n{SOURCES_HEADING}\n")
    answer = answer[:cut] if cut != -1 else answer
    cut = answer.find(CHECKED)
    return answer[cut + len(CHECKED):] if cut != -1 else answer


def conversation(messages: list[ChatMessage]) -> tuple[str, list[tuple[str, str]]]:
    """The question (the last user message) and the earlier (question, answer) pairs."""
    if not messages:
        raise OpenAIError(400, "messages must not be empty", param="messages")
    if len(messages) > MAX_MESSAGES:
        raise OpenAIError(400, f"{len(messages)} messages is too many; Memex reads at most {MAX_MESSAGES} "
                               f"(and uses the last {HISTORY_TURNS} exchanges as history)", param="messages")
    for i, m in enumerate(messages):
        if m.role in ("tool", "function") or m.tool_calls or m.function_call:
            raise OpenAIError(400, f"messages[{i}]: Memex does not call tools or functions",
                              param=f"messages[{i}]")
    if messages[-1].role != "user":
        raise OpenAIError(400, "the last message must be the user's question", param="messages")
    history: list[tuple[str, str]] = []
    pending: list[str] = []
    for i, m in enumerate(messages[:-1]):
        text = _text_of(m, i).strip()
        if m.role == "user" and text:
            pending.append(text)
        elif m.role == "assistant" and pending:
            history.append((" ".join(pending), strip_sources(text).strip()))
            pending = []
    question = " ".join([*pending, _text_of(messages[-1], len(messages) - 1).strip()]).strip()
    if not question:
        raise OpenAIError(400, "the last user message is empty", param="messages")
    if len(question) > MAX_QUESTION_CHARS:
        raise OpenAIError(400, f"the question is {len(question)} characters; at most {MAX_QUESTION_CHARS}",
                          param="messages")
    if any(unicodedata.category(ch) == "Cc" and ch not in "\n\t\r" for ch in question):
        raise OpenAIError(400, "the question contains control characters", param="messages")
    return question, history[-HISTORY_TURNS:]


def _check_request(body: ChatRequest) -> None:
    if body.tools or body.functions or (body.tool_choice not in (None, "none", "auto")) or body.function_call:
        raise OpenAIError(400, "Memex does not call tools or functions: send messages without `tools`",
                          param="tools")
    if body.n not in (None, 1):
        raise OpenAIError(400, "only n = 1 is supported", param="n")
    fmt = (body.response_format or {}).get("type", "text")
    if fmt != "text":
        raise OpenAIError(400, f"response_format {fmt!r} is not supported; Memex answers in text",
                          param="response_format")


def _clean_user(user: Any) -> str | None:
    if isinstance(user, dict):
        user = user.get("id") or user.get("name")
    if not isinstance(user, str) or not user:
        return None
    return "".join(ch for ch in user if unicodedata.category(ch)[0] not in "CZ" or ch == " ")[:64] or None


def source_label(c: dict[str, Any], sources: list[str]) -> str:
    """'path (relative to its source) › heading, page/lines'."""
    path = c["path"]
    for root in sources:
        if path.startswith(root.rstrip("/") + "/"):
            path = path[len(root.rstrip("/")) + 1:]
            break
    loc = c.get("location") or {}
    where = []
    if loc.get("heading"):
        where.append(f"§ {loc['heading']}")
    if loc.get("page"):
        where.append(f"page {loc['page']}")
    if loc.get("start_line"):
        end = loc.get("end_line")
        where.append(f"lines {loc['start_line']}–{end}" if end and end != loc["start_line"]
                     else f"line {loc['start_line']}")
    return path + (f" ({', '.join(where)})" if where else "")


def sources_section(answer: dict[str, Any], sources: list[str]) -> str:
    """The plain "Sources" list appended to an answer (or the closest passages of an abstention)."""
    cites = answer.get("citations") or []
    if cites:
        lines = [f"- [{c['n']}] {source_label(c, sources)}: “{_one_line(c['quote'], 240)}”" for c in cites]
        return f"\n\n{SOURCES_HEADING}\n" + "\n".join(lines)
    closest = ((answer.get("steps") or {}).get("closest") or [])[:3]
    if answer.get("abstained") and closest:
        lines = [f"- {source_label(h, sources)}: “{_one_line(h.get('text', ''), 200)}”" for h in closest]
        return "\n\nClosest passages in your notes:\n" + "\n".join(lines)
    return ""


def _one_line(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def _citations(answer: dict[str, Any]) -> list[dict[str, Any]]:
    return [{"n": c["n"], "path": c["path"], "chunk_id": c["chunk_id"], "quote": c["quote"],
             "location": c["location"]} for c in answer.get("citations") or []]


# ---- the routes -------------------------------------------------------------------------------------
class OpenAICompat:
    """The /v1 routes over one Gateway."""

    def __init__(self, gateway: Gateway) -> None:
        self.gateway = gateway

    # models ---------------------------------------------------------------------------------------
    def model_specs(self) -> dict[str, str]:
        """Model id -> the answerer it uses ("extractive" or an LLM spec)."""
        settings = self.gateway.settings
        configured = (settings.llm or EXTRACTIVE).strip()
        models = {MODEL: configured, f"{MODEL}:{EXTRACTIVE}": EXTRACTIVE}
        if configured.lower() != EXTRACTIVE:
            models[f"{MODEL}:{configured}"] = configured
        extra = settings.extra.get("openai_models", [])
        for spec in extra if isinstance(extra, list) else []:
            if isinstance(spec, str) and ":" in spec:
                models[f"{MODEL}:{spec.strip()}"] = spec.strip()
        return models

    def embedding_models(self) -> set[str]:
        """Names /v1/embeddings accepts for the configured embedder."""
        spec = self.gateway.settings.embedder
        return {MODEL, f"{MODEL}-embedding", spec, spec.split(":", 1)[0], self.gateway.reader.embedder.id}

    def list_models(self) -> dict[str, Any]:
        created = int(self.gateway.settings.db_path.stat().st_mtime) if self.gateway.settings.db_path.exists() else 0
        return {"object": "list", "data": [{"id": mid, "object": "model", "created": created, "owned_by": "memex"}
                                           for mid in self.model_specs()]}

    def _llm_for(self, model: str) -> str:
        spec = self.model_specs().get(model)
        if spec is None:
            raise OpenAIError(404, f"The model `{model}` does not exist. Available models: "
                                   f"{', '.join(self.model_specs())}", code="model_not_found", param="model")
        return spec

    # chat -----------------------------------------------------------------------------------------
    def _options(self, llm: str) -> dict[str, Any]:
        return {"llm": llm}

    def _sources(self) -> list[str]:
        return sorted((s["path"] for s in self.gateway.status()["sources"]), key=len, reverse=True)

    def complete(self, body: ChatRequest, actor: str) -> dict[str, Any]:
        """A non-streamed chat completion."""
        _check_request(body)
        llm = self._llm_for(body.model)
        question, history = conversation(body.messages)
        try:
            answer: Answer = self.gateway.ask(question, None, False, actor, history=history, **self._options(llm))
        except MemexError as e:
            raise OpenAIError(400, str(e)) from None
        data = answer.to_dict()
        if answer.abstained and answer.steps:
            data["steps"] = answer.steps
        content = answer.answer + sources_section(data, self._sources())
        prompt = sum(count_tokens(_text_of(m, i)) for i, m in enumerate(body.messages))
        completion = count_tokens(content)
        return {"id": f"chatcmpl-{uuid.uuid4().hex}", "object": "chat.completion", "created": int(time.time()),
                "model": body.model, "system_fingerprint": None,
                "choices": [{"index": 0, "message": {"role": "assistant", "content": content, "refusal": None},
                             "logprobs": None, "finish_reason": "stop"}],
                "usage": {"prompt_tokens": prompt, "completion_tokens": completion,
                          "total_tokens": prompt + completion},
                "citations": _citations(data)}

    def prepare_stream(self, body: ChatRequest) -> tuple[str, list[tuple[str, str]], str]:
        """Validate a streamed request before the response starts (errors are then plain JSON)."""
        _check_request(body)
        llm = self._llm_for(body.model)
        question, history = conversation(body.messages)
        return question, history, llm

    def stream_events(self, question: str, history: list[tuple[str, str]], llm: str,
                      actor: str) -> Iterator[dict[str, Any]]:
        """The pipeline's events for a streamed answer (runs on a worker thread)."""
        return self.gateway.ask_stream(question, None, False, actor, history=history, **self._options(llm))

    async def stream(self, body: ChatRequest, question: str, history: list[tuple[str, str]], llm: str,
                     actor: str) -> AsyncIterator[bytes]:
        """`chat.completion.chunk` server-sent events, then `data: [DONE]`."""
        cid, created = f"chatcmpl-{uuid.uuid4().hex}", int(time.time())
        usage_wanted = bool(body.stream_options and body.stream_options.include_usage)

        def chunk(delta: dict[str, Any], finish: str | None = None, **extra: Any) -> bytes:
            data: dict[str, Any] = {"id": cid, "object": "chat.completion.chunk", "created": created,
                                    "model": body.model, "system_fingerprint": None,
                                    "choices": [{"index": 0, "delta": delta, "logprobs": None,
                                                 "finish_reason": finish}], **extra}
            if usage_wanted:
                data["usage"] = None
            return _sse(data)

        yield chunk({"role": "assistant", "content": ""})
        sent: list[str] = []
        try:
            async for event in threaded(lambda: self.stream_events(question, history, llm, actor)):
                kind = event.get("type")
                if kind == "token" and event.get("text"):
                    sent.append(event["text"])
                    yield chunk({"content": event["text"]})
                elif kind == "step" and event.get("step") == "reformulate" and sent:
                    sent.append(SEARCHING_AGAIN)
                    yield chunk({"content": SEARCHING_AGAIN})
                    sent = []
                elif kind == "answer":
                    tail = ""
                    shown = "".join(sent)
                    if " ".join(shown.split()) != " ".join(event["answer"].split()):
                        tail += (CHECKED if shown.strip() else "") + event["answer"]
                    sources = await run_in_threadpool(self._sources)
                    tail += sources_section(event, sources)
                    if tail:
                        sent.append(tail)
                        yield chunk({"content": tail})
                    yield chunk({}, "stop", citations=_citations(event))
        except MemexError as e:
            yield _sse(error_body(str(e)))
            return
        except Exception:
            err_id = uuid.uuid4().hex[:12]
            log.exception("chat completion stream failed (error id %s)", err_id)
            yield _sse(error_body(f"internal error (id {err_id})", "server_error"))
            return
        if usage_wanted:
            prompt = sum(count_tokens(_text_of(m, i)) for i, m in enumerate(body.messages))
            completion = count_tokens("".join(sent))
            yield _sse({"id": cid, "object": "chat.completion.chunk", "created": created, "model": body.model,
                        "system_fingerprint": None, "choices": [],
                        "usage": {"prompt_tokens": prompt, "completion_tokens": completion,
                                  "total_tokens": prompt + completion}})
        yield b"data: [DONE]\n\n"

    # embeddings -----------------------------------------------------------------------------------
    def embed(self, body: EmbeddingRequest) -> dict[str, Any]:
        """Vectors from the configured embedder, the same ones Memex stores for its chunks."""
        if body.model not in self.embedding_models():
            raise OpenAIError(404, f"The model `{body.model}` does not exist. Embedding models: "
                                   f"{', '.join(sorted(self.embedding_models()))}", code="model_not_found",
                              param="model")
        texts = [body.input] if isinstance(body.input, str) else list(body.input)
        if not texts:
            raise OpenAIError(400, "input must not be empty", param="input")
        if len(texts) > MAX_EMBED_INPUTS:
            raise OpenAIError(400, f"at most {MAX_EMBED_INPUTS} inputs per request", param="input")
        if not all(isinstance(t, str) for t in texts):
            raise OpenAIError(400, "input must be text (a string or a list of strings); token arrays are not "
                                   "supported because Memex's embedder has its own tokenizer", param="input")
        for i, t in enumerate(texts):
            if not t.strip():
                raise OpenAIError(400, f"input[{i}] is empty", param="input")
            if len(t) > MAX_EMBED_CHARS:
                raise OpenAIError(400, f"input[{i}] is longer than {MAX_EMBED_CHARS} characters", param="input")
        embedder = self.gateway.reader.embedder
        if body.dimensions is not None and body.dimensions != embedder.dimensions:
            raise OpenAIError(400, f"{embedder.id} makes {embedder.dimensions}-dimensional vectors",
                              param="dimensions")
        vectors = np.asarray(embedder.embed(texts), dtype="<f4")
        tokens = sum(embedder.count_tokens_many(texts))
        data = []
        for i, v in enumerate(vectors):
            value: Any = (base64.b64encode(v.tobytes()).decode("ascii") if body.encoding_format == "base64"
                          else [float(x) for x in v])
            data.append({"object": "embedding", "index": i, "embedding": value})
        return {"object": "list", "data": data, "model": body.model,
                "usage": {"prompt_tokens": tokens, "total_tokens": tokens}}


def _sse(data: dict[str, Any]) -> bytes:
    return f"data: {json.dumps(data, ensure_ascii=False)}\n\n".encode()


def _guarded(fn: Any, *args: Any) -> Any:
    """Run a route's work; anything unexpected becomes an OpenAI-shaped 500 with an id for the log."""
    try:
        return fn(*args)
    except OpenAIError:
        raise
    except MemexError as e:
        raise OpenAIError(400, str(e)) from None
    except Exception:
        err_id = uuid.uuid4().hex[:12]
        log.exception("/v1 request failed (error id %s)", err_id)
        raise OpenAIError(500, f"internal error (id {err_id})", "server_error") from None


def _actor(request: Request, user: Any) -> str:
    host = request.client.host if request.client else "?"
    name = _clean_user(user)
    return f"openai:{host}" + (f" user={name}" if name else "")


def install(app: FastAPI, gateway: Gateway) -> OpenAICompat:
    """Add the /v1 routes and their OpenAI-shaped error handling to the API app."""
    compat = OpenAICompat(gateway)
    router = APIRouter(prefix=PREFIX, tags=["openai-compatible"], responses=ERROR_RESPONSES)
    app.state.openai = compat

    @router.get("/models")
    def list_models() -> dict[str, Any]:
        """Models: `memex` (answers from your notes with the configured answerer), `memex:extractive`,
        and `memex:<llm>` for the configured LLM (plus `openai_models` from the config)."""
        return compat.list_models()

    @router.get("/models/{model_id:path}")
    def get_model(model_id: str) -> dict[str, Any]:
        """One model."""
        for m in compat.list_models()["data"]:
            if m["id"] == model_id:
                return m
        raise OpenAIError(404, f"The model `{model_id}` does not exist", code="model_not_found", param="model")

    @router.post("/chat/completions", responses={200: {"content": {"application/json": {}, "text/event-stream": {}}}})
    async def chat_completions(body: ChatRequest, request: Request) -> Any:
        """An answer from your notes, with [n] markers, a Sources list and a `citations` array;
        `stream: true` sends `chat.completion.chunk` events ending with `data: [DONE]`."""
        actor = _actor(request, body.user)
        if not body.stream:
            return await run_in_threadpool(_guarded, compat.complete, body, actor)
        question, history, llm = compat.prepare_stream(body)
        return StreamingResponse(compat.stream(body, question, history, llm, actor), media_type="text/event-stream",
                                 headers={"cache-control": "no-store", "x-accel-buffering": "no"})

    @router.post("/embeddings")
    async def embeddings(body: EmbeddingRequest) -> dict[str, Any]:
        """Vectors from the configured embedder (the bundled MiniLM by default), equal to those Memex stores."""
        return await run_in_threadpool(_guarded, compat.embed, body)

    app.include_router(router)

    def on_v1(request: Request) -> bool:
        return request.url.path == PREFIX or request.url.path.startswith(PREFIX + "/")

    @app.exception_handler(OpenAIError)
    async def openai_error(_: Request, e: OpenAIError) -> JSONResponse:
        return JSONResponse(e.body(), status_code=e.status)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, e: RequestValidationError) -> JSONResponse:
        if not on_v1(request):
            return await request_validation_exception_handler(request, e)
        errors = e.errors()
        first = errors[0] if errors else {}
        where = ".".join(str(p) for p in first.get("loc", ())[1:]) or None
        message = f"{where}: {first.get('msg', 'invalid request')}" if where else str(first.get("msg", "invalid"))
        return JSONResponse(error_body(message, param=where), status_code=400)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, e: StarletteHTTPException) -> Any:
        if not on_v1(request):
            return await http_exception_handler(request, e)
        type_, code = _REFUSALS.get(e.status_code, ("invalid_request_error", None))
        if e.status_code == 404:
            code = "not_found"
        return JSONResponse(error_body(str(e.detail), type_, code), status_code=e.status_code,
                            headers=getattr(e, "headers", None))

    return compat
