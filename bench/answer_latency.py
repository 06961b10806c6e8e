"""Extractive `memex ask` latency over a 10,000-note index, against today's code in the same run.

The index holds the two personal dev vaults (real notes, whose questions are asked) plus generated notes up
to --notes. Notes are embedded with the model-free hash embedder and the vectors stored under MiniLM's id
(exact vector search costs the same whatever the values; embedding 10k notes with MiniLM would take an
hour here), so every answer runs the production path with the real MiniLM: query embedding, hybrid search,
statement scoring. The baseline is the same script run on another source tree (--baseline-src, e.g. the
main branch's src/) in a child process, on its own index of the same vault, interleaved in blocks so load
spikes from other processes hit both alike. Reports p50/p95 per code tree and the ratio.

    python bench/answer_latency.py --notes 10000 --questions 60 --baseline-src ../main/src
"""
from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

VAULTS = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "personal-vaults"
WORDS = ("garden project meeting budget travel recipe invoice deadline research paper draft idea friend "
         "family health book chapter python server backup release design review plan sprint coffee kiln "
         "market rescue training flat mortgage dog walk class lesson beer batch quote builder loft").split()


def make_vault(root: Path, n: int, seed: int = 7) -> list[dict]:
    """The two dev vaults' notes plus generated dated notes up to n; returns the dev questions."""
    questions = []
    for name in ("teacher", "consultant"):
        shutil.copytree(VAULTS / name / "notes", root / name)
        questions += [json.loads(x) for x in (VAULTS / name / "questions.jsonl").read_text().splitlines() if x]
    have = sum(1 for p in root.rglob("*") if p.is_file())
    rng = random.Random(seed)
    for i in range(max(0, n - have)):
        folder = root / "generated" / f"area{i % 20}" / f"sub{i % 7}"
        folder.mkdir(parents=True, exist_ok=True)
        day = f"2026-{1 + i % 12:02d}-{1 + i % 28:02d}"
        lines = [f"{1 + (i + j) % 28} {['Jan', 'Mar', 'May', 'Jul', 'Sep', 'Nov'][j % 6]}: "
                 + " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 20))) + "." for j in range(6)]
        paras = [" ".join(rng.choice(WORDS) for _ in range(rng.randint(30, 70))) + "." for _ in range(rng.randint(1, 3))]
        body = "\n\n".join(f"## Part {j}\n\n{p}" for j, p in enumerate(paras))
        (folder / f"note{i}.md").write_text(f"---\ndate: {day}\n---\n# Note {i}\n\n" + "\n".join(lines)
                                            + f"\n\n{body}\n", encoding="utf-8")
    return questions


def build(home: Path, vault: Path) -> int:
    """Index the vault with hash vectors stored under MiniLM's id; returns the number of chunks."""
    from memex.app import Brain
    from memex.embed import embedder_id

    with Brain.open(home, embedder="hash:384") as brain:
        brain.add([vault])
        mini = embedder_id("minilm")
        brain.conn.execute("UPDATE embeddings SET embedder = ?", (mini,))
        brain.conn.execute("UPDATE meta SET value = 'minilm' WHERE key = 'active_embedder'")
        brain.conn.commit()
        n = brain.conn.execute("SELECT count(*) FROM chunks").fetchone()[0]
    for f in (home / "cache").glob("vectors-*"):
        f.unlink()
    return int(n)


def child(args: argparse.Namespace) -> None:
    """Serve timing requests over stdin/stdout: "build", then "ask <json list of questions>"."""
    from memex.app import Brain

    brain = None
    for line in sys.stdin:
        cmd, _, rest = line.strip().partition(" ")
        if cmd == "build":
            t0 = time.perf_counter()
            n = build(Path(args.home), Path(args.vault))
            brain = Brain.open(Path(args.home), embedder="minilm")
            brain.ask("warm up: when is the weekly meeting?")
            print(json.dumps({"chunks": n, "build_s": time.perf_counter() - t0}), flush=True)
        elif cmd == "ask":
            assert brain is not None
            out = []
            for q in json.loads(rest):
                t0 = time.perf_counter()
                brain.ask(q)
                out.append((time.perf_counter() - t0) * 1e3)
            print(json.dumps(out), flush=True)
        elif cmd == "quit":
            break


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p * (len(xs) - 1))))]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--notes", type=int, default=10_000)
    ap.add_argument("--questions", type=int, default=60)
    ap.add_argument("--block", type=int, default=10, help="questions per interleaved block")
    ap.add_argument("--baseline-src", help="source tree of the code to compare with (e.g. ../main/src)")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--home", help=argparse.SUPPRESS)
    ap.add_argument("--vault", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        vault = Path(tmp) / "vault"
        questions = make_vault(vault, args.notes)
        rng = random.Random(11)
        asked = [q["question"] for q in rng.sample(questions, min(args.questions, len(questions)))]
        trees = {"this branch": str(Path(__file__).resolve().parents[1] / "src")}
        if args.baseline_src:
            trees["baseline"] = str(Path(args.baseline_src).resolve())
        procs = {}
        for name, src in trees.items():
            env = dict(os.environ, PYTHONPATH=src)
            procs[name] = subprocess.Popen(
                [sys.executable, __file__, "--child", "--home", str(Path(tmp) / f"home-{len(procs)}"),
                 "--vault", str(vault)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env)
        info = {}
        for name, p in procs.items():  # one at a time: two ingests at once would only measure contention
            assert p.stdin and p.stdout
            p.stdin.write("build\n")
            p.stdin.flush()
            info[name] = json.loads(p.stdout.readline())
        times: dict[str, list[float]] = {name: [] for name in procs}
        load = [os.getloadavg()[0]]
        for i in range(0, len(asked), args.block):
            block = asked[i:i + args.block]
            for name, p in procs.items():
                assert p.stdin and p.stdout
                p.stdin.write("ask " + json.dumps(block) + "\n")
                p.stdin.flush()
                times[name] += json.loads(p.stdout.readline())
            load.append(os.getloadavg()[0])
        for p in procs.values():
            assert p.stdin
            p.stdin.write("quit\n")
            p.stdin.flush()
            p.wait()
    print(f"\n{args.notes:,} notes, {next(iter(info.values()))['chunks']:,} chunks; {len(asked)} questions from the "
          f"dev vaults, interleaved in blocks of {args.block}; load average {load[0]:.1f} at start, "
          f"median {statistics.median(load):.1f}, {load[-1]:.1f} at end\n")
    print("| code | p50 ms | p95 ms | mean ms |\n|---|---:|---:|---:|")
    for name, ts in times.items():
        print(f"| {name} | {pct(ts, 0.5):.0f} | {pct(ts, 0.95):.0f} | {statistics.mean(ts):.0f} |")
    if "baseline" in times:
        ratio = pct(times["this branch"], 0.5) / pct(times["baseline"], 0.5)
        print(f"\np50 ratio this branch / baseline: {ratio:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
