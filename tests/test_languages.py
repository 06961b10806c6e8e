"""Notes in any language: detection at ingest, --lang, BM25 stemming and CJK, hostile text, fusion by coverage."""
from __future__ import annotations

import json
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from memex.app import Brain
from memex.embed import HashEmbedder
from memex.errors import MemexError
from memex.interfaces.gateway import make_filters
from memex.language import analyzer
from memex.language.detect import clean_langs, detect, detect_query, note_languages
from memex.retrieve.search import Filters, Searcher

MEMEX = [sys.executable, "-c", "from memex.interfaces.cli.main import main; main()"]
NOTES = {
    "es/canciones.md": "# Canciones favoritas\n\nMis canciones favoritas de este año son tres. La configuración del "
                       "equipo de música está en el salón y suena muy bien por las noches.\n",
    "es/reunion.md": "# Reunión semanal\n\nLa reunión del equipo se movió al viernes a las diez. Hablamos del "
                     "presupuesto del proyecto Garza y de las vacaciones de agosto.\n",
    "en/router.md": "# Router\n\nThe router firmware was updated to version 2.3.1 last week; the old one kept "
                    "dropping the connection every evening.\n",
    "mixed.md": "# Notes\n\nThe quarterly report is due on Friday and needs the sales figures from every shop in "
                "the country, checked twice by the finance team before it goes to the board of directors.\n\n"
                "## Resumen\n\nEl informe trimestral se entrega el viernes y necesita las cifras de ventas "
                "de todas las tiendas del país, revisadas dos veces por el equipo de finanzas antes de "
                "llegar al consejo de administración.\n",
    "ar.md": "# ملاحظة\n\nاجتماع الفريق يوم الخميس في المكتب الرئيسي لمناقشة الميزانية السنوية الجديدة.\n",
    "he.md": "# פגישה\n\nהפגישה של הצוות נדחתה ליום חמישי בבוקר במשרד הראשי של החברה.\n",
    "emoji.md": "🎉🎉🎉 🚀🚀 ✅\n",
    "mt.md": "# Nota\n\nIl-Malti huwa l-lingwa nazzjonali ta' Malta u lingwa uffiċjali tal-Unjoni Ewropea. "
             "Il-laqgħa tal-grupp se ssir il-Ħamis filgħodu.\n",
    "ja.md": "# 旅行\n\n来月は東京都と京都府を旅行する予定です。新幹線の切符はもう買いました。\n",
}


def _vault(root: Path) -> Path:
    for rel, text in NOTES.items():
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    tmp = tmp_path_factory.mktemp("langs")
    vault = _vault(tmp / "vault")
    with Brain.open(tmp / "home", embedder="hash:128") as b:
        report = b.add([vault])
        assert report.failed in ([], [(str(vault / "emoji.md"), "no text found")])
    return tmp / "home", vault


def _names(hits: list) -> list[str]:
    return [Path(h.path).name for h in hits]


def test_detection_on_notes_and_queries() -> None:
    assert detect(NOTES["es/reunion.md"]).lang == "es"
    assert detect(NOTES["en/router.md"]).lang == "en"
    assert detect(NOTES["ar.md"]).lang == "ar"
    assert detect(NOTES["he.md"]).lang == "he"
    assert detect(NOTES["mt.md"]).lang == "mt"
    assert detect("🎉🎉🎉 🚀").lang == "und"
    assert detect("").lang == "und"
    # One-line queries are decided among the home's languages (Spanish is not read as Galician).
    assert detect_query("¿Cómo abro la nota diaria de hoy?", {"en", "es"}).lang == "es"
    assert detect_query("How do I open today's daily note?", {"en", "es"}).lang == "en"
    # ...unless the query is clearly in yet another language.
    assert detect_query("Привет, как открыть ежедневную заметку?", {"en", "es"}).lang == "ru"
    whole, per = note_languages([NOTES["en/router.md"], NOTES["es/reunion.md"], "ok"])
    assert per[:2] == ["en", "es"] and per[2] == whole


