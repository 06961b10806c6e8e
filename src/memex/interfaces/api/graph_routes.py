"""REST routes over the note graph: /related, /graph, /insights (registered by api/app.py)."""
from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from fastapi import FastAPI, Path, Query, Request
from fastapi.responses import HTMLResponse, Response
from pydantic import BaseModel, Field

from memex.interfaces.api import progress_events
from memex.interfaces.gateway import Gateway

NOTE = Query(min_length=1, max_length=4096, pattern=r"^[^\x00-\x1f\x7f]*$",
             description="A note: id, path (absolute or as indexed) or title.")


class ReasonOut(BaseModel):
    """Why a note is related."""

    kind: Literal["link", "backlink", "tag", "entity", "semantic"]
    detail: str


class RelatedNoteOut(BaseModel):
    """A related note (the items of `memex related --json`)."""

    path: str
    title: str | None
    score: float
    reasons: list[ReasonOut]


class NoteRefOut(BaseModel):
    """The note asked about."""

    id: int
    path: str | None
    title: str | None


class RelatedOut(BaseModel):
    """Related notes, best first."""

    note: NoteRefOut
    related: list[RelatedNoteOut]


class EvidenceOut(BaseModel):
    """A passage supporting an insight."""

    path: str
    quote: str
    location: dict[str, Any]
    date: str | None = None
    stale: bool | None = None


class InsightOut(BaseModel):
    """One insight (the items of `memex insights --json`)."""

    id: int
    kind: Literal["connection", "resurface", "cluster", "contradiction"]
    title: str
    notes: list[str]
    evidence: list[EvidenceOut]
    score: float
    created: str


class InsightsOut(BaseModel):
    """Insights, newest first."""

    insights: list[InsightOut]


class RebuiltOut(BaseModel):
    """What a full graph rebuild did."""

    changed: int = Field(description="Notes whose graph rows were recomputed.")
    removed: int
    seconds: float
    rebuilt: bool


class DismissedOut(BaseModel):
    """An insight that will not come back."""

    dismissed: int


class GraphOut(BaseModel):
    """The note graph in node-link form with hubs and orphans."""

    around: int | None
    nodes: list[dict[str, Any]]
    edges: list[dict[str, Any]]
    stats: dict[str, Any] = Field(description="notes, edges, placeholders, hubs, orphans")


def add_graph_routes(app: FastAPI, gateway: Gateway) -> None:
    """Register /related, /graph and /insights on the API."""

    @app.get("/related", response_model=RelatedOut, tags=["graph"])
    def related(note: Annotated[str, NOTE], k: Annotated[int, Query(ge=1, le=200)] = 10) -> dict[str, Any]:
        """Notes related to a note, best first, each with its reasons (link, backlink, tag, entity, semantic)."""
        return gateway.related_notes(note, k)

    @app.get("/graph", response_model=GraphOut, tags=["graph"],
             responses={200: {"content": {"application/json": {}, "application/graphml+xml": {}, "text/html": {}}}})
    def graph(around: Annotated[str | None, Query(min_length=1, max_length=4096, pattern=r"^[^\x00-\x1f\x7f]*$",
                                                  description="Only this note's neighbourhood.")] = None,
              depth: Annotated[int, Query(ge=0, le=5)] = 1,
              format: Annotated[Literal["json", "graphml", "html"], Query()] = "json") -> Any:
        """The note graph (or a note's neighbourhood) as JSON, GraphML or a self-contained HTML page."""
        ng = gateway.note_graph(around, depth)
        if format == "graphml":
            return Response(ng.to_graphml(), media_type="application/graphml+xml")
        if format == "html":
            return HTMLResponse(ng.to_html())
        return ng.to_json()

    @app.post("/graph/rebuild", response_model=RebuiltOut, tags=["graph"], responses=progress_events.RESPONSES)
    def rebuild(request: Request, stream: progress_events.STREAM = False) -> Any:
        """Recompute every note's links, names, neighbours and statements from the stored notes (after an
        upgrade changed how they are found); with `stream=true`, `graph` progress events {done, total}."""
        actor = f"api:{request.client.host if request.client else '?'}"

        def work(progress: Any = None) -> dict[str, Any]:
            return gateway.rebuild_graph(actor, progress)

        return progress_events.progress_response(work) if stream else work()

    @app.get("/insights", response_model=InsightsOut, tags=["graph"])
    def insights(since: Annotated[dt.date | None, Query(description="Found on or after (YYYY-MM-DD).")] = None,
                 kind: Annotated[Literal["connection", "resurface", "cluster", "contradiction"] | None,
                                 Query()] = None,
                 refresh: Annotated[bool, Query(description="Compute new insights first.")] = False) -> dict[str, Any]:
        """Proactive insights: connections, notes to revisit, topics, contradictions."""
        found = gateway.insights(since.isoformat() if since else None, kind, refresh)
        return {"insights": [i.to_dict() for i in found]}

    @app.post("/insights/{insight_id}/dismiss", response_model=DismissedOut, tags=["graph"])
    def dismiss(insight_id: Annotated[int, Path(ge=1, le=2**62)], request: Request) -> dict[str, Any]:
        """Dismiss an insight; it is not proposed again."""
        gateway.dismiss_insight(insight_id, f"api:{request.client.host if request.client else '?'}")
        return {"dismissed": insight_id}
