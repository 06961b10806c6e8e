"""Query-adaptive fusion weight: lean on the dense side when the best keyword match shares few query words.

Convex fusion min-max normalises each retriever's scores, so BM25's best passage always scores 1.0 on
its side, even when it holds only one of the question's rarer words. That is what a paraphrased question
looks like ("Who was my instructor when I took up campanology?" against notes about bell ringing): the
best BM25 passage covers a quarter of the question's weight, while a question asked in the notes' own
words is mostly covered (dev vaults: paraphrase questions 0.31-0.50 on average, single-fact 0.81-0.85).
Coverage = the idf-weighted share of the query's terms found in the top BM25 passage; below
`overlap_high` the BM25 share of the fusion weight moves linearly towards `overlap_bm25_share`, reached
at `overlap_low`. Long multi-part questions (retrieve/shape.py), whose words are spread over several
passages by design, are left alone in proportion to how long they are.
Fitted on the dev vaults and dev splits: docs/benchmarks.md ("Query-adaptive fusion weight").
"""
from __future__ import annotations

import math
import sqlite3
from dataclasses import dataclass

DF_CAP = 0.05
"""Document frequencies are counted up to this share of the chunks (idf barely moves past it; bounded cost)."""


@dataclass(frozen=True)
class Overlap:
    """How much of the query the best keyword match holds, and the BM25 share it leads to."""

    coverage: float
    bm25_share: float

    def describe(self) -> dict[str, float]:
        return {"coverage": round(self.coverage, 3), "bm25_share": round(self.bm25_share, 3)}


def _count(conn: sqlite3.Connection, sql: str, args: tuple[object, ...]) -> int:
    try:
        return int(conn.execute(sql, args).fetchone()[0])
    except sqlite3.OperationalError:
        return 0


def coverage(conn: sqlite3.Connection, terms: list[str], chunk: int, n_chunks: int) -> float:
    """The idf-weighted share of `terms` (FTS5 tokens) that the chunk's title, headings or text hold."""
    terms = list(dict.fromkeys(terms))
    if not terms or n_chunks <= 0:
        return 1.0
    cap = max(50, int(DF_CAP * n_chunks))
    got = total = 0.0
    for t in terms:
        q = '"' + t.replace('"', '""') + '"'
        df = _count(conn, "SELECT count(*) FROM (SELECT 1 FROM chunks_fts WHERE chunks_fts MATCH ? LIMIT ?)",
                    (q, cap))
        idf = math.log(1 + (n_chunks - df + 0.5) / (df + 0.5))
        total += idf
        if _count(conn, "SELECT count(*) FROM chunks_fts WHERE chunks_fts MATCH ? AND rowid = ?", (q, chunk)):
            got += idf
    return got / total if total > 0 else 1.0


def adapted_share(share: float, cover: float, low: float, high: float, target: float,
                  long_share: float = 0.0) -> float:
    """BM25's share of the fusion weight for a query whose best keyword match has coverage `cover`."""
    if target >= share or high <= low:
        return share
    lean = min(1.0, max(0.0, (high - cover) / (high - low))) * (1.0 - long_share)
    return share + (target - share) * lean
