"""Retrieval quality table: BM25 alone, dense alone, plain hybrid (RRF 1:1, k=60) and the production defaults.

Every dataset is indexed once into a throw-away home through the normal ingest path (embeddings cached
under the user cache dir, so reruns do not re-embed); each configuration then runs every test query
through Brain.search and is scored by memex.eval (ir-measures; MultiHop-RAG evidence metrics).
Tuning happened on dev splits only (bench/tune_fusion.py); the numbers here are test numbers.
Usage: python bench/quality.py [--datasets scifact,multihop-rag,cranfield,cisi,cacm] [--write docs/benchmarks.md]
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from memex.config import Settings  # noqa: E402
from memex.eval.beir import load_dataset  # noqa: E402
from memex.eval.runner import run_queries, score, throwaway_brain  # noqa: E402

DATA = ROOT / ".." / "shared" / "data"
SECTION = "## Retrieval quality (bench/quality.py)"
DATASETS = ["scifact", "multihop-rag", "cranfield", "cisi", "cacm"]
TITLE_FIELDS = {"multihop-rag": ("source", "published_at")}
"""Corpus metadata put in titles: MultiHop-RAG's chunks carry source and date in the paper's setup too."""
_NO_LONG = {"long_query_words": 10**6, "long_query_full_words": 10**6 + 1}
"""Long-query handling off: every query searched like a short one."""
_OLD = {"fusion": "rrf", "rrf_k": 60, "bm25_weight": 1.0, "dense_weight": 1.0, "title_weight": 2.0,
        "heading_weight": 1.5, **_NO_LONG}
"""The hybrid search as first shipped: plain RRF of BM25 and MiniLM."""
CONFIGS: dict[str, dict[str, Any]] = {
    "BM25": {**_OLD, "dense_weight": 0.0},
    "dense (MiniLM)": {**_OLD, "bm25_weight": 0.0},
    "hybrid RRF 1:1, k=60": _OLD,
    "convex, no long-query handling": _NO_LONG,
    "defaults without the paraphrase lean": {"overlap_bm25_share": 1.0},
    "defaults without the title bonus": {"title_match_bonus": 0.0},
    "improved (defaults)": {},
}


def _describe_defaults() -> str:
    d = Settings()
    if d.fusion == "convex":
        fusion = f"convex, BM25 {d.bm25_weight:g} : dense {d.dense_weight:g}"
    else:
        fusion = f"RRF k={d.rrf_k}, BM25 {d.bm25_weight:g} : dense {d.dense_weight:g}"
    return (f"{fusion}; BM25 columns title {d.title_weight:g}, headings {d.heading_weight:g}, text 1; "
            f"{d.candidates} candidates per retriever; queries of more than {d.long_query_words} words (fully "
            f"from {d.long_query_full_words}) get phrase pairs ({d.phrase_weight:g}) and clause vectors "
            f"({d.clause_weight:g}), and lean towards BM25 (share up to {d.long_query_bm25_share:g}) when "
            f"{d.long_query_names_from:.0%}-{d.long_query_names_full:.0%} or more of their words are names, "
            "dates or numbers")


def run_dataset(name: str, limit: int | None = None, only: list[str] | None = None) -> list[dict[str, Any]]:
    """All configurations (or those named in `only`) on one dataset's test split."""
    ds = load_dataset(DATA / name, "test").limited(limit)
    rows = []
    with throwaway_brain(ds, title_fields=TITLE_FIELDS.get(name, ())) as (brain, names, info):
        print(f"{name}: {info}", file=sys.stderr)
        base = brain.settings
        for label, cfg in CONFIGS.items():
            if only and label not in only:
                continue
            brain.settings = replace(base, **cfg)
            t0 = time.perf_counter()
            results = run_queries(brain, ds.queries, lambda h: names.get(Path(h.path).name))
            rep = score(ds, results)
            row = {"dataset": name, "config": label, "queries": rep.queries, **rep.scores,
                   "latency_ms": rep.latency_ms, "evidence": rep.evidence}
            print(f"  {label}: {json.dumps(row)} ({time.perf_counter() - t0:.0f} s)", file=sys.stderr)
            rows.append(row)
        brain.settings = base
    return rows


