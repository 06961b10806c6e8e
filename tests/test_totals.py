"""A total asked for in another language is answered by the line that states it (agents/totals.py)."""
from __future__ import annotations

from pathlib import Path

import pytest

from memex.agents import lexicon
from memex.app import Brain


@pytest.mark.parametrize(("question", "asks"), [
    ("Combien ai-je dépensé au total pour le vélo ?", True),
    ("Wie viel Honig habe ich insgesamt geerntet?", True),
    ("¿Cuánto facturamos en total en octubre?", True),
    ("Hoeveel hebben we in totaal betaald?", True),
    ("Quanto abbiamo speso in totale per la bici?", True),
    ("Quanto gastei no total com a bicicleta?", True),
    ("Combien coûte la cotisation de la chorale ?", False),
    ("How much did I spend in total on the bike?", False),  # English keeps its own sums
])
def test_a_question_asking_for_a_total(question: str, asks: bool) -> None:
    assert lexicon.asks_total(question) is asks


def test_a_line_that_states_a_total() -> None:
    assert lexicon.states_total("**Total au 10-oct : 952,80 €** (budget 850 €)")
    assert lexicon.states_total("Gesamt 2026: 89 kg")
    assert lexicon.states_total("Totaal: 1.240 euro")
    assert not lexicon.states_total("Totalmente de acuerdo, 3 veces")
    assert not lexicon.states_total("Schleudern am Samstag, 32 kg Sommerhonig")


@pytest.fixture(scope="module")
def bike_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("home")
    notes = tmp_path_factory.mktemp("notes")
    (notes / "Dépenses vélo.md").write_text(
        "# Dépenses vélo\n\n| date | quoi | prix |\n|---|---|---|\n| 15-nov | le vélo | 180,00 € |\n"
        "| 10-janv | pneus | 64,00 € |\n| 3-mars | peinture du cadre | 320,00 € |\n\n"
        "**Total au 10-oct : 564,00 €** (budget 500 €)\n", encoding="utf-8")
    (notes / "Chorale.md").write_text("# Chorale\n\nLa cotisation de la chorale est de 140 € par an.\n",
                                      encoding="utf-8")
    with Brain.open(home, embedder="hash:384") as brain:
        brain.add([notes])
    return home


def test_a_total_is_answered_by_the_line_that_states_it(bike_home: Path) -> None:
    with Brain.open(bike_home, embedder="hash:384") as brain:
        a = brain.ask("Combien ai-je dépensé au total pour le vélo ?")
    assert not a.abstained
    assert a.answer.split("[")[0].count("€") and "564,00 €" in a.answer.split("[1]")[0]


def test_a_german_total_over_its_rows(tmp_path: Path) -> None:
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "Honig.md").write_text(
        "# Honig 2026\n\n| Datum | Sorte | kg |\n|---|---|---|\n| 7.6.26 | Frühtracht | 41 |\n"
        "| 20.7.26 | Sommertracht | 48 |\n\n**Gesamt 2026: 89 kg**\n", encoding="utf-8")
    with Brain.open(tmp_path / "home", embedder="hash:384") as brain:
        brain.add([notes])
        a = brain.ask("Wie viel Honig habe ich insgesamt geerntet?", trace=True)
    # The draft, before the support check (the test's hash embedder gives no meaning to be sure of).
    draft = next(s["draft"] for s in a.steps["trace"] if s.get("step") == "synthesize")
    assert draft.startswith("Honig 2026: Gesamt 2026: 89 kg")
