"""Choosing the statement an extractive answer stands on, and the support score that decides abstention."""
from __future__ import annotations

from dataclasses import replace

from memex.agents.abstain import support_score
from memex.agents.answer_type import DATE, NAME, PERSON, expected, matches, offers
from memex.agents.evidence import Unit
from memex.agents.extractive import Candidate
from memex.domain import Hit, Location


def _candidate(text: str, subject: str, semantic: float = 0.6, kind: float | None = 1.0) -> Candidate:
    hit = Hit(path="n.md", chunk_id="c1", score=1.0, text=text, location=Location())
    unit = Unit(quote=text, text=text, hit=hit, rank=0, position=0, subject=subject, context=subject, date=None,
                date_source="mtime")
    return Candidate(unit, semantic, 0.2, 0.2, kind, 0.5)


def test_when_mid_sentence_is_a_conjunction_not_a_date_question() -> None:
    assert DATE not in expected("Which signal gets train crews grumbling when it's misty?").kinds
    assert DATE not in expected("How much did I get when I got rid of my motor?").kinds
    assert DATE in expected("When is Ruth's birthday?").kinds
    assert DATE in expected("So when did we meet?").kinds
    assert DATE in expected("Where and when is the AGM?").kinds
    assert DATE in expected("Since when has the sync been on Fridays?").kinds


def test_a_year_after_a_preposition_is_a_date() -> None:
    assert DATE in offers("The oldest bell, the 7th, was cast in 1624.", "When was the oldest bell cast?")
    assert DATE not in offers("Room 1624 is on the left.", "When was the oldest bell cast?")


def test_a_labelled_capitalised_value_is_a_name() -> None:
    q = "What's the name of Yvonne's cat?"
    assert expected(q).kinds & {NAME, PERSON}
    assert matches(expected(q), "Cat: Pim, grey, eleven, hates me less every month.", q, "Yvonne Achterberg") == 1.0


def test_a_name_found_through_the_question_names_but_silent_on_the_asked_thing_is_not_an_answer() -> None:
    q = "What's the name of the warden at Corrib View?"
    wrong = "Later: the move to sheltered housing — Mum's move to Corrib View."
    assert matches(expected(q), wrong, q, "Mum (Bríd Farrelly)") == 0.0
    assert matches(expected(q), "She has a warden called Carmel who she's adopted.", q, "2026 › Family") == 1.0
    # The subject says what is asked: the statement answers for it ("Tower captain" section, a bare name).
    q = "Who is the tower captain at All Saints?"
    assert matches(expected(q), "Alan Fisher, since 2019.", q, "All Saints tower › Tower captain") == 1.0


def test_a_missing_place_name_costs_less_than_a_missing_person() -> None:
    stmt = _candidate("The guide let me stand next to the big one, Salvator, 8,000 kg.", "Utrecht, October 2026")
    placed, checks = support_score("What's the name of the giant bell I stood next to in the Netherlands?", 0.5,
                                   [stmt])
    assert checks["names_missing"] == ["Netherlands"]
    assert abs(placed - (checks["best"] - 0.4 * 0.25)) < 1e-6
    # (not a birthday: a birthday of another, unnamed person is a lack of its own, agents/value_forms.py)
    person = _candidate("Shoe size: 39.", "Ruth Denholm")
    other, checks = support_score("What is Ruth Ackroyd's shoe size?", 0.5, [person])
    assert checks["names_missing"] == ["Ruth Ackroyd"]
    assert abs(other - (checks["best"] - 0.4)) < 1e-6


def test_a_place_the_question_already_gives_is_not_the_place_it_asks_for() -> None:
    q = "Which hotel did we stay in at Whitby?"
    assert "place" not in offers("Sister lives in Whitby; goes every other weekend.", q)
    assert "place" in offers("We stayed at the Marine Hotel in Whitby.", q)


def test_an_amount_with_a_unit_is_not_money() -> None:
    q = "What does Brightwell charge per hour now?"
    assert "money" not in offers("Total commissioned care: 1.75 hours per day, 12.25 hours per week.", q)
    assert "money" in offers("Rate: 29.40 per hour from 6 April.", q)


def test_my_time_in_a_race_asks_for_a_duration_and_a_bare_number_is_a_weak_stand_in() -> None:
    q = "What was my time in the Howardian 100?"
    assert expected(q).kinds == {"duration", "number"}
    assert matches(expected(q), "2026-09-13 — HOWARDIAN 100: 100 km, 4:26:37 chip", q) == 1.0
    assert matches(expected(q), "Month: Jul–Aug; Long ride (Sunday): 75–92 km", q) == 0.5


def test_what_something_is_worth_asks_for_money_but_worth_it_does_not() -> None:
    assert expected("What did the valuer say the cottage was worth?").kinds == {"money"}
    assert expected("What is the van worth now?").kinds == {"money"}
    assert "money" not in expected("What made the long drive worth it?").kinds


