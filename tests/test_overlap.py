"""Query-adaptive fusion weight: a paraphrased question leans on the dense side (retrieve/overlap.py)."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from memex.app import Brain
from memex.retrieve.overlap import adapted_share, coverage
from memex.retrieve.query import parse_query


def test_share_moves_linearly_from_high_to_low_coverage() -> None:
    assert adapted_share(0.6, 0.9, 0.25, 0.6, 0.3) == 0.6  # the question's words are there: unchanged
    assert adapted_share(0.6, 0.6, 0.25, 0.6, 0.3) == 0.6
    assert adapted_share(0.6, 0.1, 0.25, 0.6, 0.3) == pytest.approx(0.3)  # few of them: full lean
    assert adapted_share(0.6, 0.425, 0.25, 0.6, 0.3) == pytest.approx(0.45)  # halfway
    assert adapted_share(0.6, 0.1, 0.25, 0.6, 0.3, long_share=1.0) == 0.6  # long multi-part questions: as before
    assert adapted_share(0.6, 0.1, 0.25, 0.6, 0.3, long_share=0.5) == pytest.approx(0.45)
    assert adapted_share(0.6, 0.1, 0.25, 0.6, 0.8) == 0.6  # a target above the share never raises BM25


def _vault(tmp_path: Path) -> Path:
    vault = tmp_path / "v"
    vault.mkdir()
    topics = ["bread baking", "tax forms", "garden tomatoes", "python testing", "bike repair"]
    for i in range(30):  # BM25 needs a corpus to tell rare words from common ones
        (vault / f"filler{i}.md").write_text(f"# Note {i}\n\nThoughts about {topics[i % 5]} in week {i}.\n")
    (vault / "bells.md").write_text("# Bell ringing\n\nRuth Denholm taught me to ring in 2019, on Tuesdays.\n",
                                    encoding="utf-8")
    return vault


def test_coverage_weighs_the_query_words_a_passage_holds_by_rarity(tmp_path: Path) -> None:
    with Brain.open(tmp_path / "h", embedder="hash:256") as brain:
        brain.add([_vault(tmp_path)])
        conn = brain.conn
        bells = conn.execute("SELECT c.id FROM chunks c JOIN documents d ON d.id = c.doc_id "
                             "WHERE d.path LIKE '%bells.md'").fetchone()[0]
        n = conn.execute("SELECT count(*) FROM chunks").fetchone()[0]
        assert coverage(conn, parse_query("Who taught me bell ringing?").terms, bells, n) == pytest.approx(1.0)
        assert coverage(conn, parse_query("quantum chromodynamics").terms, bells, n) == 0.0
        # "ruth" is in one note, "campanology" in none: the word the passage lacks is the rarer, so it
        # holds under half of the weight; "week" (30 notes) adds little to what is missing.
        rare_only = coverage(conn, parse_query("campanology Ruth").terms, bells, n)
        part = coverage(conn, parse_query("campanology week Ruth").terms, bells, n)
        assert 0.0 < part < rare_only < 0.5


def test_paraphrased_question_leans_on_the_dense_side(tmp_path: Path) -> None:
    with Brain.open(tmp_path / "h", embedder="hash:256") as brain:
        brain.add([_vault(tmp_path)])
        total = brain.settings.bm25_weight + brain.settings.dense_weight
        share = brain.settings.bm25_weight / total
        plain = brain.search("Who taught me bell ringing?", 3, explain=True)[0].explain["overlap"]
        assert plain["coverage"] == pytest.approx(1.0) and plain["bm25_share"] == pytest.approx(share)
        para = brain.search("Who was my instructor when I took up campanology and ringing?", 3,
                            explain=True)[0].explain["overlap"]
        assert para["coverage"] < brain.settings.overlap_low
        assert para["bm25_share"] == pytest.approx(brain.settings.overlap_bm25_share)
        # A target at or above the normal share turns it off.
        brain.settings = replace(brain.settings, overlap_bm25_share=1.0)
        assert brain.search("Who was my instructor when I took up campanology and ringing?", 3,
                            explain=True)[0].explain["overlap"] is None
