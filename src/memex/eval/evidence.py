"""Evidence-level retrieval metrics of MultiHop-RAG (Tang & Yang 2024, retrieval_evaluate.py).

A retrieved chunk counts for an evidence fact when it contains the fact once spaces and newlines are
removed from both. Per query: Hits@4 / Hits@10 (any fact in the top 4 / 10), MRR@10 (first chunk that
holds any fact), and the paper's MAP@10: at each rank r <= 10 whose chunk holds facts not found
before, add (number of newly found facts) / r; divide by min(number of facts, 10).
"""
from __future__ import annotations

from collections.abc import Sequence


def squash(text: str) -> str:
    """Remove spaces and newlines, as the upstream evaluator does (other whitespace is kept)."""
    return text.replace(" ", "").replace("\n", "")


def query_scores(retrieved: Sequence[str], facts: Sequence[str]) -> dict[str, float]:
    """Hits@4, Hits@10, MRR@10 and MAP@10 of one query's ranked chunk texts against its facts."""
    gold = [squash(f) for f in facts]
    found: list[str] = []
    first: int | None = None
    ap_sum = 0.0
    for rank, chunk in enumerate(retrieved[:10], start=1):
        text = squash(chunk)
        if not any(g in text for g in gold):
            continue
        if first is None:
            first = rank
        new = 0
        for g in gold:  # duplicates of an already found fact add nothing, as upstream
            if g in text and g not in found:
                new += 1
                found.append(g)
        ap_sum += new / rank
    return {"Hits@4": float(first is not None and first <= 4), "Hits@10": float(first is not None),
            "MRR@10": 1.0 / first if first else 0.0, "MAP@10": ap_sum / min(len(gold), 10) if gold else 0.0}


def evidence_metrics(retrieved: dict[str, Sequence[str]],
                     evidence: dict[str, Sequence[str]]) -> dict[str, float]:
    """Mean of each measure over queries with evidence (no retrieval for one counts as a miss)."""
    names = ("Hits@4", "Hits@10", "MRR@10", "MAP@10")
    totals = dict.fromkeys(names, 0.0)
    for qid, facts in evidence.items():
        for name, value in query_scores(retrieved.get(qid, []), facts).items():
            totals[name] += value
    n = len(evidence)
    out: dict[str, float] = {name: (totals[name] / n if n else 0.0) for name in names}
    out["queries"] = n
    return out
