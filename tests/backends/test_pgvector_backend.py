"""The pgvector backend against a real PostgreSQL primary and streaming replica on 127.0.0.1."""
from __future__ import annotations

import multiprocessing as mp
import sqlite3
from pathlib import Path

import numpy as np
import psycopg
import pytest
from backend_vaults import note, write_vault

from memex.app import Brain
from memex.retrieve.search import Filters
from memex.store.backends.pgvector import PgVectorIndex, glob_to_regex

EMB = "hash:64"


def _brain(home: Path, pg, replica: bool = False, **kw) -> Brain:
    return Brain.open(home, embedder=EMB, vector_store=f"pgvector:{pg.primary.url}",
                      vector_store_replica=pg.replica.url if replica else "", **kw)


def _pg_rows(pg, table: str) -> dict[int, tuple]:
    with psycopg.connect(pg.primary.url, autocommit=True) as c:
        return {r[0]: r[1:] for r in c.execute(f"SELECT chunk_id, doc_id, path, tags, date FROM {table}")}


def _truth(brain: Brain) -> set[int]:
    return {r[0] for r in brain.conn.execute("SELECT chunk_id FROM embeddings")}


def _exact(home: Path) -> Brain:
    return Brain.open(home, embedder=EMB, vector_store="exact")


def test_insert_update_delete_move_follow_sqlite(tmp_path: Path, vault: Path, pg_db):
    with _brain(tmp_path / "home", pg_db) as b:
        b.add([vault])
        idx = b.index
        assert isinstance(idx, PgVectorIndex) and len(idx) == len(_truth(b)) >= 24
        rows = _pg_rows(pg_db, idx.table)
        assert set(rows) == _truth(b)
        one = next(r for r in rows.values() if r[1].endswith("/note1.md"))
        assert sorted(one[2]) == ["n1", "python"] and one[3] == "2024-02-02"
        # update: new text, new chunk ids; the old ones leave the table
        (vault / "note1.md").write_text(note(1, "\n\nA closing word on zebras."), encoding="utf-8")
        # delete and move
        (vault / "note2.md").unlink()
        (vault / "note4.md").rename(vault / "sub" / "renamed4.md")
        r = b.sync()
        assert (r.updated, r.removed, r.moved) == (1, 1, 1)
        rows = _pg_rows(pg_db, b.index.table)
        assert set(rows) == _truth(b)
        assert not any(p.endswith("/note2.md") for _, p, _, _ in rows.values())
        assert any(p.endswith("/sub/renamed4.md") for _, p, _, _ in rows.values())
        assert b.search("zebras", k=1)[0].path.endswith("note1.md")
        assert b.check()["ok"], b.check()


def test_filters_are_pushed_down_and_agree_with_exact(tmp_path: Path, vault: Path, pg_db):
    home = tmp_path / "home"
    with _brain(home, pg_db) as b:
        b.add([vault])
        pgs = b.searcher
        with _exact(home) as e:
            ex = e.searcher
            for f in [Filters(tags=("python",)), Filters(path_glob="*/sub/*"), Filters(after="2024-06-01"),
                      Filters(before="2024-03-31", tags=("n1",)), Filters(path_glob="note1?.md"),
                      Filters(after="2024-05-01", before="2024-08-31", path_glob="*/vault/*")]:
                q = b.search_embedder.embed_query("training for a marathon")
                got = pgs.dense("", 10, f, query_vector=q)
                want = ex.dense("", 10, f, query_vector=q)
                assert [c for c, s in got if s > 1e-2] == [c for c, s in want if s > 1e-2], f  # ties aside
                assert got, f
                assert np.allclose(sorted(s for _, s in got), sorted(s for _, s in want), atol=2e-3)
            # hybrid results agree too
            assert [h.chunk_id for h in b.search("sourdough", k=5, filters=Filters(tags=("sourdough",)))] == \
                [h.chunk_id for h in e.search("sourdough", k=5, filters=Filters(tags=("sourdough",)))]


def test_glob_to_regex_matches_sqlite_glob():
    conn = sqlite3.connect(":memory:")
    paths = ["/v/a.md", "/v/sub/b.md", "/v/x[1].md", "/v/c.txt", "/v/ab.md", "/w/a.md"]
    import re
    for g in ["*/sub/*", "*.md", "/v/?.md", "/v/[ab]*.md", "/v/[^a]*", "*a.md", "/v/x[[]1].md"]:
        want = [p for p in paths if conn.execute("SELECT ? GLOB ?", (p, g)).fetchone()[0]]
        got = [p for p in paths if re.fullmatch(glob_to_regex(g)[1:-1], p)]
        assert got == want, g


def _writer(home: str, url: str, folder: str, n: int, rounds: int) -> None:
    with Brain.open(home, embedder=EMB, vector_store=f"pgvector:{url}") as b:
        b.add([folder])
        for r in range(rounds):  # edits while the other process writes too
            Path(folder, f"note{r}.md").write_text(note(r, f"\n\nround {r} in {home}"), encoding="utf-8")
            b.sync()


