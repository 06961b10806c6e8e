"""Same quality as exact? nDCG@10 of `memex search` with vector_store exact vs ann (and any others) on dev sets.

Each dataset is indexed once (MiniLM, embeddings cached like `memex eval`); the same home is then searched
through each backend (switching re-embeds nothing), every dev query through Brain.search. Dev splits only:
SciFact train qrels, MultiHop-RAG's first 500 queries (as bench/tune_fusion.py).
A store name may carry a suffix that applies the rules of a large home (>= 50,000 chunks) to these small
sets: `exact+pruned` is BM25 from FTS5 with very common terms dropped (what a large home did before the BM25
impact index), `exact+bm25index` the same through the impact index (memex.store.lexical), what a large home
does now. Cranfield, CISI and CACM (test qrels, small) can be added to --datasets.
Usage: python bench/scale_quality.py [--stores exact,ann] [--datasets scifact,multihop-rag]
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
from memex.app import Brain  # noqa: E402
from memex.eval.beir import load_dataset  # noqa: E402
from memex.eval.runner import run_queries, score, throwaway_brain  # noqa: E402

DATA = ROOT.parent / "shared" / "data"
DEV = {"scifact": ("train", None, ()), "multihop-rag": ("test", 500, ("source", "published_at")),
       "cranfield": ("test", None, ()), "cisi": ("test", None, ()), "cacm": ("test", None, ())}


def large_home_rules(suffix: str) -> None:
    """Apply a large home's lexical rules to a small store (see the module docstring)."""
    import os

    from memex.retrieve import search
    from memex.store import lexical
    search.PRUNE_MIN_CHUNKS = 0 if suffix else 50_000
    lexical.MIN_CHUNKS = 0 if suffix == "bm25index" else 50_000
    os.environ[lexical.ENV_SWITCH] = "1" if suffix == "bm25index" else "0"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--stores", default="exact,ann")
    ap.add_argument("--datasets", default="scifact,multihop-rag")
    args = ap.parse_args()
    print("| dataset (dev) | store | nDCG@10 | R@100 | Δ nDCG@10 vs exact |\n|---|---|---:|---:|---:|")
    for name in args.datasets.split(","):
        split, first, fields = DEV[name]
        ds = load_dataset(DATA / name, split)
        if first:
            keep = list(ds.queries)[:first]
            ds.queries = {q: ds.queries[q] for q in keep}
        with throwaway_brain(ds, title_fields=fields, vector_store="exact") as (brain, names, info):
            print(f"{name}: {info}", file=sys.stderr, flush=True)
            base = None
            for name_store in args.stores.split(","):
                store, _, suffix = name_store.partition("+")
                large_home_rules(suffix)
                with Brain.open(brain.settings.home, vector_store=store) as b:
                    kind = b.index.kind
                    res = run_queries(b, ds.queries, lambda h: names.get(Path(h.path).name))
                rep = score(ds, res)
                ndcg, r100 = rep.scores.get("nDCG@10", 0.0), rep.scores.get("R@100", 0.0)
                base = ndcg if base is None else base
                print(f"| {name} | {name_store} ({kind}) | {ndcg:.4f} | {r100:.4f} | {ndcg - base:+.4f} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
