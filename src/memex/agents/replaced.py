"""Answers that stand on a stale statement: a later statement contradicts it (graph/contradictions.py marks
the older one stale after each add/sync), so the later one answers, both are cited, and the answer says what
it replaced ("Friday 14:00 since 10 May 2024; was Tuesday 10:00").

Contradiction pairs are often wrong (a salary line "replaced" by the date of the next review), so the switch
is gated: the later statement must answer the question itself — the kind of answer asked (a time for "when"),
an asked word of what is asked in its own text or heading, a score close to the stale line's on the same
question — and the question must not ask about the past ("did", "originally", a date it names).
"""
from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace

from memex.agents import compose, lexicon
from memex.agents.answer_type import expected
from memex.agents.evidence import Unit, units
from memex.agents.extractive import Candidate, cite, content_terms, date_phrase, long_date, score_units
from memex.domain import Citation, Hit
from memex.embed.base import Embedder
from memex.graph.contradictions import Replaced, replacements, states_new

MODES = frozenset({"single", "temporal", "temporal (one date)", "single (changed over time)"})
"""Compositions that lead with one statement as the answer (lists, sums, bridges and parts do not)."""
MARGIN = 0.15
"""The later statement must score this close to the stale one on the question (it answers it too)."""
CHAIN = 4
"""Replacements followed from a stale statement at most (£46,800 → £52,350 → £55,900)."""
_PAST = re.compile(
    r"\b(?:did|was|were|had|used to|originally|original|first|before|previous(?:ly)?|former(?:ly)?|old|initial(?:ly)?|"
    r"planned|at first|antes|anterior|originalmente|inicialmente|primero|avant|initialement|ancien(?:ne)?|"
    r"auparavant|précédent|au départ|vorher|früher|ursprünglich|zuerst|anfangs|vorige[nrs]?|prima|precedente|"
    r"originariamente|inizialmente|eerder|vroeger|oorspronkelijk|eerst|vorige)\b", re.I)
"""Questions about what held before (per language: en, es/pt, fr, de, it, nl): the stale line may be their answer."""


def _norm(text: str) -> str:
    return " ".join(text.replace("*", "").replace("_", " ").split()).lower()


def _matches(statement: str, quote: str) -> bool:
    """Is the stored statement the quoted line (or a sentence of it, or it a sentence of the statement)?"""
    a, b = _norm(statement), _norm(quote)
    return bool(a and b) and (a in b or b in a)


def stale_lead(conn: sqlite3.Connection, lead: Candidate) -> Replaced | None:
    """The stored replacement of the answer's lead statement, when a later statement contradicts it."""
    try:
        chunk = int(lead.hit.chunk_id)
    except (TypeError, ValueError):
        return None
    for r in replacements(conn, chunk_id=chunk):
        if _matches(r.old_text, lead.unit.quote):
            return r
    return None


def _unit_of(hits_for: Callable[..., list[Hit]], r: Replaced, rank: int,
             allowed: Callable[[Hit], bool]) -> Unit | None:
    """The later statement as a unit of its chunk, read from the store (None where the filters keep it out)."""
    found = hits_for([r.new_chunk], {r.new_chunk: 0.0}, {r.new_chunk: {"replaces": r.old_chunk}})
    if not found or not allowed(found[0]):
        return None
    return next((u for u in units(found[0], rank) if _matches(r.new_text, u.quote)), None)


ANSWERED_BY = {"money": {"money", "quantity"}, "number": {"money", "quantity", "percent", "frequency", "duration"},
               "quantity": {"money", "quantity", "percent", "frequency", "duration"},
               "duration": {"duration", "quantity"}, "date": {"date", "weekday"}, "time": {"time", "weekday"},
               "weekday": {"weekday", "time"}, "person": {"name"}, "name": {"name"}, "place": {"name"}}
"""Kinds of stored value (graph/statements.py) that can answer each kind of answer asked (agents/answer_type.py)."""


def _changes_asked(question: str, r: Replaced, lead: Candidate) -> bool:
    """Did the pair change a value of the kind asked ("When …": a day or a time; "How much …": an amount), one the
    quoted line does not already give? A question asking no kind needs a change of more than a date (a date alone
    answers only "when")."""
    if r.values is None or states_new(lead.unit.quote, r.values):
        return False
    changed = {k for k, _ in r.values[1]}
    asked = expected(question).kinds
    if not asked:
        return bool(changed - {"date"})
    return bool(changed & set().union(*(ANSWERED_BY.get(k, set()) for k in asked)))


