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
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import lru_cache

from memex.language.detect import UNDETERMINED, detect_query
from memex.language.fold import fold as _fold
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


# ---- function words: searched as written, not through their stems ---------------------------------------------
# A question's articles, prepositions, pronouns and question words ("¿Cómo cambio dónde se guardan…?") match
# nearly every passage. English drops its own from BM25 (retrieve/query.STOPWORDS); dropping them outright in
# other languages cost recall (the Snowball lists hold content words too: "otra bóveda"). What they must not do
# is count through the stems column, which weighs STEMS_WEIGHT times the others: there "dónde" / "se" / "mi"
# outscored the question's topic. So they stay BM25 terms in the title / headings / text columns and get no stem.
# Closed-class words only (grammar, not topic), for every language Snowball stems that a question may be in.
FUNCTION_WORDS = {
    "es": """el la los las lo un una unos unas al del de a en con por para sin sobre entre hasta desde hacia tras
        y e o u ni pero sino que qué cómo como cuál cuáles cuándo cuando dónde donde adónde quién quiénes cuánto
        cuánta cuántos cuántas porqué porque si mi mis tu tus su sus nuestro nuestra nuestros nuestras vuestro
        vuestra me te se nos os le les yo tú él ella ellos ellas usted ustedes este esta estos estas ese esa esos
        esas aquel aquella esto eso es son ser está están estar hay era fue puedo puede pueden debo debe hacer hago
        muy ya también""",
    "fr": """le la les l un une des du de d au aux à en dans par pour sur sous avec sans entre vers chez et ou ni
        mais que qu quoi qui quel quelle quels quelles comment où quand combien pourquoi si mon ma mes ton ta tes
        son sa ses notre nos votre vos leur leurs je tu il elle on nous vous ils elles me te se ce cet cette ces
        ceci cela ça est sont être a ont avoir peux peut peuvent dois doit faire fais très aussi ne pas y""",
    "pt": """o a os as um uma uns umas ao aos à às do da dos das de em no na nos nas num numa por pelo pela pelos
        pelas para com sem sobre entre até desde e ou nem mas que quê como qual quais quando onde quem quanto
        quanta quantos quantas porque porquê se meu minha meus minhas teu tua seu sua seus suas nosso nossa nossos
        nossas me te nos lhe lhes eu tu ele ela eles elas você vocês este esta estes estas esse essa esses essas
        isto isso é são ser está estão estar há posso pode podem devo deve fazer faço muito já também""",
    "it": """il lo la i gli le l un uno una al allo alla ai agli alle del dello della dei degli delle di a da in
        con su per tra fra nel nello nella nei negli nelle dal dalla dai dagli dalle sul sulla sui e ed o ma né che
        cosa come quale quali quando dove chi quanto quanta quanti quante perché se mio mia miei mie tuo tua suo
        sua suoi sue nostro nostra nostri nostre mi ti si ci vi io tu lui lei noi voi loro questo questa questi
        queste quello quella è sono essere sta stanno posso può possono devo deve fare faccio molto già anche""",
    "de": """der die das den dem des ein eine einen einem einer eines zu zum zur von vom mit bei beim aus in im an
        am auf für über unter nach vor ohne durch um und oder aber sondern dass was wie wo wann warum wer wen wem
        welche welcher welches wieso weshalb wohin woher ob mein meine meinen meinem meiner dein deine sein seine
        ihr ihre unser unsere euer ich du er sie es wir man mich dich sich uns mir dir dies diese dieser dieses ist
        sind war kann können muss müssen soll machen mache sehr auch schon""",
    "nl": """de het een den der des van in op aan met voor bij uit naar over onder door zonder tot om en of maar dat
        wat hoe waar wanneer waarom wie welk welke hoeveel als mijn jouw je uw zijn haar ons onze hun ik jij hij
        zij ze wij we u men me mij zich dit deze die is was kan kunnen moet moeten zal doen heel ook al er""",
}
"""Per language (ISO 639-1; Brazilian and European Portuguese share "pt"): the words whose stems are not searched.
English has its list in retrieve/query.STOPWORDS, dropped from every column."""


@lru_cache(maxsize=None)
def function_words(lang: str) -> frozenset[str]:
    """`lang`'s function words, case and accents folded (empty for a language without a list)."""
    return frozenset(_fold(w) for w in FUNCTION_WORDS.get(lang.split("-")[0], "").split())


def stemmed_part(parsed: ParsedQuery, lang: str | None) -> ParsedQuery:
    """The query without its function words, for building the `stems` column's terms (non-English questions).

    An English question, one of undetermined language or one made only of function words comes back unchanged.
    """
    if lang is None or lang in (ENGLISH, UNDETERMINED):
        return parsed
    words = function_words(lang)
    keep = [t for t in parsed.terms if _fold(t) not in words]
    return replace(parsed, terms=keep) if keep and len(keep) < len(parsed.terms) else parsed


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
