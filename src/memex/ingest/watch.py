"""Live sync: file-system events (debounced) trigger an incremental sync; a periodic full re-scan backs
them up, because watchers drop events (inotify queue overflow) without warning."""
from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer


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


def watch(roots: list[Path], sync: Callable[[], object], *, debounce_s: float = 1.0,
          rescan_s: float = 300.0, stop: threading.Event | None = None) -> None:
    """Run `sync` after changes settle for `debounce_s`, and at least every `rescan_s`; until `stop` is set."""
    stop = stop or threading.Event()
    changed = threading.Event()
    observer = Observer()
    handler = _Handler(changed)
    for root in roots:
        if root.exists():
            observer.schedule(handler, str(root if root.is_dir() else root.parent), recursive=True)
    observer.start()
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
        observer.stop()
        observer.join(timeout=5)
