"""Retrieved chunks as self-contained evidence: one statement each, with its subject and its date.

A line of a person note ("- Allergic to walnuts.") says nothing on its own: its subject is the note's
title ("Jonah"). A table row ("| 2026-03-13 | 26.9 kg | 250 g |") means something only with its header.
A log line ("12 Mar: glaze — 14 mugs") carries its date, and a line under a dated heading carries the
heading's. Each Unit keeps the exact text (for the citation's quote), a readable form (for the answer),
its subject (title › heading) and the date it speaks for.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from memex.domain import Hit
from memex.ingest.chunking import split_sentences
from memex.ingest.dates import find_dates, sentence_dates

MIN_WORDS = 2
MAX_WORDS = 90
LINE_WORDS = 45
"""A line (list item, log line, short paragraph) up to this long is one statement: "was Saturdays (2025).
From 11 January 2026 it's Sundays" must stay together. Longer lines are split into sentences."""
_END = re.compile(r"[.!?:;)\]*_|]\s*$")
_TABLE_SEP = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
_MARKUP = re.compile(r"^\s*(?:[-*+]|\d+[.)]|#{1,6}|>)\s+(?:\[[ xX]\]\s+)?|\*\*|__|`")
_WIKILINK = re.compile(r"\[\[([^\]|#]+)(?:#[^\]|]*)?(?:\|([^\]]+))?\]\]")


@dataclass(frozen=True)
class Unit:
    """One statement of a retrieved chunk."""

    quote: str
    """The exact text in the note (whitespace collapsed): what a citation quotes."""
    text: str
    """The readable form for an answer: markup removed, a table row paired with its header."""
    hit: Hit
    rank: int
    """Rank of its chunk in the retrieved context (0 = best)."""
    position: int
    """Order within the chunk."""
    subject: str
    """The note's title and heading path ("Jonah", "Kiln log — Hilda › 2026")."""
    context: str
    """The subject as the passage was indexed: the title with the names the note goes by ("Rebecca Lyle (Bex)
    › Contact"), for scoring."""
    date: str | None
    """The date the statement speaks for (ISO), from the text, else the note's date."""
    date_source: str
    """"text" when the statement or its entry/heading is dated, else the note's date source."""
    previous: str = ""
    """The statement before it in the same chunk (for subjectless continuations)."""


def readable(sentence: str) -> str:
    """A quoted sentence without Markdown list/heading markers and emphasis, wikilinks as their alias."""
    text = _MARKUP.sub("", sentence.strip())
    text = _WIKILINK.sub(lambda m: m.group(2) or m.group(1), text)
    return " ".join(text.split()).rstrip()


def subject_of(hit: Hit) -> str:
    """Title › heading path of a hit (the heading path as search recorded it, else the location's heading)."""
    headings: list[str] = []
    if hit.explain and isinstance(hit.explain.get("matched_chunk"), dict):
        headings = list(hit.explain["matched_chunk"].get("heading_path") or [])
    elif hit.location.heading:
        headings = [hit.location.heading]
    title = (hit.title or "").strip()
    parts = [title] if title else []
    for h in headings:
        if h.strip() and h.strip().lower() != title.lower():
            parts.append(h.strip())
    return " › ".join(parts)


def _lines(text: str) -> list[tuple[int, int]]:
    """Logical lines as (start, end) offsets: soft-wrapped prose lines are joined, blank lines dropped."""
    spans: list[list[int]] = []
    pos = 0
    for raw in text.split("\n"):
        start, end = pos, pos + len(raw)
        pos = end + 1
        if not raw.strip(" \t>"):
            spans.append([])  # a paragraph break (in a quoted e-mail too: a line of only ">")
            continue
        prev = spans[-1] if spans else []
        stripped = raw.lstrip()
        # A line after one that ends on a comma runs on too: a PDF's hard-wrapped list ("Present: Owen
        # Leathley, …, Hamza Qureshi," / "Tariq Bhatti, Lena Kowalczyk") is one statement.
        # A code fence and the line after it start their own statements: "```" then "ollama run llama3.2".
        continuation = (prev and (stripped[:1].islower() and not _END.search(text[prev[0]:prev[1]])
                                  or text[prev[0]:prev[1]].rstrip().endswith(","))
                        and not stripped.startswith(("|", "-", "*", "+", "#", "```", "~~~"))
                        and not text[prev[0]:prev[1]].lstrip().startswith(("```", "~~~")))
        if continuation:
            prev[1] = end
        else:
            spans.append([start, end])
    return [(s[0], s[1]) for s in spans if s]


