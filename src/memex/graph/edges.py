"""Keep the note graph in step with the store: only notes that changed recompute their own edges.

Called by the Brain after a sync (ingest does not know the graph). A note's graph rows are current when
`graph_state` holds its content hash and path; anything else — new, edited, moved, deleted, or left
behind by a crash — is recomputed here, so the graph converges whatever happened before.

Edge kinds: `link`/`backlink` (wikilinks with alias, heading, ^block; embeds; Markdown links; front-matter
relations; unresolved targets kept as placeholders), `tag`, `entity` (shared named things and unlinked
mentions of another note's name), `semantic` (nearest notes by meaning with the connecting passages).
Tags and entities are stored per note and joined at read time, so a tag on 5k notes is 5k rows, not 25M.
"""
from __future__ import annotations

import datetime as dt
import os
import re
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from memex.graph import tables
from memex.graph.entities import EntityExtractor
from memex.graph.entities import _kind as _entity_kind
from memex.graph.links import Link, name_key, note_links
from memex.graph.semantic import NEIGHBOURS, SemanticSpace
from memex.graph.statements import CONTEXT_MARK, statements
from memex.ingest.dates import find_dates, sentence_dates
from memex.store.db import write_tx
from memex.store.vectors import VectorIndex

BATCH = 200
"""Documents per write transaction."""
PROGRESS_EVERY = 25
"""Notes between progress events (a long rebuild shows steady progress, not one jump per batch)."""
MAX_MENTIONS_PER_NOTE = 2000
GRAPH_VERSION = "7"
"""What the graph rows were computed with (extractor, alias and statement rules). A home whose graph was
built by another version is rebuilt by its next update (`meta.graph_version`), so improved extraction
reaches notes nobody edits; bump it whenever a change alters what is stored for the same note."""


@dataclass
class GraphUpdate:
    """What a graph update did."""

    changed: list[int] = field(default_factory=list)
    removed: list[int] = field(default_factory=list)
    seconds: float = 0.0
    rebuilt: bool = False
    """Every note was recomputed (asked for, or the stored graph came from another GRAPH_VERSION)."""

    def to_dict(self) -> dict[str, object]:
        """JSON form."""
        return {"changed": len(self.changed), "removed": len(self.removed), "seconds": round(self.seconds, 3),
                "rebuilt": self.rebuilt}


def stored_version(conn: sqlite3.Connection) -> str | None:
    """The GRAPH_VERSION the stored graph rows were computed with (None: never recorded)."""
    row = conn.execute("SELECT value FROM meta WHERE key = 'graph_version'").fetchone()
    return str(row[0]) if row else None


def outdated(conn: sqlite3.Connection) -> bool:
    """True when graph rows exist that another GRAPH_VERSION computed (the next update rebuilds them)."""
    if stored_version(conn) == GRAPH_VERSION:
        return False
    return conn.execute("SELECT 1 FROM graph_state LIMIT 1").fetchone() is not None


_NICKNAME = re.compile(r"(?:\b(?:calls? (?:him|her|them)|known as|a\.?k\.?a\.?|goes by|nicknamed?)[: ]\s*|[\"“])"
                       r"[\"“*]*([A-Z][^\W\d_]{1,20}(?: [A-Z][^\W\d_]{1,20})?)[\"”*]*")


_TITLE_SEP = re.compile(r"\s+[-–—|:]\s+|[()\[\]:|,;]")
"""Where a title or heading splits into separate phrases ("Owen - Easter blockade", "Ruth D (4 April)")."""


def nicknames(title: str | None, first_text: str) -> list[str]:
    """Names a person note says its subject goes by: 'Everyone calls her Bex', 'Douglas "Dougie" Baird'."""
    out = []
    head = f"{title or ''}\n{first_text[:600]}"
    for m in _NICKNAME.finditer(head):
        before = head[max(0, m.start() - 1):m.start() + 1]
        if before.startswith(("“", '"')) or m.group(0).startswith(("“", '"')):
            # a quoted word counts only inside a name: Olumide "Baba" Adeyemi
            line = head[:m.start()].rsplit("\n", 1)[-1].split()
            if not line or not line[-1][:1].isupper():
                continue
        out.append(m.group(1))
    return out


