"""The BM25 impact index (memex.store.lexical): FTS5's bm25() scores from arrays, kept in step with SQLite."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from memex.app import Brain
from memex.retrieve import search as search_mod
from memex.store import lexical

EN = [
    ("sourdough", "Sourdough starter", "My sourdough starter Gerald needs feeding twice a day with rye flour. "
     "The starter doubles in six hours when the kitchen is warm."),
    ("bread", "Bread schedule", "Bake the country loaf on Saturday; autolyse for an hour, then fold the dough "
     "every thirty minutes. Bread flour from the mill on Elm Street."),
    ("invoice", "Invoice INV-2024-0042", "Invoice INV-2024-0042 was paid on March 3rd. The consultant billed "
     "forty hours of work on the data pipeline migration."),
    ("pipeline", "Data pipeline", "The data pipeline moves events from Kafka into the warehouse. Migration to "
     "the new cluster is planned for April; user_id columns must be hashed."),
    ("travel", "Travel to Lisbon", "Flights to Lisbon on May 2nd. Hotel near the river; visit the tile museum "
     "and eat custard tarts in Belem."),
    ("garden", "Garden notes", "Tomatoes need staking in June. The rye cover crop goes in after the harvest; "
     "compost the bread crusts and coffee grounds."),
    ("meeting", "Meeting with Ana", "Ana wants the migration plan by Friday. Risks: the Kafka cluster, the "
     "warehouse costs, and the hashing of user_id values."),
    ("reading", "Reading list", "Books: The Bread Baker's Apprentice, Designing Data-Intensive Applications, "
     "and a history of Lisbon's tiles."),
]
ES = [
    ("pan", "Pan de masa madre", "La masa madre necesita harina de centeno todos los días. Hornear el pan "
     "los sábados por la mañana."),
    ("viaje", "Viaje a Lisboa", "Los vuelos a Lisboa salen el dos de mayo. El hotel está cerca del río."),
]
QUERIES = ["sourdough starter feeding", "bread flour rye", '"data pipeline" migration', "INV-2024-0042",
           "what did Ana want by Friday", "user_id hashing", "Lisbon tiles museum", "harina de centeno",
           "the", "zzzunknownword", "bread bread loaf dough fold autolyse hour Saturday mill street"]


def _write(vault: Path, notes: list[tuple[str, str, str]]) -> None:
    vault.mkdir(parents=True, exist_ok=True)
    for name, title, body in notes:
        (vault / f"{name}.md").write_text(f"# {title}\n\n{body}\n", encoding="utf-8")


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(lexical, "MIN_CHUNKS", 0)  # the index is for large homes; use it on a small one
    monkeypatch.setattr(search_mod, "PRUNE_MIN_CHUNKS", 0)
    vault = tmp_path / "vault"
    _write(vault, EN + ES)
    h = tmp_path / "home"
    with Brain.open(h, embedder="hash:384") as brain:
        report = brain.add([vault])
        assert report.added == len(EN) + len(ES) and not report.failed
    return h


def _index(brain: Brain) -> lexical.LexicalIndex:
    s = brain.searcher
    idx = lexical.for_search(s.conn, brain.settings.cache_dir, (float(brain.settings.title_weight),
                             float(brain.settings.heading_weight)), s._n_chunks(), wait=True)
    assert idx is not None
    return idx


def _both(brain: Brain, query: str, n: int = 20) -> tuple[list[tuple[int, float]], list[tuple[int, float]]]:
    """(FTS5's ranking, the index's ranking) for one query."""
    s = brain.searcher
    os.environ[lexical.ENV_SWITCH] = "0"
    try:
        plain = s.lexical(query, n)
    finally:
        os.environ.pop(lexical.ENV_SWITCH)
    return plain, s.lexical(query, n)


def _same(plain: list[tuple[int, float]], fast: list[tuple[int, float]]) -> None:
    assert [c for c, _ in fast] == [c for c, _ in sorted(plain, key=lambda cs: (-cs[1], cs[0]))]
    for (_, a), (_, b) in zip(sorted(plain), sorted(fast), strict=True):
        assert a == pytest.approx(b, rel=1e-9, abs=1e-12)


def test_scores_match_fts5_bm25(home: Path) -> None:
    with Brain.open(home, embedder="hash:384") as brain:
        idx = _index(brain)
        assert idx.changed == 0 and len(idx.snap.ids) > 100  # type: ignore[union-attr]
        for q in QUERIES:
            plain, fast = _both(brain, q)
            _same(plain, fast)
        # something was found, through phrases and codes too
        assert _both(brain, "INV-2024-0042")[1] and _both(brain, '"data pipeline" migration')[1]


def test_multilingual_home_stems_column(home: Path) -> None:
    with Brain.open(home, embedder="hash:384") as brain:
        _index(brain)
        s = brain.searcher
        s._langs = {"en", "es"}  # a home with Spanish notes: the query gets `stems :` shadow phrases
        for q in ("harina centeno", "vuelos Lisboa", "pan sábados", "bread rye",
                  "la harina de centeno para hornear el pan de masa madre los sábados"):  # pruned: > 2 terms
            os.environ[lexical.ENV_SWITCH] = "0"
            plain = s.lexical(q, 20)
            os.environ.pop(lexical.ENV_SWITCH)
            _same(plain, s.lexical(q, 20))
        assert s.lexical("harina centeno", 20)


def test_insert_update_delete_follow_sqlite_without_rebuild(home: Path, tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    with Brain.open(home, embedder="hash:384") as brain:
        idx = _index(brain)
        gen = idx._read_meta()["generation"]
        (vault / "new.md").write_text("# Kombucha\n\nThe kombucha scoby lives in the pantry with the rye.\n")
        (vault / "bread.md").write_text("# Bread schedule\n\nBake focaccia on Sunday instead of the loaf.\n")
        (vault / "travel.md").unlink()
        brain.sync()
        for q in QUERIES + ["kombucha scoby", "focaccia Sunday", "Belem custard tarts"]:
            _same(*_both(brain, q))
        idx = _index(brain)
        assert len(idx.delta) >= 2 and idx.n_dead >= 2  # followed the change log, no rebuild
        assert idx._read_meta()["generation"] == gen
        paths = {h.path for h in brain.search("kombucha scoby", 5)}
        assert any(p.endswith("new.md") for p in paths)
        assert not any(h.path.endswith("travel.md") for h in brain.search("Belem custard tarts", 5))


def test_rebuilt_from_sqlite_when_many_changed(home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    vault = tmp_path / "vault"
    with Brain.open(home, embedder="hash:384") as brain:
        idx = _index(brain)
        gen = idx._read_meta()["generation"]
        monkeypatch.setattr(lexical, "REBUILD_MIN", 0)
        monkeypatch.setattr(lexical, "REBUILD_SHARE", 0.0)
        (vault / "garden.md").write_text("# Garden notes\n\nPlant garlic in October.\n")
        brain.sync()  # past the rebuild threshold: the sync writes a new snapshot from SQLite
        folder = brain.settings.cache_dir
        fresh = _index(brain)
        assert fresh is not idx and fresh.changed == 0 and fresh._read_meta()["generation"] == gen + 1
        assert sorted(p.name for p in folder.glob("bm25-*")) == sorted(
            f"bm25-{gen + 1}.{n}" for n in ("ids.npy", "length.npy", "offsets.npy", "terms", "tf.npy"))
        for q in QUERIES + ["garlic October"]:
            _same(*_both(brain, q))


@pytest.mark.parametrize("damage", ["flip", "truncate", "meta"])
def test_corrupt_snapshot_is_detected_and_rebuilt(home: Path, damage: str) -> None:
    with Brain.open(home, embedder="hash:384") as brain:
        idx = _index(brain)
        folder = brain.settings.cache_dir
        target = next(folder.glob("bm25-*.ids.npy"))
        if damage == "flip":
            data = bytearray(target.read_bytes())
            data[-5] ^= 0xFF
            target.write_bytes(bytes(data))
        elif damage == "truncate":
            target.write_bytes(target.read_bytes()[:-40])
        else:
            (folder / "bm25.json").write_text("{not json")
        fresh = lexical.LexicalIndex(folder, idx.weights, idx.tokenizer)
        assert fresh.verify() != "ok" and not fresh.load()
        lexical.forget(brain.conn)
        report = brain.check()
        assert not report["ok"] and any("BM25 index" in p for p in report["problems"])
        repaired = brain.check(repair=True)
        assert repaired["ok"] and repaired["lexical_index"].startswith("rebuilt")
        assert brain.check()["lexical_index"] == "ok"
        for q in QUERIES[:4]:
            _same(*_both(brain, q))


def test_fts_rewritten_behind_its_back_is_not_trusted(home: Path) -> None:
    with Brain.open(home, embedder="hash:384") as brain:
        idx = _index(brain)
        with brain.conn:  # a rewrite of FTS rows that the change log does not record
            brain.conn.execute("INSERT INTO chunks_fts(rowid, title, headings, text, stems) "
                               "VALUES (999999, 'x', '', 'sourdough sourdough', '')")
        assert not idx.catch_up(brain.conn)
        lexical.forget(brain.conn)
        _same(*_both(brain, "sourdough starter"))  # FTS5 answers (and a rebuild starts) meanwhile


def test_small_homes_and_switch_off_use_fts5(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with Brain.open(home, embedder="hash:384") as brain:
        folder, weights = brain.settings.cache_dir, (1.0, 1.0)
        monkeypatch.setattr(lexical, "MIN_CHUNKS", 10**9)
        assert lexical.for_search(brain.conn, folder, weights, 12, wait=True) is None
        monkeypatch.setattr(lexical, "MIN_CHUNKS", 0)
        monkeypatch.setenv(lexical.ENV_SWITCH, "0")
        assert lexical.for_search(brain.conn, folder, weights, 12, wait=True) is None


def test_sync_builds_the_snapshot_for_one_shot_searches(home: Path) -> None:
    with Brain.open(home, embedder="hash:384") as brain:
        idx = lexical.LexicalIndex(brain.settings.cache_dir, (float(brain.settings.title_weight),
                                   float(brain.settings.heading_weight)), lexical.tokenizer_spec(brain.conn))
        assert idx.verify() == "ok" and idx.load() and idx.catch_up(brain.conn) and idx.changed == 0
        assert brain.check()["lexical_index"] == "ok"
