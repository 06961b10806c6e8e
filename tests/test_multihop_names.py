"""Bridging names that are not the note's name: a short first name with an initial ("Di O"), a full name whose
note is titled by the first name alone ("Niamh Kerrigan-Walsh" → Niamh.md), a role said before a name ("Cousin
Niamh"), and a description that names the candidate's own note ("the person who does Mum's Sunday call" is not
whoever people/Mum.md is about).

The notes are indexed for real (SQLite, the note graph) with the hash embedder: only the graph is read here.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from small_vault import indexed_home

from memex.agents.evidence import Unit
from memex.agents.multihop import entity_notes, note_named_inside
from memex.app import Brain
from memex.domain import Hit, Location

NOTES = {
    "Di Okafor.md": "# Di Okafor\n\nWorks nights with me on the ward. Birthday 3 May.\n",
    "Dinah Marsh.md": "# Dinah Marsh\n\nNext-door neighbour. Feeds the cat when we are away.\n",
    "Niamh.md": "# Niamh\n\nNiamh Kerrigan-Walsh, my cousin. Physiotherapist in Sligo.\n",
    "Christmas list.md": "# Christmas list\n\n- Di O: a book token\n- Cousin Niamh: bath stuff\n",
    "Journal 2026-03-01.md": "# 1 March\n\nMy cousin rang about the party. A cousin of Dad's is coming too.\n"
                             "Another cousin sent a card.\n",
}


@pytest.fixture(scope="module")
def conn(tmp_path_factory: pytest.TempPathFactory) -> Iterator[sqlite3.Connection]:
    home = indexed_home(tmp_path_factory.mktemp("multihop_names"), NOTES)
    with Brain.open(home, embedder="hash:384") as brain:
        yield brain.conn


def _names(found: list[tuple[int, str]]) -> list[str]:
    return [Path(p).name for _, p in found]


def test_a_short_first_name_with_an_initial_is_the_one_note_it_fits(conn: sqlite3.Connection) -> None:
    assert _names(entity_notes(conn, "Di O")) == ["Di Okafor.md"]
    assert entity_notes(conn, "Di M") == []  # "Dinah Marsh" does not start with the name "Di"
    assert entity_notes(conn, "Di") == []  # two letters alone stand for no one


def test_a_full_name_finds_the_note_titled_by_its_first_name(conn: sqlite3.Connection) -> None:
    assert _names(entity_notes(conn, "Niamh Kerrigan-Walsh")) == ["Niamh.md"]
    # The note must write the full name out: another Niamh is not this one.
    assert entity_notes(conn, "Niamh Brennan") == []


def test_a_role_before_a_name_is_not_part_of_it(conn: sqlite3.Connection) -> None:
    # "cousin" is written in lower case in the notes, so "Cousin Niamh" is Niamh's note.
    assert _names(entity_notes(conn, "Cousin Niamh")) == ["Niamh.md"]


def _unit(path: str, doc_id: int) -> Unit:
    hit = Hit(path=path, chunk_id="1", score=1.0, text="x", location=Location(), doc_id=doc_id)
    return Unit("x", "x", hit, 0, 0, Path(path).stem, Path(path).stem, None, "mtime")


def test_a_description_naming_the_candidates_own_note_rules_it_out() -> None:
    units = [_unit("people/Mum.md", 7), _unit("people/Steph.md", 8)]
    description = "the person who does Mum's Sunday phone call"
    assert note_named_inside(description, [7], units)  # Mum's own note: the description names her
    assert not note_named_inside(description, [8], units)
    assert not note_named_inside(description, [], units)


def _text_unit(text: str, subject: str) -> Unit:
    hit = Hit(path="n.md", chunk_id="1", score=1.0, text=text, location=Location())
    return Unit(text, text, hit, 0, 0, subject, subject, None, "mtime")


def test_a_description_headed_by_a_name_keeps_only_the_names_that_start_with_it() -> None:
    from memex.agents.compose import bridge_entities
    from memex.agents.extractive import content_terms
    from memex.embed import load_embedder

    units = [_text_unit("Launched the canoe on Saturday (cake by Harriet, Tess and Di O, and a cold wind).",
                        "The canoe")]
    description = "the Di who baked at the canoe launch"
    found = bridge_entities(description, f"When is the birthday of {description}?", units, load_embedder(),
                            dict.fromkeys(content_terms(description), 1.0), limit=3,
                            is_name=lambda w: False, is_word=lambda w: False)
    # "the Di who…" is a Di: Harriet and Tess, named in the same statement, are not candidates.
    assert [n for n, _ in found] == ["Di O"]


def test_a_name_in_capitals_is_no_person() -> None:
    from memex.agents.multihop import _ACRONYM

    assert _ACRONYM.fullmatch("AMU") and _ACRONYM.fullmatch("A&E") and _ACRONYM.fullmatch("NHS TRUST")
    assert not _ACRONYM.fullmatch("Denise Hollis") and not _ACRONYM.fullmatch("Jo P")
