"""Days written as feasts and calendar weeks: "Ostermontag", "3. Advent", "Semana Santa", "Pâques", "KW 41".

Movable feasts are computed from Easter Sunday (`dateutil.easter`, a dependency of `dateparser`), Advent Sundays
from Christmas, weeks by ISO 8601 (`date.fromisocalendar`); fixed feasts are a day of the year. The names are
the calendar vocabulary of en, es, fr, de, it, nl and pt, the languages `ingest.dates` reads (accent-folded,
lower case). `dateparser` parses none of them (checked: "Ostermontag 2026", "KW 41" and "Pâques" give None).
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from dateutil.easter import easter

from memex.language.fold import fold as _shared_fold

_MOVABLE: dict[int, tuple[str, ...]] = {
    -48: ("rosenmontag", "carnival monday", "lunes de carnaval", "lundi gras", "lunedi grasso", "carnavalsmaandag",
          "segunda-feira de carnaval"),
    -47: ("shrove tuesday", "pancake day", "mardi gras", "fastnacht", "faschingsdienstag", "martes de carnaval",
          "martedi grasso", "carnavalsdinsdag", "terca-feira de carnaval"),
    -46: ("ash wednesday", "aschermittwoch", "miercoles de ceniza", "mercredi des cendres", "mercoledi delle ceneri",
          "aswoensdag", "quarta-feira de cinzas"),
    -7: ("palm sunday", "palmsonntag", "domingo de ramos", "dimanche des rameaux", "rameaux", "domenica delle palme",
         "palmzondag", "palmpasen"),
    -3: ("maundy thursday", "holy thursday", "grundonnerstag", "jueves santo", "jeudi saint", "giovedi santo",
         "witte donderdag", "quinta-feira santa"),
    -2: ("good friday", "karfreitag", "viernes santo", "vendredi saint", "venerdi santo", "goede vrijdag",
         "sexta-feira santa", "sexta-feira da paixao"),
    -1: ("holy saturday", "easter saturday", "karsamstag", "sabado santo", "samedi saint", "sabato santo",
         "stille zaterdag", "paaszaterdag", "sabado de aleluia"),
    0: ("easter", "easter sunday", "easter day", "ostern", "ostersonntag", "domingo de pascua",
        "domingo de resurreccion", "pascua", "paques", "dimanche de paques", "pasqua", "domenica di pasqua",
        "pasen", "eerste paasdag", "paaszondag", "pascoa", "domingo de pascoa"),
    1: ("easter monday", "ostermontag", "lunes de pascua", "lundi de paques", "pasquetta", "lunedi dell'angelo",
        "lunedi di pasqua", "tweede paasdag", "paasmaandag", "segunda-feira de pascoa"),
    39: ("ascension day", "ascension", "christi himmelfahrt", "himmelfahrt", "jueves de la ascension", "ascension",
         "ascensione", "hemelvaartsdag", "hemelvaart", "ascensao", "dia da ascensao"),
    49: ("pentecost", "whitsunday", "whit sunday", "whitsun", "pfingsten", "pfingstsonntag", "pentecostes",
         "domingo de pentecostes", "pentecote", "dimanche de pentecote", "pentecoste", "pinksteren",
         "eerste pinksterdag", "pinksterzondag"),
    50: ("whit monday", "pfingstmontag", "lunes de pentecostes", "lundi de pentecote", "lunedi di pentecoste",
         "tweede pinksterdag", "pinkstermaandag", "segunda-feira de pentecostes"),
    60: ("corpus christi", "fronleichnam", "fete-dieu", "corpus domini", "sacramentsdag", "corpo de deus"),
}
"""Days from Easter Sunday, by the names of the feast."""

_HOLY_WEEK = ("holy week", "karwoche", "semana santa", "semaine sainte", "settimana santa", "goede week",
              "stille week")
"""Holy Week, dated by its Palm Sunday."""

_FIXED: dict[tuple[int, int], tuple[str, ...]] = {
    (1, 1): ("new year's day", "new year", "neujahr", "neujahrstag", "ano nuevo", "dia de ano nuevo", "jour de l'an",
             "nouvel an", "capodanno", "nieuwjaarsdag", "nieuwjaar", "ano novo", "dia de ano novo"),
    (1, 6): ("epiphany", "twelfth night", "heilige drei konige", "dreikonigstag", "dia de reyes", "reyes",
             "epiphanie", "epifania", "befana", "driekoningen", "dia de reis"),
    (5, 1): ("may day", "labour day", "tag der arbeit", "erster mai", "dia del trabajo", "fete du travail",
             "festa dei lavoratori", "dag van de arbeid", "dia do trabalhador"),
    (8, 15): ("assumption", "maria himmelfahrt", "mariae himmelfahrt", "asuncion", "assomption", "ferragosto",
              "maria-hemelvaart", "maria hemelvaart", "assuncao"),
    (10, 31): ("halloween", "reformationstag"),
    (11, 1): ("all saints' day", "all saints", "allerheiligen", "todos los santos", "dia de todos los santos",
              "toussaint", "ognissanti", "tutti i santi", "dia de todos os santos"),
    (11, 2): ("all souls' day", "allerseelen", "dia de difuntos", "dia de los muertos", "jour des morts",
              "commemorazione dei defunti", "allerzielen", "dia de finados"),
    (12, 24): ("christmas eve", "heiligabend", "heiliger abend", "nochebuena", "reveillon de noel", "vigilia di natale",
               "la vigilia", "kerstavond", "consoada", "vespera de natal"),
    (12, 25): ("christmas", "christmas day", "weihnachten", "erster weihnachtstag", "1. weihnachtstag",
               "navidad", "dia de navidad", "noel", "natale", "kerstmis", "kerst", "eerste kerstdag", "natal",
               "dia de natal"),
    (12, 26): ("boxing day", "st stephen's day", "zweiter weihnachtstag", "2. weihnachtstag", "stephanstag",
               "san esteban", "santo stefano", "tweede kerstdag", "lendemain de noel"),
    (12, 31): ("new year's eve", "hogmanay", "silvester", "nochevieja", "saint-sylvestre", "la saint-sylvestre",
               "san silvestro", "oudejaarsavond", "oudejaarsdag", "oudjaar", "oud en nieuw", "vespera de ano novo",
               "reveillon"),
    (4, 27): ("koningsdag",),
    (5, 5): ("bevrijdingsdag",),
    (6, 2): ("festa della repubblica",),
    (6, 10): ("dia de portugal",),
    (7, 14): ("fete nationale", "quatorze juillet"),
    (10, 3): ("tag der deutschen einheit",),
    (10, 12): ("dia de la hispanidad", "fiesta nacional de espana"),
    (11, 11): ("martinstag", "sankt martin", "sint-maarten", "sint maarten", "saint-martin", "san martino"),
    (12, 5): ("sinterklaasavond", "pakjesavond", "sinterklaas"),
    (12, 6): ("nikolaustag", "nikolaus", "saint-nicolas", "san nicola"),
}
"""Fixed feasts (and national days) by (month, day), in every language read."""

NAME_LIKE = frozenset({"nikolaus", "noel", "natal", "reyes", "silvester", "toussaint", "assumption", "ascension"})
"""Feast names that are also people's or places' names (or words): alone on a line they name no day."""

_SATURDAY_IF_SUNDAY = {(4, 27)}
"""Fixed days kept on the Saturday before when they fall on a Sunday (Koningsdag: 26 April 2025)."""

_ADVENT = r"(?:advent|adviento|avent|avvento|advento)"
_ORDINAL_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "erster": 1, "zweiter": 2, "dritter": 3,
                  "vierter": 4, "erste": 1, "zweite": 2, "dritte": 3, "vierte": 4, "primer": 1, "segundo": 2,
                  "tercer": 3, "cuarto": 4, "premier": 1, "deuxieme": 2, "troisieme": 3, "quatrieme": 4,
                  "prima": 1, "seconda": 2, "terza": 3, "quarta": 4, "eerste": 1, "tweede": 2, "derde": 3,
                  "vierde": 4, "primeiro": 1, "terceiro": 3, "quarto": 4}
# "Sunday of/in", "domingo de/do", "dimanche de l'", "domenica di/d'", "zondag van de" before the Advent word.
_ADVENT_SUNDAY = r"(?:sunday (?:of|in) |domingo d[eo] |dimanche de l'|domenica (?:di |d')|zondag van de )"
# Blanks are matched once between parts: adjacent optional `\s*` groups backtrack cubically on a run of blanks.
# "º"/"ª" need no alternative: `fold` turns them into "o"/"a"; "°" (a degree sign) it keeps.
_ADVENT_RE = re.compile(
    r"\b(?P<n>[1-4])(?:\.|st|nd|rd|th|er|e|eme|o|a|°)?[ \t]*(?:" + _ADVENT_SUNDAY + r"[ \t]*)?"
    + _ADVENT + r"(?:ssonntag|szondag|o)?\b"
    r"|\b(?P<w>" + "|".join(_ORDINAL_WORDS) + r")\s+" + _ADVENT_SUNDAY + r"?" + _ADVENT + r"(?:ssonntag|szondag)?\b")

_WEEK_RE = re.compile(r"\b(?:kw|kalenderwoche|week|wk|semaine|sem\.|semana|settimana|sett\.)\s*(?P<w>[0-5]?\d)\b"
                      r"(?:[ \t]*(?:(?:/|,|of|de|del|du|van|der|di|do)[ \t]*)?(?P<y>(?:19|20)\d\d))?")
"""A calendar week by number: "KW 41", "week 38", "semaine 41", "semana 12", "settimana 9"."""


def fold(text: str) -> str:
    """Lower case without accents ("Pâques" -> "paques"); the feast tables are written so."""
    return _shared_fold(text.replace("’", "'"), sharp_s=False)


@functools.lru_cache(maxsize=1)
def _names() -> tuple[re.Pattern[str], dict[str, tuple[str, int | tuple[int, int]]]]:
    """One pattern over every feast name (longest first) and what each names."""
    table: dict[str, tuple[str, int | tuple[int, int]]] = {}
    for offset, names in _MOVABLE.items():
        for n in names:
            table[n] = ("easter", offset)
    for n in _HOLY_WEEK:
        table[n] = ("week", -7)
    for md, names in _FIXED.items():
        for n in names:
            table.setdefault(n, ("fixed", md))
    alternation = "|".join(re.escape(n) for n in sorted(table, key=len, reverse=True))
    return re.compile(r"(?<![\w-])(?:" + alternation + r")(?![\w-])"), table


def _advent(n: int, year: int) -> dt.date:
    """The n-th Sunday of Advent: the fourth is the last Sunday before Christmas Day."""
    christmas = dt.date(year, 12, 25)
    back = (christmas.weekday() + 1) % 7 or 7
    return christmas - dt.timedelta(days=back + 7 * (4 - n))


def _day(kind: str, value: int | tuple[int, int], year: int) -> dt.date | None:
    if kind in ("easter", "week"):
        assert isinstance(value, int)
        return easter(year) + dt.timedelta(days=value)
    assert isinstance(value, tuple)
    day = dt.date(year, *value)
    if value in _SATURDAY_IF_SUNDAY and day.weekday() == 6:
        return day - dt.timedelta(days=1)
    return day


@dataclass(frozen=True)
class Feast:
    """A day named by a feast or a week in folded text: where, which day, and whether a year was written."""

    start: int
    end: int
    day: dt.date
    precision: str
    """"day" (a feast, an Advent Sunday) or "week" (a calendar week, Holy Week: its first day)."""
    year_given: bool


_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")


def find_feasts(folded: str, context: dt.date | None = None) -> list[Feast]:
    """Each feast, Advent Sunday or calendar week named in `folded` (see `fold`), its year the one written in the
    text, else `context`'s; none without either."""
    years = [int(m.group(1)) for m in _YEAR.finditer(folded)]
    written = years[0] if years else None
    year = written or (context.year if context else None)
    if year is None:
        return []
    out: list[Feast] = []
    for m in _WEEK_RE.finditer(folded):
        week, y = int(m.group("w")), int(m.group("y")) if m.group("y") else year
        try:
            day = dt.date.fromisocalendar(y, week, 1)
        except ValueError:
            continue
        out.append(Feast(m.start(), m.end(), day, "week", written is not None or m.group("y") is not None))
    for m in _ADVENT_RE.finditer(folded):
        n = int(m.group("n")) if m.group("n") else _ORDINAL_WORDS[m.group("w")]
        out.append(Feast(m.start(), m.end(), _advent(n, year), "day", written is not None))
    pattern, table = _names()
    for m in pattern.finditer(folded):
        if any(f.start <= m.start() < f.end for f in out):
            continue
        kind, value = table[m.group(0)]
        day = _day(kind, value, year)
        if day is not None:
            out.append(Feast(m.start(), m.end(), day, "week" if kind == "week" else "day", written is not None))
    return sorted(out, key=lambda f: f.start)
