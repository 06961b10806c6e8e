"""Proactive insights: what a person did not think to search for, computed from the note graph.

Kinds:
- `connection`: a new or changed note and older notes it should link to but does not (it names them, or a
  passage of it says nearly the same thing), with the connecting passages;
- `resurface`: older notes, untouched for months, that relate to what was written recently;
- `cluster`: topics across the vault (Louvain communities of the note graph, networkx), labelled with
  keywords and listing their notes; plus the notes that fit no topic;
- `contradiction`: two dated statements about the same subject whose values disagree; the later one wins
  and the older is marked stale (graph/contradictions.py).

`refresh` runs after a sync within a time budget: contradictions and connections for the notes that changed
first (cheap, from indexes), then the vault-wide kinds if the budget allows; what is left waits for
`memex insights`. Insights have a stable key; a dismissed key never comes back.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any

from memex.errors import MemexError
from memex.graph import contradictions
from memex.store import documents as docs
from memex.store.db import write_tx

KINDS = ("connection", "resurface", "cluster", "contradiction")
SEMANTIC_CONNECTION = 0.72
"""A passage pair this similar between two unlinked notes is worth a connection insight."""
CONNECTIONS_PER_NOTE = 3
FIRST_RUN_NOTES = 25
"""On the first run every note is new: connections are only proposed for the most recent ones."""
RECENT_DAYS = 30
OLD_DAYS = 90
RESURFACE_MAX = 8
CLUSTER_MIN = 3
ORPHANS_MAX = 50


@dataclass
class Insight:
    """One insight, as listed by `memex insights --json`."""

    id: int
    kind: str
    title: str
    notes: list[str]
    evidence: list[dict[str, Any]]
    score: float
    created: float

    def to_dict(self) -> dict[str, Any]:
        """{"id", "kind", "title", "notes", "evidence": [{"path", "quote", "location"}], "score", "created"}."""
        return {"id": self.id, "kind": self.kind, "title": self.title, "notes": self.notes,
                "evidence": self.evidence, "score": round(self.score, 4),
                "created": dt.datetime.fromtimestamp(self.created, tz=dt.timezone.utc).isoformat(timespec="seconds")}


@dataclass
class RefreshReport:
    """What an insight run found."""

    new: Counter = field(default_factory=Counter)
    seconds: float = 0.0
    pending: list[str] = field(default_factory=list)
    """Kinds left for later because the time budget ran out."""

    def summary(self) -> str:
        """One line for the end of add/sync, e.g. "3 new connections, 1 contradiction — memex insights"."""
        parts = []
        for kind, one, many in (("connection", "new connection", "new connections"),
                                ("contradiction", "contradiction", "contradictions"),
                                ("resurface", "note to revisit", "notes to revisit"),
                                ("cluster", "new topic", "new topics")):
            n = self.new.get(kind, 0)
            if n:
                parts.append(f"{n} {one if n == 1 else many}")
        if not parts:
            return ""
        return ", ".join(parts) + " — memex insights"

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {"new": dict(self.new), "seconds": round(self.seconds, 3), "pending": self.pending,
                "summary": self.summary()}


# ---- storage -------------------------------------------------------------------------------------
def _key(kind: str, *parts: str) -> str:
    return kind + ":" + hashlib.sha1("\x1f".join(parts).encode()).hexdigest()[:20]


def dismissed_keys(conn: sqlite3.Connection) -> set[str]:
    """Keys of the insights the person dismissed."""
    return {r[0] for r in conn.execute("SELECT key FROM insight_dismissals")}


def contradiction_key(old_path: str, new_path: str, old_text: str, new_text: str) -> str:
    """The stable key of the contradiction insight for a pair of statements."""
    return _key("contradiction", old_path, new_path, " ".join(old_text.split()), " ".join(new_text.split()))


def _store(conn: sqlite3.Connection, items: list[dict[str, Any]], run: int, report: RefreshReport) -> None:
    """Insert new insights (existing keys are refreshed in place, dismissed ones skipped); inside write_tx."""
    dismissed = dismissed_keys(conn)
    now = time.time()
    for it in items:
        if it["key"] in dismissed:
            continue
        row = conn.execute("SELECT id FROM insights WHERE key = ?", (it["key"],)).fetchone()
        if row:
            conn.execute("UPDATE insights SET title = ?, notes = ?, evidence = ?, score = ?, seen_seq = ? WHERE id = ?",
                         (it["title"], json.dumps(it["notes"]), json.dumps(it["evidence"]), it["score"], run, row[0]))
        else:
            conn.execute("INSERT INTO insights(key, kind, title, notes, evidence, score, created, seen_seq) "
                         "VALUES (?,?,?,?,?,?,?,?)", (it["key"], it["kind"], it["title"], json.dumps(it["notes"]),
                                                      json.dumps(it["evidence"]), it["score"], now, run))
            report.new[it["kind"]] += 1


def listing(conn: sqlite3.Connection, since: str | None = None, kind: str | None = None,
            limit: int = 500) -> list[Insight]:
    """Stored insights (not dismissed), newest first, then strongest."""
    if kind is not None and kind not in KINDS:
        raise MemexError(f"unknown insight kind {kind!r}; one of {', '.join(KINDS)}")
    clauses, args = [], []
    if kind:
        clauses.append("kind = ?")
        args.append(kind)
    if since:
        try:
            day = dt.date.fromisoformat(since)
        except ValueError:
            raise MemexError(f"since: {since!r} is not a date (use YYYY-MM-DD)") from None
        clauses.append("created >= ?")
        args.append(dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc).timestamp())
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    rows = conn.execute(f"SELECT id, kind, title, notes, evidence, score, created FROM insights{where} "
                        f"ORDER BY created DESC, score DESC, id LIMIT ?", (*args, limit)).fetchall()
    return [Insight(int(r[0]), r[1], r[2], json.loads(r[3]), json.loads(r[4]), float(r[5]), float(r[6])) for r in rows]


def dismiss(conn: sqlite3.Connection, insight_id: int) -> bool:
    """Dismiss an insight: removed now and never proposed again."""
    with write_tx(conn):
        row = conn.execute("SELECT key FROM insights WHERE id = ?", (insight_id,)).fetchone()
        if row is None:
            return False
        conn.execute("INSERT OR REPLACE INTO insight_dismissals(key, at) VALUES (?, ?)", (row[0], time.time()))
        conn.execute("DELETE FROM insights WHERE id = ?", (insight_id,))
    return True


# ---- helpers -----------------------------------------------------------------------------------------
def _location(conn: sqlite3.Connection, chunk_id: int | None) -> dict[str, Any]:
    row = conn.execute("SELECT heading_path, page, start_line, end_line FROM chunks WHERE id = ?",
                       (chunk_id,)).fetchone() if chunk_id is not None else None
    if row is None:
        return {"page": None, "heading": None, "start_line": None, "end_line": None}
    heads = json.loads(row[0] or "[]")
    return {"page": row[1], "heading": heads[-1] if heads else None, "start_line": row[2], "end_line": row[3]}


def _quote(text: str, limit: int = 300) -> str:
    s = " ".join(text.split())
    return s if len(s) <= limit else s[:limit - 1].rstrip() + "…"


def _docs(conn: sqlite3.Connection) -> dict[int, tuple[str, str | None, str | None]]:
    # A date that is only the file's modification time says nothing about when a note was written (a copied
    # or restored vault has them all "today"): such notes count as undated here.
    return {int(r[0]): (r[1], r[2], r[3]) for r in conn.execute(
        "SELECT id, path, title, CASE WHEN date_source = 'mtime' THEN NULL ELSE note_date END FROM documents")}


def _newer(a: str | None, b: str | None) -> bool:
    """Is date a known to be later than date b?"""
    return bool(a and b and a > b)


def _name(info: tuple[str, str | None, str | None]) -> str:
    return info[1] or PurePosixPath(info[0]).stem


def _linked(conn: sqlite3.Connection, a: int, b: int) -> bool:
    return conn.execute("SELECT 1 FROM graph_links WHERE (src = ? AND dst = ?) OR (src = ? AND dst = ?) LIMIT 1",
                        (a, b, b, a)).fetchone() is not None


# ---- kinds -------------------------------------------------------------------------------------------
def contradiction_items(conn: sqlite3.Connection, doc_ids: Sequence[int] | None) -> list[dict[str, Any]]:
    """Contradiction insights for statements of `doc_ids` (all when None); marks the older ones stale."""
    found = contradictions.find(conn, doc_ids)
    info = _docs(conn)
    with write_tx(conn):
        contradictions.mark_stale(conn, found)  # a pair the person dismissed stays marked: ask skips it
    out = []
    for c in found:
        if c.old.doc_id not in info or c.new.doc_id not in info:
            continue
        old_p, new_p = info[c.old.doc_id][0], info[c.new.doc_id][0]
        where = (f"in “{_name(info[c.new.doc_id])}”" if c.old.doc_id == c.new.doc_id
                 else f"“{_name(info[c.old.doc_id])}” → “{_name(info[c.new.doc_id])}”")
        out.append({
            "key": contradiction_key(old_p, new_p, c.old.text, c.new.text),
            "kind": "contradiction", "score": c.score,
            "title": f"{c.subject}: {c.values[0]} ({c.old.date}) is now {c.values[1]} ({c.new.date}), {where}; "
                     "the older statement is stale",
            "notes": list(dict.fromkeys([old_p, new_p])),
            "evidence": [{"path": old_p, "quote": c.old.text, "location": _location(conn, c.old.chunk_id),
                          "date": c.old.date, "stale": True},
                         {"path": new_p, "quote": c.new.text, "location": _location(conn, c.new.chunk_id),
                          "date": c.new.date, "stale": False}]})
    return out


def connection_items(conn: sqlite3.Connection, doc_ids: Sequence[int]) -> list[dict[str, Any]]:
    """Older notes each given note names or nearly repeats but does not link to."""
    info = _docs(conn)
    out = []
    for x in doc_ids:
        if x not in info:
            continue
        x_date = info[x][2]
        cands: dict[int, dict[str, Any]] = {}
        # 1. it names another note (title or alias) without linking to it
        for y, display, chunk_id, context in conn.execute(
                "SELECT DISTINCT n.doc_id, n.display, m.chunk_id, m.context FROM graph_mentions m "
                "JOIN graph_entities e ON e.id = m.entity "
                "JOIN graph_names n ON n.name = e.key OR n.name = (SELECT key FROM graph_entities WHERE id = e.canonical) "
                "WHERE m.doc_id = ? AND m.strong = 1", (x,)):
            y = int(y)
            if y == x or y not in info or _newer(info[y][2], x_date) or _linked(conn, x, y) or y in cands:
                continue
            first = conn.execute("SELECT id, text FROM chunks WHERE doc_id = ? ORDER BY ordinal LIMIT 1", (y,)).fetchone()
            cands[y] = {"score": 1.0, "why": f"mentions {display} without linking to it",
                        "evidence": [(x, chunk_id, context or ""), (y, first[0] if first else None,
                                                                    first[1] if first else "")]}
        # 2. a passage of it says nearly what a passage of an older note says
        for y, pair, mine, theirs in conn.execute(
                "SELECT dst, pair, src_chunk, dst_chunk FROM graph_semantic WHERE src = ? AND pair >= ? "
                "UNION ALL SELECT src, pair, dst_chunk, src_chunk FROM graph_semantic WHERE dst = ? AND pair >= ?",
                (x, SEMANTIC_CONNECTION, x, SEMANTIC_CONNECTION)):
            y = int(y)
            if y == x or y not in info or y in cands or _newer(info[y][2], x_date) or _linked(conn, x, y):
                continue
            texts = dict(conn.execute("SELECT id, text FROM chunks WHERE id IN (?, ?)", (mine, theirs)).fetchall())
            cands[y] = {"score": float(pair), "why": f"says nearly the same (similarity {pair:.2f})",
                        "evidence": [(x, mine, texts.get(mine, "")), (y, theirs, texts.get(theirs, ""))]}
        for y, c in sorted(cands.items(), key=lambda kv: -kv[1]["score"])[:CONNECTIONS_PER_NOTE]:
            xp, yp = info[x][0], info[y][0]
            out.append({"key": _key("connection", xp, yp), "kind": "connection", "score": c["score"],
                        "title": f"“{_name(info[x])}” could link to “{_name(info[y])}”: it {c['why']}",
                        "notes": [xp, yp],
                        "evidence": [{"path": info[d][0], "quote": _quote(t), "location": _location(conn, ch)}
                                     for d, ch, t in c["evidence"]]})
    return out


def _today() -> str:
    return dt.date.today().isoformat()


def resurface_items(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """Old notes that relate to what was written in the last weeks (dates from the notes, not the files)."""
    from memex.graph.related import related
    info = _docs(conn)
    dated = sorted(((d[2], i) for i, d in info.items() if d[2] and d[2] <= _today()), reverse=True)
    if not dated:
        return []
    now = dt.date.fromisoformat(dated[0][0][:10])
    recent_from = (now - dt.timedelta(days=RECENT_DAYS)).isoformat()
    old_before = (now - dt.timedelta(days=OLD_DAYS)).isoformat()
    recent = [i for d, i in dated if d >= recent_from][:20]
    best: dict[int, tuple[float, int, Any]] = {}
    for x in recent:
        for r in related(conn, x, 15):
            y_date = info[r.doc_id][2] if r.doc_id in info else None
            if not y_date or y_date >= old_before or _linked(conn, x, r.doc_id):
                continue
            if r.doc_id not in best or r.score > best[r.doc_id][0]:
                best[r.doc_id] = (r.score, x, r)
    out = []
    for y, (score, x, r) in sorted(best.items(), key=lambda kv: -kv[1][0])[:RESURFACE_MAX]:
        reasons = "; ".join(f"{z.kind}: {z.detail}" for z in r.reasons[:2])
        first = conn.execute("SELECT id, text FROM chunks WHERE doc_id = ? ORDER BY ordinal LIMIT 1", (y,)).fetchone()
        out.append({"key": _key("resurface", info[y][0], info[x][0]), "kind": "resurface", "score": score,
                    "title": f"From {info[y][2]}: “{_name(info[y])}” relates to “{_name(info[x])}” ({info[x][2]})",
                    "notes": [info[y][0], info[x][0]],
                    "evidence": [{"path": info[y][0], "quote": _quote(first[1] if first else ""),
                                  "location": _location(conn, first[0] if first else None)},
                                 {"path": info[x][0], "quote": _quote(reasons), "location": _location(conn, None)}]})
    return out


def cluster_items(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """Topics (Louvain communities of the note graph) labelled with keywords, and orphans."""
    from memex.graph.network import communities, orphans
    info = _docs(conn)
    groups = communities(conn)
    out = []
    for members, keywords in groups:
        if len(members) < CLUSTER_MIN:
            continue
        paths = sorted(info[m][0] for m in members if m in info)
        out.append({"key": _key("cluster", *paths), "kind": "cluster", "score": float(len(paths)),
                    "title": f"Topic: {', '.join(keywords) or 'untitled'} ({len(paths)} notes)",
                    "notes": paths, "evidence": [{"path": p, "quote": _name(info[m]), "location": _location(conn, None)}
                                                 for m, p in ((m, info[m][0]) for m in sorted(members)[:5] if m in info)]})
    lonely = orphans(conn)[:ORPHANS_MAX]
    if lonely:
        paths = [info[m][0] for m in lonely if m in info]
        out.append({"key": _key("cluster", "orphans", *paths), "kind": "cluster", "score": 0.0,
                    "title": f"{len(paths)} note(s) fit no topic: no links, no shared names, nothing close in meaning",
                    "notes": paths, "evidence": []})
    return out


# ---- the run -----------------------------------------------------------------------------------------
def refresh(conn: sqlite3.Connection, budget_s: float | None = None, full: bool = False) -> RefreshReport:
    """Compute insights for notes changed since the last run, then the vault-wide kinds if time allows."""
    t0 = time.perf_counter()
    report = RefreshReport()
    last = float(docs.get_meta(conn, "insights_at") or 0)
    graph_seen = docs.get_meta(conn, "insights_graph_seen")
    started = time.time()
    run = int(docs.get_meta(conn, "insights_run") or 0) + 1
    changed = [int(r[0]) for r in conn.execute("SELECT doc_id FROM graph_state WHERE updated_at > ?", (last,))]
    first_run = last == 0
    with write_tx(conn):
        # notes that are gone take their insights with them
        live = {r[0] for r in conn.execute("SELECT path FROM documents")}
        for iid, notes in conn.execute("SELECT id, notes FROM insights").fetchall():
            if any(p not in live for p in json.loads(notes)):
                conn.execute("DELETE FROM insights WHERE id = ?", (iid,))

    def left() -> float:
        return float("inf") if budget_s is None else budget_s - (time.perf_counter() - t0)

    if changed or full:
        items = contradiction_items(conn, None if (first_run or full) else changed)
        with write_tx(conn):
            _store(conn, items, run, report)
        targets = changed
        if first_run:
            order = sorted(((r[1] or "", int(r[0])) for r in conn.execute("SELECT id, note_date FROM documents")),
                           reverse=True)
            targets = [i for _, i in order[:FIRST_RUN_NOTES]]
        items = connection_items(conn, targets)
        with write_tx(conn):
            _store(conn, items, run, report)
    state = str(conn.execute("SELECT count(*), coalesce(max(updated_at), 0) FROM graph_state").fetchone()[:])
    if state != graph_seen or full:
        for kind, fn in (("resurface", resurface_items), ("cluster", cluster_items)):
            if left() <= 0:
                report.pending.append(kind)
                continue
            items = fn(conn)
            with write_tx(conn):
                # vault-wide kinds are replaced by each run (what no longer holds goes away)
                keep = {it["key"] for it in items}
                for iid, key in conn.execute("SELECT id, key FROM insights WHERE kind = ?", (kind,)).fetchall():
                    if key not in keep:
                        conn.execute("DELETE FROM insights WHERE id = ?", (iid,))
                _store(conn, items, run, report)
    with write_tx(conn):
        docs.set_meta(conn, "insights_at", repr(started))
        docs.set_meta(conn, "insights_run", str(run))
        if not report.pending:
            docs.set_meta(conn, "insights_graph_seen", state)
    report.seconds = time.perf_counter() - t0
    return report
