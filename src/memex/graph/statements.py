"""Dated statements: sentences of a note that state a value (a day, a time, an amount, a dose, a name).

Two statements about the same subject whose values differ are candidates for a contradiction
(graph/contradictions.py). Everything here is pure and linear in the text.

When was something stated? The graph stores the content dates of ingest/dates.py (graph.edges.statement_dates);
`statement_date` below is the fallback for text without stored chunk dates: a date written in the sentence
itself, else the nearest dated line or heading above it in the chunk, else the note's date.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache

from memex.graph.change_words import WEAK as _WEAK_ELSEWHERE
from memex.graph.entities import _STOP, IDENTIFIER, clean_text
from memex.ingest import dates as _ingest_dates
from memex.language.stopwords import STOPWORDS

MAX_STATEMENTS_PER_CHUNK = 80
MAX_STATEMENT_CHARS = 400

_MONTHS = {m: i for i, names in enumerate([
    ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
    ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"),
    ("nov", "november"), ("dec", "december")], start=1) for m in names}
_MONTH_RE = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
_MONTH_RE_EN = re.compile(_MONTH_RE)
_DAY_STARTS = frozenset({"mon", "tue", "wed", "thu", "fri", "sat", "sun", *(
    m[:3] for m in ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"))})
_EFFECTIVE = re.compile(r"\b(?:from|since|starting|as of|effective|with effect from)\b[\s*_:]*", re.I)
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_DMY = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH_RE})\.?(?:,?\s+(\d{{4}}))?\b", re.I)
# Day first with dots ("14.03.2026", "31.01.26"): how German, Dutch and much of Europe write a date.
_DOTTED = re.compile(r"\b(?<![\d.])(?:(\d{1,2})\.(\d{1,2})\.((?:19|20)\d\d)|(\d\d)\.(\d\d)\.(\d\d))(?![\d.]|\.\d)")
_MDY = re.compile(rf"\b({_MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?\b", re.I)

SLOT_PATTERNS: dict[str, re.Pattern[str]] = {
    "money": re.compile(r"(?:(?:[£$€¥]|\b(?:EUR|USD|GBP|CHF)\s)\s?\d[\d,]*(?:\.\d+)?(?:\s?[km]\b)?|\b\d[\d,]*(?:\.\d+)?\s?(?:EUR|USD|GBP|CHF|euros?|pounds?|dollars?)\b|\b\d+(?:\.\d+)?p(?=/|\b))", re.I),
    # "14.03." and "14.03.2026" are the 14th of March, not 14:03 (German, Dutch and Romance dates).
    "time": re.compile(r"\b(?<!\d\.)(?:[01]?\d|2[0-3])[:.][0-5]\d(?!\d|\s?%|\.\d)(?!(?<=\.(?:0[1-9]|1[0-2]))\.)\s?(?:am|pm)?\b|\b(?:1[0-2]|0?[1-9])\s?(?:am|pm)\b|\bnoon\b|\bmidnight\b", re.I),
    "weekday": re.compile(r"\b(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?s?\b", re.I),
    "date": re.compile(rf"\b\d{{4}}-\d{{2}}-\d{{2}}\b|\b(?<![\d.])(?:\d{{1,2}}\.\d{{1,2}}\.(?:19|20)\d\d|\d\d\.\d\d\.\d\d)(?![\d.]|\.\d)|\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH_RE}\b(?:\.?,?\s+\d{{4}})?|\b{_MONTH_RE}\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+\d{{4}})?", re.I),
    "percent": re.compile(r"\b\d+(?:[.,]\d+)?\s?(?:%|per ?cent\b)", re.I),
    "quantity": re.compile(r"\b\d+(?:[.,]\d+)?\s?(?:(?:mg|mcg|µg|g|kg|ml|l|km|mi|miles?|m|cm|mm|°\s?[cf]|hours?|hrs?|h|minutes?|mins?|days?|weeks?|months?|years?|calls?|visits?|times|(?-i:A))\b)", re.I),
    "frequency": re.compile(r"\b(?:daily|weekly|fortnightly|monthly|quarterly|yearly|annually|every (?:day|week|other week|two weeks|month)|once a \w+|twice a \w+|(?:three|four) (?:times|calls) a \w+)\b", re.I),
    "duration": re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})\b|\bsub-?\d:\d{2}\b"),
    "number": re.compile(r"(?<![\w.:/-])\d+(?:[.,]\d+)?(?![\w.:/-])"),
}
SLOT_VALUE = re.compile(r"\d|\b(?:mon|tue|wed|thu|fri|sat|sun)", re.I)
_CUE = re.compile(r"\b(?:moved|moves|changed?|changes|now|no longer|instead|increased|decreased|reduced|raised|"
                  r"went up|goes up|gone up|dropped|slips?|slipped|revised|replaced|replaces|switched|updated|"
                  r"rescheduled|postponed|brought forward|took over|takes over|became|becomes|new|from .{1,40} to|"
                  r"up from|down from|was|were|previously|used to|anymore|any more|since)\b", re.I)
_WORD = re.compile(r"[^\W\d_][\w'’-]*[^\W_]|[^\W\d_]")
_ELISION = re.compile(r"^(?:[ldjmnstc]|qu|jusqu|lorsqu|puisqu)['’](?=[^\W\d_]{2})", re.I)
"""French and Italian elision ("l'entrée", "d'hab", "qu'il"): the word is what follows the apostrophe."""
_EXTRA_STOP = frozenset("""about went going get got getting make made said says say told asked think
thought want need needs needed will would should could might must can cannot can't won't don't didn't
isn't wasn't aren't weren't it's that's there's here's what's let's i'd i'll i've we'd we'll we've
one two three four five six seven eight nine ten lot lots bit thing things really just also only even
moved move moves changed change changes now longer instead increased decreased reduced raised went up
dropped slips slipped revised replaced switched updated rescheduled postponed brought forward took takes
became becomes new from since previously used anymore was were am pm starting start started""".split())


@dataclass(frozen=True)
class Statement:
    """A sentence that states at least one value."""

    text: str
    """Exactly as in the chunk (the quote shown to the user)."""
    terms: tuple[str, ...]
    """Subject words: content words other than the values and the change cues."""
    slots: dict[str, tuple[str, ...]] = field(default_factory=dict)
    date: str | None = None
    cue: bool = False
    start: int = 0
    """Offset of the text in its chunk."""
    context: tuple[str, ...] = ()
    """Subject words of the heading or label line the statement stands under ("## Subs", "Rent:"), when the
    sentence leaves its subject to them ("£15 a month from 1 September 2026"); stored as "^word" terms."""


def _iso(y: int, m: int, d: int) -> str | None:
    try:
        return dt.date(y, m, d).isoformat()
    except ValueError:
        return None


def _near(year: int | None, month: int, day: int, ref: str | None) -> str | None:
    """A date written without a year: the one nearest the reference date (a note from October that says
    "start 2 March" means next March)."""
    if year is None:
        return None
    if not ref:
        return _iso(year, month, day)
    best = None
    for y in (year - 1, year, year + 1):
        d = _iso(y, month, day)
        if d and (best is None or abs(_days(d, ref)) < abs(_days(best, ref))):
            best = d
    return best


def _days(a: str, b: str) -> int:
    return (dt.date.fromisoformat(a) - dt.date.fromisoformat(b)).days


def dates_in(text: str, default_year: int | None, ref: str | None = None) -> list[str]:
    """ISO dates written in a text ("2026-03-17", "17 March 2026", "Mar 17", "(14 Oct)"), in order.

    A date without a year takes `default_year`, or with `ref` (an ISO date) the year that puts it nearest."""
    found: list[tuple[int, str]] = []
    for m in _ISO.finditer(text):
        if (d := _iso(int(m.group(1)), int(m.group(2)), int(m.group(3)))):
            found.append((m.start(), d))
    for m in _DMY.finditer(text):
        d = (_iso(int(m.group(3)), _month(m.group(2)), int(m.group(1))) if m.group(3)
             else _near(default_year, _month(m.group(2)), int(m.group(1)), ref))
        if d:
            found.append((m.start(), d))
    for m in _DOTTED.finditer(text):
        day, month, year = (m.group(1, 2, 3) if m.group(1) else m.group(4, 5, 6))
        if (d := _iso(int(year) if len(year) == 4 else 2000 + int(year), int(month), int(day))):
            found.append((m.start(), d))
    for m in _MDY.finditer(text):
        d = (_iso(int(m.group(3)), _month(m.group(1)), int(m.group(2))) if m.group(3)
             else _near(default_year, _month(m.group(1)), int(m.group(2)), ref))
        if d:
            found.append((m.start(), d))
    return [d for _, d in sorted(found)]


def _month(name: str) -> int:
    s = name.lower().rstrip(".")
    return _MONTHS.get(s, _MONTHS.get(s[:3], 0))


def statement_date(sentence: str, chunk_text: str, offset: int, note_date: str | None) -> str | None:
    """When a statement was made or took effect: its own date, a dated line above it, else the note's date.

    Used when no stored chunk dates are at hand (graph.edges.statement_dates uses ingest's).
    """
    year = int(note_date[:4]) if note_date and note_date[:4].isdigit() else None
    head = sentence.lstrip("#*-• >|\t[]x")[:40]
    if head[:1].isdigit() or head[:3].lower() in _DAY_STARTS:
        own = dates_in(head, year, note_date)
        if own:
            return own[0]  # a log line or table row: "17 Mar 2026 | Bisoprolol increased ..."
    # "From 1 February 2026: £42", "starting Monday 12 January": the date it takes effect
    m = _EFFECTIVE.search(sentence)
    if m:
        eff = dates_in(sentence[m.end():m.end() + 40], year, note_date)
        if eff:
            return eff[0]
    # the nearest line above that starts with a date (journal entries, logs, dated headings)
    for line in reversed(chunk_text[:offset].split("\n")[-40:]):
        head = line.lstrip("#*-• >|\t")[:40]
        if head[:1].isdigit() or head[:3].lower() in _DAY_STARTS:
            ds = dates_in(head, year, note_date)
            if ds:
                return ds[0]
    # "since Tuesday 24 February", "(14 Oct)": a past date in the sentence says when it took effect
    past = [d for d in dates_in(sentence, year, note_date) if not note_date or d <= note_date]
    if past and note_date:
        return max(past)
    return note_date


_CARRY = re.compile(r"(?<![\w.:/£$€-])(\d+(?:[.,]\d+)?)\s*(?:to|–|—|-|→)\s*(?=\d)")
"""A number followed by "to" / a dash and a second number: "from 50 to 46 °C", "100–270 mm"."""


_GROUPED = re.compile(r"(R\$|€|CHF|Fr\.)[ \u00a0\u202f]?(\d{1,3}(?:[.\u00a0\u202f ]\d{3})+(?:,\d{1,2})?|\d+,\d{1,2})(?!\d|[.,]\d)")
"""A currency before an amount written the continental way ("R$ 1.234,56", "€ 12,50"): dots or spaces group
thousands, the comma is the decimal point."""
_EURO = re.compile(r"(?<![\w.,])(\d{1,3}(?:[ \u00a0\u202f.,]\d{3})+|\d+)(?:[.,](\d{1,2})|,[-–]{1,2})?[ \u00a0\u202f]?"
                   r"(?:€|EUR\b|[Ee]uros?\b)")
"""An amount with the euro after it ("120 €", "1 150,00 €", "2.340 EUR"): how French, German, Spanish, Italian,
Dutch and Portuguese write prices (thousands grouped by spaces or dots, a decimal comma)."""
_HOUR_RANGE = re.compile(r"(?<![\w.:])([01]?\d|2[0-3])\s?h\s?([0-5]\d)?\s?[–—-]\s?([01]?\d|2[0-3])\s?h\s?([0-5]\d)?(?!\w)")
_HOUR_MIN = re.compile(r"(?<![\w.:])([01]?\d|2[0-3])\s?h\s?([0-5]\d)(?!\w)")
_HOUR = re.compile(r"(?<![\w.:])([01]?\d|2[0-3])\s?h(?!\w)")
_CLOCK_WORD = re.compile(r"(?<![\w.:])([01]?\d|2[0-3])(?:[:.]([0-5]\d))?\s?(?:Uhr|uur)\b", re.I)
"""A clock time as French ("20h15", "8h–19h"), German ("19.30 Uhr") and Dutch ("19.30 uur") write it."""
_AT_HOUR = re.compile(r"\b(?:à|vers|dès|jusqu'à|avant|après|um|gegen|ab|bis|às|las|alle|ore)\s*$", re.I)
"""What says a bare "14h" is a time of day ("à 14h", "mercredi 14h"), not fourteen hours."""
_DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
FOREIGN = True
"""Read weekdays, dates, clock times and euro amounts as the other languages of ingest/dates.py write them."""


def _foreign_weekdays() -> re.Pattern[str]:
    """Full weekday names of the other languages (dateparser's tables, accent-folded); "segunda", "quinta"...
    only with "-feira" (alone they are ordinals)."""
    _, weekdays = _ingest_dates._vocabulary()
    names = [t for t in weekdays if len(t) >= 5 and t not in _ENGLISH_DAYS
             and t not in _ORDINAL_DAYS]
    return re.compile(r"(?<![\w-])(?:" + "|".join(sorted(map(re.escape, names), key=len, reverse=True))
                      + r")s?(?![\w-])")


def foreign_day_names() -> re.Pattern[str]:
    """The other languages' weekday names (on accent-folded text; see ingest.dates._fold_keep)."""
    if not _FOREIGN_DAYS:
        _FOREIGN_DAYS.append(_foreign_weekdays())
    return _FOREIGN_DAYS[0]


def foreign_month_names() -> re.Pattern[str]:
    """Month names and abbreviations of the other languages (accent-folded): only a text holding one, or a
    numeric date, is searched for dates the English pattern cannot read."""
    if not _FOREIGN_MONTHS:
        months, _ = _ingest_dates._vocabulary()
        english = {m for m in months if _MONTH_RE_EN.fullmatch(m)}
        names = sorted((m for m in months if m not in english), key=len, reverse=True)
        _FOREIGN_MONTHS.append(re.compile(r"\b(?:" + "|".join(map(re.escape, names)) + r")\b"))
    return _FOREIGN_MONTHS[0]


_FOREIGN_MONTHS: list[re.Pattern[str]] = []
_NUMERIC_DATE = re.compile(r"\d[/.]\d")
_ENGLISH_DAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "tues"})
_ORDINAL_DAYS = frozenset({"segunda", "terca", "quarta", "quinta", "sexta"})
_FOREIGN_DAYS: list[re.Pattern[str]] = []


