"""The naive answer baseline of issue 11, scored like `memex eval-answers`, per question type.

Naive: RRF of BM25 and the home's embedder, top 5 passages; the answer is the 3 sentences of those passages
most similar to the question (cosine, same embedder), in passage order, each cited; it never abstains.
Prints a per-type table of the naive baseline beside the pipeline's own per-question file
(`memex eval-answers … --per-question F`) run on the same home.

    python bench/naive_answers.py --home H --questions Q.jsonl [--pipeline F.jsonl] [--json]
"""
from __future__ import annotations

import argparse
import json
import os
from collections import defaultdict
from pathlib import Path
from typing import Any

import numpy as np

from memex.app import Brain
from memex.eval.answers import UNANSWERABLE, planted_addresses, read_answer_set, score_answer
from memex.ingest.chunking import split_sentences
from memex.store import documents as docs

TOP_PASSAGES = 5
TOP_SENTENCES = 3


def naive_answer(brain: Brain, question: str) -> dict[str, Any]:
    """The naive baseline's `ask --json`-shaped result for one question."""
    hits = brain.search(question, k=TOP_PASSAGES)
    pieces = [(h_i, s.strip()) for h_i, h in enumerate(hits) for _, s in split_sentences(h.text) if s.strip()]
    if not pieces:
        return {"answer": "", "citations": [], "abstained": False}
    emb = brain.search_embedder
    q = emb.embed_query(question)
    vecs = emb.embed([s for _, s in pieces])
    best = sorted(np.argsort(-(vecs @ q))[:TOP_SENTENCES])
    used: dict[int, int] = {}
    parts = []
    for i in best:
        h_i, sentence = pieces[int(i)]
        n = used.setdefault(h_i, len(used) + 1)
        parts.append(f"{sentence} [{n}]")
    citations = [{"path": hits[h_i].path} for h_i in used]
    return {"answer": " ".join(parts), "citations": citations, "abstained": False}


def per_type(rows: list[dict[str, Any]]) -> dict[str, float]:
    """Gold fact per type (abstention on unanswerable questions), and over all answerable questions."""
    groups: dict[str, list[float]] = defaultdict(list)
    for r in rows:
        if r["type"] == UNANSWERABLE:
            groups[r["type"]].append(float(r["abstained"]))
        elif "contains_all" in r:
            groups[r["type"]].append(float(r["contains_all"]))
            groups["all answerable"].append(float(r["contains_all"]))
    return {t: round(sum(v) / len(v), 3) for t, v in sorted(groups.items())}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--home", required=True)
    ap.add_argument("--questions", required=True, type=Path)
    ap.add_argument("--pipeline", type=Path, help="per-question JSONL of `memex eval-answers` on the same home")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    brain = Brain.open(a.home, fusion="rrf", overlap_bm25_share=1.0)
    roots = [os.path.normpath(p) for _, p in docs.list_sources(brain.conn)]
    planted = planted_addresses(brain.conn)
    items = read_answer_set(a.questions)
    rows = [score_answer(it, naive_answer(brain, it["question"]), roots, None, planted) for it in items]
    naive = per_type(rows)
    table: dict[str, Any] = {"naive": naive}
    if a.pipeline:
        table["pipeline"] = per_type([json.loads(line) for line in a.pipeline.read_text().splitlines() if line])
    if a.json:
        print(json.dumps(table, indent=2))
        return
    cols = list(table)
    print(f"| type | {' | '.join(cols)} |")
    print("|---|" + "---|" * len(cols))
    for t in naive:
        print(f"| {t} | " + " | ".join(f"{table[c].get(t, float('nan')):.3f}" for c in cols) + " |")


if __name__ == "__main__":
    main()
