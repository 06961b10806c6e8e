"""Three hops and relative clauses without "that": the question asked of the first entity can still describe its
subject by a relation to that entity ("the walk Moira Kent talked me into"), which is bridged in turn.

The planner's and the chain's readings are tested directly; the hops run on a small vault with the real MiniLM
embedder and the real note graph.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from small_vault import cited_names, vault_brain

from memex.agents.evidence import Unit
from memex.agents.multihop import described_only, further
from memex.agents.plan import decompose, relation
from memex.app import Brain
from memex.domain import Hit, Location

VAULT = Path(__file__).parent / "data" / "chain_vault"


def _unit(text: str, subject: str = "Note") -> Unit:
    hit = Hit(path="n.md", chunk_id="1", score=1.0, text=text, location=Location())
    return Unit(text, text, hit, 0, 0, subject, subject, None, "mtime")


@pytest.mark.parametrize(("question", "kind", "bridge"), [
    # A relative clause without "that" whose subject is a name describes the thing to find first.
    ("What does the head of the team Lucy Fenwick joined in May bring to drink from?", "relational",
     "the head of the team Lucy Fenwick joined in May bring to drink from"),
    # What the clause itself describes is found by its own words, in one hop.
    ("How much did the hedge trimmer Lucy wanted for the garden cost?", "single", None),
    # "my old manager" is found first; the walk is a relation to him, asked in a further hop.
    ("What award did I get in the walk my old manager talked me into?", "relational", "my old manager"),
    # A name followed by a word that is no verb in the past is no such clause.
    ("What did the Coastal Fifty cost?", "single", None),
])
def test_the_planner_reads_a_clause_without_that(question: str, kind: str, bridge: str | None) -> None:
    p = decompose(question)
    assert (p.kind, p.bridge) == (kind, bridge)


def test_the_description_stops_at_the_questions_own_verb() -> None:
    assert described_only("the head of the team Lucy Fenwick joined in May bring to drink from") == \
        "the head of the team Lucy Fenwick joined in May"
    assert described_only("the sister who does most of the care do for a living") == \
        "the sister who does most of the care"
    assert described_only("my old manager") == "my old manager"


def test_a_relation_to_the_first_entity_is_a_further_hop() -> None:
    via = _unit("Project director, Leeds office. My line manager from 2015 to 2021.", "Moira Kent")
    q = "What award did I get in the walk my old manager talked me into?"
    assert further(q, "my old manager", "Moira Kent", via) == (
        "What award did I get in the walk Moira Kent talked me into?", "the walk Moira Kent talked me into")
    # The question asked of the entity names its subject: nothing further to find.
    assert further("When is my old manager's birthday?", "my old manager", "Moira Kent", via) is None
    # Reached through the entity, a clause without "that" describes what to find whatever its head.
    assert relation("What award did I get in the walk Moira Kent talked me into?", nested=True) == \
        "the walk Moira Kent talked me into"
    assert relation("What award did I get in the walk Moira Kent talked me into?") is None


@pytest.fixture(scope="module")
def brain(tmp_path_factory: pytest.TempPathFactory) -> Brain:
    yield from vault_brain(tmp_path_factory.mktemp("chain"), VAULT)


@pytest.mark.slow
def test_three_hops_reach_the_note_the_second_entity_names(brain: Brain) -> None:
    a = brain.ask("What award did I get in the walk my old manager talked me into?", trace=True)
    assert not a.abstained and "Bronze" in a.answer
    assert {"Moira Kent.md", "Coastal Fifty results.md"} <= cited_names(a)
    hop = next(s for s in a.steps["trace"] if s["step"] == "hop")
    assert hop["third"]["question"] == "What award did I get in the walk Moira Kent talked me into?"


@pytest.mark.slow
def test_a_clause_without_that_bridges_to_the_person_it_names(brain: Brain) -> None:
    a = brain.ask("What does the head of the team Lucy Fenwick joined in May bring to drink from?", trace=True)
    assert not a.abstained and "teapot" in a.answer
    assert "Tariq Hussain.md" in cited_names(a)


@pytest.mark.parametrize(("question", "parts"), [
    # The second part repeats only the first part's last phrase, for something else: the first part asked again.
    ("Do guests need their own ticket to get in at the museum, and at the gallery?",
     ["Do guests need their own ticket to get in at the museum", "Do guests need their own ticket to get in at the gallery"]),
    ("What did I bring to the party on Friday, and on Saturday?",
     ["What did I bring to the party on Friday", "What did I bring to the party on Saturday"]),
])
def test_a_second_part_that_repeats_only_the_last_phrase_asks_the_first_again(question: str,
                                                                               parts: list[str]) -> None:
    p = decompose(question)
    assert (p.kind, p.sub_queries[1:]) == ("multi-part", parts)


def test_a_part_with_its_own_words_is_no_elided_part() -> None:
    assert decompose("Who came to the party on Friday, and on what day did they leave?").sub_queries[1:] != [
        "Who came to the party on Friday", "Who came to the party on what day did they leave"]


def test_a_later_part_that_names_the_first_parts_answer_by_its_kind_gets_its_name() -> None:
    from memex.agents.extractive import content_terms
    from memex.agents.multihop import referred
    from memex.embed import load_embedder

    units = [_unit("The night watering schedule only runs when the Rainbird module is enabled.", "Garden timer"),
             _unit("The timer has four zones and a rain sensor.", "Garden timer")]
    parts = ["Which module must be enabled for the night watering schedule",
             "how long does that module water each zone by default?"]
    found = referred(parts, units, load_embedder(), lambda q: dict.fromkeys(content_terms(q), 1.0))
    assert found == [parts[0], "how long does the Rainbird module water each zone by default?"]
    # A part that refers to nothing the first part asks for is left alone.
    assert referred([parts[0], "how long does that zone stay wet?"], units, load_embedder(),
                    lambda q: dict.fromkeys(content_terms(q), 1.0)) == []


def test_a_table_rows_column_names_are_no_bridging_names() -> None:
    from memex.agents.compose import bridge_entities
    from memex.agents.extractive import content_terms
    from memex.embed import load_embedder

    row = "Date: Mon 3 Mar 2026; Visit: Podiatrist; Where: home; Who came: Marguerite was there; Notes: nails cut"
    units = [_unit(row, "Gran — visits")]
    description = "Which carer was with Gran when the podiatrist came in March"
    found = bridge_entities(description, f"{description}, and which day does she do?", units, load_embedder(),
                            dict.fromkeys(content_terms(description), 1.0), limit=3,
                            is_name=lambda w: w in {"Marguerite", "Visit"}, is_word=lambda w: False)
    names = [n for n, _ in found]
    assert "Marguerite" in names and "Visit" not in names and "Where" not in names
