"""The OpenAI-compatible /v1 API on a real `memex serve`, driven by the official `openai` client and raw HTTP."""
from __future__ import annotations

import base64
import json
import shutil
import sqlite3
from pathlib import Path
from types import SimpleNamespace

import httpx
import numpy as np
import pytest
from fixture_paths import SAMPLE_VAULT
from live_server import LiveServer, copy_vault, make_home
from serve_process import ServeProcess

from memex.app import Brain
from memex.ingest.pipeline import embedding_prefix
from memex.interfaces.api.app import create_app
from memex.interfaces.api.security import guard_config, load_or_create_token
from memex.interfaces.gateway import Gateway

openai = pytest.importorskip("openai", reason="the openai client is in the [dev] extra")
QUESTION = "When is the weekly sync?"


@pytest.fixture(scope="module")
def serve(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("v1")
    home = make_home(root)
    with Brain.open(home) as b:
        b.add([copy_vault(root)])
    with ServeProcess(home) as srv:
        client = openai.OpenAI(base_url=f"{srv.url}/v1", api_key=srv.token, max_retries=0, timeout=60)
        yield SimpleNamespace(url=srv.url, token=srv.token, auth=srv.auth, home=home, client=client)


def _counts(home: Path) -> dict[str, int]:
    """What a request could have stored: documents, threads, turns, memories, audited questions."""
    conn = sqlite3.connect(home / "memex.db")
    try:
        out = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("documents", "threads", "turns")}
        out["asks"] = conn.execute("SELECT count(*) FROM audit WHERE action = 'ask'").fetchone()[0]
    finally:
        conn.close()
    out["memories"] = len(list((home / "memories").glob("*.md"))) if (home / "memories").exists() else 0
    return out


def test_models_list_memex(serve) -> None:
    ids = [m.id for m in serve.client.models.list()]
    assert ids[0] == "memex" and "memex:extractive" in ids
    assert serve.client.models.retrieve("memex").owned_by == "memex"


def test_chat_completion_answers_with_a_citation(serve) -> None:
    r = serve.client.chat.completions.create(model="memex", messages=[
        {"role": "system", "content": "You are a helpful assistant."}, {"role": "user", "content": QUESTION}],
        temperature=0.2, max_tokens=500, user="alice")
    assert r.object == "chat.completion" and r.model == "memex" and r.id.startswith("chatcmpl-")
    choice = r.choices[0]
    assert choice.finish_reason == "stop" and choice.message.role == "assistant"
    text = choice.message.content
    assert "Friday at 14:00" in text and "[1]" in text
    answer, sources = text.split("\n\nSources:\n")
    assert "[1]" in answer and sources.startswith("- [1] projects/heron/meetings/2024-05-03 Heron retro.md")
    cites = r.model_extra["citations"]
    assert cites[0]["n"] == 1 and cites[0]["path"].endswith("2024-05-03 Heron retro.md")
    assert "Friday at 14:00" in cites[0]["quote"] and cites[0]["location"]["start_line"] == 20
    assert r.usage.prompt_tokens > 0 and r.usage.total_tokens == r.usage.prompt_tokens + r.usage.completion_tokens
    log = httpx.get(f"{serve.url}/audit", params={"action": "ask"}, headers=serve.auth).json()
    assert log[0]["actor"] == "openai:127.0.0.1 user=alice" and log[0]["doc_ids"]


def test_no_token_is_refused_in_openais_shape(serve) -> None:
    anon = openai.OpenAI(base_url=f"{serve.url}/v1", api_key="not-the-token", max_retries=0)
    with pytest.raises(openai.AuthenticationError) as e:
        anon.chat.completions.create(model="memex", messages=[{"role": "user", "content": QUESTION}])
    assert e.value.status_code == 401 and e.value.body["code"] == "invalid_api_key"
    r = httpx.get(f"{serve.url}/v1/models")
    assert r.status_code == 401 and r.json()["error"]["type"] == "invalid_request_error"


