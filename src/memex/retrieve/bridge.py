"""Bridge notes: the note about someone the best passage names where it answers the question's description.

"Which city is the colleague who found the Kelby diagram originally from?" describes a person instead of
naming her; the passage that matches the description ("Lena found the original in the archive") names her,
and her own note holds the answer but shares no word with the question. A personal vault keeps a note per
person (or pet, place, project) titled by the name, so the names the best passage's closest sentence writes
with a capital, where they are the title of such a note, point to the second hop. Those notes' best passage
is lifted to just below the best one (`bridge_weight` x the top score), which plain ranking never reaches:
the bridge note has nothing in common with the question's words or meaning.
"""
from __future__ import annotations

import re
import sqlite3

from memex.retrieve.naming import note_names
from memex.retrieve.query import STOPWORDS, WORD
from memex.store.stamped import PerConnection

MAX_BRIDGED = 2
"""More entity notes than this in the matching sentence and it names none in particular."""
MIN_SHARED = 2
"""Content words a sentence shares with the question before it counts as where the passage meets it."""
_SENTENCE = re.compile(r"(?<=[.!?;])\s+|\n+")
_DESCRIBED = re.compile(r"(?<=\w)\s+(?:who|whom|whose)\b|\b(?:someone|somebody)\b", re.I)
"""A question that describes someone instead of naming them: a relative "who" ("the colleague who found..."),
"someone"."""


def describes_someone(query: str) -> bool:
    """Whether the question points at a person by description (a relative clause), not by name."""
    if re.match(r"\W*(?:who|whom|whose)\b", query, re.I):
        return False  # asking who: the passage that matches the description names them, no second hop
    return _DESCRIBED.search(query) is not None


def _name_word(word: str) -> bool:
    """A capitalised word of letters ("Lena", "Rubén"; not "OVR", "2026")."""
    return len(word) > 1 and word.isalpha() and word[0].isupper() and word[1:].islower()


def _entity_names(conn: sqlite3.Connection) -> dict[str, frozenset[int]]:
    """Name as written (case kept) -> notes titled by it: a person-like title of two or three capitalised words
    is found by itself or by its first word (people go by first names in one's notes); a one-word capitalised
    title ("Conor") by itself; aliases likewise."""
    out: dict[str, set[int]] = {}
    for doc_id, title, context in conn.execute("SELECT id, title, context FROM documents"):
        for name in note_names(title or "", context):
            parts = WORD.findall(name)
            if not parts or len(parts) > 3 or not all(_name_word(p) for p in parts):
                continue
            if any(p.lower() in STOPWORDS for p in parts):
                continue
            out.setdefault(" ".join(parts), set()).add(int(doc_id))
            if len(parts) > 1:
                out.setdefault(parts[0], set()).add(int(doc_id))
    return {k: frozenset(v) for k, v in out.items()}


_names = PerConnection(_entity_names, size=8)


def _stem(w: str) -> str:
    return w.lower()[:5]


def closest_sentence(text: str, query_terms: set[str]) -> str:
    """The sentence (or line) of the passage sharing the most of the query's content words (5-letter stems; at
    least MIN_SHARED), with its neighbours: the name is often the subject of the sentence before or after."""
    parts = [p for p in _SENTENCE.split(text) if p.strip()]
    best, best_n = -1, 0
    for i, s in enumerate(parts):
        n = len({_stem(w) for w in WORD.findall(s)} & query_terms)
        if n > best_n:
            best, best_n = i, n
    if best_n < MIN_SHARED:
        return ""
    return " ".join(parts[max(0, best - 1):best + 2])


def bridge_notes(conn: sqlite3.Connection, query: str, top_text: str, exclude: set[int]) -> list[int]:
    """The entity notes the passage's sentence closest to the query names (none if more than MAX_BRIDGED), less
    `exclude` (the passage's own note, notes the question names itself)."""
    words = WORD.findall(query)
    terms = {_stem(w) for w in words if w.lower() not in STOPWORDS}
    said = {w.lower() for w in words}
    sentence = closest_sentence(top_text, terms)
    if not sentence:
        return []
    names = _names.get(conn)
    tokens = WORD.findall(sentence)
    found: set[int] = set()
    i = 0
    while i < len(tokens):
        for n in (3, 2, 1):
            key = " ".join(tokens[i:i + n])
            if len(tokens[i:i + n]) == n and key in names:
                if key.split()[0].lower() not in said:  # a name the question says itself is no bridge
                    found |= names[key]
                i += n - 1
                break
        i += 1
    found -= exclude
    return sorted(found) if len(found) <= MAX_BRIDGED else []
