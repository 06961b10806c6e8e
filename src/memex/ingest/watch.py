"""Live sync: file-system events (debounced) trigger an incremental sync; a periodic full re-scan backs
them up, because watchers drop events (inotify queue overflow) without warning."""
from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver
from watchdog.observers.polling import PollingObserver

POLL_S = 2.0
"""Polling interval when the kernel refuses file events (inotify watch or instance limit reached)."""


class _Handler(FileSystemEventHandler):
    def __init__(self, changed: threading.Event) -> None:
        self.changed = changed

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type in ("opened", "closed_no_write"):
            return
        path = str(event.src_path)
        if "/." in path:  # hidden files and folders are never indexed
            return
        self.changed.set()


def _warn_stderr(message: str) -> None:
    print(f"memex watch: warning: {message}", file=sys.stderr, flush=True)


def _observe(make: Callable[[], BaseObserver], handler: _Handler, roots: list[Path]) -> BaseObserver:
    """Schedule every root on a new observer and start it; an OSError leaves nothing running."""
    observer = make()
    try:
        for root in roots:
            if root.exists():
                observer.schedule(handler, str(root if root.is_dir() else root.parent), recursive=True)
        observer.start()
    except OSError:
        observer.unschedule_all()
        raise
    return observer


def start_observer(roots: list[Path], handler: _Handler, warn: Callable[[str], None]) -> BaseObserver | None:
    """Kernel file events if possible; else polling; else None (only the periodic re-scan). Warns once."""
    try:
        return _observe(Observer, handler, roots)
    except OSError as e:
        # ENOSPC / EMFILE: fs.inotify.max_user_watches or max_user_instances reached (watchdog #673).
        reason = e.strerror or str(e)
    try:
        observer = _observe(lambda: PollingObserver(timeout=POLL_S), handler, roots)
        warn(f"file events unavailable ({reason}); polling every {POLL_S:g} s instead. Raise "
             "fs.inotify.max_user_watches to get events back.")
        return observer
    except OSError as e:
        warn(f"file events unavailable ({reason}) and polling failed ({e.strerror or e}); "
             "relying on the periodic re-scan only.")
        return None


def watch(roots: list[Path], sync: Callable[[], object], *, debounce_s: float = 1.0,
          rescan_s: float = 300.0, stop: threading.Event | None = None,
          warn: Callable[[str], None] = _warn_stderr) -> None:
    """Run `sync` after changes settle for `debounce_s`, and at least every `rescan_s`; until `stop` is set."""
    stop = stop or threading.Event()
    changed = threading.Event()
    observer = start_observer(roots, _Handler(changed), warn)
    if observer is None:
        rescan_s = min(rescan_s, 30.0)  # no events at all: re-scan often enough to stay useful
    try:
        last_sync = time.monotonic()
        while not stop.is_set():
            if changed.wait(timeout=0.2):
                # Debounce: editors write several times per save; wait for a quiet period.
                while True:
                    changed.clear()
                    if stop.wait(debounce_s) or not changed.is_set():
                        break
                if stop.is_set():
                    break
                sync()
                last_sync = time.monotonic()
            elif time.monotonic() - last_sync >= rescan_s:
                sync()
                last_sync = time.monotonic()
    finally:
        if observer is not None:
            observer.stop()
            observer.join(timeout=5)
