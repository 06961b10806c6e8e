"""REST routes for export and import: GET /export (streamed), POST /import, saved answers and thread notes."""
from __future__ import annotations

import asyncio
import io
import os
import shutil
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import APIRouter, File, Query, Request, UploadFile
from fastapi import Path as PathParam
from fastapi.responses import PlainTextResponse, StreamingResponse
from pydantic import BaseModel, ConfigDict, Field

from memex.app import Brain
from memex.errors import MemexError
from memex.interfaces.api import progress_events
from memex.interfaces.api import schemas as s
from memex.interfaces.gateway import Gateway, NotFound, make_filters

DEFAULT_MAX_IMPORT_MB = 1024
MARKDOWN = "text/markdown; charset=utf-8"
ZIP_ROOT = "memex-vault"
NOTE_RESPONSE: dict[int | str, dict[str, Any]] = {
    200: {"description": "The note (Markdown with front matter).",
          "content": {"text/markdown": {"schema": {"type": "string"}}}}}


class SaveAnswerIn(BaseModel):
    """A question to answer and keep as a note (as `memex ask --save`)."""

    model_config = ConfigDict(extra="forbid")
    question: str = Field(..., min_length=1, max_length=2000, pattern=s.TEXT)
    filters: s.FiltersIn | None = None


class _Sink(io.RawIOBase):
    """A write-only stream whose bytes are taken piece by piece: a zip written straight into a response."""

    def __init__(self) -> None:
        self._parts: list[bytes] = []
        self._pos = 0

    def writable(self) -> bool:
        return True

    def write(self, b: Any) -> int:
        data = bytes(b)
        self._parts.append(data)
        self._pos += len(data)
        return len(data)

    def tell(self) -> int:
        return self._pos

    def take(self) -> bytes:
        data = b"".join(self._parts)
        self._parts = []
        return data


