"""The command line as a user runs it: real subprocesses, JSON contracts, --help, exit codes."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from fixture_paths import SAMPLE_VAULT

MEMEX = [sys.executable, "-m", "memex.interfaces.cli"]
COMMANDS = ["add", "sync", "watch", "search", "ask", "status", "remove"]


def run(*args: str, home: Path, env: dict | None = None, check: bool = True, stdin: str | None = None):
    e = dict(os.environ, MEMEX_EMBEDDER="hash:384", **(env or {}))
    p = subprocess.run([*MEMEX, *args, "--home", str(home)] if args and args[0] != "--help" else [*MEMEX, *args],
                       capture_output=True, text=True, env=e, input=stdin, timeout=300)
    if check and p.returncode != 0:
        raise AssertionError(f"memex {' '.join(args)} failed ({p.returncode}): {p.stderr}")
    return p


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    h = tmp_path_factory.mktemp("cli") / "home"
    out = run("add", str(SAMPLE_VAULT), "--json", home=h)
    report = json.loads(out.stdout)
    assert report["added"] == 17 and report["failed"] == []
    return h


@pytest.mark.parametrize("cmd", COMMANDS)
def test_every_command_has_help(cmd: str, tmp_path: Path):
    p = subprocess.run([*MEMEX, cmd, "--help"], capture_output=True, text=True, timeout=60)
    assert p.returncode == 0 and "--home" in p.stdout and "Usage:" in p.stdout


def test_search_json_contract(home: Path):
    hits = json.loads(run("search", "INV-2024-0042", "-k", "3", "--json", home=home).stdout)
    assert 1 <= len(hits) <= 3
    top = hits[0]
    assert top["path"].endswith("finance/Invoices 2024.md") and os.path.isabs(top["path"])
    assert isinstance(top["chunk_id"], str) and isinstance(top["score"], float) and "INV-2024-0042" in top["text"]
    assert set(top["location"]) == {"page", "heading", "start_line", "end_line", "start_s", "end_s"}
    assert top["location"]["start_line"] >= 1 and top["location"]["end_line"] >= top["location"]["start_line"]
    assert [h["score"] for h in hits] == sorted((h["score"] for h in hits), reverse=True)


def test_search_pdf_hit_has_page(home: Path):
    hits = json.loads(run("search", "Lisbon itinerary metro", "--json", "--path", "*.pdf", home=home).stdout)
    assert hits and all(h["path"].endswith(".pdf") for h in hits)
    assert all(isinstance(h["location"]["page"], int) for h in hits)


def test_ask_json_contract_and_citations_resolve(home: Path):
    a = json.loads(run("ask", "When is the weekly sync?", "--json", home=home).stdout)
    assert set(a) >= {"answer", "citations", "abstained"} and a["abstained"] is False
    assert "Friday" in a["answer"]
    markers = {int(n) for n in __import__("re").findall(r"\[(\d+)\]", a["answer"])}
    assert markers == {c["n"] for c in a["citations"]}
    for c in a["citations"]:
        assert c["quote"] and Path(c["path"]).is_file()
        assert " ".join(c["quote"].split())[:40] in " ".join(Path(c["path"]).read_text().split())


def test_ask_abstains_when_notes_do_not_say(home: Path):
    a = json.loads(run("ask", "What is the boiling point of liquid nitrogen on Mars?", "--json", home=home).stdout)
    assert a["abstained"] is True and a["citations"] == []


def test_batch_modes(home: Path, tmp_path: Path):
    qf = tmp_path / "q.jsonl"
    qf.write_text('{"id": "a", "query": "sourdough starter"}\n{"id": "b", "query": "badge code"}\n')
    lines = run("search", "--batch", str(qf), "--json", "-k", "2", home=home).stdout.splitlines()
    rows = [json.loads(x) for x in lines]
    assert [r["id"] for r in rows] == ["a", "b"] and all(len(r["hits"]) == 2 for r in rows)
    af = tmp_path / "a.jsonl"
    af.write_text('{"id": "x", "question": "What is the status of invoice INV-2024-0042?"}\n')
    rows = [json.loads(x) for x in run("ask", "--batch", str(af), "--json", home=home).stdout.splitlines()]
    assert rows[0]["id"] == "x" and "answer" in rows[0] and "citations" in rows[0]
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x"}\n')
    p = run("search", "--batch", str(bad), "--json", home=home, check=False)
    assert p.returncode == 1 and "bad.jsonl:1" in p.stderr and len(p.stderr.strip().splitlines()) == 1


def test_status_json_contract(home: Path):
    st = json.loads(run("status", "--json", home=home).stdout)
    assert st["documents"] == 17 and st["chunks"] > 17 and st["embedder"] == "hash:384"
    assert st["failures"] == [] and st["sources"][0]["documents"] == 17


def test_filters_and_explain(home: Path):
    hits = json.loads(run("search", "weekly sync", "--json", "--explain", "--after", "2024-05-01",
                          home=home).stdout)
    assert hits and all("explain" in h for h in hits)
    e = hits[0]["explain"]
    assert {"bm25_rank", "dense_rank", "fused_score", "filters", "matched_chunk"} <= set(e)
    assert e["filters"] == ["date >= 2024-05-01"]
    # Dates come from the passage's content (its statements' range), the note's date where it has none.
    assert all(h["explain"]["dates"]["last"] >= "2024-05-01" for h in hits)
    assert all(h["explain"]["date_source"] in ("front matter", "file name", "text", "properties", "mtime")
               for h in hits)


@pytest.mark.parametrize("args,needle", [
    (["search", "x", "--after", "yesterday"], "YYYY-MM-DD"),
    (["search", "x", "-k", "0"], "-k"),
    (["search"], "QUERY"),
    (["add", "/definitely/not/here"], "no such file"),
    (["remove", "/definitely/not/here"], "not a registered source"),
])
def test_bad_arguments_give_one_line_errors(args: list[str], needle: str, tmp_path: Path):
    p = run(*args, home=tmp_path / "h", check=False)
    assert p.returncode in (1, 2)
    assert needle in p.stderr
    assert "Traceback" not in p.stderr


def test_bad_config_file_is_a_clear_error(tmp_path: Path):
    h = tmp_path / "h"
    h.mkdir()
    (h / "config.toml").write_text("chunk_tokens = [oops")
    p = run("status", home=h, check=False)
    assert p.returncode == 1 and "not valid TOML" in p.stderr and "Traceback" not in p.stderr
