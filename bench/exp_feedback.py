"""Dev-split experiments on top of convex fusion: candidate depth, dense pseudo-relevance feedback (Rocchio),
sibling-chunk aggregation and max-only normalisation. None was adopted (docs/benchmarks.md).

Usage: python bench/exp_feedback.py scifact|multihop-rag+meta [prf|sib|tmm]
"""
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
from memex.eval import metrics  # noqa: E402
from memex.eval.beir import load_dataset  # noqa: E402
from memex.eval.evidence import evidence_metrics  # noqa: E402
from memex.eval.runner import throwaway_brain  # noqa: E402
from memex.retrieve.fusion import convex  # noqa: E402
from memex.retrieve.search import Searcher  # noqa: E402

name = sys.argv[1]
meta = name.endswith("+meta")
base_name = name.removesuffix("+meta")
ds = load_dataset(ROOT / ".." / "shared" / "data" / base_name, "train" if base_name == "scifact" else "test")
ds = ds.limited(None if base_name == "scifact" else 500)
with throwaway_brain(ds, title_fields=("source", "published_at") if meta else ()) as (brain, names, info):
    conn = brain.conn
    chunk_doc, chunk_text = {}, {}
    for cid, path, text in conn.execute("SELECT c.id, d.path, c.text FROM chunks c JOIN documents d ON d.id=c.doc_id"):
        chunk_doc[cid] = names.get(Path(path).name, "")
        chunk_text[cid] = text
    s = Searcher(conn, brain.embedder, brain.index, brain.settings)
    idx = brain.index
    row_of = {int(c): i for i, c in enumerate(idx.ids)}
    qv = {q: brain.embedder.embed_query(t) for q, t in ds.queries.items()}
    lex = {q: s.lexical(t, 200) for q, t in ds.queries.items()}
    den = {q: idx.search(qv[q], 200) for q in ds.queries}
    qrels = {q: dict(r) for q, r in ds.qrels.items()}
    def report(label, ranked):
        docs = {q: list(dict.fromkeys(chunk_doc[c] for c in r)) for q, r in ranked.items()}
        out = metrics.aggregate(qrels, metrics.run_from_rankings(docs))
        line = f"{label:40s} nDCG@10={out['nDCG@10']:.4f} R@100={out['R@100']:.4f}"
        if ds.evidence:
            ev = evidence_metrics({q: [chunk_text[c] for c in r[:10]] for q, r in ranked.items()}, ds.evidence)
            line += f" evH10={ev['Hits@10']:.4f} evMRR={ev['MRR@10']:.4f}"
        print(line, flush=True)
    def fuse(lexical, dense, a):
        sc = convex([lexical, dense], [a, 1 - a])
        return [c for c, _ in sorted(sc.items(), key=lambda kv: -kv[1])[:100]]
    chunk_docid = {}
    for cid, did in conn.execute("SELECT id, doc_id FROM chunks"):
        chunk_docid[cid] = did
    mode = sys.argv[2] if len(sys.argv) > 2 else "prf"
    if mode == "tmm":  # theoretical-min normalisation (score / max) instead of the observed minimum
        def norm(items, floor):
            if not items:
                return {}
            hi = max(v for _, v in items)
            lo = floor if floor is not None else min(v for _, v in items)
            return {c: (v - lo) / (hi - lo) if hi > lo else 1.0 for c, v in items}
        for lex_floor, den_floor, label in ((None, None, "minmax"), (0.0, None, "bm25/max"),
                                            (0.0, 0.0, "both/max")):
            for a in (0.5, 0.6, 0.7, 0.8):
                ranked = {}
                for q in ds.queries:
                    ln, dn = norm(lex[q][:100], lex_floor), norm(den[q][:100], den_floor)
                    sc = {c: a * ln.get(c, 0.0) + (1 - a) * dn.get(c, 0.0) for c in set(ln) | set(dn)}
                    ranked[q] = [c for c, _ in sorted(sc.items(), key=lambda kv: -kv[1])[:100]]
                report(f"{label} {a}", ranked)
        sys.exit(0)
    if mode == "sib":
        for a in (0.6, 0.7):
            for g in (0.0, 0.1, 0.2, 0.3, 0.5):
                ranked = {}
                for q in ds.queries:
                    sc = convex([lex[q][:100], den[q][:100]], [a, 1 - a])
                    per_doc = {}
                    for c, v in sc.items():
                        per_doc.setdefault(chunk_docid[c], []).append(v)
                    tot = {d: sum(v) for d, v in per_doc.items()}
                    adj = {c: v + g * (tot[chunk_docid[c]] - v) for c, v in sc.items()}
                    ranked[q] = [c for c, _ in sorted(adj.items(), key=lambda kv: -kv[1])[:100]]
                report(f"sibling g={g} convex {a}", ranked)
        sys.exit(0)
    for m in (30, 50, 100, 200):
        for a in (0.6, 0.7):
            report(f"cand={m} convex {a}", {q: fuse(lex[q][:m], den[q][:m], a) for q in ds.queries})
    for fb in (3, 5, 10):
        for beta in (0.3, 0.6, 1.0):
            for a in (0.6, 0.7):
                ranked = {}
                for q in ds.queries:
                    first = fuse(lex[q][:100], den[q][:100], a)[:fb]
                    v = qv[q] + beta * idx.matrix[[row_of[c] for c in first]].mean(0)
                    v = v / np.linalg.norm(v)
                    ranked[q] = fuse(lex[q][:100], idx.search(v.astype(np.float32), 100), a)
                report(f"prf fb={fb} beta={beta} convex {a}", ranked)
