"""Threads, remembered facts and quick capture: the capture module, the REST routes and the CLI commands."""
from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from live_server import LiveServer, copy_vault, make_home

from memex.app import Brain
from memex.errors import MemexError
from memex.ingest import capture
from memex.interfaces.api.app import create_app
from memex.interfaces.api.security import guard_config, load_or_create_token
from memex.interfaces.gateway import Gateway

MEMEX = [sys.executable, "-c", "from memex.interfaces.cli.main import main; main()"]
NOW = dt.datetime(2026, 5, 4, 9, 30, tzinfo=dt.timezone.utc)


# ---- the capture module --------------------------------------------------------------------------
def test_places_default_to_an_inbox_inside_the_users_vault(tmp_path: Path) -> None:
    home = tmp_path / "home"
    assert capture.resolve_places({}, [], home).inbox == home / "inbox"
    p = capture.resolve_places({}, ["/v/notes", "/v/other"], home)
    assert p.inbox == p.daily == Path("/v/notes/Inbox") and p.daily_format == "%Y-%m-%d"
    p = capture.resolve_places({"capture_inbox": "00 Inbox", "capture_daily_folder": "Journal/Daily",
                                "capture_daily_format": "%d.%m.%Y"}, ["/v/notes"], home)
    assert p.inbox == Path("/v/notes/00 Inbox") and p.daily == Path("/v/notes/Journal/Daily")
    assert capture.daily_note_path(p, dt.date(2026, 5, 4)) == Path("/v/notes/Journal/Daily/04.05.2026.md")
    assert capture.resolve_places({"capture_inbox": "/elsewhere/in"}, ["/v"], home).inbox == Path("/elsewhere/in")
    for bad in ({"capture_inbox": "../outside"}, {"capture_inbox": 7}, {"capture_daily_format": "%Y/%m"},
                {"capture_daily_format": "daily"}):
        with pytest.raises(MemexError):
            capture.resolve_places(bad, ["/v"], home)


def test_new_notes_never_overwrite_and_names_are_safe(tmp_path: Path) -> None:
    a = capture.write_new_note(tmp_path, "Call with Priya", "Budget is 12k.", now=NOW, via="cli")
    b = capture.write_new_note(tmp_path, "Call with Priya", "Second call.", now=NOW)
    assert (a.name, b.name) == ("Call with Priya.md", "Call with Priya 2.md")
    assert a.read_text() == ("---\ndate: 2026-05-04\ncaptured: 2026-05-04T09:30:00+00:00\nvia: cli\n---\n"
                             "# Call with Priya\n\nBudget is 12k.\n")
    evil = capture.write_new_note(tmp_path, "../../etc/passwd: a*b?<c>|d#e", "x", now=NOW)
    assert evil.parent == tmp_path and evil.name == "etc passwd a b c d e.md"
    untitled = capture.write_new_note(tmp_path, None, "Buy milk\nand eggs\x07", now=NOW)
    assert untitled.name == "Buy milk.md" and untitled.read_text().endswith("---\nBuy milk\nand eggs\n")
    assert oct(untitled.stat().st_mode & 0o777) == "0o644"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no staging file left behind
    for text in ("", "   \n\t", "x" * (capture.MAX_TEXT_CHARS + 1)):
        with pytest.raises(MemexError):
            capture.write_new_note(tmp_path, "t", text, now=NOW)


def test_daily_note_appends_timestamped_lines(tmp_path: Path) -> None:
    places = capture.Places(inbox=tmp_path, daily=tmp_path / "Daily")
    path = capture.append_daily(places, "Called the plumber", now=NOW)
    capture.append_daily(places, "Boiler fixed\nInvoice next week", now=NOW + dt.timedelta(hours=2))
    assert path == tmp_path / "Daily" / "2026-05-04.md"
    assert path.read_text() == "# 2026-05-04\n\n- 09:30 Called the plumber\n- 11:30 Boiler fixed\n  Invoice next week\n"
    path.write_text("my own words without a newline")  # the user's edits are kept
    capture.append_daily(places, "more", now=NOW)
    assert path.read_text() == "my own words without a newline\n- 09:30 more\n"
    path.write_bytes(b"\xff\xfe not utf-8")
    with pytest.raises(MemexError, match="not UTF-8"):
        capture.append_daily(places, "x", now=NOW)
    assert path.read_bytes() == b"\xff\xfe not utf-8"


# ---- REST --------------------------------------------------------------------------------------
@pytest.fixture
def api(tmp_path: Path):
    home = make_home(tmp_path, api_rate_per_minute=10**6, api_rate_burst=10**6)
    vault = copy_vault(tmp_path)
    gateway = Gateway(home)
    gateway.writer.add([vault])
    token = load_or_create_token(home)
    server = LiveServer(create_app(gateway, guard_config(token, gateway.settings.extra)))
    client = httpx.Client(base_url=server.url, headers={"Authorization": f"Bearer {token}"}, timeout=60)
    yield client, gateway, vault, home
    client.close()
    server.stop()
    gateway.close()


