"""Language identification with py3langid (its model ships in the wheel; BSD-3-Clause).

Chosen by measurement (bench/langid.py, docs/languages.md): on the Obsidian help vault in seven
languages it labelled every note right at ~1 ms a note, and 93% of one-line questions. A text too
short, or with no letters (emoji, numbers, code), or that the model is unsure about, is "und"
(undetermined) rather than a guess.
"""
from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

UNDETERMINED = "und"
"""ISO 639-2's code for "undetermined": no letters, too short, or the model is unsure."""
SAMPLE_CHARS = 3000
"""Characters of a document read to tell its language (its opening, middle and end)."""
CHUNK_SAMPLE = 600
"""Characters of each chunk read to tell a mixed note's parts apart."""
MIN_LETTERS = 12
DOC_CONFIDENCE = 0.5
"""A document's language is recorded only when the model gives it at least this probability
(every note of the seven-language Obsidian help vault scored 0.83 or more)."""
SHORT_CHARS = 200
SHORT_CONFIDENCE = 0.95
"""A short Latin-script note (under SHORT_CHARS, a title) needs this probability: CACM titles were read
as Latin or Nigerian Pidgin."""
QUERY_CONFIDENCE = 0.7
"""A query's language, among the home's languages, needs this share of their probability: on 518
one-line questions in seven languages this labelled 92% and got none wrong (bench/langid.py)."""
FOREIGN_CONFIDENCE = 0.9
"""A query in a language the home doesn't hold is believed only when the model is this sure..."""
FOREIGN_SHARE = 0.25
"""...or when the home's languages together get less than this probability."""

_LETTERS = re.compile(r"[^\W\d_]", re.UNICODE)
# Markup and machine text carry no language: links, code spans, wikilink targets, front-matter keys.
_NOISE = re.compile(r"```.*?```|`[^`\n]*`|https?://\S+|\[\[[^\]|]*\||[#*_>|\-=\[\](){}]+", re.S)
_lock = threading.Lock()
_identifier: Any = None
# py3langid reports some languages under codes other tools don't use; keep ISO 639-1.
_ALIASES = {"nb": "no", "nn": "no", "zh-tw": "zh"}


@dataclass(frozen=True)
class Detected:
    """A language code (ISO 639-1, or "und") and the model's probability for it."""

    lang: str
    confidence: float


def _model() -> Any:
    global _identifier
    with _lock:
        if _identifier is None:
            try:
                from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier
            except ImportError as e:  # a declared dependency; say what to install rather than crash
                from memex.errors import ModelNotFound
                raise ModelNotFound("language detection needs py3langid: run `pip install py3langid`") from e
            try:
                _identifier = _from_unpacked(Path(MODEL_DIR) / MODEL_FILE, LanguageIdentifier)
            except Exception:  # noqa: BLE001 - the cache is an optimisation: fall back to the package's loader
                _identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
        return _identifier


def _from_unpacked(packed: Path, identifier: Any) -> Any:
    """Load py3langid's model from an unpacked copy in the user cache (unpacking the .xz costs ~2 s a
    process on a busy 2-core machine, and every `memex add` that parses a file needs the model)."""
    import hashlib
    import lzma
    import os
    import shutil

    import numpy as np
    import platformdirs
    from py3langid import modelio

    st = packed.stat()
    key = hashlib.sha1(f"{packed}:{st.st_size}:{st.st_mtime_ns}".encode()).hexdigest()[:12]
    unpacked = Path(platformdirs.user_cache_dir("memex", appauthor=False)) / f"langid-{key}.npz"
    if not unpacked.is_file():
        unpacked.parent.mkdir(parents=True, exist_ok=True)
        tmp = unpacked.with_suffix(f".tmp{os.getpid()}")
        with lzma.open(packed) as src, open(tmp, "wb") as dst:
            shutil.copyfileobj(src, dst, 1 << 20)
        os.replace(tmp, unpacked)
    with np.load(unpacked, allow_pickle=False) as d:
        return identifier(np.asarray(d["ptc"]), np.asarray(d["pc"]), d["classes"].tolist(),
                          modelio._to_array(d["nextmove"]), d["out_feat"].tolist(),
                          tk_row=modelio._to_array(d["nextmove_row"]), norm_probs=True)


