"""What BM25 indexes for a chunk in a given language, and the query terms that match it.

The FTS5 table keeps its tokenizer (`porter unicode61 remove_diacritics 2`: case and accent folding,
Porter stemming) and its title/headings/text columns hold the text as written, so English is indexed
exactly as before and every word, in any language, matches itself. A fourth column, `stems`, holds the
shadow text: for a language with a Snowball stemmer (PyStemmer) the stems of its words ("canciones" ->
"cancion"), and for runs of CJK (and Thai, Lao, Khmer, Myanmar) characters, written without spaces,
their overlapping character pairs ("東京都" -> "東京 京都"). A query in a home holding such languages
also searches the stems column for its words' stems, and for its no-space runs as phrases of pairs.
Chosen by measurement on the Obsidian help vault in seven languages (docs/languages.md).
"""
from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

ENABLED = True
"""Stem non-English text with Snowball (switch for the bench comparing it with Porter alone)."""
SNOWBALL = {"ar": "arabic", "hy": "armenian", "eu": "basque", "ca": "catalan", "cs": "czech", "da": "danish",
            "nl": "dutch", "eo": "esperanto", "et": "estonian", "fi": "finnish", "fr": "french", "de": "german",
            "el": "greek", "hi": "hindi", "hu": "hungarian", "id": "indonesian", "ga": "irish", "it": "italian",
            "lt": "lithuanian", "ne": "nepali", "no": "norwegian", "fa": "persian", "pl": "polish",
            "pt": "portuguese", "ro": "romanian", "ru": "russian", "sr": "serbian", "es": "spanish",
            "sv": "swedish", "ta": "tamil", "tr": "turkish", "yi": "yiddish"}
"""ISO 639-1 -> PyStemmer algorithm. English is left to FTS5's own Porter stemmer."""
# Scripts written without spaces between words: CJK ideographs, kana, Hangul, Thai, Lao, Khmer, Myanmar.
_NO_SPACE = ("\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af\u1100-\u11ff"
             "\u0e00-\u0e7f\u0e80-\u0eff\u1780-\u17ff\u1000-\u109f")
_RUN = re.compile(f"[{_NO_SPACE}]+")
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_lock = threading.Lock()
_stemmers: dict[str, Any] = {}


def _stemmer(lang: str | None) -> Any | None:
    algo = SNOWBALL.get(lang or "") if ENABLED else None
    if algo is None:
        return None
    with _lock:
        if algo not in _stemmers:
            try:
                import Stemmer
            except ImportError:  # a declared dependency; without it text is indexed as English is
                return None
            _stemmers[algo] = Stemmer.Stemmer(algo)
        return _stemmers[algo]


def bigrams(run: str) -> list[str]:
    """Overlapping character pairs of a run written without spaces (a lone character stays itself)."""
    return [run] if len(run) < 2 else [run[i:i + 2] for i in range(len(run) - 1)]


def _split_runs(text: str) -> str:
    """Replace every no-space run by its character pairs, separated by spaces."""
    return _RUN.sub(lambda m: " " + " ".join(bigrams(m.group())) + " ", text)


def shadow_text(text: str, lang: str | None) -> str:
    """The `stems` column for text in `lang`: Snowball stems of its words (not for English, which FTS5's
    Porter stemmer already handles in the other columns) and character pairs of its no-space runs."""
    parts = []
    stemmer = _stemmer(lang)
    if stemmer is not None:
        words = [w.lower() for w in _WORD.findall(text) if not _RUN.fullmatch(w)]
        parts += stemmer.stemWords(words)
    for m in _RUN.finditer(text):
        parts += bigrams(m.group())
    return " ".join(parts)


def fts_row(title: str, headings: str, text: str, lang: str | None) -> tuple[str, str, str, str]:
    """The four FTS5 columns of a chunk: title, headings and text as written, and their shadow text."""
    return title, headings, text, shadow_text(f"{title}\n{headings}\n{text}", lang)


@lru_cache(maxsize=4096)
def stems(word: str, langs: tuple[str, ...]) -> tuple[str, ...]:
    """The word's Snowball stems in each of `langs` that has a stemmer (not the word itself)."""
    out = []
    for lang in langs:
        s = _stemmer(lang)
        if s is not None:
            out.append(s.stemWord(word.lower()))
    return tuple(dict.fromkeys(x for x in out if x))


def query_terms(terms: Iterable[str], langs: Iterable[str]) -> list[str]:
    """Query words plus their stems in the home's stemmed languages (each matches the stemmed index)."""
    langs = tuple(sorted(lang for lang in set(langs) if lang in SNOWBALL)) if ENABLED else ()
    out: list[str] = []
    for t in terms:
        out.append(t)
        if langs and not _RUN.search(t):
            out += stems(t, langs)
    return list(dict.fromkeys(out))


def cjk_phrases(query: str) -> list[list[str]]:
    """Each no-space run of a query as a phrase of its character pairs."""
    return [bigrams(m.group()) for m in _RUN.finditer(query)]