def test_a_share_asked_wants_a_percentage_and_a_bare_number_is_a_weak_stand_in() -> None:
    q = "What share of members renewed by the second month?"
    assert matches(expected(q), "By month 2, 63% of members had renewed.", q) == 1.0
    assert matches(expected(q), "Three in four members renewed.", q) == 1.0
    assert matches(expected(q), "The renewal drive ran on lists 4, 9 and 12.", q) == 0.5


def test_a_light_verb_shared_with_the_question_does_not_make_the_statement_silent_on_what_is_asked() -> None:
    q = "Who got the lucky charm in the harvest loaf?"
    assert matches(expected(q), "Baked it on Sunday; in the end it was Marek who got it.", q, "Bara brith") == 1.0


def test_the_sentences_of_a_statement_keep_their_openings_when_clauses_are_picked() -> None:
    # "Rest" opens a sentence: read after a comma it would be a name, and a step of a recipe a person.
    q = "Who found the coin in the pudding?"
    step = "Steam the pudding for 2 hours. Rest it for ten minutes."
    assert matches(expected(q), step, q, "Plum pudding") == 0.0


def test_irregular_verbs_meet_their_base_form() -> None:
    from memex.agents.extractive import content_terms

    assert {"pay", "sell", "get"} <= content_terms("Balance paid; sold the car; got a refund")



def test_a_name_that_opens_an_event_is_not_a_place() -> None:
    stmt = _candidate("SUB-HOUR 10K. 58:40 on the flat route along the river path.", "2026-05-16")
    score, checks = support_score("What was my time in the Bristol 10k last year?", 0.5, [stmt])
    assert checks["names_missing"] == ["Bristol"]
    assert abs(score - (checks["best"] - 0.4)) < 1e-6


def test_a_label_that_shares_the_asked_words_stem_answers_in_spanish_too() -> None:
    q = "¿Quién preside la asociación de comerciantes de Delicias?"
    assert matches(expected(q), "Presidenta: Conchita (ferretería Gracia).", q,
                   "Asociación de Comerciantes de Delicias — reunión del lunes 6 de abril") == 1.0


def test_the_notes_saying_the_asked_thing_is_not_known_lower_the_support() -> None:
    dated = _candidate("Previously at a big bank for 9 years; moved to Edinburgh in 2024.", "Priya Raman")
    withheld = _candidate("Birthday: not known.", "Priya Raman")
    plain, checks = support_score("When is Priya Raman's birthday?", 0.5, [dated])
    assert not checks["withheld"]
    lower, checks = support_score("When is Priya Raman's birthday?", 0.5, [dated, withheld])
    assert checks["withheld"] and abs(lower - (plain - 0.4)) < 1e-6
    # A statement that gives the answer is not undone by another that once did not know it.
    found = _candidate("Birthday: 9 February (found out at last).", "Priya Raman")
    kept, checks = support_score("When is Priya Raman's birthday?", 0.5, [found, withheld])
    assert not checks["withheld"]


def _dated(text: str, date: str) -> Candidate:
    """A statement about "Heron" dated `date` in its text, scored as a close candidate."""
    hit = Hit(path=f"{date}.md", chunk_id=date, score=1.0, text=text, location=Location())
    unit = Unit(quote=text, text=text, hit=hit, rank=0, position=0, subject="Heron", context="Heron",
                date=date, date_source="text")
    return Candidate(unit, 0.6, 0.2, 0.2, 1.0, 0.5)


def test_a_fact_that_changed_reads_latest_first_with_what_it_replaced(tmp_path) -> None:
    # "When is the weekly sync?" names no time cue, yet the kickoff (2 April) and the retro that moved it
    # (from 10 May) both answer it: the answer says which holds now and what it replaced, each dated.
    from live_server import copy_vault, make_home

    from memex.agents.compose import _changed_over_time
    from memex.app import Brain

    with Brain.open(make_home(tmp_path)) as brain:
        brain.add([copy_vault(tmp_path)])
        a = brain.ask("When is the weekly sync?")
    assert a.answer.startswith("Latest: We moved the weekly sync to Friday at 14:00"), a.answer
    assert a.answer.index("(10 May 2024)") < a.answer.index("Before that:") < a.answer.index("Tuesday at 10:00")
    assert "(2 April 2024)" in a.answer and not a.abstained
    # A question about the past, statements of one date, or statements about different things: plain answer.
    old, new = _dated("The weekly sync is on Tuesday.", "2024-04-02"), _dated("The weekly sync moved to Friday.", "2024-05-10")
    assert _changed_over_time("When is the weekly sync?", [old, new], [old, new]).used == [new, old]
    assert _changed_over_time("When was the weekly sync?", [old, new], [old, new]) is None
    assert _changed_over_time("When is the weekly sync?", [old, _dated("Friday too.", "2024-04-02")], [old]) is None
    other = _dated("Standup is at nine.", "2024-05-10")
    assert _changed_over_time("When is the weekly sync?", [old, other], [old, other]) is None


