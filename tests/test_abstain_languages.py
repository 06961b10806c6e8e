"""The abstention checks read a question the same way in every language (issue 11 item 4, issue 18 item 5): what
the English reading checks — the kind of value asked, a share, a price's thing, a name in the question — is read
in es, pt, fr, de, it and nl too."""
from __future__ import annotations

import pytest

from memex.agents import attribute, lexicon, tally
from memex.agents.answer_type import _looks_like_date, asks_share, expected, matches, offers


@pytest.mark.parametrize("question", ["What is the number plate of the van?", "Welches Kennzeichen hat der Transit?",
                                      "Wat is het kenteken van de Renault Zoe?", "Qual è la targa del furgone di Marco?",
                                      "Quelle est l'immatriculation de la voiture ?",
                                      "¿Cuál es la matrícula del coche?"])
def test_a_licence_plate_is_an_identifier_in_every_language(question: str) -> None:
    assert "code" in expected(question).kinds


def test_a_day_month_year_date_is_no_code() -> None:
    # "Registratieperiode loopt tot 31-12-2028" offers no password; a sort code "20-45-67" stays a code
    assert _looks_like_date("31-12-2028") and _looks_like_date("2028-12-31")
    assert not _looks_like_date("20-45-67")
    assert "code" not in offers("Registratieperiode loopt tot 31-12-2028.", "Wat is het wachtwoord van mijn.knov?")


@pytest.mark.parametrize("question", ["Hoeveel procent hypotheekrente betalen we?", "What percentage do we pay?",
                                      "Quel pourcentage de ses honoraires Karim reverse-t-il ?",
                                      "Wie viel Prozent Zinsen zahlen wir?", "¿Qué porcentaje pagamos?"])
def test_a_share_is_asked_in_every_language(question: str) -> None:
    assert asks_share(question)


def test_an_amount_is_a_weak_stand_in_for_a_share() -> None:
    q = "Hoeveel procent hypotheekrente betalen we?"
    assert matches(expected(q), "Hypotheekrente: 3,9 procent vast tot 2031.", q) == 1.0
    assert matches(expected(q), "Belasting 2025: hypotheekrente aftrek € 6.120.", q) == 0.5


def test_a_genitive_without_apostrophe_names_the_asked_one() -> None:
    # "Heikes Tochter": Heike is the question's own name, not a name the statement offers
    q = "Wie heißt Heikes Tochter in Rostock?"
    assert "person" not in offers("Sie zieht zu Heike.", q)
    assert "person" in offers("Sie zieht zu Jonas.", q)


def test_hours_by_the_week_are_a_rate_not_a_sum() -> None:
    assert tally.operation("Hoeveel uur per week werkt Sanne Vermeulen?") is None
    assert tally.operation("Hoeveel uur heb ik in maart gewerkt?") == ("sum", "hours?|hrs?|h")


def test_a_dutch_what_did_it_cost_names_its_thing() -> None:
    assert attribute.priced_thing("Wat kostte de spiegel voor de badkamer?") == ["spiegel"]


def test_german_leading_parts_of_a_hyphenated_compound_are_names() -> None:
    q = "Wie exportiere ich eine Notiz in eine Microsoft-Word-Datei?"
    assert lexicon.name_words("Microsoft-Word-Datei", q) == "Microsoft Word"
    assert lexicon.name_words("Konfliktdatei", "Wo liegt die Konfliktdatei?") == ""
    # one leading part is as often a common noun
    assert lexicon.name_words("Standard-Kontextfenster", "Was ist das Standard-Kontextfenster von Ollama?") == ""


def test_a_day_and_month_is_no_price_outside_english() -> None:
    q = "Wie viel hat Muttis Reha in Bad Elster gekostet?"
    assert "money" not in offers("Update 17.04.: OP gut verlaufen. Reha ab 28.04. in Bad Elster, drei Wochen.", q)
    assert "money" in offers("Rechnung vom 17.04.2026: 89,90 € bezahlt.", q)
    assert "money" in offers("Receipt 17.04 paid", "How much was the receipt?")


@pytest.mark.parametrize("question", ["Wie hoch ist die Kaltmiete der Werkstatt?", "Hoe hoog is de huur nu?",
                                      "Wat is de maandhuur?"])
def test_a_compound_or_how_high_asks_money(question: str) -> None:
    assert "money" in expected(question).kinds


def test_an_elided_article_is_read_off_a_name_only_in_french_and_italian() -> None:
    from memex.agents.abstain import _unelided
    from memex.agents.answer_type import names

    assert names(_unelided("L'APL a versé combien ?")) == ["APL"]
    assert names(_unelided("Combien a coûté l'IRM d'Inès ?")) == ["IRM", "Inès"]
    assert names(_unelided("Quanto ha pagato l'Enel?")) == ["Enel"]
    # English writes the apostrophe inside the name.
    assert names(_unelided("When did D'Arcy call?")) == ["D'Arcy"]
