"""All SQL of the note graph: names, links, entity mentions, semantic neighbours, statements, insights."""
from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

GRAPH_TABLES = ("graph_state", "graph_names", "graph_links", "graph_entities", "graph_mentions",
                "graph_semantic", "graph_statements", "graph_statement_terms")


@dataclass(frozen=True)
class DocInfo:
    """What the graph reads about a document."""

    id: int
    path: str
    title: str | None
    date: str | None
    metadata: dict[str, Any]
    content_hash: str


def _chunks(ids: Sequence[int], size: int = 500) -> Iterable[list[int]]:
    ids = list(ids)
    for i in range(0, len(ids), size):
        yield ids[i:i + size]


def _in(ids: Sequence[int]) -> str:
    return ",".join("?" * len(ids))


def stale_documents(conn: sqlite3.Connection) -> tuple[list[int], list[int]]:
    """(documents whose graph rows are missing or out of date, graph rows whose document is gone)."""
    changed = [int(r[0]) for r in conn.execute(
        "SELECT d.id FROM documents d LEFT JOIN graph_state g ON g.doc_id = d.id "
        "WHERE g.doc_id IS NULL OR g.content_hash != d.content_hash OR g.path != d.path")]
    gone = [int(r[0]) for r in conn.execute(
        "SELECT g.doc_id FROM graph_state g LEFT JOIN documents d ON d.id = g.doc_id WHERE d.id IS NULL")]
    return changed, gone


def doc_infos(conn: sqlite3.Connection, ids: Sequence[int]) -> list[DocInfo]:
    """Documents by id (missing ones are skipped)."""
    out: list[DocInfo] = []
    for part in _chunks(ids):
        for r in conn.execute(f"SELECT id, path, title, note_date, metadata, content_hash FROM documents "
                              f"WHERE id IN ({_in(part)})", part):
            try:
                meta = json.loads(r[4]) if r[4] else {}
            except ValueError:
                meta = {}
            out.append(DocInfo(int(r[0]), r[1], r[2], r[3], meta if isinstance(meta, dict) else {}, r[5]))
    return out


def chunk_texts(conn: sqlite3.Connection, doc_id: int) -> list[tuple[int, str]]:
    """(chunk id, text) of a document in order."""
    return [(int(r[0]), r[1]) for r in conn.execute(
        "SELECT id, text FROM chunks WHERE doc_id = ? ORDER BY ordinal", (doc_id,))]


def chunk_languages(conn: sqlite3.Connection, doc_id: int) -> dict[int, str]:
    """chunk id -> the language ingest detected for it (chunks not yet detected are left out)."""
    return {int(r[0]): r[1] for r in conn.execute(
        "SELECT id, lang FROM chunks WHERE doc_id = ? AND lang IS NOT NULL", (doc_id,))}


@dataclass(frozen=True)
class ChunkDating:
    """What ingest kept about a chunk's dates (ingest/dates.py), and its note's date."""

    start: str | None
    carried: str | None
    note: str | None
    """The note's date, None when it is only the file time (which dates nothing)."""
    written: str | None
    """The file's modification day: statements are not dated after it (later dates are plans)."""
    source: str | None = None
    """Where the note's date came from (ingest.dates.SOURCES)."""


def chunk_dating(conn: sqlite3.Connection, doc_id: int) -> dict[int, ChunkDating]:
    """chunk id -> its content dates, for dating the statements in it."""
    import datetime as dt
    out: dict[int, ChunkDating] = {}
    for cid, start, carried, note, source, mtime_ns in conn.execute(
            "SELECT c.id, c.date_start, c.date_carried, d.note_date, d.date_source, d.mtime_ns FROM chunks c "
            "JOIN documents d ON d.id = c.doc_id WHERE c.doc_id = ?", (doc_id,)):
        real = note if source and source != "mtime" else None
        written = (dt.datetime.fromtimestamp(mtime_ns / 1e9, tz=dt.timezone.utc).date().isoformat()
                   if mtime_ns else None)
        # a chunk dated only by the file time has no date of its own either
        first = start if real or (start and start != note) else None
        out[int(cid)] = ChunkDating(first, carried, real, written, source)
    return out


