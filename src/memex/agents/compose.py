"""Composing an extractive answer for each kind of question the planner recognises.

- single: the best statement and the next ones close to it;
- temporal ("now", "these days", "in the end"): among the statements about the asked thing, the latest
  dated one first, and what it replaced ("Before that (2025-09-02): ...");
- aggregation ("how many", "list every", "who do I know that ..."): agents/aggregate.py;
- multi-part and comparisons: the best statements for each part;
- relational ("the friend who recommended my builder"): the statement that names the bridging entity,
  then the best statement about that entity.

Every composition returns the answer text with [n] markers, its citations and one support score — the
score of the statement the answer stands on — which the verify step compares with a threshold calibrated
on dev data (agents/abstain.py).
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from memex.agents import latest as latest_mod
from memex.agents import lexicon, listed, message, quantity
from memex.agents.answer_type import PERSON, Expectation, attribute_terms, expected, meets_terms
from memex.agents.evidence import Unit
from memex.agents.extractive import (
    WEIGHTS,
    Candidate,
    cite,
    content_terms,
    pick,
    question_terms,
    score_units,
    writer_dated_kind,
)
from memex.domain import Citation
from memex.embed.base import Embedder
from memex.ingest.dates import find_dates, month_number
from memex.retrieve.query import WORD

TEMPORAL_MARGIN = 0.1
"""Statements this close to the best one compete on date for "now" questions."""
TEMPORAL_POOL = 6
BRIDGE_ENTITIES = 2


@dataclass
class Composed:
    """An extractive answer before the support check."""

    text: str
    citations: list[Citation]
    support: float
    mode: str
    notes: list[str] = field(default_factory=list)
    candidates: list[Candidate] = field(default_factory=list)
    used: list[Candidate] = field(default_factory=list)
    """The statements the answer quotes."""
    primary: list[Candidate] = field(default_factory=list)
    """The statements the answer stands on (the best one; the latest; each listed match; the bridge and the
    answer about it): what the support score checks, so a runner-up cannot lend the kind of answer asked."""
    checks: dict[str, Any] = field(default_factory=dict)
    """What the support score took into account (agents/abstain.py)."""

    def trace(self) -> dict[str, Any]:
        """JSON form for --trace."""
        return {"mode": self.mode, "support": round(self.support, 3), "notes": self.notes, "checks": self.checks,
                "top": [{"text": c.text[:160], "score": round(c.score, 3), "semantic": round(c.semantic, 3),
                         "lexical": round(c.lexical, 3), "context": round(c.context, 3), "kind": c.kind,
                         "date": c.unit.date, "chunk_id": c.hit.chunk_id} for c in self.candidates[:5]]}


def _empty(mode: str, cands: list[Candidate]) -> Composed:
    return Composed("", [], 0.0, mode, candidates=cands)


def single(question: str, units: Sequence[Unit], embedder: Embedder, idf: Mapping[str, float],
           now_implied: bool = True) -> Composed:
    """The best statement and the close runners-up, in the notes' order (`now_implied`: a present question answered
    from an older row of a dated log is read as a "now" question, `log_moved_on`)."""
    cands = quantity.on_named_date(question, score_units(question, units, embedder, idf, closest=True))
    if message.asks_what_said(question):
        # "What did the e-mail of 9 June say?": its body answers, not its header, greeting or sign-off.
        cands = [c for c in cands if not message.envelope(c.text)] or cands
    picked = same_row(question, on_topic(question, pick(cands, question=question), idf))
    if not picked:
        return _empty("single", cands)
    if now_implied and log_moved_on(question, picked, cands):
        out = temporal(question, units, embedder, idf)
        out.mode = f"{out.mode} (a present question over a dated log)"
        return out
    extreme = _extreme(question, cands)
    if extreme is not None:
        return extreme
    changed = latest_mod.answer_change(question, cands)
    if changed is not None:
        return changed
    present = listed.attendance(question, cands)  # "Who was at …?": the "Present: …" line of the minutes
    if present is not None and present not in picked:
        picked = [present, *picked]
    items = listed.items_after(picked[0].unit, units, question)
    if items:  # "… with four conditions:" answers with the conditions that follow it
        by_unit = {id(c.unit): c for c in cands}
        listed_items = [by_unit[id(u)] for u in items if id(u) in by_unit]
        picked = [picked[0], *listed_items, *(c for c in picked[1:] if c not in listed_items)]
    elif code := listed.code_after(picked[0].unit, units):  # "…run the following command:" and the command
        by_unit = {id(c.unit): c for c in cands}
        shown = [by_unit[id(u)] for u in code if id(u) in by_unit]
        picked = [picked[0], *shown, *(c for c in picked[1:] if c not in shown)]
    else:
        after = listed.answer_after(picked[0].unit, units)  # "**The problem**" is answered by the line below it
        lead = next((c for c in cands if after is not None and c.unit is after), None)
        if lead is not None and lead not in picked:
            picked = [picked[0], lead, *picked[1:]]
    also = quantity.corroborate(question, picked, cands)  # the note that keeps the value, beside the mention
    picked.sort(key=lambda c: (c.unit.rank, c.unit.position))
    news = _news_beside(question, picked, cands)
    # The note that keeps the value, when its line says from when it holds ("Subs: £2 a week → £3 from Jan 2026"
    # beside a diary's "subs £2"), is the news a present question meets: the latest value, not a second mention.
    if also is not None and also not in news and latest_mod.says_from(also.unit.text) \
            and _continues_asked(question, also):
        news.append(also)
    changed = _changed_over_time(question, picked, cands, news)
    if changed is not None:
        return changed
    if also is not None:
        picked.append(also)
    numbers: dict[str, int] = {}
    citations: list[Citation] = []
    parts = []
    for c in picked:  # a "when" answered by the date its writer gave the statement says that date
        said, citations = cite([c], numbers, citations, dated=writer_dated_kind(c), question=question)
        parts += said
    return Composed(" ".join(parts), citations, cands[0].score, "single", candidates=cands, used=picked,
                    primary=cands[:1])


def topic_words(question: str, c: Candidate, idf: Mapping[str, float]) -> set[str]:
    """The asked words the statement's note is titled with — the question's distinctive ones (at least as rare as
    its words on average), dates left out: a note "Boiler — service history" is about {boiler} for "When was the
    boiler last serviced?"; a diary note titled with its day is about nothing in particular."""
    mean = sum(idf.values()) / len(idf) if idf else 0.0
    named = _words(_undated(c.unit.subject.split(" › ")[0]))
    return {t for t, w in question_terms(question).items()
            if not t.isdigit() and idf.get(t, 0.0) >= mean and (t in named or w.lower() in named)}


def _undated(title: str) -> str:
    """The title without its dates ("Sunday 13 December 2026 › …" names no subject by its day)."""
    for d in sorted(find_dates(title, _ANY_DAY), key=lambda d: -d.start):
        title = title[:d.start] + " " + title[d.end:]
    return title


def _words(text: str) -> set[str]:
    """The text's content terms and its words as written: a short title ("Espalda y fisio") may be read in
    another language than the question, so its stems and the question's need not agree, its words do."""
    return content_terms(text) | {w.lower() for w in WORD.findall(text)}


