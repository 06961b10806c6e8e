"""Changing the embedder re-embeds while search keeps answering from the old vectors (no downtime)."""
from __future__ import annotations

from pathlib import Path

from memex.app import Brain


def _vault(root: Path) -> Path:
    root.mkdir()
    for i, topic in enumerate(["herons nest by the river", "sourdough needs a starter", "tax forms due in april"]):
        (root / f"n{i}.md").write_text(f"# Note {i}\n\nThis note says {topic}.\n", encoding="utf-8")
    return root


def test_switch_embedder_without_downtime(tmp_path: Path):
    vault = _vault(tmp_path / "v")
    home = tmp_path / "home"
    with Brain.open(home, embedder="hash:64") as b:
        b.add([vault])
        assert b.status()["vectors"] == [{"embedder": "hash:64", "vectors": 3}]
    with Brain.open(home, embedder="hash:128") as b:
        assert b.migrating
        # Before re-embedding, search still works on the old 64-dim vectors.
        assert b.search_embedder.id == "hash:64"
        assert Path(b.search("herons river", k=1)[0].path).name == "n0.md"
        # A note added mid-switch gets vectors for both models, so neither index misses it.
        (vault / "n3.md").write_text("# New\n\nKayaks float on the lake.\n", encoding="utf-8")
        report = b.sync()
        assert not b.migrating
        assert b.status()["search_embedder"] == "hash:128"
        assert b.status()["vectors"] == [{"embedder": "hash:128", "vectors": 4}]
        assert report.chunks_embedded >= 4
        assert b.index.dims == 128 and len(b.index) == 4
        assert Path(b.search("kayaks lake", k=1)[0].path).name == "n3.md"
    with Brain.open(home, embedder="hash:128") as b:  # a fresh process loads the new cache
        assert not b.migrating and len(b.index) == 4
