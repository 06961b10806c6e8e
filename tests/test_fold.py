"""Accent folding (language/fold.py), the one fold every layer uses."""
from __future__ import annotations

from memex.agents import lexicon
from memex.ingest import dates, feasts
from memex.language.fold import fold, unaccented


def test_fold_lowers_and_drops_accents_and_sharp_s() -> None:
    assert fold("¿Cuánto?") == "¿cuanto?"
    assert fold("Straße") == "strasse"
    assert fold("Pâques") == "paques"


def test_unaccented_keeps_case() -> None:
    assert unaccented("à Vallon") == "a Vallon"
    assert unaccented("Élodie") == "Elodie"


def test_the_layers_fold_alike() -> None:
    # lexicon re-exports the shared fold; dates and feasts keep "ß" (no month or feast name holds one).
    assert lexicon.fold is fold and lexicon.unaccented is unaccented
    assert dates._fold("März") == "marz" and feasts.fold("Pâques’") == "paques'"
    assert dates._fold("Straße") == "straße"


def test_the_layers_share_one_fold() -> None:
    # dates, attribute and filing keep "ß" through the shared fold, not a wrapper of their own.
    from memex.agents import attribute
    from memex.retrieve import filing

    assert fold("Straße", sharp_s=False) == "straße" and fold("Pâques", sharp_s=False) == "paques"
    for module in (dates, attribute, filing):
        assert module._fold.func is fold and module._fold("Straße Mär") == "straße mar", module
