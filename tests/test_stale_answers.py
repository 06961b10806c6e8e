"""ask answers from the later of two contradicting statements (graph_statements.stale_by, marked after each
add/sync) and says what it replaced; the switch is gated on the later statement answering the question."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import anyio
import pytest
from live_server import make_home
from mcp import ClientSession, StdioServerParameters, stdio_client

from memex.app import Brain
from memex.graph import contradictions

MEMEX = [sys.executable, "-c", "from memex.interfaces.cli.main import main; main()"]

NOTES = {
    "fr/2026-01-12 Lancement.md": "---\ndate: 2026-01-12\n---\n# Lancement du projet\n\n## Décisions\n"
                                  "- La réunion d'équipe a lieu le **lundi à 9h30** en salle B.\n"
                                  "- Les comptes rendus vont sur le disque partagé.\n",
    "fr/2026-03-02 Bilan.md": "---\ndate: 2026-03-02\n---\n# Bilan du trimestre\n\n## Décisions\n"
                              "- La réunion d'équipe est déplacée au **jeudi à 15h00**, à partir du 5 mars. Même salle.\n"
                              "- Le budget du projet reste inchangé.\n",
    "team/2026-01-12 Review kickoff.md": "---\ndate: 2026-01-12\n---\n# Review kickoff\n\n## Decisions\n"
                                         "- The design review meets on **Monday at 09:30** in room B.\n"
                                         "- Minutes go to the shared drive.\n\n## Pay\n"
                                         "- Current salary: £61,200 (from 1 April 2026).\n",
    "team/2026-03-02 Review retro.md": "---\ndate: 2026-03-02\n---\n# Review retro\n\n## Decisions\n"
                                       "- We moved the design review to **Thursday at 15:00**, starting 5 March. "
                                       "Same room.\n- Next salary review effective 1 April 2027, to be confirmed in "
                                       "March.\n",
    "Garden.md": "# Garden\n- The tomatoes went in on 3 May.\n- Water the beds every evening in July.\n",
}


def cli(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "MEMEX_HOME"}
    return subprocess.run([*MEMEX, *args, "--home", str(home)], capture_output=True, text=True, timeout=180, env=env)


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A meeting that moved (in English and in French), indexed by a plain `memex add`."""
    root = tmp_path_factory.mktemp("stale")
    vault = root / "vault"
    for rel, text in NOTES.items():
        (vault / rel).parent.mkdir(parents=True, exist_ok=True)
        (vault / rel).write_text(text, encoding="utf-8")
    home = make_home(root)
    p = cli(home, "add", str(vault))
    assert p.returncode == 0, p.stderr
    return home


def _stale_pairs(b: Brain) -> set[tuple[str, str]]:
    return {(a, n) for a, n in b.conn.execute(
        "SELECT s.text, n.text FROM graph_statements s JOIN graph_statements n ON n.id = s.stale_by")}


def test_plain_add_marks_the_older_statement_stale(home: Path) -> None:
    with Brain.open(home) as b:
        pairs = _stale_pairs(b)
        assert any("lundi à 9h30" in old and "jeudi à 15h00" in new for old, new in pairs), pairs
        assert any("Monday at 09:30" in old and "Thursday at 15:00" in new for old, new in pairs), pairs
        assert contradictions.stale_chunks(b.conn)


def test_ask_answers_from_the_later_statement_and_says_what_it_replaced(home: Path) -> None:
    with Brain.open(home) as b:
        a = b.ask("Quel jour se tient la réunion d'équipe ?", trace=True)
    assert not a.abstained
    # the later statement leads, the answer says what changed, in the question's language
    assert a.answer.startswith("jeudi 15:00 depuis le 5 mars 2026 ; avant lundi 9:30."), a.answer
    assert a.answer.index("jeudi à 15h00") < a.answer.index("lundi à 9h30")
    cited = {Path(c.path).name for c in a.citations}
    assert {"2026-03-02 Bilan.md", "2026-01-12 Lancement.md"} <= cited
    synth = next(s for s in a.steps["trace"] if s["step"] == "synthesize")
    assert any(n.startswith("stale: ") and "lundi à 9h30" in n for n in synth["notes"]), synth["notes"]
    assert synth["mode"].endswith("(stale replaced)")


