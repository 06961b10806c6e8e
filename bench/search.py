"""Search latency at 10k and 100k chunks, query embedding included (real MiniLM for queries).

Chunks are real text (SciFact abstracts cut into sentence windows) written straight into a throw-away
store. Their stored vectors come from the model-free hash embedder under MiniLM's id: exact search costs
the same whatever the values are, and embedding 100k chunks with MiniLM would take most of an hour here.
Baseline in the same run: the same queries with dense search alone and BM25 alone. Long multi-part
questions (MultiHop-RAG's, 30-60 words) are timed with and without the long-query handling (phrase pairs
and one vector per clause: retrieve/shape.py), and short ones with and without the paraphrase lean
(retrieve/overlap.py), alternating query by query; both with and without the bonus for notes the question
names (retrieve/naming.py), alternating too.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import numpy as np

from memex.app import Brain
from memex.domain import Chunk, Location
from memex.embed import load_embedder
from memex.embed.hashing import HashEmbedder
from memex.store import documents as docs
from memex.store.db import write_tx

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "scifact"
LONG_QUERIES = SHARED.parent / "multihop-rag" / "queries.jsonl"


def sentences_windows(n_chunks: int) -> list[tuple[str, list[str]]]:
    """(title, chunk texts) per pseudo-document, cycling through SciFact until n_chunks exist."""
    corpus = [json.loads(line) for line in open(SHARED / "corpus.jsonl", encoding="utf-8")]
    out, total, cycle = [], 0, 0
    while total < n_chunks:
        for d in corpus:
            words = d["text"].split()
            parts = [" ".join(words[i:i + 60]) for i in range(0, max(len(words), 1), 60)]
            if cycle:
                parts = [f"{p} (copy {cycle})" for p in parts]
            parts = parts[: n_chunks - total]
            out.append((d["title"], parts))
            total += len(parts)
            if total >= n_chunks:
                break
        cycle += 1
    return out


def build(home: Path, n_chunks: int, embedder_id: str) -> None:
    hasher = HashEmbedder(384)
    with Brain.open(home, embedder="hash:384") as brain:
        conn = brain.conn
        with write_tx(conn):
            sid = docs.add_source(conn, "/bench")
        for i, (title, parts) in enumerate(sentences_windows(n_chunks)):
            chunks = [Chunk(t, j, (), Location()) for j, t in enumerate(parts)]
            new = docs.NewDocument(path=f"/bench/{i}.md", content_hash=str(i), size=1, mtime_ns=1,
                                   parser="markdown", title=title, note_date="2024-01-01", metadata={},
                                   chunks=chunks, text_hashes=[f"{i}-{j}" for j in range(len(parts))],
                                   vectors=hasher.embed(parts))
            with write_tx(conn):
                docs.write_document(conn, sid, new, embedder_id)


def timed(fn, queries: list[str]) -> list[float]:
    out = []
    for q in queries:
        t = time.perf_counter()
        fn(q)
        out.append((time.perf_counter() - t) * 1000)
    return out


def pct(xs: list[float], p: float) -> float:
    return float(np.percentile(xs, p))


def interleaved(brain, off_settings, queries):  # type: ignore[no-untyped-def]
    """Search each query with a feature off, then with the brain's own settings, so load hits both alike."""
    base, on, off = brain.settings, [], []
    try:
        for q in queries:
            brain.settings = off_settings
            off += timed(lambda q: brain.search(q, 10), [q])
            brain.settings = base
            on += timed(lambda q: brain.search(q, 10), [q])
    finally:
        brain.settings = base
    return off, on


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sizes", default="10000,100000")
    ap.add_argument("--queries", type=int, default=200)
    args = ap.parse_args()
    if not SHARED.exists():
        print(f"needs {SHARED} (the shared evaluation data)", file=sys.stderr)
        return 2
    model = load_embedder("minilm")
    queries = [json.loads(x)["text"] for x in open(SHARED / "queries.jsonl", encoding="utf-8")][: args.queries]
    long_queries = [json.loads(x)["text"] for x in open(LONG_QUERIES, encoding="utf-8")][: args.queries]
    rows = []
    for n in [int(s) for s in args.sizes.split(",")]:
        with tempfile.TemporaryDirectory() as tmp:
            t0 = time.perf_counter()
            build(Path(tmp), n, model.id)
            build_s = time.perf_counter() - t0
            with Brain.open(tmp, embedder="minilm") as brain:
                t0 = time.perf_counter()
                brain.index  # noqa: B018 - first open builds the vector cache from SQLite
                load_s = time.perf_counter() - t0
                s = brain.searcher
                for q in queries[:10]:  # warm-up
                    brain.search(q, 10)
                res = {
                    "hybrid (memex search)": timed(lambda q: brain.search(q, 10), queries),
                    "dense only (incl. query embedding)": timed(lambda q, s=s: s.dense(q, 100), queries),
                    "BM25 only": timed(lambda q, s=s: s.lexical(q, 100), queries),
                    "query embedding alone": timed(lambda q: model.embed_query(q), queries),
                    "hybrid, long questions (defaults)": timed(lambda q: brain.search(q, 10), long_queries),
                }
                base = brain.settings
                # Notes the question names (retrieve/naming.py): bonus off and on, short and long questions.
                for label, qs in (("short", queries), ("long", long_queries)):
                    b_off, b_on = interleaved(brain, replace(base, title_match_bonus=0.0), qs)
                    res[f"hybrid, {label} questions, title bonus off (interleaved)"] = b_off
                    res[f"hybrid, {label} questions, title bonus on (interleaved, default)"] = b_on
                # The paraphrase lean (retrieve/overlap.py) on and off.
                off, on = interleaved(brain, replace(base, overlap_bm25_share=1.0), queries)
                res["hybrid, paraphrase lean off (interleaved)"] = off
                res["hybrid, paraphrase lean on (interleaved, default)"] = on
                brain.settings = replace(base, long_query_words=10**6, long_query_full_words=10**6 + 1)
                res["hybrid, long questions, long-query handling off"] = timed(lambda q: brain.search(q, 10),
                                                                              long_queries)
                brain.settings = base
                for name, xs in res.items():
                    rows.append((n, name, statistics.median(xs), pct(xs, 95)))
                print(f"{n} chunks: store built in {build_s:.0f} s; vector cache rebuilt from SQLite in "
                      f"{load_s:.2f} s", file=sys.stderr)
    print("\n| chunks | path | p50 ms | p95 ms |\n|---:|---|---:|---:|")
    for n, name, p50, p95 in rows:
        print(f"| {n:,} | {name} | {p50:.1f} | {p95:.1f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
