"""A present question with no "now" in it ("What does Pepper weigh?", "How much are the darts subs?") still asks
for the value that holds now, when the notes it is answered from keep a dated log or say from when a value holds."""
from __future__ import annotations

from memex.agents.compose import log_moved_on
from memex.agents.evidence import Unit
from memex.agents.extractive import Candidate
from memex.agents.plan import decompose
from memex.domain import Hit, Location


def _row(text: str, date: str, position: int, path: str = "home/Pepper.md") -> Candidate:
    hit = Hit(path=path, chunk_id="c1", score=1.0, text=text, location=Location(), doc_id=1)
    unit = Unit(quote=text, text=text, hit=hit, rank=0, position=position, subject="Pepper", context="Pepper",
                date=date, date_source="text")
    return Candidate(unit, 0.5, 0.2, 0.2, 1.0, 0.5)


def test_a_present_question_answered_by_an_older_log_row_reads_as_now() -> None:
    old = _row("date: 2 Sep 2026; kg: 8.7; note: dental", "2026-09-02", 5)
    new = _row("date: 18 Nov 2026; kg: 8.6; note: target 8.5", "2026-11-18", 6)
    assert log_moved_on("What does Pepper weigh?", [old], [old, new])
    caption = _row("weight log", "2026-11-18", 4)
    assert log_moved_on("What does Pepper weigh?", [caption, old], [caption, old, new])
    # A line of the same note that is not the log's caption leads: no measure asked for ("What's the dog called?").
    breed = _row("border terrier, girl, b. May 2016.", "2016-05-01", 1)
    assert not log_moved_on("What's the dog called?", [breed, old], [breed, old, new])
    # The latest row itself picked, a past question, a named day, or another log's later row: no change of path.
    assert not log_moved_on("What does Pepper weigh?", [new], [old, new])
    assert not log_moved_on("What did Pepper weigh at the dentist?", [old], [old, new])
    assert not log_moved_on("What does Pepper weigh on 2 Sep 2026?", [old], [old, new])
    other = _row("date: 18 Nov 2026; kg: 8.6; note: target 8.5", "2026-11-18", 6, path="home/Moss.md")
    assert not log_moved_on("What does Pepper weigh?", [old], [old, other])
    # A row of another note than the best statement's is no measure asked for ("What's the dog called?").
    tyson = _row("Liam Fairclough: Has a staffie called Tyson.", "2026-03-01", 0, path="people/Liam.md")
    assert not log_moved_on("What's the dog called?", [tyson, old], [tyson, old, new])
    # A long line above the rows says something of its own; a superlative compares the rows.
    intro = _row("Surgery: Maplebrook Surgery, GP Dr Anjali Rao. Reception opens 8am.", "2026-11-18", 4)
    assert not log_moved_on("Which GP surgery is Pepper registered with?", [intro, old], [intro, old, new])
    assert not log_moved_on("What is the lowest weight in Pepper's log?", [old], [old, new])
    # Prose lines are not rows of a log.
    prose = _row("Pepper 9.4 kg on the vets scales on 12 Aug 2025.", "2025-08-12", 1)
    assert not log_moved_on("What does Pepper weigh?", [prose], [prose, new])


def test_a_word_ending_in_est_is_no_superlative() -> None:
    old = _row("date: 2 Sep 2026; rate: 4.1%", "2026-09-02", 5, path="money/ISA.md")
    new = _row("date: 18 Nov 2026; rate: 3.9%", "2026-11-18", 6, path="money/ISA.md")
    assert log_moved_on("What is the ISA rate?", [old], [old, new])
    for q in ("What is the interest rate on the ISA?", "What is the request limit on the ISA?",
              "What is the harvest yield of the ISA forest?"):
        assert log_moved_on(q, [old], [old, new]), q
    for q in ("What is the highest rate on the ISA?", "What is the best ISA rate?", "What is the latest ISA rate?"):
        assert not log_moved_on(q, [old], [old, new]), q


def test_lately_asks_about_now() -> None:
    assert decompose("What mpg am I getting lately?").temporal
    assert decompose("Che libro sto leggendo ultimamente?").temporal


def test_a_rate_is_one_value_not_a_count_to_collect() -> None:
    for q in ("How many hours a week does Jana work now?", "Wie viele Stunden pro Woche arbeitet Jana R. jetzt?",
              "¿Cuántos días a la semana trabajo ahora para Naranjo Labs?", "Hoeveel uur per week werk ik nu?",
              "Combien de jours par semaine est-ce que je travaille ?", "Quantas horas por semana trabalho agora?",
              "Quanti giorni a settimana lavoro adesso?"):
        assert decompose(q).kind == "single", q
    assert decompose("How many notes mention Jana?").kind == "aggregation"
    assert decompose("Wie viele Kunden hatten wir 2026?").kind == "aggregation"


def test_a_rate_in_an_elided_or_spoken_form_is_one_value() -> None:
    for q in ("Combien d'heures par semaine est-ce que je travaille ?", "Wie viele Stunden am Tag arbeitet Jana jetzt?",
              "Wie viele Stunden die Woche arbeitet Jana jetzt?"):
        assert decompose(q).kind == "single", q


def test_a_rate_asked_in_total_is_a_count_to_collect() -> None:
    for q in ("How many hours a week did I work in total across all jobs in 2025?",
              "How many hours a week did I work altogether in 2025?",
              "¿Cuántas horas a la semana trabajé en total en 2025?",
              "Combien d'heures par semaine ai-je travaillé au total en 2025 ?",
              "Wie viele Stunden pro Woche habe ich 2025 insgesamt gearbeitet?",
              "Quante ore a settimana ho lavorato in totale nel 2025?",
              "Hoeveel uur per week heb ik in totaal gewerkt in 2025?",
              "Quantas horas por semana trabalhei ao todo em 2025?"):
        assert decompose(q).kind == "aggregation", q
