"""One indexed document as a Markdown note: kept as it is (Markdown), or converted from its parsed structure.

Nothing here does I/O: the vault exporter hands in the file's text or its parsed blocks and writes the result.
Two link styles: "obsidian" ([[wikilinks]], `^block-ids`, `![[embeds]]`) and "markdown" (relative
`[text](<path#anchor>)` links and `<a id>` anchors, for any Markdown reader).
"""
from __future__ import annotations

import datetime as dt
import json
import posixpath
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import yaml

from memex.domain import Block

FORMATS = ("obsidian", "markdown")
EMBEDDABLE = frozenset({".pdf", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".bmp", ".avif", ".mp3",
                        ".wav", ".m4a", ".ogg", ".flac", ".webm", ".mp4", ".mov", ".mkv", ".3gp"})
"""Originals Obsidian shows inline with ![[...]]; others (docx, html, txt) get a plain link."""
MARKDOWN_PARSERS = frozenset({"markdown"})
"""Documents whose file already is a Markdown note: exported byte for byte, front matter extended."""
_HEADING_LINK_BAD = re.compile(r"[#|^\[\]:%\\]")
_SLUG_DROP = re.compile(r"[^\w\- ]")
_BLOCK_ID = re.compile(r"\s\^[A-Za-z0-9-]+\s*$")
_FENCE = re.compile(r"^\s*(```|~~~)")


# ---- data handed in -----------------------------------------------------------------------------
@dataclass(frozen=True)
class DocInfo:
    """A stored document's row, as the exporter read it."""

    id: int
    path: str
    title: str | None
    note_date: str | None
    parser: str
    metadata: dict[str, Any]
    content_hash: str
    size: int
    mtime_ns: int
    indexed_at: float
    tags: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ChunkInfo:
    """A stored chunk: its text and where it sits."""

    id: int
    ordinal: int
    text: str
    heading_path: tuple[str, ...]
    page: int | None = None
    start_line: int | None = None
    end_line: int | None = None


@dataclass(frozen=True)
class Anchor:
    """Where a link lands inside a note: a heading path, or a block id."""

    kind: str  # "heading" | "block" | "pdfpage" (a page of a PDF file, not of a note)
    value: tuple[str, ...]


def heading_anchor(heading_path: tuple[str, ...], all_paths: Iterable[tuple[str, ...]]) -> Anchor:
    """A link to a heading: its own name when that is unique in the note, else the full path
    (`[[note#Part 2#Notes]]`, which Obsidian resolves level by level)."""
    last = heading_path[-1]
    owners = {p for p in all_paths if p and p[-1] == last}
    return Anchor("heading", (last,) if len(owners) <= 1 else heading_path)


# ---- link styles --------------------------------------------------------------------------------
def heading_link_text(heading: str) -> str:
    """A heading as Obsidian writes it in a link: characters that break links become spaces."""
    return " ".join(_HEADING_LINK_BAD.sub(" ", heading).split())


def slug(heading: str) -> str:
    """A GitHub-style heading anchor: lower case, punctuation dropped, spaces to hyphens."""
    return _SLUG_DROP.sub("", unicodedata.normalize("NFC", heading).strip().lower()).replace(" ", "-")


