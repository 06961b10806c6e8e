"""Multi-hop answers: find the bridging entity, gather evidence about it, and answer about it.

"What does the sister who does most of Mum's day-to-day care do for a living?" needs two retrievals: the
first finds the statement that names the sister ("Aoife does most of the day-to-day"); the second looks
for what the question asks about her ("Aoife: living"). Each hop is one more search, so this runs only
for questions the planner reads as relational (agents/plan.py).

- **Candidates**: the names the best statements for the description give (compose.bridge_entities), up to
  `HOP_ENTITIES`, each with the statement that names it.
- **Evidence**: for each candidate, a search for the candidate with the words the question asks beyond
  what its bridging statement already matched (not the description: "do for a living" is what is asked,
  though it ends the clause), plus — following the note graph's names — the note that *is* the entity
  (`people/Aoife.md`, or `people/Pete Garside.md` for "Pete": graph_names and the graph's merged aliases),
  whose statements are about it even where they never repeat its name.
- **Answer**: the bridged answer is composed for every candidate and the one whose answer statement scores
  best wins (a wrong bridge finds nothing that answers what is asked).
- **Subject notes** (`subject_hop`): a temporal question that names its subject ("Where does Elin work now?") is
  searched again inside the notes about it (its own note and the notes that note links to), where its current
  state is kept.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
import sqlite3
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import PurePath
from typing import Any

import numpy as np

from memex.agents import compose, paraphrase
from memex.agents.answer_type import PLACE_WORDS
from memex.agents.context import Context, add_hits
from memex.agents.evidence import Unit
from memex.agents.extractive import EMBED_UNITS, Candidate, cite, content_terms, pick, score_units
from memex.agents.plan import CONTACT_CLAUSE
from memex.domain import Hit
from memex.embed.base import Embedder
from memex.retrieve.search import Filters, Searcher

HOP_ENTITIES = 3
"""Bridging candidates searched again (each costs one search)."""
HOP_HITS = 6
NOTE_CHUNKS = 4
"""Passages taken from the note that is the entity (the first ones: a person note opens with who they are)."""
PRIOR = 0.08
"""How much a better-placed bridging candidate is preferred per rank when their answers score alike."""


@dataclass
class Hop:
    """What the second hop found."""

    entities: list[tuple[str, Candidate]]
    queries: list[str] = field(default_factory=list)
    notes: dict[str, list[str]] = field(default_factory=dict)
    """entity -> paths of the notes the graph says are that entity."""
    docs: dict[str, list[int]] = field(default_factory=dict)
    """entity -> doc ids of those notes (their statements are about it though they never say its name)."""
    added: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """JSON form for --trace."""
        return {"entities": [e for e, _ in self.entities], "queries": self.queries, "entity_notes": self.notes,
                "added": self.added}


# How each language asks for a job with an idiom whose words mean something else: "what does she do for a living"
# shares "living" with "Lives ten minutes from Mum", "que fait-il dans la vie" shares "vie". What is asked of a
# bridging entity is read with the plain word instead (the statement that answers says "Pharmacist", not "living").
_JOB_IDIOMS: dict[str, tuple[str, str]] = {
    "en": (r"\bdo(?:es)?\s+for\s+(?:a\s+)?(?:living|work)\b", "do as a job"),
    "fr": (r"\bfai(?:t|s)(?:-(?:il|elle|ils|elles))?\s+dans\s+la\s+vie\b", "a comme profession"),
    "es": (r"\bse\s+dedica(?:n)?\b", "tiene como profesión"),
    "pt": (r"\bfaz(?:em)?\s+da\s+vida\b", "tem como profissão"),
    "it": (r"\bfa(?:nno)?\s+nella\s+vita\b", "ha come professione"),
    "de": (r"\bmach(?:t|en)\s+(?:sie|er)?\s*beruflich\b", "hat als Beruf"),
    "nl": (r"\bdoe?t?\s+(?:hij|zij|ze)?\s*voor\s+(?:de\s+kost|werk)\b", "heeft als beroep"),
}
_JOB_IDIOM = [(re.compile(pattern, re.I), plain) for pattern, plain in _JOB_IDIOMS.values()]


def plainly(text: str) -> str:
    """The question with a job idiom said plainly ("What does Aoife have as occupation?" for "… do for a living?"; a
    word the notes rarely write, so it draws no statement by its letters alone)."""
    for pattern, plain in _JOB_IDIOM:
        text = pattern.sub(plain, text)
    return text


_RELATIVE = {"who", "whose", "whom", "which", "that", "where", "someone", "somebody", "person", "people", "man",
             "woman", "one"}
_ROLE = re.compile(r"(?<![\w'’])([a-z][\w'’-]+)\s+(?:who|whose|that|which|where)\b")


def asked_terms(question: str, via: Unit, entity: str, limit: int = 8) -> list[str]:
    """The question's words that the bridging statement does not already explain: what is asked of the entity.

    The role the description gives ("the colleague whose baby…") and relative words describe the entity,
    not what is asked of it, so they are left out too."""
    explained = content_terms(via.text) | content_terms(via.subject) | content_terms(entity)
    roles = {m.lower() for m in _ROLE.findall(question)}
    out: list[str] = []
    for w in re.findall(r"[\w’'-]+", question):
        terms = content_terms(w)
        low = w.lower()
        if (terms and not terms <= explained and low not in _RELATIVE and low not in roles
                and low not in (x.lower() for x in out)):
            out.append(w)
    return out[:limit]


def entity_notes(conn: sqlite3.Connection, name: str) -> list[tuple[int, str]]:
    """(doc id, path) of the notes that are `name` by the note graph: a note titled, named or aliased so, or
    the note of the full name a first name or initial stands for ("Pete" → people/Pete Garside.md)."""
    from memex.graph.links import name_key
    from memex.graph.tables import candidates_by_name

    key = name_key(name)
    try:
        found = candidates_by_name(conn, [key]).get(key)
        if not found:
            # The graph merges a first name with the one full name it stands for (graph/edges.merge_aliases).
            row = conn.execute("SELECT c.key FROM graph_entities e JOIN graph_entities c ON c.id = e.canonical "
                               "WHERE e.key = ?", (key,)).fetchone()
            if row is not None:
                found = candidates_by_name(conn, [row[0]]).get(row[0])
        if not found:
            found = short_form_notes(conn, key)
        if not found:
            found = first_name_note(conn, key, name)
    except sqlite3.OperationalError:  # an index made before the graph existed
        return []
    return sorted(set(found or []))[:2]


def first_name_note(conn: sqlite3.Connection, key: str, name: str) -> list[tuple[int, str]]:
    """The one note a fuller name belongs to where the note is titled by part of it: "Aoife Farrelly-Byrne" →
    people/Aoife.md, whose text writes the full name out; "Sister Steph" → people/Steph.md, where the first word is
    one the notes also write in lower case (a role said before the name, not part of it)."""
    from memex.graph.links import name_key
    from memex.graph.tables import candidates_by_name

    parts, words = key.split(), name.split()
    if len(parts) < 2 or len(words) < 2 or name_key(words[0]) != parts[0]:
        return []
    found = candidates_by_name(conn, [parts[0]]).get(parts[0]) or []
    if len(found) == 1:
        row = conn.execute("SELECT group_concat(text, ' ') FROM chunks WHERE doc_id = ?", (found[0][0],)).fetchone()
        # The note must write the full name itself: a first name alone is shared by too many people.
        if row and row[0] and re.search(rf"(?<![\w'’]){re.escape(name)}(?![\w'’])", row[0], re.I):
            return found
        return []
    if len(words) == 2 and not found:
        lower, upper = letter_case(conn, words[0])
        if is_word(lower, upper):
            return entity_notes(conn, words[1])
    return []


def bare_names(conn: sqlite3.Connection, entities: list[tuple[str, Candidate]]) -> list[tuple[str, Candidate]]:
    """The candidates without a role word said before the name ("Sister Steph" → "Steph"), where the rest has a note
    of its own and the notes write the first word in lower case too: the role would otherwise count as part of the
    name, and every line that says "sister" would read as about her. Likewise a sentence's first word that is no
    name ("Met Frank" → "Frank")."""
    out: list[tuple[str, Candidate]] = []
    known = known_name(conn)
    for entity, via in entities:
        words = entity.split()
        # A sentence's first word glued to the name after it ("Met Frank, two boats down") is no part of the name
        # either, where the first word is no name the notes know and the pair has no note of its own.
        if len(words) == 2 and entity_notes(conn, words[1]) and (is_word(*letter_case(conn, words[0])) or (
                not known(words[0]) and not entity_notes(conn, entity))):
            entity = words[1]
        if all(entity != e for e, _ in out):
            out.append((entity, via))
    return out


SHORT_FORM_MIN = 3
"""Shortest nickname read as the start of a note's name ("Con" for "Conor"; never "Al" or "Jo")."""
INITIALLED_MIN = 2
"""Shortest first name read with a surname's initial ("Jo P" → Jo Pettifer: the initial narrows it enough)."""


