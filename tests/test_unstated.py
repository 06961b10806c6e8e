"""Statements that hold a question's subject but not the asked attribute of the asked one (agents/unstated.py),
and the support they cost an answer (agents/abstain.py): a relative's attribute, another month's value, a
birthday without a day, a value the notes call pending or keep elsewhere."""
from __future__ import annotations

import pytest

from memex.agents.abstain import _withheld, support_score
from memex.agents.evidence import Unit
from memex.agents.extractive import Candidate
from memex.agents.unstated import no_day_of_year, other_period, relative_owns, says_unstated
from memex.domain import Hit, Location


def _candidate(text: str, subject: str, chunk: str = "", kind: float | None = None) -> Candidate:
    hit = Hit(path="n.md", chunk_id="c1", score=1.0, text=chunk or text, location=Location())
    unit = Unit(quote=text, text=text, hit=hit, rank=0, position=0, subject=subject, context=subject, date=None,
                date_source="mtime")
    return Candidate(unit, 0.6, 0.6, 0.6, kind, 0.5)


def test_a_clause_led_by_a_relation_word_gives_that_relatives_attribute() -> None:
    sister = ["Sister lives in Whitby; goes every other weekend."]
    assert relative_owns("Where does Ruth Ackroyd live?", sister) == "sister"
    assert relative_owns("Where does Ruth Ackroyd live?", ["Her husband lives in Leeds."]) == "husband"
    # Her own clause, the relative asked about, or a question that asks who: not another person's attribute.
    assert relative_owns("Where does Ruth Ackroyd live?", ["Lives on Stockton Lane, two streets away."]) == ""
    assert relative_owns("Where does Ruth Ackroyd live?", sister + ["Lives on Stockton Lane."]) == ""
    assert relative_owns("Where does Ruth's sister live?", sister) == ""
    assert relative_owns("Who lives in Whitby?", sister) == ""
    # No clause holds what is asked: left to the other checks.
    assert relative_owns("Where does Ruth Ackroyd live?", ["Coffee: flat white."]) == ""


def test_a_value_of_another_month_does_not_answer_for_the_asked_month() -> None:
    november = ["Heat pump COP for November: 3.5 overall."]
    assert other_period("What was the heat pump's COP in December 2026?", november) == "month 11"
    assert other_period("What was the heat pump's COP in November?", november) == ""
    assert other_period("What was the heat pump's COP in December?", ["Dec 2026 | 3.4"]) == ""
    # A statement naming no month, or a question naming none: nothing to compare.
    assert other_period("What was the heat pump's COP in December?", ["COP about 3.8 on the app."]) == ""
    assert other_period("What may the COP be?", november) == ""


def test_a_birthday_needs_a_day_of_the_year() -> None:
    assert no_day_of_year("When is Jo Marsh's birthday?", ["Plot 14A, has had her plot since 1998."])
    assert not no_day_of_year("When is Jo Marsh's birthday?", ["Birthday: 4 April."])
    assert not no_day_of_year("When is Lena's birthday?", ["Lena's birthday was the 19th."])
    assert not no_day_of_year("When was Aoife born?", ["b. 1980"])  # a year answers "when born"


@pytest.mark.parametrize(("text", "said"), [
    ("Teams link in the calendar invite.", True),
    ("Not selling the house yet. Aoife and I to decide on the sale with her in the new year.", True),
    ("Final takings: to be counted, the total comes after the concert.", True),
    ("Date of the link-up TBA.", True),
    ("Teams link: https://teams.example/ovr", False),
    ("Minutes in the work folder.", False),  # holds nothing asked about
])
def test_a_sentence_that_calls_the_asked_value_pending_or_kept_elsewhere(text: str, said: bool) -> None:
    assert bool(says_unstated(text, {"link", "sale", "total", "taking"}, asks_where=False)) is said


def test_kept_elsewhere_answers_a_where_question() -> None:
    assert says_unstated("Spare key in the drawer by the door.", {"key", "spare"}, asks_where=False)
    assert not says_unstated("Spare key in the drawer by the door.", {"key", "spare"}, asks_where=True)


def test_the_answers_own_statement_on_the_subject_but_not_the_asked_thing_does_not_hide_a_withheld_line() -> None:
    note = ("Canal licence 2026-27: renewed, £1,087.\n"
            "Licence index number: on the disc in the window. Not written down here.")
    top = _candidate("Canal licence 2026-27: renewed, £1,087.", "Boat licence", note)
    assert _withheld("What is the boat's canal licence index number?", [top], lambda doc: note)
    # The statement that gives the asked thing stands.
    given = _candidate("Licence index number: 4471.", "Boat licence", note)
    assert not _withheld("What is the boat's canal licence index number?", [given], lambda doc: note)


