"""Related notes: every edge kind scored, summed per note, and explained.

A note's relatives come from its stored edges only (links both ways, shared entities and tags, unlinked
mentions of another note's name, semantic neighbours), so `related` reads SQLite and never loads a model
or the vector index. Weights were set on the dev vaults (bench/graph_quality.py; docs/graph.md).
"""
from __future__ import annotations

import heapq
import math
import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import PurePosixPath
from typing import Any

import numpy as np

from memex.graph.entities import _STOP, clean_text
from memex.graph.links import name_key
from memex.graph.statements import _EXTRA_STOP, stem
from memex.store.stamped import PerConnection

W_LINK = 1.5
W_BACKLINK = 1.5
W_NAME = 1.5
"""A note that mentions another note's title or alias (an unlinked mention, or a link by another name)."""
W_BRIDGE = 0.15
"""Two hops: a note strongly tied to one of this note's structural neighbours gets this much of that tie."""
BRIDGES = 6
BRIDGE_MAX_DEGREE = 60
"""A note linked or named by more notes than this is a hub: no two-hop relations through it."""
NAME_DF_SHARE = 0.25
TF_BOOST = 0.3
"""A note that names another many times is about it: up to x2 for the mention."""
"""How much of a name mention's weight depends on how rare mentions of that name are."""
W_ENTITY = 2.0
"""Per shared entity, times its rarity (idf / log N)."""
ENTITY_POW = 2.0
"""Rarity counts more than linearly: a name only two notes share is close to a link."""
W_TAG = 0.2
W_SEMANTIC = 1.25
"""Times how far the semantic score is above SEMANTIC_FLOOR."""
SEMANTIC_FLOOR = 0.2
ENTITY_CAP = 1.5
TAG_CAP = 0.4
MAX_DF_SHARE = 0.2
"""Entities or tags on more than this share of notes (and more than MIN_DF_CAP) connect nothing."""
MIN_DF_CAP = 25
ENTITY_TF = 0.0
"""A shared name counts more the more often each note mentions it (1 + ENTITY_TF·log count, at most x2, per side)."""
ENTITY_LEN_B = 0.5
"""Length normalisation of shared names on the other note's side: a note naming many things shares each less."""
ENTITY_LEN_REF = 20
NAME_IN_TF = 0.5
"""A note that names this note many times is about it (like TF_BOOST for the other direction)."""
NAME_IN_DF_SHARE = 1.0
"""How much the weight of being named by another note depends on how many notes name this one."""
ENTITY_SAT = True
"""Shared names add up with diminishing returns (ENTITY_CAP·(1 − e^(−sum/ENTITY_CAP))) instead of a capped sum."""
W_PASSAGE = 1.25
"""The closest pair of passages of two candidate notes, times how far its cosine is above PASSAGE_FLOOR."""
PASSAGE_FLOOR = 0.35
PASSAGE_FLOORS = {"minilm": PASSAGE_FLOOR, "hash": PASSAGE_FLOOR}
"""Per embedder kind (cosine scales differ between models): MiniLM set on the dev vaults; the hashing
embedder (tests, benchmarks) uses the same; others (e5) get no passage check until calibrated."""
NESTED_ONCE = True
"""Shared names nested in one another ("Irish stew", "Irish") count once, at the strongest of their weights."""
RERANK = 30
"""How many of the best candidates get the passage-pair check (it reads their stored vectors)."""
PASSAGE_MAX_OWN, PASSAGE_MAX_CHUNKS = 400, 3000
"""At most this many passages of the note itself / of the candidates are compared."""
MAX_DF = 150
"""...and a name in more than this many notes never does (it also bounds the work per call)."""
COMMON_WORDS = True
"""A one-word shared name that the vault also writes in lower case counts nothing (see _common_word)."""
COMMON_MIN = 2
"""...that is, seen in lower case at least this often..."""
COMMON_SAMPLE = 20
"""...in at most this many of the passages holding it (bounds the work per name)."""
W_COCITE = 0.5
"""Co-citation (Adamic-Adar): two notes named or linked together by the same notes. Each note naming both adds
1/log(2 + how many notes it names); the sum saturates, W_COCITE·(1 − e^(−sum/COCITE_SAT)). The person note
that the meeting notes name together with this one ("Present: Farida, Owen, Ruth A")."""
COCITE_SAT = 2.0
W_CONTEXT = 1.0
"""Where one note names the other, rare words of that sentence that the named note also has (_context_words)."""
CONTEXT_SAT = 0.6
CONTEXT_MAX_DF_SHARE = 0.01
"""A word in more than this share of passages says nothing about which note is meant."""
CONTEXT_MIN_DF = 3
"""...but a word in this many passages always counts (a small vault)."""
CONTEXT_MAX_NOTES = 40
CONTEXT_TOP = 60
"""Only the best this many candidates that name or are named by the note are read (bounds the work for hubs)."""
CONTEXT_NOTE_CHARS = 6000
COCITE_MAX = 30
"""At most this many of the notes naming this one are read (the strongest first): bounds the work for hubs."""
CSLS = 1.0
"""Hubness of semantic neighbours (CSLS, as in cross-lingual word retrieval): a note close to everything (a year
review, a long journal) has a high mean score with its own stored neighbours, so its nearness to this note says
less. Its semantic weight loses W_SEMANTIC x CSLS x (that mean − the vault's mean); a note near few others gains."""
CSLS_SAMPLE = 5000
"""Stored neighbour rows read for the vault's mean score (once per connection until the database changes)."""
SIZE_OUTER = True
"""Length normalisation counts a note's names nested in a longer name of it once (a results table naming
"Anna Sykes Malton Velo" also stores "Anna Sykes" and "Anna Sykes Malton": one name, not three)."""


