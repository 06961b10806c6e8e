"""Walk a source folder: regular supported files only; hidden, ignored and unsafe entries skipped."""
from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pathspec

IGNORE_FILE = ".memexignore"


@dataclass(frozen=True)
class FileEntry:
    """A file found by the scan, with the stat used to skip unchanged files unread."""

    path: str
    size: int
    mtime_ns: int


@dataclass(frozen=True)
class Skipped:
    """An entry that is not indexed, and why (shown by `memex status`)."""

    path: str
    reason: str


class _Ignore:
    """`.memexignore` rules (gitignore syntax), matched with one combined regex when possible."""

    def __init__(self, lines: list[str]) -> None:
        self.spec = pathspec.PathSpec.from_lines("gitignore", lines)
        patterns = [p for p in self.spec.patterns if p.include is not None]
        # Without negations ("!keep.md") order doesn't matter, so one alternation is equivalent and
        # much faster than asking every pattern about every file (the no-change sync's hot loop).
        self.regex = None
        if all(p.include for p in patterns) and all(getattr(p, "regex", None) is not None for p in patterns):
            self.regex = re.compile("|".join(f"(?:{p.regex.pattern})" for p in patterns)) if patterns else None
            self.empty = not patterns
        else:
            self.empty = False

    def match(self, rel: str) -> bool:
        if self.regex is not None:
            return self.regex.match(rel) is not None
        return False if self.empty else self.spec.match_file(rel)


def _load_ignore(root: Path) -> _Ignore | None:
    f = root / IGNORE_FILE
    try:
        lines = f.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    return _Ignore(lines)


def _printable(path: str) -> str | None:
    """The path as valid UTF-8 text, or None when the file name is not (it can't be stored as-is)."""
    try:
        path.encode("utf-8")
        return path
    except UnicodeEncodeError:
        return None


def scan(root: Path, extensions: frozenset[str]) -> Iterator[FileEntry | Skipped]:
    """Yield FileEntry for each indexable file under root (or root itself if it is a file)."""
    root = root.absolute()
    root_real = os.path.realpath(root)
    if root.is_file():
        yield from _check(str(root), root_real if os.path.isdir(root_real) else os.path.dirname(root_real),
                          extensions)
        return
    ignore = _load_ignore(root)
    prefix = len(str(root).rstrip(os.sep)) + 1  # entry.path[prefix:] is the path relative to root
    stack = [str(root)]
    while stack:
        folder = stack.pop()
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as e:
            yield Skipped(folder, f"cannot read folder: {e.strerror}")
            continue
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue  # hidden files and folders (.git, .obsidian, .trash) are never notes
            try:
                is_dir = entry.is_dir(follow_symlinks=False)
            except OSError:
                is_dir = False
            if ignore is not None and ignore.match(entry.path[prefix:] + ("/" if is_dir else "")):
                continue
            if is_dir:
                stack.append(entry.path)
                continue
            if entry.is_symlink() and os.path.isdir(entry.path):
                # Directory symlinks are not followed: they can loop or leave the source.
                yield Skipped(entry.path, "symlinked folder not followed")
                continue
            yield from _check(entry.path, root_real, extensions)


def _check(path: str, root_real: str, extensions: frozenset[str]) -> Iterator[FileEntry | Skipped]:
    shown = _printable(path)
    if os.path.splitext(path)[1].lower() not in extensions:
        return
    if shown is None:
        yield Skipped(path.encode("utf-8", "surrogateescape").decode("utf-8", "replace"),
                      "file name is not valid UTF-8")
        return
    try:
        st = os.lstat(path)
        if stat.S_ISLNK(st.st_mode):
            real = os.path.realpath(path)
            if not os.path.exists(real):
                yield Skipped(path, "broken symlink")
                return
            if os.path.commonpath([real, root_real]) != root_real:
                yield Skipped(path, "symlink points outside the source folder")
                return
            st = os.stat(path)
    except OSError as e:
        yield Skipped(path, f"cannot stat: {e.strerror}")
        return
    if not stat.S_ISREG(st.st_mode):
        kind = "FIFO" if stat.S_ISFIFO(st.st_mode) else "device or socket"
        yield Skipped(path, f"not a regular file ({kind})")
        return
    yield FileEntry(path, st.st_size, st.st_mtime_ns)
