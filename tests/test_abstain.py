"""The answer support score's signals and the abstention it decides (agents/abstain.py), end to end through
`memex eval-answers`, which reports false abstention and abstention per question type."""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner
from small_vault import indexed_home

from memex.agents.abstain import (
    COSINE_SCALES,
    fts_in_notes,
    statement_support,
    support_cosine,
    support_score,
    threshold_for,
    unseen_share,
)
from memex.agents.evidence import Unit
from memex.agents.extractive import Candidate
from memex.domain import Hit, Location
from memex.interfaces.cli import commands_chat  # noqa: F401 - registers the command
from memex.interfaces.cli.main import cli

NOTES = {
    "Kelby signal box.md": "# Kelby signal box\n\nThe Down distant is the one drivers moan about in fog.\n"
                           "Lever frame: 35 levers, 7 of them spare.\n",
    "Costes.md": "# Costes del obrador\n\nLa harina costó 18,20 € el saco en septiembre.\n",
}


def _candidate(text: str, subject: str, semantic: float, lexical: float, context: float) -> Candidate:
    hit = Hit(path="n.md", chunk_id="c1", score=1.0, text=text, location=Location())
    unit = Unit(quote=text, text=text, hit=hit, rank=0, position=0, subject=subject, context=subject, date=None,
                date_source="mtime")
    return Candidate(unit, semantic, lexical, context, None, 0.5)


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return indexed_home(tmp_path_factory.mktemp("abstain"), NOTES, "hash:384")


def test_a_word_is_in_the_notes_in_any_form_through_the_fts_index(home: Path) -> None:
    conn = sqlite3.connect(home / "memex.db")
    try:
        in_notes = fts_in_notes(conn)
        assert in_notes("drivers", "driver") and in_notes("moaning", "moan")  # the index's own stemming
        assert in_notes("costaba", "cost")  # a Spanish form found through its stem ("costó")
        assert not in_notes("grumbling", "grumbl") and not in_notes("misty", "misty")
        assert in_notes('a "quoted" (word', 'a "quoted" (word') in (True, False)  # never an FTS syntax error
    finally:
        conn.close()


def test_the_share_of_a_question_the_notes_never_word_that_way_leaves_names_to_the_name_check() -> None:
    notes = {"signal", "train", "distant", "priya"}
    in_notes = lambda word, stem: stem in notes  # noqa: E731
    q = "Which signal gets train crews grumbling when it's misty?"
    share = unseen_share(q, in_notes, {"signal": 2.0, "train": 2.0, "crew": 3.0, "grumbl": 4.0, "misty": 4.0})
    assert abs(share - 12 / 16) < 1e-9  # crews, grumbling, misty and "gets" (weight 1), weighed by rarity
    assert unseen_share("Which signal is the distant?", in_notes, {}) == 0.0
    # A name the notes never mention is not paraphrase: it stays out of the share (the name check costs it).
    assert unseen_share("When is Priya Raman's birthday?", in_notes, {}) == 1.0  # only "birthday" counts
    assert unseen_share("When is Priya Raman's birthday?", lambda w, s: s == "birthday", {}) == 0.0


def test_words_no_note_holds_count_as_held_by_the_answer_statement() -> None:
    paraphrased = _candidate("The Down distant is the one drivers moan about in fog.", "Kelby signal box", 0.47,
                             0.0, 0.08)
    plain = statement_support(paraphrased)
    credited = statement_support(paraphrased, 0.7)
    assert abs((credited - plain) - (0.15 * 0.7 + 0.15 * 0.7)) < 1e-9
    assert statement_support(_candidate("x", "y", 0.5, 0.9, 0.95), 0.7) == pytest.approx(0.6 * 0.5 + 0.15 + 0.15
                                                                                          + 0.1 * 0.5)
    q = "Which signal gets train crews grumbling when it's misty?"
    score, checks = support_score(q, 0.4, [paraphrased], unseen=0.7)
    assert checks["unseen"] == 0.7 and checks["features"]["unseen"] == 0.7
    assert score == pytest.approx(credited)
    # The signals the score is made of are reported for calibration (bench/calibrate_abstention.py).
    assert {"semantic", "lexical", "context", "kind_ok", "name_share", "withheld", "sem_z"} <= set(checks["features"])


def test_eval_answers_reports_abstention_per_type_and_measures_a_judge(home: Path, tmp_path: Path) -> None:
    qa = tmp_path / "qa.jsonl"
    qa.write_text("\n".join(json.dumps(x) for x in [
        {"id": "1", "question": "How many levers are spare in the Kelby lever frame?", "must_include": ["7"],
         "gold_notes": ["Kelby signal box.md"], "type": "single"},
        {"id": "2", "question": "What is the exchange rate of the Zimbabwean dollar?", "must_include": [],
         "gold_notes": [], "type": "unanswerable"}]) + "\n", encoding="utf-8")
    env = {"MEMEX_EMBEDDER": "hash:384"}
    args = ["eval-answers", str(qa), "--json", "--no-recall", "--home", str(home)]
    r = CliRunner().invoke(cli, args, env=env)
    assert r.exit_code == 0, r.output
    out = json.loads(r.output)
    assert out["by_type"]["single"]["false_abstention"] == 0.0 and out["by_type"]["single"]["contains_gold_fact"]
    assert out["by_type"]["unanswerable"]["abstention_on_unanswerable"] == 1.0
    # A judge model that finds no answer supported: every answer abstains, and the report says so per type.
    r = CliRunner().invoke(cli, [*args, "--judge", "scripted:no"], env=env)
    assert r.exit_code == 0, r.output
    out = json.loads(r.output)
    assert out["judge"] == "scripted:no" and out["by_type"]["single"]["false_abstention"] == 1.0
    r = CliRunner().invoke(cli, [*args, "--judge", "scripted:yes"], env=env)
    assert json.loads(r.output)["by_type"]["single"]["false_abstention"] == 0.0
    # The plain-text report has the same columns.
    r = CliRunner().invoke(cli, ["eval-answers", str(qa), "--no-recall", "--home", str(home)], env=env)
    assert r.exit_code == 0 and "false abstention" in r.output and "abstains (unanswerable)" in r.output


