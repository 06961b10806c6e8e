"""Speed of the note graph at 10k notes (2 cores): graph build, no-change sync with the graph on vs off,
`related` latency, a full insights run, the graph page at 5k nodes in headless Chromium, and bad input.

A synthetic vault (seeded): people and project notes, dated meeting notes that link to them, mention
them without links, carry tags and dated statements (some of which change), plus hostile notes (10k links,
link cycles, self-links, links to missing notes, non-Latin names). The hashing embedder (384 dims, no model)
stands in for MiniLM: the graph's cost depends on the vector count and size, not on the model.
Usage: python bench/graph_speed.py [--notes 10000] [--page-nodes 5000] [--no-browser]
"""
from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from memex.app import Brain  # noqa: E402

FIRST = ["Ada", "Ben", "Chloe", "Dev", "Elin", "Femi", "Gwen", "Hamish", "Iris", "Jonah", "Kate", "Leon", "Maya",
         "Nadia", "Omar", "Priya", "Quinn", "Rhys", "Sam", "Tomi", "Uma", "Vik", "Wren", "Xavi", "Yusuf", "Zoë"]
LAST = ["Okafor", "Raman", "Becker", "Pryce", "Mercer", "Okoro", "Lyle", "Dando", "Tull", "Sinclair", "Haddad",
        "Rennie", "Baird", "Petrie", "Gruffydd", "Clarke", "Penhale", "Sandhu", "Leach", "Marsh"]
