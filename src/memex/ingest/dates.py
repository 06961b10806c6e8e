"""Dates from a note's content: dated log lines, dated headings and table rows, dates in the text.

One module decides what date a note, a chunk and a sentence speak for, at ingest (a date range per
chunk, kept in the store) and at answer time (the date of each candidate sentence). Order of trust for a
note: front matter `date`/`created`, a photo's EXIF date or a recording's date tag, a date in the file name or folders (`journal/2026-01-10.md`,
`2026/01/10.md`), the content (the latest dated entry of a log, else a date near the top), front matter
`updated`, PDF/DOCX properties, and only as a last resort the file's modification time — which a copied,
synced or restored vault resets, so it is reported as "mtime" wherever a date is shown.

Month and weekday names in English, Spanish, Portuguese, French, German, Italian and Dutch come from
`dateparser`'s maintained locale data. Candidates are found with one cheap regular expression built from
those names; only a candidate's month token is resolved through `dateparser` (once per token, cached),
so a 10k-note vault pays microseconds per date, not the milliseconds of a full `dateparser.parse` call.
Years missing from a date ("14-ago", "22 Mar", "Thu 2 Oct") come from the note's context: the weekday when
one is given, the closest year stated above (a "## 2025" heading, an earlier full date), the note's own
date, and a log running past December into January.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from memex.ingest import feasts
from memex.language.fold import fold

LANGUAGES = ("en", "es", "pt", "fr", "de", "it", "nl")
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
           "october", "november", "december")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# Month tokens that are also common words: accepted only in an unmistakable date shape
# ("20-ago-2026", "5 out. 2026", "16 May"), never in "3 days ago" or "5 out of 10".
_WORDLIKE = {"ago", "out", "set", "may", "mar", "gen", "dic", "mag", "lug", "giu", "ott"}
MIN_YEAR, MAX_YEAR = 1900, 2100
TOP_CHARS = 400
"""A dated line this close to the top of a note (a letter's or a quote's date) dates the whole note."""

SOURCES = ("front matter", "file name", "text", "heading", "updated", "properties", "mtime")
"""Where a date came from, most trusted first; "mtime" is the file's modification time (last resort)."""


_fold = functools.partial(fold, sharp_s=False)
"""Lower-case without accents ("März" -> "marz", "août" -> "aout"), "ß" kept."""


@functools.lru_cache(maxsize=1)
def _vocabulary() -> tuple[dict[str, int], dict[str, int]]:
    """(month token -> 1..12, weekday token -> 0..6) from dateparser's locale data, accent-folded."""
    from dateparser.languages.loader import default_loader

    months: dict[str, int] = {}
    weekdays: dict[str, int] = {}
    for lang in LANGUAGES:
        info = default_loader.get_locale(lang).info
        for i, name in enumerate(_MONTHS):
            for tok in info.get(name, []):
                t = _fold(tok).rstrip(".")
                if len(t) >= 3 and not t.isdigit():
                    months.setdefault(t, i + 1)
        for i, name in enumerate(_WEEKDAYS):
            for tok in info.get(name, []):
                t = _fold(tok).rstrip(".")
                if len(t) >= 3 and not t.isdigit():
                    weekdays.setdefault(t, i)
    # Common abbreviations dateparser lists only inside longer forms.
    for t, m in (("sept", 9), ("febr", 2), ("janv", 1), ("fevr", 2), ("avr", 4), ("juil", 7), ("oct", 10)):
        months.setdefault(t, m)
    return months, weekdays


@functools.lru_cache(maxsize=1)
def _short_weekdays() -> dict[str, int]:
    """Two-letter weekday abbreviations ("Do", "Mi", "za"): common words elsewhere, so read only before a
    day written as numbers ("Do, 26.3.")."""
    from dateparser.languages.loader import default_loader

    out: dict[str, int] = {}
    for lang in LANGUAGES:
        info = default_loader.get_locale(lang).info
        for i, name in enumerate(_WEEKDAYS):
            for tok in info.get(name, []):
                t = _fold(tok).rstrip(".")
                if len(t) == 2 and t.isalpha():
                    out[t] = i if out.get(t, i) == i else -1  # "do": Thursday in German, Sunday in Spanish
    return out


@functools.lru_cache(maxsize=4096)
def month_number(token: str) -> int | None:
    """The month a (folded) month token names, resolved through dateparser once per token."""
    months, _ = _vocabulary()
    t = _fold(token).rstrip(".")
    if t in months:
        return months[t]
    for full, m in months.items():  # "septembre" abbreviated as "septemb": a prefix of a known name
        if len(t) >= 4 and full.startswith(t):
            return m
    return None


def weekday_number(token: str) -> int | None:
    """The weekday (0 = Monday) a day name or its abbreviation names ("Tue", "jueves"), or None."""
    _, weekdays = _vocabulary()
    return weekdays.get(_fold(token).rstrip("."))


def _alternation(tokens: Iterable[str]) -> str:
    return "|".join(re.escape(t) for t in sorted(set(tokens), key=len, reverse=True))


