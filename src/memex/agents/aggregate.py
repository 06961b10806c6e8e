"""Aggregation questions: collect every matching statement across notes, apply the question's constraints,
then count, sum or list them, each cited.

"How many long runs of 18 km or more did I do?", "What did the stall take across the two October 2026
markets?", "How much did I claim in expenses for March 2026?", "Which radiators were replaced?":

1. **Shape** (`collecting`): which questions collect rather than ask for one fact — "how many times",
   "which/what <plural noun> did/were …", "which of my …", "who have my <role>s been", "how much did I … in
   <a period>" — on top of the planner's own list (agents/plan.py).
2. **Constraints** (`constraints`): the dates the question names (the planner's window, matched against the
   date each statement carries in its own text), months named without a year ("in December or February"),
   and numeric thresholds ("18 km or more", "over 80 km", "at least £50", "under 2 hours").
3. **Records**: a table row or a line that opens with its own date (a log) among the best matches stands for
   its whole table or log: the rest of that note is read from the store (`records`), so every row is
   considered, not only those retrieval happened to return. Rows are kept when they satisfy the constraints
   and, among those left, hold the question's words that tell rows apart ("cracked", "Hearthstone").
   A row "holds" a word when its text or the heading it sits under does ("Monthly outgoings" for "which
   outgoings…"). For a list, two rows of one table among the best, the best statement one of them, lead even
   when no row says the question's words (`_table_lead`: a cruising log's harbours for "which places…").
   Otherwise, for a list, a Markdown list in the best statement's note with two items among the best
   statements gives all its items (`list_items`, the rest of the list read from the store by `section_items`),
   whatever their words; the loose matches of other notes follow.
4. **Result**: counted ("3 matching entries"), summed when the question asks "how much" or "how many <unit>"
   and each item carries that quantity ("Total: £49.00"), and listed in date order, each item cited.
"""
from __future__ import annotations

import datetime as dt
import re
import sqlite3
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from memex.agents import checklist, lexicon, tally
from memex.agents.evidence import Unit
from memex.agents.evidence import units as units_of
from memex.agents.extractive import MAX_UNITS, Candidate, cite, content_terms, question_terms, score_units
from memex.domain import Hit
from memex.embed.base import Embedder
from memex.ingest.dates import WRITTEN_ON, find_dates, month_number

_ANY_DAY = dt.date(2000, 1, 1)
ECHO = 1.0
"""extractive.score_units sinks a statement that only repeats the question plus a date ("Birthday: 9 February"
for "Whose birthdays fall in February?"); for a list that date is the item, so the penalty is taken back."""
FLOOR = 0.25
"""A statement within this of the best one may join the list."""
MAX_ITEMS = 25
"""Items listed (all of them are counted and summed)."""
LOOSE_MAX = 12
"""Items kept when no table or log leads: statements close to the best that hold its words (noisier)."""
RECORD_DOCS = 2
"""Notes whose whole table or log is read when one of its rows is among the best matches."""
RECORD_CHUNKS = 40
"""At most this many chunks of one note are read for its records."""
ANCHOR_TOP = 4
"""A record among this many best statements makes its table or log the source of the answer."""
ANCHOR_NEAR = 6
"""A record a little further down (up to this rank) leads too when it holds two of the question's three rarest
words in its text or subject ("Edinburgh flat — shortlist" for "Which Edinburgh flats did we view?", below four
lines of the viewing notes): one shared word there is too weak ("cost" in "Heat pump costs")."""
_COLLECTING = {"many", "much", "list", "every", "all", "acros", "across", "total", "altogether", "know", "ha",
               "been", "number", "time", "both", "two", "three", "four", "each", "whose", "fall", "else", "ever",
               "which", "what", "who", "did", "do", "have", "more", "les", "over", "under", "least", "abov",
               "above", "below", "fewer", "than", "or", "and"}
"""Words that say "collect" or how, rather than what to collect (stemmed as content_terms stems them)."""

