"""Commands that read: search and ask (single query or a JSONL batch in one process)."""
from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.markup import escape

from memex.domain import Answer, Hit
from memex.errors import MemexError
from memex.interfaces.cli.main import cli, handle_errors, home_options, open_brain, print_json
from memex.interfaces.cli.output import print_sources, where
from memex.retrieve.search import Filters


def _date(value: str | None, name: str) -> str | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (use YYYY-MM-DD)", param_hint=name) from None


def filter_options(f):  # type: ignore[no-untyped-def]
    """--path/--tag/--after/--before."""
    f = click.option("--lang", "langs", multiple=True,
                     help="Only notes written in this language (ISO 639-1, e.g. es; repeatable).")(f)
    f = click.option("--before", help="Only passages dated on or before this day (YYYY-MM-DD): dates written "
                                      "in the text, else the note's date.")(f)
    f = click.option("--after", help="Only passages dated on or after this day (YYYY-MM-DD): dates written "
                                     "in the text, else the note's date.")(f)
    f = click.option("--tag", "tags", multiple=True, help="Only notes with this tag (repeatable).")(f)
    f = click.option("--path", "path_glob", help="Only files whose path matches this glob, e.g. '*/projects/*'.")(f)
    return f


def make_filters(path_glob: str | None, tags: tuple[str, ...], after: str | None, before: str | None,
                 langs: tuple[str, ...] = ()) -> Filters:
    """Validated Filters from CLI options."""
    from memex.language.detect import clean_langs
    try:
        codes = clean_langs(langs)
    except ValueError as e:
        raise click.BadParameter(str(e), param_hint="--lang") from None
    return Filters(path_glob=path_glob, tags=tuple(t.lstrip("#").lower() for t in tags),
                   after=_date(after, "--after"), before=_date(before, "--before"), langs=codes)