@functools.lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    months, weekdays = _vocabulary()
    mon = _alternation(months)
    wd = _alternation(weekdays)
    sep = r"[ \t]*[-/.]?[ \t]*"
    year = r"(?P<{n}>(?:19|20)\d\d|'\d\d)"
    # Candidates in the accent-folded, lower-cased text (same length as the original: see _fold_keep).
    cand = re.compile(
        rf"\b(?<![£$€.,:/-])(?=[a-z\d])(?:(?P<wd>{wd})\.?,?[ \t]+)?"
        rf"(?:"
        rf"(?P<iy>(?:19|20)\d\d)[-/.](?P<im>[01]?\d)[-/.](?P<id>[0-3]?\d)(?![\d])"  # 2026-05-16
        rf"|(?P<d>[0-3]?\d)(?:st|nd|rd|th|er|o|º|ª|°|e)?(?P<s1>{sep})(?P<de>de[ \t]+)?(?P<m>{mon})(?P<dot>\.?)"
        rf"(?:(?P<s2>,?{sep})(?:de[ \t]+)?{year.format(n='y')}"  # 16 May 2026, 3. marz 2026, 20-ago
        rf"|(?P<s3>[-/])(?P<yy>\d\d)(?![\d:]))?(?![\w])"  # 20-ago-26, 14/Aug/26
        rf"|(?P<m2>{mon})\.?[ \t]+(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?(?:,?[ \t]+{year.format(n='y2')})?(?![\w:])"
        rf"|(?P<nd>[0-3]?\d)[/.](?P<nm>[01]?\d)[/.](?P<ny>(?:19|20)\d\d)(?![\d])"  # 16/05/2026
        rf"|(?P<hd>[0-3]?\d)-(?P<hm>[01]?\d)-(?P<hy>(?:19|20)\d\d)(?![\d])"  # 16-05-2026
        # Two-digit years, day first: "1/3/26" with slashes, "20.08.26" with dots only zero-padded (so a
        # version "1.4.16" is not a date); never with hyphens ("8-10-12" reps, "1-3-26" scores).
        rf"|(?P<sd>[0-3]?\d)/(?P<sm>[01]?\d)/(?P<sy>\d\d)(?![\w]|[./-]\d)"
        rf"|(?P<pd>[0-3]\d)\.(?P<pm>[01]\d)\.(?P<py>\d\d)(?![\w]|[./-]\d)"
        # Day and month with dots, the year two digits or none ("Do, 26.3.", "So 7.6.26", "ab 1.5."): read only
        # after a weekday or a word that introduces a date (see _mark), so "1.2." numbering stays a number.
        rf"|(?:(?P<wd2>{_alternation(_short_weekdays())})\.?,?[ \t]+)?(?P<gd>[0-3]?\d)\.(?P<gm>[01]?\d)\.(?:(?P<gy>\d\d)(?![\w]|[./-]\d)|(?![\w]|[./-]?\d))"
        rf"|(?P<m3>{mon})\.?(?:[ \t]+(?P<de3>del?[ \t]+)?|(?P<s4>[ \t]*[-/][ \t]*))"
        rf"(?P<y3>(?:19|20)\d\d)(?![\d])"  # March 2026, marzo de 2026, ago-2026
        rf"|(?P<wd5>{wd})\.?,?[ \t]+(?:the[ \t]+)?(?P<d5>[0-3]?\d)(?:st|nd|rd|th|er|o|º|ª)?"  # martes 1, Tue the 3rd
        rf"(?![\w:/-]|[.,]\d|[ \t]*(?:{_NOT_A_DAY})\b)"
        rf")")
    year_line = re.compile(r"[ \t#>*_|-]*(?P<y>(?:19|20)\d\d)[ \t*_:|-]*$")
    return cand, year_line


_NOT_A_DAY = (r"am|pm|a\.m|p\.m|h|hrs?|hours?|horas?|heures?|uhr|ore|uur|mins?|minutes?|minutos?|days?|d[ií]as?|"
              r"jours?|weeks?|semanas?|semaines?|months?|meses|mois|x|times|veces|fois|of|de|del|du|des|di|van|km|kg|%")
"""What a number after a weekday may be instead of its day of the month ("Tuesday 7 pm", "lunes 3 horas")."""
WEEKDAY_DAY_REACH = 20
"""A weekday with a day of the month and nothing else ("martes 1", "Tue the 3rd") is the day with that weekday at
most this many days from the date it is written under; further, or with no such day, it is not read."""


# What may come before a date that opens a line: list and table markers, emphasis, a label ("Date:",
# "Quote date:", "Fecha:"), "from"/"since" in the supported languages.
_LEAD = re.compile(r"[ \t]*(?:#{1,6}[ \t]+|[-*+][ \t]+(?:\[[ xX]\][ \t]+)?|\d+[.)][ \t]+|>[ \t]*|\|[ \t]*)*"
                   r"(?:\*\*|__|\*|_)?[ \t]*(?:[a-z ]{0,20}\b(?:date|dated|issued|fecha|data|datum|date de)"
                   r"[ \t]*[:\-–][ \t]*(?:\*\*|__)?[ \t]*)?"
                   r"(?:(?:from|since|desde|depuis|seit|dal|vanaf|a partir de)[ \t]+)?")


