"""Questions worded otherwise than the notes: what lets a paraphrased question still meet its answer.

- **Acronyms.** People's notes abbreviate what a question spells out: "FG 1.004" in a brew log answers "What
  final gravity did the saison end at?", "the REB" is the relocatable equipment building. A statement's
  upper-case acronym whose letters are the initials of consecutive words of the question counts as holding
  those words (and a question's acronym spelled out in a statement counts as the acronym), in the word
  coverage that ranks statements and that the support score reads (agents/extractive.features).
- **Derived words.** "a plant pot" and "Planter": a question word of 5+ letters that the statement holds with
  an ending of at most 4 letters added or dropped counts half a word (not a compound: "stall" is not
  "stallholder"; only half, and only in the statement, not its subject: "large audio files" and a note called
  "Hosting large files" are not quite "the largest file").
- **Numbers as words or digits.** "By the fifth week" meets "By week 5": a number word, an ordinal ("fifth",
  "5th") and a figure of the same value count as one word.
- **Related words.** "my motor" and "the car", "warmth the house loses" and "heat loss", "outdoor plumbing" and
  "the outside pipes": a question word the statement does not hold in any form counts half a word where a word
  of the statement (or its subject) stands close to it for the bundled embedder, each word embedded alone
  (`related_terms`). Read for the best-scored statements only, and only with an embedder whose single-word
  cosines were calibrated (`RELATED_MIN`).
"""
from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from memex.agents import initials
from memex.embed.base import Embedder
from memex.retrieve.query import STOPWORDS, WORD

ACRONYM = re.compile(r"(?<![\w-])([A-Z]{2,6})s?(?![\w-])")
"""An upper-case acronym as notes write it ("FG", "REB", "LBTT"; "REBs")."""


def words_in_order(text: str) -> list[str]:
    """The text's content words, lower-cased, in order (initials of stop words are not read: "Bank of England"
    is "BE", rarely "BOE", in personal notes)."""
    return [w for w in (x.lower() for x in WORD.findall(text)) if w not in STOPWORDS and not w.isdigit()]


def acronyms(text: str) -> set[str]:
    """The upper-case acronyms a text uses, lower-cased."""
    return {m.group(1).lower() for m in ACRONYM.finditer(text) if m.group(1) not in initials.NOT_INITIALISMS}


def spelled(acronym: str, words: Sequence[str]) -> list[int]:
    """Where the consecutive words' initials spell the acronym (start indexes)."""
    n = len(acronym)
    return [i for i in range(len(words) - n + 1)
            if all(words[i + k][0] == acronym[k] for k in range(n))]


@dataclass(frozen=True)
class Wording:
    """What one question offers to match in other forms, read once per question."""

    words: tuple[str, ...]
    """Its content words in order (for initials)."""
    own: frozenset[str]
    """Its own acronyms of 3+ letters (two letters are spelled out by chance too often)."""
    numbers: dict[int, frozenset[str]]
    """Value -> the question's terms that name it ("fifth" -> 5)."""


@functools.lru_cache(maxsize=256)
def _spelled_out(question: str) -> dict[str, str]:
    """agents/initials.spelled_out, once per question (every statement is matched against it)."""
    return initials.spelled_out(question)


@functools.lru_cache(maxsize=256)
def wording(question: str, stem: Callable[[str], str]) -> Wording:
    """The question's words, acronyms and numbers (cached: every statement is matched against them)."""
    numbers: dict[int, set[str]] = {}
    for w in counted_words(question):
        v = number_value(w)
        if v is not None:
            numbers.setdefault(v, set()).add(w if _FIGURE.match(w) else stem(w.lower()))
    return Wording(tuple(words_in_order(question)), frozenset(a for a in acronyms(question) if len(a) >= 3),
                   {v: frozenset(t) for v, t in numbers.items()})


