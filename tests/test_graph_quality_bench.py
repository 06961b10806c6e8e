"""bench/graph_quality.py: a missed multi-hop partner's rank and the kind of evidence the notes above it win by."""
from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

from live_server import make_home

from memex.app import Brain
from memex.graph.related import Reason, Related

_SPEC = importlib.util.spec_from_file_location(
    "graph_quality", Path(__file__).resolve().parents[1] / "bench" / "graph_quality.py")
assert _SPEC and _SPEC.loader
GQ = importlib.util.module_from_spec(_SPEC)
sys.modules["graph_quality"] = GQ
_SPEC.loader.exec_module(GQ)


def test_winning_role_is_the_kind_with_the_largest_margin_over_the_partner() -> None:
    above = Related(1, "a.md", "A", 2.1, [Reason("link", "links to [[A]]", 1.5),
                                          Reason("entity", "Pim", 0.4), Reason("entity", "Ken", 0.2)])
    gold = Related(2, "b.md", "B", 0.9, [Reason("entity", "Zeist", 0.9)])
    assert GQ._role_weights(above) == {"link": 1.5, "shared_name": 0.4 + 0.2}
    assert GQ._winning_role(above, gold) == "link"
    # shared names add up; a partner beyond the list has no evidence at all
    many = Related(3, "c.md", "C", 1.6, [Reason("entity", n, 0.4) for n in ("Pim", "Ken", "Dom", "Utrecht")])
    assert GQ._winning_role(many, gold) == "shared_name"
    assert GQ._winning_role(many, None) == "shared_name"


def test_related_recall_reports_missed_partner_rank_and_what_won(tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    notes = vault / "notes"
    (notes / "people").mkdir(parents=True)
    (notes / "people" / "Owen Leathley.md").write_text("# Owen Leathley\n\nClient sponsor.\n", encoding="utf-8")
    for i in range(12):  # twelve meetings naming Owen: they fill his top 10
        (notes / f"meeting {i:02d}.md").write_text(
            f"# Meeting {i}\n\nOwen Leathley chaired. Owen Leathley asked about item {i}.\n", encoding="utf-8")
    (notes / "Sourdough.md").write_text("# Sourdough\n\nRye starter fed at 9pm, 1:5:5.\n", encoding="utf-8")
    (notes / "meeting 00.md").write_text("# Meeting 0\n\n[[Owen Leathley]] chaired.\n", encoding="utf-8")
    questions = [{"type": "multi_hop", "gold_notes": ["people/Owen Leathley.md", "meeting 00.md"]},
                 {"type": "multi_hop", "gold_notes": ["people/Owen Leathley.md", "Sourdough.md"]}]
    (vault / "questions.jsonl").write_text("\n".join(json.dumps(q) for q in questions), encoding="utf-8")
    with Brain.open(make_home(tmp_path)) as brain:
        brain.add([notes])
        res = GQ.related_recall(brain, notes, GQ.multihop_pairs(vault))
    assert res["pairs"] == 4
    assert "people/Owen Leathley.md -> Sourdough.md" in res["misses"]
    assert "people/Owen Leathley.md -> meeting 00.md" not in res["misses"]
    assert len(res["miss_ranks"]) == len(res["misses"])
    assert all(r is None or r > GQ.K for r in res["miss_ranks"])
    # every note listed above a missed partner is counted once, by its winning kind
    assert GQ.K <= sum(res["won_by"].values()) <= GQ.K * len(res["misses"])