# The article or preposition a Romance language puts before a day ("el 14 ago", "em 5 out", "dal 17 dic"): after
# one of these a month abbreviation that is also a word ("ago", "out", "set", "dic") is a month, as it is in
# "14-ago". No English word is listed, so English text keeps the stricter shapes ("3 days ago", "5 out of 10").
_DATE_ARTICLE = re.compile(r"(?:^|[\s(])(?:el|del|al|desde|hasta|para|antes del|despues del|o|ao|em|ate|le|du|"
                           r"au|depuis|il|dal|entro il|fino al)[ \t]+$")


# Words that introduce a day written as numbers with dots ("ab 1.5.", "am 26.3.", "vanaf 1.5."): after one of
# these, or after a weekday, "1.5." is the first of May, not a number or a section.
_DAY_PREPOSITION = re.compile(r"(?:^|[\s(])(?:am|ab|bis|bis zum|vom|zum|seit|per|op|vanaf|tot|van|le|du|au|el|del|al|"
                              r"desde|hasta|dal|il|entro il|fino al|em|ate|depuis|jusqu'au)[ \t]+$")

_VERSION = re.compile(r"versi|release|\bv\d")
"""A version named just before ("Versionen ab 5.1.", "versión 1.2."): the dotted numbers are a version, not a day."""


@dataclass(frozen=True)
class DateMark:
    """A date found in text."""

    start: int
    end: int
    day: dt.date
    kind: str
    """"entry" (opens a line: a log line, a table row), "heading", or "mention" (inside a sentence)."""
    precision: str = "day"
    """"day" or "month" ("March 2026")."""
    year_given: bool = True


@dataclass(frozen=True)
class NoteDate:
    """The date a note speaks for, and where it came from (one of SOURCES)."""

    value: str | None
    source: str


def _year_of(text: str) -> int:
    y = int(text.lstrip("'"))
    return 2000 + y if text.startswith("'") else y


def _valid(y: int, m: int, d: int) -> dt.date | None:
    if not (MIN_YEAR <= y <= MAX_YEAR):
        return None
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _resolve_year(m: int, d: int, weekday: int | None, context: dt.date | None, previous: dt.date | None) -> \
        dt.date | None:
    """The year of a day and month written without one."""
    base = previous or context
    if base is None:
        return None
    candidates = [base.year]
    if previous is not None and (m, d) < (previous.month, previous.day) and previous.month - m >= 3:
        candidates = [base.year + 1, base.year]  # a log running past December into January
    candidates += [base.year - 1, base.year + 1]
    if weekday is not None:
        # The weekday written beside the day ("lun 5-oct") is the writer's own check: when none of the years
        # around the context fits it, the context is the wrong year (a chunk anchored by a later "2024"), so
        # the nearest year that fits, up to six away (every weekday comes round within seven years).
        nearest = [base.year + k * sign for k in range(2, 7) for sign in (1, -1)]
        for y in dict.fromkeys(candidates + nearest):
            day = _valid(y, m, d)
            if day is not None and day.weekday() == weekday:
                return day
    return _valid(candidates[0], m, d)


