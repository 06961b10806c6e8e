"""Word .docx files via python-docx, after checking the ZIP container for bombs and DTDs."""
from __future__ import annotations

import re
import zipfile
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import docx
from docx.table import Table
from docx.text.paragraph import Paragraph
from lxml import etree

from memex.domain import Block, ParsedDoc
from memex.errors import ParseError
from memex.ingest.parsers.plain_text import date_from_name

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
"""Compound File header: legacy .doc, or an encrypted OOXML file (Office wraps those in CFB)."""
MAX_UNCOMPRESSED = 200 * 2**20
MAX_RATIO = 100
RATIO_MIN_SIZE = 2**20
MAX_ENTRIES = 10_000
_PROLOG_BYTES = 64 * 1024
_NS = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
       "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006"}
_HEADING_STYLE = re.compile(r"^heading\s*([1-9])$", re.I)
_TEMPLATE_CREATED = datetime(2013, 12, 23, 23, 15, tzinfo=timezone.utc)
"""python-docx's default template carries this creation time; a file saved from it without setting one says
nothing about when it was written, and dating it 2013 would make its facts look eleven years stale."""


def check_package(path: Path) -> None:
    """Reject a .docx before parsing: not a ZIP, encrypted, zip bomb, DTD; cheap (reads headers only)."""
    with path.open("rb") as f:
        head = f.read(8)
    if not head:
        raise ParseError("empty file")
    if head.startswith(OLE_MAGIC):
        raise ParseError("encrypted or legacy Office file")
    if not head.startswith(b"PK"):
        raise ParseError("not a DOCX file (not a ZIP archive)")
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError) as e:
        raise ParseError(f"corrupt archive ({_short(e)})") from None
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_ENTRIES:
            raise ParseError(f"zip bomb: {len(infos)} entries")
        total = sum(i.file_size for i in infos)
        if total > MAX_UNCOMPRESSED:
            raise ParseError(f"zip bomb: expands to {total // 2**20} MB")
        for i in infos:
            if i.file_size > RATIO_MIN_SIZE and i.file_size > MAX_RATIO * max(i.compress_size, 1):
                ratio = i.file_size // max(i.compress_size, 1)
                raise ParseError(f"zip bomb: {i.filename} compression ratio {ratio}:1")
        _check_layout(infos)
        if "word/document.xml" not in {i.filename for i in infos}:
            raise ParseError("not a DOCX file (no word/document.xml)")
        for i in infos:
            if i.filename.endswith((".xml", ".rels")) and _has_doctype(archive, i):
                raise ParseError("DOCX with DTD/external entities")


def _check_layout(infos: list[zipfile.ZipInfo]) -> None:
    """Duplicate or overlapping entries are how 'quoted overlap' zip bombs and parser confusion work."""
    dupes = [n for n, c in Counter(i.filename for i in infos).items() if c > 1]
    if dupes:
        raise ParseError(f"corrupt archive (duplicate entry {dupes[0]!r})")
    ordered = sorted(infos, key=lambda i: i.header_offset)
    for a, b in zip(ordered, ordered[1:], strict=False):
        # 30 bytes is the fixed local header; the data ends at least that far past the offset.
        if a.header_offset + 30 + a.compress_size > b.header_offset:
            raise ParseError("corrupt archive (overlapping entries)")


