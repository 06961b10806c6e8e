"""The CLI, the REST API and the MCP server return the same hits for the same query (real MiniLM embedder)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import anyio
import httpx
from live_server import LiveServer, copy_vault
from mcp import ClientSession, StdioServerParameters, stdio_client

from memex.app import Brain
from memex.interfaces.api.app import create_app
from memex.interfaces.api.security import guard_config, load_or_create_token
from memex.interfaces.gateway import Gateway

MEMEX = [sys.executable, "-c", "from memex.interfaces.cli.main import main; main()"]
QUERIES = ["router firmware version", "what did we decide in the Heron retro", "sourdough starter feeding"]
K = 8


def _cli(home: Path, tmp_path: Path) -> dict[str, list[tuple[str, str]]]:
    """`memex search --json` semantics, all queries in one process (--batch prints the same hits per line)."""
    batch = tmp_path / "queries.jsonl"
    batch.write_text("".join(json.dumps({"id": q, "query": q}) + "\n" for q in QUERIES))
    out = subprocess.run([*MEMEX, "search", "--home", str(home), "--json", "-k", str(K), "--batch", str(batch)],
                         capture_output=True, text=True, timeout=300, check=True).stdout
    lines = [json.loads(line) for line in out.splitlines() if line.strip()]
    single = subprocess.run([*MEMEX, "search", "--home", str(home), "--json", "-k", str(K), QUERIES[0]],
                            capture_output=True, text=True, timeout=300, check=True).stdout
    result = {item["id"]: [(h["path"], h["chunk_id"]) for h in item["hits"]] for item in lines}
    assert [(h["path"], h["chunk_id"]) for h in json.loads(single)] == result[QUERIES[0]]
    return result


def _rest(home: Path) -> dict[str, list[tuple[str, str]]]:
    gateway = Gateway(home)
    token = load_or_create_token(home)
    server = LiveServer(create_app(gateway, guard_config(token, {})))
    try:
        with httpx.Client(base_url=server.url, headers={"Authorization": f"Bearer {token}"}, timeout=60) as c:
            return {q: [(h["path"], h["chunk_id"]) for h in c.post("/search", json={"query": q, "k": K}).json()["hits"]]
                    for q in QUERIES}
    finally:
        server.stop()
        gateway.close()


async def _mcp(home: Path) -> dict[str, list[tuple[str, str]]]:
    params = StdioServerParameters(command=MEMEX[0], args=[*MEMEX[1:], "mcp", "--home", str(home)])
    out = {}
    with open(home / "mcp-stderr.log", "w") as errlog:
        async with stdio_client(params, errlog=errlog) as (read, write), ClientSession(read, write) as s:
            await s.initialize()
            for q in QUERIES:
                result = await s.call_tool("search_notes", {"query": q, "k": K})
                assert not result.is_error, result.content
                data = result.structured_content or json.loads(result.content[0].text)
                out[q] = [(h["path"], h["chunk_id"]) for h in data["hits"]]
    return out


def test_cli_rest_and_mcp_return_the_same_hits(tmp_path: Path) -> None:
    home = tmp_path / "home"  # default settings: the bundled MiniLM embedder
    with Brain.open(home) as brain:
        brain.add([copy_vault(tmp_path)])
    cli = _cli(home, tmp_path)
    rest = _rest(home)
    mcp = anyio.run(_mcp, home)
    assert cli["router firmware version"][0][0].endswith("Home network.md")
    for q in QUERIES:
        assert len(cli[q]) == K
        assert rest[q] == cli[q], q
        assert mcp[q] == cli[q], q
