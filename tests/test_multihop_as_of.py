"""A time named by what happened then: "when Priya had her wisdom teeth out", "the month I won my first music round".

- The planner reads such a clause (a person and a past verb after "when", or "the day/week/month/year …") as the
  description of a time to find first; "What happens when you rename a note?" (a rule, present tense) is not one.
- "when …" asks what held on that day: the latest statement about it dated no later (the pay table's row from
  before the new rate); "the month …" reads the whole month of the bridging day.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from small_vault import vault_brain

from memex.agents.multihop import is_time_description, is_when, time_span
from memex.agents.plan import decompose
from memex.app import Brain

VAULT = Path(__file__).parent / "data" / "multihop_asof_vault"


def test_a_clause_of_when_with_a_past_verb_is_a_time_to_find_first() -> None:
    p = decompose("What was I earning an hour when Priya had her wisdom teeth out?")
    assert (p.kind, p.bridge) == ("relational", "when Priya had her wisdom teeth out")
    p = decompose("Which module did I do the month Keith retired?")
    assert (p.kind, p.bridge) == ("relational", "the month Keith retired")
    assert decompose("What happens when you rename a note?").kind != "relational"
    assert decompose("When did Priya have her wisdom teeth out?").kind != "relational"


def test_a_when_clause_inside_a_know_or_remind_frame_asks_for_the_date() -> None:
    # "Do you know when …" asks when it happened, not what held then: no time to find first.
    for q in ("Do you know when Mick had his knee done?", "Remind me when Priya had her wisdom teeth out.",
              "Can you tell me when I passed my driving test?", "I wonder when Tom passed his test?",
              "Any idea when Mick had his knee done?"):
        assert decompose(q).bridge is None, q
    p = decompose("How much was I paid when Mick had his knee done?")
    assert (p.kind, p.bridge) == ("relational", "when Mick had his knee done")
    p = decompose("Do you know what I was earning when Mick had his knee done?")
    assert (p.kind, p.bridge) == ("relational", "when Mick had his knee done")


def test_a_when_clause_whose_subject_is_a_pronoun_is_a_time_to_find_first() -> None:
    p = decompose("What car did Tom drive when he passed his test?")
    assert (p.kind, p.bridge) == ("relational", "when he passed his test")
    p = decompose("Where was Ruth living when she qualified as a nurse?")
    assert (p.kind, p.bridge) == ("relational", "when she qualified as a nurse")
    p = decompose("What were the Hendersons paying in rent when they moved to Leeds?")
    assert (p.kind, p.bridge) == ("relational", "when they moved to Leeds")
    assert decompose("What happens when you rename a note?").kind != "relational"


def test_the_span_a_time_description_covers() -> None:
    assert is_time_description("when I got towed near Carlisle") and is_when("when I got towed near Carlisle")
    assert is_time_description("the month I finished my hours") and not is_when("the month I finished my hours")
    assert time_span("the month I finished my hours", ["2026-02-17"]) == ("2026-02-01", "2026-02-28")
    assert not is_time_description("the Year 11 whose dad did the carpentry")  # a school year, not a time
    assert time_span("the year we moved", ["2025-06-02"]) == ("2025-01-01", "2025-12-31")
    assert time_span("the morning I finished 212th", ["2026-09-13"]) == ("2026-09-13", "2026-09-13")


@pytest.fixture(scope="module")
def brain(tmp_path_factory: pytest.TempPathFactory) -> Brain:
    yield from vault_brain(tmp_path_factory.mktemp("multihop_as_of"), VAULT)


@pytest.mark.slow
def test_when_asks_what_held_on_that_day(brain: Brain) -> None:
    a = brain.ask("What was I earning an hour when Priya had her wisdom teeth out?", trace=True)
    assert not a.abstained and "13.05" in a.answer
    assert "14.75" not in a.answer  # the rate that came after
    hop = next(s for s in a.steps["trace"] if s["step"] == "hop")
    assert hop["dates"][0] == "2026-05-12"



def test_a_year_less_29_february_bridges_without_crashing() -> None:
    from memex.agents.evidence import Unit
    from memex.agents.multihop import date_bridge
    from memex.domain import Hit, Location
    from memex.embed.hashing import HashEmbedder

    text = "29 Feb: we went to Bath for the week, the spa and the Roman baths."
    hit = Hit(path="/v/review.md", chunk_id="1", score=1.0, text=text, title="Review", location=Location())
    unit = Unit(quote=text, text=text, hit=hit, rank=0, position=0, subject="Review", context="Review",
                date="2024-02-29", date_source="text")
    found = date_bridge("the week we went to Bath", [unit], HashEmbedder(384), {})
    assert found is not None
    days = found[0]
    assert days[0] == "2024-02-29" and "2025-02-29" not in days  # 2025 has no 29 February
    for day in days:
        time_span("the week we went to Bath", [day])
    # A day that does not exist (as an older bridge could give) is read as the month's last, not an error.
    assert time_span("the week we went to Bath", ["2025-02-29"]) == ("2025-02-25", "2025-03-03")
