"""Scripted chat servers on 127.0.0.1 speaking the OpenAI, Ollama and Anthropic wire protocols.

Each is a real threaded HTTP server on an ephemeral port, answering from a script (a list of replies
or a function of the request's messages) and recording every request. Options simulate the failures
the providers must survive: a delay before answering (timeouts), HTTP errors for the first N requests
(retries), unknown models (404), and a gate that holds a stream after its first token (to prove
tokens arrive incrementally). Use as a context manager:

    with ScriptedOpenAIServer(["Hello there"]) as srv:
        model = OpenAIChatModel("m", {"openai_base_url": srv.base_url})
"""
from __future__ import annotations

import json
import threading
import time
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from memex.llm.base import LLMError, Message
from memex.llm.scripted import Replies, Script, echo, shape_reply, word_tokens

Record = tuple[bytes, bool]
"""One framed piece of a streamed reply, and whether it carries reply text."""


@dataclass(frozen=True)
class RecordedRequest:
    """A request as the scripted server saw it."""

    path: str
    headers: dict[str, str]
    body: Any


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the stdlib's signature
        pass  # keep test output clean

    def do_POST(self) -> None:  # noqa: N802 - the stdlib's name
        try:
            self.server.owner._handle(self)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (a timeout test): nothing to answer


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    owner: ScriptedServer


