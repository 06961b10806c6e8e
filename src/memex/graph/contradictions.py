"""Contradictions: two dated statements about the same subject whose values disagree; the later one wins.

A pair qualifies when the statements share enough rare subject words (weighted overlap), state a value of
the same type (a day, a time, an amount, a dose, a date, a frequency) with different values, and were made
on different dates. A change cue in the later one ("moved to", "now", "increased from … to") lowers the bar.
Each later statement keeps its best earlier match, so a chain (£46,800 → £52,350 → £55,900) yields
consecutive pairs. Candidates come from an inverted index over the rarest subject words, never all pairs.
"""
from __future__ import annotations

import json
import math
import re
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date as _date
from functools import lru_cache
from itertools import chain
from typing import Any

import numpy as np

from memex.graph import change_words
from memex.graph.statements import CONTEXT_MARK as _MARK
from memex.graph.statements import FOREIGN, foreign_day_names, stem

VALUE_TYPES = ("money", "time", "weekday", "date", "quantity", "frequency", "duration", "percent", "name")
"""Value types that can disagree (plain numbers only count when a statement has nothing else)."""
MIN_OVERLAP = 0.2
"""Weighted share of subject words the two statements must have in common (with a change cue)."""
MIN_OVERLAP_NO_CUE = 0.3
MIN_SHARED = 1
RARE_TERMS = 4
"""Candidate partners are found through each statement's rarest subject words."""
MAX_DF_SHARE = 0.05
MIN_DF_CAP = 30
MIN_SCORE = 0.2
"""A pair is reported when subject similarity x change-cue factor x evidence factors reaches this."""
MAX_POSTINGS = 1000
"""A subject word held by more dated statements than this (a 10,000-row log in one note: rare by notes, not
by statements) finds no candidates, so one huge note cannot make the pairing quadratic."""
CUE_STRONG, CUE_WEAK, CUE_NONE = 1.0, 0.8, 0.55
"""How much a change cue in the later statement counts: "moved to", "now", "increased from … to" (strong);
"was", "since", "new" (weak); none."""
ONE_TERM = 0.5
"""Only one subject word in common: weaker evidence that both statements are about the same thing."""
EVENT = 0.7
"""A log line or table row (or two lines of one note: an itinerary, a plan) without a strong cue is an
event (a run, a sale, a day), rarely a changed fact."""
NUMBER_ONLY = 0.5
"""Only bare numbers differ (no unit, day, time, amount): often a count, a page, a version."""
UPCOMING = 0.5
"""Both statements give the next date of a recurring event, with no change cue: the series moving on."""
APART = 0.5
"""Each statement's rarest subject word is its own: probably two things in one context (two tablets, two rooms)."""
MAX_VALUES = 4
"""A statement giving more values of one kind than this lists things; it does not state one value."""
ONE_DAY = True
"""A weekday that names one day ("last Friday", "Monday 2 March") is not a recurring day to compare."""
SELF_DATED = True
"""Two statements whose only differing values are dates, each the day it was said, are two events."""
PAST_DAYS = 14
"""...or up to this many days before it: a past event reported a few days later ("signed (12 March)" in the
week's note), not a date something is due on."""
LIST_VALUES = 8
"""A statement holding more values than this (bare numbers included) is a list or a sum, not one value."""
NUMBERED = True
"""Two statements numbering the same thing differently ("Stage 2" / "Stage 3") are about two things."""
STATED_BEFORE = True
"""A later statement that says what it replaced ("from £35 to £42") pairs only with a statement of that value."""
REPLACED_HELD = True
"""A later statement that names a value the older one holds as replaced ("from 100 mm to 270 mm" after "100 mm
insulation, needs topping up to 270 mm") disagrees with it, even when the older one also names the new value
(as a plan), unless the older one names the same change ("the plan is to go up from 5 mg to 10 mg")."""
CUE_ONLY = frozenset({"percent"})
"""Value kinds that disagree only when the later statement says something changed: a share is mostly a
measurement taken again (attendance 79%, then 82%), a rate that was changed says so ("switched to 4.34%")."""
SHARED_AGREES = frozenset({"time", "weekday", "money", "quantity", "duration"})
"""Value kinds where, without a strong cue, one value in common means the statements agree."""
_NEXT = re.compile(r"\bnext\b", re.I)
TOPIC_BASE, TOPIC_SLOPE, TOPIC_MID = 0.5, 2.0, 0.5
"""Passages on the same topic (vector cosine above TOPIC_MID) keep their score; unrelated ones lose it."""
TOPIC_FLOOR = False
"""A pair that shares two subject words, the later saying it changed, keeps at least its subject similarity
as topic factor (the chunks' vectors speak for whole passages, not for the two lines)."""
TOPIC_EMBEDDERS = frozenset({"minilm", "multilingual"})
"""Embedder kinds whose cosines the topic factor can read (else the factor is left out)."""
TOPIC_SCALES: dict[str, tuple[float, float]] = {"minilm": (0.21, 0.142), "multilingual": (0.837, 0.029)}
"""Mean and spread of the cosine of two random passages, per embedder kind (bench: 400 passages of each of three
homes; engineer, teacher, nurse for MiniLM, 0.195–0.242 / 0.141–0.143; kine, imkerin, panadera for
multilingual-e5-small, 0.832–0.841 / 0.027–0.030). The factor was set on MiniLM cosines: another model's
cosine is read on MiniLM's scale by its distance from its own random-pair mean, in spreads."""
_STRONG_CUE = re.compile(
    r"\b(?:mov(?:ed|es|ing)|(?:has |have )?changed?|changes|changing|now|no longer|not any ?more|instead|"
    r"increased|decreased|reduced|raised|lowered|cut|went (?:up|down)|goes (?:up|down)|gone (?:up|down)|"
    r"(?:up|down) (?:to|from)|dropped|slip(?:s|ped)|revised|replaced|replaces|switched|updated|rescheduled|"
    r"postponed|brought forward|took over|takes over|extended|new (?:\w+ )?(?:date|time|slot|price|rate|fee|"
    r"deadline|address|manager|mentor|total|figure|plan)|from .{1,40}? to|previously|used to|"
    r"(?:from|as of|with effect from|effective|starting)[\s*_]+(?:\d|(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?|"
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|"
    r"nov(?:ember)?|dec(?:ember)?|next|this|today|tomorrow))\b|→", re.I)


@dataclass(frozen=True)
class StatementRow:
    """A stored statement."""

    id: int
    doc_id: int
    chunk_id: int
    text: str
    terms: tuple[str, ...]
    slots: dict[str, list[str]]
    date: str | None
    cue: bool
    context: tuple[str, ...] = ()
    """Subject words of the heading or label line above the statement (stored as "^word" terms)."""


