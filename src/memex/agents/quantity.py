"""Values in statements that are not the value asked for, and questions that ask for the largest or smallest.

Two things the answer-kind signal (agents/answer_type.py) cannot see on its own:

- a **bound** is not a value: "Target: finish under 5 hours", "Gold under 4:00:00", "revised to sub-2:00" state
  a limit or a goal, not what happened, so they offer a duration only weakly to "What was my time in the
  Howardian 100?" — unless the question itself asks about a limit ("What's my target time?", "the maximum
  flow temperature"). A rise is not a bound: "going up to £925 a month" is the new rent;
- a **superlative** question ("What was the highest reading in my log?", "my longest ride") asks for the row
  of a log or table whose value is the extreme one, which no single row says it is.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from memex.agents.extractive import Candidate

_NUM = r"[£$€]?\s?\d[\d,.:/]*(?:\s?(?:k|km|kg|g|mg|ml|l|m|miles?|mi|%|°c|°|hours?|hrs?|h|mins?|minutes?|secs?|" \
       r"seconds?|days?|weeks?|months?|years?|pounds?|quid|bpm))?\b"
_BOUND = re.compile(rf"(?:\b(?:under|below|over|above|less than|more than|fewer than|at least|at most|(?<!going )(?<!goes )(?<!gone )(?<!went )(?<!go )(?<!put )(?<!rose )(?<!risen )(?<!rising )up to|"
                    rf"no more than|no less than|not more than|within|max(?:imum)?|min(?:imum)?|target(?:ed)?|aim(?:ing)?"
                    rf"(?: for)?|goal(?: of)?)\s*:?\s*|\bsub-?\s?|[<>≤≥]\s*|\+/-\s*){_NUM}|{_NUM}\s*(?:\+|or (?:more|less|"
                    rf"under|over|below|above)|max\b|min\b)", re.I)
_ASKS_BOUND = re.compile(r"\b(?:under|below|over|above|less|more|fewer|least|most|up to|within|max(?:imum)?|"
                         r"min(?:imum)?|target|aim|goal|limit|ceiling|cap|threshold|budget|allowance|standard|"
                         r"cut-?off|sub)\b", re.I)


def asks_bound(question: str) -> bool:
    """Does the question ask about a limit or a goal itself ("my target time", "the maximum temperature")?"""
    return bool(_ASKS_BOUND.search(question))


def without_bounds(sentence: str) -> str:
    """The statement with its bounds taken out ("finish under 5 hours" -> "finish"): what it says happened."""
    return _BOUND.sub(" ", sentence)


_SUPERLATIVE = {
    "highest": 1, "largest": 1, "biggest": 1, "longest": 1, "heaviest": 1, "furthest": 1, "farthest": 1,
    "most": 1, "maximum": 1, "peak": 1, "greatest": 1,
    "lowest": -1, "smallest": -1, "shortest": -1, "lightest": -1, "least": -1, "minimum": -1, "cheapest": -1,
}
"""Direction of the extreme a word asks for (0: depends on the measure, left alone)."""
_SUPER_Q = re.compile(r"\b(?:the|my|our|his|her|their)\s+(?:\w+\s+)?(" + "|".join(_SUPERLATIVE) + r")\b(?!\s+recent)", re.I)
_ROW_DATE = re.compile(r"^\s*(?:\d{4}-\d\d-\d\d|\d{1,2}\s+[A-Z][a-z]{2,8}\.?(?:\s+\d{4})?|[A-Z][a-z]{2,8}\s+\d{1,2}"
                       r"(?:,?\s+\d{4})?)\s*(?:[:—–-]|\|)\s*")
_VALUE = re.compile(r"(?<![\w.])\d[\d,]*(?:\.\d+)?")


def superlative(question: str) -> int:
    """+1 when the question asks for the largest ("the highest reading", "my longest ride"), -1 for the smallest,
    0 otherwise (a question that states its own bound, "over 80 km", is a filter, not an extreme)."""
    m = _SUPER_Q.search(question)
    return _SUPERLATIVE[m.group(1).lower()] if m else 0


_MEASURE_UNITS = {
    "longest": r"km|kilometres?|miles?|mi", "furthest": r"km|kilometres?|miles?|mi",
    "farthest": r"km|kilometres?|miles?|mi", "shortest": r"km|kilometres?|miles?|mi",
    "heaviest": r"kg|g|lbs?|st", "lightest": r"kg|g|lbs?|st",
}
"""The unit a superlative measures in, when the line gives several figures ("92 km, 3:49, 24.1, 1,150 m")."""


def row_value(text: str, word: str = "") -> float | None:
    """The figure of a dated log line that a superlative compares: after its date, the first one in the unit the
    word measures ("longest": km or miles), else the first one ("28 Dec: 156/98 — Galway" -> 156); None when the
    line is not a dated entry holding a figure."""
    m = _ROW_DATE.match(text)
    if not m:
        return None
    unit = _MEASURE_UNITS.get(word.lower())
    v = re.compile(rf"{_VALUE.pattern}(?=\s?(?:{unit})\b)", re.I).search(text, m.end()) if unit else None
    v = v or _VALUE.search(text, m.end())
    if not v:
        return None
    try:
        return float(v.group(0).replace(",", ""))
    except ValueError:
        return None


_EVENT_BOUND = re.compile(r"\b(before|after|since|until)\s+(?:the\s+|my\s+|our\s+)?([A-Z][\w'’-]*(?:\s+[A-Z0-9][\w'’-]*)*)")


def _within_event(question: str, rows: list[tuple[Candidate, float]]) -> list[tuple[Candidate, float]]:
    """Rows before (or after) the event the question names by a line of the same log ("my longest ride before
    the Howardian": the rows dated before the Howardian's own row)."""
    m = _EVENT_BOUND.search(question)
    if not m:
        return rows
    name = m.group(2).lower()
    days = sorted(str(c.unit.date) for c, _ in rows if c.unit.date and name in c.text.lower())
    if not days:
        return rows
    # The event's own row is its last mention for "before" (earlier rows prepare for it: "Full Howardian route
    # minus the last loop") and its first for "after".
    if m.group(1).lower() in ("before", "until"):
        return [(c, v) for c, v in rows if c.unit.date and str(c.unit.date) < days[-1]]
    return [(c, v) for c, v in rows if c.unit.date and str(c.unit.date) > days[0]]


def extreme_row(question: str, cands: Sequence[Candidate], margin: float = 0.1) -> Candidate | None:
    """For a superlative question, the dated log line with the extreme figure among the lines of the note whose
    line scored best — each line of a log records the same measure on another day, so the largest is found by
    comparing them, not by how well one line reads against the question. None when the question is not
    superlative or fewer than three lines of one log are in play."""
    sign = superlative(question)
    if not sign or not cands:
        return None
    word = _SUPER_Q.search(question).group(1)
    best = cands[0].score
    lead = next((c for c in cands if c.score >= best - margin and row_value(c.text) is not None), None)
    if lead is None:
        return None
    rows = [(c, row_value(c.text, word)) for c in cands
            if c.unit.hit.doc_id == lead.unit.hit.doc_id and c.kind != 0.0]
    rows = [(c, v) for c, v in rows if v is not None]
    if len(rows) < 3:
        return None
    rows = _within_event(question, rows)
    if not rows:
        return None
    return max(rows, key=lambda cv: (sign * cv[1], cv[0].score))[0]


DAY_MATCH = 0.1
"""Added, for ranking only, to a statement dated on the day (or in the month) the question names."""


def named_dates(question: str) -> list[tuple[str, str]]:
    """The days and months, with their year, that a question names ("on 22 November 2025" ->
    [("2025-11-22", "2025-11-22")]; "in January 2026" -> [("2026-01-01", "2026-01-31")]); years are too wide."""
    import calendar

    from memex.ingest.dates import find_dates

    out = []
    for mark in find_dates(question):
        if not mark.year_given or mark.precision not in ("day", "month"):
            continue
        if mark.precision == "month":
            last = calendar.monthrange(mark.day.year, mark.day.month)[1]
            out.append((mark.day.isoformat(), mark.day.replace(day=last).isoformat()))
        else:
            out.append((mark.day.isoformat(), mark.day.isoformat()))
    return out


def named_days(question: str) -> frozenset[str]:
    """The days a question names without a year ("el 14-ago", "on 19 October"), as "MM-DD": people leave the
    year out of questions about this year's notes, so a statement dated on that day in any year counts."""
    from memex.ingest.dates import find_dates

    return frozenset(f"{m.day.month:02d}-{m.day.day:02d}" for m in find_dates(question, _ANY_YEAR)
                     if not m.year_given and m.precision == "day")


def on_named_date(question: str, cands: Sequence[Candidate], margin: float = 0.1) -> list[Candidate]:
    """The candidates re-ranked so that, among those within `margin` of the best, a statement whose own date (a
    log row's date column, a dated entry) falls on the day or in the month the question names comes first:
    "How many items did I sell at the market on 22 November 2025?" is answered by the row dated 2025-11-22,
    not by the row that reads most like the question. Unchanged when the question names no day or month."""
    spans = named_dates(question)
    days = named_days(question)
    if not (spans or days) or not cands:
        return list(cands)
    best = cands[0].score

    def inside(c: Candidate) -> bool:
        d = str(c.unit.date or "")[:10]
        return c.unit.date_source == "text" and (any(lo <= d <= hi for lo, hi in spans) or d[5:] in days)

    head = [c for c in cands if c.score >= best - margin]
    tail = [c for c in cands if c.score < best - margin]
    head.sort(key=lambda c: -(c.score + (DAY_MATCH if inside(c) else 0.0)))
    return head + tail


_FIGURE = re.compile(r"[£$€]\s?\d[\d,]*(?:\.\d+)?|(?<![\d:])\d{1,2}:\d{2}(?::\d{2})?(?![\d:])|"
                     r"(?<![\d.,])\d[\d,]*(?:\.\d+)?\s?(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|"
                     r"months?|years?|km|kg|miles?|mg|ml|%)(?!\w)|"
                     r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,])|(?<![\d.,])\d+\.\d+(?![\d.])", re.I)