def read_batch(path: Path, key: str) -> list[dict[str, Any]]:
    """JSONL of {"id", key}; a bad line is a one-line error naming the line."""
    items = []
    stream = sys.stdin if str(path) == "-" else open(path, encoding="utf-8")
    with stream:
        for n, line in enumerate(stream, start=1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
                if not isinstance(item, dict) or not isinstance(item.get(key), str):
                    raise ValueError(f'needs a string "{key}"')
            except ValueError as e:
                raise MemexError(f"{path}:{n}: not a valid batch line ({e})") from None
            items.append(item)
    return items


def _print_hits(hits: list[Hit], explain: bool) -> None:
    console = Console()
    if not hits:
        console.print("No results.")
        return
    for i, h in enumerate(hits, start=1):
        loc = h.location
        place = where(loc)
        heading = f" › {escape(loc.heading)}" if loc.heading else ""
        console.print(f"[bold]{i}. {escape(h.title or Path(h.path).name)}[/]{heading}  [dim]{escape(h.path)}"
                      f" {place}  score {h.score:.4f}[/]")
        snippet = " ".join(h.text.split())
        console.print("   " + escape(snippet[:300] + ("…" if len(snippet) > 300 else "")), highlight=False)
        if explain and h.explain:
            e = h.explain
            console.print(f"   [cyan]bm25 rank {e['bm25_rank']} ({_fmt(e['bm25_score'])}), dense rank "
                          f"{e['dense_rank']} ({_fmt(e['dense_score'])}), fused {e['fused_score']:.4f}; "
                          f"chunk #{e['matched_chunk']['ordinal']}; filters: "
                          f"{', '.join(e['filters']) or 'none'}[/]", highlight=False)
            console.print(f"   [cyan]date: {escape(date_label(e))}[/]", highlight=False)


def date_label(explain: dict[str, Any]) -> str:
    """The passage's dates and where they came from, e.g. "2026-03-05 … 2026-06-25 (from the text; note
    dated 2025-09-06, front matter)"; a date from the file's modification time says so."""
    d = explain.get("dates") or {}
    first, last = d.get("first"), d.get("last")
    span = (first if first == last else f"{first} … {last}") if first else "none"
    source = explain.get("date_source") or "mtime"
    note = explain.get("note_date")
    if source == "mtime":
        return f"{span} (no date in the note: file modification time {note}, which a copy or sync resets)"
    return f"{span} (from the text; note dated {note}, {source})"


def _fmt(x: float | None) -> str:
    return "-" if x is None else f"{x:.3f}"


@cli.command()
@click.argument("query", required=False)
@click.option("-k", "--k", "k", type=click.IntRange(1, 1000), default=10, show_default=True, help="Number of hits.")
@click.option("--json", "as_json", is_flag=True, help="Print hits as JSON.")
@click.option("--batch", type=click.Path(path_type=Path, allow_dash=True),
              help='JSONL file of {"id", "query"}; prints one JSON line per query.')
@click.option("--explain", is_flag=True, help="Show BM25/dense ranks, fused score, filters and matched chunk.")
@filter_options
@home_options
@click.pass_context
@handle_errors
def search(ctx: click.Context, query: str | None, k: int, as_json: bool, batch: Path | None, explain: bool,
           path_glob: str | None, tags: tuple[str, ...], after: str | None, before: str | None,
           langs: tuple[str, ...], home: Path | None, config_file: Path | None) -> None:
    """Hybrid (keyword + meaning) search over your notes."""
    if (query is None) == (batch is None):
        raise click.UsageError("give a QUERY or --batch FILE")
    filters = make_filters(path_glob, tags, after, before, langs)
    with open_brain(ctx, home, config_file) as brain:
        if batch is not None:
            for item in read_batch(batch, "query"):
                hits = brain.search(item["query"], k, filters, explain)
                click.echo(json.dumps({"id": item.get("id"), "hits": [h.to_dict() for h in hits]},
                                      ensure_ascii=False))
            return
        assert query is not None
        hits = brain.search(query, k, filters, explain)
    if as_json:
        print_json([h.to_dict() for h in hits])
    else:
        _print_hits(hits, explain)


def _print_answer(a: Answer) -> None:
    console = Console()
    console.print(escape(a.answer), highlight=False)
    if a.citations:
        console.print()
    print_sources(a, console)


@cli.command()
@click.argument("question", required=False)
@click.option("--json", "as_json", is_flag=True, help="Print the answer and citations as JSON.")
@click.option("--batch", type=click.Path(path_type=Path, allow_dash=True),
              help='JSONL file of {"id", "question"}; prints one JSON line per question.')
@click.option("--llm", help='Answer model, e.g. "extractive" (default), "ollama:qwen2.5:1.5b".')
@click.option("--trace", is_flag=True, help="Include the pipeline's steps in --json output.")
@click.option("--explain", is_flag=True,
              help="Also say how the answer was composed (its kind, the statements it stands on, a stale one replaced).")
@click.option("--save", is_flag=True, help="Keep the answer as a note (in <home>/answers; exported with the vault).")
@click.option("--save-to", type=click.Path(path_type=Path),
              help="Also write the answer note to this folder or .md file (implies --save).")
@filter_options
@home_options
@click.pass_context
@handle_errors
def ask(ctx: click.Context, question: str | None, as_json: bool, batch: Path | None, llm: str | None,
        trace: bool, explain: bool, save: bool, save_to: Path | None, path_glob: str | None, tags: tuple[str, ...],
        after: str | None, before: str | None, langs: tuple[str, ...], home: Path | None,
        config_file: Path | None) -> None:
    """Answer a question from your notes, citing the passages used."""
    if save or save_to:
        from memex.interfaces.cli.commands_export import save_answer_cli
    if (question is None) == (batch is None):
        raise click.UsageError("give a QUESTION or --batch FILE")
    filters = make_filters(path_glob, tags, after, before, langs)
    overrides = {"llm": llm} if llm else {}
    with open_brain(ctx, home, config_file, **overrides) as brain:
        if batch is not None:
            for item in read_batch(batch, "question"):
                a = brain.ask(item["question"], filters, trace=trace)
                click.echo(json.dumps({"id": item.get("id"), **a.to_dict()}, ensure_ascii=False))
                if save or save_to:
                    save_answer_cli(brain, item["question"], a.to_dict(), save_to)
            return
        assert question is not None
        if not as_json and brain.settings.llm.strip().lower() != "extractive":
            # An LLM writes the answer: show it as it is generated, then the checked version.
            from memex.interfaces.cli.commands_chat import print_sources, stream_answer
            streamed = stream_answer(brain, question, filters, trace=trace)
            print_sources(streamed)
            if save or save_to:
                save_answer_cli(brain, question, streamed.to_dict(), save_to)
            return
        answer = brain.ask(question, filters, trace=trace or explain)
        if save or save_to:
            save_answer_cli(brain, question, answer.to_dict(), save_to)
    if as_json:
        print_json(answer.to_dict() if trace or not explain else {**answer.to_dict(), "explain": explained(answer)})
    else:
        _print_answer(answer)
        if explain:
            _print_explained(explained(answer))


def explained(a: Answer) -> dict[str, Any]:
    """How an answer was composed, from its trace: the kind of composition and its notes (a stale statement
    replaced by a later one says so here)."""
    steps = (a.steps or {}).get("trace") or []
    synth = next((s for s in steps if s.get("step") == "synthesize"), {})
    return {"mode": synth.get("mode"), "support": synth.get("support"), "notes": synth.get("notes") or [],
            "abstained": a.abstained}


def _print_explained(e: dict[str, Any]) -> None:
    console = Console()
    console.print()
    console.print(f"How: {e['mode'] or 'n/a'}" + (f" (support {e['support']})" if e.get("support") is not None else ""),
                  highlight=False)
    for note in e["notes"]:
        console.print(f"  - {escape(str(note))}", highlight=False)
