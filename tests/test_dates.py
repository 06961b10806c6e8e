"""Dates from content (ingest/dates.py): formats in seven languages, years resolved from context, note dates."""
from __future__ import annotations

import datetime as dt

import pytest

from memex.domain import Block
from memex.ingest.dates import (
    chunk_dates,
    date_from_path,
    find_dates,
    heading_offsets,
    mark_headings,
    note_date,
    sentence_dates,
)

CTX = dt.date(2026, 3, 1)


@pytest.mark.parametrize("text,iso", [
    ("22 Mar: glaze — 14 mugs", "2026-03-22"),
    ("2026-05-16 — 10 km in 58:40", "2026-05-16"),
    ("16 May 2026", "2026-05-16"),
    ("20-ago-2026", "2026-08-20"),           # Spanish / Portuguese / Italian abbreviation
    ("14-ago", "2026-08-14"),                # year from context
    ("3. März 2026", "2026-03-03"),          # German
    ("12 de marzo de 2026", "2026-03-12"),   # Spanish
    ("1er mai 2026", "2026-05-01"),          # French
    ("21 maart 2026", "2026-03-21"),         # Dutch
    ("3 settembre 2025", "2025-09-03"),      # Italian
    ("5 de junho de 2026", "2026-06-05"),    # Portuguese
    ("March 3, 2026", "2026-03-03"),
    ("16/05/2026", "2026-05-16"),
    ("| 2025-10-17 | 24.8 kg |", "2025-10-17"),
])
def test_formats(text: str, iso: str) -> None:
    marks = find_dates(text, CTX)
    assert marks and marks[0].day.isoformat() == iso


@pytest.mark.parametrize("text,iso,year_given", [
    # Abbreviated month names of dateparser's locale data, in the shapes people type them.
    ("entrega el 20-AGO-2026", "2026-08-20", True),     # es, upper case
    ("pagado 14-ago-26", "2026-08-14", True),           # es, two-digit year between matching separators
    ("vence el 14 de ago", "2026-08-14", False),        # es, "de" makes "ago" a month
    ("cobro: ene-2026", "2026-01-01", True),            # es, month and year (month precision)
    ("1 dic. 2025", "2025-12-01", True),                # es
    ("14 févr. 2026", "2026-02-14", True),              # fr
    ("7 juil. 2026", "2026-07-07", True),               # fr
    ("3. Okt. 2026", "2026-10-03", True),               # de
    ("14. Mrz. 2026", "2026-03-14", True),              # de
    ("3 mrt 2026", "2026-03-03", True),                 # nl
    ("17 mei", "2026-05-17", False),                    # nl, year from context
    ("3 gen 2026", "2026-01-03", True),                 # it
    ("4 ott. 2025", "2025-10-04", True),                # it
    ("5 out. 2026", "2026-10-05", True),                # pt
    ("14 fev 2026", "2026-02-14", True),                # pt
])
def test_abbreviated_months_in_six_languages(text: str, iso: str, year_given: bool) -> None:
    marks = find_dates(text, CTX)
    assert [(m.day.isoformat(), m.year_given) for m in marks] == [(iso, year_given)]


@pytest.mark.parametrize("text,iso,year_given", [
    # Numeric dates, day first as written in es/pt/fr/de/it/nl (and British English).
    ("pagado el 1/3/26", "2026-03-01", True),           # slashes, two-digit year
    ("factura 01/03/26.", "2026-03-01", True),
    ("am 20.08.26 geliefert", "2026-08-20", True),      # de, dots, zero-padded
    ("firmado 03-01-2026", "2026-01-03", True),         # hyphens with a four-digit year
    # A month abbreviation that is also a word, after the article or preposition of a Romance language.
    ("entrega el 14 ago", "2026-08-14", False),         # es
    ("vence el 17 dic", "2026-12-17", False),           # es
    ("pago em 5 out", "2026-10-05", False),             # pt
    ("chiuso dal 17 giu", "2026-06-17", False),         # it
    ("mié 14 ago: inventario", "2026-08-14", False),    # a weekday before the day
])
def test_numeric_and_introduced_dates(text: str, iso: str, year_given: bool) -> None:
    marks = find_dates(text, CTX)
    assert [(m.day.month, m.day.day, m.year_given) for m in marks] == [(int(iso[5:7]), int(iso[8:]), year_given)]
    if year_given:
        assert marks[0].day.isoformat() == iso


@pytest.mark.parametrize("text", ["3 days ago we went", "5 out of 10", "cost £4 Dec", "version 2.3.1", "at 10:45",
                                  "3 years ago 2026 was", "10 out-of-band", "5 set-up costs", "version 1.4.16",
                                  "sets of 8-10-12 reps", "score 1-3-26", "a day or 2 ago", "I have 5 out of 6",
                                  "1.3.26 release", "3/4/26x"])