def on_topic(question: str, picked: list[Candidate], idf: Mapping[str, float]) -> list[Candidate]:
    """The best statement and the runners-up that earn their place beside it. When the best one's note is titled
    with what is asked, a line of another note joins only if it is about that too (names it in its own words or
    its note's), comes from a note itself titled with an asked word, or holds an asked word the best one lacks
    (another part of the question). For "What are the opening hours of the winter fair?" answered from the note
    "Winter fair — stallholder notice", a diary's "Three Saturdays in a row" says nothing of the fair and stays
    out; the fair's own page in another note stays in."""
    if len(picked) < 2:
        return picked
    best = picked[0]
    topic = topic_words(question, best, idf)
    if not topic:
        return picked
    terms = question_terms(question)
    asked = content_terms(question)
    held = _words(best.unit.subject) | _words(best.text)
    out = [best]
    for c in picked[1:]:
        own = _words(c.unit.subject) | _words(c.text)
        about = all(t in own or terms.get(t, t).lower() in own for t in topic)
        titled = _words(_undated(c.unit.subject.split(" › ")[0])) & asked  # its own note is about an asked thing
        if c.hit.path == best.hit.path or about or titled or (own & asked) - held:
            out.append(c)
    return out


def same_row(question: str, picked: list[Candidate]) -> list[Candidate]:
    """When the best statement is a table row, the other rows of its table that join it must hold in their own
    cells the asked words it holds, or another asked word: "what: Sign writing (new name); £: 360" answers "How
    much did it cost to have the new name painted?", and the mooring rows beside it only share the table's
    header and note title with the question."""
    if len(picked) < 2:
        return picked
    best = picked[0]
    shape = _shape(best)
    if shape is None:
        return picked
    asked = content_terms(question)
    own = _words(best.text) & asked
    held = own | _words(best.unit.subject) & asked
    return [best, *(c for c in picked[1:]
                    if _shape(c) != shape or own <= _words(c.text) or (_words(c.text) & asked) - held)]


_ANY_DAY = dt.date(2000, 1, 1)


def _extreme(question: str, cands: list[Candidate]) -> Composed | None:
    """"The highest reading in my log", "my longest ride before the Howardian": the log line with the extreme
    figure (agents/quantity.py); the support score stays the best statement's."""
    row = quantity.extreme_row(question, cands)
    if row is None:
        return None
    parts, citations = cite([row])
    return Composed(" ".join(parts), citations, cands[0].score, "single (extreme row)", candidates=cands,
                    used=[row], primary=cands[:1])


_PAST = re.compile(r"\b(did|was|were|had|used to|last time|first time|ago)\b", re.I)
_PRESENT = re.compile(r"^\s*(?:\w+\s+){0,3}?(is|are|does|do)\b|^\s*(?:what|who|where|how|which)['’]s\b", re.I)


def _changed_over_time(question: str, picked: list[Candidate], cands: list[Candidate],
                       news: Sequence[Candidate] = ()) -> Composed | None:
    """Statements of different dates answering a present-tense question about one thing ("When is the weekly
    sync?" from a kickoff and a later retro) read as a change: the latest first, then what it replaced. Only
    statements that give what is asked compete (`gives_asked`): "How does Farida take her tea?" is not answered
    by the latest line of her 1-1s note, nor "How much is the rent?" by the council-tax line below it. `news`:
    statements beside the picked ones that say from when they hold ("From 3 Sep 2026: £1,380")."""
    if lexicon.language(question) != "en" or _PAST.search(question) or not _PRESENT.search(question):
        return None
    if len(picked) + len(news) < 2 or not all(_dated(c) for c in picked):
        return None
    picked = [c for c in [*picked, *news] if gives_asked(question, c)]
    if len({_when(c) for c in picked}) < 2:
        return None  # the statements do not give the asked thing at different dates: the plain answer
    asked = content_terms(question)
    shared = asked.intersection(*(content_terms(c.text) | content_terms(c.unit.subject) for c in picked))
    if not shared:  # not visibly about the same thing: keep the plain answer
        return None
    # A line that borrows its note's date (the note's latest entry dates it) says nothing of when it was written:
    # it does not outrank lines that write their date ("100 mm insulation" in the house note whose last update
    # is "EPC redone 2 July 2026" is not newer than "topped up to 270 mm — done Jan 2026").
    order = sorted(picked, key=lambda c: (_when(c), says_own_date(c), c.score), reverse=True)
    same = [order[0], *(c for c in order[1:] if same_thing(asked, order[0], c))]
    if len({_when(c) for c in same}) < 2:
        return None  # nothing it visibly replaced: the plain answer, every line kept (one may still hold the answer)
    order = same
    first, citations = cite(order[:1], dated=True, question=question)
    numbers = {c.chunk_id: c.n for c in citations}
    rest, citations = cite(order[1:], numbers, citations, dated=True, question=question)
    text = f"{lexicon.label('latest', question)} {first[0]} {lexicon.label('before', question)} {' '.join(rest)}"
    # Support stands on the best statement, as for any single answer: only the order and framing change.
    return Composed(text, citations, cands[0].score, "single (changed over time)",
                    [f"{len(order)} statements of {len({c.unit.date for c in order})} dates; latest {order[0].unit.date}"],
                    cands, order, cands[:1])


def _dated(c: Candidate) -> bool:
    return bool(c.unit.date) and c.unit.date_source != "mtime"


def log_moved_on(question: str, picked: Sequence[Candidate], cands: Sequence[Candidate]) -> bool:
    """Is a present-tense question that names no date ("What does Pepper weigh?") answered by a row of a dated log
    ("2 Sep 2026 | 8.7") whose log has a later row among the candidates ("18 Nov 2026 | 8.6")? The log's rows are
    one measure over time: the question asks for its latest value, as "now" would say. English only by design (its
    tense and superlative tests are English words)."""
    if lexicon.language(question) != "en" or _PAST.search(question) or not _PRESENT.search(question) \
            or find_dates(question) or _SUPERLATIVE.search(question):
        return False  # "What is the longest swim in my log?" compares the rows, it does not ask for the latest
    # Only a log the best statement is a row of, or the caption of ("weight log" above its rows): a row picked beside
    # another best line ("Pepper: 12 Aug 2025; kg: 9.4" under "border terrier, girl" for "What's the dog called?")
    # is no measure asked for.
    lead = picked[0]
    rows = [c for c in picked if _shape(c) is not None and c.unit.date_source == "text" and says_own_date(c)
            and (c is lead or _caption(lead, c, cands))]
    return any(r is not c and _shape(r) == _shape(c) and r.unit.hit.path == c.unit.hit.path
               and str(r.unit.date) > str(c.unit.date) and says_own_date(r) for c in rows for r in cands)


def _caption(lead: Candidate, row: Candidate, cands: Sequence[Candidate]) -> bool:
    """Is `lead` the statement right above the first row of `row`'s table in its passage (the log's caption)?"""
    shape = _shape(row)
    first = min((c.unit.position for c in cands if c.unit.hit.chunk_id == row.unit.hit.chunk_id
                 and _shape(c) == shape), default=None)
    return lead.unit.hit.chunk_id == row.unit.hit.chunk_id and first is not None and lead.unit.position == first - 1 \
        and len(WORD.findall(lead.text)) <= CAPTION_WORDS


CAPTION_WORDS = 5
"""A log's caption is a label ("weight log", "Swim log"): a longer line above the rows says something of its own
("Surgery: Maplebrook Surgery, GP Dr Anjali Rao. Reception opens 8am …" above the appointments)."""
_NOT_SUPERLATIVE = ("interest|request|forest|harvest|contest|protest|invest|digest|suggest|arrest|honest|modest|"
                    "earnest|manifest|conquest|inquest|bequest|behest|attest|detest|unrest|tempest|priest|everest|"
                    "midwest|southwest|northwest|ingest|infest|divest|retest|pretest|congest|molest")
_SUPERLATIVE = re.compile(rf"\b(?!(?:{_NOT_SUPERLATIVE})\b)(?:\w{{3,}}est|most|least|best|worst|first|fewest)\b", re.I)
"""A superlative ("the longest swim", "the best rate"), English only as `log_moved_on` is: a word in -est that is
none ("interest", "request", "forest", "harvest") does not compare the rows."""