def _names(doc: tables.DocInfo, first_text: str = "") -> dict[str, str]:
    """name key -> display form: file stem, title, aliases (front matter or 'known as' in the text)."""
    out: dict[str, str] = {}
    stem = PurePosixPath(doc.path).stem
    aliases = doc.metadata.get("aliases") or []
    extra = nicknames(doc.title, first_text) if first_text else []
    for display in [doc.title, stem, *(aliases if isinstance(aliases, list) else [aliases]), *extra]:
        if display and str(display).strip():
            out.setdefault(name_key(str(display)), " ".join(str(display).split()))
    out.setdefault(name_key(PurePosixPath(doc.path).name), stem)
    out.pop("", None)
    return out


def update_graph(conn: sqlite3.Connection, vectors: Callable[[], VectorIndex | None],
                 extractor: EntityExtractor, *, rebuild: bool = False,
                 progress: Callable[..., None] | None = None) -> GraphUpdate:
    """Recompute graph rows of new/changed/moved notes, drop those of deleted ones; returns what changed."""
    t0 = time.perf_counter()
    rebuild = rebuild or outdated(conn)
    if rebuild:
        with write_tx(conn):
            tables.clear_graph(conn)
    changed, gone = tables.stale_documents(conn)
    result = GraphUpdate(changed=changed, removed=gone, rebuilt=rebuild)
    if stored_version(conn) != GRAPH_VERSION:
        with write_tx(conn):
            conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('graph_version', ?)", (GRAPH_VERSION,))
    if not changed and not gone:
        return result
    if progress:
        progress("graph", done=0, total=len(changed))
    with write_tx(conn):
        affected = tables.names_of(conn, changed + gone)
        touched = tables.forget(conn, changed + gone)
    infos = tables.doc_infos(conn, changed)
    with write_tx(conn):
        for d in infos:
            first = conn.execute("SELECT text FROM chunks WHERE doc_id = ? ORDER BY ordinal LIMIT 1", (d.id,)).fetchone()
            names = _names(d, first[0] if first else "")
            tables.write_names(conn, d.id, names)
            affected |= names.keys()
    gazetteer = frozenset(n for n in tables.all_display_names(conn) if _namelike(n))
    index = vectors() if infos else None
    space = SemanticSpace(conn, index) if index is not None and len(index) else None
    for i in range(0, len(infos), BATCH):
        batch = infos[i:i + BATCH]
        prepared = []
        for j, d in enumerate(batch, start=i + 1):
            prepared.append(_prepare(conn, d, extractor, gazetteer))
            if progress and j % PROGRESS_EVERY == 0 and j < len(infos):
                progress("graph", done=j, total=len(infos))
        semantic = space.neighbours([d.id for d in batch], NEIGHBOURS) if space is not None else []
        with write_tx(conn):
            for d, (links, mentions, stmts) in zip(batch, prepared, strict=True):
                tables.write_links(conn, d.id, links)
                ids = tables.entity_ids(conn, {k: (v[0], v[1]) for k, v in mentions.items()})
                touched.update(ids.values())
                tables.write_mentions(conn, d.id, [(ids[k], v[2], v[3], v[4], v[5]) for k, v in mentions.items()])
                tables.write_statements(conn, d.id, stmts)
            tables.write_semantic(conn, semantic)
            tables.mark_current(conn, batch)
        if progress:
            progress("graph", done=min(i + BATCH, len(infos)), total=len(infos))
    with write_tx(conn):
        _resolve(conn, [d.id for d in infos], affected)
        tables.refresh_entity_df(conn, touched)
        merge_aliases(conn)
    result.seconds = time.perf_counter() - t0
    return result


