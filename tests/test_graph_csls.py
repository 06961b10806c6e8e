"""`related`: a note close to everything (a hub of the semantic neighbour lists) counts less as a semantic
neighbour than a note equally close to this one but close to little else (CSLS)."""
from __future__ import annotations

from pathlib import Path

from live_server import make_home

from memex.app import Brain
from memex.graph import related as R

NOTES = {f"n{i}.md": f"plain words number {i} about nothing in particular\n" for i in range(8)}


def _home(tmp_path: Path) -> tuple[Brain, dict[str, int]]:
    vault = tmp_path / "vault"
    vault.mkdir()
    for name, text in NOTES.items():
        (vault / name).write_text(text, encoding="utf-8")
    b = Brain.open(make_home(tmp_path))
    b.add([vault])
    ids = {Path(p).name: int(i) for i, p in b.conn.execute("SELECT id, path FROM documents")}
    # stored neighbours as the graph update would write them: n0 is as close to n1 as to n2, but n2 is close to
    # everything (a hub) and n1 to little else
    chunk = {d: int(c) for d, c in b.conn.execute("SELECT doc_id, min(id) FROM chunks GROUP BY doc_id")}
    rows = [(ids["n0.md"], ids["n1.md"], 0.6), (ids["n0.md"], ids["n2.md"], 0.6)]
    rows += [(ids["n2.md"], ids[f"n{i}.md"], 0.9) for i in range(3, 8)]
    rows += [(ids["n1.md"], ids[f"n{i}.md"], 0.3) for i in range(3, 8)]
    with b.conn:
        b.conn.execute("DELETE FROM graph_semantic")
        b.conn.executemany("INSERT INTO graph_semantic (src, dst, score, pair, src_chunk, dst_chunk) "
                           "VALUES (?, ?, ?, ?, ?, ?)", [(s, d, sc, sc, chunk[s], chunk[d]) for s, d, sc in rows])
    return b, ids


def _weights(b: Brain, ids: dict[str, int]) -> dict[str, float]:
    names = {v: k for k, v in ids.items()}
    return {names[r.doc_id]: r.score for r in R.related(b.conn, ids["n0.md"], 10)}


def test_a_semantic_hub_counts_less_than_an_equally_close_quiet_note(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(R, "W_PASSAGE", 0.0)  # only the stored neighbours: the passage check reads vectors
    b, ids = _home(tmp_path)
    with b:
        monkeypatch.setattr(R, "CSLS", 0.0)
        flat = _weights(b, ids)
        assert abs(flat["n1.md"] - flat["n2.md"]) < 1e-9
        monkeypatch.setattr(R, "CSLS", 1.0)
        got = _weights(b, ids)
        assert got["n1.md"] > flat["n1.md"] and got.get("n2.md", 0.0) < flat["n2.md"]
        # every reason still listed adds weight (a shifted-out semantic reason is not shown)
        for r in R.related(b.conn, ids["n0.md"], 10):
            assert all(x.weight > 0 for x in r.reasons)
