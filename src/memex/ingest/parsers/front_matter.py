"""YAML front matter of Markdown notes: find it, parse it safely, pull out the known properties."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from memex.ingest.parsers.plain_text import valid_iso_date

MAX_FRONT_MATTER_CHARS = 256 * 1024
MAX_NODES = 10_000
"""Alias-heavy YAML ("billion laughs") builds a small shared graph that explodes when walked."""

_ISO_IN_TEXT = re.compile(r"^\s*(\d{4})[-/.](\d{2})[-/.](\d{2})(?!\d)")


@dataclass
class FrontMatter:
    """Result of reading the top of a note."""

    data: dict[str, Any] = field(default_factory=dict)
    body_start: int = 0
    """Index of the first body line (0 when there is no usable front matter)."""
    warnings: list[str] = field(default_factory=list)


class _TooBig(Exception):
    pass


def read_front_matter(lines: list[str]) -> FrontMatter:
    """Parse a leading `---` ... `---` YAML block; on bad YAML keep the lines as body and warn."""
    if not lines or lines[0].rstrip() != "---":
        return FrontMatter()
    end = None
    size = 0
    for i in range(1, len(lines)):
        if lines[i].rstrip() in ("---", "..."):
            end = i
            break
        size += len(lines[i]) + 1
        if size > MAX_FRONT_MATTER_CHARS:
            return FrontMatter(warnings=["front matter too large; not parsed"])
    if end is None:
        return FrontMatter()  # a lone '---' is a thematic break, not front matter
    source = "\n".join(lines[1:end])
    try:
        raw = yaml.safe_load(source) if source.strip() else {}
    except yaml.YAMLError as e:
        reason = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
        return FrontMatter(warnings=[f"bad front matter YAML: {reason}"])
    except RecursionError:
        return FrontMatter(warnings=["bad front matter YAML: nested too deeply"])
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        return FrontMatter(warnings=["bad front matter YAML: not a mapping"])
    try:
        data = _plain(raw, [MAX_NODES])
    except (_TooBig, RecursionError):
        return FrontMatter(body_start=end + 1, warnings=["front matter too large or recursive; ignored"])
    return FrontMatter(data=data, body_start=end + 1)


def _plain(value: Any, budget: list[int]) -> Any:
    """JSON-safe copy (dates as ISO strings), refusing graphs bigger than the node budget."""
    budget[0] -= 1
    if budget[0] < 0:
        raise _TooBig
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _plain(v, budget) for k, v in value.items()}
    if isinstance(value, (list, tuple, set)):
        return [_plain(v, budget) for v in value]
    return str(value)


def iso_date(value: Any) -> str | None:
    """'YYYY-MM-DD' from a YAML date/datetime or a string starting with a date, else None."""
    if isinstance(value, str):
        m = _ISO_IN_TEXT.match(value)
        return valid_iso_date(int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None
    return None


def string_list(value: Any) -> list[str]:
    """A property that may be a scalar or a list, as a list of non-empty strings."""
    items = value if isinstance(value, list) else [value]
    return [str(v).strip() for v in items if v is not None and str(v).strip()]


def normalize_tag(tag: str) -> str:
    """Tags compare case-insensitively in Obsidian; store them lower-case without '#'."""
    return tag.strip().lstrip("#").strip().strip("/").lower()


def front_matter_tags(data: dict[str, Any]) -> list[str]:
    """Tags from the `tags` (or legacy `tag`) property: a list, or a comma/space-separated string."""
    out: list[str] = []
    for key in ("tags", "tag"):
        value = data.get(key)
        if value is None:
            continue
        items = value if isinstance(value, list) else re.split(r"[,\s]+", str(value))
        for item in items:
            if isinstance(item, (str, int, float)):
                tag = normalize_tag(str(item))
                if tag:
                    out.append(tag)
    return out
