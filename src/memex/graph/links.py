"""Links a note makes: [[wikilinks]] (alias, heading, ^block), ![[embeds]], Markdown links, front-matter relations.

Pure functions over a note's stored chunk text and metadata: the graph never re-reads files. Every
pattern here is a linear scan (no nested quantifiers), so a note with 10k links costs milliseconds.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import unquote

MAX_LINKS_PER_NOTE = 5000
"""A note with more distinct links than this keeps the first ones (a generated index of 10k links
would otherwise dominate every neighbourhood it touches)."""

_WIKILINK = re.compile(r"(!?)\[\[([^\[\]\n]{1,500})\]\]")
_MDLINK = re.compile(r"(!?)\[([^\[\]\n]{0,500})\]\(([^()\s]{1,1000})(?:\s+\"[^\"\n]{0,200}\")?\)")
_SKIP_PROPERTIES = {"tags", "tag", "aliases", "alias", "title", "date", "created", "updated", "cssclass",
                    "cssclasses", "publish", "permalink", "description"}
NOTE_EXTENSIONS = (".md", ".markdown", ".txt")


@dataclass(frozen=True)
class Link:
    """One outgoing link of a note."""

    target: str
    """As written (without alias), e.g. "Deployment runbook#Rollback"."""
    name: str
    """Normalised name of the target note, used to resolve it."""
    kind: str
    """link | embed | mdlink | property."""
    anchor: str | None = None
    alias: str | None = None
    context: str | None = None
    path_hint: str | None = None
    """For Markdown links and folder-qualified wikilinks: the target path (relative, no extension)."""


def name_key(text: str) -> str:
    """How names compare: Unicode NFC, case-folded, inner whitespace collapsed, no .md suffix."""
    s = unicodedata.normalize("NFC", text).casefold()
    for ext in NOTE_EXTENSIONS:
        if s.endswith(ext):
            s = s[: -len(ext)]
            break
    # kebab-case and snake_case file names compare like the words they spell ("thursday-football")
    return " ".join(s.replace("_", " ").replace("-", " ").split())


def note_names(path: str, title: str | None, aliases: list[str] | None) -> set[str]:
    """The names a link to this note may use: file stem, title, aliases."""
    p = PurePosixPath(path)
    names = {name_key(p.stem), name_key(p.name)}
    for extra in [title, *(aliases or [])]:
        if extra and str(extra).strip():
            names.add(name_key(str(extra)))
    names.discard("")
    return names


def _context(text: str, start: int, end: int) -> str:
    """The sentence (or line) around a match, cut to 300 characters."""
    lo = max(0, start - 250)
    dots = [i + 1 for i in (text.rfind(p, lo, start) for p in (". ", "! ", "? ")) if i >= 0]
    left = max(text.rfind("\n", lo, start), *dots, lo - 1 if lo else -1)
    hi = min(len(text), end + 250)
    ends = [i for i in (text.find(p, end, hi) for p in ("\n", ". ", "! ", "? ")) if i != -1]
    right = min(ends) + 1 if ends else hi
    return " ".join(text[left + 1:right].split())[:300]


def _split_target(inner: str) -> tuple[str, str | None, str | None]:
    """'Note#Heading|Alias' -> ('Note', 'Heading', 'Alias'); '#^block' anchors keep the caret."""
    target, _, alias = inner.partition("|")
    target = target.rstrip("\\").strip()
    note, _, anchor = target.partition("#")
    return note.strip(), (anchor.strip() or None), (alias.strip() or None)


def links_in_text(text: str) -> list[Link]:
    """Wikilinks, embeds and Markdown links to local notes in a piece of note text."""
    out: list[Link] = []
    for m in _WIKILINK.finditer(text):
        note, anchor, alias = _split_target(m.group(2))
        if not note:
            continue  # [[#Heading]]: a link inside the same note
        hint = note if "/" in note else None
        out.append(Link(target=note + (f"#{anchor}" if anchor else ""), name=name_key(PurePosixPath(note).name),
                        kind="embed" if m.group(1) else "link", anchor=anchor, alias=alias,
                        context=_context(text, m.start(), m.end()), path_hint=hint))
    for m in _MDLINK.finditer(text):
        href = m.group(3)
        if "://" in href or href.startswith(("mailto:", "#", "/")):
            continue  # web links and in-page anchors are not notes
        raw, _, anchor = unquote(href).partition("#")
        if not raw or not raw.lower().endswith(NOTE_EXTENSIONS + (".pdf", ".docx", ".html", ".htm")):
            continue
        p = PurePosixPath(raw)
        out.append(Link(target=raw + (f"#{anchor}" if anchor else ""), name=name_key(p.name),
                        kind="embed" if m.group(1) else "mdlink", anchor=anchor or None,
                        alias=m.group(2).strip() or None, context=_context(text, m.start(), m.end()),
                        path_hint=raw))
    return out


def property_links(front_matter: dict[str, Any]) -> list[Link]:
    """Front-matter relations: [[links]] in any property, and plain names in list/str properties.

    Plain values ("attendees: [Priya Raman]", "project: Heron") become candidates that resolve only if a
    note of that name exists; unresolved ones are dropped rather than kept as placeholders.
    """
    out: list[Link] = []

    def walk(key: str, value: Any) -> None:
        if isinstance(value, str):
            found = False
            for m in _WIKILINK.finditer(value):
                note, anchor, alias = _split_target(m.group(2))
                if note:
                    found = True
                    out.append(Link(target=note, name=name_key(PurePosixPath(note).name), kind="property",
                                    anchor=anchor, alias=alias, context=f"{key}: {value}"[:300]))
            if not found and 0 < len(value) <= 120 and "\n" not in value:
                out.append(Link(target=value.strip(), name=name_key(value), kind="property",
                                context=f"{key}: {value}"[:300], path_hint="?"))  # "?": only if it resolves
        elif isinstance(value, list):
            for v in value[:200]:
                walk(key, v)

    for key, value in (front_matter or {}).items():
        if str(key).lower() not in _SKIP_PROPERTIES:
            walk(str(key), value)
    return out


def note_links(chunk_texts: list[str], metadata: dict[str, Any]) -> list[Link]:
    """Every distinct outgoing link of a note (first occurrence kept), capped at MAX_LINKS_PER_NOTE."""
    seen: dict[tuple[str, str, str | None], Link] = {}
    for link in property_links(metadata.get("front_matter") or {}):
        seen.setdefault((link.kind, link.name, link.anchor), link)
    for text in chunk_texts:
        if "[" not in text:
            continue
        for link in links_in_text(text):
            seen.setdefault((link.kind, link.name, link.anchor), link)
            if len(seen) >= MAX_LINKS_PER_NOTE:
                return list(seen.values())
    # the parser's own list covers links a chunk boundary cut in two (a very long line of links)
    names = {(lk.name) for lk in seen.values()}
    for target in metadata.get("links") or []:
        if len(seen) >= MAX_LINKS_PER_NOTE:
            break
        key = name_key(PurePosixPath(str(target)).name)
        if key and key not in names:
            names.add(key)
            seen[("link", key, None)] = Link(target=str(target), name=key, kind="link",
                                             path_hint=str(target) if "/" in str(target) else None)
    return list(seen.values())