class Reason:
    """Why two notes are related. The detail text is built only for notes that make the list."""

    __slots__ = ("kind", "weight", "role", "_detail", "context")

    def __init__(self, kind: str, detail: str | Callable[[], str], weight: float, role: str | None = None,
                 context: str | None = None) -> None:
        self.kind = kind
        self.context = context
        """The sentence where one note names the other (name_out / name_in), for CONTEXT_WORDS."""
        """link | backlink | tag | entity | semantic."""
        self.weight = weight
        self.role = role or kind
        """What counts once per pair: link, backlink, name_out, name_in, via, semantic; else summed."""
        self._detail = detail

    @property
    def detail(self) -> str:
        """The entity, tag, link context or connecting passages."""
        if callable(self._detail):
            self._detail = self._detail()
        return self._detail

    def to_dict(self) -> dict[str, str]:
        """JSON form: {"kind", "detail"}."""
        return {"kind": self.kind, "detail": self.detail}


@dataclass
class Related:
    """A related note with its score and reasons, strongest first."""

    doc_id: int
    path: str
    title: str | None
    score: float = 0.0
    reasons: list[Reason] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """JSON form of `memex related --json`."""
        return {"path": self.path, "title": self.title, "score": round(self.score, 4),
                "reasons": [r.to_dict() for r in sorted(self.reasons, key=lambda r: -r.weight)]}


def _snip(text: str | None, limit: int = 160) -> str:
    s = " ".join((text or "").split())
    return s if len(s) <= limit else s[:limit - 1].rstrip() + "…"


def _df_cap(n_docs: int) -> int:
    return max(MIN_DF_CAP, min(MAX_DF, int(MAX_DF_SHARE * n_docs)))


def _idf(df: int, n_docs: int) -> float:
    """Rarity in [0, 1]: 1 for a name in two notes, towards 0 for one in most notes."""
    return max(0.0, math.log((n_docs + 1) / (df + 1)) / math.log(n_docs + 1)) if n_docs > 1 else 0.0


def _direct(conn: sqlite3.Connection, doc_id: int, n_docs: int, mine: dict[int, tuple[str, bool, str]] | None = None,
            limit: int = 5000) -> dict[int, list[Reason]]:
    """Links both ways and mentions of each other's names (the structural edges of a note), at most
    `limit` incoming ones of each kind."""
    found: dict[int, list[Reason]] = {}

    def add(other: int, reason: Reason) -> None:
        if other != doc_id and reason.weight > 0:
            found.setdefault(other, []).append(reason)

    # links, both ways (embeds and front-matter relations count as links)
    for dst, target, alias, kind, context in conn.execute(
            "SELECT dst, target, alias, kind, context FROM graph_links WHERE src = ? AND dst IS NOT NULL", (doc_id,)):
        label = {"embed": "embeds", "property": "links in front matter to", "value": "front matter names"}.get(
            kind, "links to")
        add(int(dst), Reason("link", lambda label=label, target=target, alias=alias, kind=kind, context=context:
                             f"{label} [[{target}{'|' + alias if alias else ''}]]"
                             + (f" ({_snip(context, 80)})" if kind in ("property", "value") and context else ""),
                             W_LINK))
    for src, target, context in conn.execute(
            "SELECT src, target, context FROM graph_links WHERE dst = ? LIMIT ?", (doc_id, limit)):
        add(int(src), Reason("backlink", lambda target=target, context=context:
                             f"links here: {_snip(context, 140) or '[[' + target + ']]'}", W_BACKLINK))

    # unlinked mentions of each other's names: this note naming another note, or being named by others
    my_names = [r[0] for r in conn.execute("SELECT name FROM graph_names WHERE doc_id = ?", (doc_id,))]
    mine = _entity_groups(conn, doc_id) if mine is None else mine
    note_of = _notes_named(conn, list(mine))
    df_of = _mention_df(conn, [g for g in mine if g in note_of])
    counts = _mention_counts(conn, doc_id)
    for group, (display, _strong, context) in mine.items():
        for other in note_of.get(group, ()):
            w = W_NAME * (1 - NAME_DF_SHARE + NAME_DF_SHARE * _idf(df_of.get(group, 1), n_docs))
            w *= min(2.0, 1.0 + TF_BOOST * math.log(counts.get(group, 1)))
            add(other, Reason("entity", lambda display=display, context=context:
                              f"mentions {display}: {_snip(context, 120)}", w, "name_out", context))
    if my_names:
        q = ",".join("?" * len(my_names))
        ents = [r[0] for r in conn.execute(f"SELECT id FROM graph_entities WHERE key IN ({q})", my_names)]
        if ents:
            qe = ",".join("?" * len(ents))
            ents += [r[0] for r in conn.execute(f"SELECT id FROM graph_entities WHERE canonical IN ({qe})", ents)]
            qe = ",".join("?" * len(ents))
            rows = conn.execute(
                f"SELECT m.doc_id, e.name, m.context, m.count FROM graph_mentions m JOIN graph_entities e "
                f"ON e.id = m.entity WHERE m.entity IN ({qe}) AND m.doc_id != ? LIMIT ?",
                (*ents, doc_id, limit + 1)).fetchall()
            df = len({r[0] for r in rows})
            # a note named by most of the vault: being named by it says little (and would cost a lot)
            if 0 < df <= limit:
                w = W_NAME * (1 - NAME_IN_DF_SHARE + NAME_IN_DF_SHARE * _idf(df, n_docs))
                for other, display, context, count in rows:
                    add(int(other), Reason("entity", lambda display=display, context=context:
                                           f"mentions {display} (this note): {_snip(context, 120)}",
                                           w * _tf(count, NAME_IN_TF), "name_in", context))
    return found


