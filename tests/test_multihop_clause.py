"""Who a relational description is not: the person its clause relates the described one to ("the man who recommended
*my engine mechanic*" is not the mechanic), and a sentence's first word glued to a name ("Met Frank, two boats down").

The note graph is built for real (SQLite) with the hash embedder; the role checks read statements directly.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Iterator

import pytest
from small_vault import indexed_home

from memex.agents.evidence import Unit
from memex.agents.extractive import Candidate
from memex.agents.multihop import bare_names, clause_role, has_role
from memex.app import Brain
from memex.domain import Hit, Location


def _cand(text: str, subject: str = "Journal") -> Candidate:
    hit = Hit(path="n.md", chunk_id="1", score=1.0, text=text, location=Location())
    return Candidate(Unit(text, text, hit, 0, 0, subject, subject, None, "mtime"), 0.5, 0.0, 0.0, None, 0.5)


def test_the_role_of_mine_the_clause_relates_to() -> None:
    assert clause_role("the man who recommended my engine mechanic give me when I moved marinas") == {"engine",
                                                                                                       "mechanic"}
    assert clause_role("the friend who recommended my builder sell") == {"builder"}
    assert clause_role("el que juega al pádel con mi marido") == {"marido"}
    # Nothing of mine in the clause: no role to rule out.
    assert clause_role("the colleague whose baby arrived in September") == set()
    assert clause_role("my brother") == set()


def test_the_candidate_given_that_role_is_the_one_related_to() -> None:
    via = _cand("Met Frank, two boats down. He knows a mechanic, Ade someone.")
    role = clause_role("the man who recommended my engine mechanic")
    assert has_role("Ade", role, via.unit, [via.unit])
    assert not has_role("Frank", role, via.unit, [via.unit])


NOTES = {
    "Frank Ellery.md": "# Frank Ellery\n\nLiveaboard two boats down. Ex-merchant navy engineer.\n",
    "Journal.md": "# Journal\n\nMet Frank, two boats down. He looked at the engine.\n",
}


@pytest.fixture(scope="module")
def conn(tmp_path_factory: pytest.TempPathFactory) -> Iterator[sqlite3.Connection]:
    home = indexed_home(tmp_path_factory.mktemp("multihop_clause"), NOTES)
    with Brain.open(home, embedder="hash:384") as brain:
        yield brain.conn


def test_a_sentences_first_word_is_no_part_of_the_name(conn: sqlite3.Connection) -> None:
    via = _cand("Met Frank, two boats down.")
    assert [e for e, _ in bare_names(conn, [("Met Frank", via)])] == ["Frank"]
    # A name the graph has no note for keeps its words.
    assert [e for e, _ in bare_names(conn, [("Met Sandra", via)])] == ["Met Sandra"]
