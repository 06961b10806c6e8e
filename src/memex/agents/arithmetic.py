"""Simple arithmetic over facts the answer cites (issue 11: multi-hop answers that need a sum or a span).

- **span**: "How long did Dad have morning-only visits before the teatime calls were added?" asks for the time
  between two dated facts. The statement that best says the first state began (the earliest of those close to
  the best) and the first statement after it that best says the event that ended it are cited, each with its
  date, and the time between them is computed: "11 weeks, from 27 October 2025 to 12 January 2026: …".
- **total**: "How much was the whole contract worth …?" answered by "15 days over March–May, £450/day" gets the
  product the statement implies, cited to it: "15 days × £450 = £6,750 [2]". Only a count and a rate of the same
  unit (days and per day, hours and an hourly rate) in one statement are multiplied.
- **difference**: "How much over the home report valuation did we pay?" is led by the difference a quoted statement
  states, written in full ("£10k over home report" -> "£10,000 over the home report valuation [3]").

All only add a computed figure to what the notes say: the cited statements stay in the note's own words, so a
reader checks the arithmetic against them.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace

from memex.agents.compose import Composed
from memex.agents.evidence import Unit
from memex.agents.extractive import Candidate, cite, content_terms, score_units
from memex.embed.base import Embedder

_AUX = r"(?:did|was|were|had|has|have|is|are|does|do)"
_HOW_LONG = r"how\s+(?:long|many\s+(?:days|weeks|months|years))"
_SPAN_BEFORE = re.compile(rf"^\s*{_HOW_LONG}\s+{_AUX}\s+(?P<a>.+?)\s+(?:before|until|till)\s+(?P<b>.+?)\s*\??\s*$",
                          re.I)
_SPAN_BETWEEN = re.compile(rf"^\s*{_HOW_LONG}\s+(?:{_AUX}\s+)?(?:it\s+|there\s+)?(?:be\s+)?between\s+(?P<a>.+?)\s+and\s+"
                           r"(?P<b>.+?)\s*\??\s*$", re.I)
_SPAN_AFTER = re.compile(rf"^\s*{_HOW_LONG}\s+after\s+(?P<a>.+?)\s+{_AUX}\s+(?P<b>.+?)\s*\??\s*$", re.I)

SPAN_MARGIN = 0.1
"""Statements this close to the best for one end of a span compete on date (the earliest says when it began)."""
SPAN_FLOOR = 0.3
"""Below this ordinary score a statement is not taken to say either end of a span."""


def span_ends(question: str) -> tuple[str, str] | None:
    """The two events a "how long … before / between … and / after …" question spans, in time order."""
    for pattern in (_SPAN_BEFORE, _SPAN_BETWEEN, _SPAN_AFTER):
        m = pattern.match(question)
        if m:
            return m.group("a").strip(), m.group("b").strip()
    return None


def _date(c: Candidate) -> dt.date | None:
    """The day a statement's own text (or its dated entry) gives; the note's date is no event's date."""
    if not c.unit.date or c.unit.date_source != "text":
        return None
    try:
        return dt.date.fromisoformat(str(c.unit.date)[:10])
    except ValueError:
        return None


def duration(start: dt.date, end: dt.date) -> str:
    """The time between two days as people say it: days up to a fortnight, then weeks, months, years."""
    days = (end - start).days
    if days < 14:
        return f"{days} day{'s' if days != 1 else ''}"
    if days < 120:
        weeks, rest = divmod(days, 7)
        return f"{weeks} weeks" if not rest else f"about {round(days / 7)} weeks ({days} days)"
    if days < 730:
        return f"about {round(days / 30.44)} months ({days} days)"
    return f"about {days / 365.25:.1f} years"


def _earliest_near_best(cands: Sequence[Candidate], after: dt.date | None = None) -> Candidate | None:
    """Among the dated statements close to the best dated one (after `after`), the earliest: when the state
    began."""
    dated = [c for c in cands if (d := _date(c)) is not None and (after is None or d > after)]
    if not dated or dated[0].score < SPAN_FLOOR:
        return None
    close = [c for c in dated if c.score >= dated[0].score - SPAN_MARGIN]
    return min(close, key=lambda c: (_date(c), -c.score))