def zip_folder(folder: Path, root: str) -> Iterator[bytes]:
    """A zip of `folder` (hidden files included: the manifest and .memexignore), streamed file by file."""
    sink = _Sink()
    with zipfile.ZipFile(sink, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for dirpath, _dirs, files in os.walk(folder):
            for name in sorted(files):
                path = Path(dirpath) / name
                arc = f"{root}/{path.relative_to(folder).as_posix()}"
                with open(path, "rb") as src, zf.open(arc, "w", force_zip64=True) as dst:
                    while piece := src.read(1 << 20):
                        dst.write(piece)
                        yield sink.take()
                yield sink.take()
    yield sink.take()


def _archive_zip(brain: Brain, staging: Path, filters: Any, since: float | None) -> Iterator[bytes]:
    """archive.jsonl and archive.jsonl.vectors in one zip, the JSON Lines streamed as they are made."""
    from memex.portability.archive import iter_archive

    sink = _Sink()
    vec_path = staging / "archive.jsonl.vectors"
    with zipfile.ZipFile(sink, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        with open(vec_path, "wb") as vout, zf.open("archive.jsonl", "w", force_zip64=True) as dst:
            for line in iter_archive(brain, filters=filters, since=since, vectors=vout,
                                     vectors_name=vec_path.name):
                dst.write(line)
                yield sink.take()
        with open(vec_path, "rb") as src, zf.open(vec_path.name, "w", force_zip64=True) as dst:
            while piece := src.read(1 << 20):
                dst.write(piece)
                yield sink.take()
    yield sink.take()


def _own_brain(gateway: Gateway) -> Brain:
    """A Brain with its own connection: a long download never holds the reader that searches use."""
    return Brain(gateway.settings)


def export_router(gateway: Gateway, max_import_bytes: int | None = None) -> APIRouter:
    """The routes; `create_app` includes them."""
    router = APIRouter()
    limit = max_import_bytes or int(gateway.option("api_max_import_mb", DEFAULT_MAX_IMPORT_MB)) * 2**20
    staging_root = gateway.settings.home / ".incoming"

    def actor(request: Request) -> str:
        return f"api:{request.client.host if request.client else '?'}"

    @router.get("/export", tags=["export"], responses={200: {"content": {
        "application/x-ndjson": {}, "application/zip": {}}}})
    def export(request: Request,
               format: Annotated[Literal["obsidian", "markdown", "json"], Query(
                   description="obsidian / markdown: a zip of the vault; json: the JSON Lines archive "
                               "(a zip with its vectors file when with_vectors=true)")] = "json",
               with_vectors: Annotated[bool, Query(description="json: include the vectors.")] = False,
               path: Annotated[str | None, Query(max_length=500, pattern=s.NO_CONTROL, description="Path glob.")] = None,
               tag: Annotated[list[str], Query(max_length=20)] = [],  # noqa: B006 - FastAPI idiom
               after: Annotated[s.dt.date | None, Query()] = None,
               before: Annotated[s.dt.date | None, Query()] = None,
               lang: Annotated[list[str], Query(max_length=20, description="Language codes, e.g. es.")] = [],  # noqa: B006
               since: Annotated[str | None, Query(max_length=40, pattern=s.NO_CONTROL, description=(
                   "Only what was indexed or saved since (YYYY-MM-DD, ISO date-time or unix time)."))] = None
               ) -> StreamingResponse:
        """Everything Memex knows, streamed: the JSON Lines archive, or the Obsidian/Markdown vault as a zip.

        Filters select documents exactly as they do for /search."""
        from memex.portability.archive import iter_archive
        from memex.portability.vault import export_vault, parse_since

        f = make_filters(path, tag, after.isoformat() if after else None, before.isoformat() if before else None,
                         lang)
        f = f if f.active() else None
        stamp = parse_since(since)
        gateway.log(actor(request), "export", format, detail={"with_vectors": with_vectors,
                                                               "filtered": f is not None, "since": since})
        brain = _own_brain(gateway)
        staging_root.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix="export-", dir=staging_root))

        def cleanup() -> None:
            brain.close()
            shutil.rmtree(staging, ignore_errors=True)

        def guarded(inner: Iterator[bytes]) -> Iterator[bytes]:
            try:
                yield from inner
            finally:
                cleanup()

        try:
            if format == "json" and not with_vectors:
                body = guarded(iter_archive(brain, filters=f, since=stamp))
                return StreamingResponse(body, media_type="application/x-ndjson", headers={
                    "content-disposition": 'attachment; filename="memex-archive.jsonl"', "cache-control": "no-store"})
            if format == "json":
                body = guarded(_archive_zip(brain, staging, f, stamp))
                name = "memex-archive.zip"
            else:
                export_vault(brain, staging / ZIP_ROOT, format, f, stamp)
                body = guarded(zip_folder(staging / ZIP_ROOT, ZIP_ROOT))
                name = f"memex-{format}-vault.zip"
        except BaseException:
            cleanup()
            raise
        return StreamingResponse(body, media_type="application/zip", headers={
            "content-disposition": f'attachment; filename="{name}"', "cache-control": "no-store"})

    @router.post("/import", tags=["export"], max_body_size=limit, responses={200: {"content": {
        "application/json": {}, "text/event-stream": {}}, "description": "The import report, or with "
        "stream=true server-sent progress events ending with `done` (or `error`)."}})
    async def import_(request: Request,
                      archive: Annotated[UploadFile, File(description="An archive from GET /export?format=json "
                                                                      "(.jsonl, .jsonl.gz, or the zip with vectors).")],
                      vectors: Annotated[UploadFile | None, File(description="Its vectors file, if separate.")] = None,
                      replace: Annotated[bool, Query(description="Take the archive's version where this home "
                                                                 "differs.")] = False,
                      map: Annotated[list[str], Query(max_length=20, description="OLD=NEW path prefixes.")] = [],  # noqa: B006
                      stream: Annotated[bool, Query(description="Reply with Server-Sent Events: progress, then "
                                                                "the report.")] = False) -> Any:
        """Restore an archive into this home; checked whole first, so a bad archive changes nothing."""
        from memex.portability.archive import parse_map

        pairs = parse_map(map)
        staging_root.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix="import-", dir=staging_root))
        try:
            arch_path, vec_path = await asyncio.to_thread(_stage_upload, archive, vectors, staging, limit)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        who = actor(request)

        def run(progress: Any = None) -> dict[str, Any]:
            try:
                with gateway.writing() as b:
                    report = _import(gateway, b, arch_path, vec_path, pairs, replace, progress)
                report["path"] = archive.filename or "upload"  # not the staging file's path
            except MemexError as e:
                gateway.log(who, "import", archive.filename, status="error", detail={"error": str(e)})
                raise
            finally:
                shutil.rmtree(staging, ignore_errors=True)
            gateway.log(who, "import", archive.filename, detail={k: report[k] for k in (
                "documents", "chunks", "skipped", "embedded", "threads", "answers")})
            return report

        if not stream:
            return await asyncio.to_thread(run)
        return progress_events.progress_response(run)

    @router.post("/answers", tags=["export"])
    def save_answer(body: SaveAnswerIn, request: Request) -> dict[str, Any]:
        """Answer a question and keep the answer as a note (`memex ask --save`); returns the answer and where it went."""
        from memex.portability.answers import save_answer as save

        filters = None
        if body.filters is not None:
            fi = body.filters
            filters = make_filters(fi.path, fi.tags, fi.after.isoformat() if fi.after else None,
                                   fi.before.isoformat() if fi.before else None)
        answer = gateway.ask(body.question, filters, actor=actor(request))
        with gateway.reading() as b:
            paths = save(b.conn, b.settings.home, body.question, answer.to_dict(), b.settings.llm)
        return {"answer": answer.to_dict(), "saved": [str(p) for p in paths]}

    @router.get("/answers", tags=["export"])
    def list_answers() -> list[dict[str, Any]]:
        """Saved answers, oldest first."""
        from memex.portability.answers import saved_answers
        return [a.to_dict() | {"path": str(a.path)} for a in saved_answers(gateway.settings.home)]

    @router.get("/answers/{answer_id}/note", tags=["export"], responses=NOTE_RESPONSE)
    def answer_note(answer_id: Annotated[str, PathParam(max_length=64, pattern=r"^[\w-]+$")],
                    format: Literal["obsidian", "markdown"] = "obsidian") -> PlainTextResponse:
        """A saved answer as a Markdown note, its citations links to the passages."""
        from memex.portability.answers import SourceTargets, render_answer, saved_answers
        from memex.portability.notes import LinkStyle

        found = [a for a in saved_answers(gateway.settings.home) if a.id == answer_id]
        if not found:
            raise NotFound(f"no saved answer {answer_id!r}")
        name = found[0].path.name if found[0].path else f"{answer_id}.md"
        with gateway.reading() as b:
            text = render_answer(found[0], b.conn, SourceTargets(b.conn), LinkStyle(format), name)
        return _note(text, name)

    @router.get("/threads/{thread_id}/note", tags=["export"], responses=NOTE_RESPONSE)
    def thread_note(thread_id: Annotated[str, PathParam(max_length=64, pattern=r"^[\w-]+$")],
                    format: Literal["obsidian", "markdown"] = "obsidian") -> PlainTextResponse:
        """A conversation as a Markdown note (`memex chat export`)."""
        from memex.portability.answers import thread_note as note
        from memex.portability.notes import LinkStyle

        with gateway.reading() as b:
            if not b.conn.execute("SELECT 1 FROM threads WHERE id = ?", (thread_id,)).fetchone():
                raise NotFound(f"no conversation thread {thread_id!r}")
            name, text = note(b.conn, thread_id, LinkStyle(format))
        return _note(text, name)

    return router


