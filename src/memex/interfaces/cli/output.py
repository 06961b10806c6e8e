"""Terminal rendering shared by the CLI commands (answers, citations, locations)."""
from __future__ import annotations

from rich.console import Console
from rich.markup import escape

from memex.domain import Answer, Citation, Location


def where(loc: Location) -> str:
    """"p.3" for a page, "lines 8-19" for a line range, "at 03:12–03:40" in a recording, "" when unknown."""
    if loc.start_s is not None:
        from memex.media.timecode import span
        return f"at {span(loc.start_s, loc.end_s)}"
    if loc.page:
        return f"p.{loc.page}"
    return f"lines {loc.start_line}-{loc.end_line}" if loc.start_line else ""


def citation_date(c: Citation) -> str:
    """", 6 April 2026" for a dated passage; a date that is only the file's modification time says so."""
    if not c.date:
        return ""
    if c.date_source == "mtime":
        return f", no date in the note (file modified {c.date})"
    return f", {c.date}"


def print_sources(a: Answer, console: Console | None = None) -> None:
    """Citations (and, for an abstention, the closest passages)."""
    console = console or Console()
    for c in a.citations:
        console.print(f"[dim][{c.n}] {escape(c.path)} {where(c.location)}{escape(citation_date(c))}[/]",
                      highlight=False)
    if a.abstained and a.steps and a.steps.get("closest"):
        console.print("Closest passages:")
        for h in a.steps["closest"]:
            console.print(f"[dim]- {escape(h['path'])}: {escape(' '.join(h['text'].split())[:160])}[/]",
                          highlight=False)
