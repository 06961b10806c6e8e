"""The thing a question asks for (agents/focal.py) and the support it costs an answer whose statements are
silent on it (agents/abstain.py): "the notes do not say this" told apart from "answered"."""
from __future__ import annotations

import re

import pytest

from memex.agents import abstain, unstated
from memex.agents.abstain import _WITHHELD, support_score
from memex.agents.evidence import Unit
from memex.agents.extractive import Candidate
from memex.agents.focal import focal_terms, focal_words, missing
from memex.domain import Hit, Location


@pytest.mark.parametrize(("question", "words"), [
    ("What mark did Tariq get in his licence assessment?", ["mark"]),
    ("What size shoes does Kit wear?", ["size", "shoes"]),
    ("What make and model is the heat pump?", ["make", "model"]),
    ("What's the heat pump's maximum flow temperature set to?", ["maximum", "flow", "temperature"]),
    ("What is Rubén's monthly salary?", ["monthly", "salary"]),
    # a possessor of several words is whose, as a one-word one is
    ("What is Elena Ruiz's salary at Naranjo Labs?", ["salary"]),
    ("How many levers are in the Kelby lever frame?", ["levers"]),
    ("Which hospital does Yvonne work at?", ["hospital"]),
    ("What was my 10 km split in the race?", []),
    ("¿Cuál es el IBAN de Harinas del Ebro?", ["IBAN"]),
    ("¿Qué nota sacó Hugo en matemáticas?", ["nota"]),
    ("¿Cuál es la cuota mensual del préstamo del horno?", ["cuota"]),
    # No thing named after the question word: nothing to check.
    ("How much did the hotel in Bruges cost?", []),
    ("When is Ruth Ackroyd's birthday?", []),
    ("¿Cuánto costó el kimono nuevo de Hugo?", []),
    ("Who got the lucky token in the Halloween fruit loaf?", []),
])
def test_the_focal_words_are_what_the_question_word_opens(question: str, words: list[str]) -> None:
    assert focal_words(question) == words


@pytest.mark.parametrize(("question", "words"), [
    # The head noun first in the Romance languages; a head that only names the kind of value ("numéro",
    # "número") gives way to the noun its preposition leads to.
    ("Quel est le montant de l'APL de maman ?", ["montant"]),
    ("Quel est le numéro de série du cadre du PX10 ?", ["série"]),
    ("Quelle taille fait Inès ?", ["taille"]),
    ("Qual è il prezzo mensile di un abbonamento Obsidian Sync Standard?", ["prezzo"]),
    ("Qual é o tamanho padrão da fonte do editor em pixels?", ["tamanho"]),
    ("¿Cuál es el número de teléfono de Javier?", ["teléfono"]),
    # German: the noun (a compound), past its adjectives; Dutch: the phrase up to its head, as in English.
    ("Welche Schuhgröße trägt Kit?", ["Schuhgröße"]),
    ("Was ist die monatliche Miete der Werkstatt?", ["Miete"]),
    ("Wat is de maandelijkse prijs van een abonnement?", ["maandelijkse", "prijs"]),
    ("Welke maat schoenen draagt Kit?", ["maat"]),
    # A question word before a verb names nothing.
    ("Quanto costa una licenza commerciale per utente all'anno?", []),
    ("Quanto custa uma licença?", []),
    ("Was kostet ein Abonnement von Obsidian Sync Standard im Monat?", []),
    ("Wie viel hat der Umzug gekostet?", []),
    ("Hoeveel kost het abonnement?", []),
])
def test_the_focal_words_in_every_language(question: str, words: list[str]) -> None:
    assert focal_words(question) == words


def test_the_words_of_the_kind_asked_for_are_left_to_the_kind_check() -> None:
    assert list(focal_terms("What are Pete's grandchildren called?").values()) == ["grandchildren"]
    assert focal_terms("What's the name of the warden at Corrib View?") == {}
    assert focal_terms("What's Farida's mobile number?") == {"mobile": "mobile"}


