"""Generate the sample vault's PDF and DOCX attachments (run once; the outputs are committed)."""
from __future__ import annotations

import datetime as dt
import sys
import zipfile
from pathlib import Path

VAULT = Path(__file__).resolve().parent / "sample-vault"
ATTACHMENTS = VAULT / "attachments"

ITINERARY_PAGES: list[list[str]] = [
    [
        "Lisbon itinerary, 13-17 June 2024",
        "",
        "Day 1, Thursday 13 June: arrive on TP 1337 at 09:55 and take the metro red line",
        "to Alameda, then the green line to Baixa-Chiado. Drop bags at Casa do Ribeiro.",
        "Afternoon walk through Alfama up to the Miradouro de Santa Luzia.",
        "Dinner at Taberna da Rua das Flores (no reservations, queue from 18:30).",
        "",
        "Day 2, Friday 14 June: Belem. Jeronimos Monastery opens at 09:30; buy tickets online.",
        "Pasteis de Belem for lunch, then the MAAT museum by the river.",
        "Evening: Santo Antonio street festival in Alfama (sardines and music).",
    ],
    [
        "Day 3, Saturday 15 June: day trip to Sintra.",
        "The train leaves Rossio station at 09:11 and takes about 40 minutes.",
        "Visit Pena Palace first (timed entry at 10:30), then Quinta da Regaleira.",
        "Back in Lisbon by 19:00; dinner in Bairro Alto.",
        "",
        "Day 4, Sunday 16 June: LX Factory market in the morning, Gulbenkian gardens after lunch.",
        "",
        "Day 5, Monday 17 June: pack, check out by 11:00, lunch at Time Out Market,",
        "and leave for the airport at 16:30 for the return flight TP 1340.",
        "",
        "Emergency number in Portugal: 112. Travel insurance policy: TRV-55-90321.",
    ],
]


def _pdf_escape(line: str) -> str:
    """Escape a line for a PDF literal string (ASCII only, so WinAnsi needs no mapping)."""
    line.encode("ascii")  # raise early: the hand-written font dictionary has no encoding tables
    return line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def _page_stream(lines: list[str]) -> bytes:
    """Content stream that draws lines of 11 pt Helvetica top-down."""
    ops = ["BT", "/F1 11 Tf", "14 TL", "72 760 Td"]
    for i, line in enumerate(lines):
        if i:
            ops.append("T*")
        ops.append(f"({_pdf_escape(line)}) Tj")
    ops.append("ET")
    return ("\n".join(ops) + "\n").encode("ascii")


def build_pdf(pages: list[list[str]]) -> bytes:
    """A minimal valid PDF 1.4 with one Helvetica font and one content stream per page."""
    n = len(pages)
    font_id = 3
    first_page_id = 4  # page objects 4..4+n-1, content streams after them
    objects: dict[int, bytes] = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        font_id: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    }
    kids = " ".join(f"{first_page_id + i} 0 R" for i in range(n))
    objects[2] = f"<< /Type /Pages /Kids [{kids}] /Count {n} >>".encode()
    for i, lines in enumerate(pages):
        page_id, content_id = first_page_id + i, first_page_id + n + i
        objects[page_id] = (
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            f"/Resources << /Font << /F1 {font_id} 0 R >> >> /Contents {content_id} 0 R >>"
        ).encode()
        stream = _page_stream(lines)
        objects[content_id] = b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"endstream"

    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets: dict[int, int] = {}
    for obj_id in sorted(objects):
        offsets[obj_id] = len(out)
        out += b"%d 0 obj\n" % obj_id + objects[obj_id] + b"\nendobj\n"
    xref_at = len(out)
    size = max(objects) + 1
    out += b"xref\n0 %d\n" % size
    out += b"0000000000 65535 f \n"  # each entry is exactly 20 bytes, as the spec requires
    for obj_id in range(1, size):
        out += b"%010d 00000 n \n" % offsets[obj_id]
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, xref_at)
    return bytes(out)


def build_docx(path: Path) -> None:
    """The Heron Q2 status report: a heading, paragraphs and a milestone table."""
    from docx import Document

    doc = Document()
    props = doc.core_properties
    props.title = "Heron Q2 status report"
    props.author = "Maya Okafor"
    # Fixed timestamps keep the file stable across regenerations.
    props.created = props.modified = dt.datetime(2024, 7, 1, 9, 0, 0)
    doc.add_heading("Heron Q2 status report", level=1)
    doc.add_paragraph(
        "Prepared for the Northmoor Wildlife Trust by Maya Okafor, 1 July 2024. "
        "This report covers April to June 2024."
    )
    doc.add_heading("Summary", level=2)
    doc.add_paragraph(
        "The public beta of Heron shipped on 29 May 2024, two weeks later than planned, "
        "because the duplicate-sighting bug HERON-1187 had to be fixed first. "
        "Release v2.3.1 went to internal testers on 20 May and is now in production."
    )
    doc.add_paragraph(
        "Field teams recorded 3,412 sightings during the quarter, 61 percent of them offline. "
        "The per-field merge strategy resolved 97 percent of sync conflicts without asking the user."
    )
    doc.add_heading("Milestones", level=2)
    rows = [
        ("Milestone", "Planned", "Actual"),
        ("Offline editor field test", "2024-04-26", "2024-04-26"),
        ("Public beta", "2024-05-15", "2024-05-29"),
        ("Photo attachments (v2.4.0)", "2024-07-31", "in progress"),
    ]
    table = doc.add_table(rows=len(rows), cols=3)
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    doc.add_heading("Budget", level=2)
    doc.add_paragraph(
        "Spend for the quarter was EUR 47,900 against a budget of EUR 48,000."
    )
    doc.save(str(path))
    _freeze_zip_times(path)


def _freeze_zip_times(path: Path) -> None:
    """Rewrite the zip with fixed member timestamps so reruns give byte-identical files."""
    with zipfile.ZipFile(path) as src:
        members = [(info, src.read(info)) for info in src.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info, data in members:
            fixed = zipfile.ZipInfo(info.filename, date_time=(2024, 7, 1, 9, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, data)


def main() -> int:
    """Write both files and check that their text reads back."""
    ATTACHMENTS.mkdir(parents=True, exist_ok=True)
    pdf_path = ATTACHMENTS / "Lisbon itinerary.pdf"
    pdf_path.write_bytes(build_pdf(ITINERARY_PAGES))
    docx_path = ATTACHMENTS / "Heron Q2 status report.docx"
    build_docx(docx_path)

    from pypdf import PdfReader

    reader = PdfReader(str(pdf_path), strict=True)
    assert len(reader.pages) == len(ITINERARY_PAGES)
    for i, lines in enumerate(ITINERARY_PAGES):
        text = reader.pages[i].extract_text()
        for line in lines:
            assert line in text, f"page {i + 1}: {line!r} not extracted"
    print(f"wrote {pdf_path} ({pdf_path.stat().st_size} bytes) and {docx_path} "
          f"({docx_path.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
