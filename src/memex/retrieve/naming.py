"""Notes the question names: a note whose title, or one of the names it goes by, is entirely in the question.

"How does Bex like to be contacted?" is about the note "Rebecca Lyle" (which says "Everyone calls her Bex"),
and "When is the OVR design review these days?" about the note titled "OVR design review". Chunk-level BM25
and embeddings can miss such a note: its one long passage dilutes the name among everything else it says,
and a small embedding model knows nothing about "Bex". A person or project note is what a personal vault
has instead of a knowledge graph's entity, so a question that names one gets that note's best passage a
small bonus in fusion (`title_match_bonus`). A title counts only when all its content words are in the
question (numbers and dates left aside) and one of them is written there with a capital, as names are
("Bex", "OVR"; not "the mortgage"), and rare among titles (`TITLE_DF_CAP`), so common title words
("Review", "Notes") name nothing; when many notes are named at once, none is singled out. A note whose
title reads like a person's name ("Ruth Denholm": two or three capitalised words) is also named by its first
word standing alone ("the Ruth who conducted my quarter", not "Chemical Abstracts" for "Chemical Information
Systems"), as people are mostly called by their first name in one's notes.
Fitted on the dev vaults: docs/benchmarks.md ("Notes the question names").
"""
from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable

from memex.retrieve.query import STOPWORDS, WORD
from memex.store.stamped import PerConnection

TITLE_DF_CAP = 40
"""A query word found in the titles of more passages than this is a common title word, not a name."""
MAX_NAMED = 3
"""More named notes than this and the question names none in particular."""
_CONTEXT_REST = re.compile(r"^\s*(?:\((?P<names>.*?)\))?\s*(?:— (?P<stem>.*))?$", re.S)


def content_words(text: str) -> list[str]:
    """Lowercased words of a title or question, without stopwords, possessive 's, numbers or dates."""
    out = []
    for w in WORD.findall(text.replace("’", "'").lower()):
        if w in STOPWORDS or w == "s" or any(ch.isdigit() for ch in w) or len(w) < 2:
            continue
        out.append(w)
    return out


def _capital_runs(text: str) -> list[list[str]]:
    """Runs of adjacent words written with a capital where a sentence does not start ("Ruth", "Chemical
    Abstracts", "OVR"), lowercased; a possessive ("Bex's") ends a run."""
    runs: list[list[str]] = []
    prev_end = -1
    text = text.replace("’", "'")
    for m in WORD.finditer(text):
        word = m.group()
        before = text[:m.start()].rstrip()
        if word[:1].isupper() and before and before[-1] not in ".!?:;\"'“‘(-*#>":
            if runs and prev_end >= 0 and text[prev_end:m.start()].strip() == "":
                runs[-1].append(word.lower())
            else:
                runs.append([word.lower()])
            prev_end = m.end()
        else:
            prev_end = -1
    return runs


def note_names(title: str, context: str | None) -> list[str]:
    """The names a note goes by: its title, its aliases and its informative file name (ingest/context.py)."""
    names = [title]
    if context and context.startswith(title):
        m = _CONTEXT_REST.match(context[len(title):])
        if m:
            names += [a.strip() for a in (m.group("names") or "").split(",") if a.strip()]
            if m.group("stem"):
                names.append(m.group("stem").strip())
    return names


def _person_like(name: str) -> bool:
    """A title that reads like a person's name: two or three capitalised words of letters ("Pete Garside")."""
    parts = WORD.findall(name)
    return 2 <= len(parts) <= 3 and all(p[:1].isupper() and p.isalpha() and p.lower() not in STOPWORDS
                                        for p in parts)


def _title_docs(conn: sqlite3.Connection, word: str) -> set[int] | None:
    """Notes whose title column holds the word, or None when too many passages do (a common title word)."""
    try:
        rows = conn.execute("SELECT c.doc_id FROM chunks_fts f JOIN chunks c ON c.id = f.rowid "
                            "WHERE chunks_fts MATCH ? LIMIT ?",
                            ('title : "' + word.replace('"', '""') + '"', TITLE_DF_CAP + 1)).fetchall()
    except sqlite3.OperationalError:
        return set()
    if len(rows) > TITLE_DF_CAP:
        return None
    return {int(r[0]) for r in rows}


