"""Same quality as exact? nDCG@10 of `memex search` with vector_store exact vs ann (and any others) on dev sets.

Each dataset is indexed once (MiniLM, embeddings cached like `memex eval`); the same home is then searched
through each backend (switching re-embeds nothing), every dev query through Brain.search. Dev splits only:
SciFact train qrels, MultiHop-RAG's first 500 queries (as bench/tune_fusion.py).
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
DEV = {"scifact": ("train", None, ()), "multihop-rag": ("test", 500, ("source", "published_at"))}


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
            for store in args.stores.split(","):
                with Brain.open(brain.settings.home, vector_store=store) as b:
                    kind = b.index.kind
                    res = run_queries(b, ds.queries, lambda h: names.get(Path(h.path).name))
                rep = score(ds, res)
                ndcg, r100 = rep.scores.get("nDCG@10", 0.0), rep.scores.get("R@100", 0.0)
                base = ndcg if base is None else base
                print(f"| {name} | {store} ({kind}) | {ndcg:.4f} | {r100:.4f} | {ndcg - base:+.4f} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
