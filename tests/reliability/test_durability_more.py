"""DUR-05/06/08/09/12/16: temp files, a corrupt database via `status`, a failing embedder, kill -9 during a
schema migration, deleted or renamed notes queried before a re-scan, and the inotify watch limit."""
from __future__ import annotations

import errno
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from .crash_harness import (
    EMBEDDER,
    cli_env,
    count_docs,
    dump,
    file_hashes,
    make_vault,
    run_cli,
    store_violations,
)
from .tally import TALLY, note_stderr


# ---- DUR-08: the embedder fails mid-batch -------------------------------------------------------------
class FlakyEmbedder:
    """The hash embedder, except that its k-th embed() call raises (a model crash, CUDA OOM, ...)."""

    def __init__(self, fail_on: int) -> None:
        from memex.embed.hashing import HashEmbedder
        self.inner = HashEmbedder(64)
        self.id, self.dimensions = self.inner.id, self.inner.dimensions
        self.fail_on, self.calls = fail_on, 0

    def count_tokens(self, text: str) -> int:
        return self.inner.count_tokens(text)

    def count_tokens_many(self, texts: list[str]) -> list[int]:
        return self.inner.count_tokens_many(texts)

    def embed_query(self, text: str) -> np.ndarray:
        return self.inner.embed_query(text)

    def embed(self, texts: list[str]) -> np.ndarray:
        self.calls += 1
        if self.calls == self.fail_on:
            raise RuntimeError("CUDA out of memory (simulated)")
        return self.inner.embed(texts)


def _index_with(home: Path, vault: Path, embedder: object):
    from memex.app import Brain
    from memex.ingest.pipeline import Indexer
    from memex.store import documents as docs
    from memex.store.db import write_tx

    with Brain.open(home, embedder=EMBEDDER) as brain:
        with write_tx(brain.conn):
            sid = docs.add_source(brain.conn, str(vault.absolute()))
        with Indexer(brain.conn, brain.settings, embedder) as ix:
            return ix.sync_source(sid, vault)


def test_embedder_failing_mid_batch_stores_nothing_partial_and_a_rerun_converges(tmp_path: Path):
    from memex.embed.hashing import HashEmbedder

    vault, home, ref = tmp_path / "vault", tmp_path / "home", tmp_path / "ref"
    make_vault(vault, random.Random(8), 120)
    allowed = {p: {h} for p, h in file_hashes(vault).items()}
    counting = FlakyEmbedder(fail_on=0)
    _index_with(ref, vault, counting)  # the clean run; it also counts the embed() calls (one per group)
    assert counting.calls >= 3, "the vault must span several embedding groups"

    flaky = FlakyEmbedder(fail_on=2)
    report = _index_with(home, vault, flaky)  # the batch goes on past the failing group
    reasons = {r for _, r in report.failed}
    assert reasons == {"embedding failed: RuntimeError: CUDA out of memory (simulated)"}, reasons
    assert 0 < len(report.failed) < len(allowed)
    assert report.added + len(report.failed) == len(allowed)
    assert store_violations(home, allowed) == []  # no document without its vectors
    conn = sqlite3.connect(home / "memex.db")
    try:
        stored = {r[0] for r in conn.execute("SELECT path FROM documents")}
        recorded = {r[0]: r[1] for r in conn.execute("SELECT path, reason FROM failures")}
    finally:
        conn.close()
    failed = {p for p, _ in report.failed}
    assert not stored & failed and len(stored) == report.added
    assert set(recorded) == failed  # `memex status` lists them with the reason

    again = _index_with(home, vault, HashEmbedder(64))  # the model works again: the next sync retries
    assert not again.failed and again.added == len(failed)
    assert store_violations(home, allowed) == []
    assert dump(home) == dump(ref)


# ---- DUR-08 under SIGKILL: the process dies while the embedder is failing --------------------------------
_FLAKY_SYNC = """
import sys
from pathlib import Path
from memex.app import Brain
from memex.embed.hashing import HashEmbedder
from memex.ingest.pipeline import Indexer
from memex.store import documents as docs
from memex.store.db import write_tx

class Flaky(HashEmbedder):
    calls = 0
    def embed(self, texts):
        Flaky.calls += 1
        if Flaky.calls % 2 == 1:  # the first embedding group fails, then every other one
            raise RuntimeError("model crashed (simulated)")
        return super().embed(texts)

home, vault = Path(sys.argv[1]), Path(sys.argv[2])
with Brain.open(home, embedder="hash:64") as brain:
    with write_tx(brain.conn):
        sid = docs.add_source(brain.conn, str(vault.absolute()))
    with Indexer(brain.conn, brain.settings, Flaky(64)) as ix:
        ix.sync_source(sid, vault)
"""