class ScriptedServer(ABC):
    """Shared machinery; subclasses define the wire format."""

    chat_path = ""
    url_suffix = ""
    stream_type = "text/event-stream"

    def __init__(self, replies: Replies = echo, *, delay_s: float = 0.0, chunk_delay_s: float = 0.0,
                 fail_first: int = 0, fail_status: int = 500, models: Iterable[str] | None = None,
                 gate: threading.Event | None = None) -> None:
        self.delay_s = delay_s
        """Seconds to wait before answering each request (for timeout tests)."""
        self.chunk_delay_s = chunk_delay_s
        self.fail_first = fail_first
        """The first N requests get `fail_status` instead of an answer (for retry tests)."""
        self.fail_status = fail_status
        self.models = None if models is None else set(models)
        """Model names served; any other answers 404 model-not-found. None serves every name."""
        self.gate = gate
        """When given, a stream pauses after its first text token until the event is set."""
        self.requests: list[RecordedRequest] = []
        self._script = Script(replies)
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def base_url(self) -> str:
        """The URL to configure the provider with."""
        if self._server is None:
            raise RuntimeError("server not started")
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}{self.url_suffix}"

    def start(self) -> ScriptedServer:
        """Bind an ephemeral port on 127.0.0.1 and serve in a background thread."""
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.owner = self
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05},
                                        name=f"{type(self).__name__}", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving; delayed or gated handlers are released."""
        self._stop.set()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> ScriptedServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- request handling ---------------------------------------------------------------------------

    def _handle(self, h: _Handler) -> None:
        raw = h.rfile.read(int(h.headers.get("Content-Length") or 0))
        try:
            body = json.loads(raw or b"null")
        except ValueError:
            body = None
        with self._lock:
            self.requests.append(RecordedRequest(h.path, {k.lower(): v for k, v in h.headers.items()}, body))
            n = len(self.requests)
        if self.delay_s and self._stop.wait(self.delay_s):
            return
        if h.path.split("?", 1)[0] != self.chat_path:
            return self._send_json(h, 404, self.error_body(404, f"no route {h.path}; this server serves "
                                                                f"{self.chat_path}"))
        if not isinstance(body, dict):
            return self._send_json(h, 400, self.error_body(400, "request body is not a JSON object"))
        if n <= self.fail_first:
            return self._send_json(h, self.fail_status,
                                   self.error_body(self.fail_status, f"scripted failure {n} of {self.fail_first}"))
        model = str(body.get("model", ""))
        if self.models is not None and model not in self.models:
            return self._send_json(h, 404, self.error_body(404, self.missing_message(model)))
        try:
            messages = self.messages(body)
            max_tokens, stop = self.limits(body)
            text = shape_reply(self._script.next(messages), max_tokens, stop)
        except (LLMError, ValueError, TypeError, KeyError) as e:
            return self._send_json(h, 400, self.error_body(400, str(e)))
        if not body.get("stream"):
            return self._send_json(h, 200, self.reply_body(model, text))
        h.send_response(200)
        h.send_header("Content-Type", self.stream_type)
        h.send_header("Cache-Control", "no-cache")
        h.send_header("Connection", "close")
        h.end_headers()
        gated = self.gate is not None
        for data, has_text in self.stream_records(model, text):
            h.wfile.write(data)
            h.wfile.flush()
            if has_text and gated:
                gated = False
                while not self.gate.wait(0.05):  # type: ignore[union-attr]
                    if self._stop.is_set():
                        return
            if self.chunk_delay_s and self._stop.wait(self.chunk_delay_s):
                return

    def _send_json(self, h: _Handler, status: int, obj: Any) -> None:
        data = json.dumps(obj).encode()
        h.send_response(status)
        h.send_header("Content-Type", "application/json")
        h.send_header("Content-Length", str(len(data)))
        h.send_header("Connection", "close")
        h.end_headers()
        h.wfile.write(data)

    # -- the wire format (subclasses) ---------------------------------------------------------------

    def messages(self, body: dict[str, Any]) -> list[Message]:
        """The chat messages in a request body."""
        return [Message(m["role"], _text(m["content"])) for m in body["messages"]]

    @abstractmethod
    def limits(self, body: dict[str, Any]) -> tuple[int | None, list[str] | None]:
        """(max_tokens, stop) from a request body."""
        ...

    @abstractmethod
    def reply_body(self, model: str, text: str) -> Any:
        """The JSON answer to a non-streaming request."""
        ...

    @abstractmethod
    def stream_records(self, model: str, text: str) -> Iterator[Record]:
        """The framed pieces of a streamed answer."""
        ...

    @abstractmethod
    def error_body(self, status: int, message: str) -> Any:
        """The JSON body of an error response."""
        ...

    def missing_message(self, model: str) -> str:
        """What the real server says about an unknown model."""
        return f"model {model!r} not found"


def _text(content: Any) -> str:
    # Content may be a string or a list of typed blocks (OpenAI and Anthropic both allow it).
    if isinstance(content, str):
        return content
    return "".join(b.get("text", "") for b in content if isinstance(b, dict))


def _sse(obj: Any, event: str | None = None) -> bytes:
    head = f"event: {event}\n" if event else ""
    return f"{head}data: {json.dumps(obj)}\n\n".encode()


class ScriptedOpenAIServer(ScriptedServer):
    """Speaks OpenAI chat completions: POST /v1/chat/completions, JSON or SSE chunks ending `data: [DONE]`."""

    chat_path = "/v1/chat/completions"
    url_suffix = "/v1"

    def limits(self, body: dict[str, Any]) -> tuple[int | None, list[str] | None]:
        stop = body.get("stop")
        return body.get("max_tokens"), [stop] if isinstance(stop, str) else stop

    def _chunk(self, model: str, delta: dict[str, str], finish: str | None = None) -> dict[str, Any]:
        return {"id": "chatcmpl-scripted", "object": "chat.completion.chunk", "created": int(time.time()),
                "model": model, "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]}

    def reply_body(self, model: str, text: str) -> Any:
        n = len(word_tokens(text))
        return {"id": "chatcmpl-scripted", "object": "chat.completion", "created": int(time.time()),
                "model": model, "choices": [{"index": 0, "finish_reason": "stop",
                                             "message": {"role": "assistant", "content": text}}],
                "usage": {"prompt_tokens": 0, "completion_tokens": n, "total_tokens": n}}

    def stream_records(self, model: str, text: str) -> Iterator[Record]:
        yield _sse(self._chunk(model, {"role": "assistant", "content": ""})), False
        for tok in word_tokens(text):
            yield _sse(self._chunk(model, {"content": tok})), True
        yield _sse(self._chunk(model, {}, "stop")), False
        yield b"data: [DONE]\n\n", False

    def error_body(self, status: int, message: str) -> Any:
        code = "model_not_found" if status == 404 else None
        return {"error": {"message": message, "type": "invalid_request_error" if status < 500 else "server_error",
                          "param": None, "code": code}}

    def missing_message(self, model: str) -> str:
        return f"The model `{model}` does not exist or you do not have access to it."


class ScriptedOllamaServer(ScriptedServer):
    """Speaks Ollama's native chat API: POST /api/chat, JSON or newline-delimited JSON records."""

    chat_path = "/api/chat"
    stream_type = "application/x-ndjson"

    def limits(self, body: dict[str, Any]) -> tuple[int | None, list[str] | None]:
        options = body.get("options") or {}
        return options.get("num_predict"), options.get("stop")

    def _record(self, model: str, content: str, done: bool) -> dict[str, Any]:
        rec: dict[str, Any] = {"model": model, "created_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                               "message": {"role": "assistant", "content": content}, "done": done}
        if done:
            rec.update(done_reason="stop", total_duration=1, eval_count=1)
        return rec

    def reply_body(self, model: str, text: str) -> Any:
        return self._record(model, text, True)

    def stream_records(self, model: str, text: str) -> Iterator[Record]:
        for tok in word_tokens(text):
            yield (json.dumps(self._record(model, tok, False)) + "\n").encode(), True
        yield (json.dumps(self._record(model, "", True)) + "\n").encode(), False

    def error_body(self, status: int, message: str) -> Any:
        return {"error": message}

    def missing_message(self, model: str) -> str:
        return f'model "{model}" not found, try pulling it first'


class ScriptedAnthropicServer(ScriptedServer):
    """Speaks Anthropic's Messages API: POST /v1/messages, JSON or SSE events (message_start ... message_stop)."""

    chat_path = "/v1/messages"

    def messages(self, body: dict[str, Any]) -> list[Message]:
        system = body.get("system")
        head = [Message("system", _text(system))] if system else []
        return head + super().messages(body)

    def limits(self, body: dict[str, Any]) -> tuple[int | None, list[str] | None]:
        if not isinstance(body.get("max_tokens"), int):
            raise ValueError("max_tokens: Field required")  # the real API insists on it too
        return body["max_tokens"], body.get("stop_sequences")

    def reply_body(self, model: str, text: str) -> Any:
        return {"id": "msg_scripted", "type": "message", "role": "assistant", "model": model,
                "content": [{"type": "text", "text": text}], "stop_reason": "end_turn", "stop_sequence": None,
                "usage": {"input_tokens": 0, "output_tokens": len(word_tokens(text))}}

    def stream_records(self, model: str, text: str) -> Iterator[Record]:
        start = dict(self.reply_body(model, ""), content=[], stop_reason=None)
        yield _sse({"type": "message_start", "message": start}, "message_start"), False
        yield _sse({"type": "content_block_start", "index": 0, "content_block": {"type": "text", "text": ""}},
                   "content_block_start"), False
        yield _sse({"type": "ping"}, "ping"), False
        for tok in word_tokens(text):
            yield _sse({"type": "content_block_delta", "index": 0,
                        "delta": {"type": "text_delta", "text": tok}}, "content_block_delta"), True
        yield _sse({"type": "content_block_stop", "index": 0}, "content_block_stop"), False
        yield _sse({"type": "message_delta", "delta": {"stop_reason": "end_turn", "stop_sequence": None},
                    "usage": {"output_tokens": len(word_tokens(text))}}, "message_delta"), False
        yield _sse({"type": "message_stop"}, "message_stop"), False

    def error_body(self, status: int, message: str) -> Any:
        kinds = {400: "invalid_request_error", 401: "authentication_error", 404: "not_found_error",
                 429: "rate_limit_error", 529: "overloaded_error"}
        return {"type": "error", "error": {"type": kinds.get(status, "api_error"), "message": message}}

    def missing_message(self, model: str) -> str:
        return f"model: {model}"
