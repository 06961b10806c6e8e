"""Commands over the note graph: related, graph, insights."""
from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from memex.interfaces.cli.main import cli, handle_errors, home_options, open_brain, print_json

INSIGHT_KINDS = ("connection", "resurface", "cluster", "contradiction")


@cli.command()
@click.argument("note")
@click.option("-k", "--k", "k", type=click.IntRange(1, 200), default=10, show_default=True, help="How many notes.")
@click.option("--json", "as_json", is_flag=True,
              help='Print [{"path", "title", "score", "reasons": [{"kind", "detail"}]}], best first.')
@home_options
@click.pass_context
@handle_errors
def related(ctx: click.Context, note: str, k: int, as_json: bool, home: Path | None, config_file: Path | None) -> None:
    """Notes related to NOTE (a path, absolute or as indexed, a note id or a title), with the reasons why."""
    with open_brain(ctx, home, config_file) as brain:
        found = brain.related(note, k)
    if as_json:
        print_json([r.to_dict() for r in found])
        return
    console = Console()
    if not found:
        console.print("No related notes.")
    for i, r in enumerate(found, start=1):
        console.print(f"[bold]{i}. {escape(r.title or Path(r.path).stem)}[/]  [dim]{escape(r.path)}  "
                      f"score {r.score:.3f}[/]")
        for reason in r.to_dict()["reasons"][:4]:
            console.print(f"   [cyan]{reason['kind']}[/] {escape(reason['detail'])}", highlight=False)


@cli.command()
@click.option("--around", help="Only the neighbourhood of this note (path, id or title).")
@click.option("--depth", type=click.IntRange(0, 5), default=1, show_default=True, help="Hops around --around.")
@click.option("--format", "fmt", type=click.Choice(["json", "graphml", "html"]), default=None,
              help="Output format (default: a summary; json when -o ends in .json, etc.).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write to this file.")
@click.option("--json", "as_json", is_flag=True, help="Same as --format json.")
@click.option("--rebuild", is_flag=True,
              help="First recompute every note's links, names, neighbours and statements from the stored notes "
                   "(after an upgrade changed how they are found); shows progress.")
@home_options
@click.pass_context
@handle_errors
def graph(ctx: click.Context, around: str | None, depth: int, fmt: str | None, output: Path | None, as_json: bool,
          rebuild: bool, home: Path | None, config_file: Path | None) -> None:
    """The note graph: hubs, orphans, and exports (JSON, GraphML, or an interactive HTML page that works offline)."""
    from memex.graph.network import with_clusters
    if as_json:
        fmt = "json"
    if fmt is None and output is not None:
        fmt = {".json": "json", ".graphml": "graphml", ".html": "html", ".htm": "html"}.get(output.suffix.lower())
        if fmt is None:
            raise click.UsageError("give --format json|graphml|html for this output file")
    with open_brain(ctx, home, config_file) as brain:
        if rebuild:
            with _graph_progress(quiet=fmt is not None and output is None) as progress:
                done = brain.rebuild_graph(progress)
            click.echo(f"Rebuilt the note graph: {len(done.changed)} notes in {done.seconds:.1f} s.", err=True)
        ng = with_clusters(brain.conn, brain.note_graph(around, depth))
        title = "Memex note graph"
        if ng.around is not None:
            title = f"Around {ng.graph.nodes[ng.around]['title']} (depth {depth})"
        if fmt == "json":
            text = json.dumps(ng.to_json(), ensure_ascii=False, indent=2)
        elif fmt == "graphml":
            text = ng.to_graphml()
        elif fmt == "html":
            text = ng.to_html(title)
        else:
            text = None
            stats = ng.stats()
    if text is not None:
        if output is None:
            click.echo(text)
        else:
            output.write_text(text, encoding="utf-8")
            click.echo(f"Wrote {output} ({fmt}, {ng.graph.number_of_nodes()} nodes, "
                       f"{ng.graph.number_of_edges()} edges)", err=True)
        return
    console = Console()
    console.print(f"{stats['notes']} notes, {stats['edges']} edges, {stats['placeholders']} unresolved link "
                  f"target(s), {len(stats['orphans'])} orphan(s)")
    if stats["hubs"]:
        console.print("[bold]Hubs[/] (most connected):")
        for h in stats["hubs"]:
            console.print(f"  {escape(h['title'] or '')}  [dim]{h['degree']} edges · {escape(h['path'])}[/]")
    if stats["orphans"]:
        console.print("[bold]Orphans[/] (no links, no shared names, nothing close in meaning):")
        for p in stats["orphans"][:20]:
            console.print(f"  [dim]{escape(p)}[/]")
    console.print("[dim]memex graph --format html -o graph.html for the interactive view[/]")


@contextmanager
def _graph_progress(quiet: bool) -> Iterator[Callable[..., None]]:
    """A rich progress bar (on stderr) for a graph rebuild's `graph` events."""
    bar = Progress(TextColumn("[bold]Linking notes"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                   console=Console(stderr=True), disable=quiet, transient=False)
    task = bar.add_task("graph", total=None)

    def update(event: str, **info: Any) -> None:
        if event == "graph":
            bar.update(task, total=info["total"], completed=info["done"])

    with bar:
        yield update


def _since(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (use YYYY-MM-DD)", param_hint="--since") from None


@cli.command()
@click.option("--since", help="Only insights found on or after this day (YYYY-MM-DD).")
@click.option("--kind", type=click.Choice(INSIGHT_KINDS), help="Only this kind.")
@click.option("--dismiss", "dismiss_ids", type=int, multiple=True,
              help="Dismiss the insight with this id (repeatable); it will not come back.")
@click.option("--no-refresh", is_flag=True, help="List what was found before; compute nothing new.")
@click.option("--json", "as_json", is_flag=True,
              help='Print [{"id", "kind", "title", "notes", "evidence": [{"path", "quote", "location"}], '
                   '"score", "created"}].')
@home_options
@click.pass_context
@handle_errors
def insights(ctx: click.Context, since: str | None, kind: str | None, dismiss_ids: tuple[int, ...], no_refresh: bool,
             as_json: bool, home: Path | None, config_file: Path | None) -> None:
    """Proactive insights: new connections, notes to revisit, topics, and statements that now disagree."""
    with open_brain(ctx, home, config_file) as brain:
        if dismiss_ids:
            missing = [i for i in dismiss_ids if not brain.dismiss_insight(i)]
            if missing:
                from memex.errors import MemexError
                raise MemexError(f"no insight with id {', '.join(map(str, missing))}")
            if not as_json:
                click.echo(f"Dismissed {len(dismiss_ids)} insight(s).")
                return
        found = brain.insights(_since(since), kind, refresh=not no_refresh)
    if as_json:
        print_json([i.to_dict() for i in found])
        return
    console = Console()
    if not found:
        console.print("No insights yet.")
    for i in found:
        console.print(f"[bold]#{i.id} {i.kind}[/] {escape(i.title)}", highlight=False)
        for ev in i.evidence[:2]:
            console.print(f"   [dim]{escape(Path(ev['path']).name)}:[/] “{escape(ev['quote'][:200])}”", highlight=False)
        if i.kind == "cluster" and not i.evidence:
            console.print("   " + escape(", ".join(Path(p).stem for p in i.notes[:12])), highlight=False)
