"""Quick capture: write a new note, or append a line to today's daily note, in the inbox folder.

Where notes go (config keys, all optional):
- `capture_inbox` (default "Inbox"): a folder. A relative path is taken inside the first registered
  source (the user's vault), so captured notes sit with the rest of their notes and sync like them;
  with no source registered yet it is `<home>/inbox`. An absolute path is used as given.
- `capture_daily_folder` (default: the inbox): where daily notes live, resolved the same way
  (e.g. "Daily" for an Obsidian vault that keeps them there).
- `capture_daily_format` (default "%Y-%m-%d", Obsidian's default name): the daily note's file name.

Files are written atomically (staged under a hidden name in the same folder, which scans skip) and a
new note never replaces an existing file: a clashing name gets " 2", " 3", ...
"""
from __future__ import annotations

import datetime as dt
import os
import re
import tempfile
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from memex.errors import MemexError

DEFAULT_INBOX = "Inbox"
HOME_INBOX = "inbox"
DAILY_FORMAT = "%Y-%m-%d"
MAX_TITLE_CHARS = 200
MAX_TEXT_CHARS = 200_000
MAX_NAME_CHARS = 100
_UNSAFE = re.compile(r'[\\/:*?"<>|#^\[\]]')
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}


@dataclass(frozen=True)
class Places:
    """The folders captured notes are written to."""

    inbox: Path
    daily: Path
    daily_format: str = DAILY_FORMAT

    def to_dict(self) -> dict[str, str]:
        """JSON form."""
        return {"inbox": str(self.inbox), "daily_folder": str(self.daily), "daily_format": self.daily_format}


def _folder(value: Any, key: str, base: Path) -> Path:
    if not isinstance(value, str) or not value.strip():
        raise MemexError(f"config: {key} must be a folder path")
    if any(unicodedata.category(ch) == "Cc" for ch in value):
        raise MemexError(f"config: {key} contains control characters")
    path = Path(os.path.expanduser(value.strip()))
    if not path.is_absolute():
        if ".." in path.parts:
            raise MemexError(f"config: {key} must not contain '..'")
        path = base / path
    return path


def resolve_places(extra: Mapping[str, Any], sources: Sequence[str], home: Path) -> Places:
    """The inbox and daily-note folders from the config and the registered sources."""
    base = Path(sources[0]) if sources else home
    inbox_default = DEFAULT_INBOX if sources else HOME_INBOX
    inbox = _folder(extra.get("capture_inbox", inbox_default), "capture_inbox", base)
    daily_value = extra.get("capture_daily_folder")
    daily = inbox if daily_value is None else _folder(daily_value, "capture_daily_folder", base)
    fmt = extra.get("capture_daily_format", DAILY_FORMAT)
    if not isinstance(fmt, str) or "%" not in fmt or "/" in fmt or "\\" in fmt:
        raise MemexError("config: capture_daily_format must be a strftime pattern without '/', e.g. '%Y-%m-%d'")
    return Places(inbox=inbox, daily=daily, daily_format=fmt)


def clean_text(text: str, what: str = "text", limit: int = MAX_TEXT_CHARS) -> str:
    """Note text: normalised line ends, no control characters but tab/newline, not empty, not too long."""
    if not isinstance(text, str):
        raise MemexError(f"{what} must be text")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch) != "Cc").strip()
    if not text:
        raise MemexError(f"{what} is empty")
    if len(text) > limit:
        raise MemexError(f"{what} is {len(text)} characters; at most {limit} can be captured at once")
    return text


def file_stem(title: str) -> str:
    """A file name (without extension) from a note title: no path or shell-special characters."""
    stem = _UNSAFE.sub(" ", unicodedata.normalize("NFC", title))
    stem = " ".join("".join(ch for ch in stem if unicodedata.category(ch)[0] != "C").split()).strip(" .")
    stem = stem[:MAX_NAME_CHARS].rstrip(" .") or "Note"
    return f"_{stem}" if stem.lower() in _RESERVED else stem


def _front_matter(now: dt.datetime, via: str) -> str:
    via = re.sub(r"[^\w:.@ -]", "", via)[:60] or "memex"
    return (f"---\ndate: {now.date().isoformat()}\ncaptured: {now.isoformat(timespec='seconds')}\n"
            f"via: {via}\n---\n")


def _stage(folder: Path, data: bytes) -> Path:
    """Write `data` to a hidden temporary file in `folder` (same file system), flushed to disk."""
    folder.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".memex-capture-", suffix=".tmp")
    try:
        os.fchmod(fd, 0o644)  # an ordinary note file, not mkstemp's private 0600
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Path(tmp)


def write_new_note(folder: Path, title: str | None, text: str, *, now: dt.datetime | None = None,
                   via: str = "memex") -> Path:
    """Create `<folder>/<title>.md` (never overwriting: " 2", " 3"... on a clash); returns its path."""
    now = now or dt.datetime.now().astimezone()
    text = clean_text(text)
    title = " ".join((title or "").split())
    if len(title) > MAX_TITLE_CHARS:
        raise MemexError(f"title is {len(title)} characters; at most {MAX_TITLE_CHARS}")
    if title:
        body = text if text.startswith(f"# {title}") else f"# {title}\n\n{text}"
    else:  # like a note app: the text as written, named after its first line
        first = " ".join(text.partition("\n")[0].lstrip("#").split())
        title = (first[:80].rstrip() + ("…" if len(first) > 80 else "")) if first else f"Note {now:%Y-%m-%d %H%M}"
        body = text
    data = (_front_matter(now, via) + body.rstrip() + "\n").encode("utf-8")
    stem = file_stem(title)
    tmp = _stage(folder, data)
    try:
        for i in range(1, 1000):
            target = folder / (f"{stem}.md" if i == 1 else f"{stem} {i}.md")
            try:
                os.link(tmp, target)  # fails when the name is taken: an existing note is never replaced
                return target
            except FileExistsError:
                continue
        raise MemexError(f"too many notes named {stem!r} in {folder}")
    finally:
        tmp.unlink(missing_ok=True)


def daily_note_path(places: Places, day: dt.date) -> Path:
    """Today's (or `day`'s) daily note."""
    name = file_stem(day.strftime(places.daily_format))
    return places.daily / f"{name}.md"


def append_daily(places: Places, text: str, *, now: dt.datetime | None = None) -> Path:
    """Append a timestamped bullet to the daily note (created with a heading if missing); returns its path.

    Callers hold the home's write lock, so two appends never interleave; the file is replaced atomically.
    """
    now = now or dt.datetime.now().astimezone()
    text = clean_text(text)
    lines = text.splitlines()
    entry = f"- {now:%H:%M} {lines[0]}\n" + "".join(f"  {line}\n" if line.strip() else "\n" for line in lines[1:])
    path = daily_note_path(places, now.date())
    try:
        old = path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        old = f"# {path.stem}\n\n"
    except UnicodeDecodeError:
        raise MemexError(f"{path} is not UTF-8 text; not appending to it") from None
    if old and not old.endswith("\n"):
        old += "\n"
    tmp = _stage(path.parent, (old + entry).encode("utf-8"))
    try:
        if path.exists():
            os.chmod(tmp, path.stat().st_mode & 0o777)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return path