def _first_mention(cands: Sequence[Candidate], after: dt.date, skip: str) -> Candidate | None:
    """The first statement after `after` that holds about as many of the event's words as any: "before the
    teatime calls were added" is when teatime calls first appear, not a later missed call that happens to
    say "call"."""
    dated = [c for c in cands if (d := _date(c)) is not None and d > after and c.unit.quote != skip]
    if not dated:
        return None
    top = max(c.lexical for c in dated)
    if top <= 0.0:
        return None
    holding = [c for c in dated if c.lexical >= SPAN_WORDS * top]
    return min(holding, key=lambda c: (_date(c), -c.score))


SPAN_WORDS = 0.5
"""Share of the best word coverage a later statement needs to be taken as the event that ended the span."""


def span(question: str, units: Sequence[Unit], embedder: Embedder,
         idf_for: Callable[[str], Mapping[str, float]]) -> Composed | None:
    """The time between the two events a "how long … before …" question names, both cited with their dates.

    The earlier one is when the state asked about began: the earliest of the statements that say it about as
    well as the best. The later one is the first statement after it that holds the event's words about as
    well as any does."""
    ends = span_ends(question)
    if ends is None or not units:
        return None
    first_q, then_q = ends
    first = _earliest_near_best(score_units(first_q, units, embedder, idf_for(first_q)))
    if first is None:
        return None
    start = _date(first)
    assert start is not None
    then = _first_mention(score_units(then_q, units, embedder, idf_for(then_q)), start, first.unit.quote)
    if then is None:
        return None
    end = _date(then)
    assert start is not None and end is not None
    # The computed span offers the duration asked for, whatever kind either statement offers alone.
    used = [replace(first, kind=1.0), replace(then, kind=1.0)]
    parts, citations = cite(used, dated=True, question=question)
    how_long = duration(start, end)
    text = f"{how_long[0].upper()}{how_long[1:]}, from {_long(start)} to {_long(end)}: {' '.join(parts)}"
    notes = [f"span: {first_q!r} -> {start}", f"span: {then_q!r} -> {end}", f"span: {how_long}"]
    cands = sorted(used, key=lambda c: -c.score)
    return Composed(text, citations, min(c.score for c in used), "span", notes, cands, used, used)


def _long(d: dt.date) -> str:
    return f"{d.day} {d:%B} {d.year}"


_ASKS_TOTAL = re.compile(r"^\s*how\s+much\b.*\b(?:whole|total|altogether|in\s+all|overall|all\s+in|worth|in\s+total)\b",
                         re.I)
_PER = {"day": "day", "days": "day", "hour": "hour", "hours": "hour", "hr": "hour", "hrs": "hour",
        "session": "session", "sessions": "session", "week": "week", "weeks": "week", "month": "month",
        "months": "month", "night": "night", "nights": "night", "visit": "visit", "visits": "visit",
        "lesson": "lesson", "lessons": "lesson", "class": "class", "classes": "class"}
_UNITS = "|".join(sorted(_PER, key=len, reverse=True))
_COUNT = re.compile(rf"(?<![\w£$€.,])(\d{{1,4}})\s+(?:(?:full|half|working|paid|extra)\s+)?({_UNITS})\b", re.I)
_RATE = re.compile(rf"([£$€])\s?(\d[\d,]*(?:\.\d\d)?)(?!\d|[,.]\d)\s*(?:/|per\s+|an?\s+|each\s+)({_UNITS})\b", re.I)
_RATE_AT = re.compile(rf"(?<![\w£$€.,])(\d{{1,4}})\s+({_UNITS})\s+(?:at|@|x|×)\s+([£$€])\s?(\d[\d,]*(?:\.\d\d)?)(?!\d|[,.]\d)"
                      r"(?!\s*(?:/|per\b|an?\s+\w|total))", re.I)


def asks_total(question: str) -> bool:
    """Does the question ask what something came to in all ("How much was the whole contract worth?")?"""
    return bool(_ASKS_TOTAL.search(question))