def chunk_heading(conn: sqlite3.Connection, doc_id: int) -> dict[int, str]:
    """chunk id -> the innermost heading above it, for chunks that have one."""
    out: dict[int, str] = {}
    for chunk_id, path in conn.execute("SELECT id, heading_path FROM chunks WHERE doc_id = ?", (doc_id,)):
        try:
            headings = json.loads(path) if path else []
        except ValueError:
            continue
        if isinstance(headings, list) and headings and isinstance(headings[-1], str) and headings[-1].strip():
            out[int(chunk_id)] = headings[-1].strip()
    return out


def chunk_heading_paths(conn: sqlite3.Connection, doc_id: int) -> dict[int, list[str]]:
    """chunk id -> the headings above it, outermost first."""
    out: dict[int, list[str]] = {}
    for chunk_id, path in conn.execute("SELECT id, heading_path FROM chunks WHERE doc_id = ?", (doc_id,)):
        try:
            headings = json.loads(path) if path else []
        except ValueError:
            continue
        if isinstance(headings, list):
            out[int(chunk_id)] = [h.strip() for h in headings if isinstance(h, str) and h.strip()]
    return out


def chunk_headings(conn: sqlite3.Connection, doc_id: int) -> list[tuple[int, str]]:
    """(chunk id, heading) for each distinct heading above a document's chunks, in order (chunk texts
    leave their headings out)."""
    out: dict[str, int] = {}
    for chunk_id, path in conn.execute(
            "SELECT id, heading_path FROM chunks WHERE doc_id = ? ORDER BY ordinal", (doc_id,)):
        try:
            headings = json.loads(path) if path else []
        except ValueError:
            continue
        for h in headings if isinstance(headings, list) else []:
            if isinstance(h, str) and h.strip():
                out.setdefault(h.strip(), int(chunk_id))
    return [(c, h) for h, c in out.items()]


def names_of(conn: sqlite3.Connection, ids: Sequence[int]) -> set[str]:
    """Name keys the given documents answer to (as recorded in the graph)."""
    out: set[str] = set()
    for part in _chunks(ids):
        out.update(r[0] for r in conn.execute(f"SELECT name FROM graph_names WHERE doc_id IN ({_in(part)})", part))
    return out


def forget(conn: sqlite3.Connection, ids: Sequence[int]) -> set[int]:
    """Drop every graph row of these documents (both ends of links and neighbours); call inside write_tx.

    Returns the entities they mentioned (whose note counts must be refreshed)."""
    touched: set[int] = set()
    for part in _chunks(ids):
        q = _in(part)
        touched.update(r[0] for r in conn.execute(f"SELECT DISTINCT entity FROM graph_mentions WHERE doc_id IN ({q})",
                                                  part))
        conn.execute(f"DELETE FROM graph_names WHERE doc_id IN ({q})", part)
        conn.execute(f"DELETE FROM graph_links WHERE src IN ({q})", part)
        conn.execute(f"UPDATE graph_links SET dst = NULL WHERE dst IN ({q})", part)
        conn.execute(f"DELETE FROM graph_mentions WHERE doc_id IN ({q})", part)
        conn.execute(f"DELETE FROM graph_semantic WHERE src IN ({q}) OR dst IN ({q})", part + part)
        conn.execute(f"DELETE FROM graph_statement_terms WHERE stmt IN (SELECT id FROM graph_statements "
                     f"WHERE doc_id IN ({q}))", part)
        conn.execute(f"DELETE FROM graph_statements WHERE doc_id IN ({q})", part)
        conn.execute(f"DELETE FROM graph_state WHERE doc_id IN ({q})", part)
    return touched