def sample(text: str, limit: int = SAMPLE_CHARS) -> str:
    """Up to `limit` characters from the opening, middle and end of a text, markup removed."""
    text = _NOISE.sub(" ", text)
    if len(text) <= limit:
        return text
    third = limit // 3
    mid = len(text) // 2
    return " ".join((text[:third], text[mid - third // 2: mid + third // 2], text[-third:]))


def detect(text: str, min_confidence: float = DOC_CONFIDENCE, limit: int = SAMPLE_CHARS) -> Detected:
    """The language of `text`, or "und" when it has too few letters or the model is unsure."""
    text = sample(text, limit)
    letters = _LETTERS.findall(text)
    if len(letters) < MIN_LETTERS:
        return Detected(UNDETERMINED, 0.0)
    lang, prob = _model().classify(text)
    lang = _ALIASES.get(lang, lang)
    # Short Latin-script text (a title) is where the model guesses wildly; other scripts tell more.
    short_latin = len(text) < SHORT_CHARS and sum(ch.isascii() for ch in letters) > len(letters) / 2
    if prob < min_confidence or (short_latin and prob < SHORT_CONFIDENCE):
        return Detected(UNDETERMINED, float(prob))
    return Detected(lang, float(prob))


def detect_query(text: str, candidates: frozenset[str] | set[str] = frozenset()) -> Detected:
    """The language of a search query, "und" unless the model is confident.

    One-line queries mislead a character n-gram model (Spanish read as Galician, Portuguese as
    Spanish), so the choice is made among the languages the notes are written in (`candidates`),
    unless the model is sure the query is in yet another one.
    """
    text = sample(text)
    if len(_LETTERS.findall(text)) < MIN_LETTERS // 2:
        return Detected(UNDETERMINED, 0.0)
    ranked = [(_ALIASES.get(lang, lang), float(p)) for lang, p in _model().rank(text)]
    top, p_top = ranked[0]
    if p_top >= FOREIGN_CONFIDENCE or not candidates:
        return Detected(top, p_top) if p_top >= QUERY_CONFIDENCE else Detected(UNDETERMINED, p_top)
    among = [(lang, p) for lang, p in ranked if lang in candidates]
    total = sum(p for _, p in among)
    if total < FOREIGN_SHARE:  # clearly none of the home's languages (another script, say)
        return Detected(top, p_top) if p_top >= DOC_CONFIDENCE else Detected(UNDETERMINED, p_top)
    lang, p = among[0]
    share = p / total
    return Detected(lang, share) if share >= QUERY_CONFIDENCE else Detected(UNDETERMINED, share)


def detect_many(texts: list[str], min_confidence: float = DOC_CONFIDENCE) -> list[Detected]:
    """detect() for each text."""
    return [detect(t, min_confidence) for t in texts]


def note_languages(chunk_texts: list[str]) -> tuple[str, list[str]]:
    """A note's language and each chunk's: a chunk too short to tell takes the note's language."""
    if not chunk_texts:
        return UNDETERMINED, []
    whole = detect("\n".join(chunk_texts)).lang
    # A chunk's first CHUNK_SAMPLE characters tell its language well enough, at a quarter of the cost.
    per_chunk = [detect(t, limit=CHUNK_SAMPLE).lang if len(chunk_texts) > 1 else whole for t in chunk_texts]
    return whole, [lang if lang != UNDETERMINED else whole for lang in per_chunk]


_CODE = re.compile(r"^[a-z]{2,3}$")


def clean_langs(values: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """Language filter values as stored codes ("ES" -> "es", "pt-BR" -> "pt"); ValueError on junk."""
    out = []
    for v in values:
        code = v.strip().lower().replace("_", "-").split("-")[0]
        if not code:
            continue
        if not _CODE.match(code):
            raise ValueError(f"{v!r} is not a language code (use ISO 639-1, e.g. es, en, de; 'und' = undetermined)")
        out.append(_ALIASES.get(code, code))
    return tuple(dict.fromkeys(out))
