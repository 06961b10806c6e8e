"""Dev-split experiments on the lexical side that were NOT adopted (docs/benchmarks.md, "Not adopted").

SciFact train queries only. The production BM25 (FTS5) and dense candidate lists are fused with convex
0.6 : 0.4 as in Searcher.search; each experiment swaps the BM25 list for a variant:
  k1b   own BM25 over FTS5's own tokens (fts5vocab), with other k1 / b than FTS5's fixed 1.2 / 0.75
  doc   a second FTS5 table with whole notes; its BM25 replaces the chunk's for notes of <= K chunks
  rm3   RM3 pseudo-relevance feedback (expansion terms from the top BM25 notes)
Usage: python bench/exp_lexical.py [k1b|doc|rm3]
"""
from __future__ import annotations

import collections
import sys
from pathlib import Path

import numpy as np
from scipy import sparse

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
from memex.eval import metrics  # noqa: E402
from memex.eval.beir import load_dataset  # noqa: E402
from memex.eval.runner import throwaway_brain  # noqa: E402
from memex.retrieve.fusion import convex  # noqa: E402
from memex.retrieve.query import parse_query  # noqa: E402
from memex.retrieve.search import Searcher  # noqa: E402

TOKENIZER = "porter unicode61 remove_diacritics 2"


class OwnBM25:
    """BM25 with chosen k1 / b over a (rows x terms) count matrix built from FTS5's own tokenisation."""

    def __init__(self, counts: sparse.csr_matrix, row_ids: np.ndarray, terms: dict[str, int],
                 k1: float = 1.2, b: float = 0.75) -> None:
        self.tf, self.row_ids, self.terms, self.k1 = counts.tocsc(), row_ids, terms, k1
        lengths = np.asarray(counts.sum(1)).ravel()
        self.norm = k1 * (1 - b + b * lengths / lengths.mean())
        df = np.asarray((counts > 0).sum(0)).ravel()
        self.idf = np.log((counts.shape[0] - df + 0.5) / (df + 0.5) + 1)

    def search(self, weights: dict[str, float], n: int = 300) -> list[tuple[int, float]]:
        scores = np.zeros(self.tf.shape[0])
        for term, w in weights.items():
            if term in self.terms:
                col = self.tf[:, self.terms[term]]
                f = col.data
                scores[col.indices] += w * self.idf[self.terms[term]] * f * (self.k1 + 1) / (f + self.norm[col.indices])
        top = np.argsort(-scores)[:n]
        return [(int(self.row_ids[i]), float(scores[i])) for i in top if scores[i] > 0]


def token_matrix(conn, doc_of: dict[int, int] | None = None):
    """Chunk (or, with doc_of, note) x term counts from fts5vocab's instance table."""
    conn.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.v USING fts5vocab(main, chunks_fts, instance)")
    terms: dict[str, int] = {}
    rows, cols = [], []
    for term, rowid in conn.execute("SELECT term, doc FROM temp.v"):
        rows.append(doc_of[rowid] if doc_of else rowid)
        cols.append(terms.setdefault(term, len(terms)))
    ids, inv = np.unique(np.array(rows), return_inverse=True)
    return sparse.csr_matrix((np.ones(len(inv)), (inv, np.array(cols))), shape=(len(ids), len(terms))), ids, terms


