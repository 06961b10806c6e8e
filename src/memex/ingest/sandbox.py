"""Run parsers in long-lived worker processes with a wall-clock timeout and an address-space limit.

Parsers of untrusted files hang and balloon (reliability.md §3: pypdf loops, an 80 s / 1.2 GB
DOCX). Each file goes to a worker over a socket; a worker that overruns is SIGKILLed and replaced,
so the batch goes on. Workers live for many files, so a file costs a round trip (well under a
millisecond), not a process start.

Workers are plain `python -c` subprocesses rather than multiprocessing children: spawn/forkserver
children re-import the parent's __main__ (the CLI, with torch), which is slow and would count
against the worker's memory limit.
"""
from __future__ import annotations

import atexit
import ctypes
import os
import queue
import resource
import signal
import socket
import subprocess
import sys
import threading
import time
import warnings
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from memex.domain import ParsedDoc
from memex.errors import ParseError

ParseFunc = Callable[[Path], ParsedDoc]
ProgressHook = Callable[[dict[str, Any]], None]
STARTUP_TIMEOUT_S = 60.0
"""Importing the parser libraries takes ~0.5 s; allow for a loaded machine."""
PROGRESS_EVERY_S = 0.5
"""A worker sends at most one progress message per this many seconds."""
_WORKER_CMD = "from memex.ingest.sandbox import _worker_main; _worker_main({fd})"
_progress_hook: ProgressHook | None = None


def report_progress(**info: Any) -> None:
    """Called by a long parse (OCR, speech) as it advances, e.g. done=63.0, total=7200.0, unit="s".

    In a worker this goes to the parent, and each message restarts the parse's time limit: a
    2-hour recording that keeps advancing is not killed by the 60 s limit, a stuck parser is.
    Outside a worker it goes to the hook set with `progress_hook`, or nowhere.
    """
    hook = _progress_hook
    if hook is not None:
        hook(info)


@contextmanager
def progress_hook(hook: ProgressHook | None) -> Iterator[None]:
    """Route report_progress() calls made in this process to `hook` while the block runs."""
    global _progress_hook
    old, _progress_hook = _progress_hook, hook
    try:
        yield
    finally:
        _progress_hook = old


def _worker_main(fd: int) -> None:
    """Worker loop: serve (func, path, limit_bytes) requests until EOF; exit after a MemoryError."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    _die_with_parent()
    warnings.simplefilter("ignore")  # library warnings per file would flood the user's terminal
    conn = Connection(fd)
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    from memex.ingest.parsers import parse_file

    last_sent = [0.0]

    def send_progress(info: dict[str, Any]) -> None:
        now = time.monotonic()
        if now - last_sent[0] >= PROGRESS_EVERY_S:  # throttled: a parser may report per line
            last_sent[0] = now
            conn.send(("progress", info))

    try:
        conn.send(("ready", os.getpid()))
    except OSError:
        return  # the pool closed while we were starting
    while True:
        try:
            func, path, limit = conn.recv()
        except (EOFError, OSError):
            return
        except Exception as e:  # noqa: BLE001 - e.g. a test hook whose module we cannot import
            conn.send(("err", f"parse error (cannot load request: {type(e).__name__}: {e})"))
            continue
        recycle = False
        try:
            if limit <= 0:
                limit = hard  # no limit requested
            elif hard != resource.RLIM_INFINITY:
                limit = min(limit, hard)
            resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
            try:
                with progress_hook(send_progress):
                    reply: tuple[str, Any] = ("ok", (func or parse_file)(Path(path)))
            finally:
                resource.setrlimit(resource.RLIMIT_AS, (soft, hard))
        except MemoryError:
            reply, recycle = ("oom", None), True  # the heap may be fragmented or half-updated
        except ParseError as e:
            reply = ("err", str(e))
        except Exception as e:  # noqa: BLE001 - a test hook or a bug; report it like a parse error
            reply = ("err", f"parse error ({type(e).__name__}: {' '.join(str(e).split())[:200]})")
        try:
            conn.send(reply)
        except OSError:
            return  # the parent went away (timed us out, or closed the pool)
        except Exception as e:  # noqa: BLE001 - e.g. a result that does not pickle
            conn.send(("err", f"parse error (result not transferable: {type(e).__name__})"))
        if recycle:
            return


def _die_with_parent() -> None:
    """Linux: get SIGKILL when the parent dies, so a worker stuck in a loop is not orphaned."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass  # not Linux: EOF on the socket still ends an idle worker


