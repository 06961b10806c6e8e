"""Saved answers (`memex ask --save`) and conversation threads, written as notes whose citations are links.

A saved answer is kept in `<home>/answers/` as a Markdown note whose front matter holds the question, the
answer and its citations, so an export can render it again with links into the exported vault. Saved
answers are never indexed (an answer citing an older answer instead of the notes would be circular).
"""
from __future__ import annotations

import datetime as dt
import json
import os
import re
import secrets
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any, Protocol

import yaml

from memex.errors import MemexError
from memex.portability.names import safe_component
from memex.portability.notes import Anchor, LinkStyle, front_matter_block, heading_anchor, iso_time
from memex.store import documents as docs
from memex.store.db import write_tx

ANSWERS_FOLDER = "answers"
_SLUG = re.compile(r"[^\w]+")


# ---- where a citation lands -----------------------------------------------------------------------
@dataclass(frozen=True)
class CitedChunk:
    """A citation resolved against the store: which document and chunk it points at now."""

    doc_id: int
    path: str
    ordinal: int | None
    heading_path: tuple[str, ...]
    title: str | None
    page: int | None = None


def resolve_citation(conn: sqlite3.Connection, citation: dict[str, Any]) -> CitedChunk | None:
    """Find the chunk a citation points at: by id, else by its quote, else by its heading (None if the note is gone)."""
    path = citation.get("path")
    row = conn.execute("SELECT id, title FROM documents WHERE path = ?", (path,)).fetchone()
    if row is None:
        return None
    doc_id, title = int(row[0]), row[1]
    chunk = None
    cid = str(citation.get("chunk_id") or "")
    if cid.isdigit():
        chunk = conn.execute("SELECT ordinal, heading_path, page FROM chunks WHERE id = ? AND doc_id = ?",
                             (int(cid), doc_id)).fetchone()
    quote = " ".join(str(citation.get("quote") or "").split())
    if chunk is None and quote:
        # The note was re-indexed since (chunk ids changed): find the passage by its words.
        probe = quote[:60].replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        chunk = conn.execute("SELECT ordinal, heading_path, page FROM chunks WHERE doc_id = ? AND "
                             "replace(replace(text, char(10), ' '), '  ', ' ') LIKE ? ESCAPE '\\' ORDER BY ordinal",
                             (doc_id, f"%{probe}%")).fetchone()
    if chunk is None:
        loc = citation.get("location") or {}
        heading = loc.get("heading")
        return CitedChunk(doc_id, str(path), None, (heading,) if heading else (), title, loc.get("page"))
    return CitedChunk(doc_id, str(path), int(chunk[0]), tuple(json.loads(chunk[1])), title, chunk[2])


class LinkTargets(Protocol):
    """Where a document lives in the output, and the anchor of one of its chunks."""

    def target(self, cited: CitedChunk) -> tuple[str, Anchor | None] | None:
        """(note path relative to the vault root, anchor) or None when the note is not in the output."""
        ...


