"""Hybrid search: FTS5 BM25 + dense vectors, fused (normalised-score sum or RRF), with metadata filters."""
from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np

from memex.config import Settings
from memex.domain import Hit, Location
from memex.embed.base import Embedder, embed_queries
from memex.embed.coverage import fusion_weights
from memex.errors import MemexError
from memex.retrieve.bridge import bridge_notes, describes_someone
from memex.retrieve.coverage import DenseCoverage, dense_coverage, home_languages
from memex.retrieve.filing import with_folder_bonus
from memex.retrieve.fusion import convex, rrf, zscore
from memex.retrieve.naming import named_notes, with_named_bonus
from memex.retrieve.overlap import Overlap, adapted_share, coverage
from memex.retrieve.pointers import pointed_notes
from memex.retrieve.query import ParsedQuery, parse_query, with_languages
from memex.retrieve.query_language import (
    accent_terms,
    cross_item_weights,
    native_terms,
    query_language,
    stemmed_part,
    stems_weight,
)
from memex.retrieve.shape import QueryShape, query_shape
from memex.store import lexical as lexical_index
from memex.store.backends import VectorFilter, VectorIndex

FUSIONS = ("rrf", "convex", "zscore")


@dataclass(frozen=True)
class Filters:
    """Metadata filters; all given ones must hold."""

    path_glob: str | None = None
    tags: tuple[str, ...] = ()
    after: str | None = None
    """ISO date: notes dated on or after."""
    before: str | None = None
    """ISO date: notes dated on or before."""
    langs: tuple[str, ...] = ()
    """Only notes written in one of these languages (ISO 639-1 codes, or "und")."""

    def active(self) -> bool:
        return bool(self.path_glob or self.tags or self.after or self.before or self.langs)

    def describe(self) -> list[str]:
        """Human-readable list of the filters in force (for --explain)."""
        out = []
        if self.path_glob:
            out.append(f"path matches {self.path_glob}")
        out += [f"tag {t}" for t in self.tags]
        if self.after:
            out.append(f"date >= {self.after}")
        if self.before:
            out.append(f"date <= {self.before}")
        if self.langs:
            out.append(f"language {' or '.join(self.langs)}")
        return out


@dataclass
class SearchResult:
    """Hits plus timings, for callers that want them."""

    hits: list[Hit]
    timings_ms: dict[str, float] = field(default_factory=dict)


def _doc_filter_sql(f: Filters, per_chunk: bool = False) -> tuple[str, list[Any]]:
    """SQL over `documents d` for the filters; with `per_chunk` (queries that join `chunks c`) the date bounds
    apply to each passage's own dates, else a note passes when any of its passages does."""
    clauses, args = [], []
    if f.path_glob:
        glob = f.path_glob if f.path_glob.startswith(("/", "*")) else f"*{f.path_glob}"
        clauses.append("d.path GLOB ?")
        args.append(glob)
    for t in f.tags:
        clauses.append("d.id IN (SELECT doc_id FROM tags WHERE tag = ?)")
        args.append(t.lstrip("#").lower())
    # Dates from the content, per chunk (a log note spans months); the note's date where a chunk has none.
    for bound, column, op in ((f.after, "date_end", ">="), (f.before, "date_start", "<=")):
        if not bound:
            continue
        if per_chunk:
            clauses.append(f"coalesce(c.{column}, d.note_date) {op} ?")
        else:
            clauses.append(f"(EXISTS (SELECT 1 FROM chunks x WHERE x.doc_id = d.id AND coalesce(x.{column}, "
                           f"d.note_date) {op} ?))")
        args.append(bound)
    if f.langs:
        clauses.append(f"d.lang IN ({','.join('?' * len(f.langs))})")
        args += list(f.langs)
    return " AND ".join(clauses) or "1", args


def _day(mtime_ns: int | None) -> str | None:
    """The UTC day of a file modification time."""
    if mtime_ns is None:
        return None
    return dt.datetime.fromtimestamp(mtime_ns / 1e9, tz=dt.timezone.utc).date().isoformat()


def _describe_cover(cover: DenseCoverage | None, per_item: list[Any] | None, chunk: int) -> dict[str, Any]:
    """For --explain: the query's language and how much the dense side counted for this chunk."""
    if cover is None:
        return {"query": None, "dense_factor": 1.0}
    factors = per_item[1] if per_item else None
    return {"query": cover.query_lang, "dense_factor": cover.query_factor * (factors or {}).get(chunk, 1.0)}