def acronym_terms(question: str, text: str, stem: Callable[[str], str]) -> set[str]:
    """The question's terms a statement holds through an acronym: the stems of the question's words its
    acronyms spell ("final gravity" for "FG", read by agents/initials.py), and the question's own acronyms of 3+ letters it spells out in
    full."""
    q = wording(question, stem)
    out = {stem(w) for phrase in initials.abbreviated(text, _spelled_out(question)) for w in phrase.split()}
    if q.own:
        words = words_in_order(text)
        out.update(stem(a) for a in q.own if spelled(a, words))
    return out


_NUMBER_WORDS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
                 "sixteen seventeen eighteen nineteen twenty").split()
_ORDINALS = ("zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
             "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth").split()
_VALUE = {**{w: i for i, w in enumerate(_NUMBER_WORDS)}, **{w: i for i, w in enumerate(_ORDINALS) if i}}
_ORDINAL_DIGITS = re.compile(r"^([0-9]{1,3})(?:st|nd|rd|th)$")
_FIGURE = re.compile(r"^[0-9]{1,3}$")
"""ASCII figures only: "¹" and other digit-like characters are no number (int() refuses them)."""


_COMPOUND = re.compile(r"\w+(?:-\w+)+")


def counted_words(text: str) -> list[str]:
    """The text's words, less those inside a hyphenated compound: the "three" of "three-phase wiring" and the
    "3" of "3-oct" count nothing."""
    return WORD.findall(_COMPOUND.sub(" ", text))


def number_value(word: str) -> int | None:
    """The value a word names: "five", "fifth", "5th" and "5" are all 5 (None for other words)."""
    w = word.lower()
    if w in _VALUE:
        return _VALUE[w]
    m = _ORDINAL_DIGITS.match(w)
    if m:
        return int(m.group(1))
    return int(w) if _FIGURE.match(w) else None


def number_terms(question: str, text: str, stem: Callable[[str], str]) -> set[str]:
    """The question's number words a statement holds in another form ("fifth" for "week 5", "5" for "five")."""
    wanted = wording(question, stem).numbers
    if not wanted:
        return set()
    out: set[str] = set()
    for w in counted_words(text):
        v = number_value(w)
        if v is not None and v in wanted:
            out |= wanted[v]
    return out


DERIVED_MIN = 5
"""Shortest word read as the start of a longer one ("plant" / "planter"; not "pot" / "pottery")."""


DERIVED_SUFFIX = 4
"""Longest ending one form adds to the other ("plant" + "er", "survey" + "or"): a longer one makes a compound,
another word ("stall" / "stallholder")."""


def derived_terms(question_terms: Iterable[str], terms: set[str]) -> set[str]:
    """The question's terms a statement holds as a longer or shorter form of the same word."""
    wanted = [t for t in question_terms if len(t) >= DERIVED_MIN and t not in terms]
    if not wanted:
        return set()
    # Each statement word's shorter forms (set lookups: this runs for every statement of every answer).
    shorter = {s[:k] for s in terms if len(s) > DERIVED_MIN for k in range(max(DERIVED_MIN, len(s) - DERIVED_SUFFIX),
                                                                          len(s))}
    return {t for t in wanted
            if t in shorter or any(t[:k] in terms for k in range(max(DERIVED_MIN, len(t) - DERIVED_SUFFIX), len(t)))}


DERIVED_WEIGHT = 0.5
"""A derived form counts half a word in the coverage signals: "large audio files" is not quite "the largest
file" (the Obsidian help page on upload limits lost to it at full weight)."""


def held_terms(question: str, text: str, stem: Callable[[str], str]) -> set[str]:
    """The question's terms a statement holds in another form: through an acronym or a number written
    otherwise. Added to the statement's own terms in the word-coverage signals."""
    return acronym_terms(question, text, stem) | number_terms(question, text, stem)


