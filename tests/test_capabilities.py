"""One capability, every interface: the table in docs/interfaces.md is checked against the running code.

For each capability and interface the table names what reaches it (CLI command, REST route, MCP tool or
resource, web UI page and widget, A2A skill) or why it is not offered. This test builds each interface
for real and fails when a named entry point does not exist, when an entry point in the code is in no row
(nor in PLUMBING with a reason), when a cell has neither a reference nor a reason, or when the docs differ.
"""
from __future__ import annotations

import asyncio
import importlib
import pkgutil
from pathlib import Path
from typing import Any

import click
import pytest
from fixture_paths import REPO
from live_server import copy_vault, make_home

from memex.agents.memory import remember
from memex.app import Brain
from memex.interfaces import capabilities as caps
from memex.interfaces.a2a.card import agent_card
from memex.interfaces.api.app import create_app
from memex.interfaces.api.security import guard_config
from memex.interfaces.gateway import Gateway
from memex.interfaces.mcp.server import build_server
from memex.store import threads

DOCS = REPO / "docs" / "interfaces.md"
SCRIPT = REPO / "src" / "memex" / "interfaces" / "web" / "app.py"


def cli_commands() -> set[str]:
    """Every leaf command path of `memex` ("search", "threads list", ...)."""
    import memex.interfaces.cli as pkg
    from memex.interfaces.cli.main import cli

    for mod in pkgutil.iter_modules(pkg.__path__):
        if mod.name.startswith("commands_"):
            importlib.import_module(f"{pkg.__name__}.{mod.name}")
    out: set[str] = set()

    def walk(group: click.Group, prefix: str) -> None:
        for name, cmd in group.commands.items():
            if isinstance(cmd, click.Group):
                walk(cmd, f"{prefix}{name} ")
            else:
                out.add(f"{prefix}{name}")
    walk(cli, "")
    return out


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("caps")
    home = make_home(root, mcp_write_tools=True, a2a_write_tools=True)
    with Brain.open(home) as b:
        b.add([copy_vault(root)])
    return home


def rest_routes(home: Path) -> set[str]:
    """Every "METHOD /path" in the API's OpenAPI document."""
    with Gateway(home) as gw:
        app = create_app(gw, guard_config("t" * 40, gw.settings.extra))
        paths = app.openapi()["paths"]
    return {f"{method.upper()} {path}" for path, ops in paths.items() for method in ops}


def mcp_entries(home: Path) -> set[str]:
    """Every MCP tool (write tools on), resource and resource template."""
    with Gateway(home) as gw:
        server = build_server(gw)

        async def collect() -> set[str]:
            tools = {t.name for t in await server.list_tools()}
            resources = {str(r.uri) for r in await server.list_resources()}
            templates = {t.uri_template for t in await server.list_resource_templates()}
            return tools | resources | templates
        return asyncio.run(collect())


def a2a_skills() -> set[str]:
    """The agent card's skill ids (writes on)."""
    return {s.id for s in agent_card("http://127.0.0.1:1", writes=True).skills}


def _keys(node: Any) -> set[str]:
    out: set[str] = set()
    key = getattr(node, "key", None)
    if isinstance(key, str):
        out.add(key)
    children = getattr(node, "children", None)
    for child in (children.values() if isinstance(children, dict) else children or []):
        out |= _keys(child)
    return out


def web_pages(home: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, set[str]]:
    """Each UI page and the widget keys it renders (an open thread on Ask, as a user would have)."""
    testing = pytest.importorskip("streamlit.testing.v1", reason="the web UI needs streamlit")

    monkeypatch.setenv("MEMEX_HOME", str(home))
    with Brain.open(home) as b:
        tid = threads.create_thread(b.conn, "When is the weekly sync?")
        threads.add_turn(b.conn, tid, "When is the weekly sync?", "Friday at 14:00.")
        remember(b, "The spare key is under the blue pot.", "test")
    at = testing.AppTest.from_file(str(SCRIPT), default_timeout=60)
    at.query_params["thread"] = tid
    at.run()
    out = {}
    for page in at.sidebar.radio[0].options:
        at.sidebar.radio[0].set_value(page).run()
        assert not at.exception, (page, at.exception)
        out[page] = _keys(at.main) | _keys(at.sidebar) | {c.key for c in at.chat_input if c.key}
    return out


def test_every_cell_has_a_reference_or_a_reason() -> None:
    names = [c.name for c in caps.CAPABILITIES]
    assert len(names) == len(set(names))
    for cap in caps.CAPABILITIES:
        for key in caps.INTERFACES:
            ref, why = cap.ref(key), cap.why_not.get(key)
            assert (ref is None) != (why is None), f"{cap.name} / {key}: give a reference or a reason, not both"
        assert set(cap.why_not) <= set(caps.INTERFACES), cap.name
    threads_row = {c.group for c in caps.CAPABILITIES}
    assert {"threads", "memory", "capture"} <= threads_row
    for cap in caps.CAPABILITIES:  # issue 17: these reach all four of CLI, REST, MCP and the web UI
        if cap.group in ("threads", "memory") or cap.name.startswith(("Write a new note", "Append to today")):
            assert all(cap.ref(k) for k in ("cli", "rest", "mcp", "web")), cap.name


def test_the_table_matches_the_code(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    found = {"cli": cli_commands(), "rest": rest_routes(home), "mcp": mcp_entries(home), "a2a": a2a_skills()}
    pages = web_pages(home, monkeypatch)
    missing = []
    for cap in caps.CAPABILITIES:
        for key in caps.INTERFACES:
            ref = cap.ref(key)
            if ref is None:
                continue
            if key == "web":
                page, _, widget = ref.partition(":")
                keys = pages.get(page, set())
                found_widget = (any(k.startswith(widget[:-1]) for k in keys) if widget.endswith("*")
                                else widget in keys)
                if page not in pages or (widget and not found_widget):
                    missing.append(f"{cap.name}: web UI {ref!r} (pages: {sorted(pages)})")
            elif ref not in found[key]:
                missing.append(f"{cap.name}: {key} {ref!r} is not in the code")
    assert not missing, "\n".join(missing)

    # and the other way round: every entry point in the code is a capability or declared plumbing
    listed = {key: {c.ref(key) for c in caps.CAPABILITIES if c.ref(key)} for key in caps.INTERFACES}
    for key in ("cli", "rest", "mcp"):
        unlisted = found[key] - listed[key] - set(caps.PLUMBING.get(key, {}))
        assert not unlisted, f"{key}: add these to memex.interfaces.capabilities: {sorted(unlisted)}"
        stale = set(caps.PLUMBING.get(key, {})) - found[key]
        assert not stale, f"{key}: PLUMBING names what no longer exists: {sorted(stale)}"
    assert found["a2a"] <= listed["a2a"]
    web_listed = {ref.partition(":")[0] for ref in listed["web"]}
    assert set(pages) <= web_listed, f"web UI pages in no row: {sorted(set(pages) - web_listed)}"


def test_docs_show_the_table() -> None:
    text = DOCS.read_text(encoding="utf-8")
    start, end = text.index(caps.TABLE_START), text.index(caps.TABLE_END)
    shown = text[start + len(caps.TABLE_START):end].strip()
    assert shown == caps.markdown_table(), (
        "docs/interfaces.md is out of date: paste the output of `python -m memex.interfaces.capabilities`")