@dataclass(frozen=True)
class Contradiction:
    """An older statement and the later one that replaces it."""

    old: StatementRow
    new: StatementRow
    subject: str
    score: float
    values: tuple[str, str]
    """What changed, as shown: (old value, new value)."""
    by_place: bool = False
    """Paired by where both stand (one note, one heading) rather than by words they share."""


def _rank(c: Contradiction) -> tuple[bool, float]:
    """A pair found by shared words beats one found only by place: the place pairs fill the gaps."""
    return (not c.by_place, c.score)


def _rows(conn: sqlite3.Connection, where: str = "", args: Sequence[object] = ()) -> list[StatementRow]:
    return [StatementRow(int(r[0]), int(r[1]), int(r[2]), r[3], tuple(json.loads(r[4])), json.loads(r[5]), r[6],
                         bool(r[7]))
            for r in conn.execute(f"SELECT id, doc_id, chunk_id, text, terms, slots, date, cue FROM graph_statements"
                                  f"{where}", args)]


def _dates(values: list[str], other: list[str]) -> set[str]:
    """Dates compare by month and day when either side was written without a year."""
    if any(v.startswith("--") for v in values + other):
        return {v[-5:] for v in values}
    return set(values)


_CLOCK = re.compile(r"(\d{1,2})(?::(\d{2}))?\s*(am|pm)?$")
_AMOUNT = re.compile(r"(\d+(?:\.\d+)?)\s*([^\d\s].*)?$")
_UNITS = {"mm": ("m", 0.001), "cm": ("m", 0.01), "m": ("m", 1.0), "km": ("m", 1000.0),
          "mi": ("mi", 1.0), "mile": ("mi", 1.0), "miles": ("mi", 1.0),
          "mcg": ("g", 1e-6), "µg": ("g", 1e-6), "mg": ("g", 0.001), "g": ("g", 1.0), "kg": ("g", 1000.0),
          "ml": ("l", 0.001), "l": ("l", 1.0), "min": ("s", 60.0), "mins": ("s", 60.0), "minute": ("s", 60.0),
          "minutes": ("s", 60.0), "h": ("s", 3600.0), "hr": ("s", 3600.0), "hrs": ("s", 3600.0),
          "hour": ("s", 3600.0), "hours": ("s", 3600.0), "percent": ("%", 1.0), "per cent": ("%", 1.0),
          "day": ("d", 1.0), "days": ("d", 1.0), "week": ("d", 7.0), "weeks": ("d", 7.0)}


_FREQUENCY = {"daily": "1/d", "once a day": "1/d", "every day": "1/d", "once daily": "1/d", "twice daily": "2/d",
              "twice a day": "2/d", "three times daily": "3/d", "three times a day": "3/d", "three calls a day": "3/d",
              "once weekly": "1/w", "twice weekly": "2/w", "once monthly": "1/m",
              "weekly": "1/w", "once a week": "1/w", "every week": "1/w", "twice a week": "2/w",
              "fortnightly": "1/2w", "every two weeks": "1/2w", "every other week": "1/2w",
              "monthly": "1/m", "once a month": "1/m", "every month": "1/m", "twice a month": "2/m",
              "yearly": "1/y", "annually": "1/y", "once a year": "1/y"}
"""Frequencies said in different words: "twice daily" is "twice a day", "fortnightly" "every two weeks"."""


@lru_cache(maxsize=65536)
def _same_value(kind: str, value: str) -> str:
    """A value as compared (not as shown): "9am", "9:00" and "09.00" are one time (on a 12-hour clock: a
    range "5:00–5:45pm" writes its am/pm once); "60 cm" and "0.6 m", "50 min" and "50 minutes" one amount."""
    v = value.strip().lower()
    if kind == "time":
        m = _CLOCK.match(v.replace(".", ":"))
        if m:
            return f"{int(m.group(1)) % 12}:{m.group(2) or '00'}"
    elif kind == "percent":
        return v.replace(" ", "").replace("percent", "%").replace("per cent", "%")
    elif kind == "frequency":
        return _FREQUENCY.get(" ".join(v.split()), v)
    elif kind == "quantity":
        m = _AMOUNT.match(v.replace(",", "."))
        if m and m.group(2) and m.group(2).strip() in _UNITS:
            base, factor = _UNITS[m.group(2).strip()]
            return f"{float(m.group(1)) * factor:.6g}{base}"
    return v


def _unit(value: str) -> str:
    """The unit a compared quantity is in ("18000s" -> "s"), "" for a bare number."""
    return value.lstrip("0123456789.,-+ e")


def _conflict(a: dict[str, list[str]], b: dict[str, list[str]], cue: float = CUE_STRONG,
              before: dict[str, set[str]] | None = None, aside: frozenset[str] = frozenset(),
              old_before: dict[str, set[str]] | None = None, moved: dict[str, set[str]] | None = None,
              named_new: bool = False) -> tuple[str, str] | None:
    """Value types both state with different values: (old values, new values) as text, or None. Without a
    strong change cue in the later statement, a shared value is agreement: one statement gives more (a
    range, both prices) of what the other says."""
    conflicting = []
    for kind in VALUE_TYPES:
        va, vb = a.get(kind), b.get(kind)
        if not (va and vb):
            continue
        if kind == "name":
            if _names_differ(va, vb, cue >= CUE_STRONG or named_new):
                conflicting.append(kind)
            continue
        sa, sb = (_dates(va, vb), _dates(vb, va)) if kind == "date" else (
            {_same_value(kind, v) for v in va}, {_same_value(kind, v) for v in vb})
        if kind == "quantity":
            # amounts of different things (5 hours, 75 km) do not compare: only units both sides use
            units = {_unit(v) for v in sa} & {_unit(v) for v in sb}
            sa, sb = {v for v in sa if _unit(v) in units}, {v for v in sb if _unit(v) in units}
            if not sb:
                continue
        prior = (moved or {}).get(kind, set())
        if REPLACED_HELD and prior & sa and sb - prior and not prior & (old_before or {}).get(kind, set()):
            conflicting.append(kind)  # "topped up from 100 mm to 270 mm" replaces the "100 mm" the older one held
            continue
        if sb <= sa:
            continue
        if cue < CUE_STRONG and kind in CUE_ONLY:
            continue
        if cue < CUE_STRONG and kind in SHARED_AGREES and sa & sb:
            continue
        told = [v for v in vb if v not in aside] or vb  # "(the centre gave the 8pm slot to a league)": an aside
        if kind != "date" and len(vb) > 1 and _same_value(kind, told[-1]) in sa \
                and _same_value(kind, told[-1]) not in (before or {}).get(kind, ()):
            continue  # "from £35 to £42" said after "£42": the later one ends on the older value
            # (unless that last value is what it replaced: "60 g at flameout (was 40 g)")
        if kind == "date" and len(sa | sb) > 4:
            continue  # lists of dates (schedules) are not one value
        if kind != "date" and max(len(sa), len(sb)) > MAX_VALUES:
            continue  # a budget line, a price list, a year's summary: many values, none of them the one stated
        conflicting.append(kind)
    if conflicting:
        shown = [k for k in VALUE_TYPES if a.get(k) and b.get(k)]
        return " ".join(" ".join(a[k]) for k in shown), " ".join(" ".join(b[k]) for k in shown)
    if not any(a.get(k) for k in VALUE_TYPES) and not any(b.get(k) for k in VALUE_TYPES):
        na, nb = a.get("number"), b.get("number")
        if na and nb and set(na) != set(nb) and len(na) == 1 and len(nb) == 1:
            return na[0], nb[0]
    return None


