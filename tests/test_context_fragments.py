"""A short retrieved chunk brings the rest of its section into the answer's context (agents/context.py)."""
from __future__ import annotations

from pathlib import Path

import pytest
from small_vault import indexed_home

from memex.agents import context
from memex.app import Brain

_STALLS = "red blue green amber violet silver golden copper ivory jade coral pearl onyx ruby".split()


def _home(root: Path) -> Path:
    stalls = "\n".join(f"- Item {i}: the {w} stall on the east side of the square, open until late most evenings"
                       for i, w in enumerate(_STALLS))
    others = {f"Trip {c}.md": f"# {c}\n\nFlew out Thursday to {c}. Rain both mornings, sun in the afternoons.\n"
              for c in ("Porto", "Seville", "Bilbao", "Lyon", "Turin", "Ghent", "Bergen")}
    return indexed_home(root, {**others,
        "Lisbon trip.md": "# Lisbon, spring 2026\n\nFlew out Thursday, back Monday. Rain both mornings.\n\n"
                          "- Tram ticket: €6.40 for the day pass.\n" + stalls + "\n",
    })


def test_a_short_chunk_pulls_in_the_rest_of_its_section_whatever_its_rank(tmp_path: Path,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    home = _home(tmp_path)
    monkeypatch.setattr(context, "EXPAND_TOP", 0)  # no hit is among the best few: only the fragment rule applies
    with Brain.open(home) as brain:
        rows = brain.conn.execute("SELECT c.id, c.text FROM chunks c JOIN documents d ON d.id = c.doc_id "
                                  "WHERE d.path LIKE '%Lisbon%' ORDER BY c.ordinal").fetchall()
        assert len(rows) == 2 and len(rows[0][1]) < context.FRAGMENT_CHARS < len(rows[1][1])
        ctx = context.retrieve(brain.searcher, ["Flew out Thursday, back Monday, rain"], None, 4000, None)
        assert str(rows[0][0]) in {h.chunk_id for h in ctx.hits}
        assert str(rows[1][0]) in {h.chunk_id for h in ctx.hits}