@dataclass(frozen=True)
class LinkStyle:
    """How links, embeds and block anchors are written for one export format."""

    format: str

    @property
    def obsidian(self) -> bool:
        return self.format == "obsidian"

    def link(self, target_rel: str, anchor: Anchor | None, label: str | None, from_rel: str) -> str:
        """A link from the note at `from_rel` to the note at `target_rel` (vault-relative paths)."""
        if self.obsidian:
            target = target_rel.removesuffix(".md")
            frag = ""
            if anchor and anchor.kind == "heading":
                frag = "#" + "#".join(heading_link_text(h) for h in anchor.value if heading_link_text(h))
            elif anchor and anchor.kind == "pdfpage":
                frag = f"#page={anchor.value[0]}"
            elif anchor:
                frag = "#^" + anchor.value[0]
            shown = (label or "").replace("|", "/").replace("]]", "] ]").replace("\n", " ")
            return f"[[{target}{frag}|{shown}]]" if shown else f"[[{target}{frag}]]"
        href = posixpath.relpath(target_rel, posixpath.dirname(from_rel) or ".")
        if anchor and anchor.kind == "heading":
            href += "#" + slug(anchor.value[-1])
        elif anchor and anchor.kind == "pdfpage":
            href += f"#page={anchor.value[0]}"
        elif anchor:
            href += "#" + anchor.value[0]
        shown = (label or posixpath.basename(target_rel).removesuffix(".md")).replace("]", "\\]")
        return f"[{shown}](<{href}>)"

    def embed(self, original_rel: str, from_rel: str) -> str:
        """The original file shown in (or linked from) its converted note."""
        ext = posixpath.splitext(original_rel)[1].lower()
        if self.obsidian:
            return f"![[{original_rel}]]" if ext in EMBEDDABLE else f"Original: [[{original_rel}]]"
        href = posixpath.relpath(original_rel, posixpath.dirname(from_rel) or ".")
        name = posixpath.basename(original_rel).replace("]", "\\]")
        if ext in {".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".bmp", ".avif"}:
            return f"![{name}](<{href}>)"
        return f"Original: [{name}](<{href}>)"

    def mark_block(self, line: str, block_id: str) -> str:
        """`line` carrying a block anchor at its end."""
        if self.obsidian:
            return f"{line} ^{block_id}"
        return f'{line} <a id="{block_id}"></a>'

    def block_line(self, block_id: str) -> str:
        """A block anchor on its own line (after tables and code blocks)."""
        return f"^{block_id}" if self.obsidian else f'<a id="{block_id}"></a>'


# ---- front matter -------------------------------------------------------------------------------
def iso_time(seconds: float | None) -> str | None:
    """Unix time as ISO 8601 UTC, to the second."""
    if seconds is None:
        return None
    return dt.datetime.fromtimestamp(seconds, tz=dt.timezone.utc).isoformat(timespec="seconds").replace(
        "+00:00", "Z")


def memex_keys(doc: DocInfo, extra: dict[str, Any] | None = None) -> dict[str, Any]:
    """What Memex knows about a document, as front matter keys (prefixed, so they never clash)."""
    keys: dict[str, Any] = {
        "memex_source": doc.path,
        "memex_sha256": doc.content_hash,
        "memex_size": doc.size,
        "memex_modified": iso_time(doc.mtime_ns / 1e9),
        "memex_indexed": iso_time(doc.indexed_at),
        "memex_date": doc.note_date,
        "memex_parser": doc.parser,
    }
    if doc.tags:
        keys["memex_tags"] = list(doc.tags)
    for k, v in (extra or {}).items():
        keys[k if k.startswith("memex_") else f"memex_{k}"] = v
    return {k: v for k, v in keys.items() if v is not None}


_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
"""libyaml's emitter when the wheel has it: ten times faster, and front matter is written for every note."""


_PLAIN_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_SAFE_KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")


def _scalar(v: Any) -> str | None:
    """A flat value as YAML (JSON's quoting is valid YAML), or None when it needs the full emitter."""
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int) or (isinstance(v, float) and v == v and v not in (float("inf"), float("-inf"))):
        return repr(v)
    if isinstance(v, str):
        if _PLAIN_DATE.match(v):
            return v  # dates stay plain, as Obsidian writes them
        if "\u2028" in v or "\u2029" in v or "\x85" in v:
            return None
        return json.dumps(v, ensure_ascii=False)
    return None


