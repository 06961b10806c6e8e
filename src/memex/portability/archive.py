"""The JSON Lines archive: `memex export FILE --format json` and `memex import FILE` (schema in docs/export.md).

Every line is one JSON object with a `type` and, last, a `chk`: the first 32 hex digits of
sha256(previous line's chk + this line without its chk). An edited, dropped or reordered line breaks the
chain at that line; a missing `end` record means the file was cut short. Vectors (optional) go to a
binary side file whose sha256 is in the `end` record. Import checks the whole archive (and side file)
before it writes anything, then writes one document per transaction and skips what is already there,
so an interrupted import is resumed by running it again.

Columns are exported generically (every column of a document or chunk row), so a column added by a
later migration travels without a schema change; import writes the columns its own store has.
"""
from __future__ import annotations

import base64
import datetime as dt
import gzip
import hashlib
import io
import json
import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from memex import __version__
from memex.errors import MemexError
from memex.language.analyzer import fts_row
from memex.portability.answers import restore_answer, saved_answers
from memex.retrieve.search import Filters, _doc_filter_sql
from memex.store import documents as docs
from memex.store.db import next_seq, write_tx

FORMAT = "memex-archive"
SCHEMA = 1
"""Bumped only for changes an older reader would misread; added fields and columns do not bump it."""
CHAIN_SEED = "memex-archive-v1"
CHK_LEN = 32
VECTOR_MAGIC = b"MXARCVEC1\n"
HOME_FOLDERS = ("memories", "uploads")
"""Files Memex keeps inside its home: their bytes travel in the archive (nothing else would keep them)."""
MAX_EMBEDDED_FILE = 64 * 2**20
JSON_COLUMNS = frozenset({"metadata", "heading_path"})
"""Text columns that hold JSON: exported as JSON values, not as strings."""
DOC_RESERVED = frozenset({"type", "id", "source", "source_id", "tags", "links", "chunks", "file", "chk"})
CHUNK_RESERVED = frozenset({"id", "doc_id", "vector"})
DOC_REQUIRED = {"path": str, "content_hash": str, "size": int, "mtime_ns": int, "parser": str}
CHUNK_REQUIRED = {"ordinal": int, "text": str, "text_hash": str}
Progress = Callable[..., None]


# ---- writing ----------------------------------------------------------------------------------------
class _Chain:
    """The running checksum of an archive's lines."""

    def __init__(self) -> None:
        self.prev = CHAIN_SEED

    def seal(self, record: dict[str, Any]) -> bytes:
        """One line: the record's JSON with `chk` appended."""
        body = json.dumps(record, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
        chk = hashlib.sha256((self.prev + body).encode()).hexdigest()[:CHK_LEN]
        self.prev = chk
        return (body[:-1] + f',"chk":"{chk}"}}\n').encode()

    def check(self, raw: bytes) -> str:
        """The line's JSON without `chk` if its checksum holds, else raise ValueError."""
        line = raw.decode("utf-8").rstrip("\n")
        tail = len(',"chk":"') + CHK_LEN + len('"}')
        if len(line) < tail or not line.endswith('"}') or line[-tail:-CHK_LEN - 2] != ',"chk":"':
            raise ValueError("no checksum at the end of the line")
        chk = line[-CHK_LEN - 2:-2]
        body = line[:-tail] + "}"
        if hashlib.sha256((self.prev + body).encode()).hexdigest()[:CHK_LEN] != chk:
            raise ValueError("checksum mismatch: the line was changed, or a line before it is missing")
        self.prev = chk
        return body


def vectors_path_for(archive: Path) -> Path:
    """The side file of vectors that goes with an archive file."""
    return archive.with_name(archive.name + ".vectors")


@dataclass
class ArchiveReport:
    """What an export wrote, or an import did."""

    path: str = ""
    sources: int = 0
    documents: int = 0
    chunks: int = 0
    vectors: int = 0
    memories: int = 0
    answers: int = 0
    threads: int = 0
    skipped: int = 0
    """Import: documents already in the home (an earlier, interrupted import or the same archive twice)."""
    conflicts: list[str] = field(default_factory=list)
    """Import: paths that hold a different version in this home (kept; --replace takes the archive's)."""
    reused_vectors: int = 0
    embedded: int = 0
    """Import: chunks embedded again because the archive's embedder differs (or it has no vectors)."""
    ignored_fields: list[str] = field(default_factory=list)
    embedder: str | None = None
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {k: (round(v, 3) if isinstance(v, float) else v) for k, v in self.__dict__.items()}


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]


