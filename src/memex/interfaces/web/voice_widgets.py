"""Web UI pieces for sound: ask by voice (record in the browser, hear the answer) and clip players.

A spoken question is a turn of the open conversation like a typed one: Streamlit's audio input records
with the browser's MediaRecorder and sends a WAV; the server transcribes it, answers through the same
pipeline as a typed question (saving the turn to the thread), and speaks the answer. The page then
reloads the thread from SQLite, and the spoken answer plays under its turn.
"""
from __future__ import annotations

import os
import time
from typing import Any

import streamlit as st

from memex.errors import MemexError
from memex.interfaces.gateway import Gateway
from memex.interfaces.web import render

ACTOR = "web"
SPOKEN = "voice_spoken"
"""session_state: the last spoken answer, {"thread", "turn", "audio", "at"}, replayable under its turn."""
AUTOPLAY_S = 60.0
"""The spoken answer starts by itself on the page runs within this long of answering. Its player is the same
element on each of those runs (same props), so the browser keeps it and does not play it again; a run that
interrupts another (likely on a busy machine) cannot rob it of its autoplay either."""


def play_clip(path: str, location: dict[str, Any] | None) -> None:
    """An audio player starting where a cited or found passage of a recording is spoken."""
    start = render.clip_start(location)
    if start is not None and os.path.isfile(path):
        st.audio(path, start_time=start)


def ask_by_voice(gw: Gateway, key: str, thread_id: str | None, turns: int, notebook: Any) -> str | None:
    """Record a question in the browser and answer it as the thread's next turn (a new thread when none is
    open); returns the thread's id once a question was answered (the caller reloads the page), else None."""
    recording = st.audio_input("Ask by voice", key=key, help="Record your question, then stop: the answer is "
                               "shown with its sources and spoken.")
    if recording is None:
        return None
    created = thread_id is None
    tid = thread_id or notebook.create_thread("", ACTOR)["id"]
    try:
        with st.spinner("Transcribing and answering…"):
            reply = gw.voice_ask(recording.getvalue(), recording.name or "question.wav", actor=ACTOR, thread=tid)
    except MemexError as e:
        if created:  # nothing was asked: leave no empty conversation behind
            notebook.delete_thread(tid, ACTOR)
        st.error(f"Could not answer that recording: {e}")
        return None
    st.session_state[SPOKEN] = {"thread": tid, "turn": turns, "audio": reply.audio, "at": time.monotonic()}
    return tid


def spoken_answer(thread_id: str | None, turn: int) -> None:
    """Under a turn that was asked by voice: the spoken answer (playing by itself right after answering)."""
    spoken = st.session_state.get(SPOKEN)
    if not spoken or spoken["thread"] != thread_id or spoken["turn"] != turn or not spoken["audio"]:
        return
    st.audio(spoken["audio"], format="audio/wav", autoplay=time.monotonic() - spoken["at"] < AUTOPLAY_S)
