"""Parse functions for sandbox tests; a light module, because the worker imports it to run them."""
from __future__ import annotations

import time
from pathlib import Path

from memex.domain import Block, ParsedDoc
from memex.ingest.sandbox import report_progress


def advancing(path: Path) -> ParsedDoc:
    """4 s of work that reports progress every 0.25 s."""
    for i in range(16):
        report_progress(done=i, total=16, unit="s")
        time.sleep(0.25)
    return ParsedDoc(blocks=[Block(text="done")])


def stalling(path: Path) -> ParsedDoc:
    """Reports once, then hangs."""
    report_progress(done=0, total=10, unit="s")
    time.sleep(600)
    raise AssertionError("not reached")