def related(conn: sqlite3.Connection, doc_id: int, k: int = 10) -> list[Related]:
    """The k notes most related to `doc_id`, best first, each with its reasons."""
    n_docs = int(conn.execute("SELECT count(*) FROM documents").fetchone()[0])
    mine = _entity_groups(conn, doc_id)
    note_of = _notes_named(conn, list(mine))
    found = _direct(conn, doc_id, n_docs, mine)

    def add(other: int, reason: Reason) -> None:
        if other != doc_id and reason.weight > 0:
            found.setdefault(other, []).append(reason)

    # shared entities, weighted by rarity
    cap = _df_cap(n_docs)
    shared: dict[int, list[Reason]] = {}
    members, group_df = _group_members(conn, list(mine))
    my_counts = _mention_counts(conn, doc_id) if ENTITY_TF else {}
    for group, (display, strong, _ctx) in mine.items():
        df = group_df.get(group, 0)  # an upper bound: a note naming both an alias and the name counts twice
        if df < 2 or df > cap:
            continue
        ids = members.get(group, [group])
        q = ",".join("?" * len(ids))
        rows = conn.execute(f"SELECT doc_id, max(strong), sum(count) FROM graph_mentions WHERE entity IN ({q}) "
                            f"GROUP BY doc_id", ids).fetchall()
        if len(rows) < 2:
            continue
        if COMMON_WORDS and group not in note_of and _common_word(conn, display):
            continue  # "Ride", "Back", "Home": a word the vault mostly writes as a word, not a name
        if not strong and not any(s for _, s, _c in rows) and group not in note_of:
            continue  # only ever seen at the start of a line: probably not a name
        w = W_ENTITY * _idf(len(rows), n_docs) ** ENTITY_POW * _tf(my_counts.get(group, 1), ENTITY_TF)
        for other, _s, count in rows:
            if other != doc_id:
                shared.setdefault(int(other), []).append(Reason("entity", display, w * _tf(count, ENTITY_TF)))
    if NESTED_ONCE:
        for other, reasons in shared.items():
            shared[other] = _nested_once(reasons)
    if ENTITY_LEN_B and shared:
        sizes = _entity_sizes(conn, list(shared))
        for other, reasons in shared.items():
            norm = 1.0 / ((1 - ENTITY_LEN_B) + ENTITY_LEN_B * sizes.get(other, ENTITY_LEN_REF) / ENTITY_LEN_REF)
            for r in reasons:
                r.weight *= norm
    for other, reasons in shared.items():
        total = sum(r.weight for r in reasons)
        if ENTITY_SAT:  # many small shared names add up to less than one rare one: 1 - e^-x, not a sum
            scale = ENTITY_CAP * (1 - math.exp(-total / ENTITY_CAP)) / total if total > 0 else 1.0
        else:
            scale = min(1.0, ENTITY_CAP / total) if total > 0 else 1.0
        for r in reasons:
            add(other, Reason(r.kind, r.detail, r.weight * scale))

    # shared tags
    tag_reasons: dict[int, list[Reason]] = {}
    for (tag,) in conn.execute("SELECT DISTINCT tag FROM tags WHERE doc_id = ?", (doc_id,)).fetchall():
        rows = conn.execute("SELECT DISTINCT doc_id FROM tags WHERE tag = ? LIMIT ?", (tag, cap + 2)).fetchall()
        if len(rows) < 2 or len(rows) > cap:
            continue
        w = W_TAG * _idf(len(rows), n_docs)
        for (other,) in rows:
            tag_reasons.setdefault(int(other), []).append(Reason("tag", f"#{tag}", w))
    for other, reasons in tag_reasons.items():
        total = sum(r.weight for r in reasons)
        scale = min(1.0, TAG_CAP / total) if total > 0 else 1.0
        for r in reasons:
            add(other, Reason(r.kind, r.detail, r.weight * scale))

    # semantic neighbours (stored from either side)
    sem: dict[int, tuple[float, float, int, int]] = {}
    for other, score, pair, mine_c, theirs_c in conn.execute(
            "SELECT dst, score, pair, src_chunk, dst_chunk FROM graph_semantic WHERE src = ? "
            "UNION ALL SELECT src, score, pair, dst_chunk, src_chunk FROM graph_semantic WHERE dst = ?",
            (doc_id, doc_id)):
        if int(other) not in sem or score > sem[int(other)][0]:
            sem[int(other)] = (float(score), float(pair), int(mine_c), int(theirs_c))
    if sem:
        texts = _chunk_texts(conn, {c for v in sem.values() for c in v[2:]})
        for other, (score, pair, mine_c, theirs_c) in sem.items():
            w = W_SEMANTIC * max(0.0, score - SEMANTIC_FLOOR)
            add(other, Reason("semantic", lambda a=mine_c, b=theirs_c, pair=pair, texts=texts:
                              f"“{_snip(texts.get(a), 100)}” ~ “{_snip(texts.get(b), 140)}” (similarity {pair:.2f})", w))

    # two hops through the strongest structural neighbours (a person, place or project note)
    if W_BRIDGE > 0:
        first = sorted(((sum(_dedupe(rs)), o) for o, rs in found.items()
                        if any(r.role in ("link", "name_out") for r in rs)), reverse=True)[:BRIDGES]
        titles = _doc_rows(conn, [o for _, o in first])
        for s1, bridge in first:
            name = (titles.get(bridge) or ("", None))[1] or "another note"
            # a hub (named or linked by many notes) connects everything, so it says nothing
            n_in = conn.execute("SELECT count(*) FROM (SELECT 1 FROM graph_links WHERE dst = ? LIMIT ?)",
                                (bridge, BRIDGE_MAX_DEGREE + 1)).fetchone()[0]
            if n_in > BRIDGE_MAX_DEGREE:
                continue
            for other, rs in _direct(conn, bridge, n_docs, limit=BRIDGE_MAX_DEGREE).items():
                w2 = max(r.weight for r in rs)
                add(other, Reason("link" if all(r.kind in ("link", "backlink") for r in rs) else "entity",
                                  f"via {name}", W_BRIDGE * min(1.0, s1 / 2) * w2, "via"))

    if W_COCITE > 0 and found:
        for other, (v, namers) in _cocited(conn, doc_id, found).items():
            add(other, Reason("entity", lambda v=v, namers=namers: _cocite_detail(conn, v, namers),
                              W_COCITE * (1 - math.exp(-v / COCITE_SAT)), "cocite"))
    if W_CONTEXT > 0 and found:
        _context_words(conn, doc_id, found, n_docs)
    if W_PASSAGE > 0 and found:
        _passage_rerank(conn, doc_id, found)
    if CSLS and found:
        _csls(conn, found)
    ranked = sorted(((sum(_dedupe(rs)), other) for other, rs in found.items()), reverse=True)[:k]
    info = _doc_rows(conn, [o for _, o in ranked])
    out = []
    for score, other in ranked:
        if other in info:
            path, title = info[other]
            out.append(Related(other, path, title, score, _merge(found[other])))
    return out