def find_dates(text: str, context: dt.date | None = None, previous: dt.date | None = None,
               headings: Collection[int] = ()) -> list[DateMark]:
    """Every date in `text`, in order, with missing years resolved from the text above and `context`.

    `context` is the note's own date (anchors a year-less date when nothing above states a year);
    `previous` is the last dated entry before this text (a chunk continues its note's log); `headings`: offsets
    of heading lines whose "#" the text no longer shows (a parsed note's heading blocks).
    """
    cand, year_line = _patterns()
    _, weekdays = _vocabulary()
    folded = _fold_keep(text)
    out: list[DateMark] = []
    year_ctx: dt.date | None = None  # the latest explicit year seen in this text
    written: dt.date | None = None  # the latest day seen in this text written with its year
    scopes: list[tuple[int, dt.date | None, dt.date | None]] = []  # (level, year_ctx, previous) before a year heading
    # Front matter ("created: 2025-11-03") is when the note was written, not a day its lines run on from.
    front = text.find("\n---", 3) if text.startswith("---") else -1
    line_starts = _line_starts(text)
    for ls, le in line_starts:
        is_heading = folded[ls:le].lstrip().startswith("#")
        if is_heading or ls in headings:
            # A heading ends the sections of its own level and deeper: their year no longer holds.
            level = len(folded[ls:le].lstrip()) - len(folded[ls:le].lstrip().lstrip("#")) or 1
            while scopes and scopes[-1][0] >= level:
                _, year_ctx, previous = scopes.pop()
        if not _DIGIT.search(folded, ls, le):
            continue  # every date form has a digit: most prose lines cost one scan
        ym = year_line.match(folded, ls, le) if le - ls <= 16 else None
        if ym:
            if is_heading or ls in headings:
                scopes.clear()  # "## 2025": the year holds on, as a year line does
            year_ctx = dt.date(int(ym.group("y")), 1, 1)
            previous = None if previous is None or previous.year < year_ctx.year else previous
            if ls in headings:
                # "## 2025" over "Hora: 75 €/h": the section holds what held that year, whatever the note's date.
                out.append(DateMark(ym.start("y"), ym.end("y"), year_ctx, "heading", "month", True))
            continue
        lead = _LEAD.match(folded, ls, le)
        lead_end = lead.end() if lead else ls
        if (is_heading or ls in headings) and (hy := _HEADING_YEAR.match(folded, ls, le)):
            # "## 2026 (desde el 1 de enero)": the year the heading opens with is its section's, for the days it
            # and the section write without one, until the next heading of its level.
            scopes.append((level, year_ctx, previous))
            year_ctx = dt.date(int(hy.group(1)), 1, 1)
            previous = None if previous is None or previous.year < year_ctx.year else previous
        for m in cand.finditer(folded, ls, le):
            opens = m.start() <= lead_end
            # A line that opens with a day and no year, below a day written with its year ("Creado el 6-sep-2025."
            # then "- 3 de marzo: cambio SSH…"), continues from that day as a log does: it runs forward from it.
            after = previous if previous is not None or not opens else written
            mark = _mark(text, m, weekdays, context if year_ctx is None else year_ctx, after)
            if (mark is not None and after is written and written is not None and context is not None
                    and context != written and mark[0] > context):
                # Never run on past the note's own date (when that is not the log's opening day itself).
                mark = _mark(text, m, weekdays, context if year_ctx is None else year_ctx, None)
            if mark is None:
                continue
            day, precision, given = mark
            kind = "mention"
            if opens:
                kind = "heading" if is_heading else "entry"
            out.append(DateMark(m.start(), m.end(), day, kind, precision, given))
            if (given and kind == "mention" and _BORN.search(folded, ls, m.start())
                    and (context is None or day < context - dt.timedelta(days=366))):
                # "Mum, born 3 May 1961.": a life's first day, not the year the lines below run in; a birth
                # within a year of the note's date ("Lily born 3 May 2025" over a baby log) still opens its log.
                continue
            if given:
                year_ctx = day
                if precision == "day" and m.start() > front and (opens or _CREATED.search(folded, ls, m.start())):
                    # Only a day that opens a log anchors it: a log line's own date, or when the note was created
                    # ("Creado el 6-sep-2025"); not an update, a meeting or a birthday told in prose.
                    written = day
            if kind != "mention" and precision == "day":
                previous = day
    return out


_CREATED = re.compile(r"\b(?:created|creado|creada|cree|creee|erstellt|angelegt|aangemaakt|creato|creata|criado|"
                      r"criada)\b(?:[ \t]+[a-z]+){0,2}[ \t:]*$")
"""Words before a day that say a log (a note) started on it ("Creado el", "Erstellt am", "créé le")."""
_BORN = re.compile(r"(?:\b(?:born|b\.|date of birth|d\.?o\.?b\.?|nacid[oa]|nacio|fecha de nacimiento|nee?[ \t]+le|"
                   r"date de naissance|geboren|geb\.|geburtsdatum|nat[oa]|data di nascita|nascid[oa]|nasceu|"
                   r"data de nascimento|geboortedatum)|\(\*)"
                   r"(?:[ \t]+(?:on|in|el|le|am|il|em|a|op))?[ \t:,(]*$")
"""Words just before a birth date, in each language (folded: "né le", "nació el", "geboren am", "nata il",
"b. 3 May", "born in May", "(* 3. Mai", "nasceu em")."""


_HEADING_YEAR = re.compile(r"[ \t#>*_|-]*(?:(?:year|season|saison|ano|anno|jahr|jaar|annee|temporada|stagione|seizoen)"
                           r"[ \t]+)?((?:19|20)\d\d)(?![\d]|[./-]\d)")
"""A heading that opens with its year ("## 2026 (desde el 1 de enero)", "### Saison 2026 – ab 1. März"); a year
further in ("## Budget 2000", "## Kontakt (seit 2019)") is no year of the section."""


# A heading that says until when its section held ("## Until 1 April 2026", "### Tot 1 april 2026", "## Bis 31.03.").
_UNTIL = re.compile(r"\b(?:until|till|up to|hasta|hasta el|ate|jusqu'?(?:au|a|en)|bis|bis zum|bis zur|"
                    r"fino al?|fino a|tot|tot en met)[ \t]*$")


def mark_headings(text: str, marks: Sequence[DateMark], sections: Sequence[int],
                  feast_context: dt.date | None = None, title: bool = True) -> list[DateMark]:
    """Dates anywhere on a heading line ("The day — Fri 27 Nov 2026") date the heading's section. A heading that
    says until when its section held ("## Tot 1 april 2026") dates it the day before: what it holds was replaced
    on that day, so it is older than a section "from" the same day. With `feast_context` (a note its writer did
    not date), a heading that is only a feast or a calendar week ("# Ostermontag", "Koningsdag 2026", "# Week 38")
    dates it too (see `feast_headings`; `title`: `text` is a whole document, whose first line is its title)."""
    starts = set(sections)
    if feast_context is not None:
        marks = sorted([*marks, *feast_headings(text, marks, sections, feast_context, title)],
                       key=lambda m: m.start)
    out = []
    for m in marks:
        line_start = text.rfind("\n", 0, m.start) + 1
        if line_start in starts and m.kind in ("mention", "heading"):
            day = m.day
            if m.precision == "day" and _UNTIL.search(_fold_keep(text[line_start:m.start])):
                day = day - dt.timedelta(days=1)
            m = DateMark(m.start, m.end, day, "heading", m.precision, m.year_given)
        out.append(m)
    return out


