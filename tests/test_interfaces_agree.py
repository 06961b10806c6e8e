"""The CLI, the REST API and the MCP server return the same hits for the same query (real MiniLM embedder)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import anyio
import httpx
import pytest
from live_server import LiveServer, copy_vault
from mcp import ClientSession, StdioServerParameters, stdio_client

from memex.app import Brain
from memex.interfaces.api.app import create_app
from memex.interfaces.api.security import guard_config, load_or_create_token
from memex.interfaces.gateway import Gateway

MEMEX = [sys.executable, "-c", "from memex.interfaces.cli.main import main; main()"]
QUERIES = ["router firmware version", "what did we decide in the Heron retro", "sourdough starter feeding"]
K = 8


def _start_cli(home: Path, tmp_path: Path) -> list[subprocess.Popen]:
    """`memex search --json`: all queries as one --batch run, plus the first one as a plain call.

    Started in the background so their model loading overlaps with the REST and MCP checks.
    """
    batch = tmp_path / "queries.jsonl"
    batch.write_text("".join(json.dumps({"id": q, "query": q}) + "\n" for q in QUERIES))
    base = [*MEMEX, "search", "--home", str(home), "--json", "-k", str(K)]
    return [subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for cmd in ([*base, "--batch", str(batch)], [*base, QUERIES[0]])]


def _finish_cli(procs: list[subprocess.Popen]) -> dict[str, list[tuple[str, str]]]:
    outs = []
    for p in procs:
        out, err = p.communicate(timeout=300)
        assert p.returncode == 0, err
        outs.append(out)
    result = {item["id"]: [(h["path"], h["chunk_id"]) for h in item["hits"]]
              for item in map(json.loads, filter(str.strip, outs[0].splitlines()))}
    assert [(h["path"], h["chunk_id"]) for h in json.loads(outs[1])] == result[QUERIES[0]]
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


@pytest.mark.slow
def test_cli_rest_and_mcp_return_the_same_hits(tmp_path: Path) -> None:
    home = tmp_path / "home"  # default settings: the bundled MiniLM embedder
    with Brain.open(home) as brain:
        brain.add([copy_vault(tmp_path)])
    procs = _start_cli(home, tmp_path)
    try:
        rest = _rest(home)
        mcp = anyio.run(_mcp, home)
    finally:
        cli = _finish_cli(procs)
    assert cli["router firmware version"][0][0].endswith("Home network.md")
    for q in QUERIES:
        assert len(cli[q]) == K
        assert rest[q] == cli[q], q
        assert mcp[q] == cli[q], q
