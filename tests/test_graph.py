"""The note graph: links, entities, semantic edges, related notes, insights, contradictions — through real
SQLite, the real ingest pipeline (hashing embedder: fast, no model), the CLI as a subprocess, REST and MCP."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import anyio
import httpx
import pytest
from live_server import LiveServer, copy_vault, make_home

from memex.app import Brain
from memex.graph import contradictions, entities, statements
from memex.graph.edges import merge_aliases, nicknames
from memex.graph.links import MAX_LINKS_PER_NOTE, links_in_text, name_key, note_links, property_links

MEMEX = [sys.executable, "-c", "from memex.interfaces.cli.main import main; main()"]


def cli(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "MEMEX_HOME"}
    return subprocess.run([*MEMEX, *args, "--home", str(home)], capture_output=True, text=True, timeout=180, env=env)


# ---- pure parts -----------------------------------------------------------------------------------
def test_links_keep_alias_heading_block_embed_and_markdown_targets():
    text = ("See [[Deployment runbook#Rollback|how to roll back]] and [[Priya Raman]]. "
            "Embedded: ![[attachments/Heron Q2 status report.docx]]. Block: [[Kiln log#^glaze-12]]. "
            "Also [the plan](../plans/Big%20plan.md#Goals) and [web](https://example.com/x.md). [[#Local]]")
    links = {lk.target: lk for lk in links_in_text(text)}
    rb = links["Deployment runbook#Rollback"]
    assert (rb.kind, rb.name, rb.anchor, rb.alias) == ("link", "deployment runbook", "Rollback", "how to roll back")
    assert "roll back" in rb.context
    assert links["attachments/Heron Q2 status report.docx"].kind == "embed"
    assert links["Kiln log#^glaze-12"].anchor == "^glaze-12"
    md = links["../plans/Big plan.md#Goals"]
    assert (md.kind, md.name, md.alias) == ("mdlink", "big plan", "the plan")
    assert not any("example.com" in t for t in links) and "#Local" not in links
    props = property_links({"related": "[[Heron project overview]]", "attendees": ["Priya Raman", "Tom Becker"],
                            "tags": ["x"], "date": "2024-01-01"})
    assert [(p.name, p.kind) for p in props] == [("heron project overview", "property"), ("priya raman", "property"),
                                                  ("tom becker", "property")]
    assert props[1].path_hint == "?"  # a plain value: kept only if a note of that name exists


def test_names_compare_case_and_dash_insensitively_in_any_script():
    assert name_key("Thursday-Football.md") == name_key("thursday football") == "thursday football"
    assert name_key("  Zoë   Ångström ") == "zoë ångström"
    assert name_key("Иван Петров") == "иван петров" and name_key("北京计划.md") == "北京计划"


def test_ten_thousand_links_in_one_note_are_capped_not_quadratic():
    text = " ".join(f"[[Note {i}]]" for i in range(10_000))
    t0 = time.perf_counter()
    links = note_links([text, text], {})
    assert len(links) == MAX_LINKS_PER_NOTE and links[0].name == "note 0"
    assert time.perf_counter() - t0 < 10  # a generous bound: the scan is linear (bench/graph_speed.py measures)


def test_entities_people_orgs_identifiers_and_sentence_starts():
    ex = entities.RuleExtractor()
    text = ("Met Priya Raman and Tom at the Northmoor Wildlife Trust on Tuesday. Invoice INV-2024-0042 is overdue.\n"
            "- Honest about bad news.\nDougie's quote came from Pryce & Son Building Ltd.")
    found = {m.key: m for m in ex.extract(text, frozenset({"Dougie"}))}
    assert found["priya raman"].kind == "person" and found["priya raman"].strong
    assert found["northmoor wildlife trust"].kind == "org"
    assert found["inv 2024 0042"].kind == "id"
    assert "pryce & son" in found  # a shorter leading name of "Pryce & Son Building Ltd"
    assert "tuesday" not in found and "met" not in found and "met priya raman" not in found
    assert not found["honest"].strong  # only capitalised because it starts a line
    assert found["dougie"].strong  # a known note name, even at the start of a sentence
    assert nicknames("Rebecca Lyle", "Biology. Everyone calls her Bex.") == ["Bex"]
    assert nicknames("Dad", 'Olumide "Baba" Adeyemi. Calls me "Raffi".') == ["Baba"]


def test_statements_carry_values_subject_and_date():
    chunk = ("## Decisions\n- The weekly sync is on **Tuesday at 10:00** in the Kestrel room.\n"
             "| 17 Mar 2026 | **Bisoprolol increased from 2.5 mg to 5 mg**, morning |\n")
    found = statements.statements(chunk, "2025-09-07")
    sync, dose = found
    assert sync.slots["weekday"] == ("tue",) and sync.slots["time"] == ("10:00",) and "sync" in sync.terms
    assert sync.date == "2025-09-07" and not sync.cue
    assert dose.date == "2026-03-17" and dose.cue and set(dose.slots["quantity"]) == {"2.5mg", "5mg"}
    assert "date" not in dose.slots  # the date a log row starts with dates it; it is not its value
    assert statements.dates_in("start 2 March, done (14 Oct)", 2025, "2025-10-19") == ["2026-03-02", "2025-10-14"]


# ---- the graph in the store --------------------------------------------------------------------------
@pytest.fixture()
def vault_home(tmp_path: Path):
    vault = copy_vault(tmp_path)
    home = make_home(tmp_path)
    with Brain.open(home) as b:
        b.add([vault])
    return vault, home


def _id(b: Brain, name: str) -> int:
    return int(b.conn.execute("SELECT id FROM documents WHERE path LIKE ?", (f"%/{name}",)).fetchone()[0])


def test_graph_is_built_on_add_and_updated_incrementally(vault_home):
    vault, home = vault_home
    with Brain.open(home) as b:
        assert b.conn.execute("SELECT count(*) FROM graph_state").fetchone()[0] == 17
        home_id, runbook = _id(b, "Home.md"), _id(b, "Deployment runbook.md")
        # Home links to the runbook's heading with an alias; the link resolves to the note
        row = b.conn.execute("SELECT dst, anchor, alias FROM graph_links WHERE src = ? AND anchor = 'Rollback'",
                             (home_id,)).fetchone()
        assert tuple(row) == (runbook, "Rollback", "how to roll back")
        assert b.conn.execute("SELECT count(*) FROM graph_semantic").fetchone()[0] > 0
        # a sync with nothing changed recomputes nothing
        b.sync()
        assert b.last_graph_update.changed == [] and b.last_graph_update.removed == []
        # editing one note recomputes only that note
        note = vault / "people" / "Tom Becker.md"
        note.write_text(note.read_text(encoding="utf-8") + "\nAlso see [[Nonexistent plan]] and [[Tom Becker]].\n",
                        encoding="utf-8")
        b.sync()
        tom = _id(b, "Tom Becker.md")
        assert b.last_graph_update.changed == [tom]
        assert b.conn.execute("SELECT dst FROM graph_links WHERE src = ? AND target = 'Nonexistent plan'",
                              (tom,)).fetchone()[0] is None  # an unresolved placeholder
        assert all(r.doc_id != tom for r in b.related(tom, 20))  # a self-link is not a relation
        # the missing note appears: the placeholder resolves; it disappears: the link is a placeholder again
        (vault / "Nonexistent plan.md").write_text("# Nonexistent plan\n\nNow it exists.\n", encoding="utf-8")
        b.sync()
        plan = _id(b, "Nonexistent plan.md")
        assert b.conn.execute("SELECT dst FROM graph_links WHERE src = ? AND target = 'Nonexistent plan'",
                              (tom,)).fetchone()[0] == plan
        assert b.last_graph_update.changed == [plan]
        (vault / "Nonexistent plan.md").unlink()
        b.sync()
        assert b.last_graph_update.removed == [plan]
        assert b.conn.execute("SELECT dst FROM graph_links WHERE src = ? AND target = 'Nonexistent plan'",
                              (tom,)).fetchone()[0] is None
        # a moved note keeps its links resolved under its new path
        (vault / "people" / "team").mkdir()
        (vault / "people" / "Priya Raman.md").rename(vault / "people" / "team" / "Priya Raman.md")
        b.sync()
        priya = _id(b, "team/Priya Raman.md")
        assert b.conn.execute("SELECT count(*) FROM graph_links WHERE dst = ?", (priya,)).fetchone()[0] >= 3


def test_related_json_shape_reasons_and_ranking(vault_home):
    _, home = vault_home
    p = cli(home, "related", "projects/heron/meetings/2024-05-03 Heron retro.md", "-k", "5", "--json")
    assert p.returncode == 0, p.stderr
    out = json.loads(p.stdout)
    assert len(out) == 5 and [r["score"] for r in out] == sorted((r["score"] for r in out), reverse=True)
    for r in out:
        assert set(r) == {"path", "title", "score", "reasons"}
        for reason in r["reasons"]:
            assert set(reason) == {"kind", "detail"}
            assert reason["kind"] in {"link", "backlink", "tag", "entity", "semantic"} and reason["detail"]
    by_title = {r["title"]: r for r in out}
    assert {"Priya Raman", "Tom Becker", "Heron project overview"} <= set(by_title)
    kinds = {x["kind"] for x in by_title["Priya Raman"]["reasons"]}
    assert "link" in kinds and "entity" in kinds
    assert any(x["kind"] == "backlink" for x in by_title["Heron project overview"]["reasons"])
    semantic = [x for r in out for x in r["reasons"] if x["kind"] == "semantic"]
    assert semantic and all("~" in x["detail"] for x in semantic)  # the connecting pair of passages
    # a note id and a title name the same note; an unknown note is a clear error (exit 1)
    with Brain.open(home) as b:
        retro = _id(b, "2024-05-03 Heron retro.md")
    by_id = json.loads(cli(home, "related", str(retro), "-k", "5", "--json").stdout)
    by_title_arg = json.loads(cli(home, "related", "2024-05-03 Heron retro", "-k", "5", "--json").stdout)
    assert by_id == out == by_title_arg
    bad = cli(home, "related", "no such note")
    assert bad.returncode == 1 and "no indexed note" in bad.stderr


def test_insights_report_the_moved_weekly_sync_as_a_contradiction(vault_home):
    _, home = vault_home
    p = cli(home, "insights", "--json")
    assert p.returncode == 0, p.stderr
    found = json.loads(p.stdout)
    for i in found:
        assert {"kind", "title", "notes", "evidence", "score", "created"} <= set(i)
        assert all({"path", "quote", "location"} <= set(e) for e in i["evidence"])
    sync = [i for i in found if i["kind"] == "contradiction" and "sync" in i["title"]]
    assert len(sync) == 1, [i["title"] for i in found if i["kind"] == "contradiction"]
    old, new = sync[0]["evidence"]
    assert old["path"].endswith("2024-04-02 Heron kickoff.md") and new["path"].endswith("2024-05-03 Heron retro.md")
    assert "The weekly sync is on **Tuesday at 10:00** in the Kestrel room." in old["quote"]
    assert "moved the weekly sync to Friday at 14:00" in new["quote"]
    assert old["stale"] and not new["stale"] and old["location"]["start_line"]
    assert {i["kind"] for i in found} >= {"contradiction", "cluster", "connection"}
    # dismissed: gone now and never proposed again, even by a full recomputation
    d = cli(home, "insights", "--dismiss", str(sync[0]["id"]))
    assert d.returncode == 0, d.stderr
    with Brain.open(home) as b:
        from memex.graph import insights
        with b.writer():
            insights.refresh(b.conn, full=True)
        assert not [i for i in b.insights(kind="contradiction", refresh=False) if "sync" in i.title]
        # the older statement is marked stale for answering
        stale = contradictions.stale_chunks(b.conn)
        assert stale
    assert cli(home, "insights", "--dismiss", "999999").returncode == 1


def test_sync_prints_a_one_line_insight_summary(tmp_path: Path):
    vault = copy_vault(tmp_path)
    home = make_home(tmp_path)
    p = cli(home, "add", str(vault))
    assert p.returncode == 0, p.stderr
    assert "contradiction" in p.stdout and "— memex insights" in p.stdout
    j = json.loads(cli(home, "sync", "--json").stdout)
    assert j["insights"]["summary"] == ""  # nothing changed: nothing new


def test_graph_exports_and_neighbourhood(vault_home, tmp_path: Path):
    _, home = vault_home
    p = cli(home, "graph", "--json")
    g = json.loads(p.stdout)
    assert g["stats"]["notes"] == 17 and g["stats"]["hubs"][0]["title"] == "Home"
    assert all("cluster" in n for n in g["nodes"])
    near = json.loads(cli(home, "graph", "--around", "Tom Becker", "--depth", "1", "--json").stdout)
    assert near["around"] and 1 < len(near["nodes"]) < 17 and {n["hops"] for n in near["nodes"]} == {0, 1}
    out = tmp_path / "g.graphml"
    assert cli(home, "graph", "-o", str(out)).returncode == 0
    import networkx as nx
    assert nx.read_graphml(out).number_of_nodes() == 17
    page = tmp_path / "g.html"
    assert cli(home, "graph", "--format", "html", "-o", str(page)).returncode == 0
    text = page.read_text(encoding="utf-8")
    assert "vis-network" in text and "Heron project overview" in text
    # nothing is loaded from anywhere: scripts are inlined and the page's CSP forbids any fetch
    assert "default-src 'none'" in text and "/*VIS_NETWORK*/" not in text
    from importlib import resources
    template = resources.files("memex.graph").joinpath("static/graph.html").read_text(encoding="utf-8")
    assert "<script src" not in template and "http:" not in template and "https:" not in template
    assert cli(home, "graph", "--depth", "9").returncode == 2


def test_check_repair_rebuilds_the_graph(vault_home):
    _, home = vault_home
    with Brain.open(home) as b:
        before = b.conn.execute("SELECT count(*) FROM graph_links").fetchone()[0]
        with b.writer():
            b.conn.execute("DELETE FROM graph_entities")
            b.conn.execute("INSERT INTO graph_links(src, target, name, dst, kind) VALUES (1, 'x', 'x', 99999, 'link')")
        report = b.check()
        assert not report["ok"] and any("note graph" in p for p in report["problems"])
        fixed = b.check(repair=True)
        assert fixed["ok"] and any("note graph" in r for r in fixed["repaired"]), fixed
        assert b.conn.execute("SELECT count(*) FROM graph_links").fetchone()[0] == before
        assert b.check()["ok"]


def test_bad_input_cycles_self_links_missing_and_non_latin_names(tmp_path: Path):
    vault = tmp_path / "v"
    vault.mkdir()
    (vault / "A.md").write_text("# A\n\nGoes to [[B]], to itself [[A]], and to [[Nowhere]].\n", encoding="utf-8")
    (vault / "B.md").write_text("# B\n\nBack to [[A]] and on to [[C]].\n", encoding="utf-8")
    (vault / "C.md").write_text("# C\n\nRound to [[A]]. " + " ".join(f"[[Missing {i}]]" for i in range(3000)),
                                encoding="utf-8")
    (vault / "Иван Петров.md").write_text("# Иван Петров\n\nКоллега из Москвы. Работает с [[北京计划]].\n",
                                          encoding="utf-8")
    (vault / "北京计划.md").write_text("# 北京计划\n\n负责人: [[Иван Петров]]. Zoë Ångström joined.\n",
                                      encoding="utf-8")
    home = make_home(tmp_path)
    with Brain.open(home) as b:
        b.add([vault])
        a, ivan, plan = _id(b, "A.md"), _id(b, "Иван Петров.md"), _id(b, "北京计划.md")
        assert {r.doc_id for r in b.related(a, 5)} == {_id(b, "B.md"), _id(b, "C.md")}
        assert [r.doc_id for r in b.related("Иван Петров", 1)] == [plan]
        assert ivan in {r.doc_id for r in b.related(plan, 3)}
        ng = b.note_graph()
        assert ng.stats()["placeholders"] == 3001  # every missing target is a placeholder node
        assert b.note_graph("A", depth=5).graph.number_of_nodes() > 3
        assert b.insights() is not None


def test_entity_aliases_merge_first_names_and_note_aliases(tmp_path: Path):
    vault = tmp_path / "v"
    vault.mkdir()
    (vault / "Douglas Pryce.md").write_text("---\naliases: [Dougie]\n---\n# Douglas Pryce\n\nBuilder.\n",
                                            encoding="utf-8")
    (vault / "Site visit.md").write_text("# Site visit\n\nWalked round with Dougie and Jonah Clarke.\n",
                                         encoding="utf-8")
    (vault / "Journal.md").write_text("# Journal\n\nThen Jonah came home. Sam Mercer and Sam Okoro rang.\n"
                                      "Sam said hi.\n", encoding="utf-8")
    home = make_home(tmp_path)
    with Brain.open(home) as b:
        b.add([vault])
        with b.writer():
            merge_aliases(b.conn)
        canon = dict(b.conn.execute("SELECT e.key, c.key FROM graph_entities e JOIN graph_entities c "
                                    "ON c.id = e.canonical").fetchall())
        assert canon.get("jonah") == "jonah clarke"  # one Jonah in the vault: merged
        assert "sam" not in canon  # two Sams: ambiguous, kept apart
        site = _id(b, "Site visit.md")
        reasons = {r.title: r.to_dict()["reasons"] for r in b.related(site, 5)}
        assert any(x["detail"].startswith("mentions Dougie") for x in reasons["Douglas Pryce"])
        assert any(x["detail"] == "Jonah Clarke" for x in reasons["Journal"])


def test_titles_headings_and_person_notes_connect_notes(tmp_path: Path):
    vault = tmp_path / "v"
    vault.mkdir()
    (vault / "people").mkdir()
    (vault / "people" / "Pete Garside.md").write_text("# Pete Garside\n\nCycling mate, retired postman.\n",
                                                      encoding="utf-8")
    (vault / "people" / "Graham Pickles.md").write_text("# Graham Pickles\n\nMy manager until January.\n",
                                                        encoding="utf-8")
    (vault / "Loft.md").write_text("# Loft\n\nInsulation topped up in January. Pete helped on the Saturday.\n",
                                   encoding="utf-8")
    (vault / "Graham 1-1s.md").write_text("# Graham 1-1s\n\n## 14 Oct 2025\n- Pay review is in March.\n",
                                          encoding="utf-8")
    (vault / "Gifts.md").write_text("# Gifts\n\n## Graham Pickles (leaving do)\n- A framed signal box diagram.\n",
                                    encoding="utf-8")
    home = make_home(tmp_path)
    with Brain.open(home) as b:
        b.add([vault])
        def named(note: str, other: str) -> list[str]:
            return [x.detail for r in b.related(_id(b, note), 3) if r.title == other for x in r.reasons
                    if x.detail.startswith("mentions ")]

        # no note writes "Pete Garside" in its text: the first name stands for the one person note it starts
        assert any(d.startswith("mentions Pete Garside: Pete helped") for d in named("Loft.md", "Pete Garside"))
        # the title says who a note is about; a heading names who a section is about
        assert any(d.startswith("mentions Graham Pickles: Graham 1-1s") for d in named("Graham 1-1s.md", "Graham Pickles"))
        assert any(d.startswith("mentions Graham Pickles") for d in named("Gifts.md", "Graham Pickles"))


def test_a_file_time_never_makes_a_statement_newer(tmp_path: Path):
    vault = tmp_path / "v"
    vault.mkdir()
    old, new = vault / "fees.txt", vault / "fees later.txt"
    old.write_text("The pitch fee for the Saturday market is £35.\n", encoding="utf-8")
    new.write_text("The pitch fee for the Saturday market is now £42.\n", encoding="utf-8")
    os.utime(old, (1_600_000_000, 1_600_000_000))  # different file times, no date in either text
    home = make_home(tmp_path)
    with Brain.open(home) as b:
        b.add([vault])
        dates = [r[0] for r in b.conn.execute("SELECT date FROM graph_statements")]
        assert dates and all(d is None for d in dates)
        assert not b.insights(refresh=True, kind="contradiction")
        # with a written date the later statement wins
        new.write_text("2026-02-01: the pitch fee for the Saturday market is now £42.\n", encoding="utf-8")
        old.write_text("2025-09-02: the pitch fee for the Saturday market is £35.\n", encoding="utf-8")
        b.sync()
        found = b.insights(refresh=True, kind="contradiction")
        assert found and found[0].evidence[1]["path"].endswith("fees later.txt")


# ---- REST and MCP -----------------------------------------------------------------------------------
def test_rest_related_graph_insights_and_dismiss(vault_home):
    from memex.interfaces.api.app import create_app
    from memex.interfaces.api.security import guard_config, load_or_create_token
    from memex.interfaces.gateway import Gateway
    _, home = vault_home
    gateway = Gateway(home)
    token = load_or_create_token(home)
    server = LiveServer(create_app(gateway, guard_config(token, gateway.settings.extra)))
    try:
        with httpx.Client(base_url=server.url, headers={"Authorization": f"Bearer {token}"}, timeout=60) as c:
            r = c.get("/related", params={"note": "Tom Becker", "k": 3})
            assert r.status_code == 200, r.text
            body = r.json()
            assert body["note"]["title"] == "Tom Becker" and len(body["related"]) == 3
            with Brain.open(home) as b:
                expected = [x.to_dict() for x in b.related("Tom Becker", 3)]
            assert body["related"] == expected  # the same as `memex related --json`
            assert c.get("/related", params={"note": "nope"}).status_code == 400
            g = c.get("/graph", params={"around": "Home", "depth": 1}).json()
            assert g["around"] and g["stats"]["notes"] >= 10
            assert c.get("/graph", params={"format": "graphml"}).text.startswith("<?xml")
            assert "vis-network" in c.get("/graph", params={"format": "html"}).text
            ins = c.get("/insights", params={"kind": "contradiction", "refresh": "true"}).json()["insights"]
            assert any("sync" in i["title"] for i in ins)
            first = ins[0]["id"]
            assert c.post(f"/insights/{first}/dismiss").json() == {"dismissed": first}
            assert first not in [i["id"] for i in c.get("/insights").json()["insights"]]
            assert c.post(f"/insights/{first}/dismiss").status_code == 404
            assert c.get("/insights", params={"since": "not-a-date"}).status_code == 422
            assert c.get("/related", params={"note": "x"}, headers={"Authorization": ""}).status_code == 401
    finally:
        server.stop()
        gateway.close()


def test_mcp_related_neighbourhood_and_insights_tools(vault_home):
    from memex.interfaces.gateway import Gateway
    from memex.interfaces.mcp.server import build_server
    _, home = vault_home
    with Gateway(home) as g:
        server = build_server(g)

        async def calls():
            rel = await server.call_tool("related", {"note": "Priya Raman", "k": 3})
            near = await server.call_tool("note_neighbourhood", {"note": "Priya Raman", "depth": 1})
            ins = await server.call_tool("insights", {"kind": "contradiction"})
            res = await server.read_resource("memex://insights")
            return rel, near, ins, res

        rel, near, ins, res = anyio.run(calls)
        def structured(result):
            assert not result.is_error, result.content
            return result.structured_content or json.loads(result.content[0].text)

        rel, near, ins = (structured(x) for x in (rel, near, ins))
        assert len(rel["related"]) == 3 and "instructions" in rel["note"]
        assert any(n["title"] == "Priya Raman" and n["hops"] == 0 for n in near["notes"]) and near["edges"]
        assert isinstance(ins["insights"], list)
        contents = getattr(res, "contents", res)
        assert isinstance(json.loads(list(contents)[0].text if hasattr(list(contents)[0], "text")
                                     else list(contents)[0].content), list)
