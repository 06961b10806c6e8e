"""Reads and writes of sources, documents, chunks, vectors and failures (all SQL lives in store/)."""
from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from memex.domain import Chunk
from memex.language.analyzer import fts_row
from memex.store.db import next_seq


@dataclass(frozen=True)
class DocRow:
    """What sync needs to know about a stored document without reading the file."""

    id: int
    path: str
    content_hash: str
    size: int
    mtime_ns: int


@dataclass(frozen=True)
class NewDocument:
    """A parsed, chunked and embedded document, ready to be written in one transaction."""

    path: str
    content_hash: str
    size: int
    mtime_ns: int
    parser: str
    title: str | None
    note_date: str | None
    metadata: dict
    chunks: list[Chunk]
    text_hashes: list[str]
    vectors: np.ndarray  # (len(chunks), dims) float32
    date_source: str | None = None
    """Where note_date came from (ingest/dates.py SOURCES; "mtime" is the last resort)."""
    chunk_dates: list[tuple[str | None, str | None, str | None]] | None = None
    """Per chunk: (first, last) date its statements carry, and the dated entry in force where it starts."""
    context: str | None = None
    """What the note's passages are searched and embedded with (title, aliases, file name); None: the title."""
    lang: str | None = None
    """Language of the whole note (ISO 639-1 or "und"); None = not detected."""
    chunk_langs: list[str] | None = None
    """Language of each chunk, same order as chunks."""


def add_source(conn: sqlite3.Connection, path: str) -> int:
    """Register a folder or file; returns its id (existing or new). Call inside write_tx."""
    row = conn.execute("SELECT id FROM sources WHERE path = ?", (path,)).fetchone()
    if row:
        return int(row[0])
    return int(conn.execute("INSERT INTO sources(path, added_at) VALUES (?, ?)",
                            (path, time.time())).lastrowid)


def list_sources(conn: sqlite3.Connection) -> list[tuple[int, str]]:
    """All registered sources as (id, path)."""
    return [(r[0], r[1]) for r in conn.execute("SELECT id, path FROM sources ORDER BY id")]


def docs_of_source(conn: sqlite3.Connection, source_id: int) -> dict[str, DocRow]:
    """Stored documents of a source, keyed by path."""
    rows = conn.execute("SELECT id, path, content_hash, size, mtime_ns FROM documents WHERE source_id = ?",
                        (source_id,))
    return {r[1]: DocRow(*r) for r in rows}


def note_text(conn: sqlite3.Connection, doc_id: int) -> str:
    """A note's context (title, aliases, file name) and the text of all its chunks."""
    row = conn.execute("SELECT coalesce(context, title, '') FROM documents WHERE id = ?", (doc_id,)).fetchone()
    texts = [r[0] for r in conn.execute("SELECT text FROM chunks WHERE doc_id = ? ORDER BY ordinal", (doc_id,))]
    return "\n".join([row[0] if row else "", *texts])


def undated_paths(conn: sqlite3.Connection, source_id: int) -> set[str]:
    """Documents stored before content dates existed (no date_source): the next sync re-reads them."""
    return {r[0] for r in conn.execute(
        "SELECT path FROM documents WHERE source_id = ? AND date_source IS NULL", (source_id,))}


def vectors_for_hashes(conn: sqlite3.Connection, embedder: str, hashes: Iterable[str]) -> dict[str, bytes]:
    """Already-computed vectors for chunk texts, so unchanged or moved text is never re-embedded."""
    out: dict[str, bytes] = {}
    todo = list(set(hashes))
    for i in range(0, len(todo), 500):
        part = todo[i:i + 500]
        q = ("SELECT c.text_hash, e.vector FROM chunks c JOIN embeddings e ON e.chunk_id = c.id "
             f"AND e.embedder = ? WHERE c.text_hash IN ({','.join('?' * len(part))})")
        for h, v in conn.execute(q, (embedder, *part)):
            out[h] = v
    return out