def product(text: str) -> tuple[str, float, str] | None:
    """A count and a rate of the same unit in one statement, multiplied: "15 days over March–May, £450/day" ->
    ("15 days × £450", 6750.0, "£"). None when the statement has no such pair or more than one."""
    pairs = []
    for rate in _RATE.finditer(text):
        unit = _PER[rate.group(3).lower()]
        counts = [c for c in _COUNT.finditer(text) if _PER[c.group(2).lower()] == unit
                  and not (rate.start() <= c.start() < rate.end())]
        if len(counts) == 1:
            n, money = int(counts[0].group(1)), float(rate.group(2).replace(",", ""))
            pairs.append((f"{n} {counts[0].group(2)} × {rate.group(1)}{rate.group(2)}", n * money, rate.group(1)))
    for at in _RATE_AT.finditer(text):
        n, money = int(at.group(1)), float(at.group(4).replace(",", ""))
        pairs.append((f"{n} {at.group(2)} × {at.group(3)}{at.group(4)}", n * money, at.group(3)))
    unique = {round(p[1], 2): p for p in pairs}
    return next(iter(unique.values())) if len(unique) == 1 else None


def _money(value: float, currency: str) -> str:
    return f"{currency}{value:,.2f}".replace(".00", "") if value != int(value) else f"{currency}{int(value):,}"


def with_total(question: str, composed: Composed) -> Composed:
    """The answer, with the total a quoted count × rate comes to when the question asks for a total."""
    if not composed.text or not composed.citations or not asks_total(question):
        return composed
    numbers = {c.chunk_id: c.n for c in composed.citations}
    for c in composed.used:
        found = product(c.unit.text)
        if found is None or c.hit.chunk_id not in numbers:
            continue
        how, value, currency = found
        total = _money(value, currency)
        if total in c.unit.text:
            return composed  # the note already says it
        line = f"{how} = {total} [{numbers[c.hit.chunk_id]}]"
        return replace(composed, text=f"{line} {composed.text}", notes=[*composed.notes, f"total: {line}"])
    return composed


_ASKS_DIFFERENCE = re.compile(r"^\s*how\s+much\s+(?P<dir>over|above|more\s+than|higher\s+than|under|below|less\s+than|"
                              r"lower\s+than)\s+(?P<x>.+?)\s+(?:did|was|were|is|are|do|does|have|has|had)\s+\S", re.I)
_AMOUNT = r"(?P<cur>[£$€])\s?(?P<num>\d[\d,]*(?:\.\d+)?)\s?(?P<k>k|m|bn)?\b"
_DIFF_WORDS = r"(?:over|above|more\s+than|higher\s+than|under|below|less\s+than|lower\s+than|short\s+of)"
_STATED_DIFFERENCE = re.compile(rf"{_AMOUNT}\s+{_DIFF_WORDS}\s+(?:the\s+|our\s+|my\s+)?(?P<what>[^.;,()]{{1,60}})", re.I)
_SCALE = {"k": 1_000, "m": 1_000_000, "bn": 1_000_000_000}


def difference_of(question: str) -> str:
    """What a "how much over / under X …" question compares against: "the home report valuation"."""
    m = _ASKS_DIFFERENCE.match(question)
    return m.group("x") if m else ""


def stated_difference(against: str, text: str) -> str:
    """An amount the statement gives as over / under the thing asked about, written in full: "£10k over home
    report" -> "£10,000" for "the home report valuation"."""
    want = content_terms(against)
    for m in _STATED_DIFFERENCE.finditer(text):
        if not want & content_terms(m.group("what")):
            continue
        value = float(m.group("num").replace(",", "")) * _SCALE.get((m.group("k") or "").lower(), 1)
        return _money(value, m.group("cur"))
    return ""


_ANY_AMOUNT = re.compile(_AMOUNT, re.I)


def amounts(text: str) -> list[tuple[float, str]]:
    """The money amounts a statement gives, as (value, currency): "£10k" -> (10000.0, "£")."""
    out = []
    for m in _ANY_AMOUNT.finditer(text):
        try:
            value = float(m.group("num").replace(",", "")) * _SCALE.get((m.group("k") or "").lower(), 1)
        except ValueError:
            continue
        out.append((value, m.group("cur")))
    return out


