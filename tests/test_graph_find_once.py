"""contradictions.find scores each candidate pair once and each statement's facts once: the result must be
exactly what scoring every candidate from both sides gives (the pre-optimisation algorithm, kept here)."""
from __future__ import annotations

import math
from pathlib import Path

from live_server import make_home

from memex.app import Brain
from memex.graph import contradictions as C

NOTES = {
    "2024-04-02 Sync.md": "---\ndate: 2024-04-02\n---\n# Sync\n\nThe weekly sync is on Tuesday at 10:00 in the Kestrel room.\n"
                          "The gym membership costs £35 a month.\n",
    "2024-05-03 Retro.md": "---\ndate: 2024-05-03\n---\n# Retro\n\nWe moved the weekly sync to Friday at 14:00.\n"
                           "Amlodipine dose: 5 mg once daily.\n",
    "2024-06-10 Notes.md": "---\ndate: 2024-06-10\n---\n# Notes\n\nThe gym membership is now £42 a month.\n"
                           "Amlodipine dose increased to 10 mg once daily.\n",
    "2024-07-01 Plan.md": "---\ndate: 2024-07-01\n---\n# Plan\n\nThe weekly sync moved from Friday 14:00 to Thursday 9:00.\n"
                          "Kestrel room booking now runs until 11:00.\n",
    "2024-08-15 Health.md": "---\ndate: 2024-08-15\n---\n# Health\n\nAmlodipine dose reduced to 2.5 mg daily from September.\n"
                            "The gym membership went up to £45 a month.\n",
}


def _reference(conn, doc_ids=None) -> list[C.Contradiction]:  # type: ignore[no-untyped-def]
    """find() as it was before pairs were scored once: every candidate scored from both sides."""
    n_docs = max(2, int(conn.execute("SELECT count(*) FROM documents").fetchone()[0]))
    rows = [C._restem(r) for r in C._rows(conn)]
    by_id = {r.id: r for r in rows}
    postings: dict[str, list[int]] = {}
    for r in rows:
        for t in r.terms:
            postings.setdefault(t, []).append(r.id)
    doc_freq = {t: len({by_id[i].doc_id for i in ids}) for t, ids in postings.items()}
    cap = max(C.MIN_DF_CAP, int(C.MAX_DF_SHARE * n_docs))

    def idf(t: str) -> float:
        return math.log((n_docs + 1) / (doc_freq.get(t, 1) + 0.5))

    best: dict[int, C.Contradiction] = {}
    for s in [r for r in rows if doc_ids is None or r.doc_id in doc_ids]:
        rare = sorted((t for t in s.terms if doc_freq.get(t, 0) <= cap), key=lambda t: doc_freq[t])[:C.RARE_TERMS]
        seen = dict.fromkeys(o for t in rare for o in postings.get(t, ()) if o != s.id)
        for other_id in seen:
            o = by_id[other_id]
            if not s.date or not o.date or s.date == o.date:
                continue
            old, new = (o, s) if o.date < s.date else (s, o)
            c = C._score(old, new, idf, C._Topics(conn))
            if c is not None and (new.id not in best or c.score > best[new.id].score):
                best[new.id] = c
    by_old: dict[int, C.Contradiction] = {}
    for c in best.values():
        if c.old.id not in by_old or c.score > by_old[c.old.id].score:
            by_old[c.old.id] = c
    return sorted(by_old.values(), key=lambda c: (c.new.date or "", c.score), reverse=True)


def _key(cs: list[C.Contradiction]) -> list[tuple]:  # type: ignore[type-arg]
    return [(c.old.id, c.new.id, c.score, c.values) for c in cs]


def test_find_gives_what_scoring_every_candidate_from_both_sides_gives(tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    vault.mkdir()
    for name, text in NOTES.items():
        (vault / name).write_text(text, encoding="utf-8")
    with Brain.open(make_home(tmp_path)) as b:
        b.add([vault])
        found = C.find(b.conn)
        assert len(found) >= 3  # the sync, the gym price and the dose each changed
        assert _key(found) == _key(_reference(b.conn))
        # only the changed notes' statements: the same pairs as the full run that involve them
        one = [r[0] for r in b.conn.execute("SELECT id FROM documents WHERE path LIKE '%Health.md'")]
        part = C.find(b.conn, one)
        assert part and all(one[0] in (c.old.doc_id, c.new.doc_id) for c in part)
        assert _key(part) == _key(_reference(b.conn, set(one)))


def test_statement_facts_are_computed_once_per_statement() -> None:
    from memex.graph import statements
    s = statements.statements("We moved the weekly sync to Friday at 14:00.", "2024-05-03")[0]
    row = C.StatementRow(7, 1, 7, s.text, s.terms, {k: list(v) for k, v in s.slots.items()}, "2024-05-03", s.cue)
    facts = C._Facts()
    f = facts.of(row)
    assert f is facts.of(row) and f.cue == C.CUE_STRONG and "fri" in f.days["weekday"]


def test_a_word_held_by_too_many_statements_finds_no_candidates(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A 10,000-row log in one note holds one word in every row: rare by notes, not by statements; pairing
    through it would be quadratic, so such a word finds no partners (and undated statements none at all)."""
    vault = tmp_path / "vault"
    vault.mkdir()
    for name, text in NOTES.items():
        (vault / name).write_text(text, encoding="utf-8")
    (vault / "Undated.md").write_text("# Undated\n\nThe weekly sync is on Monday at 08:00.\n", encoding="utf-8")
    with Brain.open(make_home(tmp_path)) as b:
        b.add([vault])
        b.conn.execute("UPDATE documents SET date_source = 'mtime' WHERE path LIKE '%Undated.md'")
        b.conn.execute("UPDATE graph_statements SET date = NULL WHERE doc_id IN "
                       "(SELECT id FROM documents WHERE path LIKE '%Undated.md')")
        undated = b.conn.execute("SELECT id FROM documents WHERE path LIKE '%Undated.md'").fetchone()[0]
        assert b.conn.execute("SELECT count(*) FROM graph_statements WHERE doc_id = ?", (undated,)).fetchone()[0]
        found = C.find(b.conn)
        assert any("sync" in c.subject for c in found)
        assert all(undated not in (c.old.doc_id, c.new.doc_id) for c in found)
        monkeypatch.setattr(C, "MAX_POSTINGS", 1)  # every shared word is now "held by too many"
        assert C.find(b.conn) == []