def _foreign_slots(text: str, taken: bytearray, spans: list[tuple[int, int]],
                   carried: dict[str, list[str]]) -> None:
    """Values written as the other languages write them, claimed before the English patterns run."""

    def claim(a: int, b: int, kind: str, value: str) -> None:
        if any(taken[a:b]):
            return
        taken[a:b] = b"\x01" * (b - a)
        spans.append((a, b))
        carried.setdefault(kind, []).append(value)

    for m in _GROUPED.finditer(text):
        whole, _, cents = re.sub(r"[.\u00a0\u202f ]", "", m.group(2)).partition(",")
        cents = cents.ljust(2, "0") if cents else ""
        claim(m.start(), m.end(), "money", m.group(1).lower() + whole + ("." + cents if cents and cents != "00" else ""))
    for m in _EURO.finditer(text):
        whole = re.sub(r"[ \u00a0\u202f.,]", "", m.group(1))
        cents = (m.group(2) or "").ljust(2, "0") if m.group(2) else ""
        claim(m.start(), m.end(), "money", "€" + whole + ("." + cents if cents and cents != "00" else ""))
    for m in _HOUR_RANGE.finditer(text):
        if not any(taken[m.start():m.end()]):
            claim(m.start(), m.end(), "time", f"{int(m.group(1))}:{m.group(2) or '00'}")
            carried["time"].append(f"{int(m.group(3))}:{m.group(4) or '00'}")
    for m in _CLOCK_WORD.finditer(text):
        claim(m.start(), m.end(), "time", f"{int(m.group(1))}:{m.group(2) or '00'}")
    days = foreign_day_names()
    folded = _ingest_dates._fold_keep(text)
    for m in days.finditer(folded):
        n = _ingest_dates.weekday_number(m.group(0).rstrip("s"))  # "montags", "mardis"
        if n is None:
            n = _ingest_dates.weekday_number(m.group(0))  # "martes", "lunes" end in s
        if n is not None:
            claim(m.start(), m.end(), "weekday", _DAY_NAMES[n])
    for pattern in (_HOUR_MIN, _HOUR):
        for m in pattern.finditer(text):
            # "à 18h30", "mercredi 14h": a time of day; "1h40 de route", "6h30 door to door": a duration
            before = folded[max(0, m.start() - 16):m.start()]
            if _AT_HOUR.search(text[max(0, m.start() - 16):m.start()]) or days.search(before.rstrip()[-12:]):
                minutes = m.group(2) if pattern is _HOUR_MIN else "00"
                claim(m.start(), m.end(), "time", f"{int(m.group(1))}:{minutes}")
    if _DIGIT.search(text) and (_NUMERIC_DATE.search(text) or foreign_month_names().search(folded)):
        for d in _ingest_dates.find_dates(text, _dt_context()):
            if d.precision != "day":
                continue
            a = d.start
            while a < d.end and not text[a].isdigit():
                a += 1  # "samedi 20 juin": the weekday is a value of its own
            if a >= d.end or SLOT_PATTERNS["date"].search(text, a, d.end):
                continue  # English dates are read by the date pattern below
            if not _MONTH_SHOWN.search(text, a, d.end):
                continue  # "Fri 21", "Tue 4": a day of a month the sentence does not name
            claim(a, d.end, "date", d.day.isoformat() if d.year_given else "--" + d.day.isoformat()[5:])


