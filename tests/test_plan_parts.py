"""Multi-part questions joined by a bare "and" before a question word and its verb."""
from __future__ import annotations

from memex.agents.plan import decompose


def test_and_before_a_question_word_and_its_verb_splits_without_a_comma() -> None:
    p = decompose("What did I buy Rhys for his birthday and where does he usually climb?")
    assert p.kind == "multi-part"
    assert p.sub_queries[1:] == ["What did I buy Rhys for his birthday", "where does he usually climb?"]
    assert decompose("What did the new kettle cost and what was its first fault?").kind == "multi-part"


def test_and_inside_one_part_does_not_split() -> None:
    # "and what it cost" joins two things asked of one event: no verb of its own follows the question word.
    assert decompose("Tell me the date of the boiler service and what it cost").kind != "multi-part"
    assert decompose("Who came to the barbecue and brought the salad?").kind != "multi-part"
