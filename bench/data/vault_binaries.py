"""The PDF writer and DOCX helpers the vaults' tools/make_binaries.py share (soundeng, haulier, consultora,
tischlerin; engineer its DOCX helpers), each pointed at its own vault's notes folder.

PDFs use the built-in Helvetica with WinAnsiEncoding, so their text stays within cp1252 (the pound sign and
accents are fine); standard library only. Document properties carry the date each document was written, as a
real scanner or word processor would. DOCX needs python-docx.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from docx import Document
from docx.shared import Pt


def when(day: str) -> dt.datetime:
    """10:00 UTC on the ISO day: when the document was written."""
    return dt.datetime.fromisoformat(day + "T10:00:00").replace(tzinfo=dt.timezone.utc)


# ------------------------------------------------------------------ PDF (minimal writer)
def esc(line: str) -> bytes:
    """A line as a PDF string literal's bytes (cp1252, with \\, ( and ) escaped)."""
    raw = line.encode("cp1252")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def pdf(notes: Path, rel: str, lines: list[tuple[str, int]], title: str, author: str, day: str) -> None:
    """One page per 60 lines; each line is (text, font size); size >= 12 is set bold."""
    pages: list[list[tuple[str, int]]] = [lines[i:i + 60] for i in range(0, len(lines), 60)]
    objs: list[bytes] = []
    n_pages = len(pages)
    # 1 catalog, 2 pages, 3 font regular, 4 font bold, 5 info, then page/content pairs
    kids = " ".join(f"{6 + 2 * i} 0 R" for i in range(n_pages))
    objs.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objs.append(f"<< /Type /Pages /Kids [{kids}] /Count {n_pages} >>".encode())
    objs.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    objs.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>")
    stamp = when(day).strftime("D:%Y%m%d%H%M%SZ")
    objs.append(b"<< /Title (" + esc(title) + b") /Author (" + esc(author) + b") /CreationDate (" +
                stamp.encode() + b") >>")
    for i, page in enumerate(pages):
        body = [b"BT"]
        y = 800
        for text, size in page:
            font = b"/F2" if size >= 12 else b"/F1"
            body.append(font + f" {size} Tf 1 0 0 1 50 {y} Tm (".encode() + esc(text) + b") Tj")
            y -= size + 5
        body.append(b"ET")
        stream = b"\n".join(body)
        objs.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R "
                    f"/F2 4 0 R >> >> /Contents {7 + 2 * i} 0 R >>".encode())
        objs.append(f"<< /Length {len(stream)} >>\nstream\n".encode() + stream + b"\nendstream")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for k, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += f"{k} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R /Info 5 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    path = notes / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(bytes(out))


# ------------------------------------------------------------------ DOCX
def docx_out(notes: Path, doc: Document, rel: str, title: str, author: str, day: str) -> None:
    """Save the document under `notes`, its properties dated `day`."""
    props = doc.core_properties
    props.title = title
    props.author = author
    props.created = when(day)
    props.modified = when(day)
    path = notes / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(str(path))


def table(doc: Document, rows: list[list[str]]) -> None:
    """A grid table of the rows (the first is the header)."""
    t = doc.add_table(rows=len(rows), cols=len(rows[0]))
    t.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            t.cell(r, c).text = text


def new_doc() -> Document:
    """An empty document set in Calibri 11."""
    doc = Document()
    doc.styles["Normal"].font.name = "Calibri"
    doc.styles["Normal"].font.size = Pt(11)
    return doc
