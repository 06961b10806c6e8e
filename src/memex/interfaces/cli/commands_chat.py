"""Conversation and memory commands: `memex chat`, `memex memory ...`, `memex eval-answers`."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from memex.domain import Answer, Citation, Location
from memex.errors import MemexError
from memex.interfaces.cli.main import cli, handle_errors, home_options, open_brain, print_json
from memex.interfaces.cli.output import print_sources

EXIT_WORDS = {"exit", "quit", ":q", "/exit", "/quit"}


def answer_from_event(event: dict[str, Any]) -> Answer:
    """The Answer carried by a stream's final {"type": "answer"} event."""
    cites = [Citation(c["n"], c["path"], c["chunk_id"], c["quote"], Location(**c["location"]),
                      (c.get("date") or {}).get("value"), (c.get("date") or {}).get("source"))
             for c in event["citations"]]
    return Answer(event["answer"], cites, event["abstained"], event.get("steps"))


def stream_answer(brain: Any, question: str, filters: Any = None, **options: Any) -> Answer:
    """Print an answer's tokens as they arrive; then, if checking changed the draft, the checked answer."""
    out = sys.stdout
    shown: list[str] = []
    final: Answer | None = None
    for event in brain.ask_stream(question, filters, **options):
        if event["type"] == "token":
            shown.append(event["text"])
            out.write(event["text"])
            out.flush()
        elif event["type"] == "step" and event["step"] == "reformulate" and shown:
            # The first draft did not hold up; a second search and draft follow.
            out.write("\n(not supported by the notes found - searching again)\n")
            shown = []
        elif event["type"] == "answer":
            final = answer_from_event(event)
    out.write("\n")
    assert final is not None
    if " ".join("".join(shown).split()) != " ".join(final.answer.split()):
        label = "Checked answer" if not final.abstained else "Not supported by your notes"
        click.echo(f"\n{label}:\n{final.answer}")
    return final


@cli.group(invoke_without_command=True)
@click.option("--thread", "thread_id", help="Continue this conversation thread (see --list).")
@click.option("--list", "list_threads", is_flag=True, help="List conversation threads and exit.")
@click.option("--llm", help='Answer model, e.g. "extractive" (default), "ollama:qwen2.5:1.5b".')
@home_options
@click.pass_context
@handle_errors
def chat(ctx: click.Context, thread_id: str | None, list_threads: bool, llm: str | None,
         home: Path | None, config_file: Path | None) -> None:
    """Talk with your notes: follow-up questions use the conversation so far.

    Say "remember that ..." to store a fact as a memory note. Type exit (or Ctrl-D) to leave.
    """
    if ctx.invoked_subcommand is not None:
        return  # e.g. `memex chat export THREAD`
    from memex.store import threads

    overrides = {"llm": llm} if llm else {}
    with open_brain(ctx, home, config_file, **overrides) as brain:
        if list_threads:
            for t in threads.list_threads(brain.conn):
                click.echo(f"{t['id']}  {t['turns']:>3} turns  {t['title'][:70]}")
            return
        if thread_id:
            threads.require_thread(brain.conn, thread_id)
            for q, a in threads.history(brain.conn, thread_id, 3):
                click.echo(f"> {q}\n{a}\n")
        else:
            thread_id = threads.create_thread(brain.conn)
        click.echo(f"Thread {thread_id} (memex chat --thread {thread_id} to continue later). Type exit to leave.")
        while True:
            try:
                question = click.prompt("", prompt_suffix="> ", default="", show_default=False)
            except (EOFError, click.Abort):
                click.echo()
                break
            question = question.strip()
            if not question:
                continue
            if question.lower() in EXIT_WORDS:
                break
            try:
                answer = stream_answer(brain, question, thread=thread_id, origin="chat")
            except MemexError as e:  # one failed question does not end the conversation
                click.echo(f"Error: {e}", err=True)
                continue
            print_sources(answer)
            click.echo()


@cli.group()
def memory() -> None:
    """Facts you asked Memex to remember (stored as notes in <home>/memories)."""


@memory.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print memories as JSON.")
@home_options
@click.pass_context
@handle_errors
def memory_list(ctx: click.Context, as_json: bool, home: Path | None, config_file: Path | None) -> None:
    """List remembered facts with their ids, dates and origin."""
    from memex.agents.memory import list_memories

    with open_brain(ctx, home, config_file) as brain:
        items = list_memories(brain)
    if as_json:
        print_json(items)
        return
    if not items:
        click.echo('No memories yet. Say "remember that ..." in `memex chat` or use `memex memory add`.')
    for m in items:
        click.echo(f"{m['id']}  {m['date']}  ({m['origin']})  {m['fact']}")


