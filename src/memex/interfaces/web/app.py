"""The Streamlit script behind `memex ui`: Ask, Search, Browse (with related notes), New note, Memory, Add, Status.

A thin layer over the same Brain the CLI uses, reached through the servers' Gateway (one per home, cached
for the process), so the UI has no search or answering logic of its own. Run with `memex ui`.
"""
from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import streamlit as st

from memex.config import default_home
from memex.errors import MemexError
from memex.interfaces.gateway import Gateway, make_filters, supported_extensions
from memex.interfaces.web import export_widgets, notebook_pages, render
from memex.retrieve.search import Filters

ACTOR = "web"
PAGES = ["Ask", "Search", "Browse", "New note", "Memory", "Add", "Status", "Export"]
BROWSE_PAGE_SIZE = 50
CONFIG_ENV = "MEMEX_UI_CONFIG"  # config file set by `memex ui --config`; MEMEX_HOME carries the home
# Note: no bare string statements at module level here: Streamlit "magic" would print them on the page.


@st.cache_resource(show_spinner="Opening your notes…")
def gateway_for(home: str, config_file: str) -> Gateway:
    """One Gateway (reader + writer Brain) per home for the whole server process."""
    return Gateway(home, Path(config_file) if config_file else None)


def gateway() -> Gateway:
    """The Gateway for the home this UI was started with."""
    home = str(default_home().expanduser().absolute())
    return gateway_for(home, os.environ.get(CONFIG_ENV, ""))


# ---- navigation state ----------------------------------------------------------------------------
def open_note(path: str, chunk_id: str | None = None, quote: str | None = None) -> None:
    """Callback: show a note (the cited chunk highlighted) on the Browse page."""
    st.session_state["open_doc"] = {"path": path, "chunk_id": chunk_id, "quote": quote}
    st.session_state["page"] = "Browse"


def close_note() -> None:
    """Callback: back to the list of notes."""
    st.session_state["open_doc"] = None
    st.session_state["browse_pick"] = None


def pick_note() -> None:
    """Callback: the Browse page's note picker changed."""
    pick = st.session_state.get("browse_pick")
    if pick:
        open_note(pick)


def filter_inputs(prefix: str) -> Filters:
    """Path glob, tags and date range inputs; validated into Filters."""
    c1, c2, c3, c4, c5 = st.columns(5)
    path = c1.text_input("Path glob", key=f"{prefix}_path", placeholder="projects/*")
    tags = c2.text_input("Tags", key=f"{prefix}_tags", placeholder="heron, meeting")
    after = c3.date_input("After", value=None, key=f"{prefix}_after")
    before = c4.date_input("Before", value=None, key=f"{prefix}_before")
    langs = c5.text_input("Languages", key=f"{prefix}_langs", placeholder="es, en")
    return make_filters(path.strip() or None, render.parse_tags(tags),
                        after.isoformat() if after else None, before.isoformat() if before else None,
                        [x for x in re.split(r"[,\s]+", langs) if x])


def title_of(gw: Gateway, path: str) -> str | None:
    """A note's title by path (None when it is gone from the index)."""
    s = gw.summary_for_path(path)
    return s.title if s else None


# ---- Ask, Memory, New note (threads, streamed answers, quick capture: notebook_pages.py) -------------
def page_ask(gw: Gateway) -> None:
    """Questions answered from the notes, with citations, in threads that survive a reload."""
    notebook_pages.page_ask(gw, filter_inputs, open_note)


# ---- Search ----------------------------------------------------------------------------------------
def page_search(gw: Gateway) -> None:
    """Hybrid search with filters and the explain view."""
    st.header("Search")
    with st.form("search_form"):
        query = st.text_input("Query", key="search_query", placeholder="INV-2024-0042, weekly sync, …")
        filters = filter_inputs("search")
        c1, c2 = st.columns([1, 3])
        k = int(c1.number_input("Results", min_value=1, max_value=100, value=10, key="search_k"))
        explain = c2.checkbox("Explain ranking", value=True, key="search_explain")
        submitted = st.form_submit_button("Search", type="primary")
    if submitted:
        if not query.strip():
            st.warning("Type something to search for.")
            return
        hits = gw.search(query, k, filters if filters.active() else None, explain)
        st.session_state["search"] = {"query": query, "filters": filters.describe(),
                                      "hits": [h.to_dict() | {"doc_id": h.doc_id} for h in hits]}
    result = st.session_state.get("search")
    if not result:
        return
    hits = result["hits"]
    st.caption(f"{len(hits)} result{'s' if len(hits) != 1 else ''} for “{result['query']}”"
               + (f" · {'; '.join(result['filters'])}" if result["filters"] else ""))
    for i, h in enumerate(hits):
        with st.container(border=True):
            st.markdown(f"**{i + 1}. {render.display_name(h['path'], h.get('title'))}**")
            st.caption(f"{h['path']} · {render.location_label(h['location'])} · score {h['score']:.4f}")
            st.markdown(render.safe_markdown(h["text"]))  # a chunk is short: the embedder's budget
            st.button("Open in note", key=f"hit-{i}", on_click=open_note, args=(h["path"], h["chunk_id"], None))
            if h.get("explain"):
                with st.expander("Why this result"):
                    st.table(render.explain_rows(h["explain"]))