def short_form_notes(conn: sqlite3.Connection, key: str) -> list[tuple[int, str]]:
    """The one note a short form of a name stands for, where the graph merged none: a first name and a surname's
    initial ("Kate S" → people/kate-sinclair.md, when one note's name is "Kate S…"), or a nickname that starts
    exactly one note's name and that the note itself uses ("Con" → people/Conor.md, whose text says "Con. Older
    brother"). Two notes that fit ("Kate S" with a Kate Sinclair and a Kate Smith) resolve to neither."""
    parts = key.split()
    if len(parts) == 2 and len(parts[1]) == 1 and len(parts[0]) >= INITIALLED_MIN:
        pattern, words = f"{parts[0]} {parts[1]}%", 2
    elif len(parts) == 1 and len(parts[0]) >= SHORT_FORM_MIN and parts[0].isalpha():
        pattern, words = f"{parts[0]}%", 0
    else:
        return []
    from memex.graph.entities import _kind

    rows = conn.execute("SELECT DISTINCT n.doc_id, d.path, n.name, n.display FROM graph_names n JOIN documents d "
                        "ON d.id = n.doc_id WHERE n.name LIKE ? ESCAPE '\\'",
                        (pattern.replace("_", "\\_"),)).fetchall()
    hits: dict[int, str] = {}
    for doc, path, name, display in rows:
        ws, shown = str(name).split(), str(display).split()
        if words and (len(ws) != words or ws[0] != parts[0]):
            continue
        # Only a note named like a person ("Conor", "Kate Sinclair"), not "Gift ideas" or "Con Edison Ltd".
        if not (1 <= len(shown) <= 3 and all(w[:1].isupper() and w[1:].islower() for w in shown)
                and _kind(shown) not in ("org", "place")):
            continue
        hits[int(doc)] = str(path)
    if len(hits) != 1:
        return []
    doc, path = next(iter(hits.items()))
    if not words:
        # A nickname counts only where the note itself calls the entity so ("Con. Older brother…").
        row = conn.execute("SELECT group_concat(text, ' ') FROM chunks WHERE doc_id = ?", (doc,)).fetchone()
        if not row or not row[0] or not re.search(rf"(?<![\w'’]){re.escape(parts[0].capitalize())}(?![\w'’])", row[0]):
            return []
    return [(doc, path)]


def known_name(conn: sqlite3.Connection) -> Callable[[str], bool]:
    """Whether a capitalised word is a name the note graph knows a note for ("Nadia" → people/nadia-haddad.md)."""
    cache: dict[str, bool] = {}

    def known(word: str) -> bool:
        if word not in cache:
            lower, upper = letter_case(conn, word)
            # A word with a note that is it is a name ("Mamá"). Without one, a word the notes never write in lower
            # case, and write capitalised often, is a name all the same ("Blessing was there").
            cache[word] = bool(entity_notes(conn, word)) or (not is_word(lower, upper) and (
                person_alias(conn, word) or (lower == 0 and upper >= NAME_SEEN and not _calendar_word(word))))
        return cache[word]
    return known


def _calendar_word(word: str) -> bool:
    """A day or month name or abbreviation in a language dates are read in ("Tue", "March"): always capitalised,
    never a name."""
    from memex.ingest.dates import month_number, weekday_number

    return weekday_number(word) is not None or (len(word) >= 3 and month_number(word) is not None)


def common_word(conn: sqlite3.Connection) -> Callable[[str], bool]:
    """Whether a capitalised word is a word: one the notes also write in lower case ("MOVED", "Money") or only
    ever as a heading ("Timeline"), and no note is about it."""
    cache: dict[str, bool] = {}

    def word(w: str) -> bool:
        if w not in cache:
            # A note that is it makes it a name however the notes write it ("Mamá", "Mum": "las de mamá"); a word
            # no passage's text holds is a heading's word ("Timeline", "Cronología"), a weekday or a month.
            lower, upper = letter_case(conn, w)
            cache[w] = (is_word(lower, upper) or lower + upper == 0) and not entity_notes(conn, w)
        return cache[w]
    return word


def is_word(lower: int, other: int) -> bool:
    """Do these counts of a word written in lower case and otherwise make it a word rather than a name? A name
    is written in lower case now and then too (a link, a slip), so it takes a share of its uses."""
    return lower >= LOWER_CASE_WORD and lower * LOWER_SHARE >= other


LOWER_CASE_WORD = 2
"""Times the notes write a capitalised word in lower case that make it a word rather than a name."""
LOWER_SHARE = 4
"""… if they are at least a fourth of its capitalised uses ("Kate" in "kate-sinclair" links stays a name)."""
NAME_SEEN = 3
"""Times the notes write a word capitalised, and never in lower case, that make it a name."""
CASE_ROWS = 60
"""Passages read to tell a name from a word (the first the full-text index gives for it)."""


def letter_case(conn: sqlite3.Connection, word: str) -> tuple[int, int]:
    """How often the notes write the word in lower case and otherwise, in the passages that hold it (at most
    `CASE_ROWS`, found through the full-text index, so the cost does not grow with the notes)."""
    if not re.fullmatch(r"[^\W\d_][\w'’-]*", word):
        return 0, 0
    try:
        rows = conn.execute("SELECT text FROM chunks_fts WHERE chunks_fts MATCH ? LIMIT ?",
                            (f'text:"{word}"', CASE_ROWS)).fetchall()
    except sqlite3.OperationalError:
        return 0, 0
    low, lower, other = word.lower(), 0, 0
    # Words only: not the parts of a link, a path or a tag ("[[kate-sinclair]]", "people/kate.md", "#kate").
    pattern = re.compile(rf"(?<![\w'’/_#@.-]){re.escape(word)}(?![\w'’/_-]|\.\w)", re.I)
    for (text,) in rows:
        for m in pattern.finditer(text or ""):
            if m.group() == low:
                lower += 1
            else:
                other += 1
    return lower, other


def person_alias(conn: sqlite3.Connection, word: str) -> bool:
    """Has the note graph merged this word into a person's full name ("Marcus" → Marcus Bell, seen written out
    elsewhere in the notes), though no note is that person?"""
    from memex.agents.full_names import canonical_entity

    found = canonical_entity(conn, word)
    return found is not None and found[2] == "person"


def _note_hits(searcher: Searcher, doc_ids: Sequence[int]) -> list[Hit]:
    """The first passages of these notes, as hits (with dates and context, like search results)."""
    ids: list[int] = []
    for doc_id in doc_ids:
        ids += [int(r[0]) for r in searcher.conn.execute(
            "SELECT id FROM chunks WHERE doc_id = ? ORDER BY ordinal LIMIT ?", (doc_id, NOTE_CHUNKS))]
    return searcher.hits_for(ids, dict.fromkeys(ids, 0.0), {i: {"graph": "entity note"} for i in ids})


def _interleave(a: Sequence[Hit], b: Sequence[Hit]) -> list[Hit]:
    """Two rankings, alternately."""
    out: list[Hit] = []
    for i in range(max(len(a), len(b))):
        out += [*a[i:i + 1], *b[i:i + 1]]
    return out