def test_the_support_score_lowers_an_answer_that_gives_another_persons_or_months_value() -> None:
    q = "Where does Ruth Ackroyd live?"
    sister, own = _candidate("Sister lives in Whitby; goes every other weekend.", "Ruth Ackroyd", kind=1.0), \
        _candidate("Lives on Stockton Lane, two streets away.", "Ruth Ackroyd", kind=1.0)
    low, checks = support_score(q, 0.5, [sister])
    high, _ = support_score(q, 0.5, [own])
    assert "sister" in checks["attribute_unsupplied"] and low < high
    q = "What was the heat pump's COP in December 2026?"
    low, checks = support_score(q, 0.5, [_candidate("Heat pump COP for November: 3.5 overall.", "House")])
    high, _ = support_score(q, 0.5, [_candidate("Heat pump COP for December: 3.4 overall.", "House")])
    assert checks["attribute_unsupplied"] and low < high


def test_a_birthday_asked_as_the_occasion_of_a_gift_is_not_asked_for() -> None:
    assert not no_day_of_year("What did I give Aoife for her birthday?", ["A spa voucher."])


def test_a_statement_that_gives_the_value_stands_whatever_its_next_sentence_leaves_pending() -> None:
    top = _candidate("Current salary: 61,200 (from 1 April 2026). Next salary review effective 1 April 2027, to be "
                     "confirmed in March.", "Annual review 2026")
    assert not _withheld("What's my salary?", [top], None)
    pending = _candidate("Next salary review effective 1 April 2027, to be confirmed in March.", "Annual review")
    assert _withheld("What's my salary?", [pending], None)


def test_a_statement_on_the_subject_is_only_undone_by_a_line_that_names_the_asked_head_as_unrecorded() -> None:
    # "share" is what is asked; the note's other lines say what riders do not know and where sign-up happens.
    note = ("Why do 42% of the people who start sign-up in the Hearthstone app not finish it?\n"
            "Riders do not know it exists, or do not believe it.")
    top = _candidate("Biggest drop is the ID check — they lose ~22% of people there.", "Hearthstone", note)
    assert not _withheld("What share of people does Hearthstone lose at the ID check?", [top], lambda doc: note)


def test_not_written_down_speaks_of_its_own_sentence_or_the_one_before() -> None:
    """"Not written down here." after the sentence that names the index number withholds it; "I didn't keep notes
    either" two sentences after "a pot of tea" withholds the notes, not a savings pot."""
    from memex.agents.abstain import _unrecorded

    assert _unrecorded("The index number is on the licence disc in the window. Not written down here.", {"index"})
    assert _unrecorded("Index number: not recorded anywhere.", {"index"})
    assert not _unrecorded("I've got the afternoon, a pot of tea and fourteen months of notes to look back through. "
                           "Last year I didn't do one of these; I didn't keep notes either.", {"pot"})


def test_relation_words_are_read_only_in_their_languages() -> None:
    """French "Son chat : Pompon" is "her cat: Pompon", not a son's cat — for a French question or an English one."""
    from memex.agents.unstated import relative_owns

    cat = ["Son chat : Pompon (gris, 12 ans, caractère épouvantable)."]
    assert relative_owns("Comment s'appelle le chat de maman ?", cat) == ""
    assert relative_owns("What is Mum's cat called?", cat) == ""
    assert relative_owns("Where does Ruth live?", ["Sister lives in Whitby; goes every other weekend."]) == "sister"


def test_a_value_of_another_ordinal_instance_does_not_answer_for_the_asked_one() -> None:
    from memex.agents.unstated import other_ordinal

    first = ["Orla: Started at Manchester September 2025. First-year halls: Birchfields Court.",
             "Latest: a 2:1 average in first year, a house in Fallowfield."]
    asked = "What average did Orla get in her second year at Manchester?"
    assert other_ordinal(asked, first) == "year 1"
    assert other_ordinal(asked, first + ["Second year: 68 average so far."]) == ""
    assert other_ordinal("What did Orla average in her first-year results?", first) == ""
    # In the other languages, with their ordinal words; numbered figures too.
    assert other_ordinal("¿Cuánto salió el IVA del tercer trimestre?", ["IVA del segundo trimestre: 1.240 €"]) == \
        "trimestre 2"
    assert other_ordinal("Wie viel Umsatz im zweiten Quartal?", ["Umsatz im ersten Quartal: 41.000 €"]) == "quartal 1"
    assert other_ordinal("How far was the 3rd stage?", ["2nd stage: 112 km"]) == "stage 2"
    # Nothing counted in the statements, or an ordinal before a function word ("prima di"): nothing to compare.
    assert other_ordinal(asked, ["Orla: 2:1 average."]) == ""
    assert other_ordinal("Cosa ho fatto prima di cena?", ["Secondo di cena: pasta"]) == ""
    # A Portuguese weekday ("segunda-feira") counts nothing.
    assert other_ordinal("O que fiz na segunda-feira?", ["Na quarta-feira fui ao médico."]) == ""
    # A statement that names the asked instance by its number names it too.
    grades = ["first-year halls were grim"]
    assert other_ordinal("What average did Orla get in her second year?", ["Year 2: 68%"] + grades) == ""
    assert other_ordinal("What average did Orla get in her second year?", ["year 2 went well"] + grades) == ""
    assert other_ordinal("What average did Orla get in her second year?", ["2 years in halls"] + grades) == "year 1"
    assert other_ordinal("Where was the 2nd May meeting?", ["2 May: at the depot", "1st May: office"]) == ""


