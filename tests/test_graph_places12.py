"""Contradictions found by where two statements stand (round 12): the heading above a statement is its subject
(Statement.context), two statements under one heading of one note pair when the later says it changed, and two
statements of one note that share no word pair when the later changes a price or a schedule of the same size and
period. Pure parts, and one vault through real SQLite."""
from __future__ import annotations

from pathlib import Path

from live_server import make_home
from statement_rows import flat_idf as _idf
from statement_rows import row as _row

from memex.app import Brain
from memex.graph import contradictions, statements
from memex.graph.contradictions import StatementRow


def _in(row: StatementRow, context: tuple[str, ...]) -> StatementRow:
    return StatementRow(row.id, row.doc_id, row.chunk_id, row.text, row.terms, row.slots, row.date, row.cue, context)


def test_a_statement_keeps_the_words_of_its_heading():
    s = statements.statements("- **£15 a month from 1 September 2026**, voted at the committee.", "2026-09-01",
                              heading="Subs")[0]
    assert s.context == ("sub",) and "sub" not in s.terms, s
    # a label line above it names its subject too
    s2 = statements.statements("Canal licence:\nrenewed 1 April 2026, £1,087 for the year.", "2026-04-01")[0]
    assert s2.context == ("canal", "licenc"), s2


def test_two_statements_under_one_heading_pair_when_the_later_says_it_changed():
    old = _in(_row(1, 1, "- **£12 a month** by standing order (2025-26).", "2025-10-05"), ("sub",))
    new = _in(_row(2, 1, "- **£15 a month from 1 September 2026**, voted at the June committee.", "2026-09-01"),
              ("sub",))
    e = contradictions.evidence(old, new, _idf)
    assert e is not None and e.section and contradictions.weigh(e) >= contradictions.MIN_SCORE, e
    # under two different headings (or in two notes) they are two things
    assert contradictions.evidence(_in(old, ("deposit",)), new, _idf) is None or not \
        contradictions.evidence(_in(old, ("deposit",)), new, _idf).section
    other = StatementRow(3, 2, 3, new.text, new.terms, new.slots, new.date, new.cue, ("sub",))
    e2 = contradictions.evidence(old, other, _idf)
    assert e2 is None or contradictions.weigh(e2) < contradictions.MIN_SCORE, e2


def test_one_note_a_changed_rent_of_the_same_size_and_period():
    old = _row(1, 1, "Rent **£875 a month** (since Aug 2023).", "2025-10-04")
    new = _row(2, 1, "Letter came: going up to **£925 a month from 1 August 2026**.", "2026-08-01")
    assert not set(old.terms) & set(new.terms)
    e = contradictions.evidence(old, new, _idf)
    assert e is not None and e.in_note and contradictions.weigh(e) >= contradictions.MIN_SCORE, e
    # not across notes, not without a change cue, not between amounts of another size or period
    assert contradictions.evidence(StatementRow(1, 2, 1, old.text, old.terms, old.slots, old.date, old.cue), new,
                                   _idf) is None
    assert contradictions.evidence(old, _row(2, 1, "Letter came: £925 a month for the new flat.", "2026-08-01"),
                                   _idf) is None
    assert contradictions.evidence(_row(1, 1, "Direct debit **£118** a month.", "2025-10-04"), new, _idf) is None
    assert contradictions.evidence(_row(1, 1, "Licence **£950 a year**, paid in full.", "2025-10-04"), new,
                                   _idf) is None


def test_one_note_a_date_moves_only_while_it_is_still_to_come():
    old = _row(1, 1, "Booked: **surgery Tuesday 12 May 2026**.", "2026-03-02")
    moved = _row(2, 1, "Bed shortage, now **Tuesday 26 May 2026**.", "2026-04-29")
    e = contradictions.evidence(old, moved, _idf)
    assert e is not None and e.in_note, e
    # said after 12 May: the first date was an event that happened, the second another one
    late = _row(2, 1, "Bed shortage, now **Tuesday 26 May 2026**.", "2026-05-20")
    assert contradictions.evidence(old, late, _idf) is None


def test_a_vault_reports_the_changed_subs_under_their_heading(tmp_path: Path):
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "Choir.md").write_text(
        "---\ndate: 2025-10-05\n---\n# Choir\n\nCommunity choir, about 48 of us, no auditions.\n\n"
        "## Rehearsals\n\n- Until Christmas 2025: **Tuesdays 19:30–21:00**, church hall.\n\n"
        "## Subs\n\n- **£12 a month** by standing order (2025-26).\n"
        "- **£15 a month from 1 September 2026** — voted at the June committee.\n", encoding="utf-8")
    with Brain.open(make_home(tmp_path)) as brain:
        brain.add([notes])
        found = contradictions.find(brain.conn)
    pairs = [(c.old.text, c.new.text) for c in found]
    assert any("£12" in o and "£15" in n for o, n in pairs), pairs
    assert len(found) == 1, pairs


def test_a_place_pair_of_a_day_and_a_time_is_one_schedule_and_past_dates_are_events():
    old = _row(1, 1, "Class: **Tuesdays, 19:30–21:00**, church hall.", "2025-10-05")
    new = _row(2, 1, "**From 8 January 2026: Thursdays 19:00–20:30** at the Friends Meeting House.", "2026-01-08")
    assert not set(old.terms) & set(new.terms)
    e = contradictions.evidence(old, new, _idf)
    assert e is not None and e.in_note, e
    # under one heading: a date that had passed when the later line was written is no plan that moved
    done = _in(_row(1, 1, "- CEng submitted 30 Sep.", "2026-10-06"), ("farida",))
    shut = _in(_row(2, 1, "- Christmas: office shut 24 Dec – 4 Jan now that there's no blockade.", "2026-12-08"),
               ("farida",))
    assert contradictions.evidence(done, shut, _idf) is None
