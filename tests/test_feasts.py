"""Days written as feasts and calendar weeks, in every language read (ingest/feasts.py, dates.mark_headings)."""
from __future__ import annotations

import datetime as dt
import time

import pytest

from memex.ingest import dates
from memex.ingest.feasts import find_feasts, fold


@pytest.mark.parametrize(("text", "day"), [
    ("Ostermontag 2026", "2026-04-06"),          # de: Easter Monday, from Easter Sunday 5 April 2026
    ("Pâques 2025", "2025-04-20"),               # fr
    ("Pasquetta 2027", "2027-03-29"),            # it
    ("Tweede Paasdag 2026", "2026-04-06"),       # nl
    ("Sexta-feira Santa 2026", "2026-04-03"),    # pt: Good Friday
    ("Jueves Santo 2026", "2026-04-02"),         # es
    ("Pfingsten 2026", "2026-05-24"),            # de: Pentecost, Easter + 49
    ("Christi Himmelfahrt 2026", "2026-05-14"),  # de: Ascension, Easter + 39
    ("Whit Monday 2026", "2026-05-25"),          # en
    ("3. Advent 2025", "2025-12-14"),            # the third Sunday before the last one before Christmas
    ("4. Advent 2026", "2026-12-20"),
    ("Silvester 2025", "2025-12-31"),
    ("Nochebuena 2026", "2026-12-24"),
    ("Toussaint 2026", "2026-11-01"),
])
def test_a_feast_names_its_day(text: str, day: str) -> None:
    found = find_feasts(fold(text))
    assert [f.day.isoformat() for f in found] == [day]
    assert found[0].precision == "day" and found[0].year_given


@pytest.mark.parametrize(("text", "monday"), [
    ("KW 41", "2026-10-05"), ("Kalenderwoche 1", "2025-12-29"), ("semaine 41", "2026-10-05"),
    ("semana 12", "2026-03-16"), ("Week 38", "2026-09-14"), ("settimana 9", "2026-02-23"),
])
def test_a_calendar_week_is_its_iso_monday(text: str, monday: str) -> None:
    found = find_feasts(fold(text), dt.date(2026, 6, 1))
    assert [(f.day.isoformat(), f.precision, f.year_given) for f in found] == [(monday, "week", False)]


def test_holy_week_starts_on_palm_sunday() -> None:
    assert [f.day.isoformat() for f in find_feasts(fold("Semana Santa 2026"))] == ["2026-03-29"]


def test_no_year_and_no_context_names_no_day() -> None:
    assert find_feasts(fold("Ostermontag")) == []


def _headings(text: str, context: dt.date | None) -> list[tuple[str, str]]:
    marks = dates.mark_headings(text, dates.find_dates(text, context), dates.heading_lines(text), context)
    return [(m.day.isoformat(), m.kind) for m in marks]


def test_a_feast_heading_dates_an_undated_note() -> None:
    assert _headings("# Ostermontag\n\nBoot aus dem Winterlager geholt.", dt.date(2026, 12, 1)) == \
        [("2026-04-06", "heading")]
    assert _headings("Koningsdag 2026\n\nVrijmarkt op de Kanaalstraat.", dt.date(2026, 12, 1)) == \
        [("2026-04-27", "heading")]
    # the latest Christmas Day on a Thursday not after the file's day
    assert _headings("# Christmas Day (Thursday)\n\nAt Rob's.", dt.date(2026, 12, 31)) == [("2025-12-25", "heading")]
    # a feast without a year is the latest one not after the file's day
    assert _headings("# Ostermontag\n\nBoot.", dt.date(2026, 3, 1)) == [("2025-04-21", "heading")]


def test_a_heading_that_says_more_than_the_feast_is_no_date() -> None:
    assert _headings("# Christmas concert 2026\n\nRehearsals on Thursdays.", dt.date(2026, 12, 31)) == []
    assert _headings("# Easter Road Vets\n\nDr Adeyemi.", dt.date(2026, 12, 31)) == []
    assert _headings("## Loft, week 2\n\nBoarded.", dt.date(2026, 12, 31)) == []


def test_a_feast_after_the_notes_day_is_a_plan() -> None:
    assert _headings("# Journal\n\n## Christmas 2026\nGalway with Yvonne.", dt.date(2026, 12, 13)) == []