RELATED_MIN = {"minilm": 0.55}
"""Cosine between two words, each embedded alone, from which one stands for the other, per embedder kind.
MiniLM: "motor" / "car" 0.57, "warmth" / "heat" 0.71, "plumbing" / "pipes" 0.78, "giant" / "big" 0.62, against
"boss" / "graham" 0.27, "token" / "ring" 0.21; co-hyponyms also pass ("car" / "bike" 0.56, "heat" / "cold" 0.62),
hence half a word only. Other embedders (multilingual-e5's cosines sit in a narrow high band; `hash` has no
meaning) read no related words."""
CROSS_RELATED_MIN = {"multilingual": 0.92}
"""The same, read only between a question and a statement in different languages (an English question over
Spanish notes), for an embedder that aligns languages. multilingual-e5-small, each word alone: "physio" /
"fisio" 0.94, "session" / "sesión" 0.94, "holiday" / "vacaciones" 0.92, "cost" / "precio" 0.92, against
"session" / "reunión" 0.90, "places" / "placas" 0.91, "physio" / "espalda" 0.89 (its narrow high band is why
within one language it reads nothing; some translations fall below too: "wedding" / "boda" 0.90)."""
CROSS_RELATED_MIN_LEN = 5
"""Shortest question word matched across languages: a short word embedded alone is a sub-word piece or two, and
its translation is as often a neighbouring sense ("new" / "nuevo" credited every statement about the new oven
and pushed out the one naming the town asked for)."""
RELATED_WEIGHT = 0.5
"""A related word counts half a word in the coverage signals, like a derived form."""
RELATED_UNITS = 12
"""Statements read for related words: the best by the other signals (each new word costs a forward pass)."""
RELATED_MIN_LEN = 3
_PRONOUNS = frozenset("""his him hers herself himself myself ourselves yourself themselves us mine yours ours theirs
its one ones anyone someone everyone something anything everything nothing here now then every most more less
least few fewer several many much another other whole both either neither""".split())
"""Function words the retrieval stop list keeps (it is short on purpose) that relate to every other pronoun or
quantifier ("every" / "most")."""
_CAPITALISED = re.compile(r"(?<=\S\s)[A-Z]\w*")
"""A capitalised word past the question's first: a name, a month, a place — its own kind's neighbours are not it
("August" / "October")."""
_ALPHA = re.compile(r"^[^\W\d_]+$")
_WORD_CACHE_SIZE = 50_000
_word_vectors: dict[tuple[str, str], np.ndarray] = {}


def related_min(embedder_id: str) -> float | None:
    """The calibrated single-word cosine for this embedder kind (None: no related words are read)."""
    return RELATED_MIN.get(embedder_id.split(":", 1)[0])


def cross_related_min(embedder_id: str) -> float | None:
    """The calibrated single-word cosine between two languages for this embedder kind (None: none read)."""
    return CROSS_RELATED_MIN.get(embedder_id.split(":", 1)[0])


@functools.lru_cache(maxsize=256)
def question_language(question: str) -> str:
    """The question's language ("und" when the detector is unsure): told by its function and question words
    (agents/lexicon.detect) where they are clear, which they are in a short question ("What is Hugo allergic
    to?") where the character n-grams are not; else by the character n-gram detector."""
    from memex.agents import lexicon
    from memex.language.detect import detect_query

    lang = lexicon.detect(question)
    return lang if lang != "und" else detect_query(question).lang


@functools.lru_cache(maxsize=4096)
def passage_language(text: str) -> str:
    """A retrieved passage's language ("und" when the detector is unsure; cached: the same chunks come back).
    Read as a query is (a diary entry is often shorter than what a note's detection trusts)."""
    from memex.language.detect import detect_query

    return detect_query(text).lang


def other_language(question: str, passage: str) -> bool:
    """Are the question and the passage surely written in different languages?"""
    q = question_language(question)
    p = passage_language(passage)
    return "und" not in (q, p) and q != p


def plain_words(text: str) -> set[str]:
    """The text's lower-cased alphabetic content words of 3+ letters, as written (what is embedded alone)."""
    return {w for w in (x.lower() for x in WORD.findall(text))
            if len(w) >= RELATED_MIN_LEN and w not in STOPWORDS and w not in _PRONOUNS and _ALPHA.match(w)}