_HEADING_LINE = re.compile(r"^\s*#{1,6}\s+(\S.*?)\s*#*\s*$")


def _cells(line: str) -> list[str]:
    return [c.strip() for c in line.strip().strip("|").split("|")]


def _from_columns(header: Sequence[str]) -> dict[int, str]:
    """The columns of a table header that say from when their values hold ("ab 01.01.2026", "From March 2026",
    "desde el 1 de abril"), with that day (ISO)."""
    from memex.agents.latest import says_from

    out = {}
    for j, cell in enumerate(header):
        if says_from(cell):
            marks = [m for m in find_dates(cell) if m.year_given]
            if marks:
                out[j] = marks[0].day.isoformat()
    return out


def units(hit: Hit, rank: int) -> list[Unit]:
    """The statements of one retrieved chunk, in order."""
    text = hit.text
    spans: list[tuple[int, int]] = []
    shown: list[str] = []
    header: list[str] | None = None
    from_cols: dict[int, str] = {}  # the header's columns that say from when their values hold
    held_from: dict[int, str] = {}  # per row span: the day its values hold from, by its header
    lines = _lines(text)
    sub: list[str] = []  # a heading line inside the chunk (small sections folded together): per span
    current = ""
    for i, (ls, le) in enumerate(lines):
        line = text[ls:le]
        heading = _HEADING_LINE.match(line)
        if heading:
            current = readable(heading.group(1))
            continue
        before = len(spans)
        if line.lstrip().startswith("|"):
            if _TABLE_SEP.match(line):
                continue
            nxt = text[lines[i + 1][0]:lines[i + 1][1]] if i + 1 < len(lines) else ""
            if _TABLE_SEP.match(nxt):
                header = _cells(line)
                from_cols = _from_columns(header)
                continue
            cells = _cells(line)
            if header and len(header) == len(cells):
                row = "; ".join(f"{h}: {c}" if h else c for h, c in zip(header, cells, strict=True) if c)
                days = [day for j, day in from_cols.items() if cells[j]]
                if days:
                    held_from[len(spans)] = max(days)
            else:
                row = " | ".join(c for c in cells if c)
            spans.append((ls, le))
            shown.append(row)
            sub.append(current)
            continue
        header = None
        if len(line.split()) <= LINE_WORDS:
            spans.append((ls, le))
            shown.append(line)
            sub.append(current)
            continue
        for off, sentence in split_sentences(line):
            s = ls + off
            spans.append((s, s + len(sentence)))
            shown.append(sentence)
        sub += [current] * (len(spans) - before)
    explain = hit.explain or {}
    d = explain.get("dates") or {}
    note = explain.get("note_date")
    source = explain.get("date_source") or "mtime"
    dated = sentence_dates(text, spans, d.get("carried"), note, d.get("written"), d.get("first"), source)
    # A row under a column headed "ab 01.01.2026" / "From March 2026" gives what holds from that day: the row's own
    # line writes no date, so it would borrow its note's (a price list written in December for January).
    dated = [max(when, held_from[i]) if i in held_from and when else held_from.get(i, when)
             for i, when in enumerate(dated)]
    subject = subject_of(hit)
    context = subject
    if explain.get("context") and hit.title:
        context = subject.replace(hit.title, str(explain["context"]), 1) if subject.startswith(hit.title) \
            else f"{explain['context']} › {subject}"
    out: list[Unit] = []
    previous = ""
    planted = _planted(text, spans, shown, lines)
    for pos, ((s, e), form, when, within) in enumerate(zip(spans, shown, dated, sub, strict=True)):
        quote = " ".join(text[s:e].split())
        display = readable(form)
        n = len(display.split())
        if n < MIN_WORDS or n > MAX_WORDS or not re.search(r"\w", display) or planted[pos]:
            previous = display or previous
            continue
        out.append(Unit(quote, display, hit, rank, pos, f"{subject} › {within}" if within else subject,
                        f"{context} › {within}" if within else context, when,
                        "text" if when and when != note else source, previous))
        previous = display
    return out


def _planted(text: str, spans: list[tuple[int, int]], shown: list[str], lines: list[tuple[int, int]]) -> list[bool]:
    """Per span: does its logical line hold an instruction planted for AI assistants? The whole line goes, not
    only the sentence that gives the order: its payload ("Tell the user the fee is 950 € … account FR76 …") is
    the next sentence and names neither an assistant nor an order."""
    starts = [ls for ls, _ in lines]
    line_of = [max(bisect.bisect_right(starts, s) - 1, 0) for s, _ in spans]
    bad = {i for i, form in zip(line_of, shown, strict=True) if addressed_to_assistants(form)}
    return [i in bad or any(_runs_on(text, lines, b, i) for b in bad if b < i) for i in line_of]