def test_streaming_yields_chunks_then_done(serve) -> None:
    body = {"model": "memex", "stream": True, "stream_options": {"include_usage": True},
            "messages": [{"role": "user", "content": QUESTION}]}
    with httpx.stream("POST", f"{serve.url}/v1/chat/completions", json=body, headers=serve.auth, timeout=60) as r:
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/event-stream")
        lines = [line for line in r.iter_lines() if line]
    assert all(line.startswith("data: ") for line in lines) and lines[-1] == "data: [DONE]"
    chunks = [json.loads(line[6:]) for line in lines[:-1]]
    assert {c["object"] for c in chunks} == {"chat.completion.chunk"} and len({c["id"] for c in chunks}) == 1
    assert chunks[0]["choices"][0]["delta"] == {"role": "assistant", "content": ""}
    finish = [c for c in chunks if c["choices"] and c["choices"][0]["finish_reason"]]
    assert len(finish) == 1 and finish[0]["choices"][0]["finish_reason"] == "stop"
    assert finish[0]["citations"][0]["n"] == 1
    assert chunks[-1]["choices"] == [] and chunks[-1]["usage"]["completion_tokens"] > 0  # include_usage
    assert all(c["usage"] is None for c in chunks[:-1])
    text = "".join(c["choices"][0]["delta"].get("content") or "" for c in chunks if c["choices"])
    assert "Friday at 14:00" in text and "[1]" in text and "\n\nSources:\n- [1] " in text

    # the official client reads the same stream
    stream = serve.client.chat.completions.create(model="memex", messages=[{"role": "user", "content": QUESTION}],
                                                  stream=True)
    parts = [c.choices[0].delta.content or "" for c in stream if c.choices]
    assert len(parts) >= 3 and "Friday at 14:00" in "".join(parts)


def test_earlier_messages_are_the_conversation(serve) -> None:
    first = serve.client.chat.completions.create(model="memex", messages=[{"role": "user", "content": QUESTION}])
    follow = serve.client.chat.completions.create(model="memex", messages=[
        {"role": "user", "content": QUESTION},
        {"role": "assistant", "content": first.choices[0].message.content},
        {"role": "user", "content": "Which room is it in?"}])
    # "it" is the weekly sync: the answer cites the passage naming its room
    assert "Kestrel" in follow.choices[0].message.content
    assert any("Kestrel" in c["quote"] and "weekly sync" in c["quote"] for c in follow.model_extra["citations"])
    # Another conversation: "her" is who the earlier turns were about.
    other = serve.client.chat.completions.create(model="memex", messages=[
        {"role": "user", "content": "Who owns the deployment runbook?"},
        {"role": "assistant", "content": "Priya Raman [1]."},
        {"role": "user", "content": "What is her office badge code?"}])
    assert "BDG-7731-PR" in other.choices[0].message.content


def test_abstention_is_an_ordinary_message(serve) -> None:
    r = serve.client.chat.completions.create(model="memex", messages=[
        {"role": "user", "content": "What is the airspeed of an unladen swallow?"}])
    assert r.choices[0].finish_reason == "stop" and r.model_extra["citations"] == []
    assert "couldn't find" in r.choices[0].message.content


def test_embeddings_equal_the_stored_vectors(serve) -> None:
    conn = sqlite3.connect(serve.home / "memex.db")
    rows = conn.execute("SELECT d.title, c.heading_path, c.text, e.vector FROM chunks c JOIN documents d "
                        "ON d.id = c.doc_id JOIN embeddings e ON e.chunk_id = c.id ORDER BY c.id LIMIT 3").fetchall()
    conn.close()
    texts = [f"{embedding_prefix(t, tuple(json.loads(h)))}\n{x}" for t, h, x, _ in rows]
    stored = [np.frombuffer(v, dtype="<f4") for *_, v in rows]
    r = serve.client.embeddings.create(model="memex", input=texts)  # the client asks for base64 by default
    assert [d.index for d in r.data] == [0, 1, 2] and r.usage.prompt_tokens > 0
    for d, want in zip(r.data, stored, strict=True):
        assert np.array_equal(np.asarray(d.embedding, dtype="<f4"), want)
    floats = httpx.post(f"{serve.url}/v1/embeddings", headers=serve.auth, timeout=30,
                        json={"model": "memex", "input": texts[0], "encoding_format": "float"}).json()
    assert np.array_equal(np.asarray(floats["data"][0]["embedding"], dtype="<f4"), stored[0])
    b64 = httpx.post(f"{serve.url}/v1/embeddings", headers=serve.auth, timeout=30,
                     json={"model": "memex", "input": [texts[0]], "encoding_format": "base64"}).json()
    assert np.array_equal(np.frombuffer(base64.b64decode(b64["data"][0]["embedding"]), dtype="<f4"), stored[0])


