"""Sweep the query-adaptive fusion weight (retrieve/overlap.py) and note-level evidence (tried, not adopted)
on DEV splits only (SciFact train qrels, MultiHop-RAG first 500 queries with source/date titles).

Each query's production candidate lists (BM25 with phrase pairs, dense with clause vectors, the query shape)
and its keyword coverage are computed once; fusion is then replayed for every setting exactly as
Searcher.search does it (no filters). Usage:
  python bench/tune_overlap.py [--datasets scifact,multihop-rag+meta] [--test] [--out bench/results/tune_overlap.json]
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from memex.config import Settings  # noqa: E402
from memex.eval import metrics  # noqa: E402
from memex.eval.beir import load_dataset  # noqa: E402
from memex.eval.evidence import evidence_metrics  # noqa: E402
from memex.eval.runner import EVIDENCE_K, throwaway_brain  # noqa: E402
from memex.retrieve.fusion import convex  # noqa: E402
from memex.retrieve.overlap import adapted_share, coverage  # noqa: E402
from memex.retrieve.query import parse_query  # noqa: E402
from memex.retrieve.search import Searcher  # noqa: E402
from memex.retrieve.shape import query_shape  # noqa: E402

DATA = ROOT / ".." / "shared" / "data"
DEV = {"scifact": ("train", None), "multihop-rag+meta": ("test", 500)}
N = 100


def note_boost(scores: dict[int, float], notes: dict[int, int], bonus: float, siblings: int = 2) -> dict[int, float]:
    """Tried, not adopted: each chunk's fused score plus `bonus` x the best `siblings` fused scores of the
    other chunks of its note (max + a small sum), so a note several of whose passages match rises."""
    by_note: dict[int, list[float]] = {}
    for c, s in scores.items():
        if s > 0:
            by_note.setdefault(notes[c], []).append(s)
    top = {n: sorted(v, reverse=True)[:siblings + 1] for n, v in by_note.items()}
    out = {}
    for c, s in scores.items():
        others = list(top.get(notes[c], []))
        if s in others:
            others.remove(s)
        out[c] = s + bonus * sum(others[:siblings])
    return out


def grid() -> list[dict[str, float]]:
    out: list[dict[str, float]] = [{"target": 1.0, "low": 0.25, "high": 0.6, "note_bonus": 0.0}]
    for target in (0.5, 0.4, 0.3, 0.2):
        for low, high in ((0.25, 0.6), (0.3, 0.5), (0.2, 0.8), (0.2, 0.5), (0.3, 0.7)):
            out.append({"target": target, "low": low, "high": high, "note_bonus": 0.0})
    for bonus in (0.05, 0.1, 0.2):
        out.append({"target": 1.0, "low": 0.25, "high": 0.6, "note_bonus": bonus})
    return out


def defaults_only() -> list[dict[str, float]]:
    """Off, and the shipped setting: what a test-split run reports (after the choice on dev)."""
    d = Settings()
    return [{"target": 1.0, "low": d.overlap_low, "high": d.overlap_high, "note_bonus": 0.0},
            {"target": d.overlap_bm25_share, "low": d.overlap_low, "high": d.overlap_high, "note_bonus": 0.0}]


def tune(name: str, test: bool = False) -> list[dict[str, Any]]:
    split, limit = ("test", None) if test else DEV[name]
    dataset = load_dataset(DATA / name.removesuffix("+meta"), split).limited(limit)
    fields = ("source", "published_at") if name.endswith("+meta") else ()
    rows: list[dict[str, Any]] = []
    with throwaway_brain(dataset, title_fields=fields) as (brain, names, info):
        print(f"{name}: indexed {info}", file=sys.stderr)
        conn, st = brain.conn, brain.settings
        chunk_doc, chunk_note, chunk_text = {}, {}, {}
        for cid, did, path, text in conn.execute("SELECT c.id, d.id, d.path, c.text FROM chunks c "
                                                 "JOIN documents d ON d.id = c.doc_id"):
            chunk_doc[cid] = names.get(Path(path).name, "")
            chunk_note[cid] = did
            chunk_text[cid] = text
        s = Searcher(conn, brain.embedder, brain.index, st)
        n_chunks = len(brain.index)
        t0 = time.perf_counter()
        pre = {}
        for q, text in dataset.queries.items():
            shape = query_shape(text, st)
            lex = s._with_phrase_pairs(s.lexical(text, N), shape, N, None)
            den = s._dense_with_clauses(text, shape, N, None, None)
            cov = coverage(conn, parse_query(text).terms, lex[0][0], n_chunks) if lex else 1.0
            pre[q] = (shape, lex, den, cov)
        print(f"{name}: candidate lists in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
        covs = sorted(p[3] for p in pre.values())
        print(f"{name}: coverage quartiles {[round(covs[int(len(covs) * f)], 2) for f in (0.25, 0.5, 0.75)]}",
              file=sys.stderr)
        qrels = {q: dict(r) for q, r in dataset.qrels.items()}
        for cfg in (defaults_only() if test else grid()):
            ranked: dict[str, list[int]] = {}
            for q, (shape, lex, den, cov) in pre.items():
                wb, wd = shape.bm25_weight, shape.dense_weight
                total = wb + wd
                share = wb / total
                if lex and den and shape.long_share < 1 and cfg["target"] < share:
                    share = adapted_share(share, cov, cfg["low"], cfg["high"], cfg["target"], shape.long_share)
                fused = convex([lex, den], [total * share, total * (1 - share)])
                if cfg["note_bonus"] > 0:
                    fused = note_boost(fused, chunk_note, cfg["note_bonus"], 2)
                ranked[q] = [c for c, _ in sorted(fused.items(), key=lambda kv: -kv[1])[:N]]
            docs = {q: list(dict.fromkeys(chunk_doc[c] for c in r)) for q, r in ranked.items()}
            row = {"dataset": name, **cfg, **metrics.aggregate(qrels, metrics.run_from_rankings(docs))}
            if dataset.evidence:
                ev = evidence_metrics({q: [chunk_text[c] for c in r[:EVIDENCE_K]] for q, r in ranked.items()},
                                      dataset.evidence)
                row.update({f"ev_{k}": v for k, v in ev.items()})
            print(json.dumps({k: (round(v, 4) if isinstance(v, float) else v) for k, v in row.items()
                              if k in ("dataset", "target", "low", "high", "note_bonus", "nDCG@10",
                                       "ev_Hits@10", "ev_MRR@10")}), flush=True)
            rows.append(row)
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--datasets", default="scifact,multihop-rag+meta")
    ap.add_argument("--test", action="store_true",
                    help="The test split, only off vs the shipped defaults (after choosing on dev).")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "tune_overlap.json")
    args = ap.parse_args()
    rows: list[dict[str, Any]] = []
    for name in args.datasets.split(","):
        rows += tune(name, args.test)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(rows, indent=1))


if __name__ == "__main__":
    main()
