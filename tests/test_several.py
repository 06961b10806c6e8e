"""A shared note ("Joost and Marijke") asked about one of its people: the lines naming that one come first."""
from __future__ import annotations

import pytest

from memex.agents import several
from memex.agents.evidence import all_units
from memex.agents.extractive import combine, features, score_units
from memex.domain import Hit, Location
from memex.embed.hashing import HashEmbedder

COUPLE = ("Their parents. Live in Zeist, in the house she grew up in.\n"
          "Joost: 77, retired civil engineer, dykes and locks.\n"
          "Marijke: 74, retired music teacher, plays the cello.\n")


def _hit(text: str, title: str) -> Hit:
    return Hit(path=f"/v/{title}.md", chunk_id="1", score=1.0, text=text, title=title, location=Location())


@pytest.mark.parametrize(("title", "joined"), [
    ("Joost and Marijke", ["Joost", "Marijke"]), ("Tom & Ann Price", ["Tom", "Ann Price"]),
    ("Nora y Luis", ["Nora", "Luis"]), ("Pros and cons", []), ("Yvonne Achterberg", []),
    ("Notes on the meeting and the plan", []),
])
def test_joined_names_reads_only_titles_of_names(title: str, joined: list[str]) -> None:
    assert several.joined_names(title) == joined


def test_asked_names_needs_some_but_not_all() -> None:
    assert several.asked_names("What did Joost do for a living?", "Joost and Marijke") == ["Joost"]
    assert several.asked_names("When did Joost and Marijke marry?", "Joost and Marijke") == []
    assert several.asked_names("Where do they live?", "Joost and Marijke") == []


def test_line_naming_the_asked_one_gets_the_credit() -> None:
    units = all_units([_hit(COUPLE, "Joost and Marijke")])
    credit = several.credit("What did Joost do for a living?", units)
    credited = [u.text for u, c in zip(units, credit, strict=True) if c > 0]
    assert credited == ["Joost: 77, retired civil engineer, dykes and locks."]
    assert not several.credit("What did Joost do for a living?", all_units([_hit(COUPLE, "Parents")])).any()


def test_scoring_adds_the_credit() -> None:
    units = all_units([_hit(COUPLE, "Joost and Marijke")])
    embedder, question = HashEmbedder(384), "What did Joost do for a living?"
    base = combine(features(question, units, embedder, {}))
    scored = {c.unit.text: c.score for c in score_units(question, units, embedder, {})}
    for u, b in zip(units, base, strict=True):
        extra = several.CREDIT if u.text.startswith("Joost:") else 0.0
        assert scored[u.text] == pytest.approx(float(b) + extra, abs=1e-5)