PRUNE_MIN_CHUNKS = 50_000
"""Indexes at least this large drop very common query terms from BM25 (see Searcher._prune_common_terms)."""
PRUNE_DF = 0.10
_EMBED_POOL = ThreadPoolExecutor(max_workers=1, thread_name_prefix="memex-query-embed")


class Searcher:
    """Runs queries against one store and its vector index."""

    def __init__(self, conn: sqlite3.Connection, embedder: Embedder, index: VectorIndex,
                 settings: Settings) -> None:
        self.conn = conn
        self.embedder = embedder
        self.index = index
        self.settings = settings
        self._langs: set[str] | None = None
        if settings.fusion not in FUSIONS:
            raise MemexError(f"config: fusion must be one of {', '.join(FUSIONS)}, not {settings.fusion!r}")

    def lexical(self, query: str, n: int, filters: Filters | None = None) -> list[tuple[int, float]]:
        """BM25 over chunk text, title and headings: [(chunk_id, bm25 score, higher is better)]."""
        langs = self.home_languages()
        q_lang = query_language(query, langs)
        native = native_terms(parse_query(query), query, q_lang)
        # Stems of the content words only (function words stay plain terms: query_language.stemmed_part).
        stemmed = replace(with_languages(stemmed_part(native, q_lang), query, langs), terms=native.terms)
        parsed = accent_terms(stemmed, q_lang, self._stem_indexed)
        if self._n_chunks() >= PRUNE_MIN_CHUNKS:
            if not (filters and filters.active()):  # the same scores from the BM25 impact index, if built
                fast = lexical_index.search(self.conn, self.settings.cache_dir, self.settings.title_weight,
                                            self.settings.heading_weight, parsed.terms,
                                            lambda ts: replace(parsed, terms=ts).fts(), n, self._n_chunks(),
                                            PRUNE_DF)
                if fast is not None:
                    return fast
            parsed = self._prune_common_terms(parsed)
        # Large homes keep the stems column at weight 1: the BM25 impact index (store/lexical.py) scores single
        # terms from arrays built with it, and both paths must give the same scores.
        large = self._n_chunks() >= PRUNE_MIN_CHUNKS
        return self._bm25(parsed.fts(), n, filters, 1.0 if large else stems_weight(q_lang))

    def _bm25(self, expr: str | None, n: int, filters: Filters | None,
              stems: float = 1.0) -> list[tuple[int, float]]:
        """The best n chunks for an FTS5 expression, by column-weighted BM25 (higher is better)."""
        if not expr:
            return []
        # FTS5 column weights: title, headings, text, and the stems column (non-English stems, CJK pairs).
        weights = (float(self.settings.title_weight), float(self.settings.heading_weight), 1.0, float(stems))
        sql = (f"SELECT rowid, -bm25(chunks_fts, {', '.join(map(str, weights))}) AS s "
               "FROM chunks_fts WHERE chunks_fts MATCH ?")
        args: list[Any] = [expr]
        if filters and filters.active():
            where, fargs = _doc_filter_sql(filters, per_chunk=True)
            sql += (" AND rowid IN (SELECT c.id FROM chunks c JOIN documents d ON d.id = c.doc_id "
                    f"WHERE {where})")
            args += fargs
        sql += " ORDER BY s DESC LIMIT ?"
        try:
            return [(int(r[0]), float(r[1])) for r in self.conn.execute(sql, (*args, n))]
        except sqlite3.OperationalError:
            return []  # a query FTS5 cannot parse still gets dense results

    def _stem_indexed(self, stem: str) -> bool:
        """Whether any chunk's `stems` column holds this stem."""
        try:
            return self.conn.execute("SELECT 1 FROM chunks_fts WHERE chunks_fts MATCH ? LIMIT 1",
                                     ('stems : "' + stem.replace('"', '""') + '"',)).fetchone() is not None
        except sqlite3.OperationalError:
            return False

    def home_languages(self) -> set[str]:
        """Languages of this home's notes (read once per Searcher)."""
        if self._langs is None:
            self._langs = home_languages(self.conn)
        return self._langs

    def _with_phrase_pairs(self, lex: list[tuple[int, float]], shape: QueryShape, n: int,
                           filters: Filters | None) -> list[tuple[int, float]]:
        """Add phrase_weight x the BM25 score of the query's adjacent word pairs to each BM25 candidate."""
        if not lex or not shape.pairs or shape.phrase_weight <= 0:
            return lex
        pair_scores = dict(self._bm25(" OR ".join(shape.pairs), n, filters))
        boosted = [(c, s + shape.phrase_weight * pair_scores.get(c, 0.0)) for c, s in lex]
        return sorted(boosted, key=lambda cs: -cs[1])

    def _dense_with_clauses(self, query: str, shape: QueryShape, n: int, allowed: np.ndarray | None,
                            where: VectorFilter | None = None) -> list[tuple[int, float]]:
        """Cosine to the whole query, mixed with the best cosine to any one of its clauses.

        A chunk that answers one part of a multi-part question matches that clause's vector far better
        than the blurred vector of the whole question.
        """
        full = self.index.search(self.embedder.embed_query(query), n, allowed, where)
        if not full or not shape.clauses or shape.clause_weight <= 0:
            return full
        # The clauses, of similar length, in one forward pass (padding them to the whole question's
        # length would cost more: measured 98 vs 115 ms p50 per search under load).
        vectors = embed_queries(self.embedder, shape.clauses)
        per_clause = [dict(self.index.search(v, n, allowed, where)) for v in vectors]
        per_clause = [p for p in per_clause if p]
        if not per_clause:
            return full
        # A chunk missing from a list scores that list's lowest cosine: it is at best that close.
        full_scores, full_floor = dict(full), min(s for _, s in full)
        floors = [min(p.values()) for p in per_clause]
        g = shape.clause_weight
        out = {}
        for c in set(full_scores).union(*per_clause):
            best = max(p.get(c, f) for p, f in zip(per_clause, floors, strict=True))
            out[c] = (1 - g) * full_scores.get(c, full_floor) + g * best
        return sorted(out.items(), key=lambda cs: -cs[1])[:n]

    def term_frequencies(self, words: list[str]) -> tuple[dict[str, int], int]:
        """How many chunks hold each word (through the FTS5 tokenizer), and how many chunks there are."""
        out: dict[str, int] = {}
        for w in dict.fromkeys(words):
            try:
                out[w] = int(self.conn.execute("SELECT count(*) FROM chunks_fts WHERE chunks_fts MATCH ?",
                                               ('"' + w.replace('"', '""') + '"',)).fetchone()[0])
            except sqlite3.OperationalError:
                out[w] = 0
        return out, int(self.conn.execute("SELECT count(*) FROM chunks").fetchone()[0])

    def title_count(self, name: str) -> int:
        """How many passages belong to notes whose title holds `name` as a phrase (a person, a place...)."""
        words = [w for w in name.replace('"', " ").split() if w]
        if not words:
            return 0
        try:
            return int(self.conn.execute("SELECT count(*) FROM chunks_fts WHERE chunks_fts MATCH ?",
                                         ('title : "' + " ".join(words) + '"',)).fetchone()[0])
        except sqlite3.OperationalError:
            return 0

    def _n_chunks(self) -> int:
        return len(self.index)

    def _prune_common_terms(self, parsed: ParsedQuery) -> ParsedQuery:
        """Drop query terms found in more than PRUNE_DF of all chunks (keeping at least two terms).

        FTS5 scores every row matching any term, so one very common word makes a query over 100k chunks
        cost 20 ms instead of 10; such a word's IDF is small, and exact BM25 agreed on 93% of the top 10
        in the measurement (docs/benchmarks.md). Only large indexes are pruned.
        """
        if len(parsed.terms) <= 2:
            return parsed
        total = max(1, self._n_chunks())
        df = {}
        for t in parsed.terms:
            df[t] = self.conn.execute("SELECT count(*) FROM chunks_fts WHERE chunks_fts MATCH ?",
                                      (f'"{t}"',)).fetchone()[0]
        keep = [t for t in parsed.terms if df[t] <= PRUNE_DF * total]
        if len(keep) < 2:
            keep = sorted(parsed.terms, key=lambda t: df[t])[:2]
        # The stems/CJK shadow phrases stay (dropping them lost a multilingual home's stemming past 50k chunks).
        return replace(parsed, terms=[t for t in parsed.terms if t in keep])

    def allowed_chunks(self, filters: Filters) -> np.ndarray:
        """Chunk ids passing the filters (for dense search)."""
        where, args = _doc_filter_sql(filters, per_chunk=True)
        rows = self.conn.execute(
            f"SELECT c.id FROM chunks c JOIN documents d ON d.id = c.doc_id WHERE {where}", args)
        return np.fromiter((r[0] for r in rows), dtype=np.int64)

    def dense_restriction(self, filters: Filters | None) -> tuple[np.ndarray | None, VectorFilter | None]:
        """How filters reach the vector index: pushed down (server backends) or as allowed chunk ids."""
        if not (filters and filters.active()):
            return None, None
        if getattr(self.index, "pushes_filters", False) and not filters.langs:
            return None, VectorFilter(filters.path_glob, tuple(filters.tags), filters.after, filters.before)
        # Filters the backend's payload lacks (languages) are resolved here; a server backend then gets the
        # allowed chunk ids (chunk_id = ANY(...) / has_id).
        return self.allowed_chunks(filters), None

    def dense(self, query: str, n: int, filters: Filters | None = None,
              query_vector: np.ndarray | None = None) -> list[tuple[int, float]]:
        """Cosine similarity of the query embedding to chunk embeddings: [(chunk_id, cosine)]."""
        allowed, where = self.dense_restriction(filters)
        qv = self.embedder.embed_query(query) if query_vector is None else query_vector
        return self.index.search(qv, n, allowed, where)

    def search(self, query: str, k: int = 10, filters: Filters | None = None,
               explain: bool = False, check_files: bool = True) -> SearchResult:
        """Hybrid search; returns the best k chunks (with check_files, only of notes still on disk)."""
        t0 = time.perf_counter()
        st = self.settings
        wb, wd = fusion_weights(self.embedder.id, st.bm25_weight, st.dense_weight)
        if (wb, wd) != (st.bm25_weight, st.dense_weight):
            st = replace(st, bm25_weight=wb, dense_weight=wd)
        n = max(st.candidates, k)
        shape = query_shape(query, st)
        # How far to trust the dense side: not at all for a query or chunk in a language the embedder
        # doesn't read (then BM25 alone ranks it). An all-English home with MiniLM skips this entirely.
        cover = dense_coverage(self.conn, self.embedder.id, query, self.home_languages())
        if cover is not None and cover.query_factor == 0.0:
            shape = replace(shape, dense_weight=0.0, clause_weight=0.0, clauses=[])
        # Dense retrieval (query embedding in torch, then a numpy matrix-vector product; both release the
        # GIL) runs on another thread while SQLite does BM25: on two cores the two overlap almost fully.
        dense_job = None
        if shape.dense_weight > 0:
            allowed, where = self.dense_restriction(filters)
            dense_job = _EMBED_POOL.submit(self._dense_with_clauses, query, shape, n, allowed, where)
        lex = []  # weight 0: retriever off
        if shape.bm25_weight > 0:
            lex = self._with_phrase_pairs(self.lexical(query, n, filters), shape, n, filters)
        t1 = time.perf_counter()
        den = dense_job.result() if dense_job is not None else []
        t2 = time.perf_counter()
        weights = [shape.bm25_weight, shape.dense_weight]
        # The paraphrase lean measures keyword coverage on the English-tokenised columns and was fitted on
        # English homes: a question in another language (matched through its stems) keeps the plain weights.
        q_lang = query_language(query, self.home_languages())
        lean = bool(den) and q_lang in (None, "en")
        overlap = self._overlap(query, lex, shape) if lean else None
        if overlap is not None:
            total = sum(weights)
            weights = [total * overlap.bm25_share, total * (1 - overlap.bm25_share)]
        named: set[int] = set()
        per_item = [None, cover.chunk_factors(den)] if cover is not None and den else None
        per_item = cross_item_weights(self.conn, q_lang, lex, den, per_item)
        if st.fusion == "convex":
            fused = convex([lex, den], weights, per_item)
            bridging = st.bridge_weight > 0 and bool(fused) and describes_someone(query)
            names = named_notes(self.conn, query) if st.title_match_bonus > 0 or bridging else []
            if st.title_match_bonus > 0:
                # A note the question names by its title or alias (retrieve/naming.py); on the convex scale.
                fused, named = with_named_bonus(self.conn, fused, names, st.title_match_bonus,
                                                retrieved_only=bool(filters and filters.active()))
            if bridging:
                # The note of the person a described-not-named question reaches through the best passage.
                fused = self._with_bridges(query, fused, st.bridge_weight, filters, set(names))
            if st.pointer_weight > 0 and fused:
                # The note a [[link]] on the best passage's matching line points to (retrieve/pointers.py).
                fused = self._with_pointers(query, fused, st.pointer_weight, filters)
            # The notes filed in a folder the question names (retrieve/filing.py).
            fused = with_folder_bonus(self.conn, query, fused, st.folder_match_bonus)
        elif st.fusion == "zscore":
            fused = zscore([lex, den], weights, per_item)
        else:
            fused = rrf([[c for c, _ in lex], [c for c, _ in den]], weights, k=st.rrf_k, item_weights=per_item)
        ranked = sorted(fused.items(), key=lambda kv: -kv[1])
        top = ranked[:k]
        details = None
        if explain:
            fts_query = native_terms(parse_query(query), query, q_lang).fts()
            described = filters.describe() if filters else []
            lex_rank = {c: (i + 1, s) for i, (c, s) in enumerate(lex)}
            den_rank = {c: (i + 1, s) for i, (c, s) in enumerate(den)}
            details = {c: {"bm25_rank": lex_rank.get(c, (None, None))[0],
                           "bm25_score": lex_rank.get(c, (None, None))[1],
                           "dense_rank": den_rank.get(c, (None, None))[0],
                           "dense_score": den_rank.get(c, (None, None))[1],
                           "fused_score": s,
                           "title_bonus": st.title_match_bonus if c in named else 0.0,
                           "fts_query": fts_query,
                           "query_shape": shape.describe(),
                           "overlap": overlap.describe() if overlap is not None else None,
                           "language": _describe_cover(cover, per_item, c),
                           "filters": described} for c, s in ranked[:4 * k]}
        hits = self.hits_for([c for c, _ in top], dict(top), details)
        if check_files:
            hits = self._live_hits(hits, ranked, k, details)
        t3 = time.perf_counter()
        return SearchResult(hits, {"lexical": (t1 - t0) * 1e3, "dense": (t2 - t1) * 1e3,
                                   "fetch": (t3 - t2) * 1e3, "total": (t3 - t0) * 1e3})

    def _with_bridges(self, query: str, fused: dict[int, float], weight: float, filters: Filters | None,
                      named: set[int]) -> dict[int, float]:
        """Lift the notes of the people the best passage names where it meets the question (retrieve/bridge.py)
        to `weight` x the best score (`named`: notes the question names itself, no bridge); under filters only passages
        already retrieved (they passed them)."""
        top, top_score = max(fused.items(), key=lambda kv: kv[1])
        row = self.conn.execute("SELECT doc_id, text FROM chunks WHERE id = ?", (top,)).fetchone()
        if row is None or top_score <= 0:
            return fused
        bridged = bridge_notes(self.conn, query, row[1], {int(row[0]), *named})
        return self._lift(fused, bridged, weight * top_score, filters)

    def _with_pointers(self, query: str, fused: dict[int, float], weight: float,
                       filters: Filters | None) -> dict[int, float]:
        """Lift the notes a [[link]] on the best passage's line meeting the question points to (retrieve/pointers.py)
        to `weight` x the best score."""
        top, top_score = max(fused.items(), key=lambda kv: kv[1])
        row = self.conn.execute("SELECT doc_id, text FROM chunks WHERE id = ?", (top,)).fetchone()
        if row is None or top_score <= 0 or "[[" not in row[1]:
            return fused
        return self._lift(fused, pointed_notes(self.conn, query, int(row[0]), row[1]), weight * top_score, filters)

    def _lift(self, fused: dict[int, float], docs: list[int], score: float,
              filters: Filters | None) -> dict[int, float]:
        """Raise the best passage of each note in `docs` (its first if none was retrieved) to at least `score`;
        under filters only passages already retrieved (they passed them)."""
        if not docs:
            return fused
        best: dict[int, int] = {}
        for chunk, doc in self.conn.execute(f"SELECT id, doc_id FROM chunks WHERE doc_id IN "
                                            f"({','.join('?' * len(docs))}) ORDER BY ordinal", docs):
            if doc not in best or fused.get(chunk, -1.0) > fused.get(best[doc], -1.0):
                best[doc] = chunk
        out = dict(fused)
        for chunk in best.values():
            if filters and filters.active() and chunk not in fused:
                continue
            out[chunk] = max(out.get(chunk, 0.0), score)
        return out

    def _overlap(self, query: str, lex: list[tuple[int, float]], shape: QueryShape) -> Overlap | None:
        """How much of the query the best BM25 passage holds, and the BM25 share that follows (or None: off)."""
        st = self.settings
        total = shape.bm25_weight + shape.dense_weight
        if not lex or total <= 0 or shape.long_share >= 1:
            return None
        share = shape.bm25_weight / total
        if st.overlap_bm25_share >= share:
            return None
        cover = coverage(self.conn, parse_query(query).terms, lex[0][0], self._n_chunks())
        return Overlap(cover, adapted_share(share, cover, st.overlap_low, st.overlap_high,
                                            st.overlap_bm25_share, shape.long_share))

    def _live_hits(self, hits: list[Hit], ranked: list[tuple[int, float]], k: int,
                   details: dict[int, dict[str, Any]] | None) -> list[Hit]:
        """Drop hits whose file was deleted or renamed since the last sync, refilling from lower ranks.

        A stat per result path costs microseconds; without it a deleted note keeps being cited until the
        next sync. A note whose whole source folder is gone (an unmounted drive) is kept, as sync keeps it.
        """
        live: list[Hit] = []
        start, checked = k, {}
        while True:
            for h in hits:
                if h.path not in checked:
                    checked[h.path] = os.path.exists(h.path) or not self._source_present(h.doc_id, h.path)
                if checked[h.path]:
                    live.append(h)
            if len(live) >= k or start >= len(ranked):
                return live[:k]
            more = ranked[start:start + k]
            start += k
            hits = self.hits_for([c for c, _ in more], dict(more), details)

    def _source_present(self, doc_id: int | None, path: str) -> bool:
        row = self.conn.execute("SELECT s.path FROM documents d JOIN sources s ON s.id = d.source_id "
                                "WHERE d.id = ?", (doc_id,)).fetchone()
        if row is None:
            return False
        # A single-file source: the file itself is gone, so look at the folder it lived in.
        root = os.path.dirname(path) if row[0] == path else row[0]
        return os.path.isdir(root)

    def hits_for(self, chunk_ids: list[int], scores: dict[int, float],
                 details: dict[int, dict[str, Any]] | None = None) -> list[Hit]:
        """Load chunk rows and build Hits in the given order."""
        if not chunk_ids:
            return []
        rows = self.conn.execute(
            "SELECT c.id, c.text, c.heading_path, c.page, c.start_line, c.end_line, c.ordinal, "
            "d.path, d.title, d.id, d.note_date, d.date_source, c.date_start, c.date_end, c.date_carried, d.mtime_ns, "
            "d.context, c.start_s, c.end_s "
            "FROM chunks c JOIN documents d ON d.id = c.doc_id "
            f"WHERE c.id IN ({','.join('?' * len(chunk_ids))})", chunk_ids).fetchall()
        by_id = {r[0]: r for r in rows}
        hits = []
        for cid in chunk_ids:
            r = by_id.get(cid)
            if r is None:  # deleted since the index was read
                continue
            headings = json.loads(r[2])
            explain = None
            if details is not None:
                explain = dict(details.get(cid, {}))
                explain["matched_chunk"] = {"ordinal": r[6], "heading_path": headings}
                explain["note_date"] = r[10]
                # Where the date came from ("mtime" = the file's modification time, the last resort) and
                # the dates this passage's statements carry.
                explain["date_source"] = r[11] or "mtime"
                explain["dates"] = {"first": r[12], "last": r[13], "carried": r[14],
                                    "written": _day(r[15])}
                if r[16] and r[16] != r[8]:
                    explain["context"] = r[16]  # title with aliases / file name, as the passage was indexed
            hits.append(Hit(path=r[7], chunk_id=str(cid), score=round(scores[cid], 6), text=r[1],
                            location=Location(page=r[3], heading=headings[-1] if headings else None,
                                              start_line=r[4], end_line=r[5], start_s=r[17], end_s=r[18]),
                            doc_id=r[9], title=r[8], explain=explain))
        return hits
