"""Threads and quick capture from the terminal: `memex threads ...` and `memex note ...`.

They go through the same Notebook the servers use (interfaces/notebook.py), so a thread started in
the web UI can be read or continued here, and a note captured here lands where the UI puts it.
"""
from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from memex.interfaces.cli.main import cli, handle_errors, home_options, print_json
from memex.interfaces.cli.output import print_sources

ACTOR = "cli"


@contextmanager
def notebook(ctx: click.Context, home: Path | None, config_file: Path | None) -> Iterator[Any]:
    """A Notebook over a Gateway on the command's home."""
    from memex.interfaces.gateway import Gateway
    from memex.interfaces.notebook import Notebook

    obj = ctx.find_root().obj or {}
    with Gateway(home or obj.get("home"), config_file or obj.get("config_file")) as gw:
        nb = Notebook(gw)
        try:
            yield nb
        finally:
            nb.close()


def _when(ts: float) -> str:
    return dt.datetime.fromtimestamp(ts).strftime("%Y-%m-%d %H:%M")


@cli.group()
def threads() -> None:
    """Conversation threads (from `memex chat`, the web UI, the API or A2A): list, show, ask, delete."""


@threads.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print threads as JSON.")
@home_options
@click.pass_context
@handle_errors
def threads_list(ctx: click.Context, as_json: bool, home: Path | None, config_file: Path | None) -> None:
    """List threads, most recently used first."""
    with notebook(ctx, home, config_file) as nb:
        items = nb.list_threads()
    if as_json:
        print_json(items)
        return
    if not items:
        click.echo("No threads yet. Start one with `memex chat`.")
    for t in items:
        click.echo(f"{t['id']}  {_when(t['updated_at'])}  {t['turns']:>3} turns  {t['title'][:70]}")


@threads.command("show")
@click.argument("thread_id")
@click.option("--json", "as_json", is_flag=True, help="Print the thread as JSON.")
@home_options
@click.pass_context
@handle_errors
def threads_show(ctx: click.Context, thread_id: str, as_json: bool, home: Path | None,
                 config_file: Path | None) -> None:
    """Print a thread: every question and answer with its sources."""
    from memex.domain import Answer, Citation, Location

    with notebook(ctx, home, config_file) as nb:
        thread = nb.thread(thread_id)
    if as_json:
        print_json(thread)
        return
    click.echo(f"Thread {thread['id']}: {thread['title']}")
    for turn in thread["turns"]:
        click.echo(f"\n> {turn['question']}\n{turn['answer']}")
        cites = [Citation(c["n"], c["path"], c["chunk_id"], c["quote"], Location(**c["location"]))
                 for c in turn["citations"]]
        print_sources(Answer(turn["answer"], cites, turn["abstained"]))


@threads.command("ask")
@click.argument("thread_id")
@click.argument("question")
@click.option("--json", "as_json", is_flag=True, help="Print the answer as JSON (as `memex ask --json`).")
@home_options
@click.pass_context
@handle_errors
def threads_ask(ctx: click.Context, thread_id: str, question: str, as_json: bool, home: Path | None,
                config_file: Path | None) -> None:
    """Continue a thread with QUESTION (follow-ups are read in the light of the earlier turns)."""
    with notebook(ctx, home, config_file) as nb:
        nb.require_thread(thread_id)
        answer = nb.gateway.ask(question, None, False, ACTOR, thread=thread_id)
    if as_json:
        print_json(answer.to_dict())
        return
    click.echo(answer.answer)
    print_sources(answer)


@threads.command("delete")
@click.argument("thread_id")
@home_options
@click.pass_context
@handle_errors
def threads_delete(ctx: click.Context, thread_id: str, home: Path | None, config_file: Path | None) -> None:
    """Forget a thread and its turns (your notes are not touched)."""
    with notebook(ctx, home, config_file) as nb:
        nb.delete_thread(thread_id, ACTOR)
    click.echo(f"Deleted thread {thread_id}")


@cli.group()
def note() -> None:
    """Quick capture: write a new note, or add a line to today's daily note (into your inbox folder)."""


def _text(text: str | None) -> str:
    if text is None or text == "-":
        if sys.stdin.isatty():
            raise click.UsageError("give the text as an argument, or pipe it in with '-'")
        return sys.stdin.read()
    return text


def _report(saved: dict[str, Any], as_json: bool, verb: str) -> None:
    if as_json:
        print_json(saved)
        return
    click.echo(f"{verb} {saved['path']}" + ("" if saved["indexed"] else f" (not indexed: {saved['error']})"))


