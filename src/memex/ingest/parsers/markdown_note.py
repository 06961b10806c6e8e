"""Markdown / Obsidian notes: front matter, heading paths, fenced code, [[wikilinks]] and #tags.

Everything here is a single linear pass over lines (no backtracking regexes on whole lines), so a
50 MB one-line file costs seconds, not hours.
"""
from __future__ import annotations

import re
from array import array
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

from memex.domain import Block, ParsedDoc
from memex.ingest.dates import DATE_KEYS, UPDATED_KEYS, front_matter_date
from memex.ingest.parsers.encoding import decode_text
from memex.ingest.parsers.front_matter import (
    front_matter_tags,
    iso_date,
    normalize_tag,
    read_front_matter,
    string_list,
)
from memex.ingest.parsers.plain_text import base_metadata, date_from_name, split_lines

_WIKILINK = re.compile(r"(!?)\[\[([^\[\]\n]+)\]\]")
_LINK_TARGET = re.compile(r"\]\(\s*<?([^()\s<>]{1,1000})")
"""The target of a Markdown link or image, `](target "title")`; which are images is checked by looking back."""
_EMBED_EXTENSIONS = (".png", ".jpg", ".jpeg", ".webp", ".tif", ".tiff", ".gif", ".bmp", ".heic", ".heif", ".wav",
                     ".mp3", ".m4a", ".aac", ".ogg", ".oga", ".opus", ".flac", ".webm", ".mp4", ".pdf")
_TAG = re.compile(r"(?<!\S)#([\w/-]+)")
_BACKTICKS = re.compile(r"`+")
_QUOTE_PREFIX = re.compile(r"^[ \t]*(?:>[ \t]?)*")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_NOT_SETEXT_TEXT = re.compile(r"^\s*(?:[-*+>|]|\d+[.)]\s)")
_THEMATIC_BREAK = re.compile(r"^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$")


@dataclass
class MarkdownBody:
    """Blocks and facts found in a Markdown body."""

    blocks: list[Block] = field(default_factory=list)
    first_h1: str | None = None
    links: dict[str, None] = field(default_factory=dict)
    """Ordered set (dict keys): a hostile note can repeat one link millions of times."""
    tags: dict[str, None] = field(default_factory=dict)


def parse_markdown(path: Path, data: bytes) -> ParsedDoc:
    """Parse a .md/.markdown note's bytes."""
    decoded = decode_text(data)
    lines = split_lines(decoded.text)
    fm = read_front_matter(lines)
    body = scan_markdown(lines[fm.body_start:], first_line=fm.body_start + 1)
    meta = base_metadata(path, decoded.encoding, decoded.warnings + fm.warnings)
    props = fm.data
    if props:
        meta["front_matter"] = props
    title = props.get("title")
    title = str(title).strip() if isinstance(title, (str, int, float)) and str(title).strip() else None
    if title:
        meta["title"] = title
    aliases = string_list(props.get("aliases", props.get("alias")))
    if aliases:
        meta["aliases"] = aliases
    for key in ("created", "updated"):
        if props.get(key) is not None:
            meta[key] = iso_date(props[key]) or str(props[key])
    # "datum:", "fecha:", "aktualisiert:": the date keys of the note's own language count as "date", "updated".
    when = (front_matter_date(props, DATE_KEYS) or date_from_name(path) or front_matter_date(props, UPDATED_KEYS))
    if when:
        meta["date"] = when
    meta["tags"] = _unique(front_matter_tags(props) + list(body.tags))
    meta["links"] = _unique(_links_in_properties(props) + list(body.links))
    return ParsedDoc(blocks=body.blocks, title=title or body.first_h1 or path.stem,
                     parser="markdown", metadata=meta)


def scan_markdown(lines: list[str], first_line: int | None = 1) -> MarkdownBody:
    """Split Markdown lines into heading, code and paragraph blocks; `first_line=None` drops line numbers."""
    out = MarkdownBody()
    stack: list[tuple[int, str]] = []
    para: list[int] = []

    def path() -> tuple[str, ...]:
        return tuple(t for _, t in stack)

    def lineno(i: int) -> int | None:
        return None if first_line is None else first_line + i

    def flush() -> None:
        if para:
            text = "\n".join(lines[i].rstrip() for i in para)
            out.blocks.append(Block(text=text, heading_path=path(), start_line=lineno(para[0]),
                                    end_line=lineno(para[-1])))
            _collect(text, out)
            para.clear()

    def heading(level: int, text: str, start: int, end: int) -> None:
        text = _display(text)
        if not text:
            return
        while stack and stack[-1][0] >= level:
            stack.pop()
        stack.append((level, text))
        if level == 1 and out.first_h1 is None:
            out.first_h1 = text
        out.blocks.append(Block(text=text, heading_path=path(), start_line=lineno(start),
                                end_line=lineno(end), kind="heading"))
        _collect(text, out)

    i, n = 0, len(lines)
    while i < n:
        line = lines[i]
        fence = _fence_open(line)
        if fence:
            flush()
            j = i + 1
            while j < n and not _fence_closes(lines[j], fence):
                j += 1
            end = min(j, n - 1)  # an unclosed fence runs to the end of the file
            out.blocks.append(Block(text="\n".join(lines[i:end + 1]), heading_path=path(),
                                    start_line=lineno(i), end_line=lineno(end), kind="code"))
            i = end + 1
            continue
        if not line.strip():
            flush()
            i += 1
            continue
        atx = _atx_heading(line)
        if atx:
            flush()
            heading(atx[0], atx[1], i, i)
            i += 1
            continue
        if len(para) == 1 and _SETEXT.match(line) and not _NOT_SETEXT_TEXT.match(lines[para[0]]):
            start = para.pop()
            heading(1 if line.strip()[0] == "=" else 2, lines[start].strip(), start, i)
            i += 1
            continue
        if _THEMATIC_BREAK.match(line):
            flush()  # a horizontal rule ends the paragraph and carries no text
            i += 1
            continue
        para.append(i)
        i += 1
    flush()
    return out