def _delete_doc_rows(conn: sqlite3.Connection, doc_id: int, seq: int) -> None:
    conn.execute("INSERT INTO tombstones(seq, chunk_id, embedder) SELECT ?, e.chunk_id, e.embedder "
                 "FROM embeddings e JOIN chunks c ON c.id = e.chunk_id WHERE c.doc_id = ?", (seq, doc_id))
    conn.execute("DELETE FROM chunks_fts WHERE rowid IN (SELECT id FROM chunks WHERE doc_id = ?)", (doc_id,))
    conn.execute("DELETE FROM documents WHERE id = ?", (doc_id,))  # cascades to chunks, embeddings, tags


def write_document(conn: sqlite3.Connection, source_id: int, doc: NewDocument, embedder: str,
                   extra_vectors: dict[str, np.ndarray] | None = None) -> int:
    """Replace whatever is stored at doc.path with doc; call inside write_tx (one doc = one transaction).

    `extra_vectors` holds vectors of other embedders (while switching models, both are kept current).
    """
    seq = next_seq(conn)
    old = conn.execute("SELECT id FROM documents WHERE path = ?", (doc.path,)).fetchone()
    if old:
        _delete_doc_rows(conn, int(old[0]), seq)
    doc_id = int(conn.execute(
        "INSERT INTO documents(source_id, path, content_hash, size, mtime_ns, parser, title, note_date,"
        " metadata, indexed_at, date_source, context) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        (source_id, doc.path, doc.content_hash, doc.size, doc.mtime_ns, doc.parser, doc.title,
         doc.note_date, json.dumps(doc.metadata, default=str), time.time(), doc.date_source,
         doc.context)).lastrowid)
    conn.executemany("INSERT INTO tags(doc_id, tag) VALUES (?, ?)",
                     [(doc_id, t) for t in sorted(set(doc.metadata.get("tags", [])))])
    conn.executemany("INSERT INTO links(doc_id, target) VALUES (?, ?)",
                     [(doc_id, t) for t in sorted(set(doc.metadata.get("links", [])))])
    title = doc.context or doc.title or ""
    extra = extra_vectors or {}
    dates = doc.chunk_dates or [(None, None, None)] * len(doc.chunks)
    for i, (chunk, text_hash, vec) in enumerate(zip(doc.chunks, doc.text_hashes, doc.vectors, strict=True)):
        cid = int(conn.execute(
            "INSERT INTO chunks(doc_id, ordinal, text, text_hash, heading_path, page, start_line, end_line,"
            " start_char, end_char, n_tokens, date_start, date_end, date_carried) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (doc_id, chunk.ordinal, chunk.text, text_hash, json.dumps(list(chunk.heading_path)),
             chunk.location.page, chunk.location.start_line, chunk.location.end_line,
             chunk.start_char, chunk.end_char, chunk.n_tokens, *dates[i])).lastrowid)
        if chunk.location.start_s is not None:  # audio: where the passage is spoken
            conn.execute("UPDATE chunks SET start_s = ?, end_s = ? WHERE id = ?",
                         (chunk.location.start_s, chunk.location.end_s, cid))
        conn.execute("INSERT INTO embeddings(chunk_id, embedder, vector, seq) VALUES (?,?,?,?)",
                     (cid, embedder, np.asarray(vec, dtype="<f4").tobytes(), seq))
        for other, vecs in extra.items():
            conn.execute("INSERT INTO embeddings(chunk_id, embedder, vector, seq) VALUES (?,?,?,?)",
                         (cid, other, np.asarray(vecs[i], dtype="<f4").tobytes(), seq))
        conn.execute("INSERT INTO chunks_fts(rowid, title, headings, text, stems) VALUES (?,?,?,?,?)",
                     (cid, *fts_row(title, " ".join(chunk.heading_path), chunk.text,
                                    doc.chunk_langs[i] if doc.chunk_langs else doc.lang)))
    if doc.lang is not None:
        langs = doc.chunk_langs or [doc.lang] * len(doc.chunks)
        set_languages(conn, doc_id, doc.lang, [(c.ordinal, lang) for c, lang in zip(doc.chunks, langs, strict=True)])
    conn.execute("DELETE FROM failures WHERE path = ?", (doc.path,))
    return doc_id


