"""Numeric and single-fact answers: the kind of value asked for, bounds that are not values, the extreme row of
a log, the row of the day a question names, initialisms the question spells out, and the note that keeps a
value cited beside the one that mentions it.

The helpers are tested on hand-made statements; the end-to-end answers run the real MiniLM embedder over a
small vault (tests/data/quantity_vault), indexed once per module.
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from small_vault import vault_brain

from memex.agents import initials, quantity
from memex.agents.answer_type import DURATION, MONEY, QUANTITY, expected, matches
from memex.agents.evidence import Unit
from memex.agents.extractive import Candidate
from memex.app import Brain
from memex.domain import Hit, Location

VAULT = Path(__file__).parent / "data" / "quantity_vault"


def _cand(text: str, score: float, doc: int = 1, date: str | None = None, kind: float | None = 1.0) -> Candidate:
    hit = Hit(path=f"n{doc}.md", chunk_id=f"c{doc}-{abs(hash(text)) % 1000}", score=1.0, text=text,
              location=Location(), doc_id=doc)
    unit = Unit(quote=text, text=text, hit=hit, rank=0, position=0, subject=f"Note {doc}", context=f"Note {doc}",
                date=date, date_source="text" if date else "mtime")
    return Candidate(unit, 0.5, 0.2, 0.2, kind, score)


@pytest.mark.parametrize(("question", "kind"), [
    ("What balance did I pay the installer on completion?", MONEY),
    ("What did the heat pump cost me after the grant?", MONEY),
    ("What was my 10 km split in the race?", QUANTITY),
    ("What was my average speed on the long ride?", QUANTITY),
    ("How long did the app take to start on her phone?", DURATION),
])
def test_the_value_a_question_asks_for_is_read_from_its_noun_or_verb(question: str, kind: str) -> None:
    assert kind in expected(question).kinds


def test_seconds_are_a_duration() -> None:
    q = "How long did the app take to cold-start?"
    assert matches(expected(q), "The app took 11 seconds to open on her phone.", q) == 1.0
    assert matches(expected(q), "Cold start: 8 secs on the old phone.", q) == 1.0


def test_a_bound_or_a_goal_offers_a_value_only_weakly() -> None:
    q = "What was my time in the Riverside 10?"
    assert matches(expected(q), "Target: finish under 50 minutes. Realistic after a winter of base miles.", q) == 0.5
    assert matches(expected(q), "Gold under 45:00, silver under 52:00.", q) == 0.5
    assert matches(expected(q), "Chip time 48:31. Legs gone at 8 km.", q) == 1.0
    # A question about the limit itself is answered by it.
    q = "What was my target time for the Riverside 10?"
    assert matches(expected(q), "Target: finish under 50 minutes.", q) == 1.0
    assert not any(ch.isdigit() for ch in quantity.without_bounds("finish under 50 minutes, sub-2:00, 20+ km"))
    assert quantity.without_bounds("Chip time 48:31") == "Chip time 48:31"
    # "~" is "about": an approximate value, not a bound
    assert quantity.without_bounds("they lose ~18% at the address step") == "they lose ~18% at the address step"


def test_a_superlative_question_takes_the_extreme_row_of_the_log() -> None:
    assert quantity.superlative("What was the highest reading in my log?") == 1
    assert quantity.superlative("What was my shortest ride?") == -1
    assert quantity.superlative("What was the most recent reading?") == 0
    assert quantity.superlative("Which rides went over 80 km?") == 0
    rows = [_cand("16 Aug: 127/80", 0.60), _cand("19 Apr: 138/88", 0.59), _cand("8 Mar: 140/89", 0.59),
            _cand("28 Dec: 156/98 — Christmas", 0.53), _cand("Target: under 135/85", 0.63)]
    rows.sort(key=lambda c: -c.score)
    assert quantity.extreme_row("What was the highest reading in my log?", rows).text.startswith("28 Dec")
    assert quantity.extreme_row("What was the lowest reading in my log?", rows).text.startswith("16 Aug")
    # Rows of another note, or too few rows, are no log to compare.
    assert quantity.extreme_row("What was the highest reading?", rows[:3]) is None
    assert quantity.extreme_row("What was the reading in April?", rows) is None


def test_the_row_of_the_day_the_question_names_comes_first() -> None:
    cands = [_cand("Date: 2025-12-13; Takings: £388; Items: 22", 0.50, date="2025-12-13"),
             _cand("Stock count done Sunday, ready for the markets.", 0.49),
             _cand("Date: 2025-11-22; Takings: £305; Items: 18", 0.47, date="2025-11-22"),
             _cand("Date: 2025-11-22; far below the best", 0.30, date="2025-11-22")]
    q = "How many items did I sell at the market on 22 November 2025?"
    assert quantity.on_named_date(q, cands)[0].text.endswith("Items: 18")
    assert quantity.on_named_date(q, cands)[-1].score == 0.30
    assert quantity.named_dates("What was the gas reading in January 2026?") == [("2026-01-01", "2026-01-31")]
    assert quantity.on_named_date("How many items did I sell?", cands) == cands
    # A day named without its year ("el 22-nov", "on 22 November") matches that day in any year.
    assert quantity.named_days("¿Cuántas piezas vendí en el mercado el 22-nov?") == {"11-22"}
    assert quantity.on_named_date("¿Cuántas piezas vendí en el mercado el 22-nov?", cands)[0].text.endswith("18")
    assert quantity.on_named_date("How many items did I sell on 22 November?", cands)[0].text.endswith("18")
    assert quantity.named_days("How many items did I sell on 22 November 2025?") == frozenset()


def test_initialisms_the_question_spells_out_are_read_beside_their_words() -> None:
    spelled = initials.spelled_out("Where is the mountain rescue team's base?")
    assert spelled["MRT"] == "mountain rescue team"
    assert initials.expand("Lennox MRT trains at the base in Drymen.", spelled) == \
        "Lennox MRT (mountain rescue team) trains at the base in Drymen."
    spelled = initials.spelled_out("When is my next blood pressure review?")
    assert initials.expand("Next: BP review in May 2027. NB: fasting.", spelled) == \
        "Next: BP (blood pressure) review in May 2027. NB: fasting."
    assert initials.expand("Nothing abbreviated here.", spelled) == "Nothing abbreviated here."


def test_the_note_that_keeps_the_value_is_cited_beside_the_mention() -> None:
    mention = _cand("She'll be 10 on 18 December. Party on the 19th.", 0.70, doc=1)
    person = _cand("Daughter. Born 18 December 2016.", 0.60, doc=2)
    other = _cand("Birthday party deposit £50 paid.", 0.65, doc=3)
    cands = [mention, other, person]
    assert quantity.corroborate("When is Ada's birthday?", [mention], cands) is person
    ledger = _cand("Invoice: CL-2026-01; Amount: £2,438.60", 0.6, doc=1)
    invoice = _cand("TOTAL DUE: £2,438.60", 0.5, doc=2)
    assert quantity.corroborate("How much was the January invoice?", [ledger], [ledger, invoice]) is invoice
    # Too far below the best, or only a value the question already gives: no second citation.
    far = _cand("TOTAL DUE: £2,438.60", 0.2, doc=2)
    assert quantity.corroborate("How much was the invoice?", [ledger], [ledger, far]) is None
    assert quantity.corroborate("Was it £2,438.60?", [ledger], [ledger, invoice]) is None
    assert quantity.figures("took 11 seconds, 55:40, £46,800, 1.5 km") == {"11s", "55:40", "46800", "1.5km"}


@pytest.fixture(scope="module")
def brain(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Brain]:
    yield from vault_brain(tmp_path_factory.mktemp("vault"), VAULT)


def test_end_to_end_the_highest_reading_of_a_log(brain: Brain) -> None:
    a = brain.ask("What was the highest home blood pressure reading in my log?")
    assert not a.abstained
    assert "156/98" in a.answer


def test_end_to_end_an_abbreviated_answer_and_a_result_not_a_target(brain: Brain) -> None:
    a = brain.ask("When is my next blood pressure review?")
    assert "May 2027" in a.answer
    a = brain.ask("What was my time in the Riverside 10?")
    assert "48:31" in a.answer


def test_a_company_is_named_by_its_legal_form_where_the_word_company_is_not_written() -> None:
    q = "What's Dougie's company called?"
    stmt = "Builder — director of Pryce & Son Building Ltd (Feeder Yard). Everyone calls him Dougie."
    assert matches(expected(q), stmt, q, "Douglas Pryce") == 1.0
    assert matches(expected(q), "Tea: strong, two sugars, builder's (obviously).", q, "Douglas Pryce") == 0.0


def test_the_longest_ride_before_an_event_is_compared_in_km_among_the_rows_before_it() -> None:
    rows = [_cand("2026-09-13 — HOWARDIAN 100: 100 km, 4:26:37 chip", 0.52, date="2026-09-13"),
            _cand("2026-08-23 — 92 km, 3:49, 24.1, 1,150 m. Full Howardian route minus a loop", 0.52,
                  date="2026-08-23"),
            _cand("2026-08-09 — 88 km, 3:40, 24.0, 1,080 m", 0.44, date="2026-08-09"),
            _cand("2026-09-27 — 130 m climbing, 30 km, coffee ride", 0.43, date="2026-09-27")]
    q = "What was my average speed on my longest ride before the Howardian?"
    assert quantity.row_value(rows[3].text, "longest") == 30
    assert quantity.extreme_row(q, rows).text.startswith("2026-08-23")
    assert quantity.extreme_row("What was my longest ride?", rows).text.startswith("2026-09-13")


def _hit(text: str) -> Hit:
    return Hit(path="minutes.pdf", chunk_id="m1", score=1.0, text=text, location=Location(), doc_id=7,
               title="Design review minutes")


def test_a_hard_wrapped_list_that_ends_a_line_on_a_comma_is_one_statement() -> None:
    from memex.agents.evidence import units

    text = ("Chair: Farida Rahman    Minutes: Hamza Qureshi\n"
            "Present: Owen Leathley (client sponsor), Farida Rahman, Ruth Ackroyd,\n"
            "Tariq Bhatti, Lena Kowalczyk\n"
            "1. Design freeze\n")
    texts = [u.text for u in units(_hit(text), 0)]
    assert "Present: Owen Leathley (client sponsor), Farida Rahman, Ruth Ackroyd, Tariq Bhatti, Lena Kowalczyk" \
        in texts


def test_a_statement_that_opens_a_list_brings_its_items() -> None:
    from memex.agents import listed
    from memex.agents.evidence import units

    text = ("The client accepts the Stage 2 design with four conditions:\n"
            "(a) obstacle detection evidence for Carr Lane before the Stage 3 submission;\n"
            "(b) a decision on retaining the Wressle Moor lever frame by 30\n"
            "June 2026.\n"
            "(c) the axle counter reset procedure for the Skelbrooke end.\n"
            "The chair declared the Stage 2 design frozen from Friday 8 May 2026.\n")
    us = units(_hit(text), 0)
    items = listed.items_after(us[0], us)
    assert [u.quote[:3] for u in items] == ["(a)", "(b)", "(c)"]
    assert listed.items_after(us[1], us) == []  # not a list's opening line
