"""Retrieval evaluation: metrics on hand-computed toy examples, `memex eval` end to end, search --explain."""
from __future__ import annotations

import json
import math
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from memex.errors import MemexError
from memex.eval import metrics
from memex.eval.beir import load_dataset
from memex.eval.evidence import evidence_metrics, query_scores
from memex.eval.runner import doc_ranking, write_corpus
from memex.interfaces.cli import commands_eval, commands_ingest, commands_query  # noqa: F401
from memex.interfaces.cli.main import cli

TINY = Path(__file__).resolve().parent / "data" / "beir-tiny"
EVAL_KEYS = {"dataset", "split", "queries", "nDCG@10", "R@10", "R@100", "MRR@10", "latency_ms"}


@pytest.fixture
def hash_config(tmp_path: Path) -> Path:
    cfg = tmp_path / "hash.toml"
    cfg.write_text('embedder = "hash:384"\n', encoding="utf-8")
    return cfg


def _eval_json(args: list[str]) -> dict:
    result = CliRunner().invoke(cli, ["eval", *args, "--json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


# ---- metrics, computed by hand -----------------------------------------------------------------------
def test_ir_measures_wrapper_on_hand_computed_run():
    qrels = {"q1": {"a": 1, "b": 1}, "q2": {"c": 1}, "q3": {"d": 1}, "q4": {"e": 2, "f": 1}}
    run = metrics.run_from_rankings({"q1": ["a", "x", "b"], "q2": ["y", "z"], "q4": ["f", "e"]})
    # q3 is judged but absent from the run: it must count as 0, not be dropped.
    per = metrics.per_query(qrels, run)
    ndcg_q1 = (1 + 1 / math.log2(4)) / (1 + 1 / math.log2(3))  # hits at ranks 1 and 3 of 2 relevant
    ndcg_q4 = (1 + 2 / math.log2(3)) / (2 + 1 / math.log2(3))  # graded: linear gain, grade-2 doc second
    assert per["q1"]["nDCG@10"] == pytest.approx(ndcg_q1)
    assert per["q4"]["nDCG@10"] == pytest.approx(ndcg_q4)
    assert per["q2"] == per["q3"] == {"nDCG@10": 0.0, "R@10": 0.0, "R@100": 0.0, "MRR@10": 0.0}
    agg = metrics.aggregate(qrels, run)
    assert agg["nDCG@10"] == pytest.approx((ndcg_q1 + ndcg_q4) / 4)
    assert agg["R@10"] == pytest.approx(2 / 4)
    assert agg["R@100"] == pytest.approx(2 / 4)
    assert agg["MRR@10"] == pytest.approx((1 + 1) / 4)


def test_run_keeps_our_order_even_when_ids_would_sort_otherwise():
    # trec_eval breaks equal scores by doc id; the run must carry our ranking, not the id order.
    run = metrics.run_from_rankings({"q": ["z", "a"]})
    assert metrics.per_query({"q": {"z": 1}}, run)["q"]["MRR@10"] == 1.0


def test_rr_cutoff_and_percentiles():
    ranking = [f"x{i}" for i in range(10)] + ["rel"]
    per = metrics.per_query({"q": {"rel": 1}}, metrics.run_from_rankings({"q": ranking}))
    assert per["q"]["MRR@10"] == 0.0 and per["q"]["R@100"] == 1.0
    assert metrics.percentiles([10, 20, 30, 40, 50]) == {"p50": 30.0, "p95": 48.0}
    assert metrics.percentiles([]) == {"p50": 0.0, "p95": 0.0}


def test_evidence_metrics_match_the_paper_definition():
    f1, f2 = "The cat sat on the mat.", "Dogs bark loudly at night."
    q1 = ["nothing here", "xx The  cat\nsat on the mat. yy", "other", f"{f2} Also: {f1}"]
    q2 = ["n"] * 5 + ["tail Rain falls." + " end"]
    q3 = ["n"] * 10 + ["Snow melts."]  # only at rank 11: outside the top 10
    # q1: first hit at rank 2; rank 4 holds f1 again (already found) and f2 (new) -> AP = (1/2 + 1/4) / 2
    assert query_scores(q1, [f1, f2]) == {"Hits@4": 1.0, "Hits@10": 1.0, "MRR@10": 0.5, "MAP@10": 0.375}
    assert query_scores(q2, ["Rain falls."]) == pytest.approx(
        {"Hits@4": 0.0, "Hits@10": 1.0, "MRR@10": 1 / 6, "MAP@10": 1 / 6})
    assert query_scores(q3, ["Snow melts."]) == {"Hits@4": 0.0, "Hits@10": 0.0, "MRR@10": 0.0, "MAP@10": 0.0}
    agg = evidence_metrics({"q1": q1, "q2": q2, "q3": q3},
                           {"q1": [f1, f2], "q2": ["Rain falls."], "q3": ["Snow melts."], "q4": ["Never."]})
    # q4 has evidence but nothing retrieved: a miss that still counts in the mean.
    assert agg == pytest.approx({"Hits@4": 1 / 4, "Hits@10": 2 / 4, "MRR@10": (1 / 2 + 1 / 6) / 4,
                                 "MAP@10": (0.375 + 1 / 6) / 4, "queries": 4})


def test_evidence_matching_removes_only_spaces_and_newlines():
    assert query_scores(["a\tb c"], ["a\tbc"])["Hits@10"] == 1.0
    assert query_scores(["a\tb"], ["a b"])["Hits@10"] == 0.0  # a tab is not removed upstream either
    # A fact listed twice is found once, but the denominator counts both (as upstream).
    assert query_scores(["x A. y"], ["A.", "A."])["MAP@10"] == pytest.approx(0.5)


def test_doc_ranking_keeps_best_chunk_and_dedupes():
    class H:
        def __init__(self, path: str) -> None:
            self.path = path

    hits = [H("/c/b.md"), H("/c/a.md"), H("/c/b.md"), H("/c/zz.txt"), H("/c/c.md")]
    names = {"a.md": "A", "b.md": "B", "c.md": "C"}
    assert doc_ranking(hits, lambda h: names.get(Path(h.path).name)) == ["B", "A", "C"]


# ---- dataset loading ---------------------------------------------------------------------------------
def test_load_tiny_dataset_and_write_corpus(tmp_path: Path):
    ds = load_dataset(TINY)
    assert len(ds.queries) == 6 and ds.qrels["q2"] == {"d04": 1, "d05": 1}
    assert set(ds.evidence) == {"q2", "q3", "q6"}
    assert list(ds.limited(2).queries) == ["q1", "q2"] and set(ds.limited(2).evidence) == {"q2"}
    names = write_corpus(ds, tmp_path / "c")
    assert len(names) == 20 and names["d04.md"] == "d04"
    assert (tmp_path / "c" / "d04.md").read_text().startswith("# Why the daytime sky is blue\n\n")


def test_bad_datasets_give_clear_errors(tmp_path: Path):
    with pytest.raises(MemexError, match="no such dataset folder"):
        load_dataset(tmp_path / "nope")
    with pytest.raises(MemexError, match="corpus.jsonl is missing"):
        load_dataset(tmp_path)
    with pytest.raises(MemexError, match="available: test"):
        load_dataset(TINY, split="dev")
    bad = tmp_path / "bad"
    (bad / "qrels").mkdir(parents=True)
    (bad / "corpus.jsonl").write_text('{"_id": "d1", "text": "x"}\n')
    (bad / "queries.jsonl").write_text('{"_id": "q1", "text": "x"}\nnot json\n')
    (bad / "qrels" / "test.tsv").write_text("query-id\tcorpus-id\tscore\nq1\td1\t1\n")
    with pytest.raises(MemexError, match=r"queries.jsonl:2: not valid JSON"):
        load_dataset(bad)


# ---- memex eval end to end ---------------------------------------------------------------------------
def test_eval_tiny_end_to_end_with_cache(tmp_path: Path, hash_config: Path):
    cache = tmp_path / "emb.db"
    args = [str(TINY), "--config", str(hash_config), "--embed-cache", str(cache),
            "--per-query", str(tmp_path / "pq.jsonl")]
    out = _eval_json(args)
    assert EVAL_KEYS <= set(out) and out["dataset"] == "beir-tiny" and out["split"] == "test"
    assert out["queries"] == 6
    assert out["nDCG@10"] > 0.5 and out["R@10"] > 0.7 and out["MRR@10"] > 0.5
    assert 0 < out["latency_ms"]["p50"] <= out["latency_ms"]["p95"]
    assert set(out["evidence"]) == {"Hits@4", "Hits@10", "MRR@10", "MAP@10", "queries"}
    assert out["evidence"]["queries"] == 3 and out["evidence"]["Hits@10"] > 0.5
    assert out["index"]["chunks_embedded"] == 20 and out["index"]["failed"] == 0
    rows = [json.loads(line) for line in (tmp_path / "pq.jsonl").read_text().splitlines()]
    assert [r["nDCG@10"] for r in rows] == sorted(r["nDCG@10"] for r in rows)
    assert {r["query_id"] for r in rows} == {f"q{i}" for i in range(1, 7)}
    # Second run: every embedding comes from the cache; and the user's home was never created.
    again = _eval_json(args)
    assert again["index"]["chunks_embedded"] == 0 and again["index"]["chunks_reused"] == 20
    assert again["nDCG@10"] == out["nDCG@10"]
    assert not (Path.cwd() / "memex.db").exists()
    import os
    assert not (Path(os.environ["MEMEX_HOME"]) / "memex.db").exists()


def test_eval_limit_and_human_report(tmp_path: Path, hash_config: Path):
    args = [str(TINY), "--config", str(hash_config), "--embed-cache", str(tmp_path / "e.db")]
    assert _eval_json([*args, "--limit", "2"])["queries"] == 2
    result = CliRunner().invoke(cli, ["eval", *args], catch_exceptions=False)
    assert result.exit_code == 0
    assert "nDCG@10" in result.stdout and "Worst" in result.stdout and "evidence (3 queries)" in result.stdout


def test_eval_errors(tmp_path: Path):
    result = CliRunner().invoke(cli, ["eval", str(tmp_path / "missing")])
    assert result.exit_code == 1 and "no such dataset folder" in result.output
    result = CliRunner().invoke(cli, ["eval"])
    assert result.exit_code == 2 and "DATASET_DIR or --qa" in result.output


def test_eval_qa_over_own_index(tmp_path: Path, hash_config: Path):
    vault = tmp_path / "vault"
    (vault / "garden").mkdir(parents=True)
    (vault / "garden" / "tomatoes.md").write_text("# Tomatoes\n\nWater tomatoes deeply twice a week.\n")
    (vault / "bikes.md").write_text("# Bikes\n\nPump road bike tyres to 80 psi before every ride.\n")
    (vault / "taxes.md").write_text("# Taxes\n\nThe tax return is due on the last day of April.\n")
    home = tmp_path / "home"
    runner = CliRunner()
    assert runner.invoke(cli, ["add", str(vault), "--home", str(home), "--config", str(hash_config),
                               "--json"]).exit_code == 0
    qa = tmp_path / "qa.jsonl"
    qa.write_text("\n".join(json.dumps(x) for x in [
        {"id": "a", "question": "how often to water tomatoes", "gold_paths": ["garden/tomatoes.md"]},
        {"id": "b", "question": "road bike tyres psi", "gold_paths": [str(vault / "bikes.md")]},
        {"id": "c", "question": "unanswerable question", "gold_paths": []},
    ]) + "\n")
    out = _eval_json(["--qa", str(qa), "--home", str(home), "--config", str(hash_config)])
    assert out["queries"] == 2
    assert out["Recall@5"] == out["Recall@10"] == 1.0 and out["MRR@10"] == 1.0
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"question": "x"}\n')
    result = runner.invoke(cli, ["eval", "--qa", str(bad), "--home", str(home)])
    assert result.exit_code == 1 and "bad.jsonl:1" in result.output


def test_search_explain_json(tmp_path: Path, hash_config: Path):
    vault = tmp_path / "v"
    vault.mkdir()
    (vault / "wal.md").write_text("# SQLite\n\nPRAGMA journal_mode=WAL lets readers run during writes.\n")
    (vault / "bread.md").write_text("# Bread\n\nFeed the sourdough starter daily.\n")
    home = ["--home", str(tmp_path / "h"), "--config", str(hash_config)]
    runner = CliRunner()
    assert runner.invoke(cli, ["add", str(vault), *home, "--json"]).exit_code == 0
    result = runner.invoke(cli, ["search", "journal_mode WAL readers", "--json", "--explain", *home])
    assert result.exit_code == 0, result.output
    hits = json.loads(result.stdout)
    assert hits[0]["path"].endswith("wal.md")
    e = hits[0]["explain"]
    assert {"bm25_rank", "bm25_score", "dense_rank", "dense_score", "fused_score", "filters",
            "matched_chunk", "fts_query"} <= set(e)
    assert e["bm25_rank"] == 1 and e["bm25_score"] > 0 and e["fused_score"] == pytest.approx(hits[0]["score"], abs=1e-6)
    assert e["matched_chunk"]["ordinal"] == 0
    plain = json.loads(runner.invoke(cli, ["search", "journal_mode WAL readers", "--json", *home]).stdout)
    assert "explain" not in plain[0]


@pytest.mark.slow
def test_eval_tiny_with_real_minilm(tmp_path: Path):
    out = _eval_json([str(TINY), "--embed-cache", str(tmp_path / "e.db")])
    assert out["index"]["embedder"] == "minilm"
    assert out["nDCG@10"] > 0.8 and out["evidence"]["Hits@10"] == 1.0


# ---- fusion settings that the evaluation tunes ---------------------------------------------------------
def test_convex_fusion_hand_computed():
    from memex.retrieve.fusion import convex
    lex = [(1, 10.0), (2, 6.0), (3, 2.0)]  # min-max: 1 -> 1.0, 2 -> 0.5, 3 -> 0.0
    den = [(2, 0.9), (4, 0.5), (1, 0.4)]  # min-max: 2 -> 1.0, 4 -> 0.2, 1 -> 0.0
    got = convex([lex, den], [0.6, 0.4])
    assert got == pytest.approx({1: 0.6, 2: 0.3 + 0.4, 3: 0.0, 4: 0.08})
    assert convex([[(7, 3.0)], []], [0.6, 0.4]) == {7: 0.6}  # a lone candidate gets full weight


def test_zscore_fusion_hand_computed():
    from memex.retrieve.fusion import zscore
    lex = [(1, 3.0), (2, 1.0)]  # mean 2, std 1: z = +1, -1
    den = [(2, 0.5), (3, 0.3), (4, 0.1)]  # mean 0.3, std 0.1633: z = +1.2247, 0, -1.2247
    z = 0.2 / math.sqrt(0.08 / 3)
    got = zscore([lex, den], [0.5, 0.5])
    # An id missing from a list gets that list's lowest z (weighted).
    assert got == pytest.approx({1: 0.5 - 0.5 * z, 2: -0.5 + 0.5 * z, 3: 0.0 - 0.5, 4: -0.5 * z - 0.5})


def test_weight_zero_turns_a_retriever_off_and_bad_fusion_is_an_error(tmp_path: Path):
    from memex.app import Brain
    vault = tmp_path / "v"
    vault.mkdir()
    (vault / "a.md").write_text("# Alpha\n\nThe quick brown fox jumps over the lazy dog.\n")
    (vault / "b.md").write_text("# Beta\n\nA slow green turtle sleeps under the tree.\n")
    with Brain.open(tmp_path / "h", embedder="hash:64") as brain:
        brain.add([vault])
        default = brain.search("quick fox", 5, explain=True)
        assert default[0].path.endswith("a.md") and default[0].explain["dense_rank"] is not None
        brain.settings = replace(brain.settings, dense_weight=0.0)
        lexical_only = brain.search("quick fox", 5, explain=True)
        assert [h.path for h in lexical_only] == [default[0].path]  # only the BM25 match is left
        assert lexical_only[0].explain["dense_rank"] is None
        brain.settings = replace(brain.settings, fusion="sum")
        with pytest.raises(MemexError, match="fusion must be one of"):
            brain.search("quick fox", 5)
