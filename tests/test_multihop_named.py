"""Passages about a bridging entity that has no note of its own: those whose text names it, by any name the note
graph merged with it, are searched with what is asked of it (multihop.named_hits).

The notes are indexed for real (SQLite, full-text index, vectors) with the hash embedder.
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from small_vault import indexed_home

from memex.agents.multihop import entity_names, named_hits
from memex.app import Brain

NOTES = {
    "Science dept meeting March.md": "# Science dept meeting, March\n\nMarcus Bell announced he is retiring in "
                                     "July after 31 years.\n",
    "Science dept meeting September.md": "# Science dept meeting, September\n\nPresent: Femi, Nadia, Hannah Yeo "
                                         "(new, chemistry, replacing Marcus), Anita.\n",
    "Journal.md": "# Journal\n\nWent for a run by the river. Marcus sent a postcard from Cornwall.\n",
    "Kiln log.md": "# Kiln log\n\nGlaze firing at 1236 degrees, mugs in the top shelf.\n",
}


@pytest.fixture(scope="module")
def brain(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Brain]:
    home = indexed_home(tmp_path_factory.mktemp("multihop_named"), NOTES)
    with Brain.open(home, embedder="hash:384") as b:
        yield b


def test_the_passages_naming_the_entity_are_searched_with_what_is_asked(brain: Brain) -> None:
    hits = named_hits(brain.searcher, "Marcus", "Who replaced Marcus, the chemistry teacher?")
    names = [Path(h.path).name for h in hits]
    assert names and names[0] == "Science dept meeting September.md"
    assert "Kiln log.md" not in names  # a passage that never names him is not his
    assert all((h.explain or {}).get("graph") == "names the entity" for h in hits)


def test_passages_already_found_are_left_out(brain: Brain) -> None:
    first = named_hits(brain.searcher, "Marcus", "Who replaced Marcus, the chemistry teacher?")
    again = named_hits(brain.searcher, "Marcus", "Who replaced Marcus, the chemistry teacher?",
                       {h.chunk_id for h in first})
    assert not {h.chunk_id for h in first} & {h.chunk_id for h in again}


def test_the_names_the_graph_merged_are_the_entitys_too(brain: Brain) -> None:
    assert entity_names(brain.conn, "Marcus")[0] == "Marcus"
    assert named_hits(brain.searcher, "Zofia", "Who is Zofia?") == []  # named nowhere
    assert named_hits(brain.searcher, "Jo", "Who is Jo?") == []  # too short to stand for anyone alone
