"""DUR-02/03/04: SIGKILL the real `memex add`/`memex sync` at random points; the store stays consistent.

Each trial is seeded (MEMEX_CRASH_SEED + trial number; the seed is in the test id) so a failure replays.
"""
from __future__ import annotations

import json
import os
import random
import time
from pathlib import Path

import pytest

from .crash_harness import (
    cache_violations,
    dump,
    file_hashes,
    make_vault,
    mutate_vault,
    open_db,
    run_and_kill,
    run_cli,
    store_violations,
)
from .tally import TALLY, crash_trials, note_stderr

BASE_SEED = int(os.environ.get("MEMEX_CRASH_SEED", "20260"))


def _timed_add(home: Path, vault: Path) -> float:
    t0 = time.monotonic()
    r = run_cli(home, "add", str(vault), "--json")
    note_stderr(r.stderr)
    assert r.returncode == 0, r.stderr[-2000:]
    assert not json.loads(r.stdout)["failed"]
    return time.monotonic() - t0


def _chunks(home: Path) -> int:
    conn = open_db(home)
    try:
        return int(conn.execute("SELECT count(*) FROM chunks").fetchone()[0])
    finally:
        conn.close()


def _registered(home: Path, vault: Path) -> bool:
    if not (home / "memex.db").exists():
        return False
    conn = open_db(home)
    try:
        return conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'sources'").fetchone() is not None and \
            conn.execute("SELECT 1 FROM sources WHERE path = ?", (str(vault),)).fetchone() is not None
    finally:
        conn.close()


@pytest.mark.timeout(240)
@pytest.mark.parametrize("seed", [BASE_SEED + i for i in range(crash_trials())])
def test_kill9_during_ingest_keeps_store_consistent(seed: int, tmp_path: Path):
    rng = random.Random(seed)
    vault, home, ref = tmp_path / "vault", tmp_path / "home", tmp_path / "ref"
    n_files = rng.randint(16, 32)
    make_vault(vault, rng, n_files)
    scenario = "sync-after-edits" if seed % 3 == 2 else "add"
    violations: list[str] = []
    if scenario == "add":
        est = _timed_add(ref, vault)  # the clean run the interrupted one must end up equal to
        allowed = {p: {h} for p, h in file_hashes(vault).items()}
    else:
        est = _timed_add(home, vault)
        before = file_hashes(vault)
        mutate_vault(vault, rng)
        allowed = {p: {h} for p, h in file_hashes(vault).items()}
        for p, h in before.items():
            allowed.setdefault(p, set()).add(h)
    n_chunks = _chunks(ref if scenario == "add" else home)  # a clean run's count: kill points inside it
    TALLY["trials"] += 1
    for k in range(rng.randint(1, 3)):
        args = ["add", str(vault), "--json"] if scenario == "add" and k == 0 else ["sync", "--json"]
        if args[0] == "sync" and not _registered(home, vault):
            args = ["add", str(vault), "--json"]  # killed before the source row committed
        result = run_and_kill(home, args, rng, len(allowed), n_chunks, est)
        TALLY["kills" if result.killed else "finished_before_kill"] += 1
        TALLY["orphan_workers"] += result.orphans
        note_stderr(result.stderr)
        if result.orphans:
            violations.append(f"kill {k}: {result.orphans} parser worker(s) outlived the CLI")
        violations += [f"kill {k} (at {result.at_docs} docs): {v}" for v in store_violations(home, allowed)]
        cache = cache_violations(home)
        TALLY["cache_rejected"] += cache.state == "rejected"
        TALLY["stale_temp_files"] += cache.stale_temp_files
        violations += [f"kill {k}: {v}" for v in cache.violations]

    # The next run finishes the work: everything indexed, nothing failed, equal to a clean run.
    final = run_cli(home, "sync" if _registered(home, vault) else "add", *([] if _registered(home, vault)
                                                                          else [str(vault)]), "--json")
    note_stderr(final.stderr)
    assert final.returncode == 0, final.stderr[-2000:]
    report = json.loads(final.stdout)
    if report["failed"]:
        violations.append(f"final sync failed files: {report['failed']}")
    now = file_hashes(vault)
    violations += [f"after final sync: {v}" for v in store_violations(home, {p: {h} for p, h in now.items()})]
    violations += [f"after final sync: {v}" for v in cache_violations(home).violations]
    if scenario != "add":
        _timed_add(ref, vault)
    got, want = dump(home), dump(ref)
    if [d[0] for d in got] != [d[0] for d in want]:
        missing = sorted({d[0] for d in want} - {d[0] for d in got})
        extra = sorted({d[0] for d in got} - {d[0] for d in want})
        violations.append(f"documents differ from a clean run: missing {missing[:3]}, extra {extra[:3]}")
    elif got != want:
        diff = [g[0] for g, w in zip(got, want, strict=True) if g != w]
        violations.append(f"{len(diff)} document(s) differ from a clean run, e.g. {Path(diff[0]).name}")
    TALLY["failures"] += len(violations)
    assert not violations, f"seed {seed} ({scenario}):\n" + "\n".join(violations)