def test_without_feast_context_nothing_changes() -> None:
    text = "# Ostermontag\n\nBoot."
    assert dates.mark_headings(text, dates.find_dates(text), dates.heading_lines(text)) == []


def test_long_runs_of_blanks_and_letters_are_read_in_linear_time() -> None:
    # adjacent optional blanks once backtracked cubically: "1" and 2000 spaces took seconds
    for text in ("1" + " " * 5000, "week 1" + " " * 5000, "x" * 100000):
        started = time.perf_counter()
        find_feasts(text, dt.date(2026, 6, 1))
        assert time.perf_counter() - started < 0.5, text[:8]


def test_week_one_at_the_years_end_is_of_the_next_year() -> None:
    # ISO week 1 of 2026 starts on Monday 29 December 2025, before the note's day
    assert _headings("# KW 1\n\nInventur.", dt.date(2025, 12, 30)) == [("2025-12-29", "heading")]


@pytest.mark.parametrize(("text", "day"), [
    ("Koningsdag 2025", "2025-04-26"), ("Koningsdag 2031", "2031-04-26"), ("Koningsdag 2026", "2026-04-27"),
])
def test_kings_day_on_a_sunday_is_kept_the_saturday_before(text: str, day: str) -> None:
    assert [f.day.isoformat() for f in find_feasts(fold(text))] == [day]


@pytest.mark.parametrize(("text", "day"), [
    ("quarto domingo do advento 2026", "2026-12-20"),      # pt
    ("3º domingo do Advento 2026", "2026-12-13"),          # pt, folded to "3o"
    ("tweede zondag van de advent 2026", "2026-12-06"),    # nl
    ("2e adventszondag 2026", "2026-12-06"),               # nl
    ("terza domenica d'avvento 2026", "2026-12-13"),       # it
    ("3° Advent 2026", "2026-12-13"),                      # it/de, degree sign as ordinal
    ("second Sunday in Advent 2026", "2026-12-06"),        # en
    ("primer domingo de adviento 2026", "2026-11-29"),     # es
    ("troisième dimanche de l'Avent 2026", "2026-12-13"),  # fr
])
def test_advent_sundays_in_every_language(text: str, day: str) -> None:
    assert [f.day.isoformat() for f in find_feasts(fold(text))] == [day]


@pytest.mark.parametrize("text", [
    "# Nikolaus\n\nNikolaus Berger, Schreiner, Tel. 0171 555.", "# Noël\n\nNoël Dupont, plombier.",
    "Natal\n\nHotel perto da praia.", "## Reyes\n\nCarlos Reyes, fontanero.", "# Silvester\n\nSilvester Huber.",
    "# Toussaint\n\nToussaint Louverture.", "# Assumption\n\nWe assume the load is static.",
    "# Ascension\n\nAscension Island, South Atlantic.",
])
def test_a_feast_that_is_also_a_name_alone_is_no_date(text: str) -> None:
    assert _headings(text, dt.date(2026, 12, 31)) == []


def test_a_feast_that_is_also_a_name_dates_with_a_year_weekday_or_day_word() -> None:
    assert _headings("# Silvester 2025\n\nRaclette.", dt.date(2026, 12, 31)) == [("2025-12-31", "heading")]
    assert _headings("# Nikolaustag\n\nStiefel.", dt.date(2026, 12, 31)) == [("2026-12-06", "heading")]
    assert _headings("# Toussaint (samedi)\n\nCimetière.", dt.date(2026, 12, 31)) == [("2025-11-01", "heading")]
    assert _headings("# Christmas Day\n\nAt Rob's.", dt.date(2026, 12, 31)) == [("2026-12-25", "heading")]


def test_a_chunks_first_line_is_no_title_at_answer_time() -> None:
    text = "- Easter\n- Christmas\n"
    spans = [(0, 8), (9, 20)]
    assert dates.sentence_dates(text, spans, None, "2026-06-01", "2026-06-01", None, "mtime") == \
        ["2026-06-01", "2026-06-01"]
    text = "Pfingsten\nWir waren am See."
    spans = [(0, 9), (10, len(text))]
    assert dates.sentence_dates(text, spans, None, "2026-12-01", "2026-12-01", None, "mtime") == \
        ["2026-12-01", "2026-12-01"]
    # at ingest the document's own first line is its title
    assert _headings("Pfingsten\n\nWir waren am See.", dt.date(2026, 12, 1)) == [("2026-05-24", "heading")]