def _when(c: Candidate) -> str:
    """The date a statement competes on for "which is newer": its own, or none when it only borrows its note's."""
    return "" if borrows_note_date(c) else str(c.unit.date)


def gives_asked(question: str, c: Candidate) -> bool:
    """Does the statement give what the question asks of its subject: the kind of answer asked (when one is), and
    an asked word (not a name, not the asked kind's own word) in its own text or its nearest heading — the note's
    title when it has no section? A line under "Council tax" in "Rent and bills" gives no rent."""
    if c.kind == 0.0:
        return False
    attr = attribute_terms(question) - _PRONOUNS - _WHEN_ASKED
    if not attr:
        return True
    return meets_terms(_roots(content_terms(c.text) | content_terms(_heading(c))), _roots(attr))


def _continues_asked(question: str, c: Candidate) -> bool:
    """Does the statement give what is asked in its own words, or continue the statement before it that does
    ("Insurance renews 3 September. 2025-26: £412." then "From 3 Sep 2026: £1,380 with Callum as a named driver"),
    or sits under a section heading that does ("## Rent" over "Letter 28 May 2026: going up to £925 a month")?"""
    if c.kind == 0.0:
        return False
    attr = attribute_terms(question) - _PRONOUNS - _WHEN_ASKED
    section = _heading(c) if " › " in c.unit.subject else ""  # a note's title is every line's: it says nothing here
    return not attr or any(meets_terms(_roots(content_terms(t)), _roots(attr)) for t in (f"{c.text} {section}", c.unit.previous))


_WHEN_ASKED = frozenset(content_terms(
    "now currently current still latest today nowadays moment anymore "
    "ahora actualmente actual todavía aún hoy agora atualmente atual ainda hoje maintenant actuellement actuel "
    "toujours encore aujourd'hui désormais jetzt aktuell aktuelle derzeit zurzeit momentan inzwischen mittlerweile "
    "heute adesso ora attualmente attuale ancora oggi nu momenteel tegenwoordig huidig huidige inmiddels"))
"""Words that ask when ("What's the EPC rating now?", "¿… ahora?", "… jetzt?"), not what: no statement need hold
them."""


def says_own_date(c: Candidate) -> bool:
    """Does the statement write the date it is dated by ("From 3 Sep 2026: £1,380")? Of two statements of one
    day, that one is the news; the other may only borrow the day from its note ("Insurance renews 3 September.
    2025-26: £412." in a note dated by its latest entry)."""
    return bool(c.unit.date) and _says_day(c.unit.text, str(c.unit.date)[:10])


@functools.lru_cache(maxsize=4096)
def _says_day(text: str, day: str) -> bool:
    """Does `text` write the (ISO) day? Read once per line: the ordering and checks ask of each candidate often."""
    try:
        base = dt.date.fromisoformat(day)
    except ValueError:
        return False
    return any(m.day.isoformat() == day for m in find_dates(text, base))


def _note_dated(c: Candidate) -> bool:
    """Is the statement dated by its note's day, taken from the note's text (a log's latest entry) or its "updated:"
    key, while it and its headings write no day?"""
    explain = c.unit.hit.explain or {}
    note = str(explain.get("note_date") or "")[:10]
    return explain.get("date_source") in ("text", "updated") and note == str(c.unit.date)[:10] \
        and not says_own_date(c) and not _gives_date(c.unit.subject)


@functools.lru_cache(maxsize=4096)
def _gives_date(text: str) -> bool:
    """Does `text` (a heading path) write any date? Read once per heading."""
    return bool(find_dates(text, _ANY_DAY))


def borrows_note_date(c: Candidate) -> bool:
    """Is the statement dated only by its note's date, where that date is the latest one the note's text gives
    or the day it was last updated (no front matter date, no dated file name) — while the statement itself, and its
    headings, write none?"""
    explain = c.unit.hit.explain or {}
    note = str(explain.get("note_date") or "")[:10]
    # A note's "updated:" day, like the latest day its text gives, is when some line of it changed, not this one.
    if not _note_dated(c):
        return False
    # The note's date written above the statement (a letter's date, "checked 1 Oct 2026" atop a list) dates it;
    # written only below it (a later update: "EPC redone 2 July 2026"), it does not. Not in the passage at all,
    # it came from further down the note when the passage itself gives earlier dates.
    text = c.unit.hit.text or ""
    words = c.unit.quote.split()[:4]
    at = re.search(r"\s+".join(map(re.escape, words)), text) if words else None
    day = dt.date.fromisoformat(note)
    marks = [m.start for m in find_dates(text, day) if m.day == day]
    if marks:
        return at is not None and min(marks) > at.start()
    return str((explain.get("dates") or {}).get("first") or note)[:10] < note


_PRONOUNS = frozenset({"her", "hers", "his", "him", "she", "they", "them", "their", "its", "our", "ours", "your",
                       "yours", "mine"})
"""Words of the question that point at its subject and say nothing of what is asked ("How does Farida take her tea?")."""


def _news_beside(question: str, picked: Sequence[Candidate], cands: Sequence[Candidate]) -> list[Candidate]:
    """Statements of the picked ones' notes, close to the best, that say from when they hold and give what is
    asked ("From 3 Sep 2026: £1,380" below "Insurance renews 3 September. 2025-26: £412."): the change a present
    question meets in the note it is answered from."""
    if not picked or not cands:
        return []
    notes = {c.hit.path for c in picked}
    ranked = [(c, c.score) for c in cands if c.hit.path in notes and c not in picked]
    top = cands[0].score
    said = latest_mod.stated_changes(ranked, top)
    # "Main fuse now 100 A (8 Apr 2026)": a dated statement that says what holds now is news as much
    said += [c for c, v in ranked if v >= top - latest_mod.CHANGE_MARGIN and c not in said and _NOW_SAID.search(c.text)
             and says_own_date(c)]
    return [c for c in said if _continues_asked(question, c)]


_NOW_SAID = re.compile(r"\bnow\b", re.I)


def same_thing(asked: set[str], latest: Candidate, earlier: Candidate) -> bool:
    """Can `earlier` be read as what `latest` replaced? A line of the same note can; a line of another note only
    when its own words share an asked word with the latest's own words ("New slot: since Tuesday 24 February
    department meetings are on Tuesdays" before "department meetings are fortnightly"). A note's title lends its
    words to every line of it, so "Dept meeting: moves to Tuesdays" in a note titled "Acting deputy handover" is
    not what "my acting deputy role is extended to July 2027" replaced. The latest's nearest heading counts as its
    own words when the note has no section ("From 3 Sep 2026: £1,380" in the note "Car — 2015 Skoda Fabia")."""
    if earlier.hit.path == latest.hit.path:
        return True
    own = content_terms(latest.text) | content_terms(_heading(latest))
    return bool(_roots(asked) & _roots(own) & _roots(content_terms(earlier.text)))


def _heading(c: Candidate) -> str:
    """The statement's nearest heading: its section's, else its note's title; dates left out."""
    return _undated(c.unit.subject.split(" › ")[-1])


def _roots(terms: set[str]) -> set[str]:
    """Terms stemmed once more: the light stemmer takes one suffix, so "meetings" gives "meeting" and "meeting"
    gives "meet"; a second pass makes them meet."""
    return {r for t in terms for r in content_terms(t)}


SUBJECT_ATTRIBUTE = 0.3
"""Weight of how well a statement's own text answers what is asked of a named subject, in temporal questions."""