_DIGIT = re.compile(r"\d")
_SPACE = re.compile(r"\s")
_MONTH_SHOWN = re.compile(r"[^\W\d_]{3,}|\d[/.]\d")
_DECIMAL_COMMA = re.compile(r"(?<=\d),(?=\d{1,2}(?!\d))")


def _dt_context() -> dt.date:
    return dt.date(2000, 1, 1)  # year-less dates are compared by month and day only ("--06-20")


def values_in(text: str) -> dict[str, tuple[str, ...]]:
    """The values a text states, by kind (as statements store them: "tue", "10:00", "£42")."""
    return _slots(text)[0]


def _slots(text: str) -> tuple[dict[str, tuple[str, ...]], list[tuple[int, int]]]:
    slots: dict[str, tuple[str, ...]] = {}
    spans: list[tuple[int, int]] = []
    taken = bytearray(len(text))
    carried: dict[str, list[str]] = {}
    if FOREIGN:
        _foreign_slots(text, taken, spans, carried)
    for m in _CARRY.finditer(text):
        # "from 50 to 46 °C", "100–270 mm": the first number is in the second one's unit
        tail = SLOT_PATTERNS["quantity"].match(text, m.end())
        if tail:
            unit = re.sub(r"^[\d.,\s]+", "", tail.group(0))
            carried.setdefault("quantity", []).append(_norm_value("quantity", m.group(1) + unit))
            taken[m.start(1):m.end(1)] = b"\x01" * (m.end(1) - m.start(1))
            spans.append((m.start(1), m.end(1)))
    for kind, pattern in SLOT_PATTERNS.items():
        values = list(carried.get(kind, ()))
        for m in pattern.finditer(text):
            if any(taken[m.start():m.end()]):
                continue
            taken[m.start():m.end()] = b"\x01" * (m.end() - m.start())
            values.append(_norm_value(kind, m.group(0)))
            if kind != "frequency":  # "weekly sync": the frequency is also what the subject is called
                spans.append((m.start(), m.end()))
        if values:
            slots[kind] = tuple(dict.fromkeys(values))
    return slots, spans