@pytest.mark.timeout(180)
@pytest.mark.parametrize("seed", [31, 32, 33])
def test_kill9_while_the_embedder_is_failing_then_a_working_sync_converges(seed: int, tmp_path: Path):
    """Half the embedding groups fail (the first one included, so any committed note means a failure has
    happened) and the process is killed mid-run: nothing half-written; the next sync with a working model
    indexes everything, records no failure and equals a clean run."""
    from memex.embed.hashing import HashEmbedder

    rng = random.Random(seed)
    vault, home, ref = tmp_path / "vault", tmp_path / "home", tmp_path / "ref"
    make_vault(vault, rng, 120)
    allowed = {p: {h} for p, h in file_hashes(vault).items()}
    _index_with(ref, vault, HashEmbedder(64))
    target = rng.randint(1, 30)  # kill once this many documents are committed (after a failed group)
    proc = subprocess.Popen([sys.executable, "-c", _FLAKY_SYNC, str(home), str(vault)], env=cli_env(),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while proc.poll() is None and time.monotonic() < deadline and count_docs(home) < target:
        time.sleep(0.001)
    killed = proc.poll() is None
    if killed:
        proc.send_signal(signal.SIGKILL)
    _, err = proc.communicate(timeout=60)
    note_stderr(err)
    TALLY["kills" if killed else "finished_before_kill"] += 1
    assert killed or proc.returncode == 0, err[-2000:]
    assert store_violations(home, allowed) == []  # every stored note is whole, with its vectors
    with sqlite3.connect(home / "memex.db") as conn:
        stored = {r[0] for r in conn.execute("SELECT path FROM documents")}
        failed = {r[0]: r[1] for r in conn.execute("SELECT path, reason FROM failures")}
    assert not stored & set(failed), "a note is both stored and recorded as failed"
    assert set(failed.values()) <= {"embedding failed: RuntimeError: model crashed (simulated)"}
    assert not killed or stored, "killed before the first group was written"

    again = _index_with(home, vault, HashEmbedder(64))  # the model works again
    assert not again.failed
    assert store_violations(home, allowed) == []
    with sqlite3.connect(home / "memex.db") as conn:
        assert conn.execute("SELECT count(*) FROM failures").fetchone()[0] == 0
    assert dump(home) == dump(ref)


# ---- DUR-09: kill -9 during a schema migration ----------------------------------------------------------
def _schema(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'")}


def _schemas_by_version() -> list[set[str]]:
    """The schema objects after 0, 1, ..., n migrations (on an in-memory database)."""
    from memex.store.migrations import MIGRATIONS
    conn = sqlite3.connect(":memory:", isolation_level=None)
    out = [_schema(conn)]
    for step in MIGRATIONS:
        step(conn)
        out.append(_schema(conn))
    conn.close()
    return out


def _db_at_version(path: Path, version: int) -> None:
    """A store that an older Memex left at schema `version` (each migration in its own transaction)."""
    from memex.store.migrations import MIGRATIONS
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    for i in range(version):
        conn.execute("BEGIN IMMEDIATE")
        MIGRATIONS[i](conn)
        conn.execute(f"PRAGMA user_version={i + 1}")
        conn.execute("COMMIT")
    conn.close()


# The child opens the store the way every `memex` command does. With SLOW set, each real migration step
# is followed by a pause inside its transaction (after its tables exist, before user_version moves), so
# the kill lands in the window where a migration that is not one transaction would be half-applied.
_MIGRATOR = """
import os, sys, time
from pathlib import Path
import memex.store.migrations as m
if os.environ.get("SLOW"):
    def slow(step):
        def run(conn):
            step(conn)
            print("step", step.__name__, flush=True)
            time.sleep(5)
        return run
    m.MIGRATIONS[:] = [slow(s) for s in m.MIGRATIONS]
from memex.store.db import connect
connect(Path(sys.argv[1])).close()
print("done", flush=True)
"""


@pytest.mark.parametrize("start", ["n-1", "n-3"])
def test_kill9_during_migration_never_leaves_a_half_migrated_store(tmp_path: Path, start: str):
    schemas = _schemas_by_version()
    n = len(schemas) - 1
    first = n - int(start[2:])
    rng = random.Random(f"migrate-{start}")
    trials = 6
    for trial in range(trials):
        db = tmp_path / f"t{trial}" / "memex.db"
        db.parent.mkdir()
        _db_at_version(db, first)
        slow = trial % 2 == 0
        env = cli_env() | ({"SLOW": "1"} if slow else {})
        proc = subprocess.Popen([sys.executable, "-c", _MIGRATOR, str(db)], env=env, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)
        if slow:  # kill inside the j-th pending migration's transaction
            target = rng.randint(1, n - first)
            for _ in range(target):
                line = proc.stdout.readline()
                assert line.startswith("step"), (line, proc.stderr.read() if proc.poll() is not None else "")
        else:  # a random moment: before, during or after the migrations
            time.sleep(rng.uniform(0.05, 0.6))
        finished = proc.poll() is not None
        proc.send_signal(signal.SIGKILL)
        _, err = proc.communicate(timeout=30)
        note_stderr(err)
        TALLY["migration_kills"] += not finished
        conn = sqlite3.connect(db)
        try:
            assert [r[0] for r in conn.execute("PRAGMA integrity_check")] == ["ok"]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            assert first <= version <= n
            # Exactly the objects of the migrations that user_version says ran: never a half-applied one.
            assert _schema(conn) == schemas[version], (trial, version, _schema(conn) ^ schemas[version])
        finally:
            conn.close()
        if slow:
            assert version == first + target - 1, "the killed migration must have rolled back"
        from memex.store.db import connect
        conn2 = connect(db)  # the next start finishes the migrations
        try:
            assert conn2.execute("PRAGMA user_version").fetchone()[0] == n
            assert _schema(conn2) == schemas[n]
        finally:
            conn2.close()
    TALLY["migration_trials"] += trials


# ---- DUR-12: deleted or renamed notes, queried before any re-scan -----------------------------------------
def _notes(vault: Path) -> None:
    vault.mkdir()
    (vault / "a.md").write_text("# Alpha\n\nThe quokkazed harbour ledger is kept here.\n", encoding="utf-8")
    (vault / "b.md").write_text("# Beta\n\nThe wombatyx harbour lantern glows at night.\n", encoding="utf-8")
    for i in range(6):
        (vault / f"n{i}.md").write_text(f"# Note {i}\n\nAn ordinary harbour note number {i}.\n", encoding="utf-8")


def test_deleted_and_renamed_notes_are_never_returned_as_live_sources(tmp_path: Path):
    from memex.app import Brain

    vault = tmp_path / "vault"
    _notes(vault)
    with Brain.open(tmp_path / "home", embedder=EMBEDDER) as brain:
        brain.add([vault])
        a, b, c = (str((vault / n).absolute()) for n in ("a.md", "b.md", "c.md"))
        assert any(h.path == a for h in brain.search("quokkazed", k=3))
        (vault / "a.md").unlink()
        (vault / "b.md").rename(vault / "c.md")
        for query in ("quokkazed", "wombatyx", "quokkazed wombatyx harbour"):
            paths = {h.path for h in brain.search(query, k=5)}
            assert not paths & {a, b}, (query, paths)
        # k results still come back: missing files are replaced by the next best live ones.
        hits = brain.search("harbour", k=6)
        assert len(hits) == 6 and all(Path(h.path).exists() for h in hits)
        for question in ("What is the quokkazed ledger?", "Where does the wombatyx lantern glow?"):
            answer = brain.ask(question)
            cited = {x.path for x in answer.citations}
            assert not cited & {a, b}, (question, cited)
            assert "quokkazed" not in answer.answer and "wombatyx" not in answer.answer
        report = brain.sync()
        assert report.removed == 1 and report.moved == 1
        paths = [h.path for h in brain.search("wombatyx", k=5)]
        assert paths[0] == c and paths.count(c) == 1 and b not in paths  # one document, not two
        assert brain.status()["documents"] == 7
        # A single file added as its own source, then deleted: its folder is there, so it is gone too.
        single = tmp_path / "single.md"
        single.write_text("# Single\n\nThe okapirex note stands alone.\n", encoding="utf-8")
        brain.add([single])
        assert brain.search("okapirex", k=1)[0].path == str(single.absolute())
        single.unlink()
        assert str(single.absolute()) not in {h.path for h in brain.search("okapirex", k=5)}


def test_notes_of_an_unmounted_source_folder_stay_searchable(tmp_path: Path):
    """As sync keeps the notes of a missing source folder (an unplugged drive), search keeps them too."""
    from memex.app import Brain

    vault = tmp_path / "vault"
    _notes(vault)
    with Brain.open(tmp_path / "home", embedder=EMBEDDER) as brain:
        brain.add([vault])
        vault.rename(tmp_path / "unplugged")
        assert brain.search("quokkazed", k=1)[0].path == str((vault / "a.md").absolute())


# ---- DUR-16: the inotify watch limit -------------------------------------------------------------------
def _enospc(*_a: object, **_k: object) -> None:
    raise OSError(errno.ENOSPC, "inotify watch limit reached")


def _found(brain: Any, i: int) -> bool:
    return any(h.path.endswith(f"late{i}.md") for h in brain.search(f"capybarix{i}", k=3))


@pytest.mark.parametrize("broken", ["inotify", "inotify+polling"])
def test_watch_limit_falls_back_warns_once_and_keeps_syncing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                             broken: str):
    from watchdog.observers import Observer
    from watchdog.observers.polling import PollingObserver

    from memex.app import Brain
    from memex.ingest.watch import watch

    monkeypatch.setattr(Observer, "schedule", _enospc)  # the third-party boundary: the kernel said no
    if broken == "inotify+polling":
        monkeypatch.setattr(PollingObserver, "schedule", _enospc)
    vault = tmp_path / "vault"
    _notes(vault)
    warnings: list[str] = []
    stop = threading.Event()
    with Brain.open(tmp_path / "home", embedder=EMBEDDER) as brain:
        brain.add([vault])
        # With polling, no re-scan within the test: the poller itself must see the change.
        rescan_s = 3600.0 if broken == "inotify" else 1.5
        t = threading.Thread(target=watch, args=([vault], brain.sync), daemon=True,
                             kwargs={"debounce_s": 0.2, "rescan_s": rescan_s, "stop": stop,
                                     "warn": warnings.append})
        t.start()
        try:
            for i in range(2):
                time.sleep(0.5)
                (vault / f"late{i}.md").write_text(f"# Late\n\nA capybarix{i} arrived late.\n", encoding="utf-8")
                end = time.monotonic() + 15
                while time.monotonic() < end and not _found(brain, i):
                    time.sleep(0.2)
                assert _found(brain, i), (broken, warnings)
            assert t.is_alive()
        finally:
            stop.set()
            t.join(timeout=10)
    assert not t.is_alive()
    assert len(warnings) == 1 and "inotify watch limit reached" in warnings[0], warnings
    assert ("polling every" in warnings[0]) == (broken == "inotify")
    assert ("re-scan only" in warnings[0]) == (broken == "inotify+polling")


# ---- DUR-05 (data dir) and DUR-06 (via `status`) ---------------------------------------------------------
def test_leftover_temp_files_in_the_home_are_ignored(tmp_path: Path):
    vault, home = tmp_path / "vault", tmp_path / "home"
    _notes(vault)
    assert run_cli(home, "add", str(vault)).returncode == 0
    run_cli(home, "search", "harbour")  # writes the vector cache
    (home / "memex.db.tmp").write_bytes(b"half a file")
    (home / ".atomicwrite-memex").write_bytes(b"junk")
    cache = next((home / "cache").glob("vectors-*.bin"))
    (cache.parent / (cache.stem + ".tmp4242")).write_bytes(b"half a cache")
    r = run_cli(home, "search", "quokkazed", "--json")
    note_stderr(r.stderr)
    assert r.returncode == 0 and "a.md" in r.stdout, r.stderr
    assert not list(cache.parent.glob("*.tmp*")), "a kill's leftover cache temp file outlived the next open"
    s = run_cli(home, "status")
    assert s.returncode == 0, s.stderr


def test_corrupt_database_header_fails_status_and_is_left_untouched(tmp_path: Path):
    vault, home = tmp_path / "vault", tmp_path / "home"
    _notes(vault)
    assert run_cli(home, "add", str(vault)).returncode == 0
    db = home / "memex.db"
    data = bytearray(db.read_bytes())
    data[:16] = b"NOT A SQLITE DB\x00"
    db.write_bytes(bytes(data))
    before = db.read_bytes()
    for args in (["status"], ["search", "harbour"], ["sync"]):
        r = run_cli(home, *args)
        note_stderr(r.stderr)
        assert r.returncode == 1 and "Traceback" not in r.stderr, r.stderr
        lines = [x for x in r.stderr.splitlines() if x.strip()]
        assert len(lines) == 1 and "corrupt" in lines[0] and str(db) in lines[0], r.stderr
        assert "memex check" in lines[0] and "backup" in lines[0]
        assert db.read_bytes() == before, f"`memex {args[0]}` rewrote the damaged store"
