"""MCP server: `memex mcp` as a real stdio subprocess driven by the SDK client, and the HTTP transport's guard."""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

import anyio
import httpx
import pytest
from live_server import LiveServer, copy_vault, make_home
from mcp import ClientSession, StdioServerParameters, stdio_client

from memex.app import Brain
from memex.interfaces.api.security import load_or_create_token
from memex.interfaces.gateway import Gateway
from memex.interfaces.mcp.server import build_server, clean, http_app

READ_TOOLS = {"search_notes", "ask", "get_note", "list_recent", "related_notes", "list_threads", "read_thread",
              "list_memories", "conversation_note"}
WRITE_TOOLS = {"add_note", "append_daily_note", "remember", "forget_memory", "delete_thread", "save_answer"}
MEMEX = [sys.executable, "-c", "from memex.interfaces.cli.main import main; main()"]
INIT = {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {
    "protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "t", "version": "1"}}}
MCP_HEADERS = {"Accept": "application/json, text/event-stream", "Content-Type": "application/json"}


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("mcp")
    home = make_home(root)
    with Brain.open(home) as brain:
        brain.add([copy_vault(root)])
    return home


def _listening_ports_of_children() -> tuple[int, list[int]]:
    """(number of `memex mcp` children of this process, TCP ports they listen on), from /proc."""
    listening: dict[str, int] = {}
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            f = line.split()
            if f[3] == "0A":  # LISTEN
                listening[f[9]] = int(f[1].rsplit(":", 1)[1], 16)
    children, ports = 0, []
    for proc in Path("/proc").iterdir():
        try:
            ppid = int((proc / "stat").read_text().rsplit(")", 1)[1].split()[1])
            if ppid != os.getpid() or b"mcp" not in (proc / "cmdline").read_bytes():
                continue
            children += 1
            for fd in (proc / "fd").iterdir():
                target = os.readlink(fd)
                if target.startswith("socket:[") and target[8:-1] in listening:
                    ports.append(listening[target[8:-1]])
        except (OSError, ValueError, IndexError):
            continue
    return children, ports


def _structured(result: Any) -> dict[str, Any]:
    assert not result.is_error, result.content
    if result.structured_content is not None:
        return result.structured_content
    return json.loads(result.content[0].text)


async def _session(home: Path, fn: Any, *extra_args: str) -> Any:
    params = StdioServerParameters(command=MEMEX[0], args=[*MEMEX[1:], "mcp", "--home", str(home), *extra_args])
    with open(home / "mcp-stderr.log", "w") as errlog:
        async with stdio_client(params, errlog=errlog) as (read, write), ClientSession(read, write) as session:
            await session.initialize()
            return await fn(session)


def test_stdio_server_tools_resources_prompts(home: Path) -> None:
    async def scenario(s: ClientSession) -> dict[str, Any]:
        out: dict[str, Any] = {"sockets": _listening_ports_of_children()}
        tools = (await s.list_tools()).tools
        out["tools"] = {t.name: t for t in tools}
        out["search"] = _structured(await s.call_tool("search_notes", {"query": "router firmware", "k": 3}))
        out["filtered"] = _structured(await s.call_tool("search_notes", {
            "query": "recipe", "filters": {"path": "*/recipes/*", "tags": []}}))
        out["ask"] = _structured(await s.call_tool("ask", {"question": "What is the router firmware version?"}))
        doc_id = out["search"]["hits"][0]["doc_id"]
        out["note"] = _structured(await s.call_tool("get_note", {"id": doc_id}))
        out["note_by_path"] = _structured(await s.call_tool("get_note", {"path": out["note"]["path"]}))
        out["recent"] = _structured(await s.call_tool("list_recent", {"n": 3}))
        home_id = next(h["doc_id"] for h in _structured(await s.call_tool(
            "search_notes", {"query": "Home map of content", "k": 10}))["hits"] if h["path"].endswith("/Home.md"))
        out["related"] = _structured(await s.call_tool("related_notes", {"id": home_id, "n": 3}))
        out["resource"] = await s.read_resource(f"memex://note/{doc_id}")
        out["templates"] = (await s.list_resource_templates()).resource_templates
        out["prompts"] = (await s.list_prompts()).prompts
        out["prompt"] = await s.get_prompt("summarise_topic", {"topic": "home network"})
        # errors come back as tool errors; the server keeps running
        out["errors"] = [await s.call_tool("get_note", {"path": "../../etc/passwd"}),
                         await s.call_tool("get_note", {}),
                         await s.call_tool("get_note", {"id": 10**7}),
                         await s.call_tool("search_notes", {"query": "x", "k": 10**9}),
                         await s.call_tool("search_notes", {"query": "x" * 1_000_001}),
                         await s.call_tool("search_notes", {"query": 42}),
                         await s.call_tool("related_notes", {"id": "1; DROP TABLE documents"}),
                         await s.call_tool("add_note", {"title": "x", "content": "y"})]
        out["still_alive"] = _structured(await s.call_tool("list_recent", {"n": 1}))
        return out

    r = anyio.run(_session, home, scenario)
    assert r["sockets"] == (1, [])  # stdio by default: the server listens on no TCP port
    assert set(r["tools"]) == READ_TOOLS  # write tools are off by default
    for tool in r["tools"].values():
        assert tool.annotations.read_only_hint is True and tool.annotations.destructive_hint is False
        assert tool.description and "ignore" not in tool.description.lower() and "http" not in tool.description
    assert r["tools"]["search_notes"].input_schema["properties"]["k"]["maximum"] == 30
    hits = r["search"]["hits"]
    assert hits[0]["path"].endswith("Home network.md") and hits[0]["title"] == "Home network"
    assert "instructions" in r["search"]["note"]
    assert r["filtered"]["hits"] and all("/recipes/" in h["path"] for h in r["filtered"]["hits"])
    assert not r["ask"]["abstained"] and "7.57" in r["ask"]["answer"] and r["ask"]["citations"]
    assert "Fritz!Box 7590" in r["note"]["text"] and r["note"]["tags"] == ["house", "tech"]
    assert r["note_by_path"]["id"] == r["note"]["id"]
    assert len(r["recent"]["notes"]) == 3 and all(n["uri"].startswith("memex://note/") for n in r["recent"]["notes"])
    linked = {n["title"] for n in r["related"]["links_to"]}
    assert {"Home network", "Shakshuka"} <= linked
    assert r["related"]["similar"] and all(n["id"] != r["related"]["note"]["id"] for n in r["related"]["similar"])
    assert "Fritz!Box" in r["resource"].contents[0].text
    assert {t.uri_template for t in r["templates"]} == {"memex://note/{id}", "memex://thread/{id}"}
    assert {p.name for p in r["prompts"]} == {"summarise_topic", "review_recent"}
    prompt_text = r["prompt"].messages[0].content.text
    assert "home network" in prompt_text and "Home network.md" in prompt_text
    for err in r["errors"]:
        assert err.is_error and "Traceback" not in err.content[0].text
    assert "no indexed document" in r["errors"][0].content[0].text
    assert r["still_alive"]["notes"]


def test_write_tools_only_when_enabled(home: Path, tmp_path: Path) -> None:
    write_home = make_home(tmp_path, mcp_write_tools=True)

    async def scenario(s: ClientSession) -> dict[str, Any]:
        tools = {t.name: t for t in (await s.list_tools()).tools}
        added = _structured(await s.call_tool("add_note", {"title": "../Kiwi facts", "content": "Kiwis are nocturnal."}))
        daily = _structured(await s.call_tool("append_daily_note", {"text": "Saw a kiwi at dusk"}))
        remembered = _structured(await s.call_tool("remember", {"fact": "The spare key is under the blue pot."}))
        found = _structured(await s.call_tool("search_notes", {"query": "spare key blue pot"}))
        kiwi = _structured(await s.call_tool("search_notes", {"query": "kiwis nocturnal"}))
        memories = _structured(await s.call_tool("list_memories", {}))
        first = _structured(await s.call_tool("ask", {"question": "Where is the spare key?", "start_thread": True}))
        follow = _structured(await s.call_tool("ask", {"question": "And the kiwis?", "thread_id": first["thread_id"]}))
        threads = _structured(await s.call_tool("list_threads", {}))
        thread = _structured(await s.call_tool("read_thread", {"thread_id": first["thread_id"]}))
        forgot = _structured(await s.call_tool("forget_memory", {"id": remembered["id"]}))
        deleted = _structured(await s.call_tool("delete_thread", {"thread_id": first["thread_id"]}))
        errors = [await s.call_tool("read_thread", {"thread_id": first["thread_id"]}),
                  await s.call_tool("forget_memory", {"id": remembered["id"]}),
                  await s.call_tool("ask", {"question": "x", "thread_id": "nope"})]
        return {"tools": tools, "added": added, "daily": daily, "remembered": remembered, "found": found,
                "kiwi": kiwi, "memories": memories, "first": first, "follow": follow, "threads": threads,
                "thread": thread, "forgot": forgot, "deleted": deleted, "errors": errors}

    r = anyio.run(_session, write_home, scenario)
    assert set(r["tools"]) == READ_TOOLS | WRITE_TOOLS
    for name in WRITE_TOOLS:
        ann = r["tools"][name].annotations
        assert ann.read_only_hint is False and ann.open_world_hint is False
        assert ann.destructive_hint is (name in ("forget_memory", "delete_thread"))
    stored = Path(r["added"]["stored_as"])
    assert stored.parent == write_home / "inbox" and stored.name == "Kiwi facts.md"  # no vault yet: <home>/inbox
    assert r["kiwi"]["hits"][0]["path"] == str(stored)
    assert Path(r["daily"]["stored_as"]).parent == write_home / "inbox" and r["daily"]["indexed"]
    assert Path(r["found"]["hits"][0]["path"]).parent == write_home / "memories"
    assert [m["id"] for m in r["memories"]["memories"]] == [r["remembered"]["id"]]
    assert "blue pot" in r["first"]["answer"] and r["follow"]["thread_id"] == r["first"]["thread_id"]
    assert r["threads"]["threads"][0]["id"] == r["first"]["thread_id"] and r["threads"]["threads"][0]["turns"] == 2
    assert [t["question"] for t in r["thread"]["turns"]] == ["Where is the spare key?", "And the kiwis?"]
    assert r["forgot"]["forgotten"] == r["remembered"]["id"] and r["deleted"]["deleted"] is True
    for err in r["errors"]:
        assert err.is_error and "Traceback" not in err.content[0].text
    with Gateway(write_home) as g:
        actions = [e.action for e in g.audit_log()]
    assert actions.count("new_note") == 1 and {"remember", "forget", "append_daily", "delete_thread"} <= set(actions)


def test_clean_strips_terminal_escapes_and_invisible_characters() -> None:
    assert clean("a\x1b[31mred\x1b[0m\u200b\U000e0041b\x07") == "aredb"
    assert clean("x" * 50, 10).startswith("x" * 10 + " […cut, 40 more")


def test_http_transport_requires_token_and_checks_host_and_origin(home: Path) -> None:
    gateway = Gateway(home)
    token = load_or_create_token(home)
    server = LiveServer(http_app(gateway))
    url = f"{server.url}/mcp"
    try:
        def post(**headers: str) -> httpx.Response:
            return httpx.post(url, json=INIT, headers={**MCP_HEADERS, **headers}, timeout=30)

        missing = post()
        assert missing.status_code == 401 and missing.json()["error"]["code"] == -32001
        assert post(Authorization="Bearer " + "x" * len(token)).status_code == 401
        assert post(Authorization=f"Bearer {token}", Origin="https://attacker.example").status_code == 403
        assert post(Origin="http://localhost:3000").status_code in (401, 403)
        assert post(Authorization=f"Bearer {token}", Host="attacker.example").status_code == 421
        ok = post(Authorization=f"Bearer {token}")
        assert ok.status_code == 200, ok.text
        session_id = ok.headers.get("mcp-session-id")
        if session_id:  # a session id is not a credential
            assert len(session_id) >= 22
            replay = httpx.post(url, json={"jsonrpc": "2.0", "id": 2, "method": "tools/list"},
                                headers={**MCP_HEADERS, "mcp-session-id": session_id}, timeout=30)
            assert replay.status_code == 401

        async def full_session() -> set[str]:
            import httpx2
            from mcp.client.streamable_http import streamable_http_client

            async with httpx2.AsyncClient(headers={"Authorization": f"Bearer {token}"}, timeout=30) as http, \
                    streamable_http_client(url, http_client=http) as streams, \
                    ClientSession(streams[0], streams[1]) as s:
                await s.initialize()
                result = await s.call_tool("search_notes", {"query": "router firmware", "k": 2})
                assert _structured(result)["hits"][0]["path"].endswith("Home network.md")
                return {t.name for t in (await s.list_tools()).tools}

        assert anyio.run(full_session) == READ_TOOLS
    finally:
        server.stop()
        gateway.close()


def test_tool_calls_are_rate_limited(tmp_path: Path) -> None:
    from mcp.server.mcpserver.exceptions import ToolError

    with Gateway(make_home(tmp_path, mcp_rate_per_minute=60, mcp_rate_burst=3)) as g:
        server = build_server(g)

        async def burst() -> list[str]:
            outcomes = []
            for _ in range(5):
                try:
                    await server.call_tool("list_recent", {"n": 1})
                    outcomes.append("ok")
                except ToolError as e:
                    outcomes.append(str(e))
            return outcomes

        outcomes = anyio.run(burst)
    assert outcomes[:3] == ["ok"] * 3 and all("rate limit" in o for o in outcomes[3:])
