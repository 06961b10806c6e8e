"""Multi-hop answers say what is asked of the bridging entity, not just who it is.

"When is the birthday of the man who signed my casualty care certificate?" is answered by Dougie's birthday,
from his own note, with the statement that names him as the second supporting statement — not by the
certificate's date of issue, which is a date too. The planner's readings and the small helpers are tested
directly; the hops run on a small vault with the real MiniLM embedder (its support threshold is calibrated)
and the real note graph.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from small_vault import cited_names, vault_brain

from memex.agents.evidence import Unit
from memex.agents.multihop import described_part, named_inside, role_terms, substituted
from memex.agents.plan import decompose
from memex.app import Brain
from memex.domain import Hit, Location

VAULT = Path(__file__).parent / "data" / "multihop_attr_vault"


def _unit(text: str, subject: str = "Note") -> Unit:
    hit = Hit(path="n.md", chunk_id="1", score=1.0, text=text, location=Location())
    return Unit(text, text, hit, 0, 0, subject, subject, None, "mtime")


@pytest.mark.parametrize(("question", "bridge"), [
    # Contractions open the description like their full forms.
    ("What does the person I'm making homemade lemon curd for bake for every quarter peal?",
     "the person I'm making homemade lemon curd for bake for every quarter peal"),
    ("What does the checker who's now on the client's side eat with her coffee?",
     "the checker who's now on the client's side eat with her coffee"),
    # A second part that asks about the answer to the first ("she") makes the first part the description.
    ("Which carer was with Dad when the heart failure nurse came in November, and which visit does she do?",
     "Which carer was with Dad when the heart failure nurse came in November"),
])
def test_the_planner_finds_the_description_to_bridge(question: str, bridge: str) -> None:
    p = decompose(question)
    assert (p.kind, p.bridge) == ("relational", bridge)


def test_two_independent_parts_stay_two_parts() -> None:
    # "that firing" is not a pronoun for an answer to the first part: each part is searched on its own.
    p = decompose("Which glaze was on the mugs that cracked in the March glaze firing, and what temperature "
                  "is that firing now?")
    assert p.kind == "multi-part"


def test_a_description_that_runs_on_into_what_is_asked_is_cut() -> None:
    via = _unit("Practice nights: All Saints. Tower captain Ruth Denholm, steeple keeper Bernard Ogilvie.")
    d = "the steeple keeper who conducted my first surprise quarter been ringing at All Saints"
    q = f"How long has {d}?"
    # Two words the bridging statement does not explain end the description, so what is asked survives
    # ("been ringing at All Saints") though the bridging statement also says "All Saints".
    assert described_part(d, via) == "the steeple keeper who conducted my first"
    assert substituted(q, d, via, "Bernard Ogilvie").endswith("been ringing at All Saints?")


def test_the_role_and_the_names_inside_a_description() -> None:
    assert role_terms("the steeple keeper who conducted my first quarter") == {"steeple", "keeper"}
    assert role_terms("the person who brought me the fintech work") == set()
    # The man who warned me about Owen is not Owen; "the Ruth who…" is a Ruth.
    assert named_inside("Owen Leathley", "the man who warned me that Owen decides fast")
    assert not named_inside("Graham Pickles", "the man who warned me that Owen decides fast")
    assert not named_inside("Ruth Denholm", "the Ruth who conducted my Easter quarter")


@pytest.fixture(scope="module")
def brain(tmp_path_factory: pytest.TempPathFactory) -> Brain:
    yield from vault_brain(tmp_path_factory.mktemp("multihop_attr"), VAULT)


@pytest.mark.slow
def test_the_answer_is_the_attribute_asked_not_another_date(brain: Brain) -> None:
    a = brain.ask("When is the birthday of the man who signed my casualty care certificate?", trace=True)
    assert not a.abstained
    assert "11 November" in a.answer  # Dougie's birthday, not the certificate's date of issue
    assert "Dougie Baird.md" in cited_names(a)  # cited to the note of the bridging person
    # The statement naming him is kept as the second supporting statement.
    assert cited_names(a) & {"Casualty care course.md", "Casualty Care Course — Certificate.md"}
    hop = next(s for s in a.steps["trace"] if s["step"] == "hop")
    assert any(e.startswith("Dougie") for e in hop["entities"])


@pytest.mark.slow
def test_an_attribute_the_question_words_differently_is_found_in_the_person_note(brain: Brain) -> None:
    # "allergic" is not in the note: "Carries an EpiPen — wasp and bee stings" says it.
    a = brain.ask("What is the teammate who led the hill party on the July Ben Lomond job allergic to?")
    assert not a.abstained and "wasp" in a.answer
    assert "Alex Petrie.md" in cited_names(a)


@pytest.mark.slow
def test_someone_the_description_names_is_not_the_bridge(brain: Brain) -> None:
    a = brain.ask("What does the man who warned me that Owen decides fast say before every decision?", trace=True)
    assert not a.abstained and "Right then" in a.answer
    assert "Graham Pickles.md" in cited_names(a)
    assert "Leeds United" not in a.answer and "risk register" not in a.answer
