"""Aggregation questions ("how many…", "which … did I…", "how much … altogether"): every matching row or
statement across notes, limited to the question's dates, months and thresholds, counted or summed, each cited.

The constraint parsing is tested without a model; the end-to-end answers run the real MiniLM embedder over a
small vault of tables and logs (tests/data/ledger_vault), one index per module.
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from memex.agents import aggregate
from memex.agents.plan import decompose
from memex.app import Brain

VAULT = Path(__file__).parent / "data" / "ledger_vault"


@pytest.mark.parametrize("question", [
    "How many times did I top up the boiler?",
    "Which radiators were replaced when the heat pump went in?",
    "Which Edinburgh flats did we view?",
    "Which of my training rides went over 80 km?",
    "Who have my line managers been since September 2025?",
    "How much did I claim in expenses for March 2026?",
    "What did the stall take across the two October 2026 markets?",
])
def test_collecting_questions_are_planned_as_aggregation(question: str) -> None:
    assert decompose(question).kind == "aggregation"


@pytest.mark.parametrize("question", [
    "What size shoes does Kit wear?",
    "What does the sister who does most of Mum's care do for a living?",
    "Which signal boxes does OVR replace?",
    "How much did the boiler service cost?",
    "How much did I pay for the boiler service?",
    "When is Jonah's birthday?",
])
def test_single_fact_questions_are_not_collected(question: str) -> None:
    assert not aggregate.collecting(question)


def test_constraints_read_thresholds_months_and_the_operation() -> None:
    c = aggregate.constraints("How many long runs of 18 km or more did I do?")
    assert c.operation == "count" and c.thresholds == [aggregate.Threshold("ge", 18.0, "km")]
    c = aggregate.constraints("Which of my rides went over 80 km?")
    assert c.thresholds == [aggregate.Threshold("gt", 80.0, "km")]
    c = aggregate.constraints("Which invoices were at least £1,000?")
    assert c.thresholds == [aggregate.Threshold("ge", 1000.0, "£")]
    c = aggregate.constraints("Which invoices were £1,000 or more?")
    assert c.thresholds == [aggregate.Threshold("ge", 1000.0, "£")]
    c = aggregate.constraints("Whose birthdays fall in December or February?")
    assert c.months == {12, 2} and c.operation == "list"
    # A month used as a label is not a constraint.
    assert not aggregate.constraints("What extras got added after the February revised quote?").months
    c = aggregate.constraints("How many days did I bill in 2026?", ("2026-01-01", "2026-12-31"))
    assert c.operation == "sum" and c.measure == "days?" and not c.months
    assert aggregate.constraints("How much did I invoice Northwind Labs altogether?").measure == "money"


def test_thresholds_compare_amounts_of_the_asked_unit() -> None:
    over = aggregate.Threshold("ge", 18.0, "km")
    assert over.holds("2026-08-02 — 18 km, 1:49:05")
    assert not over.holds("2026-05-31 — 17 km, 1:43:20, 18 people at the start")  # 18 of something else
    assert aggregate.Threshold("gt", 1000.0, "£").holds("Amount: £2,000.00")
    assert aggregate.money("Rate: £700; Amount: £4,200.00") == [(700.0, "£"), (4200.0, "£")]
    assert aggregate.money("Total: 492,00 €") == [(492.0, "€")]


@pytest.fixture(scope="module")
def brain(tmp_path_factory: pytest.TempPathFactory) -> Brain:
    root = tmp_path_factory.mktemp("ledger")
    vault = root / "vault"
    shutil.copytree(VAULT, vault)
    b = Brain.open(root / "home")
    b.add([vault])
    yield b
    b.close()


def _numbers(answer: str) -> list[str]:
    return re.findall(r"\((\d+)\) ", answer)


@pytest.mark.slow
def test_sum_over_the_rows_of_a_month(brain: Brain) -> None:
    a = brain.ask("What did the stall take across the two October 2026 markets?")
    assert not a.abstained
    assert "£305" in a.answer and "£228" in a.answer
    assert "£175" not in a.answer and "£210" not in a.answer  # October 2025, outside the question's dates
    assert a.answer.startswith("2 matching entries") and "total £533.00" in a.answer
    assert {Path(c.path).name for c in a.citations} == {"Stall takings.md"}


@pytest.mark.slow
def test_threshold_keeps_only_the_rows_that_meet_it(brain: Brain) -> None:
    a = brain.ask("How many long runs of 18 km or more did I do?")
    assert not a.abstained and a.answer.startswith("3 matching entries")
    for day in ("2026-08-02", "2026-08-16", "2026-08-30"):
        assert day in a.answer
    assert "17 km" not in a.answer and "14 km" not in a.answer
    assert len(_numbers(a.answer)) == 3


@pytest.mark.slow
def test_every_row_of_a_table_is_read_and_a_name_tells_rows_apart(brain: Brain) -> None:
    a = brain.ask("How much did I invoice Northwind Labs altogether?")
    assert not a.abstained
    assert "total £12,600.00" in a.answer  # 4,200 + 2,800 + 5,600: the Amount column, not the Rate
    assert "Northwind Trust" not in a.answer and "Pebble Bank" not in a.answer
    # Each listed row is cited with the exact table line it comes from.
    assert all("Northwind Labs" in c.quote for c in a.citations)


@pytest.mark.slow
def test_sum_of_a_unit_within_a_year(brain: Brain) -> None:
    a = brain.ask("How many days did I bill across all clients in 2026?")
    assert not a.abstained
    assert "total 25 days" in a.answer  # 5 + 6 + 4 + 2 + 8; the 2025 invoice is out
    assert "NT-2025-01" not in a.answer


@pytest.mark.slow
def test_months_named_without_a_year_filter_a_list_across_notes(brain: Brain) -> None:
    a = brain.ask("Whose birthdays fall in December or February?")
    assert not a.abstained
    assert "Marta Quinn" in a.answer and "Tomas Reid" in a.answer
    assert "Ines" not in a.answer  # July
    assert "Latest:" not in a.answer  # an aggregation is never framed as a change over time


def _cand(text: str, score: float, path: str, date: str, source: str) -> aggregate.Candidate:
    from memex.agents.evidence import Unit
    from memex.domain import Hit, Location

    hit = Hit(path=path, chunk_id=path, score=1.0, text=text, location=Location(), doc_id=hash(path) % 1000)
    unit = Unit(quote=text, text=text, hit=hit, rank=0, position=0, subject=Path(path).stem, context=Path(path).stem,
                date=date, date_source=source)
    return aggregate.Candidate(unit, 0.5, 0.1, 0.1, 1.0, score)


def test_a_list_whose_words_no_statement_holds_takes_the_best_of_each_note_near_the_best() -> None:
    question = "Which places abroad did I travel to in 2026?"
    cands = [_cand("Train to Bruges, 6h30 door to door.", 0.43, "trips/Bruges.md", "2026-03-13", "text"),
             _cand("Hotel by the canal, booked by Yvonne.", 0.42, "trips/Bruges.md", "2026-03-13", "text"),
             # a diary entry dated by its file name: it meets the window after the statements dated in their text
             _cand("Flying to Galway on Saturday for Mum's move.", 0.40, "journal/2026-10-11.md", "2026-10-11",
                   "file name"),
             _cand("Flew to Amsterdam, train to Utrecht.", 0.38, "trips/Utrecht.md", "2026-10-23", "text"),
             _cand("Dentist moved to Thursday.", 0.20, "journal/2026-05-02.md", "2026-05-02", "file name")]
    idf = {"abroad": 6.0, "travel": 5.0, "place": 2.0}
    c = aggregate.constraints(question, ("2026-01-01", "2026-12-31"))
    got = aggregate.collect(question, cands, idf, c)
    assert [x.hit.path for x in got.items] == ["trips/Bruges.md", "journal/2026-10-11.md", "trips/Utrecht.md"]
    # A count of statements that do not say what is counted would be noise: it keeps to the words.
    count = "How many places abroad did I travel to in 2026?"
    got = aggregate.collect(count, cands, idf, aggregate.constraints(count, ("2026-01-01", "2026-12-31")))
    assert len(got.items) < 2


def _item(text: str, score: float, path: str, position: int, subject: str) -> aggregate.Candidate:
    from dataclasses import replace

    x = _cand(text, score, path, "2026-08-22", "frontmatter")
    return replace(x, unit=replace(x.unit, position=position, subject=subject))


def test_a_list_in_the_best_note_gives_all_its_items_even_those_that_scored_low() -> None:
    # The items are in another language than the question, and one item shares a word stem with the question
    # by accident ("placas" / "places"): the list the best statements come from is the answer.
    question = "Which places did we visit on the summer holiday?"
    trip, shop = "viajes/Verano.md", "obrador/Horno.md"
    cands = [_item("- Playa de Merón casi todos los días.", 0.61, trip, 3, "Verano"),
             _item("Del 13 al 22 de agosto.", 0.60, trip, 0, "Verano"),
             _item("- Excursión a Comillas y a Potes.", 0.60, trip, 4, "Verano"),
             _item("Retraso en fábrica con las placas refractarias.", 0.57, shop, 0, "Horno"),
             _item("- Museo de Altamira el 18.", 0.41, trip, 6, "Verano"),
             _item("- Le dije que sí.", 0.40, shop, 1, "Horno")]
    idf = {"plac": 6.0, "holiday": 5.0, "visit": 4.0}
    got = aggregate.collect(question, cands, idf, aggregate.constraints(question))
    texts = [x.text for x in got.items]
    assert {"- Playa de Merón casi todos los días.", "- Excursión a Comillas y a Potes.",
            "- Museo de Altamira el 18."} <= set(texts)
    assert "- Le dije que sí." not in texts  # another note's list item, far from the best
    # A count keeps to the question's words: the list's items are not all things counted.
    count = "How many places did we visit on the summer holiday?"
    got = aggregate.collect(count, cands, idf, aggregate.constraints(count))
    assert "- Museo de Altamira el 18." not in [x.text for x in got.items]
