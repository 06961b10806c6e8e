"""Statement extraction and pairing (round 9): hard-wrapped lines, column-aligned text rows, a trailing "Was X.",
percentages, values in an aside, a "from X to Y" that replaces a held value, and statements above a log's dated
entries. Pure parts, and one small vault through real SQLite."""
from __future__ import annotations

from pathlib import Path

from live_server import make_home
from statement_rows import flat_idf as _idf
from statement_rows import row as _row

from memex.app import Brain
from memex.graph import contradictions, statements
from memex.graph.edges import statement_dates
from memex.graph.tables import ChunkDating

_LONG = "The roofer came back on the second visit and measured the whole of the rear slope again, and the new"


def test_a_hard_wrapped_sentence_is_one_statement():
    text = (f"{_LONG}\nschedule keeps the start of the works unchanged as agreed. Revised handover date: Friday 19\n"
            "June 2026, weather permitting.\nShort label\nNext: 3 pm.")
    found = statements.statements(text, "2026-02-09")
    handover = [s for s in found if "handover" in s.text]
    assert handover and handover[0].slots.get("date") == ("2026-06-19",), found
    # a short line is not a wrapped one: the label line stays apart
    assert not any("Short label" in s.text and "Next" in s.text for s in found)


def test_long_lines_that_end_a_thought_are_not_joined():
    text = ("Riverside Leisure Hall, court 2 (the one with the flickering light bulbs)\n"
            "Mixed, 8-12 of us, Dana runs it through the group chat every single week\n"
            "Start Wednesdays 7pm, 1 hour.")
    pieces = statements._pieces(text)
    assert "Start Wednesdays 7pm, 1 hour." in pieces, pieces


def test_column_aligned_text_rows_are_statements_of_their_own():
    text = ("monthly\n  gym membership (Northside)   £38.00   (was £33 until May)\n"
            "  internet                     £30.50   (was £27 until May)\n")
    found = statements.statements(text, "2026-06-01")
    by_text = {s.text.split()[0]: s for s in found}
    assert by_text["gym"].slots["money"] == ("£38", "£33"), found
    assert by_text["internet"].slots["money"] == ("£30.50", "£27"), found
    assert "internet" not in by_text["gym"].terms


def test_a_trailing_was_sentence_belongs_to_the_change():
    found = statements.statements("Home insurance renewal: £610! Was £455. Annoying.", "2026-09-02")
    assert found[0].text == "Home insurance renewal: £610! Was £455."
    old = _row(1, 1, "- Home insurance (renews each September): £455 with Harbour Cover.", "2025-09-01")
    new = _row(2, 2, "Home insurance renewal: £610! Was £455.", "2026-09-02")
    assert contradictions._Facts().of(new).cue == contradictions.CUE_STRONG
    c = contradictions._score(old, new, _idf)
    assert c is not None and c.values == ("£455", "£610 £455")
    # "it was" compares with something else: no named replacement, no strong cue
    other = _row(3, 3, "The bill for March: £88.20; last March it was £140.10 with the oil.", "2026-04-02")
    assert contradictions._Facts().of(other).cue < contradictions.CUE_STRONG


def test_a_percentage_is_not_a_time_and_changes_only_with_a_cue():
    slots = statements.statements("Two-year fix at 3.79%, £640 a month.", "2026-01-01")[0].slots
    assert "time" not in slots and slots["percent"] == ("3.79%",)
    rate = _row(1, 1, "Loan fixed at 3.79% for two years, with the lender.", "2024-05-01")
    switched = _row(2, 1, "Loan switched to a fix at 4.25% with the lender.", "2026-05-01")
    assert contradictions._score(rate, switched, _idf) is not None
    # a measured share taken again is no change
    first = _row(3, 2, "Club attendance at the lender workshop 71% this term.", "2025-12-01")
    again = _row(4, 3, "Club attendance at the lender workshop 76% this term.", "2026-04-01")
    assert contradictions.evidence(first, again, _idf) is None


def test_a_value_in_an_aside_is_not_what_the_statement_ends_on():
    old = _row(1, 1, "Kick-off Fridays 6pm at the club, 1 hour.", "2025-09-05")
    new = _row(2, 1, "CHANGE: from Fri 2 Oct kick-off is 7pm (the club gave the 6pm slot to juniors).", "2026-09-25")
    assert contradictions._aside_values(new) == {"6pm"}
    c = contradictions._score(old, new, _idf)
    assert c is not None and "7pm" in c.values[1]