def _about_subject(question: str, cands: Sequence[Candidate], embedder: Embedder, idf: Mapping[str, float],
                   subject_docs: frozenset[int] = frozenset()) -> list[tuple[Candidate, float]]:
    """Candidates with the value they compete on: their score, plus — when the question names its subject ("Where
    does Elin work now?") — how well their own text, read without the subject, answers what is asked of it
    ("Where does it work now?"). A diary line that only mentions Elin ("Moss spent the day at home with Elin")
    then no longer outranks her note's "From Mon 5 Oct 2026: Seafield Veterinary Hospital" on the date alone. A
    statement of the note that *is* the subject (people/elin.md) counts `SUBJECT_NOTE` more: that note is where
    its current state is kept, while other notes mention it in passing."""
    from memex.agents.answer_type import names

    found = [n for n in names(question) if len(n) > 2]
    if not found or not subject_docs or len(cands) < 2:
        # Only a subject the note graph knows a note for is read out of the question ("OVR" in "the independent
        # checking of our OVR designs" names no subject).
        return [(c, c.score) for c in cands]
    attribute = question
    for n in sorted(found, key=len, reverse=True):
        attribute = re.sub(rf"\b{re.escape(n)}(?:['’]s)?", "it", attribute)
    head = list(cands[:EMBED_POOL])
    vecs = embedder.embed([c.unit.text for c in head])
    sims = vecs @ embedder.embed_query(attribute)
    own = [SUBJECT_NOTE if c.unit.hit.doc_id in subject_docs else 0.0 for c in cands]
    out = [(c, c.score + SUBJECT_ATTRIBUTE * float(s) + o) for c, s, o in zip(head, sims, own, strict=False)]
    out += [(c, c.score + o) for c, o in zip(cands[EMBED_POOL:], own[EMBED_POOL:], strict=True)]
    return sorted(out, key=lambda cv: -cv[1])


EMBED_POOL = 24
"""Statements re-read for what is asked of the subject (the best by the ordinary score)."""
SUBJECT_NOTE = 0.1
"""Added to a statement of the note that is the question's subject (its current state is kept there)."""
_FIELDS = re.compile(r"(?:^|;\s)([^:;]{1,40}):\s")


def _shape(c: Candidate) -> tuple[str, tuple[str, ...]] | None:
    """A table row's note section and column names ("Date", "Weight", …), or None for other statements."""
    keys = tuple(k.strip().lower() for k in _FIELDS.findall(c.unit.text))
    return (c.unit.subject, keys) if len(keys) >= 2 else None


def _with_rows(pool: list[Candidate], cands: Sequence[Candidate],
               asked: Mapping[str, set[str]] | None = None) -> list[Candidate]:
    """The pool with every other row of the tables its rows come from: the rows of a log are the same fact at
    different dates ("Date: 2026-12-11; Weight: 25.1 kg"), so the latest row competes though the rows look alike
    and only the first few made the pool."""
    shapes = {s for s in map(_shape, pool) if s is not None}
    if not shapes:
        return pool
    seen = {c.unit.quote for c in pool}
    rows = [c for c in cands if c.unit.quote not in seen and c.kind != 0.0 and _shape(c) in shapes]
    if asked:
        # A log of several things (a machine book: filters, saw blades, planer knives) is the same fact only in the
        # rows that hold the asked words its close rows hold: "Sägeblatt zum Schärfen" is no filter interval.
        held: dict[tuple[str, tuple[str, ...]] | None, set[str]] = {}
        for c in pool:
            if _shape(c) is not None:
                held.setdefault(_shape(c), set()).update(_covered(asked, c, c.text))
        rows = [c for c in rows if not held.get(_shape(c)) or _covered(asked, c, c.text) & held[_shape(c)]]
    return [*pool, *rows]


def _with_entries(pool: list[Candidate], cands: Sequence[Candidate],
                  asked: Mapping[str, set[str]] | None = None) -> list[Candidate]:
    """The pool with the dated entry each of its lines carries its day from ("- 14-ago: redimensionado a CX32"
    above "Reverse proxy: Nginx"): the line only has the day because the entry wrote it, and the entry is what
    happened that day. Only entries of the same note that write that day and offer the asked kind."""
    carried = [c for c in pool if c.unit.date_source == "text" and c.unit.date and not says_own_date(c)]
    if not carried:
        return pool
    added = {id(e): e for c in carried if (e := _carried_from(c, cands, asked)) is not None
             and e not in pool and e.kind != 0.0}
    return [*pool, *added.values()]


def _carried_from(c: Candidate, cands: Sequence[Candidate],
                  asked: Mapping[str, set[str]] | None = None) -> Candidate | None:
    """The entry among `cands` that `c` carries its day from: the nearest statement above it in its passage that
    writes its own day, when that is `c`'s day and (with `asked`) it holds an asked word ("- 14-ago-2026: reunión
    con Ana" above "Tarifa nueva: 90 €/h" is no news about the rate)."""
    above = [e for e in cands if e is not c and e.unit.hit.chunk_id == c.unit.hit.chunk_id
             and e.unit.position < c.unit.position]  # the cheap test before reading dates
    entries = [e for e in sorted(above, key=lambda e: e.unit.position, reverse=True) if says_own_date(e)]
    if not entries or not _entry_above(entries[0], c):
        return None
    e = entries[0]
    return e if not asked or _covered(asked, e, e.text) else None


def _entry_above(e: Candidate, c: Candidate) -> bool:
    """Is `e` a statement above `c` in its passage, of the day `c` is dated by (the entry `c` carries it from)?"""
    return e.unit.hit.chunk_id == c.unit.hit.chunk_id and e.unit.position < c.unit.position \
        and str(e.unit.date) == str(c.unit.date)