def _value(amount: str) -> tuple[float, str] | None:
    found = amounts(amount)
    return found[0] if found else None


def figures_for(amount: str, stated_in: Candidate, pool: Sequence[Candidate]) -> tuple[Candidate, float, Candidate,
                                                                                          float] | None:
    """The two figures of the note that stated a difference whose gap is exactly that difference ("£56,340" and
    "£46,800" for "£9,540 more than the first quote"), each with a statement that gives it; None unless exactly
    one pair of figures fits, so a coincidence among many amounts is not offered as the sum."""
    diff = _value(amount)
    if diff is None:
        return None
    gap, currency = diff
    same_note = [c for c in pool if c.hit.path == stated_in.hit.path]
    holders: dict[float, Candidate] = {}
    # The stating statement first, then its own passage: the figures it compares are written beside it.
    for c in sorted(same_note, key=lambda c: (c is not stated_in, c.hit.chunk_id != stated_in.hit.chunk_id, -c.score)):
        for value, cur in amounts(c.unit.text):
            if cur == currency and value != gap and value not in holders:
                holders[value] = c
    pair = pair_with_gap(gap, holders)
    if pair is None:
        return None
    hi, lo = pair
    return holders[hi], hi, holders[lo], lo


def pair_with_gap(gap: float, values: Iterable[float]) -> tuple[float, float] | None:
    """The one pair of values `gap` apart, higher first; None when no pair or more than one is."""
    found = set(values)
    pairs = [(hi, lo) for hi in found for lo in found if abs(hi - lo - gap) < 0.005]
    return pairs[0] if len(pairs) == 1 else None


def with_difference(question: str, composed: Composed) -> Composed:
    """The answer, led by the difference a quoted statement states ("£10k over home report") written in full,
    when the question asks how much over or under something it was; with the two figures it is the gap between
    when the note gives exactly one such pair, each cited, so the reader sees what was compared."""
    against = difference_of(question)
    if not against or not composed.text or not composed.citations:
        return composed
    numbers = {c.chunk_id: c.n for c in composed.citations}
    for c in composed.used:
        amount = stated_difference(against, c.unit.text)
        if amount and c.hit.chunk_id in numbers:
            line = f"{amount} {_ASKS_DIFFERENCE.match(question).group('dir')} {against} [{numbers[c.hit.chunk_id]}]"
            citations = list(composed.citations)
            pair = figures_for(amount, c, [*composed.used, *composed.candidates])
            if pair is not None:
                hi_c, hi, lo_c, lo = pair
                cite([hi_c, lo_c], numbers, citations)
                currency = _value(amount)[1]  # type: ignore[index]
                line += (f": {_money(hi, currency)} [{numbers[hi_c.hit.chunk_id]}] against {_money(lo, currency)}"
                         f" [{numbers[lo_c.hit.chunk_id]}].")
            return replace(composed, text=f"{line} {composed.text}", citations=citations,
                           notes=[*composed.notes, f"difference: {line}"])
    return composed


def arithmetic(question: str, composed: Composed, units: Sequence[Unit], embedder: Embedder,
               idf_for: Callable[[str], Mapping[str, float]]) -> Composed:
    """The composed answer, or the computed one where the question asks for a span or a total. A span is
    computed only where the composed answer states no duration itself ("How long did the dough rest before
    shaping?" answered by "Rested 2 hours before shaping" is a lookup)."""
    if span_ends(question) and not _states_duration(composed):
        out = span(question, units, embedder, idf_for)
        if out is not None:
            return out
    return with_difference(question, with_total(question, composed))


_DURATION = re.compile(r"\b\d+(?:[.,]\d+)?\s*(?:-\s*)?(?:mins?|minutes?|h|hrs?|hours?|days?|weeks?|months?|years?|yrs?)\b",
                       re.I)


def _states_duration(composed: Composed) -> bool:
    return any(c.kind == 1.0 and _DURATION.search(c.unit.text) for c in composed.primary or composed.used[:1])


__all__ = ["amounts", "arithmetic", "asks_total", "duration", "difference_of", "figures_for", "pair_with_gap", "product", "span", "span_ends", "stated_difference",
           "with_difference", "with_total"]
