"""Checklists: a list question asking what is still to do, or what was done, answers with the items of that
state only — read from the Markdown ("- [ ]", "- [x]", "~~struck~~"), whatever the notes' language."""
from __future__ import annotations

import pytest
from tests.test_aggregation import _item

from memex.agents import aggregate, checklist
from memex.agents.plan import decompose


@pytest.mark.parametrize(("question", "wanted"), [
    ("What's still left to do on the house jobs list?", "open"),
    ("Which items on the design freeze checklist were not ticked off?", "open"),
    ("Which jobs on the house list have I done?", "done"),
    ("¿Qué tareas están pendientes?", "open"),
    ("Qu'est-ce qui reste à faire pour le déménagement ?", "open"),
    ("Was ist auf der Liste noch offen?", "open"),
    ("Welche Punkte habe ich schon erledigt?", "done"),
    ("Quali cose ho già fatto per il trasloco?", "done"),
    ("Wat moet ik nog doen voor de verhuizing?", "open"),
    ("O que ainda falta fazer na casa?", "open"),
    ("What did I pack for the weekend?", None),
    ("Who was at the design review?", None),
])
def test_the_question_asks_for_open_or_done_items(question: str, wanted: str | None) -> None:
    assert checklist.asked_state(question) == wanted


def test_an_item_state_is_read_from_its_box_or_its_strike() -> None:
    assert checklist.states(["- [x] Loft insulation", "- [ ] Re-grout the shower", "Done by March."]) == [
        "done", "open", None]
    # A list whose done items are struck through: the others are still to do.
    assert checklist.states(["- ~~Waterproof~~ — got her the good one", "- Book tokens", "Orla"]) == [
        "done", "open", None]
    assert checklist.states(["- Book tokens", "- A rucksack"]) == [None, None]


@pytest.mark.parametrize("question", [
    "What's still left to do on the house jobs list?",
    "Which jobs on the house list have I done?",
    "Which items on the design freeze checklist were not ticked off?",
    "Was ist auf der Liste noch offen?",
    "¿Qué nos queda por hacer para la mudanza?",
    "Wat moet ik nog doen voor de verhuizing?",
    "What's left on the packing list?",
    "Which jobs are still outstanding?",
])
def test_checklist_questions_are_planned_as_aggregation(question: str) -> None:
    assert decompose(question).kind == "aggregation"


def test_a_checklist_answers_with_the_items_of_the_asked_state_its_whole_section_read() -> None:
    doc, subject = "home/Jobs list.md", "Jobs list (house)"
    cands = [_item("- [ ] Re-grout the shower", 0.60, doc, 3, subject),
             _item("- [x] Loft insulation to 270 mm", 0.59, doc, 1, subject),
             _item("Jobs before the heat pump, in the order I did them.", 0.55, "home/Insulation.md", 0, "Insulation"),
             _item("- [x] Bathroom extractor fan — fitted Nov 2025", 0.50, doc, 0, subject)]
    # An open item retrieval did not return, in the same list: read from the store.
    unseen = _item("- [ ] Fix the dripping outside tap", 0.10, doc, 4, subject)
    whole = [*cands, unseen]

    def collect(question: str) -> list[str]:
        got = aggregate.collect(question, cands, {"job": 4.0, "list": 3.0}, aggregate.constraints(question),
                                lambda a: [], lambda us: [x for x in whole if x.unit in us],
                                lambda lead: [x.unit for x in whole if x.unit.subject == lead.unit.subject])
        return [x.text for x in got.items]

    assert collect("What's still left to do on the house jobs list?") == [
        "- [ ] Re-grout the shower", "- [ ] Fix the dripping outside tap"]
    assert collect("Which jobs on the house list have I done?") == [
        "- [x] Bathroom extractor fan — fitted Nov 2025", "- [x] Loft insulation to 270 mm"]
    # A list question that asks for neither state lists the items as before.
    plain = collect("Which jobs are on the house list?")
    assert "- [ ] Re-grout the shower" in plain and "- [x] Loft insulation to 270 mm" in plain


def test_without_a_checklist_among_the_best_the_state_words_change_nothing() -> None:
    doc = "trips/Packing.md"
    cands = [_item("- Helmet, glasses, gloves", 0.60, doc, 0, "Packing"),
             _item("- Rain jacket, gilet", 0.58, doc, 1, "Packing")]
    question = "What's still left to pack?"
    got = aggregate.collect(question, cands, {"pack": 4.0}, aggregate.constraints(question))
    assert [x.text for x in got.items] == ["- Helmet, glasses, gloves", "- Rain jacket, gilet"]