_FEAST_LINE_REST = re.compile(r"[\W\d_]+")


def feast_headings(text: str, marks: Sequence[DateMark], sections: Sequence[int],
                   context: dt.date | None = None, title: bool = True) -> list[DateMark]:
    """Heading marks for heading lines (and, with `title`, a short first line: a plain text's title) that name a day only as a
    feast or a calendar week, nothing else beside a year or a weekday ("# Christmas Day (Thursday)"); a line that
    says more ("# Christmas concert 2026", "Easter Road Vets") names no day by it. A year not written is the
    latest that puts the feast on or before `context` (the latest the note can be: its file's day); a feast of a
    written year after `context` is a plan, not a date. A feast that is also a name ("Nikolaus", "Noël") names
    its day only with a year or a weekday beside it. `title` is False for a chunk's text at answer time: its first
    line is any line of the note ("- Easter"), not the note's title."""
    lines = set(sections)
    first = re.search(r"\S", text) if title else None
    if first is not None:
        lines.add(text.rfind("\n", 0, first.start()) + 1)
    dated = {text.rfind("\n", 0, m.start) + 1 for m in marks}
    out = []
    for start in sorted(lines - dated):
        end = text.find("\n", start)
        line = text[start:end if end >= 0 else len(text)]
        if len(line) > 80:
            continue
        folded = feasts.fold(line)
        if len(folded) != len(line):  # offsets must map back
            continue
        found = feasts.find_feasts(folded, context)
        if len(found) != 1:
            continue
        f = found[0]
        rest = folded[:f.start] + " " + folded[f.end:]
        words = [w for w in _FEAST_LINE_REST.split(rest) if w]
        if not all(weekday_number(w) is not None for w in words):
            continue
        if folded[f.start:f.end] in feasts.NAME_LIKE and not f.year_given and not words:
            continue  # "# Nikolaus" heads a contact note as often as a feast
        if not f.year_given and context is not None:
            # The latest such feast not after the file's day, on the weekday written beside it if any ("Christmas
            # Day (Thursday)": 2025); six years back meet every weekday. Next year's first too: its ISO week 1 can
            # start in late December.
            wanted = {weekday_number(w) for w in words}
            f = next((g for y in range(context.year + 1, context.year - 7, -1)
                      for g in feasts.find_feasts(folded, dt.date(y, 1, 1))
                      if g.day <= context and (not wanted or g.day.weekday() in wanted)), None)
        if f is not None and (context is None or f.day <= context):
            out.append(DateMark(start + f.start, start + f.end, f.day, "heading", f.precision, f.year_given))
    return out


def heading_lines(text: str) -> list[int]:
    """Offsets where the Markdown heading lines of a passage start (a chunk's own text, at answer time)."""
    return [m.start() for m in re.finditer(r"(?m)^[ \t]*#{1,6}[ \t]", text)]


def _mark(text: str, m: re.Match[str], weekdays: dict[str, int], context: dt.date | None,
          previous: dt.date | None) -> tuple[dt.date, str, bool] | None:
    g = m.groupdict()
    wd = weekdays.get(g["wd"].rstrip(".")) if g.get("wd") else None
    if g["wd5"]:
        return _weekday_day(int(g["d5"]), weekdays.get(g["wd5"].rstrip(".")), previous or context)
    if g["iy"]:
        day = _valid(int(g["iy"]), int(g["im"]), int(g["id"]))
        return (day, "day", True) if day else None
    if g["gd"]:
        short = _short_weekdays().get(g["wd2"]) if g["wd2"] else None
        wd = wd if wd is not None or short is None or short < 0 else short
        before = _fold_keep(text[max(0, m.start() - 30):m.start()])
        if wd is None and short is None and (not _DAY_PREPOSITION.search(before) or _VERSION.search(before)):
            return None  # "ab 1.5." is the first of May; "Android-Versionen ab 5.1." is a version
        d, month = int(g["gd"]), int(g["gm"])
        if g["gy"]:
            day = _valid(2000 + int(g["gy"]) if int(g["gy"]) < 70 else 1900 + int(g["gy"]), month, d)
            return (day, "day", True) if day else None
        day = _resolve_year(month, d, wd, context, previous) if 1 <= month <= 12 else None
        return (day, "day", False) if day else None
    for d_, m_, y_ in (("nd", "nm", "ny"), ("hd", "hm", "hy"), ("sd", "sm", "sy"), ("pd", "pm", "py")):
        if g[d_]:
            y = int(g[y_])
            y = y if y >= 100 else (2000 + y if y < 70 else 1900 + y)
            day = _valid(y, int(g[m_]), int(g[d_]))
            return (day, "day", True) if day else None
    if g["m3"]:
        month = month_number(g["m3"])
        if month is None or (g["m3"] in _WORDLIKE and g["m3"] not in ("may", "mar")
                             and not (g["s4"] or g["de3"])):  # "ago-2026", "dic de 2025"; never "3 years ago 2026"
            return None
        return dt.date(int(g["y3"]), month, 1), "month", True
    if g["m"]:
        token, d, y = g["m"], int(g["d"]), g["y"]
        if g["yy"] and g["s3"] in g["s1"]:  # "20-ago-26": a two-digit year only between matching separators
            y = "'" + g["yy"]
        shaped = bool(y) or bool(g["dot"]) or bool(g["de"]) or any(c in g["s1"] for c in "-/.") \
            or bool(g.get("wd")) or bool(_DATE_ARTICLE.search(_fold_keep(text[max(0, m.start() - 16):m.start()])))
        if token in _WORDLIKE and not shaped and not text[m.start("m")].isupper():
            return None
    else:
        token, d, y = g["m2"], int(g["d2"]), g["y2"]
        if token in _WORDLIKE and not y and not text[m.start("m2")].isupper():
            return None
    month = month_number(token)
    if month is None:
        return None
    if y:
        day = _valid(_year_of(y), month, d)
        return (day, "day", True) if day else None
    day = _resolve_year(month, d, wd, context, previous)
    return (day, "day", False) if day else None