def second_hop(question: str, entities: list[tuple[str, Candidate]], ctx: Context, searcher: Searcher,
               filters: Filters | None, budget: int, embedder: Embedder | None,
               description: str = "") -> tuple[Context, Hop]:
    """Search again for each bridging candidate and what is asked of it; add the notes that are it.

    With the description, the question asked of the candidate itself ("which visit does Blessing do?") is searched
    as well: the bare words can miss a statement that says what is asked in other words ("Blessing is doing
    lunchtimes permanently"), and the description's words the bridge did not explain only dilute them."""
    hop = Hop(entities)
    question, description = plainly(question), plainly(description)
    rankings: list[list[Hit]] = []
    memo: list[np.ndarray] = []

    def reading() -> np.ndarray:
        # What is asked, without the entity: one embedding ranks every entity's headed passages (made only if some
        # title or heading names one).
        if not memo:
            via = entities[0][1].unit
            memo.append(searcher.embedder.embed_query(
                substituted(question, description, via, "it") if description else question))
        return memo[0]

    for entity, via in entities:
        query = " ".join([entity, *asked_terms(question, via.unit, entity)])
        hop.queries.append(query)
        found = searcher.search(query, HOP_HITS, filters, explain=True).hits
        asked = substituted(question, description, via.unit, entity) if description else ""
        if asked and asked != query and asked != question:
            more = searcher.search(asked, HOP_HITS, filters, explain=True).hits
            have = {h.chunk_id for h in found}
            # Interleaved, so the question's own reading is not packed only after the bare words' results.
            found = _interleave(found, [h for h in more if h.chunk_id not in have])
            hop.queries[-1] = f"{query} | {asked}"
        notes = entity_notes(searcher.conn, entity)
        # Passages under a title or heading that names the entity ("Graham 1-1s", "Gift ideas › Tomi (25 Oct)"): what
        # they say is about it though their lines never repeat its name ("He gave me his red book").
        headed = headed_hits(searcher, entity, reading, [d for d, _ in notes])
        if headed:
            have = {h.chunk_id for h in headed}
            found = [*headed, *[h for h in found if h.chunk_id not in have]]
        if not notes:
            # No note is the entity: the passages that name it elsewhere, by the names the graph gives it, are its
            # notes ("Blessing is doing lunchtimes permanently" for "which visit does Blessing do?").
            # Ranked by the question asked of it by name: every such passage says the name, so the name's words
            # tell them apart by what else they hold ("it" would read them all alike).
            named = named_hits(searcher, entity, asked or query, {h.chunk_id for h in found})
            if named:
                found = [*named, *found]
        if notes:
            hop.notes[entity] = [p for _, p in notes]
            hop.docs[entity] = [d for d, _ in notes]
            own = _note_hits(searcher, [d for d, _ in notes])
            found = [*own, *[h for h in found if h.chunk_id not in {o.chunk_id for o in own}]]
        rankings.append(found)
    if filters is not None and filters.active():
        # Notes reached through the graph still have to satisfy the user's filters.
        allowed = {h.chunk_id for r in rankings for h in r if "graph" not in (h.explain or {})}
        rankings = [[h for h in r if h.chunk_id in allowed] for r in rankings]
    out = add_hits(ctx, rankings, hop.queries, budget, embedder)
    hop.added = [h.chunk_id for h in out.hits[len(ctx.hits):]]
    return out, hop


HEADED_HITS = 2
"""Passages taken from under titles and headings that name a bridging entity (the best for what is asked)."""
HEADED_POOL = 60
"""Passages with such a title or heading read at most (the first the full-text index gives)."""


def headed_hits(searcher: Searcher, entity: str, query: str | Callable[[], np.ndarray],
                skip_docs: Sequence[int] = ()) -> list[Hit]:
    """The passages under a note title or section heading that names the entity as a phrase, other than the
    entity's own notes (`skip_docs`), that best answer `query` (a question, or what gives its embedding) by meaning:
    "Graham 1-1s" for Graham, a "Tomi (25 Oct)" section of a gift list for Tomi."""
    words = re.findall(r"[^\W_][\w'’-]*", entity)
    if not words or len(entity) < SHORT_FORM_MIN:
        return []
    phrase = " ".join(w.replace('"', "") for w in words)
    try:
        skip = f"AND c.doc_id NOT IN ({','.join('?' * len(skip_docs))}) " if skip_docs else ""
        rows = searcher.conn.execute(
            f"SELECT f.rowid FROM chunks_fts f JOIN chunks c ON c.id = f.rowid WHERE chunks_fts MATCH ? {skip}LIMIT ?",
            (f'{{title headings}} : "{phrase}"', *skip_docs, HEADED_POOL)).fetchall()
    except sqlite3.OperationalError:
        return []
    return ranked_among(searcher, [int(r[0]) for r in rows], query, HEADED_HITS, "headed by entity")


def ranked_among(searcher: Searcher, ids: list[int], query: str | Callable[[], np.ndarray], k: int,
                 reason: str) -> list[Hit]:
    """The `k` passages among `ids` closest to `query` by meaning, as hits that say why they were gathered."""
    if not ids:
        return []
    try:
        vector = searcher.embedder.embed_query(query) if isinstance(query, str) else query()
        ranked = searcher.index.search(vector, k, np.array(ids, dtype=np.int64))
    except (AttributeError, TypeError, ValueError):
        return []
    scores = {int(c): float(s) for c, s in ranked}
    return searcher.hits_for(list(scores), scores, {i: {"graph": reason} for i in scores})


NAMED_HITS = 2
"""Passages taken from those that name a bridging entity without a note of its own (the best for what is asked)."""
NAMED_POOL = 80
"""Passages naming it read at most (the first the full-text index gives)."""


def entity_names(conn: sqlite3.Connection, entity: str) -> list[str]:
    """The entity's name and the names the note graph merged with it ("Marcus" with "Marcus Bell", both ways)."""
    from memex.graph.links import name_key

    key = name_key(entity)
    try:
        rows = conn.execute(
            "SELECT o.name FROM graph_entities e JOIN graph_entities o ON o.id = e.canonical OR o.canonical = e.id "
            "OR (e.canonical IS NOT NULL AND o.canonical = e.canonical) WHERE e.key = ?", (key,)).fetchall()
    except sqlite3.OperationalError:  # an index made before the graph existed
        rows = []
    names = [entity, *(str(r[0]) for r in rows)]
    return list(dict.fromkeys(n for n in names if len(n) >= SHORT_FORM_MIN))


def named_hits(searcher: Searcher, entity: str, query: str | Callable[[], np.ndarray],
               skip: set[str] = frozenset()) -> list[Hit]:
    """The passages whose text names the entity as a phrase (by any name the graph merged with it) that best
    answer `query` by meaning, other than those already found (`skip`): "Hannah Yeo (new — chemistry, replacing
    Marcus)" for "Who replaced Marcus in July?"."""
    phrases = [" ".join(w.replace('"', "") for w in re.findall(r"[^\W_][\w'’-]*", n)) for n in
               entity_names(searcher.conn, entity)]
    match = " OR ".join(f'"{p}"' for p in phrases if p)
    if not match:
        return []
    try:
        rows = searcher.conn.execute("SELECT rowid FROM chunks_fts WHERE chunks_fts MATCH ? LIMIT ?",
                                     (f"text : ({match})", NAMED_POOL)).fetchall()
    except sqlite3.OperationalError:
        return []
    return ranked_among(searcher, [int(r[0]) for r in rows if str(r[0]) not in skip], query, NAMED_HITS,
                        "names the entity")


def substituted(question: str, description: str, via: Unit, entity: str) -> str:
    """The question asked of the entity itself: the description replaced by its name. The planner's description
    may run on into what is asked ("the colleague who found the Kelby diagram for Graham's present originally
    from"), so it ends at its last word the bridging statement explains: "Which city is Lena present
    originally from?"."""
    chained = asked_after(question, description, entity)
    if chained:
        return chained
    if not description or description not in question:
        rest = asked_terms(question, via, entity, limit=12)
        return f"{entity}: {' '.join(rest)}" if rest else f"{entity}: {question}"
    start = question.index(description)
    # Where the description ends is read from the words the bridging statement explains: a statement in another
    # language than the question ("Médecin : cf. Santé maman." for "my mother") explains none of them, and the
    # description, whole, stayed in the question after the name ("Who runs Mamanmy mother's residence?").
    whole = not runs_on(question, description) or paraphrase.other_language(question, via.hit.text)
    end = len(description) if whole else _extent(description, via)[0]
    if not end:
        # The bridging statement explains none of the description ("das Fahrzeug, das bei der Küchenmontage … war",
        # whose relative word is no English one): where it ends is unknown, and the name put before it, with all
        # of it kept ("Welche Bank finanziert Hoffmanndas Fahrzeug, das …"), reads as the description again. It is
        # replaced whole, as every candidate's is, so the candidates are compared on what is asked.
        end = len(description)
    return f"{question[:start]}{entity}{question[start + end:]}"


_CHAIN_HEAD = re.compile(r"^\s*(?:who|which|what)\b", re.I)
_CHAIN_JOIN = re.compile(r"^\s*[,;]?\s*(?:and|then)?\s+", re.I)
_CHAIN_PRONOUN = re.compile(r"\b(?:(she|he|they|him|them)|(her|his|their))\b", re.I)


