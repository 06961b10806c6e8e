"""Contradiction subjects that sit above the statement (its heading or a label line), and amounts of different
things that never compare (5 hours vs 75 km) — pure parts, and one small vault through real SQLite."""
from __future__ import annotations

from pathlib import Path

from live_server import make_home

from memex.app import Brain
from memex.graph import contradictions, statements


def test_a_statement_without_subject_words_borrows_its_heading():
    found = statements.statements("From Sunday 11 January 2026 it's Sundays 10:00–11:00am.", "2026-01-05",
                                  heading="Kit's football")
    assert found and {"kit", "football"} <= set(found[0].terms), found
    # a statement that names its own subject keeps its own words only
    own = statements.statements("The weekly sync is on Tuesday at 10:00.", "2024-04-01", heading="Kit's football")
    assert "football" not in own[0].terms


def test_a_label_line_names_what_the_next_lines_state():
    text = "**Energy**\n- DD £165/month.\n\nBroadband:\n- £32 a month, 24 months."
    found = statements.statements(text, "2025-10-01")
    terms = {s.text: set(s.terms) for s in found}
    assert "energy" in terms["- DD £165/month."], terms
    assert "broadband" in terms["- £32 a month, 24 months."], terms


def test_amounts_of_different_things_do_not_disagree():
    assert contradictions._conflict({"quantity": ["5hours"]}, {"quantity": ["75km", "820m"]}) is None
    assert contradictions._conflict({"quantity": ["100mm"]}, {"quantity": ["270mm"]}) is not None
    # the shared unit still compares when the later one gives other amounts too
    assert contradictions._conflict({"quantity": ["5mg"]}, {"quantity": ["10mg", "3days"]}) is not None


def test_a_changed_direct_debit_under_its_heading_is_a_contradiction(tmp_path: Path):
    vault = tmp_path / "v"
    vault.mkdir()
    (vault / "Energy 2025.md").write_text(
        "---\ndate: 2025-10-01\n---\n# Energy 2025\n\n## Direct debit\n\n- DD £165/month.\n", encoding="utf-8")
    (vault / "Energy 2026.md").write_text(
        "---\ndate: 2026-05-01\n---\n# Energy 2026\n\n## Direct debit\n\n- DD down to **£120/month**.\n",
        encoding="utf-8")
    (vault / "Other.md").write_text("# Other\n\nNothing about money here.\n", encoding="utf-8")
    with Brain.open(make_home(tmp_path)) as b:
        b.add([vault])
        found = contradictions.find(b.conn)
        pairs = [(c.old.text, c.new.text) for c in found]
        assert ("- DD £165/month.", "- DD down to **£120/month**.") in pairs, pairs


def test_a_number_before_to_takes_the_unit_of_the_one_after():
    slots = statements._slots("Brought the max flow down from 50 to 46 °C the same day.")[0]
    assert set(slots["quantity"]) == {"50°c", "46°c"} and "number" not in slots
    assert statements._slots("Bisoprolol from 2.5 to 5 mg once daily")[0]["quantity"] == ("2.5mg", "5mg")
    assert "quantity" not in statements._slots("from 2 to 3 people")[0]
    # amps: "Main fuse 60 A" vs "the 100 A fuse"; a lower-case "a" is an article
    assert statements._slots("Main fuse 60 A.")[0]["quantity"] == ("60a",)
    assert "quantity" not in statements._slots("about 5 a day")[0]
    old = statements.statements("- Main fuse is 60 A.", "2025-10-05")[0]
    new = statements.statements("- Main fuse now 100 A (8 Apr 2026).", "2026-04-08")[0]
    assert contradictions._conflict(dict(old.slots), dict(new.slots)) is not None


def test_year_less_dates_are_read_around_the_notes_own_date():
    from memex.graph.edges import statement_dates
    from memex.graph.tables import ChunkDating
    # a journal of 19 Oct 2025 whose chunk's first stated date is a plan (8 May 2026): "Tuesday (14 Oct)" is
    # 14 Oct 2025, and the statement was made then, not in October 2026
    text = "Dougie's quote came on Tuesday (14 Oct): £46,800 including VAT, start 2 March, done by 8 May."
    found = statements.statements(text, "2025-10-19")
    dating = ChunkDating(start="2026-05-08", carried=None, note="2025-10-19", written="2026-12-01")
    assert statement_dates(text, found, dating) == ["2025-10-14"]


def test_a_target_date_does_not_date_the_statement():
    from memex.graph.edges import statement_dates
    from memex.graph.tables import ChunkDating
    text = "Completion: by Friday 8 May 2026, weather permitting."
    found = statements.statements(text, "2025-10-14")
    dating = ChunkDating(start="2025-10-14", carried=None, note="2025-10-14", written="2026-12-01")
    assert statement_dates(text, found, dating) == ["2025-10-14"]
    # a date the statement reports (not a deadline) still dates it
    text = "Moved into the Fallowfield house on Wednesday (1 July 2026)."
    found = statements.statements(text, "2026-06-01")
    dating = ChunkDating(start="2026-06-01", carried=None, note="2026-06-01", written="2026-12-01")
    assert statement_dates(text, found, dating) == ["2026-07-01"]