def dump_yaml(data: dict[str, Any]) -> str:
    """YAML for front matter: block style, unicode kept, keys in the given order."""
    fast: list[str] = []
    for key, value in data.items():
        if not _SAFE_KEY.match(key):
            break
        if isinstance(value, list):
            items = [_scalar(x) for x in value]
            if any(x is None for x in items) or any(isinstance(x, (list, dict)) for x in value):
                break
            fast.append(f"{key}:" + "".join(f"\n- {x}" for x in items) if items else f"{key}: []")
            continue
        one = _scalar(value)
        if one is None:
            break
        fast.append(f"{key}: {one}")
    else:
        return "\n".join(fast) + "\n" if fast else "{}\n"
    return yaml.dump(json.loads(json.dumps(data, default=str)), Dumper=_DUMPER, allow_unicode=True,
                     sort_keys=False, width=10**6, default_flow_style=False)


def front_matter_block(data: dict[str, Any]) -> str:
    """A complete `---` front matter block."""
    return f"---\n{dump_yaml(data)}---\n"


def extend_front_matter(text: str, keys: dict[str, Any]) -> str:
    """`text` with `keys` added to its front matter (created if absent); the user's own lines kept as they are.

    Keys with our prefix left by an earlier export are replaced, not repeated.
    """
    lines = text.split("\n")
    if lines and lines[0].rstrip("\r") == "---":
        for end in range(1, len(lines)):
            if lines[end].rstrip("\r") in ("---", "..."):
                break
        else:
            end = -1
        if end > 0:
            head = [ln for ln in _without_keys(lines[1:end], keys)]
            newline = "\r\n" if lines[0].endswith("\r") else "\n"
            ours = dump_yaml(keys).rstrip("\n").split("\n")
            return "\n".join([lines[0], *head, *(x + ("\r" if newline == "\r\n" else "") for x in ours),
                              *lines[end:]])
    return front_matter_block(keys) + text


def _without_keys(lines: list[str], keys: dict[str, Any]) -> list[str]:
    """Front matter lines minus top-level entries named in `keys` (with their indented continuation)."""
    out: list[str] = []
    skipping = False
    for ln in lines:
        top = ln[:1] not in (" ", "\t", "-", "") and ":" in ln
        if top:
            skipping = ln.split(":", 1)[0].strip().strip("'\"") in keys
        elif ln[:1] not in (" ", "\t", "-"):
            skipping = False
        if not skipping:
            out.append(ln)
    return out


# ---- Markdown notes, kept as they are -------------------------------------------------------------
def render_markdown_note(text: str, doc: DocInfo, chunks: Sequence[ChunkInfo], cited: Iterable[int],
                         style: LinkStyle, extra: dict[str, Any] | None = None) -> tuple[str, dict[int, Anchor]]:
    """The note's own text with Memex's keys in its front matter; anchors for the cited chunks.

    A cited chunk under a heading is linked by its heading path; one before any heading gets a block
    id at the end of its last line (the only change made to the body, and only where something cites it).
    """
    anchors: dict[int, Anchor] = {}
    lines = text.split("\n")
    by_ordinal = {c.ordinal: c for c in chunks}
    for ordinal in sorted(set(cited)):
        c = by_ordinal.get(ordinal)
        if c is None:
            continue
        if c.heading_path:
            anchors[ordinal] = heading_anchor(c.heading_path, (x.heading_path for x in chunks))
            continue
        i = (c.end_line or 0) - 1
        if 0 <= i < len(lines) and _can_carry_block_id(lines, i):
            block_id = f"memex-c{ordinal}"
            line = lines[i].rstrip("\r")
            if _BLOCK_ID.search(line) and style.obsidian:  # the user already named this block
                anchors[ordinal] = Anchor("block", (line.rsplit("^", 1)[1].strip(),))
                continue
            lines[i] = style.mark_block(line, block_id) + ("\r" if lines[i].endswith("\r") else "")
            anchors[ordinal] = Anchor("block", (block_id,))
    return extend_front_matter("\n".join(lines), memex_keys(doc, extra)), anchors


def _can_carry_block_id(lines: list[str], i: int) -> bool:
    """A plain paragraph line outside code fences (a block id after a fence or in a table would break it)."""
    line = lines[i].strip()
    if not line or line.startswith(("#", "|", "```", "~~~", "---", "===")) or line.endswith("|"):
        return False
    fences = sum(1 for ln in lines[:i] if _FENCE.match(ln))
    return fences % 2 == 0


