"""The thing a question asks for — its focal words — and whether an answer's statements speak of it.

"What mark did Tariq get in his licence assessment?" asks for a *mark*; "What size shoes does Kit wear?" for a
*size*; "¿Cuál es el IBAN de Harinas del Ebro?" for an *IBAN*. A statement found through the rest of the
question ("Licence assessment portfolio started", "Shoes: pair 2 bought 6 June") is on the topic but silent
on the asked attribute: the notes do not say it. The focal words are the noun phrase the question word opens
("what/which X", "how much/many X", "what is [the/my/X's] X", "qué/cuál/cuánto X", "cuál es el X", "quel est le X",
"qual è il X", "welche X", "was ist die X", "wat is de X"), up to the first function word, name or verb-like word,
at most three words; in the languages that put the head noun first (es, pt, fr, it) and in German (whose nouns
are capitalised compounds) the head noun alone. A question whose wh-word is followed by a verb ("How much did…",
"When is…", "Who…", "Was kostet…", "Quanto costa…") has none: it says nothing here.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from memex.agents import lexicon

MAX_WORDS = 3

_EN_OPEN = re.compile(
    r"^\W*(?:(?:so|and|but|ok|okay|then|remind me)\W+)?(?:what|which|how (?:much|many))\b(?:['’]s|\s+(?:is|was|are|were)\b)?",
    re.I)
_SKIP_EN = {"the", "my", "our", "his", "her", "their", "your", "its", "a", "an", "this", "that", "these", "those"}
# Words that end the phrase: auxiliaries, prepositions, pronouns; light verbs ("gets", "got").
_STOP_EN = frozenset(lexicon.stopwords("en")) | {"get", "gets", "got", "go", "goes", "went", "am", "much", "many",
                                                 "did", "does", "do", "there", "else",
                                                 # "What are Aoife's children called?": a participle, not a noun
                                                 # of the phrase (its initials "CC" are no label of the notes)
                                                 "called", "named"}
_WORD = re.compile(r"[\w’'-]+")


class _Phrase:
    """How one language opens the phrase that names the asked thing, and how the phrase runs."""

    def __init__(self, opening: str, bare: str | None, skip: str, stop: frozenset[str], limit: int | None,
                 nouns_capitalised: bool = False, one_after: str | None = None) -> None:
        self.opening = re.compile(opening, re.I)
        # A question word left alone before a verb ("¿Cuánto costó…?", "Was kostet…?", "Wat kost…?"): no phrase.
        self.bare = re.compile(bare, re.I) if bare else None
        self.skip = frozenset(skip.split())
        self.stop = stop
        self.limit = limit  # None: the caller's (head-last languages); 1: the head noun comes first
        self.nouns_capitalised = nouns_capitalised
        # An opening after which the phrase is one word in a head-last language ("Welke maat schoenen draagt…":
        # the verb follows the noun directly, with no auxiliary to end the phrase as "does" does in English).
        self.one_after = re.compile(one_after, re.I) if one_after else None


_COPULA = {"es": "es|son|era|eran|fue|fueron", "pt": "é|e|são|sao|era|eram|foi|foram",
           "fr": "est|sont|était|etait|étaient|etaient|fut", "it": "è|e|sono|era|erano|fu",
           "de": "ist|sind|war|waren", "nl": "is|zijn|was|waren"}
_PHRASES: dict[str, _Phrase] = {
    "es": _Phrase(rf"^\W*(?:(?:y|pero|entonces)\W+)?(?:qu[eé]|cu[aá]l(?:es)?|cu[aá]nt[oa]s?)\b"
                  rf"(?:\s+(?:{_COPULA['es']})\b)?", r"\W*cu[aá]nto",
                  "el la los las mi mis su sus tu tus nuestro nuestra nuestros nuestras un una unos unas este esta "
                  "ese esa", frozenset(lexicon.stopwords("es")), 1),
    # Romance languages put the head noun first ("le montant de l'APL", "il prezzo mensile"): one word. A "what"
    # word ("que", "che", "cosa") names a thing only through the copula ("Qu'est-ce que" and "Che cosa fa" do not).
    "pt": _Phrase(rf"^\W*(?:(?:e|mas|então)\W+)?(?:qua(?:l|is)|quant[oa]s?|que)\b(?:\s+(?:{_COPULA['pt']})\b)?",
                  r"\W*quanto", "o a os as um uma uns umas meu minha meus minhas seu sua seus suas nosso nossa "
                  "nossos nossas este esta esse essa", frozenset(lexicon.stopwords("pt")), 1),
    "fr": _Phrase(rf"^\W*(?:(?:et|mais|alors)\W+)?(?:quel(?:le)?s?\b(?:\s+(?:{_COPULA['fr']})\b)?|combien\s+d(?:e\b|['’]))",
                  None, "le la les l un une mon ma mes ton ta tes son sa ses notre nos votre vos leur leurs ce cet "
                  "cette ces", frozenset(lexicon.stopwords("fr")), 1),
    "it": _Phrase(rf"^\W*(?:(?:e|ma|allora)\W+)?(?:qual(?:e|i)?\b(?:\s*['’]?\s*(?:{_COPULA['it']})\b)?|"
                  r"quant[oaie]\b|(?:che|cosa)\s+(?:è|sono|era|erano)\b)",
                  r"\W*quanto", "il lo la i gli le l un uno una mio mia miei mie suo sua suoi sue nostro nostra "
                  "nostri nostre questo questa quel quella", frozenset(lexicon.stopwords("it")), 1),
    # German writes every noun with a capital: the head noun (often a compound, "Schriftgröße") is the phrase.
    # "Wie groß ist die Schriftgröße…?": German asks a measure by its adjective where English says "What size…".
    "de": _Phrase(rf"^\W*(?:(?:und|aber|also)\W+)?(?:welche[rsnm]?\b|wie\s?viele?\b|was\s+(?:{_COPULA['de']})\b|"
                  rf"wie\s+(?:groß|gross|hoch|lang|schwer|weit|breit|tief|teuer)\s+(?:{_COPULA['de']})\b)",
                  None, "der die das den dem des ein eine einen einem einer mein meine meinen meinem meiner "
                  "sein seine seinen seinem ihr ihre ihren ihrem unser unsere unseren dein deine dieser diese "
                  "dieses", frozenset(lexicon.stopwords("de")), 1, nouns_capitalised=True),
    # Dutch puts the head last, like English ("de maandelijkse prijs").
    "nl": _Phrase(rf"^\W*(?:(?:en|maar|dus)\W+)?(?:welke?\b|hoeveel\b|wat\s+(?:{_COPULA['nl']})\b)",
                  r"\W*hoeveel", "de het een mijn zijn haar ons onze hun jouw je deze dit die dat",
                  frozenset(lexicon.stopwords("nl")), None, one_after=r"\W*(?:(?:en|maar|dus)\W+)?(?:welke?|hoeveel)"),
}
_AND = {"en": "and", "es": "y", "pt": "e", "fr": "et", "it": "e", "de": "und", "nl": "en"}
# A head that only says the kind of value asked ("le numéro de série", "il nome del medico"): the asked thing is
# the noun its preposition and article lead to.
_KIND_HEADS = frozenset("numero numeros nombre nombres nome nomes nom noms nummer naam name".split())
_OF = frozenset("de del di da do du des della dello delle dei degli dos das von vom van".split())


def focal_words(question: str, limit: int = MAX_WORDS) -> list[str]:
    """The words of what the question asks for ("What size shoes does Kit wear?" -> ["size", "shoes"]; "Quel est le
    montant de l'APL ?" -> ["montant"]), as written, at most `limit` words in English and Dutch, the head noun in
    the languages that put it first; [] when the question does not name it right after its question word."""
    lang = lexicon.language(question)
    phrase = _PHRASES.get(lang)
    if lang == "en":
        opening, skip, stop, cap = _EN_OPEN, frozenset(_SKIP_EN), _STOP_EN, limit
        capitals = False
    elif phrase is not None:
        opening, skip, stop = phrase.opening, phrase.skip, phrase.stop
        cap, capitals = phrase.limit or limit, phrase.nouns_capitalised
    else:
        return []
    m = opening.match(question.strip())
    if not m or (phrase is not None and phrase.bare is not None and phrase.bare.fullmatch(m.group())):
        return []  # "¿Cuánto costó…?": a verb follows
    if phrase is not None and phrase.one_after is not None and phrase.one_after.fullmatch(m.group()):
        cap = 1
    words = _WORD.findall(question.strip()[m.end():])
    if lang not in ("en", "nl"):
        lead = 0
        while lead < len(words) and lexicon.fold(words[lead].lower()) in skip:
            lead += 1
        if len(words) > lead + 2 and lexicon.fold(words[lead].lower()) in _KIND_HEADS \
                and lexicon.fold(words[lead + 1].lower()) in _OF:
            words = words[lead + 2:]  # "le numéro de série du cadre" -> "série"
    # "Elena Ruiz's salary", "Ingrid Bos's phone number": a possessor of several capitalised words is whose, as a
    # one-word one is ("Rubén's"); without this the name's first word would end the phrase before it began.
    lead = 0
    while lead < len(words) and words[lead][:1].isupper() and not re.fullmatch(r".+['’]s", words[lead]):
        lead += 1
    if 0 < lead < len(words) and lead <= 3 and re.fullmatch(r".+['’]s", words[lead]) and not capitals:
        words = words[lead + 1:]
    out: list[str] = []
    started = False
    for w in words:
        low = w.lower()
        folded = lexicon.fold(low)
        if not started and (low in skip or folded in skip or re.fullmatch(r".+['’]s", w)
                            or re.fullmatch(r"[ld]['’]", low)):
            continue  # "the", "my", "Rubén's", "the house's", "l'": whose, not what
        if not started and re.match(r"[ld]['’]\w", low):
            w, low, folded = w[2:], low[2:], folded[2:]  # "l'IBAN", "dell'editor": the article is elided onto it
        started = True
        if low == _AND.get(lang):
            if out:
                continue  # "make and model"
            break
        if re.fullmatch(r".+['’]s", w):
            out = []  # "the heat pump's maximum flow temperature": the words so far said whose
            continue
        if low in stop or folded in stop or low in skip or folded in skip:
            break
        if any(ch.isdigit() for ch in w):
            break  # "What was my 10 km split": a figure of the question, not the thing asked for
        if capitals:
            if not w[:1].isupper():
                continue  # "die monatliche Miete": an adjective before the noun
            out.append(w)  # the noun, the phrase's head
            break
        if w[:1].isupper() and not w.isupper():
            break  # a name: who or what it is about ("Qué nota sacó Hugo")
        out.append(w)
        if len(out) >= cap:
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