def test_an_answer_quoting_both_says_the_change_first(home: Path) -> None:
    with Brain.open(home) as b:
        a = b.ask("Quand est la réunion d'équipe ?")
    assert a.answer.startswith("jeudi 15:00 depuis le 5 mars 2026 ; avant lundi 9:30."), a.answer
    assert a.answer.index("jeudi à 15h00") < a.answer.index("lundi à 9h30")


def test_the_english_sample_question_says_the_change(home: Path) -> None:
    p = cli(home, "ask", "When does the design review start?", "--explain")
    assert p.returncode == 0, p.stderr
    out = " ".join(p.stdout.split())
    assert out.startswith("Thursday 15:00 since 5 March 2026; was Monday 09:30."), out
    assert "How: " in out and "stale: " in out and "Monday 09:30 → Thursday 15:00" in out


def test_a_question_about_before_keeps_the_older_statement(home: Path) -> None:
    with Brain.open(home) as b:
        a = b.ask("When was the design review originally?", trace=True)
    assert "since 5 March" not in a.answer and "was Monday" not in a.answer


def test_the_later_statement_must_answer_the_question(home: Path) -> None:
    """A wrong pair (the salary line 'replaced' by the date of the next review) does not change the answer: the
    later statement gives no amount."""
    with Brain.open(home) as b:
        before = b.ask("What is my salary?")
        with b.writer():
            ids = dict(b.conn.execute("SELECT text, id FROM graph_statements"))
            old = next(i for t, i in ids.items() if "Current salary" in t)
            new = next(i for t, i in ids.items() if "Next salary review" in t)
            b.conn.execute("UPDATE graph_statements SET stale_by = ? WHERE id = ?", (new, old))
            b.conn.commit()
        try:
            after = b.ask("What is my salary?", trace=True)
        finally:
            with b.writer():
                b.conn.execute("UPDATE graph_statements SET stale_by = NULL WHERE id = ?", (old,))
                b.conn.commit()
    assert "61,200" in after.answer and after.answer == before.answer


def test_a_dismissed_contradiction_does_not_switch_the_answer(tmp_path: Path, home: Path) -> None:
    import shutil
    copy = tmp_path / "home"
    shutil.copytree(home, copy)
    with Brain.open(copy) as b:
        found = [i for i in b.insights(kind="contradiction", refresh=False) if "réunion" in json.dumps(i.evidence, ensure_ascii=False)]
        assert found
        for i in found:
            assert b.dismiss_insight(i.id)
        a = b.ask("Quel jour se tient la réunion d'équipe ?")
        with b.writer():
            b.conn.execute("UPDATE graph_statements SET stale_by = NULL")
            b.conn.commit()
        unmarked = b.ask("Quel jour se tient la réunion d'équipe ?")
    assert "depuis le 5 mars 2026 ; avant" not in a.answer
    assert a.answer == unmarked.answer  # as if nothing were stale


def _structured(result: Any) -> dict[str, Any]:
    assert not result.is_error, result.content
    if result.structured_content is not None:
        return result.structured_content
    return json.loads(result.content[0].text)


def test_mcp_ask_gives_the_same_answer(home: Path) -> None:
    question = "Quel jour se tient la réunion d'équipe ?"
    with Brain.open(home) as b:
        direct = b.ask(question)

    async def scenario() -> dict[str, Any]:
        params = StdioServerParameters(command=MEMEX[0], args=[*MEMEX[1:], "mcp", "--home", str(home)])
        with open(home / "mcp-stderr.log", "w") as errlog:
            async with stdio_client(params, errlog=errlog) as (read, write), ClientSession(read, write) as s:
                await s.initialize()
                return _structured(await s.call_tool("ask", {"question": question}))

    got = anyio.run(scenario)
    assert got["answer"] == direct.answer
    assert got["answer"].startswith("jeudi 15:00 depuis le 5 mars 2026")
    assert {Path(c["path"]).name for c in got["citations"]} >= {"2026-03-02 Bilan.md", "2026-01-12 Lancement.md"}