def _names_differ(old: list[str], new: list[str], said_changed: bool) -> bool:
    """A later statement names the one the older gives as replaced ("replaces Nadia Haddad", "Ben Holt → Ruth
    Ames"), or, saying it changed ("is now", "new coordinator:"), gives a name the older one does not."""
    old_now = {v for v in old if not v.startswith("-")}
    new_now = {v for v in new if not v.startswith("-")}
    new_was = {v[1:] for v in new if v.startswith("-")}
    if new_was:
        return bool(new_was & old_now)  # it names what it replaced: only that one is contradicted
    return said_changed and bool(new_now) and bool(old_now) and not (new_now & old_now) and not (new_now & {
        v[1:] for v in old if v.startswith("-")})


_NAMED_NEW = re.compile(r"^[\s\-*•>]*(?:\*\*)?\s*(?:new|nouve(?:au|l|lle)|neue[rsn]?|nuev[oa]|nov[oa]|nuov[oa]|nieuwe?)\s",
                        re.I)
"""A label line that says its value is new ("New coordinator: Priya Shah")."""


def find(conn: sqlite3.Connection, doc_ids: Sequence[int] | None = None) -> list[Contradiction]:
    """Contradictions involving statements of `doc_ids` (every statement when None)."""
    n_docs = max(2, int(conn.execute("SELECT count(*) FROM documents").fetchone()[0]))
    all_rows = [_restem(r) for r in _rows(conn)]
    if not all_rows:
        return []
    by_id = {r.id: r for r in all_rows}
    postings: dict[str, list[int]] = {}
    for r in all_rows:
        for t in r.terms:
            postings.setdefault(t, []).append(r.id)
    doc_freq = {t: len({by_id[i].doc_id for i in ids}) for t, ids in postings.items()}
    # an undated statement pairs with nothing (it is neither older nor newer): it is never a candidate
    postings = {t: kept for t, ids in postings.items() if (kept := [i for i in ids if by_id[i].date])}
    cap = max(MIN_DF_CAP, int(MAX_DF_SHARE * n_docs))
    idf_of = {t: math.log((n_docs + 1) / (df + 0.5)) for t, df in doc_freq.items()}

    def idf(t: str) -> float:
        w = idf_of.get(t)
        return math.log((n_docs + 1) / 1.5) if w is None else w

    wanted = None if doc_ids is None else set(doc_ids)
    focus = all_rows if wanted is None else [r for r in all_rows if r.doc_id in wanted]
    # Each statement's candidates share one of its RARE_TERMS rarest words; a pair found from both sides is
    # scored once (the second visit reuses the first's result, so the updates below happen in the same order).
    rare = {s.id: sorted((t for t in s.terms if doc_freq.get(t, 0) <= cap
                          and len(postings.get(t, ())) <= MAX_POSTINGS), key=lambda t: doc_freq[t])[:RARE_TERMS]
            for s in focus}
    pos = {s.id: i for i, s in enumerate(focus)}
    in_doc: dict[int, list[int]] = {}
    if NOTE_PAIRS:
        for r in all_rows:
            if r.date:
                in_doc.setdefault(r.doc_id, []).append(r.id)
    for ids in in_doc.values():
        ids.sort()
    at_in_doc = {i: n for ids in in_doc.values() for n, i in enumerate(ids)}
    sections: dict[tuple[int, tuple[str, ...]], list[int]] = {}
    if SECTION_PAIRS:
        for r in all_rows:
            if r.context and r.date:
                sections.setdefault((r.doc_id, r.context), []).append(r.id)
    done: dict[tuple[int, int], Contradiction] = {}
    facts = _Facts()
    best: dict[int, Contradiction] = {}
    topics = _Topics(conn)
    for s in focus:
        if not s.date:
            continue
        seen = dict.fromkeys(chain.from_iterable(postings.get(t, ()) for t in rare[s.id]))
        if s.context and len(mates := sections.get((s.doc_id, s.context), ())) <= SECTION_MAX:
            seen.update(dict.fromkeys(mates))
        if NOTE_PAIRS and facts.of(s).cue >= CUE_STRONG:
            note = in_doc[s.doc_id]
            at = at_in_doc[s.id]
            seen.update(dict.fromkeys(note[max(0, at - NOTE_BACK):at]))
        seen.pop(s.id, None)
        me = pos[s.id]
        for other_id in seen:
            o = by_id[other_id]
            if not s.date or not o.date or s.date == o.date:
                continue
            key = (other_id, s.id) if other_id < s.id else (s.id, other_id)
            there = pos.get(other_id)
            if there is not None and there < me and _shares(s.terms, rare[other_id]):
                c = done.pop(key, None)  # scored when `other` was visited
            else:
                old, new = (o, s) if o.date < s.date else (s, o)
                c = _score(old, new, idf, topics, facts)
                if c is not None and there is not None and there > me and _shares(o.terms, rare[s.id]) \
                        and _shares(s.terms, rare[other_id]):
                    done[key] = c
            if c is not None and (c.new.id not in best or _rank(c) > _rank(best[c.new.id])):
                best[c.new.id] = c
    # one earlier statement is replaced once: keep its strongest successor
    by_old: dict[int, Contradiction] = {}
    for c in best.values():
        if c.old.id not in by_old or _rank(c) > _rank(by_old[c.old.id]):
            by_old[c.old.id] = c
    return sorted(by_old.values(), key=lambda c: (c.new.date or "", c.score), reverse=True)