class _Worker:
    """One worker process and the parent's end of its socket."""

    def __init__(self) -> None:
        ours, theirs = socket.socketpair()
        env = dict(os.environ)
        # The child must import what we import (src layouts, pytest's rootdir for test hooks).
        env["PYTHONPATH"] = os.pathsep.join(p for p in sys.path if p and os.path.isdir(p))
        self.proc = subprocess.Popen(
            [sys.executable, "-c", _WORKER_CMD.format(fd=theirs.fileno())],
            pass_fds=(theirs.fileno(),), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            env=env)
        theirs.close()
        self.conn = Connection(ours.detach())
        self.ready = False
        self.tasks = 0
        self.broken = False

    def alive(self) -> bool:
        return self.proc.poll() is None

    def run(self, func: ParseFunc | None, path: Path, timeout_s: float, memory_mb: int,
            max_s: float | None = None, on_progress: ProgressHook | None = None) -> ParsedDoc:
        """Parse in this worker; `timeout_s` is the limit without progress, `max_s` the limit in all."""
        self.tasks += 1
        try:
            if not self.ready:
                self._await_ready()
            self.conn.send((func, str(path), memory_mb * 2**20))
        except (OSError, EOFError):
            self.broken = True
            raise ParseError(self._crash_reason()) from None
        start = time.monotonic()
        limit = max(timeout_s, max_s or 0.0)
        progressed = False
        while True:
            left = start + limit - time.monotonic()
            try:
                ready = left > 0 and self.conn.poll(min(timeout_s, left))
                if ready:
                    status, value = self.conn.recv()
            except (EOFError, OSError):
                self.broken = True
                raise ParseError(self._crash_reason()) from None
            if not ready:
                self.broken = True
                self.stop()
                if not progressed:
                    raise ParseError(f"timed out after {timeout_s:g} s")
                if time.monotonic() - start >= limit:
                    raise ParseError(f"timed out after {limit:g} s")
                raise ParseError(f"stalled: no progress for {timeout_s:g} s")
            if status != "progress":
                break
            progressed = True
            if on_progress is not None:
                try:
                    on_progress(value)
                except Exception:  # noqa: BLE001 - a display callback must not fail the parse
                    pass
        if status == "ok":
            return value
        if status == "oom":
            self.broken = True
            raise ParseError(f"out of memory (limit {memory_mb} MB)")
        raise ParseError(value)

    def _await_ready(self) -> None:
        if not self.conn.poll(STARTUP_TIMEOUT_S):
            self.broken = True
            self.stop()
            raise ParseError("parser worker did not start")
        status, _ = self.conn.recv()
        if status != "ready":
            raise OSError("unexpected message from parser worker")
        self.ready = True

    def _crash_reason(self) -> str:
        self.stop()
        code = self.proc.returncode
        if code is not None and code < 0:
            name = signal.Signals(-code).name
            hint = ", out of memory?" if -code == signal.SIGKILL else ""
            return f"parser crashed (killed by {name}{hint})"
        return f"parser crashed (exit code {code})"

    def stop(self) -> None:
        """Kill now: a timed-out parser may be stuck in C code that ignores gentler signals."""
        if self.proc.poll() is None:
            self.proc.kill()
        try:
            self.proc.wait(5)
        except subprocess.TimeoutExpired:
            pass
        self.conn.close()

    def close(self) -> None:
        """Ask politely (EOF on the socket), then kill."""
        self.conn.close()
        try:
            self.proc.wait(1)
        except subprocess.TimeoutExpired:
            self.stop()


