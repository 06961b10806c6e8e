"""Portuguese, Italian and Dutch through the answer pipeline's word tables (issue 18), and an English question
over notes in another language: question shapes and answer kinds, what a statement offers, dates, and the
language a short statement is read in."""
from __future__ import annotations

import datetime as dt

import pytest

from memex.agents import lexicon
from memex.agents.answer_type import expected, matches, offers
from memex.agents.withheld import pattern
from memex.ingest.dates import find_dates


@pytest.mark.parametrize(("question", "kinds"), [
    ("Quanto custou o frigorífico novo?", {"money"}),
    ("Quem é o dentista da Inês?", {"person"}),
    ("Onde fica o escritório da contabilista?", {"place"}),
    ("Quais restaurantes nos compram pão?", {"place"}),
    ("Quanto tempo dura a consulta?", {"duration"}),
    ("Qual é o número de telefone da escola?", {"phone"}),
    ("Como se chama o gato da minha mãe?", {"name"}),
    ("Quanto è costato il frigorifero nuovo?", {"money"}),
    ("Chi è il dentista di Giulia?", {"person"}),
    ("Dove si trova lo studio della commercialista?", {"place"}),
    ("Quanto dura la visita?", {"duration"}),
    ("Come si chiama il gatto di mia madre?", {"name"}),
    ("Hoeveel kostte de nieuwe koelkast?", {"money"}),
    ("Wie is de tandarts van Sanne?", {"person"}),
    ("Waar is het kantoor van de boekhouder?", {"place"}),
    ("Hoe lang duurt het consult?", {"duration"}),
    ("Hoe heet de kat van mijn moeder?", {"name"}),
])
def test_question_kinds_in_pt_it_nl(question: str, kinds: set[str]) -> None:
    assert set(expected(question).kinds) == kinds


@pytest.mark.parametrize("question", ["A que horas abre a loja agora?", "A che ora apre il negozio adesso?",
                                      "Hoe laat gaat de winkel nu open?"])
def test_now_questions_are_temporal(question: str) -> None:
    assert lexicon.is_temporal(question)
    assert {"time"} <= set(expected(question).kinds)


@pytest.mark.parametrize("question", ["Quanto gastei no total com o carro?", "Quanto ho speso in totale per la macchina?",
                                      "Hoeveel heb ik in totaal aan de auto uitgegeven?"])
def test_totals_are_asked(question: str) -> None:
    assert lexicon.asks_total(question) and lexicon.is_aggregation(question)


@pytest.mark.parametrize(("question", "sentence", "kind"), [
    ("A que horas é a consulta?", "A consulta é às 14h30, às terças-feiras.", "time"),
    ("A que horas é a consulta?", "Às terças à tarde.", "weekday"),
    ("Quanto tempo durou?", "Durou 45 minutos.", "duration"),
    ("Quanto custou?", "Custou 35 euros.", "money"),
    ("A che ora è la visita?", "Il martedì pomeriggio.", "weekday"),
    ("Quanto è durata?", "È durata 45 minuti.", "duration"),
    ("Dove si trova?", "Si trova a Bologna.", "place"),
    ("Hoe laat is het consult?", "Op dinsdagmiddag.", "weekday"),  # weekday and day part in one word
    ("Wann kommt der Imker?", "Am Dienstagabend.", "weekday"),
    ("Hoeveel kost het?", "Kost 35 euro.", "money"),
    ("Waar is het?", "Het is in Utrecht.", "place"),
])
def test_statements_offer_kinds(question: str, sentence: str, kind: str) -> None:
    with lexicon.asked(question):
        assert kind in offers(sentence, question)


def test_a_clock_time_with_uur_is_no_amount() -> None:
    with lexicon.asked("Hoe laat is het consult?"):
        assert "money" not in offers("Het consult is om 14.30 uur.", "Hoe laat is het consult?")


@pytest.mark.parametrize(("text", "iso"), [
    ("sábado, 4 de julho de 2026", "2026-07-04"),
    ("1º de maio", "2026-05-01"),
    ("1° maggio", "2026-05-01"),  # Italian writes the first of the month with a degree sign
    ("lunedì 6 luglio", "2026-07-06"),
    ("12 mag 2026", "2026-05-12"),
    ("zaterdag 4 juli", "2026-07-04"),
    ("1e september", "2026-09-01"),  # Dutch ordinal
    ("3 okt. 2026", "2026-10-03"),
])
def test_dates_in_pt_it_nl(text: str, iso: str) -> None:
    marks = find_dates(text, dt.date(2026, 1, 1))
    assert [m.day.isoformat() for m in marks] == [iso]


