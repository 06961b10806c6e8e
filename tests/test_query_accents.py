"""Query words typed without their accents still reach the stems column (retrieve/query_language.accent_terms)."""
from __future__ import annotations

from pathlib import Path

import pytest
from small_vault import indexed_home

from memex.app import Brain
from memex.retrieve import query_language as ql

NOTES = {
    "cofre.md": "# Preferências do cofre\n\nPara configurar o cofre, abra as configurações e escolha a pasta "
                "dos anexos. Cada cofre guarda as suas próprias configurações.\n",
    "viagem.md": "# Viagem a Lisboa\n\nReservámos o hotel perto do rio para três noites em setembro. O comboio "
                 "sai de manhã e chega ao meio-dia.\n",
    "receitas.md": "# Receitas de verão\n\nSaladas frias, gaspacho e sumo de laranja para os dias de calor.\n",
}


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return indexed_home(tmp_path_factory.mktemp("acc"), NOTES, "hash:128")


def test_a_missing_accent_is_restored_where_the_stemmer_needs_it() -> None:
    assert ql.accent_stem("configuracao", "pt") == "configur"   # configuração
    assert ql.accent_stem("anotacoes", "pt") == "anot"          # anotações
    assert ql.accent_stem("arquivo", "pt") is None              # nothing missing: the plain stem is used
    assert ql.accent_stem("configuração", "pt") is None         # written with its accents
    assert ql.accent_stem("configuration", "en") is None        # English: FTS5's Porter column already


def test_only_non_english_questions_get_the_extra_stems() -> None:
    from memex.retrieve.query import parse_query

    parsed = parse_query("configuracao do cofre")
    index = {"configur", "cofr"}.__contains__  # the stems the notes hold
    assert ql.accent_terms(parsed, "en", index) is parsed
    assert ql.accent_terms(parsed, None, index) is parsed
    assert ["configur"] in ql.accent_terms(parsed, "pt", index).shadow
    # A word whose own stem the notes hold is written as they write it: nothing added.
    assert ql.accent_terms(parse_query("tastiera rotta"), "it", {"tastier", "tast"}.__contains__).shadow == []


def test_a_question_without_accents_finds_the_note(home: Path) -> None:
    question = "Onde eu mudo a configuracao geral?"
    with Brain.open(home, embedder="hash:128") as b:
        assert ql.query_language(question, b.searcher.home_languages()) == "pt"
        lex = b.searcher.lexical(question, 5)
        titles = [t for t, in (b.conn.execute("SELECT d.title FROM chunks c JOIN documents d ON d.id = c.doc_id "
                                              "WHERE c.id = ?", (cid,)).fetchone() for cid, _ in lex)]
        assert titles[:1] == ["Preferências do cofre"]