def _fence_open(line: str) -> tuple[str, int] | None:
    """(fence char, length) when the line opens a fenced code block (any indent: list items nest them)."""
    s = line.lstrip(" \t")
    if not s.startswith(("```", "~~~")):
        return None
    ch = s[0]
    length = len(s) - len(s.lstrip(ch))
    if ch == "`" and "`" in s[length:]:
        return None  # CommonMark: a backtick fence's info string has no backticks
    return ch, length


def _fence_closes(line: str, fence: tuple[str, int]) -> bool:
    s = line.strip()
    return len(s) >= fence[1] and s == fence[0] * len(s)


def _atx_heading(line: str) -> tuple[int, str] | None:
    """(level, text) for an ATX heading line like '## Title ##', else None."""
    s = line.lstrip(" ")
    if len(line) - len(s) > 3 or not s.startswith("#"):
        return None
    level = len(s) - len(s.lstrip("#"))
    rest = s[level:]
    if level > 6 or (rest and rest[0] not in " \t"):
        return None
    rest = rest.strip()
    closed = rest.rstrip("#")
    if closed != rest and (not closed or closed[-1] in " \t"):
        rest = closed.rstrip()
    return level, rest


def _display(text: str) -> str:
    """Heading text as shown: [[target|alias]] -> alias, [[target]] -> target."""
    def shown(m: re.Match[str]) -> str:
        inner = m.group(2)
        return inner.split("|", 1)[1] if "|" in inner else inner
    return " ".join(_WIKILINK.sub(shown, text).split())


def _collect(text: str, out: MarkdownBody) -> None:
    """Add the links and tags of a prose block, ignoring code spans and fenced code in callouts."""
    prose = _mask_code_spans(_drop_quoted_fences(text))
    for m in _WIKILINK.finditer(prose):
        target = m.group(2).split("|", 1)[0].rstrip("\\").split("#", 1)[0].strip()
        if target:
            out.links[target] = None
    if "](" in prose:
        for target in _embedded_files(prose):
            out.links[target] = None
    for m in _TAG.finditer(prose):
        tag = normalize_tag(m.group(1))
        if tag and not tag.replace("/", "").isdigit():
            out.tags[tag] = None


def _embedded_files(prose: str) -> list[str]:
    """Local images and recordings embedded with `![alt](path)`: indexed as their own documents, linked here."""
    found = []
    for m in _LINK_TARGET.finditer(prose):
        bang = prose.rfind("![", max(0, m.start() - 500), m.start())
        if bang < 0 or "]" in prose[bang + 2:m.start()]:
            continue
        target = unquote(m.group(1))
        if ":" in target.split("/", 1)[0] or not target.lower().endswith(_EMBED_EXTENSIONS):
            continue  # a URL (https:, data:) or not a file Memex indexes
        found.append(target)
    return found


def _drop_quoted_fences(text: str) -> str:
    """Blank the lines of code fences nested in blockquotes/callouts ('> ```css')."""
    if "```" not in text and "~~~" not in text:
        return text
    kept: list[str] = []
    fence: tuple[str, int] | None = None
    for line in text.split("\n"):
        content = line[_QUOTE_PREFIX.match(line).end():]
        if fence is None:
            fence = _fence_open(content)
            kept.append("" if fence else line)
        else:
            if _fence_closes(content, fence):
                fence = None
            kept.append("")
    return "\n".join(kept)


def _mask_code_spans(text: str) -> str:
    """Replace `code spans` by spaces; a backtick run closes at the next run of the same length."""
    if "`" not in text:
        return text
    # Compact arrays: a hostile line can hold millions of backtick runs.
    starts, ends = array("q"), array("q")
    for m in _BACKTICKS.finditer(text):
        starts.append(m.start())
        ends.append(m.end())
    next_same = array("q", [-1]) * len(starts)
    seen: dict[int, int] = {}
    for k in range(len(starts) - 1, -1, -1):
        size = ends[k] - starts[k]
        next_same[k] = seen.get(size, -1)
        seen[size] = k
    parts: list[str] = []
    pos, k = 0, 0
    while k < len(starts):
        close = next_same[k]
        if close < 0:
            k += 1
            continue
        parts.append(text[pos:starts[k]])
        parts.append(" " * (ends[close] - starts[k]))
        pos = ends[close]
        k = close + 1
    parts.append(text[pos:])
    return "".join(parts)


def _links_in_properties(props: dict) -> list[str]:
    """Obsidian allows links in properties, e.g. `related: "[[Other note]]"`."""
    found: list[str] = []

    def walk(v: object) -> None:
        if isinstance(v, str):
            for m in _WIKILINK.finditer(v):
                target = m.group(2).split("|", 1)[0].split("#", 1)[0].strip()
                if target:
                    found.append(target)
        elif isinstance(v, list):
            for x in v:
                walk(x)
        elif isinstance(v, dict):
            for x in v.values():
                walk(x)

    walk(props)
    return found


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))