def asked_after(question: str, description: str, entity: str) -> str:
    """What a chained question asks of the answer to its first part, asked of the entity: "which visit does
    Blessing do?" of "Which carer was with Dad when the nurse came, and which visit does she do?" (the planner's
    description is the whole first part); "" for any other question."""
    q = question.lstrip()
    if not description or not _CHAIN_HEAD.match(description) or not q.startswith(description):
        return ""
    rest = _CHAIN_JOIN.sub("", q[len(description):], count=1)
    m = _CHAIN_PRONOUN.search(rest)
    if not rest.strip(" ?") or not m:
        return ""
    # "her"/"his" may be possessive ("her day off") or not ("see her"): the name with "'s" reads as either.
    said = entity if m.group(1) else f"{entity}'s"
    return f"{rest[:m.start()]}{said}{rest[m.end():]}"


def further(question: str, description: str, entity: str, via: Unit) -> tuple[str, str] | None:
    """A third hop: the question asked of the entity still names what is asked of by a relation, now one to the
    entity ("What standard did I get in *the sportive Graham Pickles talked me into*?" once "my old manager" is
    Graham Pickles): (that question, its description). None when the entity's question names its subject."""
    from memex.agents.plan import relation

    asked = substituted(question, description, via, entity)
    found = relation(asked, nested=True)
    # Only a relation the entity is part of: one the question already had would be the same hop again.
    if not found or not re.search(rf"(?<![\w'’]){re.escape(entity)}(?![\w])", found):
        return None
    return asked, found


def chained(first: Candidate, out: compose.Composed) -> compose.Composed:
    """The answer of a third hop with the statement of the first before it (what names the first entity)."""
    if not out.text or any(c.unit.quote == first.unit.quote for c in out.used):
        return out
    texts, citations = cite([first, *out.used])
    return replace(out, text=" ".join(texts), citations=citations, used=[first, *out.used],
                   notes=[f"first bridge: {first.text[:80]}", *out.notes])


def described_part(description: str, via: Unit) -> str:
    """The description without what is asked that it ran on into: "the agent who sold us the flat" of "the agent
    who sold us the flat prefer to be contacted"."""
    return description[:_extent(description, via)[1]].strip()


_OBJECT_OF = re.compile(r"\b(?:of|for|to|from|with|about|at|in|on|by|into|onto|than)\s*$", re.I)


def runs_on(question: str, description: str) -> bool:
    """Can the planner's description have swallowed what is asked? Only where it stands where the question's own
    verb may follow it ("What does *the sister who does most of Mum's care* do for a living?"); a description
    after a preposition is the question's last phrase ("What's the name of the wife of *the sibling who sent
    shed-sized flowers for Mum's move*?"): it is a description to its end."""
    at = question.find(description)
    if at < 0:
        return True
    return not _OBJECT_OF.search(question[:at])


def described_only(description: str) -> str:
    """The description without the question's own bare verb and what follows it: "the boss of the team Ruth
    Ackroyd joined in October" of "… joined in October bring to drink from at our office" (the statements that
    name the entity are looked for with what describes it only)."""
    rel = _ROLE_END.search(description)
    verb = _MAIN_VERB.search(description, rel.end() + 1) if rel else None
    return description[:verb.start()].strip() if verb else description


def _extent(description: str, via: Unit) -> tuple[int, int]:
    """Where the description ends: after its last word the bridging statement explains, and where the first run
    of words it does not explain begins (the end of the description at the latest)."""
    explained = content_terms(via.text) | content_terms(via.subject)
    rel = _ROLE_END.search(description)
    end = rel.end() if rel else 0
    verb = _MAIN_VERB.search(description, end + 1) if rel else None
    if verb:
        # The question's own verb, bare after its "does"/"did", ends the description whatever the bridging statement
        # repeats of it: "the agent who sold us the flat | prefer to be contacted".
        return len(description[:verb.start()].rstrip()), verb.start()
    gap = 0
    cut = len(description)
    for w in re.finditer(r"[\w’'-]+", description):
        terms = content_terms(w.group())
        if w.start() < end or not terms:
            continue
        if terms <= explained:
            end, gap = w.end(), 0
        else:
            gap += 1
            if gap >= RUN_ON_GAP:
                # Two words the bridging statement does not explain: what follows is what is asked ("the
                # steeple keeper who conducted my first surprise quarter been ringing at All Saints").
                cut = w.start()
                break
    return end, max(cut, end)


_MAIN_VERB = re.compile(r"\b(?:do|go|bring|give|prefer|like|eat|teach|sell|drive|want|need|wear|cost|take|"
                        r"live|make|keep|get|have|own|study|speak|support|read|watch|grow|buy|send|charge|"
                        r"recommend|suggest|bake|cook|love|hate|mean|play|drink)\b(?![’'-])")
"""Bare verbs that, after the relative clause of a description in a "what does/did/can…" question, are the
question's own verb (a description's own verbs are finite: "who sold", "who does", "I brew")."""
RUN_ON_GAP = 2
"""Unexplained words in a row that end the description inside the question."""
_ROLE_END = re.compile(r"\b(?:who|whose|that|which|where|i|we)\b\s*(?:\w+)?|" + CONTACT_CLAUSE, re.I)
"""Where a description's relative clause starts, with its verb ("who sold", "I brew", "Ruth Ackroyd joined")."""


def attribute_question(question: str, description: str, via: Unit) -> str:
    """What is asked of the bridging entity, without the entity: "When is the birthday of it?" for "When is the
    birthday of the man who signed my casualty care certificate?"."""
    return substituted(question, description, via, "it")


def attribute_scores(attributes: Sequence[str], entity: str, cands: Sequence[Candidate], embedder: Embedder,
                     idf: Mapping[str, float], described: str = "") -> list[float]:
    """How well each statement says what is asked of the entity, read without the entity: the meaning of the
    statement's own text against the attribute question ("Carries an EpiPen — wasp and bee stings" for "What
    is it allergic to?") and the share of the attribute's words it or its section holds ("Birthday: 11
    November", "Winter Porter › Hops"). Scored on the text alone because a person note's every line reads
    "Alex Petrie: …", which makes them all look alike to the embedding."""
    if not cands:
        return []
    ent = content_terms(entity)
    weights = {t: w for t, w in idf.items() if t not in ent}
    total = sum(weights.values())
    vecs = embedder.embed([c.unit.text for c in cands])
    # Each reading of what is asked (the description may run on into it): the best one counts.
    sims = np.max(np.stack([vecs @ embedder.embed_query(a) for a in attributes]), axis=0)
    if described:
        # A statement that restates the description ("Was the selling agent for Lorne Street" for "the agent who
        # sold us the flat") bridges; it does not say what is asked of the entity.
        sims = sims - ATTR_DESCRIBED * (vecs @ embedder.embed_query(described))
    out = []
    for c, sim in zip(cands, sims, strict=True):
        terms = content_terms(c.unit.text) | (content_terms(c.unit.subject) - ent)
        lex = sum(w for t, w in weights.items() if t in terms) / total if total else 0.0
        out.append(ATTR_SEMANTIC * float(sim) + ATTR_LEXICAL * lex)
    return out


ATTR_POOL = 24
"""Statements about the entity re-read for the attribute asked (the best by the ordinary score)."""
ATTR_SEMANTIC = 0.3
ATTR_LEXICAL = 0.2
ATTR_DESCRIBED = 0.5
"""Share of a statement's likeness to the description taken off its likeness to what is asked."""
OWN_NOTE = 0.1
"""A statement of the note that is the entity is about it for certain; one that names it elsewhere may not be."""


def answer_about(question: str, description: str, entity: str, via: Candidate, units: Sequence[Unit],
                 embedder: Embedder, idf_for: Callable[[str], Mapping[str, float]],
                 docs: Sequence[int] = ()) -> compose.Composed:
    """The statement naming the entity, then the best statements about the entity for what is asked of it
    ("Aoife: living" for "What does the sister who does most of Mum's care do for a living?")."""
    return _answer_about(question, description, entity, via, units, embedder, idf_for, docs)[0]