def main() -> None:
    mode = sys.argv[1] if len(sys.argv) > 1 else "k1b"
    ds = load_dataset(ROOT / ".." / "shared" / "data" / "scifact", "train")
    with throwaway_brain(ds) as (brain, names, _info):
        conn = brain.conn
        chunk_doc = {c: d for c, d in conn.execute("SELECT id, doc_id FROM chunks")}
        doc_name = {d: names.get(Path(p).name, "") for d, p in conn.execute("SELECT id, path FROM documents")}
        s = Searcher(conn, brain.embedder, brain.index, brain.settings)
        lex = {q: s.lexical(t, 300) for q, t in ds.queries.items()}
        den = {q: s.dense(t, 100) for q, t in ds.queries.items()}
        qrels = {q: dict(r) for q, r in ds.qrels.items()}
        conn.execute(f"CREATE VIRTUAL TABLE temp.qt USING fts5(x, tokenize='{TOKENIZER}')")
        conn.execute("CREATE VIRTUAL TABLE temp.qv USING fts5vocab(temp, qt, instance)")

        def tokens(text: str) -> list[str]:
            conn.execute("DELETE FROM temp.qt")
            conn.execute("INSERT INTO temp.qt(rowid, x) VALUES (1, ?)", (" ".join(parse_query(text).terms),))
            return list(dict.fromkeys(r[0] for r in conn.execute("SELECT term FROM temp.qv ORDER BY offset")))

        def report(label: str, lexical: dict[str, list[tuple[int, float]]]) -> None:
            ranked = {}
            for q in ds.queries:
                fused = convex([lexical[q][:100], den[q]], [0.6, 0.4])
                ranked[q] = list(dict.fromkeys(doc_name[chunk_doc[c]] for c, _ in
                                               sorted(fused.items(), key=lambda kv: -kv[1])[:100]))
            print(f"{label:45s} nDCG@10={metrics.aggregate(qrels, metrics.run_from_rankings(ranked))['nDCG@10']:.4f}",
                  flush=True)

        report("production (FTS5 BM25)", lex)
        qt = {q: tokens(t) for q, t in ds.queries.items()}
        if mode == "k1b":
            counts, ids, terms = token_matrix(conn)
            for k1, b in ((1.2, 0.75), (0.7, 0.75), (0.9, 0.4), (1.2, 0.5), (1.5, 0.75), (2.0, 0.75)):
                m = OwnBM25(counts, ids, terms, k1, b)
                report(f"own BM25 k1={k1} b={b}", {q: m.search(dict.fromkeys(qt[q], 1.0)) for q in ds.queries})
        elif mode == "doc":
            conn.execute(f"CREATE VIRTUAL TABLE temp.notes USING fts5(title, headings, text, tokenize='{TOKENIZER}')")
            parts: dict[int, list] = {}
            for d, t, h, x in conn.execute("SELECT c.doc_id, f.title, f.headings, f.text FROM chunks c JOIN "
                                           "chunks_fts f ON f.rowid = c.id ORDER BY c.doc_id, c.ordinal"):
                parts.setdefault(d, [t, h, []])[2].append(x)
            conn.executemany("INSERT INTO temp.notes(rowid, title, headings, text) VALUES (?, ?, ?, ?)",
                             [(d, t, h, "\n".join(xs)) for d, (t, h, xs) in parts.items()])
            n_chunks = collections.Counter(chunk_doc.values())
            note = {q: dict(conn.execute("SELECT rowid, -bm25(notes, 1.0, 1.0, 1.0) AS s FROM temp.notes "
                                         "WHERE notes MATCH ? ORDER BY s DESC LIMIT 1000",
                                         (parse_query(t).fts(),)).fetchall()) for q, t in ds.queries.items()}
            for k in (3, 4, 6):
                variant = {}
                for q in ds.queries:
                    rescored = [(c, note[q].get(chunk_doc[c], v) if n_chunks[chunk_doc[c]] <= k else v)
                                for c, v in lex[q]]
                    variant[q] = sorted(rescored, key=lambda cv: -cv[1])
                report(f"note-level BM25 for notes of <= {k} chunks", variant)
        elif mode == "rm3":
            counts, ids, terms = token_matrix(conn)
            m = OwnBM25(counts, ids, terms)
            inv_terms = {i: t for t, i in terms.items()}
            row_of = {int(c): i for i, c in enumerate(ids)}
            for fb_docs, fb_terms, keep in ((3, 10, 0.5), (5, 20, 0.7), (10, 10, 0.7)):
                variant = {}
                for q in ds.queries:
                    first = m.search(dict.fromkeys(qt[q], 1.0), fb_docs)
                    weights = dict.fromkeys(qt[q], keep / max(1, len(qt[q])))
                    if first:
                        p = np.exp(np.array([v for _, v in first]) - first[0][1])
                        p /= p.sum()
                        acc: dict[int, float] = {}
                        for (c, _), pc in zip(first, p, strict=True):
                            row = counts[row_of[c]]
                            for j, v in zip(row.indices, row.data, strict=True):
                                acc[j] = acc.get(j, 0.0) + pc * v / row.sum()
                        best = sorted(acc.items(), key=lambda kv: -kv[1] * m.idf[kv[0]])[:fb_terms]
                        z = sum(v for _, v in best)
                        for j, v in best:
                            weights[inv_terms[j]] = weights.get(inv_terms[j], 0.0) + (1 - keep) * v / z
                    variant[q] = m.search(weights)
                report(f"RM3 fb_docs={fb_docs} terms={fb_terms} keep={keep}", variant)


if __name__ == "__main__":
    main()
