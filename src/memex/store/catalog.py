"""Read-only listings of indexed documents for the servers: pages, recent notes, wikilink neighbours."""
from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any


@dataclass(frozen=True)
class DocSummary:
    """A document without its text."""

    id: int
    path: str
    title: str | None
    date: str | None
    parser: str
    size: int
    chunks: int
    indexed_at: float

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {"id": self.id, "path": self.path, "title": self.title, "date": self.date,
                "parser": self.parser, "size": self.size, "chunks": self.chunks, "indexed_at": self.indexed_at}


_SUMMARY = ("SELECT d.id, d.path, d.title, d.note_date, d.parser, d.size, "
            "(SELECT count(*) FROM chunks c WHERE c.doc_id = d.id), d.indexed_at FROM documents d")


def _where(path_glob: str | None, tags: Sequence[str], after: str | None,
           before: str | None) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    args: list[Any] = []
    if path_glob:
        clauses.append("d.path GLOB ?")
        args.append(path_glob if path_glob.startswith(("/", "*")) else f"*{path_glob}")
    for t in tags:
        clauses.append("d.id IN (SELECT doc_id FROM tags WHERE tag = ?)")
        args.append(t.lstrip("#").lower())
    # Dates as search and export read them (retrieve/search._doc_filter_sql): a note is in a date window when
    # any of its passages is, by the dates written in it, else by the note's date.
    for bound, column, op in ((after, "date_end", ">="), (before, "date_start", "<=")):
        if bound:
            clauses.append(f"EXISTS (SELECT 1 FROM chunks x WHERE x.doc_id = d.id AND coalesce(x.{column}, "
                           f"d.note_date) {op} ?)")
            args.append(bound)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", args


def list_documents(conn: sqlite3.Connection, *, path_glob: str | None = None, tags: Sequence[str] = (),
                   after: str | None = None, before: str | None = None, limit: int = 50,
                   offset: int = 0) -> tuple[int, list[DocSummary]]:
    """One page of documents ordered by path, and how many match in all."""
    where, args = _where(path_glob, tags, after, before)
    total = int(conn.execute(f"SELECT count(*) FROM documents d{where}", args).fetchone()[0])
    rows = conn.execute(f"{_SUMMARY}{where} ORDER BY d.path LIMIT ? OFFSET ?", (*args, limit, offset))
    return total, [DocSummary(*r) for r in rows]


def recent_documents(conn: sqlite3.Connection, n: int) -> list[DocSummary]:
    """The n most recently dated (then indexed) documents."""
    rows = conn.execute(f"{_SUMMARY} ORDER BY coalesce(d.note_date, '') DESC, d.indexed_at DESC, d.id DESC "
                        "LIMIT ?", (n,))
    return [DocSummary(*r) for r in rows]


def summary(conn: sqlite3.Connection, doc_id: int) -> DocSummary | None:
    """One document's summary by id."""
    row = conn.execute(f"{_SUMMARY} WHERE d.id = ?", (doc_id,)).fetchone()
    return DocSummary(*row) if row else None


def link_names(path: str, title: str | None) -> set[str]:
    """What a [[wikilink]] to this document may say: its title, file stem, or vault-relative stem."""
    p = PurePosixPath(path)
    names = {p.stem.lower(), p.name.lower()}
    if title:
        names.add(title.lower())
    return names


def target_name(target: str) -> str:
    """The name a [[wikilink]] target compares by (last path part, lower-cased, no .md)."""
    return PurePosixPath(target.strip()).name.lower().removesuffix(".md")


def linked_documents(conn: sqlite3.Connection, doc_id: int) -> tuple[list[DocSummary], list[DocSummary]]:
    """Documents this one links to with [[wikilinks]], and documents linking to it."""
    me = summary(conn, doc_id)
    if me is None:
        return [], []
    all_docs = {r[0]: (r[1], r[2]) for r in conn.execute("SELECT id, path, title FROM documents")}
    by_name: dict[str, set[int]] = {}
    for i, (path, title) in all_docs.items():
        for name in link_names(path, title):
            by_name.setdefault(name.removesuffix(".md"), set()).add(i)
    targets = [r[0] for r in conn.execute("SELECT target FROM links WHERE doc_id = ?", (doc_id,))]
    out_ids = sorted({i for t in targets for i in by_name.get(target_name(t), ()) if i != doc_id})
    my_names = {n.removesuffix(".md") for n in link_names(me.path, me.title)}
    in_ids = sorted({int(r[0]) for r in conn.execute("SELECT doc_id, target FROM links WHERE doc_id != ?",
                                                     (doc_id,)) if target_name(r[1]) in my_names})
    return [s for i in out_ids if (s := summary(conn, i))], [s for i in in_ids if (s := summary(conn, i))]


def chunk_ids_of(conn: sqlite3.Connection, doc_id: int) -> list[int]:
    """A document's chunk ids in order."""
    return [int(r[0]) for r in conn.execute("SELECT id FROM chunks WHERE doc_id = ? ORDER BY ordinal", (doc_id,))]


def doc_of_chunks(conn: sqlite3.Connection, chunk_ids: Sequence[int]) -> dict[int, int]:
    """chunk id -> document id."""
    if not chunk_ids:
        return {}
    ids = list(chunk_ids)
    out: dict[int, int] = {}
    for i in range(0, len(ids), 500):
        part = ids[i:i + 500]
        out.update((int(r[0]), int(r[1])) for r in conn.execute(
            f"SELECT id, doc_id FROM chunks WHERE id IN ({','.join('?' * len(part))})", part))
    return out


def summary_by_path(conn: sqlite3.Connection, path: str) -> DocSummary | None:
    """One document's summary by absolute path."""
    row = conn.execute(f"{_SUMMARY} WHERE d.path = ?", (path,)).fetchone()
    return DocSummary(*row) if row else None