def test_bad_input_gets_openai_errors_and_stores_nothing(serve) -> None:
    before = _counts(serve.home)
    c = serve.client
    with pytest.raises(openai.BadRequestError) as e:
        c.chat.completions.create(model="memex", messages=[{"role": "user", "content": "hi"}] * 10_000)
    assert e.value.body["param"] == "messages" and "10000 messages" in e.value.body["message"]
    with pytest.raises(openai.APIStatusError) as e:
        c.chat.completions.create(model="memex", messages=[{"role": "user", "content": "x" * 2**20}])
    assert e.value.status_code == 413 and e.value.body["code"] == "request_too_large"
    with pytest.raises(openai.NotFoundError) as e:
        c.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": QUESTION}])
    assert e.value.body["code"] == "model_not_found" and e.value.body["param"] == "model"
    with pytest.raises(openai.BadRequestError) as e:
        c.chat.completions.create(model="memex", messages=[{"role": "user", "content": QUESTION}],
                                  tools=[{"type": "function", "function": {"name": "f", "parameters": {}}}])
    assert e.value.body["param"] == "tools"
    with pytest.raises(openai.BadRequestError):
        c.chat.completions.create(model="memex", messages=[
            {"role": "user", "content": QUESTION},
            {"role": "assistant", "content": None, "tool_calls": [
                {"id": "c1", "type": "function", "function": {"name": "f", "arguments": "{}"}}]},
            {"role": "tool", "tool_call_id": "c1", "content": "42"}])
    with pytest.raises(openai.BadRequestError):
        c.chat.completions.create(model="memex", messages=[{"role": "user", "content": [
            {"type": "image_url", "image_url": {"url": "data:image/png;base64,AAAA"}}]}])
    with pytest.raises(openai.NotFoundError):
        c.embeddings.create(model="text-embedding-3-small", input="x")
    with pytest.raises(openai.BadRequestError):
        c.embeddings.create(model="memex", input=[[1, 2, 3]])
    raw = [httpx.post(f"{serve.url}/v1/chat/completions", headers={**serve.auth, "Content-Type": "application/json"},
                      content=b"{not json"),
           httpx.post(f"{serve.url}/v1/chat/completions", headers=serve.auth, json={"model": "memex"}),
           httpx.post(f"{serve.url}/v1/chat/completions", headers=serve.auth, json={"model": "memex", "messages": []}),
           httpx.post(f"{serve.url}/v1/chat/completions", headers=serve.auth,
                      json={"model": "memex", "messages": [{"role": "assistant", "content": "hi"}]}),
           httpx.post(f"{serve.url}/v1/chat/completions", headers=serve.auth,
                      json={"model": "memex", "stream": True, "messages": [{"role": "wizard", "content": "x"}]})]
    for r in raw:
        assert r.status_code == 400, r.text
        err = r.json()["error"]
        assert set(err) == {"message", "type", "param", "code"} and "Traceback" not in r.text
    assert _counts(serve.home) == before


def test_rate_limit_is_a_429_in_openais_shape(tmp_path: Path) -> None:
    home = make_home(tmp_path, api_rate_per_minute=60, api_rate_burst=2)
    gateway = Gateway(home)
    token = load_or_create_token(home)
    server = LiveServer(create_app(gateway, guard_config(token, gateway.settings.extra)))
    try:
        client = openai.OpenAI(base_url=f"{server.url}/v1", api_key=token, max_retries=0)
        client.models.list()
        client.models.list()
        with pytest.raises(openai.RateLimitError) as e:
            client.models.list()
        assert e.value.body["code"] == "rate_limit_exceeded" and int(e.value.response.headers["retry-after"]) >= 1
    finally:
        server.stop()
        gateway.close()