def test_not_dates(text: str) -> None:
    assert find_dates(text, CTX) == []


def test_a_log_line_opens_with_its_date_a_mention_does_not() -> None:
    kinds = [m.kind for m in find_dates("12 Mar: glaze\nBorn **18 December 2016**.\n## Tue 20 January 2026", CTX)]
    assert kinds == ["entry", "mention", "heading"]


def test_weekday_picks_the_year() -> None:
    # 2 October was a Thursday in 2025, not in 2026: the weekday decides.
    assert find_dates("Thu 2 Oct: first class", dt.date(2026, 6, 1))[0].day == dt.date(2025, 10, 2)
    # No year around the context fits the weekday (a chunk anchored by a later "2024"): the nearest one that does.
    assert find_dates("Última prueba: lun 5-oct, OK", dt.date(2024, 1, 12))[0].day == dt.date(2026, 10, 5)


def test_year_less_log_runs_into_the_next_year() -> None:
    days = [m.day.isoformat() for m in find_dates("11 Dec: last\n8 Jan: back\n14 Mar: day school", dt.date(2025, 10, 2))]
    assert days == ["2025-12-11", "2026-01-08", "2026-03-14"]


def test_a_year_heading_sets_the_year_of_the_lines_below() -> None:
    text = "2025\n6 Sep: bisque\n4 Dec: glaze\n\n2026\n28 Feb: bisque"
    assert [m.day.year for m in find_dates(text, dt.date(2025, 1, 1))] == [2025, 2025, 2026]


def test_dates_in_paths() -> None:
    assert date_from_path("journal/2026-01-10.md") == "2026-01-10"
    assert date_from_path("notes/2026/01/10.md") == "2026-01-10"
    assert date_from_path("notes/20260110 standup.md") == "2026-01-10"
    assert date_from_path("people/Ada.md") is None


def test_note_date_sources_in_order_of_trust() -> None:
    mtime = int(dt.datetime(2026, 12, 4, tzinfo=dt.timezone.utc).timestamp() * 1e9)
    fm = {"front_matter": {"created": "2025-10-22", "updated": "2026-09-14"}}
    def got(*args: object) -> tuple[str | None, str]:
        d = note_date(*args)  # type: ignore[arg-type]
        return d.value, d.source

    assert got(fm, "x/Carers.md", [], mtime) == ("2025-10-22", "front matter")
    assert got({}, "journal/2026-01-10.md", [], mtime) == ("2026-01-10", "file name")
    log = find_dates("6 Sep: a\n11 Sep: b\n20 Sep: c", dt.date(2025, 9, 1))
    assert got({}, "x/Kiln log.md", log, mtime) == ("2025-09-20", "text")
    assert got({"created": "2026-02-09"}, "x/quote.pdf", [], mtime) == ("2026-02-09", "properties")
    # Nothing anywhere: the modification time, and it says so.
    assert got({}, "x/Recipe.md", [], mtime) == ("2026-12-04", "mtime")


def test_chunk_dates_carry_an_entry_to_the_end_of_its_section() -> None:
    blocks = [Block("Visits", kind="heading"), Block("From 12 January 2026: twice a day"),
              Block("Rate", kind="heading"), Block("- £27.80 per hour (Oct 2025)\n- £29.40 from 6 April 2026")]
    text = "\n\n".join(b.text for b in blocks)
    sections = heading_offsets(blocks)
    marks = mark_headings(text, find_dates(text, dt.date(2025, 10, 1)), sections)
    visits, rate = text.index("From 12"), text.index("- £27.80")
    spans = [(visits, visits + len(blocks[1].text)), (rate, len(text))]  # chunks hold body blocks, not headings
    out = chunk_dates(text, marks, spans, "2025-10-01", dt.date(2026, 12, 4), sections)
    assert out[0].start == out[0].end == "2026-01-12"
    # The "Rate" section starts after a heading: January's entry is not carried into it.
    assert out[1].carried is None and (out[1].start, out[1].end) == ("2025-10-01", "2026-04-06")


def test_sentence_dates_at_answer_time() -> None:
    text = "28 Feb: bisque\n5 Mar: glaze — 2 cracked\nNext review 14 March 2027"
    spans, pos = [], 0
    for line in text.split("\n"):
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    # The chunk's first date anchors the year-less lines; a future date is a plan, not the statement's date.
    got = sentence_dates(text, spans, None, "2025-09-06", "2026-12-04", "2026-02-28")
    assert got == ["2026-02-28", "2026-03-05", "2026-03-05"]


