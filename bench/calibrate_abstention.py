"""Calibrate the extractive answerer's abstention threshold on dev QA sets (agents/abstain.py).

Every question of each set is asked through the full pipeline (`Brain.ask(trace=True)`); the support score
of the composed answer (the score of the statement it stands on) is recorded with the question's type and
whether the answer held the gold facts. The threshold is then swept: for each value, the false abstention on
answerable questions and the abstention on unanswerable ones, overall and per type. The chosen threshold
is the middle of those reaching the most abstention on unanswerable questions while false abstention stays at
or below the target (10%) there and `--margin` (0.02) above. It also prints where each set's cosines sit
(median and interquartile range of the answer statement's cosine), for the per-embedder scale
(`abstain.COSINE_SCALES`).

    python bench/calibrate_abstention.py --set teacher=H1:Q1 --set consultant=H2:Q2 [--target 0.10] [--per-set]
        [--margin 0.02]
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

from memex.agents import abstain
from memex.app import Brain
from memex.eval.answers import UNANSWERABLE, contains, read_answer_set


def collect(home: str, qa: str) -> list[dict]:
    """Support score, support signals and outcome of every question, answered with abstention switched off.

    Also where a miss comes from: whether any retrieved statement held the gold facts (`gold_retrieved`) and
    the rank of the first one that did among the scored statements (`gold_rank`), so a wrong answer can be
    told apart as retrieval (not retrieved), statement choice (retrieved, not chosen) or abstention."""
    rows = []
    saved = abstain.SUPPORT_THRESHOLD, abstain.threshold_for, abstain.support_score
    seen: dict[str, list] = {}

    def spy(*args, **kw):  # the statements the composer scored, for the gold-rank diagnosis
        seen["candidates"] = list(kw.get("candidates") or (args[5] if len(args) > 5 else []))
        seen["used"] = [f"{c.unit.context}\n{c.unit.text}" for c in (args[2] if len(args) > 2 else kw.get("used", []))]
        return saved[2](*args, **kw)

    abstain.SUPPORT_THRESHOLD = -1.0  # record every answer's support: nothing abstains while collecting
    abstain.threshold_for = lambda _embedder_id: -1.0
    abstain.support_score = spy
    try:
        with Brain.open(home) as brain:
            for it in read_answer_set(Path(qa)):
                seen.clear()
                a = brain.ask(it["question"], trace=True)
                synth = [s for s in (a.steps or {}).get("trace", []) if s["step"] == "synthesize"]
                s = synth[-1] if synth else {}
                holds = bool(it["must"]) and all(contains(a.answer, m) for m in it["must"])
                cands = seen.get("candidates", [])
                rank = next((i for i, c in enumerate(cands)
                             if it["must"] and all(contains(f"{c.unit.context}: {c.unit.text}", m) for m in it["must"])),
                            None)
                rows.append({"id": it["id"], "type": it["type"], "support": float(s.get("support", 0.0)),
                             "mode": s.get("mode", "none"), "top": (s.get("top") or [None])[0],
                             "checks": s.get("checks", {}), "features": (s.get("checks") or {}).get("features", {}),
                             "gold_retrieved": rank is not None, "gold_rank": rank,
                             "holds": holds, "used": seen.get("used", []), "answer": a.answer[:300], "question": it["question"]})
    finally:
        abstain.SUPPORT_THRESHOLD, abstain.threshold_for, abstain.support_score = saved
    return rows


def rates(rows: list[dict], t: float) -> tuple[float, float]:
    """(false abstention on answerable, abstention on unanswerable) at threshold t."""
    ans = [r["support"] < t for r in rows if r["type"] != UNANSWERABLE]
    una = [r["support"] < t for r in rows if r["type"] == UNANSWERABLE]
    return (float(np.mean(ans)) if ans else 0.0, float(np.mean(una)) if una else 0.0)


def gold_fact(rows: list[dict], t: float) -> float:
    """Share of answerable questions answered (support at or above t) with the gold facts in the answer."""
    ans = [r["holds"] and r["support"] >= t for r in rows if r["type"] != UNANSWERABLE]
    return float(np.mean(ans)) if ans else 0.0


def cosine_scale(rows: list[dict]) -> tuple[float, float]:
    """(median, interquartile range) of the cosine between each question and the statement its answer stands on:
    where this embedder's cosines sit, for `abstain.COSINE_SCALES` (measure each embedder on the same questions)."""
    sems = [r["features"]["semantic"] for r in rows if r.get("features")]
    if not sems:
        return 0.0, 0.0
    q1, mid, q3 = np.percentile(sems, [25, 50, 75])
    return float(mid), float(q3 - q1)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--set", action="append", required=True, help="NAME=HOME:QA_FILE")
    ap.add_argument("--cache", default="bench/results/calibrate_abstention")
    ap.add_argument("--target", type=float, default=0.10, help="most false abstention allowed")
    ap.add_argument("--margin", type=float, default=0.02,
                    help="a threshold qualifies only if the false-abstention target also holds this far above it "
                         "(a new vault whose scores run a little lower is not pushed over the target)")
    ap.add_argument("--per-set", action="store_true",
                    help="hold every set, not only the pooled questions, to the false-abstention target (a "
                         "threshold serves one home at a time: a vault with few questions must not be outvoted)")
    args = ap.parse_args()
    cache = Path(args.cache)
    cache.mkdir(parents=True, exist_ok=True)
    sets: dict[str, list[dict]] = {}
    for spec in args.set:
        name, rest = spec.split("=", 1)
        home, qa = rest.split(":", 1)
        f = cache / f"{name}.json"
        sets[name] = json.loads(f.read_text()) if f.exists() else collect(home, qa)
        f.write_text(json.dumps(sets[name]))
    rows = [r for rs in sets.values() for r in rs]
    print("cosine of the answer's statement, median / interquartile range (abstain.COSINE_SCALES): "
          + ", ".join("%s %.3f / %.3f" % ((name,) + cosine_scale(rs)) for name, rs in sets.items())
          + ", pooled %.3f / %.3f" % cosine_scale(rows))
    grid = np.round(np.arange(0.20, 0.80, 0.01), 2)
    print("threshold  false_abst  unans_abst  gold_fact   " + "  ".join(f"{n}(fa/ua)" for n in sets))
    ok = []
    for t in grid:
        fa, ua = rates(rows, t)
        per = "  ".join("%.2f/%.2f" % rates(rs, t) for rs in sets.values())
        print(f"{t:9.2f}  {fa:10.3f}  {ua:10.3f}  {gold_fact(rows, t):9.3f}   {per}")
        if all(rates(rows, u)[0] <= args.target and (not args.per_set or all(rates(rs, u)[0] <= args.target
                                                                           for rs in sets.values()))
               for u in (t, t + args.margin)):
            ok.append((float(t), ua))
    # The thresholds reaching the most abstention on unanswerable questions within the false-abstention
    # budget form a plateau; its middle is the choice least sensitive to a new vault's shift in scores.
    top = max((ua for _, ua in ok), default=None)
    plateau = [t for t, ua in ok if ua == top]
    best = plateau[len(plateau) // 2] if plateau else None
    print(f"\nthresholds with the most abstention on unanswerable ({top}) at false abstention <= {args.target}: "
          f"{plateau[0] if plateau else '-'} to {plateau[-1] if plateau else '-'}; chosen (middle): {best}")
    if best is not None:
        by_type: dict[str, list[dict]] = {}
        for r in rows:
            by_type.setdefault(r["type"], []).append(r)
        for kind, rs in sorted(by_type.items()):
            ab = np.mean([r["support"] < best for r in rs])
            print(f"  {kind:16s} n={len(rs):3d}  abstains {ab:.2f}")
        print(f"\nper set at {best}: type: abstains (gold fact kept)")
        for name, rs in sets.items():
            fa, ua = rates(rs, best)
            print(f"  {name}: false abstention {fa:.3f}, unanswerable abstained {ua:.3f}, "
                  f"gold fact {gold_fact(rs, best):.3f}")
            kinds: dict[str, list[dict]] = {}
            for r in rs:
                kinds.setdefault(r["type"], []).append(r)
            print("    " + ", ".join(f"{k} {np.mean([r['support'] < best for r in v]):.2f}"
                                     + ("" if k == UNANSWERABLE else f" ({gold_fact(v, best):.2f})")
                                     for k, v in sorted(kinds.items())))


if __name__ == "__main__":
    main()