def test_a_cosine_is_read_on_its_own_embedders_scale_mapped_onto_minilms() -> None:
    (e5_mid, e5_spread), (mini_mid, mini_spread) = COSINE_SCALES["multilingual"], COSINE_SCALES["minilm"]
    # MiniLM and an embedder never measured are read as they come.
    assert support_cosine(0.61, "minilm:all-MiniLM-L6-v2:384") == 0.61
    assert support_cosine(0.61, "hash:384") == 0.61
    # e5's middle is MiniLM's middle; a step of e5's spread is a step of MiniLM's.
    e5 = "multilingual:multilingual-e5-small:384"
    assert support_cosine(e5_mid, e5) == pytest.approx(mini_mid)
    assert support_cosine(e5_mid - e5_spread, e5) == pytest.approx(mini_mid - mini_spread)


def test_an_e5_answer_below_e5s_usual_cosine_loses_support_that_a_raw_reading_would_give_it() -> None:
    e5 = "multilingual:multilingual-e5-small:384"
    below = _candidate("Numéro de cadre : gravé sous le boîtier.", "Vélo", 0.85, 0.3, 0.3)
    above = _candidate("Numéro de cadre : 12345.", "Vélo", 0.95, 0.3, 0.3)
    assert statement_support(below, 0.0, e5) < statement_support(below) - 0.1
    assert statement_support(above, 0.0, e5) > statement_support(above)
    # The gap between the two counts as much as the same gap in MiniLM's spread.
    gap = statement_support(above, 0.0, e5) - statement_support(below, 0.0, e5)
    assert gap == pytest.approx(0.6 * (0.95 - 0.85) * COSINE_SCALES["minilm"][1] / COSINE_SCALES["multilingual"][1])
    q = "Quel est le numéro de cadre du vélo ?"
    assert support_score(q, 0.5, [below], embedder_id=e5)[0] < support_score(q, 0.5, [below])[0]
    assert threshold_for(e5) != threshold_for("minilm:all-MiniLM-L6-v2:384")


def test_a_name_asked_by_its_initials_is_found_spelled_out_and_the_other_way_round() -> None:
    from memex.agents.initials import same_name
    assert same_name("A&H", "I presented 3 quotes: Allen & Heath SQ-6 package £8,950")
    assert same_name("M&S", "lunch from Marks and Spencer")
    assert same_name("Allen & Heath", "Decision: the A&H desk")
    assert not same_name("A&H", "at Alan's house")  # initials of a run of capitalised words, not any words
    assert not same_name("AH", "Alan Hall")  # two bare capitals are too many people's initials
    line = "I presented 3 quotes: Allen & Heath SQ-6 package £8,950, Midas M32 £6,400."
    q = "Why did I push for the A&H console over the cheaper Midas option?"
    _, checks = support_score(q, 0.4, [_candidate(line, "Owners meeting desk", 0.5, 0.3, 0.3)])
    assert checks["names"] == ["A&H", "Midas"] and checks["names_missing"] == []
    _, other = support_score("Why did I push for the A&H console?", 0.4,
                             [_candidate("Decision: Midas M32 desk.", "Owners meeting", 0.5, 0.3, 0.3)])
    assert other["names_missing"] == ["A&H"]


def test_a_spelled_out_name_is_not_found_in_two_bare_capitals() -> None:
    from memex.agents.initials import same_name
    assert not same_name("Mark Smith", "MS nurse appointment")  # the same rule as "AH" for "Alan Hall"
    assert not same_name("Tom Oliver", "TO DO: call the bank")
    assert same_name("Allen & Heath", "the A&H desk")  # an explicit & or + joins a firm's two initials
    assert same_name("Royal National Lifeboat", "RNL")  # three or more letters need no joiner
    _, checks = support_score("What is Ian Tate's phone number?", 0.4,
                              [_candidate("IT helpdesk phone number: 0161 555 0192.", "Contacts", 0.5, 0.3, 0.3)])
    assert checks["names_missing"] == ["Ian Tate"]


def test_a_name_of_initials_is_matched_in_linear_time_and_not_inside_one_camelcase_word() -> None:
    import time

    from memex.agents.initials import same_name
    start = time.perf_counter()
    assert not same_name("AAH", "Ae" * 10000)
    assert not same_name("AAAH", "Aa Ae" * 4000)
    assert time.perf_counter() - start < 0.5
    assert not same_name("A&H", "the AlleHeath desk")  # one CamelCase word is no two words
    assert not same_name("F&T", "call on FaceTime")
    assert same_name("M&S", "lunch from Marks and Spencer")
    assert same_name("A&H", "Allen+Heath desk")