def _row_dict(cols: list[str], row: tuple[Any, ...], reserved: frozenset[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for c, v in zip(cols, row, strict=True):
        if c in reserved:
            continue
        if c in JSON_COLUMNS and isinstance(v, str):
            try:
                v = json.loads(v)
            except ValueError:
                pass
        elif isinstance(v, bytes):
            v = {"base64": base64.b64encode(v).decode()}
        out[c] = v
    return out


def iter_archive(brain: Any, *, filters: Filters | None = None, since: float | None = None,
                 vectors: IO[bytes] | None = None, vectors_name: str | None = None,
                 progress: Progress | None = None, report: ArchiveReport | None = None) -> Iterator[bytes]:
    """The archive's lines, streamed from the store (one document in memory at a time).

    With `vectors`, each chunk's vector of the active embedder is written there and the chunk records
    its row; the side file's checksum goes into the end record.
    """
    conn: sqlite3.Connection = brain.conn
    report = report if report is not None else ArchiveReport()
    progress = progress or (lambda *a, **k: None)
    chain = _Chain()
    home = brain.settings.home.expanduser().absolute()
    emb_spec = brain._active_spec()
    from memex.embed import embedder_id
    emb_id = embedder_id(emb_spec)
    dims = None
    row = conn.execute("SELECT vector FROM embeddings WHERE embedder = ? LIMIT 1", (emb_id,)).fetchone()
    if row is not None:
        dims = len(row[0]) // 4
    vec_hash = hashlib.sha256()
    vec_bytes = 0
    vec_rows = 0
    if vectors is not None:
        head = json.dumps({"embedder": emb_id, "dims": dims, "dtype": "<f4"}).encode()
        prefix = VECTOR_MAGIC + len(head).to_bytes(4, "little") + head
        vectors.write(prefix)
        vec_hash.update(prefix)
        vec_bytes += len(prefix)
    report.embedder = emb_id
    yield chain.seal({"type": "header", "format": FORMAT, "schema": SCHEMA, "memex_version": __version__,
                      "created": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
                      "home": str(home), "embedder": {"id": emb_id, "spec": emb_spec, "dims": dims},
                      "vectors": ({"file": vectors_name, "embedder": emb_id, "dims": dims, "dtype": "<f4"}
                                  if vectors is not None else None),
                      "filters": _describe(filters), "since": since})
    where, args = _doc_filter_sql(filters or Filters())
    if since is not None:
        where += " AND d.indexed_at >= ?"
        args = [*args, since]
    ids = [int(r[0]) for r in conn.execute(f"SELECT d.id FROM documents d WHERE {where} ORDER BY d.id", args)]
    used_sources = {int(r[0]) for r in conn.execute(
        f"SELECT DISTINCT d.source_id FROM documents d WHERE {where}", args)}
    for sid, path, added_at in conn.execute("SELECT id, path, added_at FROM sources ORDER BY id").fetchall():
        if sid in used_sources or (filters is None and since is None):
            yield chain.seal({"type": "source", "id": sid, "path": path, "added_at": added_at})
            report.sources += 1
    doc_cols = _columns(conn, "documents")
    chunk_cols = _columns(conn, "chunks")
    progress("scan", total=len(ids))
    tags: dict[int, list[str]] = {}
    links: dict[int, list[str]] = {}
    for i, doc_id in enumerate(ids):
        if i % 200 == 0:
            # Tags and links of the next 200 documents in two queries (the tables have no doc_id index).
            batch = ids[i:i + 200]
            marks = ",".join("?" * len(batch))
            tags, links = {}, {}
            for d, t in conn.execute(f"SELECT doc_id, tag FROM tags WHERE doc_id IN ({marks}) ORDER BY tag", batch):
                tags.setdefault(d, []).append(t)
            for d, t in conn.execute(f"SELECT doc_id, target FROM links WHERE doc_id IN ({marks}) ORDER BY rowid",
                                     batch):
                links.setdefault(d, []).append(t)
        r = conn.execute(f"SELECT {', '.join(doc_cols)} FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if r is None:
            continue  # removed meanwhile
        doc = dict(zip(doc_cols, r, strict=True))
        if i % 50 == 0:
            progress("file", done=i, total=len(ids), path=doc["path"])
        chunks = []
        for c in conn.execute(f"SELECT {', '.join('c.' + x for x in chunk_cols)}, e.vector FROM chunks c "
                              "LEFT JOIN embeddings e ON e.chunk_id = c.id AND e.embedder = ? "
                              "WHERE c.doc_id = ? ORDER BY c.ordinal", (emb_id, doc_id)):
            rec = {"id": c[0], **_row_dict(chunk_cols, c[:-1], CHUNK_RESERVED)}
            if vectors is not None and c[-1] is not None:
                vectors.write(c[-1])
                vec_hash.update(c[-1])
                vec_bytes += len(c[-1])
                rec["vector"] = vec_rows
                vec_rows += 1
            chunks.append(rec)
        record: dict[str, Any] = {"type": "document", "id": doc_id, "source": doc["source_id"],
                                  **_row_dict(doc_cols, r, DOC_RESERVED)}
        record["tags"] = tags.get(doc_id, [])
        record["links"] = links.get(doc_id, [])
        record["chunks"] = chunks
        owned = _home_owned(doc["path"], home)
        if owned:
            data = _read_if_unchanged(doc["path"], doc["content_hash"])
            if data is not None:
                record["file"] = {"encoding": "base64", "data": base64.b64encode(data).decode()}
        yield chain.seal(record)
        report.documents += 1
        report.chunks += len(chunks)
    report.vectors = vec_rows
    progress("file", done=len(ids), total=len(ids), path="")
    from memex.agents.memory import list_memories
    for m in list_memories(brain):
        if since is None or _ts(m.get("remembered_at", "")) >= since:
            yield chain.seal({"type": "memory", **{k: m[k] for k in ("id", "fact", "date", "origin", "path")},
                              "remembered_at": m.get("remembered_at")})
            report.memories += 1
    for a in saved_answers(home):
        if since is None or _ts(a.asked_at) >= since:
            yield chain.seal({"type": "answer", **a.to_dict()})
            report.answers += 1
    for t in conn.execute("SELECT id, title, created_at, updated_at FROM threads ORDER BY created_at, id").fetchall():
        if since is not None and t[3] < since:
            continue
        turns = [{"question": q, "answer": a, "result": json.loads(res or "{}"), "at": at} for q, a, res, at in
                 conn.execute("SELECT question, answer, result, at FROM turns WHERE thread_id = ? ORDER BY id", (t[0],))]
        yield chain.seal({"type": "thread", "id": t[0], "title": t[1], "created_at": t[2], "updated_at": t[3],
                          "turns": turns})
        report.threads += 1
    yield chain.seal({"type": "end", "counts": {"sources": report.sources, "documents": report.documents,
                                                "chunks": report.chunks, "vectors": vec_rows,
                                                "memories": report.memories, "answers": report.answers,
                                                "threads": report.threads},
                      "vectors_sha256": vec_hash.hexdigest() if vectors is not None else None,
                      "vectors_bytes": vec_bytes if vectors is not None else None})


def export_archive(brain: Any, dest: Path | str, *, with_vectors: bool = False, filters: Filters | None = None,
                   since: float | None = None, force: bool = False, progress: Progress | None = None) -> ArchiveReport:
    """Write the archive to `dest` ("-" for stdout; `.gz` compresses), and vectors beside it with `with_vectors`.

    Files are written under a temporary name and renamed at the end, so a failed export leaves nothing
    that looks complete.
    """
    t0 = time.perf_counter()
    report = ArchiveReport(path=str(dest))
    if str(dest) == "-":
        if with_vectors:
            raise MemexError("--with-vectors needs a file to write the vectors beside (not stdout)")
        import sys
        out = sys.stdout.buffer
        for line in iter_archive(brain, filters=filters, since=since, progress=progress, report=report):
            out.write(line)
        out.flush()
        report.seconds = time.perf_counter() - t0
        return report
    dest = Path(dest).expanduser()
    vec_path = vectors_path_for(dest)
    for p in [dest] + ([vec_path] if with_vectors else []):
        if p.exists() and not force:
            raise MemexError(f"{p} already exists (use --force to overwrite it)")
    if not dest.parent.is_dir():
        raise MemexError(f"no such folder: {dest.parent}")
    tmp = dest.with_name(f".{dest.name}.tmp{os.getpid()}")
    vtmp = vec_path.with_name(f".{vec_path.name}.tmp{os.getpid()}")
    try:
        with ExitStack() as stack:
            raw = stack.enter_context(open(tmp, "wb"))
            out: IO[bytes] = stack.enter_context(gzip.GzipFile(fileobj=raw, mode="wb", mtime=0)) \
                if dest.suffix == ".gz" else raw
            vout = stack.enter_context(open(vtmp, "wb")) if with_vectors else None
            for line in iter_archive(brain, filters=filters, since=since, vectors=vout,
                                     vectors_name=vec_path.name if with_vectors else None, progress=progress,
                                     report=report):
                out.write(line)
        if with_vectors:
            os.replace(vtmp, vec_path)
        os.replace(tmp, dest)
    except OSError as e:
        raise MemexError(f"export failed: {e.strerror or e}") from e
    finally:
        tmp.unlink(missing_ok=True)
        vtmp.unlink(missing_ok=True)
    report.seconds = time.perf_counter() - t0
    return report


# ---- reading and checking -----------------------------------------------------------------------------
def _open_lines(path: Path) -> IO[bytes]:
    f = open(path, "rb")
    head = f.read(2)
    f.seek(0)
    return gzip.GzipFile(fileobj=f, mode="rb") if head == b"\x1f\x8b" else f  # type: ignore[return-value]


class ArchiveError(MemexError):
    """The archive is damaged, truncated, tampered with, or from a newer Memex."""


def _records(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, record) for every line, checksums verified; raises ArchiveError naming the line."""
    chain = _Chain()
    n = 0
    try:
        with _open_lines(path) as f:
            for n, raw in enumerate(f, start=1):
                if not raw.endswith(b"\n"):
                    raise ArchiveError(f"{path}: line {n}: the line is cut off (the archive is truncated)")
                try:
                    body = chain.check(raw)
                    record = json.loads(body)
                except UnicodeDecodeError:
                    raise ArchiveError(f"{path}: line {n}: not UTF-8 text (the archive is damaged)") from None
                except ValueError as e:
                    if n == 1 and not raw.lstrip().startswith(b"{"):
                        raise ArchiveError(f"{path}: not a Memex archive (line 1 is not JSON)") from None
                    raise ArchiveError(f"{path}: line {n}: {e}") from None
                if not isinstance(record, dict) or not isinstance(record.get("type"), str):
                    raise ArchiveError(f"{path}: line {n}: not an archive record (no type)")
                yield n, record
    except (OSError, EOFError, gzip.BadGzipFile) as e:
        raise ArchiveError(f"{path}: line {n + 1}: cannot read ({e}); the archive is truncated or damaged") from e


def _check_doc(n: int, rec: dict[str, Any], vec_count: int) -> None:
    for key, kind in DOC_REQUIRED.items():
        if not isinstance(rec.get(key), kind) or isinstance(rec.get(key), bool):
            raise ValueError(f"document needs {key!r} ({kind.__name__})")
    if not os.path.isabs(rec["path"]) or "\x00" in rec["path"]:
        raise ValueError("document path must be absolute")
    chunks = rec.get("chunks")
    if not isinstance(chunks, list) or not chunks:
        raise ValueError("document needs a non-empty 'chunks' list")
    for i, c in enumerate(chunks):
        if not isinstance(c, dict):
            raise ValueError(f"chunk {i} is not an object")
        for key, kind in CHUNK_REQUIRED.items():
            if not isinstance(c.get(key), kind) or isinstance(c.get(key), bool):
                raise ValueError(f"chunk {i} needs {key!r} ({kind.__name__})")
        if c["ordinal"] != i:
            raise ValueError(f"chunk ordinals must run 0, 1, 2…; chunk {i} has {c['ordinal']}")
        v = c.get("vector")
        if v is not None and (not isinstance(v, int) or not 0 <= v < vec_count):
            raise ValueError(f"chunk {i}: vector row {v!r} is outside the vectors file")
    for key in ("tags", "links"):
        if not isinstance(rec.get(key, []), list) or not all(isinstance(t, str) for t in rec.get(key, [])):
            raise ValueError(f"{key!r} must be a list of strings")
    f = rec.get("file")
    if f is not None and (not isinstance(f, dict) or f.get("encoding") != "base64" or not isinstance(f.get("data"), str)):
        raise ValueError("'file' must be {\"encoding\": \"base64\", \"data\": …}")


@dataclass
class _Checked:
    header: dict[str, Any]
    end: dict[str, Any]
    lines: int
    vectors: Path | None
    vec_offset: int
    vec_dims: int | None


def verify_archive(path: Path | str, vectors: Path | str | None = None,
                   inspect: Callable[[int, dict[str, Any]], None] | None = None) -> _Checked:
    """Read the whole archive (and its vectors file) and check every line; raise ArchiveError on the first problem.

    `inspect(line, record)` is called for every record but the end (the importer's own checks).
    """
    path = Path(path).expanduser()
    if not path.is_file():
        raise ArchiveError(f"no such archive: {path}")
    header: dict[str, Any] | None = None
    end: dict[str, Any] | None = None
    counts = {"source": 0, "document": 0, "chunk": 0, "memory": 0, "answer": 0, "thread": 0}
    vec_count = 0
    vec_path: Path | None = None
    vec_offset, dims = 0, None
    last = 0
    for n, rec in _records(path):
        last = n
        kind = rec["type"]
        where = f"{path}: line {n}"
        if n == 1:
            if kind != "header" or rec.get("format") != FORMAT:
                raise ArchiveError(f"{path}: not a Memex archive (line 1 is not its header)")
            schema = rec.get("schema")
            if not isinstance(schema, int):
                raise ArchiveError(f"{where}: the header has no schema version")
            if schema > SCHEMA:
                raise ArchiveError(f"{path}: the archive has schema version {schema}, newer than this Memex reads "
                                   f"({SCHEMA}); it was written by Memex {rec.get('memex_version', '?')}. Upgrade "
                                   "Memex to import it.")
            header = rec
            if inspect is not None:
                inspect(n, rec)
            if rec.get("vectors"):
                vec_path = Path(vectors).expanduser() if vectors else path.with_name(str(rec["vectors"]["file"]))
                if not vectors and not vec_path.exists() and vectors_path_for(path).exists():
                    vec_path = vectors_path_for(path)  # the pair was renamed together
                vec_offset, dims, vec_count = _vector_file_layout(vec_path, rec["vectors"])
            continue
        if end is not None:
            raise ArchiveError(f"{where}: a record after the end record")
        if kind == "end":
            end = rec
            continue
        if inspect is not None:
            inspect(n, rec)
        if kind == "document":
            try:
                _check_doc(n, rec, vec_count)
            except ValueError as e:
                raise ArchiveError(f"{where}: {e}") from None
            counts["document"] += 1
            counts["chunk"] += len(rec["chunks"])
        elif kind in counts:
            counts[kind] += 1
        # unknown record types are skipped: a later Memex may add some without a new schema
    if header is None:
        raise ArchiveError(f"{path}: empty file, not a Memex archive")
    if end is None:
        raise ArchiveError(f"{path}: line {last}: the archive ends without its end record (it is truncated)")
    want = end.get("counts") or {}
    got = {"documents": counts["document"], "chunks": counts["chunk"], "memories": counts["memory"],
           "answers": counts["answer"], "threads": counts["thread"], "sources": counts["source"]}
    for k, v in got.items():
        if k in want and want[k] != v:
            raise ArchiveError(f"{path}: line {last}: the end record counts {want[k]} {k}, the archive holds {v}")
    if vec_path is not None:
        digest = hashlib.sha256()
        size = 0
        with open(vec_path, "rb") as f:
            while piece := f.read(1 << 20):
                digest.update(piece)
                size += len(piece)
        if digest.hexdigest() != end.get("vectors_sha256") or size != end.get("vectors_bytes"):
            raise ArchiveError(f"{vec_path}: the vectors file does not match its archive (checksum differs: "
                               "changed, truncated or from another export)")
    return _Checked(header, end, last, vec_path, vec_offset, dims)


def _vector_file_layout(vec_path: Path, info: dict[str, Any]) -> tuple[int, int, int]:
    """(offset of the first vector, dims, rows) of a vectors side file."""
    try:
        with open(vec_path, "rb") as f:
            head = f.read(len(VECTOR_MAGIC) + 4)
            if not head.startswith(VECTOR_MAGIC):
                raise ArchiveError(f"{vec_path}: not a Memex vectors file")
            hlen = int.from_bytes(head[len(VECTOR_MAGIC):], "little")
            meta = json.loads(f.read(hlen))
            size = os.fstat(f.fileno()).st_size
    except FileNotFoundError:
        raise ArchiveError(f"the archive's vectors file {vec_path} is missing (pass --vectors FILE, or export "
                           "without --with-vectors to re-embed on import)") from None
    except (OSError, ValueError) as e:
        raise ArchiveError(f"{vec_path}: unreadable vectors file ({e})") from None
    dims = meta.get("dims")
    if meta.get("embedder") != info.get("embedder") or not isinstance(dims, int) or dims <= 0:
        raise ArchiveError(f"{vec_path}: the vectors file belongs to another archive")
    offset = len(VECTOR_MAGIC) + 4 + hlen
    rows, rest = divmod(size - offset, 4 * dims)
    if rest:
        raise ArchiveError(f"{vec_path}: the vectors file is truncated")
    return offset, dims, rows


# ---- importing --------------------------------------------------------------------------------------------
class PathMap:
    """Old absolute paths to new ones, longest prefix first (e.g. /Users/me/notes=/home/me/notes)."""

    def __init__(self, pairs: list[tuple[str, str]]) -> None:
        self.pairs = sorted(((o.rstrip(os.sep) or os.sep, n.rstrip(os.sep) or os.sep) for o, n in pairs),
                            key=lambda p: -len(p[0]))

    def __call__(self, path: str) -> str:
        for old, new in self.pairs:
            if path == old:
                return new
            if path.startswith(old.rstrip(os.sep) + os.sep):
                return new.rstrip(os.sep) + os.sep + path[len(old.rstrip(os.sep)) + 1:]
        return path


def parse_map(items: list[str]) -> list[tuple[str, str]]:
    """`--map OLD=NEW` options as pairs; both sides absolute."""
    pairs = []
    for item in items:
        old, sep, new = item.partition("=")
        if not sep or not os.path.isabs(old) or not os.path.isabs(os.path.expanduser(new)):
            raise MemexError(f"--map {item!r}: use OLD=NEW with two absolute folder paths")
        pairs.append((old, os.path.expanduser(new)))
    return pairs


def _home_owned(path: str, home: Path) -> str | None:
    """'memories' or 'uploads' when the file lives in that folder of the home."""
    for folder in HOME_FOLDERS:
        base = str(home / folder)
        if path.startswith(base + os.sep):
            return folder
    return None


def _read_if_unchanged(path: str, content_hash: str) -> bytes | None:
    try:
        with open(path, "rb") as f:
            data = f.read(MAX_EMBEDDED_FILE + 1)
    except OSError:
        return None
    if len(data) > MAX_EMBEDDED_FILE:
        return None
    return data if hashlib.sha256(data).hexdigest() == content_hash else None


def _ts(iso: str) -> float:
    try:
        return dt.datetime.fromisoformat(iso).timestamp()
    except (TypeError, ValueError):
        return 0.0


def _describe(filters: Filters | None) -> dict[str, Any] | None:
    if filters is None or not filters.active():
        return None
    return {"path": filters.path_glob, "tags": list(filters.tags), "after": filters.after, "before": filters.before}


def _sql_value(v: Any, column: str) -> Any:
    if v is None or (type(v) in (str, int, float) and column not in JSON_COLUMNS):
        return v
    if column in JSON_COLUMNS and not isinstance(v, str):
        return json.dumps(v, ensure_ascii=False)
    if isinstance(v, dict) and set(v) == {"base64"}:
        return base64.b64decode(v["base64"])
    if isinstance(v, (dict, list)):
        return json.dumps(v, ensure_ascii=False)
    return v


class _Importer:
    def __init__(self, brain: Any, path: Path, path_map: PathMap, replace: bool,
                 progress: Progress, check_source: Callable[[str], None] | None) -> None:
        self.brain = brain
        self.conn: sqlite3.Connection = brain.conn
        self.home = brain.settings.home.expanduser().absolute()
        self.path = path
        self.user_map = path_map
        self.map = path_map
        self.replace = replace
        self.progress = progress
        self.check_source = check_source
        self.report = ArchiveReport(path=str(path))
        self.doc_cols = set(_columns(self.conn, "documents")) - {"id", "source_id"}
        self.chunk_cols = set(_columns(self.conn, "chunks")) - {"id", "doc_id"}
        self.chunk_map: dict[str, str] = {}
        self.path_of: dict[str, str] = {}
        self.source_map: dict[int, int] = {}
        self._ignored: set[str] = set()
        self._vec_fd: int | None = None
        self.missing_memories: list[dict[str, Any]] = []
        self._chunk_sql: dict[tuple[str, ...], tuple[list[str], str]] = {}
        self.old_home = ""
        self.checked: _Checked

    def verify(self, vectors: Path | str | None) -> None:
        """Check the whole archive, and where its paths would go, before anything is written."""
        def inspect(n: int, rec: dict[str, Any]) -> None:
            self._check_record(n, rec)
        self.checked = verify_archive(self.path, vectors, inspect)

    def _header(self, header: dict[str, Any]) -> None:
        self.old_home = str(header.get("home") or "")
        pairs = list(self.user_map.pairs)
        if self.old_home:
            # Memex's own folders move with the home unless the user said otherwise.
            pairs += [(os.path.join(self.old_home, f), str(self.home / f)) for f in HOME_FOLDERS]
        self.map = PathMap(pairs)

    def _check_record(self, n: int, rec: dict[str, Any]) -> None:
        """Every embedded file lands inside this home's own folders; every source is one the caller allows."""
        if rec["type"] == "header":
            self._header(rec)
            return
        home = self.home
        if rec["type"] == "source" and self.check_source is not None:
            try:
                self.check_source(self.map(str(rec.get("path", ""))))
            except MemexError as e:
                raise ArchiveError(f"{self.path}: line {n}: source refused: {e}") from None
        if rec["type"] == "document" and rec.get("file") is not None and isinstance(rec.get("path"), str):
            new = self.map(rec["path"])
            if ".." in Path(new).parts or _home_owned(new, home) is None or \
                    not (self.old_home and _home_owned(rec["path"], Path(self.old_home))):
                raise ArchiveError(f"{self.path}: line {n}: a file is embedded for {rec['path']}, which is not "
                                   "one of Memex's own notes (memories, uploads); refusing to write it")

    def vector(self, row: int) -> bytes:
        """One vector of the archive's side file, read where it lies (the file is never loaded whole)."""
        c = self.checked
        assert c.vectors is not None and c.vec_dims is not None
        if self._vec_fd is None:
            self._vec_fd = os.open(c.vectors, os.O_RDONLY)
        size = 4 * c.vec_dims
        data = os.pread(self._vec_fd, size, c.vec_offset + row * size)
        if len(data) != size:
            raise ArchiveError(f"{c.vectors}: the vectors file is shorter than its archive says (row {row})")
        return data

    def run(self) -> ArchiveReport:
        from memex.embed import embedder_id

        t0 = time.perf_counter()
        header = self.checked.header
        emb = self.brain.search_embedder if self.brain.migrating else None
        target_id = embedder_id(self.brain._active_spec())
        arch_vec = header.get("vectors") or {}
        self.use_vectors = bool(arch_vec) and arch_vec.get("embedder") == target_id
        self.report.embedder = target_id
        self._emb = emb
        # Checkpoint the WAL less often while importing (each checkpoint syncs the disk); durability is the same.
        self.conn.execute("PRAGMA wal_autocheckpoint=20000")
        try:
            return self._run(t0)
        finally:
            self.conn.execute("PRAGMA wal_autocheckpoint=1000")
            if self._vec_fd is not None:
                os.close(self._vec_fd)
                self._vec_fd = None

    def _run(self, t0: float) -> ArchiveReport:
        with self.brain.writer():
            pending: list[tuple[int, dict[str, Any]]] = []
            n_pending = 0
            total = self.checked.end.get("counts", {}).get("documents", 0)
            done = 0
            self.progress("scan", total=total)
            for n, rec in _records(self.path):
                kind = rec["type"]
                if kind == "source":
                    self._source(rec)
                elif kind == "document":
                    done += 1
                    if done % 20 == 0 or done == 1:
                        self.progress("file", done=done, total=total, path=rec["path"])
                    ready = self._prepare(n, rec)
                    if ready is None:
                        continue
                    if self.use_vectors and all(c.get("vector") is not None for c in rec["chunks"]):
                        self._write(n, rec, None)
                    else:
                        pending.append((n, rec))
                        n_pending += len(rec["chunks"])
                        if n_pending >= 256:
                            self._embed_and_write(pending)
                            pending, n_pending = [], 0
                elif kind == "memory":
                    self._memory(rec)
                elif kind == "answer":
                    self._answer(rec)
                elif kind == "thread":
                    self._thread(rec)
            self._embed_and_write(pending)
            self.progress("file", done=total, total=total, path="")
            if self.report.documents:
                self.brain._index = None
                # Load (or rebuild) the vector cache now, so the first search is fast; a rebuilt one is saved
                # by Brain.index itself, one caught up from an older cache is saved here.
                if not self.brain.index.rebuilt:
                    self.brain._save_index()
        self.report.ignored_fields = sorted(self._ignored)
        self.report.seconds = time.perf_counter() - t0
        return self.report

    def _source(self, rec: dict[str, Any]) -> None:
        path = self.map(str(rec["path"]))
        with write_tx(self.conn):
            sid = docs.add_source(self.conn, path)
        self.source_map[int(rec["id"])] = sid
        self.report.sources += 1

    def _source_for(self, rec: dict[str, Any], path: str) -> int:
        sid = self.source_map.get(rec.get("source"))  # type: ignore[arg-type]
        if sid is not None:
            return sid
        # A filtered archive without the source record: the folder holding the file.
        with write_tx(self.conn):
            return docs.add_source(self.conn, os.path.dirname(path))

    def _prepare(self, n: int, rec: dict[str, Any]) -> dict[str, Any] | None:
        """None when the document is already here (resume) or conflicts (kept unless --replace)."""
        path = self.map(rec["path"])
        old = self.conn.execute("SELECT id, content_hash FROM documents WHERE path = ?", (path,)).fetchone()
        if old is not None:
            if old[1] == rec["content_hash"]:
                self._remember_chunks(rec, int(old[0]), path)
                self.report.skipped += 1
                return None
            if not self.replace:
                self.report.conflicts.append(path)
                self._remember_chunks(rec, int(old[0]), path)
                return None
        return rec

    def _remember_chunks(self, rec: dict[str, Any], doc_id: int, path: str) -> None:
        self.path_of[rec["path"]] = path
        ids = [r[0] for r in self.conn.execute("SELECT id FROM chunks WHERE doc_id = ? ORDER BY ordinal", (doc_id,))]
        for c, new in zip(rec["chunks"], ids, strict=False):
            self.chunk_map[str(c["id"])] = str(new)

    def _embed_and_write(self, pending: list[tuple[int, dict[str, Any]]]) -> None:
        if not pending:
            return
        from memex.ingest.pipeline import embedding_prefix

        emb = self._emb or self.brain.search_embedder
        hashes = {c["text_hash"] for _, rec in pending for c in rec["chunks"]}
        known = docs.vectors_for_hashes(self.conn, emb.id, hashes)
        todo: dict[str, str] = {}
        for _, rec in pending:
            for c in rec["chunks"]:
                if c["text_hash"] not in known:
                    heading = tuple(c.get("heading_path") or ())
                    todo[c["text_hash"]] = (f"{embedding_prefix(rec.get('context') or rec.get('title'), heading)}"
                                            f"\n{c['text']}")
        if todo:
            vecs = emb.embed(list(todo.values()))
            known.update({h: v.astype("<f4").tobytes() for h, v in zip(todo, vecs, strict=True)})
            self.report.embedded += len(todo)
            self.progress("chunks", embedded=self.report.embedded)
        for n, rec in pending:
            self._write(n, rec, known)

    def _write(self, n: int, rec: dict[str, Any], known: dict[str, bytes] | None) -> None:
        """One document in one transaction: its row, tags, links, chunks, vectors and FTS rows."""
        path = self.map(rec["path"])
        file = rec.get("file")
        if file is not None:
            self._restore_file(path, base64.b64decode(file["data"]), int(rec["mtime_ns"]))
        emb_id = self.report.embedder
        doc_row = {k: v for k, v in rec.items() if k not in DOC_RESERVED}
        self._ignored |= {k for k in doc_row if k not in self.doc_cols}
        doc_row = {k: _sql_value(v, k) for k, v in doc_row.items() if k in self.doc_cols}
        doc_row["path"] = path
        try:
            source_id = self._source_for(rec, path)
            with write_tx(self.conn):
                seq = next_seq(self.conn)
                old = self.conn.execute("SELECT id FROM documents WHERE path = ?", (path,)).fetchone()
                if old:
                    docs.delete_documents(self.conn, [int(old[0])])
                cols = ["source_id", *doc_row]
                doc_id = int(self.conn.execute(
                    f"INSERT INTO documents({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                    [source_id, *doc_row.values()]).lastrowid)
                self.conn.executemany("INSERT INTO tags(doc_id, tag) VALUES (?, ?)",
                                      [(doc_id, t) for t in dict.fromkeys(rec.get("tags", []))])
                self.conn.executemany("INSERT INTO links(doc_id, target) VALUES (?, ?)",
                                      [(doc_id, t) for t in dict.fromkeys(rec.get("links", []))])
                # As ingest indexes it (store/documents.write_document): the note context (title, aliases,
                # informative file name) and the shadow column of stems in the chunk's language.
                title = rec.get("context") or rec.get("title") or ""
                for c in rec["chunks"]:
                    keys = tuple(c)
                    plan = self._chunk_sql.get(keys)
                    if plan is None:  # the same columns chunk after chunk: the statement is built once
                        cols = [k for k in keys if k not in CHUNK_RESERVED and k in self.chunk_cols]
                        self._ignored |= {f"chunks.{k}" for k in keys if k not in CHUNK_RESERVED
                                          and k not in self.chunk_cols}
                        plan = self._chunk_sql[keys] = (cols, f"INSERT INTO chunks(doc_id, {', '.join(cols)}) "
                                                              f"VALUES ({', '.join('?' * (len(cols) + 1))})")
                    cols, sql = plan
                    cid = int(self.conn.execute(sql, [doc_id, *(_sql_value(c[k], k) for k in cols)]).lastrowid)
                    if known is None:
                        blob = self.vector(c["vector"])
                        self.report.reused_vectors += 1
                    else:
                        blob = known[c["text_hash"]]
                    self.conn.execute("INSERT INTO embeddings(chunk_id, embedder, vector, seq) VALUES (?,?,?,?)",
                                      (cid, emb_id, blob, seq))
                    headings = c.get("heading_path") or []
                    self.conn.execute(
                        "INSERT INTO chunks_fts(rowid, title, headings, text, stems) VALUES (?,?,?,?,?)",
                        (cid, *fts_row(title, " ".join(headings) if isinstance(headings, list) else "", c["text"],
                                       c.get("lang") or rec.get("lang"))))
                    self.chunk_map[str(c["id"])] = str(cid)
                self.conn.execute("DELETE FROM failures WHERE path = ?", (path,))
        except (sqlite3.Error, KeyError, TypeError, ValueError) as e:
            raise ArchiveError(f"{self.path}: line {n}: could not import {rec['path']} ({type(e).__name__}: {e}). "
                               f"The {self.report.documents} document(s) before it are imported; fix the "
                               "cause and run the same import again to resume.") from e
        self.path_of[rec["path"]] = path
        self.report.documents += 1
        self.report.chunks += len(rec["chunks"])

    def _restore_file(self, path: str, data: bytes, mtime_ns: int) -> None:
        target = Path(path)
        if target.exists():
            try:
                if target.read_bytes() == data:
                    return
            except OSError:
                pass
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f".{target.name}.import")
        tmp.write_bytes(data)
        os.utime(tmp, ns=(mtime_ns, mtime_ns))
        os.replace(tmp, target)

    def _remap(self, citations: list[Any]) -> list[Any]:
        out = []
        for c in citations or []:
            if isinstance(c, dict):
                c = dict(c)
                if "path" in c and isinstance(c["path"], str):
                    c["path"] = self.path_of.get(c["path"], self.map(c["path"]))
                if "chunk_id" in c:
                    c["chunk_id"] = self.chunk_map.get(str(c["chunk_id"]), str(c["chunk_id"]))
            out.append(c)
        return out

    def _thread(self, rec: dict[str, Any]) -> None:
        tid = str(rec.get("id", ""))
        if not tid or self.conn.execute("SELECT 1 FROM threads WHERE id = ?", (tid,)).fetchone():
            return
        with write_tx(self.conn):
            self.conn.execute("INSERT INTO threads(id, title, created_at, updated_at) VALUES (?,?,?,?)",
                              (tid, str(rec.get("title") or ""), float(rec.get("created_at") or 0),
                               float(rec.get("updated_at") or 0)))
            for t in rec.get("turns") or []:
                result = dict(t.get("result") or {})
                if "citations" in result:
                    result["citations"] = self._remap(result["citations"])
                self.conn.execute("INSERT INTO turns(thread_id, question, answer, result, at) VALUES (?,?,?,?,?)",
                                  (tid, str(t.get("question", "")), str(t.get("answer", "")),
                                   json.dumps(result, ensure_ascii=False), float(t.get("at") or 0)))
        self.report.threads += 1

    def _answer(self, rec: dict[str, Any]) -> None:
        saved = {k: rec.get(k) for k in ("id", "question", "answer", "citations", "abstained", "asked_at", "llm")}
        if not isinstance(saved["id"], str):
            return
        saved["citations"] = self._remap(saved["citations"] or [])
        saved = {k: (v if v is not None else "") for k, v in saved.items()}
        if restore_answer(self.brain.settings.home, saved, self.conn):
            self.report.answers += 1

    def _memory(self, rec: dict[str, Any]) -> None:
        from memex.agents.memory import list_memories

        if any(m["id"] == rec.get("id") for m in list_memories(self.brain)):
            return  # restored with its document (or already here)
        self.missing_memories.append(rec)


def import_archive(brain: Any, path: Path | str, *, vectors: Path | str | None = None,
                   path_map: list[tuple[str, str]] | None = None, replace: bool = False,
                   progress: Progress | None = None,
                   check_source: Callable[[str], None] | None = None) -> ArchiveReport:
    """Restore an archive into `brain`'s home: verified first (nothing is written if any line is bad), then one
    document per transaction; documents already present are skipped, so running it again resumes."""
    path = Path(path).expanduser()
    importer = _Importer(brain, path, PathMap(path_map or []), replace, progress or (lambda *a, **k: None),
                         check_source)
    importer.verify(vectors)
    report = importer.run()
    if importer.missing_memories:
        # Memories whose note was not in the archive (a filtered export): written again as memory notes.
        from memex.agents.memory import remember
        for m in importer.missing_memories:
            remember(brain, str(m.get("fact", "")), str(m.get("origin") or "import"))
            report.memories += 1
    return report


def stream_file(path: Path, chunk: int = 1 << 16) -> Iterator[bytes]:
    """A file's bytes in pieces (for HTTP responses)."""
    with open(path, "rb") as f:
        while piece := f.read(chunk):
            yield piece


def buffer_writer() -> tuple[io.BytesIO, Callable[[], bytes]]:
    """A write sink whose content is taken (and cleared) piece by piece, for streaming a zip."""
    buf = io.BytesIO()

    def take() -> bytes:
        data = buf.getvalue()
        buf.seek(0)
        buf.truncate()
        return data
    return buf, take
