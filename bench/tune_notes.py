"""Gold-note recall@5 of plain search on the dev vaults, per question type, for several search settings.

Runs `memex eval-answers`' recall measure (the first 5 distinct notes of `Brain.search(q, k=50)`) without
answering, so settings can be swept in seconds over already-indexed homes. Dev vaults only.
Usage: python bench/tune_notes.py HOME:QUESTIONS.jsonl [...] [--set key=v,key=v] [--set ...] [--misses]
Each --set is one setting (Settings fields, e.g. overlap_bm25_share=1.0,fusion=rrf); none = the defaults.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from collections import defaultdict
from dataclasses import fields, replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from memex.app import Brain  # noqa: E402
from memex.eval.answers import read_answer_set, retrieved_notes  # noqa: E402
from memex.store import documents as docs  # noqa: E402


def parse_setting(text: str, types: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for part in filter(None, text.split(",")):
        key, value = part.split("=", 1)
        kind = types[key]
        out[key] = value if kind in (str, "str") else float(value) if kind in (float, "float") else int(value)
    return out


def run(home: str, questions: str, settings: list[dict[str, Any]], misses: bool) -> list[dict[str, Any]]:
    items = [i for i in read_answer_set(Path(questions)) if i["gold_paths"]]
    rows = []
    with Brain.open(home) as brain:
        base = brain.settings
        roots = [os.path.normpath(p) for _, p in docs.list_sources(brain.conn)]
        for cfg in settings:
            brain.settings = replace(base, **cfg)
            by_type: dict[str, list[float]] = defaultdict(list)
            for item in items:
                top = retrieved_notes(brain, item["question"], roots)
                gold = set(item["gold_paths"])
                r = len(gold & set(top)) / len(gold)
                by_type[item["type"]].append(r)
                by_type["all"].append(r)
                if misses and r < 1:
                    print(f"  MISS {item['id']} [{item['type']}] {item['question']}\n"
                          f"     gold={sorted(gold - set(top))}\n     top={top}", file=sys.stderr)
            row = {"home": Path(home).name, "setting": cfg or "defaults",
                   **{t: round(sum(v) / len(v), 3) for t, v in sorted(by_type.items())}}
            print(json.dumps(row), flush=True)
            rows.append(row)
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("sets", nargs="+", help="HOME:QUESTIONS.jsonl")
    ap.add_argument("--set", dest="settings", action="append", default=[])
    ap.add_argument("--misses", action="store_true", help="print every question whose gold notes are missed")
    args = ap.parse_args()
    from memex.config import Settings
    types = {f.name: f.type for f in fields(Settings)}
    settings = [parse_setting(s, types) for s in args.settings] or [{}]
    for pair in args.sets:
        home, questions = pair.split(":", 1)
        run(home, questions, settings, args.misses)


if __name__ == "__main__":
    main()