# Question shapes that collect, beyond the planner's own list (English; other languages: agents/lexicon.py).
_PLURAL = r"(?:[a-z][\w-]*[^su\W]s|[a-z][\w-]*ies|people|children|men|women)"
_SHAPES = re.compile(
    r"^\s*(?:how many times\b"
    rf"|(?:which|what|whose) (?:[\w-]+ ){{0,2}}?{_PLURAL} (?:[\w-]+ )?(?:(?:did|do|have|had) (?:i|we|you)\b|"
    r"(?:were|are|have been|got|went|came)\b)"
    # "Which jobs on the house list have I done?": the plural narrowed by a phrase of its own, then what I did
    # (not "Which riders in the study were taking…", a description that one statement may answer).
    rf"|(?:which|what|whose) (?:[\w-]+ ){{0,2}}?{_PLURAL} (?:on|in|of|from|at|for) (?:the |my |our )?"
    r"(?:[\w'’-]+ ){1,4}?(?:did|do|have|had) (?:i|we|you)\b"
    # "Where have I taken the boat?", "What have I seen the GP about since October?": the perfect over an open
    # period asks for all of it so far (not "What have I been told…" about one thing: "been" is excluded).
    r"|(?:where|what|who) (?:have|'ve) (?:i|we) (?!been\b|got\b|(?:to|not|never)\b)\w+"
    # "What's still left to do on the jobs list?", "Which items were not ticked off?"
    r"|(?:what|which)\b[^?]*\b(?:(?:left|still|yet) to (?:do|be done)\b|(?:not|n't) (?:yet )?(?:been )?"
    r"(?:done|ticked|finished|completed|crossed)\b"
    r"|\b(?:outstanding|remaining|unfinished|left|open)\b[^?]*\b(?:list|checklist|to-?dos?|jobs|tasks)\b"
    r"|\b(?:list|checklist|to-?dos?|jobs|tasks)\b[^?]*\b(?:outstanding|remaining|unfinished|left|open)\b)"
    rf"|which of (?:my|our|the) (?:[\w-]+ ){{0,2}}?{_PLURAL}\b"
    # "What exercises did Vonnie recommend?", "What did the survey recommend?": advice is mostly a list. Not
    # "What did the man who recommended…" (a relative clause names someone, it does not ask for the advice).
    rf"|what (?:[\w-]+ ){{0,2}}?(?:{_PLURAL} )?(?:did|has|have|does) (?:(?!who\b|that\b|which\b)[\w'’.-]+ ){{1,4}}?"
    r"(?:recommend|suggest|advise|propose)\b"
    rf"|who (?:have|has) (?:been )?(?:my|our) (?:[\w-]+ ){{0,2}}?{_PLURAL}\b"
    # "Who has conducted my quarter peals?": done by someone each time, so possibly by several people.
    rf"|who (?:have|has) (?!been\b)\w+(?:ed|en|t) (?:my|our) (?:[\w-]+ ){{0,2}}?{_PLURAL}\b"
    r"|how much (?:did|have|do) (?:i|we) \w+\b.*\b(?:in|for|during|across|over|since) (?:the )?(?:"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b|(?:19|20)\d\d|(?:this|last|that) (?:year|month|"
    r"week|summer|winter|spring|autumn)|(?:first|last|past) (?:two|three|four|six|twelve) \w+)"
    r"|(?:what|how much) did (?:the |my |our )?[\w ]{1,30}? (?:take|make|earn|cost|spend|sell) (?:across|in total|"
    r"altogether)\b)", re.I)
_SUM_Q = re.compile(r"\b(how much|in total|altogether|total|sum|take|took|earn|spend|spent|claim|invoice|bill|"
                    r"cost|pay|paid)\b", re.I)
_HOW_MANY_UNIT = re.compile(r"\bhow many (?P<unit>[a-z]+)\b", re.I)
_MEASURE_UNITS = {"day": "days?", "days": "days?", "hour": "hours?|hrs?|h", "hours": "hours?|hrs?|h",
                  "night": "nights?", "nights": "nights?", "km": "km", "kilometres": "km|kilometres?",
                  "kilometers": "km|kilometers?", "miles": "mi|miles?", "mile": "mi|miles?",
                  "minutes": "min|mins|minutes?", "weeks": "weeks?", "pages": "pages?|pp", "kg": "kg",
                  "litres": "l|litres?", "liters": "l|liters?", "steps": "steps?", "points": "points?|pts?"}
"""A "how many <unit>" question sums that quantity ("How many days did I bill?") instead of counting items."""
_NUM = r"(?P<n>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_THRESHOLD = [
    (re.compile(rf"(?P<cur>£|\$|€)?{_NUM}\s*(?P<u>[a-z%]+)?\s+or (?P<op>more|over|above|longer|higher|greater|less|"
                r"fewer|under|below|shorter|lower)\b", re.I), None),
    (re.compile(rf"\b(?P<op>over|more than|above|at least|longer than|greater than|higher than|under|less than|"
                rf"fewer than|below|shorter than|at most|lower than)\s+(?P<cur>£|\$|€)?{_NUM}\s*(?P<u>[a-z%]+)?",
                re.I), None),
    (re.compile(rf"(?P<cur>£|\$|€)?{_NUM}\s*(?P<u>[a-z%]+)?\+", re.I), "ge"),
]
_OPS = {"more": "ge", "over": "gt", "above": "gt", "longer": "ge", "higher": "ge", "greater": "ge",
        "less": "le", "fewer": "le", "under": "lt", "below": "lt", "shorter": "le", "lower": "le",
        "more than": "gt", "at least": "ge", "longer than": "gt", "greater than": "gt", "higher than": "gt",
        "less than": "lt", "fewer than": "lt", "shorter than": "lt", "at most": "le", "lower than": "lt"}
_MONEY = re.compile(r"(?P<cur>£|\$|€)\s?(?P<n>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
                    r"|(?P<n2>\d{1,3}(?:[.,]\d{3})*(?:,\d{2})?)\s?€")
_MONTH_WORD = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*"
_IN_MONTHS = re.compile(rf"\b(?:in|during|throughout)\s+({_MONTH_WORD}(?:\s*(?:,|or|and)\s*{_MONTH_WORD})*)\b(?!\s*\d)")
_FIELD = re.compile(r"(?:^|;\s)(?P<label>[^:;]{1,40}):\s(?P<value>[^;]*)")


def collecting(question: str) -> bool:
    """Does the question ask to collect several matches (beyond the planner's own shapes)?"""
    if lexicon.language(question) != "en":
        return tally.asks_items(question)
    return bool(_SHAPES.search(question))


def sub_queries(question: str) -> list[str]:
    """Extra searches for a question that names alternatives ("in December or February"): one per month with
    the question's own words, so each alternative's notes are retrieved, not only the likeliest one's."""
    kind = kind_query(question)
    if lexicon.language(question) != "en":
        return kind
    found = [w for m in _IN_MONTHS.finditer(question) for w in re.findall(r"[A-Z][a-z]+", m.group(1))]
    if len(found) < 2:
        return kind
    rest = _IN_MONTHS.sub(" ", question)
    words = [w for w in re.findall(r"[\w'’-]+", rest) if content_terms(w) - _COLLECTING]
    return [" ".join([*words, month]) for month in found[:3]]


def kind_query(question: str) -> list[str]:
    """A search for the item kind with the names the question gives ("birthdays", "restaurants Lisbon"): the
    notes that mention an item once (a diary entry's "her birthday was yesterday") rank low for the whole
    question, whose other words ("did I mark in my journal") they do not share."""
    kind = tally.item_words(question)
    if not kind:
        return []
    words = re.findall(r"[^\W\d_][\w'’-]*", question)[1:]
    names = [w for w in words if w[:1].isupper() and w not in kind and w.lower() != "i"]
    return [" ".join([*kind, *names])]