def _namelike(display: str) -> bool:
    """Note names worth finding in text: capitalised or in a script without case, not dates or numbers."""
    s = display.strip()
    if len(s) < 2 or not any(ch.isalpha() for ch in s) or s[:1].isdigit():
        return False
    if len(name_key(s).split()) >= 2:
        return True  # "thursday-football", "gift ideas": multi-word names match in any case
    first = s[0]
    return first.isupper() or (first.isalpha() and first.lower() == first.upper())


def _prepare(conn: sqlite3.Connection, doc: tables.DocInfo, extractor: EntityExtractor,
             gazetteer: frozenset[str]):  # type: ignore[no-untyped-def]
    """Links, mentions and statements of one note, from its stored chunks."""
    chunks = tables.chunk_texts(conn, doc.id)
    texts = [t for _, t in chunks]
    links = [(lk.target, lk.name, _kind(lk), lk.anchor, lk.alias, lk.context)
             for lk in note_links(texts, doc.metadata)]
    own = {name_key(n) for n in _names(doc, texts[0] if texts else "")}
    mentions: dict[str, list] = {}
    # the title and the headings say what the note is about ("Graham 1-1s", "## Ruth D (4 April)"), and
    # chunk texts leave headings out: their names count as mentions too (the note's own name does not)
    first_chunk = chunks[0][0] if chunks else None
    titled = [(first_chunk, doc.title or PurePosixPath(doc.path).stem)] if first_chunk is not None else []
    heads = [(c, _TITLE_SEP.sub("\n", h)) for c, h in [*titled, *tables.chunk_headings(conn, doc.id)]]
    for chunk_id, text in [*heads, *chunks]:
        for m in extractor.extract(text, gazetteer):
            if m.key in own:
                continue  # a note naming itself is not a connection
            entry = mentions.get(m.key)
            if entry is None:
                if len(mentions) >= MAX_MENTIONS_PER_NOTE:
                    continue
                mentions[m.key] = [m.surface, m.kind, 1, int(m.strong), chunk_id, _around(text, m.start, m.end)]
            else:
                entry[2] += 1
                entry[3] = max(entry[3], int(m.strong))
    stmts = []
    seen: set[str] = set()
    dating = tables.chunk_dating(conn, doc.id)
    heading_of = tables.chunk_heading(conn, doc.id)
    paths = tables.chunk_heading_paths(conn, doc.id)
    lang_of = tables.chunk_languages(conn, doc.id)
    later = _entries_after(chunks, dating) if LOG_HEADER else {}
    for chunk_id, text in chunks:
        d = dating.get(chunk_id)
        place = " ; ".join([doc.title or PurePosixPath(doc.path).stem, *paths.get(chunk_id, [])])
        found = statements(text, (d.note or d.start) if d else None, heading_of.get(chunk_id), lang_of.get(chunk_id),
                           place)
        when = statement_dates(text, found, d, later.get(chunk_id)) if d else [s.date for s in found]
        for s, date in zip(found, when, strict=True):
            norm = " ".join(s.text.split())
            if norm in seen:
                continue  # chunk overlap repeats sentences
            seen.add(norm)
            stmts.append((chunk_id, s.text, [*s.terms, *(CONTEXT_MARK + t for t in s.context)],
                          {k: list(v) for k, v in s.slots.items()}, date, s.cue))
    return links, mentions, stmts


LOG_HEADER = True
"""A note dated by its latest dated entry (a log) speaks as of that entry, but the undated lines above its
entries (a header: "Kick off Thursdays 8pm, 1 hour. Subs £6 a game") were written before them: such a statement
is dated no later than the first dated entry that follows it in the note."""


def _entries_after(chunks: list[tuple[int, str]], dating: dict[int, tables.ChunkDating]) -> dict[int, str]:
    """chunk id -> the earliest dated entry (a line opening with a date) in the chunks after it, for notes whose
    date is their latest entry (ingest's "text" source)."""
    if not chunks or not any(d.source == "text" and d.note for d in dating.values()):
        return {}
    out: dict[int, str] = {}
    best: str | None = None
    for chunk_id, text in reversed(chunks):
        if best:
            out[chunk_id] = best
        d = dating.get(chunk_id)
        if d is None or not d.note:
            continue
        days = [m.day.isoformat() for m in find_dates(text, dt.date.fromisoformat(d.note),
                                                      dt.date.fromisoformat(d.carried) if d.carried else None)
                if m.kind != "mention" and m.precision == "day"]
        if days:
            best = min([*days, best] if best else days)
    return out


