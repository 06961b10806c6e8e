"""Run an evaluation: index a BEIR corpus into a throw-away home, query it through Brain.search, score it."""
from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import platformdirs

from memex.domain import Hit
from memex.errors import MemexError
from memex.eval import metrics
from memex.eval.beir import Dataset
from memex.eval.evidence import evidence_metrics, query_scores

DEPTH = 100
"""Chunks fetched per query: the documents in them form the ranking that R@100 is computed on."""
EVIDENCE_K = 10
"""Chunks per query that the evidence metrics look at (as MultiHop-RAG's top-10 retrieval)."""
_SAFE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,120}$")
_ISO_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")

QueryProgress = Callable[[int, int], None]
"""progress(done, total) while queries run."""


def default_embed_cache() -> Path:
    """Where eval keeps embeddings between runs: MEMEX_EMBED_CACHE, else the user cache dir."""
    env = os.environ.get("MEMEX_EMBED_CACHE")
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_cache_dir("memex", appauthor=False)) / "embeddings.db"


def _meta_value(value: Any) -> str:
    text = " ".join(str(value).split())
    return text[:10] if _ISO_TIME.match(text) else text  # a timestamp reads better as its day


def write_corpus(dataset: Dataset, folder: Path, title_fields: Sequence[str] = ()) -> dict[str, str]:
    """Write each corpus doc as `<id>.md` ("# title" + text); returns file name -> doc id.

    `title_fields` names metadata keys appended to the title (e.g. MultiHop-RAG's source and date,
    which the paper's chunks carry too): the title is part of every chunk's BM25 row and embedding.
    """
    folder.mkdir(parents=True, exist_ok=True)
    names: dict[str, str] = {}
    for i, doc in enumerate(dataset.corpus()):
        # Ids that are unsafe as file names (slashes, odd characters) get a numbered name instead.
        name = f"{doc.id}.md" if _SAFE_ID.match(doc.id) else f"doc-{i:07d}.md"
        if name in names:
            raise MemexError(f"{dataset.corpus_path}: duplicate document id {doc.id!r}")
        names[name] = doc.id
        extra = [_meta_value(doc.metadata[k]) for k in title_fields if doc.metadata.get(k) not in (None, "")]
        title = " | ".join([" ".join(doc.title.split()), *extra]).strip(" |")
        # A title-only doc (half of CACM) repeats its title as body: BEIR indexes title + text, and a
        # note with nothing under its heading has no chunk to find.
        text = doc.text if doc.text.strip() else title
        body = f"# {title}\n\n{text}\n" if title else f"{text}\n"
        (folder / name).write_text(body, encoding="utf-8")
    return names


@dataclass
class QueryResult:
    """What one query retrieved."""

    docs: list[str]
    """Document ids, best chunk first, each once."""
    chunks: list[str]
    """Texts of the top EVIDENCE_K chunks."""
    latency_ms: float


def doc_ranking(hits: Sequence[Hit], key: Callable[[Hit], str | None]) -> list[str]:
    """Chunk hits -> documents ranked by their best chunk, without duplicates."""
    seen: dict[str, None] = {}
    for h in hits:
        k = key(h)
        if k is not None and k not in seen:
            seen[k] = None
    return list(seen)


def run_queries(brain: Any, queries: dict[str, str], key: Callable[[Hit], str | None],
                depth: int | None = None, progress: QueryProgress | None = None) -> dict[str, QueryResult]:
    """Every query through the production search path, timed one by one."""
    # k <= settings.candidates leaves fusion exactly as for a user's k=10 search: the top 10 agree.
    depth = depth or max(DEPTH, brain.settings.candidates)
    out: dict[str, QueryResult] = {}
    if queries:
        brain.search(next(iter(queries.values())) or "warm up", 1)  # load model and index before timing
    for i, (qid, text) in enumerate(queries.items()):
        if not text.strip():
            out[qid] = QueryResult([], [], 0.0)
            continue
        t0 = time.perf_counter()
        hits = brain.search(text, depth)
        ms = (time.perf_counter() - t0) * 1e3
        out[qid] = QueryResult(doc_ranking(hits, key), [h.text for h in hits[:EVIDENCE_K]], ms)
        if progress:
            progress(i + 1, len(queries))
    return out


