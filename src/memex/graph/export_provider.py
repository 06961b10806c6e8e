"""What an export takes from the note graph: related notes, topic clusters and each note's entities.

Registered with `memex.portability.hooks` when `memex.graph` is imported, so `memex export --related
--topics` use the graph and every exported note's front matter lists the names it mentions.
"""
from __future__ import annotations

import sqlite3
from typing import Any

from memex.portability import hooks

MAX_ENTITIES = 20
"""Front matter stays readable: the names a note mentions most, at most this many."""

REASON_TEXT = {"link": "links to it", "backlink": "links here", "tag": "shared tag", "entity": "mentions",
               "semantic": "similar meaning"}


def _reason(kind: str, detail: str) -> str:
    label = REASON_TEXT.get(kind, kind)
    if kind == "entity":
        # details read "mentions NAME: the sentence", "via NAME" or just "NAME": keep the name
        name = detail.split(":", 1)[0].removeprefix("mentions ").removeprefix("via ")
        name = name.removesuffix(" (this note)").strip()
        return f"{label} {name}" if name else label
    if kind == "tag" and detail:
        return f"{label}: {detail}"
    return label


class GraphExport:
    """The GraphProvider an export asks (see portability/hooks.py)."""

    def related(self, conn: sqlite3.Connection, doc_id: int, k: int) -> list[hooks.RelatedNote]:
        """The k notes most related to `doc_id`, with short reasons (kinds once each, in weight order)."""
        from memex.graph.related import related

        out = []
        for r in related(conn, doc_id, k):
            reasons: list[str] = []
            for reason in sorted(r.reasons, key=lambda x: -x.weight):
                text = _reason(reason.kind, reason.detail if reason.kind in ("tag", "entity") else "")
                if text not in reasons:
                    reasons.append(text)
            out.append(hooks.RelatedNote(r.doc_id, float(r.score), reasons[:4]))
        return out

    def topics(self, conn: sqlite3.Connection) -> list[hooks.Topic]:
        """The graph's topic communities, each titled by its keywords."""
        from memex.graph.network import communities

        out = []
        for members, keywords in communities(conn):
            if len(members) < 2:
                continue
            words = [w.strip(" ,;:.") for w in keywords if w.strip(" ,;:.")]
            title = ", ".join(words[:3]) if words else f"Topic {len(out) + 1}"
            out.append(hooks.Topic(title[:1].upper() + title[1:], sorted(int(m) for m in members), words))
        return out


def entities(conn: sqlite3.Connection, doc_id: int) -> dict[str, Any]:
    """{"entities": [...]} — the names this note mentions (merged aliases under their full name)."""
    rows = conn.execute(
        "SELECT coalesce(c.name, e.name), sum(m.count) AS n FROM graph_mentions m "
        "JOIN graph_entities e ON e.id = m.entity LEFT JOIN graph_entities c ON c.id = e.canonical "
        "WHERE m.doc_id = ? AND m.strong = 1 GROUP BY coalesce(e.canonical, e.id) ORDER BY n DESC, 1 LIMIT ?",
        (doc_id, MAX_ENTITIES)).fetchall()
    return {"entities": [r[0] for r in rows]} if rows else {}


def _provider(brain: Any) -> GraphExport | None:
    off = str(getattr(brain.settings, "graph", "on")).strip().lower() in ("off", "false", "0", "no")
    return None if off else GraphExport()  # None: the export falls back to links and meaning


def register() -> None:
    """Install the graph into exports (called once, when memex.graph is imported)."""
    hooks.register_graph(_provider)  # type: ignore[arg-type]
    hooks.register_front_matter(entities)
