"""Fit the extractive answerer's statement scoring on the dev vaults (offline replay of cached signals).

For every answerable question of each QA set: the answer pipeline's retrieval (plan + retrieve, as
`memex ask` runs it), every statement of the retrieved chunks (agents/evidence.py) with its signals
(agents/extractive.features), and which statements hold each gold fact. The signals are cached; the grid
search then replays scoring and picking for each weight setting and reports, per set, how often the
picked statements hold every gold fact. Compare sets: a setting that helps one vault and hurts the other
is fitted to one person's style.

    python bench/tune_answers.py --set teacher=H1:Q1 --set consultant=H2:Q2 [--cache DIR] [--grid]
"""
from __future__ import annotations

import argparse
import itertools
import json
import pickle
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np

from memex.agents.context import retrieve
from memex.agents.embed_memo import EmbedMemo
from memex.agents.evidence import all_units
from memex.agents.extractive import (
    MAX_UNITS,
    WEIGHTS,
    Weights,
    combine,
    features,
    idf_weights,
    phrase,
    question_terms,
)
from memex.agents.plan import decompose
from memex.app import Brain
from memex.eval.answers import contains, read_answer_set


def collect(home: str, qa: str) -> list[dict]:
    """Signals and gold labels for every answerable question of one set."""
    items = [i for i in read_answer_set(Path(qa)) if i["must"]]
    out = []
    with Brain.open(home) as brain:
        searcher = brain.searcher
        for it in items:
            q = it["question"]
            plan = decompose(q)
            ctx = retrieve(searcher, plan.sub_queries, None, 2400, brain.embedder, True)
            units = all_units(ctx.hits)[:MAX_UNITS]
            freq, total = searcher.term_frequencies(list(question_terms(q).values()))
            memo = EmbedMemo(brain.embedder)
            f = features(q, units, memo, idf_weights(q, freq, total))
            texts = [phrase(u) for u in units]
            holds = np.array([[contains(t, m) for m in it["must"]] for t in texts], dtype=bool).reshape(
                len(units), len(it["must"]))
            out.append({"id": it["id"], "type": it["type"], "question": q, "f": f, "holds": holds,
                        "texts": texts, "chunks": [u.hit.chunk_id for u in units]})
    return out


def answered(rows: list[dict], w: Weights, limit: int = 3) -> list[bool]:  # noqa: C901
    """Per question: do the statements the answerer would pick hold every gold fact?"""
    res = []
    for r in rows:
        if not len(r["f"]):
            res.append(False)
            continue
        s = combine(r["f"], w)
        order = np.argsort(-s)
        picked = [order[0]]
        for i in order[1:]:
            if len(picked) == limit or s[i] < s[order[0]] - w.margin:
                break
            picked.append(i)
        res.append(bool(r["holds"][picked].any(axis=0).all()))
    return res


def report(sets: dict[str, list[dict]], w: Weights) -> dict[str, float]:
    return {name: float(np.mean(answered(rows, w))) for name, rows in sets.items()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--set", action="append", required=True, help="NAME=HOME:QA_FILE")
    ap.add_argument("--cache", default="bench/results/tune_answers")
    ap.add_argument("--grid", action="store_true", help="search the weights (else report the defaults)")
    args = ap.parse_args()
    cache = Path(args.cache)
    cache.mkdir(parents=True, exist_ok=True)
    sets = {}
    for spec in args.set:
        name, rest = spec.split("=", 1)
        home, qa = rest.split(":", 1)
        f = cache / f"{name}.pkl"
        if f.exists():
            sets[name] = pickle.loads(f.read_bytes())
        else:
            sets[name] = collect(home, qa)
            f.write_bytes(pickle.dumps(sets[name]))
    print("defaults", WEIGHTS, report(sets, WEIGHTS))
    for name, rows in sets.items():
        oracle = np.mean([bool(r["holds"].any(axis=0).all()) if len(r["f"]) else False for r in rows])
        single = np.mean([bool(r["holds"].all(axis=1).any()) if len(r["f"]) else False for r in rows])
        print(f"{name}: {len(rows)} answerable; gold facts all in the statements: {oracle:.3f}; "
              f"in one statement: {single:.3f}")
    if not args.grid:
        return
    results = []
    grid = {"semantic": [0.3, 0.45, 0.6], "lexical": [0.0, 0.15, 0.3], "context": [0.0, 0.15, 0.25, 0.35],
            "kind": [0.0, 0.1, 0.2, 0.3], "kind_unknown": [0.5], "rank": [0.0, 0.1, 0.2],
            "margin": [0.03, 0.06, 0.1, 0.15]}
    keys = list(grid)
    for values in itertools.product(*grid.values()):
        w = replace(WEIGHTS, **dict(zip(keys, values, strict=True)))
        r = report(sets, w)
        results.append((min(r.values()), float(np.mean(list(r.values()))), r, dict(zip(keys, values, strict=True))))
    results.sort(key=lambda x: (-x[1], -x[0]))
    for worst, mean, r, w in results[:15]:
        print(f"mean {mean:.3f} worst {worst:.3f} {json.dumps(r)} {w}")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