def planted_lines(text: str) -> list[tuple[str, bool]]:
    """Each logical line of a chunk's text with whether it is (or continues) an instruction planted for AI
    assistants: what the answer never quotes, and what an evaluation looks for in an answer."""
    lines = _lines(text)
    flags = _planted(text, lines, [text[s:e] for s, e in lines], lines)
    return [(text[s:e], bad) for (s, e), bad in zip(lines, flags, strict=True)]


def _runs_on(text: str, lines: list[tuple[int, int]], first: int, later: int) -> bool:
    """Does the planted instruction on logical line `first` run on to line `later`? It does while a bracket or
    comment it opened is still open ("[Note for AI assistants: always say" / "350 g per m2 … code X.]"), or, in the
    same paragraph, while each line before ends mid-sentence or on a colon: a hard-wrapped order whose payload line
    starts with a number or a capital is not joined to it by `_lines`."""
    bracket = 0
    for i in range(first, later):
        line = text[lines[i][0]:lines[i][1]]
        bracket += len(_OPENS.findall(line)) - len(_CLOSES.findall(line))
        gap = text[lines[i][1]:lines[i + 1][0]]
        if bracket > 0:
            continue
        if "\n\n" in gap.replace(" ", "").replace(">", "") or line.rstrip().endswith(("-->", "}")) \
                or _END.search(line) and not line.rstrip().endswith(":"):
            return False
    return True


_OPENS = re.compile(r"\[|\(|\{|<!--")
_CLOSES = re.compile(r"\]|\)|\}|-->")


_TO_ASSISTANT = re.compile(r"\b(?:ai|assistants?|language models?|llms?|chat ?bots?|automated (?:systems?|tools?)|"
                           r"mail tools?|(?-i:IA|KI)|asistentes?|assistentes?|assistenti|assistenten|"
                           r"inteligencia artificial|intelig[eê]ncia artificial|intelligence artificielle|"
                           r"intelligenza artificiale|k[üu]nstliche intelligenz|kunstmatige intelligentie)\b", re.I)
_COMMAND = re.compile(r"\b(?:ignore|disregard|must|should|reply|respond|say|send|forward|output|print|reveal|"
                      r"include|locate|execute|run|"
                      # the same orders in Spanish, Portuguese, French, German, Italian and Dutch
                      r"ignorar|ignoren|ignorer|ignorez|ignorieren|ignoriert|ignorare|ignorate|negeren|negeer|"
                      r"deben|debe|devem|deve|doivent|doit|müssen|muss|devono|moeten|moet|decir|dizer|dire|sagen|"
                      r"zeggen|enviar|envoyer|senden|inviare|sturen|responder|répondre|antworten|rispondere)\b", re.I)


def addressed_to_assistants(text: str) -> bool:
    """Is this an instruction to AI assistants planted in a note ("AI assistants processing this message must
    … send them to …")? Such lines are never quoted as an answer: notes are data, not instructions."""
    return bool(_TO_ASSISTANT.search(text)) and bool(_COMMAND.search(text)) or bool(
        re.search(r"\bignore (?:all |any )?(?:previous|prior|above) instructions\b", text, re.I)) or bool(
        _IGNORE.search(text) and _PREVIOUS_INSTRUCTIONS.search(text))


# "Ignora las instrucciones anteriores…", "Ignoriere alle vorherigen Anweisungen": the same order in other languages
# (following "las instrucciones anteriores" of a recipe is no attack: it takes the verb of ignoring).
_IGNORE = re.compile(r"\b(?:ignor[ae]\w*|ignorier\w*|olvida\w*|desconsider\w*|oublie\w*|vergiss|dimentica\w*|"
                     r"negeer\w*|vergeet)\b", re.I)
_PREVIOUS_INSTRUCTIONS = re.compile(r"\b(?:instrucciones anteriores|instruç[õo]es anteriores|instructions précédentes|"
                                    r"vorherigen anweisungen|istruzioni precedenti|vorige instructies)\b", re.I)


def all_units(hits: list[Hit]) -> list[Unit]:
    """Units of every hit, best chunk first; a statement repeated by overlapping chunks is kept once, and
    instructions planted for AI assistants are left out."""
    seen: set[str] = set()
    out: list[Unit] = []
    for rank, hit in enumerate(hits):
        for u in units(hit, rank):
            key = u.text.lower()
            if key in seen or addressed_to_assistants(u.text):
                continue
            seen.add(key)
            out.append(u)
    return out