@pytest.mark.parametrize("text,iso,year_given", [
    # A day and month with dots, the year short or missing, after a weekday or a word that introduces a date.
    ("Do, 26.3. Augenarzt", "2026-03-26", False),       # de, two-letter weekday (ambiguous across languages)
    ("Mi 24.12. Heiligabend", "2025-12-24", False),     # de, the weekday picks the year (a Wednesday)
    ("So 7.6.26 Honig geschleudert", "2026-06-07", True),
    ("Miete ab 1.5. höher", "2026-05-01", False),
    ("vanaf 1.5. nieuwe huur", "2026-05-01", False),     # nl
])
def test_day_and_month_with_dots(text: str, iso: str, year_given: bool) -> None:
    marks = find_dates(text, CTX)
    assert [(m.day.isoformat(), m.year_given) for m in marks] == [(iso, year_given)]


@pytest.mark.parametrize("text", ["1.2. Einleitung", "Kapitel 3.1. Text", "Version 1.4.16", "v1.2. released"])
def test_numbering_with_dots_is_not_a_date(text: str) -> None:
    assert find_dates(text, CTX) == []


def test_a_version_after_ab_is_not_a_date() -> None:
    assert find_dates("Obsidian unterstützt Android-Versionen ab 5.1. und neuer", CTX) == []


def test_sentence_dates_cached_reading_hands_out_a_fresh_list() -> None:
    """The answer-time reading is cached per chunk; a caller changing its list never changes the next reading."""
    from memex.ingest.dates import sentence_dates

    text = "12 March 2026: rent now £1,210.\nWas £1,150 before."
    spans = [(0, 31), (32, len(text))]
    first = sentence_dates(text, spans, None, "2026-03-12")
    again = sentence_dates(text, list(spans), None, "2026-03-12")
    assert first == again and first[0] == "2026-03-12"
    first[0] = None
    assert sentence_dates(text, spans, None, "2026-03-12")[0] == "2026-03-12"


def test_a_heading_that_names_its_year_dates_its_section() -> None:
    # A price list: "2025" then "2026 (desde el 1 de enero)", parsed into heading blocks (no "#" left).
    blocks = [Block("Tarifas", kind="heading"), Block("2025", kind="heading"), Block("- Hora: 75 €/h"),
              Block("2026 (desde el 1 de enero)", kind="heading"), Block("- Hora: 82 €/h")]
    text = "\n\n".join(b.text for b in blocks)
    sections = heading_offsets(blocks)
    marks = mark_headings(text, find_dates(text, dt.date(2026, 1, 12), headings=set(sections)), sections)
    # The heading's "1 de enero" is in the year the heading names, not in the year of the section above.
    assert [(m.day.isoformat(), m.kind) for m in marks] == [("2025-01-01", "heading"), ("2026-01-01", "heading")]
    old, new = text.index("- Hora: 75"), text.index("- Hora: 82")
    out = chunk_dates(text, marks, [(old, old + 14), (new, len(text))], "2026-01-12", dt.date(2026, 12, 4), sections)
    assert (out[0].start, out[1].start) == ("2025-01-01", "2026-01-01")
    # The same heading written with "#" in a chunk's own text.
    assert find_dates("2025\n- Hora: 75\n## 2026 (desde el 1 de enero)\n- Hora: 82", dt.date(2025, 3, 1))[0].day \
        == dt.date(2026, 1, 1)


def test_a_year_less_log_line_runs_forward_from_the_full_date_above() -> None:
    text = ("Creado el 6-sep-2025. Tipo CX22.\n- Acceso solo por clave.\n- 3 de marzo: cambio SSH al puerto 2222.\n"
            "- 14-ago: redimensionado a CX32.")
    days = [m.day.isoformat() for m in find_dates(text, dt.date(2025, 9, 6))]
    assert days == ["2025-09-06", "2026-03-03", "2026-08-14"]
    # A day inside a sentence is not a log line: it keeps the year around it.
    assert find_dates("Creado el 6-sep-2025; la revisión fue el 3 de marzo.", dt.date(2025, 9, 6))[1].day \
        == dt.date(2025, 3, 3)


