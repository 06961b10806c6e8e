"""Query shape: long, multi-part questions are searched differently from short ones.

A 40-word question ("Which company, reported by TechCrunch for X and by The Verge for Y, ...") names
several things at once. MiniLM turns it into one mean-pooled vector, a blur of all its parts, while
BM25 still scores each term; so for long queries Memex leans on BM25, adds a bonus for query word
pairs that appear side by side in a chunk (names, terms of art), and compares chunks with each clause's
own vector as well as the whole question's. Short queries are untouched. Fitted on the dev splits
(SciFact train, MultiHop-RAG first 500): docs/benchmarks.md.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from memex.config import Settings
from memex.retrieve.query import STOPWORDS

_WORD = re.compile(r"\w+", re.UNICODE)
# Clause boundaries of a natural-language question: punctuation and the conjunctions that join its parts.
_CLAUSE_BREAK = re.compile(r"[,;:?()]|\b(?:and|while|but|whereas|although|whether)\b", re.IGNORECASE)
MIN_CLAUSE_TERMS = 3
"""A clause needs this many content words to get a vector of its own."""


@dataclass(frozen=True)
class QueryShape:
    """What the search does differently for this query, and why (shown by --explain)."""

    words: int
    long_share: float
    """0 for a short query, 1 for one of long_query_full_words or more, linear in between."""
    bm25_weight: float
    dense_weight: float
    phrase_weight: float
    """Share of the phrase-pair BM25 score added to a chunk's BM25 score."""
    clause_weight: float
    """Share of the best clause cosine in a chunk's dense score."""
    pairs: list[str] = field(default_factory=list)
    clauses: list[str] = field(default_factory=list)

    def describe(self) -> dict[str, object]:
        """A JSON-able summary for explain output."""
        return {"words": self.words, "long_share": round(self.long_share, 3),
                "bm25_weight": round(self.bm25_weight, 3), "dense_weight": round(self.dense_weight, 3),
                "phrase_pairs": self.pairs if self.phrase_weight > 0 else [],
                "clauses": self.clauses if self.clause_weight > 0 else []}


def word_pairs(query: str) -> list[str]:
    """Adjacent content-word pairs of the query, as FTS5 phrases ('"travis kelce"')."""
    words = [w.lower() for w in _WORD.findall(query)]
    pairs = [f'"{a} {b}"' for a, b in zip(words, words[1:], strict=False) if a not in STOPWORDS and b not in STOPWORDS]
    return list(dict.fromkeys(pairs))


def clauses(query: str) -> list[str]:
    """The query's clauses with enough content words of their own (none if fewer than two)."""
    parts = [p.strip() for p in _CLAUSE_BREAK.split(query)]
    keep = [p for p in parts
            if sum(1 for w in _WORD.findall(p) if w.lower() not in STOPWORDS) >= MIN_CLAUSE_TERMS]
    return keep if len(keep) >= 2 else []


def query_shape(query: str, settings: Settings) -> QueryShape:
    """Fusion weights and extra signals for `query` under `settings`."""
    st = settings
    words = len(query.split())
    lo, hi = st.long_query_words, max(st.long_query_full_words, st.long_query_words + 1)
    share = min(1.0, max(0.0, (words - lo) / (hi - lo)))
    wb, wd = st.bm25_weight, st.dense_weight
    if share > 0 and wb > 0 and wd > 0:
        # Keep the total weight; move BM25's share of it towards long_query_bm25_share.
        total = wb + wd
        a = wb / total + (st.long_query_bm25_share - wb / total) * share
        wb, wd = a * total, (1 - a) * total
    phrase = st.phrase_weight * share if wb > 0 else 0.0
    clause = st.clause_weight * share if wd > 0 else 0.0
    return QueryShape(words=words, long_share=share, bm25_weight=wb, dense_weight=wd,
                      phrase_weight=phrase, clause_weight=clause,
                      pairs=word_pairs(query) if phrase > 0 else [],
                      clauses=clauses(query) if clause > 0 else [])