def temporal(question: str, units: Sequence[Unit], embedder: Embedder, idf: Mapping[str, float],
             subject_docs: frozenset[int] = frozenset()) -> Composed:
    """The latest dated statement about the asked thing first, then the one it replaced (`subject_docs`: the notes
    that are the thing the question names, by the note graph)."""
    cands = score_units(question, units, embedder, idf)
    if not cands:
        return _empty("temporal", cands)
    extreme = _extreme(question, cands)  # "my longest ride before the Howardian" compares rows, not dates
    if extreme is not None:
        return extreme
    changed = latest_mod.answer_change(question, cands)  # "how much weight have I lost since …": first vs latest row
    if changed is not None:
        return changed
    on_day = _on_named_day(question, cands)  # "What changed on 1 September?": that day's news, not the latest
    if on_day is not None:
        return on_day
    best = cands[0].score
    ranked = _about_subject(question, cands, embedder, idf, subject_docs)
    top = ranked[0][1]
    # Only statements that offer the kind of answer asked for compete ("How heavy is Moss now?": a weight).
    pool = [c for c, v in ranked[:TEMPORAL_POOL] if v >= top - TEMPORAL_MARGIN and c.kind != 0.0]
    # Statements that say from when they hold compete for the latest only: what that replaced is still read
    # among the close ones (a "from 6 April" line is the same news as the letter of the 12th, not the old rate).
    news = latest_mod.stated_changes([cv for cv in ranked if cv[0] not in pool], top)
    # A statement pulled in for saying from when it holds must be about the asked thing: hold an asked word ("sinds 1
    # november … 28 uur" is no news about the night shift).
    asked = _asked_words(question)
    pool = _with_entries(_with_rows(pool, cands, asked), cands, asked)
    news = [c for c in news if c not in pool and (not asked or _covered(asked, c))]
    told_later = latest_mod.retrospective(cands)  # a review's undated lines were written after the events
    dated = [c for c in [*pool, *news] if _dated(c) and id(c) not in told_later]
    if len({c.unit.date for c in dated}) < 2:
        out = single(question, units, embedder, idf, now_implied=False)
        out.mode = "temporal (one date)"
        out.candidates = cands
        return out
    dated = same_subject(question, dated, ranked, news)
    # Of two statements of one day, the one that writes that day is the news: the other only borrows it from its
    # note ("Miete Werkstatt: 1.450 €" above "zum 1. Juli 2026 erhöht: jetzt 1.520 €", both dated 1 July).
    # A log's undated line borrows the day of its latest entry: it is no newer than the entries that write their own
    # day ("Filter alle 6 Monate prüfen" atop the Maschinenbuch is older than its row "03.11.2026 | Filterwechsel").
    logged = {c.unit.hit.path for c in dated if says_own_date(c)}
    contenders = [c for c in dated if not (c.unit.hit.path in logged and _note_dated(c))] or dated
    latest = max(contenders, key=lambda c: (str(c.unit.date), not borrows_note_date(c), c.score))
    # A line that only carries the day of the entry above it ("Reverse proxy: Nginx" below "14-ago: … redimensionado
    # a CX32") gives way to that entry: the entry is what happened that day.
    if not says_own_date(latest) and (entry := _carried_from(latest, cands, asked)) is not None \
            and entry in contenders:
        latest = entry
    older = [c for c in dated if c not in news and _before(c, latest)
             and not content_terms(c.text) <= content_terms(latest.text)]
    used = latest_mod.with_items(latest, units, cands)  # an entry that opens a list brings its items
    first, citations = cite(used[:1], dated=True, question=question)
    items, citations = cite(used[1:], {c.chunk_id: c.n for c in citations}, citations, question=question)
    # Another note that writes the same day is as much the latest: both are given ("Stundensatz: 58 € (2025). Ab
    # 1. Januar 2026: siehe Preise" and the price list's "ab 01.01.2026: 62,00 €").
    also = [c for c in dated if c.unit.hit.path != latest.unit.hit.path and str(c.unit.date) == str(latest.unit.date)
            and says_own_date(c) and says_own_date(latest) and not content_terms(c.text) <= content_terms(latest.text)]
    if also:
        more = max(also, key=lambda c: c.score)
        extra, citations = cite([more], {c.chunk_id: c.n for c in citations}, citations, question=question)
        items += extra
        used = [*used, more]
    text = " ".join([f"{lexicon.label('latest', question)} {first[0]}", *items])
    notes = [f"latest of {len(dated)} dated statements: {latest.unit.date}"]
    if older:
        was = max(older, key=lambda c: c.score)
        was_items = latest_mod.with_items(was, units, cands)
        numbers = {c.chunk_id: c.n for c in citations}
        # A borrowed date is not the day the replaced statement was written: it is left unsaid.
        before, citations = cite(was_items[:1], numbers, citations, dated=not borrows_note_date(was),
                                 question=question)
        items, citations = cite(was_items[1:], numbers, citations, question=question)
        used += was_items
        text += " " + " ".join([f"{lexicon.label('before', question)} {before[0]}", *items])
        notes.append(f"replaced the statement of {was.unit.date}")
    return Composed(text, citations, best, "temporal", notes, cands, used, [latest])


def _before(c: Candidate, latest: Candidate) -> bool:
    """Is `c` older than the latest statement: an earlier date, the same day borrowed from its note where the
    latest writes it, or a line of the latest's note that borrows the note's day?"""
    if c.unit.hit.path == latest.unit.hit.path and _note_dated(c) and says_own_date(latest):
        return True  # the log's undated line, beside its entry that writes its day
    if str(c.unit.date) != str(latest.unit.date):
        return str(c.unit.date) < str(latest.unit.date)
    return borrows_note_date(c) and not borrows_note_date(latest)


def _asked_words(question: str) -> dict[str, set[str]]:
    """Each content word of the question (names included: they say which thing, "die Wohnung", "Leon") with the
    stems it may be written as; the words that ask when ("now", "jetzt", "nu") left out."""
    out: dict[str, set[str]] = {}
    for token in WORD.findall(question):
        stems = content_terms(token) - _PRONOUNS - _WHEN_ASKED
        if stems and len(token) > 2:  # not the "s" of "Kate's"
            out[token.lower()] = stems | _roots(stems)
    return out


def _covered(asked: Mapping[str, set[str]], c: Candidate, own: str | None = None) -> set[str]:
    """The asked words a statement holds in its own text, its note's title and headings, or the statement before it (the
    line a change continues: "Vermieter hat zum 1. Juli 2026 erhöht: jetzt 1.520 €" below "Miete Werkstatt");
    with `own`, in that text only."""
    terms = content_terms(own if own is not None else f"{c.text} {_undated(c.unit.subject)} {c.unit.previous}")
    terms |= _roots(terms)
    return {w for w, stems in asked.items() if meets_terms(terms, stems) or _compound_of(terms, stems)}


def same_subject(question: str, dated: list[Candidate], ranked: Sequence[tuple[Candidate, float]],
                 news: Sequence[Candidate] = ()) -> list[Candidate]:
    """The dated statements about the same thing as the best one: those holding every asked word its note's title
    and headings hold — the thing it is about. The latest line of another thing close in
    score does not answer ("Miete Werkstatt: 1.450 €" for the rent of the flat, whose note is "Wohnung …"); the
    words the best one only says in passing ("monthly payment went up") need not recur."""
    asked = _asked_words(question)
    top = next((c for c, _ in ranked if c in dated), None)
    if not asked or top is None:
        return dated
    need = _covered(asked, top, _undated(top.unit.subject))
    # A statement of another note pulled in from further down for saying from when it holds must hold all the best
    # one holds: "Sinds oktober 2026 doet zij de donderdagnacht" is no news of what sport Daan "doet".
    full = _covered(asked, top)

    def about(c: Candidate) -> bool:
        have = _covered(asked, c)
        # Of three or more words the best one holds, another may say all but one ("Mortgage — from April 2026;
        # Amount: £1,148" in "Money out (monthly)" for "our monthly mortgage payment").
        most = len(full) >= 3 and len(have & full) >= len(full) - 1
        if c in news and c.unit.hit.path != top.unit.hit.path:
            return full <= have or most
        return need <= have or most

    kept = [c for c in dated if about(c)] or dated
    # The thing the question names ("¿Cuánto le cobro ahora a Albufera por jornada?") must be named by a statement
    # that competes — in its text, note title, headings or the line before: the latest row of an invoice log for
    # another client is no news about Albufera, though the log's title holds no asked word to tell them apart.
    named = _named_words(question, asked)
    if named and _covered(named, top):
        kept = [c for c in kept if _covered(named, c)] or kept
    return kept


def _named_words(question: str, asked: Mapping[str, set[str]]) -> dict[str, set[str]]:
    """The asked words that are part of a name the question gives ("Albufera", "Elin")."""
    from memex.agents.answer_type import names

    words = {w.lower() for n in names(question) for w in WORD.findall(n)}
    return {w: stems for w, stems in asked.items() if w in words}


def _compound_of(terms: set[str], wanted: set[str]) -> bool:
    """Does a term end in a wanted one of 5+ letters: a German or Dutch compound names its kind last
    ("Praktijkassistente" is an "assistente", "Kaltmiete" a "Miete")?"""
    return any(len(w) >= 5 and len(t) > len(w) and t.endswith(w) for t in terms for w in wanted)


ON_DAY_MARGIN = 0.15
"""Statements dated on the day a temporal question names, this close to the best one, make its answer."""
ON_DAY_MAX = 6
_BOUND_BEFORE = re.compile(r"\b(?:since|after|before|until|till|by|from|desde|hasta|antes|despu[ée]s|depuis|avant|"
                           r"apr[èe]s|jusqu|seit|vor|nach|bis|dal|prima|dopo|fino|sinds|voor|na|tot)\W+"
                           r"(?:(?:the|el|la|del|le|du|dem|il|de)\s+)?$", re.I)


_NOW = re.compile(r"\b(?:now|currently|current|still|latest|these days|at the moment|at present|nowadays|today|"
                  r"any ?more|most recent|in the end|ended up)\b", re.I)