def refresh_entity_df(conn: sqlite3.Connection, entity_ids: set[int]) -> None:
    """Recount how many notes mention each of these entities; call inside write_tx."""
    ids = list(entity_ids)
    for part in _chunks(ids):
        conn.execute(f"UPDATE graph_entities SET df = (SELECT count(*) FROM graph_mentions m WHERE m.entity = "
                     f"graph_entities.id) WHERE id IN ({_in(part)})", part)


def write_names(conn: sqlite3.Connection, doc_id: int, names: dict[str, str]) -> None:
    """Record the names (key -> display) a document answers to."""
    conn.executemany("INSERT INTO graph_names(doc_id, name, display) VALUES (?,?,?)",
                     [(doc_id, k, v) for k, v in names.items()])


def all_display_names(conn: sqlite3.Connection) -> frozenset[str]:
    """Every note name as written (the extractor's gazetteer)."""
    return frozenset(r[0] for r in conn.execute("SELECT DISTINCT display FROM graph_names"))


def write_links(conn: sqlite3.Connection, doc_id: int, rows: list[tuple[str, str, str, str | None,
                                                                      str | None, str | None]]) -> None:
    """rows: (target, name, kind, anchor, alias, context); dst is resolved separately."""
    conn.executemany("INSERT INTO graph_links(src, target, name, kind, anchor, alias, context) "
                     "VALUES (?,?,?,?,?,?,?)", [(doc_id, *r) for r in rows])


def candidates_by_name(conn: sqlite3.Connection, names: Iterable[str]) -> dict[str, list[tuple[int, str]]]:
    """name key -> [(doc id, path)] of documents answering to it."""
    out: dict[str, list[tuple[int, str]]] = {}
    names = list(set(names))
    for i in range(0, len(names), 500):
        part = names[i:i + 500]
        for name, doc_id, path in conn.execute(
                f"SELECT n.name, n.doc_id, d.path FROM graph_names n JOIN documents d ON d.id = n.doc_id "
                f"WHERE n.name IN ({_in(part)})", part):
            out.setdefault(name, []).append((int(doc_id), path))
    return out


def links_to_resolve(conn: sqlite3.Connection, srcs: Sequence[int], names: Iterable[str]
                     ) -> list[tuple[int, int, str, str, str]]:
    """(rowid, src, target, name, kind) of links from `srcs` or naming any of `names`."""
    rows: dict[int, tuple[int, int, str, str, str]] = {}
    for part in _chunks(srcs):
        for r in conn.execute(f"SELECT rowid, src, target, name, kind FROM graph_links WHERE src IN ({_in(part)})",
                              part):
            rows[int(r[0])] = (int(r[0]), int(r[1]), r[2], r[3], r[4])
    names = list(set(names))
    for i in range(0, len(names), 500):
        part = names[i:i + 500]
        for r in conn.execute(f"SELECT rowid, src, target, name, kind FROM graph_links WHERE name IN ({_in(part)})",
                              part):
            rows[int(r[0])] = (int(r[0]), int(r[1]), r[2], r[3], r[4])
    return list(rows.values())


def set_link_targets(conn: sqlite3.Connection, updates: list[tuple[int | None, int]]) -> None:
    """(dst or None, rowid) pairs."""
    conn.executemany("UPDATE graph_links SET dst = ? WHERE rowid = ?", updates)


def drop_links(conn: sqlite3.Connection, rowids: list[int]) -> None:
    """Remove links that should not be kept (unresolved plain front-matter values)."""
    conn.executemany("DELETE FROM graph_links WHERE rowid = ?", [(r,) for r in rowids])


def entity_ids(conn: sqlite3.Connection, entities: dict[str, tuple[str, str]]) -> dict[str, int]:
    """Ids for entity keys (key -> (name, kind)), creating missing ones."""
    out: dict[str, int] = {}
    keys = list(entities)
    for i in range(0, len(keys), 500):
        part = keys[i:i + 500]
        out.update((r[0], int(r[1])) for r in conn.execute(
            f"SELECT key, id FROM graph_entities WHERE key IN ({_in(part)})", part))
    missing = [k for k in keys if k not in out]
    for k in missing:
        name, kind = entities[k]
        out[k] = int(conn.execute("INSERT INTO graph_entities(key, name, kind) VALUES (?,?,?)",
                                  (k, name, kind)).lastrowid)
    return out


