"""Round 11 abstention checks that read whether an answer's statement still holds the asked value of the asked one
(agents/unstated.py, agents/withheld.py, agents/abstain.py): a cancelled thing, a value kept elsewhere or not
decided in any language, another year's value, a line labelled with another of the section's people."""
from __future__ import annotations

import pytest

from memex.agents import withheld
from memex.agents.abstain import labelled_other, support_score
from memex.agents.evidence import Unit
from memex.agents.extractive import Candidate
from memex.agents.unstated import cancelled, other_year, says_unstated
from memex.domain import Hit, Location


def _candidate(text: str, subject: str) -> Candidate:
    hit = Hit(path="n.md", chunk_id="c1", score=1.0, text=text, location=Location())
    unit = Unit(quote=text, text=text, hit=hit, rank=0, position=0, subject=subject, context=subject, date=None,
                date_source="mtime")
    return Candidate(unit, 0.85, 0.6, 0.6, None, 0.5)


@pytest.mark.parametrize(("question", "line"), [
    ("When is the party?", "Party on 12 May (cancelled)."),
    ("How much did the streaming service I never watch cost?", "streaming service I never watch - cancelled 5 Oct"),
    ("Wann ist das Imkertreffen?", "Imkertreffen am 12. Mai – abgesagt."),
    ("Quand a lieu le concert de la chorale ?", "Concert de la chorale le 13 juin : annulé."),
    ("¿Cuándo es la cena de la peña?", "La cena de la peña del 5 de mayo se canceló."),
])
def test_a_line_that_says_the_asked_thing_was_cancelled_holds_no_value_for_it(question: str, line: str) -> None:
    assert cancelled(question, line)


@pytest.mark.parametrize(("question", "line"), [
    # Another thing was cancelled; the value asked for stands in its own clause.
    ("How much was the insurance refund?", "Insurance cancelled — £340 refund came 4 Nov."),
    # The question asks about the cancelling itself.
    ("When did I cancel the streaming service?", "streaming service I never watch - cancelled 5 Oct"),
    ("Wann wurde das Imkertreffen abgesagt?", "Imkertreffen am 12. Mai – abgesagt."),
    # Nothing cancelled, or something else cancelled.
    ("When is the party?", "Party on 12 May at the Lamplighter."),
    ("When is the party?", "Train to Leeds cancelled, so I cycled."),
])
def test_a_cancelled_line_is_not_read_where_it_does_not_cancel_the_asked_value(question: str, line: str) -> None:
    assert not cancelled(question, line)


@pytest.mark.parametrize(("lang", "line"), [
    ("en", "Membership number: in the other notebook."),
    ("es", "El número de socio está en la carpeta azul."),
    ("fr", "Le code est dans le carnet rouge."),
    ("de", "Die Stocknummern stehen im anderen Heft."),
    ("it", "Il codice è nel quaderno verde."),
    ("pt", "O número está no caderno azul."),
    ("nl", "Het nummer staat in het andere schrift."),
])
def test_a_line_that_keeps_the_value_elsewhere_is_read_in_each_language(lang: str, line: str) -> None:
    assert withheld.pattern("elsewhere", {lang: withheld.PHRASES[lang]}).search(line)


@pytest.mark.parametrize(("lang", "line"), [
    ("es", "La fecha de la boda: todavía no se sabe."),
    ("fr", "Date du concert : pas encore fixée."),
    ("de", "Der Termin für die Honigernte steht noch nicht fest."),
    ("it", "La data della gita è ancora da decidere."),
    ("pt", "A data da festa ainda não está decidida."),
    ("nl", "De datum van het feest is nog niet bekend."),
])
def test_a_value_not_decided_yet_is_read_in_each_language(lang: str, line: str) -> None:
    assert withheld.pattern("undecided", {lang: withheld.PHRASES[lang]}).search(line)
    assert withheld.UNDECIDED.search(line)


def test_a_german_line_that_keeps_the_asked_number_elsewhere_is_unstated() -> None:
    line = "Die Stocknummern stehen im anderen Heft."
    assert says_unstated(line, {"stocknumm", "stocknummern"}, asks_where=False)
    assert not says_unstated(line, {"stocknumm", "stocknummern"}, asks_where=True)  # "where" is answered by it


@pytest.mark.parametrize("line", [
    "Die Völker stehen im Garten hinter dem Schuppen.",
    "Le concert était magnifique.",
    "Vamos ver o jogo no sábado.",
    "The party was great; nobody cancelled.",
])
def test_ordinary_lines_are_neither_undecided_nor_kept_elsewhere(line: str) -> None:
    assert not withheld.UNDECIDED.search(line)
    assert not withheld.ELSEWHERE.search(line)


