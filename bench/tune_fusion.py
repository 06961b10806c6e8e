"""Grid search of fusion settings on DEV splits only (SciFact train qrels, MultiHop-RAG first 500 queries).

Each query's BM25 list (per column-weight setting) and dense list are computed once with the production
Searcher.lexical / Searcher.dense; the fusion functions of memex.retrieve.fusion are then replayed offline
for every setting, which is exactly what Searcher.search does minus loading the hit texts.
Usage: python bench/tune_fusion.py [--datasets scifact,multihop-rag] [--out bench/results/tune.json]
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from memex.eval import metrics  # noqa: E402
from memex.eval.beir import Dataset, load_dataset  # noqa: E402
from memex.eval.evidence import evidence_metrics  # noqa: E402
from memex.eval.runner import EVIDENCE_K, throwaway_brain  # noqa: E402
from memex.retrieve.fusion import convex, rrf, zscore  # noqa: E402
from memex.retrieve.search import Searcher  # noqa: E402

DATA = ROOT / ".." / "shared" / "data"
DEV = {"scifact": ("train", None), "multihop-rag": ("test", 500), "multihop-rag+meta": ("test", 500)}
"""Dataset -> (qrels split, first N queries) used for tuning; the test numbers are never looked at here."""
COLUMNS = [(2.0, 1.5), (1.0, 1.0), (3.0, 1.5), (1.0, 0.0), (2.0, 0.0), (4.0, 0.0)]
"""(title_weight, heading_weight) settings tried for BM25."""
N = 100


def fusions(fine: bool = False) -> list[dict[str, Any]]:
    """Every fusion setting in the grid (`fine`: convex weights in steps of 0.05 only)."""
    if fine:
        return [{"fusion": f, "bm25_weight": a / 100, "dense_weight": round(1 - a / 100, 2)}
                for f in ("convex", "zscore") for a in range(30, 85, 5)]
    out: list[dict[str, Any]] = []
    for k in (5, 10, 20, 40, 60, 100):
        for wb in (0.5, 0.7, 1.0, 1.3, 1.6, 2.0):
            out.append({"fusion": "rrf", "rrf_k": k, "bm25_weight": wb, "dense_weight": 1.0})
    for a in (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8):
        out.append({"fusion": "convex", "bm25_weight": a, "dense_weight": round(1 - a, 2)})
    return out


def fuse(cfg: dict[str, Any], lex: list[tuple[int, float]], den: list[tuple[int, float]]) -> list[int]:
    if cfg["fusion"] == "convex":
        scores = convex([lex, den], [cfg["bm25_weight"], cfg["dense_weight"]])
    elif cfg["fusion"] == "zscore":
        scores = zscore([lex, den], [cfg["bm25_weight"], cfg["dense_weight"]])
    else:
        scores = rrf([[c for c, _ in lex], [c for c, _ in den]], [cfg["bm25_weight"], cfg["dense_weight"]],
                     k=cfg["rrf_k"])
    return [c for c, _ in sorted(scores.items(), key=lambda kv: -kv[1])[:N]]


def tune(name: str, dataset: Dataset, columns: list[tuple[float, float]],
         fine: bool = False) -> list[dict[str, Any]]:
    """Scores of every (columns, fusion) setting on the dev queries of one dataset."""
    rows: list[dict[str, Any]] = []
    # "+meta": MultiHop-RAG articles with their source and date in the title, as in the paper's chunks.
    fields = ("source", "published_at") if name.endswith("+meta") else ()
    with throwaway_brain(dataset, title_fields=fields) as (brain, names, info):
        print(f"{name}: indexed {info}", file=sys.stderr)
        conn = brain.conn
        chunk_doc: dict[int, str] = {}
        chunk_text: dict[int, str] = {}
        for cid, path, text in conn.execute("SELECT c.id, d.path, c.text FROM chunks c JOIN documents d "
                                            "ON d.id = c.doc_id"):
            chunk_doc[cid] = names.get(Path(path).name, "")
            chunk_text[cid] = text
        base = Searcher(conn, brain.embedder, brain.index, brain.settings)
        t0 = time.perf_counter()
        dense = {q: base.dense(t, N) for q, t in dataset.queries.items()}
        print(f"{name}: dense lists in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
        qrels = {q: dict(r) for q, r in dataset.qrels.items()}
        for tw, hw in columns:
            s = Searcher(conn, brain.embedder, brain.index, replace(brain.settings, title_weight=tw,
                                                                      heading_weight=hw))
            lex = {q: s.lexical(t, N) for q, t in dataset.queries.items()}
            settings = [{"fusion": "bm25"}, {"fusion": "dense"}, *fusions(fine)]
            for cfg in settings:
                ranked: dict[str, list[int]] = {}
                for q in dataset.queries:
                    if cfg["fusion"] == "bm25":
                        ranked[q] = [c for c, _ in lex[q]]
                    elif cfg["fusion"] == "dense":
                        ranked[q] = [c for c, _ in dense[q]]
                    else:
                        ranked[q] = fuse(cfg, lex[q], dense[q])
                docs = {q: list(dict.fromkeys(chunk_doc[c] for c in r)) for q, r in ranked.items()}
                row = {"dataset": name, "title_weight": tw, "heading_weight": hw, **cfg,
                       **metrics.aggregate(qrels, metrics.run_from_rankings(docs))}
                if dataset.evidence:
                    ev = evidence_metrics({q: [chunk_text[c] for c in r[:EVIDENCE_K]] for q, r in ranked.items()},
                                          dataset.evidence)
                    row.update({f"ev_{k}": v for k, v in ev.items()})
                rows.append(row)
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--datasets", default="scifact,multihop-rag")
    ap.add_argument("--columns", default=",".join(f"{t}:{h}" for t, h in COLUMNS),
                    help="title:heading BM25 weights to try, e.g. 1:1,2:1.5")
    ap.add_argument("--fine", action="store_true", help="Only convex weights, in steps of 0.05.")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "tune_fusion.json")
    args = ap.parse_args()
    rows: list[dict[str, Any]] = []
    for name in args.datasets.split(","):
        split, limit = DEV[name]
        ds = load_dataset(DATA / name.removesuffix("+meta"), split).limited(limit)
        cols = [(float(c.split(":")[0]), float(c.split(":")[1])) for c in args.columns.split(",")]
        rows += tune(name, ds, cols, args.fine)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(rows, indent=1))
    for name in args.datasets.split(","):
        key = "ev_MRR@10" if name.startswith("multihop-rag") else "nDCG@10"
        best = sorted((r for r in rows if r["dataset"] == name), key=lambda r: -r[key])[:12]
        print(f"\n{name} (dev) best by {key}:")
        for r in best:
            print("  " + "  ".join(f"{k}={v:.4f}" if isinstance(v, float) and k[0].isupper() or k.startswith("ev_")
                                   else f"{k}={v}" for k, v in r.items() if k != "dataset"))


if __name__ == "__main__":
    main()
