"""What the vaults' tools/make_questions.py share (soundeng, haulier, illustrator, consultora, tischlerin): writing
questions.jsonl, gold_alternatives.jsonl and contradictions.jsonl from the rows a tool lists."""
from __future__ import annotations

import json
import random
from collections.abc import Callable
from pathlib import Path


def collector(lang: str) -> tuple[list[dict], dict[str, list[str]], Callable[..., None]]:
    """The rows a tool lists, its gold alternatives, and q(kind, question, answer, must, gold, also=None) to add one."""
    questions: list[dict] = []
    alternatives: dict[str, list[str]] = {}

    def q(kind: str, question: str, answer: str, must: list[str], gold: list[str], also: list[str] | None = None) -> None:
        questions.append({"question": question, "answer": answer, "must_include": must, "gold_notes": gold,
                          "type": kind, "lang": lang})
        if also:
            alternatives[question] = also
    return questions, alternatives, q


Contradiction = tuple[str, str, str, str, str, str, str, str]
"""(subject, attribute, old path, old quote, old date, new path, new quote, new date)."""


def write(root: Path, questions: list[dict], alternatives: dict[str, list[str]], contradictions: list[Contradiction],
          seed: int, prefix: str) -> None:
    """Shuffle the questions with a fixed seed, number them <prefix>001, <prefix>002, …, and write the three files."""
    rows = list(questions)
    random.Random(seed).shuffle(rows)
    alts = []
    with open(root / "questions.jsonl", "w", encoding="utf-8") as f:
        for i, row in enumerate(rows, 1):
            qid = f"{prefix}{i:03d}"
            out = {"id": qid, **{k: row[k] for k in ("question", "answer", "must_include", "gold_notes", "type", "lang")}}
            f.write(json.dumps(out, ensure_ascii=False) + "\n")
            if row["question"] in alternatives:
                alts.append({"id": qid, "also_notes": alternatives[row["question"]]})
    with open(root / "gold_alternatives.jsonl", "w", encoding="utf-8") as f:
        for a in alts:
            f.write(json.dumps(a, ensure_ascii=False) + "\n")
    with open(root / "contradictions.jsonl", "w", encoding="utf-8") as f:
        for subj, attr, op, oq, od, np_, nq, nd in contradictions:
            f.write(json.dumps({"subject": subj, "attribute": attr, "old": {"path": op, "quote": oq, "date": od},
                                "new": {"path": np_, "quote": nq, "date": nd}}, ensure_ascii=False) + "\n")
