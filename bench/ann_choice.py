"""Which embedded ANN library: usearch (f32 / bf16 / i8) vs faiss HNSW on real, augmented MiniLM vectors.

Raw index numbers (no Memex around them): build time on all cores, query p50 for 100 neighbours (what fusion
asks for), recall@10 of the first 10 against exact search, and the index's resident size. The int8 and bf16
rows also show recall after rescoring the 20 best candidates with exact cosines (what the `ann` backend does).
Usage: python bench/ann_choice.py [--chunks 100000] [--queries 200]
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scale import augmented, load_queries  # noqa: E402
from scale_data import load_base  # noqa: E402


def rss_mb() -> float:
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--chunks", type=int, default=100_000)
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--libs", default="usearch-i8,usearch-bf16,usearch-f32,faiss-hnsw")
    args = ap.parse_args()
    from memex.embed import load_embedder
    _, base = load_base()
    x = augmented(args.chunks, base)
    model = load_embedder("minilm")
    qv = np.stack([model.embed_query(q) for q in load_queries(args.queries)]).astype(np.float32)
    truth = np.argsort(-(qv @ x.T), axis=1)[:, :10]
    print(f"{args.chunks:,} vectors, {len(qv)} real queries\n")
    print("| library | build s | p50 ms (k=100) | recall@10 | recall@10 rescored | index MB |")
    print("|---|---:|---:|---:|---:|---:|")
    for lib in args.libs.split(","):
        before = rss_mb()
        t0 = time.perf_counter()
        if lib.startswith("usearch"):
            from usearch.index import Index
            idx = Index(ndim=x.shape[1], metric="ip", dtype=lib.split("-")[1], connectivity=16,
                        expansion_add=128, expansion_search=160)
            idx.add(np.arange(len(x), dtype=np.uint64), x, threads=2)

            def search(q, k, idx=idx):
                return np.asarray(idx.search(q, k, threads=1).keys, dtype=np.int64)
        else:
            import faiss
            faiss.omp_set_num_threads(2)
            idx = faiss.IndexHNSWFlat(x.shape[1], 16, faiss.METRIC_INNER_PRODUCT)
            idx.hnsw.efConstruction = 128
            idx.add(x)
            idx.hnsw.efSearch = 160
            faiss.omp_set_num_threads(1)

            def search(q, k, idx=idx):
                return idx.search(q[None, :], k)[1][0]
        build = time.perf_counter() - t0
        size = rss_mb() - before
        lat, rec, rec2 = [], [], []
        for q, t in zip(qv, truth, strict=True):
            s = time.perf_counter()
            got = search(q, 100)
            lat.append((time.perf_counter() - s) * 1000)
            rec.append(len(set(got[:10].tolist()) & set(t.tolist())) / 10)
            cand = got[:20]
            best = cand[np.argsort(-(x[cand] @ q))[:10]]
            rec2.append(len(set(best.tolist()) & set(t.tolist())) / 10)
        print(f"| {lib} | {build:.0f} | {statistics.median(lat):.2f} | {np.mean(rec):.3f} | {np.mean(rec2):.3f} | "
              f"{size:.0f} |", flush=True)
        del idx
    return 0


if __name__ == "__main__":
    sys.exit(main())