def write_mentions(conn: sqlite3.Connection, doc_id: int,
                   rows: list[tuple[int, int, int, int | None, str | None]]) -> None:
    """rows: (entity id, count, strong, chunk id, context)."""
    conn.executemany("INSERT OR REPLACE INTO graph_mentions(doc_id, entity, count, strong, chunk_id, context) "
                     "VALUES (?,?,?,?,?,?)", [(doc_id, *r) for r in rows])


def write_semantic(conn: sqlite3.Connection, rows: list[tuple[int, int, float, float, int, int]]) -> None:
    """rows: (src, dst, score, pair cosine, src chunk, dst chunk)."""
    conn.executemany("INSERT OR REPLACE INTO graph_semantic(src, dst, score, pair, src_chunk, dst_chunk) "
                     "VALUES (?,?,?,?,?,?)", rows)


def write_statements(conn: sqlite3.Connection, doc_id: int,
                     rows: list[tuple[int, str, list[str], dict[str, list[str]], str | None, bool]]) -> None:
    """rows: (chunk id, text, terms, slots, date, cue)."""
    for chunk_id, text, terms, slots, date, cue in rows:
        sid = int(conn.execute("INSERT INTO graph_statements(doc_id, chunk_id, text, terms, slots, date, cue) "
                               "VALUES (?,?,?,?,?,?,?)", (doc_id, chunk_id, text, json.dumps(terms),
                                                          json.dumps(slots), date, int(cue))).lastrowid)
        conn.executemany("INSERT INTO graph_statement_terms(term, stmt) VALUES (?,?)", [(t, sid) for t in terms])


def mark_current(conn: sqlite3.Connection, docs: Sequence[DocInfo]) -> None:
    """Record that these documents' graph rows match their current content and path."""
    now = time.time()
    conn.executemany("INSERT OR REPLACE INTO graph_state(doc_id, content_hash, path, updated_at) VALUES (?,?,?,?)",
                     [(d.id, d.content_hash, d.path, now) for d in docs])


def clear_graph(conn: sqlite3.Connection) -> None:
    """Empty every graph table (a full rebuild follows); call inside write_tx."""
    for table in GRAPH_TABLES:
        conn.execute(f"DELETE FROM {table}")


def counts(conn: sqlite3.Connection) -> dict[str, int]:
    """Row counts of the graph tables (for status and check)."""
    out = {t: int(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]) for t in GRAPH_TABLES}
    out["unresolved_links"] = int(conn.execute("SELECT count(*) FROM graph_links WHERE dst IS NULL").fetchone()[0])
    return out


def check(conn: sqlite3.Connection) -> tuple[str, list[str]]:
    """(state, problems) of the graph against the store. Notes not yet in the graph are not a problem (the
    next sync or `memex check --repair` brings them in); rows pointing at nothing are."""
    from memex.graph.edges import outdated  # edges builds on this module
    changed, gone = stale_documents(conn)
    state = "ok" if not (changed or gone) else (
        f"{len(changed)} note(s) to add or update, {len(gone)} to drop (done by the next sync)")
    if outdated(conn):
        state = "computed by an older version of Memex: the next sync or `memex graph --rebuild` recomputes it"
    problems = []
    dangling = int(conn.execute(
        "SELECT (SELECT count(*) FROM graph_links WHERE dst IS NOT NULL AND dst NOT IN (SELECT id FROM documents))"
        " + (SELECT count(*) FROM graph_semantic WHERE src NOT IN (SELECT doc_id FROM graph_state)"
        "    OR dst NOT IN (SELECT doc_id FROM graph_state))"
        " + (SELECT count(*) FROM graph_mentions WHERE entity NOT IN (SELECT id FROM graph_entities))").fetchone()[0])
    if dangling:
        problems.append(f"note graph: {dangling} edge(s) pointing at notes or names that do not exist")
    return state, problems
