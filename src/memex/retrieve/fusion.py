"""Rank fusion: pure functions over ranked id lists."""
from __future__ import annotations

from collections.abc import Sequence


def rrf(rankings: Sequence[Sequence[int]], weights: Sequence[float], k: int = 60) -> dict[int, float]:
    """Weighted reciprocal rank fusion: sum of w / (k + rank) over the lists an id appears in."""
    scores: dict[int, float] = {}
    for ranking, w in zip(rankings, weights, strict=True):
        for rank, item in enumerate(ranking, start=1):
            scores[item] = scores.get(item, 0.0) + w / (k + rank)
    return scores


def convex(scored: Sequence[Sequence[tuple[int, float]]], weights: Sequence[float]) -> dict[int, float]:
    """Weighted sum of min-max normalised scores; an id missing from a list gets 0 from it.

    Unlike RRF this keeps how far apart the scores are (Bruch et al., 2023), so a clear BM25 winner
    stays ahead of a crowd of near-equal cosines.
    """
    scores: dict[int, float] = {}
    for items, w in zip(scored, weights, strict=True):
        if not items or w == 0:
            continue
        values = [s for _, s in items]
        lo, hi = min(values), max(values)
        span = hi - lo
        for item, s in items:
            # A single candidate (or all equal) is simply the best this retriever has: full weight.
            norm = (s - lo) / span if span > 0 else 1.0
            scores[item] = scores.get(item, 0.0) + w * norm
    for items, _ in zip(scored, weights, strict=True):
        for item, _s in items:
            scores.setdefault(item, 0.0)
    return scores
