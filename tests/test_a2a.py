"""Memex as an A2A agent on a real `memex serve`, driven by the a2a-sdk's own client (and raw JSON-RPC)."""
from __future__ import annotations

import asyncio
import sqlite3
import threading
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import httpx
import pytest
from live_server import LiveServer, copy_vault, make_home
from serve_process import ServeProcess

from memex.app import Brain
from memex.interfaces.a2a.agent import thread_for
from memex.interfaces.api.app import create_app
from memex.interfaces.api.security import guard_config, load_or_create_token
from memex.interfaces.gateway import Gateway
from memex.llm.scripted import ScriptedOpenAIServer

a2a_client = pytest.importorskip("a2a.client", reason="needs a2a-sdk")
from a2a.client import A2AClientError, ClientConfig, create_client  # noqa: E402
from a2a.helpers import get_artifact_text, get_data_parts, new_text_message  # noqa: E402
from a2a.types import CancelTaskRequest, GetTaskRequest, Role, SendMessageRequest, TaskState  # noqa: E402
from a2a.utils.errors import TaskNotCancelableError  # noqa: E402
from google.protobuf.json_format import ParseDict  # noqa: E402
from google.protobuf.struct_pb2 import Struct  # noqa: E402

QUESTION = "When is the weekly sync?"
CARD = "/.well-known/agent-card.json"