def set_languages(conn: sqlite3.Connection, doc_id: int, lang: str,
                  chunk_langs: Sequence[tuple[int, str]]) -> None:
    """Record the language of a note and of its chunks, as (ordinal, lang); call inside write_tx."""
    conn.execute("UPDATE documents SET lang = ? WHERE id = ?", (lang, doc_id))
    conn.executemany("UPDATE chunks SET lang = ? WHERE doc_id = ? AND ordinal = ?",
                     [(chunk_lang, doc_id, ordinal) for ordinal, chunk_lang in chunk_langs])


def reindex_fts(conn: sqlite3.Connection, doc_id: int) -> None:
    """Rewrite a document's FTS rows from its chunks (after its languages changed); call inside write_tx."""
    rows = conn.execute("SELECT c.id, coalesce(d.context, d.title, ''), c.heading_path, c.text, c.lang FROM chunks c "
                        "JOIN documents d ON d.id = c.doc_id WHERE c.doc_id = ?", (doc_id,)).fetchall()
    conn.executemany("DELETE FROM chunks_fts WHERE rowid = ?", [(r[0],) for r in rows])
    conn.executemany("INSERT INTO chunks_fts(rowid, title, headings, text, stems) VALUES (?,?,?,?,?)",
                     [(r[0], *fts_row(r[1], " ".join(json.loads(r[2])), r[3], r[4])) for r in rows])


def languages(conn: sqlite3.Connection) -> dict[str, dict[str, int]]:
    """Per language: how many notes and chunks ("und" = undetermined; not-yet-detected ones left out)."""
    out: dict[str, dict[str, int]] = {}
    for lang, n in conn.execute("SELECT lang, count(*) FROM documents WHERE lang IS NOT NULL GROUP BY lang"):
        out.setdefault(lang, {"documents": 0, "chunks": 0})["documents"] = n
    for lang, n in conn.execute("SELECT lang, count(*) FROM chunks WHERE lang IS NOT NULL GROUP BY lang"):
        out.setdefault(lang, {"documents": 0, "chunks": 0})["chunks"] = n
    return dict(sorted(out.items(), key=lambda kv: (-kv[1]["documents"], kv[0])))


def docs_without_language(conn: sqlite3.Connection, limit: int) -> list[tuple[int, list[tuple[int, str]]]]:
    """Notes indexed before language detection: (doc_id, [(ordinal, chunk text)])."""
    ids = [r[0] for r in conn.execute("SELECT id FROM documents WHERE lang IS NULL ORDER BY id LIMIT ?", (limit,))]
    return [(i, [(r[0], r[1]) for r in conn.execute(
        "SELECT ordinal, text FROM chunks WHERE doc_id = ? ORDER BY ordinal", (i,))]) for i in ids]


def move_document(conn: sqlite3.Connection, doc_id: int, new_path: str, source_id: int,
                  mtime_ns: int, size: int) -> None:
    """A renamed or moved file: same content, new path; chunks and vectors stay."""
    clash = conn.execute("SELECT id FROM documents WHERE path = ? AND id != ?", (new_path, doc_id)).fetchone()
    if clash:
        _delete_doc_rows(conn, int(clash[0]), next_seq(conn))
    conn.execute("UPDATE documents SET path = ?, source_id = ?, mtime_ns = ?, size = ? WHERE id = ?",
                 (new_path, source_id, mtime_ns, size, doc_id))
    conn.execute("DELETE FROM failures WHERE path = ?", (new_path,))


def touch_document(conn: sqlite3.Connection, doc_id: int, mtime_ns: int, size: int) -> None:
    """Content unchanged but mtime moved: remember the new stat so the next sync skips it unread."""
    conn.execute("UPDATE documents SET mtime_ns = ?, size = ? WHERE id = ?", (mtime_ns, size, doc_id))


def delete_documents(conn: sqlite3.Connection, doc_ids: Sequence[int]) -> None:
    """Forget documents (their chunks, vectors and FTS rows); call inside write_tx."""
    if not doc_ids:
        return
    seq = next_seq(conn)
    for doc_id in doc_ids:
        _delete_doc_rows(conn, doc_id, seq)


