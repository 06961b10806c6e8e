"""Export and import from every interface: the CLI as a subprocess, REST over real HTTP, MCP over stdio, the web UI."""
from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import anyio
import httpx
import pytest
from fixture_paths import SAMPLE_VAULT
from live_server import LiveServer, copy_vault, make_home

from memex.app import Brain
from memex.interfaces.api.app import create_app
from memex.interfaces.api.security import guard_config, load_or_create_token
from memex.interfaces.gateway import Gateway
from memex.store import threads

MEMEX = [sys.executable, "-m", "memex.interfaces.cli"]


def memex(*args: str, home: Path, check: bool = True) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, MEMEX_EMBEDDER="hash:384")
    p = subprocess.run([*MEMEX, *args, "--home", str(home)], capture_output=True, text=True, env=env, timeout=300)
    if check and p.returncode != 0:
        raise AssertionError(f"memex {' '.join(args)} failed ({p.returncode}): {p.stderr}")
    return p


# ---- CLI ------------------------------------------------------------------------------------------
def test_cli_export_import_chat_export_and_ask_save(tmp_path: Path):
    home = tmp_path / "home"
    memex("add", str(SAMPLE_VAULT), home=home)
    saved = memex("ask", "When is the weekly sync?", "--save", "--save-to", str(tmp_path), home=home)
    assert "Saved as" in saved.stderr and "Friday" in saved.stdout
    copy = next(tmp_path.glob("*When is the weekly sync*.md")).read_text(encoding="utf-8")
    assert "[[projects/heron/meetings/2024-05-03 Heron retro#Decisions|" in copy  # links into the user's vault
    assert next((home / "answers").glob("*.md")).is_file()

    out = tmp_path / "vault"
    report = json.loads(memex("export", str(out), "--json", home=home).stdout)
    assert report["format"] == "obsidian" and report["notes"] == 17 and report["answers"] == 1
    again = memex("export", str(tmp_path), home=home, check=False)  # not empty, no earlier export there
    assert again.returncode == 1 and "not empty" in again.stderr and "--force" in again.stderr

    archive = tmp_path / "brain.jsonl"
    r = json.loads(memex("export", str(archive), "--with-vectors", "--json", "--tag", "heron", home=home).stdout)
    assert 0 < r["documents"] < 17 and r["vectors"] == r["chunks"]
    new_home = tmp_path / "new-home"
    imported = json.loads(memex("import", str(archive), "--json", home=new_home).stdout)
    assert imported["documents"] == r["documents"] and imported["embedded"] == 0
    assert json.loads(memex("check", "--json", home=new_home).stdout)["ok"]

    lines = archive.read_bytes().splitlines(keepends=True)
    (tmp_path / "cut.jsonl").write_bytes(b"".join(lines[:3]))
    bad = memex("import", str(tmp_path / "cut.jsonl"), home=new_home, check=False)
    assert bad.returncode == 1 and "line 3" in bad.stderr and "truncated" in bad.stderr

    with Brain.open(home, embedder="hash:384") as b:
        tid = threads.create_thread(b.conn)
        b.ask("What is the router firmware version?", thread=tid)
    note = memex("chat", "export", tid, home=home).stdout
    assert note.startswith("---\n") and "## 1. What is the router firmware version?" in note
    assert "[[Home network#Home network|Home network]]" in note
    p = subprocess.run([*MEMEX, "export", "--help"], capture_output=True, text=True, timeout=60)
    assert p.returncode == 0 and "--with-vectors" in p.stdout and "--home" in p.stdout


# ---- REST -----------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def api(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("api-export")
    home = make_home(root, api_source_roots=[str(root)])
    gateway = Gateway(home)
    gateway.writer.add([copy_vault(root)])
    token = load_or_create_token(home)
    server = LiveServer(create_app(gateway, guard_config(token, gateway.settings.extra)))
    client = httpx.Client(base_url=server.url, headers={"Authorization": f"Bearer {token}"}, timeout=120)
    yield SimpleNamespace(root=root, home=home, gateway=gateway, client=client, url=server.url)
    client.close()
    server.stop()
    gateway.close()


def _second(api: Any, name: str) -> tuple[LiveServer, httpx.Client, Gateway]:
    home = make_home(api.root / name)
    gw = Gateway(home)
    token = load_or_create_token(home)
    srv = LiveServer(create_app(gw, guard_config(token, gw.settings.extra)))
    return srv, httpx.Client(base_url=srv.url, headers={"Authorization": f"Bearer {token}"}, timeout=120), gw


