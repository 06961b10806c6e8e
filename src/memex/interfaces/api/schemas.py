"""Request and response models of the REST API (they make up /openapi.json)."""
from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field

TEXT = r"[^\s\x1c-\x1f]"
"""Some visible character (what str.strip() leaves; \x1c-\x1f count as space there)."""
NO_CONTROL = r"^[^\x00-\x1f\x7f-\x9f]*$"
"""Path-like input: no NUL or other control characters."""


class FiltersIn(BaseModel):
    """Metadata filters; every one given must hold."""

    model_config = ConfigDict(extra="forbid")
    path: str | None = Field(None, max_length=500, pattern=NO_CONTROL,
                             description="Glob over the file path, e.g. '*/projects/*'.")
    tags: list[Annotated[str, Field(max_length=100, pattern=NO_CONTROL)]] = Field(
        default_factory=list, max_length=20, description="Notes carrying all these tags.")
    after: dt.date | None = Field(None, description="Notes dated on or after this day.")
    before: dt.date | None = Field(None, description="Notes dated on or before this day.")
    langs: list[Annotated[str, Field(max_length=10, pattern=r"^[A-Za-z_-]+$")]] = Field(
        default_factory=list, max_length=10, description="Notes written in any of these languages "
        "(ISO 639-1 codes such as es, en; 'und' = undetermined).")


class SearchIn(BaseModel):
    """A search request."""

    model_config = ConfigDict(extra="forbid")
    query: str = Field(..., min_length=1, max_length=2000, pattern=TEXT)
    k: int = Field(10, ge=1, le=100, description="Number of hits.")
    filters: FiltersIn | None = None
    explain: bool = Field(False, description="Include BM25/dense ranks and scores per hit.")


class LocationOut(BaseModel):
    """Where a chunk sits in its file."""

    page: int | None = None
    heading: str | None = None
    start_line: int | None = None
    end_line: int | None = None
    start_s: float | None = Field(None, description="Audio: seconds into the recording where the passage starts.")
    end_s: float | None = Field(None, description="Audio: seconds into the recording where the passage ends.")


class HitOut(BaseModel):
    """One search hit (same shape as `memex search --json`)."""

    path: str
    chunk_id: str
    score: float
    text: str
    location: LocationOut
    title: str | None = None
    explain: dict[str, Any] | None = None


class SearchOut(BaseModel):
    """Search results, best first."""

    hits: list[HitOut]


class AskIn(BaseModel):
    """A question; with `stream: true` the reply is Server-Sent Events (progress, answer, done)."""

    model_config = ConfigDict(extra="forbid")
    question: str = Field(..., min_length=1, max_length=2000, pattern=TEXT)
    filters: FiltersIn | None = None
    trace: bool = Field(False, description="Include the pipeline's steps.")
    stream: bool = Field(False, description="Reply as text/event-stream.")


class CitationOut(BaseModel):
    """A numbered pointer from the answer to a supporting passage."""

    n: int
    path: str
    chunk_id: str
    quote: str
    location: LocationOut
    date: dict[str, str] | None = None
    """{"value": ISO date the passage speaks for, "source": "text" | "front matter" | ... | "mtime"}."""


class AnswerOut(BaseModel):
    """An answer with citations (same shape as `memex ask --json`)."""

    answer: str
    citations: list[CitationOut]
    abstained: bool
    steps: dict[str, Any] | None = None


class DocumentSummaryOut(BaseModel):
    """A document without its text."""

    id: int
    path: str
    title: str | None
    date: str | None
    parser: str
    size: int
    chunks: int
    indexed_at: float


class DocumentPageOut(BaseModel):
    """One page of documents."""

    total: int
    limit: int
    offset: int
    items: list[DocumentSummaryOut]


class ChunkOut(BaseModel):
    """A chunk of a document."""

    chunk_id: str
    text: str
    heading_path: list[str]
    page: int | None = None
    start_line: int | None = None
    end_line: int | None = None
    start_s: float | None = None
    end_s: float | None = None


class DocumentOut(BaseModel):
    """A document: text (chunks joined, overlaps removed), metadata and chunks."""

    id: int
    path: str
    title: str | None
    date: str | None
    parser: str
    metadata: dict[str, Any]
    content_hash: str
    size: int
    text: str
    chunks: list[ChunkOut]


class SourceIn(BaseModel):
    """A folder to index (absolute path on the server's machine)."""

    model_config = ConfigDict(extra="forbid")
    path: str = Field(..., min_length=1, max_length=4096, pattern=NO_CONTROL)


class PathReason(BaseModel):
    """A file and why it failed or was skipped."""

    path: str
    reason: str


class SyncOut(BaseModel):
    """What a sync did."""

    added: int
    updated: int
    moved: int
    removed: int
    unchanged: int
    chunks_embedded: int
    chunks_reused: int
    seconds: float
    failed: list[PathReason]
    skipped: list[PathReason]


class SourceOut(BaseModel):
    """A registered folder and the sync that indexed it."""

    path: str
    report: SyncOut


class UploadOut(BaseModel):
    """Where an upload was stored, its document (if it could be indexed) and the sync report."""

    stored_as: str
    document: DocumentSummaryOut | None
    report: SyncOut


class DeletedOut(BaseModel):
    """A forgotten document."""

    id: int
    path: str
    removed: int


class HealthOut(BaseModel):
    """Liveness."""

    status: str
    version: str


class ErrorOut(BaseModel):
    """An error: a message, and for server errors an id to find the log entry."""

    error: str
    id: str | None = None


class SegmentOut(BaseModel):
    """A stretch of speech."""

    start_s: float
    end_s: float
    text: str


class TranscriptOut(BaseModel):
    """What a recording says."""

    text: str
    language: str | None = None
    duration_s: float
    model: str
    segments: list[SegmentOut]


class VoiceAnswerOut(BaseModel):
    """A spoken question answered: the transcript, the answer (as /ask) and the answer spoken."""

    transcript: TranscriptOut
    answer: str
    citations: list[CitationOut]
    abstained: bool
    spoken_text: str
    audio_wav_base64: str | None = Field(None, description="The spoken answer as a WAV file, base64-encoded.")
    seconds: dict[str, float] = Field(default_factory=dict, description="Time spent transcribing, answering, speaking.")
    thread_id: str | None = Field(None, description="The conversation this question was saved to (thread_id given).")
