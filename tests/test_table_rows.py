"""Right note, right line: a table row's amount under a currency column, the row the question names among rows
that share only its table, a name offered through a word related to the asked one (agents/answer_type.py,
agents/compose.py, agents/extractive.py)."""
from __future__ import annotations

from memex.agents.answer_type import MONEY, QUANTITY, expected, matches, offers
from memex.agents.compose import same_row
from memex.agents.evidence import Unit
from memex.agents.extractive import Candidate, idf_weights, score_units
from memex.domain import Hit, Location


def _unit(text: str, subject: str, n: int = 0, path: str = "") -> Unit:
    hit = Hit(path=path or f"n{n}.md", chunk_id=f"c{n}", score=1.0, text=text, location=Location())
    return Unit(quote=text, text=text, hit=hit, rank=0, position=n, subject=subject, context=subject, date=None,
                date_source="mtime")


def _cand(text: str, subject: str, score: float, n: int = 0, path: str = "costs.md") -> Candidate:
    return Candidate(_unit(text, subject, n, path), 0.5, 0.2, 0.2, 1.0, score)


def test_a_row_under_a_currency_column_offers_money() -> None:
    q = "How much did it cost to have the new name painted on the boat?"
    assert MONEY in offers("date: 10 Jun 2026; what: Sign writing (new name); £: 360", q)
    assert MONEY in offers("Concepto: Luz; €: 61", "¿Cuánto pagamos de luz?")
    assert MONEY in offers("Item: Tyres; Cost (EUR): 1,200", q)
    assert MONEY not in offers("date: 10 Jun 2026; what: Sign writing; miles: 360", q)
    assert matches(expected(q), "date: 10 Jun 2026; what: Sign writing (new name); £: 360", q, "Boat costs") == 1.0


def test_how_thick_asks_for_a_quantity() -> None:
    assert QUANTITY in expected("How thick was the steel on the bottom of the hull?").kinds
    assert QUANTITY in expected("What was the width of the doorway?").kinds
    assert not expected("How was the survey?").kinds


def test_other_rows_of_the_best_rows_table_join_only_holding_its_asked_words() -> None:
    q = "How much did it cost to have the new name painted on the boat?"
    best = _cand("date: 10 Jun 2026; what: Sign writing (new name); £: 360", "Boat costs", 0.54, 1)
    boat = _cand("date: 11 Oct 2025; what: Boat (Graham Hedley); £: 27,500", "Boat costs", 0.47, 2)
    moor = _cand("date: 20 Dec 2025; what: Kilby moorings, Q1; £: 537.50", "Boat costs", 0.46, 3)
    same = _cand("date: 1 Jul 2026; what: New name on the tiller pin; £: 12", "Boat costs", 0.45, 4)
    prose = _cand("Running total: about £10,000.", "Boat costs", 0.46, 5)
    assert same_row(q, [best, boat, moor, same, prose]) == [best, same, prose]
    # A best statement that is no table row keeps its runners-up.
    assert same_row(q, [prose, boat, moor]) == [prose, boat, moor]


def test_names_given_under_a_word_related_to_the_asked_one_answer_a_called_question(minilm) -> None:
    q = "What are Jo Pettifer's daughters called?"
    idf = idf_weights(q, None, 0)
    units = [_unit("Two girls, Evie and Mae. Husband Dom drives for the ambulance service.", "Jo Pettifer", 0),
             _unit("Text, not WhatsApp — she's left every group.", "Jo Pettifer", 1)]
    by_text = {c.text: c for c in score_units(q, units, minilm, idf)}
    assert by_text[units[0].text].kind == 1.0
    assert by_text[units[1].text].kind == 0.0


def test_a_name_in_a_note_titled_with_the_asked_thing_but_silent_on_its_make_offers_none() -> None:
    # Rejected in round 10: reading "make" / "model" as kind words, or the note's title holding the thing asked
    # of, let a contact's name answer "What make and model is the heat pump?".
    q = "What make and model is the heat pump?"
    assert matches(expected(q), "Annual service due April 2027. Contact now Kirsty Naylor (Jamie's left).", q,
                   "Heat pump project › Open") == 0.0


def test_another_relatives_word_does_not_stand_for_the_asked_one(minilm) -> None:
    q = "What is Jo Pettifer's wife called?"
    idf = idf_weights(q, None, 0)
    units = [_unit("Two girls, Evie and Mae. Husband Dom drives for the ambulance service.", "Jo Pettifer", 0)]
    assert score_units(q, units, minilm, idf)[0].kind == 0.0
    q = "What is Yvonne's daughter called?"  # "her" is close to "daughter" and names no one
    units = [_unit('"Vonnie" to everyone except her mother, who uses the full three syllables.', "Yvonne", 0)]
    assert score_units(q, units, minilm, idf_weights(q, None, 0))[0].kind == 0.0
    q = "What are Aoife's children called?"
    units = [_unit("Pharmacist, runs the pharmacy on Shop Street. Kids: Saoirse (14) and Darragh (11).", "Aoife", 0)]
    assert score_units(q, units, minilm, idf_weights(q, None, 0))[0].kind == 1.0
