"""Long-term memory: facts the user asks Memex to remember, kept as Markdown notes in <home>/memories.

Memories are ordinary notes of a registered source, so search and answers find and cite them like any
other note, and the file itself is the provenance (date, origin, time). Only the user's own words
("remember that ...") create one; nothing in a note or in a model's reply can.
"""
from __future__ import annotations

import datetime as dt
import re
import secrets
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

import yaml

from memex.config import Settings
from memex.domain import Answer, Citation, Location
from memex.errors import MemexError


class Notebook(Protocol):
    """What memories need: the home (settings), indexing a folder, reading a document back (the Brain has them)."""

    settings: Settings

    def add(self, paths: Sequence[Path | str], progress: Any = None, embed_cache: Any = None) -> Any: ...

    def document(self, doc_id: int | None = None, path: str | None = None) -> dict[str, Any] | None: ...


MEMORY_FOLDER = "memories"
_REMEMBER = re.compile(r"^\s*(?:please\s+|memex,?\s+)?(?:remember|memorize|memorise)(?:\s+that|\s*:)\s+(?P<fact>.+)$",
                       re.I | re.S)
_SLUG = re.compile(r"[^a-z0-9]+")
MAX_FACT_CHARS = 4000


def memory_dir(notes: Notebook) -> Path:
    """Where memory notes live."""
    return notes.settings.home / MEMORY_FOLDER


def parse_remember(text: str) -> str | None:
    """The fact in "remember that <fact>", or None when the text is not such a request."""
    m = _REMEMBER.match(text)
    if not m:
        return None
    fact = " ".join(m.group("fact").split()).rstrip()
    return fact or None


def remember(notes: Notebook, fact: str, origin: str = "cli") -> dict[str, Any]:
    """Store `fact` as a memory note and index it; returns the memory's record."""
    fact = " ".join(fact.split())
    if not fact:
        raise MemexError("nothing to remember: the fact is empty")
    if len(fact) > MAX_FACT_CHARS:
        raise MemexError(f"a memory is at most {MAX_FACT_CHARS} characters; this one has {len(fact)}")
    now = dt.datetime.now(dt.timezone.utc)
    mid = f"{now:%Y%m%d}-{secrets.token_hex(3)}"
    slug = _SLUG.sub("-", fact.lower())[:40].strip("-") or "memory"
    folder = memory_dir(notes)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{mid}-{slug}.md"
    front = {"title": f"Memory: {fact[:60]}", "date": now.date().isoformat(), "tags": ["memory"],
             "memex_memory": mid, "origin": origin, "remembered_at": now.isoformat(timespec="seconds")}
    body = f"---\n{yaml.safe_dump(front, allow_unicode=True, sort_keys=False)}---\n{fact}\n"
    tmp = path.with_suffix(".tmp")
    tmp.write_text(body, encoding="utf-8")
    tmp.replace(path)
    notes.add([folder])
    return {"id": mid, "path": str(path), "fact": fact, "date": front["date"], "origin": origin}


def _read(path: Path) -> dict[str, Any] | None:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    m = re.match(r"^---\n(.*?)\n---\n(.*)$", text, re.S)
    if not m:
        return None
    try:
        front = yaml.safe_load(m.group(1)) or {}
    except yaml.YAMLError:
        return None
    if not isinstance(front, dict) or "memex_memory" not in front:
        return None
    return {"id": str(front["memex_memory"]), "path": str(path), "fact": m.group(2).strip(),
            "date": str(front.get("date", "")), "origin": str(front.get("origin", "")),
            "remembered_at": str(front.get("remembered_at", ""))}


def list_memories(notes: Notebook) -> list[dict[str, Any]]:
    """Every memory, oldest first."""
    folder = memory_dir(notes)
    if not folder.is_dir():
        return []
    found = (_read(p) for p in sorted(folder.glob("*.md")))
    return sorted((m for m in found if m), key=lambda m: (m["remembered_at"], m["id"]))


def forget(notes: Notebook, memory_id: str) -> dict[str, Any]:
    """Delete one memory (file and index entries); returns what was forgotten."""
    match = [m for m in list_memories(notes) if m["id"] == memory_id]
    if not match:
        raise MemexError(f"no memory with id {memory_id!r} (see `memex memory list`)")
    Path(match[0]["path"]).unlink()
    notes.add([memory_dir(notes)])  # re-syncs the memories source: the vanished file leaves the index
    return match[0]


def remember_answer(notes: Notebook, fact: str, origin: str) -> Answer:
    """Handle "remember that ...": store the fact and answer with a citation to the new memory note."""
    record = remember(notes, fact, origin)
    doc = notes.document(path=record["path"])
    citations = []
    if doc and doc["chunks"]:
        ch = doc["chunks"][0]
        citations.append(Citation(n=1, path=record["path"], chunk_id=ch["chunk_id"], quote=fact[:300],
                                  location=Location(heading=None, start_line=ch["start_line"],
                                                    end_line=ch["end_line"])))
    marker = " [1]" if citations else ""
    return Answer(f"OK, I'll remember that: {fact}{marker}", citations, False,
                  {"memory": {"id": record["id"], "path": record["path"]}})