def _answer_about(question: str, description: str, entity: str, via: Candidate, units: Sequence[Unit],
                  embedder: Embedder, idf_for: Callable[[str], Mapping[str, float]],
                  docs: Sequence[int] = ()) -> tuple[compose.Composed, float]:
    """`answer_about`, and how well its answer statement fits what is asked (its score plus `attribute_scores`).

    The answer must say the attribute asked (birthday, drink, town, material…) of the entity, so each
    statement about it is ranked by its ordinary score plus how well its own text answers the attribute
    question; the bridging statement comes first, as the second supporting statement."""
    question, description = plainly(question), plainly(description)
    # What is asked, read as the question with the description replaced by the name (averaging in the terse
    # "name: unexplained words" reading was tried and lost two dev questions).
    about = substituted(question, description, via.unit, entity)
    ent = content_terms(entity)
    # `docs`: the notes the graph says are the entity, whatever they call it ("Con" is people/Conor.md).
    mine_docs = set(docs)
    own = [u for u in units if (ent & (content_terms(u.text) | content_terms(u.subject)) and not namesake(u, ent, mine_docs))
           or u.hit.doc_id in mine_docs] or list(units)
    cands = [c for c in score_units(about, own, embedder, idf_for(about), expect=compose.asked_of(question, description))
             if c.unit.quote != via.unit.quote]
    if not cands:
        return compose.Composed("", [], 0.0, "relational", candidates=cands), float("-inf")
    attribute = attribute_question(question, description, via.unit)
    # The planner's description can swallow what is asked ("the steeple keeper who conducted my first quarter
    # been ringing at All Saints"): the question's words the bridging statement leaves unexplained are a
    # second reading of it.
    unexplained = " ".join(asked_terms(question, via.unit, entity, limit=12))
    readings = [attribute, f"it: {unexplained}"] if unexplained else [attribute]
    # The statements of the entity's own note ("Phone 9–10am only" in Morven Clarke's note) are about it even
    # where they share no word with the question, so they are always re-read, every one embedded.
    note = [u for u in own if (ent and ent <= content_terms(u.subject.split(" › ")[0])) or u.hit.doc_id in mine_docs]
    pool_units = list({u.quote: u for u in [*(c.unit for c in cands[:ATTR_POOL]), *note]}.values())[:EMBED_UNITS]
    pool = [c for c in score_units(about, pool_units, embedder, idf_for(about),
                                   expect=compose.asked_of(question, description)) if c.unit.quote != via.unit.quote]
    extra = attribute_scores(readings, entity, pool, embedder, idf_for(" ".join(readings)),
                             described_part(description, via.unit) if description else "")
    mine = {u.quote for u in note}
    extra = [x + (OWN_NOTE if c.unit.quote in mine else 0.0) for c, x in zip(pool, extra, strict=True)]
    # The ordinary score stays the support (abstention is calibrated on it); the attribute only reorders.
    order = sorted(range(len(pool)), key=lambda i: -(pool[i].score + extra[i]))
    reordered = [replace(pool[i], score=pool[i].score + extra[i]) for i in order]
    chosen = pick(reordered, limit=2)
    picked = [pool[order[reordered.index(c)]] for c in chosen]
    if picked and all(pool[0] is not c for c in picked):
        # The statement the ordinary score puts first is kept after them: the attribute reading decides what
        # leads, but a reading that misjudges it (an English question over Spanish notes) does not lose the
        # statement that answered before.
        picked = [*picked, pool[0]]
    if not picked:
        return compose.Composed("", [], 0.0, "relational", candidates=cands), float("-inf")
    picked += section_rest(picked, pool, attribute, entity)
    texts, citations = cite([via, *picked])
    notes = [f"bridge: {description!r} -> {entity!r}", f"asked: {about}", f"attribute: {attribute}",
             *(f"about it {c.score:.3f}: {c.text[:80]}" for c in reordered[:3])]
    rest = [c for c in cands if c is not picked[0]]
    out = compose.Composed(" ".join(texts), citations, picked[0].score, "relational", notes, [picked[0], *rest],
                           [via, *picked], [via, picked[0]])
    return out, chosen[0].score


def namesake(unit: Unit, ent: set[str], docs: set[int]) -> bool:
    """Is the statement in another person's note titled with the entity's name, where the graph knows the entity's
    own notes: "Sam (sister)" when "Sam A" is people/Sam Adeyemi.md (not "Graham 1-1s", a note about Graham)?"""
    if not docs or unit.hit.doc_id in docs:
        return False
    title = re.sub(r"\s*\([^)]*\)", "", unit.subject.split(" › ")[0]).strip()
    return bool(compose.NAME_LIKE.fullmatch(title)) and bool(ent & content_terms(title))


SECTION_ITEMS = 4
"""Most lines of the section named for what is asked that answer together ("Hops: Fuggles…, East Kent…")."""


def section_rest(picked: Sequence[Candidate], pool: Sequence[Candidate], attribute: str,
                 entity: str) -> list[Candidate]:
    """The other lines of the section the best answer is in, where that section is named for what is asked: "What
    hops go into it?" is answered by all of "Winter Porter › Hops", not by its line that scores best."""
    levels = picked[0].unit.subject.split(" › ")
    if len(levels) < 2:
        return []
    heading = content_terms(levels[-1]) - content_terms(entity)
    if not heading or not heading & content_terms(attribute):
        return []
    have = {c.unit.quote for c in picked}
    rest = [c for c in pool if c.unit.subject == picked[0].unit.subject and c.unit.quote not in have]
    return rest[:max(0, SECTION_ITEMS - len(picked))]


VIA_POOL = 5
SUBJECT_ONLY = 0.15
ROLE = 0.2
"""Bonus for a candidate the notes give the description's role ("steeple keeper Bernard Ogilvie", "Steeple
keeper at All Saints" in his note) when the description names one."""
_GENERIC_ROLES = {"person", "people", "man", "woman", "one", "someone", "somebody", "thing", "place", "day", "time"}
_ROLE_HEAD = re.compile(r"^(?:the|my|our|his|her|their)\s+((?:[\w'’-]+\s+){0,3}?)(?:who|whose|that|which|where)\b",
                        re.I)


NOT_A_PERSON = 0.3
"""Penalty for a place-named candidate ("Lorne Street", "Corrib View") of a description that asks "who"."""
_ACRONYM = re.compile(r"[A-Z0-9&]{2,}(?:\s+[A-Z0-9&]{2,})*")
_WHO = re.compile(r"\b(?:who|whom|whose|who's|who’s)\b", re.I)
NAMED_INSIDE = 0.3
"""Penalty for a candidate the description's own clause names ("the man who warned me that Owen decides fast" is
not Owen)."""
_CLAUSE = re.compile(r"\b(?:who|whose|that|which|where|i|we|que|quien|quienes|cuyo|cuya|donde)\b", re.I)
_NAME_RUN = re.compile(r"[A-ZÀ-Þ][\w’'-]+(?:\s+[A-ZÀ-Þ][\w’'-]+)*")


def named_inside(entity: str, description: str, via: str = "") -> bool:
    """Does the description's clause (after its relative word) name the candidate, capitalised as a name? A
    candidate that is part of a fuller name in its bridging statement (`via`) counts as that name: "Lacasa" of
    "Javi Lacasa" is named by "el que juega al pádel con Javi"."""
    m = _CLAUSE.search(description)
    if not m:
        return False
    names = {_bare(w) for w in re.findall(r"\b[A-ZÀ-Þ][\w’'-]+", description[m.end():])}
    words = {_bare(w) for w in entity.split()}
    for run in _NAME_RUN.findall(via):
        if words <= {_bare(w) for w in run.split()}:
            words |= {_bare(w) for w in run.split()}
    return bool(names & words)


def note_named_inside(description: str, docs: Sequence[int], units: Sequence[Unit]) -> bool:
    """Does the description's clause name the note that is the candidate, by the note's file name: "Pauline
    Roe", whose note is people/Mum.md, is named by "the person who does Mum's Sunday phone call"."""
    if not docs:
        return False
    stems = {PurePath(u.hit.path).stem for u in units if u.hit.doc_id in docs}
    return any(named_inside(stem, description) for stem in stems if stem)


_MY = re.compile(r"\b(?:my|our|mi|mis|nuestr[oa]s?|mon|ma|mes|notre|nos|mein\w*|unser\w*|meu|minha|meus|minhas|"
                 r"noss[oa]s?|mio|mia|miei|mie|nostr[oaie]|mijn|onze)\s+((?:[\w'’-]+\s+)?[\w'’-]+)", re.I)


def clause_role(description: str) -> set[str]:
    """What the description's clause calls someone of mine it relates the described one to: "engine mechanic" in "the
    man who recommended my engine mechanic". A candidate the notes give that role is the one related to, not the one
    described (the mechanic Ade, recommended by Frank, is not the man who recommended him)."""
    m = _CLAUSE.search(description)
    mine = _MY.search(described_only(description), m.end()) if m else None
    return content_terms(mine.group(1)) - _GENERIC_ROLES if mine else set()


def _bare(word: str) -> str:
    return re.sub(r"['’]s$", "", word).lower()


def role_terms(description: str) -> set[str]:
    """The role the description gives the thing it describes: "steeple keeper" in "the steeple keeper who
    conducted my first surprise quarter"; nothing for "the person who…"."""
    m = _ROLE_HEAD.match(description.strip())
    if m is None and compose.OWNER.match(description):
        return compose.description_role(description) - _GENERIC_ROLES  # "partner" of "Kit's partner"
    return content_terms(m.group(1)) - _GENERIC_ROLES if m else set()


