"""Whether the notes give the first name of someone the question calls by title and surname.

"Quel est le prénom de Mme Giraud ?", "Wie heißt Herr Pfeiffer mit Vornamen?", "What is Mr Kaminski's first
name?": a neighbour, a client's father, a landlord is often only ever written "Mme Giraud", and the statements
about them ("Voisine de palier de maman : Mme Giraud (n° 15), ancienne institutrice") read like an answer. A
first name stands before the surname ("Hélène Giraud", "Mme Hélène Giraud") or after a label ("Vorname:
Klaus"); where the statements name the surname only after a title, they do not give it. The mirror of
agents/unstated.no_surname, in en, es, fr, de, it, nl, pt.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from memex.agents import lexicon
from memex.agents.noted_names import TITLES

_GIVEN = re.compile(r"(?i)(?<!\w)(?:first name|given name|christian name|forename|nombre de pila|prénom|prenom|"
                    r"vornamen?|rufnamen?|nome proprio|nome di battesimo|primo nome|primeiro nome|nome próprio|"
                    r"voornaam|roepnaam)(?!\w)")
"""How each language asks for a person's first name."""
_LABELLED = re.compile(r"(?i)(?:first name|given name|nombre|prénom|prenom|vorname|nome|voornaam|roepnaam)"
                       r"[ \t]*[:=][ \t]*[A-ZÀ-Þ]")
_PARTICLES = r"(?:(?i:van|von|de|da|del|di|du|le|la|ten|ter|der|den)[ \t]+){0,2}"
# overlapping (a lookahead): "de Mme Giraud" is tried at "de" and at "Mme"
_TITLED = re.compile(r"(?<![\w'’-])(?=([A-Za-z][a-zà-ÿ]{0,9})\.?[ \t]+(" + _PARTICLES + r"[A-ZÀ-Þ][\w'’-]+))")
_WORD_BEFORE = re.compile(r"([^\W\d_][\w'’-]*)\.?[ \t]+$")


def _title(word: str) -> bool:
    return lexicon.fold(word.lower()) in TITLES


def no_given_name(question: str, statements: Sequence[str]) -> str:
    """The surname whose first name the question asks for, by title ("Mme Giraud" -> "Giraud"), when the
    statements name it and never with a capitalised word other than a title before it, nor a labelled first
    name. "" otherwise, and when they do not name it (the name check reads that)."""
    if not _GIVEN.search(question) or not statements:
        return ""
    text = "\n".join(statements)
    if _LABELLED.search(text):
        return ""
    for m in _TITLED.finditer(question):
        if not _title(m.group(1)):
            continue
        surname = re.sub(r"['’]s?$", "", m.group(2).split()[-1])  # "Mr Kaminski's first name"
        found = list(re.finditer(rf"(?<![\w'’-]){re.escape(surname)}(?![\w'’-])", text))
        if not found:
            continue
        for at in found:
            before = _WORD_BEFORE.search(text[max(0, at.start() - 40):at.start()])
            if before and before.group(1)[:1].isupper() and not _title(before.group(1)) \
                    and before.group(1) not in m.group(2).split():
                break
        else:
            return surname
    return ""
