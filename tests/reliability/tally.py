"""Counters the reliability tests add to; conftest prints them as a table at the end of the run."""
from __future__ import annotations

import os
from collections import Counter

TALLY: Counter[str] = Counter()
"""Keys: trials, kills, failures (invariant violations), files_tried, crashes, locked_errors, ..."""

ROWS = [
    ("crash trials run", "trials"),
    ("SIGKILLs delivered", "kills"),
    ("runs that finished before the kill", "finished_before_kill"),
    ("invariant violations (failures found)", "failures"),
    ("vector cache files rejected and rebuilt", "cache_rejected"),
    ("stale cache temp files seen after a kill", "stale_temp_files"),
    ("orphaned parser workers", "orphan_workers"),
    ("hostile files tried", "files_tried"),
    ("hostile files with a recorded reason", "files_with_reason"),
    ("hostile files indexed correctly", "files_indexed"),
    ("hostile vault: peak RSS of the CLI (MB)", "hostile_peak_parent_mb"),
    ("hostile vault: peak RSS of the parser worker (MB)", "hostile_peak_worker_mb"),
    ("online backups verified", "backups_verified"),
    ("schema-migration kill trials", "migration_trials"),
    ("  of which killed before the migration finished", "migration_kills"),
    ("crashes (tracebacks / unexpected exit)", "crashes"),
    ("'database is locked' errors", "locked_errors"),
    ("concurrent writer operations", "writer_ops"),
    ("  of which CLI sync/add", "writer_ops_cli"),
    ("  of which REST uploads", "writer_ops_api"),
    ("  of which MCP add_note", "writer_ops_mcp"),
    ("  file changes made under memex watch", "watch_changes"),
    ("concurrent reader checks", "reader_checks"),
    ("half-documents seen by readers", "half_documents"),
    ("peak -wal file size during the concurrency run (MB)", "wal_peak_mb"),
    ("lost writes", "lost_writes"),
    ("injection notes asked", "injection_notes"),
]


def note_stderr(text: str) -> None:
    """Count crashes and lock errors in a child's stderr."""
    if "Traceback (most recent call last)" in text:
        TALLY["crashes"] += 1
    if "database is locked" in text:
        TALLY["locked_errors"] += 1


FULL = os.environ.get("MEMEX_RELIABILITY_FULL") == "1"
"""make test-reliability sets this: every damage variant, longer concurrency runs, bigger hostile files."""


def cases(full: list[str], quick: list[str]) -> list[str]:
    """All variants in the full reliability run, a representative few in plain `make test`."""
    return full if FULL else quick


def crash_trials() -> int:
    """How many crash trials to run."""
    return int(os.environ.get("MEMEX_CRASH_TRIALS", "3"))
