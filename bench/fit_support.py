"""Fit the answer support score (agents/abstain.py) on the dev vaults and check it on a vault it never saw.

Reads the per-question rows `bench/calibrate_abstention.py` collects (support signals of every answer with
abstention off, and whether the answer held the gold facts). The support score is a logistic model of "this
answer is right" over a few signals that do not depend on one vault: how much of the question the statement
the answer stands on covers (with and without its subject), its meaning relative to the other retrieved
statements, whether it offers the kind of answer asked for, and whether the names the question gives are in
the evidence. Unanswerable questions and wrong answers are the negatives.

Cross-validation leaves one vault out: the weights and the threshold (most abstention on unanswerable
questions with at most `--target` false abstention on each training vault, the middle of that plateau) are
fitted on the others and the held-out vault's rates are reported, per question type.

    python bench/fit_support.py --cache bench/results/calibrate_abstention [--features a,b,c] [--l2 1.0]
        [--penalise focal_missing --folds engineer,teacher,consultant]
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

from memex.agents import abstain

UNANSWERABLE = "unanswerable"


def value(f: dict, name: str) -> float:
    """One signal; "a*b" is the product of two."""
    out = 1.0
    for part in name.split("*"):
        out *= float(f.get(part, 0.0))
    return out


def matrix(rows: list[dict], names: list[str]) -> np.ndarray:
    """One row of signals per question (a question with no answer statement gets the weakest values)."""
    return np.array([[value(r["features"], n) if r["features"] else -1.0 for n in names] for r in rows])


LABEL = "right"


def labels(rows: list[dict]) -> np.ndarray:
    """1: an answerable question answered with its gold facts; 0: unanswerable, or a wrong answer (with
    `--label answerable`: 1 for every answerable question)."""
    if LABEL == "answerable":
        return np.array([1.0 if r["type"] != UNANSWERABLE else 0.0 for r in rows])
    return np.array([1.0 if r["type"] != UNANSWERABLE and r["holds"] else 0.0 for r in rows])


def fit(x: np.ndarray, y: np.ndarray, l2: float, w: np.ndarray | None = None) -> np.ndarray:
    """L2-regularised logistic regression by Newton's method (weights[0] is the intercept, not penalised);
    `w` weighs each example (unanswerable questions are few and count more)."""
    xb = np.hstack([np.ones((len(x), 1)), x])
    w = np.ones(len(x)) if w is None else w
    beta = np.zeros(xb.shape[1])
    reg = np.full(xb.shape[1], l2)
    reg[0] = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-xb @ beta))
        grad = xb.T @ (w * (p - y)) + reg * beta
        hess = (xb * (w * p * (1 - p))[:, None]).T @ xb + np.diag(reg) + 1e-9 * np.eye(len(beta))
        step = np.linalg.solve(hess, grad)
        beta -= step
        if np.abs(step).max() < 1e-8:
            break
    return beta


def score(beta: np.ndarray, x: np.ndarray) -> np.ndarray:
    """The support score: the model's log-odds that the answer is right."""
    return beta[0] + x @ beta[1:]


def rates(rows: list[dict], s: np.ndarray, t: float) -> tuple[float, float, float]:
    """(false abstention on answerable, abstention on unanswerable, gold fact kept) at threshold t."""
    ans = np.array([r["type"] != UNANSWERABLE for r in rows])
    holds = np.array([r["holds"] for r in rows])
    ab = s < t
    fa = float(ab[ans].mean()) if ans.any() else 0.0
    ua = float(ab[~ans].mean()) if (~ans).any() else 0.0
    gf = float((holds & ~ab)[ans].mean()) if ans.any() else 0.0
    return fa, ua, gf


MARGIN = 0.02


