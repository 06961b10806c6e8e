"""File names that every desktop OS (and Obsidian) accepts, kept unique on case-insensitive disks."""
from __future__ import annotations

import re
import unicodedata
from pathlib import PurePosixPath

MAX_COMPONENT_CHARS = 100
"""Per folder or file name: far below the 255-byte limits, so deep vaults stay under Windows' 260."""
_WINDOWS_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)),
                     *(f"lpt{i}" for i in range(10)), "conin$", "conout$"}
_ILLEGAL = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
"""Forbidden by Windows (and ':' by macOS Finder); control characters by common sense."""
_OBSIDIAN = re.compile(r"[#^\[\]|]")
"""Characters Obsidian refuses in note names because they break [[links]]."""


def safe_component(name: str, *, obsidian: bool = True) -> str:
    """One path component made legal on Windows, macOS and Linux (and for Obsidian links)."""
    name = unicodedata.normalize("NFC", name)
    name = _ILLEGAL.sub("_", name)
    if obsidian:
        name = _OBSIDIAN.sub("_", name)
    name = name.strip().rstrip(". ")  # Windows drops trailing dots and spaces
    if not name or set(name) <= {"."}:
        name = "_"
    stem, dot, ext = name.rpartition(".")
    if not dot or not stem:
        stem, ext = name, ""
    if stem.split(".")[0].lower() in _WINDOWS_RESERVED:  # "con.md" and "CON.tar.gz" are reserved too
        stem = f"_{stem}"
    suffix = f".{ext}" if ext else ""
    if len(suffix) > 16:  # not an extension: part of the name
        stem, suffix = stem + suffix, ""
    stem = stem[:MAX_COMPONENT_CHARS - len(suffix)].rstrip(". ") or "_"
    if name.startswith("."):
        stem = "_" + stem.lstrip(".")  # hidden files are skipped by Obsidian and by Memex's own scan
    return stem + suffix


def safe_relpath(rel: str, *, obsidian: bool = True) -> str:
    """A relative POSIX path with every component made safe (no '..', no absolute parts)."""
    parts = [p for p in PurePosixPath(rel.replace("\\", "/")).parts if p not in ("", ".", "/")]
    return "/".join(safe_component("_" if p == ".." else p, obsidian=obsidian) for p in parts) or "_"


def _key(rel: str) -> str:
    """Two names that are the same file on macOS/Windows (case and normalisation insensitive)."""
    return unicodedata.normalize("NFC", rel).casefold()


class NameAllocator:
    """Hands out unique relative paths: 'a/Note.md', then 'a/Note (2).md' for a clash in any letter case.

    Folders and files share one namespace, so a file never takes the name of a folder used by another.
    """

    def __init__(self, taken: set[str] | None = None) -> None:
        self._used: set[str] = set()
        self._dirs: set[str] = set()
        for rel in taken or ():
            self.claim(rel)

    def claim(self, rel: str) -> None:
        """Mark `rel` (and its folders) as used, as it is."""
        self._used.add(_key(rel))
        parts = rel.split("/")
        for i in range(1, len(parts)):
            self._dirs.add(_key("/".join(parts[:i])))

    def taken(self, rel: str) -> bool:
        """Is this exact path (in any letter case) already used, as a file or a folder?"""
        k = _key(rel)
        if k in self._used or k in self._dirs:
            return True
        parts = rel.split("/")
        return any(_key("/".join(parts[:i])) in self._used for i in range(1, len(parts)))

    def allocate(self, rel: str, *, obsidian: bool = True) -> str:
        """`rel` made safe, and unique by a ' (n)' before the extension when it clashes."""
        rel = safe_relpath(rel, obsidian=obsidian)
        folder, _, name = rel.rpartition("/")
        if folder and self._file_in(folder):
            # A file already has the name of one of our folders: put this one in a sibling folder.
            folder = self.allocate_folder(folder, obsidian=obsidian)
            rel = f"{folder}/{name}"
        stem, dot, ext = name.rpartition(".")
        if not dot or not stem:
            stem, ext = name, ""
        candidate, n = rel, 1
        while self.taken(candidate):
            n += 1
            new = f"{stem} ({n})" + (f".{ext}" if ext else "")
            candidate = f"{folder}/{new}" if folder else new
        self.claim(candidate)
        return candidate

    def allocate_folder(self, rel: str, *, obsidian: bool = True) -> str:
        """A folder path in which no component is a file (folders may be shared by many notes)."""
        out: list[str] = []
        for part in safe_relpath(rel, obsidian=obsidian).split("/"):
            candidate, n = part, 1
            while _key("/".join([*out, candidate])) in self._used:
                n += 1
                candidate = f"{part} ({n})"
            out.append(candidate)
            self._dirs.add(_key("/".join(out)))
        return "/".join(out)

    def _file_in(self, folder: str) -> bool:
        """Is `folder`, or one of its parents, the name of a file?"""
        parts = folder.split("/")
        return any(_key("/".join(parts[:i])) in self._used for i in range(1, len(parts) + 1))
