"""Long-query handling on DEV splits only (SciFact train qrels, MultiHop-RAG first 500 queries).

Runs the production Brain.search for each setting of retrieve/shape.py's knobs (BM25 lean for long,
name-heavy questions; phrase-pair bonus; clause vectors) and prints nDCG@10 and MultiHop-RAG evidence
Hits@10 / MRR@10, so each part's gain can be seen on its own. The test numbers are in bench/quality.py.
Usage: python bench/tune_long_query.py [--out bench/results/tune_long_query.json]
"""
from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from memex.eval.beir import load_dataset  # noqa: E402
from memex.eval.runner import run_queries, score, throwaway_brain  # noqa: E402

DATA = ROOT / ".." / "shared" / "data"
OFF = {"long_query_words": 10**6, "long_query_full_words": 10**6 + 1}
NO_LEAN = {"long_query_bm25_share": 0.6}
SETTINGS: dict[str, dict[str, Any]] = {
    "off (convex 0.6 : 0.4 for every query)": OFF,
    "phrase pairs only": {"clause_weight": 0.0, **NO_LEAN},
    "clause vectors only": {"phrase_weight": 0.0, **NO_LEAN},
    "phrase pairs + clause vectors": NO_LEAN,
    "lean on BM25 for every long query (first version)": {"long_query_names_from": -1.0,
                                                         "long_query_names_full": -0.5},
    "defaults (lean only when full of names)": {},
    "defaults, phrase weight 0.5": {"phrase_weight": 0.5},
    "defaults, clause weight 0.3": {"clause_weight": 0.3},
}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "tune_long_query.json")
    args = ap.parse_args()
    rows: list[dict[str, Any]] = []
    for name, split, limit, fields in (("multihop-rag", "test", 500, ("source", "published_at")),
                                       ("scifact", "train", None, ())):
        ds = load_dataset(DATA / name, split).limited(limit)
        with throwaway_brain(ds, title_fields=fields) as (brain, names, info):
            print(f"{name} ({split}, {len(ds.queries)} q): {info}", file=sys.stderr)
            base = brain.settings
            for label, cfg in SETTINGS.items():
                brain.settings = replace(base, **cfg)
                rep = score(ds, run_queries(brain, ds.queries, lambda h: names.get(Path(h.path).name)))
                row = {"dataset": name, "setting": label, "nDCG@10": rep.scores["nDCG@10"],
                       "p50_ms": rep.latency_ms["p50"]}
                if rep.evidence:
                    row.update({"ev_Hits@10": rep.evidence["Hits@10"], "ev_MRR@10": rep.evidence["MRR@10"]})
                print("  " + json.dumps(row), file=sys.stderr)
                rows.append(row)
            brain.settings = base
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(rows, indent=1))
    print("| setting (dev) | SciFact nDCG@10 | MultiHop Hits@10 | MultiHop MRR@10 | MultiHop p50 ms |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for label in SETTINGS:
        s = next(r for r in rows if r["dataset"] == "scifact" and r["setting"] == label)
        m = next(r for r in rows if r["dataset"] == "multihop-rag" and r["setting"] == label)
        print(f"| {label} | {s['nDCG@10']:.4f} | {m['ev_Hits@10']:.4f} | {m['ev_MRR@10']:.4f} | {m['p50_ms']:.0f} |")


if __name__ == "__main__":
    main()
