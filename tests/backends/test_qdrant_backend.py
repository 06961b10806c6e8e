"""The Qdrant backend through qdrant-client's local mode (same client API; no live server is tested here)."""
from __future__ import annotations

from pathlib import Path

import pytest
from backend_vaults import note

from memex.app import Brain
from memex.retrieve.search import Filters

pytest.importorskip("qdrant_client", reason="needs the dev extras: pip install -e '.[dev]'")
EMB = "hash:64"


def _brain(home: Path, target: str) -> Brain:
    return Brain.open(home, embedder=EMB, vector_store=f"qdrant:{target}")


def _truth(b: Brain) -> set[int]:
    return {r[0] for r in b.conn.execute("SELECT chunk_id FROM embeddings")}


def test_qdrant_local_follows_sqlite_filters_and_repairs(tmp_path: Path, vault: Path):
    home = tmp_path / "home"
    with Brain.open(home, embedder=EMB, vector_store="exact") as e:
        e.add([vault])
    with _brain(home, f"local:{tmp_path / 'qdrant'}") as b, Brain.open(home, embedder=EMB, vector_store="exact") as e:
        idx = b.index
        assert idx.kind == "qdrant" and set(idx.ids.tolist()) == _truth(b)
        q = b.search_embedder.embed_query("bird watching trip")
        for f in [None, Filters(tags=("bird",)), Filters(path_glob="*/sub/*"), Filters(after="2024-06-01"),
                  Filters(before="2024-03-31", tags=("n1",))]:
            got = b.searcher.dense("", 8, f, query_vector=q)
            want = e.searcher.dense("", 8, f, query_vector=q)
            assert [c for c, s in got if s > 1e-4] == [c for c, s in want if s > 1e-4], f  # ties at 0 aside
        # update, delete, move: the collection follows
        (vault / "note1.md").write_text(note(1, "\n\nOn zebras."), encoding="utf-8")
        (vault / "note2.md").unlink()
        (vault / "note4.md").rename(vault / "sub" / "moved4.md")
        b.sync()
        assert set(b.index.ids.tolist()) == _truth(b)
        hits = b.search("zebras", k=1)
        assert hits[0].path.endswith("note1.md")
        moved = b.searcher.dense("", 50, Filters(path_glob="*/moved4.md"), query_vector=q)
        assert len(moved) == 1
        assert b.check()["ok"]
        # damage the collection; check finds it, repair rebuilds it from SQLite
        from qdrant_client import models
        idx.client.delete(idx.collection, points_selector=models.PointIdsList(points=sorted(_truth(b))[:3]))
        assert not b.check()["ok"]
        assert b.check(repair=True)["ok"]
        assert set(b.index.ids.tolist()) == _truth(b)
