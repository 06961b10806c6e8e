"""Bridging the synchronous Brain to async servers: run a blocking event iterator on a worker thread."""
from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable, Iterable
from typing import Any


async def threaded(make: Callable[[], Iterable[Any]]) -> AsyncIterator[Any]:
    """Yield the items of `make()` (run on a worker thread) as they are produced; its errors re-raise here."""
    loop = asyncio.get_running_loop()
    queue: asyncio.Queue[Any] = asyncio.Queue()
    end = object()

    def produce() -> None:
        try:
            for item in make():
                loop.call_soon_threadsafe(queue.put_nowait, item)
        except BaseException as e:  # noqa: BLE001 - handed to the consumer, which reports it
            loop.call_soon_threadsafe(queue.put_nowait, e)
        finally:
            loop.call_soon_threadsafe(queue.put_nowait, end)

    producer = loop.run_in_executor(None, produce)
    while (item := await queue.get()) is not end:
        if isinstance(item, BaseException):
            raise item
        yield item
    await producer
