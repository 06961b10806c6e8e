"""Plain data types shared by every layer (frozen dataclasses; no I/O here)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Block:
    """A run of text from a parsed file, with where it came from."""

    text: str
    heading_path: tuple[str, ...] = ()
    """Headings above this block, outermost first."""
    page: int | None = None
    """1-based page number (PDF)."""
    start_line: int | None = None
    """1-based first line in the source file (text formats)."""
    end_line: int | None = None
    kind: str = "text"
    """"text", "code" (kept intact by the chunker), "table", "heading" or "speech" (a timed stretch of a
    recording, chunked on its own so a citation points at ~15-30 s of audio)."""
    start_s: float | None = None
    """Seconds from the start of a recording where this block is spoken (audio transcripts)."""
    end_s: float | None = None


@dataclass(frozen=True)
class ParsedDoc:
    """What a parser returns: the file's text as ordered blocks plus metadata."""

    blocks: list[Block]
    title: str | None = None
    parser: str = ""
    metadata: dict[str, Any] = field(default_factory=dict)
    """Front matter and extracted facts: tags, links, aliases, date, encoding, warnings."""


@dataclass(frozen=True)
class Location:
    """Where a chunk sits in its source file, for citations."""

    page: int | None = None
    heading: str | None = None
    start_line: int | None = None
    end_line: int | None = None
    start_s: float | None = None
    """Audio: seconds from the start of the recording where the passage begins."""
    end_s: float | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON form used by the CLI/API contracts."""
        return {"page": self.page, "heading": self.heading,
                "start_line": self.start_line, "end_line": self.end_line,
                "start_s": self.start_s, "end_s": self.end_s}


@dataclass(frozen=True)
class Chunk:
    """A piece of a document sized for the embedder."""

    text: str
    ordinal: int
    heading_path: tuple[str, ...]
    location: Location
    start_char: int = 0
    end_char: int = 0
    n_tokens: int = 0


@dataclass(frozen=True)
class Hit:
    """One search result."""

    path: str
    chunk_id: str
    score: float
    text: str
    location: Location
    doc_id: int = 0
    title: str | None = None
    explain: dict[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON form of the `search --json` contract."""
        d: dict[str, Any] = {"path": self.path, "chunk_id": self.chunk_id, "score": self.score,
                             "text": self.text, "location": self.location.to_dict()}
        if self.title is not None:
            d["title"] = self.title
        if self.explain is not None:
            d["explain"] = self.explain
        return d


@dataclass(frozen=True)
class Citation:
    """A numbered pointer from an answer to the chunk that supports it."""

    n: int
    path: str
    chunk_id: str
    quote: str
    location: Location
    date: str | None = None
    """The date the quoted passage speaks for (ISO)."""
    date_source: str | None = None
    """Where that date came from: "text", "front matter", "file name", ... or "mtime" (the file's
    modification time, the last resort, which a copy or a sync resets)."""

    def to_dict(self) -> dict[str, Any]:
        """JSON form of the `ask --json` contract."""
        d: dict[str, Any] = {"n": self.n, "path": self.path, "chunk_id": self.chunk_id,
                             "quote": self.quote, "location": self.location.to_dict()}
        if self.date:
            d["date"] = {"value": self.date, "source": self.date_source or "mtime"}
        return d


@dataclass(frozen=True)
class Answer:
    """An answer with its citations; `abstained` when the notes do not support one."""

    answer: str
    citations: list[Citation]
    abstained: bool
    steps: dict[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON form of the `ask --json` contract."""
        d: dict[str, Any] = {"answer": self.answer,
                             "citations": [c.to_dict() for c in self.citations],
                             "abstained": self.abstained}
        if self.steps is not None:
            d["steps"] = self.steps
        return d
