"""Vector backends at scale: exact vs embedded ANN vs pgvector on N chunks, in one run.

Vectors are real MiniLM embeddings of the shared corpora (bench/scale_data.py, ~40k chunks), augmented to N
by small Gaussian perturbations (sigma 0.02 per dimension, cosine ~0.93 to the original) so neighbourhoods
stay realistic and recall means something; chunk texts are the originals (copies carry a suffix), so BM25
works on real text too. The store is written straight into SQLite once per N and cached.

Each store is measured in its own process (clean RSS): build_s is the time to build the backend from SQLite
(exact: load the matrix and write its cache; ann: HNSW build and snapshot; pgvector: COPY + HNSW index on a
local PostgreSQL started like the test suite's), p50/p95 are `Brain.search` latencies (query embedding, BM25,
dense, fusion, fetching the hits) over real queries, recall_at_10 is the dense top 10 (from the 100
candidates fusion uses) against exact search over the same vectors, rss_mb is the resident memory after the
queries, disk_mb the backend's own files (the cache, or the PostgreSQL table and its indexes).

Usage: python bench/scale.py --chunks 100000 --stores exact,ann,pgvector [--queries 200] [--json]
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "tests" / "backends"))

from scale_data import DATA, cache_dir, load_base  # noqa: E402

SIGMA = 0.02
PER_DOC = 8
"""Chunks per synthetic document."""
TAGS = ["project", "meeting", "reading", "travel", "health", "finance"]
QUERY_SETS = ("scifact", "cacm", "cisi", "cranfield", "multihop-rag")


def augmented(n: int, base: np.ndarray, seed: int = 7) -> np.ndarray:
    """n unit vectors: the base set, then perturbed copies of it (generated in blocks, float32)."""
    rng = np.random.default_rng(seed)
    out = np.empty((n, base.shape[1]), dtype=np.float32)
    b = len(base)
    out[:min(n, b)] = base[:n]
    for s in range(b, n, 50_000):
        e = min(n, s + 50_000)
        idx = np.arange(s, e) % b
        v = base[idx] + rng.normal(0, SIGMA, size=(e - s, base.shape[1])).astype(np.float32)
        out[s:e] = v / np.linalg.norm(v, axis=1, keepdims=True)
    return out


def build_store(home: Path, n: int, texts: list[str], base: np.ndarray, embedder: str) -> None:
    """A Memex store of n chunks written straight into SQLite (documents, chunks, FTS, vectors, tags)."""
    from memex.app import Brain
    from memex.store.db import write_tx
    vecs = augmented(n, base)
    with Brain.open(home, embedder="minilm", vector_store="exact") as brain:
        conn = brain.conn
        with write_tx(conn):
            conn.execute("INSERT INTO sources(id, path, added_at) VALUES (1, '/bench', 0)")
            conn.execute("UPDATE meta SET value = '1' WHERE key = 'seq'")
        t0 = time.perf_counter()
        for s in range(0, n, 20_000):
            e = min(n, s + 20_000)
            docs, chunks, fts, emb, tags = [], [], [], [], []
            for cid in range(s + 1, e + 1):
                i = cid - 1
                doc = i // PER_DOC + 1
                text = texts[i % len(texts)]
                title, _, body = text.partition("\n\n")
                if i >= len(texts):
                    body = f"{body} (copy {i // len(texts)})"
                if i % PER_DOC == 0:
                    date = f"{2000 + doc % 25}-{1 + doc % 12:02d}-{1 + doc % 28:02d}"
                    docs.append((doc, 1, f"/bench/{doc % 997}/{doc}.md", str(doc), 1, 1, "markdown", title, date,
                                 "{}", 0.0))
                    tags.append((doc, TAGS[doc % len(TAGS)]))
                chunks.append((cid, doc, i % PER_DOC, body, f"h{cid}", "[]", None, 1, 1, 0, len(body), 60))
                fts.append((cid, title, "", body))
                emb.append((cid, embedder, vecs[i].astype("<f4").tobytes(), 1))
            with write_tx(conn):
                conn.executemany("INSERT INTO documents(id, source_id, path, content_hash, size, mtime_ns, parser,"
                                 " title, note_date, metadata, indexed_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)", docs)
                conn.executemany("INSERT INTO tags(doc_id, tag) VALUES (?, ?)", tags)
                conn.executemany("INSERT INTO chunks(id, doc_id, ordinal, text, text_hash, heading_path, page,"
                                 " start_line, end_line, start_char, end_char, n_tokens) VALUES "
                                 "(?,?,?,?,?,?,?,?,?,?,?,?)", chunks)
                conn.executemany("INSERT INTO chunks_fts(rowid, title, headings, text) VALUES (?,?,?,?)", fts)
                conn.executemany("INSERT INTO embeddings(chunk_id, embedder, vector, seq) VALUES (?,?,?,?)", emb)
            print(f"  store: {e:,}/{n:,} chunks ({time.perf_counter() - t0:.0f} s)", file=sys.stderr, flush=True)
        with write_tx(conn):
            conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('active_embedder', 'minilm')")
    shutil.rmtree(home / "cache", ignore_errors=True)


def load_queries(limit: int) -> list[str]:
    """Real queries from the shared sets, interleaved."""
    per = []
    for name in QUERY_SETS:
        path = DATA / name / "queries.jsonl"
        if path.exists():
            per.append([json.loads(x)["text"] for x in path.open(encoding="utf-8")])
    out, i = [], 0
    while len(out) < limit and any(i < len(p) for p in per):
        out += [p[i] for p in per if i < len(p)]
        i += 1
    return out[:limit]


def ground_truth(home: Path, qv: np.ndarray, embedder: str, k: int = 10) -> list[list[int]]:
    """Exact top-k chunk ids per query, streaming the vectors from SQLite (no full matrix in memory)."""
    import sqlite3

    from memex.store.backends.base import iter_vectors
    conn = sqlite3.connect(home / "memex.db")
    best_s = np.full((len(qv), k), -np.inf, dtype=np.float32)
    best_i = np.zeros((len(qv), k), dtype=np.int64)
    for ids, m in iter_vectors(conn, embedder, qv.shape[1], batch=50_000):
        s = qv @ m.T
        all_s = np.concatenate([best_s, s], axis=1)
        all_i = np.concatenate([best_i, np.broadcast_to(ids, s.shape)], axis=1)
        top = np.argpartition(-all_s, k - 1, axis=1)[:, :k]
        best_s = np.take_along_axis(all_s, top, axis=1)
        best_i = np.take_along_axis(all_i, top, axis=1)
    conn.close()
    return [list(map(int, row)) for row in best_i]


def _rss_mb() -> float:
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def worker(args: argparse.Namespace) -> int:
    """Measure one store in this process; prints one JSON line."""
    from memex.app import Brain
    home = Path(args.home)
    spec = args.store
    extra: dict = {}
    cluster = None
    if spec == "pgvector":
        from pg_cluster import PgCluster
        cluster = PgCluster()
        cluster.start(replica=False)
        spec = f"pgvector:{cluster.primary.url}"
    for f in (home / "cache").glob("ann-*" if args.store.startswith("ann") else "vectors-*"):
        if not args.reuse:
            f.unlink()  # this store builds from SQLite (other stores' files may be in use by a parallel run)
    queries = json.loads(Path(args.queries_file).read_text())
    truth = queries["truth"]
    if not args.lexical_index:
        os.environ["MEMEX_LEXICAL_INDEX"] = "0"  # BM25 straight from FTS5, as before the impact index
    try:
        with Brain.open(home, embedder="minilm", vector_store=spec) as brain:
            brain.search_embedder.embed_query("warm up the model")
            t0 = time.perf_counter()
            idx = brain.index  # builds the backend from SQLite (and saves its snapshot)
            brain._save_index()
            build_s = time.perf_counter() - t0
            if args.lexical_index:  # the BM25 impact index (memex.store.lexical), built or loaded now
                from memex.store import lexical
                if not args.reuse:
                    for f in (home / "cache").glob("bm25*"):
                        f.unlink()
                t0 = time.perf_counter()
                lx = lexical.for_search(brain.conn, home / "cache", (float(brain.settings.title_weight),
                                        float(brain.settings.heading_weight)), len(idx), wait=True)
                extra["lexical_build_s"] = round(time.perf_counter() - t0, 1)
                extra["lexical_disk_mb"] = round(sum(f.stat().st_size for f in (home / "cache").glob("bm25*"))
                                                 / 2**20, 1) if lx is not None else 0.0
            for q in queries["text"][:10]:
                brain.search(q, 10)
            lat, cpu = [], []
            for q in queries["text"]:
                t, c = time.perf_counter(), time.process_time()
                brain.search(q, 10)
                lat.append((time.perf_counter() - t) * 1000)
                cpu.append((time.process_time() - c) * 1000)
            # CPU time of the whole process per search (all threads): on a loaded machine wall time is
            # mostly waiting for a core; this is what the search itself costs.
            extra["cpu_p50_ms"] = round(statistics.median(cpu), 1)
            s = brain.searcher
            qv = np.asarray(queries["vectors"], dtype=np.float32)
            dense_lat = []
            for v in qv:  # the backend alone: 100 candidates for a ready query vector
                t = time.perf_counter()
                idx.search(v, 100)
                dense_lat.append((time.perf_counter() - t) * 1000)
            extra["dense_p50_ms"] = round(statistics.median(dense_lat), 2)
            lex_lat, emb_lat = [], []
            for q in queries["text"]:  # the parts that do not depend on the backend
                t = time.perf_counter()
                s.lexical(q, 100)
                lex_lat.append((time.perf_counter() - t) * 1000)
                t = time.perf_counter()
                brain.search_embedder.embed_query(q)
                emb_lat.append((time.perf_counter() - t) * 1000)
            extra["bm25_p50_ms"] = round(statistics.median(lex_lat), 2)
            extra["bm25_p95_ms"] = round(float(np.percentile(lex_lat, 95)), 2)
            extra["embed_p50_ms"] = round(statistics.median(emb_lat), 2)
            extra["load_avg"] = os.getloadavg()[0]
            hits = [len(set(c for c, _ in s.dense("", 100, query_vector=v)[:10]) & set(t)) / 10
                    for v, t in zip(qv, truth, strict=True)]
            rss = _rss_mb()
            if idx.kind == "pgvector":
                import psycopg
                with psycopg.connect(cluster.primary.url) as c:  # type: ignore[union-attr]
                    disk = c.execute("SELECT pg_total_relation_size(%s)", (idx.table,)).fetchone()[0] / 2**20
                extra["hnsw_ef_search"] = 200
            elif idx.kind == "ann":
                disk = sum(f.stat().st_size for f in (home / "cache").glob(f"{idx.meta_path.stem}*")) / 2**20
            else:
                disk = idx.path.stat().st_size / 2**20 if idx.path.exists() else 0.0
            peak = 0.0
            for line in open("/proc/self/status"):
                if line.startswith("VmHWM:"):
                    peak = int(line.split()[1]) / 1024
        row = {"chunks": args.chunks, "store": args.store if idx.kind != "exact" or args.store == "exact"
               else f"{args.store}->exact", "build_s": round(build_s, 1),
               "p50_ms": round(statistics.median(lat), 1), "p95_ms": round(float(np.percentile(lat, 95)), 1),
               "recall_at_10": round(float(np.mean(hits)), 4), "rss_mb": round(rss), "disk_mb": round(disk, 1),
               "peak_rss_mb": round(peak), "kind": idx.kind, **extra}
        print(json.dumps(row), flush=True)
    finally:
        if cluster is not None:
            cluster.stop()
    return 0


def sync_bench(n_notes: int, stores: list[str], as_json: bool) -> int:
    """No-change sync of an n-note vault with each backend, round-robin (this machine's load drifts)."""
    import tempfile
    from contextlib import ExitStack

    from sync import make_vault

    from memex.app import Brain
    cluster = None
    with tempfile.TemporaryDirectory() as tmp, ExitStack() as stack:
        vault, home = Path(tmp) / "vault", Path(tmp) / "home"
        make_vault(vault, n_notes)
        with Brain.open(home, embedder="hash:384", vector_store="exact") as brain:
            brain.add([vault])
        specs = {}
        for store in stores:
            spec = store
            if store.startswith("pgvector"):
                if cluster is None:
                    from pg_cluster import PgCluster
                    cluster = PgCluster().start(replica=False)
                    stack.callback(cluster.stop)
                spec = f"pgvector:{cluster.primary.url}"
            elif store.startswith("qdrant"):
                spec = f"qdrant:local:{Path(tmp) / 'qdrant'}"
            specs[store] = spec
        brains = {s: stack.enter_context(Brain.open(home, embedder="hash:384", vector_store=spec))
                  for s, spec in specs.items()}
        for b in brains.values():
            b.index  # noqa: B018 - every backend built and current before timing
        times: dict[str, list[float]] = {s: [] for s in stores}
        cli: dict[str, list[float]] = {s: [] for s in stores}
        for _ in range(5):
            for s, b in brains.items():
                t0 = time.perf_counter()
                r = b.sync()
                times[s].append((time.perf_counter() - t0) * 1000)
                assert r.chunks_embedded == 0 and r.unchanged == n_notes
        for _ in range(3):
            for s, spec in specs.items():
                env = dict(os.environ, MEMEX_EMBEDDER="hash:384", MEMEX_VECTOR_STORE=spec)
                t0 = time.perf_counter()
                subprocess.run([sys.executable, "-m", "memex.interfaces.cli", "sync", "--json", "--home",
                                str(home)], check=True, capture_output=True, env=env)
                cli[s].append((time.perf_counter() - t0) * 1000)
        target = next(vault.rglob("note3.md"))
        for s, b in brains.items():
            target.write_text(target.read_text() + f"\n\nOne more line about herons, for {s}.\n")
            t0 = time.perf_counter()
            b.sync()  # re-embeds one chunk and brings this backend up to date
            edit_ms = (time.perf_counter() - t0) * 1000
            row = {"notes": n_notes, "store": s, "nochange_sync_ms": round(statistics.median(times[s])),
                   "cli_nochange_sync_ms": round(statistics.median(cli[s])), "one_edit_sync_ms": round(edit_ms)}
            print(json.dumps(row) if as_json else f"  {row}", flush=True)
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--chunks", type=int, default=100_000)
    ap.add_argument("--stores", default="exact,ann,pgvector",
                    help="comma-separated vector_store specs: exact, ann, ann:bf16, auto, pgvector, ...")
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--base", type=int, default=40_000, help="real chunks embedded before augmenting")
    ap.add_argument("--json", action="store_true", help="one JSON object per store per line")
    ap.add_argument("--sync-notes", type=int, default=0,
                    help="instead: time a no-change sync of a vault of this many notes with each store")
    ap.add_argument("--reuse", action="store_true",
                    help="keep a backend's snapshot from an earlier run (build_s is then its load time)")
    ap.add_argument("--no-lexical-index", dest="lexical_index", action="store_false",
                    help="BM25 straight from FTS5 (the baseline), not through the impact index")
    ap.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--store", help=argparse.SUPPRESS)
    ap.add_argument("--home", help=argparse.SUPPRESS)
    ap.add_argument("--queries-file", help=argparse.SUPPRESS)
    args = ap.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # so a killed run still stops its PostgreSQL
    if args.worker:
        return worker(args)
    if args.sync_notes:
        return sync_bench(args.sync_notes, [s.strip() for s in args.stores.split(",") if s.strip()], args.json)
    if not DATA.exists():
        print(f"needs {DATA} (the shared evaluation data)", file=sys.stderr)
        return 2
    from memex.embed import embedder_id, load_embedder
    texts, base = load_base(args.base)
    emb_id = embedder_id("minilm")
    key = hashlib.sha1(f"{len(texts)}-{SIGMA}-{PER_DOC}-{base[:4].tobytes().hex()}".encode()).hexdigest()[:8]
    home = cache_dir() / f"scale-store-{args.chunks}-{key}"
    if not (home / "ready").exists():
        shutil.rmtree(home, ignore_errors=True)
        t0 = time.perf_counter()
        build_store(home, args.chunks, texts, base, emb_id)
        (home / "ready").write_text("ok")
        print(f"store of {args.chunks:,} chunks written in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    queries = load_queries(args.queries)
    model = load_embedder("minilm")
    qv = np.stack([model.embed_query(q) for q in queries])
    truth = ground_truth(home, qv, emb_id)
    qfile = home / f"queries-{os.getpid()}.json"
    qfile.write_text(json.dumps({"text": queries, "vectors": qv.tolist(), "truth": truth}))
    rows = []
    for name in [s.strip() for s in args.stores.split(",") if s.strip()]:
        # "<store>/fts5": that store with BM25 straight from FTS5 (the baseline for the impact index)
        store, fts5 = name.removesuffix("/fts5"), name.endswith("/fts5") or not args.lexical_index
        cmd = [sys.executable, __file__, "--worker", "--store", store, "--home", str(home), "--chunks",
               str(args.chunks), "--queries-file", str(qfile)] + (["--reuse"] if args.reuse else []) \
            + (["--no-lexical-index"] if fts5 else [])
        res = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"})
        line = next((x for x in res.stdout.splitlines() if x.startswith("{")), None)
        if res.returncode != 0 or line is None:
            print(f"{name}: failed ({res.returncode})\n{res.stderr[-3000:]}", file=sys.stderr)
            continue
        row = json.loads(line)
        if fts5:
            row["store"] += "/fts5"
            line = json.dumps(row)
        rows.append(row)
        if args.json:
            print(line, flush=True)
        else:
            print(f"  {store}: {line}", file=sys.stderr, flush=True)
    if not args.json:
        print("\n| chunks | store | build s | p50 ms | p95 ms | recall@10 | RSS MB | disk MB |")
        print("|---:|---|---:|---:|---:|---:|---:|---:|")
        for r in rows:
            print(f"| {r['chunks']:,} | {r['store']} | {r['build_s']} | {r['p50_ms']} | {r['p95_ms']} | "
                  f"{r['recall_at_10']} | {r['rss_mb']} | {r['disk_mb']} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