@dataclass(frozen=True)
class Threshold:
    """A numeric constraint: "18 km or more" is Threshold("ge", 18.0, "km")."""

    op: str
    value: float
    unit: str | None
    """"km", "£", ...; None when the question gives none."""

    def holds(self, text: str) -> bool:
        """Does some amount of this unit in the text satisfy the threshold?"""
        values = amounts(text, self.unit)
        return any(_compare(v, self.op, self.value) for v in values)

    def describe(self) -> str:
        return f"{self.op} {self.value:g}{' ' + self.unit if self.unit else ''}"


@dataclass
class Constraints:
    """What the question limits its matches to."""

    window: tuple[str | None, str | None] = (None, None)
    months: set[int] = field(default_factory=set)
    thresholds: list[Threshold] = field(default_factory=list)
    operation: str = "list"
    """"count", "sum" or "list"."""
    measure: str | None = None
    """What a sum adds up: "money", or a unit pattern ("days?")."""

    def describe(self) -> list[str]:
        out = [f"operation: {self.operation}" + (f" of {self.measure}" if self.measure else "")]
        if self.window != (None, None):
            out.append(f"dates {self.window[0] or '…'} to {self.window[1] or '…'}")
        if self.months:
            out.append(f"months {sorted(self.months)}")
        out += [f"threshold {t.describe()}" for t in self.thresholds]
        return out


def constraints(question: str, window: tuple[str | None, str | None] = (None, None)) -> Constraints:
    """The question's dates, months, thresholds, and whether it counts, sums or lists."""
    c = Constraints(window=window)
    if lexicon.language(question) != "en":
        # thresholds are read from English wording only; counts and sums in each language (agents/tally.py)
        asked = tally.operation(question)
        if asked is not None:
            c.operation, c.measure = asked
        return c
    if window == (None, None):
        # Months named after "in"/"during" ("fall in December or February"), not as a label ("the
        # February revised quote").
        for m in _IN_MONTHS.finditer(question):
            for word in re.findall(r"[A-Z][a-z]+", m.group(1)):
                c.months.add(month_number(word.lower()) or 0)
        c.months.discard(0)
    for pattern, fixed in _THRESHOLD:
        for m in pattern.finditer(question):
            if _is_date_number(question, m.start("n"), m.end("n")):
                continue
            op = fixed or _OPS.get(" ".join(m.group("op").lower().split()), "ge")
            unit = (m.groupdict().get("cur") or m.group("u") or "").lower() or None
            if unit in {"or", "and", "did", "in", "of", "the"}:
                unit = None
            if unit is None and not m.groupdict().get("cur"):
                continue  # "over 3" without a unit: too easily a date or a count of something else
            c.thresholds.append(Threshold(op, _number(m.group("n")), unit))
        if c.thresholds:
            break
    how_many = _HOW_MANY_UNIT.search(question)
    if how_many and how_many.group("unit").lower() in _MEASURE_UNITS:
        c.operation, c.measure = "sum", _MEASURE_UNITS[how_many.group("unit").lower()]
    elif how_many:
        c.operation = "count"
    elif _SUM_Q.search(question):
        c.operation, c.measure = "sum", "money"
    return c


def _is_date_number(text: str, start: int, end: int) -> bool:
    return any(m.start <= start and end <= m.end for m in find_dates(text))


def _number(s: str) -> float:
    return float(s.replace(",", ""))


def _compare(v: float, op: str, x: float) -> bool:
    return {"ge": v >= x, "gt": v > x, "le": v <= x, "lt": v < x}[op]


def amounts(text: str, unit: str | None) -> list[float]:
    """The amounts of `unit` in a text: "£14.60" for "£", "18 km" / "18–21 km" for "km"."""
    if unit in {"£", "$", "€"}:
        return [v for v, cur in money(text) if cur == unit]
    if not unit:
        return []
    u = _MEASURE_UNITS.get(unit, re.escape(unit) + "s?" if len(unit) > 2 else re.escape(unit))
    out: list[float] = []
    for m in re.finditer(rf"(?<![\w.,:])(\d+(?:\.\d+)?)(?:\s*[–-]\s*(\d+(?:\.\d+)?))?\s*(?:{u})\b", text, re.I):
        out.append(float(m.group(2) or m.group(1)))
    return out


def money(text: str) -> list[tuple[float, str]]:
    """Amounts of money in a text with their currency: "£2,438.60", "19,10 €"."""
    out = []
    for m in _MONEY.finditer(text):
        if m.group("n"):
            out.append((_number(m.group("n")), m.group("cur")))
        else:
            out.append((float(m.group("n2").replace(".", "").replace(",", ".")), "€"))
    return out


def is_record(unit: Unit) -> bool:
    """A table row, or a line that opens with its own date (a log line): one of a note's many like it."""
    if unit.quote.lstrip().startswith("|"):
        return True
    marks = find_dates(unit.quote[:40])
    return bool(marks) and marks[0].start <= 3


def _shape(unit: Unit) -> str:
    """What records of one table or log share: a table's first column label, "log" for dated lines."""
    if unit.quote.lstrip().startswith("|"):
        m = _FIELD.match(unit.text)
        return f"table:{m.group('label').strip().lower()}" if m else "table"
    return "log"


def records(searcher: Any, anchors: Sequence[Candidate], filters: Any = None) -> list[Unit]:
    """Every record of the notes the anchors come from (the whole table or log), read from the store."""
    out: list[Unit] = []
    seen_docs: list[str] = []
    for a in anchors:
        if a.hit.path in seen_docs or len(seen_docs) >= RECORD_DOCS:
            continue
        seen_docs.append(a.hit.path)
        shape = _shape(a.unit)
        out += [u for u in _note_units(searcher, a, filters) if is_record(u) and _shape(u) == shape]
    return out


