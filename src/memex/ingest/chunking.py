"""Structure-aware chunking: heading sections -> paragraphs -> sentences, sized in model tokens.

A pure function of its inputs: no I/O, no model; the token counter is passed in.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from memex.domain import Block, Chunk, Location

CountTokens = Callable[[Sequence[str]], list[int]]
"""Counts model tokens for many texts at once (batching keeps the tokenizer fast)."""

MIN_BODY_TOKENS = 64
"""Never let a long heading path squeeze the body below this many tokens."""
MIN_CHUNK_TOKENS = 24
"""A section smaller than this (a lone tag line, a one-line intro) joins the next section's first chunk."""

_SENTENCE_END = re.compile(r"(?<=[.!?…。])[\"')\]]*\s+(?=\S)|\n(?=\s*(?:[-*+]|\d+[.)])\s)|\n{2,}")


@dataclass(frozen=True)
class _Unit:
    """A piece that is never split further (a sentence, a code block, or a hard-cut fragment)."""

    text: str
    block: int
    offset: int  # char offset of `text` inside its block
    tokens: int
    atomic_code: bool = False
    header: bool = False
    """The header row (or its separator) of a table: repeated atop each chunk the table continues in."""


def split_sentences(text: str) -> list[tuple[int, str]]:
    """Split text into (offset, sentence) pieces; linear time, keeps every character."""
    pieces: list[tuple[int, str]] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        if m.start() > start:
            pieces.append((start, text[start:m.start()]))
        start = m.end()
    if start < len(text):
        pieces.append((start, text[start:]))
    return [(o, s) for o, s in pieces if s.strip()]