class SourceTargets:
    """Links into the user's own vault: a note's path relative to its source folder, headings as anchors."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.roots = [r[0] for r in conn.execute("SELECT path FROM sources ORDER BY length(path) DESC")]

    def target(self, cited: CitedChunk) -> tuple[str, Anchor | None] | None:
        rel = cited.path
        for root in self.roots:
            if cited.path.startswith(root.rstrip(os.sep) + os.sep):
                rel = os.path.relpath(cited.path, root)
                break
        else:
            rel = os.path.basename(cited.path)
        rel = rel.replace(os.sep, "/")
        if rel.lower().endswith(".pdf") and cited.page:
            return rel, Anchor("pdfpage", (str(cited.page),))  # Obsidian opens the PDF at that page
        anchor = None
        if cited.heading_path and rel.lower().endswith(".md"):
            paths = [tuple(json.loads(r[0])) for r in self.conn.execute(
                "SELECT DISTINCT heading_path FROM chunks WHERE doc_id = ?", (cited.doc_id,))]
            anchor = heading_anchor(cited.heading_path, paths)
        return rel, anchor


def _label(cited: CitedChunk, location: dict[str, Any] | None) -> str:
    name = cited.title or PurePosixPath(cited.path).stem
    loc = location or {}
    parts = [name]
    heading = str(loc.get("heading") or (cited.heading_path[-1] if cited.heading_path else ""))
    if heading and heading.strip().lower() not in (name.strip().lower(), PurePosixPath(cited.path).stem.lower()):
        parts.append(heading)
    label = " › ".join(parts)
    if loc.get("page"):
        label += f", p. {loc['page']}"
    return label


def _sources(citations: Sequence[dict[str, Any]], conn: sqlite3.Connection, targets: LinkTargets,
             style: LinkStyle, from_rel: str, marker_prefix: str = "") -> tuple[list[str], list[str]]:
    """A "Sources" list (one line per citation, a link to the passage and its quote) and, for the
    Markdown style, reference definitions that make the inline [n] markers clickable."""
    lines, refs = [], []
    for c in citations:
        n = c.get("n")
        cited = resolve_citation(conn, c)
        quote = " ".join(str(c.get("quote") or "").split())
        if cited is None:
            lines.append(f"{n}. {c.get('path')} (no longer indexed)")
        else:
            place = targets.target(cited)
            if place is None:
                lines.append(f"{n}. {_label(cited, c.get('location'))} (not in this export)")
            else:
                rel, anchor = place
                if cited.ordinal is None and anchor is None and cited.heading_path:
                    anchor = Anchor("heading", cited.heading_path)
                lines.append(f"{n}. {style.link(rel, anchor, _label(cited, c.get('location')), from_rel)}")
                if not style.obsidian:
                    href = style.link(rel, anchor, "x", from_rel).split("](<", 1)[1][:-2]
                    refs.append(f"[{marker_prefix}{n}]: <{href}>")
        if quote:
            lines.append(f"   > {quote[:400]}")
    return lines, refs


# ---- saved answers --------------------------------------------------------------------------------
@dataclass(frozen=True)
class SavedAnswer:
    """An answer kept as a note."""

    id: str
    question: str
    answer: str
    citations: list[dict[str, Any]]
    abstained: bool
    asked_at: str
    llm: str
    path: Path | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON form (also what the archive stores)."""
        return {"id": self.id, "question": self.question, "answer": self.answer, "citations": self.citations,
                "abstained": self.abstained, "asked_at": self.asked_at, "llm": self.llm}


def answers_dir(home: Path) -> Path:
    """Where saved answers live."""
    return home / ANSWERS_FOLDER


def render_answer(saved: SavedAnswer, conn: sqlite3.Connection, targets: LinkTargets, style: LinkStyle,
                  from_rel: str) -> str:
    """A saved answer as a note: the question, the answer, and each source as a link to the exact passage."""
    fm = {"title": f"Q: {saved.question[:120]}", "date": saved.asked_at[:10], "tags": ["memex/answer"],
          "memex_answer": saved.id, "memex_question": saved.question, "memex_asked": saved.asked_at,
          "memex_llm": saved.llm, "memex_abstained": saved.abstained, "memex_answer_text": saved.answer,
          "memex_citations": saved.citations}
    lines, refs = _sources(saved.citations, conn, targets, style, from_rel)
    body = [f"# {saved.question.strip()}", "", saved.answer.strip()]
    if saved.abstained:
        body += ["", "*Memex found no support for an answer in the notes.*"]
    if lines:
        body += ["", "## Sources", "", *lines]
    if refs:
        body += ["", *refs]
    return front_matter_block(fm) + "\n" + "\n".join(body) + "\n"


