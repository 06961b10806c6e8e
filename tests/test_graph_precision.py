"""What keeps contradictions precise and related notes connected: values compared as meant (9am = 9:00,
60 cm = 0.6 m), a shared value is agreement without a change cue, "from April" is a change cue, pence are
amounts; a short and a long first name with one surname are one person; nested names count once."""
from __future__ import annotations

from pathlib import Path

from live_server import make_home
from statement_rows import flat_idf as _idf
from statement_rows import row as _row

from memex.app import Brain
from memex.graph import contradictions, related, statements
from memex.graph.edges import _short_forms


def test_the_same_value_written_differently_is_no_contradiction():
    pairs = [
        ("Kit's football is Saturdays 9am at Eastville Park.", "Kit's football: was Saturdays 9:00–10:00am."),
        ("Ada's swimming is back tomorrow: Tuesdays 5pm at the leisure centre.",
         "Ada's swimming at the leisure centre: Tuesdays 5:00–5:45pm."),
        ("The engineer suggested widening the dormer by about 60 cm.",
         "The engineer recommends widening the dormer by 0.6 m."),
        ("First surprise quarter at the tower: 50 minutes.", "First surprise quarter at the tower: 50 min."),
    ]
    for old_text, new_text in pairs:
        old, new = _row(1, 1, old_text, "2025-09-01"), _row(2, 2, new_text, "2025-09-20")
        assert contradictions.evidence(old, new, _idf) is None, (old_text, new_text)


def test_a_real_change_still_counts_and_a_stated_move_keeps_its_old_value():
    old = _row(1, 1, "The weekly sync is on Tuesday at 10:00 in the Kestrel room.", "2024-04-02")
    new = _row(2, 2, "We moved the weekly sync to Friday at 14:00.", "2024-05-03")
    assert contradictions._score(old, new, _idf) is not None
    # "moved from Tuesday to Friday" names the old day too: with a strong cue that is still a change
    said = _row(3, 3, "The weekly sync moved from Tuesday 10:00 to Friday 14:00.", "2024-05-03")
    assert contradictions._score(old, said, _idf) is not None
    # 10 mg is not 10 g, 5 km is not 5 m
    dose_old = _row(4, 4, "Amlodipine dose: 5 mg once daily.", "2026-02-10")
    dose_new = _row(5, 5, "Amlodipine dose increased to 10 mg once daily.", "2026-05-19")
    assert contradictions._score(dose_old, dose_new, _idf) is not None


def test_month_names_and_markup_after_from_are_strong_cues():
    for text in ["| Mortgage — **from April 2026** | **£1,148** |", "From September the fee is £40.",
                 "Starting **Monday 12 January**: twice a day."]:
        assert contradictions.cue_level(text, False) == contradictions.CUE_STRONG, text
    assert contradictions.cue_level("Fresh from Aprilton market, £4.", False) == contradictions.CUE_NONE


def test_recurring_next_dates_weigh_less_than_a_moved_date():
    old = _row(1, 1, "Next review: Thursday 14 May 2026, 14:00.", "2026-05-07")
    new = _row(2, 2, "Next review Thu 24 Sep, 10:00.", "2026-09-10")
    ev = contradictions.evidence(old, new, _idf)
    assert ev is not None and ev.upcoming
    assert contradictions.weigh(ev) < contradictions.weigh(contradictions.replace(ev, upcoming=False))


def test_pence_are_amounts():
    s = statements.statements("**From 1 Jan 2026:** electricity **27.1p/kWh**, standing charge 53p a day.",
                              "2026-01-01")[0]
    assert s.slots["money"] == ("27.1p", "53p")
    assert "money" not in statements.statements("Meeting at 3pm in the small room.", "2026-01-01")[0].slots


def test_short_and_long_first_names_with_one_surname():
    assert _short_forms({"pete garside", "peter garside", "jonah clarke"}) == [("pete garside", "peter garside")]
    # two long forms fit "chris dale": ambiguous, kept apart; "al" is too short to be a first name's start
    assert _short_forms({"chris dale", "christopher dale", "christine dale"}) == []
    assert _short_forms({"al brown", "alan brown"}) == []


def test_a_person_note_is_named_by_the_long_form_of_its_first_name(tmp_path: Path):
    vault = tmp_path / "v"
    (vault / "people").mkdir(parents=True)
    (vault / "people" / "Pete Garside.md").write_text("# Pete Garside\n\nCycling mate, retired postman.\n",
                                                      encoding="utf-8")
    (vault / "Results.md").write_text("# Sportive results\n\n| Pos | Name | Time |\n|---|---|---|\n"
                                      "| 298 | Peter Garside | 4:41:05 |\n| 299 | Kirsty Moss | 4:41:30 |\n",
                                      encoding="utf-8")
    (vault / "Ride.md").write_text("# Ride\n\nOut with Pete to Coxwold and back.\n", encoding="utf-8")
    for i in range(4):
        (vault / f"Other {i}.md").write_text(f"# Other {i}\n\nNothing about anyone here, note {i}.\n",
                                             encoding="utf-8")
    with Brain.open(make_home(tmp_path)) as b:
        b.add([vault])
        found = {r.title: r.to_dict()["reasons"] for r in b.related("Pete Garside", 5)}
        assert "Sportive results" in found, found
        assert any("Peter Garside" in x["detail"] for x in found["Sportive results"])
        assert "Ride" in found


def test_nested_shared_names_count_once():
    def reason(name: str, w: float) -> related.Reason:
        return related.Reason("entity", name, w)

    kept = related._nested_once([reason("Irish stew", 0.3), reason("Irish", 0.5), reason("Zeist", 0.4)])
    assert sorted(r.detail for r in kept) == ["Irish stew", "Zeist"]
    assert next(r for r in kept if r.detail == "Irish stew").weight == 0.5  # the strongest of the two
    kept = related._nested_once([reason("Flew Leeds Bradford", 0.6), reason("Flew Leeds", 0.6),
                                 reason("Leeds", 0.2)])
    assert [r.detail for r in kept] == ["Flew Leeds Bradford"]