def _shares(terms: tuple[str, ...], rare: list[str]) -> bool:
    return any(t in terms for t in rare)


@lru_cache(maxsize=65536)
def _stem_once(term: str) -> str:
    """stem() is pure: a vault repeats a few thousand subject words across all its statements."""
    return stem(term)


def _restem(r: StatementRow) -> StatementRow:
    """Stored subject words, stemmed further (rows stored before the stemmer grew compare the same); the
    heading words ("^word") apart, as the row's context."""
    own = [t for t in r.terms if t[:1] != _MARK]
    terms = tuple(dict.fromkeys(t if t[:1] == "#" else _stem_once(t) for t in own))
    context = tuple(dict.fromkeys(_stem_once(t[1:]) for t in r.terms if t[:1] == _MARK and len(t) > 1)) or r.context
    if terms == r.terms and context == r.context:
        return r
    return StatementRow(r.id, r.doc_id, r.chunk_id, r.text, terms, r.slots, r.date, r.cue, context)



def cue_level(text: str, stored_cue: bool) -> float:
    """How clearly a statement says something changed: CUE_STRONG, CUE_WEAK or CUE_NONE."""
    said = _ASIDE.sub(" ", text) if ASIDES else text
    if _STRONG_CUE.search(said) or (FOREIGN and change_words.STRONG.search(said)):
        return CUE_STRONG
    return CUE_WEAK if stored_cue else CUE_NONE


_ASIDE = re.compile(r"\([^()]{0,80}\)")
ASIDES = True
"""A change word inside brackets is an aside ("train + taxi (no car now!)"), not the statement's own change."""


@dataclass(frozen=True)
class PairEvidence:
    """What a candidate pair has going for it (before weighting)."""

    sim: float
    """Weighted share of subject words in common (0..1)."""
    cue: float
    shared: int
    event: bool
    number_only: bool
    values: tuple[str, str]
    subject: str
    topic: float | None = None
    """Cosine of the two passages' stored vectors (same topic?), when both have one."""
    upcoming: bool = False
    """Both say when the *next* one is ("Next review: Thursday 14 May"): a recurring event moving on."""
    apart: bool = False
    """Each statement has a subject word rarer than every word they share, which the other lacks."""
    section: bool = False
    """Both stand under one heading of one note and the later says it changed (SECTION_PAIRS)."""
    in_note: bool = False
    """One note, no word in common, the later says it changed a value of the same kind (NOTE_PAIRS)."""


def evidence(old: StatementRow, new: StatementRow, idf,  # type: ignore[no-untyped-def]
             facts: _Facts | None = None) -> PairEvidence | None:
    """Same subject (weighted shared words), same kind of value with a different value; None when the pair
    cannot be a contradiction at all. `facts` caches what depends on one statement only (find scores each
    statement against many others)."""
    fo, fn = (facts or _Facts()).of(old), (facts or _Facts()).of(new)
    cue = fn.cue
    words_old, words_new = fo.terms, fn.terms
    section = _same_section(old, new) and cue >= CUE_STRONG and not (fo.entry or fn.entry)
    if section:
        # "## Subs": "£12 a month (2025-26)" … "£15 a month from 1 September 2026": the heading names the subject
        words_old, words_new = fo.terms | set(old.context), fn.terms | set(new.context)
    shared = words_old & words_new
    in_note = False
    if len(shared) < MIN_SHARED:
        if not (NOTE_PAIRS and old.doc_id == new.doc_id and cue >= CUE_STRONG and not _table_row(old.text)
                and not _table_row(new.text) and not fn.entry
                and not (fo.periods and fn.periods and not fo.periods & fn.periods)):
            return None
        # one note, the later line says it changed, the same kind of value: "£875 a month (since Aug 2023)" …
        # "going up to £925 a month from 1 August 2026" (the note's subject is the subject)
        in_note = True
    if old.doc_id == new.doc_id and cue < CUE_STRONG and fo.entry and fn.entry:
        return None  # two rows of one log or table are two events (a firing, a run, a sale), not a change
    ids_old, ids_new = fo.ids, fn.ids
    if ids_old and ids_new and not ids_old & ids_new:
        return None  # two records with different identifiers (INV-2024-0017, INV-2024-0029)
    old_slots, new_slots = fo.days, fn.days
    if max(fo.n_values, fn.n_values) > LIST_VALUES:
        return None  # "Mortgage 798 · council tax 122 · … · veg box 45 → about £2,150": a list, not a value
    if NUMBERED and _numbered_apart(fo.numbered, fn.numbered, shared):
        return None  # "Stage 2 submission" and "Stage 3 submission": two numbered things, not one that changed
    values = _conflict(old_slots, new_slots, cue, fn.before if STATED_BEFORE else None, fn.aside, fo.before,
                       fn.moved, bool(_NAMED_NEW.match(new.text)))
    if values is None:
        return None
    if STATED_BEFORE and _other_predecessor(old_slots, fn.before):
        return None  # "went up from £35 to £42" names what it replaced, and it is not this statement's £45
    if SELF_DATED and fo.self_dated and fn.self_dated and _conflict(
            {k: v for k, v in old_slots.items() if k not in ("date", "number")},
            {k: v for k, v in new_slots.items() if k not in ("date", "number")},
            cue) is None:
        return None  # "signed 30 July" then "signed 28 September": each dates itself, two events, not a change
    if (in_note or (section and not fo.terms & fn.terms)) and not _one_kind(values, old_slots, new_slots, old.date,
                                                                          new.date):
        return None  # only the place says they are about one thing: the values must say it too
    if in_note:
        return PairEvidence(sim=NOTE_SIM, cue=cue, shared=0, event=False, number_only=False, values=values,
                            subject="", in_note=True)
    union = words_old | words_new
    overlap = sum(idf(t) for t in shared) / max(1e-9, sum(idf(t) for t in union))
    # the smaller statement's words matter most: "the weekly sync is on Tuesday" vs a long retro line
    small = words_old if len(words_old) <= len(words_new) else words_new
    cover = sum(idf(t) for t in shared) / max(1e-9, sum(idf(t) for t in small))
    # each names its own rarer thing ("Atorvastatin 40 mg … at teatime" / "Donepezil 10 mg … at teatime"):
    # two subjects that share a context, not one subject said twice
    top_shared = max(idf(t) for t in shared)
    own_old = max((idf(t) for t in words_old - shared), default=0.0)
    own_new = max((idf(t) for t in words_new - shared), default=0.0)
    apart = cue < CUE_STRONG and own_old > top_shared and own_new > top_shared
    return PairEvidence(
        apart=apart, section=section,
        upcoming=fo.next and fn.next,
        sim=0.5 * overlap + 0.5 * cover, cue=cue, shared=len(shared),
        event=cue < CUE_STRONG and (fo.entry or fn.entry or old.doc_id == new.doc_id),
        number_only=not any(old.slots.get(k) and new.slots.get(k) for k in VALUE_TYPES), values=values,
        subject=" ".join(sorted(shared, key=lambda t: -idf(t))[:3]))