def record_failure(conn: sqlite3.Connection, path: str, source_id: int | None, reason: str) -> None:
    """Remember why a file was skipped; shown by `memex status`."""
    conn.execute("INSERT INTO failures(path, source_id, reason, at) VALUES (?,?,?,?) ON CONFLICT(path) "
                 "DO UPDATE SET reason = excluded.reason, at = excluded.at, source_id = excluded.source_id",
                 (path, source_id, reason, time.time()))


def clear_failures(conn: sqlite3.Connection, source_id: int, keep: Iterable[str]) -> None:
    """Drop failure records of a source for files no longer failing or present."""
    keep_set = set(keep)
    for (path,) in conn.execute("SELECT path FROM failures WHERE source_id = ?", (source_id,)).fetchall():
        if path not in keep_set:
            conn.execute("DELETE FROM failures WHERE path = ?", (path,))


def remove_source(conn: sqlite3.Connection, source_id: int) -> int:
    """Forget a source and all its documents; returns how many documents were removed."""
    ids = [r[0] for r in conn.execute("SELECT id FROM documents WHERE source_id = ?", (source_id,))]
    delete_documents(conn, ids)
    conn.execute("DELETE FROM failures WHERE source_id = ?", (source_id,))
    conn.execute("DELETE FROM sources WHERE id = ?", (source_id,))
    return len(ids)


def add_exclusion(conn: sqlite3.Connection, path: str) -> None:
    """Never index `path` (a file or folder inside a source) again until it is added explicitly."""
    conn.execute("INSERT OR REPLACE INTO exclusions(path, added_at) VALUES (?, ?)", (path, time.time()))


def drop_exclusions_under(conn: sqlite3.Connection, path: str) -> None:
    """`memex add PATH` undoes earlier removals of PATH and everything under it."""
    conn.execute("DELETE FROM exclusions WHERE path = ? OR substr(path, 1, length(?) + 1) = ? || '/'",
                 (path, path, path))


def exclusions(conn: sqlite3.Connection) -> list[str]:
    """Paths removed by the user from inside a source."""
    return [r[0] for r in conn.execute("SELECT path FROM exclusions")]


def get_meta(conn: sqlite3.Connection, key: str) -> str | None:
    """A value from the meta table."""
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return None if row is None else str(row[0])


def set_meta(conn: sqlite3.Connection, key: str, value: str) -> None:
    """Set a meta value; call inside write_tx."""
    conn.execute("INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                 (key, value))


def chunks_missing_vectors(conn: sqlite3.Connection, embedder: str, limit: int) -> list[tuple[int, str, str, str]]:
    """Chunks without a vector from `embedder`: (chunk_id, title, heading_path JSON, text)."""
    return [(r[0], r[1] or "", r[2], r[3]) for r in conn.execute(
        "SELECT c.id, coalesce(d.context, d.title), c.heading_path, c.text FROM chunks c "
        "JOIN documents d ON d.id = c.doc_id "
        "WHERE NOT EXISTS (SELECT 1 FROM embeddings e WHERE e.chunk_id = c.id AND e.embedder = ?) "
        "ORDER BY c.id LIMIT ?", (embedder, limit))]


def add_vectors(conn: sqlite3.Connection, embedder: str, rows: Iterable[tuple[int, bytes]]) -> None:
    """Store vectors for existing chunks; call inside write_tx."""
    seq = next_seq(conn)
    conn.executemany("INSERT OR REPLACE INTO embeddings(chunk_id, embedder, vector, seq) VALUES (?,?,?,?)",
                     [(cid, embedder, v, seq) for cid, v in rows])


def drop_vectors(conn: sqlite3.Connection, embedder: str) -> int:
    """Delete every vector of an embedder no longer in use; call inside write_tx."""
    seq = next_seq(conn)
    conn.execute("INSERT INTO tombstones(seq, chunk_id, embedder) SELECT ?, chunk_id, embedder FROM embeddings "
                 "WHERE embedder = ?", (seq, embedder))
    return conn.execute("DELETE FROM embeddings WHERE embedder = ?", (embedder,)).rowcount
