#!/usr/bin/env python3
"""Run memex on a dev vault and print answer and retrieval scores per question type (and language).

Usage:  python tools/baseline.py [--memex PATH] [--home DIR] [--keep] [VAULT_DIR]

Indexes VAULT_DIR/notes into a fresh home (a temporary one unless --home is given), converts
questions.jsonl to the format `memex eval-answers` and `memex eval --qa` read ("answer_must_contain",
"gold_paths"), runs both with per-question output, and prints a Markdown table: gold fact in the answer,
gold note cited, abstentions, and gold-note recall@5 for each type; abstention for unanswerable questions.
Standard library only; the scoring itself is memex's. Same file in every vault of bench/data.
"""
from __future__ import annotations

import argparse
import collections
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

TYPES = ("single", "paraphrase", "multi_hop", "temporal_latest", "numeric", "aggregation", "injection_probe",
         "unanswerable")


def convert(questions: Path, out: Path) -> list[dict]:
    """questions.jsonl -> memex's QA format; returns the original rows."""
    rows = [json.loads(line) for line in questions.read_text(encoding="utf-8").splitlines() if line.strip()]
    with open(out, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps({"id": r["id"], "question": r["question"], "answer_must_contain": r["must_include"],
                                "gold_paths": r["gold_notes"], "type": r["type"]}, ensure_ascii=False) + "\n")
    return rows


def run(cmd: list[str]) -> None:
    print("$ " + " ".join(cmd), file=sys.stderr)
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("vault", nargs="?", default=str(Path(__file__).resolve().parent.parent))
    ap.add_argument("--memex", default=shutil.which("memex") or "memex", help="memex executable")
    ap.add_argument("--home", help="memex home to use (default: a temporary one)")
    ap.add_argument("--keep", action="store_true", help="keep the temporary home and the per-question files")
    args = ap.parse_args()
    vault = Path(args.vault).resolve()
    work = Path(tempfile.mkdtemp(prefix="memex-baseline-"))
    home = Path(args.home) if args.home else work / "home"
    qa = work / "qa.jsonl"
    answers, retrieval = work / "answers.jsonl", work / "retrieval.jsonl"
    rows = convert(vault / "questions.jsonl", qa)
    mx = [args.memex, "--home", str(home)]
    try:
        run([*mx, "add", str(vault / "notes")])
        run([*mx, "eval-answers", str(qa), "--per-question", str(answers), "--json"])
        run([*mx, "eval", "--qa", str(qa), "--per-query", str(retrieval), "--json", "--quiet"])
        ans = {r["id"]: r for r in map(json.loads, answers.read_text(encoding="utf-8").splitlines())}
        ret = {r["query_id"]: r for r in map(json.loads, retrieval.read_text(encoding="utf-8").splitlines())}
    finally:
        if args.keep:
            print(f"kept: {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)

    langs = sorted({r.get("lang", "") for r in rows})
    groups: dict[tuple[str, str], list[dict]] = collections.defaultdict(list)
    for r in rows:
        for lang in {r.get("lang", ""), "all"} if len(langs) > 1 else {""}:
            groups[(lang, r["type"])].append(r)
            if r["type"] != "unanswerable":
                groups[(lang, "all answerable")].append(r)

    def cell(items: list[dict], kind: str) -> str:
        n = len(items)
        if kind == "unanswerable":
            abst = sum(bool(ans[r["id"]]["abstained"]) for r in items)
            return f"| {n} | — | — | abstained {abst}/{n} = {abst / n:.2f} | — |"
        fact = sum(bool(ans[r["id"]].get("contains_all")) for r in items) / n
        cited = sum(bool(ans[r["id"]].get("cites_gold")) for r in items) / n
        abst = sum(bool(ans[r["id"]]["abstained"]) for r in items)
        rec = sum(ret[r["id"]]["Recall@5"] for r in items if r["id"] in ret) / n
        return f"| {n} | {fact:.2f} | {cited:.2f} | {abst} | {rec:.2f} |"

    print("| lang | type | n | gold fact in answer | cites gold note | abstained | gold-note recall@5 |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for lang in (["all", *[x for x in langs if x]] if len(langs) > 1 else [""]):
        for kind in (*TYPES[:-1], "all answerable", "unanswerable"):
            items = groups.get((lang, kind))
            if items:
                print(f"| {lang or '-'} | {kind} " + cell(items, kind))
    return 0


if __name__ == "__main__":
    sys.exit(main())