def test_an_ordinal_suffix_needs_a_month() -> None:
    assert find_dates("Woonde op de 3e verdieping, 20° in de kamer.", dt.date(2026, 1, 1)) == []


@pytest.mark.parametrize("line", ["Ainda não sabemos o preço.", "Non sappiamo ancora il prezzo.",
                                  "We weten de prijs nog niet."])
def test_not_known_yet_in_pt_it_nl(line: str) -> None:
    assert pattern("withheld").search(line) or pattern("pending").search(line)


@pytest.mark.parametrize("sentence", ["Acheté le 15/11/2025 à Gérard sur leboncoin, 180 €.",
                                      "Loyer local (ma part) : 650 €/mois → 720 €/mois"])
def test_euros_before_punctuation_are_an_amount(sentence: str) -> None:
    q = "How much did I pay?"
    assert matches(expected(q), sentence, q) == 1.0


def test_a_short_statement_is_read_in_its_passages_language() -> None:
    """An English question over French notes: "Inès est en 6e au collège Clément-Marot." has too few function
    words to tell its language; read as English it offers no place, read as its passage's French it does."""
    q = "Which school does Inès go to?"
    s = "2026-27 : 6e au collège Clément-Marot, prof principale Mme Aubry."
    with lexicon.asked(q):
        assert lexicon.language(s) == "en"
        assert matches(expected(q), s, q) == 0.0
        with lexicon.reading("fr"):
            assert lexicon.language(s) == "fr"
            assert matches(expected(q), s, q) == 1.0
        with lexicon.reading("und"):
            assert lexicon.language(s) == "en"  # an unsure passage: the question's language, as before


def test_a_part_of_the_question_too_short_to_tell_stays_in_the_questions_language() -> None:
    """A bridge's description taken from an English question ("Javi's wife") holds no function word: read while a
    Spanish statement is, it is still the question's English, whatever the passage's language; the statement is
    still read in its passage's."""
    q = "What does Javi's wife Lucía do for a living?"
    with lexicon.asked(q), lexicon.reading("es", "Javi's wife"):
        assert lexicon.detect("Javi's wife") == "und"
        assert lexicon.language("Javi's wife") == "en"
        assert lexicon.language("javi's wife") == "en"
        assert lexicon.language("Leo y Dani: 5") == "es"
    with lexicon.reading("es", "Javi's wife"):  # no question asked around it: the question read for tells
        assert lexicon.language("Javi's wife") == "en"
    with lexicon.asked("¿Qué hace Lucía, la mujer de Javi?"), lexicon.reading("fr", "Lucía"):
        assert lexicon.language("Lucía") == "es"


def test_a_short_questions_language_is_told_by_its_question_words() -> None:
    """The character n-grams leave a short question undetermined ("What is Hugo allergic to?"); its function
    words tell it, so a Spanish statement reads as another language than the question's."""
    from memex.agents import paraphrase

    es = ("Hugo es alérgico a los frutos secos, sobre todo al anacardo, y lleva el autoinyector en la mochila del "
          "colegio todos los días.")
    assert paraphrase.question_language("What is Hugo allergic to?") == "en"
    assert paraphrase.question_language("¿A qué es alérgico Hugo?") == "es"
    assert paraphrase.other_language("What is Hugo allergic to?", es)
    assert not paraphrase.other_language("¿A qué es alérgico Hugo?", es)


def test_how_long_is_one_duration_not_a_collection() -> None:
    from memex.agents.lexicon import is_aggregation

    # "En combien de temps…", "Hoeveel tijd…": one duration is asked, not items across notes.
    assert not is_aggregation("En combien de temps Karim a-t-il couru le marathon de Lyon en 2025 ?")
    assert not is_aggregation("Hoeveel tijd kost de rit naar Utrecht?")
    assert is_aggregation("Combien de séances ai-je faites en mars ?")
    assert is_aggregation("Hoeveel bevallingen heb ik in maart begeleid?")