@pytest.fixture(scope="module")
def serve(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("a2a")
    home = make_home(root)
    with Brain.open(home) as b:
        b.add([copy_vault(root)])
    with ServeProcess(home) as srv:
        yield SimpleNamespace(url=srv.url, token=srv.token, auth=srv.auth, home=home)


def _run(coro: Any) -> Any:
    return asyncio.run(coro)


async def _send(url: str, token: str | None, text: str, *, streaming: bool = False, context_id: str = "",
                metadata: dict[str, Any] | None = None, polling: bool = False) -> list[Any]:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    async with httpx.AsyncClient(headers=headers, timeout=60) as http:
        client = await create_client(url, ClientConfig(httpx_client=http, streaming=streaming, polling=polling))
        msg = new_text_message(text, role=Role.ROLE_USER, context_id=context_id or None)
        if metadata:
            msg.metadata.CopyFrom(ParseDict(metadata, Struct()))
        return [event async for event in client.send_message(SendMessageRequest(message=msg))]


def _counts(home: Path) -> tuple[int, int, int]:
    conn = sqlite3.connect(home / "memex.db")
    try:
        return tuple(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # type: ignore[return-value]
                     for t in ("documents", "threads", "turns"))
    finally:
        conn.close()


def test_agent_card_is_public_and_lists_the_skills(serve) -> None:
    r = httpx.get(serve.url + CARD)  # no token: the card is for discovery
    assert r.status_code == 200
    card = r.json()
    assert card["name"] == "Memex" and card["version"] and card["description"]
    assert card["supportedInterfaces"][0] == {"url": f"{serve.url}/a2a", "protocolBinding": "JSONRPC",
                                              "protocolVersion": "1.0"}
    assert card["capabilities"]["streaming"] is True
    assert card["securitySchemes"]["bearer"]["httpAuthSecurityScheme"]["scheme"] == "bearer"
    assert card["securityRequirements"] == [{"schemes": {"bearer": {}}}]
    skills = {s["id"]: s["name"] for s in card["skills"]}
    assert len(skills) >= 2 and skills["search-notes"] == "Search notes"
    assert skills["answer-from-notes"] == "Answer from notes with citations"
    assert "save-note" not in skills  # writes are off by default


def test_message_is_answered_with_text_and_citations(serve) -> None:
    [event] = _run(_send(serve.url, serve.token, QUESTION))
    task = event.task
    assert task.status.state == TaskState.TASK_STATE_COMPLETED
    [artifact] = task.artifacts
    text = get_artifact_text(artifact)
    assert "Friday at 14:00" in text and "[1]" in text and "Sources:" in text
    assert text.index("Friday at 14:00") < text.index("Tuesday at 10:00")  # the time now in force comes first
    [data] = get_data_parts(artifact.parts)
    assert data["abstained"] is False and data["citations"][0]["n"] == 1
    assert data["citations"][0]["path"].endswith("2024-05-03 Heron retro.md")
    assert "Friday at 14:00" in data["citations"][0]["quote"]

    async def get_and_cancel() -> tuple[Any, BaseException]:
        async with httpx.AsyncClient(headers=serve.auth, timeout=30) as http:
            client = await create_client(serve.url, ClientConfig(httpx_client=http))
            got = await client.get_task(GetTaskRequest(id=task.id))
            try:
                await client.cancel_task(CancelTaskRequest(id=task.id))
            except TaskNotCancelableError as e:
                return got, e
            raise AssertionError("a completed task was cancelled")
    got, err = _run(get_and_cancel())
    assert got.id == task.id and got.status.state == TaskState.TASK_STATE_COMPLETED
    assert "cannot be canceled" in str(err)


def test_streaming_sends_progress_then_the_answer(serve) -> None:
    events = _run(_send(serve.url, serve.token, QUESTION, streaming=True))
    kinds = [e.WhichOneof("payload") for e in events]
    assert kinds[0] == "task" and kinds[-1] == "status_update" and "artifact_update" in kinds
    working = [e.status_update.status for e in events if e.WhichOneof("payload") == "status_update"]
    assert working[0].state == TaskState.TASK_STATE_WORKING and working[-1].state == TaskState.TASK_STATE_COMPLETED
    [art] = [e.artifact_update.artifact for e in events if e.WhichOneof("payload") == "artifact_update"]
    assert "Friday at 14:00" in get_artifact_text(art)


def test_a_context_is_a_conversation_thread(serve) -> None:
    [first] = _run(_send(serve.url, serve.token, QUESTION))
    context = first.task.context_id
    [follow] = _run(_send(serve.url, serve.token, "Which room is it in?", context_id=context))
    [data] = get_data_parts(follow.task.artifacts[0].parts)
    # The follow-up is read in the thread's context: the room of the weekly sync, cited.
    assert "Kestrel" in data["answer"] and any("Kestrel" in c["quote"] for c in data["citations"])
    thread = httpx.get(f"{serve.url}/threads/{thread_for(context)}", headers=serve.auth).json()
    assert [t["question"] for t in thread["turns"]] == [QUESTION, "Which room is it in?"]


def test_search_skill(serve) -> None:
    [event] = _run(_send(serve.url, serve.token, "INV-2024-0042", metadata={"skill": "search-notes", "k": 3}))
    [data] = get_data_parts(event.task.artifacts[0].parts)
    assert 1 <= len(data["hits"]) <= 3 and data["hits"][0]["path"].endswith("Invoices 2024.md")


def test_without_the_token_nothing_is_answered(serve) -> None:
    with pytest.raises(A2AClientError):
        _run(_send(serve.url, None, QUESTION))
    r = httpx.post(f"{serve.url}/a2a", json={"jsonrpc": "2.0", "id": 1, "method": "SendMessage", "params": {}})
    assert r.status_code == 401 and r.json()["error"]["code"] == -32001


def test_malformed_envelopes_get_json_rpc_errors_and_store_nothing(serve) -> None:
    before = _counts(serve.home)
    headers = {**serve.auth, "A2A-Version": "1.0"}
    msg = {"messageId": "m1", "role": "ROLE_USER", "parts": [{"text": QUESTION}]}
    cases = [
        (b"{not json", -32700),
        (b'{"id": 1, "method": "SendMessage", "params": {}}', -32600),  # no "jsonrpc": "2.0"
        (b'[{"jsonrpc": "2.0", "id": 1, "method": "SendMessage"}]', -32600),  # batch
        (b'{"jsonrpc": "2.0", "id": 2, "method": "DropAllTables", "params": {}}', -32601),
        (b'{"jsonrpc": "2.0", "id": 3, "method": "SendMessage", "params": {"message": 7}}', -32602),
        (b'{"jsonrpc": "2.0", "id": 4, "method": "GetTask", "params": {"id": "no-such-task"}}', -32001),
        ('{"jsonrpc": "2.0", "id": 5, "method": "SendMessage", "params": {"message": {"messageId": "m2", '
         '"role": "ROLE_USER", "parts": [{"text": "x"}], "metadata": {"skill": "drop-tables"}}}}'.encode(),
         -32602),
        (b'{"jsonrpc": "2.0", "id": 6, "method": "SendMessage", "params": {"message": {"messageId": "m3", '
         b'"role": "ROLE_USER", "parts": [{"text": "note"}], "metadata": {"skill": "save-note"}}}}', -32602),
    ]
    for body, code in cases:
        r = httpx.post(f"{serve.url}/a2a", content=body, headers={**headers, "Content-Type": "application/json"})
        assert r.status_code < 500 and "Traceback" not in r.text, (body, r.status_code, r.text)
        assert r.json()["error"]["code"] == code, (body, r.text)
    big = {"jsonrpc": "2.0", "id": 7, "method": "SendMessage",
           "params": {"message": {**msg, "parts": [{"text": "x" * 2**20}]}}}
    r = httpx.post(f"{serve.url}/a2a", json=big, headers=headers)
    assert r.status_code == 413 and r.json()["error"]["code"] == -32600
    assert _counts(serve.home) == before


def test_save_note_skill_only_when_writes_are_enabled(tmp_path: Path) -> None:
    root = tmp_path
    home = make_home(root, a2a_write_tools=True)
    vault = copy_vault(root)
    gateway = Gateway(home)
    gateway.writer.add([vault])
    token = load_or_create_token(home)
    server = LiveServer(create_app(gateway, guard_config(token, gateway.settings.extra)))
    try:
        card = httpx.get(server.url + CARD).json()
        assert "save-note" in {s["id"] for s in card["skills"]}
        [event] = _run(_send(server.url, token, "The hoopoe nests in the old olive tree.",
                             metadata={"skill": "save-note", "title": "Hoopoe"}))
        [data] = get_data_parts(event.task.artifacts[0].parts)
        assert Path(data["path"]) == vault / "Inbox" / "Hoopoe.md" and data["indexed"] is True
        assert [h.path for h in gateway.search("hoopoe olive", 1)] == [data["path"]]
    finally:
        server.stop()
        gateway.close()


def test_a_running_task_can_be_cancelled(tmp_path: Path) -> None:
    release = threading.Event()
    with ScriptedOpenAIServer(lambda messages: "The weekly sync is on Friday at 14:00 [1].", gate=release) as llm:
        home = make_home(tmp_path, llm="openai:slow", openai_base_url=llm.base_url, max_retries=0)
        gateway = Gateway(home)
        gateway.writer.add([copy_vault(tmp_path)])
        token = load_or_create_token(home)
        server = LiveServer(create_app(gateway, guard_config(token, gateway.settings.extra)))
        try:
            async def scenario() -> tuple[Any, Any]:
                async with httpx.AsyncClient(headers={"Authorization": f"Bearer {token}"}, timeout=30) as http:
                    client = await create_client(server.url, ClientConfig(httpx_client=http, streaming=False,
                                                                          polling=True))
                    msg = new_text_message(QUESTION, role=Role.ROLE_USER)
                    [first] = [e async for e in client.send_message(SendMessageRequest(message=msg))]
                    for _ in range(100):  # wait until the model is writing (held by the gate)
                        if llm.requests:
                            break
                        await asyncio.sleep(0.05)
                    cancelled = await client.cancel_task(CancelTaskRequest(id=first.task.id))
                    return first.task, cancelled
            task, cancelled = _run(scenario())
            assert task.status.state in (TaskState.TASK_STATE_SUBMITTED, TaskState.TASK_STATE_WORKING)
            assert cancelled.status.state == TaskState.TASK_STATE_CANCELED
        finally:
            release.set()
            server.stop()
            gateway.close()