def _header_dates(text: str, found: list, dating: tables.ChunkDating, dates: list[str | None],  # type: ignore[type-arg]
                  after: str | None) -> list[str | None]:
    """LOG_HEADER: statements above a log's dated entries dated no later than the first entry after them."""
    if dating.source != "text" or not dating.note or dating.carried:
        return dates
    marks = find_dates(text, dt.date.fromisoformat(dating.note), None)
    entries = [(m.start, m.day.isoformat()) for m in marks if m.kind != "mention" and m.precision == "day"]
    if not entries and not after:
        return dates
    out = list(dates)
    for i, s in enumerate(found):
        start, end = s.start, s.start + len(s.text)
        if out[i] != dating.note or any(a < end for a, _ in entries) or any(start <= m.start < end for m in marks):
            continue  # dated by an entry above it or by a date of its own
        cap = min([d for a, d in entries if a >= end] + ([after] if after else []), default=None)
        if cap and cap < out[i]:
            out[i] = cap
    return out


def statement_dates(text: str, found: list, dating: tables.ChunkDating,  # type: ignore[type-arg]
                    after: str | None = None) -> list[str | None]:
    """When each statement of a chunk was made, from the content dates ingest keeps (the same dates the
    answers show): its dated line or heading in force, a date it mentions, else the note's own date; None
    when only the file time dates it (a file time never makes a statement "newer"). `after`: the earliest
    dated entry in the note's later chunks (LOG_HEADER)."""
    dates = _statement_dates(text, found, dating)
    return _header_dates(text, found, dating, dates, after) if LOG_HEADER else dates


def _statement_dates(text: str, found: list, dating: tables.ChunkDating) -> list[str | None]:  # type: ignore[type-arg]
    spans = [(s.start, s.start + len(s.text)) for s in found]
    # a note with a date of its own and no dated entry in force: its year-less dates ("Tuesday (14 Oct)")
    # are read around that date, not around the first date the chunk mentions (often a plan: "done by 8 May")
    first = None if NOTE_ANCHOR and dating.note and not dating.carried else dating.start
    for a, b in spans:
        if "\n" in text[a:b]:
            # a statement joined across a wrapped line ("… Friday 19" / "June 2026, weather permitting."): its
            # line breaks are not line starts, so "June 2026" there is no dated entry (same length: spans hold)
            text = text[:a] + text[a:b].replace("\n", " ") + text[b:]
    if TARGETS_DATE_NOTHING:
        text = _TARGET.sub(lambda m: m.group(1) + _DIGITS.sub(" ", m.group(2)), text)
    return sentence_dates(text, spans, dating.carried, dating.note, dating.written, first)


NOTE_ANCHOR = True
"""Year-less dates of a dated note with no dated entry in force are read around the note's date."""
TARGETS_DATE_NOTHING = True
_TARGET = re.compile(r"(\b(?:by|until|till|due(?: on| by)?|deadline:?|expires?(?: on)?|ends?(?: on)?|before)[\s*_(]+)"
                     r"((?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?\d{1,2}(?:st|nd|rd|th)?\s+[a-z]{3,9}\.?"
                     r"(?:,?\s+\d{4})?|\d{4}-\d{2}-\d{2})", re.I)
"""A date after "by", "until", "due", "expires"… is a target, not when the statement was made."""
_DIGITS = re.compile(r"\d")


def _kind(link: Link) -> str:
    if link.kind == "property" and link.path_hint == "?":
        return "value"  # a plain front-matter value: kept only if a note of that name exists
    return link.kind


