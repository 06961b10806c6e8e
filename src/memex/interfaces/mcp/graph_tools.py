"""MCP tools and resources over the note graph: related notes with reasons, a note's neighbourhood, insights."""
from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from typing import Annotated, Any, Literal

from mcp.server.mcpserver import MCPServer
from mcp.server.mcpserver.exceptions import ResourceError
from mcp.types import ToolAnnotations
from pydantic import Field

from memex.errors import MemexError
from memex.interfaces.gateway import Gateway

READ_ONLY = ToolAnnotations(readOnlyHint=True, destructiveHint=False, idempotentHint=True, openWorldHint=False)
DISMISS = ToolAnnotations(readOnlyHint=False, destructiveHint=False, idempotentHint=True, openWorldHint=False)
MAX_NODES = 300
"""A neighbourhood handed to an assistant is cut to this many notes (closest first)."""


def _graph_summary(ng: Any, clean: Callable[..., str]) -> dict[str, Any]:
    data = ng.to_json()
    nodes = sorted(data["nodes"], key=lambda n: (n.get("hops", 0), str(n.get("title"))))[:MAX_NODES]
    keep = {n["id"] for n in nodes}
    return {"around": data["around"], "truncated": len(data["nodes"]) > len(nodes),
            "notes": [{"id": n["id"], "title": clean(str(n.get("title") or "")), "path": n.get("path"),
                       "date": n.get("date"), "hops": n.get("hops"), "topic": n.get("cluster"),
                       "unresolved": bool(n.get("placeholder"))} for n in nodes],
            "edges": [{"a": e["source"], "b": e["target"], "kinds": e.get("kinds", []),
                       "detail": clean(str(e.get("detail") or ""))} for e in data["edges"]
                      if e["source"] in keep and e["target"] in keep],
            "hubs": data["stats"]["hubs"], "orphans": data["stats"]["orphans"][:50]}


def register_graph_tools(server: MCPServer, gateway: Gateway, actor: str, call: Callable[..., Any],
                         clean: Callable[..., str], untrusted: str) -> None:
    """Add related, note_neighbourhood, insights and dismiss_insight, and their resources."""

    @server.tool(annotations=READ_ONLY, description=(
        "Notes related to a note, best first, each with reasons: link, backlink, tag, entity (a shared person, "
        "place, project or identifier, or one note naming the other) and semantic (the pair of passages that "
        "say similar things). `note` is a note id, path or title."))
    def related(note: Annotated[str, Field(min_length=1, max_length=4096, description="Note id, path or title.")],
                k: Annotated[int, Field(ge=1, le=30, description="How many notes (default 10).")] = 10
                ) -> dict[str, Any]:
        r = call(gateway.related_notes, note, k)
        for item in r["related"]:
            item["title"] = clean(item["title"] or "")
            for reason in item["reasons"]:
                reason["detail"] = clean(reason["detail"], 400)
        return {"note": untrusted, "related_to": r["note"], "related": r["related"]}

    @server.tool(annotations=READ_ONLY, description=(
        "The graph around a note: the notes within `depth` links/shared names/close meaning of it, the edges "
        "between them with their kinds, the hubs and the orphans. Without `note`, the hubs and orphans of the "
        "whole vault."))
    def note_neighbourhood(note: Annotated[str | None, Field(max_length=4096, description="Note id, path or title.")]
                           = None, depth: Annotated[int, Field(ge=0, le=3)] = 1) -> dict[str, Any]:
        ng = call(gateway.note_graph, note, depth)
        summary = _graph_summary(ng, clean)
        if note is None:
            summary.pop("notes")
            summary.pop("edges")
        return summary

    @server.tool(annotations=READ_ONLY, description=(
        "Proactive insights from the user's notes: `contradiction` (two dated statements that disagree; the later "
        "wins, the older is stale), `connection` (notes that should link), `resurface` (old notes relevant to "
        "recent ones), `cluster` (topics). Each has evidence quotes with paths."))
    def insights(kind: Annotated[Literal["connection", "resurface", "cluster", "contradiction"] | None,
                                 Field(description="Only this kind.")] = None,
                 since: Annotated[dt.date | None, Field(description="Found on or after (YYYY-MM-DD).")] = None,
                 limit: Annotated[int, Field(ge=1, le=100)] = 20) -> dict[str, Any]:
        found = call(gateway.insights, since.isoformat() if since else None, kind)[:limit]
        items = []
        for i in found:
            d = i.to_dict()
            d["title"] = clean(d["title"], 500)
            for ev in d["evidence"]:
                ev["quote"] = clean(ev["quote"], 600)
            items.append(d)
        return {"note": untrusted, "insights": items}

    if gateway.option("mcp_write_tools", False):
        @server.tool(annotations=DISMISS, description=(
            "Dismiss an insight by id so it is never proposed again (changes only Memex's insight list, never a "
            "note)."))
        def dismiss_insight(id: Annotated[int, Field(ge=1, le=2**62, description="Insight id.")]) -> dict[str, Any]:
            call(gateway.dismiss_insight, id, actor)
            return {"dismissed": id}

    @server.resource("memex://insights", mime_type="application/json", description="Current insights (newest first).")
    def insights_resource() -> str:
        try:
            return json.dumps([i.to_dict() for i in gateway.insights()[:50]], ensure_ascii=False)
        except MemexError as e:
            raise ResourceError(str(e)) from None

    @server.resource("memex://related/{id}", mime_type="application/json",
                     description="Notes related to a note, with reasons.")
    def related_resource(id: str) -> str:
        if not id.isdigit() or not 0 < int(id) < 2**62:
            raise ResourceError(f"not a note id: {id!r}")
        try:
            return json.dumps(gateway.related_notes(int(id), 10), ensure_ascii=False)
        except MemexError as e:
            raise ResourceError(str(e)) from None
