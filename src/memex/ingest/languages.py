"""Per-home language facts: filling in languages of old notes, and the `embedder = "auto"` choice.

`auto` (the default) keeps a mostly-English home on MiniLM (fast, and what every benchmark was tuned
with) and moves a home whose text is mostly in other languages to the bundled multilingual model.
A fresh home decides from a sample of its first source's text files before anything is embedded;
a home that already has vectors switches through the zero-downtime re-embedding (search keeps the
old vectors until the new ones cover every chunk). The decision is stored in `meta.auto_embedder`.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from memex.config import Settings
from memex.embed.coverage import AUTO, ENGLISH_SPEC, MULTILINGUAL_SPEC, auto_choice
from memex.ingest.scan import FileEntry, scan
from memex.language.detect import UNDETERMINED, detect, note_languages
from memex.store import documents as docs
from memex.store.db import write_tx

Confirm = Callable[[str], bool]
"""Asked before an automatic switch (interactive CLI); returns True to go ahead."""
SAMPLE_FILES = 40
SAMPLE_BYTES = 4000
_SAMPLE_EXTENSIONS = (".md", ".markdown", ".txt")
NAMES = {"en": "English", "es": "Spanish", "de": "German", "fr": "French", "it": "Italian", "pt": "Portuguese",
         "nl": "Dutch", "ca": "Catalan", "pl": "Polish", "ru": "Russian", "ja": "Japanese", "zh": "Chinese",
         "ko": "Korean", "ar": "Arabic", "he": "Hebrew", "tr": "Turkish", "sv": "Swedish", "da": "Danish",
         "no": "Norwegian", "fi": "Finnish", "cs": "Czech", "uk": "Ukrainian", "el": "Greek", "hi": "Hindi"}


@dataclass(frozen=True)
class Advice:
    """The embedder `auto` wants for this home, and why (shown to the user)."""

    spec: str
    reason: str


def resolve(conn: sqlite3.Connection, settings: Settings) -> str:
    """The embedder spec the settings mean for this home ("auto" resolved through meta)."""
    if settings.embedder.strip().lower() != AUTO:
        return settings.embedder
    return docs.get_meta(conn, "auto_embedder") or ENGLISH_SPEC


def summary(counts: dict[str, int], limit: int = 4) -> str:
    """'es 1,804 · en 71' from per-language counts, largest first."""
    items = sorted(((lang, n) for lang, n in counts.items() if n), key=lambda kv: -kv[1])
    text = " · ".join(f"{lang} {n:,}" for lang, n in items[:limit])
    rest = sum(n for _, n in items[limit:])
    return text + (f" · others {rest:,}" if rest else "")


def _reason(spec: str, counts: dict[str, int]) -> str:
    known = {k: v for k, v in counts.items() if k != UNDETERMINED}
    top = max(known, key=lambda k: known[k]) if known else "en"
    name = NAMES.get(top, top)
    if spec == MULTILINGUAL_SPEC:
        return (f"most of your notes are not in English ({summary(counts)}, mostly {name}): "
                f"switching to the bundled multilingual embedder (multilingual-e5-small)")
    return f"most of your notes are in English ({summary(counts)}): using the English embedder (MiniLM)"


def sample_languages(sources: list[Path]) -> dict[str, int]:
    """Languages of up to SAMPLE_FILES text notes spread over the sources (nothing parsed or stored)."""
    entries = [e for root in sources if root.exists() for e in scan(root, frozenset(_SAMPLE_EXTENSIONS))
               if isinstance(e, FileEntry)]
    step = max(1, len(entries) // SAMPLE_FILES)
    counts: dict[str, int] = {}
    for e in entries[::step][:SAMPLE_FILES]:
        try:
            with open(e.path, encoding="utf-8", errors="replace") as f:
                text = f.read(SAMPLE_BYTES)
        except OSError:
            continue
        lang = detect(text).lang
        counts[lang] = counts.get(lang, 0) + 1
    return counts


def chunk_counts(conn: sqlite3.Connection) -> dict[str, int]:
    """Chunks per language in the store."""
    return {lang: v["chunks"] for lang, v in docs.languages(conn).items()}


def advise(conn: sqlite3.Connection, settings: Settings, counts: dict[str, int] | None = None) -> Advice | None:
    """The switch `auto` wants now, or None (not auto, already right, or the user said no before)."""
    if settings.embedder.strip().lower() != AUTO:
        return None
    counts = chunk_counts(conn) if counts is None else counts
    want = auto_choice(counts)
    current = resolve(conn, settings)
    if want == current or docs.get_meta(conn, "auto_declined") == want:
        return None
    if want == ENGLISH_SPEC and current == MULTILINGUAL_SPEC:
        return None  # the multilingual model reads English too: never switch back on its own
    return Advice(want, _reason(want, counts))


def decide(conn: sqlite3.Connection, advice: Advice, confirm: Confirm | None) -> bool:
    """Apply an advice (after asking, when there is someone to ask); True if the home now uses it."""
    if confirm is not None and not confirm(advice.reason):
        with write_tx(conn):
            docs.set_meta(conn, "auto_declined", advice.spec)
        return False
    with write_tx(conn):
        docs.set_meta(conn, "auto_embedder", advice.spec)
    return True


def backfill(conn: sqlite3.Connection, batch: int = 200) -> int:
    """Detect the language of notes indexed before languages were recorded; returns notes done."""
    done = 0
    while rows := docs.docs_without_language(conn, batch):
        with write_tx(conn):
            for doc_id, chunks in rows:
                lang, langs = note_languages([t for _, t in chunks])
                docs.set_languages(conn, doc_id, lang, [(o, lg) for (o, _), lg in zip(chunks, langs, strict=True)])
                docs.reindex_fts(conn, doc_id)  # stems now that the language is known
        done += len(rows)
    return done
