"""A question naming a folder the notes are filed in leans towards that folder's notes (retrieve/filing.py)."""
from __future__ import annotations

from pathlib import Path

import pytest

from memex.app import Brain
from memex.retrieve.filing import filed_notes, with_folder_bonus


def _home(tmp_path: Path, notes: dict[str, str]) -> Path:
    vault = tmp_path / "vault"
    for name, text in notes.items():
        (vault / name).parent.mkdir(parents=True, exist_ok=True)
        (vault / name).write_text(text, encoding="utf-8")
    with Brain.open(tmp_path / "home", embedder="hash:384") as brain:
        assert brain.add([vault]).added == len(notes)
    return tmp_path / "home"


def _vault() -> dict[str, str]:
    notes = {"home/loft/Quote Oct 2025.md": "# Quote\n\nThree skylights, steel beams, eight weeks.\n",
             "home/loft/Site visit.md": "# Site visit\n\nSteels went in; skylights next week.\n"}
    for i in range(12):  # a folder holding most notes names no topic in particular
        notes[f"journal/2026-03-{i + 10:02d}.md"] = f"# Day {i}\n\nTalked about the loft and the garden, week {i}.\n"
    return notes


def _ids(brain: Brain) -> dict[str, int]:
    return {Path(p).name: int(i) for i, p in brain.conn.execute("SELECT id, path FROM documents")}


def test_folder_named_by_a_question_word(tmp_path: Path) -> None:
    with Brain.open(_home(tmp_path, _vault())) as brain:
        ids = _ids(brain)
        loft = {ids["Quote Oct 2025.md"], ids["Site visit.md"]}
        assert filed_notes(brain.conn, "How many skylights went into the loft?") == loft
        # "journal" holds 12 of 14 notes, "home" 2: the big folder names nothing.
        assert filed_notes(brain.conn, "What did I write in my journal in March?") == set()
        assert filed_notes(brain.conn, "What did the roofer say?") == set()


def test_flat_vault_has_no_folders_to_name(tmp_path: Path) -> None:
    with Brain.open(_home(tmp_path, {"loft.md": "# Loft\n\nSkylights.\n", "b.md": "# B\n\nGarden.\n"})) as brain:
        assert filed_notes(brain.conn, "How many skylights went into the loft?") == set()


def test_bonus_scales_the_filed_notes_passages_only(tmp_path: Path) -> None:
    with Brain.open(_home(tmp_path, _vault())) as brain:
        ids = _ids(brain)
        rows = brain.conn.execute("SELECT id, doc_id FROM chunks").fetchall()
        fused = {int(c): 0.5 for c, _ in rows}
        out = with_folder_bonus(brain.conn, "How many skylights went into the loft?", fused, 0.1)
        for chunk, doc in rows:
            filed = doc in (ids["Quote Oct 2025.md"], ids["Site visit.md"])
            assert out[int(chunk)] == pytest.approx(0.55 if filed else 0.5)
        assert with_folder_bonus(brain.conn, "How many skylights went into the loft?", fused, 0.0) == fused


def test_answering_searches_without_the_folder_preference(tmp_path: Path) -> None:
    with Brain.open(_home(tmp_path, _vault())) as brain:
        assert brain.answer_parts().searcher_factory().settings.folder_match_bonus == 0.0
        assert brain.searcher.settings.folder_match_bonus > 0