class ParserPool:
    """A few reusable parser workers; `parse(path)` is thread-safe and blocks for a free worker.

    `memory_mb` caps each worker's address space (RLIMIT_AS) while it parses; <= 0 means no cap.
    """

    def __init__(self, workers: int = 1, *, timeout_s: float = 60.0, memory_mb: int = 1024,
                 max_tasks_per_worker: int = 500) -> None:
        if workers < 1:
            raise ValueError("workers must be >= 1")
        self.workers = workers
        self.timeout_s = timeout_s
        self.memory_mb = memory_mb
        self.max_tasks_per_worker = max_tasks_per_worker
        self.replaced = 0
        """How many workers were killed or recycled and replaced (for tests and stats)."""
        self._slots: queue.LifoQueue[_Worker | None] = queue.LifoQueue()
        for _ in range(workers):
            self._slots.put(None)  # started on first use
        self._live: set[_Worker] = set()
        self._lock = threading.Lock()
        # Workers die with the thread that started them (PR_SET_PDEATHSIG is per thread), so all
        # are started from this one long-lived thread, not from short-lived parse_many threads.
        self._spawner = ThreadPoolExecutor(1, thread_name_prefix="memex-parser-spawn")
        self._closed = False

    def parse(self, path: Path, *, timeout_s: float | None = None, memory_mb: int | None = None,
              func: ParseFunc | None = None, max_s: float | None = None,
              on_progress: ProgressHook | None = None) -> ParsedDoc:
        """Parse one file in a worker; ParseError on failure, timeout or memory limit.

        `func` replaces parse_file (tests use it); it must be a module-level, picklable function
        (or a functools.partial of one). A parse that reports progress may run past `timeout_s`, up to
        `max_s`, as long as no `timeout_s` passes without progress; `on_progress` receives each report.
        """
        if self._closed:
            raise RuntimeError("ParserPool is closed")
        worker = self._slots.get()
        try:
            if worker is not None and not worker.alive():  # died while idle (OOM killer, kill -9)
                self._retire(worker)
                worker = None
            if worker is None:
                worker = self._spawn()
            return worker.run(func, Path(path), self.timeout_s if timeout_s is None else timeout_s,
                              self.memory_mb if memory_mb is None else memory_mb, max_s, on_progress)
        finally:
            if worker is not None and (worker.broken or worker.tasks >= self.max_tasks_per_worker):
                self._retire(worker)
                worker = None
                if not self._closed:
                    try:
                        worker = self._spawn()  # start the replacement now, while the caller works
                    except ParseError:
                        worker = None  # retried on the next parse()
            self._slots.put(worker)

    def parse_many(self, paths: Iterable[Path], *, timeout_s: float | None = None,
                   memory_mb: int | None = None) -> Iterator[tuple[Path, ParsedDoc | ParseError]]:
        """Parse files on all workers, yielding (path, doc or error) in input order."""
        def one(p: Path) -> tuple[Path, ParsedDoc | ParseError]:
            try:
                return p, self.parse(p, timeout_s=timeout_s, memory_mb=memory_mb)
            except ParseError as e:
                return p, e

        window: deque[Future[tuple[Path, ParsedDoc | ParseError]]] = deque()
        with ThreadPoolExecutor(self.workers, thread_name_prefix="memex-parse") as ex:
            for p in paths:
                window.append(ex.submit(one, Path(p)))
                if len(window) >= 2 * self.workers:  # bounded read-ahead keeps memory flat
                    yield window.popleft().result()
            while window:
                yield window.popleft().result()

    def _spawn(self) -> _Worker:
        try:
            worker = self._spawner.submit(_Worker).result()
        except OSError as e:  # e.g. out of file descriptors or processes
            raise ParseError(f"cannot start parser worker ({e.strerror or e})") from None
        with self._lock:
            self._live.add(worker)
        return worker

    def _retire(self, worker: _Worker) -> None:
        worker.stop()
        with self._lock:
            self._live.discard(worker)
            self.replaced += 1

    def close(self) -> None:
        """Stop all workers."""
        with self._lock:
            self._closed = True
            workers, self._live = list(self._live), set()
        for w in workers:
            w.close()
        self._spawner.shutdown(wait=False)

    def __enter__(self) -> ParserPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


_default_pool: ParserPool | None = None
_default_lock = threading.Lock()


def parse_in_worker(path: Path, timeout_s: float = 60, memory_mb: int = 1024,
                    func: ParseFunc | None = None) -> ParsedDoc:
    """Parse one file in the shared single-worker pool (kept alive between calls)."""
    global _default_pool
    with _default_lock:
        if _default_pool is None:
            _default_pool = ParserPool(1)
            atexit.register(_default_pool.close)
        pool = _default_pool
    return pool.parse(path, timeout_s=timeout_s, memory_mb=memory_mb, func=func)
