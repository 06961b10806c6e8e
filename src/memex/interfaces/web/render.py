"""Pure formatting for the web UI: location labels, highlighted notes, explain tables, streamed words.

Nothing here imports Streamlit, so it is unit-tested directly. Every piece of note text is HTML-escaped:
notes are untrusted input and must not inject markup or scripts into the page.
"""
from __future__ import annotations

import html
import re
from collections.abc import Iterator, Mapping, Sequence
from pathlib import PurePath
from typing import Any

HIGHLIGHT_ID = "memex-cited"
"""Element id of the highlighted (cited) chunk in a rendered note."""

NOTE_CSS = """
<style>
.memex-note { font-family: ui-sans-serif, system-ui, sans-serif; font-size: 0.95rem; line-height: 1.5; }
.memex-chunk { display: flex; gap: 0.75rem; padding: 0.35rem 0.5rem; border-radius: 0.4rem; }
.memex-gutter { flex: 0 0 6.5rem; color: #888; font-size: 0.8rem; text-align: right; padding-top: 0.1rem; }
.memex-text { flex: 1 1 auto; white-space: pre-wrap; overflow-wrap: anywhere; }
.memex-heading { font-weight: 600; color: #555; font-size: 0.8rem; }
.memex-page { font-weight: 700; margin: 0.8rem 0 0.2rem 0; border-bottom: 1px solid #ddd; }
.memex-cited { background: #fff3bf; border-left: 4px solid #f59f00; }
.memex-cited mark { background: #ffd43b; padding: 0 0.1rem; }
</style>
"""


def location_label(location: Mapping[str, Any] | None) -> str:
    """Where a passage sits: "page 3", "lines 8–13", "line 4", plus its heading when known."""
    if not location:
        return ""
    parts = []
    if location.get("start_s") is not None:
        from memex.media.timecode import span
        parts.append(f"at {span(location['start_s'], location.get('end_s'))}")
    if location.get("page"):
        parts.append(f"page {location['page']}")
    start, end = location.get("start_line"), location.get("end_line")
    if start and end and end != start:
        parts.append(f"lines {start}–{end}")
    elif start:
        parts.append(f"line {start}")
    if location.get("heading"):
        parts.append(f"§ {location['heading']}")
    return " · ".join(parts)


def chunk_location(chunk: Mapping[str, Any]) -> dict[str, Any]:
    """A Brain.document() chunk's location in the same shape as Location.to_dict()."""
    heading = chunk.get("heading_path") or []
    return {"page": chunk.get("page"), "heading": heading[-1] if heading else None,
            "start_line": chunk.get("start_line"), "end_line": chunk.get("end_line"),
            "start_s": chunk.get("start_s"), "end_s": chunk.get("end_s")}


def display_name(path: str, title: str | None = None) -> str:
    """A note's title, or its file name when it has none."""
    return title or PurePath(path).name


def citation_label(citation: Mapping[str, Any], title: str | None = None) -> str:
    """Button text for a citation: "[2] Heron retro · lines 20–23 · § Decisions"."""
    where = location_label(citation.get("location"))
    name = display_name(citation["path"], title)
    return f"[{citation['n']}] {name}" + (f" · {where}" if where else "")


def _mark_quote(escaped_text: str, quote: str | None) -> str:
    """Wrap the quoted sentence (already escaped text) in <mark>, tolerant of whitespace differences."""
    if not quote or not quote.strip():
        return escaped_text
    words = [re.escape(html.escape(w, quote=True)) for w in quote.split()]
    match = re.search(r"\s+".join(words), escaped_text)
    if not match:
        return escaped_text
    return f"{escaped_text[:match.start()]}<mark>{match.group(0)}</mark>{escaped_text[match.end():]}"


def _gutter(chunk: Mapping[str, Any]) -> str:
    start, end = chunk.get("start_line"), chunk.get("end_line")
    if start and end and end != start:
        return f"lines {start}–{end}"
    if start:
        return f"line {start}"
    return ""


def note_html(chunks: Sequence[Mapping[str, Any]], cited_chunk_id: str | None = None,
              quote: str | None = None) -> str:
    """A note's chunks as HTML, page headers for PDFs, line ranges in the gutter, the cited chunk marked."""
    out = [NOTE_CSS, '<div class="memex-note">']
    page = None
    for ch in chunks:
        if ch.get("page") and ch["page"] != page:
            page = ch["page"]
            out.append(f'<div class="memex-page">Page {int(page)}</div>')
        cited = cited_chunk_id is not None and str(ch.get("chunk_id")) == str(cited_chunk_id)
        text = html.escape(ch.get("text") or "", quote=True)
        if cited:
            text = _mark_quote(text, quote)
        heading = " › ".join(ch.get("heading_path") or [])
        attrs = f' id="{HIGHLIGHT_ID}" class="memex-chunk memex-cited"' if cited else ' class="memex-chunk"'
        head = f'<div class="memex-heading">{html.escape(heading)}</div>' if heading else ""
        # No blank lines anywhere: the block must stay one piece of HTML wherever it is rendered.
        out.append(f'<div{attrs}><div class="memex-gutter">{html.escape(_gutter(ch))}</div>'
                   f'<div class="memex-text">{head}{text}</div></div>')
    out.append("</div>")
    return "".join(out)


