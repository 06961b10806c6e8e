"""Server-Sent progress for long writes: POST /sync, /sources and /documents with `?stream=true`.

Indexing a folder can take minutes (OCR of a scanned PDF, speech-to-text of a long recording), so, like
POST /import, these routes can answer with `text/event-stream`: `progress` events as the indexer works,
then `report` (the JSON the route returns without `stream`), then `done`; or `error` instead of `report`.
The work runs on a worker thread and finishes even if the client goes away: nothing is lost or half-written.
"""
from __future__ import annotations

import asyncio
import json
import logging
import time
import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Annotated, Any

from fastapi import Query
from fastapi.responses import StreamingResponse

from memex.errors import MemexError

log = logging.getLogger("memex.api")

Progress = Callable[..., None]
STREAM = Annotated[bool, Query(description="Reply with Server-Sent Events: `progress` while indexing (files, "
                                           "OCR pages, seconds of audio transcribed), then `report`, then `done`.")]
EVENTS = ("scan", "file", "media", "chunks", "graph")
"""Indexer events passed on: scan {total}, file {done, total, path}, media {path, done, total, unit, stage}
(OCR pages, seconds of speech), chunks {embedded}, graph {done, total}."""
KEYS = ("done", "total", "path", "unit", "stage", "embedded")
MEDIA_EVERY_S = 0.25
"""A long recording reports every segment: at most one media event per file this often (plus its last)."""
SSE_EVENT = {"type": "object", "description": "One Server-Sent Event: `progress` (data: {event, done, total, path, "
             "unit, stage}), then `report` (the route's JSON reply) and `done`; or `error` (data: {error}).",
             "properties": {"event": {"type": "string", "enum": ["progress", "report", "error", "done"]},
                            "data": {"type": "string"}}}
RESPONSES: dict[int | str, dict[str, Any]] = {200: {"content": {
    "application/json": {}, "text/event-stream": {"schema": SSE_EVENT}},
    "description": "The report; with `stream=true`, server-sent progress events, then `report` and `done`."}}


def sse(event: str, data: Any) -> bytes:
    """One Server-Sent Event with JSON data."""
    return f"event: {event}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n".encode()


HEADERS = {"cache-control": "no-store", "x-accel-buffering": "no"}


def event_stream(events: AsyncIterator[bytes]) -> StreamingResponse:
    """A `text/event-stream` reply that proxies neither cache nor buffer."""
    return StreamingResponse(events, media_type="text/event-stream", headers=HEADERS)


def progress_response(work: Callable[[Progress], dict[str, Any]]) -> StreamingResponse:
    """Run `work(progress)` on a thread; stream its progress, then its result as the `report` event."""
    return event_stream(_events(work))


async def answer_events(stream: Callable[[], Iterator[dict[str, Any]]], what: str = "ask") -> AsyncIterator[bytes]:
    """Relay an answer stream (the gateway's ask_stream): progress per pipeline step, tokens, the answer, done."""
    from memex.interfaces.aio import threaded

    try:
        async for item in threaded(stream):
            kind = item.get("type")
            data = {k: v for k, v in item.items() if k not in ("type", "streamed")}
            if kind in ("answer", "token"):
                yield sse(kind, data)
            else:
                yield sse("progress", {"stage": data.pop("step", kind), **data})
        yield sse("done", {})
    except MemexError as e:
        yield sse("error", {"error": str(e)})
    except Exception:  # noqa: BLE001 - reported as an event; the details are in the server log
        err_id = uuid.uuid4().hex[:12]
        log.exception("%s stream failed (error id %s)", what, err_id)
        yield sse("error", {"error": "internal error", "id": err_id})


async def _events(work: Callable[[Progress], dict[str, Any]]) -> AsyncIterator[bytes]:
    loop = asyncio.get_running_loop()
    queue: asyncio.Queue[tuple[str, Any] | None] = asyncio.Queue()
    last_media: dict[str, float] = {}

    def put(item: tuple[str, Any] | None) -> None:
        loop.call_soon_threadsafe(queue.put_nowait, item)

    def progress(event: str, **info: Any) -> None:
        if event not in EVENTS:
            return
        if event == "media":
            now, path = time.monotonic(), str(info.get("path"))
            finished = info.get("total") is not None and info.get("done") == info.get("total")
            if not finished and now - last_media.get(path, 0.0) < MEDIA_EVERY_S:
                return
            last_media[path] = now
        put(("progress", {"event": event, **{k: v for k, v in info.items() if k in KEYS}}))

    def run() -> None:
        try:
            put(("report", work(progress)))
        except MemexError as e:
            put(("error", {"error": str(e)}))
        except Exception:  # noqa: BLE001 - reported as an event; the details are in the server log
            err_id = uuid.uuid4().hex[:12]
            log.exception("streamed write failed (error id %s)", err_id)
            put(("error", {"error": "internal error", "id": err_id}))
        finally:
            put(None)

    worker = loop.run_in_executor(None, run)
    while (item := await queue.get()) is not None:
        yield sse(*item)
    await worker
    yield sse("done", {})