_NOW_OTHER = re.compile(r"\b(?:ahora|actual\w*|todavia|aun|agora|atual\w*|ainda|maintenant|actuel\w*|toujours|"
                        r"jetzt|aktuell\w*|derzeit\w*|noch|adesso|ora|attual\w*|ancora|nu|momenteel|huidige?)\b")


_DAY_OF_MONTH = re.compile(r"\b(?:since|from|on|desde|el|le|am|il|op|dal|vanaf|depuis|seit)\s+(?:the\s+)?"
                           r"([0-3]?\d)(?:st|nd|rd|th|er|º|o)?(?=\s*(?:[^\w\s%€$£.,:/]|[.,:;](?!\d)|$))", re.I)
"""A number after "since", "from the", "desde el"… with nothing after it but punctuation: "desde el 1, en el Parque 4",
"from the 1st." ("on 3 occasions", "from 1 €" and "desde el 1 de julio" are something else)."""


def _days_of_month(text: str, written: dt.date) -> list[dt.date]:
    """Days a statement names by their number alone ("desde el 1", "from the 1st"): in the month it is dated in,
    or the month before for a number past its day, at most ON_DAY_REACH days before it."""
    out = []
    for m in _DAY_OF_MONTH.finditer(text):
        d = int(m.group(1))
        month = written if d <= written.day else (written.replace(day=1) - dt.timedelta(days=1))
        try:
            day = month.replace(day=d)
        except ValueError:
            continue
        if 0 <= (written - day).days <= ON_DAY_REACH:
            out.append(day)
    return out


ON_DAY_REACH = 20


def _on_named_day(question: str, cands: Sequence[Candidate]) -> Composed | None:
    """A temporal question about one day it names ("What changed on 1 September?", "¿Qué cambió el 1 de
    septiembre?") is answered by the statements dated that day — every one close to the best, in the notes'
    order — not by the latest statement. A day that bounds a period ("since 1 March") names no such day."""
    days = [(m.day, m.year_given) for m in find_dates(question, _ANY_DAY)
            if m.precision == "day" and not _BOUND_BEFORE.search(question[:m.start])]
    if not days or not cands or _NOW.search(question) or lexicon.is_temporal(question) and _NOW_OTHER.search(
            lexicon.fold(question)):
        return None  # "Who is captain now, since the AGM on 3 May?" asks for the latest all the same

    def same(d: str) -> bool:
        return any(d == day.isoformat() if given else d[5:] == day.isoformat()[5:] for day, given in days)

    def on(c: Candidate) -> bool:
        """Dated that day, or saying it ("Mudanza hecha (martes 1)" under "Domingo 6 de septiembre")."""
        if _dated(c) and same(str(c.unit.date)[:10]):
            return True
        base = dt.date.fromisoformat(str(c.unit.date)[:10]) if _dated(c) else None
        if any(m.precision == "day" and same(m.day.isoformat()) for m in find_dates(c.unit.text, base)):
            return True
        return base is not None and any(same(d.isoformat()) for d in _days_of_month(c.unit.text, base))

    best = cands[0].score
    found: list[Candidate] = []
    for c in cands:
        if c.score < best - ON_DAY_MARGIN or len(found) == ON_DAY_MAX:
            break
        if on(c) and c.kind != 0.0 and not any(content_terms(c.text) <= content_terms(f.text) for f in found):
            found.append(c)
    if not found:
        return None
    shown = sorted(found, key=lambda c: (c.unit.rank, c.unit.position))
    texts, citations = cite(shown, question=question)
    return Composed(" ".join(texts), citations, best, "temporal (on the day named)",
                    [f"{len(found)} statements dated {found[0].unit.date}"], list(cands), shown, found[:1])


def parts(question: str, sub_questions: Sequence[str], units: Sequence[Unit], embedder: Embedder,
          idf_for: Any) -> Composed:
    """The best statements for each part of a multi-part question or comparison, merged."""
    numbers: dict[str, int] = {}
    citations: list[Citation] = []
    sentences: list[str] = []
    seen: set[str] = set()
    supports: list[float] = []
    all_cands: list[Candidate] = []
    used: list[Candidate] = []
    primary: list[Candidate] = []
    for q in sub_questions:
        cands = score_units(q, units, embedder, idf_for(q))
        picked = [c for c in pick(cands, limit=2) if c.text.lower() not in seen]
        if not picked:
            continue
        supports.append(cands[0].score)
        all_cands += cands[:2]
        primary.append(cands[0])
        for c in picked:
            seen.add(c.text.lower())
        used += picked
        texts, citations = cite(picked, numbers, citations)
        sentences += texts
    if not sentences:
        return _empty("parts", all_cands)
    return Composed(" ".join(sentences), citations, min(supports), "parts",
                    [f"{len(sub_questions)} parts"], all_cands, used, primary)


def asked_of(question: str, description: str) -> Expectation:
    """The kind of answer asked about the thing a relational question describes: "What is the teammate who led
    the hill party allergic to?" asks for no person — the "who" belongs to the description."""
    rest = question.replace(description, "it") if description and description in question else question
    return expected(rest)


NAME_LIKE = re.compile(r"^[A-Z][\w’'-]+(?:\s+(?:&\s+)?[A-Z][\w’'.-]+){0,3}(?:\s+[A-Z]\.?)?$")
"""A name: capitalised words, perhaps ending in an initial ("Kate S", a way notes keep two Kates apart)."""
_SUBJECT_SPLIT = re.compile(r"\s*(?:›|—|–|:|\(|\)|,|/)\s*")


def leading_name(part: str) -> str | None:
    """A subject part that is a name ("Alex Petrie"), or the name it opens with ("Tariq mentoring log")."""
    part = part.strip()
    if NAME_LIKE.match(part):
        return part
    m = re.match(r"([A-Z][a-z][\w’'-]+)(?:['’]s)?\s+[a-z]", part)
    return m.group(1) if m else None


_ANY_DAY = dt.date(2000, 1, 1)


