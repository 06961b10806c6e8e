"""The note graph as a networkx graph: neighbourhoods, hubs (centrality), orphans, topics, and exports.

Nodes are notes (plus unresolved link targets as placeholder nodes); edges are links, semantic neighbours
above a floor, and names two notes share when few other notes do. Exports: JSON (node-link), GraphML, and
a self-contained HTML page (vis-network bundled in the package: no network needed to open it).
"""
from __future__ import annotations

import functools
import html
import json
import math
import re
import sqlite3
from collections import Counter
from dataclasses import dataclass
from importlib import resources
from pathlib import PurePosixPath
from typing import Any

import networkx as nx

from memex.errors import MemexError
from memex.graph.links import name_key
from memex.graph.service import note_id

SEMANTIC_EDGE = 0.45
"""Semantic neighbours at least this similar become edges of the exported graph."""
SEMANTIC_PER_NOTE = 5
ENTITY_EDGE_MAX_DF = 4
"""A name shared by at most this many notes joins them with an edge."""
MAX_DEPTH = 5
LAYOUT_MIN_NODES = 800
"""From this many nodes on, the graph is laid out here and the browser only draws it."""
_STOP_WORDS = {"the", "and", "for", "with", "from", "notes", "note", "meeting", "log", "list", "plan", "of", "a",
               "to", "in", "on", "my", "md", "txt", "pdf", "docx", "2024", "2025", "2026", "2027"}


@dataclass
class NoteGraph:
    """A graph of notes with its statistics."""

    graph: nx.Graph
    around: int | None = None

    def stats(self) -> dict[str, Any]:
        """Counts, the most central notes (hubs) and the notes with no edges (orphans)."""
        g = self.graph
        notes = [n for n, d in g.nodes(data=True) if not d.get("placeholder")]
        hubs = hubs_of(g, 10)
        return {"notes": len(notes), "placeholders": g.number_of_nodes() - len(notes), "edges": g.number_of_edges(),
                "hubs": [{"path": g.nodes[n]["path"], "title": g.nodes[n]["title"], "degree": g.degree(n),
                          "centrality": round(c, 4)} for n, c in hubs],
                "orphans": [g.nodes[n]["path"] for n in notes if g.degree(n) == 0]}

    def to_json(self) -> dict[str, Any]:
        """{"nodes": [...], "edges": [...], "stats": {...}} (node-link form). Large graphs come laid out
        (x, y per node), so a browser draws thousands of notes at once instead of simulating them."""
        g = self.graph
        if g.number_of_nodes() >= LAYOUT_MIN_NODES:
            place(g)
        nodes = [{"id": n, **{k: v for k, v in d.items()}} for n, d in g.nodes(data=True)]
        edges = [{"source": a, "target": b, **d} for a, b, d in g.edges(data=True)]
        return {"around": self.around, "nodes": nodes, "edges": edges, "stats": self.stats()}

    def to_graphml(self) -> str:
        """GraphML text (attributes as strings/numbers; lists joined)."""
        g = nx.Graph()
        for n, d in self.graph.nodes(data=True):
            g.add_node(n, **{k: (", ".join(v) if isinstance(v, list) else v) for k, v in d.items() if v is not None})
        for a, b, d in self.graph.edges(data=True):
            g.add_edge(a, b, **{k: (", ".join(v) if isinstance(v, list) else v) for k, v in d.items() if v is not None})
        return '<?xml version="1.0" encoding="utf-8"?>\n' + "\n".join(nx.generate_graphml(g))

    def to_html(self, title: str = "Memex note graph") -> str:
        """A self-contained interactive page (vis-network inlined)."""
        return render_html(self.to_json(), title)


def place(g: nx.Graph) -> None:
    """Positions for a large graph in O(n): topics on a sunflower spiral (biggest in the middle), each
    topic's notes on a small sunflower of their own, hubs at its centre."""
    groups: dict[Any, list[Any]] = {}
    for n, d in g.nodes(data=True):
        groups.setdefault(d.get("cluster", -1) if not d.get("placeholder") else "placeholder", []).append(n)
    golden = math.pi * (3 - math.sqrt(5))
    ordered = sorted(groups.values(), key=len, reverse=True)
    spacing = 14.0
    radius_of = [spacing * math.sqrt(len(m)) for m in ordered]
    centres: list[tuple[float, float]] = []
    offset = 0.0
    for i, r in enumerate(radius_of):
        # each topic sits further out than the ones before it, at the golden angle from the last
        offset = 0.0 if i == 0 else offset + radius_of[i - 1] * 0.5 + r * 0.9
        centres.append((offset * math.cos(i * golden), offset * math.sin(i * golden)))
    for members, (cx, cy) in zip(ordered, centres, strict=True):
        members.sort(key=lambda n: -g.degree(n))
        for k, n in enumerate(members):
            rr = spacing * math.sqrt(k)
            g.nodes[n]["x"] = round(cx + rr * math.cos(k * golden), 1)
            g.nodes[n]["y"] = round(cy + rr * math.sin(k * golden), 1)