SECTION_PAIRS = True
"""Two statements under the same heading (or label line) of one note, the later saying it changed, are about
the heading's subject: its words count as theirs."""
SECTION_SIM = 0.5
"""The subject similarity a section pair has at least: the heading is the subject both sentences leave out."""
SECTION_MAX = 60
"""A section holding more statements than this is a log or a list: its statements are not paired by section."""


NOTE_PAIRS = True
"""Two statements of one note that share no subject word pair when the later says it changed a value of the
one kind both state (a note is about one thing: "Rent and bills", "Plot 14B", "Mortgage")."""
NOTE_SIM = 0.4
NOTE_BACK = 40
"""A statement looks this many statements back in its note for a predecessor (a long note is a log)."""
MAX_RATIO = 2.0
"""Two amounts further apart than this factor are two things (a fee and a deposit), not one that changed."""
_PERIOD_WORDS = {
    "month": r"a\s+month|per\s+month|/\s?(?:month|mo|mois|monat|mes|mês|mese|maand)|monthly|pcm|p\.?m\.?|par\s+mois|"
             r"mensuel\w*|pro\s+monat|monatlich|im\s+monat|al\s+mes|mensual\w*|por\s+mês|ao\s+mês|mensal\w*|"
             r"al\s+mese|mensil\w*|per\s+maand|maandelijks|a\s+calendar\s+month",
    "year": r"a\s+year|per\s+(?:year|annum)|/\s?(?:year|yr|an|jahr|año|ano|anno|jaar)|annual\w*|yearly|p\.?a\.?|"
            r"par\s+an|annuel\w*|pro\s+jahr|jährlich|im\s+jahr|al\s+año|anual\w*|por\s+ano|ao\s+ano|"
            r"all['’]anno|annu\w*|per\s+jaar|jaarlijks",
    "week": r"a\s+week|per\s+week|/\s?(?:week|wk|semaine|woche|semana|settimana)|weekly|par\s+semaine|"
            r"hebdo\w*|pro\s+woche|wöchentlich|por\s+semana|semanal\w*|a\s+settimana|settimanal\w*|wekelijks",
    "day": r"a\s+day|per\s+day|/\s?(?:day|jour|tag|día|dia|giorno|dag)|daily|par\s+jour|pro\s+tag|täglich|"
           r"por\s+día|al\s+día|por\s+dia|al\s+giorno|per\s+dag|dagelijks",
    "hour": r"an\s+hour|per\s+hour|/\s?(?:h|hr|hour|heure|stunde|hora|ora|uur)\b|hourly|de\s+l['’]heure|"
            r"pro\s+stunde|por\s+hora|all['’]ora|per\s+uur",
}
_PERIODS = {k: re.compile(r"(?<![\w])(?:" + v + r")(?![\w])", re.I) for k, v in _PERIOD_WORDS.items()}


def _periods(text: str) -> frozenset[str]:
    """What the statement's amounts are counted per: a rent "a month" and a licence "a year" are two things."""
    return frozenset(k for k, p in _PERIODS.items() if p.search(text))


def _table_row(text: str) -> bool:
    return text.lstrip().startswith("|")


_NUMBER = re.compile(r"\d+(?:\.\d+)?")


NOTE_KINDS = frozenset({"money", "time", "weekday", "date", "frequency"})
"""Value kinds a note pair may disagree in: prices and schedules; a measured amount or share (a weight, a
distance, an attendance) is taken again rather than changed, and a name needs a subject word to bind to."""


_FAMILY = {"time": "when", "weekday": "when", "date": "when"}
"""Value kinds that together say one thing: when (a day, a date and a time of one meeting)."""


def _one_kind(values: tuple[str, str], old: dict[str, list[str]], new: dict[str, list[str]],
              old_said: str | None = None, new_said: str | None = None) -> bool:
    """The pair disagrees in one kind of value, each side states one or two of it, and amounts are of one size
    (within MAX_RATIO): "£875" and "£925" are one rent, "£118" and "£925" a direct debit and a rent."""
    kinds = [k for k in VALUE_TYPES if old.get(k) and new.get(k)]
    if len({_FAMILY.get(k, k) for k in kinds}) != 1 or not set(kinds) <= NOTE_KINDS:
        return False  # "Tuesdays 19:30" → "Thursdays 19:00" is one schedule; a price and a date are two facts
    if "date" in kinds and not _pending(old["date"], old_said, new_said):
        return False
    kind = kinds[0]
    va, vb = old[kind], [v for v in new[kind] if not v.startswith("-")]
    if not vb or len(va) > 2 or len(vb) > 2:
        return False
    if kind in ("money", "quantity", "percent"):
        na = [float(m.group(0)) for v in va if (m := _NUMBER.search(v.replace(",", "")))]
        nb = [float(m.group(0)) for v in vb if (m := _NUMBER.search(v.replace(",", "")))]
        return any(0 < x <= y * MAX_RATIO and 0 < y <= x * MAX_RATIO for x in na for y in nb)
    return True


def _pending(dates: list[str], old_said: str | None, new_said: str | None) -> bool:
    """A date is moved while it is still to come: every date the older statement gives lies after the day it was
    said and after the day the later one was said ("surgery 12 May", then on 29 April "now 26 May"); a date
    already past when the later line was written was an event, not a plan that changed."""
    if not old_said or not new_said:
        return False
    for v in dates:
        day = f"{old_said[:4]}{v[1:]}" if v.startswith("--") else v[:10]
        if not (day > old_said[:10] and day > new_said[:10]):
            return False
    return True


def facts_shared(a: StatementRow, b: StatementRow, facts: _Facts | None = None) -> bool:
    """The two statements share a subject word of their own (not only their place's)."""
    f = facts or _Facts()
    return bool(f.of(a).terms & f.of(b).terms)


def _same_section(a: StatementRow, b: StatementRow) -> bool:
    return SECTION_PAIRS and a.doc_id == b.doc_id and bool(a.context) and a.context == b.context


