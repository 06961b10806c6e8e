"""Round 9 (tn9): a weekday with a day of the month read as a date ("martes 1" under "Domingo 6 de septiembre"),
a temporal question about a day it names answered by that day's statements, and a statement that points at a
code block ("run the following command") answered with the block.

Helpers run on hand-made statements; no model is needed.
"""
from __future__ import annotations

import datetime as dt

from memex.agents import compose, listed
from memex.agents.evidence import Unit, units
from memex.agents.extractive import Candidate
from memex.domain import Hit, Location
from memex.ingest.dates import find_dates


def _days(text: str, under: dt.date) -> list[dt.date]:
    return [m.day for m in find_dates(text, under)]


def test_a_weekday_and_a_day_of_the_month_read_as_the_closest_such_day() -> None:
    sunday = dt.date(2026, 9, 6)
    assert _days("Mudanza hecha (martes 1). Sangenis 23", sunday) == [dt.date(2026, 9, 1)]
    assert _days("fue el jueves 3, vinimos 11", sunday) == [dt.date(2026, 9, 3)]
    assert _days("Back on Sunday 13.", sunday) == [dt.date(2026, 9, 13)]
    assert _days("then on Tue the 29th", dt.date(2026, 10, 2)) == [dt.date(2026, 9, 29)]  # the month before


def test_a_weekday_with_a_number_that_is_no_day_of_the_month_is_not_a_date() -> None:
    sunday = dt.date(2026, 9, 6)
    # the weekday does not fall on that day near the note's date; a time, a duration, a count
    for text in ("on Tue the 3rd", "Tuesday 7 pm", "Friday 14:00", "lunes 3 horas", "Monday 2 weeks later",
                 "martes y jueves", "Tuesday 2026"):
        assert _days(text, sunday) == [], text
    assert _days("martes 1", None) == []  # nothing to read it against


def _unit(text: str, position: int, date: str | None, chunk: str = "c1", doc: int = 1,
          body: str = "") -> Unit:
    hit = Hit(path=f"n{doc}.md", chunk_id=chunk, score=1.0, text=body or text, location=Location(), doc_id=doc)
    return Unit(quote=text, text=text, hit=hit, rank=doc - 1, position=position, subject=f"Note {doc}",
                context=f"Note {doc}", date=date, date_source="text" if date else "mtime")


def _cand(unit: Unit, score: float) -> Candidate:
    return Candidate(unit, 0.5, 0.2, 0.2, None, score)


def test_a_temporal_question_naming_a_day_is_answered_by_that_days_statements() -> None:
    moved = _unit("Moving done (Tuesday 1). New flat at 23 Sangenis Street.", 0, "2026-09-06", doc=1)
    week = _unit("Changes this week, all at once:", 1, "2026-09-06", doc=1)
    shift = _unit("Shift change: from 1 September he starts at 3:30.", 0, "2026-09-01", chunk="c2", doc=2)
    later = _unit("From 14 September the afternoons are back, at 17:30.", 0, "2026-09-14", chunk="c3", doc=3)
    cands = [_cand(later, 0.60), _cand(week, 0.58), _cand(shift, 0.56), _cand(moved, 0.50)]
    out = compose._on_named_day("What changed on 1 September?", cands)
    assert out is not None and out.mode == "temporal (on the day named)"
    assert "Sangenis" in out.text and "3:30" in out.text and "afternoons" not in out.text
    # A day that bounds a period names no such day: the latest answers "since 1 September".
    assert compose._on_named_day("What has changed since 1 September?", cands) is None
    assert compose._on_named_day("What changed this week?", cands) is None


def test_a_statement_that_points_at_a_code_block_brings_it() -> None:
    body = ("You must allow the extension when running the server, or else you will see a 403 error.\n\n"
            "Close the app, and run the following command in your terminal.\n\n```\n"
            "ORIGINS=chrome-extension://* server serve\n```\n\nThen run your model the normal way.")
    hit = Hit(path="help.md", chunk_id="c1", score=1.0, text=body, location=Location(), doc_id=1, title="Help")
    found = units(hit, 0)
    head = found[0]
    code = listed.code_after(head, found)
    assert [u.text for u in code] == ["Close the app, and run the following command in your terminal.",
                                      "ORIGINS=chrome-extension://* server serve"]
    # A statement followed by prose, or by code it does not point at, brings nothing.
    assert listed.code_after(found[1], found[:2]) == []
    plain = ("The sync runs at night.\n\n```\nsync --all\n```")
    other = units(Hit(path="n.md", chunk_id="c2", score=1.0, text=plain, location=Location(), doc_id=2), 0)
    assert listed.code_after(other[0], other) == []