def _has_doctype(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    with archive.open(info) as f:
        head = f.read(_PROLOG_BYTES)
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        head = head.decode("utf-16", errors="ignore").encode("utf-8")
    return b"<!doctype" in head.lower()


def parse_docx(path: Path) -> ParsedDoc:
    """Parse a .docx file: heading paths from Heading N / Title styles, tables as row text."""
    check_package(path)
    document = docx.Document(str(path))
    blocks, title_para = _body_blocks(document)
    props = document.core_properties
    meta: dict[str, Any] = {}
    if props.author:
        meta["author"] = props.author
    if props.created and not _template_stamp(props.created):
        meta["created"] = props.created.date().isoformat()
    when = date_from_name(path)
    if when:
        meta["date"] = when
    title = " ".join((props.title or "").split()) or title_para or path.stem
    return ParsedDoc(blocks=blocks, title=title, parser="docx", metadata=meta)


def _template_stamp(created: datetime) -> bool:
    """True when the creation time is the one python-docx's blank template ships with."""
    stamp = created if created.tzinfo else created.replace(tzinfo=timezone.utc)
    return stamp == _TEMPLATE_CREATED


def _body_blocks(document: Any) -> tuple[list[Block], str | None]:
    blocks: list[Block] = []
    stack: list[tuple[int, str]] = []
    title: str | None = None
    for item in document.iter_inner_content():
        path = tuple(t for _, t in stack)
        if isinstance(item, Table):
            text = _table_text(item)
            if text:
                blocks.append(Block(text=text, heading_path=path, kind="table"))
            continue
        level = _heading_level(item)
        if level is not None:
            text = " ".join(item.text.split())
            if text:
                while stack and stack[-1][0] >= level:
                    stack.pop()
                stack.append((level, text))
                if level == 0 and title is None:
                    title = text
                blocks.append(Block(text=text, heading_path=tuple(t for _, t in stack), kind="heading"))
        else:
            text = item.text.strip()
            if text:
                blocks.append(Block(text=text, heading_path=path))
        blocks.extend(Block(text=t, heading_path=path) for t in _text_box_paragraphs(item))
    return blocks, title


def _heading_level(paragraph: Paragraph) -> int | None:
    """0 for Title, N for Heading N (also through custom styles based on them), else None."""
    style = paragraph.style
    for _ in range(4):
        if style is None:
            return None
        name = style.name or ""
        if name.lower() == "title":
            return 0
        m = _HEADING_STYLE.match(name)
        if m:
            return int(m.group(1))
        style = style.base_style
    return None


def _text_box_paragraphs(paragraph: Paragraph) -> list[str]:
    """Text in text boxes anchored to the paragraph; mc:Fallback holds a VML copy we skip."""
    found = etree.ElementBase.xpath(
        paragraph._p, ".//w:txbxContent[not(ancestor::mc:Fallback)]/w:p", namespaces=_NS)
    texts = (Paragraph(p, paragraph._parent).text.strip() for p in found)
    return [t for t in texts if t]


HEADED_COLUMNS = 3
"""A table this wide or wider, every row with as many cells, is read as having a header row (a price list, an
invoice, a plan against actuals); narrower ones are mostly label | value pairs ("Employee | Declan Farrelly")."""


def _table_text(table: Table, nested: bool = False) -> str:
    """Rows as lines, cells joined by ' | '; horizontally merged cells appear once. A table of HEADED_COLUMNS or
    more columns (every row alike) is written as a Markdown pipe table with its first row as the header, so that
    each row is read with its column names ("Producto: Baguette; Desde el 1-jul-2026: 1,40 €"), as a Markdown
    note's table is — and a long one keeps its header in every chunk it is split into."""
    rows: list[list[str]] = []
    for row in table.rows:
        cells: list[str] = []
        previous = None
        for cell in row.cells:
            if cell._tc is previous:
                continue
            previous = cell._tc
            cells.append(_cell_text(cell))
        if any(cells):
            rows.append(cells)
    width = len(rows[0]) if rows else 0
    if nested or len(rows) < 2 or width < HEADED_COLUMNS or any(len(r) != width for r in rows):
        return "\n".join(" | ".join(r) for r in rows)
    lines = ["| " + " | ".join(c.replace("|", "/") for c in r) + " |" for r in rows]
    return "\n".join([lines[0], "|" + " --- |" * width, *lines[1:]])


def _cell_text(cell: Any) -> str:
    parts: list[str] = []
    for inner in cell.iter_inner_content():
        parts.append(_table_text(inner, nested=True).replace("\n", "; ") if isinstance(inner, Table) else inner.text)
    return " ".join(" ".join(parts).split())


def _short(e: BaseException) -> str:
    return " ".join(str(e).split())[:200] or type(e).__name__