def _norm_value(kind: str, value: str) -> str:
    v = " ".join(value.lower().split())
    if FOREIGN and kind in ("quantity", "percent", "number"):
        v = _DECIMAL_COMMA.sub(".", v)  # "23,5 kg" is 23.5 kg; "1,500 km" stays 1500 km
    v = v.replace(",", "")
    if kind == "date":
        iso = dates_in(value, 1)  # year 1 marks "no year written": compared by month and day only
        if iso:
            return iso[0] if not iso[0].startswith("0001-") else "--" + iso[0][5:]
    if kind == "weekday":
        return v[:3]
    if kind == "time":
        return v.replace(".", ":").replace(" ", "")
    if kind in ("money", "quantity"):
        return v.replace(" ", "").removesuffix(".00")
    return v


def _stem(word: str) -> str:
    w = word.lower().replace("’", "'").removesuffix("'s")
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
        return w[:-1]
    return w


_SUFFIXES = (("ations", 4), ("ation", 4), ("ions", 4), ("ion", 4), ("ings", 4), ("ing", 4), ("ed", 3))


def stem(word: str) -> str:
    """A light stem that maps "installation", "installed", "install" and "moves", "moved", "move" together;
    idempotent, so stored terms can be stemmed again."""
    w = _stem(word)
    for suffix, keep in _SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= keep:
            w = w[: -len(suffix)]
            break
    if len(w) >= 4 and w.endswith("e"):
        w = w[:-1]
    return w


