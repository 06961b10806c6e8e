"""A first index can be stopped (Ctrl-C) and resumed: what was committed stays, the rest is done next time."""
from __future__ import annotations

from pathlib import Path

import pytest

from memex.app import Brain


def test_interrupted_first_index_resumes_where_it_stopped(tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    vault.mkdir()
    for i in range(120):  # enough for several embedding groups (a group commits every 256 chunks)
        body = " ".join(f"Nota {i}: la reunión número {j} trató del presupuesto y del calendario." for j in range(12))
        (vault / f"n{i:03}.md").write_text(f"# Nota {i}\n\n{body}\n\n## Más\n\n{body}\n", encoding="utf-8")
    seen: list[int] = []

    def progress(event: str, **info: object) -> None:
        if event == "file":
            seen.append(int(info["done"]))  # type: ignore[arg-type]
            if info["done"] == 90:
                raise KeyboardInterrupt  # the user pressed Ctrl-C

    with Brain.open(tmp_path / "home", embedder="hash:64") as b:
        with pytest.raises(KeyboardInterrupt):
            b.add([vault], progress)
        kept = b.status()["documents"]
        assert 0 < kept < 120  # whole groups were committed before the stop
        assert b.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    with Brain.open(tmp_path / "home", embedder="hash:64") as b:
        report = b.sync()
        assert report.added == 120 - kept and report.unchanged == kept and not report.failed
        assert b.status()["documents"] == 120
        assert b.status()["languages"]["es"]["documents"] == 120
        assert len(b.index) == b.status()["chunks"]
