"""A question describing someone lifts the note of the person the best passage names (retrieve/bridge.py)."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from small_vault import indexed_home

from memex.app import Brain
from memex.retrieve.bridge import bridge_notes, closest_sentence, describes_someone
from memex.retrieve.query import parse_query

PARTY = ("# Leaving do\n\nThe Lamplighter, from 5pm. About 40 people came.\n\n"
         "- Collection for the present. We bought a framed print of the old signal box diagram. Lena found the "
         "original in the archive and had it scanned.\n- His speech was four minutes long.\n")
LENA = "# Lena Kowalczyk\n\nSignalling engineer on the team. Grew up in Gdansk; moved here in 2015.\n"


def _notes() -> dict[str, str]:
    notes = {"Leaving do.md": PARTY, "Lena Kowalczyk.md": LENA,
             "Mum.md": "# Mum\n\nLives in Galway. Likes crosswords.\n"}
    for i in range(12):
        notes[f"filler{i}.md"] = (f"# Day {i}\n\nSignal box visit {i}; the diagram archive was busy and the "
                                  f"colleague in charge found nothing.\n")
    return notes


def test_describes_someone_reads_relative_clauses_not_who_questions() -> None:
    assert describes_someone("Which city is the colleague who found the diagram from?")
    assert describes_someone("I lent the book to someone in March — how long has she been captain?")
    assert not describes_someone("Who found the diagram?")  # asking who: the first passage names them
    assert not describes_someone("Which city is Lena from?")


def test_closest_sentence_takes_the_best_sentence_and_its_neighbours() -> None:
    terms = {w[:5] for w in parse_query("the colleague who found the signal box diagram").terms}
    got = closest_sentence(PARTY, terms)
    assert "Lena found the original" in got and "framed print" in got
    assert "speech" not in got and "Lamplighter" not in got
    assert closest_sentence("Nothing shared here.", terms) == ""


def test_bridge_lifts_the_named_person_note(tmp_path: Path) -> None:
    home = indexed_home(tmp_path, _notes())
    question = "Which city is the colleague who found the signal box diagram for the leaving present from?"
    with Brain.open(home) as brain:
        ids = dict(brain.conn.execute("SELECT substr(path, length(path) - 20), id FROM documents"))
        lena = next(i for p, i in ids.items() if p.endswith("Lena Kowalczyk.md"))
        party = next(i for p, i in ids.items() if p.endswith("Leaving do.md"))
        assert bridge_notes(brain.conn, question, PARTY, {party}) == [lena]
        # A name the question says itself is no bridge; nor is the note the passage belongs to.
        assert bridge_notes(brain.conn, "Which city is Lena, who found the diagram, from?", PARTY, {party}) == []
        on = [Path(h.path).name for h in brain.search(question, 5)]
        brain.settings = replace(brain.settings, bridge_weight=0.0)
        off = [Path(h.path).name for h in brain.search(question, 5)]
        plain = [Path(h.path).name for h in brain.search("Which city is Lena from?", 5)]
    assert on[0] == "Leaving do.md" and "Lena Kowalczyk.md" in on[:3]
    assert "Lena Kowalczyk.md" not in off[:3]
    assert plain[0] == "Lena Kowalczyk.md"