def subject_terms(text: str, spans: list[tuple[int, int]], lang: str | None = None) -> tuple[str, ...]:
    """Content words outside the value spans, stemmed lightly, in order, without duplicates. `lang`: the
    text's language, whose stop words are left out too (English ones always are)."""
    masked = list(text)
    other = _stopwords(lang)
    if other:  # a one-word change cue ("steigt", "devient", "remplace") says what happened, not to what
        spans = [*spans, *(m.span() for m in _WEAK_ELSEWHERE.finditer(text) if not _SPACE.search(m.group(0)))]
    for a, b in spans:
        masked[a:b] = " " * (b - a)
    out: dict[str, None] = {}
    for m in _WORD.finditer("".join(masked)):
        if IDENTIFIER.fullmatch(m.group(0)):
            out["#" + m.group(0).lower()] = None  # a record's identifier: one term, marked as such
            continue
        word = _ELISION.sub("", m.group(0)) if other else m.group(0)
        for part in word.split("-"):  # "kick-off" and "kick off" share their words
            light, w = _stem(part), stem(part)
            if len(w) >= 3 and light not in _STOP and light not in _EXTRA_STOP and not w.isdigit() \
                    and not (other and (part.lower() in other or _ingest_dates._fold(part) in other)):
                out[w] = None
    return tuple(out)


@lru_cache(maxsize=16)
def _stopwords(lang: str | None) -> frozenset[str]:
    """The Snowball stop words of a language other than English (empty for English and unknown languages)."""
    if not lang or lang == "en" or lang not in STOPWORDS:
        return frozenset()
    months, weekdays = _ingest_dates._vocabulary()
    # month and day names say when, not what (English ones stay terms, as the English benchmarks were tuned)
    calendar = frozenset(t for t in (*months, *weekdays) if len(t) >= 4)
    return frozenset(STOPWORDS[lang].split()) | _OTHER_STOP.get(lang, frozenset()) | calendar | _UNIT_WORDS