def section_items(searcher: Any, lead: Candidate, filters: Any = None) -> list[Unit]:
    """Every item of the list the lead statement belongs to (its note and section), read from the store: the
    items retrieval did not return (a long list split across chunks) are listed too."""
    return [u for u in _note_units(searcher, lead, filters)
            if u.subject == lead.unit.subject and _LIST_ITEM.match(u.quote)]


def _note_units(searcher: Any, a: Candidate, filters: Any) -> list[Unit]:
    """The statements of the note a candidate comes from (its first RECORD_CHUNKS chunks), within the filters."""
    conn: sqlite3.Connection = searcher.conn
    row = conn.execute("SELECT doc_id FROM chunks WHERE id = ?", (int(a.hit.chunk_id),)).fetchone()
    if row is None:
        return []
    ids = [int(r[0]) for r in conn.execute(
        "SELECT id FROM chunks WHERE doc_id = ? ORDER BY ordinal LIMIT ?", (row[0], RECORD_CHUNKS))]
    hits: list[Hit] = searcher.hits_for(ids, dict.fromkeys(ids, 0.0), {i: {} for i in ids})
    return [u for hit in hits if _within_filters(hit, filters) for u in units_of(hit, a.unit.rank)]


def _within_filters(hit: Hit, filters: Any) -> bool:
    """A chunk read for its records still honours the user's --after/--before (the note's other filters hold)."""
    after, before = getattr(filters, "after", None), getattr(filters, "before", None)
    if not (after or before):
        return True
    dates = (hit.explain or {}).get("dates") or {}
    first, last = dates.get("first"), dates.get("last")
    if not first and not last:
        return True
    return not ((before and first and first > before) or (after and last and last < after))


def _dated_in(unit: Unit, window: tuple[str | None, str | None], written: bool = False) -> bool:
    start, end = window
    # A statement's own date; with `written`, also the day its note was written (a diary entry's, a meeting's) —
    # never the file's modification time.
    if unit.date_source not in ({"text", *WRITTEN_ON} if written else {"text"}) or not unit.date:
        return False
    return (start is None or unit.date >= start) and (end is None or unit.date <= end)


def _in_months(unit: Unit, months: set[int]) -> bool:
    found = {m.day.month for m in find_dates(unit.text, _ANY_DAY)}
    if unit.date_source == "text" and unit.date and not found:
        found = {int(unit.date[5:7])}
    return bool(found & months)


def satisfies(unit: Unit, c: Constraints, written: bool = False) -> bool:
    """Does the statement meet the question's dates (with `written`, a note's own date counts too), months and
    thresholds?"""
    if c.window != (None, None) and not _dated_in(unit, c.window, written):
        return False
    if c.months and not _in_months(unit, c.months):
        return False
    return all(t.holds(unit.text) for t in c.thresholds)


def key_terms(idf: Mapping[str, float]) -> list[str]:
    """The question's words that say what to collect, rarest first (no numbers, months or collecting words)."""
    return [t for t in sorted(idf, key=lambda t: -idf[t])
            if not re.fullmatch(r"[\d.,]+", t) and t not in _COLLECTING and not month_number(t)]


def item_kind(question: str) -> set[str]:
    """The stems of the question's word for the kind of item it collects ("restaurant" for "Which restaurants…")."""
    return set(tally.item_terms(question, question_terms(question)))


def _kind_first(question: str, key: list[str]) -> list[str]:
    """The key words with the item kind's first: every item holds that word (its text, heading or column), while
    the question's rarest word may be one only the asker uses ("mark", "envisagées")."""
    kind = [t for t in key if t in item_kind(question)]
    return [*kind, *(t for t in key if t not in kind)]


def _kind_column(unit: Unit, kind: set[str]) -> bool:
    """Is the statement a table row with a column named by the item kind ("résidence: Les Tilleuls; où: …")?"""
    if not unit.quote.lstrip().startswith("|"):
        return False
    labels = " ".join(m.group("label") for m in _FIELD.finditer(unit.text))
    if kind & content_terms(labels):
        return True
    folded = [lexicon.fold(w) for w in re.findall(r"[^\W\d_]+", labels)]
    return any(len(k) >= 4 and w.startswith(lexicon.fold(k)) for k in kind for w in folded)


def _row_terms(unit: Unit) -> set[str]:
    """A row's words and those of the heading it sits under: a table headed "Monthly outgoings" answers "which
    outgoings…" in every row, though no row repeats the word."""
    return content_terms(unit.text) | content_terms(unit.subject)


def _table_lead(cands: Sequence[Candidate], constrained_q: bool) -> list[Candidate]:
    """Rows of one table (or, with dates or amounts to meet, one log) among the best statements, the best one
    among them, when they share none of the question's words ("Which places did we moor at?" over a cruising
    log whose rows name the harbours): the table is what a list question asks for, as a bulleted list is."""
    top = [x for x in cands[:ANCHOR_TOP] if is_record(x.unit) and (constrained_q or _shape(x.unit) != "log")]
    lead = [x for x in top if x.hit.path == cands[0].hit.path and x.unit.subject == cands[0].unit.subject
            and _shape(x.unit) == _shape(cands[0].unit)]
    return lead if len(lead) >= LIST_LEAD and lead[0] is cands[0] else []


def _distinguishing(items: Sequence[Unit], terms: Sequence[str]) -> list[str]:
    """The question's words that some rows hold in their own text and others do not ("cracked")."""
    out = []
    for t in terms:
        n = sum(1 for u in items if t in _row_terms(u))
        if 0 < n < len(items):
            out.append(t)
    return out


