"""A home indexed from a few notes given as {file name: text}: the fixture many unit tests start from."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from memex.app import Brain
from memex.domain import Answer


def indexed_home(root: Path, notes: dict[str, str], embedder: str = "hash:384") -> Path:
    """Write `notes` into root/vault, index them into root/home with `embedder`, and return the home."""
    vault = root / "vault"
    vault.mkdir()
    for name, text in notes.items():
        (vault / name).write_text(text, encoding="utf-8")
    with Brain.open(root / "home", embedder=embedder) as brain:
        assert brain.add([vault]).added == len(notes)
    return root / "home"


def vault_brain(root: Path, vault: Path) -> Iterator[Brain]:
    """A Brain on a fresh home under `root` with `vault` indexed by the default embedder; closed after use."""
    with Brain.open(root / "home") as brain:
        brain.add([vault])
        yield brain


def cited_names(answer: Answer) -> set[str]:
    """The file names an answer cites."""
    return {Path(c.path).name for c in answer.citations}
