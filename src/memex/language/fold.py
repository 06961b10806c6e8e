"""Accent folding: the one way every layer compares words written with and without accents."""
from __future__ import annotations

import unicodedata


def unaccented(text: str) -> str:
    """The text without accents, its case kept ("à Vallon" -> "a Vallon", "Élodie" -> "Elodie")."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def fold(text: str, sharp_s: bool = True) -> str:
    """Lower-case without accents ("¿Cuánto?" -> "¿cuanto?", "Straße" -> "strasse"); with `sharp_s` False, "ß"
    is kept ("Straße" -> "straße": the dates', feasts', attribute and filing layers fold so)."""
    return unaccented(text.lower().replace("ß", "ss") if sharp_s else text.lower())
