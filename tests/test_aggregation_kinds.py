"""The kind of item an aggregation question collects, and whether it counts, sums or lists, in seven languages
(agents/tally.py), and what that changes in the answer: a table whose column names the kind gives every row; a
count or a sum asked in Portuguese keeps to the rows that say what is counted, and a sum is shown as that
language writes it.

The parsing is tested without a model; the answers run the real MiniLM embedder over tests/data/kinds_vault.
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from memex.agents import aggregate, tally
from memex.agents.plan import decompose
from memex.app import Brain

VAULT = Path(__file__).parent / "data" / "kinds_vault"


@pytest.mark.parametrize(("question", "kind"), [
    ("Which restaurants did we try in Lisbon?", "restaurants"),
    ("Which savings pots do I keep money in?", "pots"),  # the head noun of an English compound comes last
    ("Whose birthdays did I mark in my journal in 2026?", "birthdays"),
    ("Quelles résidences avons-nous envisagées pour maman ?", "résidences"),
    ("¿Qué variedades de tomate planté?", "variedades"),
    ("Quais medicamentos a minha mãe toma?", "medicamentos"),
    ("Welche Völker sind im Winter eingegangen?", "Völker"),
    ("Quali ristoranti abbiamo provato?", "ristoranti"),
    ("Welke restaurants hebben we geprobeerd?", "restaurants"),
])
def test_the_noun_after_the_question_word_names_the_kind(question: str, kind: str) -> None:
    assert tally.item_words(question) == (kind,)


@pytest.mark.parametrize("question", [
    "How many times did I spray the roses?",  # "times" names no kind
    "How many days did I bill across all clients in 2026?",  # a unit is summed, "clients" is not the kind
    "Hoeveel heb ik uitgegeven aan zaden?",  # a verb after "hoeveel"
    "¿Cuántas veces fuimos al veterinario?",
    "What did I spend on seeds in total?",
    "Quantos clientes pediram ibuprofeno?",  # a count may be stated on one line: no kind to key on
])
def test_no_kind_when_the_question_counts_times_units_or_money(question: str) -> None:
    assert tally.item_words(question) == ()


@pytest.mark.parametrize(("question", "asked"), [
    ("¿Cuántas veces fuimos al veterinario?", ("count", None)),
    ("Quantos clientes pediram ibuprofeno?", ("count", None)),
    ("Combien de fois suis-je allé chez le kiné ?", ("count", None)),
    ("Wie oft habe ich die Bienen gefüttert?", ("count", None)),
    ("Quante volte sono andato dal medico?", ("count", None)),
    ("Hoe vaak ben ik naar de tandarts geweest?", ("count", None)),
    ("¿Cuánto gasté en semillas en total?", ("sum", "money")),
    ("Quanto gastei em livros no total?", ("sum", "money")),
    ("Combien ai-je dépensé pour le vélo ?", ("sum", "money")),
    ("Wie viel habe ich für Futter ausgegeben?", ("sum", "money")),
    ("Quanto ho speso per i semi?", ("sum", "money")),
    ("Hoeveel heb ik uitgegeven aan zaden?", ("sum", "money")),
    ("¿Cuántos kilómetros hice en marzo?", ("sum", "km")),
    ("Wie viele Stunden habe ich gearbeitet?", ("sum", "hours?|hrs?|h")),
    ("Quelles plantes ai-je semées en mars ?", None),
    ("How many times did I spray the roses?", None),  # English: agents/aggregate.py reads it
])
def test_counts_and_sums_are_read_in_each_language(question: str, asked: tuple[str, str | None] | None) -> None:
    assert tally.operation(question) == asked
    if asked is not None:
        c = aggregate.constraints(question)
        assert (c.operation, c.measure) == asked


@pytest.mark.parametrize("question", [
    "¿Qué variedades de tomate planté?",
    "Quais medicamentos a minha mãe toma?",
    "Que restaurantes experimentámos em Lisboa?",
])
def test_asking_for_items_of_a_plural_kind_collects(question: str) -> None:
    assert decompose(question).kind == "aggregation"


@pytest.mark.parametrize("question", [
    "Welche Farbe hat das Auto?",  # German: no plural verb after the noun
    "Welche Nummer habe ich angerufen?",  # "habe" agrees with "ich", not with the noun
    "Welche Farbe haben die Bienenkästen?",  # "haben" agrees with the later subject
    "Welke kleur heeft de auto?",
    "¿Qué médico me operó?",  # a singular noun
    "Qual é o telefone da farmácia?",
])
def test_one_thing_of_a_kind_is_not_collected(question: str) -> None:
    assert not aggregate.collecting(question)


def test_a_sum_is_written_as_the_question_language_writes_numbers() -> None:
    assert tally.decimal("1,234.50", "Quanto gastei em livros no total?") == "1.234,50"
    assert tally.decimal("77.40", "Quanto gastei em livros no total?") == "77,40"
    assert tally.decimal("1,234.50", "How much did I spend in total?") == "1,234.50"


@pytest.fixture(scope="module")
def brain(tmp_path_factory: pytest.TempPathFactory) -> Brain:
    root = tmp_path_factory.mktemp("kinds")
    vault = root / "vault"
    shutil.copytree(VAULT, vault)
    b = Brain.open(root / "home")
    b.add([vault])
    yield b
    b.close()


@pytest.mark.slow
def test_a_table_whose_column_names_the_kind_gives_every_row(brain: Brain) -> None:
    # "envisagées" and "maman" are the question's rarest words; one row says "maman", none says "envisagées":
    # the column "résidence" makes each row an item.
    a = brain.ask("Quelles résidences avons-nous envisagées pour maman ?")
    assert not a.abstained and a.answer.startswith("3 entrées")
    for name in ("Clos Fleuri", "Tilleuls", "Cèdres"):
        assert name in a.answer
    assert {Path(c.path).name for c in a.citations} == {"Visites résidences.md"}


@pytest.mark.slow
def test_a_portuguese_sum_keeps_to_the_rows_it_names_and_writes_the_total_in_portuguese(brain: Brain) -> None:
    a = brain.ask("Quanto gastei em livros no total?")
    assert not a.abstained
    assert "total 77,40 €" in a.answer  # 31,90 + 18,50 + 27,00
    assert "Mercearia" not in a.answer and "Vasos" not in a.answer
    assert len(re.findall(r"\((\d+)\) ", a.answer)) == 3


@pytest.mark.slow
def test_a_portuguese_count_counts_the_rows_once(brain: Brain) -> None:
    # The diary's day at the book fair is the table's 9 May row: the table is the answer, not both.
    a = brain.ask("Quantas vezes comprei livros em 2026?")
    assert not a.abstained and a.answer.startswith("3 entradas")


def test_the_names_a_question_gives_are_not_its_months() -> None:
    # "March" is capitalised but a date: a table row need not say it to be one of Tesco's loads.
    assert aggregate._name_terms("How many loads did I haul for Tesco in March and June?") == {"tesco"}
    assert aggregate._name_terms("¿Cuántas visitas hice a Lucía en Marzo?") == {"lucía"}


def test_a_name_that_is_a_month_word_is_still_a_name() -> None:
    # "Jan", "April", "June", "May", Dutch "Mei" are first names too: a month only where it reads as a date.
    assert aggregate._name_terms("How many lessons did Jan teach in 2025?") == {"jan"}
    assert aggregate._name_terms("How many times did April call me in May?") == {"april"}
    assert aggregate._name_terms("How much did I lend June between 3 March and 2 May 2025?") == {"june"}
    assert aggregate._name_terms("Hoeveel lessen gaf Mei in Maart?") == {"mei"}
    assert aggregate._name_terms("How much did I spend from January to March 2025?") == set()
    assert aggregate._name_terms("Wie oft war ich im Mai und Juni bei Anna?") == {"anna"}
