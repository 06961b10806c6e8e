"""Does LLM query rewriting help retrieval? Gold-note Recall@5/@10 and MRR@10 on the Obsidian help set.

Indexes the Obsidian help vault into a throw-away home (the normal Brain.add, bundled MiniLM), then
searches each question of bench/data/obsidian_help_retrieval.jsonl several ways:

- original: the question itself (what `memex search` / `memex ask` without --rewrite retrieve with);
- rewrite: the LLM's "search_query" from the production planner (`agents.plan.llm_plan`);
- llm plan: every query the production `--rewrite` plan retrieves with (question, rewrite, the LLM's
  sub-queries), merged by the answer pipeline's reciprocal-rank merge (`agents.context.merge`);
- original + rewrite: multi-query, the two rankings merged the same way;
- hyde: the LLM writes a short passage that could answer the question, and the passage is searched;
- original + hyde: the two rankings merged.

Documents are ranked by their best chunk; scores use the same gold-path keys as `memex eval --qa`.
LLM outputs are cached in a JSONL file (--cache) so a rerun scores without calling the model again.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import ir_measures

from memex.agents.context import merge
from memex.agents.plan import llm_plan
from memex.app import Brain
from memex.domain import Hit
from memex.eval import metrics
from memex.eval.runner import QA_MEASURES, doc_ranking, path_key, read_qa
from memex.llm import ChatModel, LLMError, Message, get_chat_model
from memex.store import documents as docs

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT.parent / "shared" / "data" / "docs" / "obsidian-help"
QA = ROOT / "bench" / "data" / "obsidian_help_retrieval.jsonl"
DEPTH = 50
"""Chunks per search; the documents in them form the ranking (only the top 10 are scored)."""
HYDE_PROMPT = ("Write a short passage (2-3 sentences) from a help note that answers the question. "
               "Use the words such a note would use. Output only the passage.")
HYDE_MAX_TOKENS = 96
MODES = ("original", "rewrite", "llm plan", "original + rewrite", "hyde", "original + hyde")


def hyde_passage(question: str, model: ChatModel) -> str:
    """HyDE: a hypothetical note passage answering the question (searched instead of, or with, it)."""
    try:
        return model.complete([Message("system", HYDE_PROMPT), Message("user", f"Question: {question}")],
                              max_tokens=HYDE_MAX_TOKENS).strip()
    except LLMError:
        return ""


def llm_outputs(model: ChatModel, question: str) -> dict[str, Any]:
    """The production plan (with rewriting on) and a HyDE passage for one question, timed."""
    t0 = time.perf_counter()
    plan = llm_plan(question, model, rewrite=True)
    t1 = time.perf_counter()
    passage = hyde_passage(question, model)
    t2 = time.perf_counter()
    return {"question": question, "rewrite": plan.rewritten, "plan_queries": plan.sub_queries,
            "plan_notes": plan.notes, "hyde": passage,
            "plan_ms": round((t1 - t0) * 1e3, 1), "hyde_ms": round((t2 - t1) * 1e3, 1)}


def load_cache(path: Path | None) -> dict[str, dict[str, Any]]:
    if path is None or not path.exists():
        return {}
    return {obj["question"]: obj for obj in map(json.loads, path.read_text(encoding="utf-8").splitlines())}


def searches(mode: str, question: str, out: dict[str, Any]) -> list[str]:
    """The queries a mode runs (an empty LLM output falls back to the question, as the product does)."""
    rewrite = out.get("rewrite") or question
    hyde = out.get("hyde") or question
    return {"original": [question], "rewrite": [rewrite], "llm plan": out.get("plan_queries") or [question],
            "original + rewrite": [question, rewrite], "hyde": [hyde],
            "original + hyde": [question, hyde]}[mode]


def rank(brain: Brain, queries: Sequence[str], key: Callable[[Hit], str | None]) -> tuple[list[str], float]:
    """Documents for one mode's queries (merged when several) and the search time in ms."""
    t0 = time.perf_counter()
    rankings = [brain.search(q, DEPTH) for q in dict.fromkeys(queries)]
    hits = rankings[0] if len(rankings) == 1 else merge(rankings, DEPTH)
    return doc_ranking(hits, key), (time.perf_counter() - t0) * 1e3


def score(qrels: dict[str, dict[str, int]], rankings: dict[str, list[str]]) -> dict[str, float]:
    measures = {name: ir_measures.parse_measure(m) for name, m in QA_MEASURES.items()}
    agg = ir_measures.calc_aggregate(list(measures.values()), qrels, metrics.run_from_rankings(rankings))
    return {n: round(float(agg.get(m, 0.0)), 4) for n, m in measures.items()}


