"""How the graph weighs its evidence: contradiction scores (change cues, events, shared subject words,
passage topics), subject stemming, names that stop before a date, shared names with diminishing returns,
and the passage-pair check in `related` — pure parts and small vaults through real SQLite (hashing embedder)."""
from __future__ import annotations

import math
from pathlib import Path

from live_server import make_home

from memex.app import Brain
from memex.graph import contradictions, entities, related, statements
from memex.graph.contradictions import StatementRow


def _row(i: int, doc: int, text: str, date: str, chunk: int | None = None) -> StatementRow:
    s = statements.statements(text, date)[0]
    return StatementRow(i, doc, chunk if chunk is not None else i, s.text, s.terms,
                        {k: list(v) for k, v in s.slots.items()}, date, s.cue)


def test_stem_joins_word_forms_and_is_idempotent():
    assert statements.stem("installation") == statements.stem("installed") == statements.stem("install")
    assert statements.stem("moves") == statements.stem("moved") == statements.stem("move")
    assert statements.stem("meetings") == statements.stem("meeting")
    for w in ["installation", "ringing", "practices", "updated", "stations", "fee", "subs", "kit", "nation"]:
        once = statements.stem(w)
        assert statements.stem(once) == once, w
    # "the install moved" and "proposed installation" share a subject word now
    a = statements.statements("Proposed installation: Monday 16 March 2026.", "2025-11-19")[0]
    b = statements.statements("We've moved your install to Monday 20 April 2026.", "2026-02-27")[0]
    assert set(a.terms) & set(b.terms)


def test_change_cues_are_graded():
    strong = ["We moved the weekly sync to Friday at 14:00.", "Subs £7 now (pitch price up).",
              "Bisoprolol increased from 2.5 mg to 5 mg.", "From 1 February 2026: £42 per Saturday.",
              "New finish date: Friday 24 July 2026."]
    for text in strong:
        assert contradictions.cue_level(text, True) == contradictions.CUE_STRONG, text
    assert contradictions.cue_level("The fee was £45 each though.", True) == contradictions.CUE_WEAK
    assert contradictions.cue_level("Ran 8 km last Sunday.", False) == contradictions.CUE_NONE


def test_contradiction_scores_need_a_clear_change_on_the_same_subject():
    def idf(_t: str) -> float:
        return 1.0

    old = _row(1, 1, "The weekly sync is on Tuesday at 10:00 in the Kestrel room.", "2024-04-02")
    new = _row(2, 2, "We moved the weekly sync to Friday at 14:00.", "2024-05-03")
    moved = contradictions._score(old, new, idf)
    assert moved is not None and moved.score >= contradictions.MIN_SCORE
    assert "tue" in moved.values[0] and "fri" in moved.values[1]
    # two days of one itinerary are two events, not a change
    day4 = _row(3, 3, "Day 4, Sunday 16 June: market in the morning, lunch at 13:00.", "2024-06-16")
    day5 = _row(4, 3, "Day 5, Monday 17 June: pack, lunch at 12:00.", "2024-06-17")
    assert contradictions._score(day4, day5, idf) is None
    # ...and a log line against a later remark without a cue counts less than the same pair with one
    log = _row(7, 6, "2026-01-31 — parkrun loop at the park, 5 km.", "2026-01-31")
    later = _row(8, 7, "The parkrun loop at the park is 6 km.", "2026-03-01")
    ev = contradictions.evidence(log, later, idf)
    assert ev is not None and ev.event
    assert contradictions.weigh(ev) < contradictions.weigh(contradictions.replace(ev, event=False))
    # one common word in common and no cue: two runs, not one fact that changed
    run1 = _row(5, 4, "Today I ran 18 km in the park.", "2026-07-26")
    run2 = _row(6, 5, "Ran 8 km last Sunday.", "2026-10-18")
    runs = contradictions.evidence(run1, run2, idf)
    assert runs is not None and runs.shared == 1 and runs.cue == contradictions.CUE_NONE
    assert contradictions.weigh(runs) < 0.5 * moved.score


