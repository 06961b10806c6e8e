"""Reliability suite: MEMEX_CRASH_TRIALS kill -9 trials (default 3; 50 in make test-reliability)."""
from __future__ import annotations

import os

import pytest
from tally import ROWS, TALLY

FULL = os.environ.get("MEMEX_RELIABILITY_FULL") == "1"
"""make test-reliability sets this: every damage variant, longer concurrency runs, bigger hostile files."""


def cases(full: list[str], quick: list[str]) -> list[str]:
    """All variants in the full reliability run, a representative few in plain `make test`."""
    return full if FULL else quick


def crash_trials() -> int:
    """How many crash trials to run."""
    return int(os.environ.get("MEMEX_CRASH_TRIALS", "3"))


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