def test_another_years_value_does_not_answer_for_the_asked_year() -> None:
    tax = ["Budget 2026\nCouncil tax 2026–27: £1,829 (£182.90 × 10)."]
    assert other_year("What will the council tax be for 2027-28?", tax) == "year 2026"
    assert other_year("Wie viel Honig gab es im Jahr 2025?", ["Ernte 2024: 38 kg"]) == "year 2024"
    # A year that places something else is no period asked for.
    assert other_year("Who did I work for after 2019?", ["Joined Brackenridge in 2015."]) == ""
    # The asked year is there, or inside a season the statement names; no year on either side; an age.
    assert other_year("How much was the council tax in 2026?", tax) == ""
    assert other_year("How much was the council tax in 2027?", tax) == ""
    assert other_year("What will the council tax be for 2027-28?", ["Council tax: £1,829."]) == ""
    assert other_year("How much is the council tax?", tax) == ""
    assert other_year("How old was Mum in 2020?", ["Born 17 March 1948."]) == ""


def test_a_line_labelled_with_another_of_the_sections_people_is_not_about_the_asked_one() -> None:
    marijke = [_candidate("Marijke: 74, retired music teacher, plays the cello.", "Joost and Marijke")]
    joost = [_candidate("Joost: 77, retired civil engineer.", "Joost and Marijke")]
    assert labelled_other("Joost", marijke)
    assert not labelled_other("Joost", joost)
    # A field label, not a person; the asked one named in the line; another quoted line about the asked one.
    assert not labelled_other("Yvonne", [_candidate("Cat: Pim, grey, eleven.", "Yvonne Achterberg")])
    assert not labelled_other("Joost", [_candidate("Marijke: married Joost in 1973.", "Joost and Marijke")])
    assert not labelled_other("Joost", marijke + joost)
    score, checks = support_score("What instrument does Joost play?", 0.5, marijke)
    assert checks["names_missing"] == ["Joost"]
    assert score < support_score("What instrument does Marijke play?", 0.5, marijke)[0]


@pytest.mark.parametrize(("question", "line", "owner"), [
    ("Wo wohnt Lisa Brandt?", "Ihre Schwester wohnt in Kiel.", "schwester"),
    ("Où habite Claire ?", "Sa sœur habite à Lyon.", "sœur"),
    ("Was macht Lisa Brandt beruflich?", "Ihr Mann arbeitet beruflich bei der Post.", "mann"),
])
def test_a_relatives_attribute_is_read_in_french_and_german_too(question: str, line: str, owner: str) -> None:
    from memex.agents.unstated import relative_owns

    assert relative_owns(question, [line]) == owner


@pytest.mark.parametrize(("question", "line"), [
    ("Wo wohnt Lisa Brandt?", "Frau Keller wohnt in Kiel."),  # a title before a name, not a wife
    ("Wo wohnt Lisa Brandt?", "Wohnt in Freiburg, seit 2019."),
    ("Wo wohnt Lisas Schwester?", "Ihre Schwester wohnt in Kiel."),  # the relative is the one asked about
])
def test_a_line_of_the_asked_ones_own_is_not_a_relatives(question: str, line: str) -> None:
    from memex.agents.unstated import relative_owns

    assert relative_owns(question, [line]) == ""


@pytest.mark.parametrize("line", [
    "Can't remember what it cost.", "Preis: weiß ich nicht mehr.", "Je ne me souviens plus du code.",
    "No me acuerdo del precio.", "Non me lo ricordo.", "Não me lembro do preço.", "Ik weet het niet meer.",
])
def test_a_line_that_says_the_writer_does_not_remember_is_read_as_withheld(line: str) -> None:
    assert withheld.WITHHELD.search(line)


def test_months_and_days_of_the_year_are_read_in_french_german_italian_portuguese_and_dutch() -> None:
    from memex.agents.unstated import no_day_of_year, other_period

    november = ["Honigernte November: 42 Gläser."]
    assert other_period("Wie viele Gläser Honig gab es im Dezember?", november) == "month 11"
    assert other_period("Combien de pots en décembre ?", ["Novembre : 42 pots."]) == "month 11"
    assert other_period("Wie viele Gläser Honig gab es im Dezember?", ["Dezember: 12 Gläser."]) == ""
    # "12. Mai", "1er avril" are days of the year; a year alone is not.
    assert not no_day_of_year("When is Lisa's birthday?", ["Geburtstag: 12. Mai"])
    assert not no_day_of_year("When is Lisa's birthday?", ["Anniversaire : 1er avril"])
    assert no_day_of_year("When is Lisa's birthday?", ["Imkerin seit 1998."])