def weigh(e: PairEvidence) -> float:
    """The pair's score: similarity x change cue x penalties for weak evidence."""
    sim = max(e.sim, SECTION_SIM) if e.section else e.sim
    if sim < (MIN_OVERLAP if e.cue > CUE_NONE else MIN_OVERLAP_NO_CUE):
        return 0.0
    score = sim * e.cue
    if e.shared < 2 and not (e.section or e.in_note):
        score *= ONE_TERM
    if e.event:
        score *= EVENT
    if e.number_only:
        score *= NUMBER_ONLY
    if e.upcoming and e.cue < CUE_STRONG:
        score *= UPCOMING
    if e.apart:
        score *= APART
    if e.topic is not None:
        factor = max(0.0, min(1.0, TOPIC_BASE + TOPIC_SLOPE * (e.topic - TOPIC_MID)))
        if TOPIC_FLOOR and e.cue >= CUE_STRONG and e.shared >= 2:
            # a journal day's chunk is about many things: its vector says little about one line that names the
            # subject in two rare words and says it changed ("Veg box going up to £21" / "Veg box £18 a week")
            factor = max(factor, e.sim)
        score *= factor
    return score


@dataclass(frozen=True)
class _Fact:
    """What `evidence` needs of one statement, computed once per statement."""

    terms: frozenset[str]
    ids: frozenset[str]
    cue: float
    entry: bool
    days: dict[str, list[str]]
    self_dated: bool
    next: bool
    before: dict[str, set[str]]
    """Values the statement itself says were replaced ("from £35 to £42": {"money": {"£35"}})."""
    numbered: dict[str, set[str]]
    """Subject word -> the numbers written right after it ("Stage 2")."""
    n_values: int
    aside: frozenset[str] = frozenset()
    """Values written only inside brackets (an aside, not what the statement ends on)."""
    moved: dict[str, set[str]] = field(default_factory=dict)
    """Values a "from X to Y" / "X → Y" says were replaced (not "it was X", which may only compare)."""
    periods: frozenset[str] = frozenset()
    """What an amount is counted per ("a month", "/mois", "pro Jahr", "annually"): "month", "year"..."""


ASIDE_VALUES = True
"""A value written only in brackets is an aside: it is not the value a statement "ends on" (see _conflict)."""


def _aside_values(r: StatementRow) -> frozenset[str]:
    asides = _ASIDE.findall(r.text)
    if not asides:
        return frozenset()
    inside = _COMPACT.sub("", " ".join(asides)).lower()
    outside = _COMPACT.sub("", _ASIDE.sub(" ", r.text)).lower()
    return frozenset(v for k, vs in r.slots.items() if k != "number" for v in vs
                     if (c := _COMPACT.sub("", v).lower()) in inside and c not in outside)


class _Facts:
    """Per-statement facts by statement id (one `find` run: ids are unique there)."""

    def __init__(self) -> None:
        self.cache: dict[int, _Fact] = {}

    def of(self, r: StatementRow) -> _Fact:
        f = self.cache.get(r.id)
        if f is None:
            before = _before(r)
            cue = cue_level(r.text, r.cue)
            if NAMED_BEFORE_CUE and (_NAMED_BEFORE.search(r.text) or (FOREIGN and change_words.INSTEAD.search(r.text))) \
                    and _replaced_one(r, before):
                cue = CUE_STRONG  # "£538! Was £412.", "£36.50 (was £32 until March)": says what it replaced
            f = _Fact(terms=frozenset(r.terms), ids=frozenset(t for t in r.terms if t[:1] == "#"),
                      cue=cue, entry=_entry(r.text), days=_frequencies(r, _recurring_days(r)),
                      self_dated=_self_dated(r), before=before,
                      next=bool(_NEXT.search(r.text) or (FOREIGN and change_words.NEXT.search(r.text))),
                      numbered=_numbers_of(r.text, frozenset(r.terms)), n_values=_count_values(r),
                      aside=_aside_values(r) if ASIDE_VALUES else frozenset(), moved=_before(r, moves_only=True),
                      periods=_periods(r.text) if NOTE_PAIRS else frozenset())
            self.cache[r.id] = f
        return f


class _Topics:
    """Cosines between the stored vectors of two passages, read from SQLite on demand."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.cache: dict[int, dict[str, Any]] = {}

    def _vectors(self, chunk: int) -> dict[str, Any]:
        if chunk not in self.cache:
            self.cache[chunk] = {e: np.frombuffer(v, dtype="<f4") for e, v in self.conn.execute(
                "SELECT embedder, vector FROM embeddings WHERE chunk_id = ?", (chunk,))}
        return self.cache[chunk]

    def cosine(self, a: int, b: int) -> float | None:
        if a == b:
            return 1.0
        va, vb = self._vectors(a), self._vectors(b)
        for emb in va.keys() & vb.keys():
            if emb.split(":", 1)[0] not in TOPIC_EMBEDDERS:
                continue  # the factor's scale was set on MiniLM cosines; other models' scales differ
            x, y = va[emb], vb[emb]
            if len(x) == len(y):
                cos = float(x @ y / max(1e-9, float(np.linalg.norm(x) * np.linalg.norm(y))))
                kind = emb.split(":", 1)[0]
                if kind != "minilm" and kind in TOPIC_SCALES:
                    (mean, spread), (m_mean, m_spread) = TOPIC_SCALES[kind], TOPIC_SCALES["minilm"]
                    cos = m_mean + (cos - mean) / spread * m_spread
                return cos
        return None


def _score(old: StatementRow, new: StatementRow, idf, topics: _Topics | None = None,  # type: ignore[no-untyped-def]
           facts: _Facts | None = None) -> Contradiction | None:
    """A scored contradiction, or None below MIN_SCORE."""
    e = evidence(old, new, idf, facts)
    if e is None:
        return None
    if topics is not None and weigh(e) >= MIN_SCORE:  # only pairs that could make it pay for the vectors
        e = replace(e, topic=topics.cosine(old.chunk_id, new.chunk_id))
    score = weigh(e)
    if score < MIN_SCORE or score <= 0:
        return None
    return Contradiction(old, new, e.subject, round(score, 4), e.values, by_place=e.in_note or (e.section and (
        e.shared < 2 or not facts_shared(old, new, facts))))


_ENTRY = re.compile(r"[\s#*>•|\[\]x-]*(?:\d{1,4}[-/. ]|(?:mon|tue|wed|thu|fri|sat|sun)\w*\b|day \d+\b)", re.I)


_DAY_NAME = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?"
_ONE_DAY = re.compile(rf"\b(?:last|next|this|yesterday|tomorrow|tonight|today)\W+{_DAY_NAME}\b"
                      rf"|\b{_DAY_NAME}\b[\s,*_]*\(?\d{{1,2}}(?:st|nd|rd|th)?\b", re.I)
_ANY_DAY = re.compile(rf"\b{_DAY_NAME}s?\b", re.I)


def _recurring_days(r: StatementRow) -> dict[str, list[str]]:
    """The statement's values without the weekdays that only name one day ("last Friday", "next Saturday
    (19th)", "Monday 2 March"): those date an event; a changed schedule says "Tuesdays", "on Friday at 14:00"."""
    days = r.slots.get("weekday")
    if not ONE_DAY or not days:
        return r.slots
    text = r.text
    one_day, any_day = _ONE_DAY, _ANY_DAY
    if FOREIGN and (names := foreign_day_names()).search(_fold(text)):
        text = _fold(text)  # "samedi 20 juin" names one day as "Saturday 20 June" does
        one_day, any_day = _one_day_patterns(names.pattern)
    one = {m.group(0).lower() for m in one_day.finditer(text)}
    if not one:
        return r.slots
    every = [m for m in any_day.finditer(text)]
    spans = [m.span() for m in one_day.finditer(text)]
    free = {_day_value(m.group(0)) if text is not r.text else m.group(0).lower()[:3]
            for m in every if not any(a <= m.start() < b for a, b in spans)}
    kept = [d for d in days if d in free]
    out = {k: v for k, v in r.slots.items() if k != "weekday"}
    if kept:
        out["weekday"] = kept
    return out


