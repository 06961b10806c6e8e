"""Temporal-latest answers: an entry that opens a list brings its items, how much a measure changed over a log,
and year-less dates in a dated note read in the note's year.

The helpers are tested on hand-made statements; the end-to-end answers run the real MiniLM embedder over a
small vault (tests/data/latest_vault), indexed once per module.
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from small_vault import vault_brain

from memex.agents import latest, listed
from memex.agents.evidence import Unit
from memex.agents.extractive import Candidate
from memex.app import Brain
from memex.domain import Hit, Location
from memex.ingest.dates import sentence_dates

VAULT = Path(__file__).parent / "data" / "latest_vault"


def _unit(text: str, position: int, date: str | None = None, doc: int = 1) -> Unit:
    hit = Hit(path=f"n{doc}.md", chunk_id=f"c{doc}", score=1.0, text=text, location=Location(), doc_id=doc)
    return Unit(quote=text, text=text, hit=hit, rank=0, position=position, subject=f"Note {doc}",
                context=f"Note {doc}", date=date, date_source="text" if date else "mtime")


def _cand(unit: Unit, score: float) -> Candidate:
    return Candidate(unit, 0.5, 0.2, 0.2, 1.0, score)


def test_a_line_ending_with_a_dash_opens_a_list() -> None:
    head = _unit("From Monday 12 January 2026: twice a day, seven days a week —", 0)
    items = [_unit("- morning 8:00–8:45 — Grace", 1), _unit("- teatime 17:00–17:30 — Tomasz", 2),
             _unit("That's 8.75 hours a week.", 3)]
    assert [u.text for u in listed.items_after(head, [head, *items])] == [u.text for u in items[:2]]
    # A dash inside a line, or a hyphenated word at its end, opens nothing.
    assert listed.items_after(_unit("Grace — mornings", 0), [items[0]]) == []
    assert listed.items_after(_unit("Carers are well-", 0), [items[0]]) == []


def test_change_questions_are_recognised() -> None:
    assert latest.asks_change("How much weight have I lost since October 2025?")
    assert latest.asks_change("How far has my resting pulse come down this year?")
    assert latest.asks_change("How many kg has Moss put on since March?")
    assert not latest.asks_change("How much did I pay for the boiler service?")
    assert not latest.asks_change("How much weight can the shelf hold?")


def test_the_change_is_the_latest_row_against_the_first_of_the_period() -> None:
    rows = ["2025-09-01  95.0  104", "2025-10-06  94.2  104", "2026-03-02  92.0  101", "2026-12-07  86.5  94"]
    cands = [_cand(_unit(t, i, t[:10]), 0.5 - i * 0.01) for i, t in enumerate(rows)]
    first, last, diff = latest.change("How much weight have I lost since October 2025?", cands)
    assert (first.unit.date, last.unit.date, round(diff, 1)) == ("2025-10-06", "2026-12-07", -7.7)
    # Without a period, the log's first row; a table row is read in the column the question names.
    table = [_cand(_unit(f"Date: {d}; Weight: {w} kg; Food per day: 250 g", i, d), 0.5)
             for i, (d, w) in enumerate([("2026-01-10", "26.9"), ("2026-06-05", "25.6"), ("2026-12-11", "25.1")])]
    first, last, diff = latest.change("How much weight has Moss lost?", table)
    assert round(diff, 1) == -1.8
    # Two rows are no log.
    assert latest.change("How much weight have I lost?", cands[:2]) is None


def test_a_year_less_date_in_a_dated_note_reads_in_the_notes_year() -> None:
    text = "The headline: 41 Lorne Street, date of entry 18 September."
    span = [(0, len(text))]
    # The chunk's first date came from "since September 2025" above it; the review is dated 31 December 2026.
    assert sentence_dates(text, span, None, "2026-12-31", "2026-12-31", "2025-06-19", "front matter") == \
        ["2026-09-18"]
    # A note dated only by its file's modification time keeps the chunk's anchor.
    assert sentence_dates(text, span, None, "2026-12-31", "2026-12-31", "2025-06-19", "mtime") == ["2025-09-18"]
    # A log's own entries keep the chunk's anchor too ("## 2026" above them, in a note created in 2025).
    log = "14 Jan: first swim\n2 Feb: second swim"
    spans = [(0, 18), (19, len(log))]
    assert sentence_dates(log, spans, None, "2025-11-01", "2026-12-31", "2026-01-14", "front matter") == \
        ["2026-01-14", "2026-02-02"]


@pytest.fixture(scope="module")
def brain(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Brain]:
    yield from vault_brain(tmp_path_factory.mktemp("vault"), VAULT)


def test_end_to_end_the_latest_schedule_with_the_calls_it_added_to(brain: Brain) -> None:
    a = brain.ask("What is Mum's carer visit schedule at the moment?")
    assert not a.abstained
    assert a.answer.index("12:45") < a.answer.index("18:00")  # the latest entry, then the calls it was added to
    assert "7 September 2026" in a.answer


def test_end_to_end_how_much_a_measure_changed_over_a_log(brain: Brain) -> None:
    a = brain.ask("How much has my waist gone down since October 2025?")
    assert not a.abstained
    assert a.answer.startswith("Down 5 (from 100 to 95)")
    assert "6 October 2025" in a.answer and "6 April 2026" in a.answer


def _row(text: str, score: float, subject: str, position: int) -> Candidate:
    u = _unit(text, position, doc=2)
    u = Unit(quote="| " + text, text=text, hit=u.hit, rank=0, position=position, subject=subject, context=subject,
             date=None, date_source="mtime")
    return _cand(u, score)


def test_a_table_row_just_below_the_best_leads_when_it_names_what_is_collected() -> None:
    from memex.agents import aggregate

    question = "Which Edinburgh flats did we view?"
    prose = [_cand(_unit(t, i), 0.66 - i * 0.002) for i, t in enumerate([
        "Big rooms, the Meadows across the road.", "Second floor, bay window, a quiet street.",
        "Nice flat, good light, but 200 m from the stadium.", "We looked at each other on the landing."])]
    subject = "Edinburgh flat — shortlist"
    rows = [_row(f"#: {i}; Where: {w}; Status: viewed", 0.65, subject, 10 + i)
            for i, w in enumerate(["Dalmeny Street", "Wheatfield Road", "Warrender Park Road"], 1)]
    idf = {"edinburgh": 5.0, "flat": 4.0, "view": 3.0}
    got = aggregate.collect(question, [*prose, rows[0]], idf, aggregate.constraints(question),
                            lambda anchors: [r.unit for r in rows[1:]], lambda us: [_cand(u, 0.6) for u in us])
    assert sorted(x.text.split("; ")[1] for x in got.items) == \
        ["Where: Dalmeny Street", "Where: Warrender Park Road", "Where: Wheatfield Road"]
    # A row that shares one word with the question ("Heat pump costs" for "cost") does not lead from there.
    costs = _row("Item: Total; Final invoice: £15,610", 0.65, "Heat pump costs", 20)
    idf = {"loft": 5.0, "insulation": 4.0, "cost": 2.0}
    got = aggregate.collect("What did the loft insulation top-up cost altogether?", [*prose, costs], idf,
                            aggregate.constraints("What did the loft insulation top-up cost altogether?"),
                            lambda anchors: pytest.fail("no table should lead"), lambda us: [])
    assert all(x is not costs for x in got.items)


def test_who_was_at_a_meeting_is_answered_by_the_line_of_who_was_present() -> None:
    cands = [_cand(_unit("Chair: Farida Rahman Minutes: Hamza Qureshi", 1), 0.64),
             _cand(_unit("Date: Thursday 7 May 2026, 14:00-15:20 Place: meeting room 2", 0), 0.61),
             _cand(_unit("Present: Owen Leathley (client sponsor), Farida Rahman, Lena Kowalczyk", 2), 0.60)]
    assert listed.attendance("Who was at the design review on 7 May 2026?", cands) is cands[2]
    assert listed.attendance("Who attended the kickoff?", cands) is cands[2]
    assert listed.attendance("Who chaired the design review?", cands) is None
    far = [cands[0], _cand(cands[2].unit, 0.40)]
    assert listed.attendance("Who was at the design review?", far) is None



def _dated(text: str, score: float, date: str, source: str, doc: int) -> Candidate:
    u = _unit(text, 0, doc=doc)
    return _cand(Unit(quote=text, text=text, hit=u.hit, rank=0, position=0, subject=u.subject, context=u.context,
                      date=date, date_source=source), score)


def test_a_note_written_long_after_the_events_it_tells_does_not_date_its_lines_as_news() -> None:
    # A year in review dated 31 December: its undated line is dated by the note; its text gives 18 September.
    told = _dated("It took three viewings and a best-and-final.", 0.45, "2026-12-31", "front matter", 1)
    own = _dated("The headline: 41 Lorne Street, date of entry 18 September.", 0.44, "2026-09-18", "text", 1)
    # A diary entry that mentions a day a week before it is not an account written after the events.
    diary = _dated("Physio is 40 a session now.", 0.43, "2026-07-12", "file name", 2)
    diary_mention = _dated("Since 5 July the price went up.", 0.42, "2026-07-05", "text", 2)
    late = latest.retrospective([told, own, diary, diary_mention])
    assert id(told) in late
    assert not {id(own), id(diary), id(diary_mention)} & late


def test_a_statement_that_says_from_when_it_holds_competes_further_down() -> None:
    assert latest.says_from("From 23 Feb I'm acting deputy and line managed by Rachel.")
    assert latest.says_from("Sesión de 45 min: 35 € (desde el 1 de julio, 40 €).")
    assert latest.says_from("Rate: £29.40 per hour since 6 April 2026.")
    assert not latest.says_from("Met Rachel on 23 Feb for a coffee.")
    assert not latest.says_from("The date of entry sliding from 28 August to 18 September.")
    near = _dated("From 23 Feb I'm line managed by Rachel.", 0.46, "2026-02-23", "text", 1)
    far = _dated("From 1 May the canteen opens at 8.", 0.30, "2026-05-01", "text", 1)
    plain = _dated("Rachel chaired the meeting.", 0.50, "2026-03-01", "text", 1)
    assert latest.stated_changes([(near, 0.46), (far, 0.30), (plain, 0.50)], 0.62) == [near]


@pytest.mark.parametrize("text", [
    "Actualización 1-ene-2026: jornada 680 € según Tarifas.",
    "Updated 3 May 2026: the rate is £29.40.",
    "Stand 1.5.2026: 58 € pro Stunde.",
    "Mise à jour 1 mars 2026 : 55 € la séance.",
    "Aggiornamento 1 marzo 2026: 60 € a lezione.",
    "Bijgewerkt 1 maart 2026: 62 euro per uur.",
    "Atualização 1 de março de 2026: 45 € por hora.",
])
def test_an_update_dated_where_it_is_written_says_from_when(text: str) -> None:
    assert latest.says_from(text)


def test_a_line_that_carries_an_entrys_day_brings_the_entry_into_the_pool() -> None:
    from memex.agents.compose import _with_entries

    entry = _cand(_unit("- 14-ago-2026: redimensionado a CX32 (4 vCPU, 8 GB RAM)", 3, "2026-08-14"), 0.52)
    below = _cand(_unit("Reverse proxy: Nginx. Certificados: SSL.", 5, "2026-08-14"), 0.54)
    other = _cand(_unit("2-mar-2026: 3.000 intentos de login por SSH", 0, "2026-03-02", doc=2), 0.53)
    assert _with_entries([below, other], [below, other, entry]) == [below, other, entry]
    # A line that writes its own day brings nothing; nor does an entry below the line (a log's row under the
    # undated line atop it that borrows the note's day).
    assert _with_entries([other], [other, entry]) == [other]
    atop = _cand(_unit("Wartungsintervall: Filter alle 6 Monate prüfen.", 1, "2026-08-14"), 0.54)
    assert _with_entries([atop], [atop, entry]) == [atop]


def test_the_named_thing_must_be_named_by_a_competing_statement() -> None:
    from memex.agents.compose import same_subject

    def row(text: str, date: str, doc: int, subject: str, score: float) -> Candidate:
        u = _unit(text, 0, date, doc)
        return _cand(Unit(u.quote, u.text, u.hit, 0, 0, subject, subject, date, "text"), score)

    q = "¿Cuánto le cobro ahora a Albufera por jornada?"
    top = row("2025-031 30/09/2025 Albufera Logística 4.800,00 € cobrada 02/12", "2025-09-30", 1, "Facturas 2025", 0.7)
    other = row("2025-038 30/11/2025 Transportes Martínez 1.260,00 € cobrada (03/02/2026)", "2026-02-03", 1,
                "Facturas 2025", 0.66)
    news = row("Actualización 1-ene-2026: jornada 680 €", "2026-01-01", 2, "Grupo Albufera Logística › Condiciones", 0.65)
    dated = [top, other, news]
    # The invoice log's title holds no asked word: without the name, another client's latest row would compete.
    assert same_subject(q, dated, [(c, c.score) for c in dated]) == [top, news]


def test_says_from_word_with_colon():
    from memex.agents.latest import says_from
    assert says_from("Stand: 1.5.2026")
    assert says_from("Stand 01.05.2026")
    assert says_from("Last updated: 3 May 2026")


def test_a_line_gives_way_only_to_the_nearest_entry_above_that_holds_an_asked_word() -> None:
    from memex.agents.compose import _asked_words, _carried_from, _with_entries

    asked = _asked_words("¿Cuánto cobro ahora por hora?")
    meeting = _cand(_unit("- 14-ago-2026: reunión con Ana, 2 h", 3, "2026-08-14"), 0.40)
    rate = _cand(_unit("Tarifa nueva: 90 €/h", 4, "2026-08-14"), 0.60)
    assert _with_entries([rate], [rate, meeting], asked) == [rate]
    assert _carried_from(rate, [rate, meeting], asked) is None
    # An entry that is about the asked thing is what happened that day; one further up behind another is not.
    entry = _cand(_unit("- 14-ago-2026: cobro por hora sube", 3, "2026-08-14"), 0.40)
    assert _carried_from(rate, [rate, entry], asked) is entry
    far = _cand(_unit("- 14-ago-2026: cobro por hora sube", 1, "2026-08-14"), 0.40)
    assert _carried_from(rate, [rate, far, meeting], asked) is None