TOPICS = ["sync service", "field survey", "kiln firing", "loft conversion", "mortgage", "half marathon", "garden",
          "budget review", "hiring", "onboarding research", "release train", "care plan", "brewing", "Gaelic class"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
WORDS = ("the team agreed to keep notes short and to follow up on open questions before the next review while "
         "budgets stay tight and the schedule moves around holidays").split()


def make_vault(root: Path, n: int, seed: int = 12) -> Path:
    rng = random.Random(seed)
    vault = root / "vault"
    (vault / "people").mkdir(parents=True)
    (vault / "projects").mkdir()
    (vault / "meetings").mkdir()
    people = [f"{first} {last}" for first in FIRST for last in LAST][: max(20, n // 20)]
    projects = [f"Project {w.title()} {i}" for i, w in enumerate(rng.choices(TOPICS, k=max(10, n // 50)))]
    for p in people:
        (vault / "people" / f"{p}.md").write_text(
            f"---\ntags: [person]\naliases: [{p.split()[0]}]\n---\n# {p}\n\nWorks on "
            f"[[{rng.choice(projects)}]]. Prefers email. Birthday {rng.randint(1, 28)} March.\n", encoding="utf-8")
    for pr in projects:
        lead = rng.choice(people)
        (vault / "projects" / f"{pr}.md").write_text(
            f"---\ntags: [project, {pr.split()[1].lower()}]\n---\n# {pr}\n\nLead: [[{lead}]]. "
            f"The weekly sync is on **{rng.choice(DAYS)} at 10:00**. Budget EUR {rng.randint(10, 90)},000.\n",
            encoding="utf-8")
    made = len(people) + len(projects)
    day = 0
    while made < n:
        day += 1
        date = time.strftime("%Y-%m-%d", time.gmtime(1_700_000_000 + day * 86400 // 3))
        pr = rng.choice(projects)
        who = rng.sample(people, 3)
        body = [f"---\ndate: {date}\ntags: [meeting, {pr.split()[1].lower()}]\n---\n# {date} {pr} meeting {made}\n",
                f"Attendees: [[{who[0]}]], {who[1]}, {who[2].split()[0]}.\n",
                f"## Decisions\n- We moved the weekly sync to **{rng.choice(DAYS)} at {rng.randint(9, 16)}:00**.\n",
                f"- The {rng.choice(TOPICS)} budget is now EUR {rng.randint(10, 90)},000 (see [[{pr}]]).\n",
                " ".join(rng.choices(WORDS, k=120)) + ".\n"]
        (vault / "meetings" / f"{date} {pr} {made}.md").write_text("\n".join(body), encoding="utf-8")
        made += 1
    hostile = vault / "hostile"
    hostile.mkdir()
    (hostile / "Index of everything.md").write_text(
        "# Index\n\n" + "\n".join(f"- [[Missing note {i}]] and [[{rng.choice(people)}]]" for i in range(10_000)),
        encoding="utf-8")
    for a, b in (("Loop A", "Loop B"), ("Loop B", "Loop C"), ("Loop C", "Loop A")):
        (hostile / f"{a}.md").write_text(f"# {a}\n\nNext: [[{b}]]. Myself: [[{a}]].\n", encoding="utf-8")
    (hostile / "Иван Петров.md").write_text("# Иван Петров\n\nРаботает над [[北京计划]]; Zoë Ångström.\n",
                                            encoding="utf-8")
    (hostile / "北京计划.md").write_text("# 北京计划\n\n负责人 [[Иван Петров]].\n", encoding="utf-8")
    return vault


CPU: dict[str, float] = {}


def timed(fn, name: str | None = None):  # type: ignore[no-untyped-def]
    """(result, wall seconds); the CPU seconds of this process go to CPU[name] (the machine is shared: CPU
    time shows the work, wall time what a user waited)."""
    t0, c0 = time.perf_counter(), time.process_time()
    out = fn()
    if name:
        CPU[name] = round(time.process_time() - c0, 3)
    return out, time.perf_counter() - t0


def render_page(html_path: Path) -> float | None:
    """Seconds until the graph page has laid out and drawn (headless Chromium), or None without a browser."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver_bin = shutil.which("chromedriver")
    if not (chromium and driver_bin):
        return None
    from selenium import webdriver
    from selenium.webdriver.support.ui import WebDriverWait
    opts = webdriver.ChromeOptions()
    opts.binary_location = chromium
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--window-size=1400,1000"):
        opts.add_argument(flag)
    driver = webdriver.Chrome(service=webdriver.ChromeService(driver_bin), options=opts)
    try:
        t0 = time.perf_counter()
        driver.get(html_path.as_uri())
        WebDriverWait(driver, 600).until(lambda d: d.find_element("tag name", "body").get_attribute("data-ready"))
        took = time.perf_counter() - t0
        driver.save_screenshot(str(html_path.with_suffix(".png")))
        return took
    finally:
        driver.quit()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--notes", type=int, default=10_000)
    ap.add_argument("--page-nodes", type=int, default=5_000)
    ap.add_argument("--no-browser", action="store_true")
    ap.add_argument("--keep", type=Path, help="keep the work folder here")
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="memex-graph-speed-")) if args.keep is None else args.keep
    work.mkdir(parents=True, exist_ok=True)
    res: dict[str, object] = {}
    try:
        home = work / "home"
        reuse = (home / "memex.db").exists()
        vault = work / "vault" if reuse else make_vault(work, args.notes)
        home.mkdir(exist_ok=True)
        (home / "config.toml").write_text('embedder = "hash:384"\ninsights_budget_s = 0\n', encoding="utf-8")
        with Brain.open(home) as b:
            if not reuse:
                report, secs = timed(lambda: b.add([vault]))
                res["add_s"] = round(secs, 1)
                res["graph_build_in_add_s"] = round(b.last_graph_update.seconds, 1)
            res["notes"] = b.conn.execute("SELECT count(*) FROM documents").fetchone()[0]
            res["chunks"] = b.conn.execute("SELECT count(*) FROM chunks").fetchone()[0]
            _, secs = timed(lambda: b.update_graph(rebuild=True), "graph_rebuild")
            res["graph_rebuild_s"] = round(secs, 1)
            # a no-change sync, graph on vs off, alternating (same data, same run)
            on, off = [], []
            for _ in range(5):
                b.settings = replace(b.settings, graph="on")
                on.append(timed(b.sync, "nochange_sync_on")[1])
                b.settings = replace(b.settings, graph="off")
                off.append(timed(b.sync, "nochange_sync_off")[1])
            b.settings = replace(b.settings, graph="on")
            res["nochange_sync_on_s"] = round(statistics.median(on), 3)
            res["nochange_sync_off_s"] = round(statistics.median(off), 3)
            ids = [r[0] for r in b.conn.execute("SELECT id FROM documents ORDER BY id")]
            rng = random.Random(1)
            sample = rng.sample(ids, min(200, len(ids)))
            b.related(sample[0], 10)  # warm the page cache
            cpu0 = time.process_time()
            lat = sorted(timed(lambda i=i: b.related(i, 10))[1] * 1000 for i in sample)
            res["related_cpu_mean_ms"] = round((time.process_time() - cpu0) / len(sample) * 1000, 1)
            res["related_p50_ms"] = round(lat[len(lat) // 2], 1)
            res["related_p95_ms"] = round(lat[int(len(lat) * 0.95)], 1)
            hub = b.conn.execute("SELECT dst FROM graph_links WHERE dst IS NOT NULL GROUP BY dst "
                                 "ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
            res["related_hub_ms"] = round(timed(lambda: b.related(hub, 10))[1] * 1000, 1)
            from memex.graph import insights
            rep, secs = timed(lambda: insights.refresh(b.conn, full=True), "insights_full")
            res["insights_full_s"] = round(secs, 1)
            res["insights_found"] = dict(rep.new)
            # one edited note: the graph recomputes one note
            note = next(vault.glob("meetings/*.md"))
            note.write_text(note.read_text(encoding="utf-8") + "\nAlso [[Loop A]].\n", encoding="utf-8")
            _, secs = timed(b.sync, "one_edit_sync")
            res["one_edit_sync_s"] = round(secs, 2)
            res["one_edit_graph_s"] = round(b.last_graph_update.seconds, 3)
            res["one_edit_graph_notes"] = len(b.last_graph_update.changed)
            g, secs = timed(lambda: b.note_graph(), "networkx_graph")
            res["graph_build_networkx_s"] = round(secs, 1)
            from memex.graph.network import with_clusters
            keep = sorted(g.graph.nodes, key=lambda n: -g.graph.degree(n))[: args.page_nodes]
            g.graph = g.graph.subgraph(keep).copy()
            g = with_clusters(b.conn, g)
            page = work / "graph.html"
            page.write_text(g.to_html(), encoding="utf-8")
            res["page_nodes"] = g.graph.number_of_nodes()
            res["page_edges"] = g.graph.number_of_edges()
            res["page_mb"] = round(page.stat().st_size / 2**20, 1)
        if not args.no_browser:
            res["page_render_s"] = round(render_page(page) or -1, 1)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    res["cpu_s"] = CPU
    print(json.dumps(res, indent=2))


if __name__ == "__main__":
    main()
