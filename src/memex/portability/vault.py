"""`memex export DIR --format obsidian|markdown`: everything Memex knows, as a folder of notes.

Streamed: documents are read from SQLite one at a time and written straight out, so memory stays flat
however big the vault (only the names, ids and link anchors are kept, a few hundred bytes a note).
Layout: one user source → its notes at the root, several → a folder per source; Memex's own notes in
`Memex/` (Answers, Conversations, Memories, Uploads, Topics). Converted documents (PDF, DOCX, HTML, TXT,
images, audio) become `name.md` beside a copy of the original; a `.memexignore` lists the copies so that
`memex add` of the export indexes each document once. `.memex-export.json` records what went where,
so a later `--since` export updates the same files.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from memex import __version__
from memex.errors import MemexError, ParseError
from memex.portability import hooks
from memex.portability.answers import (
    CitedChunk,
    list_thread_ids,
    render_answer,
    render_thread,
    resolve_citation,
    saved_answers,
    thread_data,
)
from memex.portability.names import NameAllocator, safe_component
from memex.portability.notes import (
    FORMATS,
    MARKDOWN_PARSERS,
    Anchor,
    ChunkInfo,
    DocInfo,
    LinkStyle,
    blocks_from_chunks,
    heading_anchor,
    render_converted,
    render_markdown_note,
)
from memex.retrieve.search import Filters, _doc_filter_sql

MANIFEST = ".memex-export.json"
IGNORE_FILE = ".memexignore"
MEMEX_FOLDER = "Memex"
HOME_SOURCES = {"memories": "Memories", "uploads": "Uploads"}
"""Sources inside the Memex home, exported under Memex/."""
Progress = Callable[..., None]


@dataclass
class VaultReport:
    """What an export wrote."""

    dest: str
    format: str
    notes: int = 0
    converted: int = 0
    originals: int = 0
    answers: int = 0
    conversations: int = 0
    topics: int = 0
    from_index: list[str] = field(default_factory=list)
    """Documents whose file was missing or had changed: written from the index's text."""
    failed: list[tuple[str, str]] = field(default_factory=list)
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {"dest": self.dest, "format": self.format, "notes": self.notes, "converted": self.converted,
                "originals": self.originals, "answers": self.answers, "conversations": self.conversations,
                "topics": self.topics, "from_index": self.from_index,
                "failed": [{"path": p, "reason": r} for p, r in self.failed], "seconds": round(self.seconds, 3)}


def parse_since(value: str | None, dest: Path | None = None) -> float | None:
    """`--since`: an ISO date or date-time (local time), a unix time, or "last" (the previous export into DEST)."""
    if value is None or value == "":
        return None
    if value == "last":
        if dest is None:
            raise MemexError("--since last works for a vault folder (it reads the previous export's manifest); "
                             "give a date for an archive")
        if not (dest / MANIFEST).is_file():
            raise MemexError("--since last needs an earlier export in this folder (no .memex-export.json found)")
        return float(json.loads((dest / MANIFEST).read_text(encoding="utf-8"))["exported_at"])
    try:
        return float(value)
    except ValueError:
        pass
    try:
        return dt.datetime.fromisoformat(value).timestamp()
    except ValueError:
        raise MemexError(f"--since: {value!r} is not a date (YYYY-MM-DD), a date-time or 'last'") from None