def test_heading_year_only_when_heading_opens_with_it_and_only_for_its_section():
    ctx = dt.date(2026, 5, 1)

    def days(text):
        return [m.day for m in find_dates(text, ctx) if m.kind == "entry"]

    assert days("# Kit list\n## Budget 2000\n- 3 March: bought stove\n") == [dt.date(2026, 3, 3)]
    assert days("## Planted 2019\n- apple\n## Jobs\n- 3 March: prune\n") == [dt.date(2026, 3, 3)]
    assert days("## Kontakt (seit 2019)\nTel 123\n## Termine\n- 3. März: Kontrolle\n") == [dt.date(2026, 3, 3)]
    assert days("## Route 1906 trip\n- 3 May: start\n") == [dt.date(2026, 5, 3)]
    # Intended: a heading opening with its year (or "Saison 2026") dates its section, and only that section.
    assert days("## 2025\n- 3 March: a\n## 2026 (desde el 1 de enero)\n- 3 de marzo: b\n") == \
        [dt.date(2025, 3, 3), dt.date(2026, 3, 3)]
    assert days("# Garten\n## Saison 2024\n- 3. März: Aussaat\n## Notizen\n- 4. März: Kontrolle\n") == \
        [dt.date(2024, 3, 3), dt.date(2026, 3, 4)]


def test_year_less_log_lines_run_forward_only_from_a_date_that_opens_a_log() -> None:
    def entries(text, ctx):
        return [m.day.isoformat() for m in find_dates(text, ctx) if m.kind == "entry"]

    text = "Last updated 15 Dec 2025. Highlights of the year:\n- 3 March: started at Acme\n- 20 June: moved"
    assert entries(text, dt.date(2025, 12, 15)) == ["2025-03-03", "2025-06-20"]
    text = "Meeting on 14 October 2025 to review last season.\n- 3 April: pilot launched"
    assert entries(text, dt.date(2025, 10, 14)) == ["2025-04-03"]
    assert entries("Geboren am 12. November 1985.\n- 3. März: Zahnarzt", dt.date(2026, 5, 1)) != ["1986-03-03"]
    # A log line's own full date anchors the lines below it, but never past the note's own date.
    assert entries("- 6-sep-2025: alta\n- 3 de marzo: cambio", dt.date(2026, 5, 1)) == ["2025-09-06", "2026-03-03"]
    assert entries("Created 6 Sep 2025.\n- 3 March: moved", dt.date(2025, 12, 1)) == ["2025-03-03"]


@pytest.mark.parametrize("text", [
    "Mum, born 3 May 1961.\n- 12 June: hip operation",
    "Mum (born 3 May 1961) had her hip done on 12 June.",
    "Nacida el 3 de mayo de 1961.\n- 12 de junio: operación de cadera",
    "Née le 3 mai 1961.\n- 12 juin : opération de la hanche",
    "Geboren am 3. Mai 1961.\n- 12. Juni: Hüft-OP",
    "Nata il 3 maggio 1961.\n- 12 giugno: operazione all'anca",
    "Nascida em 3 de maio de 1961.\n- 12 de junho: operação à anca",
    "Geboren op 3 mei 1961.\n- 12 juni: heupoperatie",
    "Date of birth: 03/05/1961\n- 12 June: clinic",
    "Mum, b. 3 May 1961.\n- 12 June: hip operation",
    "Mutter (* 3. Mai 1961)\n- 12. Juni: Hüft-OP",
    "Ela nasceu em 3 de maio de 1961.\n- 12 de junho: operação à anca",
])
def test_a_birth_date_does_not_give_its_year_to_the_days_below(text: str) -> None:
    days = [m.day for m in find_dates(text, dt.date(2026, 5, 1))]
    assert days == [dt.date(1961, 5, 3), dt.date(2026, 6, 12)]


def test_a_birth_month_does_not_give_its_year_to_the_days_below() -> None:
    days = [m.day for m in find_dates("Mum, born in May 1961.\n- 12 June: hip operation", dt.date(2026, 5, 1))]
    assert days == [dt.date(1961, 5, 1), dt.date(2026, 6, 12)]


def test_a_recent_birth_that_opens_a_log_gives_its_year_to_the_days_below() -> None:
    # A baby log: the birth is the log's start, within a year of the note's date; its days never run past it.
    text = "# Baby log\nLily born 3 May 2025, 3.4 kg.\n- 12 June: first smile\n- 2 Aug: rolled over"
    days = [m.day for m in find_dates(text, dt.date(2026, 1, 10))]
    assert days == [dt.date(2025, 5, 3), dt.date(2025, 6, 12), dt.date(2025, 8, 2)]


def test_a_full_date_that_is_no_birth_date_still_gives_its_year() -> None:
    # Dutch "nee" (no) is not French "née": the year holds for the days below as before.
    days = [m.day for m in find_dates("Nee, 3 mei 2026 lukt niet.\n- 12 juni: afspraak", dt.date(2025, 5, 1))]
    assert days == [dt.date(2026, 5, 3), dt.date(2026, 6, 12)]