def _answers(question: str, later: Candidate, lead: Candidate) -> bool:
    """Does the later statement answer the question as the stale one did: the kind of answer asked, what is asked
    in its own words or heading, an asked word the stale one also holds, a date not before the stale one's, and a
    close score?"""
    if later.kind == 0.0 or not compose.gives_asked(question, later):
        return False
    if later.unit.date and lead.unit.date and str(later.unit.date) < str(lead.unit.date):
        return False  # the answer's own dates say the other way round
    asked = compose._roots(content_terms(question))  # noqa: SLF001 - one stemming for both sides
    own = compose._roots(content_terms(later.text) | content_terms(compose._heading(later)))  # noqa: SLF001
    theirs = compose._roots(content_terms(lead.text) | content_terms(compose._heading(lead)))  # noqa: SLF001
    if not asked & own & theirs:
        return False  # not visibly about the thing the stale line answered
    return later.score >= lead.score - MARGIN


def latest(question: str, composed: compose.Composed, all_units: Sequence[Unit], embedder: Embedder,
           idf: Mapping[str, float], conn: sqlite3.Connection, hits_for: Callable[..., list[Hit]],
           window: tuple[str | None, str | None] = (None, None),
           allowed: Callable[[Hit], bool] = lambda hit: True) -> compose.Composed:
    """The composed answer, led by the statement that replaced its lead when the lead is stale (gated: see the
    module doc); when the answer already quotes both, led by what changed; unchanged otherwise. `allowed`: may a
    passage the search did not return answer (the user's filters)?"""
    if composed.mode not in MODES or not composed.used or not composed.text or any(window) \
            or _PAST.search(question):
        return composed
    lead = composed.used[0]
    r = stale_lead(conn, lead)
    if r is None:
        return _said_change(question, composed, conn)
    chain: list[Replaced] = []
    later: Candidate | None = None
    rank = max((u.rank for u in all_units), default=0) + 1
    seen = {r.old_id}
    while r is not None and len(chain) < CHAIN and r.new_id not in seen:
        seen.add(r.new_id)
        unit = _unit_of(hits_for, r, rank, allowed)
        if unit is None:
            break
        quoted = next((c for c in composed.used if _same(c.unit, unit)), None)
        scored = score_units(question, [*all_units, unit], embedder, idf) if quoted is None else composed.candidates
        cand = quoted or next((c for c in scored if c.unit is unit), None)
        base = next((c for c in scored if c.unit is lead.unit), lead)
        if cand is None or not _changes_asked(question, r, lead) or not _answers(question, cand, base):
            break
        if quoted is not None:  # the answer quotes the later one already (after the stale one): lead with it
            chain.append(r)
            later = cand
            break
        chain.append(r)
        later = cand
        nxt = replacements(conn, statement_id=r.new_id)
        r = nxt[0] if nxt else None
    if later is None:
        return composed
    if any(_same(c.unit, later.unit) for c in composed.used):
        return _headed(question, composed, later, chain, lead, reorder=True)
    return _led_by(question, composed, later, chain, lead)


def _same(a: Unit, b: Unit) -> bool:
    return a.hit.chunk_id == b.hit.chunk_id and a.quote == b.quote


def _said_change(question: str, composed: compose.Composed, conn: sqlite3.Connection) -> compose.Composed:
    """An answer led by a statement that replaced one it also quotes ("Latest: … Before that: …"): say what
    changed first."""
    lead = composed.used[0]
    try:
        chunk = int(lead.hit.chunk_id)
    except (TypeError, ValueError):
        return composed
    for r in replacements(conn, new_chunk=chunk):
        if not _matches(r.new_text, lead.unit.quote):
            continue
        old = next((c for c in composed.used[1:] if _matches(r.old_text, c.unit.quote)), None)
        if old is not None and _changes_asked(question, r, old) and _answers(question, lead, old):
            return _headed(question, composed, lead, [r], old)
    return composed


def _head(question: str, later: Candidate, chain: list[Replaced]) -> str:
    """"Friday 14:00 since 10 May 2024; was Tuesday 10:00." (empty when the stored values do not say it)."""
    values = _values(chain, question)
    if values is None or not later.unit.date or later.unit.date_source == "mtime":
        return ""
    return lexicon.label("replaced", question, new=values[1], old=values[0], date=date_phrase(later.unit, question))


_DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _shown(kind: str, value: str, question: str, text: str = "") -> str:
    """A stored value as the question's language writes it: "tue" -> "Tuesday" / "mardi", "--05-10" -> "10 May";
    another value as its statement `text` writes it ("100a" -> "100 A")."""
    lang = lexicon.language(question) if question else "en"
    if kind not in ("weekday", "date") and text and value:
        written = re.search(r"[\s*_]*".join(map(re.escape, value)), text, re.I)
        return written.group(0).replace("*", "").replace("_", "") if written else value
    if kind == "weekday" and value in _DAYS:
        try:
            from babel.dates import get_day_names
            return str(get_day_names("wide", locale=lang)[_DAYS.index(value)])
        except (ImportError, ValueError, LookupError):
            return ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")[_DAYS.index(value)]
    if kind == "date":
        iso = f"2000{value[1:]}" if value.startswith("--") else value[:10]
        said = lexicon.long_date(iso, question) or long_date(iso)
        return said.replace(" 2000", "").replace(" de 2000", "") if value.startswith("--") else said
    return value


def _values(chain: list[Replaced], question: str) -> tuple[str, str] | None:
    """What changed along the chain, as shown: its first replaced values and its last new ones."""
    if chain[0].values is None or chain[-1].values is None:
        return None
    old, new = chain[0].values[0], chain[-1].values[1]
    return (" ".join(_shown(k, v, question, chain[0].old_text) for k, v in old),
            " ".join(_shown(k, v, question, chain[-1].new_text) for k, v in new))


def _note(lead: Candidate, later: Candidate, chain: list[Replaced]) -> str:
    values = _values(chain, "")
    return (f"stale: “{' '.join(lead.unit.quote.split())[:120]}” ({lead.unit.date}) is contradicted by the later "
            f"“{' '.join(later.unit.quote.split())[:120]}” ({later.unit.date})"
            + (f": {values[0]} → {values[1]}" if values else ""))


def _headed(question: str, composed: compose.Composed, later: Candidate, chain: list[Replaced], lead: Candidate,
            reorder: bool = False) -> compose.Composed:
    """The answer with what changed said first; `reorder`: the later statement was quoted after the stale one, so
    the answer is quoted again led by it, then what it replaced and the rest."""
    head = _head(question, later, chain)
    note = _note(lead, later, chain)
    if reorder:
        first, cites = cite([later], {}, [], dated=True, question=question)
        rest, cites = cite([c for c in composed.used if c is not later], {c.chunk_id: c.n for c in cites}, cites,
                           dated=True, question=question)
        text = f"{head + ' ' if head else ''}{first[0]} {lexicon.label('before', question)} {' '.join(rest)}"
        return replace(composed, text=text, citations=cites, mode=composed.mode + " (stale replaced)",
                       notes=[*composed.notes, note], used=[later, *(c for c in composed.used if c is not later)])
    if not head:
        return composed
    return replace(composed, text=f"{head} {composed.text}", mode=composed.mode + " (change said)",
                   notes=[*composed.notes, note])


_MARK = re.compile(r"\[(\d+)\]")


def _led_by(question: str, composed: compose.Composed, later: Candidate, chain: list[Replaced],
            lead: Candidate) -> compose.Composed:
    """The answer led by `later` (cited [1]), then what it replaced: the original answer, renumbered."""
    first, cites = cite([later], {}, [], dated=True, question=question)
    shift = {c.n: c.n + 1 for c in composed.citations}
    body = _MARK.sub(lambda m: f"[{shift.get(int(m.group(1)), int(m.group(1)))}]", composed.text)
    for label in (lexicon.label("latest", question), lexicon.label("before", question)):
        body = body.removeprefix(label).lstrip()
    head = _head(question, later, chain)
    text = f"{head + ' ' if head else ''}{first[0]} {lexicon.label('before', question)} {body}"
    citations: list[Citation] = [*cites, *(replace(c, n=shift[c.n]) for c in composed.citations)]
    return replace(composed, text=text, citations=citations, mode=f"{composed.mode} (stale replaced)",
                   notes=[*composed.notes, _note(lead, later, chain)], used=[later, *composed.used])