def test_a_move_from_a_held_value_disagrees_even_when_the_plan_named_the_new_one():
    survey = _row(1, 1, "- Attic: 50 mm lagging — needs topping up to 300 mm before winter.", "2025-09-10")
    done = _row(2, 2, "- **3 Jan 2026 — attic lagging topped up from 50 mm to 300 mm.**", "2026-01-03")
    assert contradictions._score(survey, done, _idf) is not None
    # the plan that names the same move agrees with the move
    plan = _row(3, 3, "The review is on 1 July: the plan is to go up from 2 mg to 4 mg of the syrup.", "2026-06-20")
    given = _row(4, 4, "| 1 Jul 2026 | syrup increased from 2 mg to 4 mg at night |", "2026-07-01")
    assert contradictions.evidence(plan, given, _idf) is None


def test_a_table_row_is_not_split_at_closing_emphasis():
    row = "| Sat 3 Oct | league | 2 | **My first win.** For the club fund — raised £120 in pledges |"
    assert statements._pieces(row) == [row]


def test_statements_above_a_logs_entries_are_dated_before_them():
    text = ("RUN CLUB\nMeet 6:30pm at the gates, 5 km. Fee £2 a run.\n"
            "2026-09-01: first one back.\n2026-09-08: rain.")
    found = statements.statements(text, "2026-11-24")
    dating = ChunkDating(start="2026-11-24", carried=None, note="2026-11-24", written="2026-12-01", source="text")
    dates = statement_dates(text, found, dating)
    header = [d for s, d in zip(found, dates, strict=True) if "Meet" in s.text]
    assert header == ["2026-09-01"], list(zip(found, dates, strict=True))
    # a journal dated by its file name speaks for its day
    dated = ChunkDating(start="2026-11-24", carried=None, note="2026-11-24", written="2026-12-01",
                        source="file name")
    assert statement_dates(text, found, dated)[0] == "2026-11-24"


def test_a_wrapped_line_that_starts_with_a_month_is_not_a_dated_entry():
    text = f"{_LONG}\nschedule keeps the start of the works as agreed; the revised handover date is Friday 19\nJune 2026, weather permitting."
    found = statements.statements(text, "2026-02-09")
    dating = ChunkDating(start="2026-02-09", carried=None, note="2026-02-09", written="2026-02-10", source="text")
    dates = statement_dates(text, found, dating)
    assert all(d == "2026-02-09" for d in dates), list(zip(found, dates, strict=True))


def test_a_log_header_value_changed_later_in_the_log_is_a_contradiction(tmp_path: Path):
    vault = tmp_path / "v"
    vault.mkdir()
    (vault / "run-club.txt").write_text(
        "TUESDAY RUN CLUB\nRiverside gates, the long loop when it is dry\nRiverside loop: Tuesdays 6:30pm, 5 km.\n\n"
        "2025\nTue 2 Sep 2025: first one back.\nTue 9 Sep 2025: rain, six of us.\nTue 16 Sep 2025: hills.\n\n"
        "2026\nTue 22 Sep 2026: *** CHANGE: from Tue 29 Sep 2026 the riverside loop is at 7pm (the park gave the "
        "6:30pm slot to a school).\nTue 29 Sep 2026: first 7pm run.\n", encoding="utf-8")
    with Brain.open(make_home(tmp_path / "home")) as brain:
        brain.add([vault])
        from memex.graph import insights
        insights.refresh(brain.conn, budget_s=None)
        found = insights.listing(brain.conn, kind="contradiction")
    quotes = [[e["quote"] for e in i.evidence] for i in found]
    assert any("6:30pm" in q[0] and "7pm" in q[1] and "CHANGE" in q[1] for q in quotes), quotes


def test_a_day_with_dots_is_a_date_never_a_time() -> None:
    """"14.03." and "14.03.2026" are the 14th of March (German, Dutch, Romance), not 14:03."""
    from memex.graph.statements import SLOT_PATTERNS, dates_in

    def times(text: str) -> list[str]:
        return [m.group().strip() for m in SLOT_PATTERNS["time"].finditer(text)]

    assert times("Augenarzt am 14.03. verschoben") == []
    assert times("Termin am 14.03.2026 um 9:30") == ["9:30"]
    assert times("Sa 20.08.26 Ernte") == []
    assert times("Treffen um 14.30 Uhr") == ["14.30"]
    assert times("um 9.30. Danach Einkauf") == ["9.30"]
    assert dates_in("Termin am 14.03.2026, vorher 31.01.26", 2026) == ["2026-03-14", "2026-01-31"]
    assert dates_in("Version 1.4.16", 2026) == []