def check_destination(dest: Path, force: bool, source_roots: list[str]) -> dict[str, Any] | None:
    """Refuse to write into a non-empty folder (unless it holds an earlier export, or --force); returns its manifest."""
    if dest.exists() and not dest.is_dir():
        raise MemexError(f"{dest} exists and is not a folder")
    target = str(dest.absolute())
    for root in source_roots:
        if target == root or target.startswith(root.rstrip(os.sep) + os.sep):
            raise MemexError(f"{dest} is inside the indexed folder {root}: the next sync would index the export "
                             "as a second copy of every note. Export somewhere else.")
    manifest = None
    if (dest / MANIFEST).is_file():
        try:
            manifest = json.loads((dest / MANIFEST).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            manifest = None
    if dest.is_dir() and any(dest.iterdir()) and manifest is None and not force:
        raise MemexError(f"{dest} is not empty; export into an empty or new folder, or pass --force to write into "
                         "it (files with the same names are replaced; nothing else is touched)")
    return manifest


# ---- layout ----------------------------------------------------------------------------------------
def _source_prefixes(sources: list[tuple[int, str]], home: Path, alloc: NameAllocator) -> dict[int, str]:
    """Folder (relative to the export root) for each source."""
    out: dict[int, str] = {}
    user = []
    home = home.expanduser().absolute()
    for sid, path in sources:
        p = Path(path)
        if p.parent == home and p.name in HOME_SOURCES:
            out[sid] = f"{MEMEX_FOLDER}/{HOME_SOURCES[p.name]}"
        else:
            user.append((sid, path))
    if len(user) == 1:
        out[user[0][0]] = ""
    else:
        for sid, path in user:
            name = Path(path).name if Path(path).is_dir() or not Path(path).suffix else Path(path).parent.name
            out[sid] = alloc.allocate_folder(name or "source")
    return out


def _relative(path: str, source: str) -> str:
    if path == source:
        return Path(path).name
    if path.startswith(source.rstrip(os.sep) + os.sep):
        return os.path.relpath(path, source).replace(os.sep, "/")
    return Path(path).name


def _note_name(rel: str, parser: str) -> str:
    """The note for a document: a Markdown file keeps its name, others become name.md."""
    if parser in MARKDOWN_PARSERS and rel.lower().endswith((".md", ".markdown")):
        return rel if rel.lower().endswith(".md") else rel.rsplit(".", 1)[0] + ".md"
    return rel.rsplit(".", 1)[0] + ".md" if "." in rel.rsplit("/", 1)[-1] else rel + ".md"


@dataclass
class _Planned:
    doc_id: int
    note: str
    original: str | None


class _Exporter:
    def __init__(self, brain: Any, dest: Path, fmt: str, filters: Filters | None, since: float | None,
                 force: bool, related: bool, topics: bool, progress: Progress | None) -> None:
        if fmt not in FORMATS:
            raise MemexError(f"unknown vault format {fmt!r}: use one of {', '.join(FORMATS)}")
        self.brain = brain
        self.conn = brain.conn
        self.dest = dest
        self.style = LinkStyle(fmt)
        self.filters = filters
        self.since = since
        self.related = related
        self.topics = topics
        self.progress = progress or (lambda *a, **k: None)
        self.graph = hooks.graph_provider(brain) if (related or topics) else None
        if topics and self.graph is None:
            raise MemexError("--topics needs the note graph (topic clusters), which this Memex does not have yet")
        self.sources = [(int(r[0]), str(r[1])) for r in self.conn.execute("SELECT id, path FROM sources ORDER BY id")]
        self.manifest = check_destination(dest, force, [p for _, p in self.sources])
        self.report = VaultReport(dest=str(dest), format=fmt)
        self.plan: dict[int, _Planned] = {}
        self.anchors: dict[tuple[int, int], Anchor] = {}
        self.cited: dict[int, set[int]] = {}
        self.ignore: list[str] = []
        self._pool: Any = None
        self._written_ids: list[int] = []
        self._made: set[Path] = set()
        self._selected: set[int] = set()
        self._previous: set[str] = set()
        self._memex_notes: dict[str, dict[str, str]] = {"answers": {}, "threads": {}}

    # -- planning: every name decided before anything is written, so links can point anywhere --------
    def _existing(self) -> set[str]:
        found: set[str] = set()
        if not self.dest.is_dir():
            return found
        m = self.manifest or {}
        owned = {rel for key in ("notes", "originals", "answers", "threads") for rel in m.get(key, {}).values()}
        for root, _dirs, files in os.walk(self.dest):
            rel_root = os.path.relpath(root, self.dest).replace(os.sep, "/")
            for name in files:
                rel = name if rel_root == "." else f"{rel_root}/{name}"
                if rel not in owned and not name.startswith("."):
                    found.add(rel)
        return found

    def _doc_ids(self) -> list[int]:
        where, args = _doc_filter_sql(self.filters or Filters())
        if self.since is not None:
            where += " AND d.indexed_at >= ?"
            args = [*args, self.since]
        return [int(r[0]) for r in self.conn.execute(
            f"SELECT d.id FROM documents d WHERE {where} ORDER BY d.parser != 'markdown', d.path", args)]

    def plan_names(self) -> list[int]:
        alloc = NameAllocator(self._existing())
        previous_notes = (self.manifest or {}).get("notes", {})
        previous_originals = (self.manifest or {}).get("originals", {})
        for rel in [*previous_notes.values(), *previous_originals.values()]:
            alloc.claim(rel)
        prefixes = _source_prefixes(self.sources, self.brain.settings.home, alloc)
        source_of = dict(self.sources)
        ids = self._doc_ids()
        # Every document gets a name (links from answers may point at notes outside the filter), but
        # only the selected ones are written.
        rows = self.conn.execute("SELECT id, source_id, path, parser FROM documents ORDER BY parser != 'markdown', path")
        for doc_id, sid, path, parser in rows:
            if path in previous_notes:
                self.plan[doc_id] = _Planned(doc_id, previous_notes[path], previous_originals.get(path))
                continue
            prefix = prefixes.get(sid, "")
            rel = _relative(path, source_of.get(sid, ""))
            rel = f"{prefix}/{rel}" if prefix else rel
            obs = self.style.obsidian
            note = alloc.allocate(_note_name(rel, parser), obsidian=obs)
            original = None
            if parser not in MARKDOWN_PARSERS:
                folder = note.rsplit("/", 1)[0] + "/" if "/" in note else ""
                original = alloc.allocate(folder + safe_component(Path(path).name, obsidian=obs), obsidian=obs)
            self.plan[doc_id] = _Planned(doc_id, note, original)
        return ids

    # -- which passages are cited, so converted notes can give them block ids --------------------------
    def collect_citations(self) -> tuple[list[Any], list[str]]:
        answers = [a for a in saved_answers(self.brain.settings.home)
                   if self.since is None or _ts(a.asked_at) >= self.since]
        threads = list_thread_ids(self.conn, self.since)
        citations: list[dict[str, Any]] = [c for a in answers for c in a.citations]
        for tid in threads:
            for r in self.conn.execute("SELECT result FROM turns WHERE thread_id = ?", (tid,)):
                citations += (json.loads(r[0] or "{}").get("citations") or [])
        for c in citations:
            cited = resolve_citation(self.conn, c)
            if cited is not None and cited.ordinal is not None:
                self.cited.setdefault(cited.doc_id, set()).add(cited.ordinal)
        return answers, threads

    # -- writing ------------------------------------------------------------------------------------
    def _write(self, rel: str, text: str, mtime_ns: int | None = None) -> None:
        path = self.dest / rel
        if path.parent not in self._made:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._made.add(path.parent)
        data = text.encode("utf-8")
        try:
            with open(path, "xb") as f:  # a new file: nobody can see it half-written under a name they know
                f.write(data)
        except FileExistsError:
            tmp = path.with_name(f".{path.name}.tmp")  # replacing an earlier export's file: atomically
            tmp.write_bytes(data)
            os.replace(tmp, path)
        if mtime_ns:
            os.utime(path, ns=(mtime_ns, mtime_ns))

    @property
    def pool(self) -> Any:
        if self._pool is None:
            from memex.ingest.sandbox import ParserPool
            s = self.brain.settings
            self._pool = ParserPool(timeout_s=s.parse_timeout_s, memory_mb=s.parse_memory_mb)
        return self._pool

    def _doc(self, doc_id: int) -> DocInfo | None:
        r = self.conn.execute("SELECT id, path, title, note_date, parser, metadata, content_hash, size, mtime_ns, "
                              "indexed_at FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if r is None:
            return None  # removed while we were exporting
        meta = json.loads(r[5] or "{}")
        # The tags the index holds for the note are its parsed ones (the tags table is filled from them).
        tags = sorted({str(t) for t in meta.get("tags", []) if isinstance(t, str)})
        return DocInfo(int(r[0]), r[1], r[2], r[3], r[4], meta, r[6], int(r[7]), int(r[8]), float(r[9]), tags)

    def _chunks(self, doc_id: int) -> list[ChunkInfo]:
        return [ChunkInfo(int(c[0]), int(c[1]), c[2], tuple(json.loads(c[3])), c[4], c[5], c[6]) for c in
                self.conn.execute("SELECT id, ordinal, text, heading_path, page, start_line, end_line FROM chunks "
                                  "WHERE doc_id = ? ORDER BY ordinal", (doc_id,))]

    def export_document(self, doc: DocInfo) -> None:
        doc_id = doc.id
        plan = self.plan[doc_id]
        cited = self.cited.get(doc_id, set())
        extra = hooks.extra_front_matter(self.conn, doc_id)
        data = _read_if_unchanged(doc.path, doc.content_hash)
        chunks = self._chunks(doc_id) if (cited or data is None or doc.parser not in MARKDOWN_PARSERS) else []
        if doc.parser in MARKDOWN_PARSERS and data is not None:
            from memex.ingest.parsers.encoding import decode_text
            text, anchors = render_markdown_note(decode_text(data).text, doc, chunks, cited, self.style, extra)
        else:
            reason = None
            blocks = None
            if data is not None:
                try:
                    blocks = self.pool.parse(Path(doc.path)).blocks
                except ParseError as e:
                    reason = f"could not parse the file again ({e}); written from the index"
            else:
                reason = ("the file is missing" if not os.path.exists(doc.path)
                          else "the file has changed since it was indexed (run `memex sync`)") + "; written from the index"
            if blocks is None:
                blocks = blocks_from_chunks(chunks)
                self.report.from_index.append(doc.path)
            original = plan.original if data is not None else None
            markdown_blocks = doc.parser in MARKDOWN_PARSERS or doc.metadata.get("extractor") == "trafilatura"
            text, anchors = render_converted(blocks, doc, chunks, cited, self.style, plan.note, original,
                                             markdown_blocks=markdown_blocks, extra=extra, from_index=reason)
            self.report.converted += 1
            if original is not None:
                target = self.dest / original
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(doc.path, target)
                os.utime(target, ns=(doc.mtime_ns, doc.mtime_ns))
                self.ignore.append(original)
                self.report.originals += 1
        if self.related:
            text = text.rstrip("\n") + "\n\n" + self._related_section(doc_id, plan.note) + "\n"
        for ordinal, anchor in anchors.items():
            self.anchors[(doc_id, ordinal)] = anchor
        self._write(plan.note, text, doc.mtime_ns)
        self.report.notes += 1

    def _related_section(self, doc_id: int, from_rel: str) -> str:
        items = self.graph.related(self.conn, doc_id, 8) if self.graph else _fallback_related(self.brain, doc_id, 8)
        lines = ["## Related", ""]
        for item in items:
            plan = self.plan.get(item.doc_id)
            if plan is None or not self._in_output(item.doc_id):
                continue
            title = self.conn.execute("SELECT title FROM documents WHERE id = ?", (item.doc_id,)).fetchone()
            why = f" — {', '.join(item.reasons)}" if item.reasons else ""
            lines.append(f"- {self.style.link(plan.note, None, title[0] if title else None, from_rel)}{why}")
        return "\n".join(lines if len(lines) > 2 else [*lines, "- (none found)"])

    def _in_output(self, doc_id: int) -> bool:
        """Is this document's note in the export folder (written now, or by an earlier export there)?"""
        plan = self.plan.get(doc_id)
        return plan is not None and (doc_id in self._selected or plan.note in self._previous)

    def target(self, cited: CitedChunk) -> tuple[str, Anchor | None] | None:
        """LinkTargets for answers and threads: the exported note and the passage's anchor."""
        plan = self.plan.get(cited.doc_id)
        if plan is None or not self._in_output(cited.doc_id):
            return None
        anchor = self.anchors.get((cited.doc_id, cited.ordinal)) if cited.ordinal is not None else None
        if anchor is None and cited.heading_path:
            paths = [tuple(json.loads(r[0])) for r in self.conn.execute(
                "SELECT DISTINCT heading_path FROM chunks WHERE doc_id = ?", (cited.doc_id,))]
            anchor = heading_anchor(cited.heading_path, paths)
        return plan.note, anchor

    def export_answers(self, answers: list[Any], threads: list[str], alloc: NameAllocator) -> None:
        before = self.manifest or {}
        for a in answers:
            rel = before.get("answers", {}).get(a.id) or alloc.allocate(
                f"{MEMEX_FOLDER}/Answers/{a.asked_at[:10]} {a.question[:60]}.md", obsidian=self.style.obsidian)
            self._write(rel, render_answer(a, self.conn, self, self.style, rel))
            self._memex_notes["answers"][a.id] = rel
            self.report.answers += 1
        for tid in threads:
            thread = thread_data(self.conn, tid)
            rel = before.get("threads", {}).get(tid) or alloc.allocate(
                f"{MEMEX_FOLDER}/Conversations/{(thread['title'] or 'Conversation')[:80]} ({tid}).md",
                obsidian=self.style.obsidian)
            self._write(rel, render_thread(thread, self.conn, self, self.style, rel))
            self._memex_notes["threads"][tid] = rel
            self.report.conversations += 1
        if answers or threads:
            self.ignore += [f"{MEMEX_FOLDER}/Answers/", f"{MEMEX_FOLDER}/Conversations/"]

    def export_topics(self, alloc: NameAllocator) -> None:
        assert self.graph is not None
        for topic in self.graph.topics(self.conn):
            rel = alloc.allocate(f"{MEMEX_FOLDER}/Topics/{topic.title}.md", obsidian=self.style.obsidian)
            lines = [f"# {topic.title}", ""]
            if topic.keywords:
                lines += ["Keywords: " + ", ".join(topic.keywords), ""]
            for doc_id in topic.doc_ids:
                plan = self.plan.get(doc_id)
                if plan and self._in_output(doc_id):
                    title = self.conn.execute("SELECT title FROM documents WHERE id = ?", (doc_id,)).fetchone()
                    lines.append(f"- {self.style.link(plan.note, None, title[0] if title else None, rel)}")
            self._write(rel, "---\ntags: [memex/topic]\n---\n" + "\n".join(lines) + "\n")
            self.report.topics += 1
        self.ignore.append(f"{MEMEX_FOLDER}/Topics/")

    def finish(self, started: float) -> None:
        if self.ignore:
            path = self.dest / IGNORE_FILE
            old = path.read_text(encoding="utf-8").splitlines() if path.is_file() else [
                "# Written by `memex export`: copies of original files (their converted notes are indexed",
                "# instead) and Memex's own answers and conversations. Delete this file to index them too."]
            lines = list(dict.fromkeys(old + ["/" + _escape_ignore(p) for p in self.ignore]))
            path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        notes = dict((self.manifest or {}).get("notes", {}))
        originals = dict((self.manifest or {}).get("originals", {}))
        written = set(self._written_ids)
        for doc_id, plan in self.plan.items():
            if doc_id in written:
                path = self.conn.execute("SELECT path FROM documents WHERE id = ?", (doc_id,)).fetchone()[0]
                notes[path] = plan.note
                if plan.original:
                    originals[path] = plan.original
        manifest = {"tool": "memex", "version": __version__, "format": self.style.format,
                    "exported_at": started, "exported": dt.datetime.fromtimestamp(started, dt.timezone.utc).isoformat(
                        timespec="seconds"), "home": str(self.brain.settings.home.expanduser().absolute()), "notes": notes,
                    "originals": originals,
                    **{k: {**(self.manifest or {}).get(k, {}), **v} for k, v in self._memex_notes.items()}}
        self._write(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1))

    def run(self) -> VaultReport:
        started = time.time()
        t0 = time.perf_counter()
        self.dest.mkdir(parents=True, exist_ok=True)
        ids = self.plan_names()
        self._selected = set(ids)
        self._previous = set((self.manifest or {}).get("notes", {}).values())
        answers, threads = self.collect_citations()
        self.progress("scan", total=len(ids))
        try:
            for i, doc_id in enumerate(ids):
                doc = self._doc(doc_id)
                if doc is None:
                    continue
                if i % 50 == 0:
                    self.progress("file", done=i, total=len(ids), path=doc.path)
                try:
                    self.export_document(doc)
                    self._written_ids.append(doc_id)
                except OSError as e:
                    self.report.failed.append((doc.path, f"{type(e).__name__}: {e.strerror or e}"))
            self.progress("file", done=len(ids), total=len(ids), path="")
        finally:
            if self._pool is not None:
                self._pool.close()
        alloc = NameAllocator(self._existing() | {p.note for p in self.plan.values()}
                              | {p.original for p in self.plan.values() if p.original})
        self.export_answers(answers, threads, alloc)
        if self.topics:
            self.export_topics(alloc)
        self.finish(started)
        self.report.seconds = time.perf_counter() - t0
        return self.report


def export_vault(brain: Any, dest: Path | str, fmt: str = "obsidian", filters: Filters | None = None,
                 since: float | None = None, force: bool = False, related: bool = False, topics: bool = False,
                 progress: Progress | None = None) -> VaultReport:
    """Write every indexed document (matching `filters`, indexed since `since`), saved answer and
    conversation as notes under `dest`; see the module docstring for the layout."""
    return _Exporter(brain, Path(dest).expanduser(), fmt, filters, since, force, related, topics, progress).run()


# ---- helpers ------------------------------------------------------------------------------------------
def _read_if_unchanged(path: str, content_hash: str) -> bytes | None:
    """The file's bytes if it still is what was indexed, else None."""
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError:
        return None
    return data if hashlib.sha256(data).hexdigest() == content_hash else None


def _ts(iso: str) -> float:
    try:
        return dt.datetime.fromisoformat(iso).timestamp()
    except ValueError:
        return 0.0


def _escape_ignore(rel: str) -> str:
    """A path as a literal gitignore pattern."""
    out = "".join("\\" + ch if ch in "*?[]\\!#" else ch for ch in rel)
    return out.replace(" ", "\\ ") if out.endswith(" ") else out


def _fallback_related(brain: Any, doc_id: int, k: int) -> list[hooks.RelatedNote]:
    """Related notes from what the store knows without the note graph: wikilinks both ways, then meaning."""
    import numpy as np

    from memex.store import catalog

    out, into = catalog.linked_documents(brain.conn, doc_id)
    found: dict[int, hooks.RelatedNote] = {}
    for d in out:
        found[d.id] = hooks.RelatedNote(d.id, 1.0, ["linked from this note"])
    for d in into:
        prev = found.get(d.id)
        found[d.id] = hooks.RelatedNote(d.id, 1.0, (prev.reasons if prev else []) + ["links to this note"])
    index = brain.index
    mine = np.isin(index.ids, np.asarray(catalog.chunk_ids_of(brain.conn, doc_id), dtype=np.int64))
    if mine.any() and len(found) < k:
        centroid = index.matrix[mine].mean(axis=0)
        centroid /= max(float(np.linalg.norm(centroid)), 1e-9)
        pairs = index.search(centroid, min(len(index), 20 * (k + 1)))
        doc_of = catalog.doc_of_chunks(brain.conn, [c for c, _ in pairs])
        for cid, score in pairs:
            d = doc_of.get(cid)
            if d is None or d == doc_id or d in found:
                continue
            found[d] = hooks.RelatedNote(d, float(score), ["similar meaning"])
            if len(found) >= k:
                break
    return list(found.values())[:k]