def test_a_surname_asked_needs_a_name_written_with_one() -> None:
    from memex.agents.unstated import no_surname

    cover = ["Lena Kowalczyk\nMaternity leave from August. Cover: Kieran from the Leeds office, two days a week."]
    assert no_surname("What's Kieran's surname?", cover) == "Kieran"
    assert no_surname("What's Kieran's surname?", ["Cover: Kieran Walsh from the Leeds office."]) == ""
    assert no_surname("What's Kieran's surname?", ["Team\nWalsh, Kieran (Leeds)"]) == ""
    assert no_surname("Wat is de achternaam van Petra?", ["Assistente: Petra, tot mei."]) == "Petra"
    # A surname labelled as one, or opening with a particle, is given.
    assert no_surname("What's Kieran's surname?", ["Kieran's surname is Walsh."]) == ""
    assert no_surname("What's Kieran's surname?", ["Kieran\n## Contact\nSurname: Walsh"]) == ""
    assert no_surname("What's Kieran's surname?", ["Kieran de Vries started Monday"]) == ""
    assert no_surname("What's Kieran's surname?", ["Kieran van der Berg started Monday"]) == ""
    assert no_surname("What's Kieran's surname?", ["Surname: unknown. Kieran from Leeds."]) == "Kieran"
    # The asked label ("Nachname") is no name whose surname is missing.
    assert no_surname("Wie lautet der Nachname von Leon?", ["Nachname fehlt noch bei Leon."]) == "Leon"
    # Not a surname question, or the person not named at all (the name check reads that).
    assert no_surname("Where does Kieran work?", cover) == ""
    assert no_surname("What's Dermot's surname?", cover) == ""


def test_another_ordinal_instance_costs_an_answer_its_support() -> None:
    asked = "What average did Orla get in her second year at Manchester?"
    first = _candidate("Latest: a 2:1 average in first year, a house in Fallowfield.", "Orla")
    second = _candidate("Second year so far: a 68 average.", "Orla")
    low, checks = support_score(asked, 0.6, [first])
    high, _ = support_score(asked, 0.6, [second])
    assert "year 1" in checks["attribute_unsupplied"]
    assert low < high


def test_a_quoted_line_that_says_the_asked_thing_was_cancelled_gives_no_price() -> None:
    from memex.agents.abstain import quoted_withheld

    asked = "How much did the streaming service I never watch cost?"
    line = "streaming service I never watch - cancelled 5 Oct"
    cancelled = _candidate(line, "Subscriptions")
    tower = _candidate("yearly tower subs £25 (was £20; due April)", "Subscriptions")
    assert quoted_withheld(asked, line, [cancelled, tower]) == ["money"]
    # The line gives its price, the line is not quoted, or the question asks no amount: nothing to say.
    priced = _candidate("streaming service I never watch £8.99 - cancelled 5 Oct", "Subscriptions")
    assert quoted_withheld(asked, priced.unit.text, [priced, tower]) == []
    assert quoted_withheld(asked, line, [tower]) == []
    assert quoted_withheld("When did I cancel the streaming service I never watch?", line, [cancelled]) == []


