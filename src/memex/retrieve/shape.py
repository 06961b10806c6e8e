"""Query shape: long, multi-part questions are searched differently from short ones.

A 40-word question ("Which company, reported by TechCrunch for X and by The Verge for Y, ...") names
several things at once. MiniLM turns it into one mean-pooled vector, a blur of all its parts, while
BM25 still scores each term; so for long queries Memex adds a bonus for query word pairs that appear
side by side in a chunk (names, terms of art) and compares chunks with each clause's own vector as well
as the whole question's. When such a question is full of names, dates and numbers (which a small
embedding model knows little about, and keywords match exactly) it also leans on BM25; a long question
in plain descriptive prose keeps the normal weights. Short queries are untouched. Fitted on the dev
splits (SciFact train, MultiHop-RAG first 500): docs/benchmarks.md.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from memex.config import Settings
from memex.retrieve.query import STOPWORDS, WORD

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
    name_share: float
    """Share of the content words that are names, dates or numbers (capitalised mid-sentence, or digits)."""
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
                "name_share": round(self.name_share, 3),
                "bm25_weight": round(self.bm25_weight, 3), "dense_weight": round(self.dense_weight, 3),
                "phrase_pairs": self.pairs if self.phrase_weight > 0 else [],
                "clauses": self.clauses if self.clause_weight > 0 else []}


def word_pairs(query: str) -> list[str]:
    """Adjacent content-word pairs of the query, as FTS5 phrases ('"travis kelce"')."""
    words = [w.lower() for w in WORD.findall(query)]
    pairs = [f'"{a} {b}"' for a, b in zip(words, words[1:], strict=False) if a not in STOPWORDS and b not in STOPWORDS]
    return list(dict.fromkeys(pairs))


def name_share(query: str) -> float:
    """Share of the query's content words that are names, dates or numbers."""
    tokens = query.split()
    names = content = 0
    for i, token in enumerate(tokens):
        word = token.strip(".,;:!?()[]{}\"'“”‘’")
        if not word or word.lower() in STOPWORDS:
            continue
        content += 1
        sentence_start = i == 0 or tokens[i - 1].endswith((".", "?", "!", ":"))
        if (word[0].isupper() and not sentence_start) or any(ch.isdigit() for ch in word):
            names += 1
    return names / content if content else 0.0


def clauses(query: str) -> list[str]:
    """The query's clauses with enough content words of their own (none if fewer than two)."""
    parts = [p.strip() for p in _CLAUSE_BREAK.split(query)]
    keep = [p for p in parts
            if sum(1 for w in WORD.findall(p) if w.lower() not in STOPWORDS) >= MIN_CLAUSE_TERMS]
    return keep if len(keep) >= 2 else []


def query_shape(query: str, settings: Settings) -> QueryShape:
    """Fusion weights and extra signals for `query` under `settings`."""
    st = settings
    words = len(query.split())
    lo, hi = st.long_query_words, max(st.long_query_full_words, st.long_query_words + 1)
    share = min(1.0, max(0.0, (words - lo) / (hi - lo)))
    names = name_share(query) if share > 0 else 0.0
    n_lo, n_hi = st.long_query_names_from, max(st.long_query_names_full, st.long_query_names_from + 1e-6)
    lean = share * min(1.0, max(0.0, (names - n_lo) / (n_hi - n_lo)))
    wb, wd = st.bm25_weight, st.dense_weight
    if lean > 0 and wb > 0 and wd > 0:
        # Keep the total weight; move BM25's share of it towards long_query_bm25_share.
        total = wb + wd
        a = wb / total + (st.long_query_bm25_share - wb / total) * lean
        wb, wd = a * total, (1 - a) * total
    phrase = st.phrase_weight * share if wb > 0 else 0.0
    clause = st.clause_weight * share if wd > 0 else 0.0
    return QueryShape(words=words, long_share=share, name_share=names, bm25_weight=wb, dense_weight=wd,
                      phrase_weight=phrase, clause_weight=clause,
                      pairs=word_pairs(query) if phrase > 0 else [],
                      clauses=clauses(query) if clause > 0 else [])
