"""Web UI pages over the note graph: Graph (interactive, offline) and Insights. Registered by web/app.py.

The graph is drawn by vis-network, bundled in the package (memex/graph/static), as a Streamlit component
that posts back the note to open; no script is loaded from the network.
"""
from __future__ import annotations

from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

import streamlit as st
import streamlit.components.v1 as components

from memex.interfaces.gateway import Gateway
from memex.interfaces.web import render
from memex.store.documents import get_meta

INSIGHT_KINDS = ["contradiction", "connection", "resurface", "cluster"]
MAX_VIEW_NODES = 5000
KIND_LABELS = {"contradiction": "Contradictions", "connection": "Connections", "resurface": "Notes to revisit",
               "cluster": "Topics"}
_component: Any = None


def graph_component() -> Any:
    """The bidirectional graph component, served from the package's static folder."""
    global _component
    if _component is None:
        folder = resources.files("memex.graph").joinpath("static")
        _component = components.declare_component("memex_graph", path=str(folder))
    return _component


def page_graph(gw: Gateway, open_note: Callable[..., None]) -> None:
    """The whole vault or one note's neighbourhood; click a node for its related notes, open it from there."""
    st.header("Graph")
    c1, c2, c3 = st.columns([3, 1, 1])
    around = c1.text_input("Around a note (title, path or id; empty = the whole vault)", key="graph_around")
    depth = int(c2.number_input("Depth", min_value=1, max_value=5, value=2, key="graph_depth"))
    c3.caption("Click a note for its related list; double-click or “Open note” to read it.")
    if st.button("Rebuild graph", key="graph_rebuild",
                 help="Recompute every note's links, names, neighbours and statements from the stored notes"):
        bar = st.progress(0.0, text="Linking notes…")

        def progress(event: str, **info: Any) -> None:
            if event == "graph" and info.get("total"):
                bar.progress(min(1.0, info["done"] / info["total"]),
                             text=f"Linking notes {info['done']}/{info['total']}")

        done = gw.rebuild_graph("web", progress)
        bar.progress(1.0, text=f"Rebuilt the note graph: {done['changed']} notes in {done['seconds']:.1f} s")
    ng = gw.note_graph(around.strip() or None, depth)
    total = ng.graph.number_of_nodes()
    if total > MAX_VIEW_NODES:  # beyond this a browser struggles: the best-connected notes, and say so
        keep = sorted(ng.graph.nodes, key=lambda n: -ng.graph.degree(n))[:MAX_VIEW_NODES]
        ng.graph = ng.graph.subgraph(keep).copy()
        st.info(f"Showing the {MAX_VIEW_NODES:,} best-connected of {total:,} notes; pick a note above to see "
                "its whole neighbourhood.")
    data = ng.to_json()
    stats = data["stats"]
    st.caption(f"{stats['notes']} notes · {stats['edges']} edges · {stats['placeholders']} unresolved link "
               f"target(s) · {len(stats['orphans'])} orphan(s)")
    graph_component()(data=data, height=650, key="graph_view", default=None,
                      on_change=lambda: _picked(open_note))
    with st.expander(f"Hubs and orphans ({len(stats['hubs'])} hubs, {len(stats['orphans'])} orphans)"):
        if stats["hubs"]:
            st.table([{"note": h["title"], "edges": h["degree"], "path": h["path"]} for h in stats["hubs"]])
        for i, p in enumerate(stats["orphans"][:50]):
            st.button(Path(p).stem, key=f"orphan-{i}", on_click=open_note, args=(p, None, None))


def page_insights(gw: Gateway, open_note: Callable[..., None]) -> None:
    """Contradictions, connections, notes to revisit and topics; each dismissible for good."""
    st.header("Insights")
    c1, c2, c3 = st.columns([2, 2, 1])
    kind = c1.selectbox("Kind", ["all", *INSIGHT_KINDS], key="insights_kind",
                        format_func=lambda k: "All" if k == "all" else KIND_LABELS[k])
    since = c2.date_input("Found since", value=None, key="insights_since")
    refresh = c3.button("Refresh now", key="insights_refresh")
    with gw.reading() as b:
        never = get_meta(b.conn, "insights_at") is None  # first visit: compute them now
    found = gw.insights(since.isoformat() if since else None, None if kind == "all" else kind, refresh=refresh or never)
    if not found:
        st.info("No insights yet. They appear after a sync: contradictions between dated notes, notes that "
                "should link, older notes worth revisiting, and the topics of the vault.")
        return
    st.caption(f"{len(found)} insight(s)")
    for ins in found:
        with st.container(border=True):
            st.markdown(f"**{KIND_LABELS[ins.kind][:-1] if ins.kind != 'resurface' else 'Revisit'}** · "
                        f"{render.safe_markdown(ins.title)}")
            for j, ev in enumerate(ins.evidence[:4]):
                stale = " (stale)" if ev.get("stale") else ""
                st.caption(f"{render.display_name(ev['path'])}{stale} · {render.location_label(ev.get('location'))}")
                st.markdown("> " + render.safe_markdown(" ".join(ev["quote"].split())[:400]))
                st.button("Open", key=f"ins-{ins.id}-ev-{j}", on_click=open_note,
                          args=(ev["path"], None, ev["quote"]))
            if ins.kind == "cluster" and not ins.evidence:
                st.caption(", ".join(render.display_name(p) for p in ins.notes[:30]))
            st.button("Dismiss", key=f"dismiss-{ins.id}", on_click=_dismiss, args=(gw, ins.id))


def _picked(open_note: Callable[..., None]) -> None:
    """Callback: the graph view asked to open a note."""
    picked = st.session_state.get("graph_view")
    if isinstance(picked, dict) and picked.get("open"):
        open_note(picked["open"])


def _dismiss(gw: Gateway, insight_id: int) -> None:
    gw.dismiss_insight(insight_id, actor="web")