def _fold(text: str) -> str:
    from memex.ingest.dates import _fold_keep
    return _fold_keep(text)


@lru_cache(maxsize=2)
def _one_day_patterns(foreign: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """_ONE_DAY and _ANY_DAY with the other languages' weekday names too (on accent-folded text)."""
    day = rf"(?:{_DAY_NAME}|{foreign})"
    return (re.compile(rf"\b(?:last|next|this|yesterday|tomorrow|tonight|today|dernier|prochain|letzten|"
                       rf"nachsten|pasado|proximo|passato|prossimo|vorige|volgende)\W+{day}\b"
                       rf"|\b{day}\b[\s,*_]*\(?\d{{1,2}}(?:st|nd|rd|th|er|\.)?(?!\d)", re.I),
            re.compile(rf"\b{day}s?\b", re.I))


def _day_value(name: str) -> str:
    """The weekday value a name stands for ("Tuesdays", "mardi" -> "tue")."""
    from memex.ingest.dates import weekday_number
    n = weekday_number(name.lower().rstrip("s")) if len(name) > 4 else None
    if n is None:
        n = weekday_number(name.lower())
    return ("mon", "tue", "wed", "thu", "fri", "sat", "sun")[n] if n is not None else name.lower()[:3]


_TIMES_PER = re.compile(r"\b(once|twice|three times|four times)\s+(daily|weekly|monthly|yearly)\b", re.I)


def _frequencies(r: StatementRow, slots: dict[str, list[str]]) -> dict[str, list[str]]:
    """"twice daily" as said: statements stored before the extractor read the count keep only "daily"."""
    said = [f"{m.group(1).lower()} {m.group(2).lower()}" for m in _TIMES_PER.finditer(r.text)]
    if not said or not slots.get("frequency"):
        return slots
    bare = {m.split()[-1] for m in said}
    kept = [v for v in slots["frequency"] if v.lower() not in bare]
    return {**slots, "frequency": kept + said}


def _self_dated(r: StatementRow) -> bool:
    """Every date the statement gives is the day it was said (give or take one): it reports when something
    happened (signed, issued, moved in), it does not state a date something is due on."""
    dates = r.slots.get("date")
    if not dates or not r.date:
        return False
    try:
        own = _date.fromisoformat(r.date[:10])
    except ValueError:
        return False
    for v in dates:
        try:
            d = _date.fromisoformat(f"{own.year}{v[1:]}" if v.startswith("--") else v[:10])
        except ValueError:
            return False
        if not -PAST_DAYS <= (d - own).days <= 1:
            return False
    return True


_FROM_TO = re.compile(r"\bfrom\b(.{1,40}?)\bto\b|([^\s→]+(?:\s[^\s→]+)?)\s*→"
                      r"|\b(?:was|previously|instead of|last year)\s+(\S+(?:\s\S+)?)", re.I)
_COMPACT = re.compile(r"[\s,*_]")
BEFORE_KINDS = ("money", "quantity", "time")
"""Value kinds whose written form can be found in the text to tell which one a "from … to" replaced."""


def _before(r: StatementRow, moves_only: bool = False) -> dict[str, set[str]]:
    """Values of the statement that stand in a "from X to Y" / "X → Y" (or, unless `moves_only`, "was X") as
    what was replaced."""
    segs = [_COMPACT.sub("", (m.group(1) or m.group(2) or ("" if moves_only else m.group(3)) or "")).lower()
            for m in _FROM_TO.finditer(r.text)]
    if FOREIGN:  # "passe de 120 € à 140 €", "von 19 auf 20 Uhr"
        segs += [_COMPACT.sub("", m.group(1)).lower() for p in change_words.MOVES for m in p.finditer(r.text)]
    if not segs:
        return {}
    out: dict[str, set[str]] = {}
    for kind in BEFORE_KINDS:
        for v in r.slots.get(kind, []):
            if any(_COMPACT.sub("", v).lower() in seg or _written(kind, v) in seg for seg in segs):
                out.setdefault(kind, set()).add(_same_value(kind, v))
    return out


def _written(kind: str, value: str) -> str:
    """A stored value as a text compacted by _COMPACT may write it: "€1150.5" is "1150,50€" there."""
    if kind == "money":
        return value.removeprefix("€").replace(".", "")  # "120 €", "R$ 89,90" (commas are compacted away)
    if kind == "time" and ":" in value:
        return value.removesuffix(":00").replace(":", "h") + ("h" if value.endswith(":00") else "")
    return "\x00"


NAMED_BEFORE_CUE = True
"""A statement that names the value it replaced and gives a new one of the same kind states a change (a strong
cue); "4+ was 61%, 5+ was 44%" names only past values and is no change."""


_NAMED_BEFORE = re.compile(r"\binstead of\b|(?:^|[(\[!.;]\s*)(?:was|previously|formerly)\b", re.I)
"""An elliptic "(was £32)", "Was £412." or "instead of 40" names a replaced value; "last November it was £196" compares."""


def _replaced_one(r: StatementRow, before: dict[str, set[str]]) -> bool:
    return any({_same_value(k, v) for v in r.slots.get(k, [])} - prior for k, prior in before.items())


def _other_predecessor(old_slots: dict[str, list[str]], before: dict[str, set[str]]) -> bool:
    """The later statement names what it replaced, in a kind the older one states, and it is none of the older
    one's values: the older statement is about something else (the Christmas fee, not the Saturday fee)."""
    seen = False
    for kind, prior in before.items():
        mine = {_same_value(kind, v) for v in old_slots.get(kind, [])}
        if not mine:
            continue
        if mine & prior:
            return False
        seen = True
    return seen


def _count_values(r: StatementRow) -> int:
    return sum(len(v) for k, v in r.slots.items() if k != "date")


_UNIT_WORDS = frozenset(_UNITS) | {"am", "pm", "a", "p", "x", "%", "°c", "°", "st", "nd", "rd", "th"}
_NUMBERED = re.compile(r"\b([^\W\d_][\w'-]{2,})\s+(\d{1,3})\b(?![.,:/]\d)(?:\s*([^\s\d]+))?")


def _numbers_of(text: str, words: frozenset[str]) -> dict[str, set[str]]:
    """shared subject word -> the numbers written right after it ("Stage 2", "batch 10", "Year 5")."""
    out: dict[str, set[str]] = {}
    for m in _NUMBERED.finditer(text):
        unit = (m.group(3) or "").lower().strip("*_.,;:()")
        if unit in _UNIT_WORDS:
            continue  # "dose 10 mg", "fee 35 p": an amount, not a numbered thing
        w = _stem_once(m.group(1).lower())
        if w in words:
            out.setdefault(w, set()).add(m.group(2).lstrip("0") or "0")
    return out


def _numbered_apart(na: dict[str, set[str]], nb: dict[str, set[str]], shared: frozenset[str]) -> bool:
    """Both number a shared subject word, with different numbers: "Stage 2" / "Stage 3", "batch 9" / "batch 10"."""
    return any(not (na[w] & nb[w]) for w in na.keys() & nb.keys() & shared)


def _entry(text: str) -> bool:
    """A log line, a table row or an itinerary day: it opens with a date, a weekday or "Day N", or is a
    table row."""
    return text.lstrip().startswith("|") or bool(_ENTRY.match(text))


def mark_stale(conn: sqlite3.Connection, found: Sequence[Contradiction]) -> None:
    """Record which statements a later one contradicts (the older is stale); call inside write_tx."""
    conn.executemany("UPDATE graph_statements SET stale_by = ? WHERE id = ?", [(c.new.id, c.old.id) for c in found])


def stale_chunks(conn: sqlite3.Connection) -> dict[int, int]:
    """chunk id holding a stale statement -> chunk id of the statement that replaced it (for answering)."""
    return {int(a): int(b) for a, b in conn.execute(
        "SELECT s.chunk_id, n.chunk_id FROM graph_statements s JOIN graph_statements n ON n.id = s.stale_by")}


Values = tuple[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]]
"""(old, new) values that differ, each as (kind, stored value): ((("weekday", "tue"), ("time", "10:00")), …)."""


