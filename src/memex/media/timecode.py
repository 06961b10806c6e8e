"""Seconds as the clock a person reads: 03:12, 1:02:03, and spans "03:12–03:40"."""
from __future__ import annotations


def clock(seconds: float) -> str:
    """mm:ss below an hour, h:mm:ss from an hour on (seconds are floored, never rounded up)."""
    total = max(0, int(seconds))
    h, rest = divmod(total, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m:02d}:{s:02d}"


def span(start_s: float, end_s: float | None = None) -> str:
    """"03:12–03:40" (or just "03:12" without an end)."""
    if end_s is None or int(end_s) <= int(start_s):
        return clock(start_s)
    return f"{clock(start_s)}–{clock(end_s)}"
