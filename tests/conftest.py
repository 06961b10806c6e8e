"""Shared fixtures: every test gets its own MEMEX_HOME; nothing touches the user's data."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from fixture_paths import REPO, SAMPLE_VAULT, SHARED, shared_or_skip  # noqa: F401 - re-exported


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MEMEX_HOME", str(tmp_path / "memex-home"))
    for key in list(os.environ):
        if key.startswith("MEMEX_") and key != "MEMEX_HOME":
            monkeypatch.delenv(key)
