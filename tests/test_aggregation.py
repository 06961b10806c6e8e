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
    "Where have I taken the boat on trips?",
    "What have I seen the GP surgery about since October 2025?",
    "Who has conducted my quarter peals?",
    "Whose birthdays did I mark in my journal?",
    "Which books on my reading list did I finish?",
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
    "What have I been told about the boiler?",
    "Who has fixed my bike?",
    "What have I got left in the ISA?",
    "Which bus riders in the study were taking pictures of their tickets in advance?",
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


def _row(cells: str, score: float, path: str, position: int, subject: str) -> aggregate.Candidate:
    """A table row as evidence gives it: the quoted line, the text labelled by the header."""
    from dataclasses import replace

    labels, values = ["Date", "Harbour", "Distance"] if "nm" in cells else ["Item", "£/month"], cells.split("|")
    text = "; ".join(f"{k}: {v.strip()}" for k, v in zip(labels, values, strict=False))
    x = _cand(f"| {cells} |", score, path, "2026-06-01", "frontmatter")
    return replace(x, unit=replace(x.unit, text=text, position=position, subject=subject))


def test_rows_of_one_table_among_the_best_give_every_row_though_none_says_the_asked_word() -> None:
    # A cruising log's rows name the harbours, never "places": two of them lead the best statements, so the
    # whole table (read from the store) is the answer, not the best statement of each note.
    question = "Which places did we stop at on the summer cruise?"
    log = "boat/Logbook 2026.md"
    rows = [_row("3 Jun | Padstow | 40 nm", 0.55, log, 1, "Logbook 2026"),
            _row("5 Jun | St Ives | 32 nm", 0.54, log, 2, "Logbook 2026"),
            _row("8 Jun | Newlyn | 18 nm", 0.30, log, 3, "Logbook 2026"),
            _row("9 Jun | Scilly | 36 nm", 0.28, log, 4, "Logbook 2026")]
    cands = [rows[0], rows[1], _cand("The cruise was the best fortnight of the year.", 0.50, "journal/2026-06-20.md",
                                     "2026-06-20", "file name"), rows[2]]
    idf = {"cruise": 6.0, "summer": 4.0, "stop": 3.0, "plac": 2.0}
    got = aggregate.collect(question, cands, idf, aggregate.constraints(question),
                            lambda anchors: [x.unit for x in rows], lambda units: [
                                next(r for r in rows if r.unit.text == u.text) for u in units])
    assert [x.text.split("; ")[1] for x in got.items] == ["Harbour: Padstow", "Harbour: St Ives", "Harbour: Newlyn",
                                                          "Harbour: Scilly"]
    # A count keeps to the question's words: rows that do not say what is counted are not counted.
    count = "How many places did we stop at on the summer cruise?"
    got = aggregate.collect(count, cands, idf, aggregate.constraints(count), lambda a: [x.unit for x in rows],
                            lambda us: [])
    assert len(got.items) < 4


def test_the_words_for_what_each_row_is_do_not_tell_rows_apart() -> None:
    # One row of the log happens to say "trip" and "took"; the question's "trips" and "taken" say what every row
    # is, so all the rows are listed, not that one.
    question = "Where have I taken the boat on trips?"
    log = "boat/Logbook 2026.md"
    rows = [_row("3 Jun | Padstow, took Mum | 40 nm", 0.55, log, 1, "Logbook 2026"),
            _row("5 Jun | St Ives, first trip | 32 nm", 0.54, log, 2, "Logbook 2026"),
            _row("8 Jun | Newlyn | 18 nm", 0.30, log, 3, "Logbook 2026")]
    cands = [rows[0], rows[1], _cand("Bought the boat in May.", 0.50, "journal/2026-05-20.md", "2026-05-20",
                                     "file name")]
    idf = {"take": 6.0, "trip": 5.0, "boat": 2.0}
    got = aggregate.collect(question, cands, idf, aggregate.constraints(question),
                            lambda anchors: [x.unit for x in rows], lambda units: [
                                next(r for r in rows if r.unit.text == u.text) for u in units])
    assert [x.hit.path for x in got.items] == [log, log, log]


def test_a_header_that_names_the_asked_thing_makes_its_rows_match() -> None:
    # "Monthly outgoings" heads the budget table; the bills table below it says "bills" in its rows' text. The
    # rows under the heading the question names are the answer, all of them.
    question = "Which bills were in my monthly outgoings?"
    budget, bills = "money/Budget.md", "money/Energy bills.md"
    table = [_row("Mortgage | 612", 0.55, budget, 1, "Budget › Monthly outgoings"),
             _row("Council tax | 174", 0.40, budget, 2, "Budget › Monthly outgoings"),
             _row("Water | 38", 0.50, budget, 3, "Budget › Monthly outgoings")]
    other = [_row("Feb 2026 bill | 214", 0.52, bills, 1, "Energy bills › Bills"),
             _row("Mar 2026 bill | 190", 0.45, bills, 2, "Energy bills › Bills")]
    cands = [table[0], other[0], table[2], other[1]]
    idf = {"outgoing": 6.0, "bill": 5.0, "monthly": 3.0}
    everything = [*table, *other]
    got = aggregate.collect(question, cands, idf, aggregate.constraints(question),
                            lambda anchors: [x.unit for x in everything],
                            lambda units: [next(r for r in everything if r.unit.text == u.text) for u in units])
    assert {x.hit.path for x in got.items} == {budget}
    assert len(got.items) == 3


def test_a_list_that_leads_is_read_whole_from_its_note() -> None:
    # Retrieval returned three of the survey's recommendations; the rest of the list, in the note's other chunks,
    # is read from the store and listed too.
    question = "Which recommendations did the survey make?"
    doc, subject = "home/Survey.docx", "Survey › Recommendations"
    cands = [_item("- Replace the gutter on the north side.", 0.60, doc, 1, subject),
             _item("- Repoint the chimney stack.", 0.58, doc, 2, subject),
             _item("Survey done on a wet morning.", 0.50, doc, 0, "Survey"),
             _item("- Clear the air bricks.", 0.55, doc, 3, subject)]
    unseen = _item("- Treat the woodworm in the loft.", 0.20, doc, 4, subject)
    idf = {"survey": 6.0, "recommend": 5.0}
    got = aggregate.collect(question, cands, idf, aggregate.constraints(question), lambda a: [], lambda us: [
        unseen for u in us if u.text == unseen.text], lambda lead: [x.unit for x in [*cands, unseen]
                                                                  if x.unit.subject == lead.unit.subject])
    assert "- Treat the woodworm in the loft." in [x.text for x in got.items]
    assert "Survey done on a wet morning." not in [x.text for x in got.items]


@pytest.mark.parametrize(("question", "collects"), [
    ("What exercises did Vonnie recommend for my knee?", True),
    ("What did the surveyor recommend?", True),
    ("What did the man who recommended my mechanic give me?", False),
    ("What does the friend who recommended my builder sell?", False),
])
def test_asking_for_advice_collects_it(question: str, collects: bool) -> None:
    assert aggregate.collecting(question) is collects
