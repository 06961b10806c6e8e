"""Rich progress bars for ingest, on stderr, silent when output is for scripts."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from memex.ingest.pipeline import Progress as ProgressFn


@contextmanager
def ingest_progress(quiet: bool) -> Iterator[ProgressFn]:
    """Yield a progress callback for the Indexer that drives a rich bar (files, rate, ETA)."""
    console = Console(stderr=True)
    bar = Progress(TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
                   TextColumn("{task.fields[rate]}"), TimeRemainingColumn(), TextColumn("{task.fields[name]}"),
                   console=console, disable=quiet, transient=False)
    task = bar.add_task("Scanning", total=None, rate="", name="")
    embedded = [0]

    def update(event: str, **info: Any) -> None:
        if event == "chunks":
            embedded[0] = info["embedded"]
            elapsed = bar.tasks[0].elapsed or 0
            rate = f"{embedded[0]} chunks embedded ({embedded[0] / elapsed:.0f}/s)" if elapsed > 0.5 else ""
            bar.update(task, rate=rate)
        elif event == "scan":
            bar.update(task, description="Indexing", total=info["total"], completed=0)
        elif event == "media":  # a long OCR or transcription inside one file
            from memex.media.timecode import clock
            done, total, unit = info.get("done") or 0, info.get("total"), info.get("unit")
            if unit == "s":
                where = f"{clock(done)}/{clock(total)}" if total else clock(done)
            else:
                where = f"page {int(done) + 1}/{total}" if total else f"page {int(done) + 1}"
            bar.update(task, name=f"{str(info.get('path', ''))[-30:]} {info.get('stage', '')} {where}")
        elif event == "graph":  # the note graph after a sync (links, names, neighbours)
            bar.update(task, description="Linking notes", total=info["total"], completed=info["done"], name="")
        elif event == "file":
            done = info["done"]
            elapsed = bar.tasks[0].elapsed or 0
            name = str(info.get("path", ""))[-40:]
            if not embedded[0]:
                rate = f"{done / elapsed:.1f} files/s" if elapsed > 0.5 and done else ""
                bar.update(task, completed=done, rate=rate, name=name)
            else:
                bar.update(task, completed=done, name=name)

    with bar:
        yield update