def cited_chunk(chunks: Sequence[Mapping[str, Any]], chunk_id: str | None) -> Mapping[str, Any] | None:
    """The chunk with this id, or None."""
    return next((c for c in chunks if chunk_id is not None and str(c.get("chunk_id")) == str(chunk_id)), None)


def stream_words(text: str) -> Iterator[str]:
    """The answer word by word (whitespace kept), for st.write_stream."""
    yield from re.findall(r"\S+\s*|\s+", text)


def parse_tags(raw: str | None) -> list[str]:
    """Tags typed as "a, #b c" -> ["a", "b", "c"]."""
    return [t.lstrip("#") for t in re.split(r"[,\s]+", raw or "") if t.strip("#").strip()]


def explain_rows(explain: Mapping[str, Any] | None) -> list[dict[str, str]]:
    """Hit.explain as (signal, value) rows: BM25 and dense rank/score, fused score, filters, chunk."""
    if not explain:
        return []

    def num(v: Any, digits: int = 4) -> str:
        return "—" if v is None else (f"{v:.{digits}f}" if isinstance(v, float) else str(v))

    chunk = explain.get("matched_chunk") or {}
    rows = [("BM25 rank", num(explain.get("bm25_rank"))), ("BM25 score", num(explain.get("bm25_score"))),
            ("Dense rank", num(explain.get("dense_rank"))), ("Dense score", num(explain.get("dense_score"))),
            ("Fused score", num(explain.get("fused_score"), 5)),
            ("FTS query", str(explain.get("fts_query") or "—")),
            ("Filters", "; ".join(explain.get("filters") or []) or "none"),
            ("Matched chunk", f"#{chunk.get('ordinal', '?')} " + " › ".join(chunk.get("heading_path") or [])),
            ("Note date", f"{explain.get('note_date') or '—'} ({explain.get('date_source') or 'mtime'})"),
            ("Passage dates", _span(explain.get("dates") or {}))]
    return [{"signal": k, "value": v} for k, v in rows]


def _span(dates: Mapping[str, Any]) -> str:
    """The dates a passage's statements carry: "2024-04-02 – 2024-05-10", one day, or "—"."""
    first, last = dates.get("first"), dates.get("last")
    if not first and not last:
        return "—"
    return first if first == last or not last else f"{first or '…'} – {last}"


def coverage(source: Mapping[str, Any]) -> str:
    """Share of a source's files that are indexed: "16/17 (94%)"."""
    docs, fails = int(source.get("documents", 0)), int(source.get("failures", 0))
    total = docs + fails
    return f"{docs}/{total} ({100 * docs // total}%)" if total else "0/0"


def snippet(text: str, limit: int = 400) -> str:
    """Text cut at a word boundary near `limit` characters."""
    text = text.strip()
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[:cut if cut > limit // 2 else limit].rstrip() + " …"


def answer_markdown(text: str) -> str:
    """An answer for display: list items run together after a citation ("[1] - next") get their own line."""
    return safe_markdown(re.sub(r"(\[\d+\])[ \t]+([-*] )", r"\1\n\2", text))


def safe_markdown(text: str) -> str:
    """Note text for st.markdown: images become plain text, so rendering never fetches anything remote."""
    return text.replace("![", "!\\[")


def progress_update(event: str, info: Mapping[str, Any]) -> tuple[float, str] | None:
    """Brain.add/sync progress events as (fraction done, label) for a progress bar; None to ignore."""
    if event == "scan":
        n = int(info.get("total", 0))
        return 0.0, f"Found {n} file{'s' if n != 1 else ''} to check"
    if event == "file":
        done, total = int(info.get("done", 0)), int(info.get("total", 0))
        name = PurePath(str(info.get("path") or "")).name
        fraction = min(done / total, 1.0) if total else 1.0
        return fraction, f"{done}/{total} {name}".rstrip()
    if event == "media":  # a long OCR or transcription inside one file
        done, total = float(info.get("done") or 0), info.get("total")
        name = PurePath(str(info.get("path") or "")).name
        stage = str(info.get("stage") or "")
        if info.get("unit") == "s":
            from memex.media.timecode import clock
            where = f"{clock(done)}/{clock(float(total))}" if total else clock(done)
        else:
            where = f"page {int(done) + 1}/{total}" if total else f"page {int(done) + 1}"
        fraction = min(done / float(total), 1.0) if total else 0.0
        return fraction, f"{name}: {stage} {where}"
    return None


def clip_start(location: Mapping[str, Any] | None) -> int | None:
    """Whole second where a cited passage of a recording starts (None for text)."""
    if not location or location.get("start_s") is None:
        return None
    return max(0, int(float(location["start_s"])))


def when(ts: float) -> str:
    """A Unix time as local "YYYY-MM-DD HH:MM"."""
    import datetime as dt

    return dt.datetime.fromtimestamp(ts).strftime("%Y-%m-%d %H:%M")
