"""Embedding throughput: memex's MiniLMEmbedder vs sentence-transformers fp32 on real SciFact chunks.

Both run in this process on the same chunks, round-robin (this machine is noisy), and the medians
are reported. Usage: python bench/ingest.py [--n 2000] [--rounds 3] [--quick] [--write docs/benchmarks.md]
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from memex.embed.minilm import MAX_SEQ_LENGTH, MiniLMEmbedder, model_dir  # noqa: E402

CORPUS = ROOT / ".." / "shared" / "data" / "scifact" / "corpus.jsonl"
SECTION = "## Embedding throughput (bench/ingest.py)"
QUERY = "what causes insulin resistance"


def load_chunks(n: int, embedder: MiniLMEmbedder) -> list[str]:
    """First `n` SciFact abstracts as title + text, cut to the model window like the chunker would."""
    if not CORPUS.is_file():
        sys.exit(f"SciFact corpus not found at {CORPUS.resolve()} (expected the shared data folder)")
    budget = MAX_SEQ_LENGTH - 2  # [CLS] and [SEP] take two of the 256 positions
    chunks = []
    with CORPUS.open(encoding="utf-8") as f:
        for line in f:
            doc = json.loads(line)
            text = f"{doc.get('title', '')}\n\n{doc.get('text', '')}".strip()
            spans = embedder.token_spans(text)
            if len(spans) > budget:
                text = text[:spans[budget - 1][1]]
            chunks.append(text)
            if len(chunks) == n:
                break
    return chunks


def peak_rss_mb() -> float:
    """Peak resident set size of this process so far (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(fn, chunks: list[str]) -> tuple[float, np.ndarray]:
    start = time.perf_counter()
    vectors = fn(chunks)
    return time.perf_counter() - start, vectors


def neighbour_overlap(a: np.ndarray, b: np.ndarray, k: int = 10, probes: int = 200) -> float:
    """Mean overlap of each probe's top-k neighbours (within the set) under the two vector sets."""
    total = 0.0
    for i in range(min(probes, len(a))):
        top_a = set(np.argsort(-(a @ a[i]))[1:k + 1])
        top_b = set(np.argsort(-(b @ b[i]))[1:k + 1])
        total += len(top_a & top_b) / k
    return total / min(probes, len(a))


def query_latency(embedder: MiniLMEmbedder, repeats: int) -> tuple[float, float]:
    """p50 and p95 of embed_query on a short query, in milliseconds."""
    for _ in range(5):
        embedder.embed_query(QUERY)
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        embedder.embed_query(QUERY)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return statistics.median(times), times[int(0.95 * (len(times) - 1))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=2000, help="number of chunks (default 2000)")
    parser.add_argument("--rounds", type=int, default=3, help="round-robin rounds (default 3)")
    parser.add_argument("--batch-size", type=int, default=16, help="memex batch size (its default, 16)")
    parser.add_argument("--st-batch-size", type=int, default=32, help="sentence-transformers batch (its default)")
    parser.add_argument("--threads", type=int, default=None,
                        help="fixed thread count for both (default: memex picks per call from free cores, "
                             "sentence-transformers uses torch's default, all cores)")
    parser.add_argument("--also-fp32", action="store_true", help="also time MiniLMEmbedder forced to fp32")
    parser.add_argument("--also-st1", action="store_true", help="also time sentence-transformers on 1 thread")
    parser.add_argument("--block", type=int, default=200, help="chunks per interleaved block (default 200)")
    parser.add_argument("--quick", action="store_true", help="smoke run: 64 chunks, 1 round")
    parser.add_argument("--write", type=Path, help="write the result section into this markdown file")
    args = parser.parse_args()
    if args.quick:
        args.n, args.rounds, args.block = min(args.n, 64), 1, 32

    import torch
    from sentence_transformers import SentenceTransformer

    cores = os.cpu_count() or 1
    st_threads = args.threads or cores
    ours = MiniLMEmbedder(threads=args.threads, batch_size=args.batch_size)
    chunks = load_chunks(args.n, ours)
    tokens = sum(min(n + 2, MAX_SEQ_LENGTH) for n in ours.count_tokens_many(chunks))
    load_before = os.getloadavg()[0]

    threads_label = f"{args.threads} threads" if args.threads else "auto threads"
    ours_name = f"memex MiniLMEmbedder ({ours.precision}, {threads_label})"
    # name -> (embed function, torch threads to set before it, or None when it picks its own)
    setups: dict[str, tuple[object, int | None]] = {ours_name: (ours.embed, None)}
    ours.embed(chunks[:args.block])
    rss_ours = peak_rss_mb()  # before sentence-transformers is loaded: our model alone
    if args.also_fp32:
        fp32 = MiniLMEmbedder(threads=args.threads, batch_size=args.batch_size, precision="fp32")
        setups[f"memex MiniLMEmbedder (fp32 forced, {threads_label})"] = (fp32.embed, None)
    st = SentenceTransformer(str(model_dir()), device="cpu")

    def st_encode(texts: list[str]) -> np.ndarray:
        return st.encode(texts, batch_size=args.st_batch_size, normalize_embeddings=True, convert_to_numpy=True)

    st_name = f"sentence-transformers fp32 ({st_threads} threads)"
    setups[st_name] = (st_encode, st_threads)
    if args.also_st1 and st_threads != 1:
        setups["sentence-transformers fp32 (1 thread)"] = (st_encode, 1)
    st_encode(chunks[:32])  # warm-up
    times: dict[str, list[float]] = {name: [] for name in setups}
    vectors: dict[str, np.ndarray] = {}
    names = list(setups)
    used: Counter[int] = Counter()
    for r in range(args.rounds):
        # Interleave block by block (rotating who goes first), so a load spike from other processes on
        # this shared machine hits every setup alike instead of one whole pass.
        spent = dict.fromkeys(names, 0.0)
        parts: dict[str, list[np.ndarray]] = {name: [] for name in names}
        for b, start in enumerate(range(0, len(chunks), args.block)):
            block = chunks[start:start + args.block]
            for name in names[b % len(names):] + names[:b % len(names)]:
                fn, threads = setups[name]
                if threads is not None:
                    torch.set_num_threads(threads)
                elapsed, vecs = timed(fn, block)
                spent[name] += elapsed
                parts[name].append(vecs)
                if name == ours_name:
                    used[ours.last_threads] += 1
        for name in names:
            times[name].append(spent[name])
            vectors[name] = np.concatenate(parts[name])
            print(f"round {r + 1}/{args.rounds}  {name:55s} {len(chunks) / spent[name]:7.1f} chunks/s", flush=True)
    q50, q95 = query_latency(ours, 50 if args.quick else 200)

    base = vectors[st_name]
    base_rate = len(chunks) / statistics.median(times[st_name])
    cpu = next((ln.split(":", 1)[1].strip() for ln in Path("/proc/cpuinfo").read_text().splitlines()
                if ln.startswith("model name")), platform.processor())
    lines = [
        SECTION,
        "",
        f"{len(chunks)} SciFact abstracts (title + text, cut to {MAX_SEQ_LENGTH} model tokens; {tokens:,} tokens "
        f"in all), {args.rounds} rounds in one process, medians. "
        f"Batch {args.batch_size} (sentence-transformers: {args.st_batch_size}), interleaved in blocks of "
        f"{args.block} chunks. Load average {load_before:.1f} at start, {os.getloadavg()[0]:.1f} at end. CPU: {cpu}, {os.cpu_count()} cores. "
        f"torch {torch.__version__}, run {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}.",
        "",
        "| setup | chunks/s | tokens/s | vs sentence-transformers | rounds (chunks/s) | mean cosine to ST | "
        "min cosine | top-10 overlap |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name in setups:
        rate = len(chunks) / statistics.median(times[name])
        cos = np.sum(vectors[name] * base, axis=1)
        overlap = neighbour_overlap(vectors[name], base) if name != st_name else 1.0
        per_round = ", ".join(f"{len(chunks) / t:.1f}" for t in times[name])
        lines.append(f"| {name} | {rate:.1f} | {rate * tokens / len(chunks):,.0f} | {rate / base_rate:.2f}x | "
                     f"{per_round} | {cos.mean():.5f} | {cos.min():.5f} | {overlap:.3f} |")
    lines += [
        "",
        "memex's thread choice per block: " + ", ".join(f"{t} thread(s) x{n}" for t, n in sorted(used.items()))
        + ". ",
        f"Peak RSS: {rss_ours:.0f} MB with memex's model alone (before sentence-transformers was loaded), {peak_rss_mb():.0f} MB at the "
        f"end (both models). `embed_query` on a short query ({QUERY!r}, {ours.query_threads} thread, fp32): "
        f"p50 {q50:.1f} ms, p95 {q95:.1f} ms.",
        "",
    ]
    text = "\n".join(lines)
    print()
    print(text)
    ratio = (len(chunks) / statistics.median(times[ours_name])) / base_rate
    mean_cos = float(np.sum(vectors[ours_name] * base, axis=1).mean())
    print(f"speed-up {ratio:.2f}x (target >= 2x), mean cosine {mean_cos:.5f} (must be >= 0.99)")
    if args.write:
        write_section(args.write, text)
        print(f"wrote {SECTION!r} into {args.write}")
    if mean_cos < 0.99:
        sys.exit("FAIL: vectors disagree with sentence-transformers")


def write_section(path: Path, section: str) -> None:
    """Replace (or append) this benchmark's section, leaving the rest of the file alone."""
    old = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    out, skipping, replaced = [], False, False
    for line in old.splitlines():
        if line.strip() == SECTION:
            skipping, replaced = True, True
            out.append(section.rstrip("\n"))
            continue
        if skipping and line.startswith("## "):
            skipping = False
            out.append("")
        if not skipping:
            out.append(line)
    if not replaced:
        out += ["", section.rstrip("\n")]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(out).rstrip("\n") + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