def has_role(entity: str, role: set[str], via: Unit, units: Sequence[Unit]) -> bool:
    """Do the notes give the entity this role: a statement of its own note holds the role's words, or the
    bridging statement puts them right before or after its name ("steeple keeper Bernard Ogilvie")?"""
    if not role:
        return False
    ent = content_terms(entity)
    if any(role <= content_terms(u.text) for u in units if ent and ent <= content_terms(u.subject.split(" › ")[0])):
        return True
    # Beside the name, not merely near it: "Dougie and a structural engineer are coming" gives Dougie no role.
    return compose.role_beside(entity, role, via.text)


def role_called(question: str, description: str, entities: Sequence[tuple[str, Candidate]],
                embedder: Embedder) -> str | None:
    """The candidate named by the description's role word in the notes' language: "my mother" asked in English
    of French notes, where her note is "Maman". The role's word and each candidate's name are embedded alone; the
    one candidate they place at the calibrated cross-language floor or above (paraphrase.CROSS_RELATED_MIN:
    "mother" / "Maman" 0.93, against "mother" / "Santé" 0.84, "daughter" / "Maman" 0.88) is it. Read only for a
    one-word role, with an embedder that aligns languages, and for candidates found in another language than
    the question's."""
    from memex.agents import paraphrase

    floor = paraphrase.cross_related_min(embedder.id)
    role = compose.description_role(description)
    words = [w for w in re.findall(r"[\w'’-]+", description) if content_terms(w) == role]
    if floor is None or len(role) != 1 or not words:
        return None
    others = [e for e, via in entities if paraphrase.other_language(question, via.unit.hit.text)]
    if not others:
        return None
    vectors = paraphrase.word_vectors(embedder, [words[-1].lower(), *others])
    close = [e for e in others if float(vectors[words[-1].lower()] @ vectors[e]) >= floor]
    return close[0] if len(close) == 1 else None


def _names(entity: str, c: Candidate) -> bool:
    ent = content_terms(entity)
    return bool(ent) and ent <= content_terms(c.unit.text)


def naming_statement(entity: str, via: Candidate, described: Sequence[Candidate],
                     docs: Sequence[int] = ()) -> Candidate:
    """The statement that best fits the description and names the entity in its own text: a name found as a
    note's title ("Aoife", from "Birthday 2 November" in people/Aoife.md) is bridged by the statement that
    says it ("Aoife does most of the day-to-day care"), which is then not offered as the answer. A line of the
    entity's own note (`docs`) that fits the description better than a statement elsewhere naming it bridges
    instead: "Retires 31 March 2026" in Denise Hollis's note, not "… took over from Denise Hollis" in her
    successor's, for "the ward manager who retired in March"."""
    ent = content_terms(entity)
    if docs and via.unit.hit.doc_id not in docs:
        own = next((c for c in described if c.unit.hit.doc_id in docs), None)
        if own is not None and own.score > via.score:
            return own
    if ent and ent <= content_terms(via.unit.text):
        return via
    full = next((c for c in described if ent and ent <= content_terms(c.unit.text)), None)
    if full is not None:
        return full
    if _names_part(entity, via.unit):
        return via
    # A statement that names the entity only by its first name, in its text or its note's title ("Says the one
    # thing to tell her: 'Owen decides fast'" in "Graham 1-1s" for Graham Pickles) bridges better than a line
    # of the entity's own note that fits the description less ("Mobile still in my phone for questions"); the
    # line of its own note that fits best stays ("Led the hill party on the Ben Lomond job in July").
    for c in described:
        if c.unit.quote == via.unit.quote:
            return via
        if _names_part(entity, c.unit):
            return c
    return via


def _names_part(entity: str, unit: Unit) -> bool:
    """Does the statement's text or its note's title name the entity by its first word ("Graham" of "Graham
    Pickles"), other than in the entity's own note (whose every line is about it)?"""
    words = entity.split()
    if len(words) < 2:
        return False
    first = content_terms(words[0])
    title = unit.subject.split(" › ")[0]
    if not first or content_terms(entity) <= content_terms(title):
        return False
    return first <= content_terms(unit.text) or first <= content_terms(title)


def restate(entities: list[tuple[str, Candidate]], description: str, units: Sequence[Unit], embedder: Embedder,
            idf: Mapping[str, float]) -> list[tuple[str, Candidate]]:
    """Each bridging candidate with the statement that names it (`naming_statement`)."""
    described = score_units(description, units, embedder, idf)[:VIA_POOL]
    return [(entity, naming_statement(entity, via, described)) for entity, via in entities]


def best_bridge(question: str, description: str, entities: list[tuple[str, Candidate]], units: Sequence[Unit],
                embedder: Embedder, idf_for: Callable[[str], Mapping[str, float]],
                entity_docs: Mapping[str, Sequence[int]] | None = None) -> compose.Composed:
    """The bridged answer for each candidate; the best pair wins: the bridging statement's fit to the
    description plus the answer statement's score (a small prior for the candidate ranked higher)."""
    best: compose.Composed | None = None
    best_value = float("-inf")
    described = score_units(description, units, embedder, idf_for(description))[:VIA_POOL] if description else []
    role = role_terms(description)
    alone = described_only(description)
    described_alone = score_units(alone, units, embedder, idf_for(alone))[:VIA_POOL] if alone else []
    called = role_called(question, description, entities, embedder)
    object_role = clause_role(description) - role
    for rank, (entity, via) in enumerate(entities):
        docs = (entity_docs or {}).get(entity, ())
        # A candidate with a note of its own is bridged among the statements that fit the description without the
        # question's verb it runs on into ("… bring in on Christmas Day" would favour the answer's own day).
        via = naming_statement(entity, via, described_alone, docs) if docs else naming_statement(entity, via, described)
        out, fit = _answer_about(question, description, entity, via, units, embedder, idf_for, docs)
        if not out.text:
            continue
        # A wrong bridge can still find something that answers what is asked ("Birthday 2 November" of the
        # wrong person): how well its statement fits the description counts as much.
        value = fit + via.score - PRIOR * rank
        if has_role(entity, role, via.unit, units) or entity == called:
            value += ROLE
        if (named_inside(entity, description, via.unit.text) or note_named_inside(description, docs, units)
                or has_role(entity, object_role, via.unit, units)):
            value -= NAMED_INSIDE
        if _WHO.search(description) and (PLACE_WORDS.search(entity) or _ACRONYM.fullmatch(entity)):
            # "the agent who sold us the flat" is a person, not "Lorne Street" that the same statement names, nor
            # "AMU" (a ward, a firm, a project: a person's name is not written in capitals).
            value -= NOT_A_PERSON
        if not _names(entity, via) and any(_names(other, via) and not named_inside(other, description, via.unit.text)
                                           for other, _ in entities if other != entity):
            # The statement is in this entity's note but names someone else doing what the description says
            # ("Recommended by Sam from the market" in the builder's note: the friend is Sam, not the builder).
            value -= SUBJECT_ONLY
        out.notes.append(f"candidate {rank + 1} of {len(entities)}: answer score {out.support:.3f}, fit {fit:.3f}")
        if value > best_value:
            best, best_value = out, value
    return best if best is not None else compose.Composed("", [], 0.0, "relational")


SUBJECT_HITS = 2
"""Passages taken from the notes about a temporal question's subject."""
SUBJECT_LINKED = 6
"""Notes the subject's own note links to that are searched with it ("Moss" → moss/weight-and-food.md)."""
SUBJECT_NOTES = 5
"""Notes about the subject searched (its own first, then those it links to); each costs one search."""


def subject_notes(conn: sqlite3.Connection, question: str) -> dict[str, tuple[list[int], list[int]]]:
    """The notes about each thing a question names, by the note graph: the note that *is* it (`entity_notes`:
    people/elin.md for "Elin") and the notes that note links to (moss/about-moss.md links [[weight-and-food]]),
    where the later facts about it are often kept: name -> (own notes, linked notes)."""
    from memex.agents.answer_type import names

    out: dict[str, tuple[list[int], list[int]]] = {}
    for name in names(question):
        own = [d for d, _ in entity_notes(conn, name)]
        if not own:
            continue
        linked: list[int] = []
        for doc in own:
            try:
                linked += [int(r[0]) for r in conn.execute(
                    "SELECT DISTINCT dst FROM graph_links WHERE src = ? AND dst IS NOT NULL AND dst != src", (doc,))]
            except sqlite3.OperationalError:
                break
        out[name] = (own, [d for d in dict.fromkeys(linked) if d not in own][:SUBJECT_LINKED])
    return out


