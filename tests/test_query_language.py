"""Across languages the dense side carries more of the ranking (retrieve/query_language.py); English homes
are untouched."""
from __future__ import annotations

from pathlib import Path

import pytest
from small_vault import indexed_home

from memex.app import Brain
from memex.retrieve import query_language as ql

NOTES = {
    "reunion.md": "# Reunión semanal\n\nLa reunión del equipo se movió al viernes a las diez. Hablamos del "
                  "presupuesto del proyecto Garza y de las vacaciones de agosto.\n",
    "boveda.md": "# Cambiar el nombre de una bóveda\n\nPara cambiar el nombre de una bóveda, abre el selector de "
                 "bóvedas y elige Cambiar nombre en el menú de la bóveda.\n",
    "router.md": "# Router\n\nThe router firmware was updated to version 2.3.1 last week; the old one kept "
                 "dropping the connection every evening.\n",
}


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return indexed_home(tmp_path_factory.mktemp("ql"), NOTES, "hash:128")


def test_an_english_home_is_searched_as_before() -> None:
    assert ql.query_language("How do I rename a vault in the quick switcher?", {"en"}) is None
    assert ql.cross_item_weights(None, None, [(1, 2.0)], [(1, 0.5)], None) is None  # type: ignore[arg-type]


def test_the_query_language_is_read_among_the_homes() -> None:
    assert ql.query_language("¿Cómo le cambio el nombre a una bóveda?", {"es"}) == "es"
    assert ql.query_language("How do I rename a vault?", {"es"}) == "en"


def test_chunks_in_another_language_lean_on_the_dense_side(home: Path) -> None:
    with Brain.open(home, embedder="hash:128") as b:
        rows = dict(b.conn.execute("SELECT d.title, c.id FROM chunks c JOIN documents d ON d.id = c.doc_id"))
        es, en = rows["Reunión semanal"], rows["Router"]
        lex, den = [(es, 3.0), (en, 2.0)], [(en, 0.9), (es, 0.8)]
        weights = ql.cross_item_weights(b.conn, "en", lex, den, None)
        assert weights == [{es: ql.CROSS_BM25}, {es: ql.CROSS_DENSE}]
        # Folded into what coverage already set (a dense side that doesn't read Spanish stays at 0).
        assert ql.cross_item_weights(b.conn, "en", lex, den, [None, {es: 0.0}]) == [{es: ql.CROSS_BM25}, {es: 0.0}]
        # A Spanish query over Spanish chunks: nothing changes.
        assert ql.cross_item_weights(b.conn, "es", [(es, 3.0)], [(es, 0.8)], None) is None


def test_search_finds_notes_in_either_language(home: Path) -> None:
    with Brain.open(home, embedder="hash:128") as b:
        assert b.search("¿Cómo le cambio el nombre a una bóveda?", 1)[0].title == "Cambiar el nombre de una bóveda"
        assert b.search("router firmware", 1)[0].title == "Router"
        assert b.search("presupuesto Garza", 1)[0].title == "Reunión semanal"


def test_elided_clitics_and_inverted_questions_are_not_search_terms() -> None:
    from memex.retrieve.query import parse_query

    def terms(q: str, lang: str | None) -> tuple[list[str], list[list[str]]]:
        p = ql.native_terms(parse_query(q), q, lang)
        return p.terms, p.phrases

    # French: "qu'", "l'", "d'" and "est-ce" / "peut-il" say nothing about the topic.
    assert terms("Qu'est-ce que le coffre bac à sable ?", "fr") == (
        ["est", "ce", "que", "le", "coffre", "bac", "à", "sable"], [])
    assert terms("Quels types de fichiers Obsidian peut-il ouvrir ?", "fr")[1] == []
    assert "l" not in terms("Comment passer d'une mise en page à l'autre ?", "fr")[0]
    # Italian articulated prepositions: "dell'", "all'".
    assert terms("parametri dell'URI e all'avvio", "it")[0] == ["parametri", "uri", "e", "avvio"]
    # Codes stay phrases; English and undetermined queries come back unchanged.
    assert terms("factura INV-2024-0042", "es")[1] == [["inv", "2024", "0042"]]
    assert terms("What's the vault's name?", "en") == (["s", "vault", "name"], [])
    assert terms("Qu'est-ce", "und") == (["qu", "est", "ce"], [["est", "ce"]])
    # A query of nothing but clitics keeps them rather than searching for nothing.
    assert terms("l'l", "fr")[0] == ["l"]


