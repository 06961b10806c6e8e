"""Full insights over a kept home, this checkout's code against a baseline source tree, alternating in one run.

Each run copies the home's database, clears every insight and stale mark (a first run), times
`contradictions.find` over all statements and then a full `insights.refresh`, in a fresh process
(PYTHONHASHSEED=0, so that ties order alike), and records what was found. Prints wall and CPU medians per
code, their ratios, and, per kind, whether both codes found exactly the same insights (and stale marks).
Usage:
  git archive <base-commit> src | tar -x -C /tmp/base
  python bench/graph_insights.py --home DIR --baseline /tmp/base/src [--runs 2] [--json]
(DIR: e.g. the home kept by `bench/graph_speed.py --keep`, or an indexed dev vault's home; it is only read.)
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHILD = r'''
import json, os, shutil, sqlite3, sys, tempfile, time
src, db, out = sys.argv[1], sys.argv[2], sys.argv[3]
sys.path.insert(0, src)
from memex.graph import contradictions, insights
tmp = tempfile.mkdtemp(prefix="memex-insights-")
try:
    shutil.copy(db, os.path.join(tmp, "memex.db"))
    conn = sqlite3.connect(os.path.join(tmp, "memex.db"), isolation_level=None)
    conn.execute("DELETE FROM meta WHERE key LIKE 'insights%'")
    conn.execute("DELETE FROM insights")
    conn.execute("UPDATE graph_statements SET stale_by = NULL")
    res = {}
    t0, c0 = time.perf_counter(), time.process_time()
    found = contradictions.find(conn, None)
    res["find_s"], res["find_cpu_s"] = time.perf_counter() - t0, time.process_time() - c0
    t0, c0 = time.perf_counter(), time.process_time()
    rep = insights.refresh(conn, full=True)
    res["insights_s"], res["insights_cpu_s"] = time.perf_counter() - t0, time.process_time() - c0
    res["new"] = dict(rep.new)
    rows = conn.execute("SELECT key, kind, title, notes, evidence, score FROM insights ORDER BY key").fetchall()
    stale = conn.execute("SELECT id, stale_by FROM graph_statements WHERE stale_by IS NOT NULL ORDER BY id").fetchall()
    with open(out, "w") as f:
        json.dump({"insights": rows, "stale": stale,
                   "found": [(c.old.id, c.new.id, c.score, c.values) for c in found]}, f)
    print(json.dumps(res))
finally:
    shutil.rmtree(tmp, ignore_errors=True)
'''


def run(src: Path, db: Path, out: Path) -> dict[str, object]:
    env = dict(os.environ, PYTHONHASHSEED="0")
    p = subprocess.run([sys.executable, "-c", CHILD, str(src), str(db), str(out)], env=env, check=True,
                       capture_output=True, text=True)
    return json.loads(p.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--home", type=Path, required=True)
    ap.add_argument("--baseline", type=Path, required=True, help="the baseline's src folder")
    ap.add_argument("--runs", type=int, default=2)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    db = args.home / "memex.db"
    codes = {"baseline": args.baseline, "this": ROOT / "src"}
    times: dict[str, list[dict[str, object]]] = {k: [] for k in codes}
    same: dict[str, bool] = {}
    with tempfile.TemporaryDirectory(prefix="memex-insights-bench-") as tmp:
        for i in range(args.runs):
            outs = {}
            for name, src in codes.items():
                outs[name] = Path(tmp) / f"{name}-{i}.json"
                times[name].append(run(src, db, outs[name]))
                print(f"run {i + 1} {name}: {json.dumps(times[name][-1])}", file=sys.stderr)
            a, b = (json.loads(outs[k].read_text()) for k in ("baseline", "this"))
            for kind in ("contradiction", "connection", "resurface", "cluster"):
                same[kind] = same.get(kind, True) and ([r for r in a["insights"] if r[1] == kind]
                                                       == [r for r in b["insights"] if r[1] == kind])
            same["stale"] = same.get("stale", True) and a["stale"] == b["stale"] and a["found"] == b["found"]
    res: dict[str, object] = {"runs": args.runs, "same_output": same}
    for key in ("find_s", "find_cpu_s", "insights_s", "insights_cpu_s"):
        med = {k: statistics.median(float(t[key]) for t in v) for k, v in times.items()}  # type: ignore[arg-type]
        res[key] = {k: round(x, 2) for k, x in med.items()} | {
            "ratio": round(med["this"] / med["baseline"], 3) if med["baseline"] else None}
    res["found"] = times["this"][-1]["new"]
    if args.json:
        print(json.dumps(res, indent=2))
        return
    print(f"{'':16}{'baseline':>10}{'this':>10}{'ratio':>8}")
    for key in ("find_s", "find_cpu_s", "insights_s", "insights_cpu_s"):
        r = res[key]
        print(f"{key:16}{r['baseline']:>10}{r['this']:>10}{r['ratio']:>8}")  # type: ignore[index]
    print(f"same output as the baseline (per kind): {same}; found {res['found']}")


if __name__ == "__main__":
    main()