@dataclass
class EvalReport:
    """Scores of one run, with a per-query breakdown (worst first)."""

    dataset: str
    split: str
    queries: int
    scores: dict[str, float]
    latency_ms: dict[str, float]
    evidence: dict[str, float] | None = None
    per_query: list[dict[str, Any]] = field(default_factory=list)
    index: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The `eval --json` contract."""
        d: dict[str, Any] = {"dataset": self.dataset, "split": self.split, "queries": self.queries,
                             **{k: round(v, 4) for k, v in self.scores.items()},
                             "latency_ms": self.latency_ms}
        if self.evidence is not None:
            d["evidence"] = {k: (round(v, 4) if k != "queries" else int(v)) for k, v in self.evidence.items()}
        if self.index:
            d["index"] = self.index
        return d


def score(dataset: Dataset, results: dict[str, QueryResult]) -> EvalReport:
    """Document-level measures (ir-measures), evidence measures if the dataset has facts, per-query rows."""
    run = metrics.run_from_rankings({q: r.docs for q, r in results.items()})
    qrels = {q: dict(r) for q, r in dataset.qrels.items() if q in dataset.queries}
    per = metrics.per_query(qrels, run)
    evidence = None
    if dataset.evidence:
        evidence = evidence_metrics({q: r.chunks for q, r in results.items()}, dataset.evidence)
    rows = []
    for qid in dataset.queries:
        res = results.get(qid, QueryResult([], [], 0.0))
        row: dict[str, Any] = {"query_id": qid, "query": dataset.queries[qid],
                               **{k: round(v, 4) for k, v in per.get(qid, {}).items()},
                               "relevant": sorted(d for d, s in dataset.qrels.get(qid, {}).items() if s > 0),
                               "retrieved": res.docs[:10], "latency_ms": round(res.latency_ms, 2)}
        if qid in dataset.evidence:
            row["evidence"] = {k: round(v, 4) for k, v in
                               query_scores(res.chunks, dataset.evidence[qid]).items()}
        rows.append(row)
    rows.sort(key=lambda r: (r.get("nDCG@10", 0.0), r.get("evidence", {}).get("MRR@10", 0.0),
                             r.get("R@100", 0.0)))
    return EvalReport(dataset.name, dataset.split, len(dataset.queries), metrics.aggregate(qrels, run),
                      metrics.percentiles([r.latency_ms for r in results.values() if r.latency_ms > 0]),
                      evidence, rows)


@contextmanager
def throwaway_brain(dataset: Dataset, config_file: Path | None = None, embed_cache: Path | None = None,
                    progress: Any | None = None, workdir: Path | None = None,
                    title_fields: Sequence[str] = (), **overrides: Any) -> Iterator[tuple[Any, dict[str, str], dict[str, Any]]]:
    """A Brain in a temporary home holding the dataset's corpus; removed afterwards (never the user's)."""
    from memex.app import Brain
    from memex.store.embed_cache import EmbeddingCache

    tmp = Path(tempfile.mkdtemp(prefix="memex-eval-", dir=workdir))
    cache = EmbeddingCache(embed_cache or default_embed_cache())
    try:
        names = write_corpus(dataset, tmp / dataset.name, title_fields)
        with Brain.open(tmp / "home", config_file, **overrides) as brain:
            report = brain.add([tmp / dataset.name], progress, embed_cache=cache)
            info = {"documents": len(names), "indexed": report.added, "failed": len(report.failed),
                    "chunks_embedded": report.chunks_embedded, "chunks_reused": report.chunks_reused,
                    "seconds": round(report.seconds, 1), "embedder": brain.embedder_spec}
            yield brain, names, info
    finally:
        cache.close()
        shutil.rmtree(tmp, ignore_errors=True)


def evaluate_dataset(dataset: Dataset, config_file: Path | None = None, embed_cache: Path | None = None,
                     progress: Any | None = None, query_progress: QueryProgress | None = None,
                     depth: int | None = None, title_fields: Sequence[str] = (),
                     **overrides: Any) -> EvalReport:
    """Index `dataset` into a throw-away home, run its queries, and score them."""
    with throwaway_brain(dataset, config_file, embed_cache, progress, title_fields=title_fields,
                         **overrides) as (brain, names, info):
        results = run_queries(brain, dataset.queries, lambda h: names.get(Path(h.path).name), depth,
                              query_progress)
    report = score(dataset, results)
    report.index = info
    return report


# ---- question-answer dev sets over the user's own index -------------------------------------------
QA_MEASURES = {"Recall@5": "R@5", "Recall@10": "R@10", "MRR@10": "RR@10"}


def question_lines(path: Path, check: Callable[[dict[str, Any]], None]) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, object) for each JSONL line with a string "question"; `check` raises ValueError."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as e:
        raise MemexError(f"cannot read {path}: {e.strerror}") from e
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
            if not isinstance(obj, dict) or not isinstance(obj.get("question"), str):
                raise ValueError('needs a string "question"')
            check(obj)
        except ValueError as e:
            raise MemexError(f"{path}:{n}: not a valid QA line ({e})") from None
        yield n, obj


def read_qa(path: Path) -> list[dict[str, Any]]:
    """JSONL of {"question", "gold_paths": [...]} (optional "id"); a bad line is a clear error."""
    def check(obj: dict[str, Any]) -> None:
        gold = obj.get("gold_paths")
        if not isinstance(gold, list) or not all(isinstance(g, str) for g in gold):
            raise ValueError('needs a list "gold_paths"')

    return [{"id": str(obj.get("id", f"line-{n}")), "question": obj["question"], "gold_paths": obj["gold_paths"]}
            for n, obj in question_lines(path, check)]


def path_key(path: str, roots: Sequence[str]) -> str:
    """A path relative to the source root that holds it (POSIX form), else the absolute path."""
    p = os.path.normpath(path)
    for root in sorted(roots, key=len, reverse=True):
        if p == root or p.startswith(root.rstrip(os.sep) + os.sep):
            return Path(os.path.relpath(p, root)).as_posix() if p != root else Path(p).name
    return Path(p).as_posix()


def evaluate_qa(brain: Any, items: list[dict[str, Any]], depth: int | None = None,
                query_progress: QueryProgress | None = None) -> dict[str, Any]:
    """Gold-document Recall@5/@10 and MRR@10 over an ingested home (questions without gold are skipped)."""
    import ir_measures

    from memex.store import documents as docs

    roots = [os.path.normpath(p) for _, p in docs.list_sources(brain.conn)]
    if not roots:
        raise MemexError("this home has no sources: `memex add` your notes first")
    items = [it for it in items if it["gold_paths"]]
    if not items:
        raise MemexError("no question in the file has gold_paths")
    qrels = {}
    for it in items:
        keys = [path_key(g, roots) if os.path.isabs(g) else Path(os.path.normpath(g)).as_posix()
                for g in it["gold_paths"]]
        qrels[it["id"]] = dict.fromkeys(keys, 1)
    results = run_queries(brain, {it["id"]: it["question"] for it in items},
                          lambda h: path_key(h.path, roots), depth, query_progress)
    run = metrics.run_from_rankings({q: r.docs for q, r in results.items()})
    measures = {name: ir_measures.parse_measure(m) for name, m in QA_MEASURES.items()}
    agg = ir_measures.calc_aggregate(list(measures.values()), qrels, run)
    per: dict[str, dict[str, float]] = {q: dict.fromkeys(measures, 0.0) for q in qrels}
    names = {m: n for n, m in measures.items()}
    for row in ir_measures.iter_calc(list(measures.values()), qrels, run):
        per[row.query_id][names[row.measure]] = float(row.value)
    rows = sorted(({"query_id": it["id"], "query": it["question"], **{k: round(v, 4) for k, v in
                    per[it["id"]].items()}, "relevant": sorted(qrels[it["id"]]),
                    "retrieved": results[it["id"]].docs[:10]} for it in items),
                  key=lambda r: (r["MRR@10"], r["Recall@10"]))
    return {"queries": len(items), **{n: round(float(agg.get(m, 0.0)), 4) for n, m in measures.items()},
            "latency_ms": metrics.percentiles([r.latency_ms for r in results.values() if r.latency_ms > 0]),
            "per_query": rows}