def hubs_of(g: nx.Graph, n: int) -> list[tuple[Any, float]]:
    """The n most central notes (degree centrality; ties by PageRank would cost more at 10k notes)."""
    if g.number_of_nodes() == 0:
        return []
    cent = nx.degree_centrality(g)
    real = [(k, v) for k, v in cent.items() if not g.nodes[k].get("placeholder") and v > 0]
    return sorted(real, key=lambda kv: (-kv[1], str(kv[0])))[:n]


def _notes(conn: sqlite3.Connection) -> dict[int, dict[str, Any]]:
    out = {}
    for i, path, title, date in conn.execute("SELECT id, path, title, note_date FROM documents"):
        p = PurePosixPath(path)
        out[int(i)] = {"path": path, "title": title or p.stem, "date": date, "folder": p.parent.name}
    return out


_GRAPHS: dict[str, nx.Graph] = {}


def full_graph(conn: sqlite3.Connection, placeholders: bool = True) -> nx.Graph:
    """Every note, with link, semantic and shared-name edges (edge attribute `kinds`, `weight`).

    Built once per process while the graph is unchanged; callers get their own copy."""
    return _shared_graph(conn, placeholders).copy()


def _shared_graph(conn: sqlite3.Connection, placeholders: bool = True) -> nx.Graph:
    """The cached full graph itself, for callers that only read it (copying 10k notes costs a second)."""
    key = f"{conn.execute('PRAGMA database_list').fetchone()[2]}|{graph_signature(conn)}|{placeholders}"
    if key not in _GRAPHS:
        _GRAPHS.clear() if len(_GRAPHS) >= 2 else None
        _GRAPHS[key] = _build_full_graph(conn, placeholders)
    return _GRAPHS[key]


def _build_full_graph(conn: sqlite3.Connection, placeholders: bool) -> nx.Graph:
    g = nx.Graph()
    notes = _notes(conn)
    for i, d in notes.items():
        g.add_node(i, **d, placeholder=False)

    def edge(a: Any, b: Any, kind: str, weight: float, detail: str | None = None) -> None:
        if a == b:
            return  # self-links are kept in the store but are not edges
        if g.has_edge(a, b):
            data = g.edges[a, b]
            if kind not in data["kinds"]:
                data["kinds"].append(kind)
            data["weight"] = round(max(data["weight"], weight) + 0.1, 4)
            if detail and not data.get("detail"):
                data["detail"] = detail
        else:
            g.add_edge(a, b, kinds=[kind], weight=round(weight, 4), detail=detail)

    for src, dst, target in conn.execute("SELECT src, dst, target FROM graph_links"):
        if src not in notes:
            continue
        if dst is not None and dst in notes:
            edge(int(src), int(dst), "link", 1.0, target)
        elif placeholders:
            key = f"missing:{name_key(target.split('#', 1)[0])}"
            if key not in g:
                g.add_node(key, path=None, title=target.split("#", 1)[0], date=None, folder=None, placeholder=True)
            edge(int(src), key, "link", 1.0, target)
    per_note: Counter[int] = Counter()
    for src, dst, score in conn.execute("SELECT src, dst, score FROM graph_semantic WHERE score >= ? "
                                        "ORDER BY score DESC", (SEMANTIC_EDGE,)):
        if src in notes and dst in notes and per_note[src] < SEMANTIC_PER_NOTE:
            per_note[src] += 1
            edge(int(src), int(dst), "semantic", float(score))
    shared: dict[int, list[int]] = {}
    for group, doc in conn.execute(
            "SELECT coalesce(e.canonical, e.id), m.doc_id FROM graph_mentions m JOIN graph_entities e "
            "ON e.id = m.entity WHERE m.strong = 1"):
        shared.setdefault(int(group), []).append(int(doc))
    names = dict(conn.execute("SELECT id, name FROM graph_entities").fetchall())
    for group, members in shared.items():
        members = sorted(set(members))
        if 2 <= len(members) <= ENTITY_EDGE_MAX_DF:
            for i, a in enumerate(members):
                for b in members[i + 1:]:
                    edge(a, b, "entity", 0.5, names.get(group))
    return g


