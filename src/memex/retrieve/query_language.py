"""Across languages, the dense side carries the ranking: fusion weights by the query's and the chunk's language.

An English question over Spanish notes shares few words with them: BM25 matches names, numbers and
accidents ("a", "me", "son"), while the multilingual embedder reads both languages. So, once the query's
language is known, a chunk written in another (known) language gets its BM25 score times CROSS_BM25 and
its dense score times CROSS_DENSE (0.75 and 1.25: the same total weight at e5's 0.5 : 0.5, a quarter moved to the dense
side). These multiply the coverage factors (retrieve/coverage.py), so a dense side that doesn't read the
chunk's language stays at 0. Measured on the translated Obsidian-help questions and the Spanish personal
vault (docs/languages.md). A home of English notes never gets here: no detection, the same fusion as before.
"""
from __future__ import annotations

import re
import sqlite3
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import lru_cache

from memex.language.detect import UNDETERMINED, detect_query
from memex.retrieve.query import ParsedQuery

ENGLISH = "en"
CROSS_BM25 = 0.75
"""BM25's weight on a chunk whose language differs from the query's (dev sets: docs/languages.md)."""
CROSS_DENSE = 1.25
"""The dense side's weight on such a chunk (times its coverage: 0 where the embedder doesn't read it)."""
STEMS_WEIGHT = 3.0
"""BM25 weight of the `stems` column for a question in a language Snowball stems (the other columns: 1.0).
Its words' stems are what matches across forms ("recupero" / "recuperar"); fitted on the dev half of the
translated Obsidian-help questions (docs/languages.md). An English question keeps 1.0: its words' Spanish stems
in a Spanish home are accidents."""


def query_language(query: str, langs: set[str]) -> str | None:
    """The query's language among the home's (plus English); None for a home of English notes only."""
    if not langs - {ENGLISH}:
        return None
    return detect_query(query, langs | {ENGLISH}).lang


def cross_factors(conn: sqlite3.Connection, lang: str | None, ids: Sequence[int],
                  factor: float) -> dict[int, float] | None:
    """`factor` for each chunk among `ids` written in another (known) language than the query's."""
    if not lang or lang == UNDETERMINED or factor == 1.0 or not ids:
        return None
    out: dict[int, float] = {}
    for i in range(0, len(ids), 500):
        part = list(ids[i:i + 500])
        for cid, chunk_lang in conn.execute(
                f"SELECT id, lang FROM chunks WHERE id IN ({','.join('?' * len(part))})", part):
            if chunk_lang and chunk_lang not in (UNDETERMINED, lang):
                out[cid] = factor
    return out or None


ItemWeights = list[dict[int, float] | None]


def cross_item_weights(conn: sqlite3.Connection, lang: str | None, lex: Sequence[tuple[int, float]],
                       den: Sequence[tuple[int, float]], per_item: ItemWeights | None) -> ItemWeights | None:
    """Fusion's per-item weights ([BM25, dense]) with the cross-language factors folded in."""
    if lang is None:
        return per_item  # a home of English notes: unchanged
    b = cross_factors(conn, lang, [c for c, _ in lex], CROSS_BM25)
    d = cross_factors(conn, lang, [c for c, _ in den], CROSS_DENSE)
    if b is None and d is None:
        return per_item
    out: ItemWeights = list(per_item) if per_item is not None else [None, None]
    for i, extra in ((0, b), (1, d)):
        if extra:
            base = out[i] or {}
            out[i] = {**base, **{c: base.get(c, 1.0) * f for c, f in extra.items()}}
    return out


# ---- the query's own words, read in its language -------------------------------------------------------------
# French, Italian and Catalan elide articles, prepositions and pronouns before a vowel: "qu'est-ce", "d'une",
# "l'autre", "dell'archivio". Split at the apostrophe, the clitic becomes a BM25 term of its own ("qu", "d",
# "l", "dell") that matches nearly every passage; and inverted questions ("est-ce", "peut-il", "a-t-il") were
# read as codes that must match as phrases. Neither says anything about the topic.
_ELIDED = re.compile(r"(?<![\w'’])(\w{1,4}|\w*qu)['’](?=\w)", re.UNICODE)


def _fold(text: str) -> str:
    text = text.lower().replace("ß", "ss")
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


