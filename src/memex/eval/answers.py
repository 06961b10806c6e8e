"""Answer-quality evaluation on a QA dev set: gold fact in the answer, citation to a gold note, abstention."""
from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from memex.errors import MemexError
from memex.eval.runner import path_key, question_lines

UNANSWERABLE = "unanswerable"


def read_answer_set(path: Path) -> list[dict[str, Any]]:
    """JSONL of {"id", "question", "answer_must_contain": [...], "gold_paths": [...], "type"}."""
    def check(obj: dict[str, Any]) -> None:
        for key in ("answer_must_contain", "gold_paths"):
            value = obj.get(key, [])
            if not isinstance(value, list) or not all(isinstance(x, str) for x in value):
                raise ValueError(f'"{key}" must be a list of strings')

    items = []
    for n, obj in question_lines(path, check):
        must, gold = obj.get("answer_must_contain", []), obj.get("gold_paths", [])
        kind = str(obj.get("type") or (UNANSWERABLE if not gold and not must else "single"))
        items.append({"id": str(obj.get("id", f"line-{n}")), "question": obj["question"],
                      "must": [m.lower() for m in must], "gold_paths": gold, "type": kind})
    if not items:
        raise MemexError(f"{path}: no questions")
    return items


def score_answer(item: dict[str, Any], result: dict[str, Any], roots: list[str]) -> dict[str, Any]:
    """One question's scores from its `ask --json` result."""
    text = result["answer"].lower()
    gold = {Path(g).as_posix() for g in item["gold_paths"]}
    cited = [path_key(c["path"], roots) for c in result["citations"]]
    row: dict[str, Any] = {"id": item["id"], "type": item["type"], "question": item["question"],
                           "abstained": result["abstained"], "answer": result["answer"], "cited": cited}
    if item["type"] == UNANSWERABLE:
        row["correct"] = bool(result["abstained"])
        return row
    found = [m for m in item["must"] if m in text]
    row["fact_recall"] = len(found) / len(item["must"]) if item["must"] else 1.0
    row["contains_all"] = len(found) == len(item["must"])
    row["cites_gold"] = any(c in gold for c in cited)
    row["citation_precision"] = (sum(c in gold for c in cited) / len(cited)) if cited else 0.0
    row["correct"] = row["contains_all"] and row["cites_gold"]
    return row


def _mean(xs: list[float]) -> float:
    return round(sum(xs) / len(xs), 4) if xs else 0.0


def summarize(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Aggregate scores: answerable questions overall and by type, and abstention on unanswerable ones."""
    ans = [r for r in rows if r["type"] != UNANSWERABLE]
    una = [r for r in rows if r["type"] == UNANSWERABLE]
    out: dict[str, Any] = {"questions": len(rows), "answerable": len(ans), "unanswerable": len(una)}
    if ans:
        out.update({
            "contains_gold_fact": _mean([float(r["contains_all"]) for r in ans]),
            "fact_recall": _mean([r["fact_recall"] for r in ans]),
            "cites_gold_note": _mean([float(r["cites_gold"]) for r in ans]),
            "citation_precision": _mean([r["citation_precision"] for r in ans]),
            "correct_and_cited": _mean([float(r["correct"]) for r in ans]),
            "false_abstention": _mean([float(r["abstained"]) for r in ans])})
        by_type: dict[str, dict[str, float]] = {}
        for kind in sorted({r["type"] for r in ans}):
            sub = [r for r in ans if r["type"] == kind]
            by_type[kind] = {"n": len(sub), "contains_gold_fact": _mean([float(r["contains_all"]) for r in sub]),
                             "cites_gold_note": _mean([float(r["cites_gold"]) for r in sub])}
        out["by_type"] = by_type
    if una:
        out["abstention_on_unanswerable"] = _mean([float(r["abstained"]) for r in una])
    return out


def evaluate_answers(brain: Any, items: list[dict[str, Any]], progress: Callable[[int, int], None] | None = None,
                     **options: Any) -> dict[str, Any]:
    """Ask every question through the full pipeline and score the answers (options go to Brain.ask)."""
    from memex.store import documents as docs

    roots = [os.path.normpath(p) for _, p in docs.list_sources(brain.conn)]
    if not roots:
        raise MemexError("this home has no sources: `memex add` your notes first")
    rows, latencies = [], []
    for i, item in enumerate(items):
        t0 = time.perf_counter()
        result = brain.ask(item["question"], **options).to_dict()
        latencies.append((time.perf_counter() - t0) * 1e3)
        rows.append(score_answer(item, result, roots))
        if progress:
            progress(i + 1, len(items))
    from memex.eval.metrics import percentiles

    summary = summarize(rows)
    summary["latency_ms"] = percentiles(latencies)
    rows.sort(key=lambda r: (r["correct"], r["id"]))
    return {**summary, "per_question": rows}
