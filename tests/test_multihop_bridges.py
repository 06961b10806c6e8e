"""Bridges that are not a full name in the text: a nickname or a first name and initial, a first name in another
note's title, and a day.

- "Con didn't make it, sent flowers the size of a shed": "Con" is people/Conor.md, whose text says "Con." —
  so the statements of that note are about him though none says "Con" ("Married to Dana").
- "Kate S" is Kate Sinclair when one note's name is "Kate S…"; "Kate" alone, with a Kate Sinclair and a Kate
  Ferrie, is neither.
- "the man who warned me that Owen decides fast" is bridged by the line of "Graham 1-1s" that says it, not by a
  line of Graham Pickles' note that has nothing to do with the description.
- "the morning I finished 212th" names a day: what is asked is looked for among that day's statements.

Pure helpers are tested directly; the hops run on a small vault with the real MiniLM embedder (its support
threshold is calibrated) and the real note graph.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from small_vault import cited_names, vault_brain

from memex.agents.evidence import Unit
from memex.agents.extractive import Candidate
from memex.agents.multihop import (
    entity_notes,
    is_time_description,
    naming_statement,
    runs_on,
    short_form_notes,
    substituted,
)
from memex.agents.plan import decompose
from memex.app import Brain
from memex.domain import Hit, Location

VAULT = Path(__file__).parent / "data" / "multihop_day_vault"


def _cand(text: str, subject: str = "Note", score: float = 0.5) -> Candidate:
    hit = Hit(path="n.md", chunk_id="1", score=1.0, text=text, location=Location())
    return Candidate(Unit(text, text, hit, 0, 0, subject, subject, None, "mtime"), score, 0.0, 0.0, None, score)


def test_a_description_after_a_preposition_does_not_run_on() -> None:
    q = "What's the name of the wife of the sibling who sent shed-sized flowers for Mum's move?"
    d = "the sibling who sent shed-sized flowers for Mum's move"
    assert not runs_on(q, d)
    via = _cand("Con didn't make it, sent flowers the size of a shed.").unit
    # The whole description is replaced: what is asked of him is only his wife's name.
    assert substituted(q, d, via, "it") == "What's the name of the wife of it?"
    # Where the question's own verb may follow the description, it still may have run on into it.
    assert runs_on("What does the sister who does most of Mum's care do for a living?",
                   "the sister who does most of Mum's care do for a living")


def test_a_role_of_mine_is_no_person_to_find_first() -> None:
    # "my acting deputy role" is the asker's own role; "my line manager" is someone to find first.
    assert decompose("Until when is my acting deputy role supposed to run?").kind != "relational"
    p = decompose("What tea does my line manager drink?")
    assert (p.kind, p.bridge) == ("relational", "my line manager")


def test_a_day_is_a_bridge_when_the_description_names_one() -> None:
    assert is_time_description("the morning I finished 212th")
    assert is_time_description("the day Pim went missing")
    assert not is_time_description("the man who warned me that Owen decides fast")
    assert not is_time_description("the day of the week I swim")


def test_a_first_name_in_a_better_fitting_statement_bridges() -> None:
    own_unrelated = _cand("Mobile still in my phone for questions.", "Graham Pickles", 0.30)
    warned = _cand('Says the one thing to tell her: "Owen decides fast."', "Graham 1-1s › 16 Dec 2025", 0.55)
    assert naming_statement("Graham Pickles", own_unrelated, [warned, own_unrelated]) is warned
    # The line of the entity's own note that fits the description best stays the bridge.
    own_fits = _cand("Led the hill party on the Ben Lomond job in July.", "Alex Petrie", 0.6)
    log = _cand("Alex P led the hill party; I was on comms.", "Callouts log", 0.5)
    assert naming_statement("Alex Petrie", own_fits, [own_fits, log]) is own_fits


@pytest.fixture(scope="module")
def brain(tmp_path_factory: pytest.TempPathFactory) -> Brain:
    yield from vault_brain(tmp_path_factory.mktemp("multihop_bridges"), VAULT)


@pytest.mark.slow
def test_short_forms_of_a_name_find_the_one_note_they_stand_for(brain: Brain) -> None:
    conn = brain.conn
    assert [Path(p).name for _, p in entity_notes(conn, "Con")] == ["Conor.md"]  # "Con." in the note
    assert [Path(p).name for _, p in entity_notes(conn, "Kate S")] == ["Kate Sinclair.md"]
    assert entity_notes(conn, "Kate") == []  # two Kates: neither
    assert short_form_notes(conn, "kat") == []  # no note calls either of them "Kat"
    assert short_form_notes(conn, "gr") == []  # too short to stand for anyone


@pytest.mark.slow
def test_a_nickname_bridges_to_the_note_it_stands_for(brain: Brain) -> None:
    a = brain.ask("What's the name of the wife of the sibling who sent flowers the size of a shed for Mum's move?",
                  trace=True)
    assert not a.abstained and "Dana" in a.answer
    assert "Conor.md" in cited_names(a)
    hop = next(s for s in a.steps["trace"] if s["step"] == "hop")
    assert "Con" in hop["entities"]


@pytest.mark.slow
def test_a_day_bridges_to_what_happened_that_day(brain: Brain) -> None:
    a = brain.ask("What was my blood pressure on the morning I finished 212th?", trace=True)
    assert not a.abstained and "133/82" in a.answer
    assert "128/80" not in a.answer and "125/79" not in a.answer  # not another day's reading
    assert cited_names(a) == {"Blood pressure log.md", "2026 - the year.md"}
    hop = next(s for s in a.steps["trace"] if s["step"] == "hop")
    assert any(d.endswith("-09-13") for d in hop["dates"])


@pytest.mark.slow
def test_the_first_name_in_a_note_title_bridges(brain: Brain) -> None:
    a = brain.ask("What does the man who warned me that Owen decides fast say before every decision?")
    assert not a.abstained and "Right then" in a.answer
    assert cited_names(a) >= {"Graham Pickles.md", "Graham 1-1s.md"}