def test_a_french_question_is_searched_without_its_clitics(tmp_path: Path) -> None:
    vault = tmp_path / "coffre"
    vault.mkdir()
    (vault / "sable.md").write_text("# Coffre bac à sable\n\nLe coffre bac à sable sert à essayer des modules "
                                    "sans toucher à vos notes.\n", encoding="utf-8")
    (vault / "faq.md").write_text("# Questions\n\nQu'est-ce qu'un lien ? Qu'est-ce qu'une balise ? Est-ce que "
                                  "l'application est gratuite ? Qu'est-ce que l'on peut faire d'autre ?\n",
                                  encoding="utf-8")
    (vault / "lien.md").write_text("# Liens internes\n\nUn lien interne relie deux notes de votre coffre ; "
                                   "la note liée s'ouvre d'un clic.\n", encoding="utf-8")
    with Brain.open(tmp_path / "home", embedder="hash:128") as b:
        b.add([vault])
        hits = b.search("Qu'est-ce que le coffre bac à sable ?", 3, explain=True)
        assert hits[0].title == "Coffre bac à sable"
        fts = hits[0].explain["fts_query"]
        assert '"qu"' not in fts and '"est ce"' not in fts and '"sable"' in fts


def test_stems_weigh_more_for_a_question_in_a_stemmed_language(home: Path) -> None:
    assert ql.stems_weight("es") == ql.STEMS_WEIGHT > 1.0
    assert ql.stems_weight("en") == ql.stems_weight(None) == ql.stems_weight("und") == 1.0
    assert ql.stems_weight("ja") == 1.0  # no Snowball stemmer: CJK pairs keep their weight
    with Brain.open(home, embedder="hash:128") as b:
        lang, stems = b.conn.execute("SELECT d.lang, f.stems FROM chunks_fts f JOIN chunks c ON c.id = f.rowid "
                                     "JOIN documents d ON d.id = c.doc_id WHERE d.title = 'Reunión semanal'").fetchone()
        assert lang == "es" and "presupuest" in stems
        # A stems-column match counts three times as much for a Spanish question as it did.
        expr = 'stems : "presupuest"'
        three, one = b.searcher._bm25(expr, 3, None, 3.0), b.searcher._bm25(expr, 3, None, 1.0)
        assert three[0][0] == one[0][0] and three[0][1] > one[0][1]
        assert b.search("¿Cómo cambio el nombre de mis bóvedas?", 1)[0].title == "Cambiar el nombre de una bóveda"


def test_function_words_are_searched_as_written_but_not_through_their_stems() -> None:
    from dataclasses import replace

    from memex.retrieve.query import parse_query, with_languages

    for lang in ("es", "fr", "pt", "pt-br", "it", "de", "nl"):
        assert ql.function_words(lang), lang
    q = "¿Cómo cambio dónde se guardan las imágenes pegadas en mi bóveda?"
    native = ql.native_terms(parse_query(q), q, "es")
    part = ql.stemmed_part(native, "es")
    assert part.terms == ["cambio", "guardan", "imágenes", "pegadas", "bóveda"]
    # As Searcher.lexical builds it: every word stays a term; only the content words get a stem.
    parsed = replace(with_languages(part, q, {"es"}), terms=native.terms)
    assert "dónde" in parsed.terms and "se" in parsed.terms
    shadow = {s for (s,) in parsed.shadow}
    assert {"guard", "imagen", "boved"} <= shadow and not {"dond", "se", "mi", "com"} & shadow
    # English, undetermined, and a question of nothing but function words come back unchanged.
    for lang in ("en", "und", None):
        assert ql.stemmed_part(native, lang) is native
    only = parse_query("¿Dónde está?")
    assert ql.stemmed_part(only, "es") is only
