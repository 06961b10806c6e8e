"""Getting knowledge out and back in: `memex export`, `memex import`, `memex chat export`, and `ask --save`."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from memex.errors import MemexError
from memex.interfaces.cli.commands_chat import chat
from memex.interfaces.cli.commands_query import filter_options, make_filters
from memex.interfaces.cli.main import cli, handle_errors, home_options, open_brain, print_json

FORMATS = ("obsidian", "markdown", "json")
_JSON_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".json")


@contextmanager
def transfer_progress(label: str, quiet: bool) -> Iterator[Any]:
    """A progress callback (scan/file/chunks events) that drives a rich bar on stderr."""
    bar = Progress(TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
                   TextColumn("{task.fields[info]}"), TimeRemainingColumn(), console=Console(stderr=True),
                   disable=quiet, transient=False)
    task = bar.add_task(label, total=None, info="")

    def update(event: str, **info: Any) -> None:
        if event == "scan":
            bar.update(task, total=info["total"], completed=0)
        elif event == "file":
            bar.update(task, completed=info["done"], info=str(info.get("path", ""))[-40:])
        elif event == "chunks":
            bar.update(task, info=f"{info['embedded']} chunks embedded")

    with bar:
        yield update


def _format_for(dest: str, fmt: str | None) -> str:
    if fmt:
        return fmt
    return "json" if dest == "-" or dest.lower().endswith(_JSON_SUFFIXES) else "obsidian"


@cli.command("export")
@click.argument("dest")
@click.option("--format", "fmt", type=click.Choice(FORMATS), help="obsidian (default for a folder), markdown, or "
              "json (a JSON Lines archive; default when DEST ends in .jsonl).")
@click.option("--with-vectors", is_flag=True, help="json: also write the vectors (DEST.vectors) so import needs no "
              "re-embedding.")
@click.option("--since", help="Only what was indexed, saved or said since this date/time (YYYY-MM-DD, ISO, or "
              "'last' for the previous export into DEST).")
@click.option("--force", is_flag=True, help="Write into a non-empty folder / over an existing file.")
@click.option("--related", is_flag=True, help="Vault: add a 'Related' section to each note (links both ways and "
              "nearest notes by meaning; the note graph when installed).")
@click.option("--topics", is_flag=True, help="Vault: one map-of-content note per topic cluster (needs the note graph).")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
@filter_options
@home_options
@click.pass_context
@handle_errors
def export_cmd(ctx: click.Context, dest: str, fmt: str | None, with_vectors: bool, since: str | None, force: bool,
               related: bool, topics: bool, as_json: bool, quiet: bool, path_glob: str | None, tags: tuple[str, ...],
               after: str | None, before: str | None, home: Path | None, config_file: Path | None) -> None:
    """Export everything Memex knows: a vault of notes (DEST folder) or a JSON Lines archive (DEST file).

    Filters (--path/--tag/--after/--before) select documents exactly as they do for `search`.
    """
    from memex.portability.archive import export_archive
    from memex.portability.vault import export_vault, parse_since

    fmt = _format_for(dest, fmt)
    filters = make_filters(path_glob, tags, after, before)
    filters = filters if filters.active() else None
    if fmt != "json" and (with_vectors or dest == "-"):
        raise click.UsageError("--with-vectors and '-' (stdout) go with --format json")
    if fmt == "json" and (related or topics):
        raise click.UsageError("--related and --topics go with a vault (--format obsidian or markdown)")
    with open_brain(ctx, home, config_file) as brain:
        stamp = parse_since(since, Path(dest).expanduser() if fmt != "json" else None)
        with transfer_progress("Exporting", quiet or as_json or dest == "-") as progress:
            if fmt == "json":
                report = export_archive(brain, dest, with_vectors=with_vectors, filters=filters, since=stamp,
                                        force=force, progress=progress).to_dict()
            else:
                report = export_vault(brain, dest, fmt, filters, stamp, force, related, topics, progress).to_dict()
    if dest == "-":
        return
    if as_json:
        print_json(report)
        return
    if fmt == "json":
        click.echo(f"Exported {report['documents']} documents ({report['chunks']} chunks"
                   f"{', ' + str(report['vectors']) + ' vectors' if with_vectors else ''}), {report['memories']} "
                   f"memories, {report['answers']} answers, {report['threads']} threads to {dest} "
                   f"in {report['seconds']:.1f} s.")
        return
    click.echo(f"Exported {report['notes']} notes ({report['converted']} converted, {report['originals']} originals "
               f"copied), {report['answers']} answers, {report['conversations']} conversations to {dest} in "
               f"{report['seconds']:.1f} s.")
    if report["from_index"]:
        click.echo(f"{len(report['from_index'])} written from the index (file missing or changed since indexing; "
                   "`memex sync` first to export the current files).", err=True)
    for f in report["failed"]:
        click.echo(f"Not exported: {f['path']}: {f['reason']}", err=True)


@cli.command("import")
@click.argument("archive", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--vectors", type=click.Path(dir_okay=False, path_type=Path),
              help="The archive's vectors file, if it is not beside it as ARCHIVE.vectors.")
@click.option("--map", "maps", multiple=True, metavar="OLD=NEW",
              help="Paths that moved: documents under OLD are recorded under NEW (repeatable).")
@click.option("--replace", is_flag=True, help="Where this home holds a different version of a document, take the "
              "archive's (default: keep this home's).")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
@home_options
@click.pass_context
@handle_errors
def import_cmd(ctx: click.Context, archive: Path, vectors: Path | None, maps: tuple[str, ...], replace: bool,
               as_json: bool, quiet: bool, home: Path | None, config_file: Path | None) -> None:
    """Restore a JSON Lines archive into this home (fresh or existing).

    The archive is checked first: a truncated, edited or newer-schema archive is refused and nothing is
    written. Vectors are reused when the archive's embedder is this home's; otherwise chunks are embedded
    again. One document per transaction: an interrupted import is resumed by running it again.
    """
    from memex.portability.archive import import_archive, parse_map

    pairs = parse_map(list(maps))
    with open_brain(ctx, home, config_file) as brain, transfer_progress("Importing", quiet or as_json) as progress:
        report = import_archive(brain, archive, vectors=vectors, path_map=pairs, replace=replace,
                                progress=progress).to_dict()
    if as_json:
        print_json(report)
        return
    click.echo(f"Imported {report['documents']} documents ({report['chunks']} chunks; {report['reused_vectors']} "
               f"vectors reused, {report['embedded']} embedded), {report['threads']} threads, {report['answers']} "
               f"answers, {report['memories']} memories in {report['seconds']:.1f} s"
               + (f"; {report['skipped']} already here." if report["skipped"] else "."))
    if report["conflicts"]:
        click.echo(f"{len(report['conflicts'])} document(s) differ in this home and were kept (--replace to take the "
                   "archive's): " + ", ".join(report["conflicts"][:5]), err=True)
    if report["ignored_fields"]:
        click.echo("Fields this Memex has no column for (not imported): " + ", ".join(report["ignored_fields"]),
                   err=True)


@chat.command("export")
@click.argument("thread_id")
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Write the note to this file or folder "
              "(default: print it).")
@click.option("--format", "fmt", type=click.Choice(("obsidian", "markdown")), default="obsidian", show_default=True,
              help="Link style: [[wikilinks]] or Markdown links.")
@click.option("--force", is_flag=True, help="Overwrite an existing file.")
@home_options
@click.pass_context
@handle_errors
def chat_export(ctx: click.Context, thread_id: str, output: Path | None, fmt: str, force: bool,
                home: Path | None, config_file: Path | None) -> None:
    """Write conversation THREAD_ID as a Markdown note, each citation a link to its passage."""
    from memex.portability.answers import thread_note
    from memex.portability.notes import LinkStyle

    with open_brain(ctx, home, config_file) as brain:
        name, text = thread_note(brain.conn, thread_id, LinkStyle(fmt))
    if output is None:
        click.echo(text, nl=False)
        return
    target = output / name if output.is_dir() else output
    if target.exists() and not force:
        raise MemexError(f"{target} already exists (use --force to overwrite it)")
    target.write_text(text, encoding="utf-8")
    click.echo(f"Wrote {target}")


def save_answer_cli(brain: Any, question: str, result: dict[str, Any], save_to: Path | None) -> None:
    """`ask --save`: keep the answer as a note and say where (on stderr, so --json stays clean)."""
    from memex.portability.answers import save_answer

    paths = save_answer(brain.conn, brain.settings.home, question, result, brain.settings.llm, save_to)
    click.echo("Saved as " + " and ".join(str(p) for p in paths), err=True)

