"""A who-question is answered with the person's full name: a first name the answer quotes ("line managed by
Rachel") that the note graph merged into exactly one person's full name ("Rachel Penhale", the title of
people/Rachel Penhale.md) is written out, citing the note that writes it out.

The graph merges a first name only when one full name in the vault starts with it (graph/edges.merge_aliases),
so two Kates stay "Kate"; a word the notes also write in lower case ("Will", "Rose") is never read as a name.
"""
from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass

from memex.domain import Citation, Hit
from memex.retrieve.search import Filters, Searcher

MAX_NAMES = 4
"""First names written out in one answer (each costs a few indexed lookups)."""
WRITTEN_ROWS = 40
"""Passages read to find one whose note's title writes a full name out (the full-text index gives them; bounded)."""
NAME_PARTS = (2, 3)
"""Words in a full name ("Rachel Penhale", "Mary Ann Kerr"): longer keys are titles, not people."""

_FIRST = re.compile(r"(?<![\w'’-])[A-ZÀ-Þ][a-zß-ÿ]+(?![\w-])")
_CAPITALISED = re.compile(r"\s*[A-ZÀ-Þ]")
_IN_LABEL = re.compile(r"[^.!?\[\]›:;]*›")
"""What follows a word of a note's title that labels a statement ("Graham 1-1s › 16 Dec: …"): a title, not a
statement, so it is left as written."""


@dataclass(frozen=True)
class FullName:
    """The person a first name stands for, and the passage of the notes that writes the full name."""

    first: str
    name: str
    hit: Hit


def canonical_entity(conn: sqlite3.Connection, word: str) -> tuple[str, str, str] | None:
    """(key, name, kind) of the entity the note graph merged `word` into ("Marcus" → Marcus Bell), else None."""
    from memex.graph.links import name_key

    try:
        row = conn.execute("SELECT c.key, c.name, c.kind FROM graph_entities e JOIN graph_entities c "
                           "ON c.id = e.canonical WHERE e.key = ?", (name_key(word),)).fetchone()
    except sqlite3.OperationalError:  # an index made before the graph existed
        return None
    return (str(row[0]), str(row[1]), str(row[2])) if row else None


def full_name(conn: sqlite3.Connection, word: str) -> tuple[str, str] | None:
    """(full name as written, its key) of the one person the note graph merged `word` into, else None."""
    from memex.graph.links import name_key

    found = canonical_entity(conn, word)
    if found is None or found[2] != "person" or len(found[0].split()) not in NAME_PARTS or found[0] == name_key(word):
        return None
    return found[1], found[0]


def written_out(conn: sqlite3.Connection, searcher: Searcher, name: str, key: str, filters: Filters | None,
                cited: Iterable[str] = ()) -> Hit | None:
    """The passage to cite for a full name: the first passage of the note that is the person, else one of a note
    titled with the name (one the answer already cites first), within the user's path filter; None: no note's
    title writes the name out."""
    from memex.agents.multihop import allowed_path
    from memex.graph.tables import candidates_by_name

    ids: list[int] = []
    for doc_id, path in sorted(candidates_by_name(conn, [key]).get(key, [])):
        if allowed_path(path, filters):
            ids += [int(r[0]) for r in conn.execute(
                "SELECT id FROM chunks WHERE doc_id = ? ORDER BY ordinal LIMIT 1", (doc_id,))]
    if not ids:
        # No note is the person: a note whose title writes the name out ("Martin Leach 1-1s") names them, a
        # passage's text alone does not (the graph reads "Harrogate Stray" or "Jonno, Ailsa" as people too).
        phrase = " ".join(re.findall(r"\w+", name))
        try:
            rows = conn.execute("SELECT c.id, d.path FROM chunks_fts f JOIN chunks c ON c.id = f.rowid JOIN documents d "
                                "ON d.id = c.doc_id WHERE chunks_fts MATCH ? LIMIT ?",
                                (f'title: "{phrase}"', WRITTEN_ROWS)).fetchall()
        except sqlite3.OperationalError:
            rows = []
        known = set(cited)
        ids = sorted((int(cid) for cid, path in rows if allowed_path(path, filters)),
                     key=lambda cid: (str(cid) not in known, cid))
    hits = searcher.hits_for(ids[:1], dict.fromkeys(ids[:1], 0.0)) if ids else []
    return hits[0] if hits else None


_RELATIVE = re.compile(r"\s(?:who|whose|whom|that|which|where|quien|quienes|que|cuyo|cuya|donde)\b", re.I)


def asks_who(question: str) -> bool:
    """Does the question ask for a person ("Who's my line manager?", "Which in-law…", "¿Quién es…?"), not for
    something about one it describes ("What does the checker who's now on the client's side eat?")?"""
    from memex.agents.answer_type import PERSON, expected

    m = _RELATIVE.search(question)
    return PERSON in expected(question[:m.start()] if m else question).kinds


def _in_label(text: str, end: int) -> bool:
    return _IN_LABEL.match(text, end) is not None


def first_names(text: str, conn: sqlite3.Connection, searcher: Searcher, filters: Filters | None,
                cited: Iterable[str] = (), question: str = "") -> list[FullName]:
    """The first names in `text` that stand for one person's full name the text does not already write (not
    the ones the question itself names: "Who did Graham tell me…" asks for someone else)."""
    from memex.agents.multihop import is_word, letter_case

    cited = list(cited)
    out: list[FullName] = []
    seen: set[str] = set()
    low = text.casefold()
    for m in _FIRST.finditer(text):
        word = m.group()
        if word in seen or len(out) == MAX_NAMES or _in_label(text, m.end()):
            continue
        seen.add(word)
        if _CAPITALISED.match(text, m.end()) or re.search(rf"(?<![\w'’-]){re.escape(word)}(?![\w-])", question):
            continue  # part of a longer name already ("Priya Sandhu"), or named by the question
        found = full_name(conn, word)
        if found is None or found[0].casefold() in low or is_word(*letter_case(conn, word)):
            continue
        hit = written_out(conn, searcher, found[0], found[1], filters, cited)
        if hit is not None:
            out.append(FullName(word, found[0], hit))
    return out


def write_out(text: str, citations: list[Citation], names: list[FullName]) -> tuple[str, list[Citation]]:
    """`text` with each first name's first use written in full ("Rachel Penhale [2]"), citing its passage."""
    citations = list(citations)
    for fn in names:
        m = next((u for u in re.finditer(rf"(?<![\w'’-]){re.escape(fn.first)}(?![\w-])", text)
                  if not _in_label(text, u.end())), None)
        if m is None:
            continue
        n = next((c.n for c in citations if c.chunk_id == fn.hit.chunk_id), 0)
        if not n:
            n = max((c.n for c in citations), default=0) + 1
            citations.append(Citation(n=n, path=fn.hit.path, chunk_id=fn.hit.chunk_id, quote=fn.hit.text[:300],
                                      location=fn.hit.location))
        possessive = re.match(r"['’]s\b", text[m.end():])
        end = m.end() + (possessive.end() if possessive else 0)
        poss = possessive.group() if possessive else ""
        # "Rachel" → "Rachel Penhale"; a short form the note lists as an alias keeps its word: "Bex (Rebecca Lyle)".
        prefix = fn.name.split()[0].casefold() == fn.first.casefold()
        name = f"{fn.name}{poss}" if prefix else f"{fn.first}{poss} ({fn.name})"
        text = f"{text[:m.start()]}{name} [{n}]{text[end:]}"
    return text, citations
