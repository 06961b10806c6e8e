"""Question words in other languages that misled the answer's expectations (agents/lexicon.py): "when" as a
conjunction, "página" read as "pagar", German nouns read as names."""
from __future__ import annotations

import pytest

from memex.agents import lexicon
from memex.agents.answer_type import names

WHEN = {"date", "time", "weekday"}


@pytest.mark.parametrize("question", [
    "¿Cuándo se reúne la asociación de comerciantes?",
    "¿cuando se reune la asociacion?",  # typed without accents, opening the question
    "¿Desde cuándo abre la tienda a las 17:00?",
    "Mi bóveda está en Fráncfort. ¿Cuándo se publicará la versión 2.0?",
    "Quand Obsidian 2.0 sortira-t-il ?",
    "Depuis quand le magasin ouvre-t-il à 17h ?",
    "Quando sai o Obsidian 2.0?",
    "Wanneer verschijnt Obsidian 2.0?",
])
def test_when_that_asks_expects_a_time(question: str) -> None:
    assert WHEN <= lexicon.expected_kinds(question)  # type: ignore[operator]


@pytest.mark.parametrize("question", [
    "¿Cuál debe ser el destino CNAME cuando apunto mi propio dominio a Obsidian Publish a través de Cloudflare?",
    "¿Sigue sincronizando Obsidian Sync en segundo plano cuando la aplicación está cerrada?",
    "Obsidian Sync continue-t-il de synchroniser en arrière-plan quand l'application est fermée ?",
    "Quale libreria usa Web Clipper quando salvo una pagina?",
    "Wat gebeurt er met mijn notities wanneer ik de app sluit?",
])
def test_when_as_a_conjunction_asks_for_no_time(question: str) -> None:
    assert not WHEN & lexicon.expected_kinds(question)  # type: ignore[operator]


@pytest.mark.parametrize(("question", "kind"), [
    ("¿Cuántas licencias debe comprar una organización para aparecer en la página Enterprise?", "quantity"),
    ("¿Cuántas páginas tiene el manual del horno?", "quantity"),
    ("Quantas páginas tem o manual do forno?", "quantity"),
    ("Quante pagine ha il manuale del forno?", "quantity"),
    ("Combien de pains avons-nous vendus samedi ?", "quantity"),
    ("¿Cuánto pagué de señal por el horno?", "money"),
    ("¿Cuánto le debo a Javi por la obra?", "money"),
    ("Quanto paguei pelo forno novo?", "money"),
    ("Quanto ho pagato per il forno nuovo?", "money"),
    ("Combien ai-je payé pour le four ?", "money"),
])
def test_pages_and_bread_are_not_payments(question: str, kind: str) -> None:
    kinds = lexicon.expected_kinds(question)
    assert kinds is not None and kind in kinds and (kind == "money" or "money" not in kinds)


def test_german_nouns_are_not_names_but_acronyms_are() -> None:
    q = "Was muss das CNAME-Ziel sein, wenn ich meine eigene Domain über Cloudflare auf Obsidian Publish zeigen lasse?"
    assert [n for n in (lexicon.name_words(m, q) for m in names(q)) if n] == ["CNAME"]
    q = "Wo finde ich die Sitemap meiner Obsidian-Publish-Website?"
    # "Sitemap" is a noun; a compound led by two or more words names them ("Obsidian Publish"), one leading
    # part does not ("Standard-Einstellung").
    assert [lexicon.name_words(m, q) for m in names(q)] == ["", "Obsidian Publish"]
    q = "Wo ist die Standard-Einstellung?"
    assert not any(lexicon.name_words(m, q) for m in names(q))
    # Other languages keep their names as found.
    q = "¿Cuál es el IBAN de Harinas del Ebro?"
    assert [lexicon.name_words(m, q) for m in names(q)] == names(q)