_UNIT_WORDS = frozenset("""jour jours semaine semaines mois année années ans heure heures minute minutes
tag tage woche wochen monat monate jahr jahre stunde stunden minuten día días semana semanas mes meses año años
hora horas dia dias ano anos giorno giorni settimana settimane mese mesi anno anni ora ore dag dagen week weken
maand maanden jaar jaren uur""".split())
"""Calendar units in the other languages ("650 €/mois", "zweimal pro Woche"): what a value is counted in, not
what it is about."""
_OTHER_STOP: dict[str, frozenset[str]] = {
    "fr": frozenset("plus très tout tous toute toutes comme aussi encore après avant depuis chez sans sous vers "
                    "alors donc puis bien fait faire peu trop déjà cette cet partir dès jusqu jusque désormais "
                    "maintenant nouveau nouvel nouvelle nouveaux nouvelles passe passé passée passent passer "
                    "reste remplace augmente baisse décalé reporté déplacé changé".split()),
    "de": frozenset("mehr sehr schon noch jetzt immer wieder dann also nur ganz neu neue neuer neues neuen "
                    "seit statt bisher früher ab verschoben erhöht gesenkt geändert verlegt".split()),
    "es": frozenset("más muy ya aún todavía después antes ahora nuevo nueva nuevos nuevas partir pasa "
                    "pasó cambió subió bajó".split()),
    "pt": frozenset("mais muito ainda depois antes agora novo nova novos novas partir passa passou mudou "
                    "subiu baixou".split()),
    "it": frozenset("più molto ancora dopo prima già ora adesso nuovo nuova nuovi nuove partire passa "
                    "passato".split()),
    "nl": frozenset("meer zeer nog al dan nu nieuw nieuwe vanaf sinds voortaan".split()),
}
"""Function words the Snowball lists leave out (they list pronouns and auxiliaries, not adverbs)."""


_ITEM_START = re.compile(r"[ \t]*(?:[-*+•>|#]|\d+[.)]\s|\d{1,4}[-/ ]|(?:mon|tue|wed|thu|fri|sat|sun)\w*\b)", re.I)


def _pieces(text: str) -> list[str]:
    """Sentences, list items, table rows and log lines; hard-wrapped lines (PDF text, wrapped prose) are
    joined back into their sentence."""
    lines = text.split("\n")
    width = max((len(x.strip()) for x in lines), default=0)
    segments: list[str] = []
    for line in lines:
        prev = segments[-1].rsplit("\n", 1)[-1] if segments else ""
        if (prev.strip() and line.strip() and not _ITEM_START.match(line)
                and not prev.rstrip().endswith((".", "!", "?", ":", ";", "|", "**")) and _continues(prev, line, width)):
            segments[-1] += "\n" + line
        else:
            segments.append(line)
    out: list[str] = []
    for segment in segments:
        if segment.lstrip().startswith("|"):
            out.append(segment)  # a table row is one statement, whatever its cells say
            continue
        parts = _SENTENCE.split(segment)
        if FOREIGN and len(parts) > 1:
            parts = _join_ordinal_dates(segment, parts)
        if PRIOR_JOINS and len(parts) > 1:
            parts = _join_prior(segment, parts)
        out += parts
    return out


_ORDINAL_END = re.compile(r"(?<![\d.])\d{1,2}\.[\"”')\]*_]*$")
_FIRST_WORD = re.compile(r"[\"“(\[*_]*([^\W\d_]+)")


def _join_ordinal_dates(segment: str, parts: list[str]) -> list[str]:
    """German and Nordic dates write the day as an ordinal with a dot ("ab dem 1. März", "am 4. Juni 2026"):
    that dot ends no sentence."""
    out: list[str] = []
    starts: list[int] = []
    at = 0
    for part in parts:
        pos = segment.find(part, at)
        pos = at if pos < 0 else pos
        at = pos + len(part)
        first = _FIRST_WORD.match(part)
        if out and _ORDINAL_END.search(out[-1].rstrip()) and first \
                and _ingest_dates.month_number(first.group(1)) is not None and len(first.group(1)) >= 3:
            out[-1] = segment[starts[-1]:at]
            continue
        out.append(part)
        starts.append(pos)
    return out


NAMES = True
"""Read a name given as a value ("Contact: Sam Reid", "the coordinator is now Ana Ruiz", "chair: Ben → Ruth",
"remplace Nadia Haddad"), so that a changed person, venue or supplier compares like a changed price."""
_UP = r"[^\W\d_a-zß-ÿ]"
_NAME = (rf"(?:(?:Dr|Mme|Mlle|Mr|Mrs|Ms|Frau|Herr|Prof|Sra?|Dott)\.?\s+)?{_UP}[^\W\d_]+"
         rf"(?:[ -](?:(?:de|da|van|von|der|le|la|du|di)\s)?{_UP}[^\W\d_]+){{0,2}}")
_NOW = (r"(?:is|are|was|becomes|became)\s+now|now|est\s+(?:désormais|maintenant)|c['’]est\s+(?:désormais|maintenant)|"
        r"ist\s+(?:jetzt|nun|ab\s+sofort)|es\s+ahora|é\s+agora|è\s+ora|is\s+nu|took\s+over|takes\s+over|"
        r"has\s+taken\s+over|übernimmt|reprend|toma\s+el\s+relevo|subentra|neemt\s+over")
