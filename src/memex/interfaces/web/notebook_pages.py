"""Web UI pages for conversations, memories and quick capture: Ask (threads, streamed answers), Memory, New note.

Threads live in SQLite (the same ones `memex threads` and the API show) and the open thread's id is in
the page URL (`?thread=<id>`), so a reload, a second tab or a bookmark comes back to the conversation.
Answers stream token by token as the pipeline produces them, with its steps shown as they happen; a slow
model (a minute on a CPU) only means a longer wait, never a lost answer. Imported by app.py.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import streamlit as st

from memex.errors import MemexError
from memex.interfaces.gateway import Gateway
from memex.interfaces.notebook import Notebook
from memex.interfaces.web import export_widgets, render, voice_widgets
from memex.retrieve.search import Filters

ACTOR = "web"
THREAD_PARAM = "thread"
SIDEBAR_THREADS = 20
STEP_LABELS = {"condense": "Planning the search…", "plan": "Searching your notes…",
               "retrieve": "Writing the answer…", "synthesize": "Checking every sentence against its source…",
               "reformulate": "Not supported by what was found: searching again…"}
"""Pipeline steps are reported as they finish; each label says what happens next."""

OpenNote = Callable[[str, str | None, str | None], None]


@st.cache_resource(show_spinner=False)
def notebook_for(_gateway: Gateway, home: str) -> Notebook:
    """One Notebook per Gateway (home) for the server process."""
    return Notebook(_gateway)


def notebook(gw: Gateway) -> Notebook:
    """The Notebook of this UI's home."""
    return notebook_for(gw, str(gw.settings.home))


def current_thread() -> str | None:
    """The open thread's id, from the page URL."""
    tid = st.query_params.get(THREAD_PARAM)
    return tid if tid and tid.isalnum() and len(tid) <= 64 else None


def open_thread(tid: str | None) -> None:
    """Callback: switch to a thread (None: a new conversation)."""
    if tid:
        st.query_params[THREAD_PARAM] = tid
    else:
        st.query_params.pop(THREAD_PARAM, None)
    st.session_state["page"] = "Ask"


def close_thread() -> None:
    """Leave the open thread (in the page's own run, not a callback)."""
    st.query_params.pop(THREAD_PARAM, None)


# ---- Ask -------------------------------------------------------------------------------------------
def sidebar_threads(gw: Gateway) -> None:
    """The conversation list in the sidebar: new, and the most recent threads."""
    nb = notebook(gw)
    st.caption("Conversations")
    st.button("New conversation", key="new_thread", on_click=open_thread, args=(None,), icon=":material/add:",
              width="stretch")
    current = current_thread()
    for t in nb.list_threads()[:SIDEBAR_THREADS]:
        label = render.snippet(t["title"] or "(empty)", 48)
        st.button(label, key=f"thread-{t['id']}", on_click=open_thread, args=(t["id"],),
                  type="primary" if t["id"] == current else "secondary", width="stretch",
                  help=f"{t['turns']} turn(s)")


def render_citations(turn_no: int, answer: dict[str, Any], titles: dict[str, str | None],
                     open_note: OpenNote) -> None:
    """Clickable citations: each opens its note with the passage highlighted."""
    for c in answer["citations"]:
        st.button(render.citation_label(c, titles.get(c["path"])), key=f"cite-{turn_no}-{c['n']}",
                  on_click=open_note, args=(c["path"], c["chunk_id"], c["quote"]), icon=":material/description:")
        voice_widgets.play_clip(c["path"], c.get("location"))
    closest = (answer.get("steps") or {}).get("closest") or []
    if answer["abstained"] and closest:
        st.caption("Closest passages:")
        for i, h in enumerate(closest[:3]):
            st.button(f"{render.display_name(h['path'], h.get('title'))} · "
                      f"{render.location_label(h.get('location'))}", key=f"near-{turn_no}-{i}",
                      on_click=open_note, args=(h["path"], h["chunk_id"], None))