def test_passages_on_unrelated_topics_lose_their_score():
    e = contradictions.PairEvidence(sim=0.8, cue=contradictions.CUE_STRONG, shared=3, event=False,
                                    number_only=False, values=("£35", "£42"), subject="pitch fee")
    same = contradictions.weigh(contradictions.replace(e, topic=0.8))
    far = contradictions.weigh(contradictions.replace(e, topic=0.2))
    unknown = contradictions.weigh(e)
    assert same >= unknown > far
    assert far < contradictions.MIN_SCORE <= same


def test_names_stop_before_a_day_or_month():
    ex = entities.RuleExtractor()
    got = {m.surface for m in ex.extract("We drove to Manchester September last year and got back Wednesday. "
                                         "Then Utrecht October was lovely, with Ken Doyle.") if m.strong}
    assert "Manchester" in got and "Manchester September" not in got
    assert not any(g.endswith(("Wednesday", "October")) for g in got)
    assert "Ken Doyle" in got


def test_many_small_shared_names_add_up_to_less_than_a_cap():
    assert related.ENTITY_SAT
    cap = related.ENTITY_CAP
    # the saturating sum: one name keeps most of its weight, twenty small ones never pass the cap
    one = cap * (1 - math.exp(-0.5 / cap))
    twenty = cap * (1 - math.exp(-20 * 0.2 / cap))
    assert 0.4 < one < 0.5 and twenty < cap


def test_contradictions_in_a_small_vault_keep_the_change_and_drop_the_itinerary(tmp_path: Path):
    vault = tmp_path / "v"
    vault.mkdir()
    (vault / "2024-01-10 Team kickoff.md").write_text(
        "# Team kickoff\n\n- The team standup is on **Monday at 09:00** in the blue room.\n", encoding="utf-8")
    (vault / "2024-03-01 Team retro.md").write_text(
        "# Team retro\n\n- We **moved the team standup to Wednesday at 10:00**, same room.\n", encoding="utf-8")
    (vault / "2024-08-01 Lisbon trip.md").write_text(
        "# Lisbon trip\n\nDay 1, Saturday 3 August: castle in the morning, lunch at 13:00.\n\n"
        "Day 2, Sunday 4 August: market in the morning, lunch at 12:00.\n", encoding="utf-8")
    home = make_home(tmp_path)
    with Brain.open(home) as b:
        b.add([vault])
        found = b.insights(refresh=True, kind="contradiction")
        assert len(found) == 1, [i.title for i in found]
        ev = found[0].evidence
        assert ev[0]["path"].endswith("Team kickoff.md") and "Monday at 09:00" in ev[0]["quote"]
        assert ev[1]["path"].endswith("Team retro.md") and ev[0]["stale"] and not ev[1]["stale"]


def test_related_reads_the_closest_passage_pair(tmp_path: Path):
    vault = tmp_path / "v"
    vault.mkdir()
    (vault / "Ken Doyle.md").write_text("# Ken Doyle\n\nNeighbour at number 14. Feeds the cat Pim when we are "
                                        "away; keeps a spare key.\n", encoding="utf-8")
    day = ("Walked along the canal in the morning, then the museum of {i} old clocks, a long lunch by the "
           "river with soup and bread, a nap, and dinner out at a small place near the station. ") * 3
    long_note = "# Trip\n\n" + "\n\n".join(f"## Day {i}\n\n" + day.format(i=i) for i in range(1, 12))
    (vault / "Trip.md").write_text(long_note + "\n\n## Home\n\nKen Doyle fed the cat Pim while we were away; "
                                   "spare key back under the pot.\n", encoding="utf-8")
    home = make_home(tmp_path)
    with Brain.open(home) as b:
        b.add([vault])
        ken = b.conn.execute("SELECT id FROM documents WHERE path LIKE '%Ken Doyle.md'").fetchone()[0]
        got = b.related(ken, 5)
        assert got and got[0].title == "Trip"
        semantic = [r.detail for r in got[0].reasons if r.kind == "semantic"]
        assert any("Ken Doyle fed the cat" in d for d in semantic), semantic
