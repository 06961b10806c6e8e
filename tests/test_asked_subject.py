"""Whether a quoted line states the asked attribute of the asked subject, read from structure (agents/abstain.py,
agents/lexicon.py, agents/unstated.py): a value withdrawn by strikethrough, a question asking "what is the date",
an identifier by its "number", a first name or a birthday's day, in each language."""
from __future__ import annotations

import pytest

from memex.agents.abstain import struck_only, support_score
from memex.agents.answer_type import expected
from memex.agents.evidence import Unit
from memex.agents.extractive import Candidate
from memex.domain import Hit, Location


def _candidate(text: str, subject: str) -> Candidate:
    hit = Hit(path="n.md", chunk_id="c1", score=1.0, text=text, location=Location())
    unit = Unit(quote=text, text=text, hit=hit, rank=0, position=0, subject=subject, context=subject, date=None,
                date_source="mtime")
    return Candidate(unit, 0.8, 0.6, 0.6, 1.0, 0.5)


def test_a_struck_value_costs_the_answer_its_kind() -> None:
    line = _candidate("Gate code: ~~4711~~ (changed in March, new one to follow)", "Moorings")
    _, checks = support_score("What is the gate code at the moorings?", 0.8, [line])
    assert "the asked value is struck through" in checks["attribute_unsupplied"]


@pytest.mark.parametrize("question, statement, struck", [
    ("What is the gate code?", "Gate code: ~~4711~~ (changed in March, new one to follow)", True),
    ("What is the gate code?", "Gate code: ~~4711~~ → 5822", False),
    ("Wie lautet der Code vom Schuppen?", "Schuppen: Code ~~2580~~ — Schloss getauscht", True),
    ("Quelle est la date du déménagement ?", "**Date** : ~~sam. 20 juin~~ → **sam. 4 juillet 2026**", False),
    ("Quelle est la date du déménagement ?", "**Date** : ~~sam. 20 juin~~ (reporté, nouvelle date à fixer)", True),
    ("Qual é o preço da caixa?", "Caixa de luvas: ~~12,50 €~~ fornecedor deixou de vender", True),
    ("Qual é o preço da caixa?", "Caixa de luvas: 12,50 €", False),
])
def test_a_value_only_struck_through_is_withdrawn(question: str, statement: str, struck: bool) -> None:
    assert struck_only(question, expected(question), [statement]) is struck


@pytest.mark.parametrize("question", ["Quelle est la date du déménagement ?", "Qual é a data da consulta?",
                                      "Wat is de datum van het feest?", "Was ist das Datum der Ernte?"])
def test_what_is_the_date_asks_for_a_date_in_each_language(question: str) -> None:
    assert "date" in expected(question).kinds


@pytest.mark.parametrize("question, kind", [
    ("Qual é o número do lote da vacina?", "code"), ("Quel est le numéro de sécurité sociale de maman ?", "code"),
    ("Qual é o número de telefone da Dra. Paula?", "phone"), ("Wie ist die Telefonnummer von Klaus?", "phone"),
])
def test_the_number_of_one_thing_asks_for_an_identifier(question: str, kind: str) -> None:
    assert expected(question).kinds == {kind}


def test_the_number_of_many_things_is_a_count_not_an_identifier() -> None:
    assert "code" not in expected("Qual é o número de caixas em stock?").kinds


@pytest.mark.parametrize("question, statement, lacks", [
    ("Quand est l'anniversaire de Sophie Girard ?", "Cheffe de chœur depuis 2016.", True),
    ("Wann hat Hannelore Geburtstag?", "Hannelore hat zwei Völker seit 2019.", True),
    ("Quando é o aniversário da Dona Fátima?", "Aniversário: 3 de maio", False),
    ("Was habe ich Opa zum Geburtstag geschenkt?", "Opa: ein Buch", False),  # a gift, not a day
])
def test_when_a_birthday_is_asks_for_a_day_of_the_year_in_each_language(question: str, statement: str,
                                                                       lacks: bool) -> None:
    from memex.agents.unstated import no_day_of_year

    assert no_day_of_year(question, [statement]) is lacks