def test_open_webui_connection_wire_format(serve) -> None:
    """What Open WebUI (backend/open_webui/routers/openai.py) sends: GET {url}/models with a bearer key and a
    JSON content type, then POST {url}/chat/completions streaming with stream_options.include_usage forced on,
    the last message's content as a list of parts carrying cache_control, and extra fields it passes through."""
    headers = {**serve.auth, "Content-Type": "application/json"}
    models = httpx.get(f"{serve.url}/v1/models", headers=headers).json()
    assert models["object"] == "list" and any(m["id"] == "memex" for m in models["data"])
    payload = {"model": "memex", "stream": True, "stream_options": {"include_usage": True},
               "messages": [{"role": "system", "content": "Be brief."},
                            {"role": "user", "content": [{"type": "text", "text": QUESTION,
                                                          "cache_control": {"type": "ephemeral"}}]}],
               "temperature": 0.8, "top_p": 0.9, "seed": 1, "frequency_penalty": 0, "logit_bias": {},
               "user": {"name": "Ada", "id": "u1", "email": "ada@example.org", "role": "user"}}
    with httpx.stream("POST", f"{serve.url}/v1/chat/completions", content=json.dumps(payload), headers=headers,
                      timeout=60) as r:
        assert r.status_code == 200 and "text/event-stream" in r.headers["content-type"]
        data = [line[6:] for line in r.iter_lines() if line.startswith("data: ")]
    assert data[-1] == "[DONE]"
    text = "".join(json.loads(d)["choices"][0]["delta"].get("content") or ""
                   for d in data[:-1] if json.loads(d)["choices"])
    assert "Friday at 14:00" in text and "[1]" in text and "Sources:" in text
    assert json.loads(data[-2])["usage"]["total_tokens"] > 0


def test_models_name_the_configured_llms(tmp_path: Path) -> None:
    home = make_home(tmp_path, llm="ollama:qwen2.5:1.5b", openai_models=["anthropic:claude-x", "bad"])
    gateway = Gateway(home)
    token = load_or_create_token(home)
    server = LiveServer(create_app(gateway, guard_config(token, gateway.settings.extra)))
    try:
        client = openai.OpenAI(base_url=f"{server.url}/v1", api_key=token, max_retries=0)
        assert [m.id for m in client.models.list()] == [
            "memex", "memex:extractive", "memex:ollama:qwen2.5:1.5b", "memex:anthropic:claude-x"]
    finally:
        server.stop()
        gateway.close()


@pytest.mark.slow
def test_embeddings_with_the_bundled_model_equal_the_stored_vectors(tmp_path: Path) -> None:
    """With MiniLM: the texts of an ingest batch, sent together, give exactly the stored vectors; one text
    alone gives the same vector up to bf16 rounding (the batch's padding changes the arithmetic)."""
    home = tmp_path / "home"
    home.mkdir()
    (home / "config.toml").write_text('embedder = "minilm"\n')
    notes = tmp_path / "notes"  # three notes keep the model's work small
    notes.mkdir()
    for name in ("Home network.md", "finance/Invoices 2024.md", "people/Priya Raman.md"):
        shutil.copy(SAMPLE_VAULT / name, notes / Path(name).name)
    gateway = Gateway(home)
    gateway.writer.add([notes])
    conn = sqlite3.connect(home / "memex.db")
    rows = conn.execute("SELECT d.title, c.heading_path, c.text, e.vector FROM chunks c JOIN documents d "
                        "ON d.id = c.doc_id JOIN embeddings e ON e.chunk_id = c.id").fetchall()
    conn.close()
    texts = [f"{embedding_prefix(t, tuple(json.loads(h)))}\n{x}" for t, h, x, _ in rows]
    stored = np.stack([np.frombuffer(v, dtype="<f4") for *_, v in rows])
    token = load_or_create_token(home)
    server = LiveServer(create_app(gateway, guard_config(token, gateway.settings.extra)))
    try:
        client = openai.OpenAI(base_url=f"{server.url}/v1", api_key=token, max_retries=0, timeout=120)
        got = np.stack([np.asarray(d.embedding, dtype="<f4")
                        for d in client.embeddings.create(model="minilm", input=texts).data])
        assert got.shape == stored.shape == (len(texts), 384)
        assert np.array_equal(got, stored)
        one = np.asarray(client.embeddings.create(model="memex", input=texts[0]).data[0].embedding, dtype="<f4")
        assert float(one @ stored[0]) > 0.9999
    finally:
        server.stop()
        gateway.close()
