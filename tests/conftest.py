"""Shared fixtures: every test gets its own MEMEX_HOME; nothing touches the user's data."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SAMPLE_VAULT = REPO / "examples" / "sample-vault"


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MEMEX_HOME", str(tmp_path / "memex-home"))
    for key in list(os.environ):
        if key.startswith("MEMEX_") and key != "MEMEX_HOME":
            monkeypatch.delenv(key)


def shared_or_skip(*parts: str) -> Path:
    """A path under ../shared, or skip: a user's clone has no ../shared folder."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"needs the shared data folder ({path}); not part of a user's clone")
    return path