def _around(text: str, start: int, end: int) -> str:
    """The sentence around a mention (for the reason shown to the user)."""
    lo = max(0, start - 200)
    dot = text.rfind(". ", lo, start)
    left = max(text.rfind("\n", lo, start), dot + 1 if dot >= 0 else -1, lo - 1 if lo else -1)
    hi = min(len(text), end + 200)
    cands = [i for i in (text.find("\n", end, hi), text.find(". ", end, hi)) if i != -1]
    right = min(cands) + 1 if cands else hi
    return " ".join(text[left + 1:right].split())[:300]


def _resolve(conn: sqlite3.Connection, srcs: list[int], names: set[str]) -> None:
    """Point links from changed notes, and links naming any changed name, at the note they mean."""
    rows = tables.links_to_resolve(conn, srcs, names)
    if not rows:
        return
    cands = tables.candidates_by_name(conn, {r[3] for r in rows})
    src_paths = dict(conn.execute(f"SELECT id, path FROM documents WHERE id IN "
                                  f"({','.join(str(s) for s in {r[1] for r in rows})})").fetchall())
    updates: list[tuple[int | None, int]] = []
    drop: list[int] = []
    for rowid, src, target, name, kind in rows:
        dst = pick_target(cands.get(name, []), target.split("#", 1)[0], kind, src_paths.get(src, ""), src)
        if dst is None and kind == "value":
            drop.append(rowid)
        else:
            updates.append((dst, rowid))
    tables.set_link_targets(conn, updates)
    tables.drop_links(conn, drop)


def pick_target(candidates: list[tuple[int, str]], target: str, kind: str, src_path: str,
                src: int) -> int | None:
    """Which note a link means: a path match for folder links, else the shortest path (Obsidian's rule)."""
    if not candidates:
        return None
    if kind == "mdlink" or "/" in target:
        want = os.path.normpath(os.path.join(os.path.dirname(src_path), target)) if kind == "mdlink" else target
        want_stem = os.path.splitext(want)[0]
        exact = [c for c in candidates if os.path.splitext(c[1])[0].endswith(want_stem.lstrip("./"))
                 or c[1] == want]
        if exact:
            candidates = exact
    # a self-link is kept (the user wrote it) but it never counts as a connection in related()
    return min(candidates, key=lambda c: (len(c[1]), c[1]))[0]


def _initial(word: str) -> bool:
    """A surname written as its initial ("p", "p.", "p's")."""
    return len(word.removesuffix("'s").removesuffix("’s").rstrip(".")) <= 1


