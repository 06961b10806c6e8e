"""`memex watch`: file events trigger a debounced incremental sync; the periodic re-scan backs them up."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from memex.app import Brain
from memex.ingest.watch import watch


def _wait(cond, timeout: float = 20.0) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if cond():
            return True
        time.sleep(0.1)
    return False


def test_watch_picks_up_create_edit_delete(tmp_path: Path):
    vault = tmp_path / "v"
    vault.mkdir()
    (vault / "a.md").write_text("# A\n\nApples are red.\n", encoding="utf-8")
    brain = Brain.open(tmp_path / "home", embedder="hash:256")
    brain.add([vault])
    syncs = []
    stop = threading.Event()

    def do_sync():
        syncs.append(brain.sync())

    t = threading.Thread(target=watch, args=([vault], do_sync), kwargs={"debounce_s": 0.3, "rescan_s": 3600,
                                                                       "stop": stop}, daemon=True)
    t.start()
    try:
        time.sleep(0.5)
        (vault / "b.md").write_text("# B\n\nBananas are yellow.\n", encoding="utf-8")
        assert _wait(lambda: any("b.md" in h.path for h in brain.search("bananas yellow", k=3)))
        (vault / "a.md").write_text("# A\n\nApples are green now.\n", encoding="utf-8")
        assert _wait(lambda: "green" in brain.search("apples", k=1)[0].text)
        (vault / "b.md").unlink()
        # search hides a deleted file at once; the watcher's sync must also remove its document
        assert _wait(lambda: brain.status()["documents"] == 1)
        # Debounced: a burst of writes to one file is one sync, not one per write.
        before = len(syncs)
        for i in range(10):
            (vault / "c.md").write_text(f"# C\n\nVersion {i} of cherries.\n", encoding="utf-8")
        assert _wait(lambda: any("c.md" in h.path for h in brain.search("cherries", k=3)))
        time.sleep(1.0)
        assert len(syncs) - before <= 3
    finally:
        stop.set()
        t.join(timeout=10)
        brain.close()


def test_periodic_rescan_catches_missed_events(tmp_path: Path):
    """Even with no events at all (e.g. an overflowed inotify queue), the re-scan syncs."""
    calls = []
    stop = threading.Event()
    empty = tmp_path / "quiet"
    empty.mkdir()
    t = threading.Thread(target=watch, args=([empty], lambda: calls.append(1)),
                         kwargs={"debounce_s": 0.1, "rescan_s": 0.5, "stop": stop}, daemon=True)
    t.start()
    try:
        assert _wait(lambda: len(calls) >= 2, timeout=10)
    finally:
        stop.set()
        t.join(timeout=10)


def test_watch_cli_runs_and_stops_on_interrupt(tmp_path: Path):
    vault = tmp_path / "v"
    vault.mkdir()
    (vault / "a.md").write_text("# A\n\nHello there.\n", encoding="utf-8")
    # PYTHONFAULTHANDLER: if watch ever fails to stop, SIGABRT makes it print every thread's stack (below).
    env = dict(os.environ, MEMEX_EMBEDDER="hash:256", MEMEX_HOME=str(tmp_path / "home"), PYTHONFAULTHANDLER="1")
    cmd = [sys.executable, "-m", "memex.interfaces.cli"]
    subprocess.run([*cmd, "add", str(vault), "--json"], check=True, env=env, capture_output=True, timeout=120)
    # Ctrl-C as a terminal delivers it: a test run started as a background job of a non-interactive shell
    # (`cmd &`, as CI scripts do) inherits SIGINT *ignored*, and Python then never raises KeyboardInterrupt.
    p = subprocess.Popen([*cmd, "watch", "--debounce", "0.2"], env=env, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True,
                         preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        time.sleep(3)
        (vault / "new.md").write_text("# New\n\nWatched words about otters.\n", encoding="utf-8")

        def found() -> bool:
            out = subprocess.run([*cmd, "search", "otters", "--json"], env=env, capture_output=True, text=True)
            return "new.md" in out.stdout
        assert _wait(found, timeout=30)
    finally:
        p.send_signal(signal.SIGINT)
        try:
            out, err = p.communicate(timeout=40)
        except subprocess.TimeoutExpired:
            p.send_signal(signal.SIGABRT)
            out, err = p.communicate(timeout=20)
            pytest.fail(f"memex watch did not stop within 40 s of Ctrl-C; its threads:\n{err}")
    assert p.returncode in (0, 130), err
    assert "Watching 1 source" in err