@dataclass(frozen=True)
class Replaced:
    """A stale statement and the later one that contradicts it, as stored (for answering)."""

    old_id: int
    old_chunk: int
    old_text: str
    old_date: str | None
    new_id: int
    new_chunk: int
    new_text: str
    new_date: str | None
    values: Values | None
    """What changed, when the stored values say it."""


def changed_values(old: dict[str, list[str]], new: dict[str, list[str]]) -> Values | None:
    """The values two statements state differently, kind by kind (Tuesday 10:00 / Friday 14:00); a date
    counts only when nothing else differs (the later one's date is mostly when the change starts)."""
    olds: list[tuple[str, str]] = []
    news: list[tuple[str, str]] = []
    dated: tuple[list[tuple[str, str]], list[tuple[str, str]]] = ([], [])
    for kind in ("weekday", "time", "money", "quantity", "duration", "frequency", "percent", "name", "date"):
        va, vb = old.get(kind) or [], new.get(kind) or []
        if not (va and vb):
            continue
        sa, sb = {_same_value(kind, v) for v in va}, {_same_value(kind, v) for v in vb}
        gone = [(kind, v) for v in va if _same_value(kind, v) not in sb]
        came = [(kind, v) for v in vb if _same_value(kind, v) not in sa]
        if not (gone and came):
            continue
        if kind == "date":
            dated = (gone, came)
            continue
        olds += gone
        news += came
    if not olds:
        olds, news = dated
    if not olds or len(olds) > MAX_VALUES or len(news) > MAX_VALUES:
        return None
    return tuple(olds), tuple(news)


def states_new(text: str, values: Values) -> bool:
    """Does a text state every new value of a change already (a line "was Saturdays (2025). From 11 January it's
    Sundays" holds the sentence that replaced its first one)?"""
    from memex.graph.statements import values_in
    held = values_in(text)
    return all(_same_value(k, v) in {_same_value(k, x) for x in held.get(k, ())} for k, v in values[1])


def replacements(conn: sqlite3.Connection, chunk_id: int | None = None, statement_id: int | None = None,
                 new_chunk: int | None = None) -> list[Replaced]:
    """Stale statements of a chunk (or one statement, or those a statement of `new_chunk` replaced) with the
    statement that replaced each, leaving out pairs whose contradiction insight the person dismissed (they said
    it is no change)."""
    from memex.graph.insights import contradiction_key, dismissed_keys
    where, arg = (("s.chunk_id = ?", chunk_id) if chunk_id is not None else ("s.id = ?", statement_id)
                  if statement_id is not None else ("n.chunk_id = ?", new_chunk))
    rows = conn.execute(
        "SELECT s.id, s.chunk_id, s.text, s.date, s.slots, n.id, n.chunk_id, n.text, n.date, n.slots, do.path, dn.path "
        "FROM graph_statements s JOIN graph_statements n ON n.id = s.stale_by "
        "JOIN documents do ON do.id = s.doc_id JOIN documents dn ON dn.id = n.doc_id "
        f"WHERE {where} AND s.stale_by IS NOT NULL", (arg,)).fetchall()
    if not rows:
        return []
    dismissed = dismissed_keys(conn)
    out = []
    for r in rows:
        if contradiction_key(r[10], r[11], r[2], r[7]) in dismissed:
            continue
        out.append(Replaced(int(r[0]), int(r[1]), r[2], r[3], int(r[5]), int(r[6]), r[7], r[8],
                            changed_values(json.loads(r[4]), json.loads(r[9]))))
    return out