def quantity(unit: Unit, c: Constraints, question: str) -> float | None:
    """The amount a sum adds for this item: the money (or unit) field the question asks about, when it has one."""
    fields = [(m.group("label").strip(), m.group("value")) for m in _FIELD.finditer(unit.text)]
    asked = content_terms(question)
    if c.measure == "money":
        values = money(unit.text)
        if len(values) == 1:
            return values[0][0]
        labelled = [(lab, money(v)) for lab, v in fields if money(v)]
        for lab, vs in labelled:
            if any(_related(t, a) for t in content_terms(lab) for a in asked):
                return vs[0][0]
        for lab, vs in labelled:
            if lab.lower() in {"amount", "total", "cost", "price", "paid", "sum"}:
                return vs[0][0]
        return None
    if c.measure:
        for lab, v in fields:
            if re.fullmatch(rf"(?:{c.measure})", lab.strip().lower()):
                m = re.search(_NUM, v)
                return _number(m.group("n")) if m else None
        vals = [float(m.group(1)) for m in re.finditer(rf"(\d+(?:\.\d+)?)\s*(?:{c.measure})\b", unit.text, re.I)]
        return vals[0] if len(vals) == 1 else None
    return None


@dataclass
class Collected:
    """The items an aggregation answer lists, and how they were found."""

    items: list[Candidate]
    notes: list[str]
    total: tuple[float, str] | None = None
    lead: list[Candidate] = field(default_factory=list)
    """The best-scoring row that led to a table or log: the answer's support stands on it too."""


def _day_matches(question: str) -> Callable[[dt.date], bool] | None:
    """Whether a date is a day the question names ("el 1 de julio": 1 July of any year, "1 July 2026": that day)."""
    days = [(m.day, m.year_given) for m in find_dates(question, _ANY_DAY) if m.precision == "day"]
    if not days:
        return None
    return lambda d: any(d == day if given else (d.month, d.day) == (day.month, day.day) for day, given in days)


def changed_on_day(question: str, units: Sequence[Unit], cands: Sequence[Candidate]) -> list[Candidate]:
    """The rows of a before/after table that changed on the day the question names: "Which products went up
    on 1 July?" over a price list whose columns are "Until 30 June 2026 | From 1 July 2026" is answered by the
    rows whose value under the column dated that day differs from the column before it — whatever words the
    rows use (they name products, not the rise). Empty when no retrieved table has a column dated that day."""
    on_day = _day_matches(question)
    if on_day is None:
        return []
    by_unit = {id(x.unit): x for x in cands}
    tables: dict[tuple[str, tuple[str, ...]], list[Candidate]] = {}
    for u in units:
        x = by_unit.get(id(u))
        if x is None or not u.quote.lstrip().startswith("|"):
            continue
        labels = tuple(m.group("label").strip() for m in _FIELD.finditer(u.text))
        if len(labels) >= 3:
            tables.setdefault((u.hit.path, labels), []).append(x)
    best: list[Candidate] = []
    for (_, labels), rows in sorted(tables.items(), key=lambda kv: -max(x.score for x in kv[1])):
        dated = [i for i, label in enumerate(labels) if i and any(on_day(m.day) for m in find_dates(label, _ANY_DAY))]
        if not dated or dated[0] < 2 or len(rows) < 2:
            continue  # the column dated that day, and one before it to compare with (the first names the row)
        new, old = dated[0], dated[0] - 1
        changed = []
        for x in rows:
            values = {m.group("label").strip(): m.group("value").strip() for m in _FIELD.finditer(x.unit.text)}
            before, after = values.get(labels[old], ""), values.get(labels[new], "")
            if before and after and " ".join(before.split()) != " ".join(after.split()):
                changed.append(x)
        if changed:
            # in the table's order: a long table's rows come from several chunks, numbered in note order
            best = sorted(changed, key=lambda x: (int(x.hit.chunk_id) if x.hit.chunk_id.isdigit() else 0,
                                                  x.unit.position))
            break
    return best


