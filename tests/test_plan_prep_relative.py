"""Relative clauses opened by a preposition ("die Firma, von der…", "la empresa de la que…") or by "degene die" name
a thing to find first, in every language the planner reads (agents/lexicon._PREP_RELATIVE)."""
from __future__ import annotations

import pytest

from memex.agents.plan import decompose

RELATIONAL = [
    ("Seit wann arbeitet die Firma, von der die Rechnung kam, für uns?", "die Firma, von der die Rechnung kam"),
    ("Wie alt sind die Kinder des Nachbarn, der uns den Anhänger geliehen hat?",
     "des Nachbarn, der uns den Anhänger geliehen hat"),
    ("Wo wohnt die Kundin, für die wir den Schrank gebaut haben?", "die Kundin, für die wir den Schrank gebaut haben"),
    ("¿Dónde vive la vecina con la que fui al mercado el sábado?", "la vecina con la que fui al mercado el sábado"),
    ("Où habite le voisin avec lequel j'ai repeint la clôture ?", "le voisin avec lequel j'ai repeint la clôture"),
    ("Dove abita il collega con il quale ho fatto il corso di maggio?",
     "il collega con il quale ho fatto il corso di maggio"),
    ("Onde mora o vizinho com o qual fui à feira no sábado?", "o vizinho com o qual fui à feira no sábado"),
    ("Waar woont de collega met wie ik de cursus in mei deed?", "de collega met wie ik de cursus in mei deed"),
    ("Op welke dagen werkt degene die de planning voor juni maakte?", "degene die de planning voor juni maakte"),
]


@pytest.mark.parametrize(("question", "bridge"), RELATIONAL)
def test_a_prepositional_relative_clause_is_a_bridge(question: str, bridge: str) -> None:
    plan = decompose(question)
    assert plan.kind == "relational"
    assert plan.bridge == bridge


@pytest.mark.parametrize("question", [
    "Wie nutze ich den Web Clipper, um den Hauptinhalt einer Seite zu extrahieren?",  # a purpose, not a relative
    "¿Cuánto costó el horno nuevo?",
    "Wat kost de cursus in mei?",
])
def test_no_relative_clause_no_bridge(question: str) -> None:
    assert decompose(question).kind != "relational"