def bridge_entities(description: str, question: str, units: Sequence[Unit], embedder: Embedder,
                    idf: Mapping[str, float], known: Any = None, limit: int = BRIDGE_ENTITIES,
                    is_name: Any = None, is_word: Any = None) -> list[tuple[str, Candidate]]:
    """Names that the best statements for `description` give, which the question does not already say.

    A person named in the statement itself comes first ("Recommended by Sam from the market", found in the
    builder's note: the friend is Sam, not the builder), then the note or section the statement belongs to
    (a person note: "Led the hill party on the Ben Lomond job" in "Alex Petrie"); places count least.
    `known(name)` (how many passages carry it as a title) breaks ties. `is_name(word)` says whether a capitalised
    word opening a sentence or a "Key: value" is a name all the same (the note graph knows a note that is it):
    "Nadia taking notes on all in-person sessions", "Who went with him: Blessing was there". A description
    headed by a name ("the Ruth who conducted my Easter quarter") takes the fuller names that start with it
    ("Ruth D", "Ruth Denholm"). `is_word(word)` says whether a capitalised word is a common word all the same
    (the notes write it in lower case too): never a candidate."""
    from memex.agents.answer_type import PLACE_WORDS
    from memex.agents.answer_type import names as find_names

    skip = {w.lower().strip(".,'’?") for w in question.split()}
    role = description_role(description)
    cands = score_units(description, units, embedder, idf)
    if is_name is not None:
        cands = _person_offered(description, cands, role, is_name)
    q_low = question.lower()
    # The role the description gives ("the engineer who…") is not a name for it ("Design Engineer").
    roles = {w.lower() for w in re.findall(r"(?<![\w'’])([a-z][\w'’-]+)\s+(?:who|whose|that|which|where)\b",
                                           description)}
    head = re.match(r"\s*(?:the|my|our)\s+([A-Z][\w'’-]+)\s+(?:who|whose|that|which|where)\b", description)
    if head:
        skip.discard(head.group(1).lower())
    # "Kit's partner": Kit is whom the description hangs on, not what it describes ("Kit Haverford" is no candidate),
    # and the role is Kit's, so a line giving someone the role counts where it is about Kit (his note, or a line
    # naming him), not "Devendra Sharma, my partner".
    owner = OWNER.match(description)
    place = asks_place(description)
    person = PERSON in expected(description).kinds
    clause = clause_terms(description) if person else set()
    scored: dict[str, tuple[float, Candidate]] = {}
    for rank, c in enumerate(cands[:BRIDGE_STATEMENTS]):
        # A dated heading ("9 November 2025 — Remembrance Sunday") names a day, not who or what it was about.
        levels = [lv for lv in c.unit.subject.split(" › ") if not find_dates(lv, _ANY_DAY)]
        deepest = [leading_name(p) for p in _SUBJECT_SPLIT.split(levels[-1])] if levels else []
        upper = [leading_name(p) for lv in levels[:-1] for p in _SUBJECT_SPLIT.split(lv)]
        if is_name is not None:
            # A title's first word is its subject's name ("Tariq mentoring log") only if it is a name at all: not
            # "Gift" of "Gift ideas".
            deepest = [n for n in deepest if not n or NAME_LIKE.match(n) or is_name(n)]
            upper = [n for n in upper if not n or NAME_LIKE.match(n) or is_name(n)]
        in_text = find_names(c.text, skip)
        # A table row read as "Date: …; Appointment: …; Who went with him: Blessing was there" names its columns
        # too: a column's name is not what the row is about.
        columns = {k.strip() for k in _FIELDS.findall(c.text)} if len(_FIELDS.findall(c.text)) >= 2 else set()
        in_text = [n for n in in_text if n.strip(" .,:;") not in columns]
        if is_name is not None:
            # A word opening a sentence is a name only when the graph knows it: "Nadia taking notes…" is, while
            # "Things" of "Things I'd tell someone…" (kept as a name because "I" follows it) is not.
            opening = opening_words(c.text)
            in_text = [n for n in in_text if n not in opening or is_name(n)]
            in_text += [w for w in opening if w not in in_text and w not in columns and w.lower() not in skip
                        and is_name(w)]
        if is_word is not None:
            # A capitalised word the notes also write in lower case is a word: "MOVED", "Money" (a heading).
            in_text = [n for n in in_text if " " in n.strip() or not is_word(n.strip(" .,:;"))]
            deepest = [n for n in deepest if not n or " " in n.strip() or not is_word(n)]
            upper = [n for n in upper if not n or " " in n.strip() or not is_word(n)]
        # Of several people a statement names, the one right before the words of the description's clause did
        # what it says: "Sam A. driving most legs" for "the person who drove most of the tour legs".
        doer = (clause_subject([n.strip(" .,:;") for n in in_text], clause, c.text)
                if clause and len(in_text) >= 2 else None)
        owned = not owner or owner.group(1) in c.text or owner.group(1) in c.unit.subject
        for kind, found in ((2.0, in_text), (1.5, deepest), (1.0, upper)):
            for name in found:
                # A run of capitals read across a full stop ("Ines Moreau. Birthday") is the full name before it;
                # one word before the stop ("Andrés. Electricista") may as well end a sentence: no name.
                name = name or ""
                if ". " in name:
                    name = name.split(". ")[0] if " " in name.split(". ")[0].strip() else ""
                name = name.strip(" .,:;")
                fuller = bool(head and name and name.split()[0] == head.group(1) and len(name.split()) > 1)
                if not fuller and (len(name) < 3 or name.lower() in q_low or content_terms(name) <= skip
                        or (not place and {w.lower() for w in name.split()} & roles)
                        or month_number(name.split()[-1].lower())
                        or (owner and name.split()[0] == owner.group(1)) or _before_role(name, roles, c.text)):
                    continue
                value = kind + (0.5 if " " in name else 0.0) - rank
                if found is in_text and name == doer:
                    value += CLAUSE_SUBJECT
                if not owned:
                    value -= NOT_OWNED  # a statement that does not name Kit cannot say who Kit's partner is
                given = False
                if place and role and content_terms(name) & role:
                    # "Kiln Studios" for "the studio where…": the name says what kind of place it is.
                    value += ROLE_BESIDE
                elif owned and role and (role_beside(name, role, c.text)
                                         or (found is deepest and _opens_with_role(c.text, role))):
                    given = True
                    # The statement gives this name the description's role: "Ellen Marsh (structural engineer…)"
                    # for "the engineer who…", or a line of Tomi's section that opens "Younger brother…" for
                    # "my brother".
                    value += ROLE_BESIDE
                if PLACE_WORDS.search(name) and not place:
                    value -= 1.5
                if known is not None and known(name):
                    value += 1.0
                if name not in scored or scored[name][0] < value:
                    scored[name] = (value, c, given)
    # Of two names scored alike, the one the statement gives the description's role ("Partner: Juno") first.
    ranked = [(name, (value, c)) for name, (value, c, _) in
              sorted(scored.items(), key=lambda kv: (-kv[1][0], not kv[1][2]))]
    if head:
        # "the Jo who poured prosecco": the description says the entity's name is Jo, so only the names that start
        # with it ("Jo P") are candidates, when the statements give any ("Callum and Jo P" offers Callum too).
        named = [(name, vc) for name, vc in ranked if name.split()[0] == head.group(1)]
        ranked = named or ranked
    # "Douglas" of "Signed: Douglas Baird" is the fuller name ranked above it, not one more candidate to search.
    ranked = [(name, vc) for i, (name, vc) in enumerate(ranked)
              if not any(set(name.split()) < set(other.split()) and other in vc[1].text for other, _ in ranked[:i])]
    # "Aoife" (the note's title) and "Aoife Byrne" (its first line) are one person: one slot, the better placed.
    ranked = [(name, vc) for i, (name, vc) in enumerate(ranked)
              if not any(_same_person(name, vc[1], other, oc) for other, (_, oc) in ranked[:i])]
    return [(name, c) for name, (_, c) in ranked[:limit]]


def _same_person(name: str, c: Candidate, other: str, oc: Candidate) -> bool:
    """Are two candidates one name, the shorter its fuller form's first words, found in the same note?"""
    a, b = name.split(), other.split()
    short, full = (a, b) if len(a) < len(b) else (b, a)
    return (len(short) < len(full) and full[:len(short)] == short
            and c.unit.hit.path == oc.unit.hit.path)


def _person_offered(description: str, cands: list[Candidate], role: set[str], is_name: Any) -> list[Candidate]:
    """The statements for a description of a person, with the kind credit of a person note's line that opens with
    the description's role ("Old friend from the cycling club." in "Pete Garside" for "the friend who…"): it
    offers the person its note is about, which `answer_type.matches` cannot see in the line itself."""
    if not role or PERSON not in expected(description).kinds:
        return cands
    out = []
    for c in cands:
        if (c.kind is not None and c.kind < 1.0 and _opens_with_role(c.text, role)
                and _person_note(c.unit.subject, is_name)):
            c = replace(c, kind=1.0, score=c.score + WEIGHTS.kind * (1.0 - c.kind))
        out.append(c)
    return sorted(out, key=lambda c: -c.score)


def _person_note(subject: str, is_name: Any) -> bool:
    """Is the statement's note (or its deepest section) titled with a name: a note about one person?"""
    levels = [lv.strip() for lv in subject.split(" › ") if not find_dates(lv, _ANY_DAY)]
    return bool(levels) and bool(NAME_LIKE.match(levels[-1])) and (" " in levels[-1] or is_name(levels[-1]))


