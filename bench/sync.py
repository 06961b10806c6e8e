"""Incremental sync on a generated 10,000-note vault: no-change resync time and what one edit costs.

The first ingest uses the model-free hash embedder (embedding 10k notes with MiniLM would dominate
the run and is measured by bench/ingest.py); every later step is the production sync path.
Baseline in the same run: the first full ingest of the same vault.
"""
from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from memex.app import Brain

WORDS = ("garden project meeting budget travel recipe invoice deadline research paper draft idea friend "
         "family health book chapter python server backup release design review plan sprint coffee").split()


def make_vault(root: Path, n: int, seed: int = 1) -> None:
    rng = random.Random(seed)
    for i in range(n):
        folder = root / f"area{i % 20}" / f"sub{i % 7}"
        folder.mkdir(parents=True, exist_ok=True)
        paras = [" ".join(rng.choice(WORDS) for _ in range(rng.randint(40, 90))) + "." for _ in range(rng.randint(2, 6))]
        links = f"See [[note{rng.randrange(n)}]] and #tag{i % 13}."
        body = "\n\n".join(f"## Part {j}\n\n{p}" for j, p in enumerate(paras))
        (folder / f"note{i}.md").write_text(f"---\ntitle: Note {i}\n---\n# Note {i}\n\n{links}\n\n{body}\n",
                                            encoding="utf-8")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--notes", type=int, default=10_000)
    ap.add_argument("--repeats", type=int, default=5)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        vault, home = Path(tmp) / "vault", Path(tmp) / "home"
        t0 = time.perf_counter()
        make_vault(vault, args.notes)
        print(f"generated {args.notes} notes in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
        with Brain.open(home, embedder="hash:384") as brain:
            t0 = time.perf_counter()
            first = brain.add([vault])
            full_s = time.perf_counter() - t0
            chunks = brain.status()["chunks"]
            nochange = []
            for _ in range(args.repeats):
                t0 = time.perf_counter()
                r = brain.sync()
                nochange.append(time.perf_counter() - t0)
                assert r.chunks_embedded == 0 and r.unchanged == args.notes, r.to_dict()
            target = vault / "area3" / "sub3" / "note3.md"
            n_target = brain.conn.execute("SELECT count(*) FROM chunks c JOIN documents d ON d.id = c.doc_id "
                                          "WHERE d.path = ?", (str(target),)).fetchone()[0]
            text = target.read_text(encoding="utf-8")
            target.write_text(text.replace("## Part 0", "## Part 0\n\nOne new sentence about herons.", 1),
                              encoding="utf-8")
            t0 = time.perf_counter()
            edit = brain.sync()
            edit_s = time.perf_counter() - t0
            os.utime(vault / "area4" / "sub4" / "note4.md")  # touched, content unchanged
            t0 = time.perf_counter()
            touch = brain.sync()
            touch_s = time.perf_counter() - t0
        env = dict(os.environ, MEMEX_EMBEDDER="hash:384")
        cli = []
        for _ in range(3):
            t0 = time.perf_counter()
            subprocess.run([sys.executable, "-m", "memex.interfaces.cli", "sync", "--json", "--home", str(home)],
                           check=True, capture_output=True, env=env)
            cli.append(time.perf_counter() - t0)
    print(f"\n{args.notes:,} notes, {chunks:,} chunks\n")
    print("| step | time | files re-read/parsed | chunks embedded |\n|---|---:|---:|---:|")
    print(f"| first full ingest (baseline) | {full_s:.1f} s | {first.added:,} | {first.chunks_embedded:,} |")
    print(f"| no-change resync, in process (median of {args.repeats}) | {statistics.median(nochange) * 1000:.0f} ms | 0 | 0 |")
    print(f"| no-change `memex sync` as a new process (median of 3) | {statistics.median(cli) * 1000:.0f} ms | 0 | 0 |")
    print(f"| one note edited (1 of {n_target} chunks changed) | {edit_s * 1000:.0f} ms | {edit.updated} | {edit.chunks_embedded} |")
    print(f"| one note touched, content unchanged | {touch_s * 1000:.0f} ms | 0 | {touch.chunks_embedded} |")
    print(f"\nno-change resync is {full_s / statistics.median(nochange):.0f}x faster than the full ingest")
    return 0


if __name__ == "__main__":
    sys.exit(main())