def _read_folders(conn: sqlite3.Connection) -> dict[str, frozenset[int]]:
    out: dict[str, set[int]] = {}
    for doc_id, path, root in conn.execute("SELECT d.id, d.path, s.path FROM documents d "
                                           "JOIN sources s ON s.id = d.source_id"):
        if not path.startswith(root):
            continue
        for part in set(re.split(r"[/\\]", path[len(root):].lower())[1:-1]):  # folders, not the file name
            if part:
                out.setdefault(part, set()).add(int(doc_id))
    return {k: frozenset(v) for k, v in out.items()}


_folder_map = PerConnection(_read_folders, size=8)


def filing_folders(conn: sqlite3.Connection) -> dict[str, frozenset[int]]:
    """Folder name (lowercased) -> the notes filed in it, below their source folder; read once per change of the
    store (a scan of 10,000 paths per question cost 15-35 ms, the cached lookup microseconds)."""
    return _folder_map.get(conn)


def _folder_docs(folders: dict[str, frozenset[int]], word: str) -> set[int] | None:
    """Notes filed, below their source folder, in a folder named `word` ("hugo/Colegio y extraescolares.md"), or
    None when more than MAX_NAMED are (a folder of many notes names none in particular)."""
    docs = folders.get(word, frozenset())
    return None if len(docs) > MAX_NAMED else set(docs)


def named_notes(conn: sqlite3.Connection, query: str) -> list[int]:
    """Ids of the notes the query names (at most MAX_NAMED; none when more are named): by the note's title or
    another name it goes by, or by the folder it is filed in ("¿Qué días tiene judo Hugo?" names the note
    "hugo/Colegio y extraescolares.md", which never says "Hugo": in a personal vault the folder says whose)."""
    words = set(content_words(query))
    runs = _capital_runs(query)
    capitals = {w for run in runs for w in run} & words
    alone = {run[0] for run in runs if len(run) == 1}
    candidates: set[int] = set()
    filed: set[int] = set()
    folders = filing_folders(conn) if capitals else {}
    for w in capitals:
        docs = _title_docs(conn, w)
        if docs:
            candidates |= docs
        filed |= _folder_docs(folders, w) or set()
    if not candidates:
        return sorted(filed) if len(filed) <= MAX_NAMED else []
    rows = conn.execute(f"SELECT id, title, context FROM documents WHERE id IN ({','.join('?' * len(candidates))})",
                        sorted(candidates)).fetchall()
    named = []
    for doc_id, title, context in rows:
        for name in note_names(title or "", context):
            need = content_words(name)
            if need and all(w in words for w in need) and capitals.intersection(need):
                named.append(int(doc_id))
                break
            if need and _person_like(name) and need[0] in alone:  # "the Ruth who..." for the note "Ruth Denholm"
                named.append(int(doc_id))
                break
    named = sorted(set(named) | filed)
    return named if len(named) <= MAX_NAMED else []


def with_named_bonus(conn: sqlite3.Connection, fused: dict[int, float], named: Iterable[int],
                     bonus: float, retrieved_only: bool = False) -> tuple[dict[int, float], set[int]]:
    """Add `bonus` to the best-scoring passage of each named note (its first passage if none was retrieved;
    with `retrieved_only`, as under filters, a note none of whose passages was retrieved gets nothing).
    Returns the new scores and the passages that got the bonus."""
    named = list(named)
    if not named or bonus <= 0:
        return fused, set()
    marks = ",".join("?" * len(named))
    rows = conn.execute(f"SELECT id, doc_id, ordinal FROM chunks WHERE doc_id IN ({marks}) ORDER BY ordinal",
                        named).fetchall()
    best: dict[int, int] = {}
    for chunk, doc, _ordinal in rows:
        if doc not in best or fused.get(chunk, -1.0) > fused.get(best[doc], -1.0):
            best[doc] = chunk
    out, boosted = dict(fused), set()
    for chunk in best.values():
        if retrieved_only and chunk not in fused:
            continue
        out[chunk] = out.get(chunk, 0.0) + bonus
        boosted.add(chunk)
    return out, boosted