_REPLACES = (r"replac(?:es|ed|ing)|in\s+place\s+of|instead\s+of|remplac(?:e|é|ée|ant|ante)|à\s+la\s+place\s+de|"
             r"ersetzt|statt|anstelle\s+von|Nachfolger(?:in)?\s+von|reemplaza|sustituye|en\s+lugar\s+de|"
             r"substitui|em\s+vez\s+de|sostituisce|al\s+posto\s+di|vervangt|in\s+plaats\s+van")
_NEW = r"new|nouve(?:au|l|lle)|neue[rsn]?|nuev[oa]|nov[oa]|nuov[oa]|nieuwe?"
_LABEL = r"[^\W\d_][\w'’-]*(?:\s+[\w'’-]+){0,3}?"
_NAME_FORMS = re.compile(
    rf"(?P<arrow>(?P<was>{_NAME})\s*(?:→|->|=>)\s*(?P<now1>{_NAME}))"
    rf"|(?:\b(?:{_NOW})\s+(?:(?:the|our|my|le|la|notre|ma|mon|der|die|unser\w*|el|o|a|il|de)\s+)?(?P<now2>{_NAME}))"
    rf"|(?:\b(?:{_REPLACES})\s+(?:(?:the|le|la|der|die|el|o|a|il|de)\s+)?(?P<old>{_NAME}))"
    rf"|(?:^[\s\-*•>]*(?:\b(?:{_NEW})\s+)?{_LABEL}\s*:\s*(?P<value>{_NAME})\s*(?=(?:\([^()\n]*\)\s*)?(?:$|[;—–.])|\s-\s|"
    rf"\s(?:from|since|until|as\s+of|depuis|jusqu|à\s+partir|ab|seit|bis|desde|hasta|a\s+partir|dal|fino|vanaf|tot)\b))",
    re.M)


def name_values(text: str) -> tuple[tuple[str, ...], list[tuple[int, int]]]:
    """Names a statement gives as its value, and their spans: the value of a "label: Name" line, the name after
    "is now" / "took over" (in each language of change_words), both sides of "A → B" and the name after "replaces".
    A replaced name is stored with a leading "-" ("-nadia haddad"): said, but as what is no longer so."""
    plain = text.replace("**", "  ").replace("__", "  ")
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    for m in _NAME_FORMS.finditer(plain):
        for group, prefix in (("was", "-"), ("now1", ""), ("now2", ""), ("old", "-"), ("value", "")):
            if m.group(group):
                name = " ".join(m.group(group).split())
                if len(name) < 3 or name.lower() in _STOP or name.lower() in _EXTRA_STOP:
                    continue
                out.append(prefix + name.casefold())
                spans.append(m.span(group))
    values = tuple(dict.fromkeys(out))
    return (values, spans) if len(values) <= 3 else ((), [])


PRIOR_JOINS = True
"""A short sentence that only says what a value replaced ("Car insurance renewal: £538! Was £412.") belongs to
the sentence before it: together they state a change."""
_PRIOR = re.compile(r"[\s*_(]*(?:was|were|previously|formerly|(?:up|down) from)\b", re.I)
PRIOR_MAX = 40


def _join_prior(segment: str, parts: list[str]) -> list[str]:
    out: list[str] = []
    at = 0
    starts: list[int] = []
    for part in parts:
        pos = segment.find(part, at)
        pos = at if pos < 0 else pos
        at = pos + len(part)
        if out and len(part.strip()) <= PRIOR_MAX and _PRIOR.match(part) and SLOT_VALUE.search(part):
            out[-1] = segment[starts[-1]:at]
            continue
        out.append(part)
        starts.append(pos)
    return out


WRAPPED = True
"""A line of at least WRAP_MIN characters (and WRAP_SHARE of the text's longest line) that ends without closing
punctuation goes on in the next line when that starts no item: hard wrapping (PDF text, prose wrapped at a
width; "Revised completion date: Friday 19" / "June 2026, weather permitting."). Shorter lines keep their own
statements (a label line above a value, a table row)."""
WRAP_MIN = 50
WRAP_SHARE = 0.8
COLUMN_ROWS = True
"""A line whose fields are aligned by runs of spaces (a plain-text table: "broadband    £31.40   (was £29)") is
a row of its own, even when indented and lower case (which otherwise continues the line above)."""
_COLUMNS = re.compile(r"\S(?: {3,}|\t+)\S")
_SENTENCE = re.compile(r"(?<=[.!?])[\"”')\]*_]*[ \t]+(?=[\"“(\[]*[A-Z0-9*_])")
"""Where a sentence ends inside a line (also after closing emphasis: "… from April 2026.** Juniors …")."""
_INDENTED = re.compile(r"[ \t]+[a-z(]")