# ---- other formats, converted ---------------------------------------------------------------------
_ESCAPE_START = re.compile(r"^(\s*)(#|>|[-=*_]{3,}\s*$)")
_ESCAPE_ANY = re.compile(r"(<(?=[A-Za-z/!?])|\[\[|\$|%%|==)")


def escape_text(text: str, obsidian: bool) -> str:
    """Plain text (from a PDF, DOCX, TXT) as Markdown that shows the same words, not markup."""
    out = []
    for line in text.split("\n"):
        line = line.strip()
        line = _ESCAPE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), line)
        if obsidian:
            line = _ESCAPE_ANY.sub(lambda m: "".join("\\" + ch for ch in m.group(1)), line)
        else:
            line = re.sub(r"<(?=[A-Za-z/!?])", r"\\<", line)
        out.append(line)
    return "\n".join(out)


def _table(text: str) -> str:
    """' | '-separated rows (the DOCX parser's table text) as a Markdown table; one already written as a Markdown
    table (the parser's for three or more columns) as it is."""
    lines = text.strip().split("\n")
    if len(lines) >= 2 and lines[0].startswith("|") and re.fullmatch(r"\|(?:\s*-{3,}\s*\|)+", lines[1].strip()):
        return text.strip()
    rows = [[c.strip().replace("|", "\\|") for c in r.split(" | ")] for r in text.split("\n") if r.strip()]
    if not rows:
        return ""
    width = max(len(r) for r in rows)
    rows = [r + [""] * (width - len(r)) for r in rows]
    lines = ["| " + " | ".join(rows[0]) + " |", "|" + " --- |" * width]
    lines += ["| " + " | ".join(r) + " |" for r in rows[1:]]
    return "\n".join(lines)


def _norm(text: str) -> str:
    return " ".join(text.split()).lower()


@dataclass
class _Para:
    text: str
    kind: str  # "text" | "code" | "table" | "heading" | "page"
    block_id: str | None = None


def blocks_from_chunks(chunks: Sequence[ChunkInfo]) -> list[Block]:
    """Blocks rebuilt from stored chunks (when the original file is gone or has changed), overlap removed."""
    out: list[Block] = []
    prev = ""
    for c in chunks:
        text = strip_overlap(prev, c.text)
        prev = c.text
        if text.strip():
            out.append(Block(text=text, heading_path=c.heading_path, page=c.page, start_line=c.start_line,
                             end_line=c.end_line))
    return out


def strip_overlap(prev: str, text: str) -> str:
    """`text` without the sentences it repeats from the end of `prev` (chunks overlap)."""
    if not prev:
        return text
    start = max(0, len(prev) - 4000)
    head = text[:24]
    i = prev.find(head, start) if head else -1
    while i != -1:
        if text.startswith(prev[i:]):
            return text[len(prev) - i:].lstrip()
        i = prev.find(head, i + 1)
    return text