def build_graph(conn: sqlite3.Connection, around: str | int | None = None, depth: int = 1) -> NoteGraph:
    """The whole note graph, or the notes within `depth` edges of one note."""
    g = full_graph(conn)
    if around is None:
        return NoteGraph(g)
    if not 0 <= depth <= MAX_DEPTH:
        raise MemexError(f"depth must be between 0 and {MAX_DEPTH}")
    center = note_id(conn, around)
    near = nx.single_source_shortest_path_length(g, center, cutoff=depth)
    sub = g.subgraph(near).copy()
    for n, hops in near.items():
        sub.nodes[n]["hops"] = hops
    return NoteGraph(sub, around=center)


def _keywords(g: nx.Graph, members: set[Any], df: Counter[str], n: int = 4) -> list[str]:
    """Words of the members' titles and folders that are frequent in the group and rare elsewhere."""
    inside: Counter[str] = Counter()
    for m in members:
        d = g.nodes[m]
        words = {w for w in name_key(f"{d.get('title') or ''} {d.get('folder') or ''}").replace(".", " ").split()
                 if len(w) > 2 and w not in _STOP_WORDS and not w.isdigit()}
        inside.update(words)
    total = max(1, g.number_of_nodes())
    scored = sorted(inside.items(), key=lambda kv: -(kv[1] / len(members)) * (1 + (total - df[kv[0]]) / total))
    return [w for w, c in scored if c >= 2 or len(members) < 4][:n]


def communities(conn: sqlite3.Connection, seed: int = 12) -> list[tuple[set[int], list[str]]]:
    """Topics: Louvain communities (networkx) of the note graph without placeholders, with keywords."""
    g = _shared_graph(conn, placeholders=False)  # read only
    core = g.subgraph([n for n in g if g.degree(n) > 0])
    if core.number_of_nodes() == 0:
        return []
    groups = nx.community.louvain_communities(core, weight="weight", resolution=1.0, seed=seed)
    df: Counter[str] = Counter()
    for _, d in g.nodes(data=True):
        df.update({w for w in name_key(f"{d.get('title') or ''} {d.get('folder') or ''}").split()})
    out = [(set(m), _keywords(g, set(m), df)) for m in groups]
    # tag each note with its topic number for the graph view
    return sorted(out, key=lambda x: -len(x[0]))


def orphans(conn: sqlite3.Connection) -> list[int]:
    """Notes with no link either way, no shared rare name and no close neighbour by meaning."""
    g = _shared_graph(conn, placeholders=False)  # read only
    return sorted(n for n in g if g.degree(n) == 0)


def graph_signature(conn: sqlite3.Connection) -> str:
    """Changes whenever any note's graph rows change (count and latest update of graph_state)."""
    row = conn.execute("SELECT count(*), coalesce(max(updated_at), 0) FROM graph_state").fetchone()
    return f"{row[0]}:{row[1]}"


_TOPICS: dict[str, dict[int, int]] = {}


def topics(conn: sqlite3.Connection) -> dict[int, int]:
    """note id -> topic number, cached per process while the graph is unchanged (Louvain at 10k notes
    takes seconds; the graph page asks on every redraw)."""
    key = f"{conn.execute('PRAGMA database_list').fetchone()[2]}|{graph_signature(conn)}"
    if key not in _TOPICS:
        mapping = {}
        for i, (members, _kw) in enumerate(communities(conn)):
            for m in members:
                mapping[m] = i
        _TOPICS.clear()
        _TOPICS[key] = mapping
    return _TOPICS[key]


def with_clusters(conn: sqlite3.Connection, ng: NoteGraph) -> NoteGraph:
    """Add a `cluster` attribute (topic number, -1 for none) to each note of a graph."""
    topic = topics(conn)
    for n, d in ng.graph.nodes(data=True):
        d["cluster"] = topic.get(n, -1)
    return ng


@functools.lru_cache(maxsize=4)
def static_text(name: str) -> str:
    """A bundled file of memex/graph/static (read once per process)."""
    return resources.files("memex.graph").joinpath(f"static/{name}").read_text(encoding="utf-8")


def vis_network_js() -> str:
    """The bundled vis-network build (see memex/graph/static/LICENSE-vis-network-*)."""
    return static_text("vis-network.min.js")


def render_html(data: dict[str, Any], title: str) -> str:
    """The interactive graph page: vis-network inlined, the graph as JSON, no outside requests."""
    template = static_text("graph.html")
    payload = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
    view = static_text("graph-view.js")
    parts = {"{{TITLE}}": html.escape(title), "/*GRAPH_DATA*/null": payload, "/*GRAPH_VIEW*/": view,
             "/*VIS_NETWORK*/": vis_network_js().replace("</script", "<\\/script")}
    # one pass, so a note title that happens to contain a placeholder is never expanded
    return re.sub("|".join(re.escape(k) for k in parts), lambda m: parts[m.group(0)], template)
