"""Turn a user's query into an FTS5 expression: safe quoting, phrases, codes and stopwords."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

STOPWORDS = frozenset("""a an and are as at be been but by can could did do does for from had has have how i if in
into is it its me my no not of on or our she he so than that the their them then there these they this to was
we were what when where which who whom why will with would you your about after before does did should shall
may might must also any all each other some such only own same too very just""".split())

_PHRASE = re.compile(r'"([^"]+)"')
WORD = re.compile(r"\w+", re.UNICODE)
"""A word token, as the BM25 query and the query-shape rules count them."""
# Identifiers like INV-2024-0042, v2.3.1, ISO-8601, user_id: kept together as an FTS phrase.
_CODE = re.compile(r"\b\w+(?:[-_./:]\w+)+\b", re.UNICODE)


@dataclass(frozen=True)
class ParsedQuery:
    """The pieces of a query that lexical search uses."""

    terms: list[str]
    phrases: list[list[str]]
    """Quoted phrases and codes, each as its word tokens: they must match in order."""
    shadow: list[list[str]] = field(default_factory=list)
    """Stems and character-pair phrases searched in the `stems` column only (memex.language.analyzer)."""

    def fts(self) -> str | None:
        """An FTS5 MATCH expression that ranks any-term matches (None if nothing searchable)."""
        parts = ['"' + " ".join(p) + '"' for p in self.phrases]  # FTS5 phrase: tokens in order
        parts += [f'"{t}"' for t in self.terms]
        parts += ['stems : "' + " ".join(p) + '"' for p in self.shadow]
        return " OR ".join(dict.fromkeys(parts)) or None


def with_languages(parsed: ParsedQuery, query: str, langs: set[str]) -> ParsedQuery:
    """Add what the `stems` column holds for this query: its words' stems in `langs`, its CJK runs as pairs.

    A query over a home of English notes (without CJK text) comes back unchanged.
    """
    from memex.language import analyzer

    runs = [p for p in analyzer.cjk_phrases(query)]
    stemmed = sorted(lang for lang in langs if lang in analyzer.SNOWBALL)
    if not runs and not stemmed:
        return parsed
    shadow: list[list[str]] = []
    for t in parsed.terms:
        if not analyzer.cjk_phrases(t):
            shadow += [[s] for s in analyzer.stems(t, tuple(stemmed))]
    for p in parsed.phrases:
        for lang in stemmed:
            variant = [next(iter(analyzer.stems(w, (lang,))), w) for w in p]
            shadow.append(variant)
    shadow += runs
    unique = list(dict.fromkeys(tuple(x) for x in shadow if x))
    return ParsedQuery(terms=parsed.terms, phrases=parsed.phrases, shadow=[list(x) for x in unique])


def parse_query(query: str) -> ParsedQuery:
    """Split a query into BM25 terms (stopwords dropped unless nothing else is left) and phrases."""
    phrases = [WORD.findall(m.lower()) for m in _PHRASE.findall(query)]
    phrases += [WORD.findall(m.lower()) for m in _CODE.findall(query)]
    words = [w.lower() for w in WORD.findall(query)]
    terms = [w for w in words if w not in STOPWORDS]
    if not terms:
        terms = words
    return ParsedQuery(terms=list(dict.fromkeys(terms)), phrases=[p for p in phrases if len(p) > 1])
