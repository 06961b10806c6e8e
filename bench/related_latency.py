"""A/B latency of related words (agents/paraphrase.py): the same questions answered alternately with related
words off and on, in one warm process, on an indexed home.

    .venv/bin/python bench/related_latency.py HOME QUESTIONS.jsonl [N]

Prints p50/p95 per mode and the median per-question ratio (on / off)."""
from __future__ import annotations

import json
import statistics
import sys
import time

from memex.agents import paraphrase
from memex.app import Brain


def main() -> None:
    home, qa = sys.argv[1], sys.argv[2]
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 30
    with open(qa, encoding="utf-8") as fh:
        questions = [json.loads(line)["question"] for line in fh if line.strip()][:n]
    calibrated = dict(paraphrase.RELATED_MIN)
    ms: dict[str, list[float]] = {"off": [], "on": []}
    with Brain.open(home) as brain:
        brain.ask(questions[0])  # load the models first
        for i, q in enumerate(questions):
            for mode in ("off", "on") if i % 2 else ("on", "off"):
                paraphrase.RELATED_MIN.clear()
                if mode == "on":
                    paraphrase.RELATED_MIN.update(calibrated)
                start = time.perf_counter()
                brain.ask(q)
                ms[mode].append(1000 * (time.perf_counter() - start))
    paraphrase.RELATED_MIN.update(calibrated)
    for mode, v in ms.items():
        print(f"{mode}: p50 {statistics.median(v):.0f} ms, p95 {sorted(v)[int(0.95 * (len(v) - 1))]:.0f} ms")
    ratio = statistics.median(a / b for a, b in zip(ms["on"], ms["off"], strict=True))
    print(f"median per-question ratio on/off: {ratio:.3f}")


if __name__ == "__main__":
    main()