def _csls(conn: sqlite3.Connection, found: dict[int, list[Reason]]) -> None:
    """CSLS: each candidate's semantic reasons shifted by how much closer than the vault's average its own stored
    neighbours are (one indexed read for the candidates; the weights shown stay the passages' similarity)."""
    ids = [o for o, rs in found.items() if any(r.role == "semantic" for r in rs)]
    mean = _sem_mean.get(conn)
    if not ids or mean is None:
        return
    local: dict[int, float] = {}
    for i in range(0, len(ids), 400):
        part = ids[i:i + 400]
        q = ",".join("?" * len(part))
        local.update((int(d), float(m)) for d, m in conn.execute(
            f"SELECT src, avg(score) FROM graph_semantic WHERE src IN ({q}) GROUP BY src", part))
    for o in ids:
        shift = W_SEMANTIC * CSLS * (local.get(o, mean) - mean)
        for r in found[o]:
            if r.role == "semantic":
                r.weight = max(0.0, r.weight - shift)
        found[o] = [r for r in found[o] if r.weight > 0]  # a reason that adds nothing is not shown
        if not found[o]:
            del found[o]


def _vault_mean(conn: sqlite3.Connection) -> float | None:
    row = conn.execute("SELECT avg(score) FROM (SELECT score FROM graph_semantic LIMIT ?)", (CSLS_SAMPLE,)).fetchone()
    return float(row[0]) if row and row[0] is not None else None


_sem_mean: PerConnection[float | None] = PerConnection(_vault_mean, size=8)
"""The mean stored neighbour score of the vault (a sample of CSLS_SAMPLE rows)."""


