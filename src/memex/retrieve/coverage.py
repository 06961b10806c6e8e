"""Language-aware fusion: the dense side counts only where the embedder reads the language.

MiniLM knows English only: on Spanish notes its cosine ranking is close to noise, and fused with BM25
it ranked worse than BM25 alone (docs/languages.md). So before fusion each dense candidate's weight
is multiplied by the embedder's coverage of the chunk's language, and a query in a language the
embedder doesn't read drops the dense side altogether. While a home switches to the multilingual
embedder, and for languages no bundled model covers, search is then never worse than BM25 alone.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass

from memex.embed.coverage import coverage, languages_of
from memex.language.detect import UNDETERMINED, detect_query
from memex.store.stamped import PerConnection


@dataclass(frozen=True)
class DenseCoverage:
    """How far dense scores are trusted for one query."""

    conn: sqlite3.Connection
    embedder_id: str
    query_lang: str
    query_factor: float

    def chunk_factors(self, dense: Sequence[tuple[int, float]]) -> dict[int, float]:
        """Coverage of each dense candidate's language (1.0 where it is read, 0.0 where not)."""
        ids = [c for c, _ in dense]
        out: dict[int, float] = {}
        for i in range(0, len(ids), 500):
            part = ids[i:i + 500]
            for cid, lang in self.conn.execute(
                    f"SELECT id, lang FROM chunks WHERE id IN ({','.join('?' * len(part))})", part):
                f = coverage(self.embedder_id, lang)
                if f != 1.0:
                    out[cid] = f * self.query_factor
        return out


MIN_SHARE = 0.01
"""A language counts as one of the home's when at least this share of its notes (and two of them) are in it:
one stray note (a translated article among 609 English ones) must not change how every query is searched."""


def _home_languages(conn: sqlite3.Connection) -> frozenset[str]:
    rows = conn.execute("SELECT lang, count(*) FROM documents WHERE lang IS NOT NULL GROUP BY lang").fetchall()
    total = sum(n for _, n in rows)
    return frozenset(lang for lang, n in rows if lang != UNDETERMINED and n >= 2 and n >= MIN_SHARE * total)


_languages = PerConnection(_home_languages)


def home_languages(conn: sqlite3.Connection) -> set[str]:
    """Languages the notes of this home are written in (undetermined and stray ones left out).

    Cached per connection until the database changes (store/stamped.py), so a search pays no GROUP BY.
    """
    return set(_languages.get(conn))


def dense_coverage(conn: sqlite3.Connection, embedder_id: str, query: str,
                   langs: set[str] | None = None) -> DenseCoverage | None:
    """None when the embedder reads every language of the home (nothing to weigh: the usual case)."""
    covered = languages_of(embedder_id)
    if covered is None:
        return None
    langs = home_languages(conn) if langs is None else langs
    if langs <= covered:
        return None
    q = detect_query(query, langs | {"en"})
    return DenseCoverage(conn, embedder_id, q.lang, coverage(embedder_id, q.lang))