def _titles(gw: Gateway, answer: dict[str, Any]) -> dict[str, str | None]:
    out: dict[str, str | None] = {}
    for c in answer["citations"]:
        s = gw.summary_for_path(c["path"])
        out[c["path"]] = s.title if s else None
    return out


def stream_answer(gw: Gateway, question: str, tid: str, filters: Filters | None) -> dict[str, Any]:
    """Stream one answer onto the page (steps in a status box, tokens as they come); returns the answer."""
    final: dict[str, Any] = {}
    status = st.status("Searching your notes…", expanded=False)
    streamed: list[str] = []

    def tokens() -> Iterator[str]:
        for event in gw.ask_stream(question, filters, False, ACTOR, thread=tid):
            kind = event.get("type")
            if kind == "step":
                label = STEP_LABELS.get(str(event.get("step")))
                if label:
                    status.update(label=label)
                    status.write(label)
                if event.get("step") == "reformulate" and streamed:
                    streamed.clear()
                    yield "\n\n*(not supported by the notes found — searching again)*\n\n"
            elif kind == "token" and event.get("text"):
                streamed.append(event["text"])
                yield render.safe_markdown(event["text"])
            elif kind == "answer":
                final.update(event)

    st.write_stream(tokens())
    status.update(label="Done", state="complete")
    if final and " ".join("".join(streamed).split()) != " ".join(final["answer"].split()):
        label = "Checked answer" if not final["abstained"] else "Not supported by your notes"
        st.markdown(f"**{label}:**\n\n" + render.answer_markdown(final["answer"]))
    return final


def page_ask(gw: Gateway, filter_inputs: Callable[[str], Filters], open_note: OpenNote) -> None:
    """Questions answered from the notes with citations, kept as threads that survive a reload."""
    nb = notebook(gw)
    tid = current_thread()
    thread: dict[str, Any] | None = None
    if tid:
        try:
            thread = nb.thread(tid)
        except MemexError:
            st.warning("That conversation no longer exists; starting a new one.")
            close_thread()
            tid = None
    st.header(thread["title"] if thread and thread["title"] else "Ask your notes")
    if gw.writing_now:
        st.info("The index is being updated (see Status): answers use what is indexed so far.",
                icon=":material/sync:")
    with st.expander("Filters"):
        filters = filter_inputs("ask")
    turns = thread["turns"] if thread else []
    for i, turn in enumerate(turns):
        with st.chat_message("user"):
            st.text(turn["question"])
        with st.chat_message("assistant"):
            st.markdown(render.answer_markdown(turn["answer"]))
            render_citations(i, turn, _titles(gw, turn), open_note)
            voice_widgets.spoken_answer(tid, i)
            export_widgets.answer_download(gw, i, {"question": turn["question"], "answer": turn}, gw.settings.llm)
    if thread:
        export_widgets.conversation_download(gw, thread["id"])
    if thread and st.button("Delete this conversation", key="delete_thread", icon=":material/delete:"):
        nb.delete_thread(thread["id"], ACTOR)
        close_thread()
        st.rerun()
    with st.expander("Ask by voice", icon=":material/mic:"):
        spoken_in = voice_widgets.ask_by_voice(gw, f"voice_q_{tid}_{len(turns)}", tid, len(turns), nb)
    if spoken_in:  # the turn is saved in the thread: show it (and play the answer) from there
        st.query_params[THREAD_PARAM] = spoken_in
        st.rerun()
    question = st.chat_input("Ask a question about your notes", key="ask_input")
    if not question:
        if not turns:
            st.caption("Answers quote your notes and cite them; click a citation to open the passage. "
                       "Conversations are kept: pick one in the sidebar to continue it.")
        return
    started = tid is None
    if tid is None:
        tid = nb.create_thread(question, ACTOR)["id"]
        st.query_params[THREAD_PARAM] = tid
    with st.chat_message("user"):
        st.text(question)
    with st.chat_message("assistant"):
        answer = stream_answer(gw, question, tid, filters if filters.active() else None)
        if answer:
            render_citations(len(turns), answer, _titles(gw, answer), open_note)
    if started:
        st.rerun()  # the new thread joins the sidebar list; the turn is already saved, so nothing is lost


