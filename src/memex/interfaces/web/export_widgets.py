"""Web UI pieces for export: download an answer or the conversation as a note, and the Export page.

Called from app.py (the Streamlit script); everything goes through the Gateway and `memex.portability`.
"""
from __future__ import annotations

import io
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import streamlit as st

from memex.interfaces.gateway import Gateway
from memex.portability.notes import LinkStyle

FORMATS = {"Obsidian vault (.zip)": "obsidian", "Markdown vault (.zip)": "markdown",
           "JSON archive (.jsonl, or .zip with vectors)": "json"}


def answer_download(gw: Gateway, turn_no: int, turn: dict[str, Any], llm: str) -> None:
    """A button that downloads one answer as a Markdown note (citations linked to their passages)."""
    from memex.portability.answers import answer_note

    with gw.reading() as b:
        name, text = answer_note(b.conn, turn["question"], turn["answer"], llm, LinkStyle("obsidian"))
    st.download_button("Download as note", data=text.encode("utf-8"), file_name=name, mime="text/markdown",
                       key=f"dl-answer-{turn_no}", icon=":material/download:")


def conversation_download(gw: Gateway, thread_id: str) -> None:
    """A button that downloads a stored conversation as one note (as `memex chat export` writes it)."""
    from memex.portability.answers import thread_note

    with gw.reading() as b:
        name, text = thread_note(b.conn, thread_id)
    st.download_button("Download conversation", data=text.encode("utf-8"), file_name=name, mime="text/markdown",
                       key="dl-conversation", icon=":material/download:")


def _build(gw: Gateway, fmt: str, with_vectors: bool, filters: Any, since: float | None,
           progress: Callable[..., None]) -> tuple[str, bytes, str]:
    """(file name, bytes, mime type) of an export made on its own connection."""
    from memex.app import Brain
    from memex.interfaces.api.export_routes import ZIP_ROOT, _archive_zip, zip_folder
    from memex.portability.archive import iter_archive
    from memex.portability.vault import export_vault

    staging_root = gw.settings.home / ".incoming"
    staging_root.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix="export-", dir=staging_root))
    brain = Brain(gw.settings)
    try:
        if fmt == "json" and not with_vectors:
            data = b"".join(iter_archive(brain, filters=filters, since=since, progress=progress))
            return "memex-archive.jsonl", data, "application/x-ndjson"
        if fmt == "json":
            return "memex-archive.zip", b"".join(_archive_zip(brain, staging, filters, since)), "application/zip"
        export_vault(brain, staging / ZIP_ROOT, fmt, filters, since, progress=progress)
        return f"memex-{fmt}-vault.zip", b"".join(zip_folder(staging / ZIP_ROOT, ZIP_ROOT)), "application/zip"
    finally:
        brain.close()
        shutil.rmtree(staging, ignore_errors=True)


def page_export(gw: Gateway, filter_inputs: Callable[[str], Any], progress_callback: Callable[[Any], Any],
                actor: str) -> None:
    """Download the whole vault (or a filtered part) as notes or an archive; import an archive."""
    from memex.portability.vault import parse_since

    st.header("Export and import")
    st.caption("Everything Memex knows: every document as a note (PDF, DOCX, HTML converted, originals beside "
               "them), saved answers, conversations and memories. Or a JSON Lines archive another Memex imports "
               "without re-embedding.")
    label = st.radio("Format", list(FORMATS), key="export_format")
    fmt = FORMATS[str(label)]
    with_vectors = fmt == "json" and st.checkbox("Include vectors (import without re-embedding)", value=True,
                                                 key="export_vectors")
    with st.expander("Only some notes"):
        filters = filter_inputs("export")
        since_text = st.text_input("Indexed since (YYYY-MM-DD)", key="export_since")
    if st.button("Prepare export", key="export_go", type="primary"):
        bar = st.progress(0.0, text="Exporting…")
        since = parse_since(since_text.strip() or None)
        name, data, mime = _build(gw, fmt, bool(with_vectors), filters if filters.active() else None, since,
                                  progress_callback(bar))
        bar.progress(1.0, text="Ready")
        gw.log(actor, "export", fmt, detail={"bytes": len(data)})
        st.session_state["export_blob"] = {"name": name, "data": data, "mime": mime}
    blob = st.session_state.get("export_blob")
    if blob:
        st.download_button(f"Download {blob['name']} ({len(blob['data']) // 1024 + 1} KiB)", data=blob["data"],
                           file_name=blob["name"], mime=blob["mime"], key="export_download",
                           icon=":material/download:")

    st.subheader("Import an archive")
    upload = st.file_uploader("A Memex archive (.jsonl, .jsonl.gz, or the .zip with vectors)",
                              type=["jsonl", "gz", "zip"], key="import_upload")
    if upload is not None and st.button("Import", key="import_go"):
        import_upload(gw, upload, progress_callback, actor)


def import_upload(gw: Gateway, upload: Any, progress_callback: Callable[[Any], Any], actor: str) -> None:
    """Stage an uploaded archive and import it with a progress bar; show what it did."""
    from memex.interfaces.api.export_routes import DEFAULT_MAX_IMPORT_MB, _import, _stage_upload

    staging_root = gw.settings.home / ".incoming"
    staging_root.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix="import-", dir=staging_root))
    bar = st.progress(0.0, text="Checking the archive…")
    try:
        limit = int(gw.option("api_max_import_mb", DEFAULT_MAX_IMPORT_MB)) * 2**20
        arch, vec = _stage_upload(_Upload(upload), None, staging, limit)
        with gw.writing() as b:
            report = _import(gw, b, arch, vec, [], False, progress_callback(bar))
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    bar.progress(1.0, text="Done")
    gw.log(actor, "import", upload.name, detail={"documents": report["documents"], "skipped": report["skipped"]})
    st.session_state["import_report"] = report
    st.success(f"Imported {report['documents']} documents ({report['reused_vectors']} vectors reused, "
               f"{report['embedded']} chunks embedded), {report['threads']} threads, {report['answers']} answers"
               + (f"; {report['skipped']} were already here." if report["skipped"] else "."))
    if report["conflicts"]:
        st.warning(f"{len(report['conflicts'])} document(s) differ in this home and were kept.")


class _Upload:
    """A Streamlit upload shaped like the REST upload (`.file` is a readable stream)."""

    def __init__(self, upload: Any) -> None:
        self.file = io.BytesIO(upload.getvalue())
