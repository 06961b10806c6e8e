"""Incremental sync end to end on real files and real SQLite: change, rename, delete, failures, ignore."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from fixture_paths import SAMPLE_VAULT

from memex.app import Brain
from memex.errors import MemexError


def _note(i: int, extra: str = "") -> str:
    paras = [f"Paragraph {j} of note {i} talks about topic{i} and subject{j} in some detail. " * 6
             for j in range(6)]
    return f"---\ntitle: Note {i}\ntags: [t{i % 3}]\n---\n# Note {i}\n\n" + "\n\n".join(paras) + extra


@pytest.fixture
def vault(tmp_path: Path) -> Path:
    v = tmp_path / "vault"
    (v / "sub").mkdir(parents=True)
    for i in range(6):
        (v / ("sub" if i % 2 else "") / f"note{i}.md").write_text(_note(i), encoding="utf-8")
    return v


@pytest.fixture
def brain(tmp_path: Path) -> Brain:
    b = Brain.open(tmp_path / "home", embedder="hash:256", chunk_tokens=96)
    yield b
    b.close()


def _paths(hits) -> list[str]:
    return [Path(h.path).name for h in hits]


def test_add_then_nothing_changed_embeds_nothing(brain: Brain, vault: Path):
    first = brain.add([vault])
    assert first.added == 6 and first.chunks_embedded > 6 and not first.failed
    again = brain.sync()
    assert (again.added, again.updated, again.moved, again.removed, again.chunks_embedded) == (0, 0, 0, 0, 0)
    assert again.unchanged == 6
    st = brain.status()
    assert st["documents"] == 6 and st["chunks"] == first.chunks_embedded


def test_edit_reembeds_only_changed_chunks(brain: Brain, vault: Path):
    brain.add([vault])
    n_chunks = brain.status()["chunks"]
    f = vault / "note0.md"
    f.write_text(_note(0, extra="\n\nA brand new closing paragraph about zebras."), encoding="utf-8")
    r = brain.sync()
    assert r.updated == 1
    assert 1 <= r.chunks_embedded <= 2 < n_chunks
    assert r.chunks_reused >= 3
    assert _paths(brain.search("zebras", k=1)) == ["note0.md"]


def test_touch_without_change_is_not_reembedded(brain: Brain, vault: Path):
    brain.add([vault])
    f = vault / "note1.md" if (vault / "note1.md").exists() else vault / "sub" / "note1.md"
    os.utime(f, ns=(f.stat().st_atime_ns, f.stat().st_mtime_ns + 5_000_000_000))
    r = brain.sync()
    assert (r.updated, r.chunks_embedded, r.unchanged) == (0, 0, 6)
    assert brain.sync().unchanged == 6


def test_rename_and_move_keep_vectors(brain: Brain, vault: Path):
    brain.add([vault])
    (vault / "other").mkdir()
    shutil.move(vault / "note2.md", vault / "other" / "note2.md")
    r = brain.sync()
    assert (r.moved, r.added, r.removed, r.chunks_embedded) == (1, 0, 0, 0)
    hits = brain.search("topic2 subject3", k=3)
    assert hits and all(h.path.endswith("other/note2.md") for h in hits if "topic2" in h.text)
    assert brain.status()["documents"] == 6


def test_a_renamed_note_is_indexed_with_its_new_name(brain: Brain, vault: Path):
    # The file name is part of what passages are searched with ("Darts.md" headed "Lowther Ladies"): a rename
    # must read like a clean index of the new name, not keep the old name's passages.
    brain.add([vault])
    (vault / "note2.md").rename(vault / "harbourmaster.md")
    r = brain.sync()
    assert (r.moved, r.added, r.removed) == (1, 0, 0)
    hits = brain.search("harbourmaster", k=3)
    assert hits and Path(hits[0].path).name == "harbourmaster.md"
    assert brain.status()["documents"] == 6


def test_delete_disappears_from_results(brain: Brain, vault: Path):
    brain.add([vault])
    assert "note4.md" in _paths(brain.search("topic4", k=3))
    (vault / "note4.md").unlink()
    r = brain.sync()
    assert r.removed == 1
    assert "note4.md" not in _paths(brain.search("topic4", k=10))
    assert brain.status()["documents"] == 5


def test_no_duplicates_when_adding_twice_or_overlapping(brain: Brain, vault: Path):
    brain.add([vault])
    brain.add([vault])
    brain.add([vault / "sub" / "note1.md"])
    assert brain.status()["documents"] == 6
    assert len(brain.status()["sources"]) == 1


def test_bad_files_are_recorded_and_the_batch_goes_on(brain: Brain, vault: Path, tmp_path: Path):
    (vault / "broken.pdf").write_bytes(b"%PDF-1.4\n garbage that is not a pdf")
    (vault / "empty.md").write_bytes(b"")
    (vault / "binary.txt").write_bytes(b"abc\x00\x01\x02" * 100)
    os.mkfifo(vault / "pipe.md")
    outside = tmp_path / "outside.md"
    outside.write_text("secret outside the vault", encoding="utf-8")
    (vault / "escape.md").symlink_to(outside)
    r = brain.add([vault])
    assert r.added == 6
    reasons = {Path(p).name: why for p, why in r.failed + r.skipped}
    assert "broken.pdf" in reasons and "empty.md" in reasons and "binary.txt" in reasons
    assert "FIFO" in reasons["pipe.md"]
    assert "outside" in reasons["escape.md"]
    status_fail = {Path(f["path"]).name for f in brain.status()["failures"]}
    assert {"broken.pdf", "empty.md", "binary.txt"} <= status_fail
    assert not brain.search("secret outside the vault", k=10) or all(
        "outside" not in h.path for h in brain.search("secret outside the vault", k=10))
    # fixing the file clears its failure on the next sync
    (vault / "empty.md").write_text("Now it has words about kiwis.", encoding="utf-8")
    brain.sync()
    assert "empty.md" not in {Path(f["path"]).name for f in brain.status()["failures"]}
    assert _paths(brain.search("kiwis", k=1)) == ["empty.md"]


def test_failed_rewrite_keeps_the_previous_version(brain: Brain, vault: Path):
    brain.add([vault])
    (vault / "note0.md").write_bytes(b"\x00\x01binary now")
    r = brain.sync()
    assert [Path(p).name for p, _ in r.failed] == ["note0.md"]
    assert "note0.md" in _paths(brain.search("topic0", k=3))


def test_ignore_file_hidden_folders_and_remove(tmp_path: Path):
    vault = tmp_path / "v"
    shutil.copytree(SAMPLE_VAULT, vault)
    with Brain.open(tmp_path / "home", embedder="hash:256") as brain:
        brain.add([vault])
        paths = {d[0] for d in brain.conn.execute("SELECT path FROM documents")}
        assert not any("/drafts/" in p or "/.obsidian/" in p for p in paths)
        assert brain.search("OBSIDIAN-CONFIG-SHOULD-NOT-BE-INDEXED", k=5) == [] or all(
            ".obsidian" not in h.path for h in brain.search("OBSIDIAN-CONFIG-SHOULD-NOT-BE-INDEXED", k=5))
        target = vault / "recipes"
        n = brain.remove(target)
        assert n >= 1
        brain.sync()
        assert not any("/recipes/" in p for (p,) in brain.conn.execute("SELECT path FROM documents"))
        brain.add([target])  # adding it explicitly brings it back, within the same source
        assert any("/recipes/" in p for (p,) in brain.conn.execute("SELECT path FROM documents"))
        assert len(brain.status()["sources"]) == 1
        with pytest.raises(MemexError):
            brain.remove(tmp_path / "never-added")
        assert brain.remove(vault) >= 10
        assert brain.status()["documents"] == 0


def test_filters(brain: Brain, vault: Path):
    brain.add([vault])
    hits = brain.search("paragraph topic", k=20, filters=__import__("memex.retrieve.search", fromlist=["Filters"])
                        .Filters(tags=("t1",)))
    assert hits and {Path(h.path).name for h in hits} <= {"note1.md", "note4.md"}
    from memex.retrieve.search import Filters
    sub = brain.search("paragraph topic", k=20, filters=Filters(path_glob="*/sub/*"))
    assert sub and all("/sub/" in h.path for h in sub)
    assert brain.search("paragraph", k=5, filters=Filters(after="2999-01-01")) == []
