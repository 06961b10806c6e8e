"""Retrieval for answering: search each sub-query, merge, de-duplicate, expand to sections, fit a budget."""
from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from memex.domain import Hit
from memex.embed.base import Embedder
from memex.retrieve.search import Filters, Searcher

HITS_PER_QUERY = 8
WIDE_HITS_PER_QUERY = 24
"""Aggregation questions ("how many", "list every") collect matches across many notes."""
EXTRA_PER_SUB_QUERY = 4
"""Each extra sub-query widens the merged context by this many chunks."""
EXPAND_TOP = 3
"""Only the best few hits pull in their neighbouring chunks (same section, adjacent ordinal)..."""
FRAGMENT_CHARS = 300
"""...and any hit this short: a section's opening lines that the chunker cut off from the list or table
after them, which is often what the question asks for ("Drove to Holyhead…" / "- Ferry: £312 return")."""
NOTE_OVERHEAD_TOKENS = 24
"""The <note n=.. path=.. date=..> wrapper around each chunk in a prompt."""
RRF_K = 60


@dataclass
class Context:
    """The chunks an answer may use, best first, with how they were found."""

    hits: list[Hit]
    per_query: dict[str, list[str]]
    """Sub-query -> chunk ids it retrieved (for --trace)."""
    expanded: list[str]
    """Chunk ids added as neighbours of a retrieved chunk."""
    dropped: list[str]
    """Chunk ids that did not fit the token budget."""
    tokens: int

    def to_dict(self) -> dict[str, Any]:
        """JSON form for --trace."""
        return {"per_query": self.per_query, "chunk_ids": [h.chunk_id for h in self.hits],
                "expanded": self.expanded, "dropped_for_budget": self.dropped, "tokens": self.tokens}


def count_tokens(embedder: Embedder | None, texts: Sequence[str]) -> list[int]:
    """Token counts from the embedder's tokenizer (close enough for chat models), else chars/4."""
    if embedder is not None and hasattr(embedder, "count_tokens_many"):
        try:
            return list(embedder.count_tokens_many(list(texts)))
        except Exception:  # noqa: BLE001 - a tokenizer hiccup must not stop an answer; estimate instead
            pass
    return [max(1, len(t) // 4) for t in texts]


def merge(rankings: Sequence[Sequence[Hit]], limit: int) -> list[Hit]:
    """Reciprocal-rank merge of several hit lists, one entry per chunk (first-seen Hit kept)."""
    score: dict[str, float] = {}
    first: dict[str, Hit] = {}
    for ranking in rankings:
        for rank, hit in enumerate(ranking):
            score[hit.chunk_id] = score.get(hit.chunk_id, 0.0) + 1.0 / (RRF_K + rank + 1)
            first.setdefault(hit.chunk_id, hit)
    order = sorted(score, key=lambda c: -score[c])
    return [first[c] for c in order[:limit]]


def neighbours(searcher: Searcher, hit: Hit) -> list[Hit]:
    """Chunks just before and after `hit` in the same document and the same section."""
    conn: sqlite3.Connection = searcher.conn
    row = conn.execute("SELECT doc_id, ordinal, heading_path FROM chunks WHERE id = ?",
                       (int(hit.chunk_id),)).fetchone()
    if row is None:
        return []
    ids = [int(r[0]) for r in conn.execute(
        "SELECT id FROM chunks WHERE doc_id = ? AND ordinal IN (?, ?) AND heading_path = ? ORDER BY ordinal",
        (row[0], row[1] - 1, row[1] + 1, row[2]))]
    details = {i: {"expanded_from": hit.chunk_id} for i in ids}
    return searcher.hits_for(ids, dict.fromkeys(ids, 0.0), details)


def retrieve(searcher: Searcher, sub_queries: Sequence[str], filters: Filters | None, budget_tokens: int,
             embedder: Embedder | None, expand: bool = True, wide: bool = False,
             window: Filters | None = None) -> Context:
    """Search every sub-query, merge and de-duplicate, add section neighbours, and pack into the budget.

    `window`: the question names dates ("in October 2026"); each sub-query is also searched among passages
    dated inside them (the dates their text carries), so a log's rows for that month are found even when
    they never say "October"."""
    rankings, per_query = [], {}
    per = WIDE_HITS_PER_QUERY if wide else HITS_PER_QUERY
    for q in sub_queries:
        hits = searcher.search(q, per, filters, explain=True).hits
        rankings.append(hits)
        per_query[q] = [h.chunk_id for h in hits]
        if window is not None:
            dated = searcher.search(q, per, window, explain=True).hits
            rankings.append(dated)
            per_query[f"{q} [{', '.join(window.describe())}]"] = [h.chunk_id for h in dated]
    limit = per + EXTRA_PER_SUB_QUERY * max(0, len(sub_queries) - 1)
    merged = merge(rankings, limit)
    ordered: list[Hit] = []
    expanded: list[str] = []
    seen = {h.chunk_id for h in merged}
    for i, hit in enumerate(merged):
        ordered.append(hit)
        if expand and (i < EXPAND_TOP or len(hit.text) < FRAGMENT_CHARS):
            for nb in neighbours(searcher, hit):
                if nb.chunk_id not in seen:  # same document: its filters hold
                    seen.add(nb.chunk_id)
                    ordered.append(nb)
                    expanded.append(nb.chunk_id)
    packed, dropped, used = _pack(ordered, budget_tokens, embedder)
    return Context(packed, per_query, expanded, dropped, used)


def _pack(ordered: list[Hit], budget_tokens: int, embedder: Embedder | None,
          used: int = 0) -> tuple[list[Hit], list[str], int]:
    sizes = count_tokens(embedder, [h.text for h in ordered])
    packed: list[Hit] = []
    dropped: list[str] = []
    for hit, n in zip(ordered, sizes, strict=True):
        cost = n + NOTE_OVERHEAD_TOKENS
        if used + cost > budget_tokens and (packed or used):
            dropped.append(hit.chunk_id)
            continue
        packed.append(hit)
        used += cost
    return packed, dropped, used


def add_hits(ctx: Context, rankings: Sequence[Sequence[Hit]], queries: Sequence[str], budget_tokens: int,
             embedder: Embedder | None) -> Context:
    """The context with the hits of further searches (a second hop) added after it, within the budget."""
    seen = {h.chunk_id for h in ctx.hits}
    new = [h for h in merge(rankings, sum(len(r) for r in rankings)) if h.chunk_id not in seen]
    packed, dropped, used = _pack(new, budget_tokens, embedder, ctx.tokens)
    per_query = dict(ctx.per_query)
    for q, r in zip(queries, rankings, strict=True):
        per_query[q] = [h.chunk_id for h in r]
    return Context([*ctx.hits, *packed], per_query, ctx.expanded, ctx.dropped + dropped, used)


def hit_dict(hit: Hit) -> dict[str, Any]:
    """A compact hit for traces and abstentions (no scores noise)."""
    d = hit.to_dict()
    d["date"] = (hit.explain or {}).get("note_date")
    d.pop("explain", None)
    return d
