"""How notes say a thing is not known, not written here or not happened yet, per language (agents/withheld.py),
and what that costs an answer that stands on such a line (agents/abstain.py)."""
from __future__ import annotations

import re

import pytest

from memex.agents import abstain, attribute, withheld
from memex.agents.abstain import support_score
from memex.agents.evidence import Unit
from memex.agents.extractive import Candidate
from memex.domain import Hit, Location

LANGUAGES = ("en", "es", "fr", "de", "it", "pt", "nl")


def test_every_language_has_each_kind_of_phrase_and_each_compiles() -> None:
    assert set(withheld.PHRASES) == set(LANGUAGES)
    for lang, phrases in withheld.PHRASES.items():
        for kind in ("withheld", "pending", "outcome"):
            assert getattr(phrases, kind), (lang, kind)
            assert withheld.pattern(kind, {lang: phrases}).pattern


@pytest.mark.parametrize(("lang", "line"), [
    ("en", "Birthday: not known."),
    ("en", "Licence number: on the card, not writing it here."),
    ("en", "Yvonne booked it and won't tell me what it cost."),
    ("es", "Número de la seguridad social: no lo apunto aquí."),
    ("es", "El PIN del datáfono: ni idea."),
    ("fr", "Numéro de sécu de maman : dans le classeur bleu, PAS ici."),
    ("fr", "Code du portail : inconnu."),
    ("fr", "Le prix ? Il n'a pas voulu me le dire."),
    ("de", "Steuernummer: unbekannt."),
    ("de", "Die PIN steht nicht hier, sondern im Ordner."),
    ("it", "Codice fiscale della nonna: non lo so."),
    ("it", "Il prezzo: sconosciuto."),
    ("pt", "Número do contribuinte: não sei."),
    ("pt", "O preço? Nenhuma ideia."),
    ("nl", "Het BSN van oma: onbekend."),
    ("nl", "De pincode: weet ik niet."),
])
def test_a_line_that_says_the_thing_is_not_known_or_not_here_is_read_as_withheld(lang: str, line: str) -> None:
    assert withheld.pattern("withheld", {lang: withheld.PHRASES[lang]}).search(line)
    assert abstain._WITHHELD.search(line)


@pytest.mark.parametrize(("lang", "line"), [
    ("en", "The rehang could be June 2027 if we get the rest by March."),
    ("en", "Flights haven't been booked yet."),
    ("es", "El horno nuevo todavía no se ha comprado."),
    ("fr", "Selle Brooks B17 couleur miel. Pas achetée, trop chère."),
    ("fr", "Le voyage n'est pas encore réservé."),
    ("de", "Die Reise ist noch nicht gebucht."),
    ("it", "Il viaggio non ancora prenotato."),
    ("pt", "A viagem ainda não está marcada."),
    ("nl", "De reis is nog niet geboekt."),
    # A label whose value is put off until an event
    ("en", "Tickets sold so far: 142. Aim 200. Final takings — after the concert."),
    ("es", "Recaudación final — después del concierto."),
    ("fr", "Recette finale — après le concert."),
    ("de", "Einnahmen — erst nach dem Konzert."),
    ("it", "Incasso finale — dopo il concerto."),
    ("pt", "Receita final — depois do concerto."),
    ("nl", "Opbrengst — na het concert."),
    # Any dash, spaced or not, and a line that the next one follows
    ("en", "Final takings—after the concert."),
    ("en", "Final takings - after the concert."),
    ("en", "Final takings — after the concert\nBar: £300"),
    ("es", "Recaudación final - después del concierto\nBarra: 300 €"),
])
def test_a_line_that_says_it_has_not_happened_yet_is_read_as_pending(lang: str, line: str) -> None:
    assert withheld.pattern("pending", {lang: withheld.PHRASES[lang]}).search(line)
    assert attribute.PENDING.search(line)


@pytest.mark.parametrize("line", [
    "No se puede aparcar delante del horno.",  # "no se", not "no sé"
    "Ça ne veut pas dire qu'elle a tort.",  # "doesn't mean", not "won't say"
    "The piano tuner is well known in the village.",
    "Die Pinnwand hängt hier.",
    "Il nonno sorride sempre.",
    "Ik weet het zeker: dinsdag om tien uur.",
    "Went for a walk — after the concert we had tea.",  # a value given after the event, not put off until it
])
def test_ordinary_statements_are_neither_withheld_nor_pending(line: str) -> None:
    assert not withheld.WITHHELD.search(line)
    assert not withheld.PENDING.search(line)


@pytest.mark.parametrize(("question", "asks"), [
    ("How much did the rehanging cost in the end?", True),
    ("¿Cuánto costó al final la boda?", True),
    ("Combien a coûté finalement le voyage ?", True),
    ("Was hat die Reise am Ende gekostet?", True),
    ("Quanto è costato alla fine il viaggio?", True),
    ("Quanto custou no final a viagem?", True),
    ("Wat kostte de reis uiteindelijk?", True),
    ("Combien a coûté le voyage ?", False),
])
def test_a_question_about_how_something_turned_out_is_recognised_in_each_language(question: str, asks: bool) -> None:
    assert attribute.asks_outcome(question) is asks


def _candidate(text: str, subject: str) -> Candidate:
    hit = Hit(path="n.md", chunk_id="c1", score=1.0, text=text, location=Location())
    unit = Unit(quote=text, text=text, hit=hit, rank=0, position=0, subject=subject, context=subject, date=None,
                date_source="mtime")
    return Candidate(unit, 0.85, 0.6, 0.6, None, 0.5)


def test_a_french_note_that_keeps_the_number_elsewhere_costs_the_answer_its_support(
        monkeypatch: pytest.MonkeyPatch) -> None:
    used = [_candidate("Numéro de sécu de maman : dans le classeur bleu, PAS ici.", "Papiers à faire")]
    q = "Quel est le numéro de sécurité sociale de maman ?"
    score, checks = support_score(q, 0.5, used)
    assert checks["withheld"].startswith("Numéro de sécu")
    never = re.compile(r"(?!x)x")
    monkeypatch.setattr(abstain, "_WITHHELD", never)  # the same answer, no line read as withheld
    monkeypatch.setattr(withheld, "ELSEWHERE", never)  # nor as kept elsewhere ("dans le classeur bleu")
    assert score == pytest.approx(support_score(q, 0.5, used)[0] - abstain.WITHHELD_PENALTY)
