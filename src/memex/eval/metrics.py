"""Ranking metrics through ir-measures (trec_eval semantics), plus latency percentiles."""
from __future__ import annotations

from collections.abc import Mapping, Sequence

import ir_measures
import numpy as np
from ir_measures import RR, R, nDCG

MEASURES = {"nDCG@10": nDCG @ 10, "R@10": R @ 10, "R@100": R @ 100, "MRR@10": RR @ 10}
"""Report name -> ir-measures measure."""

Qrels = Mapping[str, Mapping[str, int]]
Run = Mapping[str, Mapping[str, float]]


def run_from_rankings(rankings: Mapping[str, Sequence[str]]) -> dict[str, dict[str, float]]:
    """Ranked doc ids -> a run with strictly decreasing scores (trec_eval breaks score ties by id)."""
    return {q: {d: float(len(docs) - i) for i, d in enumerate(docs)} for q, docs in rankings.items()}


def aggregate(qrels: Qrels, run: Run) -> dict[str, float]:
    """Mean of each measure over every judged query (a query missing from the run scores 0)."""
    agg = ir_measures.calc_aggregate(list(MEASURES.values()), qrels, run)
    return {name: float(agg.get(m, 0.0)) for name, m in MEASURES.items()}


def per_query(qrels: Qrels, run: Run) -> dict[str, dict[str, float]]:
    """Each judged query's measures (0 where the run has nothing for it)."""
    out: dict[str, dict[str, float]] = {q: dict.fromkeys(MEASURES, 0.0) for q in qrels}
    names = {m: n for n, m in MEASURES.items()}
    for row in ir_measures.iter_calc(list(MEASURES.values()), qrels, run):
        out.setdefault(row.query_id, dict.fromkeys(MEASURES, 0.0))[names[row.measure]] = float(row.value)
    return out


def percentiles(values_ms: Sequence[float]) -> dict[str, float]:
    """p50 and p95 in milliseconds (linear interpolation), 0 for no values."""
    if not values_ms:
        return {"p50": 0.0, "p95": 0.0}
    arr = np.asarray(values_ms, dtype=float)
    return {"p50": round(float(np.percentile(arr, 50)), 2), "p95": round(float(np.percentile(arr, 95)), 2)}