def test_a_statement_on_the_topic_but_silent_on_the_asked_thing_misses_it() -> None:
    everywhere = lambda word, stem: True  # noqa: E731 - every word is in some note
    q = "What mark did Tariq get in his licence assessment?"
    assert missing(q, ["Tariq mentoring log\n18 Feb — Licence assessment portfolio started."], everywhere) == ["mark"]
    assert missing(q, ["Tariq mentoring log\nLicence assessment: passed, mark 71%."], everywhere) == []
    # The subject carries it too (a heading "Shoe size" over "Shoes: 9, wide fit").
    assert missing("What size shoes does Kit wear?", ["Kit › Shoe size\nShoes: 9, wide fit."], everywhere) == []
    assert missing("What size shoes does Kit wear?", ["Training log\nShoes: pair 2 bought 6 June."],
                   everywhere) == ["size"]
    # A word no note uses is how the question words it (a paraphrase, another language): not held against it.
    assert missing(q, ["Licence assessment portfolio started."], lambda word, stem: stem != "mark") == []
    # In Spanish, through its stems.
    assert missing("¿Qué nota sacó Hugo en matemáticas?", ["Hugo ganó su primer combate de judo."], everywhere) \
        == ["nota"]
    assert missing("¿Cuál es la cuota mensual del préstamo?", ["Préstamo del horno: cuotas de 412 € al mes."],
                   everywhere) == []


def _candidate(text: str, subject: str) -> Candidate:
    hit = Hit(path="n.md", chunk_id="c1", score=1.0, text=text, location=Location())
    unit = Unit(quote=text, text=text, hit=hit, rank=0, position=0, subject=subject, context=subject, date=None,
                date_source="mtime")
    return Candidate(unit, 0.55, 0.6, 0.6, None, 0.5)


def test_the_support_score_reports_the_thing_asked_for_and_whether_its_statements_hold_it() -> None:
    silent = _candidate("18 Feb 2026 — Licence assessment portfolio started. Needs 6 pieces of evidence.",
                        "Tariq mentoring log")
    q = "What mark did Tariq get in his licence assessment?"
    plain, _ = support_score(q, 0.5, [silent])
    score, checks = support_score(q, 0.5, [silent], in_notes=lambda w, s: True)
    assert checks["focal"] == ["mark"] and checks["focal_missing"] == ["mark"]
    assert checks["features"]["focal_missing"] == 1.0 and checks["features"]["focal_any"] == 1.0
    # A signal for calibration (bench/fit_support.py --penalise focal_missing), not a penalty: on a held-out
    # dev vault it did not separate unanswerable questions from answered ones.
    assert score == pytest.approx(plain)
    said = _candidate("14 Jul 2026 — He passed: mark 71%, licence issued.", "Tariq mentoring log")
    assert support_score(q, 0.5, [said], in_notes=lambda w, s: True)[1]["features"]["focal_missing"] == 0.0


def test_a_quoted_note_that_says_it_keeps_no_copy_costs_the_answer_its_support(
        monkeypatch: pytest.MonkeyPatch) -> None:
    line = ("Buildings insurance: required from date of entry — bought via comparison site, policy documents in "
            "the insurer's app. I haven't copied anything about it here.")
    used = [_candidate(line, "Mortgage")]
    q = "What's our buildings insurance policy number?"
    score, checks = support_score(q, 0.5, used)
    assert checks["withheld"].startswith("Buildings insurance")
    monkeypatch.setattr(abstain, "_WITHHELD", re.compile(r"(?!x)x"))  # the same answer, no line read as withheld
    monkeypatch.setattr(unstated, "ELSEWHERE", re.compile(r"(?!x)x"))  # ("policy documents in the insurer's app")
    assert score == pytest.approx(support_score(q, 0.5, used)[0] - abstain.WITHHELD_PENALTY)


def test_a_note_that_says_it_did_not_keep_the_thing_withholds_it() -> None:
    assert _WITHHELD.search("Buildings insurance: bought via comparison site. I haven't copied anything about it "
                            "here.")
    assert _WITHHELD.search("Policy number: didn't write it down.")
    assert not _WITHHELD.search("I haven't copied the recipe yet, it is in the blue book.")


def test_a_withheld_line_among_the_best_retrieved_statements_counts_when_the_answer_is_about_something_else(
        ) -> None:
    q = "What's our buildings insurance policy number?"
    elsewhere = _candidate("P2 (council tenant, phone) — Went straight to the phone number, never read the site.",
                           "Interviews")
    kept_none = _candidate("Buildings insurance: bought via comparison site, policy documents in the insurer's app. "
                           "I haven't copied anything about it here.", "Mortgage")
    alone, checks = support_score(q, 0.5, [elsewhere], candidates=[elsewhere])
    assert checks["withheld"] == ""
    score, checks = support_score(q, 0.5, [elsewhere], candidates=[elsewhere, kept_none])
    assert checks["withheld"].startswith("Buildings insurance")
    assert score == pytest.approx(alone - abstain.WITHHELD_PENALTY)
    # An answer whose own statement speaks of the asked thing, without saying it is not kept, stands.
    said = _candidate("Buildings insurance policy number: HX-20931-B, with Lomond Mutual.", "Mortgage")
    assert support_score(q, 0.5, [said], candidates=[said, kept_none])[1]["withheld"] == ""
