"""The notes about a question's subject (temporal "now" questions) and bridges named where a sentence opens.

The pure parts (table rows that are one fact over time, words that open a sentence) are tested directly; the
answers run on a small vault with the real MiniLM embedder (the support threshold is calibrated for it) and the
real note graph.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from small_vault import vault_brain

from memex.agents.compose import _shape, _with_rows, opening_words
from memex.agents.evidence import Unit
from memex.agents.extractive import Candidate
from memex.agents.multihop import subject_notes
from memex.app import Brain
from memex.domain import Hit, Location

VAULT = Path(__file__).parent / "data" / "subject_vault"


def _cand(text: str, subject: str, date: str, score: float) -> Candidate:
    hit = Hit(path="n.md", chunk_id=text[:12], score=1.0, text=text, location=Location())
    unit = Unit(text, text, hit, 0, 0, subject, subject, date, "text")
    return Candidate(unit, score, 0.0, 0.0, 1.0, score)


def test_the_rows_of_a_log_compete_together() -> None:
    rows = [_cand(f"Date: 2026-{m:02d}-01; Weight: 25.{m} kg; Where weighed: vet", "Moss weight", f"2026-{m:02d}-01",
                  0.5 - m / 100) for m in range(1, 10)]
    other = _cand("Moss spent the day at home; 6 km walk.", "Journal", "2026-10-24", 0.3)
    assert _shape(rows[0]) == ("Moss weight", ("date", "weight", "where weighed"))
    assert _shape(other) is None
    # Only the first rows made the pool; every row of that table joins it, and nothing else does.
    pool = _with_rows(rows[:2], [*rows, other])
    assert [c.unit.date for c in pool] == [r.unit.date for r in rows]
    assert _with_rows([other], [*rows, other]) == [other]


def test_capitalised_words_that_open_a_sentence_or_a_value() -> None:
    assert opening_words("At their office (Quartermile). Nadia taking notes on all sessions.") == ["At", "Nadia"]
    assert opening_words("Where: home; Who went with him: Blessing was there") == ["Where", "Who", "Blessing"]
    assert "Pete" in opening_words("Eight rolls ordered. Pete's helping on the Saturday.")


@pytest.fixture(scope="module")
def brain(tmp_path_factory: pytest.TempPathFactory) -> Brain:
    yield from vault_brain(tmp_path_factory.mktemp("subject"), VAULT)


@pytest.mark.slow
def test_the_notes_about_a_subject_are_its_note_and_the_notes_it_links_to(brain: Brain) -> None:
    found = subject_notes(brain.conn, "How heavy is Moss now?")
    own, linked = found["Moss"]
    paths = dict(brain.conn.execute("SELECT id, path FROM documents").fetchall())
    assert [Path(paths[d]).name for d in own] == ["Moss.md"]
    assert [Path(paths[d]).name for d in linked] == ["Moss weight and food.md"]


@pytest.mark.slow
def test_where_someone_works_now_comes_from_their_note_not_a_later_mention(brain: Brain) -> None:
    # A diary line of 24 Oct mentions Elin later than her note's update: it says nothing about where she works.
    a = brain.ask("Where does Elin work now?")
    assert not a.abstained
    assert "Seafield" in a.answer.split("Before that")[0]
    assert "Elin.md" in {Path(c.path).name for c in a.citations}


@pytest.mark.slow
def test_the_latest_row_of_a_linked_log_answers_how_heavy_now(brain: Brain) -> None:
    # "heavy" is not in the log, which the question's own search misses; the row of 11 Dec is the latest.
    a = brain.ask("How heavy is Moss now?", trace=True)
    assert not a.abstained
    assert "25.1 kg" in a.answer.split("Before that")[0]
    hop = next(s for s in a.steps["trace"] if s["step"] == "hop")
    assert any("Moss weight and food.md" in q for q in hop["queries"])


@pytest.mark.slow
def test_a_bridge_named_where_a_sentence_opens(brain: Brain) -> None:
    # "Nadia taking notes…": a capitalised word opening a sentence is a name when a note is it.
    a = brain.ask("What day rate does the person taking notes in the Hearthstone sessions charge?", trace=True)
    assert not a.abstained and "£350" in a.answer
    assert "Nadia Haddad.md" in {Path(c.path).name for c in a.citations}


def test_the_users_path_filter_still_holds_for_the_subject_notes() -> None:
    from memex.agents.multihop import allowed_path
    from memex.retrieve.search import Filters

    assert allowed_path("/v/people/Elin.md", None)
    assert allowed_path("/v/people/Elin.md", Filters(path_glob="people/*"))
    assert not allowed_path("/v/moss/Moss weight and food.md", Filters(path_glob="people/*"))


def test_a_word_of_the_descriptions_role_is_no_bridge() -> None:
    from memex.agents.compose import _before_role

    # "the engineer who passed…": "Design" of "Design Engineer" is the role, Tariq is the engineer.
    text = "14 Jul 2026 — He passed. And the promotion to Design Engineer (from 1 July) was confirmed."
    assert _before_role("Design", {"engineer"}, text)
    assert not _before_role("Tariq", {"engineer"}, text)


def test_a_statement_about_someone_then_a_question_about_her_is_relational() -> None:
    from memex.agents.plan import decompose

    p = decompose("I lent The Overstory to someone in March — how long has she been tower captain?")
    assert (p.kind, p.bridge) == ("relational", "I lent The Overstory to someone in March")
    # Naming the person leaves nothing to find first.
    assert decompose("What did I lend to Ruth in March?").kind == "single"