# ---- Memory ----------------------------------------------------------------------------------------
def page_memory(gw: Gateway) -> None:
    """Facts Memex was asked to remember: list, add, forget."""
    nb = notebook(gw)
    st.header("Memory")
    st.caption("Facts you asked Memex to remember (“remember that …” in Ask, or here). Each is a small note "
               "that answers can cite.")
    with st.form("memory_form", clear_on_submit=True):
        fact = st.text_input("Remember that…", key="memory_fact", placeholder="the spare key is under the blue pot")
        if st.form_submit_button("Remember", type="primary") and fact.strip():
            with st.spinner("Saving and indexing…"):
                record = nb.remember(fact, ACTOR)
            st.success(f"Remembered: {record['fact']}")
    items = nb.memories()
    if not items:
        st.info("Nothing remembered yet.")
    for m in reversed(items):
        with st.container(border=True):
            c1, c2 = st.columns([6, 1])
            c1.markdown(render.safe_markdown(m["fact"]))
            c1.caption(f"{m['date']} · {m['origin']} · id {m['id']}")
            if c2.button("Forget", key=f"forget-{m['id']}", icon=":material/delete:"):
                nb.forget(m["id"], ACTOR)
                st.rerun()


# ---- New note ----------------------------------------------------------------------------------------
def page_new_note(gw: Gateway) -> None:
    """Quick capture: a new note, or a line for today's daily note, written into the inbox folder."""
    nb = notebook(gw)
    st.header("New note")
    places = nb.places()
    st.caption(f"New notes go to {places.inbox}; daily notes to {places.daily}. "
               "Change this with capture_inbox / capture_daily_folder in the config.")
    title = st.text_input("Title (optional)", key="note_title", placeholder="Call with Priya")
    text = st.text_area("Note", key="note_text", height=200, placeholder="What's on your mind?")
    c1, c2 = st.columns(2)
    new = c1.button("Save as a new note", key="note_save", type="primary", icon=":material/note_add:")
    daily = c2.button("Add to today's daily note", key="note_daily", icon=":material/today:")
    if not (new or daily):
        return
    if not text.strip():
        st.warning("Write something first.")
        return
    with st.status("Saving and indexing…", expanded=False) as status:
        saved = nb.new_note(title or None, text, ACTOR) if new else nb.append_daily(text, ACTOR)
        status.update(label="Indexed" if saved["indexed"] else "Saved (not indexed)", state="complete")
    if saved["indexed"]:
        st.success(f"Saved to {saved['path']} and indexed: search and Ask find it now.")
    else:
        st.warning(f"Saved to {saved['path']} but not indexed: {saved['error']}")


# ---- small pieces for the Browse and Status pages ------------------------------------------------------
def forget_document_button(gw: Gateway, doc: dict[str, Any], close_note: Callable[[], None]) -> None:
    """Remove the open note from the index (the file on disk stays; an uploaded copy is deleted)."""
    if st.button("Remove from the index", key="forget_note", icon=":material/delete:",
                 help="The file stays where it is and is not indexed again (memex add brings it back)."):
        gw.delete_document(int(doc["id"]), actor=ACTOR)
        close_note()
        st.rerun()


def audit_log(gw: Gateway) -> None:
    """The audit log (writes and questions, never note text) behind a toggle."""
    if st.toggle("Show recent activity (audit log)", key="show_audit"):
        st.dataframe([{"when": render.when(e.at), "who": e.actor, "action": e.action, "status": e.status,
                       "target": e.target or ""} for e in gw.audit_log(100)], hide_index=True)
