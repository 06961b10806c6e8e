"""A question about now prefers the later-dated passages it matches (retrieve/recency.py)."""
from __future__ import annotations

from pathlib import Path

import pytest

from memex.app import Brain
from memex.retrieve.recency import asks_now, with_recency


def _home(tmp_path: Path, notes: dict[str, str]) -> Path:
    vault = tmp_path / "vault"
    for name, text in notes.items():
        (vault / name).parent.mkdir(parents=True, exist_ok=True)
        (vault / name).write_text(text, encoding="utf-8")
    with Brain.open(tmp_path / "home", embedder="hash:384") as brain:
        assert brain.add([vault]).added == len(notes)
    return tmp_path / "home"


PLAN = "# Care plan\n\nThe carers visit Dad {visits} every day.\n"


@pytest.mark.parametrize("question", ["Who's my line manager now?", "What's the schedule at the moment?",
                                      "¿Quién es ahora mi gestor?", "Wer macht derzeit das Büro?",
                                      "Hoe vaak heb ik tegenwoordig weekenddienst?", "Qui dirige actuellement ?",
                                      "Chi è attualmente il capo?", "Quem é atualmente o gerente?"])
def test_questions_about_now_in_every_language(question: str) -> None:
    assert asks_now(question)


@pytest.mark.parametrize("question", ["When did the loft start?", "¿Cuándo empezó la obra?",
                                      "Wann war die Knie-OP?", "Numero di telefono di Anna?"])
def test_other_questions_do_not_ask_about_now(question: str) -> None:
    assert not asks_now(question)


def test_later_declared_date_gets_the_weight(tmp_path: Path) -> None:
    home = _home(tmp_path, {
        "plan 2025.md": "---\ndate: 2025-09-01\n---\n" + PLAN.format(visits="twice"),
        "plan 2026.md": "---\ndate: 2026-09-01\n---\n" + PLAN.format(visits="three times"),
        "undated.md": PLAN.format(visits="four times"),  # only the file's modification time: no declared date
    })
    with Brain.open(home) as brain:
        rows = brain.conn.execute("SELECT c.id, d.path FROM chunks c JOIN documents d ON d.id = c.doc_id").fetchall()
        chunk = {Path(p).name: int(c) for c, p in rows}
        fused = {c: 0.5 for c in chunk.values()}
        now = with_recency(brain.conn, "How often do the carers visit Dad now?", fused, 0.1)
        assert now[chunk["plan 2026.md"]] == pytest.approx(0.6)
        assert now[chunk["plan 2025.md"]] == pytest.approx(0.5)
        assert now[chunk["undated.md"]] == pytest.approx(0.5)
        # A question not about now, or the weight 0, leaves the scores as they were.
        assert with_recency(brain.conn, "How often did the carers visit Dad?", fused, 0.1) == fused
        assert with_recency(brain.conn, "How often do the carers visit Dad now?", fused, 0.0) == fused


def test_search_ranks_the_later_plan_first_for_a_question_about_now(tmp_path: Path) -> None:
    home = _home(tmp_path, {
        "plan 2025.md": "---\ndate: 2025-09-01\n---\n" + PLAN.format(visits="twice"),
        "plan 2026.md": "---\ndate: 2026-09-01\n---\n" + PLAN.format(visits="twice"),
    })
    with Brain.open(home) as brain:
        hits = brain.search("How often do the carers visit Dad at the moment?", 2)
    assert Path(hits[0].path).name == "plan 2026.md"


def test_answering_searches_without_the_plain_search_preferences(tmp_path: Path) -> None:
    home = _home(tmp_path, {"plan.md": PLAN.format(visits="twice")})
    with Brain.open(home) as brain:
        answering = brain.answer_parts().searcher_factory().settings
        assert (answering.recency_weight, answering.folder_match_bonus) == (0.0, 0.0)
        assert brain.searcher.settings.recency_weight > 0 and brain.searcher.settings.folder_match_bonus > 0