@note.command("new")
@click.argument("text", required=False)
@click.option("--title", "-t", help="Note title (default: the first line of the text).")
@click.option("--json", "as_json", is_flag=True, help="Print where it was saved as JSON.")
@home_options
@click.pass_context
@handle_errors
def note_new(ctx: click.Context, text: str | None, title: str | None, as_json: bool, home: Path | None,
             config_file: Path | None) -> None:
    """Write TEXT (or stdin with '-') as a new Markdown note in the inbox folder, and index it."""
    with notebook(ctx, home, config_file) as nb:
        saved = nb.new_note(title, _text(text), ACTOR)
    _report(saved, as_json, "Saved")


@note.command("daily")
@click.argument("text", required=False)
@click.option("--json", "as_json", is_flag=True, help="Print where it was saved as JSON.")
@home_options
@click.pass_context
@handle_errors
def note_daily(ctx: click.Context, text: str | None, as_json: bool, home: Path | None,
               config_file: Path | None) -> None:
    """Append TEXT (or stdin with '-') to today's daily note, with the time, and index it."""
    with notebook(ctx, home, config_file) as nb:
        saved = nb.append_daily(_text(text), ACTOR)
    _report(saved, as_json, "Added to")


@note.command("where")
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@home_options
@click.pass_context
@handle_errors
def note_where(ctx: click.Context, as_json: bool, home: Path | None, config_file: Path | None) -> None:
    """Show where new notes and daily notes are written (config: capture_inbox, capture_daily_folder)."""
    with notebook(ctx, home, config_file) as nb:
        places = nb.places().to_dict()
    if as_json:
        print_json(places)
        return
    click.echo(f"New notes:   {places['inbox']}\nDaily notes: {places['daily_folder']}/"
               f"{places['daily_format']}.md")


@note.command("list")
@click.option("--path", "path_glob", help="Only files whose path matches this glob, e.g. '*/projects/*'.")
@click.option("--tag", "tags", multiple=True, help="Only notes with this tag (repeatable).")
@click.option("--after", help="Only notes dated on or after this day (YYYY-MM-DD).")
@click.option("--before", help="Only notes dated on or before this day (YYYY-MM-DD).")
@click.option("--limit", type=click.IntRange(1, 10_000), default=50, show_default=True)
@click.option("--offset", type=click.IntRange(0), default=0, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print {total, items} as JSON (as GET /documents).")
@home_options
@click.pass_context
@handle_errors
def note_list(ctx: click.Context, path_glob: str | None, tags: tuple[str, ...], after: str | None,
              before: str | None, limit: int, offset: int, as_json: bool, home: Path | None,
              config_file: Path | None) -> None:
    """List indexed notes (id, date, title, path), ordered by path."""
    from memex.interfaces.gateway import make_filters

    with notebook(ctx, home, config_file) as nb:
        total, items = nb.gateway.list_documents(make_filters(path_glob, tags, after, before), limit, offset)
    if as_json:
        print_json({"total": total, "limit": limit, "offset": offset, "items": [d.to_dict() for d in items]})
        return
    for d in items:
        click.echo(f"{d.id:>6}  {d.date or '':10}  {(d.title or '')[:40]:40}  {d.path}")
    click.echo(f"{total} notes" + (f" (showing {offset + 1}-{offset + len(items)})" if total > len(items) else ""),
               err=True)


@note.command("show")
@click.argument("note")
@click.option("--json", "as_json", is_flag=True, help="Print the note (text, metadata, chunks) as JSON.")
@home_options
@click.pass_context
@handle_errors
def note_show(ctx: click.Context, note: str, as_json: bool, home: Path | None, config_file: Path | None) -> None:
    """Print an indexed note, by id (see `memex note list`) or by path."""
    from memex.interfaces.gateway import join_chunks

    with notebook(ctx, home, config_file) as nb:
        gw = nb.gateway
        doc = gw.document(int(note)) if note.isdigit() else gw.document_by_path(str(Path(note).expanduser().absolute()))
    text = join_chunks([c["text"] for c in doc["chunks"]])
    if as_json:
        print_json({**doc, "text": text})
        return
    click.echo(f"# {doc['title'] or Path(doc['path']).name}\n{doc['path']}  {doc['date'] or ''}\n\n{text}")


@cli.command()
@click.option("--limit", type=click.IntRange(1, 10_000), default=50, show_default=True)
@click.option("--action", help="Only this action (ask, upload, new_note, remember, delete_thread, ...).")
@click.option("--json", "as_json", is_flag=True, help="Print entries as JSON (as GET /audit).")
@home_options
@click.pass_context
@handle_errors
def audit(ctx: click.Context, limit: int, action: str | None, as_json: bool, home: Path | None,
          config_file: Path | None) -> None:
    """The audit log: every write and every question, newest first (never note text; questions as hashes)."""
    with notebook(ctx, home, config_file) as nb:
        entries = [e.to_dict() for e in nb.gateway.audit_log(limit, action)]
    if as_json:
        print_json(entries)
        return
    for e in entries:
        click.echo(f"{_when(e['at'])}  {e['actor']:<22} {e['action']:<16} {e['status']:<6} {e.get('target') or ''}")
