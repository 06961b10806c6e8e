"""Readings for "now" questions (temporal-latest) beyond picking the latest dated statement (agents/compose.py).

- **A dated entry that opens a list** ("From Monday 12 January 2026: twice a day, seven days a week —" then
  "morning 8:00–8:45", "teatime 17:00–17:30") is the entry *and* its items: quoted alone it only says that there
  is a schedule. The latest entry and the one it replaced are both given with their items, so "lunchtime call
  added (12:30–13:00)" is read beside the calls it was added to.
- **A note written after the events it tells** (a year in review dated 31 December; a shortlist created in March
  whose rows are dated May and June): its statements that carry no date of their own are dated by the note, which
  says when it was written, not when what they say happened. When the note's own text dates all lie well before
  its date, such statements do not compete as the latest ("It took three viewings … a best-and-final", written on
  31 December, is no later news than the offer of 19 June).
- **How much a measure changed** ("How much weight have I lost since October 2025?"): no line states it; the
  log's first row of the period and its latest row do ("2025-10-06  94.2", "2026-12-07  86.5"), so the answer
  gives both, cited, and the difference between them ("Down 7.7: from 94.2 … to 86.5 …").
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from memex.agents import listed
from memex.agents.evidence import Unit
from memex.agents.extractive import Candidate, content_terms
from memex.ingest.dates import find_dates


def with_items(c: Candidate, units: Sequence[Unit], cands: Sequence[Candidate]) -> list[Candidate]:
    """The statement followed by the list items it opens (those that were scored), or the statement alone."""
    items = listed.items_after(c.unit, units)
    if not items:
        return [c]
    by_unit = {id(x.unit): x for x in cands}
    return [c, *(by_unit[id(u)] for u in items if id(u) in by_unit)]


CHANGE_MARGIN = 0.2
"""A statement that says from when something holds ("From 23 Feb I'm line managed by Rachel") competes for "now"
within this of the best, further down than others: it is the news a "now" question asks for."""
_FROM_WORDS = re.compile(
    r"\b(?:from|since|as of|starting|effective|desde|a partir del?|a partir de|depuis|à partir du|a partir du|dès|"
    r"ab|seit|zum|vom|dal|dalla|a partire dal|da|vanaf|sinds|per|met ingang van|"
    # An update dated where it is written says the state from that day: "Actualización 1-ene-2026: jornada 680 €".
    r"updated?|actualizaci[oó]n|actualizad[oa]|mise à jour|mis à jour|actualisée?|aktualisiert|aktualisierung|"
    r"stand|aggiornamento|aggiornat[oa]|bijgewerkt|atualiza[cç][aã]o|atualizad[oa])[ \t]*:?\s+"
    r"(?:(?:the|el|la|le|il|de|o|a)\s+)?$", re.I)
"""Words before a date that say from when a statement holds (or that it updates what held), in en, es, fr, de, it,
nl, pt."""


_RANGE_END = re.compile(r"^\s*(?:to|until|till|through|[–-]|hasta|al?|au|jusqu\w*|bis|fino al?|al|tot|até|a)\s", re.I)


def says_from(text: str) -> bool:
    """Does the statement say from when it holds ("From 23 Feb …", "… since 1 July 2026", "desde el 1 de julio")?
    "From 28 August to 18 September" is a span, not a new state."""
    return any(_FROM_WORDS.search(text[max(0, m.start - 20):m.start]) and not _RANGE_END.match(text[m.end:])
               for m in find_dates(text, dt.date(2000, 1, 1)))


def stated_changes(ranked: Sequence[tuple[Candidate, float]], top: float) -> list[Candidate]:
    """The statements within CHANGE_MARGIN of the best that say from when they hold and offer the asked kind."""
    return [c for c, v in ranked if v >= top - CHANGE_MARGIN and c.kind != 0.0 and says_from(c.unit.text)]


RETRO_DAYS = 45
"""A note dated this many days after the last date its text gives is an account written after the events."""
_NOTE_DATED = frozenset({"front matter", "file name", "updated", "properties"})


def _day(value: object) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def retrospective(cands: Sequence[Candidate]) -> set[int]:
    """The ids of statements dated only by their note where that note was written well after every date its
    retrieved text gives (a review, a summary): their date says when the account was written."""
    last: dict[object, dt.date] = {}
    for c in cands:
        days = [_day(c.unit.date)] if c.unit.date_source == "text" else []
        explain = c.unit.hit.explain or {}
        dates = explain.get("dates") or {}
        # A chunk's range counts its note's date for its undated lines: only the dates its text gives count here.
        days += [_day(v) for v in (dates.get("last"), dates.get("first")) if v and v != explain.get("note_date")]
        for d in days:
            if d is not None and (c.unit.hit.doc_id not in last or d > last[c.unit.hit.doc_id]):
                last[c.unit.hit.doc_id] = d
    out = set()
    for c in cands:
        when, told = _day(c.unit.date), last.get(c.unit.hit.doc_id)
        if c.unit.date_source in _NOTE_DATED and when and told and (when - told).days > RETRO_DAYS:
            out.add(id(c))
    return out


# "How much weight have I lost since October 2025?", "How far has my resting heart rate come down?": the change of
# one measure over a log, which no line states — the first row of the period against the latest one.
_CHANGE_Q = re.compile(
    r"^\s*(?:by\s+)?how (?:much|many|far)\b(?:\s+[\w'’-]+){0,6}?\s+(?:have|has|did|had)\s+(?:[\w'’-]+\s+){1,4}?"
    r"(?:lost|lose|gained|gain|put on|dropped|drop|fallen|fell|fall|risen|rose|rise|increased|increase|decreased|"
    r"decrease|gone (?:up|down)|go (?:up|down)|went (?:up|down)|come (?:down|up)|came (?:down|up)|changed|change|"
    r"improved|improve)\b", re.I)
_FIELDS = re.compile(r"(?:^|;\s)(?P<label>[^:;]{1,40}):\s(?P<value>[^;]*)")
_FIGURE = re.compile(r"(?<![\w.,:])-?\d[\d,]*(?:\.\d+)?(?![\d:/-])")
MIN_ROWS = 3
"""A log has at least this many dated rows of the measure in play."""


def asks_change(question: str) -> bool:
    """Does the question ask how much a measure changed ("How much weight have I lost since October 2025?")?"""
    return bool(_CHANGE_Q.search(question))


def measure(c: Candidate, asked: set[str] | frozenset[str]) -> float | None:
    """The figure a row records for the asked measure: the field whose label the question names ("Weight: 25.1
    kg" for "weight"), else the first figure after a log line's date ("2025-10-06  94.2  104" -> 94.2)."""
    fields = [(m.group("label"), m.group("value")) for m in _FIELDS.finditer(c.unit.text)]
    for label, value in fields:
        if content_terms(label) & asked:
            v = _FIGURE.search(value)
            return _number(v.group(0)) if v else None
    if fields:
        return None
    marks = find_dates(c.unit.text[:40])
    if not marks or marks[0].start > 3:  # not a log line that opens with its date
        return None
    v = _FIGURE.search(c.unit.text, marks[0].end)
    return _number(v.group(0)) if v else None


def _number(s: str) -> float | None:
    try:
        return float(s.replace(",", ""))
    except ValueError:
        return None


def change(question: str, cands: Sequence[Candidate], margin: float = 0.1) -> tuple[Candidate, Candidate, float] | None:
    """For a question that asks how much a measure changed: the first row of the period it names ("since October
    2025": from 1 October 2025; none named: the log's first row), the latest row, and the difference, read from
    the rows of the log (or table) whose row scored best. None for other questions or fewer than MIN_ROWS rows."""
    if not cands or not asks_change(question):
        return None
    asked = content_terms(question)
    best = cands[0].score
    lead = next((c for c in cands if c.score >= best - margin and _dated(c) and measure(c, asked) is not None), None)
    if lead is None:
        return None
    rows = [(c, measure(c, asked)) for c in cands if c.unit.hit.doc_id == lead.unit.hit.doc_id and _dated(c)]
    rows = [(c, v) for c, v in rows if v is not None]
    start = min((m.day.isoformat() for m in find_dates(question) if m.year_given), default="")
    rows = [(c, v) for c, v in rows if str(c.unit.date) >= start]
    if len({str(c.unit.date) for c, _ in rows}) < MIN_ROWS:
        return None
    first = min(rows, key=lambda cv: (str(cv[0].unit.date), -cv[0].score))
    last = max(rows, key=lambda cv: (str(cv[0].unit.date), cv[0].score))
    return first[0], last[0], last[1] - first[1]


def _dated(c: Candidate) -> bool:
    return bool(c.unit.date) and c.unit.date_source == "text"


def answer_change(question: str, cands: Sequence[Candidate]) -> object | None:
    """The extractive answer to "how much has <measure> changed": the difference, then the two rows it comes from
    (cited and dated); the support score stays the best statement's. None when `change` finds no log."""
    from memex.agents.compose import Composed
    from memex.agents.extractive import cite

    found = change(question, cands)
    if found is None:
        return None
    first, last, diff = found
    asked = content_terms(question)
    a, b = measure(first, asked) or 0.0, measure(last, asked) or 0.0
    places = max(_places(a), _places(b))
    way = "Down" if diff < 0 else "Up" if diff > 0 else "Unchanged"
    head = f"{way} {abs(diff):.{places}f}" if diff else way
    parts, citations = cite([first, last], dated=True, question=question)
    text = f"{head} (from {a:.{places}f} to {b:.{places}f}): {parts[0]} → {parts[1]}"
    return Composed(text, citations, cands[0].score, "temporal (change over a log)",
                    [f"{first.unit.date} → {last.unit.date}: {diff:+.{places}f}"], list(cands), [first, last],
                    cands[:1])


def _places(v: float) -> int:
    s = f"{v:.6f}".rstrip("0").rstrip(".")
    return len(s.split(".")[1]) if "." in s else 0