def save_answer(conn: sqlite3.Connection, home: Path, question: str, result: dict[str, Any], llm: str,
                dest: Path | None = None, style: LinkStyle | None = None) -> list[Path]:
    """Keep an answer (the `ask --json` dict) in `<home>/answers/`, and also at `dest` (a folder or .md file).

    Returns the paths written. A copy inside a registered source folder is excluded from indexing.
    """
    style = style or LinkStyle("obsidian")
    now = dt.datetime.now(dt.timezone.utc)
    saved = SavedAnswer(id=f"{now:%Y%m%d-%H%M%S}-{secrets.token_hex(2)}", question=question,
                        answer=str(result.get("answer", "")),
                        citations=[{k: c.get(k) for k in ("n", "path", "chunk_id", "quote", "location")}
                                   for c in result.get("citations", [])],
                        abstained=bool(result.get("abstained")), asked_at=now.isoformat(timespec="seconds"),
                        llm=llm)
    name = safe_component(f"{now:%Y-%m-%d} {_SLUG.sub(' ', question).strip()[:60] or 'answer'}.md")
    written = [_write_new(answers_dir(home), name, render_answer(saved, conn, SourceTargets(conn), style, name))]
    if dest is not None:
        dest = dest.expanduser()
        if dest.suffix.lower() == ".md":
            folder, name = dest.parent, safe_component(dest.name)
        else:
            folder = dest
        if not folder.is_dir():
            raise MemexError(f"no such folder: {folder}")
        path = _write_new(folder, name, render_answer(saved, conn, SourceTargets(conn), style, name))
        written.append(path)
        target = str(path.absolute())
        if any(target.startswith(root.rstrip(os.sep) + os.sep) for _, root in docs.list_sources(conn)):
            with write_tx(conn):  # inside a source folder: keep Memex from indexing (and citing) its own answer
                docs.add_exclusion(conn, target)
    return written


def _write_new(folder: Path, name: str, text: str) -> Path:
    """Write `text` to folder/name, never overwriting: a taken name gets ' (2)', ' (3)'…"""
    folder.mkdir(parents=True, exist_ok=True)
    stem, ext = os.path.splitext(name)
    for i in range(1, 1000):
        path = folder / (name if i == 1 else f"{stem} ({i}){ext}")
        try:
            with open(path, "x", encoding="utf-8") as f:
                f.write(text)
            return path
        except FileExistsError:
            continue
    raise MemexError(f"too many notes named {name} in {folder}")


