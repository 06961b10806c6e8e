"""Contradiction precision (round 6): which pairs are two events or two things rather than one fact that
changed — self-dated event dates, weekdays that name one day, lists of values, two subjects in one context —
and the `related` signals added with them. Pure parts (no model, no vault)."""
from __future__ import annotations

from statement_rows import flat_idf as _idf
from statement_rows import row as _row

from memex.graph import contradictions


def test_two_event_dates_each_the_day_it_was_said_are_not_a_change():
    old = _row(1, 1, "Version 1.0 of the statement of work — issued Monday 27 July 2026", "2026-07-27")
    new = _row(2, 2, "Version 2.0 of the statement of work — issued Monday 28 September 2026.", "2026-09-28")
    assert contradictions._self_dated(old) and contradictions._self_dated(new)
    assert contradictions.evidence(old, new, _idf) is None
    # a date that something is due on is not the day it was said: a moved deadline still disagrees
    due = _row(3, 3, "The final report for the statement of work is due 30 January 2026.", "2025-12-24")
    moved = _row(4, 4, "The final report for the statement of work moves to 20 February 2026.", "2026-01-09")
    assert not contradictions._self_dated(due)
    assert contradictions._score(due, moved, _idf) is not None


def test_weekdays_that_name_one_day_are_not_compared():
    old = _row(1, 1, "Elin's birthday party last Friday (19th) at the flat.", "2025-12-24")
    new = _row(2, 2, "Elin's birthday party next Saturday (19th) at the flat.", "2026-12-11")
    assert "weekday" in old.slots and "weekday" not in contradictions._recurring_days(old)
    assert contradictions.evidence(old, new, _idf) is None
    # a schedule that moved still disagrees: "Tuesdays" and "on Friday at 14:00" are recurring days
    sync = _row(3, 3, "The weekly sync is on Tuesday at 10:00 in the Kestrel room.", "2024-04-02")
    moved = _row(4, 4, "We moved the weekly sync to Friday at 14:00.", "2024-05-03")
    assert contradictions._recurring_days(moved)["weekday"] == ["fri"]
    c = contradictions._score(sync, moved, _idf)
    assert c is not None and "tue" in c.values[0] and "fri" in c.values[1]
    # a day with its date ("Monday 2 March") dates an event; the date itself is still compared
    crew = _row(5, 5, "The crew started on Monday 2 March as planned.", "2026-03-02")
    assert "weekday" not in contradictions._recurring_days(crew)
    assert contradictions._recurring_days(crew)["date"] == crew.slots["date"]


def test_a_list_of_many_amounts_states_none_of_them():
    old = _row(1, 1, "Leisure centre membership is £32 a month.", "2026-01-03")
    listing = _row(2, 2, "Monthly: leisure centre membership £36.50, phone £12, broadband £29, veg box £18, "
                         "music £11.99.", "2026-03-01")
    assert len(listing.slots["money"]) > contradictions.MAX_VALUES
    assert contradictions.evidence(old, listing, _idf) is None
    single = _row(3, 3, "Leisure centre membership went up to £36.50 a month.", "2026-03-01")
    assert contradictions._score(old, single, _idf) is not None


def test_two_subjects_in_one_context_count_less_without_a_strong_cue():
    def idf(t: str) -> float:
        return 3.0 if t in ("atorvastatin", "donepezil") else 1.0

    old = _row(1, 1, "Atorvastatin 40 mg night-time tablet given at the teatime call.", "2026-09-01")
    new = _row(2, 2, "Donepezil 10 mg night-time tablet given at the teatime call.", "2026-09-14")
    ev = contradictions.evidence(old, new, idf)
    assert ev is not None and ev.apart
    whole = contradictions.weigh(contradictions.replace(ev, apart=False))
    assert 0 < contradictions.weigh(ev) < whole
    # the same subject said twice is not apart, and a strong cue ("switched") keeps a pair whole
    same = _row(3, 3, "Atorvastatin dose increased to 80 mg night-time tablet given at the teatime call.",
                "2026-10-01")
    ev2 = contradictions.evidence(old, same, idf)
    assert ev2 is not None and not ev2.apart


def test_frequencies_said_in_different_words_agree():
    assert contradictions._same_value("frequency", "twice a day") == contradictions._same_value(
        "frequency", "twice daily")
    assert contradictions._same_value("frequency", "fortnightly") == contradictions._same_value(
        "frequency", "every two weeks")
    assert contradictions._same_value("frequency", "weekly") != contradictions._same_value("frequency", "monthly")
    old = _row(1, 1, "Moss gets his ear drops once a day for a week.", "2026-10-09")
    same = _row(2, 2, "Moss gets his ear drops daily for a week.", "2026-12-11")
    assert contradictions.evidence(old, same, _idf) is None
    changed = _row(3, 3, "Moss now gets his ear drops twice a day for a week.", "2026-12-11")
    assert contradictions._score(old, changed, _idf) is not None


def test_related_skips_a_shared_name_the_vault_also_writes_as_a_word(tmp_path):
    from live_server import make_home

    from memex.app import Brain
    from memex.graph import related

    vault = tmp_path / "v"
    vault.mkdir()
    # "Back" and "Lena" are both written with a capital in the middle of a line in two notes; only "back"
    # is also an ordinary word elsewhere in the vault
    (vault / "Monday.md").write_text("# Monday\n\nThen we went Back to the office. Lunch with Lena.\n",
                                     encoding="utf-8")
    (vault / "Tuesday.md").write_text("# Tuesday\n\nAfter that, straight Back home. Coffee with Lena.\n",
                                      encoding="utf-8")
    (vault / "Wednesday.md").write_text("# Wednesday\n\nThen we went Back to the station.\n", encoding="utf-8")
    (vault / "Errands.md").write_text("# Errands\n\nCame back late; put the bike back in the shed.\n",
                                      encoding="utf-8")
    home = make_home(tmp_path)
    with Brain.open(home) as b:
        b.add([vault])
        assert related._common_word(b.conn, "Back")
        assert not related._common_word(b.conn, "Lena")
        monday = b.conn.execute("SELECT id FROM documents WHERE path LIKE '%Monday.md'").fetchone()[0]
        got = {r.title: [x.detail for x in r.reasons if x.kind == "entity"] for r in b.related(monday, 5)}
        assert "Lena" in got.get("Tuesday", []), got
        assert not any("Back" in d for ds in got.values() for d in ds), got


def test_resolve_note_takes_only_ascii_digits_as_an_id(tmp_path):
    from memex.graph.related import resolve_note
    from memex.store.db import connect

    conn = connect(tmp_path / "memex.db")
    assert resolve_note(conn, "³") is None  # a superscript digit: no crash, no note
    assert resolve_note(conn, "٣") is None
