"""DUR-04/05/06/10 end to end through the CLI: torn vector cache, truncated WAL, corrupt database, backup."""
from __future__ import annotations

import json
import random
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .crash_harness import (
    EMBEDDER,
    cache_violations,
    cli_env,
    dump,
    file_hashes,
    make_vault,
    run_cli,
    start_cli,
    store_violations,
)
from .tally import TALLY, cases, note_stderr


def _ok(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    r = run_cli(home, *args)
    note_stderr(r.stderr)
    assert r.returncode == 0, r.stderr[-2000:]
    return r


def _search(home: Path, query: str) -> int:
    hits = json.loads(_ok(home, "search", query, "-k", "5", "--json").stdout)
    return len(hits["hits"] if isinstance(hits, dict) else hits)


def _dense_scores(home: Path) -> list[list[float]]:
    """Top-10 cosine scores for fixed random queries (scores, not ids: hash-embedder ties may reorder)."""
    import numpy as np

    from memex.app import Brain
    with Brain.open(home, embedder=EMBEDDER) as b:
        idx = b.index
        rng = np.random.default_rng(0)
        out = []
        for _ in range(5):
            q = rng.normal(size=idx.dims).astype(np.float32)
            out.append([round(s, 5) for _, s in idx.search(q / np.linalg.norm(q), 10)])
        return out


@pytest.fixture(scope="module")
def indexed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("recovery")
    vault, home = root / "vault", root / "home"
    make_vault(vault, random.Random(7), 24)
    _ok(home, "add", str(vault), "--json")
    return vault, home


def _copy_home(src: Path, dst: Path) -> Path:
    """A private copy of an indexed home, made with SQLite's backup API (never a file copy)."""
    dst.mkdir(parents=True, exist_ok=True)
    _ok(src, "backup", str(dst / "memex.db"))
    return dst


@pytest.mark.parametrize("damage", cases(["truncate", "flip", "garbage", "empty", "other-store", "stale-temp"],
                                          ["truncate", "other-store"]))
def test_damaged_vector_cache_is_detected_and_rebuilt(indexed: tuple[Path, Path], tmp_path: Path, damage: str):
    _, src = indexed
    home = _copy_home(src, tmp_path / "home")
    want = _dense_scores(src)
    _search(home, "warm up")  # writes this home's cache
    cache = next((home / "cache").glob("vectors-*.bin"))
    data = bytearray(cache.read_bytes())
    rng = random.Random(damage)
    if damage == "truncate":
        data = data[: rng.randrange(1, len(data))]
    elif damage == "flip":
        data[rng.randrange(64, len(data))] ^= 0x40
    elif damage == "garbage":
        data = bytearray(rng.randbytes(len(data)))
    elif damage == "empty":
        data = bytearray()
    elif damage == "other-store":  # a valid cache from a store with more history (restored over): seq ahead
        from memex.embed import load_embedder
        from memex.store.vectors import VectorIndex
        emb = load_embedder(EMBEDDER)
        idx = VectorIndex(emb.id, emb.dimensions)
        assert idx.load(cache)
        idx.seq = 10**9
        idx.save(cache)
        data = bytearray(cache.read_bytes())
    if damage == "stale-temp":  # what a kill during an atomic save leaves beside the cache (Qdrant #2231)
        (home / "cache" / (cache.stem + ".tmp99999")).write_bytes(b"half a cache")
        (home / "cache" / ".atomicwrite-x").write_bytes(b"junk")
    else:
        cache.write_bytes(bytes(data))
    checked = json.loads(run_cli(home, "check", "--json").stdout)
    if damage in ("stale-temp",):
        assert checked["ok"], checked
    else:
        assert not checked["ok"] and "vector cache" in " ".join(checked["problems"]), checked
    assert _search(home, "harbour lantern ledger") == 5  # the CLI searches fine on a damaged cache
    assert _dense_scores(home) == want  # rebuilt from SQLite: same vectors, same scores
    cc = cache_violations(home)
    assert cc.state == "valid" and not cc.violations
    assert json.loads(_ok(home, "check", "--json").stdout)["ok"]


def _writer_leaving_wal(home: Path, vault: Path) -> None:
    """Index in a child that exits without checkpointing, so the committed work is only in the -wal file."""
    code = ("import os, sys; from memex.app import Brain\n"
            f"b = Brain.open({str(home)!r}, embedder={EMBEDDER!r})\n"
            "b.conn.execute('PRAGMA wal_autocheckpoint=0')\n"
            f"r = b.add([{str(vault)!r}]); assert not r.failed, r.failed\n"
            "os._exit(0)\n")
    r = subprocess.run([sys.executable, "-c", code], env=cli_env(), capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr[-2000:]


@pytest.mark.parametrize("damage", cases(["truncate-mid-frame", "truncate-header", "flip-middle", "garbage-tail"],
                                          ["truncate-mid-frame"]))
def test_torn_wal_recovers_to_a_consistent_prefix(tmp_path: Path, damage: str):
    vault, home, ref = tmp_path / "vault", tmp_path / "home", tmp_path / "ref"
    make_vault(vault, random.Random(11), 16)
    _writer_leaving_wal(home, vault)
    wal = home / "memex.db-wal"
    size = wal.stat().st_size
    assert size > 32 * 1024, "the test needs the work to be in the WAL"
    rng = random.Random(damage)
    data = bytearray(wal.read_bytes())
    if damage == "truncate-mid-frame":
        data = data[: rng.randrange(size // 4, size - 100)]
    elif damage == "truncate-header":
        data = data[:20]
    elif damage == "flip-middle":
        data[rng.randrange(size // 3, 2 * size // 3)] ^= 0xFF
    else:
        data += rng.randbytes(5000)
    wal.write_bytes(bytes(data))
    allowed = {p: {h} for p, h in file_hashes(vault).items()}
    # What the next process sees: a consistent prefix of the committed transactions, nothing partial.
    assert store_violations(home, allowed) == []
    st = _ok(home, "status", "--json")
    assert json.loads(st.stdout)["documents"] <= len(allowed)
    _ok(home, "add", str(vault), "--json")  # finishes what the lost tail of the WAL had
    assert store_violations(home, allowed) == []
    assert not cache_violations(home).violations
    assert json.loads(_ok(home, "check", "--json").stdout)["ok"]
    _ok(ref, "add", str(vault), "--json")
    assert dump(home) == dump(ref)


@pytest.mark.parametrize("damage", cases(["header", "btree-page"], ["header"]))
def test_corrupt_database_is_reported_never_replaced(indexed: tuple[Path, Path], tmp_path: Path, damage: str):
    _, src = indexed
    home = _copy_home(src, tmp_path / "home")
    db = home / "memex.db"
    data = bytearray(db.read_bytes())
    if damage == "header":
        data[:16] = b"NOT A SQLITE DB\x00"
    else:  # scribble over a page in the middle of the file (a table or index page)
        page = 4096
        mid = (len(data) // page // 2) * page
        data[mid + 8: mid + page] = random.Random(3).randbytes(page - 8)
    db.write_bytes(bytes(data))
    before = db.read_bytes()
    r = run_cli(home, "check", "--json")
    note_stderr(r.stderr)
    assert r.returncode == 1
    assert "Traceback" not in r.stderr
    text = r.stdout + r.stderr
    assert ("integrity" in text or "cannot open the store" in text or "malformed" in text), text[-1000:]
    s = run_cli(home, "sync", "--json")
    note_stderr(s.stderr)
    assert "Traceback" not in s.stderr
    # Never silently replaced by a fresh empty store, and the damage is not hidden by a later run.
    assert db.stat().st_size >= len(before) // 2
    if s.returncode == 0:  # the sync did not touch the damaged page; check still reports it
        again = run_cli(home, "check", "--json")
        assert again.returncode == 1 and "Traceback" not in again.stderr


def test_backup_during_ingest_is_consistent(tmp_path: Path):
    vault, home = tmp_path / "vault", tmp_path / "home"
    make_vault(vault, random.Random(5), 60)
    writer = start_cli(home, "add", str(vault), "--json")
    deadline = time.monotonic() + 60
    while not (home / "memex.db").exists() and time.monotonic() < deadline:
        time.sleep(0.01)
    time.sleep(0.5)
    copies = []
    for i in range(3):
        dest = tmp_path / f"bk{i}"
        dest.mkdir()
        r = run_cli(home, "backup", str(dest / "memex.db"), "--json")
        note_stderr(r.stderr)
        assert r.returncode == 0, r.stderr
        copies.append((dest, json.loads(r.stdout)))
        time.sleep(0.2)
    _, err = writer.communicate(timeout=120)
    note_stderr(err)
    assert writer.returncode == 0
    allowed = {p: {h} for p, h in file_hashes(vault).items()}
    for dest, info in copies:
        assert info["integrity"] == "ok"
        assert not (dest / "memex.db-wal").exists()
        assert store_violations(dest, allowed) == []
    again = run_cli(home, "backup", str(copies[0][0] / "memex.db"))
    assert again.returncode == 1 and "--force" in again.stderr
    forced = _ok(home, "backup", str(copies[0][0] / "memex.db"), "--force", "--json")
    assert json.loads(forced.stdout)["documents"] == 60
    TALLY["backups_verified"] += len(copies) + 1


def test_check_repair_rebuilds_fts_and_drops_incomplete_documents(indexed: tuple[Path, Path], tmp_path: Path):
    import sqlite3
    vault, src = indexed
    home = _copy_home(src, tmp_path / "home")
    conn = sqlite3.connect(home / "memex.db")
    with conn:
        first, last = conn.execute("SELECT min(id), max(id) FROM chunks").fetchone()
        conn.execute("DELETE FROM chunks_fts WHERE rowid = ?", (first,))  # a chunk missing from the index
        conn.execute("DELETE FROM chunks_fts_content WHERE id = ?", (last,))  # FTS shadow tables disagree
        conn.execute("DELETE FROM embeddings WHERE chunk_id = ?", (first + 5,))  # a chunk without its vector
    conn.close()
    found = run_cli(home, "check", "--json")
    assert found.returncode == 1
    problems = " ".join(json.loads(found.stdout)["problems"])
    assert "FTS index is corrupt" in problems and "missing from the FTS index" in problems
    assert "missing a vector" in problems
    fixed = json.loads(_ok(home, "check", "--repair", "--json").stdout)
    assert fixed["ok"] and any("incomplete" in r for r in fixed["repaired"]), fixed
    assert json.loads(_ok(home, "check", "--json").stdout)["ok"]
    report = json.loads(_ok(home, "sync", "--json").stdout)
    assert report["added"] == 1 and not report["failed"]  # the dropped document is indexed again
    assert store_violations(home) == []
    assert dump(home) == dump(src)


def test_disk_full_mid_ingest_keeps_earlier_documents(tmp_path: Path):
    """DUR-07: SQLITE_FULL (a real page limit on the store) is a clear error; a rerun completes."""
    from memex.app import Brain
    from memex.errors import MemexError

    vault = tmp_path / "vault"
    make_vault(vault, random.Random(13), 30)
    allowed = {p: {h} for p, h in file_hashes(vault).items()}
    with Brain.open(tmp_path / "home", embedder=EMBEDDER) as brain:
        pages = brain.conn.execute("PRAGMA page_count").fetchone()[0]
        brain.conn.execute(f"PRAGMA max_page_count={pages + 30}")
        with pytest.raises(MemexError, match="disk is full"):
            brain.add([vault])
        kept = brain.status()["documents"]
        assert 0 < kept < len(allowed)
        assert store_violations(tmp_path / "home", allowed) == []
        brain.conn.execute("PRAGMA max_page_count=1073741823")  # space freed
        report = brain.sync()
        assert not report.failed and brain.status()["documents"] == len(allowed)
    assert store_violations(tmp_path / "home", allowed) == []


def test_backup_into_a_folder_and_bad_destinations(indexed: tuple[Path, Path], tmp_path: Path):
    from memex.app import Brain
    from memex.errors import MemexError

    _, src = indexed
    with Brain.open(src, embedder=EMBEDDER) as brain:
        info = brain.backup(tmp_path)  # a folder: a timestamped file inside it
        assert Path(info["path"]).parent == tmp_path and Path(info["path"]).name.startswith("memex-backup-")
        assert info["documents"] == brain.status()["documents"]
        with pytest.raises(MemexError, match="no such folder"):
            brain.backup(tmp_path / "missing" / "x.db")
    assert not list(tmp_path.glob(".*.tmp*")), "no temporary file left behind"