def merge_aliases(conn: sqlite3.Connection) -> None:
    """Merge entity aliases: a note's aliases and title stand for the note; a first name stands for the one
    full name it starts (when exactly one multi-word person name in the vault starts with it)."""
    ents = conn.execute("SELECT id, key, kind, name FROM graph_entities").fetchall()
    by_key = {k: int(i) for i, k, _, _ in ents}
    note_names = conn.execute("SELECT doc_id, name, display FROM graph_names").fetchall()
    canonical: dict[int, int] = {}
    # 1. names of the same note: all aliases point at the note's title (or its stem)
    groups: dict[int, list[str]] = {}
    for doc_id, name, _ in note_names:
        groups.setdefault(int(doc_id), []).append(name)
    titles = dict(conn.execute("SELECT id, title FROM documents").fetchall())
    for doc_id, names in groups.items():
        present = [n for n in names if n in by_key]
        if len(present) < 2:
            continue
        title_key = name_key(titles.get(doc_id) or "")
        head = title_key if title_key in by_key else max(present, key=len)
        for n in present:
            if n != head:
                canonical[by_key[n]] = by_key[head]
    # 2. a first name that starts exactly one multi-word person-like name (mentioned, or a note's name:
    #    "Pete" is the "Pete Garside" of people/Pete Garside.md even when no note writes his full name)
    firsts: dict[str, set[str]] = {}
    for _, key, kind, _ in ents:
        parts = key.split()
        if kind == "person" and 2 <= len(parts) <= 3 and not _initial(parts[-1]):
            firsts.setdefault(parts[0], set()).add(key)  # "Jo P's" is "Jo P" again, not a third full name
    person_notes = {}
    # a first name with a surname initial ("Jo P") also needs the person note's full name as a row (rule 3)
    initialled = {k.split()[0] for k in by_key if k.count(" ") == 1 and _initial(k.split()[1])}
    for _, name, display in note_names:
        words = str(display).split()
        if name not in by_key and _entity_kind(words) == "person" and (
                name.split()[0] in by_key or name.split()[0] in initialled):
            person_notes[name] = display
            firsts.setdefault(name.split()[0], set()).add(name)
    for name, display in person_notes.items():
        if len(firsts.get(name.split()[0], ())) == 1:  # only a first name it would stand for needs the row
            by_key[name] = tables.entity_ids(conn, {name: (display, "person")})[name]
    for first, fulls in firsts.items():
        fid = by_key.get(first)
        if fid is None or fid in canonical or len(fulls) != 1:
            continue
        full = next(iter(fulls))
        target = by_key[full]
        canonical[fid] = canonical.get(target, target)
    # 3. "Chris D" stands for the one "Chris D…" full name
    for _, key, _kind, _ in ents:
        parts = key.split()
        if len(parts) == 2 and _initial(parts[1]) and parts[1][:1].isalpha() and by_key[key] not in canonical:
            fulls = [f for f in firsts.get(parts[0], ()) if f.split()[1].startswith(parts[1][0])]
            if len(fulls) == 1 and fulls[0] in by_key:
                target = by_key[fulls[0]]
                canonical[by_key[key]] = canonical.get(target, target)
    # 4. the same surname with a first name that starts the other ("Pete Garside" / "Peter Garside",
    #    "Chris Dale" / "Christopher Dale"): one person when no third first name fits both
    note_people = {name: display for _, name, display in note_names
                   if name.count(" ") == 1 and _entity_kind(str(display).split()) == "person"}
    people = {k for _, k, _, name in ents if k.count(" ") == 1 and _entity_kind(str(name).split()) == "person"}
    pairs = _short_forms(people | set(note_people))
    moved: dict[int, int] = {}
    forms = {k for pair in pairs for k in pair}
    carried = {n for _, n, _ in note_names if n in forms}
    for short_key, long_key in pairs:
        if short_key not in by_key and long_key not in by_key:
            continue  # neither form is ever written: nothing to merge
        for key in (short_key, long_key):
            if key not in by_key:
                by_key[key] = tables.entity_ids(conn, {key: (note_people.get(key) or key.title(), "person")})[key]
        # the name a note carries stands for both; else the longer (formal) one
        head, other = ((short_key, long_key) if short_key in carried and long_key not in carried
                       else (long_key, short_key))
        hid, oid = by_key[head], by_key[other]
        if oid in canonical or hid in canonical and canonical[hid] == oid:
            continue
        canonical[oid] = canonical.get(hid, hid)
        moved[oid] = canonical[oid]
    if moved:  # "Pete" -> "Pete Garside" follows on to the head its full name merged into
        for e, c in canonical.items():
            canonical[e] = moved.get(c, c)
    conn.execute("UPDATE graph_entities SET canonical = NULL WHERE canonical IS NOT NULL")
    conn.executemany("UPDATE graph_entities SET canonical = ? WHERE id = ?",
                     [(c, e) for e, c in canonical.items() if c != e])


def _short_forms(names: set[str]) -> list[tuple[str, str]]:
    """(short, long) pairs of two-word person names with the same surname whose first names are a prefix
    of one another (3+ letters: "pete garside" / "peter garside"), when exactly one long form fits."""
    by_surname: dict[str, list[str]] = {}
    for n in names:
        parts = n.split()
        if len(parts) == 2 and len(parts[0]) >= 3:
            by_surname.setdefault(parts[1], []).append(n)
    out = []
    for group in by_surname.values():
        if len(group) < 2:
            continue
        for short in group:
            first = short.split()[0]
            longer = [g for g in group if g != short and g.split()[0].startswith(first)]
            if len(longer) == 1 and not any(g != short and g != longer[0] and longer[0].split()[0].startswith(
                    g.split()[0]) for g in group):
                out.append((short, longer[0]))
    return out