def table(rows: list[dict[str, Any]]) -> str:
    """Markdown tables: document-level metrics, then MultiHop-RAG evidence metrics."""
    out = ["| dataset | config | nDCG@10 | R@10 | R@100 | MRR@10 | p50 ms | p95 ms |",
           "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for r in rows:
        out.append(f"| {r['dataset']} ({r['queries']} q) | {r['config']} | {r['nDCG@10']:.4f} | {r['R@10']:.4f} | "
                   f"{r['R@100']:.4f} | {r['MRR@10']:.4f} | {r['latency_ms']['p50']:.1f} | "
                   f"{r['latency_ms']['p95']:.1f} |")
    ev = [r for r in rows if r.get("evidence")]
    if ev:
        out += ["", "MultiHop-RAG evidence level (top-10 chunks; a chunk counts when it contains an evidence "
                "fact, spaces and newlines removed; as the paper's retrieval_evaluate.py):", "",
                "| config | queries | Hits@4 | Hits@10 | MRR@10 | MAP@10 |", "| --- | ---: | ---: | ---: | ---: | ---: |"]
        for r in ev:
            e = r["evidence"]
            out.append(f"| {r['config']} | {int(e['queries'])} | {e['Hits@4']:.4f} | {e['Hits@10']:.4f} | "
                       f"{e['MRR@10']:.4f} | {e['MAP@10']:.4f} |")
    return "\n".join(out)


END = "<!-- end of bench/quality.py output -->"
"""Hand-written notes after this marker (dev tuning) survive a rerun."""


def write_section(path: Path, body: str) -> None:
    """Replace (or append) this benchmark's generated part, leaving other sections and the notes alone."""
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    body = body.rstrip("\n") + "\n\n" + END + "\n"
    start = text.find(SECTION)
    if start == -1:
        text = text.rstrip("\n") + "\n\n" + body
    else:
        end = text.find(END, start)
        nxt = text.find("\n## ", start + len(SECTION))
        if end != -1 and (nxt == -1 or end < nxt):
            text = text[:start] + body + text[end + len(END) + 1:]
        else:
            text = text[:start] + body + ("\n" + text[nxt + 1:] if nxt != -1 else "")
    path.write_text(text, encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--datasets", default=",".join(DATASETS))
    ap.add_argument("--write", type=Path, help="Replace this section in a Markdown file (docs/benchmarks.md).")
    ap.add_argument("--json", type=Path, help="Also save the raw rows as JSON.")
    ap.add_argument("--limit", type=int, help="Only the first N test queries of each dataset (smoke runs).")
    ap.add_argument("--configs", help="Only these configurations, separated by ';' (labels as in the table).")
    args = ap.parse_args()
    only = args.configs.split(";") if args.configs else None
    for name in args.datasets.split(","):
        if not (DATA / name).is_dir():
            sys.exit(f"dataset {name} not found under {DATA.resolve()} (needs the shared data folder)")
    rows: list[dict[str, Any]] = []
    for name in args.datasets.split(","):
        rows += run_dataset(name, args.limit, only)
    body = table(rows)
    print(body)
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1))
    if args.write:
        header = (f"{SECTION}\n\nTest splits, MiniLM-L6 embeddings, {platform.machine()} {platform.system()}, "
                  f"{os.cpu_count()} cores, {time.strftime('%Y-%m-%d')}. `make bench-quality` prints it; "
                  "`python bench/quality.py --write docs/benchmarks.md` updates this part. Improved = the "
                  f"production defaults: {_describe_defaults()}. Hybrid RRF = what shipped first (RRF k=60, "
                  "1:1, BM25 title 2 / headings 1.5). Document score = its best chunk; latency = one "
                  "Brain.search (k = 100 chunks) per query, model warm; MultiHop-RAG titles carry "
                  "`source | date` (see below).\n\n")
        write_section(args.write, header + body + "\n")


if __name__ == "__main__":
    main()
