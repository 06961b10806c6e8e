"""Small dated, tagged vaults for the vector backend tests."""
from __future__ import annotations

from pathlib import Path

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
