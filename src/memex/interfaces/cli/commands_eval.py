"""`memex eval`: retrieval quality on a BEIR dataset (throw-away index) or a QA dev set (your index)."""
from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from memex.errors import MemexError
from memex.interfaces.cli.main import cli, handle_errors, home_options, open_brain, print_json
from memex.interfaces.cli.progress import ingest_progress

WORST = 10
"""Worst queries shown in the human-readable report."""


@contextmanager
def _query_bar(quiet: bool) -> Iterator[Any]:
    bar = Progress(TextColumn("[bold]Querying"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                   console=Console(stderr=True), disable=quiet, transient=True)
    task = bar.add_task("q", total=None)
    with bar:
        yield lambda done, total: bar.update(task, completed=done, total=total)


def _write_per_query(path: Path, rows: list[dict[str, Any]]) -> None:
    try:
        with open(path, "w", encoding="utf-8") as f:
            for row in rows:
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
    except OSError as e:
        raise MemexError(f"cannot write {path}: {e.strerror}") from e


def _print_worst(console: Console, rows: list[dict[str, Any]], key: str) -> None:
    if not rows:
        return
    console.print(f"\n[bold]Worst {min(WORST, len(rows))} queries[/] (by {key}; --per-query FILE for all):")
    for r in rows[:WORST]:
        ev = f" evidence MRR {r['evidence']['MRR@10']:.2f}" if "evidence" in r else ""
        console.print(f"  {escape(str(r['query_id']))}  {key} {r.get(key, 0):.3f}{ev}  "
                      f"{escape(r['query'][:90])}", highlight=False)
        console.print(f"    [dim]relevant: {escape(', '.join(map(str, r['relevant'][:5])))}; "
                      f"top: {escape(', '.join(map(str, r['retrieved'][:5])))}[/]", highlight=False)


@cli.command("eval")
@click.argument("dataset_dir", required=False, type=click.Path(path_type=Path))
@click.option("--split", default="test", show_default=True, help="Which qrels/<split>.tsv to score.")
@click.option("--qa", "qa_file", type=click.Path(dir_okay=False, path_type=Path),
              help='JSONL of {"question", "gold_paths"}: score retrieval over your own index (--home).')
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--k", "depth", type=click.IntRange(10, 1000), default=None,
              help="Chunks fetched per query (default: max(100, candidates)); top 10 are scored.")
@click.option("--limit", type=click.IntRange(1), default=None, help="Only the first N judged queries.")
@click.option("--offset", type=click.IntRange(0), default=0, help="Skip the first N judged queries.")
@click.option("--per-query", "per_query", type=click.Path(dir_okay=False, path_type=Path),
              help="Write every query's scores as JSONL, worst first.")
@click.option("--embed-cache", type=click.Path(dir_okay=False, path_type=Path),
              help="Embedding cache file (default: MEMEX_EMBED_CACHE or <user cache>/memex/embeddings.db).")
@click.option("--title-fields", default="", metavar="KEYS",
              help="Corpus metadata keys appended to each title, e.g. source,published_at (MultiHop-RAG).")
@click.option("--quiet", is_flag=True, help="No progress bars.")
@home_options
@click.pass_context
@handle_errors
def eval_command(ctx: click.Context, dataset_dir: Path | None, split: str, qa_file: Path | None,
                 as_json: bool, depth: int | None, limit: int | None, offset: int, per_query: Path | None,
                 embed_cache: Path | None, title_fields: str, quiet: bool, home: Path | None, config_file: Path | None) -> None:
    """Measure retrieval quality: nDCG@10, Recall@10/100, MRR@10 and latency.

    With DATASET_DIR (BEIR layout), the corpus is indexed into a temporary home, never yours; embeddings
    are cached so a second run does not re-embed. With --qa FILE, your own index is searched.
    """
    if (dataset_dir is None) == (qa_file is None):
        raise click.UsageError("give a DATASET_DIR or --qa FILE")
    quiet = quiet or not sys.stderr.isatty()
    console = Console()
    if qa_file is not None:
        from memex.eval.runner import evaluate_qa, read_qa
        items = read_qa(qa_file)[offset:]
        items = items[:limit] if limit else items
        with open_brain(ctx, home, config_file) as brain, _query_bar(quiet) as qbar:
            out = evaluate_qa(brain, items, depth, qbar)
        rows = out.pop("per_query")
        if per_query:
            _write_per_query(per_query, rows)
        if as_json:
            print_json({"qa": str(qa_file), **out})
            return
        console.print(f"[bold]{escape(qa_file.name)}[/]: {out['queries']} questions  Recall@5 "
                      f"{out['Recall@5']:.3f}  Recall@10 {out['Recall@10']:.3f}  MRR@10 {out['MRR@10']:.3f}  "
                      f"latency p50 {out['latency_ms']['p50']:.1f} ms, p95 {out['latency_ms']['p95']:.1f} ms",
                      highlight=False)
        _print_worst(console, rows, "MRR@10")
        return

    from memex.eval.beir import load_dataset
    from memex.eval.runner import evaluate_dataset
    assert dataset_dir is not None
    dataset = load_dataset(dataset_dir, split).limited(limit, offset)
    if not dataset.queries:
        raise MemexError(f"no judged queries in {dataset_dir} for split {split!r}")
    if config_file is None and (ctx.find_root().obj or {}).get("config_file"):
        config_file = ctx.find_root().obj["config_file"]
    with ingest_progress(quiet) as progress, _query_bar(quiet) as qbar:
        report = evaluate_dataset(dataset, config_file, embed_cache, progress, qbar, depth,
                                  [k.strip() for k in title_fields.split(",") if k.strip()])
    if per_query:
        _write_per_query(per_query, report.per_query)
    if as_json:
        print_json(report.to_dict())
        return
    s, lat = report.scores, report.latency_ms
    console.print(f"[bold]{escape(report.dataset)}[/] ({report.split}, {report.queries} queries, "
                  f"{report.index.get('indexed', 0)} docs, {escape(str(report.index.get('embedder')))})",
                  highlight=False)
    console.print(f"  nDCG@10 {s['nDCG@10']:.4f}  R@10 {s['R@10']:.4f}  R@100 {s['R@100']:.4f}  "
                  f"MRR@10 {s['MRR@10']:.4f}  latency p50 {lat['p50']:.1f} ms, p95 {lat['p95']:.1f} ms",
                  highlight=False)
    if report.evidence is not None:
        e = report.evidence
        console.print(f"  evidence ({int(e['queries'])} queries): Hits@4 {e['Hits@4']:.4f}  Hits@10 "
                      f"{e['Hits@10']:.4f}  MRR@10 {e['MRR@10']:.4f}  MAP@10 {e['MAP@10']:.4f}",
                      highlight=False)
    if report.index.get("failed"):
        console.print(f"  [yellow]{report.index['failed']} corpus documents could not be indexed[/]")
    _print_worst(console, report.per_query, "nDCG@10")
