"""A statement that opens a list ("The client accepts the Stage 2 design with four conditions:") answers with
the items that follow it in the note ("(a) obstacle detection type-approval evidence…; (b) …"): on its own it
only says that there is a list. A question that asks who was at a meeting is answered by the line that lists
who was present."""
from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from memex.agents.evidence import Unit

if TYPE_CHECKING:
    from memex.agents.extractive import Candidate

MAX_ITEMS = 8
_MANY_Q = re.compile(r"^\W*(?:what|which)\s+(?:are|were)\s+(?:the|my|our|his|her|their)\b", re.I)
"""A question that asks for several things of one kind ("What are the priorities in the plan?")."""
_OPENS = re.compile(r"(?::|\s[—–])\s*$")
"""A line that opens a list ends with a colon, or a dash after a space ("twice a day, seven days a week —")."""


def items_after(head: Unit, units: Sequence[Unit], question: str = "") -> list[Unit]:
    """The statements right after `head` in its chunk when `head` ends with a colon or a dash (up to MAX_ITEMS,
    until a statement that itself opens another list); empty otherwise. For a question that asks for several
    things ("What are the priorities…?"), a list right below `head` is its items too ("Five priorities. …"
    then "1. Practical science …")."""
    same = sorted((u for u in units if u.hit.chunk_id == head.hit.chunk_id and u.position > head.position),
                  key=lambda u: u.position)
    if not _OPENS.search(head.text) and not (
            _MANY_Q.search(question) and not _MARKER.match(head.quote) and same
            and same[0].position == head.position + 1 and _MARKER.match(same[0].quote)):
        return []
    out: list[Unit] = []
    expect = head.position + 1
    marked = False
    for u in same:
        if u.position > expect + 1 or len(out) == MAX_ITEMS:  # one too-short line may sit between items
            break
        if not out:
            marked = bool(_MARKER.match(u.quote))
        elif marked and not _MARKER.match(u.quote):
            if len(u.text.split()) <= 4:  # the wrapped tail of the item before ("June 2026.")
                expect = u.position + 1
                continue
            break  # "(a) … (d) …" then the minutes go on: the list has ended
        out.append(u)
        expect = u.position + 1
        if _OPENS.search(u.text):
            break
    return out


_MARKER = re.compile(r"^\s*(?:[-*+•]\s|\(?[a-z0-9]{1,2}[.)]\s|\[[ xX]\]\s)", re.I)
_LEAD = re.compile(r"^\s*(?:\*\*|__)[^*_]+(?:\*\*|__)\s*$|\?\s*(?:\*\*|__)?\s*$")
"""A line set in bold on its own ("**My device is deleting my attachments**") or ending in a question mark is
a lead-in (a problem, an FAQ's question, a pseudo-heading): it states what the statement after it answers."""


def answer_after(head: Unit, units: Sequence[Unit]) -> Unit | None:
    """The statement right after `head` in its chunk when `head` is a lead-in (a bold line of its own, or a
    question); None otherwise. Troubleshooting pages and FAQs put the problem in bold and the fix below it,
    and the bold line, which restates the question, outscores the fix."""
    if not _LEAD.search(head.quote) or _MARKER.match(head.quote):  # a list item's next line is its sibling
        return None
    nxt = [u for u in units if u.hit.chunk_id == head.hit.chunk_id and u.position == head.position + 1]
    return nxt[0] if nxt else None


_POINTS_AHEAD = re.compile(
    r"\b(?:the following|as follows|below|this command|these commands|like this|like so|"
    r"(?:el|la|los|las) siguientes?|a continuación|(?:la |le |les )?suivante?s?|ci-dessous|folgenden?|seguent[ei]|"
    r"volgende)\b|:\s*$", re.I)
"""A statement that points at what comes next ("run the following command in your terminal", "like this:")."""
_FENCE = re.compile(r"^[ \t]*(```|~~~)[^\n]*\n(.*?)^[ \t]*\1", re.M | re.S)


def in_code(unit: Unit) -> bool:
    """Is the statement a line of a fenced code block of its chunk?"""
    return any(unit.quote in " ".join(m.group(2).split()) for m in _FENCE.finditer(unit.hit.text))


def code_after(head: Unit, units: Sequence[Unit]) -> list[Unit]:
    """The code block `head` leads to, with the statement that introduces it: "…or else you will see a 403
    error." is answered by "run the following command in your terminal" and the command below it. Empty unless
    the next statement of the chunk is code that `head` points at, or points at code right after it."""
    same = sorted((u for u in units if u.hit.chunk_id == head.hit.chunk_id and u.position > head.position),
                  key=lambda u: u.position)[:2]
    if not same or in_code(head):
        return []
    if in_code(same[0]):
        lead: list[Unit] = []
        if not _POINTS_AHEAD.search(head.text):
            return []
    elif len(same) == 2 and _POINTS_AHEAD.search(same[0].text) and in_code(same[1]):
        lead = [same[0]]
    else:
        return []
    code = [u for u in sorted(units, key=lambda u: u.position)
            if u.hit.chunk_id == head.hit.chunk_id and u.position >= same[len(lead)].position]
    block = []
    for u in code:  # the whole block: its lines up to the closing fence
        if not in_code(u) or len(block) == MAX_ITEMS:
            break
        block.append(u)
    return [*lead, *block]


# "Who was at the design review on 7 May 2026?" asks for everyone there: minutes keep them on one labelled line
# ("Present: Owen Leathley (client sponsor), Farida Rahman, …"), which reads less like the question than the
# meeting's own "Date: …" and "Chair: …" lines.
_ATTENDANCE_Q = re.compile(
    r"^\s*¿?\s*(?:who\s+(?:was|were)\s+(?:at|in|present)\b|who\s+(?:attended|came\s+to|went\s+to)\b|"
    r"qui[ée]n(?:es)?\s+(?:estuvo|estuvieron|asisti[óo]|asistieron|vino|vinieron)\b)", re.I)
_ATTENDANCE_LABEL = re.compile(
    r"^\s*(?:present|attendees|attending|in attendance|participants|asistentes|presentes|anwesend|pr[ée]sents|"
    r"presenti|aanwezig)\s*[:—–]", re.I)
ATTENDANCE_MARGIN = 0.1
"""How far below the best statement the attendance line may score and still be quoted."""


def attendance(question: str, cands: Sequence[Candidate]) -> Candidate | None:
    """For "Who was at / attended …?", the line close to the best that lists who was present, else None."""
    if not cands or not _ATTENDANCE_Q.search(question):
        return None
    best = cands[0].score
    return next((c for c in cands if c.score >= best - ATTENDANCE_MARGIN and _ATTENDANCE_LABEL.search(c.unit.text)),
                None)
