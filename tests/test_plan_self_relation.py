"""A question in another language about a relation of someone it names by their relation to the writer ("la mujer de
mi antiguo jefe", "la compagne de la cheffe de notre chœur"): that person is the bridge, found first (plan.relation
through lexicon.self_relation), as English "my old boss's wife" finds "my old boss"."""
from __future__ import annotations

import pytest

from memex.agents.plan import decompose


@pytest.mark.parametrize(("question", "bridge"), [
    ("¿Qué hace la mujer de mi antiguo jefe?", "mi antiguo jefe"),
    ("¿Dónde trabaja el marido de mi hermana?", "mi hermana"),
    ("O que faz a mulher do meu antigo chefe?", "meu antigo chefe"),
    ("Où habite le frère de mon médecin ?", "mon médecin"),
    ("Quel métier exerce la compagne de la cheffe de notre chœur ?", "la cheffe de notre chœur"),
    ("Was macht die Frau meines alten Chefs?", "meines alten Chefs"),
    ("Che lavoro fa la moglie del mio vecchio capo?", "mio vecchio capo"),
    ("Wat doet de vrouw van mijn oude baas?", "mijn oude baas"),
])
def test_a_relation_of_my_relation_is_found_first(question: str, bridge: str) -> None:
    plan = decompose(question)
    assert plan.kind == "relational"
    assert plan.bridge == bridge


@pytest.mark.parametrize("question", [
    "Quel plat ma mère cuisine-t-elle le dimanche ?",  # my mother asked about directly: the notes name her so
    "¿Dónde vive mi médico?",
    "¿Cuál es el precio de mi piso?",  # an attribute of a thing of mine, not a person to find
    "Quel est le prix de notre appartement ?",
])
def test_my_relation_or_my_thing_asked_about_directly_is_no_hop(question: str) -> None:
    assert decompose(question).kind == "single"