def allowed_path(path: str, filters: Filters | None) -> bool:
    """Does the user's path filter (if any) let this note through? (The note's own path replaces it below.)"""
    import fnmatch

    glob = filters.path_glob if filters else None
    if not glob:
        return True
    return fnmatch.fnmatchcase(path, glob if glob.startswith(("/", "*")) else f"*{glob}")


def subject_hop(question: str, ctx: Context, searcher: Searcher, filters: Filters | None, budget: int,
                embedder: Embedder | None) -> tuple[Context, dict[str, Any]]:
    """A question about a named thing's latest state ("Where does Elin work now?"): the passages that best answer
    it among the notes about that thing are added, so the note that is kept current (the person note's update,
    the weight log) competes though the words of the question missed it ("heavy" for a "Weight" column)."""
    found = subject_notes(searcher.conn, question)
    if not found:
        return ctx, {}
    rankings: list[list[Hit]] = []
    queries: list[str] = []
    own = [d for ds, _ in found.values() for d in ds]
    docs = list(dict.fromkeys([*own, *(d for _, ds in found.values() for d in ds)]))[:SUBJECT_NOTES]
    paths = dict(searcher.conn.execute(
        f"SELECT id, path FROM documents WHERE id IN ({','.join('?' * len(docs))})", docs).fetchall())
    for doc in docs:
        if doc not in paths or re.search(r"[*?\[]", paths[doc]) or not allowed_path(paths[doc], filters):
            continue  # a path that is itself a glob pattern would match other notes
        # The question searched inside this one note: its passages that best answer it, whatever their rank overall.
        only = replace(filters or Filters(), path_glob=paths[doc])
        hits = [h for h in searcher.search(question, SUBJECT_HITS, only, explain=True).hits if h.doc_id == doc]
        if hits:
            rankings.append(hits)
            queries.append(f"{question} [in {paths[doc]}]")
    if not rankings:
        return ctx, {"own": own}
    out = add_hits(ctx, rankings, queries, budget, embedder)
    return out, {"subjects": {n: len(a) + len(b) for n, (a, b) in found.items()}, "own": own, "queries": queries,
                 "added": [h.chunk_id for h in out.hits[len(ctx.hits):]]}


__all__ = ["Hop", "answer_about", "answer_on_date", "asked_terms", "best_bridge", "date_bridge", "date_hop",
           "as_of", "chained", "described_only", "is_when", "time_span", "entity_notes", "further", "referred", "is_time_description", "known_name", "naming_statement", "runs_on",
           "restate", "bare_names", "named_parts", "second_hop", "short_form_notes", "subject_hop", "subject_notes", "substituted"]


# Bridges that are a day: "What was my blood pressure on the morning I finished 212th?" — the description names
# no one; the statement that fits it ("The Howardian 100 on 13 September: 4:26:37, 212th of 540") gives a date,
# and what is asked is looked for among the statements of that day ("13 Sep: 133/82 — race morning").
_TIME_HEAD = re.compile(r"^(?:(?:the|that)\s+(?:[\w'’-]+\s+){0,2}?(?P<unit>morning|afternoon|evening|night|day|weekend|"
                        r"date|week|month|year)\b(?!\s+(?:(?:of|before|after)\b|\d))|when\s)", re.I)
# How far from the bridging day "the month Keith retired" reaches: the day's month (a week: the days around it).
_SPAN_DAYS = {"week": 3, "weekend": 1}
DATE_HITS = 6
"""Passages of the bridging day searched for what is asked."""


def is_time_description(description: str) -> bool:
    """Does the description name a day by what happened on it ("the morning I finished 212th", "the day Pim
    went missing")?"""
    return bool(_TIME_HEAD.match(description.strip()))


def time_span(description: str, days: Sequence[str]) -> tuple[str, str]:
    """The first and last day the description's time covers around its bridging days: the day itself, or the whole
    month of "the month Keith retired", the days around "the week …", the year of "the year …"."""
    m = _TIME_HEAD.match(description.strip())
    unit = (m.group("unit") or "").lower() if m else ""
    first, last = min(days), max(days)
    if unit == "month":
        y, mo = int(last[:4]), int(last[5:7])
        return first[:8] + "01", f"{last[:8]}{calendar.monthrange(y, mo)[1]:02d}"
    if unit == "year":
        return first[:4] + "-01-01", last[:4] + "-12-31"
    if unit in _SPAN_DAYS:
        reach = dt.timedelta(days=_SPAN_DAYS[unit])
        return (_iso_day(first) - reach).isoformat(), (_iso_day(last) + reach).isoformat()
    return first, last


def _iso_day(day: str) -> dt.date:
    """The ISO day as a date; a day past its month's end ("2025-02-29") is read as that month's last."""
    y, mo = int(day[:4]), int(day[5:7])
    return dt.date(y, mo, min(int(day[8:10]), calendar.monthrange(y, mo)[1]))


def _next_year(day: str) -> str | None:
    """The same day a year on ("2024-09-13" -> "2025-09-13"); None where that year has no such day (29 Feb)."""
    try:
        return dt.date(int(day[:4]) + 1, int(day[5:7]), int(day[8:10])).isoformat()
    except ValueError:
        return None


def date_bridge(description: str, units: Sequence[Unit], embedder: Embedder,
                idf: Mapping[str, float]) -> tuple[list[str], Candidate] | None:
    """The day the description names: the date its best-fitting statement is dated by its own text (a dated
    line, heading or "on 13 September"), with that statement. A day written without its year ("on 13 September"
    in a year's review) may have been given the wrong one, so the next year's same day is kept as well (where that
    year has one: not 29 February)."""
    described = re.sub(r"^when\s+", "", description.strip(), flags=re.I)  # "when I got towed": what happened
    when = described != description.strip()
    for c in score_units(described, units, embedder, idf)[:VIA_POOL]:
        day = (c.unit.date or "")[:10]
        # A "when" clause may be a journal entry's whole news, dated by the note (its file name, front matter).
        dated = c.unit.date_source == "text" or (when and c.unit.date_source != "mtime")
        if dated and re.fullmatch(r"\d{4}-\d{2}-\d{2}", day):
            days = [day]
            following = None if re.search(r"\b(?:19|20)\d{2}\b", c.unit.text) else _next_year(day)
            if following is not None:
                days.append(following)
            return days, c
    return None


def date_hop(question: str, days: Sequence[str], via: Candidate, ctx: Context, searcher: Searcher,
             filters: Filters | None, budget: int, embedder: Embedder | None,
             description: str = "") -> tuple[Context, dict[str, Any]]:
    """Search what is asked (the question's words the bridging statement leaves unexplained) among the passages
    of the bridging day (its month, for "the month …"); for "when …", also anywhere: what held then ("what was I
    earning an hour when …") is written in a note of its own, dated by its rows rather than that day."""
    query = " ".join(asked_terms(question, via.unit, "", limit=12)) or question
    rankings: list[list[Hit]] = []
    queries: list[str] = []
    spans = [time_span(description, [day]) for day in days] if description else [(day, day) for day in days]
    for first, last in spans:
        after = max(first, (filters.after if filters else None) or first)
        before = min(last, (filters.before if filters else None) or last)
        if after > before:
            continue  # outside the user's own date filter
        hits = searcher.search(query, DATE_HITS, replace(filters or Filters(), after=after, before=before),
                               explain=True).hits
        if hits:
            rankings.append(hits)
            queries.append(f"{query} [{first}..{last}]")
    if is_when(description):
        hits = searcher.search(query, DATE_HITS, filters, explain=True).hits
        if hits:
            rankings.append(hits)
            queries.append(query)
    if not rankings:
        return ctx, {"dates": list(days), "queries": queries, "added": []}
    out = add_hits(ctx, rankings, queries, budget, embedder)
    return out, {"dates": list(days), "queries": queries, "added": [h.chunk_id for h in out.hits[len(ctx.hits):]]}


