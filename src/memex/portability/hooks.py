"""Where other features plug into an export, so `portability/` never imports them.

The note graph (issue 12) registers a `GraphProvider` when `memex.graph` is imported (an export imports the
modules in PLUGIN_MODULES first, so nothing else has to); until one is registered, `--related` falls back
to what the store knows today ([[wikilinks]] both ways and nearest notes by meaning) and `--topics`
says it needs the graph. Features that add per-note facts (entities, language, insights) register a
`FrontMatterProvider`; their keys appear in every exported note's front matter.
"""
from __future__ import annotations

import importlib
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol


@dataclass(frozen=True)
class RelatedNote:
    """One entry of a note's "Related" section."""

    doc_id: int
    score: float
    reasons: list[str] = field(default_factory=list)
    """Short, human-readable: "links to it", "shared entity: Maya Okafor", "similar meaning"."""


@dataclass(frozen=True)
class Topic:
    """A cluster of notes, written as one map-of-content note."""

    title: str
    doc_ids: list[int]
    keywords: list[str] = field(default_factory=list)


class GraphProvider(Protocol):
    """What an export needs from a note graph."""

    def related(self, conn: sqlite3.Connection, doc_id: int, k: int) -> list[RelatedNote]:
        """The k notes most related to `doc_id`, best first."""
        ...

    def topics(self, conn: sqlite3.Connection) -> list[Topic]:
        """Topic clusters over the whole vault."""
        ...


FrontMatterProvider = Callable[[sqlite3.Connection, int], dict[str, Any]]
"""(conn, doc_id) -> extra front matter keys for that note, e.g. {"entities": [...]}."""

_graph: list[Callable[[Any], GraphProvider]] = []
_front_matter: list[FrontMatterProvider] = []
PLUGIN_MODULES = ("memex.graph",)
"""Imported (when present) before an export asks for providers: a feature registers itself on import."""
_discovered = False


def _discover() -> None:
    global _discovered
    if _discovered:
        return
    _discovered = True
    for name in PLUGIN_MODULES:
        try:
            importlib.import_module(name)
        except ModuleNotFoundError as e:
            if e.name != name:
                raise  # the feature is there but broken: say so rather than export without it


def register_graph(factory: Callable[[Any], GraphProvider]) -> None:
    """Install the note graph: `factory(brain)` returns a GraphProvider (the last registered wins)."""
    _graph.append(factory)


def register_front_matter(provider: FrontMatterProvider) -> None:
    """Add keys to every exported note's front matter."""
    _front_matter.append(provider)


def graph_provider(brain: Any) -> GraphProvider | None:
    """The registered note graph for `brain`, or None when the graph feature is not installed."""
    _discover()
    return _graph[-1](brain) if _graph else None


def extra_front_matter(conn: sqlite3.Connection, doc_id: int) -> dict[str, Any]:
    """Keys every registered provider adds for one note."""
    _discover()
    out: dict[str, Any] = {}
    for provider in _front_matter:
        out.update(provider(conn, doc_id))
    return out


def reset() -> None:
    """Forget registered providers (tests)."""
    _graph.clear()
    _front_matter.clear()
