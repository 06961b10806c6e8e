"""LOAD-01/03: 8 writers (CLI syncs, the watcher, REST uploads, MCP add_note) and 50 readers on one home.

Pass means: zero "database is locked", zero lost writes (everything a writer was told is saved is there at
the end), and no reader ever sees half a document (each snapshot check and each search hit is complete).
MEMEX_CONCURRENCY_S sets the run length (default 12 s; 25 s in make test-reliability).
"""
from __future__ import annotations

import hashlib
import json
import os
import random
import socket
import sqlite3
import threading
import time
from collections import Counter
from pathlib import Path

import httpx
import pytest

from .crash_harness import (
    EMBEDDER,
    cli_env,
    doc_violations,
    make_vault,
    run_cli,
    start_cli,
    store_violations,
    write_note,
)
from .tally import FULL, TALLY

SECONDS = float(os.environ.get("MEMEX_CONCURRENCY_S", "25" if FULL else "12"))
CLI_WRITERS = 5
SNAPSHOT_READERS, SEARCH_READERS, API_READERS = 40, 6, 2  # + 1 MCP reader + 1 CLI search reader = 50


class Run:
    """Shared state of one concurrency run."""

    def __init__(self, home: Path, vault: Path) -> None:
        self.home, self.vault = home, vault
        self.stop = threading.Event()
        self.lock = threading.Lock()
        self.errors: list[str] = []
        self.half: list[str] = []
        self.counts: Counter[str] = Counter()
        self.acked_files: dict[str, str | None] = {}  # path -> hash (None: deleted) a writer was told is saved

    def error(self, where: str, text: str) -> None:
        with self.lock:
            self.errors.append(f"{where}: {text[-500:]}")
            if "database is locked" in text:
                self.counts["locked"] += 1

    def ack(self, kind: str, states: dict[str, str | None]) -> None:
        with self.lock:
            self.acked_files.update(states)
            self.counts["writer_ops"] += 1
            self.counts[kind] += 1


def _hashes(folder: Path) -> dict[str, str]:
    return {str(p): hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.glob("*") if p.is_file()}


def cli_writer(run: Run, i: int) -> None:
    """Change own files, then `memex sync` / `memex add`; what was on disk before the run is acked."""
    rng = random.Random(i)
    own = run.vault / f"writer{i}"
    own.mkdir()
    known: set[str] = set()
    k = 0
    while not run.stop.is_set():
        action = rng.random()
        files = sorted(own.glob("*.md"))
        if action < 0.5 or not files:
            write_note(own / f"w{i}-{k}.md", rng, k)
        elif action < 0.85:
            write_note(rng.choice(files), rng, k)
        else:
            rng.choice(files).unlink()
        k += 1
        state: dict[str, str | None] = dict(_hashes(own))
        state.update({p: None for p in known - state.keys()})
        known |= state.keys()
        args = ["sync", "--json"] if k % 2 else ["add", str(own), "--json"]
        r = run_cli(run.home, *args, timeout=120)
        if r.returncode != 0 or "Traceback" in r.stderr or "locked" in r.stderr:
            run.error(f"cli writer {i}", r.stderr)
            continue
        failed = [f for f in json.loads(r.stdout)["failed"] if f["path"].startswith(str(own))]
        if failed:
            run.error(f"cli writer {i}", f"failed files: {failed}")
            continue
        run.ack("cli", state)


def watch_writer(run: Run) -> None:
    """Change files in a folder the running `memex watch` picks up (checked after the run settles)."""
    rng = random.Random(99)
    own = run.vault / "watched"
    own.mkdir()
    k = 0
    while not run.stop.is_set():
        write_note(own / f"watched-{k % 6}.md", rng, k)
        k += 1
        run.counts["watch_changes"] += 1
        run.stop.wait(0.4)


def api_writer(run: Run, base: str, token: str) -> None:
    """Upload notes through the REST API; a 200 means stored and indexed."""
    rng = random.Random(7)
    headers = {"Authorization": f"Bearer {token}"}
    with httpx.Client(base_url=base, headers=headers, timeout=120) as client:
        k = 0
        while not run.stop.is_set():
            body = f"# Upload {k}\n\nUploaded through the API: {' '.join(rng.choice('abcdef') * 4 for _ in range(30))}.\n\nClosing line zzendupload{k}.\n"
            try:
                r = client.post("/documents", files={"file": (f"upload-{k}.md", body.encode(), "text/markdown")})
            except httpx.HTTPError as e:
                run.error("api writer", repr(e))
                continue
            if r.status_code != 200:
                run.error("api writer", f"{r.status_code} {r.text}")
            else:
                run.ack("api", {r.json()["stored_as"]: hashlib.sha256(body.encode()).hexdigest()})
            if k % 5 == 4:
                s = client.post("/sync", json={})
                if s.status_code != 200:
                    run.error("api sync", f"{s.status_code} {s.text}")
            k += 1