def collect(question: str, cands: Sequence[Candidate], idf: Mapping[str, float], c: Constraints,
            more_records: Callable[[Sequence[Candidate]], list[Unit]] | None = None,
            rescore: Callable[[list[Unit]], list[Candidate]] | None = None,
            more_items: Callable[[Candidate], list[Unit]] | None = None) -> Collected:
    """Every matching statement: the whole table or log of the best records when one leads, else the
    statements close to the best that hold the question's rarest words; then the question's constraints."""
    notes = c.describe()
    if not cands:
        return Collected([], notes)
    best = cands[0].score
    rare = key_terms(idf)
    key = _kind_first(question, rare)
    item = item_kind(question)
    by_kind = False
    constrained_q = c.window != (None, None) or bool(c.months) or bool(c.thresholds)
    # A table row among the best statements stands for its table; a dated log line only when the question
    # limits dates or amounts (otherwise a log's lines are one source among the notes, not the answer).
    named = set(key[:3])
    anchors = [x for i, x in enumerate(cands[:ANCHOR_NEAR]) if is_record(x.unit)
               and (constrained_q or _shape(x.unit) != "log")
               and len(named & (content_terms(x.text) | content_terms(x.unit.subject))) >= (1 if i < ANCHOR_TOP else 2)]
    if not anchors and item:
        # A table whose column is the question's kind of item ("| résidence | où | prix |" for "Quelles
        # résidences…"): each row is one item, whatever words the question adds.
        anchors = [x for x in cands if _kind_column(x.unit, item)][:1]
        by_kind = bool(anchors)
        if anchors:
            notes.append(f"a table of {', '.join(sorted(item))}: {anchors[0].unit.subject}")
    if not anchors and c.operation == "list":
        anchors = _table_lead(cands, constrained_q)
        if anchors:
            notes.append(f"the best statements are rows of one table: {anchors[0].unit.subject}")
    if c.thresholds:
        # A row that meets the question's threshold leads to its table or log, even when its own
        # words score lower ("2026-07-26 — 18 km, 1:46:10" for "long runs of 18 km or more").
        anchors += [x for x in cands if x.score >= best - FLOOR and is_record(x.unit) and satisfies(x.unit, c)
                    and x not in anchors]
    items: list[Candidate] = []
    lead: list[Candidate] = []
    if anchors and more_records is not None and rescore is not None:
        rows = more_records(anchors)
        known = {(x.hit.path, x.unit.text) for x in cands}
        shaped = {_shape(a.unit) for a in anchors}
        pool = [x for x in cands if is_record(x.unit) and x.hit.path in {a.hit.path for a in anchors}
                and _shape(x.unit) in shaped]
        fresh = [u for u in rows if (u.hit.path, u.text) not in known]
        pool += rescore(fresh) if fresh else []
        kept = [x for x in pool if satisfies(x.unit, c)]
        # (the rarest words: the item kind is what every row is, not what tells rows apart; a table found by
        # its column for the kind lists every row that meets the constraints)
        must = [] if by_kind else _distinguishing([x.unit for x in kept], rare[:3])
        # A name the question gives must be there whole ("Northwind Labs", not "Northwind Trust"); otherwise
        # the rarest word that tells rows apart ("cracked").
        named_terms = _name_terms(question)
        # What every row is ("trips", "rides") and the act each records ("have I taken") do not tell rows
        # apart: a row that happens to say "trip" or "took" is not the only trip.
        kind = _row_kind(question)
        must = [t for t in must if t in named_terms or t not in kind or _whole_table_word(t, kept)]
        required = [t for t in must if t in named_terms] or must[:1]
        if required:
            kept = [x for x in kept if set(required) <= _row_terms(x.unit)]
            notes.append(f"rows must say: {', '.join(required)}")
        if len(kept) >= 2 or kept and c.operation == "list" and c.thresholds:
            items = _unique(kept)
            used_docs = {x.hit.path for x in items}
            lead = [a for a in anchors if a.hit.path in used_docs][:1]
            notes.append(f"records of {len(used_docs)} note(s): {len(pool)} rows read")
    listed: list[Candidate] = []
    if not items and c.operation == "list":
        # A list in the note the best statements come from gives all its items; the loose matches from other
        # notes follow (a count or a sum keeps to the words: a list's items are not all things counted).
        found = list_items(cands)
        if found and more_items is not None and rescore is not None:
            known = {(x.hit.path, x.unit.text) for x in cands}
            fresh = [u for u in more_items(found[0]) if (u.hit.path, u.text) not in known]
            found += rescore(fresh) if fresh else []
        listed = [x for x in found if satisfies(x.unit, c)]
        listed += [x for x in found if x not in listed and satisfies(x.unit, c, written=True)]
        if len(listed) >= 2:
            lead = [x for x in cands[:ANCHOR_TOP] if x in listed][:1]
            notes.append(f"a list of {len(listed)} items leads: {listed[0].unit.subject}")
        else:
            listed = []
    if not items:
        # With dates, months or amounts to meet, the constraints do the narrowing: reach further down.
        pool = [x for x in cands if _unechoed(x) >= best - (2 * FLOOR if constrained_q else FLOOR)]
        two = key[:2]
        matched = [x for x in pool if not two or set(two) & (content_terms(x.text) | content_terms(x.unit.subject))]
        if len(matched) < 2 and two and c.operation == "list":
            # The notes do not use the question's words ("places abroad" for "Bruges, March 2026"): the statements
            # closest to the best stand in, the best of each note (one trip, one item). Only for a list: a count
            # or a sum of statements that do not say what is counted would be noise.
            matched = _best_per_note([x for x in cands if _unechoed(x) >= best - WORDLESS_MARGIN])
            notes.append(f"no statement holds {', '.join(two)}: {len(matched)} notes closest to the best")
        constrained = [x for x in matched if satisfies(x.unit, c)]
        # Statements dated only by their note (a diary entry's day) come after those that give their own date.
        constrained += [x for x in matched if x not in constrained and satisfies(x.unit, c, written=True)]
        if c.window != (None, None) or c.months or c.thresholds:
            notes.append(f"{len(constrained)} of {len(matched)} matches meet the constraints")
        items = _unique(constrained or matched)[:LOOSE_MAX]
        notes.append(f"key words: {', '.join(two)}")
        if listed:
            items = _unique([*listed, *(x for x in items if x.hit.path != listed[0].hit.path)])
    ticked = _checklist(question, cands, more_items, rescore)
    if ticked:
        # A checklist's items of the asked state, in the list's order: its dates say when an item was done,
        # not which comes first.
        notes.append(f"{len(ticked)} checklist items, {checklist.asked_state(question)}: {ticked[0].unit.subject}")
        return Collected(ticked, notes, _total(ticked, c, question), ticked[:1])
    items.sort(key=lambda x: (str(x.unit.date or "") if _dated(x) else "", x.unit.rank, x.unit.position))
    total = _total(items, c, question)
    return Collected(items, notes, total, lead)


def _checklist(question: str, cands: Sequence[Candidate], more_items: Callable[[Candidate], list[Unit]] | None,
               rescore: Callable[[list[Unit]], list[Candidate]] | None) -> list[Candidate]:
    """The items of the asked state ("still to do", "done") of the checklist the best statements come from:
    its whole section, read from the store, so the open items the search did not return are listed too. Empty
    when the question asks for neither state, no ticked or unticked item is among the best, or none has it."""
    wanted = checklist.asked_state(question)
    if wanted is None:
        return []
    boxes = [x for x in cands[:ANCHOR_NEAR] if checklist.state(x.unit.quote)]
    if not boxes:
        return []
    lead = boxes[0]
    found = [x for x in cands if (x.hit.path, x.unit.subject) == (lead.hit.path, lead.unit.subject)
             and _LIST_ITEM.match(x.unit.quote)]
    if more_items is not None and rescore is not None:
        known = {x.unit.quote for x in found}
        fresh = [u for u in more_items(lead) if u.quote not in known]
        found += rescore(fresh) if fresh else []
    found.sort(key=lambda x: (int(x.hit.chunk_id) if x.hit.chunk_id.isdigit() else 0, x.unit.position))
    marks = checklist.states([x.unit.quote for x in found])
    return _unique([x for x, m in zip(found, marks, strict=True) if m == wanted])