ROLE_BESIDE = 1.5
"""Bonus for a bridging candidate the statement itself gives the description's role (about one rank and a half)."""
CLAUSE_SUBJECT = 1.0
"""Bonus for the one name of a statement that comes right before the words of the description's clause (a rank)."""
CLAUSE_GAP = 4
"""How many words may stand between a name and the clause's first word after it."""
NOT_OWNED = 1.0
"""Cost, for "Kit's partner", of a statement that names Kit nowhere (text or note): a rank."""
OWNER = re.compile(r"^\s*([A-Z][\w-]+)['’]s\s+\w")
_CLAUSE_OPEN = re.compile(r"\b(?:who|whom|that|which|que|qui|quien|quienes|der|die|das|welche[rs]?|die|dat|wie|"
                          r"che|cui|quem)\b", re.I)


def asks_place(description: str) -> bool:
    """Does the description's head noun name a kind of place ("the studio where…", "the hall that…")?"""
    from memex.agents.answer_type import PLACE_WORDS

    m = _ROLE_DESC.match(description)
    words = re.findall(r"[\w'’-]+", m.group(1)) if m else []
    return bool(words) and bool(PLACE_WORDS.fullmatch(words[-1]))


def clause_terms(description: str) -> set[str]:
    """The content terms of what the description's clause says the thing did ("drove most of the tour legs")."""
    m = _CLAUSE_OPEN.search(description)
    return content_terms(description[m.end():]) if m else set()


def clause_subject(names: Sequence[str], clause: set[str], text: str) -> str | None:
    """The one name in `text` that a word of the clause follows closest (within CLAUSE_GAP words), else None."""
    words = [(m.start(), m.end(), m.group()) for m in re.finditer(r"[\w'’-]+", text)]
    best: dict[str, int] = {}
    for name in names:
        for m in re.finditer(rf"(?<![\w'’]){re.escape(name)}(?![\w'’])", text) if name else ():
            # Up to the sentence's end ("happy." but not the initial of "Sam A. driving").
            end = re.compile(r"(?<=\w\w)[.!?](?:\s|$)").search(text, m.end())
            after = [w for w in words if m.end() <= w[0] < (end.start() if end else len(text))][:CLAUSE_GAP + 1]
            gap = next((i for i, w in enumerate(after) if content_terms(w[2]) & clause), None)
            if gap is not None and gap < best.get(name, CLAUSE_GAP + 1):
                best[name] = gap
    if not best:
        return None
    ranked = sorted(best.items(), key=lambda kv: kv[1])
    return ranked[0][0] if len(ranked) == 1 or ranked[0][1] < ranked[1][1] else None
_ROLE_DESC = re.compile(r"^\s*(?:the|my|our|his|her|their|(?-i:[A-Z][\w-]+)['’]s)\s+((?:[\w'’-]+\s+){0,3}?[\w'’-]+?)"
                        r"(?:\s+(?:who|whose|whom|that|which|where)\b|\s*$)", re.I)
_GENERIC_ROLE_WORDS = {"person", "people", "man", "woman", "one", "someone", "somebody", "thing", "place", "day",
                       "time", "old", "new", "former", "current", "only", "first", "last"}


def description_role(description: str) -> set[str]:
    """The role the description gives the thing it describes, as the content terms of its head word: {"engineer"}
    of "the engineer who made the loft steels bigger", {"brother"} of "my brother"; nothing for "the person
    who…"."""
    m = _ROLE_DESC.match(description)
    if not m:
        return set()
    words = [w for w in re.findall(r"[\w'’-]+", m.group(1)) if w.lower() not in _GENERIC_ROLE_WORDS]
    # The head of the role: "teacher" of "the chemistry teacher", "11" of "the Year 11" (never "Year" alone).
    return content_terms(words[-1]) if words else set()


def role_beside(name: str, role: set[str], text: str) -> bool:
    """Does the statement put one of the role's words right beside the name: "Ellen Marsh (structural engineer",
    "Marcus Bell (chemistry)", "our engineer, Ellen Marsh" (at most one other word between)?"""
    for m in re.finditer(rf"(?<![\w'’]){re.escape(name)}(?![\w'’])", text):
        after = re.match(r"[\s,(—–-]*(?:(?:the|a|an|our|my|his|her|their)\s+)?(?:[\w'’-]+\s+)?([\w'’-]+)",
                         text[m.end():m.end() + 60], re.I)
        if after and content_terms(after.group(1)) & role:
            return True
        # "our engineer, Ellen Marsh", "Partner: Juno" (a key and its value).
        before = re.search(r"([\w'’-]+)[\s,:]+(?:([\w'’-]+)[\s,:]+)?$", text[max(0, m.start() - 60):m.start()])
        # "the structural engineer Ellen Marsh", "our engineer, Ellen": not "the engineer and Dougie".
        words = [w for w in before.groups() if w] if before else []
        if words and words[-1].lower() in _LINKING:
            words = []
        if any(content_terms(w) & role for w in words):
            return True
    return False


_LINKING = {"and", "or", "with", "than", "to", "from", "by", "for", "of", "y", "o", "con"}


def _opens_with_role(text: str, role: set[str]) -> bool:
    """Does the statement open with the role ("Younger brother (born 1993)…"): a line of a section that is about
    one person, saying what that person is?"""
    first = re.findall(r"[\w'’-]+", text)[:2]
    return any(content_terms(w) & role for w in first)


def _before_role(name: str, roles: set[str], text: str) -> bool:
    """Is the name the first part of the description's role in the statement ("Design" of "Design Engineer" for
    "the engineer who passed…")?"""
    return any(re.search(rf"\b{re.escape(name)}\s+{re.escape(r)}\b", text, re.I) for r in roles)


BRIDGE_STATEMENTS = 5
"""Statements best fitting the description whose names are bridging candidates."""
_OPENING_WORD = re.compile(r"(?:^|[.!?:;—–]\s+|\n)[\s>*_#|-]*(?:\*\*)?([A-Z][a-z][\w-]*)(?:['’]s)?\b")


def opening_words(text: str) -> list[str]:
    """Capitalised words where any word is capitalised (a sentence's or a value's start): names only if known."""
    return list(dict.fromkeys(m.group(1) for m in _OPENING_WORD.finditer(text)))


def bridged(question: str, description: str, entity: str, via: Candidate, units: Sequence[Unit],
            embedder: Embedder, idf_for: Any) -> Composed:
    """The statement naming the entity, then the best statements about the entity for the question.

    What is asked about the entity is the question without the words the bridging statement already
    matched: "What is the teammate who led the hill party on the July Ben Lomond job allergic to?" with
    "Led the hill party on the Ben Lomond job in July" becomes "Alex Petrie: teammate allergic"."""
    explained = content_terms(via.unit.text) | content_terms(via.unit.subject)
    rest = [w for w in re.findall(r"[\w’'-]+", question) if content_terms(w) and not content_terms(w) <= explained]
    about = f"{entity}: {' '.join(rest)}" if rest else f"{entity}: {question}"
    ent = content_terms(entity)
    own = [u for u in units if ent & (content_terms(u.text) | content_terms(u.subject))] or list(units)
    cands = [c for c in score_units(about, own, embedder, idf_for(about), expect=asked_of(question, description))
             if c.unit.quote != via.unit.quote]
    picked = pick(cands, limit=2)
    if not picked:
        return _empty("relational", cands)
    texts, citations = cite([via, *picked])
    notes = [f"bridge: {description!r} -> {entity!r}", f"asked: {about}"]
    return Composed(" ".join(texts), citations, cands[0].score, "relational", notes, cands, [via, *picked],
                    [via, picked[0]])


__all__ = ["Composed", "WEIGHTS", "bridge_entities", "bridged", "parts", "single", "temporal"]
