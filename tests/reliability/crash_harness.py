"""Kill -9 harness: run the real `memex` CLI on a generated vault, SIGKILL it at random points, check invariants.

Invariants after every kill (reliability.md DUR-02/03/04):
- PRAGMA integrity_check is ok;
- every document is complete or absent: >= 1 chunk, ordinals 0..n-1, one vector per chunk, one FTS row
  per chunk, and its last chunk ends with the note's end marker; no orphan chunks, vectors or FTS rows;
- every stored document is a whole version of its file (its hash is one the test wrote);
- the vector cache file either verifies (and is not ahead of SQLite) or is rejected, and the index a
  Brain builds from it holds exactly the vectors in SQLite;
- no parser worker outlives the killed CLI.
After the last kill, `memex sync` must finish the work with no failures, and the store must equal a
clean, uninterrupted ingest of the same files (same documents, chunk texts and vector checksums).
"""
from __future__ import annotations

import hashlib
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import docx
import numpy as np

SRC = Path(__file__).resolve().parents[2] / "src"
EMBEDDER = "hash:64"
CLI = [sys.executable, "-c", "from memex.interfaces.cli.main import main; main()"]
WORDS = ("alpha beta gamma delta epsilon zeta theta kappa lambda sigma omega river stone cloud ledger "
         "invoice meeting budget harbour lantern orchard quarry saffron tundra velvet willow").split()


def cli_env() -> dict[str, str]:
    """Environment for a `memex` child: our sources importable, the fast model-free embedder."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("MEMEX_")}
    env["MEMEX_EMBEDDER"] = EMBEDDER
    env["PYTHONPATH"] = os.pathsep.join([str(SRC), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    return env


def run_cli(home: Path, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run `memex --home HOME ARGS` to completion."""
    return subprocess.run([*CLI, "--home", str(home), *args], env=cli_env(), capture_output=True, text=True,
                          timeout=timeout)