def choose(sets: dict[str, list[dict]], scores: dict[str, np.ndarray], target: float,
           step: float = 0.01) -> float:
    """The threshold (on a `step` grid) with the most abstention on unanswerable questions (pooled) while every
    set keeps false abstention at or below the target there and MARGIN above; the middle of that plateau (the
    rule of bench/calibrate_abstention.py --per-set)."""
    lo, hi = np.concatenate(list(scores.values())).min(), np.concatenate(list(scores.values())).max()
    grid = np.round(np.arange(np.floor(lo / step) * step, hi + 2 * step, step), 4)
    rows = [r for rs in sets.values() for r in rs]
    pooled = np.concatenate([scores[n] for n in sets])
    ok = [(float(t), rates(rows, pooled, t)[1]) for t in grid
          if all(rates(sets[n], scores[n], u)[0] <= target for n in sets for u in (t, t + MARGIN))]
    if not ok:
        return float(grid.min())
    top = max(ua for _, ua in ok)
    plateau = [t for t, ua in ok if ua == top]
    return plateau[len(plateau) // 2]


def best_ua(rows: list[dict], s: np.ndarray, target: float) -> float:
    """The most abstention on unanswerable questions any threshold reaches at <= target false abstention."""
    return max((rates(rows, s, t)[1] for t in np.unique(s) if rates(rows, s, t)[0] <= target), default=0.0)


def per_type(rows: list[dict], s: np.ndarray, t: float) -> str:
    """type: abstained share (gold fact kept) for every question type."""
    out = []
    for kind in sorted({r["type"] for r in rows}):
        idx = [i for i, r in enumerate(rows) if r["type"] == kind]
        ab = float(np.mean(s[idx] < t))
        gf = "" if kind == UNANSWERABLE else f" gf {np.mean([rows[i]['holds'] and s[i] >= t for i in idx]):.2f}"
        out.append(f"{kind} n={len(idx)} abst {ab:.2f}{gf}")
    return "; ".join(out)


def penalised(rows: list[dict], feature: str, w: float) -> np.ndarray:
    """Today's support less w times one signal (a question with no answer statement keeps its support)."""
    return np.array([r["support"] - w * float((r["features"] or {}).get(feature, 0.0)) for r in rows])


def penalty_report(sets: dict[str, list[dict]], feature: str, weights: list[float], target: float,
                   folds: list[str]) -> None:
    """Fit the weight of one penalty on today's support and the threshold with it, leaving one vault out: on the
    training vaults, the weight whose chosen threshold (`choose`) abstains on the most unanswerable questions
    (ties: the smallest weight); then the held-out vault's rates. Then the trade-off curve at each weight."""
    print(f"\npenalty on {feature}: support - w x {feature}, w and threshold fitted on the other vaults")
    print(f"{'held out':12s} {'w':>5s} {'threshold':>9s} {'false_abst':>10s} {'unans_abst':>10s} {'gold_fact':>9s}")
    for held in folds:
        others = [n for n in folds if n != held]
        best = None
        for w in weights:
            sc = {n: penalised(sets[n], feature, w) for n in others}
            t = choose({n: sets[n] for n in others}, sc, target)
            pooled = [r for n in others for r in sets[n]]
            ua = rates(pooled, np.concatenate([sc[n] for n in others]), t)[1]
            if best is None or ua > best[0] + 1e-9:
                best = (ua, w, t)
        _, w, t = best
        s = penalised(sets[held], feature, w)
        fa, ua, gf = rates(sets[held], s, t)
        print(f"{held:12s} {w:5.2f} {t:9.3f} {fa:10.3f} {ua:10.3f} {gf:9.3f}   {per_type(sets[held], s, t)}")
    print("\ntrade-off curve (every vault): w, threshold -> false_abst/unans_abst per vault")
    for w in weights:
        for t in np.round(np.arange(0.30, 0.50, 0.01), 2):
            per = "  ".join("%s %.3f/%.3f" % ((n,) + rates(sets[n], penalised(sets[n], feature, w), t)[:2])
                            for n in sets)
            print(f"  w {w:4.2f} t {t:4.2f}  {per}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cache", default="bench/results/calibrate_abstention")
    ap.add_argument("--sets", default="engineer,teacher,consultant,panadera")
    ap.add_argument("--features", default=",".join(abstain.SUPPORT_FEATURES))
    ap.add_argument("--l2", type=float, default=1.0)
    ap.add_argument("--unanswerable-weight", type=float, default=3.0)
    ap.add_argument("--target", type=float, default=0.10)
    ap.add_argument("--label", choices=("right", "answerable"), default="right")
    ap.add_argument("--penalise", default="", help="a signal to fit a penalty weight on, leaving one vault out")
    ap.add_argument("--weights", default="0,0.05,0.1,0.15,0.2,0.25,0.3,0.35,0.4")
    ap.add_argument("--folds", default="engineer,teacher,consultant",
                    help="the vaults of one embedder, for the penalty's leave-one-vault-out fit")
    args = ap.parse_args()
    global LABEL
    LABEL = args.label
    names = args.features.split(",")
    sets = {n: json.loads((Path(args.cache) / f"{n}.json").read_text()) for n in args.sets.split(",")}
    print("separability (each vault's own best threshold; unanswerable abstained at <= target false abstention):")
    for n, rs in sets.items():
        base = np.array([r["support"] for r in rs])
        beta = fit(matrix(rs, names), labels(rs), args.l2,
                   np.array([args.unanswerable_weight if r["type"] == UNANSWERABLE else 1.0 for r in rs]))
        own = score(beta, matrix(rs, names))
        print(f"  {n:12s} today's support {best_ua(rs, base, args.target):.3f}   fitted {best_ua(rs, own, args.target):.3f}")
    print("today's support, threshold chosen on the other vaults:")
    for held in sets:
        others = [n for n in sets if n != held]
        t = choose({n: sets[n] for n in others}, {n: np.array([r["support"] for r in sets[n]]) for n in others},
                   args.target)
        s = np.array([r["support"] for r in sets[held]])
        fa, ua, gf = rates(sets[held], s, t)
        print(f"{held:12s} {t:9.3f} {fa:10.3f} {ua:10.3f} {gf:9.3f}   {per_type(sets[held], s, t)}")

    def train(train_sets: list[str]) -> np.ndarray:
        rows = [r for n in train_sets for r in sets[n]]
        w = np.array([args.unanswerable_weight if r["type"] == UNANSWERABLE else 1.0 for r in rows])
        return fit(matrix(rows, names), labels(rows), args.l2, w)

    print(f"features: {names}\n\nleave one vault out (weights and threshold fitted on the others):")
    print(f"{'held out':12s} {'threshold':>9s} {'false_abst':>10s} {'unans_abst':>10s} {'gold_fact':>9s}")
    for held in sets:
        others = [n for n in sets if n != held]
        beta = train(others)
        t = choose({n: sets[n] for n in others}, {n: score(beta, matrix(sets[n], names)) for n in others},
                   args.target)
        s = score(beta, matrix(sets[held], names))
        fa, ua, gf = rates(sets[held], s, t)
        print(f"{held:12s} {t:9.3f} {fa:10.3f} {ua:10.3f} {gf:9.3f}   {per_type(sets[held], s, t)}")
    beta = train(list(sets))
    if args.penalise:
        penalty_report(sets, args.penalise, [float(w) for w in args.weights.split(",")], args.target,
                       [n for n in args.folds.split(",") if n in sets])
    scores = {n: score(beta, matrix(sets[n], names)) for n in sets}
    t = choose(sets, scores, args.target)
    print("\nfitted on all: intercept %.3f, " % beta[0]
          + ", ".join(f"{n} {b:.3f}" for n, b in zip(names, beta[1:], strict=True)) + f"; threshold {t:.3f}")
    for n in sets:
        fa, ua, gf = rates(sets[n], scores[n], t)
        print(f"  {n:12s} false_abst {fa:.3f} unans_abst {ua:.3f} gold_fact {gf:.3f}   "
              f"{per_type(sets[n], scores[n], t)}")


if __name__ == "__main__":
    main()
