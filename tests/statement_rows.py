"""Statement rows for the contradiction tests: one statement of a text, stored as the graph stores it."""
from __future__ import annotations

from memex.graph import statements
from memex.graph.contradictions import StatementRow


def row(i: int, doc: int, text: str, date: str) -> StatementRow:
    """The first statement of `text`, said on `date`, as statement `i` of document `doc`."""
    s = statements.statements(text, date)[0]
    return StatementRow(i, doc, i, s.text, s.terms, {k: list(v) for k, v in s.slots.items()}, date, s.cue)


def flat_idf(_t: str) -> float:
    """Every term equally rare."""
    return 1.0
