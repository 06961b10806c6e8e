"""Bytes -> text for every text-like format (TXT, Markdown, HTML), in the order reliability.md §3.5 sets.

BOM sniff, then strict UTF-8, then lossy UTF-8 for mostly-valid files, then a legacy code page.
Never silent garbage: each non-clean path is recorded in the returned warnings.
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

import charset_normalizer

from memex.errors import ParseError

# UTF-32 first: its little-endian BOM starts with the UTF-16 one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")
# Characters a Western cp1252 text plausibly contains outside ASCII.
_WESTERN = re.compile(r"[\xa0-\xff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192"
                      r"\u2013\u2014\u2018\u2019\u201a\u201c\u201d\u201e\u2020\u2021\u2022\u2026"
                      r"\u2030\u2039\u203a\u20ac\u2122\u02c6\u02dc]")
_SAMPLE = 1 << 20  # judge plausibility on the first 1 MiB so huge files stay fast
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?([A-Za-z0-9_.:-]{1,40})""", re.I)


@dataclass
class Decoded:
    """Decoded text plus how it was decoded."""

    text: str
    encoding: str
    warnings: list[str] = field(default_factory=list)


def decode_text(data: bytes, *, declared: str | None = None) -> Decoded:
    """Decode file bytes to text; raises ParseError for binary content or an unknown encoding.

    `declared` is an encoding the file names itself (e.g. an HTML <meta charset>); it is tried
    only after BOM and strict UTF-8, because such declarations are often wrong.
    """
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(enc), enc)
            except UnicodeDecodeError:
                return Decoded(data.decode(enc, errors="replace"), enc, ["lossy decode"])
    if b"\x00" in data:
        raise ParseError("binary file (NUL bytes)")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    lossy, good, bad = _utf8_replaced(data)
    # Real UTF-8 with damage still has valid multi-byte sequences; legacy-encoded text almost never.
    if good > 0 and (good >= bad or bad * 100 <= len(data)):
        return Decoded(lossy, "utf-8", ["lossy decode"])
    if declared:
        enc = _codec_name(declared)
        if enc and enc != "utf-8":
            try:
                return Decoded(data.decode(enc), enc)
            except UnicodeDecodeError:
                pass
    if _plausible_cp1252(data):
        return Decoded(data.decode("cp1252"), "cp1252")
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        if bad <= 3 or bad * 100 <= len(data):
            return Decoded(lossy, "utf-8", ["lossy decode"])  # ASCII with a few stray bytes
        raise ParseError("unknown text encoding (binary file?)")
    return Decoded(str(best), best.encoding, [f"encoding guessed: {best.encoding}"])


def declared_html_charset(data: bytes) -> str | None:
    """The charset an HTML file declares in a <meta> tag near its start, if any."""
    m = _META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii") if m else None


def _codec_name(name: str) -> str | None:
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _utf8_replaced(data: bytes) -> tuple[str, int, int]:
    """(text decoded with U+FFFD replacement, valid non-ASCII chars, invalid sequences)."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    good = sum(len(run) for run in _NON_ASCII_RUN.findall(text)) - text.count("\ufffd")
    return text, good, bad


def _plausible_cp1252(data: bytes) -> bool:
    """True when the bytes read as Western European text in cp1252 (a superset of Latin-1's letters).

    charset-normalizer picks cp1250 for short French text ("crčme"), so Western text is tested
    first: isolated accented letters and typographic punctuation, not runs of symbols.
    """
    try:
        sample = data[:_SAMPLE].decode("cp1252")
    except UnicodeDecodeError:
        return False
    runs = _NON_ASCII_RUN.findall(sample)
    n = sum(len(r) for r in runs)
    if n == 0:
        return True
    western = sum(len(_WESTERN.findall(r)) for r in runs)
    adjacent = sum(len(r) - 1 for r in runs)
    return western >= 0.95 * n and adjacent <= 0.25 * n + 1
