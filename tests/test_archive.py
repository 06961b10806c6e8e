"""The JSON Lines archive: round trips without re-embedding, refusal of damaged archives, resume, merging."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from fixture_paths import SAMPLE_VAULT

from memex.app import Brain
from memex.embed.hashing import HashEmbedder
from memex.portability import archive as arc
from memex.portability.answers import save_answer, saved_answers
from memex.portability.archive import ArchiveError, export_archive, import_archive, vectors_path_for
from memex.store import threads

QUERIES = ["router firmware", "weekly sync Friday", "INV-2024-0042", "sourdough starter feeding", "Lisbon Sintra train",
           "Heron beta release", "Maya Okafor", "eggs tomatoes", "thinking in systems stocks flows", "Q2 milestones"]


def _counts(b: Brain) -> dict[str, int]:
    return {t: int(b.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0])
            for t in ("sources", "documents", "chunks", "embeddings", "threads", "turns", "tags", "links")}


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("archive")
    vault = root / "vault"
    shutil.copytree(SAMPLE_VAULT, vault)
    b = Brain.open(root / "home", embedder="hash:384")
    b.add([vault])
    tid = threads.create_thread(b.conn)
    b.ask("What is the router firmware version?", thread=tid)
    save_answer(b.conn, b.settings.home, "What is the router firmware version?",
                b.ask("What is the router firmware version?").to_dict(), "extractive")
    from memex.agents.memory import remember
    remember(b, "The spare key is under the blue pot", "test")
    out = root / "brain.jsonl"
    report = export_archive(b, out, with_vectors=True)
    b.root, b.vault, b.archive, b.thread, b.report = root, vault, out, tid, report  # type: ignore[attr-defined]
    yield b
    b.close()


def _fresh(tmp_path: Path, name: str = "fresh", embedder: str = "hash:384") -> Brain:
    return Brain.open(tmp_path / name, embedder=embedder)


def test_export_writes_a_checksummed_archive_and_a_vectors_file(source):
    r = source.report
    assert (r.documents, r.chunks, r.vectors, r.memories, r.answers, r.threads) == (18, r.chunks, r.chunks, 1, 1, 1)
    lines = source.archive.read_text(encoding="utf-8").splitlines()
    records = [json.loads(ln) for ln in lines]
    assert records[0]["type"] == "header" and records[0]["schema"] == arc.SCHEMA
    assert records[0]["embedder"]["id"] == "hash:384" and records[0]["vectors"]["file"] == "brain.jsonl.vectors"
    assert records[-1]["type"] == "end" and records[-1]["counts"]["documents"] == 18
    assert all(len(rec["chk"]) == 32 for rec in records)
    doc = next(rec for rec in records if rec["type"] == "document" and rec["path"].endswith("2024-05-03 Heron retro.md"))
    assert doc["tags"] == ["heron", "meeting", "retro"] and {"Priya Raman", "Tom Becker"} <= set(doc["links"])
    assert doc["metadata"]["front_matter"]["date"] == "2024-05-03"  # JSON columns as JSON, not strings
    c = next(ch for ch in doc["chunks"] if "Friday" in ch["text"])
    assert c["heading_path"] == ["Heron retro — 3 May 2024", "Decisions"] and c["start_line"] == 20
    assert isinstance(c["vector"], int)
    memory_doc = next(rec for rec in records if rec["type"] == "document" and "/memories/" in rec["path"])
    assert memory_doc["file"]["encoding"] == "base64"  # Memex's own notes travel with their bytes
    size = vectors_path_for(source.archive).stat().st_size
    assert size == records[-1]["vectors_bytes"] and size > r.vectors * 384 * 4


def test_import_with_vectors_gives_the_same_hits_and_embeds_nothing(source, tmp_path, monkeypatch):
    def refuse(self, texts):  # noqa: ANN001
        raise AssertionError("import must not re-embed when the embedder matches")
    monkeypatch.setattr(HashEmbedder, "embed", refuse)
    with _fresh(tmp_path) as b:
        events = []
        report = import_archive(b, source.archive, progress=lambda e, **k: events.append(e))
        monkeypatch.undo()
        assert report.documents == 18 and report.embedded == 0 and report.reused_vectors == source.report.chunks
        assert report.threads == 1 and report.answers == 1 and "file" in events
        assert b.check()["ok"], b.check()
        for q in QUERIES:
            want = [(h.path, h.text, round(h.score, 6)) for h in source.search(q, 5)]
            got = [(h.path, h.text, round(h.score, 6)) for h in b.search(q, 5)]
            assert got == want, q
        # Memex's own notes came back as files in the new home; threads and answers point at the new chunks.
        from memex.agents.memory import list_memories
        assert [m["fact"] for m in list_memories(b)] == ["The spare key is under the blue pot"]
        turns = b.conn.execute("SELECT result FROM turns").fetchall()
        cite = json.loads(turns[0][0])["citations"][0]
        text = b.conn.execute("SELECT text FROM chunks WHERE id = ?", (int(cite["chunk_id"]),)).fetchone()[0]
        assert "7.57" in text
        assert [a.question for a in saved_answers(b.settings.home)] == ["What is the router firmware version?"]
        again = import_archive(b, source.archive)  # the same archive twice: nothing duplicated
        assert again.documents == 0 and again.skipped == 18 and again.threads == 0 and again.answers == 0
        assert _counts(b)["documents"] == 18


def test_import_without_vectors_or_with_another_embedder_re_embeds(source, tmp_path):
    plain = tmp_path / "plain.jsonl.gz"
    export_archive(source, plain)  # gzip, no vectors
    with _fresh(tmp_path, "a") as b:
        seen = []
        report = import_archive(b, plain, progress=lambda e, **k: seen.append((e, k)))
        assert report.embedded == source.report.chunks and report.reused_vectors == 0
        assert any(e == "chunks" for e, _ in seen) and b.check()["ok"]
        assert b.search("router firmware", 1)[0].path == source.search("router firmware", 1)[0].path
    with _fresh(tmp_path, "b", embedder="hash:256") as b:
        report = import_archive(b, source.archive)
        assert report.embedded > 0 and report.reused_vectors == 0 and report.embedder == "hash:256"
        assert b.check()["ok"]


def _snapshot(b: Brain) -> tuple[dict[str, int], list[str]]:
    return _counts(b), sorted(p.name for p in b.settings.home.rglob("*") if p.is_file() and "cache" not in p.parts
                              and p.suffix != ".lock" and "-wal" not in p.name and "-shm" not in p.name)


def _existing(tmp_path: Path) -> Brain:
    b = _fresh(tmp_path, "existing")
    other = tmp_path / "other"
    other.mkdir()
    (other / "mine.md").write_text("# Mine\n\nSomething only this home has.\n", encoding="utf-8")
    b.add([other])
    return b


@pytest.mark.parametrize("damage", ["cut mid-line", "cut at a line", "edited text", "dropped line", "vectors"])
def test_damaged_archive_is_refused_with_its_line_and_the_home_is_unchanged(source, tmp_path, damage):
    bad = tmp_path / "bad.jsonl"
    shutil.copy(vectors_path_for(source.archive), vectors_path_for(bad))
    lines = source.archive.read_bytes().splitlines(keepends=True)
    doc_line = next(i for i, ln in enumerate(lines) if b'"type":"document"' in ln and b"Home network" in ln)
    if damage == "cut mid-line":
        bad.write_bytes(b"".join(lines[:doc_line]) + lines[doc_line][:100])
        expect = f"line {doc_line + 1}: the line is cut off"
    elif damage == "cut at a line":
        bad.write_bytes(b"".join(lines[:doc_line + 1]))
        expect = f"line {doc_line + 1}: the archive ends without its end record"
    elif damage == "edited text":
        lines[doc_line] = lines[doc_line].replace(b"7.57", b"7.58")
        bad.write_bytes(b"".join(lines))
        expect = f"line {doc_line + 1}: checksum mismatch"
    elif damage == "dropped line":
        bad.write_bytes(b"".join(lines[:doc_line] + lines[doc_line + 1:]))
        expect = f"line {doc_line + 1}: checksum mismatch"
    else:
        bad.write_bytes(b"".join(lines))
        data = bytearray(vectors_path_for(bad).read_bytes())
        data[-5] ^= 0xFF
        vectors_path_for(bad).write_bytes(bytes(data))
        expect = "vectors file does not match"
    with _existing(tmp_path) as b:
        before = _snapshot(b)
        with pytest.raises(ArchiveError, match=expect):
            import_archive(b, bad)
        assert _snapshot(b) == before


def _reseal(records: list[dict], path: Path) -> None:
    chain = arc._Chain()
    path.write_bytes(b"".join(chain.seal({k: v for k, v in r.items() if k != "chk"}) for r in records))


def test_newer_schema_and_non_archives_are_refused_clearly(source, tmp_path):
    records = [json.loads(ln) for ln in source.archive.read_text(encoding="utf-8").splitlines()]
    records[0]["schema"] = arc.SCHEMA + 1
    records[0]["memex_version"] = "9.0"
    newer = tmp_path / "newer.jsonl"
    _reseal(records, newer)
    with _fresh(tmp_path) as b:
        with pytest.raises(ArchiveError, match=r"schema version 2, newer than this Memex reads \(1\).*9\.0.*Upgrade"):
            import_archive(b, newer)
        other = tmp_path / "notes.jsonl"
        other.write_text('{"query": "not an archive"}\n', encoding="utf-8")
        with pytest.raises(ArchiveError, match="line 1"):
            import_archive(b, other)
        assert _counts(b)["documents"] == 0


def test_embedded_files_outside_memex_folders_are_refused(source, tmp_path):
    records = [json.loads(ln) for ln in source.archive.read_text(encoding="utf-8").splitlines()]
    records[0]["vectors"] = None
    doc = next(r for r in records if r["type"] == "document" and "/memories/" not in r["path"])
    doc["file"] = {"encoding": "base64", "data": "ZXZpbA=="}
    doc["path"] = str(tmp_path / "elsewhere" / "evil.md")
    for r in records:
        if r["type"] == "document":
            for c in r["chunks"]:
                c.pop("vector", None)
    records[-1]["vectors_sha256"] = records[-1]["vectors_bytes"] = None
    hostile = tmp_path / "hostile.jsonl"
    _reseal(records, hostile)
    with _fresh(tmp_path) as b:
        with pytest.raises(ArchiveError, match="not one of Memex's own notes"):
            import_archive(b, hostile)
        assert _counts(b)["documents"] == 0 and not (tmp_path / "elsewhere").exists()


def test_an_interrupted_import_leaves_whole_documents_and_resumes(source, tmp_path, monkeypatch):
    real = arc._Importer._write
    calls = {"n": 0}

    def crash_after_five(self, n, rec, known):  # noqa: ANN001
        if calls["n"] == 5:
            raise KeyboardInterrupt  # the user pressed Ctrl-C (or the machine went down) mid-import
        calls["n"] += 1
        return real(self, n, rec, known)

    with _fresh(tmp_path) as b:
        monkeypatch.setattr(arc._Importer, "_write", crash_after_five)
        with pytest.raises(KeyboardInterrupt):
            import_archive(b, source.archive)
        monkeypatch.undo()
        assert _counts(b)["documents"] == 5 and b.check()["ok"]  # five whole documents, nothing half-written
        report = import_archive(b, source.archive)
        assert report.skipped == 5 and report.documents == 13
        assert _counts(b)["documents"] == 18 and b.check()["ok"]
        for q in QUERIES[:3]:
            assert [h.path for h in b.search(q, 5)] == [h.path for h in source.search(q, 5)]


def test_merging_into_an_existing_home_keeps_its_versions_unless_replace(source, tmp_path):
    with _existing(tmp_path) as b:
        retro = next(p for p in source.vault.rglob("*Heron retro.md"))
        local = tmp_path / "local"
        local.mkdir()
        mine = local / retro.name
        mine.write_text("# Retro\n\nOur own version of the retro.\n", encoding="utf-8")
        b.add([local])
        report = import_archive(b, source.archive, path_map=[(str(retro.parent), str(local))])
        assert report.conflicts == [str(mine)] and report.documents == 17
        assert "own version" in b.document(path=str(mine))["chunks"][0]["text"]
        replaced = import_archive(b, source.archive, path_map=[(str(retro.parent), str(local))], replace=True)
        assert replaced.documents == 1 and "Friday" in " ".join(c["text"] for c in b.document(path=str(mine))["chunks"])
        assert b.document(path=str(tmp_path / "other" / "mine.md")) is not None  # its own notes untouched
        assert b.check()["ok"]


def test_moved_vault_is_mapped_and_a_sync_there_re_embeds_nothing(source, tmp_path):
    moved = tmp_path / "new-laptop" / "notes"
    shutil.copytree(source.vault, moved)  # copy2: mtimes kept, as rsync -a or a restore would
    with _fresh(tmp_path) as b:
        report = import_archive(b, source.archive, path_map=[(str(source.vault), str(moved))])
        assert report.documents == 18
        paths = {r[0] for r in b.conn.execute("SELECT path FROM documents")}
        assert str(moved / "Home network.md") in paths and not any(str(source.vault) in p for p in paths)
        sync = b.sync()
        assert sync.chunks_embedded == 0 and sync.added == 0 and sync.removed == 0 and sync.unchanged >= 17


def test_columns_added_by_later_migrations_travel_generically(source, tmp_path):
    with _fresh(tmp_path, "src") as b:
        b.add([source.vault / "recipes"])
        b.conn.execute("ALTER TABLE chunks ADD COLUMN chunk_date TEXT")
        b.conn.execute("ALTER TABLE documents ADD COLUMN language TEXT")
        b.conn.execute("UPDATE chunks SET chunk_date = '2024-06-0' || ordinal")
        b.conn.execute("UPDATE documents SET language = 'en'")
        export_archive(b, tmp_path / "cols.jsonl", with_vectors=True)
    with _fresh(tmp_path, "with") as b:
        b.conn.execute("ALTER TABLE chunks ADD COLUMN chunk_date TEXT")
        b.conn.execute("ALTER TABLE documents ADD COLUMN language TEXT")
        report = import_archive(b, tmp_path / "cols.jsonl")
        assert report.ignored_fields == []
        assert {r[0] for r in b.conn.execute("SELECT language FROM documents")} == {"en"}
        assert b.conn.execute("SELECT chunk_date FROM chunks WHERE ordinal = 0").fetchone()[0] == "2024-06-00"
    with _fresh(tmp_path, "without") as b:
        report = import_archive(b, tmp_path / "cols.jsonl")
        assert report.ignored_fields == ["chunks.chunk_date", "language"] and report.documents == 2
        assert b.check()["ok"]
