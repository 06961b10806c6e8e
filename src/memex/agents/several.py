"""A note about several named things, asked about one of them: its lines that name that one speak for it.

A person note is often shared ("Joost and Marijke", "Tom & Ann", "Nora y Luis"): its subject names both, so
every line of it reads as about each of them, and "What did Joost do for a living?" is answered with the
couple's address before the line "Joost: 77, retired civil engineer". When the question names some but not
all of the names a note's title joins, a statement of that note that names one of the asked ones gets a small
credit (`CREDIT`). Only titles made of capitalised names count ("Pros and cons" joins no names), so the rule
reads the shape of a title, not any one vault's words.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from memex.agents.evidence import Unit

CREDIT = 0.05
"""Added to the statement's score: about the gap between a couple's lines on dev (engineer vault)."""
MAX_PART_WORDS = 3
_JOIN = re.compile(r"\s*(?:,|&|\+|\band\b|\by\b|\bund\b|\bet\b|\be\b)\s*")
_NAME_WORD = re.compile(r"^[^\W\d_][\w'’.-]*$")


def joined_names(title: str) -> list[str]:
    """The names a title joins ("Joost and Marijke" → Joost, Marijke); [] unless it joins two or more names."""
    parts = [p.strip() for p in _JOIN.split(title.strip()) if p.strip()]
    if len(parts) < 2:
        return []
    for p in parts:
        words = p.split()
        if len(words) > MAX_PART_WORDS or not all(_NAME_WORD.match(w) and w[:1].isupper() for w in words):
            return []
    return parts


def _says(name: str, text: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text) is not None


def asked_names(question: str, title: str) -> list[str]:
    """The names of a joining title that the question names, when it names some but not all of them."""
    names = joined_names(title)
    asked = [n for n in names if _says(n, question)]
    return asked if 0 < len(asked) < len(names) else []


def credit(question: str, units: Sequence[Unit]) -> np.ndarray:
    """CREDIT for each statement that names the one the question asks about, in a note that joins several."""
    out = np.zeros(len(units), dtype=np.float32)
    asked: dict[str, list[str]] = {}
    for i, u in enumerate(units):
        title = u.hit.title or ""
        if title not in asked:
            asked[title] = asked_names(question, title) if title else []
        if any(_says(n, u.text) for n in asked[title]):
            out[i] = CREDIT
    return out