def read_saved_answer(path: Path) -> SavedAnswer | None:
    """A saved answer from its note (None when the file is not one)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    m = re.match(r"^---\n(.*?)\n---\n", text, re.S)
    if not m:
        return None
    try:
        fm = yaml.safe_load(m.group(1))
    except yaml.YAMLError:
        return None
    if not isinstance(fm, dict) or "memex_answer" not in fm:
        return None
    return SavedAnswer(id=str(fm["memex_answer"]), question=str(fm.get("memex_question", "")),
                       answer=str(fm.get("memex_answer_text", "")), citations=list(fm.get("memex_citations") or []),
                       abstained=bool(fm.get("memex_abstained")), asked_at=str(fm.get("memex_asked", "")),
                       llm=str(fm.get("memex_llm", "")), path=path)


def saved_answers(home: Path) -> Iterator[SavedAnswer]:
    """Every saved answer in `<home>/answers/`, oldest first."""
    folder = answers_dir(home)
    if not folder.is_dir():
        return
    found = (read_saved_answer(p) for p in sorted(folder.glob("*.md")))
    yield from sorted((a for a in found if a), key=lambda a: (a.asked_at, a.id))


def restore_answer(home: Path, saved: dict[str, Any], conn: sqlite3.Connection) -> bool:
    """Import: write a saved answer into this home unless one with its id is there; True if written."""
    if any(a.id == saved["id"] for a in saved_answers(home)):
        return False
    answer = SavedAnswer(**{k: saved[k] for k in ("id", "question", "answer", "citations", "abstained",
                                                     "asked_at", "llm")})
    name = safe_component(f"{answer.asked_at[:10]} {_SLUG.sub(' ', answer.question).strip()[:60] or 'answer'}.md")
    _write_new(answers_dir(home), name, render_answer(answer, conn, SourceTargets(conn), LinkStyle("obsidian"), name))
    return True


# ---- conversation threads --------------------------------------------------------------------------
def thread_data(conn: sqlite3.Connection, thread_id: str) -> dict[str, Any]:
    """A thread and all its turns (question, answer, citations, time)."""
    row = conn.execute("SELECT id, title, created_at, updated_at FROM threads WHERE id = ?", (thread_id,)).fetchone()
    if row is None:
        raise MemexError(f"no conversation thread {thread_id!r} (see `memex chat --list`)")
    turns = [{"question": r[0], "answer": r[1], "result": json.loads(r[2] or "{}"), "at": r[3]}
             for r in conn.execute("SELECT question, answer, result, at FROM turns WHERE thread_id = ? ORDER BY id",
                                   (thread_id,))]
    return {"id": row[0], "title": row[1], "created_at": row[2], "updated_at": row[3], "turns": turns}


def render_thread(thread: dict[str, Any], conn: sqlite3.Connection, targets: LinkTargets, style: LinkStyle,
                  from_rel: str) -> str:
    """A conversation as a note: one section per question, each answer's sources linked to their passages."""
    title = thread["title"] or f"Conversation {thread['id']}"
    fm = {"title": title, "date": (iso_time(thread["created_at"]) or "")[:10], "tags": ["memex/conversation"],
          "memex_thread": thread["id"], "memex_created": iso_time(thread["created_at"]),
          "memex_updated": iso_time(thread["updated_at"]), "memex_turns": len(thread["turns"])}
    body = [f"# {title}"]
    all_refs: list[str] = []
    for i, turn in enumerate(thread["turns"], start=1):
        q = " ".join(turn["question"].split())
        body += ["", f"## {i}. {q[:200]}", "", f"*{iso_time(turn['at'])}*", "", turn["answer"].strip()]
        citations = (turn.get("result") or {}).get("citations") or []
        lines, refs = _sources(citations, conn, targets, style, from_rel)
        if not style.obsidian and refs:
            # Each turn numbers its citations from 1: keep its markers apart from the other turns'.
            body[-1] = re.sub(r"\[(\d+)\]", lambda m, i=i: f"[{i}.{m.group(1)}]", body[-1])
            refs = [r.replace("[", f"[{i}.", 1) for r in refs]
        if lines:
            body += ["", "Sources:", "", *lines]
        all_refs += refs
    if all_refs:
        body += ["", *all_refs]
    return front_matter_block({k: v for k, v in fm.items() if v is not None}) + "\n" + "\n".join(body) + "\n"


def thread_note(conn: sqlite3.Connection, thread_id: str, style: LinkStyle | None = None) -> tuple[str, str]:
    """(file name, note text) of one thread, with links relative to the user's own vault."""
    thread = thread_data(conn, thread_id)
    name = safe_component(f"{(thread['title'] or 'Conversation')[:80]} ({thread_id}).md")
    return name, render_thread(thread, conn, SourceTargets(conn), style or LinkStyle("obsidian"), name)


def answer_note(conn: sqlite3.Connection, question: str, result: dict[str, Any], llm: str,
                style: LinkStyle | None = None) -> tuple[str, str]:
    """(file name, note text) for an answer that is not saved (download buttons)."""
    now = dt.datetime.now(dt.timezone.utc)
    saved = SavedAnswer(id=f"{now:%Y%m%d-%H%M%S}", question=question, answer=str(result.get("answer", "")),
                        citations=list(result.get("citations", [])), abstained=bool(result.get("abstained")),
                        asked_at=now.isoformat(timespec="seconds"), llm=llm)
    name = safe_component(f"{now:%Y-%m-%d} {_SLUG.sub(' ', question).strip()[:60] or 'answer'}.md")
    return name, render_answer(saved, conn, SourceTargets(conn), style or LinkStyle("obsidian"), name)


def list_thread_ids(conn: sqlite3.Connection, since: float | None = None) -> list[str]:
    """Thread ids, oldest first (updated since `since`, when given)."""
    if since is None:
        return [r[0] for r in conn.execute("SELECT id FROM threads ORDER BY created_at, id")]
    return [r[0] for r in conn.execute("SELECT id FROM threads WHERE updated_at >= ? ORDER BY created_at, id",
                                       (since,))]
