"""Load a BEIR-layout dataset folder: corpus.jsonl, queries.jsonl, qrels/<split>.tsv, optional answers.jsonl."""
from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from memex.errors import MemexError


@dataclass(frozen=True)
class CorpusDoc:
    """One corpus entry."""

    id: str
    title: str
    text: str
    metadata: dict[str, Any] = field(default_factory=dict)


@dataclass
class Dataset:
    """Queries, judgments and (optionally) evidence facts of one split; the corpus is streamed."""

    root: Path
    name: str
    split: str
    queries: dict[str, str]
    """Query id -> text, in queries.jsonl order, only queries that have judgments or evidence."""
    qrels: dict[str, dict[str, int]]
    evidence: dict[str, list[str]] = field(default_factory=dict)
    """Query id -> evidence fact texts (answers.jsonl), only for queries that have any."""

    @property
    def corpus_path(self) -> Path:
        return self.root / "corpus.jsonl"

    def corpus(self) -> Iterator[CorpusDoc]:
        """The documents, one at a time."""
        for n, obj in _jsonl(self.corpus_path):
            if "_id" not in obj:
                raise MemexError(f"{self.corpus_path}:{n}: missing \"_id\"")
            meta = obj.get("metadata")
            yield CorpusDoc(str(obj["_id"]), str(obj.get("title") or ""), str(obj.get("text") or ""),
                            meta if isinstance(meta, dict) else {})

    def limited(self, limit: int | None, offset: int = 0) -> Dataset:
        """The same dataset restricted to queries [offset, offset + limit) in file order."""
        ids = list(self.queries)[offset:offset + limit if limit else None]
        keep = set(ids)
        return Dataset(self.root, self.name, self.split, {q: self.queries[q] for q in ids},
                       {q: r for q, r in self.qrels.items() if q in keep},
                       {q: e for q, e in self.evidence.items() if q in keep})


def _jsonl(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    try:
        f = path.open(encoding="utf-8")
    except OSError as e:
        raise MemexError(f"cannot read {path}: {e.strerror}") from e
    with f:
        for n, line in enumerate(f, start=1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except ValueError as e:
                raise MemexError(f"{path}:{n}: not valid JSON ({e})") from None
            if not isinstance(obj, dict):
                raise MemexError(f"{path}:{n}: expected a JSON object")
            yield n, obj


def read_qrels(path: Path) -> dict[str, dict[str, int]]:
    """TREC-style TSV with a header: query-id, corpus-id, score."""
    qrels: dict[str, dict[str, int]] = {}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as e:
        raise MemexError(f"cannot read qrels {path}: {e.strerror}") from e
    for n, line in enumerate(lines, start=1):
        parts = line.split("\t")
        if not line.strip() or (n == 1 and parts[0] in ("query-id", "query_id", "qid")):
            continue
        if len(parts) < 3:
            raise MemexError(f"{path}:{n}: expected query-id<TAB>corpus-id<TAB>score")
        try:
            qrels.setdefault(parts[0].strip(), {})[parts[1].strip()] = int(float(parts[2]))
        except ValueError:
            raise MemexError(f"{path}:{n}: score {parts[2]!r} is not a number") from None
    return qrels


def read_evidence(path: Path) -> dict[str, list[str]]:
    """answers.jsonl: query id -> evidence fact texts (queries without evidence are left out)."""
    out: dict[str, list[str]] = {}
    for n, obj in _jsonl(path):
        ev = obj.get("evidence") or []
        if not isinstance(ev, list):
            raise MemexError(f"{path}:{n}: \"evidence\" must be a list")
        facts = [str(e["fact"]) for e in ev if isinstance(e, dict) and e.get("fact")]
        if facts and "_id" in obj:
            out[str(obj["_id"])] = facts
    return out


def load_dataset(root: Path | str, split: str = "test") -> Dataset:
    """Read a BEIR-layout folder; clear errors name the missing piece."""
    root = Path(root).expanduser()
    if not root.is_dir():
        raise MemexError(f"no such dataset folder: {root}")
    for name in ("corpus.jsonl", "queries.jsonl"):
        if not (root / name).is_file():
            raise MemexError(f"{root} is not a BEIR dataset: {name} is missing")
    qrels_path = root / "qrels" / f"{split}.tsv"
    if not qrels_path.is_file():
        have = sorted(p.stem for p in (root / "qrels").glob("*.tsv")) if (root / "qrels").is_dir() else []
        raise MemexError(f"no qrels for split {split!r} ({qrels_path}); available: {', '.join(have) or 'none'}")
    qrels = read_qrels(qrels_path)
    answers = root / "answers.jsonl"
    evidence = read_evidence(answers) if answers.is_file() else {}
    queries: dict[str, str] = {}
    for n, obj in _jsonl(root / "queries.jsonl"):
        if "_id" not in obj or not isinstance(obj.get("text"), str):
            raise MemexError(f"{root / 'queries.jsonl'}:{n}: needs \"_id\" and a string \"text\"")
        qid = str(obj["_id"])
        if qid in qrels or qid in evidence:
            queries[qid] = obj["text"]
    missing = sorted(set(qrels) - set(queries))
    if missing:
        raise MemexError(f"{len(missing)} judged queries are not in queries.jsonl (e.g. {missing[0]!r})")
    # Evidence only counts for queries of this split (answers.jsonl may cover several splits).
    if qrels:
        evidence = {q: e for q, e in evidence.items() if q in qrels}
        queries = {q: t for q, t in queries.items() if q in qrels}
    return Dataset(root, root.name, split, queries, qrels, evidence)