def test_concurrent_writers_from_two_processes(tmp_path: Path, pg_db):
    ctx = mp.get_context("spawn")
    homes = [tmp_path / "h1", tmp_path / "h2"]
    folders = [write_vault(tmp_path / f"v{i}", 30) for i in range(2)]
    procs = [ctx.Process(target=_writer, args=(str(h), pg_db.primary.url, str(f), 30, 4))
             for h, f in zip(homes, folders, strict=True)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(120)
        assert p.exitcode == 0
    for h in homes:
        with _brain(h, pg_db) as b:
            assert set(_pg_rows(pg_db, b.index.table)) == _truth(b)
            assert b.check()["ok"]
    # and two processes on the *same* store: one syncing, one searching (each search catches up)
    same = homes[0]
    p = ctx.Process(target=_writer, args=(str(same), pg_db.primary.url, str(folders[0]), 30, 6))
    p.start()
    with _brain(same, pg_db) as reader:
        while p.is_alive():
            reader.search("bread", k=3)
        p.join()
        assert p.exitcode == 0
        reader.search("bread", k=3)
        assert set(_pg_rows(pg_db, reader.index.table)) == _truth(reader)


def test_server_restart_mid_sync_loses_nothing(tmp_path: Path, pg_db, monkeypatch: pytest.MonkeyPatch):
    folder = write_vault(tmp_path / "v", 40)
    calls = {"n": 0}
    real_copy = PgVectorIndex._copy

    def copy_then_crash(self, pg, table, ids, vectors):
        calls["n"] += 1
        written = real_copy(self, pg, table, ids, vectors)
        if calls["n"] == 1:  # the server dies mid-transaction (immediate = a crash; WAL replayed on start)
            pg_db.restart_primary("immediate")
        return written

    with _brain(tmp_path / "home", pg_db) as b:
        b.index  # noqa: B018 - the empty collection exists
        monkeypatch.setattr(PgVectorIndex, "_copy", copy_then_crash)
        b.add([folder])
        monkeypatch.undo()
        assert calls["n"] >= 2  # the first attempt was rolled back and retried
        assert set(_pg_rows(pg_db, b.index.table)) == _truth(b)
        assert b.check()["ok"]
        assert b.search("kubernetes upgrades", k=1)[0].path.endswith((".md",))


def test_replica_serves_searches_and_lag_falls_back_to_primary(tmp_path: Path, vault: Path, pg_db):
    with _brain(tmp_path / "home", pg_db, replica=True) as b:
        b.add([vault])
        idx = b.index
        pg_db.wait_replica()
        first = b.search("jazz piano", k=3)
        assert idx.last_source == "replica" and first
        with psycopg.connect(pg_db.replica.url, autocommit=True) as rc:
            rc.execute("SELECT pg_wal_replay_pause()")
            try:
                (vault / "fresh.md").write_text("---\ntags: [fresh]\n---\nQuokka census results.", encoding="utf-8")
                b.sync()
                hits = b.search("quokka census", k=1, filters=Filters(tags=("fresh",)))
                assert idx.last_source == "primary"  # the replica has not replayed our write yet
                assert hits and hits[0].path.endswith("fresh.md")
            finally:
                rc.execute("SELECT pg_wal_replay_resume()")
        pg_db.wait_replica()
        again = b.search("quokka census", k=1, filters=Filters(tags=("fresh",)))
        assert idx.last_source == "replica" and again[0].path.endswith("fresh.md")


def test_check_repair_rebuilds_from_sqlite_and_switching_needs_no_reembedding(tmp_path: Path, vault: Path,
                                                                              pg_db):
    home = tmp_path / "home"
    with _exact(home) as e:
        e.add([vault])
        vectors_before = e.status()["vectors"]
        want = [h.chunk_id for h in e.search("tax returns", k=5)]
    with _brain(home, pg_db) as b:
        assert b.sync().chunks_embedded == 0
        assert [h.chunk_id for h in b.search("tax returns", k=5)] == want
        assert b.status()["vectors"] == vectors_before
        table = b.index.table
        with psycopg.connect(pg_db.primary.url, autocommit=True) as c:
            c.execute(f"DELETE FROM {table} WHERE chunk_id IN (SELECT chunk_id FROM {table} LIMIT 3)")
            c.execute(f"UPDATE {table} SET path = '/elsewhere.md' WHERE chunk_id = (SELECT max(chunk_id) FROM {table})")
        report = b.check()
        assert not report["ok"] and "missing" in report["vector_cache"]
        fixed = b.check(repair=True)
        assert fixed["ok"], fixed
        assert set(_pg_rows(pg_db, table)) == _truth(b)
        assert [h.chunk_id for h in b.search("tax returns", k=5)] == want