def word_vectors(embedder: Embedder, words: Iterable[str]) -> dict[str, np.ndarray]:
    """Each word embedded alone, computing only words not seen before by this embedder in this process."""
    out: dict[str, np.ndarray] = {}
    missing = []
    for w in dict.fromkeys(words):
        v = _word_vectors.get((embedder.id, w))
        if v is None:
            missing.append(w)
        else:
            out[w] = v
    if missing:
        if len(_word_vectors) + len(missing) > _WORD_CACHE_SIZE:
            _word_vectors.clear()  # a bounded cache: another vault's words, or a long-running server's
        for w, v in zip(missing, embedder.embed(missing), strict=True):
            _word_vectors[(embedder.id, w)] = out[w] = v
    return out


_HOW = re.compile(r"\bhow\s+(\w+)", re.I)


def asked_words(question: str, idf: Mapping[str, float], stem: Callable[[str], str]) -> dict[str, str]:
    """Stem -> surface word of the question's words that a related word may stand for: its weighted terms less
    its names, the words of the kind asked ("much", "name", the "long" of "how long") and light verbs ("get",
    "have")."""
    from memex.agents.answer_type import KIND_WORDS, names

    named = {w.lower() for n in names(question) for w in WORD.findall(n)}
    named |= {m.group(1).lower() for m in _HOW.finditer(question)}
    named |= {m.group(0).lower() for m in _CAPITALISED.finditer(question)}
    out: dict[str, str] = {}
    for w in (x.lower() for x in WORD.findall(question)):
        t = stem(w)
        if (t in idf and w not in named and t not in KIND_WORDS and w not in KIND_WORDS
                and len(w) >= RELATED_MIN_LEN and _ALPHA.match(w) and w not in STOPWORDS and w not in _PRONOUNS):
            out.setdefault(t, w)
    return out


RELATED_WORDED_SHARE = 0.05
"""A question word held as written by at least this share of the statements found (and by two or more) is
how the notes word it: its own literal matches rank them, and a related word would only blur them ("quarter" /
"half" among a bell-ringer's quarter peals, "live" / "lives")."""


def unworded(asked: Mapping[str, str], held: Sequence[set[str]], words: Sequence[set[str]],
             stem: Callable[[str], str], best: Sequence[set[str]] = ()) -> dict[str, str]:
    """The asked words that few of the statements found use in any form (`held`: each statement's terms held
    as written, through an acronym, a number or a derived form; `words`: their words as written, for endings
    the light stemmer misses, "live" / "lives"). A word one or two notes of a vault use ("belfry" in a Bruges
    trip) may still be paraphrased in the note that answers ("church", "ringing") — unless one of the `best`
    statements holds it as written: that one is likely the answer, and a related word would let the others
    catch up ("By default, snapshots are kept for 7 days" / "kept in the Global settings")."""
    enough = max(2.0, RELATED_WORDED_SHARE * len(held))
    out = {}
    for t, w in asked.items():
        if any(t in h or stem(w) in h for h in best):
            continue
        uses = sum(1 for h, ws in zip(held, words, strict=True)
                   if t in h or stem(w) in h or w in ws
                   or any(len(x) > len(w) and x.startswith(w) and len(x) - len(w) <= 2 for x in ws))
        if uses < enough:
            out[t] = w
    return out


def related_terms(asked: Mapping[str, str], held: set[str], words: set[str],
                  vectors: Mapping[str, np.ndarray], minimum: float) -> set[str]:
    """The asked terms not held that one of `words` stands close to (cosine >= minimum, each word alone)."""
    wanted = [(t, w) for t, w in asked.items() if t not in held and w in vectors]
    have = [vectors[w] for w in words if w in vectors]
    if not wanted or not have:
        return set()
    sims = np.stack([vectors[w] for _, w in wanted]) @ np.stack(have).T
    return {t for (t, _), row in zip(wanted, sims, strict=True) if float(row.max()) >= minimum}
