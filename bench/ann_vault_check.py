"""exact vs ann on a dev vault: the same top-10 notes and note-level nDCG@10 for every question.

Usage: python bench/ann_vault_check.py HOME QUESTIONS.jsonl   (HOME: the vault indexed with `memex add`)
"""
import json
import math
import sys

from memex.app import Brain

home, qa = sys.argv[1], sys.argv[2]
qs = [json.loads(l) for l in open(qa)]
res = {}
for store in ("exact", "ann"):
    with Brain.open(home, vector_store=store) as b:
        res[store] = [[h.path for h in b.search(q["question"], k=10)] for q in qs]
same = sum(a == b for a, b in zip(res["exact"], res["ann"]))
def ndcg(paths, gold):
    seen, dcg = [], 0.0
    for i, p in enumerate(paths):
        if p in seen: continue
        seen.append(p)
        if any(p.endswith(g) for g in gold): dcg += 1 / math.log2(len(seen) + 1)
    ideal = sum(1 / math.log2(i + 2) for i in range(min(len(gold), 10)))
    return dcg / ideal if ideal else 0.0
golds = [q.get("gold_notes") or q.get("gold") or [] for q in qs]
for s in res:
    vals = [ndcg(r, g) for r, g in zip(res[s], golds) if g]
    print(s, "nDCG@10 over notes", round(sum(vals) / len(vals), 4), "n", len(vals))
print("identical top-10 lists", same, "of", len(qs))
