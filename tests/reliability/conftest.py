"""Reliability suite: MEMEX_CRASH_TRIALS kill -9 trials (default 3; 50 in make test-reliability)."""
from __future__ import annotations

import pytest

from .tally import ROWS, TALLY


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not TALLY:
        return
    tr = terminalreporter
    tr.section("reliability summary")
    width = max(len(label) for label, _ in ROWS)
    tr.write_line(f"| {'measure'.ljust(width)} | count |")
    tr.write_line(f"|{'-' * (width + 2)}|-------|")
    for label, key in ROWS:
        if key in TALLY or key in ("trials", "failures", "files_tried", "crashes", "locked_errors"):
            tr.write_line(f"| {label.ljust(width)} | {TALLY[key]:>5} |")
