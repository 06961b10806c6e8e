"""Commands that look after the store itself: backup and check."""
from __future__ import annotations

import sys
from pathlib import Path

import click
from rich.console import Console
from rich.markup import escape

from memex.interfaces.cli.main import EXIT_ERROR, cli, handle_errors, home_options, open_brain, print_json


@cli.command()
@click.argument("dest", type=click.Path(path_type=Path))
@click.option("--force", is_flag=True, help="Overwrite DEST if it exists.")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@home_options
@click.pass_context
@handle_errors
def backup(ctx: click.Context, dest: Path, force: bool, as_json: bool, home: Path | None,
           config_file: Path | None) -> None:
    """Copy the store to DEST (a file, or a folder for a timestamped file); safe while syncing."""
    with open_brain(ctx, home, config_file) as brain:
        info = brain.backup(dest, force=force)
    if as_json:
        print_json(info)
    else:
        click.echo(f"Backed up {info['documents']} documents ({info['bytes'] / 2**20:.1f} MB) to {info['path']}; "
                   f"integrity check: {info['integrity']}")


@cli.command()
@click.option("--repair", is_flag=True, help="Rebuild the FTS index and vector cache; drop incomplete documents.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@home_options
@click.pass_context
@handle_errors
def check(ctx: click.Context, repair: bool, as_json: bool, home: Path | None, config_file: Path | None) -> None:
    """Check the database, FTS index and vector cache against each other (exit 1 if a problem remains)."""
    with open_brain(ctx, home, config_file) as brain:
        report = brain.check(repair=repair)
    if as_json:
        print_json(report)
    else:
        console = Console(highlight=False)
        console.print(f"database: {escape(report['database'])}")
        console.print(f"FTS index: {escape(report['fts'])}")
        console.print(f"vector cache: {escape(report['vector_cache'])}")
        console.print(f"{report['documents']} documents, {report['chunks']} chunks, {report['vectors']} vectors")
        for fixed in report["repaired"]:
            console.print(f"[green]repaired[/] {escape(fixed)}")
        for problem in report["problems"]:
            console.print(f"[red]problem[/] {escape(problem)}")
        if not report["problems"]:
            console.print("[green]OK[/]")
        elif not repair:
            console.print("Run `memex check --repair` to rebuild the derived indexes.")
    if report["problems"]:
        sys.exit(EXIT_ERROR)