def _passage_rerank(conn: sqlite3.Connection, doc_id: int, found: dict[int, list[Reason]]) -> None:
    """For the best RERANK candidates, the closest pair of passages (stored chunk vectors) adds a semantic
    reason: a short person note and the one line of a long journal that is about that person are close even
    when the two notes as a whole are not."""
    top = sorted(((sum(_dedupe(rs)), o) for o, rs in found.items()), reverse=True)[:RERANK]
    mine = _vectors(conn, [doc_id], PASSAGE_MAX_OWN)
    if not mine or not top:
        return
    theirs = _vectors(conn, [o for _, o in top], PASSAGE_MAX_CHUNKS)
    for emb, (_, my_ids, my_mat) in mine.items():
        floor = PASSAGE_FLOORS.get(emb.split(":", 1)[0])
        if emb not in theirs or floor is None:
            continue  # an embedder whose cosine scale was never calibrated here: no passage check
        docs, ids, mat = theirs[emb]
        if mat.shape[1] != my_mat.shape[1]:
            continue
        sims = my_mat @ mat.T                                   # (my chunks, their chunks)
        best_mine = sims.argmax(axis=0)
        col_best = sims[best_mine, np.arange(sims.shape[1])]
        per_doc: dict[int, tuple[float, int, int]] = {}
        for j, d in enumerate(docs):
            if d not in per_doc or col_best[j] > per_doc[d][0]:
                per_doc[d] = (float(col_best[j]), int(my_ids[best_mine[j]]), int(ids[j]))
        for d, (cos, a, b) in per_doc.items():
            w = W_PASSAGE * max(0.0, cos - floor)
            if w > 0:  # the passages' text is read only for notes that make the list
                found[d].append(Reason("semantic", lambda a=a, b=b, cos=cos: _pair_detail(conn, a, b, cos), w,
                                       "semantic"))
        return


def _context_words(conn: sqlite3.Connection, doc_id: int, found: dict[int, list[Reason]], n_docs: int) -> None:
    """Where one note names the other, the sentence around the name shares rare words with the named note
    ("Postman (not Pete, he's retired)" and Pete's note "retired postman"; "Lena's baby came" and Lena's note
    "baby due in September"): the mention is about what that note is about, not a name in a list."""
    pairs: list[tuple[int, int, str]] = []  # (other, named note, context)
    top = heapq.nlargest(CONTEXT_TOP, ((sum(_dedupe(rs)), o) for o, rs in found.items()
                                       if any(r.role in ("name_in", "name_out") for r in rs)))
    for _, other in top:
        rs = found[other]
        best: dict[str, Reason] = {}
        for r in rs:
            if r.role in ("name_in", "name_out") and r.context and (r.role not in best or r.weight > best[r.role].weight):
                best[r.role] = r
        for role, r in best.items():
            pairs.append((other, doc_id if role == "name_in" else other, r.context or ""))
    if not pairs:
        return
    named_out = list(dict.fromkeys(n for _, n, _ in pairs if n != doc_id))[:CONTEXT_MAX_NOTES - 1]  # best first
    vocab = _note_terms(conn, [doc_id, *named_out])
    said = {c: _context_terms(c) for _, _, c in pairs}
    df = _word_df.get(conn)
    n_chunks = df.get("\x00", 1)
    for other, note, context in pairs:
        words = vocab.get(note)
        if not words:
            continue
        shared: list[str] = []
        total = 0.0
        for w in said[context]:
            if w not in words:
                continue
            d = df.setdefault(w, _fts_df(conn, w))
            if 0 < d <= max(CONTEXT_MIN_DF, CONTEXT_MAX_DF_SHARE * n_chunks):
                shared.append(w)
                total += math.log((n_chunks + 1) / (d + 1)) / math.log(n_chunks + 1)
        if total > 0:
            weight = W_CONTEXT * (1 - math.exp(-total / CONTEXT_SAT))
            found[other].append(Reason("entity", lambda shared=shared, context=context:
                                       f"says what the note says ({', '.join(shared[:4])}): {_snip(context, 100)}",
                                       weight, "context"))


_CONTEXT_WORD = re.compile(r"[^\W\d_]{4,}")


@lru_cache(maxsize=8192)
def _context_terms(context: str) -> tuple[str, ...]:
    """The stemmed content words of a mention's sentence, names left out: a capitalised word inside the
    sentence is a name (another person, a place), which shared names already count."""
    out: dict[str, None] = {}
    for i, m in enumerate(_CONTEXT_WORD.finditer(clean_text(context))):
        w = m.group(0)
        low = w.lower()
        if (i == 0 or not w[0].isupper()) and low not in _STOP and low not in _EXTRA_STOP:
            out[stem(low)] = None
    return tuple(out)


def _note_terms(conn: sqlite3.Connection, ids: list[int]) -> dict[int, set[str]]:
    """note id -> the stemmed words of its first CONTEXT_NOTE_CHARS characters (kept per connection until the
    database changes: person and project notes come back call after call)."""
    known = _terms.get(conn)
    missing = [i for i in ids if i not in known]
    if missing:
        q = ",".join("?" * len(missing))
        texts: dict[int, list[str]] = {i: [] for i in missing}
        for d, text in conn.execute(f"SELECT doc_id, text FROM chunks WHERE doc_id IN ({q}) "
                                    f"ORDER BY doc_id, ordinal", missing):
            parts = texts[int(d)]
            if sum(len(t) for t in parts) < CONTEXT_NOTE_CHARS:
                parts.append(text or "")
        for d, parts in texts.items():
            known[d] = {stem(m.group(0).lower()) for m in _CONTEXT_WORD.finditer(" ".join(parts)[:CONTEXT_NOTE_CHARS])}
    return {i: known[i] for i in ids}


