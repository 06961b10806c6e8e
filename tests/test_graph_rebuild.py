"""Forcing a full graph rebuild: rows from an older extractor are recomputed without touching any note
(CLI `memex graph --rebuild`, REST POST /graph/rebuild, automatically after a GRAPH_VERSION change)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import httpx
from live_server import LiveServer, copy_vault, make_home

from memex.app import Brain
from memex.graph import edges

MEMEX = [sys.executable, "-c", "from memex.interfaces.cli.main import main; main()"]


def _age_the_graph(home: Path, version: str = "1") -> dict[str, int]:
    """Make the stored graph look like an older extractor's: entity rows renamed, aliases unmerged, the
    version from before; returns what the current extractor stores (entity count, merged aliases)."""
    with Brain.open(home) as b:
        want = {"entities": b.conn.execute("SELECT count(*) FROM graph_entities").fetchone()[0],
                "merged": b.conn.execute("SELECT count(*) FROM graph_entities WHERE canonical IS NOT NULL")
                .fetchone()[0]}
        with b.writer():
            b.conn.execute("UPDATE graph_entities SET key = 'old ' || key, name = 'Old ' || name, canonical = NULL")
            b.conn.execute("UPDATE meta SET value = ? WHERE key = 'graph_version'", (version,))
    assert want["entities"] > 10 and want["merged"] > 0
    return want


def _entity_state(home: Path) -> dict[str, int]:
    with Brain.open(home) as b:
        return {"entities": b.conn.execute("SELECT count(*) FROM graph_entities WHERE key NOT LIKE 'old %'")
                .fetchone()[0],
                "merged": b.conn.execute("SELECT count(*) FROM graph_entities WHERE canonical IS NOT NULL")
                .fetchone()[0]}


def test_an_outdated_graph_is_reported_and_rebuilt_by_the_next_sync(tmp_path: Path):
    vault, home = copy_vault(tmp_path), make_home(tmp_path)
    with Brain.open(home) as b:
        b.add([vault])
        assert edges.stored_version(b.conn) == edges.GRAPH_VERSION and not edges.outdated(b.conn)
    want = _age_the_graph(home)
    with Brain.open(home) as b:
        assert "older version" in b.check()["graph"]
        report = b.sync()  # no note changed
        assert report.added == report.updated == 0
        done = b.last_graph_update
        assert done.rebuilt and len(done.changed) == 17, done
        assert b.check()["graph"] == "ok"
        again = b.sync()
        assert again.updated == 0 and not b.last_graph_update.rebuilt and not b.last_graph_update.changed
    assert _entity_state(home) == want


def test_cli_graph_rebuild_recomputes_every_note_with_progress(tmp_path: Path):
    vault, home = copy_vault(tmp_path), make_home(tmp_path)
    with Brain.open(home) as b:
        b.add([vault])
        b.related("Tom Becker", 5)
        before = [r.to_dict() for r in b.related("Tom Becker", 5)]
    want = _age_the_graph(home)
    env = {k: v for k, v in os.environ.items() if k != "MEMEX_HOME"}
    out = subprocess.run([*MEMEX, "graph", "--rebuild", "--home", str(home)], capture_output=True, text=True,
                         timeout=180, env=env)
    assert out.returncode == 0, out.stderr
    assert "Rebuilt the note graph: 17 notes" in out.stderr
    assert "Linking notes" in out.stderr  # the progress bar
    assert "notes," in out.stdout and "orphan" in out.stdout  # then the usual summary
    assert _entity_state(home) == want
    with Brain.open(home) as b:
        assert [r.to_dict() for r in b.related("Tom Becker", 5)] == before
        assert edges.stored_version(b.conn) == edges.GRAPH_VERSION


def test_rest_graph_rebuild_streams_progress_then_the_report(tmp_path: Path):
    from memex.interfaces.api.app import create_app
    from memex.interfaces.api.security import guard_config, load_or_create_token
    from memex.interfaces.gateway import Gateway
    vault, home = copy_vault(tmp_path), make_home(tmp_path)
    with Brain.open(home) as b:
        b.add([vault])
    want = _age_the_graph(home)
    gateway = Gateway(home)
    token = load_or_create_token(home)
    server = LiveServer(create_app(gateway, guard_config(token, gateway.settings.extra)))
    try:
        with httpx.Client(base_url=server.url, headers={"Authorization": f"Bearer {token}"}, timeout=120) as c:
            r = c.post("/graph/rebuild", params={"stream": "true"})
            assert r.status_code == 200 and r.headers["content-type"].startswith("text/event-stream")
            events = [(blk.split("\n")[0][7:], json.loads(blk.split("\n")[1][6:]))
                      for blk in r.text.strip().split("\n\n")]
            kinds = [e for e, _ in events]
            assert kinds[-2:] == ["report", "done"], kinds
            progress = [d for e, d in events if e == "progress"]
            assert progress and all(p["event"] == "graph" for p in progress)
            assert progress[-1] == {"event": "graph", "done": 17, "total": 17}
            assert events[-2][1]["changed"] == 17 and events[-2][1]["rebuilt"] is True
            plain = c.post("/graph/rebuild")
            assert plain.status_code == 200 and plain.json()["changed"] == 17
            assert c.post("/graph/rebuild", headers={"Authorization": ""}).status_code == 401
            audit = c.get("/audit", params={"action": "rebuild_graph"}).json()
            assert len(audit) == 2
    finally:
        server.stop()
        gateway.close()
    assert _entity_state(home) == want


def test_web_graph_page_rebuild_button(tmp_path: Path, monkeypatch):
    import pytest
    testing = pytest.importorskip("streamlit.testing.v1", reason="the web UI needs streamlit (pip install '.[ui]')")
    from fixture_paths import REPO
    vault, home = copy_vault(tmp_path), make_home(tmp_path)
    with Brain.open(home) as b:
        b.add([vault])
    want = _age_the_graph(home, edges.GRAPH_VERSION)  # only the button can bring the rows back
    monkeypatch.setenv("MEMEX_HOME", str(home))
    at = testing.AppTest.from_file(str(REPO / "src" / "memex" / "interfaces" / "web" / "app.py"),
                                   default_timeout=120).run()
    at.sidebar.radio[0].set_value("Graph").run()
    at.button(key="graph_rebuild").click().run()
    assert not at.exception, at.exception
    assert any("17 notes" in c.value for c in at.caption)
    assert _entity_state(home) == want