def answer_on_date(question: str, description: str, days: Sequence[str], via: Candidate, units: Sequence[Unit],
                   embedder: Embedder, idf_for: Callable[[str], Mapping[str, float]]) -> compose.Composed:
    """The bridging statement, then the statement of that day that best answers what is asked of it ("What was my
    blood pressure on it?"); nothing when no other statement is dated that day."""
    spans = [time_span(description, [day]) for day in days]  # each day read apart: a year-less one's two years
    same_day = [u for u in units if u.quote != via.unit.quote
                and any(first <= (u.date or "")[:10] <= last for first, last in spans)]
    if is_when(description):
        return as_of(question, description, days[0], via, units, embedder, idf_for)
    about = substituted(question, description, via.unit, "it")
    if not same_day:
        return compose.Composed("", [], 0.0, "relational")
    cands = score_units(about, same_day, embedder, idf_for(about), expect=compose.asked_of(question, description))
    if not cands:
        return compose.Composed("", [], 0.0, "relational")
    best = cands[0]
    texts, citations = cite([via, best])
    notes = [f"bridge: {description!r} -> {' or '.join(days)}", f"asked: {about}",
             *(f"that day {c.score:.3f}: {c.text[:80]}" for c in cands[:3])]
    return compose.Composed(" ".join(texts), citations, best.score, "relational", notes, cands, [via, best],
                            [via, best])


def is_when(description: str) -> bool:
    """Is the description a clause of "when" ("when Mick had his knee done"): a time at which something held?"""
    return bool(re.match(r"\s*when\s", description or "", re.I))


def as_of(question: str, description: str, day: str, via: Candidate, units: Sequence[Unit],
          embedder: Embedder, idf_for: Callable[[str], Mapping[str, float]]) -> compose.Composed:
    """The bridging statement, then what is asked as it stood on the bridging day: the latest statement about it
    dated no later than that day ("Apr 2024 | £15.80" of a pay table, not the "6 Apr 2026" rate that came after the
    knee op); nothing when no statement answers."""
    at = question.find(description)
    about = f"{question[:at].rstrip()}{question[at + len(description):]}" if at >= 0 else question
    # A statement dated after that day says what came later; one dated only by when its file was saved is kept.
    # The statements that tell of the bridging event itself ("Sharon Teale → Denise Carr from June 2026") are not
    # what held then.
    described = re.sub(r"^when\s+", "", description.strip(), flags=re.I)
    event = {c.unit.quote for c in score_units(described, units, embedder, idf_for(described))[:VIA_POOL]
             if (c.unit.date or "")[:10] == day}
    held = [u for u in units if u.quote != via.unit.quote and u.quote not in event
            and not (u.date_source != "mtime" and (u.date or "")[:10] > day)]
    picked = compose.temporal(about, held, embedder, idf_for(about))
    stood = picked.primary or picked.used
    if not picked.text or not stood:
        return compose.Composed("", [], 0.0, "relational")
    best = stood[0]
    texts, citations = cite([via, best])
    notes = [f"bridge: {description!r} -> {day}", f"as of {day}: {about}", *picked.notes[:2]]
    return compose.Composed(" ".join(texts), citations, best.score, "relational", notes, picked.candidates,
                            [via, best], [via, best])


# A later part of a multi-part question that names the first part's answer by its kind: "Which plugin must be enabled
# for the daily URI to work, and what does *that plugin* name a new note by default?" — the plugin the first part's
# answer names is searched for with the second part.
_REFERS = re.compile(r"\b(?:that|this|the same|those|these)\s+([a-z][\w-]+)\b", re.I)
PART_HITS = 6
"""Passages searched for a later part with the first part's answer written in."""


def referred(parts: Sequence[str], units: Sequence[Unit], embedder: Embedder,
             idf_for: Callable[[str], Mapping[str, float]]) -> list[str]:
    """The parts, a later one that refers to the first part's answer by its kind ("that plugin", where the first
    part asks "which plugin") with the name the first part's best statement gives it ("the Daily notes plugin");
    [] when no part refers so or the statement names no such thing."""
    if len(parts) < 2:
        return []
    out = list(parts)
    for i, part in enumerate(parts[1:], start=1):
        m = _REFERS.search(part)
        noun = m.group(1).lower() if m else ""
        if not m or not re.search(rf"\b{re.escape(noun)}\b", parts[0], re.I):
            continue
        best = score_units(parts[0], units, embedder, idf_for(parts[0]))[:1]
        named = re.search(rf"(?<![\w-])((?:[A-Z][\w-]*)(?:\s+[\w-]+){{0,2}}?)\s+{re.escape(noun)}\b",
                          best[0].unit.text) if best else None
        if not named:
            continue
        name = re.sub(r"^(?:The|A|An|This|That)\s+", "", named.group(1))
        if not name or name.lower() in part.lower():
            continue
        out[i] = f"{part[:m.start()]}the {name} {m.group(1)}{part[m.end():]}"
    return out if out != list(parts) else []


def part_hop(parts: Sequence[str], ctx: Context, searcher: Searcher, filters: Filters | None, budget: int,
             embedder: Embedder | None) -> Context:
    """Search the parts that now name what they referred to."""
    rankings = [searcher.search(q, PART_HITS, filters, explain=True).hits for q in parts]
    return add_hits(ctx, rankings, list(parts), budget, embedder)


# A later part that asks about the person the first part asks for, by a pronoun: "Who is selling the concert
# tickets, and what is *his* role in the choir?" — the name the first part's best statement gives is written in.
_PRONOUN = re.compile(r"\b(?:(he|she|him|they|them)|(his|her|their))\b", re.I)
NAMED_FROM = 3
"""Statements that best answer the first part read for the name it asks for."""
ROLE_NEAR = 3
"""A vote for a name that follows a word of the first part closely ("librarian (music) Carol Bright")."""
NEAR_WORDS = 3
"""Words before a name read for the first part's words."""


def named_parts(parts: Sequence[str], units: Sequence[Unit], embedder: Embedder,
                idf_for: Callable[[str], Mapping[str, float]], is_name: Callable[[str], bool]) -> list[str]:
    """The parts, a later one that refers by a pronoun to the person the first part asks for ("who …") with the
    name the first part's best statements give ("what is Sanjay's role in the choir?"); [] when none does. Only
    English pronouns are read: another language's question keeps its parts."""
    from memex.agents.answer_type import PERSON, expected

    if len(parts) < 2 or PERSON not in expected(parts[0]).kinds:
        return []
    out = list(parts)
    asked = {_bare(w) for w in re.findall(r"[\w’'-]+", " ".join(parts))}

    def person(run: str) -> str:
        words = [_bare(w) for w in run.split()]
        # A name written as names are (not "ECT"), that the notes know, and that the question does not say itself.
        if not words or any(w in asked for w in words):
            return ""
        shown = [re.sub(r"['’]s$", "", w) for w in run.split()]
        if not all(re.fullmatch(r"[A-ZÀ-Þ][a-zß-ÿ]+(?:-[A-ZÀ-Þ]?[a-zß-ÿ]+)*", w) for w in shown):
            return ""
        if not (is_name(" ".join(shown)) or any(is_name(w) for w in shown)):
            return ""
        return " ".join(shown)

    # The person the best statements for the first part name most often, each statement counting once: the answer
    # is said again and again ("Sam Okoro: Leon's mentor since 23 Feb", "Sam's taking over"); whoever else a
    # statement names ("me (Femi)") is named once. A name right after a word of the first part counts more: the
    # statement gives that person the role asked ("librarian (music) Carol Bright", "his mentor is Sam Okoro").
    first = content_terms(parts[0])
    votes: dict[str, int] = {}
    longest: dict[str, str] = {}
    for c in score_units(parts[0], units, embedder, idf_for(parts[0]))[:NAMED_FROM]:
        # The note the statement is in may be the person ("Sam Okoro: …"), else the names its text writes.
        title = c.unit.subject.split(" › ")[0].strip()
        runs = [(title, 1)] + [(m.group(), ROLE_NEAR if first & content_terms(
            " ".join(re.findall(r"[\w’'-]+", c.unit.text[:m.start()])[-NEAR_WORDS:])) else 1)
            for m in _NAME_RUN.finditer(c.unit.text)]
        seen: dict[str, int] = {}
        for run, weight in runs:
            found = person(run)
            key = found.split()[0] if found else ""
            if key:
                seen[key] = max(seen.get(key, 0), weight)
            if key and len(found) > len(longest.get(key, "")):
                longest[key] = found
        for key, weight in seen.items():
            votes[key] = votes.get(key, 0) + weight
    name = longest[max(votes, key=lambda k: votes[k])] if votes else ""
    if not name:
        return []
    for i, part in enumerate(parts[1:], start=1):
        m = _PRONOUN.search(part)
        if m:
            # "her" ends a phrase as the object ("give back to her?"), else it is possessive ("her role").
            whole = m.group(1) or re.match(r"\s*(?:[?.,;!]|$)", part[m.end():])
            out[i] = f"{part[:m.start()]}{name if whole else name + chr(39) + 's'}{part[m.end():]}"
    return out if out != list(parts) else []