_terms: PerConnection[dict[int, set[str]]] = PerConnection(lambda _conn: {}, size=8)


def _fts_df(conn: sqlite3.Connection, word: str) -> int:
    """How many passages hold a word (search index; 0 when there is none or it cannot parse the word)."""
    try:
        return int(conn.execute("SELECT count(*) FROM chunks_fts WHERE chunks_fts MATCH ?",
                                (f'text:"{word}"',)).fetchone()[0])
    except sqlite3.Error:
        return 0


_word_df: PerConnection[dict[str, int]] = PerConnection(
    lambda conn: {"\x00": int(conn.execute("SELECT count(*) FROM chunks").fetchone()[0])}, size=8)
"""word -> passages holding it, filled as words come up (and "\x00" -> all passages)."""


def _cocited(conn: sqlite3.Connection, doc_id: int, found: dict[int, list[Reason]]
             ) -> dict[int, tuple[float, list[int]]]:
    """Notes named or linked by the same notes that name or link this one: note -> (Adamic-Adar sum, those
    notes). Reads the links and names of at most COCITE_MAX of the notes pointing here."""
    namers = [(max(ws), o) for o, rs in found.items()
              if (ws := [r.weight for r in rs if r.role in ("name_in", "backlink")])]
    ids = [o for _, o in heapq.nsmallest(COCITE_MAX, namers, key=lambda x: (-x[0], x[1]))]
    if not ids:
        return {}
    q = ",".join("?" * len(ids))
    pairs: set[tuple[int, int]] = set()
    for sql in (f"SELECT src, dst FROM graph_links WHERE src IN ({q}) AND dst IS NOT NULL",
                f"SELECT m.doc_id, n.doc_id FROM graph_mentions m JOIN graph_entities e ON e.id = m.entity "
                f"JOIN graph_names n ON n.name = e.key WHERE m.doc_id IN ({q})",
                f"SELECT m.doc_id, n.doc_id FROM graph_mentions m JOIN graph_entities e ON e.id = m.entity "
                f"JOIN graph_entities c ON c.id = e.canonical JOIN graph_names n ON n.name = c.key "
                f"WHERE m.doc_id IN ({q})"):
        pairs.update((int(a), int(b)) for a, b in conn.execute(sql, ids))
    out_deg: dict[int, int] = {}
    for c, t in pairs:
        if t != c:
            out_deg[c] = out_deg.get(c, 0) + 1
    out: dict[int, tuple[float, list[int]]] = {}
    for c, t in sorted(pairs):
        if t not in (c, doc_id):
            v, via = out.get(t, (0.0, []))
            out[t] = (v + 1.0 / math.log(2 + out_deg[c]), via + [c])
    return out


def _cocite_detail(conn: sqlite3.Connection, v: float, namers: list[int]) -> str:
    rows = _doc_rows(conn, namers[:2])
    names = ", ".join(f"“{title or PurePosixPath(path).stem}”" for path, title in (rows[n] for n in namers[:2] if n in rows))
    more = f" and {len(namers) - 2} more" if len(namers) > 2 else ""
    return f"named together with this note in {names}{more}"


def _pair_detail(conn: sqlite3.Connection, a: int, b: int, cos: float) -> str:
    texts = _chunk_texts(conn, {a, b})
    return f"“{_snip(texts.get(a), 100)}” ~ “{_snip(texts.get(b), 140)}” (similarity {cos:.2f})"


def _vectors(conn: sqlite3.Connection, doc_ids: list[int], limit: int) -> dict[str, Any]:
    """embedder -> (doc id per chunk, chunk ids, unit vectors) of these notes' stored chunk vectors (at most
    `limit` rows: a few book-length PDFs among the candidates must not make `related` slow)."""
    q = ",".join("?" * len(doc_ids))
    rows = conn.execute(f"SELECT c.doc_id, c.id, e.embedder, e.vector FROM chunks c JOIN embeddings e "
                        f"ON e.chunk_id = c.id WHERE c.doc_id IN ({q}) LIMIT ?", (*doc_ids, limit)).fetchall()
    by: dict[str, list[tuple[int, int, bytes]]] = {}
    for d, c, emb, v in rows:
        by.setdefault(emb, []).append((int(d), int(c), v))
    out: dict[str, Any] = {}
    for emb, items in by.items():
        mat = np.frombuffer(b"".join(v for _, _, v in items), dtype="<f4").reshape(len(items), -1)
        mat = mat / np.maximum(np.linalg.norm(mat, axis=1, keepdims=True), 1e-9)
        out[emb] = ([d for d, _, _ in items], [c for _, c, _ in items], mat)
    return out