def mcp_client(run: Run) -> None:
    """A real `memex mcp` stdio server: add_note (a writer) and search_notes (a reader), alternating."""
    import anyio
    from mcp import ClientSession, StdioServerParameters, stdio_client

    from .crash_harness import CLI

    async def session() -> None:
        params = StdioServerParameters(command=CLI[0], args=[*CLI[1:], "mcp", "--home", str(run.home)],
                                       env=cli_env())
        with open(run.home / "mcp-stderr.log", "w") as errlog:
            async with stdio_client(params, errlog=errlog) as (read, write), ClientSession(read, write) as s:
                await s.initialize()
                k = 0
                while not run.stop.is_set():
                    content = f"MCP note {k} about quarry lantern number {k}. Closing line zzendmcp{k}."
                    res = await s.call_tool("add_note", {"title": f"mcp {k}", "content": content})
                    if res.is_error:
                        run.error("mcp add_note", str(res.content))
                    else:
                        out = res.structured_content or json.loads(res.content[0].text)
                        body = Path(out["stored_as"]).read_bytes()  # front matter + "# title" + the content
                        if f"# mcp {k}\n\n{content}\n".encode() not in body:
                            run.error("mcp add_note", f"{out['stored_as']} does not hold the note as sent")
                        run.ack("mcp", {out["stored_as"]: hashlib.sha256(body).hexdigest()})
                    hits = await s.call_tool("search_notes", {"query": "quarry lantern", "k": 5})
                    if hits.is_error:
                        run.error("mcp search", str(hits.content))
                    else:
                        run.counts["reader_checks"] += 1
                    k += 1

    try:
        anyio.run(session)
    except Exception as e:  # noqa: BLE001 - reported as a failure of the run
        run.error("mcp client", repr(e))


def snapshot_reader(run: Run) -> None:
    """In one read transaction, every document has all its chunks, vectors and FTS rows."""
    conn = sqlite3.connect(run.home / "memex.db", timeout=30)
    try:
        while not run.stop.is_set():
            try:
                bad = doc_violations(conn)
            except sqlite3.Error as e:
                run.error("snapshot reader", str(e))
                continue
            with run.lock:
                run.counts["reader_checks"] += 1
                run.half += bad
            time.sleep(0.01)
    finally:
        conn.close()


def search_reader(run: Run, i: int) -> None:
    """Search through a Brain of its own; every hit's document must be complete (or already gone)."""
    from memex.app import Brain

    rng = random.Random(1000 + i)
    words = "alpha harbour lantern quarry ledger willow orchard saffron".split()
    with Brain.open(run.home, embedder=EMBEDDER) as brain:
        while not run.stop.is_set():
            try:
                hits = brain.search(" ".join(rng.sample(words, 2)), k=5)
                with sqlite3.connect(run.home / "memex.db", timeout=30) as conn:
                    bad = [v for v in doc_violations(conn) if any(Path(h.path).name in v for h in hits)]
            except Exception as e:  # noqa: BLE001 - any error is a finding
                run.error(f"search reader {i}", repr(e))
                continue
            with run.lock:
                run.counts["reader_checks"] += 1
                run.half += bad


def api_reader(run: Run, base: str, token: str) -> None:
    with httpx.Client(base_url=base, headers={"Authorization": f"Bearer {token}"}, timeout=60) as client:
        while not run.stop.is_set():
            r = client.post("/search", json={"query": "uploaded lantern", "k": 5})
            if r.status_code != 200:
                run.error("api reader", f"{r.status_code} {r.text}")
            else:
                run.counts["reader_checks"] += 1


def cli_reader(run: Run) -> None:
    while not run.stop.is_set():
        r = run_cli(run.home, "search", "harbour ledger", "--json")
        if r.returncode != 0:
            run.error("cli reader", r.stderr)
        else:
            run.counts["reader_checks"] += 1