def _note(text: str, name: str) -> PlainTextResponse:
    from urllib.parse import quote
    return PlainTextResponse(text, media_type=MARKDOWN, headers={
        "content-disposition": f"attachment; filename*=UTF-8''{quote(name)}"})


def _stage_upload(archive: UploadFile, vectors: UploadFile | None, staging: Path, limit: int) -> tuple[Path, Path | None]:
    """Copy the uploads to files (a zip from GET /export is unpacked); sizes capped at `limit`."""
    def copy(src: Any, dest: Path) -> None:
        total = 0
        with open(dest, "wb") as out:
            while piece := src.read(1 << 20):
                total += len(piece)
                if total > limit:
                    raise MemexError(f"the archive is larger than {limit // 2**20} MiB (api_max_import_mb)")
                out.write(piece)

    raw = staging / "upload"
    copy(archive.file, raw)
    vec_path = None
    if zipfile.is_zipfile(raw):
        with zipfile.ZipFile(raw) as zf:
            names = [n for n in zf.namelist() if n.endswith(".jsonl")]
            if len(names) != 1:
                raise MemexError("the zip must hold exactly one .jsonl archive")
            arch_path = staging / "archive.jsonl"
            with zf.open(names[0]) as src:
                copy(src, arch_path)
            vec_names = [n for n in zf.namelist() if n.endswith(".vectors")]
            if vec_names:
                vec_path = staging / "archive.jsonl.vectors"
                with zf.open(vec_names[0]) as src:
                    copy(src, vec_path)
        raw.unlink()
    else:
        arch_path = staging / "archive.jsonl"
        raw.rename(arch_path)
    if vectors is not None:
        vec_path = staging / "archive.jsonl.vectors"
        copy(vectors.file, vec_path)
    return arch_path, vec_path


def _import(gateway: Gateway, brain: Brain, arch: Path, vec: Path | None, pairs: list[tuple[str, str]],
            replace: bool, progress: Any) -> dict[str, Any]:
    from memex.portability.archive import import_archive

    home = gateway.settings.home.expanduser().absolute()

    def check_source(path: str) -> None:
        # The same rules as POST /sources for folders that exist here; Memex's own folders are fine.
        if not os.path.isabs(path) or "\x00" in path:
            raise MemexError(f"not an absolute path: {path!r}")
        if Path(path).parent == home and Path(path).name in ("memories", "uploads"):
            return
        if os.path.isdir(path):
            gateway.check_source_path(path)
        elif os.path.exists(path):
            gateway.check_source_path(os.path.dirname(path))

    return import_archive(brain, arch, vectors=vec, path_map=pairs, replace=replace, progress=progress,
                          check_source=check_source).to_dict()