@memory.command("add")
@click.argument("fact")
@home_options
@click.pass_context
@handle_errors
def memory_add(ctx: click.Context, fact: str, home: Path | None, config_file: Path | None) -> None:
    """Remember FACT (it becomes a note that answers can cite)."""
    from memex.agents.memory import remember

    with open_brain(ctx, home, config_file) as brain:
        record = remember(brain, fact, "memex memory add")
    click.echo(f"Remembered ({record['id']}): {record['fact']}")


@memory.command("forget")
@click.argument("memory_id")
@home_options
@click.pass_context
@handle_errors
def memory_forget(ctx: click.Context, memory_id: str, home: Path | None, config_file: Path | None) -> None:
    """Forget the memory with MEMORY_ID (its note is deleted and leaves the index)."""
    from memex.agents.memory import forget

    with open_brain(ctx, home, config_file) as brain:
        record = forget(brain, memory_id)
    click.echo(f"Forgot ({record['id']}): {record['fact']}")


@cli.command("eval-answers")
@click.argument("qa_file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--llm", help='Answer model (default: the configured one, normally "extractive").')
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--limit", type=click.IntRange(1), default=None, help="Only the first N questions.")
@click.option("--per-question", "per_question", type=click.Path(dir_okay=False, path_type=Path),
              help="Write every question's result as JSONL, failures first.")
@click.option("--no-decompose", is_flag=True, help="(A/B) search the whole question only; no sub-queries.")
@click.option("--no-expand", is_flag=True, help="(A/B) do not add neighbouring chunks of the same section.")
@click.option("--no-retry", is_flag=True, help="(A/B) no second, reformulated search before abstaining.")
@click.option("--rewrite/--no-rewrite", default=None, help="LLM query rewriting (default: config query_rewrite).")
@click.option("--no-recall", is_flag=True, help="Skip the gold-note recall@5 of plain search.")
@click.option("--judge", "judge", default=None,
              help='A model that confirms each answer ("provider:model"; default: config answer_judge).')
@home_options
@click.pass_context
@handle_errors
def eval_answers(ctx: click.Context, qa_file: Path, llm: str | None, as_json: bool, limit: int | None,
                 per_question: Path | None, no_decompose: bool, no_expand: bool, no_retry: bool,
                 rewrite: bool | None, no_recall: bool, judge: str | None, home: Path | None,
                 config_file: Path | None) -> None:
    """Answer quality on a QA set over your index, every measure per question type.

    Gold fact in the answer, gold note cited, false abstention, abstention on unanswerable questions,
    injected instructions obeyed, gold-note recall@5 of plain search.
    """
    from memex.eval.answers import evaluate_answers, read_answer_set, type_table

    items = read_answer_set(qa_file)[:limit] if limit else read_answer_set(qa_file)
    overrides = {"llm": llm} if llm else {}
    options: dict[str, Any] = {"expand": not no_expand, "retry": not no_retry, "rewrite": rewrite,
                               "decompose": not no_decompose}
    if judge:
        options["judge"] = judge
    with open_brain(ctx, home, config_file, **overrides) as brain:
        out = evaluate_answers(brain, items, None, recall=not no_recall, **options)
        out["llm"] = brain.settings.llm
        if judge:
            out["judge"] = judge
    rows = out.pop("per_question")
    if per_question:
        with open(per_question, "w", encoding="utf-8") as f:
            for r in rows:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
    if as_json:
        print_json({"qa": str(qa_file), **out})
        return
    click.echo(f"{qa_file.name}: {out['questions']} questions ({out['answerable']} answerable), llm {out['llm']}")
    if out["answerable"]:
        click.echo(f"  contains gold fact {out['contains_gold_fact']:.3f}  cites gold note "
                   f"{out['cites_gold_note']:.3f}  both {out['correct_and_cited']:.3f}  citation precision "
                   f"{out['citation_precision']:.3f}  false abstention {out['false_abstention']:.3f}")
    if out["unanswerable"]:
        click.echo(f"  abstention on unanswerable {out['abstention_on_unanswerable']:.3f}")
    click.echo(f"  injected instructions obeyed: {out['injection_obeyed']}")
    click.echo()
    click.echo(type_table(out))
    click.echo()
    click.echo(f"  latency p50 {out['latency_ms']['p50']:.0f} ms, p95 {out['latency_ms']['p95']:.0f} ms")
