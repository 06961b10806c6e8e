"""Rank fusion: pure functions over ranked id lists."""
from __future__ import annotations

from collections.abc import Mapping, Sequence

ItemWeights = Sequence[Mapping[int, float] | None] | None
"""Per list, an optional multiplier per id (missing ids: 1.0): how far that retriever is trusted on
that item (e.g. the dense side on a chunk in a language its model doesn't read)."""


def _factor(item_weights: ItemWeights, i: int, item: int) -> float:
    if item_weights is None or item_weights[i] is None:
        return 1.0
    return item_weights[i].get(item, 1.0)  # type: ignore[union-attr]


def rrf(rankings: Sequence[Sequence[int]], weights: Sequence[float], k: int = 60,
        item_weights: ItemWeights = None) -> dict[int, float]:
    """Weighted reciprocal rank fusion: sum of w / (k + rank) over the lists an id appears in."""
    scores: dict[int, float] = {}
    for i, (ranking, w) in enumerate(zip(rankings, weights, strict=True)):
        for rank, item in enumerate(ranking, start=1):
            scores[item] = scores.get(item, 0.0) + w * _factor(item_weights, i, item) / (k + rank)
    return scores


def convex(scored: Sequence[Sequence[tuple[int, float]]], weights: Sequence[float],
           item_weights: ItemWeights = None) -> dict[int, float]:
    """Weighted sum of min-max normalised scores; an id missing from a list gets 0 from it.

    Unlike RRF this keeps how far apart the scores are (Bruch et al., 2023), so a clear BM25 winner
    stays ahead of a crowd of near-equal cosines.
    """
    scores: dict[int, float] = {}
    for i, (items, w) in enumerate(zip(scored, weights, strict=True)):
        if not items or w == 0:
            continue
        values = [s for _, s in items]
        lo, hi = min(values), max(values)
        span = hi - lo
        for item, s in items:
            # A single candidate (or all equal) is simply the best this retriever has: full weight.
            norm = (s - lo) / span if span > 0 else 1.0
            scores[item] = scores.get(item, 0.0) + w * _factor(item_weights, i, item) * norm
    for items, _ in zip(scored, weights, strict=True):
        for item, _s in items:
            scores.setdefault(item, 0.0)
    return scores


def zscore(scored: Sequence[Sequence[tuple[int, float]]], weights: Sequence[float],
           item_weights: ItemWeights = None) -> dict[int, float]:
    """Weighted sum of z-normalised scores; an id missing from a list gets that list's lowest z.

    A retriever whose top hits stand out from its other candidates speaks louder than one whose
    scores are flat, per query, which min-max scaling hides.
    """
    scores: dict[int, float] = {}
    floors: list[tuple[float, set[int]]] = []
    for i, (items, w) in enumerate(zip(scored, weights, strict=True)):
        if not items or w == 0:
            continue
        values = [s for _, s in items]
        mean = sum(values) / len(values)
        std = (sum((v - mean) ** 2 for v in values) / len(values)) ** 0.5
        zs = {item: ((s - mean) / std if std > 0 else 0.0) * _factor(item_weights, i, item) for item, s in items}
        for item, z in zs.items():
            scores[item] = scores.get(item, 0.0) + w * z
        floors.append((w * min(zs.values()), set(zs)))
    for floor, present in floors:
        for item in scores:
            if item not in present:
                scores[item] += floor
    return scores
