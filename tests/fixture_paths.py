"""Paths the tests share (importable by name: tests/ is on sys.path under pytest's default import mode)."""
from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SAMPLE_VAULT = REPO / "examples" / "sample-vault"


def shared_or_skip(*parts: str) -> Path:
    """A path under ../shared, or skip: a user's clone has no ../shared folder."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"needs the shared data folder ({path}); not part of a user's clone")
    return path
