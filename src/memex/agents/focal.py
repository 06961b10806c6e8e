"""The thing a question asks for — its focal words — and whether an answer's statements speak of it.

"What mark did Tariq get in his licence assessment?" asks for a *mark*; "What size shoes does Kit wear?" for a
*size*; "¿Cuál es el IBAN de Harinas del Ebro?" for an *IBAN*. A statement found through the rest of the
question ("Licence assessment portfolio started", "Shoes: pair 2 bought 6 June") is on the topic but silent
on the asked attribute: the notes do not say it. The focal words are the noun phrase the question word opens
("what/which X", "how much/many X", "what is [the/my/X's] X", "qué/cuál/cuánto X", "cuál es el X"), up to the
first function word, name or verb-like word, at most three words. A question whose wh-word is followed by a
verb ("How much did…", "When is…", "Who…") has none: it says nothing here.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from memex.agents import lexicon

MAX_WORDS = 3

_EN_OPEN = re.compile(
    r"^\W*(?:(?:so|and|but|ok|okay|then|remind me)\W+)?(?:what|which|how (?:much|many))\b(?:['’]s|\s+(?:is|was|are|were)\b)?",
    re.I)
_ES_OPEN = re.compile(r"^\W*(?:(?:y|pero|entonces)\W+)?(?:qu[eé]|cu[aá]l(?:es)?|cu[aá]nt[oa]s?)\b"
                      r"(?:\s+(?:es|son|era|eran|fue|fueron)\b)?", re.I)
_SKIP_EN = {"the", "my", "our", "his", "her", "their", "your", "its", "a", "an", "this", "that", "these", "those"}
_SKIP_ES = {"el", "la", "los", "las", "mi", "mis", "su", "sus", "tu", "tus", "nuestro", "nuestra", "nuestros",
            "nuestras", "un", "una", "unos", "unas", "este", "esta", "ese", "esa"}
# Words that end the phrase: auxiliaries, prepositions, pronouns; light verbs ("gets", "got").
_STOP_EN = frozenset(lexicon.stopwords("en")) | {"get", "gets", "got", "go", "goes", "went", "am", "much", "many",
                                                 "did", "does", "do", "there", "else",
                                                 # "What are Aoife's children called?": a participle, not a noun
                                                 # of the phrase (its initials "CC" are no label of the notes)
                                                 "called", "named"}
_WORD = re.compile(r"[\w’'-]+")


def focal_words(question: str, limit: int = MAX_WORDS) -> list[str]:
    """The words of what the question asks for ("What size shoes does Kit wear?" -> ["size", "shoes"]), as
    written, at most `limit` English words; [] when the question does not name it right after its question
    word."""
    lang = lexicon.language(question)
    if lang == "es":
        opening, skip, stop = _ES_OPEN, _SKIP_ES, frozenset(lexicon.stopwords("es"))
    elif lang == "en":
        opening, skip, stop = _EN_OPEN, _SKIP_EN, _STOP_EN
    else:
        return []
    m = opening.match(question.strip())
    if not m or (lang == "es" and re.fullmatch(r"\W*cu[aá]nto", m.group(), re.I)):
        return []  # "¿Cuánto costó…?": a verb follows
    out: list[str] = []
    started = False
    for w in _WORD.findall(question[m.end():]):
        low = w.lower()
        if not started and (low in skip or re.fullmatch(r".+['’]s", w)):
            continue  # "the", "my", "Rubén's", "the house's": whose, not what
        started = True
        if low == "and" or low == "y":
            if out:
                continue  # "make and model"
            break
        if re.fullmatch(r".+['’]s", w):
            out = []  # "the heat pump's maximum flow temperature": the words so far said whose
            continue
        if low in stop or low in skip:
            break
        if any(ch.isdigit() for ch in w):
            break  # "What was my 10 km split": a figure of the question, not the thing asked for
        if w[:1].isupper() and not w.isupper():
            break  # a name: who or what it is about ("Qué nota sacó Hugo")
        out.append(w)
        if len(out) >= (1 if lang == "es" else limit):  # Spanish puts the head noun first
            break
    return out


def focal_terms(question: str) -> dict[str, str]:
    """The focal words as the question's stemmed terms (stem -> word), less the words of the kind asked for
    ("name", "number", "called", "time": the answer kind check reads those)."""
    from memex.agents.answer_type import KIND_WORDS
    from memex.agents.extractive import question_terms

    words = {w.lower() for w in focal_words(question)}
    return {stem: word for stem, word in question_terms(question).items()
            if word.lower() in words and stem not in KIND_WORDS and word.lower() not in KIND_WORDS}


def missing(question: str, statements: Sequence[str], in_notes: Callable[[str, str], bool] | None = None
            ) -> list[str]:
    """The focal words that none of the statements (each with its subject) holds, though some note uses them.
    A focal word no note uses is left out: it is how the question words it (a paraphrase, another language),
    which meaning has to carry, not a sign that the notes are silent."""
    from memex.agents.answer_type import meets_terms
    from memex.agents.extractive import _stem, content_terms

    terms = focal_terms(question)
    if not terms:
        return []
    held = set().union(*(content_terms(s) for s in statements)) if statements else set()
    return [word for stem, word in terms.items()
            if not meets_terms(held, {stem, word.lower(), _stem(word.lower())}) and (in_notes is None or in_notes(word, stem))]
