"""The Brain: one facade over store, ingest, retrieval and answering, used by every interface."""
from __future__ import annotations

import fcntl
import json
import os
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

from memex.config import Settings, load_settings
from memex.domain import Answer, Hit
from memex.embed import embedder_id, load_embedder
from memex.embed.base import Embedder
from memex.errors import MemexError
from memex.ingest.pipeline import Indexer, Progress, SyncReport, embedding_prefix
from memex.retrieve.search import Filters, Searcher
from memex.store import documents as docs
from memex.store.backends import VectorIndex, open_index
from memex.store.db import connect, write_tx
from memex.store.vectors import cache_file


class Brain:
    """Everything a user can do with their notes; interfaces are thin layers over this."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        settings.home.mkdir(parents=True, exist_ok=True)
        self.conn = connect(settings.db_path)
        self._embedder: Embedder | None = None
        self._embedder_for = ""
        self._index: VectorIndex | None = None
        self._lock = threading.RLock()
        self._extractor: Any = None
        self.last_graph_update: Any = None
        """What the graph update after the last add/sync/remove did (graph.edges.GraphUpdate)."""

    @classmethod
    def open(cls, home: Path | str | None = None, config_file: Path | None = None, **overrides: Any) -> Brain:
        """Open (creating if needed) the brain stored at `home`."""
        return cls(load_settings(home, config_file, **overrides))

    def __enter__(self) -> Brain:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Release the database (and the vector backend's connections)."""
        if self._index is not None:
            self._index.close()
        self.conn.close()

    # ---- components, loaded on first use -------------------------------------------------------
    @property
    def embedder_spec(self) -> str:
        """The configured embedder, with `auto` resolved for this home (ingest/languages.py)."""
        from memex.ingest.languages import resolve
        return resolve(self.conn, self.settings)

    @property
    def embedder(self) -> Embedder:
        spec = self.embedder_spec
        if self._embedder is None or self._embedder_for != spec:
            self._embedder, self._embedder_for = load_embedder(spec), spec
        return self._embedder

    # ---- switching embedders without downtime ----------------------------------------------------
    def _active_spec(self) -> str:
        """Spec of the embedder whose vectors search uses (recorded the first time the home is used)."""
        spec = docs.get_meta(self.conn, "active_embedder")
        if spec is None:
            with write_tx(self.conn):
                spec = docs.get_meta(self.conn, "active_embedder") or self.embedder_spec
                docs.set_meta(self.conn, "active_embedder", spec)
        return spec

    @property
    def migrating(self) -> bool:
        """True while vectors for a newly configured embedder are still being computed."""
        active, configured = self._active_spec(), self.embedder_spec
        return active != configured and embedder_id(active) != embedder_id(configured)

    @property
    def search_embedder(self) -> Embedder:
        """The embedder queries use: the old one until the new one covers every chunk."""
        return load_embedder(self._active_spec()) if self.migrating else self.embedder

    def reembed(self, progress: Progress | None = None, batch: int = 256) -> int:
        """Compute vectors of the configured embedder for every chunk, then switch search over to them.

        Search keeps using the old vectors until the last batch commits (no downtime); returns chunks embedded.
        """
        if not self.migrating:
            return 0
        old_id = embedder_id(self._active_spec())
        emb = self.embedder
        total = self.conn.execute("SELECT count(*) FROM chunks").fetchone()[0]
        done = 0
        while True:
            rows = docs.chunks_missing_vectors(self.conn, emb.id, batch)
            if not rows:
                break
            texts = [f"{embedding_prefix(t, tuple(json.loads(h)))}\n{x}" for _, t, h, x in rows]
            vecs = emb.embed(texts)
            with write_tx(self.conn):
                docs.add_vectors(self.conn, emb.id, [(r[0], v.astype("<f4").tobytes()) for r, v in zip(rows, vecs, strict=True)])
            done += len(rows)
            if progress:
                progress("file", done=min(done, total), total=total, path="re-embedding")
        with write_tx(self.conn):
            docs.set_meta(self.conn, "active_embedder", self.embedder_spec)
            docs.drop_vectors(self.conn, old_id)
        self._index = None  # next search loads the new model's index
        try:
            cache_file(self.settings.cache_dir, old_id).unlink(missing_ok=True)
        except OSError:
            pass
        return done

    @property
    def index(self) -> VectorIndex:
        """The vector index, loaded from its cache and caught up with SQLite."""
        with self._lock:
            if self._index is None:
                emb = self.search_embedder
                idx = open_index(self.settings.vector_store, self.conn, emb.id, emb.dimensions,
                                 self.settings.cache_dir, replica=self.settings.vector_store_replica)
                self._index = idx
                if getattr(idx, "rebuilt", False) and len(idx):
                    self._save_index()
            else:
                self._index.catch_up(self.conn)
            return self._index

    def _save_index(self) -> None:
        try:
            assert self._index is not None
            self._index.save()
        except OSError:
            pass  # the cache is an optimisation; SQLite still has everything

    @property
    def searcher(self) -> Searcher:
        index = self.index
        return Searcher(self.conn, self.search_embedder, index, self.settings)

    # ---- writing ---------------------------------------------------------------------------------
    @contextmanager
    def writer(self) -> Iterator[None]:
        """Cross-process writer lock: one sync/add/remove at a time per home (readers never wait)."""
        with self._lock, open(self.settings.home / "write.lock", "w") as f:
            fcntl.flock(f, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(f, fcntl.LOCK_UN)

    def add(self, paths: Sequence[Path | str], progress: Progress | None = None,
            embed_cache: Any | None = None, confirm: Callable[[str], bool] | None = None) -> SyncReport:
        """Register folders/files as sources and index them."""
        ids = []
        for p in paths:
            path = Path(p).expanduser()
            if not path.exists():
                raise MemexError(f"no such file or folder: {path}")
            target = str(path.absolute())
            with write_tx(self.conn):
                docs.drop_exclusions_under(self.conn, target)
                # A path inside an existing source is already covered: sync that source, no duplicate.
                covering = [sid for sid, sp in docs.list_sources(self.conn)
                            if target == sp or target.startswith(sp.rstrip(os.sep) + os.sep)]
                ids.append(covering[0] if covering else docs.add_source(self.conn, target))
        return self._sync_sources(ids, progress, embed_cache, confirm)

    def sync(self, progress: Progress | None = None, confirm: Callable[[str], bool] | None = None) -> SyncReport:
        """Re-scan every registered source; only changed files are re-processed."""
        return self._sync_sources([i for i, _ in docs.list_sources(self.conn)], progress, confirm=confirm)

    def _sync_sources(self, ids: Sequence[int], progress: Progress | None,
                      embed_cache: Any | None = None, confirm: Callable[[str], bool] | None = None) -> SyncReport:
        from memex.ingest import languages

        report = SyncReport()
        sources = dict(docs.list_sources(self.conn))
        with self.writer():
            if self.conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 0:
                # A fresh home: choose the embedder from a sample of the notes before embedding any.
                advice = languages.advise(self.conn, self.settings,
                                          languages.sample_languages([Path(sources[i]) for i in ids]))
                if advice and languages.decide(self.conn, advice, confirm):
                    with write_tx(self.conn):
                        docs.set_meta(self.conn, "active_embedder", advice.spec)
                    report.notices.append(advice.reason)
        also = (lambda: [self.search_embedder]) if self.migrating else None
        with self.writer(), Indexer(self.conn, self.settings, lambda: self.embedder, progress, embed_cache,
                                    also=also) as ix:
            for sid in ids:
                report.merge(ix.sync_source(sid, Path(sources[sid])))
            languages.backfill(self.conn)
            advice = languages.advise(self.conn, self.settings)
            if advice and languages.decide(self.conn, advice, confirm):
                report.notices.append(advice.reason + " (re-embedding; search keeps working meanwhile)")
            if self.migrating:
                report.chunks_embedded += self.reembed(progress)
            if report.chunks_embedded or report.removed or report.added or report.updated or report.moved:
                self.index  # noqa: B018 - catch up now, so the saved cache is current
                self._save_index()
                from memex.store import lexical
                lexical.refresh(self.conn, self.settings.cache_dir,
                                (float(self.settings.title_weight), float(self.settings.heading_weight)))
            self.last_graph_update = self.update_graph(progress=progress)
        return report

    def remove(self, path: Path | str) -> int:
        """Forget a source folder or a single file; returns documents removed."""
        target = str(Path(path).expanduser().absolute())
        with self.writer(), write_tx(self.conn):
            row = self.conn.execute("SELECT id FROM sources WHERE path = ?", (target,)).fetchone()
            if row:
                n = docs.remove_source(self.conn, int(row[0]))
            else:
                ids = [r[0] for r in self.conn.execute(
                    "SELECT id FROM documents WHERE path = ? OR path LIKE ? ESCAPE '\\'",
                    (target, target.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                     + os.sep + "%"))]
                inside = any(target == p or target.startswith(p + os.sep) for _, p in docs.list_sources(self.conn))
                if not ids and not inside:
                    raise MemexError(f"not a registered source or indexed file: {target}")
                docs.delete_documents(self.conn, ids)
                docs.add_exclusion(self.conn, target)
                n = len(ids)
        self.index  # noqa: B018
        self._save_index()
        with self.writer():
            self.last_graph_update = self.update_graph()
        return n

    # ---- reading ---------------------------------------------------------------------------------
    def search(self, query: str, k: int = 10, filters: Filters | None = None,
               explain: bool = False) -> list[Hit]:
        """Hybrid search over every indexed note."""
        if not query.strip():
            raise MemexError("empty query")
        return self.searcher.search(query, k, filters, explain).hits

    def answer_parts(self) -> Any:
        """The narrow parts answering uses (agents/ never sees the Brain)."""
        from memex.agents.answer import AnswerParts
        return AnswerParts(conn=self.conn, settings=self.settings, searcher_factory=self._answer_searcher,
                           embedder_factory=lambda: self.embedder, notebook=self)

    def _answer_searcher(self) -> Searcher:
        """The searcher answering uses: plain search without the folder preference (retrieve/filing.py), which
        inside answering cost the consultant vault an answer (docs/benchmarks.md, "Round 14 — rec14")."""
        return Searcher(self.conn, self.search_embedder, self.index, replace(self.settings, folder_match_bonus=0.0))

    def ask(self, question: str, filters: Filters | None = None, **options: Any) -> Answer:
        """Answer from the notes with citations (extractive unless an LLM is configured)."""
        if not question.strip():
            raise MemexError("empty question")
        from memex.agents.answer import answer_question
        return answer_question(self.answer_parts(), question, filters=filters, **options)

    def ask_stream(self, question: str, filters: Filters | None = None,
                   **options: Any) -> Iterator[dict[str, Any]]:
        """Like `ask`, as events: {"type": "step"|"token", ...}, then {"type": "answer", **Answer JSON}."""
        if not question.strip():
            raise MemexError("empty question")
        from memex.agents.answer import answer_stream
        return answer_stream(self.answer_parts(), question, filters=filters, **options)

    def status(self) -> dict[str, Any]:
        """Counts, sources, embedder and failures with reasons."""
        c = self.conn
        sources = []
        for sid, path in docs.list_sources(c):
            n_docs = c.execute("SELECT count(*) FROM documents WHERE source_id = ?", (sid,)).fetchone()[0]
            n_fail = c.execute("SELECT count(*) FROM failures WHERE source_id = ?", (sid,)).fetchone()[0]
            sources.append({"path": path, "documents": n_docs, "failures": n_fail, "exists": Path(path).exists()})
        emb = [{"embedder": r[0], "vectors": r[1]} for r in
               c.execute("SELECT embedder, count(*) FROM embeddings GROUP BY embedder")]
        return {
            "home": str(self.settings.home),
            "documents": c.execute("SELECT count(*) FROM documents").fetchone()[0],
            "chunks": c.execute("SELECT count(*) FROM chunks").fetchone()[0],
            "embedder": self.embedder_spec,
            "embedder_setting": self.settings.embedder,
            "search_embedder": self._active_spec(),
            "languages": docs.languages(c),
            "vector_store": self.settings.vector_store.split("://")[0] + ("://…" if "://" in self.settings.vector_store else ""),
            "vectors": emb,
            "llm": self.settings.llm,
            "sources": sources,
            "parsers": dict(c.execute("SELECT parser, count(*) FROM documents GROUP BY parser").fetchall()),
            "failures": [{"path": r[0], "reason": r[1]} for r in
                         c.execute("SELECT path, reason FROM failures ORDER BY path")],
        }

    # ---- the note graph and insights (graph/) ------------------------------------------------------
    def update_graph(self, rebuild: bool = False, progress: Progress | None = None) -> Any:
        """Recompute the graph edges of notes that changed since the last update (all with `rebuild`)."""
        from memex.graph.edges import GraphUpdate, update_graph
        from memex.graph.entities import load_extractor
        if self.settings.graph.strip().lower() in ("off", "false", "0", "no") and not rebuild:
            return GraphUpdate()
        if self._extractor is None:
            self._extractor = load_extractor(self.settings.graph_entities)
        return update_graph(self.conn, lambda: self.index, self._extractor, rebuild=rebuild, progress=progress)

    def rebuild_graph(self, progress: Progress | None = None) -> Any:
        """Recompute the whole note graph from the stored notes (e.g. after an extractor change); progress
        gets `graph` events {done, total}. Returns graph.edges.GraphUpdate."""
        with self.writer():
            return self.update_graph(rebuild=True, progress=progress)

    def related(self, note: str | int, k: int = 10) -> list[Any]:
        """Notes related to NOTE (an id, a path or a title), best first, with reasons (graph.related.Related)."""
        from memex.graph.service import related
        return related(self.conn, note, k)

    def note_graph(self, around: str | int | None = None, depth: int = 1) -> Any:
        """The note graph (or a note's neighbourhood) as a graph.network.NoteGraph."""
        from memex.graph.network import build_graph
        return build_graph(self.conn, around, depth)

    def insights(self, since: str | None = None, kind: str | None = None, refresh: bool = True,
                 budget_s: float | None = None) -> list[Any]:
        """Proactive insights (graph.insights.Insight), newest first; `refresh` computes new ones first."""
        from memex.graph import insights
        if refresh:
            with self.writer():
                insights.refresh(self.conn, budget_s=budget_s)
        return insights.listing(self.conn, since=since, kind=kind)

    def refresh_insights(self, budget_s: float | None = None) -> Any:
        """Compute insights for what changed; returns graph.insights.RefreshReport (its summary is one line)."""
        from memex.graph import insights
        with self.writer():
            return insights.refresh(self.conn, budget_s=self.settings.insights_budget_s if budget_s is None
                                    else budget_s)

    def dismiss_insight(self, insight_id: int) -> bool:
        """Dismiss an insight for good (it does not come back); False if there is no such insight."""
        from memex.graph import insights
        with self.writer():
            return insights.dismiss(self.conn, insight_id)

    # ---- maintenance -----------------------------------------------------------------------------
    def backup(self, dest: Path | str, force: bool = False) -> dict[str, Any]:
        """Consistent online copy of the store (SQLite backup API), verified with integrity_check."""
        from memex.store.maintenance import backup
        return backup(self.conn, Path(dest), force=force)

    def check(self, repair: bool = False) -> dict[str, Any]:
        """Integrity of the database, FTS index and vector cache; repair rebuilds the derived indexes."""
        from memex.store.maintenance import check
        emb = self.search_embedder  # the vectors search uses (the old ones while re-embedding)
        cache = cache_file(self.settings.cache_dir, emb.id)
        backend = self._backend_for_check()
        from memex.graph.tables import check as check_graph
        if not repair:
            out = check(self.conn, emb.id, emb.dimensions, cache, backend=backend).to_dict()
            state, graph_problems = check_graph(self.conn)
            lex_state, lex_bad = self._check_lexical(repair=False)
            lex_problems = [f"BM25 index: {lex_state}"] if lex_bad else []
            return out | {"ok": out["ok"] and not graph_problems and not lex_bad, "graph": state,
                          "lexical_index": lex_state, "problems": out["problems"] + graph_problems + lex_problems}
        with self.writer():
            report = check(self.conn, emb.id, emb.dimensions, cache, repair=True, backend=backend)
            self._index = None  # reload from the rebuilt cache on next use
            state, graph_problems = check_graph(self.conn)
            if graph_problems or report.repaired or state != "ok":
                done = self.update_graph(rebuild=bool(graph_problems or report.repaired))
                report.repaired.append(f"rebuilt the note graph from SQLite ({len(done.changed)} notes)")
            state, graph_problems = check_graph(self.conn)
            report.problems += graph_problems
            lex_state, _ = self._check_lexical(repair=True)  # after FTS was rebuilt: from the new FTS
            if lex_state.startswith("rebuilt"):
                report.repaired.append(f"BM25 index {lex_state}")
        return report.to_dict() | {"graph": state, "lexical_index": lex_state}

    def _check_lexical(self, repair: bool) -> tuple[str, bool]:
        """The BM25 impact index (memex.store.lexical): its state, and whether it is broken."""
        from memex.store import lexical
        return lexical.check(self.conn, self.settings.cache_dir,
                             (float(self.settings.title_weight), float(self.settings.heading_weight)), repair)

    def _backend_for_check(self) -> VectorIndex | None:
        """The configured backend, not yet synced, unless it is the exact cache (which check reads itself)."""
        from memex.store.backends import make_index
        emb = self.search_embedder
        backend = make_index(self.settings.vector_store, self.conn, emb.id, emb.dimensions,
                             self.settings.cache_dir, replica=self.settings.vector_store_replica)
        return None if backend.kind == "exact" else backend

    def document(self, doc_id: int | None = None, path: str | None = None) -> dict[str, Any] | None:
        """One document with metadata and chunks, by id or path."""
        row = self.conn.execute(
            "SELECT id, path, title, note_date, parser, metadata, content_hash, size FROM documents "
            "WHERE id = ? OR path = ?", (doc_id, path)).fetchone()
        if row is None:
            return None
        chunks = [{"chunk_id": str(r[0]), "text": r[1], "heading_path": json.loads(r[2]), "page": r[3],
                   "start_line": r[4], "end_line": r[5], "start_s": r[6], "end_s": r[7]} for r in self.conn.execute(
            "SELECT id, text, heading_path, page, start_line, end_line, start_s, end_s FROM chunks WHERE doc_id = ? "
            "ORDER BY ordinal", (row[0],))]
        return {"id": row[0], "path": row[1], "title": row[2], "date": row[3], "parser": row[4],
                "metadata": json.loads(row[5]), "content_hash": row[6], "size": row[7], "chunks": chunks}