def test_the_rows_of_a_before_after_table_that_changed_on_the_day_named() -> None:
    from memex.agents.aggregate import changed_on_day

    table = ("| Product | Until 30-jun-2026 | From 1-jul-2026 |\n| --- | --- | --- |\n| Loaf | 1.10 | 1.20 |\n"
             "| Rye bread | 3.20 | 3.20 |\n| Olive oil cake | 2.20 | 2.40 |")
    hit = Hit(path="prices.md", chunk_id="c1", score=1.0, text=table, location=Location(), doc_id=1, title="Prices")
    rows = units(hit, 0)
    cands = [_cand(u, 0.5 - 0.01 * i) for i, u in enumerate(rows)]
    changed = changed_on_day("Which products went up on 1 July?", rows, cands)
    assert [x.unit.text.split(";")[0] for x in changed] == ["Product: Loaf", "Product: Olive oil cake"]
    # Another day, or no day at all: no table column answers it.
    assert changed_on_day("Which products went up on 1 June?", rows, cands) == []
    assert changed_on_day("Which products went up?", rows, cands) == []


def test_a_question_about_now_that_names_a_day_still_wants_the_latest() -> None:
    agm = _unit("AGM on 3 May: Ruth elected tower captain.", 0, "2026-05-03")
    later = _unit("Ruth stood down; Alan is tower captain from 1 October.", 0, "2026-10-01", chunk="c2", doc=2)
    cands = [_cand(agm, 0.6), _cand(later, 0.55)]
    assert compose._on_named_day("Who is tower captain now, after the AGM on 3 May?", cands) is None
    assert compose._on_named_day("Who is tower captain now? The AGM on 3 May chose one.", cands) is None
    assert compose._on_named_day("¿Quién es capitán ahora? La asamblea del 3 de mayo eligió uno.", cands) is None
    assert compose._on_named_day("What changed at the AGM on 3 May?", cands) is not None


def test_a_code_line_is_quoted_as_written_and_a_fence_never_joins_the_line_after_it() -> None:
    from memex.agents.extractive import cite

    body = "Run your model the normal way, e.g.\n\n```\nollama run llama3.2\n```\n"
    found = units(Hit(path="help.md", chunk_id="c1", score=1.0, text=body, location=Location(), doc_id=1,
                      title="Help"), 0)
    assert [u.quote for u in found] == ["Run your model the normal way, e.g.", "ollama run llama3.2"]
    assert listed.in_code(found[1]) and not listed.in_code(found[0])
    parts, _ = cite([_cand(u, 0.5) for u in found])
    assert parts[1] == "`ollama run llama3.2` [1]"


def test_a_product_chosen_by_its_terms_may_be_answered_by_its_figures() -> None:
    from memex.agents.answer_type import MONEY, NAME, QUANTITY, expected, matches

    asked = "Which mortgage deal did we go with in the end?"
    assert expected(asked).kinds == {NAME, QUANTITY, MONEY}
    assert matches(expected(asked), "Product: 5-year fixed 4.34%, no fee, ends 31 Oct 2031", asked) == 1.0
    # a thing chosen by name still asks for a name only
    assert expected("Which glaze did I use on the mugs?").kinds == {NAME}


def test_a_day_named_by_its_number_alone_is_read_in_the_month_the_statement_is_dated() -> None:
    written = dt.date(2026, 9, 6)
    assert compose._days_of_month("Andrés, desde el 1, en el Parque 4.", written) == [dt.date(2026, 9, 1)]
    assert compose._days_of_month("Starts at 3:30 from the 1st.", written) == [dt.date(2026, 9, 1)]
    assert compose._days_of_month("Back on the 29th.", written) == [dt.date(2026, 8, 29)]  # the month before
    # a percentage, a price, a full date (read elsewhere) or a plain count is no day
    for text in ("Up from 1% to 2%.", "from 1 € a loaf", "desde el 1 de julio", "on 3 occasions", "4 de caja"):
        assert compose._days_of_month(text, written) == [], text