# ---- Browse and the note view ----------------------------------------------------------------------
def tags_by_doc(gw: Gateway, ids: list[int]) -> dict[int, list[str]]:
    """Tags of the listed documents, one query."""
    if not ids:
        return {}
    out: dict[int, list[str]] = {}
    with gw.reading() as b:
        rows = b.conn.execute(f"SELECT doc_id, tag FROM tags WHERE doc_id IN ({','.join('?' * len(ids))}) "
                              "ORDER BY tag", ids).fetchall()
    for doc_id, tag in rows:
        out.setdefault(int(doc_id), []).append(tag)
    return out


def page_browse(gw: Gateway) -> None:
    """All notes with titles, dates and tags; pick one to read it."""
    if st.session_state.get("open_doc"):
        render_note(gw, st.session_state["open_doc"])
        return
    st.header("Browse notes")
    with st.expander("Filters"):
        filters = filter_inputs("browse")
    page = int(st.session_state.get("browse_page", 0))
    total, docs = gw.list_documents(filters, BROWSE_PAGE_SIZE, page * BROWSE_PAGE_SIZE)
    if not total:
        st.info("No notes yet. Add a folder on the Add page.")
        return
    tags = tags_by_doc(gw, [d.id for d in docs])
    st.selectbox("Open a note", [d.path for d in docs], index=None, key="browse_pick", on_change=pick_note,
                 format_func=lambda p: next(render.display_name(d.path, d.title) for d in docs if d.path == p),
                 placeholder="Choose a note…")
    st.dataframe([{"title": render.display_name(d.path, d.title), "date": d.date or "",
                   "tags": ", ".join(tags.get(d.id, [])), "chunks": d.chunks, "path": d.path} for d in docs],
                 hide_index=True, use_container_width=True)
    pages = max(1, -(-total // BROWSE_PAGE_SIZE))
    if pages > 1:
        st.number_input(f"Page (of {pages})", 1, pages, page + 1, key="browse_page_no",
                        on_change=lambda: st.session_state.update(browse_page=st.session_state.browse_page_no - 1))
    st.caption(f"{total} notes")


def render_note(gw: Gateway, open_doc: dict[str, Any]) -> None:
    """One note, its cited chunk highlighted, and its related notes."""
    st.button("← All notes", key="close_note", on_click=close_note)
    doc = gw.document_by_path(open_doc["path"])
    meta = doc.get("metadata") or {}
    st.header(render.display_name(doc["path"], doc["title"]))
    tags = meta.get("tags") or []
    st.caption(" · ".join(x for x in [doc["path"], doc["date"] or "", doc["parser"],
                                      " ".join(f"#{t}" for t in tags)] if x))
    cited = render.cited_chunk(doc["chunks"], open_doc.get("chunk_id"))
    if cited is not None:
        st.info(f"Cited passage: {render.location_label(render.chunk_location(cited))} (highlighted below)")
    elif open_doc.get("chunk_id"):
        st.warning("The cited passage has changed since the answer was given; showing the current note.")
    st.html(render.note_html(doc["chunks"], open_doc.get("chunk_id"), open_doc.get("quote")))
    render_related(gw, doc["id"])
    notebook_pages.forget_document_button(gw, doc, close_note)


def render_related(gw: Gateway, doc_id: int) -> None:
    """Notes linked both ways by [[wikilinks]] and nearest by meaning."""
    st.subheader("Related notes")
    rel = gw.related(doc_id, 5)
    cols = st.columns(3)
    groups = [("Links to", rel["links_to"]), ("Linked from", rel["linked_from"]),
              ("Similar", [d for d, _ in rel["similar"]])]
    for col, (label, items) in zip(cols, groups, strict=True):
        col.markdown(f"**{label}**")
        if not items:
            col.caption("none")
        for d in items:
            col.button(render.display_name(d.path, d.title), key=f"rel-{label}-{d.id}",
                       on_click=open_note, args=(d.path, None, None))


# ---- Add -------------------------------------------------------------------------------------------
def progress_callback(bar: Any) -> Any:
    """A Brain progress callback that drives a Streamlit progress bar."""
    def update(event: str, **info: Any) -> None:
        step = render.progress_update(event, info)
        if step:
            bar.progress(step[0], text=step[1])
    return update


def show_report(report: Any) -> None:
    """What a sync did, and anything that could not be indexed."""
    d = report.to_dict()
    st.success(f"Added {d['added']}, updated {d['updated']}, moved {d['moved']}, removed {d['removed']}, "
               f"unchanged {d['unchanged']} ({d['seconds']:.1f} s).")
    if d["failed"]:
        st.warning(f"{len(d['failed'])} file(s) could not be indexed; see Status for reasons.")


def page_add(gw: Gateway) -> None:
    """Register a folder, or upload files, and index them with a progress bar."""
    st.header("Add notes")
    raw = st.text_input("Folder path", key="add_path", placeholder="/home/me/notes")
    if st.button("Add folder", key="add_folder", type="primary"):
        path = gw.check_source_path(raw.strip())
        bar = st.progress(0.0, text="Scanning…")
        with gw.writing() as b:
            report = b.add([path], progress=progress_callback(bar))
        gw.log(ACTOR, "add_source", str(path), detail={"added": report.added, "failed": len(report.failed)})
        bar.progress(1.0, text="Done")
        show_report(report)
    exts = sorted(e.lstrip(".") for e in supported_extensions())
    files = st.file_uploader("Or upload files", type=exts, accept_multiple_files=True, key="uploads")
    if files and st.button("Index uploaded files", key="index_uploads"):
        bar = st.progress(0.0, text="Saving…")
        limit = gw.settings.max_file_mb * 2**20
        for i, f in enumerate(files, 1):
            target, report = gw.upload(f.name, f, limit, actor=ACTOR)
            bar.progress(i / len(files), text=f"{i}/{len(files)} {target.name}")
            if report.failed:
                st.warning(f"{target.name}: {report.failed[0]}")
        st.success(f"Indexed {len(files)} upload(s) into {gw.uploads_dir}.")


# ---- Status ----------------------------------------------------------------------------------------
def page_status(gw: Gateway) -> None:
    """Counts, per-source coverage, and every failure with its reason."""
    st.header("Index status")
    if st.button("Sync now", key="sync_now"):
        bar = st.progress(0.0, text="Scanning…")
        with gw.writing() as b:
            report = b.sync(progress=progress_callback(bar))
        gw.log(ACTOR, "sync", None, detail={"added": report.added, "updated": report.updated})
        bar.progress(1.0, text="Done")
        show_report(report)
    s = gw.status()
    c1, c2, c3 = st.columns(3)
    c1.metric("Documents", s["documents"])
    c2.metric("Chunks", s["chunks"])
    c3.metric("Failures", len(s["failures"]))
    vectors = ", ".join(f"{v['vectors']} ({v['embedder']})" for v in s["vectors"]) or "none"
    st.caption(f"Home: {s['home']} · embedder {s['embedder']} · vectors {vectors} · answers: {s['llm']}")
    st.subheader("Sources")
    if s["sources"]:
        st.table([{"source": x["path"] + ("" if x["exists"] else " (missing)"), "documents": x["documents"],
                   "failures": x["failures"], "coverage": render.coverage(x)} for x in s["sources"]])
    else:
        st.info("No sources yet. Add a folder on the Add page.")
    if s["parsers"]:
        st.caption("By format: " + ", ".join(f"{k} {v}" for k, v in sorted(s["parsers"].items())))
    if s.get("languages"):
        st.caption("By language: " + " · ".join(f"{k} {v['documents']:,}" for k, v in s["languages"].items()))
    st.subheader(f"Not indexed ({len(s['failures'])})")
    if s["failures"]:
        st.table([{"file": f["path"], "reason": f["reason"]} for f in s["failures"]])
    else:
        st.caption("Every file was indexed.")
    notebook_pages.audit_log(gw)


# ---- the script ------------------------------------------------------------------------------------
def main() -> None:
    """Lay out the sidebar and the chosen page."""
    st.set_page_config(page_title="Memex", page_icon=":material/neurology:", layout="wide")
    st.session_state.setdefault("page", "Ask")
    st.session_state.setdefault("open_doc", None)
    try:
        gw = gateway()
    except MemexError as e:
        st.error(f"Cannot open Memex: {e}")
        st.stop()
    with st.sidebar:
        st.title("Memex")
        st.radio("Go to", PAGES, key="page", label_visibility="collapsed")
        st.caption(f"Home: {gw.settings.home}")
        if st.session_state["page"] == "Ask":
            notebook_pages.sidebar_threads(gw)
    pages = {"Ask": page_ask, "Search": page_search, "Browse": page_browse, "New note": notebook_pages.page_new_note,
             "Memory": notebook_pages.page_memory, "Add": page_add, "Status": page_status,
             "Export": lambda gw: export_widgets.page_export(gw, filter_inputs, progress_callback, ACTOR)}
    try:
        pages[st.session_state["page"]](gw)
    except MemexError as e:
        st.error(str(e))


main()
