"""A [[link]] on the best passage's line that meets the question lifts the note it points to (retrieve/pointers.py)."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from small_vault import indexed_home

from memex.app import Brain
from memex.retrieve.pointers import pointed_notes, pointer_lines

ADA = ("# Ada\n\nMy daughter, nine.\n\n"
       "- Swimming squad since September, the stage before that in spring — see [[Clubs and schedule]] for the "
       "current day.\n- Art club at school. Loves drawing horses. Other notes: [[Gift ideas]], [[Birthdays]].\n")
CLUBS = ("# Clubs and schedule\n\n| child | activity | when |\n|---|---|---|\n| A. | pool, stage 8 | Thursdays 5.30 |\n"
         "| K. | football | Sundays 10:00 |\n")


def _notes() -> dict[str, str]:
    notes = {"Ada.md": ADA, "Clubs and schedule.md": CLUBS, "Gift ideas.md": "# Gift ideas\n\nA sketchbook.\n",
             "Birthdays.md": "# Birthdays\n\nAda 18 December.\n"}
    for i in range(12):
        notes[f"day{i}.md"] = f"# Day {i}\n\nA normal day {i}; Ada went to the park after school.\n"
    return notes


def test_pointer_lines_need_shared_words_and_a_single_link() -> None:
    question = "What day is Ada's swimming squad now?"
    assert pointer_lines(ADA, question) == ["Clubs and schedule"]
    # The line listing several links is navigation, not a pointer; a line sharing one word is no match.
    assert pointer_lines(ADA, "Which art club does Ada go to?") == []
    assert pointer_lines("Swimming: see [[Clubs and schedule]].", question) == []
    assert pointer_lines("No links here at all, swimming squad day.", question) == []


def test_pointer_lifts_the_linked_note(tmp_path: Path) -> None:
    home = indexed_home(tmp_path, _notes())
    question = "What day is Ada's swimming squad now?"
    with Brain.open(home) as brain:
        ids = {Path(p).name: i for p, i in brain.conn.execute("SELECT path, id FROM documents")}
        assert pointed_notes(brain.conn, question, ids["Ada.md"], ADA) == [ids["Clubs and schedule.md"]]
        # A link to the passage's own note is no second note; an unknown name points nowhere.
        assert pointed_notes(brain.conn, question, ids["Clubs and schedule.md"], ADA) == []
        assert pointed_notes(brain.conn, question, ids["Ada.md"], ADA.replace("Clubs and", "Clubs or")) == []
        on = [Path(h.path).name for h in brain.search(question, 20)]
        brain.settings = replace(brain.settings, pointer_weight=0.0)
        off = [Path(h.path).name for h in brain.search(question, 20)]
    notes_on = list(dict.fromkeys(on))
    notes_off = list(dict.fromkeys(off))
    assert notes_on[0] == "Ada.md" and "Clubs and schedule.md" in notes_on[:3]
    assert "Clubs and schedule.md" not in notes_off[:3]
