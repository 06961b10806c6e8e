"""What a bridged or two-part question asks, read plainly: a job idiom, a role said before a name, a pronoun that
stands for the first part's answer."""
from __future__ import annotations

import pytest

from memex.agents.evidence import Unit
from memex.agents.extractive import idf_weights
from memex.agents.multihop import named_parts, plainly
from memex.domain import Hit, Location
from memex.embed.base import Embedder


def _unit(text: str, subject: str = "Note", chunk: str = "1") -> Unit:
    hit = Hit(path="n.md", chunk_id=chunk, score=1.0, text=text, location=Location())
    return Unit(text, text, hit, 0, 0, subject, subject, None, "mtime")


@pytest.mark.parametrize(("question", "plain"), [
    ("What does Steph do for a living?", "What does Steph do as a job?"),
    ("What does the sister who does most of the care do for a living?",
     "What does the sister who does most of the care do as a job?"),
    ("Que fait-elle dans la vie ?", "Que a comme profession ?"),
    # Nothing else is touched: "living" in its own sense stays.
    ("Where is Steph living now?", "Where is Steph living now?"),
])
def test_a_job_idiom_is_read_as_the_job(question: str, plain: str) -> None:
    assert plainly(question) == plain


def test_a_pronoun_in_a_later_part_is_the_person_the_first_part_asks_for(minilm: Embedder) -> None:
    units = [_unit("Tickets: £10 on the door or from Sanjay.", "Christmas concert", "1"),
             _unit("Rehearsals on Tuesdays in the church hall.", "Choir", "2"),
             _unit("Committee: chair Bernadette, treasurer Sanjay Mistry.", "Choir", "3")]
    parts = ["Who is selling the Christmas concert tickets", "what is his role in the choir?"]
    known = {"Sanjay", "Sanjay Mistry", "Bernadette"}
    out = named_parts(parts, units, minilm, lambda q: idf_weights(q, None, 1), lambda w: w in known)
    # Sanjay is named by two of the statements, Bernadette by one; his fullest name is written in.
    assert out == ["Who is selling the Christmas concert tickets", "what is Sanjay Mistry's role in the choir?"]
    # A first part that asks for no person leaves the parts as they are.
    assert named_parts(["When is the concert", "how much is it?"], units, minilm, lambda q: idf_weights(q, None, 1),
                       lambda w: True) == []