def _weekday_day(d: int, weekday: int | None, base: dt.date | None) -> tuple[dt.date, str, bool] | None:
    """"martes 1" written under "Domingo 6 de septiembre": the closest day numbered `d` that falls on `weekday`
    (this month, the one before or the one after), within WEEKDAY_DAY_REACH days of `base`."""
    if base is None or weekday is None or not 1 <= d <= 31:
        return None
    found = []
    for shift in (-1, 0, 1):
        month = base.month + shift
        y, m = base.year + (month - 1) // 12, (month - 1) % 12 + 1
        day = _valid(y, m, d)
        if day is not None and day.weekday() == weekday and abs((day - base).days) <= WEEKDAY_DAY_REACH:
            found.append(day)
    if not found:
        return None
    return min(found, key=lambda day: abs((day - base).days)), "day", False


def _fold_keep(text: str) -> str:
    """Accent-folded lower-case text of the same length (so offsets map back to `text`)."""
    if text.isascii():
        return text.lower()
    return "".join(ch.lower() if ch.isascii() else _fold_char(ch) for ch in text)


@functools.lru_cache(maxsize=8192)
def _fold_char(ch: str) -> str:
    f = _fold(ch)
    return f if len(f) == 1 else (f[:1] or " ")


_DIGIT = re.compile(r"\d")


def _line_starts(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for line in text.split("\n"):
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


# ---- notes and chunks --------------------------------------------------------------------------------------
_PATH_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)[-_./]?(0[1-9]|1[0-2])[-_./]?(0[1-9]|[12]\d|3[01])(?!\d)")
_FOLDER_DATE = re.compile(r"(?:^|/)((?:19|20)\d\d)/(0?[1-9]|1[0-2])/(?:(0?[1-9]|[12]\d|3[01])(?:/|[^/\d][^/]*$|$))?")