def test_what_a_fact_replaced_is_about_the_same_thing() -> None:
    # Three lines of three notes all under the subject "Heron", the question's word: the retro line's own words
    # share none of the asked ones with the latest's, so it is not what the move replaced - it is left out.
    from memex.agents.compose import _changed_over_time

    old, new = _dated("The weekly sync is on Tuesday.", "2024-04-02"), _dated("The weekly sync moved to Friday.", "2024-05-10")
    retro = _dated("Retro moved to Thursday.", "2024-03-01")
    out = _changed_over_time("When is the Heron weekly sync?", [retro, old, new], [retro, old, new])
    assert out is not None and out.used == [new, old] and "Retro" not in out.text
    assert out.text.startswith("Latest: The weekly sync moved to Friday") and "Before that: The weekly sync is on" in out.text
    # Nothing left that it replaced: no change is told, the plain answer keeps every line (one may hold the answer).
    assert _changed_over_time("When is the Heron weekly sync?", [retro, new], [retro, new]) is None
    # Words are compared on their roots: "meetings" in the question, "meeting" in one line, "meet" in another.
    held = _dated("Team meetings move to the first Thursday.", "2024-04-14")
    nxt = _dated("Next meeting: Thursday 1 October.", "2024-09-03")
    assert _changed_over_time("When are the Heron team meetings held?", [held, nxt], [held, nxt]).used == [nxt, held]
    # A line of the latest's own note is read as the same thing in other words (a log's earlier entry) — when it
    # gives what is asked: the retro line of the same note gives no sync (round 10: no change told).
    earlier = _dated("Sync on Tuesdays for now.", "2024-03-01")
    same_note = Candidate(replace(earlier.unit, hit=replace(earlier.hit, path=new.hit.path)), 0.6, 0.2, 0.2, 1.0, 0.5)
    assert _changed_over_time("When is the Heron weekly sync?", [same_note, new], [same_note, new]).used == [new, same_note]
    retro_here = Candidate(replace(retro.unit, hit=replace(retro.hit, path=new.hit.path)), 0.6, 0.2, 0.2, 1.0, 0.5)
    assert _changed_over_time("When is the Heron weekly sync?", [retro_here, new], [retro_here, new]) is None


def test_a_runner_up_from_another_note_joins_only_about_the_asked_thing() -> None:
    from memex.agents.compose import on_topic

    def line(text: str, subject: str, path: str, score: float) -> Candidate:
        hit = Hit(path=path, chunk_id=path, score=1.0, text=text, location=Location())
        unit = Unit(quote=text, text=text, hit=hit, rank=0, position=0, subject=subject, context=subject, date=None,
                    date_source=None)
        return Candidate(unit, 0.6, 0.2, 0.2, 1.0, score)

    q = "What are the opening hours of the winter fair?"
    idf = dict.fromkeys(("open", "hour", "winter", "fair"), 1.0)
    best = line("Opening hours: 10am to 5pm.", "Winter fair — stallholder notice", "notice.md", 0.7)
    diary = line("Three Saturdays in a row.", "Sunday 21 December 2025", "2025-12-21.md", 0.65)
    page = line("Gates open at 8am for stallholders.", "Winter fair", "fair.md", 0.64)
    same = line("Pitch fee £55.", "Winter fair — stallholder notice", "notice.md", 0.63)
    assert on_topic(q, [best, diary, page, same], idf) == [best, page, same]
    # A line of a note itself titled with an asked word is about an asked thing too, whatever its own words.
    notice = line("The concert opens the fair at 10am.", "Winter fair — stallholder notice", "notice.md", 0.7)
    moved = line("Changed: now Saturday 12 December, 7:30pm.", "Winter concert 2026", "concert.md", 0.62)
    assert on_topic("When is the winter fair concert?", [notice, moved, diary], {**idf, "concert": 1.0}) == [notice, moved]
    # A line that holds another asked part the best one lacks earns its place though its note is about another thing.
    q2 = "What are the opening hours of the winter fair and where do I park?"
    park = line("Park on Castle Street, it is free after 6pm.", "Town car parks", "parking.md", 0.6)
    assert on_topic(q2, [best, diary, park], {**idf, "park": 1.0}) == [best, park]
    # The best line's note says nothing of what is asked (a diary titled with its day): every runner-up stays.
    assert on_topic(q, [diary, best, page], idf) == [diary, best, page]
    # The question's common words do not make a topic: a title sharing only those keeps every runner-up.
    common = {"open": 0.2, "hour": 0.2, "winter": 3.0, "fair": 3.0}
    hours = line("Opening hours: 9 to 5.", "Library opening hours", "library.md", 0.7)
    assert on_topic(q, [hours, diary], common) == [hours, diary]
    # Read the same in another language, where a short title's stems need not be the question's.
    from memex.agents.extractive import question_terms

    q3 = "¿Cómo se llama la fisio que me trata la espalda?"
    back = line("Elena, de la clínica del barrio. Sesión de 45 minutos.", "Espalda y fisio", "espalda.md", 0.7)
    school = line("Reunión de tutoría: 8 de octubre.", "Colegio y extraescolares", "colegio.md", 0.66)
    physio = line("La fisio me ha dado ejercicios para la espalda.", "Lunes 5 de octubre", "2026-10-05.md", 0.65)
    assert on_topic(q3, [back, school, physio], dict.fromkeys(question_terms(q3), 1.0)) == [back, physio]
