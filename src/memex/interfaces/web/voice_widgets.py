"""Web UI pieces for sound: ask by voice (record in the browser, hear the answer) and clip players."""
from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

import streamlit as st

from memex.interfaces.gateway import Gateway
from memex.interfaces.web import render

ACTOR = "web"


def play_clip(path: str, location: dict[str, Any] | None) -> None:
    """An audio player starting where a cited or found passage of a recording is spoken."""
    start = render.clip_start(location)
    if start is not None and os.path.isfile(path):
        st.audio(path, start_time=start)


def ask_by_voice(gw: Gateway, key: str, show_citations: Callable[[dict[str, Any]], None]) -> None:
    """Record a question in the browser; show the transcript and the answer, and speak the answer."""
    recording = st.audio_input("Ask by voice", key=key)
    if recording is None:
        return
    with st.spinner("Listening…"):
        reply = gw.voice_ask(recording.getvalue(), recording.name or "question.wav", actor=ACTOR)
    answer = reply.answer.to_dict()
    with st.chat_message("user"):
        st.text(reply.transcript.text)
    with st.chat_message("assistant"):
        st.markdown(render.answer_markdown(answer["answer"]))
        if reply.audio:
            st.audio(reply.audio, format="audio/wav", autoplay=True)
        show_citations(answer)
