"""Plain text files: decoded bytes split into paragraph blocks with 1-based line numbers."""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from memex.domain import Block, ParsedDoc
from memex.ingest.parsers.encoding import decode_text

_NEWLINE = re.compile(r"\r\n|\r|\n")
_FILENAME_DATE = re.compile(r"(?<!\d)(\d{4})[-_.](\d{2})[-_.](\d{2})(?!\d)")


def split_lines(text: str) -> list[str]:
    """Split on \\n, \\r\\n and \\r only, so line numbers match what editors show."""
    return _NEWLINE.split(text)


def paragraph_blocks(lines: list[str], first_line: int = 1,
                     heading_path: tuple[str, ...] = ()) -> list[Block]:
    """One text block per run of non-blank lines; `first_line` is the file line of lines[0]."""
    blocks: list[Block] = []
    start = None
    for i, line in enumerate(lines):
        if line.strip():
            if start is None:
                start = i
        elif start is not None:
            blocks.append(_paragraph(lines, start, i, first_line, heading_path))
            start = None
    if start is not None:
        blocks.append(_paragraph(lines, start, len(lines), first_line, heading_path))
    return blocks


def _paragraph(lines: list[str], start: int, end: int, first_line: int,
               heading_path: tuple[str, ...]) -> Block:
    text = "\n".join(line.rstrip() for line in lines[start:end])
    return Block(text=text, heading_path=heading_path, start_line=first_line + start,
                 end_line=first_line + end - 1)


def date_from_name(path: Path) -> str | None:
    """An ISO date (YYYY-MM-DD) found in the file name, e.g. daily notes named 2024-05-03.md."""
    for m in _FILENAME_DATE.finditer(path.stem):
        iso = valid_iso_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if iso:
            return iso
    return None


def valid_iso_date(y: int, m: int, d: int) -> str | None:
    """'YYYY-MM-DD' if the parts form a real calendar date, else None."""
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def base_metadata(path: Path, encoding: str, warnings: list[str]) -> dict:
    """Metadata every text-like parser records: encoding, warnings, date from the file name."""
    meta: dict = {"encoding": encoding}
    if warnings:
        meta["warnings"] = list(warnings)
    when = date_from_name(path)
    if when:
        meta["date"] = when
    return meta


def parse_txt(path: Path, data: bytes) -> ParsedDoc:
    """Parse a .txt file's bytes."""
    decoded = decode_text(data)
    blocks = paragraph_blocks(split_lines(decoded.text))
    meta = base_metadata(path, decoded.encoding, decoded.warnings)
    return ParsedDoc(blocks=blocks, title=path.stem, parser="txt", metadata=meta)
