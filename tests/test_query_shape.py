"""Long, multi-part questions: BM25 leaning, phrase pairs and clause vectors (retrieve/shape.py)."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from memex.app import Brain
from memex.config import Settings
from memex.retrieve.shape import clauses, name_share, query_shape, word_pairs

SHORT = "Which sourdough starter feeding schedule works?"
LONG = ("Which quarterback, praised by Sporting News as a valuable fantasy pick after four touchdowns "
        "against the Cowboys, also struggled under pressure according to CBS Sports, and who is "
        "planning to sign a new contract with San Francisco before the season ends next year?")


def test_short_query_is_searched_as_before() -> None:
    st = Settings(home=Path("/nonexistent"))
    shape = query_shape(SHORT, st)
    assert shape.long_share == 0.0
    assert (shape.bm25_weight, shape.dense_weight) == (st.bm25_weight, st.dense_weight)
    assert shape.phrase_weight == shape.clause_weight == 0.0 and shape.pairs == [] and shape.clauses == []


def test_long_query_leans_on_bm25_and_keeps_the_total_weight() -> None:
    st = Settings(home=Path("/nonexistent"))
    assert len(LONG.split()) >= st.long_query_full_words
    shape = query_shape(LONG, st)
    assert shape.long_share == 1.0
    total = st.bm25_weight + st.dense_weight
    assert shape.bm25_weight + shape.dense_weight == pytest.approx(total)
    assert shape.bm25_weight / total == pytest.approx(st.long_query_bm25_share)
    assert shape.phrase_weight == st.phrase_weight and shape.clause_weight == st.clause_weight
    assert '"sporting news"' in shape.pairs and '"san francisco"' in shape.pairs
    assert '"against the"' not in shape.pairs  # pairs with a stopword are no phrase of interest
    assert len(shape.clauses) >= 3


def test_long_prose_question_keeps_the_normal_weights() -> None:
    """Leaning on BM25 is for questions full of names; descriptive prose keeps dense search at full weight."""
    st = Settings(home=Path("/nonexistent"))
    prose = ("I am looking for studies that describe how the information needs of ordinary library users are "
             "measured, and how the design of catalog systems is evaluated by researchers when users search "
             "for books about subjects they know little about, or about topics that are new to them")
    shape = query_shape(prose, st)
    assert shape.long_share == 1.0 and shape.name_share == 0.0
    assert (shape.bm25_weight, shape.dense_weight) == (st.bm25_weight, st.dense_weight)
    assert shape.clauses and shape.pairs  # it still gets clause vectors and phrase pairs
    # The first word of a sentence is capitalised anyway: not counted as a name.
    assert name_share("Sam Altman met the board on November 18, 2023") == pytest.approx(4 / 7)


def test_share_ramps_linearly_between_the_two_lengths() -> None:
    st = Settings(home=Path("/nonexistent"), long_query_words=10, long_query_full_words=20)
    query = " ".join(["Word"] * 15)
    assert query_shape(query, st).long_share == pytest.approx(0.5)
    assert query_shape(query, st).bm25_weight > st.bm25_weight  # all names: leans on BM25
    assert query_shape(query, replace(st, dense_weight=0.0)).clauses == []  # no dense search, no clause vectors
    assert query_shape(query, replace(st, bm25_weight=0.0)).pairs == []


def test_clauses_need_content_words_of_their_own() -> None:
    assert clauses("What did Alice say about the budget, and when?") == []  # "when" is no clause
    assert clauses("Alice approved the marketing budget, while Bob rejected the hiring plan") == [
        "Alice approved the marketing budget", "Bob rejected the hiring plan"]
    assert word_pairs("the Travis Kelce report") == ['"travis kelce"', '"kelce report"']


def test_long_query_finds_the_note_with_the_exact_name(tmp_path: Path) -> None:
    """A note with more of the question's words loses to the one where "Golden Gate Bridge" stands together."""
    vault = tmp_path / "v"
    vault.mkdir()
    topics = ["bread baking", "tax forms", "garden tomatoes", "python testing", "bike repair"]
    for i in range(30):  # BM25 needs a corpus to tell rare words from common ones
        (vault / f"filler{i}.md").write_text(f"# Note {i}\n\nThoughts about {topics[i % 5]} in week {i}.\n")
    (vault / "scattered.md").write_text(
        "# Travel log\n\nWe walked to the hotel. Golden hour at the hotel by the bay. A gate closed; bridge traffic, then a drive in "
        "the evening. The golden retriever slept.\n", encoding="utf-8")
    # Named after its title: a file name with the question's words ("bridge.md") would itself be searched.
    (vault / "visit.md").write_text(
        "# Visit\n\nWe walked across the Golden Gate Bridge and took photos.\n", encoding="utf-8")
    question = ("During the trip that my sister Anna planned last July in San Francisco, which note mentions the day we walked "
                "across the Golden Gate Bridge, and what did we do there in the evening after the long "
                "drive, while the others stayed behind at the hotel near the bay?")
    with Brain.open(tmp_path / "h", embedder="hash:256") as brain:
        brain.add([vault])
        hits = brain.search(question, 2, explain=True)
        assert hits[0].path.endswith("visit.md")
        shape = hits[0].explain["query_shape"]
        assert shape["long_share"] == 1.0 and '"gate bridge"' in shape["phrase_pairs"]
        assert len(shape["clauses"]) >= 2
        # Without the phrase pairs, leaning on BM25 alone puts the note with more matching words first.
        brain.settings = replace(brain.settings, phrase_weight=0.0, clause_weight=0.0)
        hits = brain.search(question, 2, explain=True)
        assert hits[0].path.endswith("scattered.md")
        assert hits[0].explain["query_shape"]["phrase_pairs"] == []
