"""Commands that change the index: add, sync, watch, remove."""
from __future__ import annotations

import sys
import threading
from pathlib import Path

import click
from rich.console import Console

from memex.ingest.pipeline import SyncReport
from memex.interfaces.cli.main import cli, handle_errors, home_options, open_brain, print_json
from memex.interfaces.cli.progress import ingest_progress


def _confirm(as_json: bool):  # type: ignore[no-untyped-def]
    """Ask before an automatic embedder switch when a person is at the terminal; else just do it."""
    if as_json or not sys.stdin.isatty():
        return None
    return lambda reason: click.confirm(f"{reason[0].upper()}{reason[1:]}. Go ahead?", default=True, err=True)


def _print_report(report: SyncReport, as_json: bool) -> None:
    if as_json:
        print_json(report.to_dict())
        return
    console = Console(stderr=False)
    for notice in report.notices:
        console.print(f"[cyan]Note:[/] {notice}", highlight=False)
    console.print(f"[green]{report.added} added[/], {report.updated} updated, {report.moved} moved, "
                  f"{report.removed} removed, {report.unchanged} unchanged; "
                  f"{report.chunks_embedded} chunks embedded ({report.chunks_reused} reused) "
                  f"in {report.seconds:.1f} s")
    for path, reason in report.failed:
        console.print(f"[red]failed[/] {path}: {reason}", highlight=False)
    if report.skipped:
        console.print(f"[yellow]{len(report.skipped)} skipped[/] (see `memex status`)")
        for path, reason in report.skipped[:10]:
            console.print(f"  {path}: {reason}", highlight=False)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the sync report as JSON (no progress bar).")
@home_options
@click.pass_context
@handle_errors
def add(ctx: click.Context, paths: tuple[Path, ...], as_json: bool, home: Path | None,
        config_file: Path | None) -> None:
    """Index folders (recursively) or files, and keep them as sources for `sync`."""
    with open_brain(ctx, home, config_file) as brain, ingest_progress(as_json) as progress:
        report = brain.add(list(paths), progress, confirm=_confirm(as_json))
    _print_report(report, as_json)


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print the sync report as JSON (no progress bar).")
@home_options
@click.pass_context
@handle_errors
def sync(ctx: click.Context, as_json: bool, home: Path | None, config_file: Path | None) -> None:
    """Re-scan every source; only new, changed, moved or deleted files are processed."""
    with open_brain(ctx, home, config_file) as brain, ingest_progress(as_json) as progress:
        report = brain.sync(progress, confirm=_confirm(as_json))
    _print_report(report, as_json)


@cli.command()
@home_options
@click.option("--debounce", type=float, default=None, help="Seconds of quiet before syncing (default 1).")
@click.option("--rescan", type=float, default=None, help="Full re-scan interval in seconds (default 300).")
@click.pass_context
@handle_errors
def watch(ctx: click.Context, home: Path | None, config_file: Path | None, debounce: float | None,
          rescan: float | None) -> None:
    """Stay in sync live until interrupted (Ctrl-C)."""
    from memex.ingest.watch import watch as run_watch
    from memex.store.documents import list_sources

    with open_brain(ctx, home, config_file) as brain:
        roots = [Path(p) for _, p in list_sources(brain.conn)]
        if not roots:
            raise click.UsageError("no sources yet: run `memex add FOLDER` first")
        console = Console(stderr=True)
        console.print(f"Watching {len(roots)} source(s); Ctrl-C to stop.")

        def do_sync() -> None:
            report = brain.sync()
            if report.added or report.updated or report.moved or report.removed or report.failed:
                _print_report(report, False)

        do_sync()
        stop = threading.Event()
        try:
            run_watch(roots, do_sync, debounce_s=debounce or brain.settings.watch_debounce_s,
                      rescan_s=rescan or brain.settings.watch_rescan_s, stop=stop)
        except KeyboardInterrupt:
            stop.set()


@cli.command()
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@home_options
@click.pass_context
@handle_errors
def remove(ctx: click.Context, path: Path, as_json: bool, home: Path | None, config_file: Path | None) -> None:
    """Forget a source folder, or a single file or subfolder (files on disk are not touched)."""
    with open_brain(ctx, home, config_file) as brain:
        n = brain.remove(path)
    if as_json:
        print_json({"removed": n})
    else:
        click.echo(f"Removed {n} document(s).")
