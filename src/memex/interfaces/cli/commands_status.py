"""`memex status`: what is indexed, with which embedder, and what failed and why."""
from __future__ import annotations

from pathlib import Path

import click
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from memex.interfaces.cli.main import cli, handle_errors, home_options, open_brain, print_json


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print status as JSON.")
@home_options
@click.pass_context
@handle_errors
def status(ctx: click.Context, as_json: bool, home: Path | None, config_file: Path | None) -> None:
    """Sources, documents, chunks, embedder, and failures with reasons."""
    with open_brain(ctx, home, config_file) as brain:
        st = brain.status()
    if as_json:
        print_json(st)
        return
    console = Console()
    console.print(f"Home: {escape(st['home'])}")
    auto = " (auto)" if st.get("embedder_setting") == "auto" else ""
    console.print(f"{st['documents']} documents, {st['chunks']} chunks; embedder {st['embedder']}{auto}; "
                  f"answers: {st['llm']}")
    if st.get("search_embedder") and st["search_embedder"] != st["embedder"]:
        console.print(f"[yellow]Switching embedders: search uses {st['search_embedder']} until every chunk "
                      f"has a {st['embedder']} vector (run `memex sync`).[/]")
    if st.get("languages"):
        console.print("Languages: " + " · ".join(f"{escape(k)} {v['documents']:,}" for k, v in st["languages"].items()))
    if st["sources"]:
        t = Table("source", "documents", "failures", title="Sources")
        for s in st["sources"]:
            t.add_row(escape(s["path"]) + ("" if s["exists"] else " [red](missing)[/]"),
                      str(s["documents"]), str(s["failures"]))
        console.print(t)
    if st["failures"]:
        t = Table("file", "reason", title=f"Not indexed ({len(st['failures'])})")
        for f in st["failures"]:
            t.add_row(escape(f["path"]), escape(f["reason"]))
        console.print(t)