CORROBORATE_MARGIN = 0.25


def figures(text: str) -> set[str]:
    """The distinctive values a statement states — amounts, clock times and splits, figures with separators,
    decimals or units, and days of a month ("£46,800", "55:40", "11 seconds", "12-18") — normalised."""
    from memex.ingest.dates import find_dates

    out = {_UNIT_WORD.sub(lambda u: _UNIT_SHORT[u.group(0)[:3]], re.sub(r"[\s,£$€]", "", m.group(0)).lower())
           for m in _FIGURE.finditer(text)}
    return out | {f"{d.day.month:02d}-{d.day.day:02d}" for d in find_dates(text, _ANY_YEAR) if d.precision == "day"}


_UNIT_WORD = re.compile(r"(?<=\d)(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|miles?)$")
_UNIT_SHORT = {"sec": "s", "min": "min", "hou": "h", "hrs": "h", "hr": "h", "day": "d", "wee": "wk", "mon": "mo",
               "yea": "y", "mil": "mi"}


def corroborate(question: str, picked: Sequence[Candidate], cands: Sequence[Candidate]) -> Candidate | None:
    """A statement of another note that states the same value as the answer's first statement — the invoice
    behind a ledger row, the person's own note behind a diary line ("Born 18 December 2016" for "She'll be
    10 on 18 December") — so the answer cites where the value is kept, not only where it was mentioned. Only
    values the question does not already give count; None when no other note states one."""
    if not picked:
        return None
    wanted = figures(picked[0].text) - figures(question)
    if not wanted:
        return None
    docs = {c.unit.hit.doc_id for c in picked}
    floor = cands[0].score - CORROBORATE_MARGIN if cands else 0.0
    for c in cands:
        if c.score < floor:
            break
        if c.unit.hit.doc_id not in docs and figures(c.text) & wanted:
            return c
    return None


_ANY_YEAR = __import__("datetime").date(2000, 1, 1)
