"""Passages about a bridging entity that never repeat its name: the note titled by it ("Graham 1-1s") or the section
headed by it ("Gift ideas › Tomi (25 Oct)") are searched with what is asked of it (multihop.headed_hits).

The notes are indexed for real (SQLite, full-text index, vectors) with the hash embedder.
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from small_vault import indexed_home

from memex.agents.multihop import headed_hits
from memex.app import Brain

NOTES = {
    "Graham Pickles.md": "# Graham Pickles\n\nMy old manager. Retired in January, now checks our designs.\n",
    "Graham 1-1s.md": "# Graham 1-1s\n\n## 14 Oct\n\nPay review in March.\n\n## 27 Jan\n\nLast one. He gave me his "
                      "red book, full of pencil notes.\n",
    # Sections long enough to be passages of their own (a short note is one passage under its title).
    "Gift ideas.md": "# Gift ideas\n\n## Tomi (25 Oct)\n\n- Running headphones (2026)\n"
                     + "".join(f"- Idea {i}: something for the flat, a book, a plant, a voucher.\n" for i in range(40))
                     + "\n## Gwen (2 Apr)\n\n- Welsh gin (2026)\n"
                     + "".join(f"- Idea {i}: something for the garden, seeds, a pot, gloves.\n" for i in range(40)),
    "Journal.md": "# Journal\n\nTomi rang from London. Graham was at the leaving do.\n",
}


@pytest.fixture(scope="module")
def brain(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Brain]:
    home = indexed_home(tmp_path_factory.mktemp("multihop_headed"), NOTES)
    with Brain.open(home, embedder="hash:384") as b:
        yield b


def _doc(brain: Brain, name: str) -> int:
    return next(d for d, p in brain.conn.execute("SELECT id, path FROM documents") if Path(p).name == name)


def test_a_note_titled_by_the_entity_is_searched_but_not_its_own_note(brain: Brain) -> None:
    own = _doc(brain, "Graham Pickles.md")
    hits = headed_hits(brain.searcher, "Graham", "What did Graham give me when he retired?", [own])
    assert hits and {Path(h.path).name for h in hits} == {"Graham 1-1s.md"}
    assert all((h.explain or {}).get("graph") for h in hits)  # reached through the entity, not the search


def test_a_section_headed_by_the_entity_is_searched(brain: Brain) -> None:
    hits = headed_hits(brain.searcher, "Tomi", "What did I give Tomi for his birthday?")
    assert hits and {Path(h.path).name for h in hits} == {"Gift ideas.md"}
    assert all(h.location.heading == "Tomi (25 Oct)" for h in hits)  # not Gwen's section of the same note


def test_an_entity_no_title_or_heading_names_finds_nothing(brain: Brain) -> None:
    # "Dana" is in no heading; a name merely written in a passage's text ("Tomi rang…") is not a heading.
    assert headed_hits(brain.searcher, "Dana", "Who is Dana?") == []
    assert headed_hits(brain.searcher, "Jo", "Who is Jo?") == []  # too short to stand for anyone alone
