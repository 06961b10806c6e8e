"""Arithmetic over cited facts (agents/arithmetic.py): the time between two dated facts for "how long … before …",
a count × rate for "how much … in total"; and a Spanish description that names the other person of the bridging
statement ("el que juega al ajedrez con Tomás") does not make that person the bridge."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from small_vault import cited_names, vault_brain

from memex.agents.arithmetic import (
    amounts,
    asks_total,
    difference_of,
    duration,
    pair_with_gap,
    product,
    span_ends,
    stated_difference,
)
from memex.agents.multihop import named_inside
from memex.agents.plan import relation
from memex.app import Brain

VAULT = Path(__file__).parent / "data" / "arithmetic_vault"


def test_the_two_ends_of_a_span_question() -> None:
    assert span_ends("How long did Dad have morning-only visits before the teatime calls were added?") == (
        "Dad have morning-only visits", "the teatime calls were added")
    assert span_ends("How many weeks was it between the offer and the date of entry?") == (
        "the offer", "the date of entry")
    assert span_ends("How long after the operation did he drive again?") == ("the operation", "he drive again")
    assert span_ends("How long is the Howardian 100?") is None
    assert span_ends("What did I do before the move?") is None


def test_durations_read_as_people_say_them() -> None:
    assert duration(dt.date(2025, 10, 27), dt.date(2026, 1, 12)) == "11 weeks"
    assert duration(dt.date(2025, 3, 3), dt.date(2025, 3, 8)) == "5 days"
    assert duration(dt.date(2025, 3, 3), dt.date(2025, 4, 1)) == "about 4 weeks (29 days)"
    assert duration(dt.date(2025, 1, 1), dt.date(2025, 7, 1)) == "about 6 months (181 days)"


def test_a_count_and_a_rate_of_the_same_unit_multiply() -> None:
    assert product("15 days over March–May, £450/day (my charity rate)") == ("15 days × £450", 6750.0, "£")
    assert product("Fee: 15 days at £450 per day, total £6,750, no VAT") == ("15 days × £450", 6750.0, "£")
    assert product("3 sessions at £80 each") == ("3 sessions × £80", 240.0, "£")
    # Different units, or no count, are not multiplied.
    assert product("Paid £40 per session; 12 people came") is None
    assert product("£450/day, same as last year") is None
    assert asks_total("How much was the whole contract worth with the client?")
    assert asks_total("How much did I invoice them altogether?")
    assert not asks_total("How much is the day rate?")


def test_a_name_part_of_a_fuller_name_the_description_gives_is_named_inside() -> None:
    via = "Juega al ajedrez los jueves con su vecino Tomás Vidal."
    assert named_inside("Vidal", "la que juega al ajedrez los jueves con Tomás", via)
    assert named_inside("Tomás Vidal", "la que juega al ajedrez los jueves con Tomás", via)
    assert not named_inside("Marta", "la que juega al ajedrez los jueves con Tomás", via)


@pytest.fixture(scope="module")
def brain(tmp_path_factory: pytest.TempPathFactory) -> Brain:
    yield from vault_brain(tmp_path_factory.mktemp("arithmetic"), VAULT)


@pytest.mark.slow
def test_how_long_a_state_lasted_before_the_next_change(brain: Brain) -> None:
    a = brain.ask("How long did Gran have morning-only visits before the evening calls were added?")
    assert not a.abstained
    # From the first mornings-only entry to the first evening call — not the later missed evening call.
    assert a.answer.startswith("14 weeks, from 3 March 2025 to 9 June 2025")
    assert "21 July" not in a.answer
    assert cited_names(a) == {"Gran care.md"}


@pytest.mark.slow
def test_a_contract_total_is_computed_from_days_and_day_rate(brain: Brain) -> None:
    a = brain.ask("How much was the whole contract worth with the client where Priya Nair works?")
    assert not a.abstained
    assert "12 days × £380 = £4,560" in a.answer
    assert "Riverside Trust.md" in cited_names(a)


@pytest.mark.slow
def test_the_person_a_spanish_description_names_is_not_the_bridge(brain: Brain) -> None:
    a = brain.ask("¿Qué no quiere en la ensalada la que juega al ajedrez los jueves con Tomás?")
    assert not a.abstained and "cilantro" in a.answer
    assert "Marta.md" in cited_names(a)


def test_a_difference_the_notes_state_is_written_in_full() -> None:
    assert difference_of("How much over the home report valuation did we pay for the flat?") == \
        "the home report valuation"
    assert difference_of("How much is the home report valuation?") == ""
    said = "So: £275,000 for 2F2. £10k over home report. Mortgage will lend against the £265k valuation."
    assert stated_difference("the home report valuation", said) == "£10,000"
    # An amount over something else is not the difference asked for.
    assert stated_difference("the home report valuation", "Asking: offers over £255,000.") == ""


def test_the_two_figures_a_stated_difference_is_the_gap_between() -> None:
    assert amounts("Final cost: £56,340. It's £9,540 more than the £46.8k first quote.") == [
        (56340.0, "£"), (9540.0, "£"), (46800.0, "£")]
    assert pair_with_gap(9540.0, [2817.0, 46800.0, 52350.0, 56340.0]) == (56340.0, 46800.0)
    # No pair, or two pairs the same gap apart, offers nothing: a coincidence is not the comparison.
    assert pair_with_gap(1000.0, [46800.0, 52350.0]) is None
    assert pair_with_gap(100.0, [100.0, 200.0, 300.0]) is None


def test_a_how_much_over_question_is_not_a_description_to_bridge() -> None:
    # "the home report valuation did we pay" is the question's own inversion, not "the thing we paid".
    assert relation("How much over the home report valuation did we pay for the flat?") is None
    assert relation("What did the agent we used charge?") == "the agent we used charge"


@pytest.mark.slow
def test_how_much_over_the_valuation_we_paid(brain: Brain) -> None:
    a = brain.ask("How much over the home report valuation did we pay for the house?")
    assert not a.abstained
    assert a.answer.startswith("£6,000 over the home report valuation")
    assert "£186,000" in a.answer.split(".")[0] and "£180,000" in a.answer.split(".")[0]  # what was compared
    assert "Buying 12 Rose Lane.md" in cited_names(a)


@pytest.mark.slow
def test_the_agent_who_sold_us_the_house_is_the_person_not_the_street(brain: Brain) -> None:
    a = brain.ask("How does the agent who sold us the house prefer to be contacted?")
    assert not a.abstained and "Phones, never emails" in a.answer
    assert "Fergus Hay.md" in cited_names(a)
