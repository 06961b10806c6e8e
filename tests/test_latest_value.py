""""Latest: … Before that: …" answers hold the asked value: only statements that give what is asked compete, a
date a value holds ("renews 14 August", "valid until …") does not date its statement, a rise ("going up to £690")
is not a bound, and a question that meets no change gets a plain answer.

The helpers are tested on hand-made text; the end-to-end answers run the real MiniLM embedder over a small vault
(tests/data/value_vault), indexed once per module.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from small_vault import vault_brain

from memex.agents.answer_type import TIME, WEEKDAY, expected
from memex.agents.quantity import without_bounds
from memex.app import Brain
from memex.ingest.dates import find_dates, scheduled, sentence_dates

VAULT = Path(__file__).parent / "data" / "value_vault"


def _scheduled(text: str) -> list[bool]:
    return [scheduled(text, m) for m in find_dates(text, dt.date(2026, 1, 1))]


def test_a_date_the_value_holds_is_not_the_statements_date() -> None:
    assert _scheduled("Van insurance renews **14 August**. 2025-26: £780.") == [True]
    assert _scheduled("MOT due every 14 November.") == [True]
    assert _scheduled("Current licence valid until 30 Nov 2026.") == [True]
    assert _scheduled("Abo gültig bis 3. März 2026") == [True]
    # A date the statement speaks for stays: from when it holds, when it happened.
    assert _scheduled("Paid 1 Nov 2025, pro-rata waived.") == [False]
    assert _scheduled("Ab 1. März 2026 zahle ich mehr.") == [False]
    text = "- Insurance renews 3 September. 2025-26: £412.\n- From 3 Sep 2026: £1,380."
    first, second = text.split("\n")
    spans = [(0, len(first)), (len(first) + 1, len(text))]
    assert sentence_dates(text, spans, None, "2026-01-05", "2026-12-01") == ["2026-01-05", "2026-09-03"]


def test_a_rise_is_not_a_bound() -> None:
    rise = "Agent's email 3 June 2026: going up to £690 a month from 1 September 2026."
    assert without_bounds(rise) == rise
    assert "8" not in without_bounds("The lift takes up to 8 people.")


def test_what_night_asks_for_a_weekday() -> None:
    assert {WEEKDAY, TIME} <= expected("What night is choir rehearsal?").kinds
    assert WEEKDAY in expected("What days does the market run?").kinds


@pytest.fixture(scope="module")
def brain(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Brain]:
    yield from vault_brain(tmp_path_factory.mktemp("vault"), VAULT)


def test_end_to_end_the_latest_value_is_the_asked_ones_not_the_newest_section(brain: Brain) -> None:
    # The council-tax section is dated later than the old rent line, yet gives no rent: the rise does.
    a = brain.ask("How much is the rent on Mill Row?")
    assert a.answer.startswith("Latest:") and "£690" in a.answer.split("Before that:")[0], a.answer
    assert "£640" in a.answer and "1,402" not in a.answer and not a.abstained


def test_end_to_end_a_renewal_day_does_not_make_the_old_premium_news(brain: Brain) -> None:
    a = brain.ask("How much is the van insurance?")
    assert a.answer.startswith("Latest:") and "£1,150" in a.answer.split("Before that:")[0], a.answer


def test_end_to_end_a_question_that_meets_no_change_gets_a_plain_answer(brain: Brain) -> None:
    # The 1-1s note's latest entry says nothing of coffee: no "Latest:" form, and the answer holds the coffee line.
    a = brain.ask("How does Marta take her coffee?")
    assert not a.answer.startswith("Latest:") and "black, one sugar" in a.answer, a.answer
