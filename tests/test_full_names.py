"""A who-question's answer writes out the full name a quoted first name stands for (agents/full_names.py).

Runs on a small vault with the real note graph (and, for the answer, the real MiniLM embedder the support
threshold is calibrated for).
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from small_vault import cited_names, vault_brain

from memex.agents import lexicon
from memex.agents.full_names import asks_who, first_names, full_name, write_out
from memex.app import Brain
from memex.domain import Citation, Location

NOTES = {
    "people/Rachel Penhale.md": "# Rachel Penhale\n\nHead teacher since 2019. Runs SLT on Wednesdays.\n",
    "people/Kate Sinclair.md": "# Kate Sinclair\n\nHead of music. Plays the cello.\n",
    "people/Kate Smith.md": "# Kate Smith\n\nOur new lab technician, started in October.\n",
    "journal/2026-02-23.md": "# Mon 23 Feb 2026\n\nFrom 23 Feb I'm acting deputy and line managed by Rachel. "
                             "Kate is running the choir trip while I do the timetable.\n",
}


def test_a_question_asks_for_a_person_or_about_one_it_describes() -> None:
    for q, who in [("Who's my line manager now?", True), ("Which in-law fitted the rail?", True),
                   ("Who replaced the teacher who retired in July?", True), ("¿Quién es nuestro gestor?", True),
                   ("What does the checker who's on the client's side eat?", False),
                   ("¿Qué se le rompió a quien encontró el apartamento?", False)]:
        with lexicon.asked(q):
            assert asks_who(q) is who, q


@pytest.fixture(scope="module")
def brain(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Brain]:
    root = tmp_path_factory.mktemp("full_names")
    vault = root / "vault"
    for name, text in NOTES.items():
        (vault / name).parent.mkdir(parents=True, exist_ok=True)
        (vault / name).write_text(text, encoding="utf-8")
    yield from vault_brain(root, vault)


@pytest.mark.slow
def test_a_first_name_stands_for_the_one_full_name_that_starts_with_it(brain: Brain) -> None:
    assert full_name(brain.conn, "Rachel") == ("Rachel Penhale", "rachel penhale")
    assert full_name(brain.conn, "Kate") is None  # two Kates: the first name stays as written
    assert full_name(brain.conn, "Rachel Penhale") is None  # already in full


@pytest.mark.slow
def test_the_first_use_is_written_out_citing_the_persons_note(brain: Brain) -> None:
    text = "From 23 Feb I'm line managed by Rachel. Rachel's office is upstairs; Kate runs the choir. [1]"
    cite = Citation(n=1, path="journal/2026-02-23.md", chunk_id="0", quote=text, location=Location())
    names = first_names(text, brain.conn, brain.searcher, None)
    assert [(n.first, n.name, Path(n.hit.path).name) for n in names] == [("Rachel", "Rachel Penhale",
                                                                         "Rachel Penhale.md")]
    out, cites = write_out(text, [cite], names)
    assert out.startswith("From 23 Feb I'm line managed by Rachel Penhale [2]. Rachel's office")
    assert "Kate runs" in out and [c.n for c in cites] == [1, 2]
    # A text that writes the full name already is left alone.
    assert first_names("Rachel Penhale chairs SLT; Rachel decides.", brain.conn, brain.searcher, None) == []
    # A note's title labelling a statement is a title, and a name the question gives is not what it asks.
    assert first_names("1-1s with Rachel › 23 Feb: SLT moved.", brain.conn, brain.searcher, None) == []
    assert first_names("Rachel asked Kate to cover.", brain.conn, brain.searcher, None, (),
                       "Who did Rachel ask to cover?") == []


@pytest.mark.slow
def test_a_who_question_answers_with_the_full_name_and_cites_both_notes(brain: Brain) -> None:
    answer = brain.ask("Who is my line manager now that I'm acting deputy?")
    assert not answer.abstained
    assert "Rachel Penhale" in answer.answer
    assert {"2026-02-23.md", "Rachel Penhale.md"} <= cited_names(answer)
    # Not a who-question: the quoted words stay as written.
    other = brain.ask("When did I become acting deputy?")
    assert "Rachel Penhale" not in other.answer