def _hard_cut(text: str, max_chars: int) -> list[tuple[int, str]]:
    """Cut an over-long sentence at spaces (or anywhere, if it has none) into <= max_chars pieces."""
    out: list[tuple[int, str]] = []
    pos = 0
    while pos < len(text):
        end = min(len(text), pos + max_chars)
        if end < len(text):
            space = text.rfind(" ", pos + max_chars // 2, end)
            if space > pos:
                end = space + 1
        out.append((pos, text[pos:end]))
        pos = end
    return out


def _units(blocks: Sequence[Block], idx: Sequence[int], count: CountTokens, budget: int) -> list[_Unit]:
    """Turn a section's blocks into units that each fit in `budget` tokens."""
    whole = count([blocks[i].text for i in idx])
    units: list[_Unit] = []
    for i, n in zip(idx, whole, strict=True):
        b = blocks[i]
        if n <= budget:
            units.append(_Unit(b.text, i, 0, n, atomic_code=b.kind in ("code", "table")))
            continue
        # Too long for one chunk: code and tables split by lines, prose by sentences.
        table = _is_table(b.text)
        if b.kind in ("code", "table") or table:
            parts, pos = [], 0
            for line in b.text.splitlines(keepends=True):
                parts.append((pos, line))
                pos += len(line)
        else:
            parts = split_sentences(b.text)
        counts = count([p for _, p in parts])
        for k, ((off, p), c) in enumerate(zip(parts, counts, strict=True)):
            if c <= budget:
                units.append(_Unit(p, i, off, c, header=table and k < 2))
                continue
            if "\n" in p.strip():
                # A "sentence" of many lines (a log without full stops): split at line breaks first.
                lines, pos = [], 0
                for line in p.splitlines(keepends=True):
                    lines.append((pos, line))
                    pos += len(line)
                lc = count([x for _, x in lines])
                if all(n <= budget for n in lc):
                    units += [_Unit(x, i, off + o, n) for (o, x), n in zip(lines, lc, strict=True) if x.strip()]
                    continue
            # A single sentence longer than a chunk: the only case where a sentence is cut.
            cuts = _hard_cut(p, max_chars=budget * 3)
            for (o2, p2), c2 in zip(cuts, count([x for _, x in cuts]), strict=True):
                if c2 > budget:  # dense text (many tokens per char): cut finer
                    for o3, p3 in _hard_cut(p2, max_chars=budget):
                        units.append(_Unit(p3, i, off + o2 + o3, min(budget, len(p3))))
                else:
                    units.append(_Unit(p2, i, off + o2, c2))
    return units


_TABLE_SEP = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")


def _is_table(text: str) -> bool:
    """A Markdown pipe table: rows opening with "|" and a separator row under the header."""
    lines = text.splitlines()
    return len(lines) >= 3 and lines[0].lstrip().startswith("|") and bool(_TABLE_SEP.match(lines[1]))


def _sections(blocks: Sequence[Block]) -> list[list[int]]:
    """Group consecutive blocks that share a heading path and page; each "speech" block stands alone."""
    groups: list[list[int]] = []
    key = None
    for i, b in enumerate(blocks):
        if not b.text.strip() or b.kind == "heading":
            continue
        k = (b.heading_path, b.page)
        if groups and k == key and b.kind != "speech":  # a stretch of speech is cited (and played) alone
            groups[-1].append(i)
        else:
            groups.append([i])
            key = k
    return groups


def chunk_blocks(blocks: Sequence[Block], count: CountTokens, *, max_tokens: int = 256,
                 overlap: int = 32, title: str | None = None) -> list[Chunk]:
    """Pack blocks into chunks of at most `max_tokens` tokens, with heading context, never mid-sentence.

    The budget leaves room for the title/heading prefix that the indexer prepends for embedding.
    """
    chunks: list[Chunk] = []
    budgets: list[int] = []
    block_starts: list[int] = []
    pos = 0
    for b in blocks:  # char offsets into the document text, blocks joined by blank lines
        block_starts.append(pos)
        pos += len(b.text) + 2
    for section in _sections(blocks):
        heading_path = blocks[section[0]].heading_path
        prefix = " > ".join(([title] if title else []) + list(heading_path))
        prefix_tokens = count([prefix])[0] if prefix else 0
        budget = max(MIN_BODY_TOKENS, max_tokens - prefix_tokens - 2)
        units = _units(blocks, section, count, budget)
        current: list[_Unit] = []
        size = 0
        for u in units:
            if current and size + u.tokens > budget:
                chunks.append(_make_chunk(current, blocks, block_starts, len(chunks)))
                budgets.append(budget)
                carried: list[_Unit] = []
                carried_size = 0
                headers = [h for h in units if h.header and h.block == u.block]
                if headers and not u.header:
                    # A table continues: its header row comes along, so every row still says what it holds.
                    carried, carried_size = headers, sum(h.tokens for h in headers)
                # Overlap: repeat whole trailing sentences of the previous chunk (never code).
                for prev in ([] if headers else reversed(current)):
                    if prev.atomic_code or carried_size + prev.tokens > overlap:
                        break
                    carried.insert(0, prev)
                    carried_size += prev.tokens
                if carried_size + u.tokens > budget:
                    carried, carried_size = [], 0
                current, size = carried, carried_size
            current.append(u)
            size += u.tokens
        if current:
            chunks.append(_make_chunk(current, blocks, block_starts, len(chunks)))
            budgets.append(budget)
    return _merge_small(chunks, budgets)


def _merge_small(chunks: list[Chunk], budgets: list[int]) -> list[Chunk]:
    """Fold tiny chunks into the following chunk of the same page when both fit in its budget."""
    out: list[Chunk] = []
    i = 0
    while i < len(chunks):
        c = chunks[i]
        nxt = chunks[i + 1] if i + 1 < len(chunks) else None
        if (nxt is not None and c.n_tokens < MIN_CHUNK_TOKENS and c.location.page == nxt.location.page
                and c.n_tokens + nxt.n_tokens + 2 <= budgets[i + 1]):
            common = _common_prefix(c.heading_path, nxt.heading_path)
            # The sections' own headings would be lost with the shorter common path ("## Aoife" and
            # "## Ruth D" folded into one gift-list chunk): they stay in the text, as heading lines.
            c = Chunk(text=f"{_labelled(c, common)}\n\n{_labelled(nxt, common)}", ordinal=0, heading_path=common,
                      location=Location(page=c.location.page, heading=nxt.location.heading,
                                        start_line=c.location.start_line, end_line=nxt.location.end_line,
                                        start_s=c.location.start_s, end_s=nxt.location.end_s),
                      start_char=c.start_char, end_char=nxt.end_char, n_tokens=c.n_tokens + nxt.n_tokens)
            chunks[i + 1] = c
            i += 1
            continue
        out.append(Chunk(c.text, len(out), c.heading_path, c.location, c.start_char, c.end_char, c.n_tokens))
        i += 1
    return out


def _labelled(c: Chunk, common: tuple[str, ...]) -> str:
    """The chunk's text under its headings below `common`, as a Markdown heading line."""
    below = [h for h in c.heading_path[len(common):] if h]
    if not below:
        return c.text
    return f"{'#' * min(6, len(common) + 2)} {' › '.join(below)}\n{c.text}"


def _common_prefix(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[str, ...]:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]


def _line_of(block: Block, offset: int) -> int | None:
    if block.start_line is None:
        return None
    return block.start_line + block.text.count("\n", 0, offset)


def _make_chunk(units: list[_Unit], blocks: Sequence[Block], starts: list[int], ordinal: int) -> Chunk:
    parts: list[str] = []
    for prev, u in zip([None, *units[:-1]], units, strict=True):
        if prev is not None:
            same_block = prev.block == u.block
            if same_block and not u.atomic_code:
                # Keep a line break that separated two sentences (log lines, list items): dates that open a
                # line and readable quotes depend on it.
                gap = blocks[u.block].text[prev.offset + len(prev.text.rstrip()):u.offset]
                parts.append("\n" if "\n" in gap or prev.header else " ")
            else:
                parts.append("\n\n")
        parts.append(u.text.strip() if not u.atomic_code else u.text.rstrip())
    # A table's repeated header row is not where the chunk starts: its rows are.
    first, last = next((u for u in units if not u.header), units[0]), units[-1]
    fb, lb = blocks[first.block], blocks[last.block]
    end_line = _line_of(lb, last.offset + len(last.text.rstrip()))
    if lb.end_line is not None and last.offset + len(last.text) >= len(lb.text.rstrip()):
        end_line = lb.end_line  # the chunk runs to the block's end: trust the parser's line count
    heading_path = fb.heading_path
    return Chunk(
        text="".join(parts).strip(),
        ordinal=ordinal,
        heading_path=heading_path,
        location=Location(page=fb.page, heading=heading_path[-1] if heading_path else None,
                          start_line=_line_of(fb, first.offset), end_line=end_line,
                          start_s=fb.start_s, end_s=lb.end_s),
        start_char=starts[first.block] + first.offset,
        end_char=starts[last.block] + last.offset + len(last.text),
        n_tokens=sum(u.tokens for u in units),
    )