def render_converted(blocks: Sequence[Block], doc: DocInfo, chunks: Sequence[ChunkInfo], cited: Iterable[int],
                     style: LinkStyle, note_rel: str, original_rel: str | None, *, markdown_blocks: bool = False,
                     extra: dict[str, Any] | None = None, from_index: str | None = None
                     ) -> tuple[str, dict[int, Anchor]]:
    """A PDF, DOCX, HTML, TXT (or any parsed) document as a Markdown note.

    Headings come from the parsed structure, PDF pages get a marker with a block id (`^page-3`), the
    original is embedded (or linked), and each cited chunk gets a block id on the paragraph where it starts.
    `markdown_blocks`: the blocks already hold Markdown (HTML converted by trafilatura): not escaped.
    """
    paras: list[_Para] = []
    current: tuple[str, ...] = ()
    page: int | None = None
    pages = len({b.page for b in blocks if b.page})
    for b in blocks:
        if b.page is not None and b.page != page and pages:
            page = b.page
            label = f"**Page {page}**"
            paras.append(_Para(label, "page", f"page-{page}"))
        if b.kind == "heading":
            level = max(1, min(6, len(b.heading_path) or 1))
            text = " ".join(b.text.split())
            paras.append(_Para("#" * level + " " + (text if markdown_blocks else escape_text(text, style.obsidian)),
                               "heading"))
            current = b.heading_path
            continue
        if b.heading_path != current:
            common = 0
            while common < min(len(current), len(b.heading_path)) and current[common] == b.heading_path[common]:
                common += 1
            for depth in range(common, len(b.heading_path)):
                paras.append(_Para("#" * min(6, depth + 1) + " " + escape_text(b.heading_path[depth], style.obsidian),
                                   "heading"))
            current = b.heading_path
        if b.kind == "table":
            paras.append(_Para(_table(b.text), "table"))
        elif b.kind == "code":
            body = b.text if b.text.lstrip().startswith(("```", "~~~")) else f"```\n{b.text}\n```"
            paras.append(_Para(body, "code"))
        else:
            for piece in re.split(r"\n\s*\n", b.text):
                if piece.strip():
                    paras.append(_Para(piece.strip() if markdown_blocks else escape_text(piece, style.obsidian),
                                       "text"))
    anchors = _place_anchors(paras, chunks, set(cited))
    fm: dict[str, Any] = {"title": doc.title, "date": doc.note_date}
    if doc.tags:
        fm["tags"] = list(doc.tags)
    aliases = doc.metadata.get("aliases")
    if aliases:
        fm["aliases"] = aliases
    for key in ("author", "pages"):
        if doc.metadata.get(key) is not None:
            fm[key] = doc.metadata[key]
    fm.update(memex_keys(doc, extra))
    if original_rel:
        fm["memex_original"] = original_rel
    if from_index:
        fm["memex_text"] = from_index
    body: list[str] = []
    if original_rel:
        body.append(style.embed(original_rel, note_rel))
    for p in paras:
        if p.block_id is None:
            body.append(p.text)
        elif p.kind in ("table", "code"):
            body.append(p.text + "\n\n" + style.block_line(p.block_id))
        else:
            body.append(style.mark_block(p.text, p.block_id))
    return front_matter_block({k: v for k, v in fm.items() if v is not None}) + "\n" + "\n\n".join(body) + "\n", anchors


def _place_anchors(paras: list[_Para], chunks: Sequence[ChunkInfo], cited: set[int]) -> dict[int, Anchor]:
    """Give each cited chunk the block id of the paragraph where its text starts (else its page, heading)."""
    anchors: dict[int, Anchor] = {}
    if not cited:
        return anchors
    norm = [_norm(p.text.replace("\\", "")) if p.kind not in ("page", "heading") else "" for p in paras]
    page_at = []
    page: int | None = None
    for p in paras:
        if p.kind == "page":
            page = int(p.block_id.split("-")[1]) if p.block_id else page
        page_at.append(page)
    cursor = 0
    prev = ""
    for c in chunks:
        own = strip_overlap(prev, c.text)
        prev = c.text
        if c.ordinal not in cited:
            continue
        head = _norm(own)[:40] or _norm(c.text)[:40]
        found = None
        for start in (cursor, 0):
            for i in range(start, len(paras)):
                if head and head[:25] in norm[i] and (c.page is None or page_at[i] in (None, c.page)):
                    found = i
                    break
            if found is not None:
                break
        if found is not None:
            cursor = found
            p = paras[found]
            if p.block_id is None:
                p.block_id = f"c{c.ordinal}"
            anchors[c.ordinal] = Anchor("block", (p.block_id,))
        elif c.page:
            anchors[c.ordinal] = Anchor("block", (f"page-{c.page}",))
        elif c.heading_path:
            anchors[c.ordinal] = heading_anchor(c.heading_path, (x.heading_path for x in chunks))
    return anchors