def test_rest_export_streams_and_import_restores_the_same_hits(api):
    assert httpx.get(f"{api.url}/export").status_code == 401  # the token is required
    with api.client.stream("GET", "/export", params={"format": "json"}) as r:
        assert r.status_code == 200 and r.headers["content-type"].startswith("application/x-ndjson")
        lines = [json.loads(ln) for ln in r.iter_lines() if ln]
    assert lines[0]["type"] == "header" and lines[-1]["type"] == "end"
    assert sum(1 for x in lines if x["type"] == "document") == 17
    vault = api.client.get("/export", params={"format": "obsidian", "tag": "heron"})
    names = zipfile.ZipFile(io.BytesIO(vault.content)).namelist()
    assert vault.headers["content-type"] == "application/zip" and "memex-vault/.memex-export.json" in names
    assert "memex-vault/projects/heron/Heron project overview.md" in names
    assert not any("recipes" in n for n in names)  # the filter applied
    bundle = api.client.get("/export", params={"format": "json", "with_vectors": "true"}).content
    assert sorted(zipfile.ZipFile(io.BytesIO(bundle)).namelist()) == ["archive.jsonl", "archive.jsonl.vectors"]

    srv, client, gw = _second(api, "second")
    try:
        with client.stream("POST", "/import", params={"stream": "true"},
                           files={"archive": ("memex-archive.zip", bundle, "application/zip")}) as r:
            events = [ln[7:] for ln in r.iter_lines() if ln.startswith("event: ")]
            assert r.status_code == 200
        assert "progress" in events and events[-2:] == ["report", "done"]
        for q in ("router firmware", "weekly sync", "INV-2024-0042"):
            want = [h["path"] for h in api.client.post("/search", json={"query": q, "k": 5}).json()["hits"]]
            got = [h["path"] for h in client.post("/search", json={"query": q, "k": 5}).json()["hits"]]
            assert got == want, q
        again = client.post("/import", files={"archive": ("a.zip", bundle, "application/zip")}).json()
        assert again["skipped"] == 17 and again["documents"] == 0 and again["path"] == "a.zip"
        tampered = zipfile.ZipFile(io.BytesIO(bundle)).read("archive.jsonl").replace(b"Fritz!Box", b"Fritz!Bax")
        r = client.post("/import", files={"archive": ("a.jsonl", tampered, "application/x-ndjson"),
                                          "vectors": ("v", zipfile.ZipFile(io.BytesIO(bundle)).read(
                                              "archive.jsonl.vectors"), "application/octet-stream")})
        assert r.status_code == 400 and "checksum mismatch" in r.json()["error"] and "line " in r.json()["error"]
        assert any(e.action == "import" for e in gw.audit_log())
    finally:
        client.close()
        srv.stop()
        gw.close()


def test_rest_saved_answers_and_thread_notes(api):
    r = api.client.post("/answers", json={"question": "What is the router firmware version?"}).json()
    assert "7.57" in r["answer"]["answer"] and Path(r["saved"][0]).parent == api.home / "answers"
    listed = api.client.get("/answers").json()
    note = api.client.get(f"/answers/{listed[-1]['id']}/note", params={"format": "markdown"})
    assert note.headers["content-type"].startswith("text/markdown")
    assert "[1]: <Home network.md#home-network>" in note.text
    with api.gateway.writing() as b:
        tid = threads.create_thread(b.conn)
        b.ask("What is the router firmware version?", thread=tid)
    t = api.client.get(f"/threads/{tid}/note")
    assert t.status_code == 200 and "## 1. What is the router firmware version?" in t.text
    assert api.client.get("/threads/nope/note").status_code == 404
    assert api.client.get("/answers/x..y/note").status_code == 422


# ---- MCP ------------------------------------------------------------------------------------------
def test_mcp_conversation_note_tool_and_resource(tmp_path: Path):
    from test_mcp import _session, _structured

    home = make_home(tmp_path, mcp_write_tools=True)
    with Brain.open(home) as b:
        b.add([copy_vault(tmp_path)])
        tid = threads.create_thread(b.conn)
        b.ask("What is the router firmware version?", thread=tid)

    async def scenario(s: Any) -> dict[str, Any]:
        return {"note": _structured(await s.call_tool("conversation_note", {"thread_id": tid})),
                "md": _structured(await s.call_tool("conversation_note", {"thread_id": tid, "format": "markdown"})),
                "resource": await s.read_resource(f"memex://thread/{tid}"),
                "missing": await s.call_tool("conversation_note", {"thread_id": "nope"}),
                "saved": _structured(await s.call_tool("save_answer", {"question": "When is the weekly sync?"}))}

    r = anyio.run(_session, home, scenario)
    assert "[[Home network#Home network|Home network]]" in r["note"]["markdown"]
    assert "](<Home network.md#home-network>)" in r["md"]["markdown"]
    assert r["resource"].contents[0].text.startswith("---\n")
    assert r["missing"].is_error and "no conversation thread" in r["missing"].content[0].text
    assert Path(r["saved"]["saved_as"]).parent == home / "answers" and "Friday" in r["saved"]["answer"]


# ---- web UI ---------------------------------------------------------------------------------------
def test_web_download_buttons_and_export_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    testing = pytest.importorskip("streamlit.testing.v1", reason="the web UI needs streamlit")
    home = make_home(tmp_path)
    with Brain.open(home) as b:
        b.add([copy_vault(tmp_path)])
    monkeypatch.setenv("MEMEX_HOME", str(home))
    script = Path(__file__).resolve().parents[1] / "src" / "memex" / "interfaces" / "web" / "app.py"
    at = testing.AppTest.from_file(str(script), default_timeout=60).run()
    at.chat_input[0].set_value("When is the weekly sync?").run()
    assert not at.exception, at.exception
    buttons = at.get("download_button")
    assert [b.proto.label for b in buttons] == ["Download as note"]
    at.run()  # the sidebar offers the conversation once it has a turn
    assert "Download conversation" in [b.proto.label for b in at.get("download_button")]
    at.sidebar.radio[0].set_value("Export").run()
    assert not at.exception, at.exception
    at.button(key="export_go").click().run()
    blob = at.session_state["export_blob"]
    names = zipfile.ZipFile(io.BytesIO(blob["data"])).namelist()
    assert blob["name"] == "memex-obsidian-vault.zip" and "memex-vault/Home network.md" in names
    at.radio(key="export_format").set_value("JSON archive (.jsonl, or .zip with vectors)").run()
    at.button(key="export_go").click().run()
    blob = at.session_state["export_blob"]
    assert blob["name"] == "memex-archive.zip"
    assert sorted(zipfile.ZipFile(io.BytesIO(blob["data"])).namelist()) == ["archive.jsonl", "archive.jsonl.vectors"]
