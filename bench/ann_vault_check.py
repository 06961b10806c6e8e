"""exact vs ann on a dev vault: the same top-10 notes and note-level nDCG@10 for every question.

Usage: python bench/ann_vault_check.py HOME QUESTIONS.jsonl   (HOME: the vault indexed with `memex add`)
Switching the vector store re-embeds nothing, so both stores search the same vectors.
"""
from __future__ import annotations

import json
import math
import sys

from memex.app import Brain


def ndcg_at_10(paths: list[str], gold: list[str]) -> float:
    """Note-level nDCG@10: each note counted once, at its first rank."""
    seen: list[str] = []
    dcg = 0.0
    for p in paths:
        if p in seen:
            continue
        seen.append(p)
        if any(p.endswith(g) for g in gold):
            dcg += 1 / math.log2(len(seen) + 1)
    ideal = sum(1 / math.log2(i + 2) for i in range(min(len(gold), 10)))
    return dcg / ideal if ideal else 0.0


def main() -> None:
    home, qa = sys.argv[1], sys.argv[2]
    with open(qa, encoding="utf-8") as f:
        questions = [json.loads(line) for line in f if line.strip()]
    ranked: dict[str, list[list[str]]] = {}
    for store in ("exact", "ann"):
        with Brain.open(home, vector_store=store) as brain:
            ranked[store] = [[h.path for h in brain.search(q["question"], k=10)] for q in questions]
    golds = [q.get("gold_notes") or [] for q in questions]
    for store, runs in ranked.items():
        scores = [ndcg_at_10(r, g) for r, g in zip(runs, golds, strict=True) if g]
        print(f"{store}: note nDCG@10 {sum(scores) / len(scores):.4f} over {len(scores)} questions")
    same = sum(a == b for a, b in zip(ranked["exact"], ranked["ann"], strict=True))
    print(f"identical top-10 lists: {same} of {len(questions)}")


if __name__ == "__main__":
    main()
