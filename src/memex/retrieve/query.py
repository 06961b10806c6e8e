"""Turn a user's query into an FTS5 expression: safe quoting, phrases, codes and stopwords."""
from __future__ import annotations

import re
from dataclasses import dataclass

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

    def fts(self) -> str | None:
        """An FTS5 MATCH expression that ranks any-term matches (None if nothing searchable)."""
        parts = ['"' + " ".join(p) + '"' for p in self.phrases]  # FTS5 phrase: tokens in order
        parts += [f'"{t}"' for t in self.terms]
        return " OR ".join(dict.fromkeys(parts)) or None


def with_languages(parsed: ParsedQuery, query: str, langs: set[str]) -> ParsedQuery:
    """Add the stems the index holds for text in `langs`, and CJK runs as phrases of character pairs.

    A home of English notes (or a query without such text) gets the query back unchanged.
    """
    from memex.language import analyzer

    phrases = list(parsed.phrases)
    runs = analyzer.cjk_phrases(query)
    terms = [t for t in parsed.terms if not analyzer.cjk_phrases(t)] if runs else list(parsed.terms)
    stemmed = {lang for lang in langs if lang in analyzer.SNOWBALL}
    if not runs and not stemmed:
        return parsed
    terms = analyzer.query_terms(terms, stemmed)
    for p in parsed.phrases:
        for lang in sorted(stemmed):
            variant = [analyzer.stems(w, (lang,))[0] if analyzer.stems(w, (lang,)) else w for w in p]
            if variant != p:
                phrases.append(variant)
    for run in runs:
        if len(run) > 1:
            phrases.append(run)
        else:
            terms += run
    return ParsedQuery(terms=list(dict.fromkeys(terms)), phrases=phrases)


def parse_query(query: str) -> ParsedQuery:
    """Split a query into BM25 terms (stopwords dropped unless nothing else is left) and phrases."""
    phrases = [WORD.findall(m.lower()) for m in _PHRASE.findall(query)]
    phrases += [WORD.findall(m.lower()) for m in _CODE.findall(query)]
    words = [w.lower() for w in WORD.findall(query)]
    terms = [w for w in words if w not in STOPWORDS]
    if not terms:
        terms = words
    return ParsedQuery(terms=list(dict.fromkeys(terms)), phrases=[p for p in phrases if len(p) > 1])