def date_from_path(path: str | PurePath) -> str | None:
    """A date in the file name (`2026-01-10.md`, `20260110 standup.md`) or folders (`2026/01/10.md`)."""
    p = PurePath(path)
    for m in _PATH_DATE.finditer(p.stem):
        day = _valid(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if day:
            return day.isoformat()
    posix = p.as_posix()
    for m in _FOLDER_DATE.finditer(posix):
        day = _valid(int(m.group(1)), int(m.group(2)), int(m.group(3) or 1))
        if day and m.group(3):
            return day.isoformat()
    return None


def _iso(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()[:10]
    s = str(value).strip()
    marks = find_dates(s[:64])
    return marks[0].day.isoformat() if marks and marks[0].year_given else None


def first_date(text: str) -> str | None:
    """The first full date (with its year) in a short string such as a property value, ISO."""
    return _iso(text)


def document_text(blocks: Sequence[Any]) -> str:
    """The text chunk offsets refer to: blocks joined by blank lines (as `chunk_blocks` counts them)."""
    return "\n\n".join(b.text for b in blocks)


def heading_offsets(blocks: Sequence[Any]) -> list[int]:
    """Offsets in `document_text(blocks)` where heading blocks start (the sections dated entries end at)."""
    out, pos = [], 0
    for b in blocks:
        if getattr(b, "kind", "") == "heading":
            out.append(pos)
        pos += len(b.text) + 2
    return out


DATE_KEYS = ("date", "created", "fecha", "creado", "creada", "data", "criado", "criada", "cree", "creee",
             "date de creation", "datum", "erstellt", "creato", "creata", "aangemaakt", "gemaakt")
"""Front matter keys that say when a note was written, in en, es, pt/it, fr, de/nl, it, nl (accent-folded)."""
UPDATED_KEYS = ("updated", "actualizado", "atualizado", "mis a jour", "modifie", "aktualisiert", "geandert",
                "aggiornato", "bijgewerkt", "gewijzigd")
"""Front matter keys that say when a note was last updated, in the same languages."""


def front_matter_date(fm: Any, keys: Sequence[str]) -> str | None:
    """The first of `keys` (any case, accents aside) that holds a full date in front matter, as ISO."""
    if not isinstance(fm, dict):
        return None
    folded = {_fold(str(k)).strip(): v for k, v in fm.items()}
    for key in keys:
        v = _iso(folded.get(key))
        if v:
            return v
    return None


def note_date(meta: dict[str, Any], path: str, marks: Sequence[DateMark], mtime_ns: int | None) -> NoteDate:
    """The date a note speaks for, most trusted source first (see the module docstring)."""
    fm = meta.get("front_matter") if isinstance(meta.get("front_matter"), dict) else {}
    mtime = dt.datetime.fromtimestamp(mtime_ns / 1e9, tz=dt.timezone.utc).date() if mtime_ns is not None else None
    v = front_matter_date(fm, DATE_KEYS)  # "date:", "datum:", "fecha:", "erstellt:"…
    if v:
        return NoteDate(v, "front matter")
    v = _iso(meta.get("captured"))
    if v:  # a photo's EXIF date, a recording's date tag: what the file says about itself
        return NoteDate(v, "properties")
    v = date_from_path(path)
    if v:
        return NoteDate(v, "file name")
    entries = [m for m in marks if m.kind in ("entry", "heading") and m.precision == "day"]
    if len(entries) >= 3:  # a log: it speaks as of its latest entry
        return NoteDate(max(m.day for m in entries).isoformat(), "text")
    top = [m for m in entries if m.start < TOP_CHARS]
    if top:  # "Date: 14 October 2025" or a dated heading at the top of a letter, a quote, minutes
        return NoteDate(top[0].day.isoformat(), "text")
    named = [m for m in find_dates(PurePath(path).stem) if m.year_given]
    if named:  # "Care plan Sept 2026.pdf"
        return NoteDate(named[0].day.isoformat(), "file name")
    for key in ("created", "modified"):
        v = _iso(meta.get(key))
        if v:
            return NoteDate(v, "properties")
    v = front_matter_date(fm, UPDATED_KEYS)  # "updated:", "aktualisiert:", "bijgewerkt:"…
    if v:
        return NoteDate(v, "updated")
    if entries:
        return NoteDate(max(m.day for m in entries).isoformat(), "text")
    said = [m.day for m in marks if m.precision == "day" and m.year_given and (mtime is None or m.day <= mtime)]
    if said:  # the latest day the note mentions (not after the file was last written: plans are not dates)
        return NoteDate(max(said).isoformat(), "text")
    if mtime is not None:
        return NoteDate(mtime.isoformat(), "mtime")
    return NoteDate(None, "none")


@dataclass(frozen=True)
class ChunkDates:
    """What the store keeps per chunk: the dates its statements carry and the entry date in force at its start."""

    start: str | None
    end: str | None
    carried: str | None
    """The dated entry or heading in force where the chunk begins (a log continued from the chunk above)."""


def statement_dates(marks: Sequence[DateMark], spans: Sequence[tuple[int, int]], carried: dt.date | None,
                    fallback: dt.date | None, bound: dt.date | None) -> list[dt.date | None]:
    """The date each span of a text (a line or a sentence) speaks for: the dated entry or heading in force,
    else the latest date it mentions that is not after `bound` (when the file was last written: later dates
    are plans, not the date of the statement), else `fallback` (the note's date)."""
    out: list[dt.date | None] = []
    entries = [m for m in marks if m.kind != "mention"]
    mentions = [m for m in marks if m.kind == "mention"]
    limit = bound or fallback
    for start, end in spans:
        in_force = carried
        for m in entries:
            if m.start < end:
                in_force = m.day
            else:
                break
        if in_force is not None:
            out.append(in_force)
            continue
        said = [m.day for m in mentions if start <= m.start < end and (limit is None or m.day <= limit)]
        out.append(max(said) if said else fallback)
    return out


def chunk_dates(doc_text: str, marks: Sequence[DateMark], spans: Sequence[tuple[int, int]],
                fallback: str | None, bound: dt.date | None = None,
                sections: Sequence[int] = ()) -> list[ChunkDates]:
    """Per chunk (its start/end offsets in `doc_text`): the range of its statements' dates and the carried entry.

    `sections` are the offsets where headings start: a dated entry is carried to the end of its section only
    (a dated heading opens its own section and dates it)."""
    fb = dt.date.fromisoformat(fallback) if fallback else None
    entries = [m for m in marks if m.kind != "mention"]  # "## July 2026" dates its section as 2026-07-01
    out = []
    for start, end in spans:
        carried = None
        section = max((h for h in sections if h <= start), default=-1)
        for m in entries:
            if m.start < start:
                carried = m.day if m.start >= section else None
            else:
                break
        inside = [m for m in marks if start <= m.start < end]
        lines = _sentence_spans(doc_text, start, end)
        days = [d for d in statement_dates(inside, lines, carried, fb, bound) if d is not None]
        out.append(ChunkDates(min(days).isoformat() if days else fallback, max(days).isoformat() if days else fallback,
                              carried.isoformat() if carried else None))
    return out


def _sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Lines of text[start:end] as spans (a log line, a table row or a paragraph line is one statement)."""
    spans, pos = [], start
    for line in text[start:end].split("\n"):
        if line.strip():
            spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans or [(start, end)]


def sentence_dates(text: str, spans: Sequence[tuple[int, int]], carried: str | None, note: str | None,
                   written: str | None = None, first: str | None = None,
                   note_source: str | None = None) -> list[str | None]:
    """At answer time: the date each sentence span of a chunk's text speaks for (ISO); see `_sentence_dates`.
    Cached: one question reads the same chunk's units several times (30 teacher questions: 1,412 calls, 237
    distinct), and the reading is a pure function of its arguments."""
    return list(_sentence_dates(text, tuple((int(a), int(b)) for a, b in spans), carried, note, written, first,
                                note_source))


@functools.lru_cache(maxsize=4096)
def _sentence_dates(text: str, spans: tuple[tuple[int, int], ...], carried: str | None, note: str | None,
                    written: str | None = None, first: str | None = None,
                    note_source: str | None = None) -> tuple[str | None, ...]:
    """At answer time: the date each sentence span of a chunk's text speaks for (ISO), from what the store
    kept for the chunk (`carried`: the entry in force where it starts; `note`: the note's date; `written`:
    the file's modification day, the latest a statement in it can be; `first`: the earliest date its
    statements carry, which anchors year-less dates — the "## 2026" heading above a log is not in the chunk;
    `note_source`: where the note's date came from)."""
    note_day = dt.date.fromisoformat(note) if note else None
    carried_day = dt.date.fromisoformat(carried) if carried else None
    first_day = dt.date.fromisoformat(first) if first else None
    bound = dt.date.fromisoformat(written) if written else None
    marks = find_dates(text, carried_day or first_day or note_day, carried_day)
    if carried_day is None and first_day and note_day and first_day.year != note_day.year \
            and note_source in WRITTEN_ON:
        marks = _mentions_in_note_year(text, marks, note_day)
    # A note its writer dated is dated by that day, not by the feast its heading names (as at ingest).
    feast_context = bound or note_day if note_source in ("text", "heading", "mtime") else None
    marks = [m for m in mark_headings(text, marks, heading_lines(text), feast_context, title=False)
             if not scheduled(text, m)]
    days = statement_dates(marks, spans, carried_day, note_day, bound)
    return tuple(d.isoformat() if d else None for d in days)


# A date a value holds: "renews 3 Sept", "MOT due every 14 November", "valid until 30 Nov 2026", "vence el 5 de mayo",
# "fällig am 1. März". It says when something is due, recurs or ends, not when the statement was written.
_SCHEDULED = re.compile(
    r"\b(?:renews?|renewal|renewing|due|expires?|expiry|expiring|every|each|valid|good|until|till|runs (?:out|to)|"
    r"hasta|válid[oa]|valable|jusqu'?(?:au|à|a)|gültig bis|bis|valido|fino al|geldig tot|tot|até|"
    r"vence|vencimiento|renueva|renovaci[oó]n|cada|todos los|renova|renova[cç][aã]o|todo dia|"
    r"renouvel\w*|[ée]ch[ée]ance|expire|chaque|tous les|f[äa]llig|verl[äa]ngert|jeden|j[äa]hrlich am|"
    r"scade|scadenza|rinnovo|rinnova|ogni|vervalt|verloopt|verlengt|elke|iedere)"
    r"(?:[\s*_]+(?:on|the|el|le|la|am|il|op|de|em|no|a|en))*[\s*_(]*$", re.I)


def scheduled(text: str, mark: DateMark) -> bool:
    """Is a date written inside a sentence one that the value holds ("renews 3 Sept", "due every 14 November")
    rather than one the statement speaks for? Such a date does not date the statement."""
    return mark.kind == "mention" and bool(_SCHEDULED.search(text[max(0, mark.start - 30):mark.start]))


WRITTEN_ON = ("front matter", "file name")
"""Sources of a note's date that say when its writer dated it (a journal's day, a review's "date: 2026-12-31")."""


def _mentions_in_note_year(text: str, marks: list[DateMark], note_day: dt.date) -> list[DateMark]:
    """A day and month written without a year inside a sentence ("date of entry 18 September", "his quote came on
    Tuesday (14 Oct)") of a note its writer dated, with no dated entry above it in the chunk, reads in the note's
    year: the chunk's earliest date, which anchors it otherwise, was itself resolved from whatever year the text
    above last named ("since September 2025"), which in prose is not the year of the next paragraph. Dated
    entries and headings keep the chunk's anchor (a log under "## 2026" in a note created in 2025)."""
    own = {(m.start, m.end): m for m in find_dates(text, note_day, None)}
    return [own.get((m.start, m.end), m) if m.kind == "mention" and not m.year_given else m for m in marks]