def wal_watcher(run: Run) -> None:
    """LOAD-05: with readers always open, checkpoints must still keep the -wal file bounded."""
    wal = run.home / "memex.db-wal"
    while not run.stop.is_set():
        try:
            run.counts["wal_peak_kb"] = max(run.counts["wal_peak_kb"], wal.stat().st_size // 1024)
        except OSError:
            pass
        time.sleep(0.05)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.timeout(int(SECONDS) + 240)
def test_writers_and_readers_on_one_home(tmp_path: Path):
    vault, home = tmp_path / "vault", tmp_path / "home"
    make_vault(vault, random.Random(3), 30)
    home.mkdir()
    (home / "config.toml").write_text(
        f'embedder = "{EMBEDDER}"\nwatch_debounce_s = 0.3\nwatch_rescan_s = 5\nmcp_write_tools = true\n'
        "mcp_rate_per_minute = 1000000\nmcp_rate_burst = 1000000\napi_rate_per_minute = 1000000\n"
        "api_rate_burst = 1000000\n")
    assert run_cli(home, "add", str(vault), "--json").returncode == 0
    from memex.interfaces.api.security import load_or_create_token
    token = load_or_create_token(home)
    port = _free_port()
    server = start_cli(home, "serve", "--port", str(port))
    watcher = start_cli(home, "watch")
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            if httpx.get(f"{base}/health", timeout=2).status_code == 200:
                break
        except httpx.HTTPError:
            pass
        assert time.monotonic() < deadline and server.poll() is None, "API server did not start"
        time.sleep(0.2)

    run = Run(home, vault)
    threads = [threading.Thread(target=cli_writer, args=(run, i)) for i in range(CLI_WRITERS)]
    threads += [threading.Thread(target=watch_writer, args=(run,)),
                threading.Thread(target=api_writer, args=(run, base, token)),
                threading.Thread(target=mcp_client, args=(run,))]
    threads += [threading.Thread(target=snapshot_reader, args=(run,)) for _ in range(SNAPSHOT_READERS)]
    threads += [threading.Thread(target=search_reader, args=(run, i)) for i in range(SEARCH_READERS)]
    threads += [threading.Thread(target=api_reader, args=(run, base, token)) for _ in range(API_READERS)]
    threads += [threading.Thread(target=cli_reader, args=(run,)), threading.Thread(target=wal_watcher, args=(run,))]
    for t in threads:
        t.start()
    time.sleep(SECONDS)
    # On a loaded machine (CI neighbours) a CLI sync can take seconds to start: give the writers and
    # readers up to 3x longer to reach the minimum workload asserted below, rather than fail on speed.
    deadline = time.monotonic() + 2 * SECONDS
    while (run.counts["writer_ops"] < 8 or run.counts["reader_checks"] < 50) and time.monotonic() < deadline:
        time.sleep(0.5)
    run.stop.set()
    for t in threads:
        t.join(timeout=180)
    assert not any(t.is_alive() for t in threads), "a worker thread hung"

    # The watcher catches up with the last changes in its folder (debounce 0.3 s, rescan 5 s).
    watched = _hashes(vault / "watched")
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        with sqlite3.connect(home / "memex.db", timeout=30) as conn:
            stored = dict(conn.execute("SELECT path, content_hash FROM documents"))
        if all(stored.get(p) == h for p, h in watched.items()):
            break
        time.sleep(0.5)
    watcher.terminate()
    server.terminate()
    outs = [p.communicate(timeout=30) for p in (watcher, server)]
    for name, (_, err) in zip(("watcher", "server"), outs, strict=True):
        if "Traceback" in err or "database is locked" in err:
            run.error(name, err)
    mcp_err = (home / "mcp-stderr.log").read_text() if (home / "mcp-stderr.log").exists() else ""
    if "database is locked" in mcp_err or "Traceback" in mcp_err:
        run.error("mcp server", mcp_err)

    with sqlite3.connect(home / "memex.db", timeout=30) as conn:
        stored = dict(conn.execute("SELECT path, content_hash FROM documents"))
    lost = [p for p, h in run.acked_files.items() if stored.get(p) != h]
    lost += [f"(watched) {p}" for p, h in watched.items() if stored.get(p) != h]
    TALLY["writer_ops"] += run.counts["writer_ops"]
    for kind in ("cli", "api", "mcp"):
        TALLY[f"writer_ops_{kind}"] += run.counts[kind]
    TALLY["watch_changes"] += run.counts["watch_changes"]
    TALLY["wal_peak_mb"] = max(TALLY["wal_peak_mb"], -(-run.counts["wal_peak_kb"] // 1024))
    TALLY["reader_checks"] += run.counts["reader_checks"]
    TALLY["locked_errors"] += run.counts["locked"]
    TALLY["half_documents"] += len(run.half)
    TALLY["lost_writes"] += len(lost)
    TALLY["crashes"] += sum("Traceback" in e for e in run.errors)
    print(f"\nconcurrency: {SECONDS:g} s, {len(threads)} threads + CLI/API/MCP/watch processes; "
          f"{run.counts['writer_ops']} acked writes (cli {run.counts['cli']}, api {run.counts['api']}, "
          f"mcp {run.counts['mcp']}), {run.counts['watch_changes']} watched changes, "
          f"{run.counts['reader_checks']} reader checks; {len(run.errors)} errors, {len(run.half)} half-docs, "
          f"{len(lost)} lost; WAL peak {run.counts['wal_peak_kb']} KB")
    assert run.counts["locked"] == 0
    assert not run.half, run.half[:5]
    assert not run.errors, run.errors[:5]
    assert not lost, lost[:5]
    assert run.counts["writer_ops"] >= 8 and run.counts["reader_checks"] >= 50
    assert run.counts["wal_peak_kb"] < 64 * 1024, f"WAL grew to {run.counts['wal_peak_kb'] // 1024} MB"
    assert store_violations(home) == []
    check = run_cli(home, "check", "--json")
    assert check.returncode == 0, check.stdout + check.stderr