def test_languages_are_stored_and_shown(home: tuple[Path, Path]) -> None:
    h, vault = home
    with Brain.open(h, embedder="hash:128") as b:
        langs = b.status()["languages"]
        assert langs["es"]["documents"] >= 2 and langs["en"]["documents"] >= 1
        assert {"ar", "he", "mt", "ja"} <= set(langs)
        # The mixed note is English overall, but its Spanish section is a Spanish chunk.
        chunk_langs = {r[0] for r in b.conn.execute(
            "SELECT c.lang FROM chunks c JOIN documents d ON d.id = c.doc_id WHERE d.path LIKE '%mixed.md'")}
        assert chunk_langs == {"en", "es"}
    out = subprocess.run([*MEMEX, "status", "--home", str(h)], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    line = next(x for x in out.stdout.splitlines() if x.startswith("Languages: "))
    assert re.search(r"\bes [23]\b", line) and "und 1" in line and " · " in line


def test_every_script_is_searchable_by_keywords(home: tuple[Path, Path]) -> None:
    h, _ = home
    with Brain.open(h, embedder="hash:128") as b:
        assert _names(b.search("الميزانية", k=1)) == ["ar.md"]          # right-to-left: Arabic
        assert _names(b.search("הפגישה", k=1)) == ["he.md"]             # right-to-left: Hebrew
        assert _names(b.search("nazzjonali Malta", k=1)) == ["mt.md"]   # a language no model covers
        assert _names(b.search("東京", k=1)) == ["ja.md"]               # CJK inside a longer run
        assert _names(b.search("新幹線の切符", k=1)) == ["ja.md"]
        assert _names(b.search("firmware 2.3.1", k=1)) == ["router.md"]


def test_spanish_words_match_across_inflections(home: tuple[Path, Path]) -> None:
    h, _ = home
    with Brain.open(h, embedder="hash:128") as b:
        # "canción" (singular, accented) finds a note that only says "canciones"; "reuniones" finds "Reunión".
        assert _names(b.search("canción", k=1)) == ["canciones.md"]
        assert _names(b.search("reuniones semanales", k=1)) == ["reunion.md"]
        assert _names(b.search("cifra trimestral", k=1)) == ["mixed.md"]


def test_lang_filter_everywhere(home: tuple[Path, Path]) -> None:
    h, _ = home
    with Brain.open(h, embedder="hash:128") as b:
        def langs_of(hits: list) -> set[str]:
            return {b.conn.execute("SELECT lang FROM documents WHERE path = ?", (x.path,)).fetchone()[0]
                    for x in hits}

        hits = b.search("equipo viernes report router", k=10, filters=Filters(langs=("es",)))
        assert hits and langs_of(hits) == {"es"}
        hits = b.search("equipo viernes report router", k=10, filters=make_filters(langs=["EN"]))
        assert hits and langs_of(hits) == {"en"} and "router.md" in _names(hits)
    assert clean_langs(["pt-BR", "es", "es"]) == ("pt", "es")
    with pytest.raises(MemexError):
        make_filters(langs=["not a language!"])
    out = subprocess.run([*MEMEX, "search", "--home", str(h), "--json", "--lang", "es", "viernes"],
                         capture_output=True, text=True, timeout=120, env={"MEMEX_EMBEDDER": "hash:128",
                                                                           **__import__("os").environ})
    assert out.returncode == 0, out.stderr
    assert {Path(x["path"]).name for x in json.loads(out.stdout)} >= {"reunion.md"}
    assert "router.md" not in {Path(x["path"]).name for x in json.loads(out.stdout)}
    bad = subprocess.run([*MEMEX, "search", "--home", str(h), "--lang", "12", "x"], capture_output=True, text=True,
                         timeout=120)
    assert bad.returncode == 2 and "--lang" in bad.stderr


class _EnglishOnly(HashEmbedder):
    """A hash embedder that says it is MiniLM: covers English only."""

    def __init__(self) -> None:
        super().__init__(128)
        self.id = "minilm:all-MiniLM-L6-v2:384"


def test_fusion_never_trusts_dense_on_uncovered_languages(home: tuple[Path, Path]) -> None:
    h, _ = home
    with Brain.open(h, embedder="hash:128") as b:
        fused = Searcher(b.conn, _EnglishOnly(), b.index, b.settings)
        bm25 = Searcher(b.conn, _EnglishOnly(), b.index, b.settings.__class__(
            home=h, embedder="hash:128", bm25_weight=1.0, dense_weight=0.0))
        for q in ("reunión del equipo", "canciones favoritas", "presupuesto vacaciones agosto"):
            got = fused.search(q, k=5, explain=True).hits
            assert [x.chunk_id for x in got] == [x.chunk_id for x in bm25.search(q, k=5).hits]
            assert got[0].explain["language"]["query"] == "es"
            assert got[0].explain["language"]["dense_factor"] == 0.0
        # An English query keeps the dense side for English chunks.
        got = fused.search("router firmware connection", k=3, explain=True).hits
        assert got[0].explain["language"]["dense_factor"] == 1.0


def test_analyzer_keeps_text_as_written_and_adds_a_shadow() -> None:
    text = "The router firmware INV-2024-0042 was updated."
    assert analyzer.fts_row("Router", "Setup", text, "en") == ("Router", "Setup", text, "")
    assert analyzer.fts_row("Router", "", text, None)[3] == ""
    assert analyzer.fts_row("", "", "canciones del año", "es") == ("", "", "canciones del año", "cancion del año")
    assert analyzer.fts_row("", "", "東京都に行く", "ja")[3] == "東京 京都 都に に行 行く"


def test_old_store_gets_languages_on_sync(tmp_path: Path) -> None:
    vault = _vault(tmp_path / "vault")
    with Brain.open(tmp_path / "home", embedder="hash:64") as b:
        b.add([vault])
        # Make it look like a store from before language detection.
        b.conn.execute("UPDATE documents SET lang = NULL")
        b.conn.execute("UPDATE chunks SET lang = NULL")
    with Brain.open(tmp_path / "home", embedder="hash:64") as b:
        assert b.status()["languages"] == {}
        b.sync()
        assert b.status()["languages"]["es"]["documents"] >= 2
        assert _names(b.search("canción", k=1)) == ["canciones.md"]


def test_migration_rebuilds_fts_of_an_old_store(tmp_path: Path) -> None:
    from memex.store.db import connect
    from memex.store.migrations import MIGRATIONS

    db = tmp_path / "memex.db"
    conn = sqlite3.connect(db, isolation_level=None)
    for step in MIGRATIONS[:4]:
        step(conn)
    conn.execute("PRAGMA user_version=4")
    conn.execute("INSERT INTO sources(id, path, added_at) VALUES (1, '/v', 0)")
    conn.execute("INSERT INTO documents(id, source_id, path, content_hash, size, mtime_ns, parser, title, indexed_at)"
                 " VALUES (1, 1, '/v/ja.md', 'h', 1, 1, 'markdown', '旅行', 0)")
    conn.execute("INSERT INTO chunks(id, doc_id, ordinal, text, text_hash) VALUES (1, 1, 0, '東京都に行く', 'x')")
    conn.execute("INSERT INTO chunks_fts(rowid, title, headings, text) VALUES (1, '旅行', '', '東京都に行く')")
    conn.close()
    conn = connect(db)
    assert [tuple(r) for r in conn.execute("SELECT rowid FROM chunks_fts WHERE chunks_fts MATCH '\"東京\"'")] == [(1,)]
    conn.close()