def run(brain: Brain, items: list[dict[str, Any]], model: ChatModel | None, cache_path: Path | None,
        modes: Sequence[str]) -> dict[str, Any]:
    roots = [os.path.normpath(p) for _, p in docs.list_sources(brain.conn)]
    key: Callable[[Hit], str | None] = lambda h: path_key(h.path, roots)  # noqa: E731
    qrels = {it["id"]: dict.fromkeys((Path(os.path.normpath(g)).as_posix() for g in it["gold_paths"]), 1)
             for it in items}
    cache = load_cache(cache_path)
    sink = cache_path.open("a", encoding="utf-8") if cache_path else None
    rankings: dict[str, dict[str, list[str]]] = {m: {} for m in modes}
    search_ms: dict[str, list[float]] = {m: [] for m in modes}
    llm_ms: dict[str, list[float]] = {"plan": [], "hyde": []}
    brain.search("warm up", 1)
    for i, it in enumerate(items):
        out = cache.get(it["question"])
        if out is None:
            if model is None:
                raise SystemExit(f"no cached LLM output for {it['question']!r} and no --llm given")
            out = llm_outputs(model, it["question"])
            if sink:
                sink.write(json.dumps(out) + "\n")
                sink.flush()
        llm_ms["plan"].append(out["plan_ms"])
        llm_ms["hyde"].append(out["hyde_ms"])
        for m in modes:
            rankings[m][it["id"]], ms = rank(brain, searches(m, it["question"], out), key)
            search_ms[m].append(ms)
        print(f"[{i + 1}/{len(items)}] plan {out['plan_ms'] / 1e3:.1f}s hyde {out['hyde_ms'] / 1e3:.1f}s "
              f"rewrite={out['rewrite']!r}", file=sys.stderr, flush=True)
    if sink:
        sink.close()
    plan_p50 = metrics.percentiles(llm_ms["plan"])["p50"]
    hyde_p50 = metrics.percentiles(llm_ms["hyde"])["p50"]
    llm_cost = {"original": 0.0, "rewrite": plan_p50, "llm plan": plan_p50, "original + rewrite": plan_p50,
                "hyde": hyde_p50, "original + hyde": hyde_p50}
    rows = []
    for m in modes:
        rows.append({"mode": m, **score(qrels, rankings[m]), "llm_ms_p50": llm_cost[m],
                     "search_ms_p50": metrics.percentiles(search_ms[m])["p50"]})
    return {"questions": len(items), "llm": model.name if model else "cached", "rows": rows,
            "llm_latency_ms": {"plan": metrics.percentiles(llm_ms["plan"]),
                               "hyde": metrics.percentiles(llm_ms["hyde"])}}


def table(report: dict[str, Any]) -> str:
    lines = ["| query | Recall@5 | Recall@10 | MRR@10 | LLM s/question (p50) | search ms (p50) |",
             "| --- | --- | --- | --- | --- | --- |"]
    for r in report["rows"]:
        lines.append(f"| {r['mode']} | {r['Recall@5']:.3f} | {r['Recall@10']:.3f} | {r['MRR@10']:.3f} | "
                     f"{r['llm_ms_p50'] / 1e3:.1f} | {r['search_ms_p50']:.0f} |")
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--llm", help="chat model spec, e.g. llamacpp:/path/model.gguf (omit to score --cache only)")
    ap.add_argument("--docs", type=Path, default=DOCS, help="the vault to index (Obsidian help)")
    ap.add_argument("--qa", type=Path, default=QA, help='JSONL of {"question", "gold_paths"}')
    ap.add_argument("--cache", type=Path, help="JSONL of LLM outputs: read, and appended to")
    ap.add_argument("--limit", type=int, help="only the first N questions")
    ap.add_argument("--modes", default=",".join(MODES), help="comma-separated subset of: " + ", ".join(MODES))
    ap.add_argument("--json", type=Path, help="write the report here")
    ap.add_argument("--threads", type=int, default=0, help="llama.cpp threads (0 = its default)")
    args = ap.parse_args()
    if not args.docs.is_dir():
        print(f"no vault at {args.docs} (../shared is missing)", file=sys.stderr)
        return 2
    modes = [m.strip() for m in args.modes.split(",") if m.strip()]
    bad = [m for m in modes if m not in MODES]
    if bad:
        ap.error(f"unknown mode(s) {bad}; valid: {', '.join(MODES)}")
    items = [it for it in read_qa(args.qa) if it["gold_paths"]][: args.limit]
    with tempfile.TemporaryDirectory(prefix="memex-rewrite-") as tmp, Brain.open(Path(tmp) / "home") as brain:
        t0 = time.perf_counter()
        brain.add([args.docs])
        print(f"indexed {args.docs} in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
        config = {**brain.settings.extra, **({"llamacpp_threads": args.threads} if args.threads else {})}
        model = get_chat_model(args.llm, config) if args.llm else None
        report = run(brain, items, model, args.cache, modes)
    print(table(report))
    print(f"\n{report['questions']} questions; LLM {report['llm']}; LLM latency per question: "
          f"plan p50 {report['llm_latency_ms']['plan']['p50'] / 1e3:.1f} s, "
          f"HyDE p50 {report['llm_latency_ms']['hyde']['p50'] / 1e3:.1f} s")
    if args.json:
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