def test_rest_threads_round_trip(api) -> None:
    client, gateway, _, _ = api
    tid = client.post("/threads", json={}).json()["id"]
    a = client.post(f"/threads/{tid}/ask", json={"question": "When is the weekly sync?"}).json()
    assert "Friday at 14:00" in a["answer"]
    with client.stream("POST", f"/threads/{tid}/ask", json={"question": "Which room is it in?", "stream": True}) as r:
        body = "".join(r.iter_text())
    assert "event: answer" in body and body.rstrip().endswith("data: {}")
    listed = client.get("/threads").json()["threads"]
    assert listed[0]["id"] == tid and listed[0]["turns"] == 2 and listed[0]["title"] == "When is the weekly sync?"
    thread = client.get(f"/threads/{tid}").json()
    assert [t["question"] for t in thread["turns"]] == ["When is the weekly sync?", "Which room is it in?"]
    assert thread["turns"][0]["citations"][0]["n"] == 1
    assert client.delete(f"/threads/{tid}").json() == {"id": tid, "deleted": True}
    for method, path in (("GET", f"/threads/{tid}"), ("DELETE", f"/threads/{tid}"), ("POST", f"/threads/{tid}/ask")):
        r = client.request(method, path, json={"question": "x"} if method == "POST" else None)
        assert r.status_code == 404, (method, r.text)
    assert client.get("/threads/..%2F..%2Fetc").status_code in (404, 422)
    actions = {e.action for e in gateway.audit_log()}
    assert {"create_thread", "delete_thread", "ask"} <= actions


def test_rest_memories_and_capture(api) -> None:
    client, gateway, vault, home = api
    m = client.post("/memories", json={"fact": "The spare key is under the blue pot."})
    assert m.status_code == 201 and Path(m.json()["path"]).parent == home / "memories"
    assert [x["id"] for x in client.get("/memories").json()["memories"]] == [m.json()["id"]]
    ask = client.post("/ask", json={"question": "Where is the spare key?"}).json()
    assert "blue pot" in ask["answer"]
    assert client.delete(f"/memories/{m.json()['id']}").status_code == 200
    assert client.get("/memories").json()["memories"] == []
    assert client.delete(f"/memories/{m.json()['id']}").status_code == 404

    places = client.get("/notes/places").json()
    assert places == {"inbox": str(vault / "Inbox"), "daily_folder": str(vault / "Inbox"), "daily_format": "%Y-%m-%d"}
    note = client.post("/notes", json={"title": "Hoopoe", "text": "A hoopoe nests in the old olive tree."})
    assert note.status_code == 201 and note.json()["indexed"] and note.json()["path"] == str(vault / "Inbox" / "Hoopoe.md")
    hit = client.post("/search", json={"query": "hoopoe olive tree", "k": 1}).json()["hits"][0]
    assert hit["path"] == note.json()["path"]
    daily = client.post("/notes/daily", json={"text": "Saw the hoopoe again"}).json()
    assert Path(daily["path"]).name == f"{dt.date.today():%Y-%m-%d}.md" and daily["indexed"]
    for bad in ({"text": ""}, {"text": "x", "title": "t" * 300}, {"text": "x", "extra": 1}, {"title": "only"}):
        assert client.post("/notes", json=bad).status_code in (400, 422)
    assert sorted(p.name for p in (vault / "Inbox").iterdir()) == sorted(["Hoopoe.md", Path(daily["path"]).name])
    assert {"remember", "forget", "new_note", "append_daily"} <= {e.action for e in gateway.audit_log()}


# ---- CLI ---------------------------------------------------------------------------------------
def _memex(home: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "MEMEX_HOME"}
    return subprocess.run([*MEMEX, "--home", str(home), *args], capture_output=True, text=True, env=env,
                          input=stdin, timeout=120)


def test_cli_threads_notes_and_audit(tmp_path: Path) -> None:
    home = make_home(tmp_path)
    vault = copy_vault(tmp_path)
    with Brain.open(home) as b:
        b.add([vault])
    with Gateway(home) as gw:
        from memex.interfaces.notebook import Notebook
        nb = Notebook(gw)
        tid = nb.create_thread("", "test")["id"]
        gw.ask("When is the weekly sync?", None, False, "test", thread=tid)
        nb.close()
    r = _memex(home, "threads", "list")
    assert r.returncode == 0 and tid in r.stdout and "When is the weekly sync?" in r.stdout
    r = _memex(home, "threads", "ask", tid, "Which room is it in?", "--json")
    follow = json.loads(r.stdout) if r.returncode == 0 else {}
    # the follow-up is read in the thread's context: the sync's room, cited
    assert "Kestrel" in follow.get("answer", "") and any("Kestrel" in c["quote"] for c in follow["citations"])
    shown = json.loads(_memex(home, "threads", "show", tid, "--json").stdout)
    assert len(shown["turns"]) == 2
    assert "Friday at 14:00" in _memex(home, "threads", "show", tid).stdout
    assert _memex(home, "threads", "delete", tid).returncode == 0
    r = _memex(home, "threads", "show", tid)
    assert r.returncode == 1 and r.stderr.startswith("Error: no conversation thread")

    r = _memex(home, "note", "new", "--title", "Kettle", "--json", "Bought the Bosch kettle.")
    saved = json.loads(r.stdout)
    assert saved["path"] == str(vault / "Inbox" / "Kettle.md") and saved["indexed"]
    r = _memex(home, "note", "daily", "-", stdin="Descaled the kettle\n")
    assert r.returncode == 0 and r.stdout.startswith(f"Added to {vault / 'Inbox'}")
    assert json.loads(_memex(home, "note", "where", "--json").stdout)["inbox"] == str(vault / "Inbox")
    listed = json.loads(_memex(home, "note", "list", "--path", "*/Inbox/*", "--json").stdout)
    assert listed["total"] == 2
    doc_id = next(d["id"] for d in listed["items"] if d["path"].endswith("Kettle.md"))
    assert "Bought the Bosch kettle." in _memex(home, "note", "show", str(doc_id)).stdout
    assert _memex(home, "search", "Bosch kettle", "-k", "1", "--json").stdout.count("Kettle.md") == 1
    r = _memex(home, "note", "new", "")
    assert r.returncode == 1 and "empty" in r.stderr
    audit = json.loads(_memex(home, "audit", "--json").stdout)
    assert {"new_note", "append_daily", "delete_thread"} <= {e["action"] for e in audit}