_LIST_ITEM = re.compile(r"\s*(?:[-*+•]|\d{1,2}[.)])\s")
LIST_LEAD = 2
"""Items of one list (one note's section) among the ANCHOR_TOP best statements that make the list the answer."""


def list_items(cands: Sequence[Candidate]) -> list[Candidate]:
    """Every item of the list the best statements come from ("- Excursión a Comillas…", "- Playa de Merón…" for
    "Which places did we visit on the holiday?"): a list in one note is what a list question asks for, whatever
    its items' words (another language's, or none of the question's), so the items that scored lower (the
    stop at Altamira) are not lost. Only when the best statement comes from that note."""
    def section(x: Candidate) -> tuple[str, str]:
        return x.hit.path, x.unit.subject

    top = [x for x in cands[:ANCHOR_TOP] if _LIST_ITEM.match(x.unit.quote)]
    for key in dict.fromkeys(section(x) for x in top):
        if key[0] == cands[0].hit.path and sum(1 for x in top if section(x) == key) >= LIST_LEAD:
            items = [x for x in cands if section(x) == key and _LIST_ITEM.match(x.unit.quote)]
            return sorted(items, key=lambda x: (x.unit.rank, x.unit.position))
    return []


WORDLESS_MARGIN = 0.1
"""How far below the best a statement may score and still be listed when no statement holds the question's words."""


def _best_per_note(cands: Sequence[Candidate]) -> list[Candidate]:
    seen: set[str] = set()
    out = []
    for x in cands:
        if x.hit.path not in seen:
            seen.add(x.hit.path)
            out.append(x)
    return out


_ACT = re.compile(r"\b(?:did|do|have|has|had|'ve)\s+(?:i|we|you)\s+(?:ever\s+|already\s+)?([a-z][\w-]+)", re.I)


def _whole_table_word(term: str, rows: Sequence[Candidate]) -> bool:
    """Does every row of some note hold the word (its heading does: "Monthly outgoings")? Then it tells one
    note's table from another's, not rows of one table apart."""
    by_note: dict[str, list[bool]] = {}
    for x in rows:
        by_note.setdefault(x.hit.path, []).append(term in _row_terms(x.unit))
    return any(all(held) for held in by_note.values())


def _row_kind(question: str) -> set[str]:
    """The question's words for what each row of a log is: its plural nouns ("trips", "rides") and the act it
    asks about after "did I" / "have we" ("taken", "visited"). In another language, the noun after its question
    word ("¿Qué viajes…"): a plural elsewhere is what the rows are filtered by ("Quantas vezes comprei livros?")."""
    if lexicon.language(question) != "en":
        return content_terms(" ".join(tally.item_words(question)))
    words = [m.group(0) for m in re.finditer(rf"\b{_PLURAL}\b", question)]
    words += [m.group(1) for m in _ACT.finditer(question)]
    return content_terms(" ".join(words)) if words else set()


# The words before a month that make it a date ("in March", "de marzo", "im Mai", "since May"), in each language;
# and the ones that join it to another date ("March and June", "from January to March", "Mai und Juni").
_MONTH_BEFORE = frozenset("""in during throughout since until till by from of before after between early late mid last
    next this each every en de desde hasta durante depuis au du mi jusqu'en im seit bis ab vom von anfang ende mitte
    nel dal al di da fino em no do ate sinds tot van vanaf begin eind""".split())
_MONTH_JOIN = frozenset("and or to through y o a et ou und oder e en".split())


def _name_terms(question: str) -> set[str]:
    """The words of the names the question gives (capitalised, not its first word). A month word is a date, not a
    name, where it reads as one: after "in"/"de"/"im"…, beside a day or a year ("3 March", "March 2025"), or
    joined to such a month ("March and June"); elsewhere it is a name ("did Jan teach", "Mei")."""
    words = re.findall(r"[\w'’-]+", question)
    names: set[str] = set()
    dated = False  # the last month word read as a date, and only join words since
    for i, w in enumerate(words):
        if month_number(w.lower()) is None:
            dated = dated and w.lower() in _MONTH_JOIN
            continue
        prev = words[i - 1].lower() if i else ""
        nxt = words[i + 1] if i + 1 < len(words) else ""
        dated = prev.isdigit() or nxt[:1].isdigit() or prev in _MONTH_BEFORE or (dated and prev in _MONTH_JOIN)
        if not dated and i and w[:1].isupper():
            names.add(w.lower())
    terms = content_terms(" ".join(w for w in words[1:] if w[:1].isupper()))
    return {t for t in terms if not month_number(t) or t in names}


def _unechoed(x: Candidate) -> float:
    return x.score + ECHO if x.score < -ECHO / 2 else x.score


def _dated(x: Candidate) -> bool:
    return bool(x.unit.date) and x.unit.date_source != "mtime"


def _unique(cands: Sequence[Candidate]) -> list[Candidate]:
    out: list[Candidate] = []
    for x in cands:
        terms = content_terms(x.text)
        if any(terms <= content_terms(p.text) and x.text.lower() in p.text.lower() or x.text == p.text
               for p in out):
            continue
        out.append(x)
    return out


def _related(a: str, b: str) -> bool:
    """Two word stems of one root ("taking" / "take", "invoiced" / "invoice")."""
    n = min(4, min(len(a), len(b)) - 1)
    return n >= 3 and a[:n] == b[:n]


