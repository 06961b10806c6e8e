"""A question about one person's document: the document's own lines may join the answer beside the line that
names the person, and "about the … date" asks for a date."""
from __future__ import annotations

from memex.agents.answer_type import DATE, expected
from memex.agents.evidence import all_units
from memex.agents.extractive import Candidate, pick
from memex.domain import Hit, Location

EMAIL = ("Rang Jamie about the bit at the bottom of his email.\n"
         "So we've moved your install to Monday 20 April 2026.\n"
         "Priya Sandhu will be your surveyor from May.\n")
OTHER = "Moved the piano lesson to Thursday.\n"


def _cands(question: str) -> list[Candidate]:
    hits = [Hit(path="/v/email.md", chunk_id="1", score=1.0, text=EMAIL, title="Calder email", location=Location()),
            Hit(path="/v/journal.md", chunk_id="2", score=0.9, text=OTHER, title="Journal", location=Location())]
    units = all_units(hits)
    return [Candidate(u, 0.5, 0.0, 0.0, None, 0.5 - 0.01 * i) for i, u in enumerate(units)]


def test_the_best_lines_note_lends_its_person_to_lines_that_name_no_one() -> None:
    picked = [c.text for c in pick(_cands("What did Jamie's email say about the install?"),
                                   question="What did Jamie's email say about the install?")]
    assert "So we've moved your install to Monday 20 April 2026." in picked
    assert "Priya Sandhu will be your surveyor from May." not in picked  # names someone else
    assert "Moved the piano lesson to Thursday." not in picked  # another note, not about Jamie


def test_about_the_date_asks_for_a_date() -> None:
    assert DATE in expected("What did Jamie's email say about the install date?").kinds
    assert DATE in expected("What is the start date of the lease?").kinds
    assert DATE not in expected("What is the default date format of the template?").kinds
    assert DATE not in expected("Where did we go on the date night?").kinds
    assert DATE not in expected("What did Jamie's email say about the install?").kinds
