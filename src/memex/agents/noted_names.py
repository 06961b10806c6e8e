"""Which capitalised words of a question are names, read from how the notes write them.

German capitalises every noun, so a German question's capitalised words ("Wann hat Leon Geburtstag?") do not
tell a person's name from a common noun, and `lexicon.name_words` keeps neither: the answer's name check
(abstain.support_score) then never asks whether the answer is about Leon at all, and "Matthias Kühn:
Geburtstag: 17. Juli" stands. The notes tell them apart: a common noun stands after an article or a determiner
("die Werkstatt", "zum Geburtstag", "der neue Transporter", "zwei Azubis"), a person's name almost never ("mit
Leon", "Leon und Emily", "Herr Pfeiffer"). A word the notes write, capitalised, at least `MIN_USES` times and
never after one counts as a name there, like any capitalised word in a question in another language.

The determiners are grammar, given for every language (binding.ARTICLES and the articles that prepositions
absorb, `CONTRACTED`); only words that `name_words` set aside are read, so outside German nothing changes.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from memex.agents import lexicon
from memex.agents.binding import ARTICLES

CONTRACTED: dict[str, frozenset[str]] = {
    "en": frozenset("any each every no some all both".split()),
    "es": frozenset("del al cada algún alguna ningún ninguna nuestro vuestro vuestra aquel aquella".split()),
    "fr": frozenset("du des au aux chaque aucun aucune quelque quelques".split()),
    "de": frozenset("des eines im am zum zur vom beim ins ans aufs übers ums kein keine keinen keinem keiner "
                    "keines jede jeder jedes jeden jedem alle allen aller welche welcher welches welchen "
                    "meiner meines deinen deinem deiner deines seinen seinem seiner seines ihren ihrem ihrer "
                    "ihres unseren unserem unserer unseres euer eure euren eurem eurer dieses diesen diesem "
                    "jene jener jenes jenen jenem solche solcher manche mancher".split()),
    "it": frozenset("del dello della dei degli delle al allo alla ai agli alle nel nello nella nei negli nelle "
                    "dal dallo dalla dai dagli dalle sul sullo sulla ogni".split()),
    "pt": frozenset("do da dos das no na nos nas ao aos à às pelo pela pelos pelas cada".split()),
    "nl": frozenset("der des elk elke ieder iedere geen jullie uw".split()),
}
"""Determiners besides binding.ARTICLES: the articles that prepositions absorb ("zum", "du", "del") and the
quantifiers and inflected possessives a noun takes ("keine", "jeden", "seinem")."""

QUANTIFIERS: dict[str, frozenset[str]] = {
    "en": frozenset("much many few several more less enough".split()),
    "es": frozenset("mucho mucha muchos muchas poco poca pocos pocas varios varias más menos bastante".split()),
    "fr": frozenset("beaucoup peu plusieurs assez trop moins plus".split()),
    "de": frozenset("viel viele vielen vieler wenig wenige wenigen mehr weniger etwas genug mehrere mehreren einige "
                    "einigen paar".split()),
    "it": frozenset("molto molta molti molte poco poca pochi poche parecchi alcuni alcune più meno".split()),
    "pt": frozenset("muito muita muitos muitas pouco pouca poucos poucas vários várias mais menos".split()),
    "nl": frozenset("veel weinig meer minder enkele sommige genoeg".split()),
}
"""Quantity words a mass or plural noun takes without an article ("viel Honig", "mehrere Völker", "wie viele
Kisten"), which a person's name does not."""

TITLE_WORDS = tuple("""mr mrs ms miss mx dr prof sr sra srta sr.ª don doña dona dña señor señora senor senora m mme mlle
monsieur madame herr herrn frau fräulein fraulein signor signore signora sig sig.ra dott senhor senhora meneer mevrouw
dhr mevr""".split())
"""The courtesy titles a person is named by, with the surname alone ("Mr Kaminski", "Mme Giraud", "Herr Pfeiffer"),
in en, es, fr, de, it, pt, nl (lower case): the one list of them (agents/unstated.py reads it too)."""
TITLES = frozenset(lexicon.fold(w) for w in TITLE_WORDS)
"""Titles before a name, in every language ("Herr Pfeiffer", "Mme Giraud"): part of how a name is written, not one;
folded (lexicon.fold)."""

MIN_USES = 2
"""How often the notes must write the word inside a sentence (after a word, with only a space or a comma
between) before never-after-a-determiner says anything: a label opening a line ("Umsatz: 4.200 €") or a
word after a full stop tells nothing."""

_TOKEN = re.compile(r"[^\W\d_][\w'’-]*|\d+(?:[.,]\d+)*")


def _determiners(lang: str) -> frozenset[str]:
    return ARTICLES.get(lang, ARTICLES["en"]) | CONTRACTED.get(lang, frozenset())


def _use(text: str, start: int, dets: frozenset[str], quantifiers: frozenset[str] = frozenset()) -> str:
    """How the word starting at `start` stands: "noun" right after a determiner, a quantity word of the language
    (`quantifiers`: "viel Honig"), a numeral, or a determiner and one lower-case word ("die neue Absaugung"); "name" after any other word inside a sentence; "" where it opens
    a line, a sentence or a bracket, which says nothing."""
    head = text[max(0, start - 80):start]
    before = list(_TOKEN.finditer(head))[-2:]
    if not before or head[before[-1].end():].strip(" ,") or "\n" in head[before[-1].end():]:
        return ""
    last = before[-1].group(0)
    if last.lower() in dets or last.lower() in quantifiers or last[0].isdigit():
        return "noun"
    if len(before) == 2 and last.islower() and before[0].group(0).lower() in dets \
            and not head[before[0].end():before[1].start()].strip():
        return "noun"
    return "name"


def written_as_name(word: str, passages: Sequence[str], lang: str) -> bool:
    """Do these passages write the word, capitalised, inside a sentence at least `MIN_USES` times and never as a
    noun (`_use`)?"""
    dets = _determiners(lang)
    uses = 0
    pattern = re.compile(rf"(?<![\w'’-]){re.escape(word)}(?![\w'’-])")
    for text in passages:
        for m in pattern.finditer(text):
            use = _use(text, m.start(), dets, QUANTIFIERS.get(lang, frozenset()))
            if use == "noun":
                return False
            uses += use == "name"
    return uses >= MIN_USES


def noted_names(question: str, found: Sequence[str], texts: Callable[..., Sequence[str]] | None) -> list[str]:
    """The words of the question's capitalised runs (`found`, answer_type.names) that `name_words` set aside as
    nouns and the notes (`texts(word)`: passages holding it) write as names; a German possessive without its
    apostrophe ("Heikes Tochter") is read as the name it ends ("Heike")."""
    if texts is None:
        return []
    lang = lexicon.language(question)
    dets = _determiners(lang)
    kept = {w for run in found for w in lexicon.name_words(run, question).split()}
    out: list[str] = []
    for run in found:
        for word in run.split():
            if word in kept or not word[:1].isupper() or word.isupper() or lexicon.fold(word.lower()) in TITLES:
                continue
            at = re.search(rf"(?<![\w'’-]){re.escape(word)}(?![\w'’-])", question)
            if at and _use(question, at.start(), dets, QUANTIFIERS.get(lang, frozenset())) == "noun":
                continue  # the question itself writes it as a noun ("bei der Bank", "im Sommer")
            forms = [word] + ([word[:-1]] if word.endswith("s") and len(word) > 3 else [])
            for form in forms:
                if form not in out and written_as_name(form, texts(form), lang):
                    out.append(form)
                    break
    return out
