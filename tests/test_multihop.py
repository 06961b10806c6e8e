"""Multi-hop questions: find the bridging person, then what is asked of them, following the note graph.

The planner's reading of a question (no model) is tested directly; the two hops run on a small vault with
the real MiniLM embedder (the support threshold is calibrated for it) and the real note graph.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from small_vault import vault_brain

from memex.agents.evidence import Unit
from memex.agents.multihop import asked_terms, entity_notes, substituted
from memex.agents.plan import decompose
from memex.app import Brain
from memex.domain import Hit, Location

VAULT = Path(__file__).parent / "data" / "multihop_vault"


def _unit(text: str, subject: str = "Note") -> Unit:
    hit = Hit(path="n.md", chunk_id="1", score=1.0, text=text, location=Location())
    return Unit(text, text, hit, 0, 0, subject, subject, None, "mtime")


@pytest.mark.parametrize(("question", "kind", "bridge"), [
    # The described thing is the colleague, not the birthday asked of her.
    ("When is the birthday of the colleague whose baby arrived in September?", "relational",
     "the colleague whose baby arrived in September"),
    ("What's the bike of the man who finished the Howardian in 4:41:05 made of?", "relational",
     "the man who finished the Howardian in 4:41:05 made of"),
    # "every August" says how often, not "collect every one".
    ("What vegetable does the friend who helped me insulate the loft push on me every August?", "relational",
     "the friend who helped me insulate the loft push on me every August"),
    ("List every quarter peal I've rung successfully.", "aggregation", None),
    ("Which restaurants did we visit in 2026?", "aggregation", None),
])
def test_the_planner_reads_what_to_find_first(question: str, kind: str, bridge: str | None) -> None:
    p = decompose(question)
    assert (p.kind, p.bridge) == (kind, bridge)


def test_what_is_asked_of_the_entity_leaves_out_what_the_bridge_explained() -> None:
    via = _unit("Bought him a framed print of the Kelby diagram (Lena found the original in the archive).",
                "Graham's leaving do")
    q = "Which city is the colleague who found the Kelby diagram for Graham's present originally from?"
    description = "the colleague who found the Kelby diagram for Graham's present originally from"
    # The description runs on into what is asked; it ends at the last word the bridging statement explains.
    assert substituted(q, description, via, "Lena") == "Which city is Lena present originally from?"
    assert asked_terms(q, via, "Lena") == ["city", "present", "originally"]


def test_a_description_the_bridging_statement_explains_none_of_is_replaced_whole() -> None:
    via = _unit("Geräte kommen erst später, Hoffmann hat angerufen.", "Küche Hoffmann")
    q = "Welche Bank finanziert das Fahrzeug, das bei der Küchenmontage in Gohlis zum ersten Mal voll beladen war?"
    description = "das Fahrzeug, das bei der Küchenmontage in Gohlis zum ersten Mal voll beladen war"
    # No word of the description is explained: the name is not glued before the whole description kept.
    assert substituted(q, description, via, "Hoffmann") == "Welche Bank finanziert Hoffmann?"
    assert substituted(q, description, via, "it") == "Welche Bank finanziert it?"


@pytest.fixture(scope="module")
def brain(tmp_path_factory: pytest.TempPathFactory) -> Brain:
    yield from vault_brain(tmp_path_factory.mktemp("multihop"), VAULT)


@pytest.mark.slow
def test_the_graph_names_the_note_a_first_name_stands_for(brain: Brain) -> None:
    # "Pete" in the loft note is the Pete of people/Pete Garside.md (the graph merges the first name).
    assert [Path(p).name for _, p in entity_notes(brain.conn, "Pete")] == ["Pete Garside.md"]
    assert [Path(p).name for _, p in entity_notes(brain.conn, "Aoife")] == ["Aoife.md"]
    assert entity_notes(brain.conn, "Nobody Atall") == []


@pytest.mark.slow
def test_a_two_hop_question_follows_the_bridge_to_the_person_note(brain: Brain) -> None:
    q = "What vegetable does the friend who helped me insulate the loft push on me every August?"
    a = brain.ask(q, trace=True)
    assert not a.abstained and "courgettes" in a.answer.lower()
    cited = {Path(c.path).name for c in a.citations}
    assert {"Loft insulation.md", "Pete Garside.md"} <= cited  # the bridge and the answer, each cited
    hop = next(s for s in a.steps["trace"] if s["step"] == "hop")
    pete = next(e for e in hop["entities"] if e.startswith("Pete"))
    assert [Path(p).name for p in hop["entity_notes"][pete]] == ["Pete Garside.md"]


@pytest.mark.slow
def test_a_person_notes_line_opening_with_the_role_ranks_its_person_first(brain: Brain) -> None:
    # "Old friend from the cycling club." in "Pete Garside" gives the friend; "Aoife" (the note's title) and
    # "Aoife Byrne" (its first line) are one person and take one candidate slot, not two.
    q = "What vegetable does the friend who helped me insulate the loft push on me every August?"
    hop = next(s for s in brain.ask(q, trace=True).steps["trace"] if s["step"] == "hop")
    assert hop["entities"][0].startswith("Pete")
    assert not {"Aoife", "Aoife Byrne"} <= set(hop["entities"])


@pytest.mark.slow
def test_the_answer_is_what_is_asked_of_the_bridged_person(brain: Brain) -> None:
    a = brain.ask("What does the sister who does most of Mum's day-to-day care do for a living?", trace=True)
    assert not a.abstained and "Pharmacist" in a.answer
    assert "Aoife.md" in {Path(c.path).name for c in a.citations}


@pytest.mark.slow
def test_with_a_chat_model_the_second_hop_is_in_its_prompt(brain: Brain) -> None:
    from memex.llm.base import Message
    from memex.llm.scripted import ScriptedChatModel

    seen: list[str] = []

    def reply(messages: list[Message]) -> str:
        user = messages[-1].content
        seen.append(user)
        # Cite the note block that holds the answer, as a model would.
        for block in user.split("<note ")[1:]:
            if "courgettes" in block:
                n = block.split('n="', 1)[1].split('"', 1)[0]
                return f"Pete gives you courgettes in August whether you want them or not [{n}]."
        return "I don't know."

    q = "What vegetable does the friend who helped me insulate the loft push on me every August?"
    a = brain.ask(q, model=ScriptedChatModel(reply), trace=True)
    # The same two hops run before the model writes: the bridge was found, and the person note is in its prompt.
    hop = next(s for s in a.steps["trace"] if s["step"] == "hop")
    assert any(e.startswith("Pete") for e in hop["entities"])
    assert any("courgettes" in s for s in seen)
    assert not a.abstained and "courgettes" in a.answer
    assert "Pete Garside.md" in {Path(c.path).name for c in a.citations}
