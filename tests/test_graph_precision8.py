"""Contradiction precision (round 8): a later statement that names what it replaced, past events reported a few
days later, change words in an aside, and counted frequencies ("twice daily"). Pure parts (no model, no vault)."""
from __future__ import annotations

from statement_rows import flat_idf as _idf
from statement_rows import row as _row

from memex.graph import contradictions


def test_a_change_that_names_what_it_replaced_pairs_only_with_that_value():
    christmas = _row(1, 1, "The Christmas pitch fee at the market was £45 each.", "2025-12-21")
    saturday = _row(2, 2, "The pitch fee at the market went up from £35 to £42 in February.", "2026-07-26")
    assert contradictions._before(saturday) == {"money": {"£35"}}
    assert contradictions.evidence(christmas, saturday, _idf) is None
    # the statement it names is still paired
    old = _row(3, 3, "The pitch fee at the market is £35 per Saturday.", "2025-09-02")
    c = contradictions._score(old, saturday, _idf)
    assert c is not None and "£35" in c.values[0]


def test_was_names_the_replaced_value_and_does_not_hide_the_change():
    row_40 = _row(1, 1, "| Flameout whirlpool Citra | **40 g** |", "2025-10-01")
    row_20 = _row(2, 1, "| Bittering Citra | 20 g |", "2025-10-01")
    new = _row(3, 1, "Changed the whirlpool: **Citra 60 g at flameout** (was 40 g in v1).", "2026-03-21")
    assert contradictions._before(new) == {"quantity": {"40g"}}
    # "(was 40 g)" ends the statement, but it is what was replaced, not agreement with the 40 g row
    assert contradictions._score(row_40, new, _idf) is not None
    assert contradictions.evidence(row_20, new, _idf) is None


def test_past_events_reported_days_later_are_not_a_change():
    signed = _row(1, 1, "Signed the guarantor form (12 March) for the Fallowfield house.", "2026-03-16")
    moved = _row(2, 2, "Moved into the Fallowfield house on Wednesday (1 July).", "2026-07-03")
    assert contradictions._self_dated(signed) and contradictions._self_dated(moved)
    assert contradictions.evidence(signed, moved, _idf) is None
    # a date weeks ahead of when it was said is a plan, and a moved plan still disagrees
    due = _row(3, 3, "The Fallowfield house contract starts on 1 August.", "2026-03-16")
    assert not contradictions._self_dated(due)


def test_a_change_word_in_brackets_is_an_aside():
    assert contradictions.cue_level("Wressle Moor — train to Selby + taxi (no car now!) £27.45", False) \
        == contradictions.CUE_NONE
    assert contradictions.cue_level("Main fuse now 100 A (8 Apr 2026).", False) == contradictions.CUE_STRONG


def test_twice_daily_is_twice_a_day():
    old = _row(1, 1, "Ear drops: 5 drops left ear twice daily, 7 days.", "2026-10-09")
    new = _row(2, 2, "Ear drops, 5 drops left ear twice a day for 7 days.", "2026-12-11")
    facts = contradictions._Facts()
    assert "twice daily" in facts.of(old).days["frequency"]
    assert contradictions.evidence(old, new, _idf, facts) is None
    once = _row(3, 3, "Ear drops: 5 drops left ear once daily.", "2026-12-20")
    assert contradictions._score(old, once, _idf) is not None


def test_names_nested_in_a_longer_name_of_the_note_count_once():
    from memex.graph.related import _outer_count
    keys = ["anna sykes malton velo", "anna sykes malton", "anna sykes", "colin brash", "howardian", "malton velo"]
    assert _outer_count(keys) == 3  # Anna Sykes Malton Velo, Colin Brash, Howardian
    assert _outer_count(["york", "leeds"]) == 2


def test_a_sum_of_many_numbers_is_a_list_not_a_value():
    old = _row(1, 1, "| Veg box | 78 | £18 a week |", "2026-01-01")
    total = _row(2, 1, "Mortgage 798 · council tax 122 · energy 60 · water 19 · broadband 16 · phone 12 · food 190 · "
                       "leisure 36.50 · veg box 45 · fun 150 → about **£2,150**.", "2026-10-01")
    assert contradictions._count_values(total) > contradictions.LIST_VALUES
    assert contradictions.evidence(old, total, _idf) is None


def test_two_numbered_things_are_not_one_that_changed():
    old = _row(1, 1, "Stage 2 submission for the signalling design: still 13 Feb.", "2025-12-08")
    new = _row(2, 2, "Stage 3 submission for the signalling design by 13 November 2026.", "2026-09-14")
    assert contradictions.evidence(old, new, _idf) is None
    same = _row(3, 3, "Stage 2 submission for the signalling design moved to 27 February.", "2026-01-20")
    assert contradictions._score(old, same, _idf) is not None
    # a number with a unit is an amount, not a numbered thing
    assert contradictions._numbers_of("dose 10 mg at night", frozenset({"dose"})) == {}