def _common_word(conn: sqlite3.Connection, display: str) -> bool:
    """A one-word name that the vault also writes in lower case ("Ride bars, banana" at a line start, "a long
    ride" elsewhere; "Back", "Home", "Fine"): an ordinary word, not a name. Reads at most COMMON_SAMPLE
    passages holding the word (search index), so a very common word costs no more than a rare one."""
    word = name_key(display)
    if " " in word or not word.isalpha() or not word.islower():
        return False
    try:
        rows = conn.execute("SELECT c.text FROM chunks c WHERE c.id IN (SELECT rowid FROM chunks_fts "
                            "WHERE chunks_fts MATCH ? LIMIT ?)", (f'"{word}"', COMMON_SAMPLE)).fetchall()
    except sqlite3.Error:
        return False  # no search index here (or a word FTS cannot parse): keep the name
    pattern = re.compile(rf"(?<![\w'’-]){re.escape(word)}(?![\w'’-])")
    seen = 0
    for (text,) in rows:
        seen += len(pattern.findall(text or ""))
        if seen >= COMMON_MIN:
            return True
    return False


def _nested_once(reasons: list[Reason]) -> list[Reason]:
    """Shared names nested in one another ("Irish stew" and "Irish", "Pryce & Son Building Ltd" and "Pryce &
    Son") are one thing said at two lengths: the strongest of them counts, once."""
    if len(reasons) < 2:
        return reasons
    keyed = sorted(((tuple(name_key(r.detail).split()), r) for r in reasons), key=lambda x: -len(x[0]))
    kept: list[Reason] = []
    inside: dict[tuple[str, ...], Reason] = {}  # every run of words of a kept name -> that name's reason
    for words, r in keyed:
        home = inside.get(words)
        if home is None:
            kept.append(r)
            for i in range(len(words)):
                for j in range(i + 1, min(len(words), i + 6) + 1):
                    inside.setdefault(words[i:j], r)
        elif r.weight > home.weight:
            home.weight = r.weight
    return kept


def _tf(count: int | None, boost: float) -> float:
    return min(2.0, 1.0 + boost * math.log(max(1, int(count or 1))))


def _entity_sizes(conn: sqlite3.Connection, ids: list[int]) -> dict[int, int]:
    """note id -> how many distinct things it names (kept per connection until the database changes: the
    same candidates come back call after call)."""
    if not SIZE_OUTER:
        return _raw_sizes(conn, ids)
    known = _sizes.get(conn)
    missing = [i for i in ids if i not in known]
    for i in range(0, len(missing), 400):
        part = missing[i:i + 400]
        q = ",".join("?" * len(part))
        keys: dict[int, list[str]] = {}
        for d, key in conn.execute(f"SELECT m.doc_id, e.key FROM graph_mentions m JOIN graph_entities e "
                                   f"ON e.id = m.entity WHERE m.doc_id IN ({q}) AND m.strong", part):
            keys.setdefault(int(d), []).append(key)
        for d in part:
            known[d] = _outer_count(keys.get(d, []))
    return {i: known[i] for i in ids if known.get(i)}


def _raw_sizes(conn: sqlite3.Connection, ids: list[int]) -> dict[int, int]:
    out: dict[int, int] = {}
    for i in range(0, len(ids), 400):
        part = ids[i:i + 400]
        q = ",".join("?" * len(part))
        out.update((int(d), int(n)) for d, n in conn.execute(
            f"SELECT doc_id, count(*) FROM graph_mentions WHERE doc_id IN ({q}) AND strong GROUP BY doc_id", part))
    return out


_sizes: PerConnection[dict[int, int]] = PerConnection(lambda _conn: {}, size=8)
"""note id -> its outer name count, filled as notes come up as candidates."""


def _outer_count(keys: list[str]) -> int:
    """How many names are not part of a longer name of the same note ("Matthew Orrell" inside "Matthew Orrell
    Ryedale Wheelers" is one name said twice, not two)."""
    if not any(" " in k for k in keys):
        return len(keys)
    runs: set[tuple[str, ...]] = set()
    n = 0
    for words in sorted((tuple(k.split()) for k in keys), key=len, reverse=True):
        if words in runs:
            continue
        n += 1
        if len(words) > 1:
            for i in range(len(words)):
                for j in range(i + 1, min(len(words), i + 6) + 1):
                    runs.add(words[i:j])
    return n


def _dedupe(reasons: list[Reason]) -> list[float]:
    """Weights that count: one link per direction, one name mention per direction, the rest summed."""
    best: dict[str, float] = {}
    rest: list[float] = []
    for r in reasons:
        if r.role in ("link", "backlink", "semantic", "name_out", "name_in", "via", "cocite", "context"):
            best[r.role] = max(best.get(r.role, 0.0), r.weight)
        else:
            rest.append(r.weight)
    return list(best.values()) + rest


def _merge(reasons: list[Reason]) -> list[Reason]:
    seen: set[tuple[str, str]] = set()
    out = []
    semantic = False
    for r in sorted(reasons, key=lambda r: -r.weight)[:12]:
        if r.role == "semantic":
            if semantic:
                continue  # the stored neighbour and the passage check: show the closer pair only
            semantic = True
        if (r.kind, r.detail) not in seen:
            seen.add((r.kind, r.detail))
            out.append(r)
    return out