def _continues(prev: str, line: str, width: int) -> bool:
    """Whether `line` goes on with the sentence of the line above it (no item start, no closing punctuation)."""
    if COLUMN_ROWS and (_COLUMNS.search(line) or _COLUMNS.search(prev)):
        return False
    if _INDENTED.match(line):
        return True  # an indented lower-case line continues the one above
    return WRAPPED and len(prev.strip()) >= max(WRAP_MIN, WRAP_SHARE * width) and bool(
        _MID_SENTENCE.search(prev) or _GOES_ON.match(line))


_MID_SENTENCE = re.compile(r"(?:\d|[,(–-]|\b[^\W\d_]{1,3}(?<![A-Z]))\s*$")
"""A line cut mid-sentence ends on a number, a comma or a short lower-case word ("… Friday 19", "… for the")."""
_GOES_ON = re.compile(r"\s*[^\W\d_](?<=[a-zß-ÿ])")
"""...or the next line goes on in lower case."""


CONTEXT_MARK = "^"
"""Marks a stored statement term that comes from the heading or label line above it (Statement.context)."""
_HEADED = re.compile(r"#{1,6}\s|[^\W\d_][^:\n]{0,60}:\s*(?:\*\*|__)?$")
"""A heading line inside a chunk, or a label line ending in a colon ("Rent:"): what the lines below are about."""
SECTIONS = True
"""Keep the words of the heading or label line above each statement (Statement.context): two statements under
one heading of one note are about the heading's subject even when they share no word of their own."""
BORROW_BELOW = 1
"""A statement with fewer subject words than this borrows those of the label line above it or of its
heading ("Kit's football" above "From Sunday 11 January it's Sundays 10:00–11:00am")."""


def statements(chunk_text: str, note_date: str | None, heading: str | None = None,
               lang: str | None = None, place: str | None = None) -> list[Statement]:
    """Sentences, list items and table rows of a chunk that state at least one value. `heading`: the
    innermost heading above the chunk (chunk texts leave headings out); `lang`: the chunk's language; `place`:
    the note's title and the headings above the chunk (the subject its statements may leave out)."""
    out: list[Statement] = []
    pos = 0
    label: tuple[str, ...] = subject_terms(clean_text(heading), [], lang) if heading else ()
    where = subject_terms(clean_text(place), [], lang) if place and SECTIONS else label
    inline: tuple[str, ...] = ()
    for piece in _pieces(chunk_text):
        start = chunk_text.find(piece, pos)
        pos = start + len(piece) if start >= 0 else pos
        raw = piece.strip()
        if SECTIONS and _HEADED.match(raw):
            inline = subject_terms(clean_text(raw), [], lang)  # "### Subs" in a chunk that holds two sections
        if len(raw) < 12 or raw.startswith(("```", "~~~")):
            if raw and not raw.startswith(("```", "~~~")) and subject_terms(clean_text(raw), [], lang):
                label = subject_terms(clean_text(raw), [], lang)
            continue
        raw = raw[:MAX_STATEMENT_CHARS]
        prose = clean_text(raw)
        slots, spans = _slots(prose)
        if NAMES:
            named, name_spans = name_values(prose)
            if named:
                slots["name"] = named
                spans += name_spans
        informative = {k: v for k, v in slots.items() if k != "number"}
        if not informative and "number" not in slots:
            if len(raw) <= 80 and not raw.startswith("|"):
                label = subject_terms(prose, [], lang)  # a label line ("Kit's football:") names what follows
            continue
        terms = subject_terms(prose, spans, lang)
        if len(terms) < BORROW_BELOW and label:
            terms = tuple(dict.fromkeys((*terms, *label)))
        context = tuple(t for t in dict.fromkeys((*where, *inline)) if t not in terms) if SECTIONS else ()
        if not terms:
            continue
        off = max(start, 0) + (len(piece) - len(piece.lstrip()))
        when = statement_date(raw, chunk_text, off, note_date)
        if "date" in slots and when:
            # the date a log line starts with dates the statement; it is not what the statement says
            lead = dates_in(prose.lstrip("#*-• >|\t[]x")[:20], int(when[:4]), when)
            kept = tuple(v for v in slots["date"] if not (lead and v in (lead[0], "--" + lead[0][5:])))
            if kept:
                slots["date"] = kept
            else:
                slots.pop("date")
        if not any(k != "number" for k in slots) and "number" not in slots:
            continue
        out.append(Statement(text=raw, terms=terms, slots=slots, cue=bool(_CUE.search(prose) or (FOREIGN and _WEAK_ELSEWHERE.search(prose))), date=when,
                             start=off, context=context))
        if len(out) >= MAX_STATEMENTS_PER_CHUNK:
            break
    return out