def start_cli(home: Path, *args: str) -> subprocess.Popen[str]:
    """Start `memex --home HOME ARGS` in the background (stdout/stderr captured)."""
    return subprocess.Popen([*CLI, "--home", str(home), *args], env=cli_env(), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


# ---- the vault ---------------------------------------------------------------------------------------
def _sentence(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def _body(rng: random.Random, key: str) -> list[str]:
    return [" ".join(_sentence(rng, rng.randint(6, 16)) for _ in range(rng.randint(2, 8)))
            for _ in range(rng.randint(1, 10))] + [f"Closing line zzend{key}."]


def write_note(path: Path, rng: random.Random, version: int) -> None:
    """One note (md/txt/html/docx by extension) whose text ends with an end marker naming its version."""
    key = f"{path.stem.replace('-', '')}v{version}"
    paras = _body(rng, key)
    ext = path.suffix
    if ext == ".md":
        text = f"---\ntitle: Note {path.stem}\ntags: [t{len(paras) % 3}]\n---\n# Note {path.stem}\n\n"
        text += "\n\n".join(f"## Part {i}\n\n{p}" if i % 3 == 2 else p for i, p in enumerate(paras))
        path.write_text(text, encoding="utf-8")
    elif ext == ".txt":
        path.write_text("\n\n".join(paras), encoding="utf-8")
    elif ext == ".html":
        body = "".join(f"<p>{p}</p>" for p in paras)
        path.write_text(f"<html><head><title>Page {path.stem}</title></head><body><article><h1>Page "
                        f"{path.stem}</h1>{body}</article></body></html>", encoding="utf-8")
    else:
        d = docx.Document()
        d.add_heading(f"Doc {path.stem}", 1)
        for p in paras:
            d.add_paragraph(p)
        d.save(str(path))


def make_vault(root: Path, rng: random.Random, n_files: int) -> list[Path]:
    """A vault of n_files notes of mixed types in a few folders."""
    kinds = [".md"] * 6 + [".txt"] * 2 + [".html", ".docx"]
    files = []
    for i in range(n_files):
        folder = root / ("" if i % 3 == 0 else f"folder{i % 4}")
        folder.mkdir(parents=True, exist_ok=True)
        f = folder / f"n{i:03d}{rng.choice(kinds)}"
        write_note(f, rng, 0)
        files.append(f)
    return files


def file_hashes(root: Path) -> dict[str, str]:
    """sha256 of every file in the vault, by absolute path."""
    return {str(p.absolute()): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def mutate_vault(root: Path, rng: random.Random) -> None:
    """Edit, delete, rename and add files, as a user between two syncs does."""
    files = sorted(p for p in root.rglob("*") if p.is_file())
    rng.shuffle(files)
    n = len(files)
    for p in files[: n // 4]:
        write_note(p, rng, 1)
    for p in files[n // 4: n // 4 + n // 10]:
        p.unlink()
    for p in [f for f in files[n // 4 + n // 10:] if f.suffix == ".md"][: n // 10]:
        p.rename(p.with_name(f"renamed-{p.name}"))  # front-matter title: a move keeps the same chunks
    for i in range(n // 8):
        write_note(root / f"new{i:02d}.md", rng, 0)


# ---- invariants --------------------------------------------------------------------------------------
def open_db(home: Path) -> sqlite3.Connection:
    """A plain connection (it runs WAL recovery exactly as the next `memex` would)."""
    conn = sqlite3.connect(home / "memex.db", timeout=30)
    conn.execute("PRAGMA busy_timeout=30000")
    return conn


def doc_violations(conn: sqlite3.Connection, allowed: dict[str, set[str]] | None = None) -> list[str]:
    """Every document complete or absent, and (given `allowed`) a whole version of its file."""
    bad: list[str] = []
    if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'documents'").fetchone() is None:
        return bad  # not even the schema committed yet: nothing stored, nothing partial
    conn.execute("BEGIN")
    try:
        rows = conn.execute(
            "SELECT d.id, d.path, d.content_hash, "
            " (SELECT count(*) FROM chunks c WHERE c.doc_id = d.id),"
            " (SELECT coalesce(max(ordinal), -1) FROM chunks c WHERE c.doc_id = d.id),"
            " (SELECT count(*) FROM embeddings e JOIN chunks c ON c.id = e.chunk_id WHERE c.doc_id = d.id),"
            " (SELECT count(*) FROM chunks_fts f JOIN chunks c ON c.id = f.rowid WHERE c.doc_id = d.id),"
            " (SELECT text FROM chunks c WHERE c.doc_id = d.id ORDER BY ordinal DESC LIMIT 1) "
            "FROM documents d").fetchall()
        orphans = conn.execute(
            "SELECT (SELECT count(*) FROM chunks WHERE doc_id NOT IN (SELECT id FROM documents)),"
            " (SELECT count(*) FROM embeddings WHERE chunk_id NOT IN (SELECT id FROM chunks)),"
            " (SELECT count(*) FROM chunks_fts WHERE rowid NOT IN (SELECT id FROM chunks))").fetchone()
    finally:
        conn.execute("COMMIT")
    for doc_id, path, digest, n, top, n_vec, n_fts, last in rows:
        name = Path(path).name
        if n == 0 or top != n - 1 or n_vec != n or n_fts != n:
            bad.append(f"partial document {name}: chunks={n} max_ordinal={top} vectors={n_vec} fts={n_fts}")
        elif "zzend" not in (last or ""):
            bad.append(f"document {name} lacks its last chunk")
        if allowed is not None and digest not in allowed.get(path, ()):
            bad.append(f"document {name} (id {doc_id}) is not a version the test wrote")
    if any(orphans):
        bad.append(f"orphans: chunks={orphans[0]} vectors={orphans[1]} fts={orphans[2]}")
    return bad


def store_violations(home: Path, allowed: dict[str, set[str]] | None = None) -> list[str]:
    """All store invariants: integrity, complete-or-absent documents."""
    if not (home / "memex.db").exists():
        return []  # killed before the store was created: nothing stored, nothing partial
    conn = open_db(home)
    try:
        rows = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        bad = [] if rows == ["ok"] else [f"integrity_check: {rows[:3]}"]
        return bad + doc_violations(conn, allowed)
    finally:
        conn.close()


@dataclass
class CacheCheck:
    """What the vector cache looked like after a kill, and whether the index rebuilt from it is right."""

    state: str  # "missing", "valid", "rejected"
    stale_temp_files: int
    violations: list[str] = field(default_factory=list)


def cache_violations(home: Path) -> CacheCheck:
    """The cache file verifies or is rejected; the index a Brain opens equals SQLite's vectors."""
    from memex.app import Brain
    from memex.store.db import current_seq
    from memex.store.vectors import VectorIndex, cache_file

    brain = Brain.open(home, embedder=EMBEDDER)
    try:
        emb = brain.search_embedder
        path = cache_file(brain.settings.cache_dir, emb.id)
        stale = len([p for p in path.parent.glob("*.tmp*")]) if path.parent.exists() else 0
        raw = VectorIndex(emb.id, emb.dimensions)
        state = "missing" if not path.exists() else ("valid" if raw.load(path) else "rejected")
        check = CacheCheck(state, stale)
        if state == "valid" and raw.seq > current_seq(brain.conn):
            check.violations.append(f"cache ahead of SQLite ({raw.seq} > {current_seq(brain.conn)})")
        idx = brain.index
        left = list(path.parent.glob("*.tmp*")) if path.parent.exists() else []
        if left:  # DUR-05: what a kill during a save leaves must not outlive the next open
            check.violations.append(f"{len(left)} stale cache temp file(s) after opening the index")
        truth = {int(c): v for c, v in brain.conn.execute(
            "SELECT chunk_id, vector FROM embeddings WHERE embedder = ?", (emb.id,))}
        if sorted(idx.ids.tolist()) != sorted(truth):
            check.violations.append(f"vector index ids != SQLite ({len(idx)} vs {len(truth)})")
        else:
            for cid, row in zip(idx.ids.tolist(), idx.matrix, strict=True):
                if not np.array_equal(row, np.frombuffer(truth[cid], dtype="<f4")):
                    check.violations.append(f"vector of chunk {cid} differs from SQLite")
                    break
        return check
    finally:
        brain.close()


def dump(home: Path) -> list[tuple]:
    """Canonical content of a store: what a clean run must reproduce exactly (no ids, times or dates)."""
    conn = open_db(home)
    try:
        out = []
        for doc_id, path, digest, title, parser, meta in conn.execute(
                "SELECT id, path, content_hash, title, parser, metadata FROM documents ORDER BY path"):
            chunks = tuple((o, t, h, pg, hashlib.sha256(v).hexdigest()[:16]) for o, t, h, pg, v in conn.execute(
                "SELECT c.ordinal, c.text, c.heading_path, c.page, e.vector FROM chunks c JOIN embeddings e "
                "ON e.chunk_id = c.id WHERE c.doc_id = ? ORDER BY c.ordinal", (doc_id,)))
            out.append((path, digest, title, parser, json.dumps(json.loads(meta), sort_keys=True), chunks))
        return out
    finally:
        conn.close()


# ---- killing ---------------------------------------------------------------------------------------
def children_of(pid: int) -> list[int]:
    """Direct child pids (the parser workers of a CLI process)."""
    kids = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            kids += [int(x) for x in (task / "children").read_text().split()]
        except OSError:
            pass
    return kids


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


def count_docs(home: Path) -> int:
    """Documents committed so far (0 while the database does not exist yet)."""
    db = home / "memex.db"
    if not db.exists():
        return 0
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return int(conn.execute("SELECT count(*) FROM documents").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return 0  # schema not created yet


@dataclass
class KillResult:
    """One SIGKILL (or a run that finished first)."""

    killed: bool
    at_docs: int
    stderr: str
    orphans: int


class Progress:
    """Counts committed rows of a store being written, through one read-only connection (fast polling)."""

    def __init__(self, home: Path) -> None:
        self.db = home / "memex.db"
        self.conn: sqlite3.Connection | None = None

    def count(self, what: str) -> int:
        """Committed documents (what="documents") or chunks ("chunks"); 0 before the schema exists."""
        try:
            if self.conn is None:
                if not self.db.exists():
                    return 0
                self.conn = sqlite3.connect(f"file:{self.db}?mode=ro", uri=True, timeout=1)
            return int(self.conn.execute(f"SELECT count(*) FROM {what}").fetchone()[0])
        except sqlite3.Error:
            return 0

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()


def run_and_kill(home: Path, args: list[str], rng: random.Random, n_files: int, n_chunks: int,
                 est_s: float) -> KillResult:
    """Start the CLI and SIGKILL it: after a random delay, or the moment N documents or chunks are committed.

    Killing the moment a count moves lands inside a document's write often enough that a store which
    committed chunk by chunk fails within a few trials (checked by hand: see docs/reliability.md).
    """
    proc = start_cli(home, *args)
    deadline = time.monotonic() + 120
    mode = rng.random()
    if mode < 0.3:
        time.sleep(rng.uniform(0.05, max(est_s, 0.3)))
    else:
        what = "chunks" if mode < 0.65 else "documents"
        total = n_chunks if what == "chunks" else n_files
        target = rng.randint(1, total) if mode < 0.92 else total  # the last one: around the cache save
        progress = Progress(home)
        try:
            while proc.poll() is None and progress.count(what) < target and time.monotonic() < deadline:
                time.sleep(0.0005)
        finally:
            progress.close()
        if rng.random() < 0.5:
            time.sleep(rng.uniform(0, 0.05))
    kids = children_of(proc.pid)
    killed = proc.poll() is None
    if killed:
        proc.send_signal(signal.SIGKILL)
    _, err = proc.communicate(timeout=60)
    end = time.monotonic() + 5  # PR_SET_PDEATHSIG: workers die with the CLI
    while any(_alive(k) for k in kids) and time.monotonic() < end:
        time.sleep(0.02)
    orphans = [k for k in kids if _alive(k)]
    for k in orphans:
        os.kill(k, signal.SIGKILL)
    return KillResult(killed, count_docs(home), err, len(orphans))