def _total(items: Sequence[Candidate], c: Constraints, question: str) -> tuple[float, str] | None:
    """The sum of the asked quantity over the items, when each one carries it."""
    if c.operation != "sum" or len(items) < 2:
        return None
    values = [quantity(x.unit, c, question) for x in items]
    if any(v is None for v in values):
        return None
    unit = ""
    if c.measure == "money":
        currencies = {cur for x in items for _, cur in money(x.unit.text)}
        if len(currencies) != 1:
            return None
        unit = currencies.pop()
    else:
        unit = (c.measure or "").split("|")[0].replace("?", "")
    return float(sum(v for v in values if v is not None)), unit


def _format_total(total: tuple[float, str], question: str = "") -> str:
    value, unit = total
    if unit in {"£", "$"}:
        return f"{unit}{value:,.2f}"
    if unit == "€":
        return f"{tally.decimal(f'{value:,.2f}', question)} €"
    shown = f"{value:g}" if value != int(value) else f"{int(value)}"
    return f"{tally.decimal(shown, question)} {unit}".strip()


def answer_text(question: str, picked: Collected, parts: list[str]) -> str:
    """"3 matching entries in your notes (total £49.00): (1) … [1] (2) …" in the question's language."""
    head = lexicon.label("entries", question, n=len(picked.items))
    if picked.total is not None:
        head = head.rstrip(" :") + f" — {tally.total_word(question)} {_format_total(picked.total, question)}:"
    shown = parts[:MAX_ITEMS]
    more = f" (+{len(parts) - MAX_ITEMS} more)" if len(parts) > MAX_ITEMS else ""
    return f"{head} " + " ".join(f"({i}) {p}" for i, p in enumerate(shown, 1)) + more


def compose_items(question: str, picked: Collected) -> tuple[str, list[Any]]:
    """The answer text and its citations for the collected items."""
    items = picked.items[:MAX_ITEMS]
    # A checklist's items carry the list's dates (when one was done), not dates of their own.
    dated = any(_dated(x) for x in items) and not all(checklist.state(x.unit.quote) for x in items)
    parts, citations = cite(items, dated=dated, question=question)
    return answer_text(question, picked, parts), citations


def answer(question: str, units: Sequence[Unit], embedder: Embedder, idf: Mapping[str, float],
           window: tuple[str | None, str | None] = (None, None), searcher: Any = None,
           filters: Any = None) -> Any:
    """The extractive answer to an aggregation question: every match, constrained, counted or summed, listed."""
    from memex.agents.compose import Composed
    from memex.agents.extractive import pick

    units = _focus(units, idf, question)
    cands = score_units(question, units, embedder, idf)
    if not cands:
        return Composed("", [], 0.0, "aggregation", candidates=cands)
    c = constraints(question, window)
    more = (lambda anchors: records(searcher, anchors, filters)) if searcher is not None else None
    items = (lambda lead: section_items(searcher, lead, filters)) if searcher is not None else None
    changed = changed_on_day(question, units, cands)
    if changed:
        found = Collected(changed, [f"{len(changed)} rows changed on the day named"], None, changed[:1])
    else:
        found = collect(question, cands, idf, c, more, scorer(question, embedder, idf), items)
    if len(found.items) < 2:
        # One match: the plain best statements (never the "Latest: … Before that:" change-over-time form).
        picked = found.items or pick(cands, question=question)
        picked.sort(key=lambda x: (x.unit.rank, x.unit.position))
        texts, citations = cite(picked)
        return Composed(" ".join(texts), citations, cands[0].score, "aggregation (one match)", found.notes,
                        cands, picked, picked[:1] if found.items else cands[:1])
    found.items = _credit_subjects(question, found.items)
    text, citations = compose_items(question, found)
    notes = [f"{len(found.items)} matching statements", *found.notes]
    if found.total is not None:
        notes.append(f"total {_format_total(found.total)}")
    shown = found.items[:MAX_ITEMS]
    return Composed(text, citations, cands[0].score, "aggregation", notes, cands, shown, [*found.lead, *shown])


def _focus(units: Sequence[Unit], idf: Mapping[str, float], question: str = "") -> list[Unit]:
    """At most MAX_UNITS statements, those holding the question's item kind and rarest words first (a wide
    retrieval holds more statements than are scored; the matches must not be the ones cut)."""
    key = set(_kind_first(question, key_terms(idf))[:2])
    if len(units) <= MAX_UNITS or not key:
        return list(units)[:MAX_UNITS]
    hold = [u for u in units if key & (content_terms(u.text) | content_terms(u.subject))]
    rest = [u for u in units if not key & (content_terms(u.text) | content_terms(u.subject))]
    return (hold + rest)[:MAX_UNITS]


def _credit_subjects(question: str, items: list[Candidate]) -> list[Candidate]:
    """"Whose birthdays…?", "Who do I know that…?": a listed statement from a person's note answers with that
    note's name, which the answer shows as its subject ("Tomas Reid: Birthday: 3 February")."""
    from dataclasses import replace

    from memex.agents.answer_type import expected
    from memex.agents.compose import leading_name
    from memex.agents.extractive import says_subject

    if "person" not in expected(question).kinds:
        return items
    out = []
    for x in items:
        title = x.unit.subject.split(" › ")[0]
        if x.kind != 1.0 and not says_subject(x.unit) and leading_name(title) == title and " " in title:
            x = replace(x, kind=1.0)
        out.append(x)
    return out


def scorer(question: str, embedder: Embedder, idf: Mapping[str, float]) -> Callable[[list[Unit]], list[Candidate]]:
    """Scores further statements (rows read from the store) on the same scale as the retrieved ones."""
    return lambda us: score_units(question, us, embedder, idf)


__all__ = ["Collected", "answer", "Constraints", "Threshold", "amounts", "collect", "collecting", "compose_items",
           "constraints", "is_record", "money", "quantity", "records", "satisfies", "scorer", "section_items"]