def _entity_groups(conn: sqlite3.Connection, doc_id: int) -> dict[int, tuple[str, bool, str]]:
    """canonical entity id -> (display name, strong anywhere in this note, context) for a note's mentions."""
    out: dict[int, tuple[str, bool, str]] = {}
    for group, name, strong, context in conn.execute(
            "SELECT coalesce(e.canonical, e.id), coalesce(c.name, e.name), m.strong, m.context "
            "FROM graph_mentions m JOIN graph_entities e ON e.id = m.entity "
            "LEFT JOIN graph_entities c ON c.id = e.canonical WHERE m.doc_id = ?", (doc_id,)):
        prev = out.get(int(group))
        out[int(group)] = (name, bool(strong) or (prev[1] if prev else False),
                           prev[2] if prev and prev[2] else context or "")
    return out


def _mention_counts(conn: sqlite3.Connection, doc_id: int) -> dict[int, int]:
    """canonical entity id -> how often this note mentions it."""
    return {int(g): int(c) for g, c in conn.execute(
        "SELECT coalesce(e.canonical, e.id), sum(m.count) FROM graph_mentions m JOIN graph_entities e "
        "ON e.id = m.entity WHERE m.doc_id = ? GROUP BY 1", (doc_id,))}


def _group_members(conn: sqlite3.Connection, groups: list[int]) -> tuple[dict[int, list[int]], dict[int, int]]:
    """canonical entity id -> its entity ids (itself and its aliases), and -> notes mentioning any of them."""
    members: dict[int, list[int]] = {}
    df: dict[int, int] = {}
    for i in range(0, len(groups), 400):
        part = groups[i:i + 400]
        q = ",".join("?" * len(part))
        for eid, group, n in conn.execute(
                f"SELECT id, coalesce(canonical, id), df FROM graph_entities WHERE id IN ({q}) "
                f"UNION SELECT id, canonical, df FROM graph_entities WHERE canonical IN ({q})", part + part):
            members.setdefault(int(group), []).append(int(eid))
            df[int(group)] = df.get(int(group), 0) + int(n)
    return members, df


def _mention_df(conn: sqlite3.Connection, groups: list[int]) -> dict[int, int]:
    """canonical entity id -> number of notes mentioning it (an upper bound for merged aliases)."""
    return _group_members(conn, groups)[1]


def _notes_named(conn: sqlite3.Connection, groups: list[int]) -> dict[int, list[int]]:
    """canonical entity id -> notes whose title/alias/stem is that entity (or one of its aliases)."""
    out: dict[int, list[int]] = {}
    for i in range(0, len(groups), 400):
        part = groups[i:i + 400]
        q = ",".join("?" * len(part))
        for group, doc in conn.execute(
                f"SELECT DISTINCT coalesce(e.canonical, e.id), n.doc_id FROM graph_entities e "
                f"JOIN graph_names n ON n.name = e.key WHERE e.id IN ({q}) OR e.canonical IN ({q})", part + part):
            out.setdefault(int(group), []).append(int(doc))
    return out


def _chunk_texts(conn: sqlite3.Connection, ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    q = ",".join("?" * len(ids))
    return {int(r[0]): r[1] for r in conn.execute(f"SELECT id, text FROM chunks WHERE id IN ({q})", list(ids))}


def _doc_rows(conn: sqlite3.Connection, ids: list[int]) -> dict[int, tuple[str, str | None]]:
    if not ids:
        return {}
    q = ",".join("?" * len(ids))
    return {int(r[0]): (r[1], r[2]) for r in conn.execute(f"SELECT id, path, title FROM documents WHERE id IN ({q})",
                                                          ids)}


def resolve_note(conn: sqlite3.Connection, note: str, roots: list[str] | None = None) -> int | None:
    """A note id from what a user typed: an id, an absolute or indexed path, a path relative to a source,
    or a note's title / file name."""
    s = note.strip()
    # "³" and "٣" are digits to str.isdigit() but not to int(): only ASCII digits are an id
    if s.isascii() and s.isdigit() and conn.execute("SELECT 1 FROM documents WHERE id = ?", (int(s),)).fetchone():
        return int(s)
    row = conn.execute("SELECT id FROM documents WHERE path = ?", (s,)).fetchone()
    if row:
        return int(row[0])
    import os
    absolute = os.path.abspath(os.path.expanduser(s))
    row = conn.execute("SELECT id FROM documents WHERE path = ?", (absolute,)).fetchone()
    if row:
        return int(row[0])
    for (root,) in conn.execute("SELECT path FROM sources"):
        row = conn.execute("SELECT id FROM documents WHERE path = ?", (os.path.join(root, s),)).fetchone()
        if row:
            return int(row[0])
    tail = "/" + s.lstrip("/")
    rows = conn.execute("SELECT id FROM documents WHERE substr(path, -length(?)) = ?", (tail, tail)).fetchall()
    if len(rows) == 1:
        return int(rows[0][0])
    rows = conn.execute("SELECT DISTINCT doc_id FROM graph_names WHERE name = ?", (name_key(s),)).fetchall()
    if len(rows) == 1:
        return int(rows[0][0])
    return None