def test_a_person_named_by_title_and_surname_has_no_first_name_in_the_notes() -> None:
    from memex.agents.unstated import no_first_name

    landlord = ["Mr Kaminski\nMr Kaminski - landlord, Stapleton Terrace flat. Owns 4 flats in Easton.",
                "Phone numbers\nBig Dave plumber - via Kaminski's app."]
    assert no_first_name("What is Mr Kaminski's first name?", landlord) == "Mr Kaminski"
    assert no_first_name("Quel est le prénom de Mme Giraud, la voisine de maman ?",
                         ["Résidence Les Tilleuls\nVoisine de palier de maman : Mme Giraud (n° 15)."]) == "Mme Giraud"
    assert no_first_name("Wie heißt Herr Pfeiffer junior mit Vornamen?",
                         ["Kunden\nHerr Pfeiffer junior hat wegen der Treppe angerufen."]) == "Herr Pfeiffer"
    # A first name before the surname, after it with a comma, or by its label gives it.
    assert no_first_name("What is Mr Kaminski's first name?", ["People\nTomasz Kaminski - landlord"]) == ""
    assert no_first_name("What is Mr Kaminski's first name?", ["Tenancy\nKaminski, Tomasz (landlord)"]) == ""
    assert no_first_name("What is Mr Kaminski's first name?", ["Mr Kaminski\nFirst name: Tomasz"]) == ""
    # A person the question describes rather than names by a title is found through a relation, not here.
    assert no_first_name("Quel est le prénom de la soliste du morceau que Sophie a fait bisser ?",
                         ["Concert\nSophie a fait bisser le Pie Jesu."]) == ""
    # Statements that do not name the person say nothing of them (the name check reads that).
    assert no_first_name("What is Mr Kaminski's first name?", ["Flat\nThe boiler is new."]) == ""


def test_a_first_name_in_brackets_after_the_surname_gives_it() -> None:
    from memex.agents.unstated import no_first_name

    assert no_first_name("What is Mr Kaminski's first name?", ["Flat\nBoiler: Kaminski (Tomasz)"]) == ""
    assert no_first_name("What is Mr Kaminski's first name?", ["Flat\nBoiler: Mr Kaminski (landlord)"]) == "Mr Kaminski"


def test_one_list_of_titles_for_names_and_first_names() -> None:
    from memex.agents import noted_names, unstated
    from memex.agents.unstated import no_first_name

    for word in ("prof", "mx", "dott", "herrn", "fraulein"):
        assert word in noted_names.TITLES
    assert no_first_name("Wie lautet der Vorname von Herrn Pfeiffer?", ["Kunden\nHerrn Pfeiffer anrufen."]) \
        == "Herrn Pfeiffer"
    assert not hasattr(unstated, "TITLES")
def test_a_first_name_asked_by_title_and_surname_must_stand_before_the_surname() -> None:
    from memex.agents.unstated import no_first_name

    q = "Quel est le prénom de Mme Giraud, la voisine de maman ?"
    only = ["Résidence\nVoisine de palier de maman : Mme Giraud (n° 15), ancienne institutrice.",
            "Elle mange ce midi avec sa voisine de palier, Mme Giraud."]
    assert no_first_name(q, only) == "Mme Giraud"
    assert no_first_name(q, ["Mme Hélène Giraud, voisine de palier."]) == ""
    assert no_first_name(q, ["Hélène Giraud : voisine de palier."]) == ""
    assert no_first_name("Wie heißt Herr Pfeiffer mit Vornamen?", ["Kunde: Herr Pfeiffer; Vorname: Klaus"]) == ""
    assert no_first_name("Wat is de voornaam van meneer De Vries?", ["Buurman: meneer De Vries, 80 jaar."]) == "meneer De Vries"
    # not a first name asked, or not named in the statements (the name check's)
    assert no_first_name("Wo wohnt Herr Pfeiffer?", ["Herr Pfeiffer, Küche."]) == ""
    assert no_first_name(q, ["Maman mange avec sa voisine."]) == ""
    _, checks = support_score(q, 0.5, [_candidate(only[0], "Résidence Les Tilleuls")])
    assert "no first name for Mme Giraud" in checks["attribute_unsupplied"]


def test_a_place_the_question_names_itself_is_not_where_the_answer_is_kept() -> None:
    from memex.agents.answer_type import attribute_terms
    from memex.agents.unstated import says_unstated
    q = "Who's the culprit with the dairy left in the staff fridge at the yard?"
    line = "AOB: someone keeps leaving milk in the drivers' room fridge. (it's Kyle)"
    assert says_unstated(line, set(attribute_terms(q)), False) == ""
    q = "What is the Teams link for the meeting?"
    assert says_unstated("Teams link in the calendar invite.", set(attribute_terms(q)), False)


def test_a_value_asked_as_kept_in_a_place_the_question_names_is_still_kept_elsewhere() -> None:
    from memex.agents.answer_type import attribute_terms
    from memex.agents.unstated import says_unstated
    # The question asks for a value said to be in the place, not who or what is in it ("the staff fridge").
    q = "What is the Teams link in the calendar invite?"
    line = "Teams link in the calendar invite."
    assert says_unstated(line, set(attribute_terms(q)), False) == line
    q = "What's the wifi password on the router sticker?"
    line = "Wifi password is on the sticker on the back of the router."
    assert says_unstated(line, set(attribute_terms(q)), False) == line
    q = "Who's the culprit with the dairy left in the staff fridge at the yard?"
    line = "AOB: someone keeps leaving milk in the drivers' room fridge. (it's Kyle)"
    assert says_unstated(line, set(attribute_terms(q)), False) == ""