@lru_cache(maxsize=None)
def stopwords(lang: str) -> frozenset[str]:
    """The Snowball stop words of `lang`, case and accents folded (empty for a language without a list)."""
    from memex.language.stopwords import STOPWORDS  # generated data (Snowball's lists), no imports

    return frozenset(_fold(w) for w in STOPWORDS.get(lang, "").split())


def native_terms(parsed: ParsedQuery, query: str, lang: str | None) -> ParsedQuery:
    """The query's BM25 terms without elided clitics, and without inverted-question "codes" (non-English only).

    An English query (or one of undetermined language) comes back unchanged. Other stop words stay: dropping
    the Snowball lists' words from BM25 cost Spanish and German questions (docs/languages.md).
    """
    if lang is None or lang in (ENGLISH, UNDETERMINED):
        return parsed
    elided = {_fold(m) for m in _ELIDED.findall(query)}
    stop = stopwords(lang)
    terms = [t for t in parsed.terms if _fold(t) not in elided]
    phrases = [p for p in parsed.phrases
               if not (all(w.isalpha() for w in p) and any(_fold(w) in stop or _fold(w) in elided for w in p))]
    if terms == parsed.terms and phrases == parsed.phrases:
        return parsed
    return replace(parsed, terms=terms or parsed.terms, phrases=phrases)


def stems_weight(lang: str | None) -> float:
    """The `stems` column's BM25 weight for a question in `lang` (1.0 unless Snowball stems that language)."""
    from memex.language.analyzer import SNOWBALL

    return STEMS_WEIGHT if lang is not None and lang != ENGLISH and lang in SNOWBALL else 1.0


# ---- words typed without their accents ----------------------------------------------------------------------
# People often type queries without accents ("configuracoes", "informacao", "pestanas"). FTS5 folds accents, so
# most words still match; but a Snowball stemmer recognises a suffix only with its accents: Portuguese
# "informação" -> "inform", "informacao" -> "informaca", so the stems column never matches. For a bare-ASCII word
# of the query's language, try the accents that language writes on the word's last letters; when one of them lets
# the stemmer strip a longer suffix, that shorter stem is searched too.
_ACCENTS = {"a": "áàâã", "e": "éèêë", "i": "íîï", "o": "óôõ", "u": "úûü", "c": "ç", "n": "ñ"}
TAIL = 6
"""How many final letters may carry a missing accent (suffixes: -ção, -ções, -ción, -ència...)."""


@lru_cache(maxsize=4096)
def accent_stem(word: str, lang: str) -> str | None:
    """The stem of `word` with one or two missing accents restored in its tail, where that strips more; else None."""
    from memex.language.analyzer import SNOWBALL, stems

    if lang not in SNOWBALL or not word.isascii() or not word.isalpha() or len(word) < 5:
        return None
    plain = next(iter(stems(word, (lang,))), word)
    head, tail = word[:-TAIL], word[-TAIL:]
    spots = [i for i, ch in enumerate(tail) if ch in _ACCENTS]
    variants: set[str] = set()
    for a, i in enumerate(spots):
        for ai in _ACCENTS[tail[i]]:
            one = tail[:i] + ai + tail[i + 1:]
            variants.add(one)
            for j in spots[a + 1:]:
                for aj in _ACCENTS[tail[j]]:
                    variants.add(one[:j] + aj + one[j + 1:])
    best = plain
    for v in sorted(variants):
        s = _fold(next(iter(stems(head + v, (lang,))), ""))
        if s and len(s) < len(best) - 1 and _fold(plain).startswith(s):
            best = s
    return best if best != plain else None


def accent_terms(parsed: ParsedQuery, lang: str | None, indexed: Callable[[str], bool]) -> ParsedQuery:
    """Add the stems of the query's words with their missing accents restored (non-English, stemmed languages).

    Only for a word whose own stem is nowhere in the index (`indexed`: does the stems column hold it?) and whose
    restored stem is: a word written as the notes write it ("recupero", "tastiera") keeps its own stem alone.
    """
    if lang is None or lang in (ENGLISH, UNDETERMINED):
        return parsed
    from memex.language.analyzer import stems

    known = {tuple(x) for x in parsed.shadow}
    extra: list[list[str]] = []
    for t in parsed.terms:
        s = accent_stem(t, lang)
        if s and (s,) not in known and indexed(s) and not indexed(_fold(next(iter(stems(t, (lang,))), t))):
            extra.append([s])
            known.add((s,))
    return replace(parsed, shadow=[*parsed.shadow, *extra]) if extra else parsed
