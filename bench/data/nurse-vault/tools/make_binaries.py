#!/usr/bin/env python3
"""Regenerate the DOCX and PDF notes of the nurse vault.

DOCX needs python-docx. The PDFs are written by a small built-in writer (Helvetica, WinAnsi, one text
object per line) because neither fpdf nor reportlab was available; pypdf reads them back.
Usage: python tools/make_binaries.py
"""
from __future__ import annotations

from pathlib import Path

NOTES = Path(__file__).resolve().parent.parent / "notes"


# ------------------------------------------------------------------ PDF
def _esc(s: str) -> bytes:
    return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").encode("cp1252")


def write_pdf(path: Path, lines: list[tuple[str, int]], title: str) -> None:
    """Write a text-only PDF: lines are (text, font size); pages break when full."""
    pages: list[list[tuple[str, int]]] = [[]]
    y = 800
    for text, size in lines:
        step = size + 6 if text else 8
        if y - step < 50:
            pages.append([])
            y = 800
        pages[-1].append((text, size))
        y -= step
    objs: list[bytes] = []
    # 1 catalog, 2 pages, 3 font, 4 info, then content/page pairs
    kids = []
    page_objs = []
    for i, pg in enumerate(pages):
        content_id = 5 + 2 * i
        page_id = 6 + 2 * i
        kids.append(f"{page_id} 0 R")
        ops = [b"BT"]
        y = 800
        for text, size in pg:
            step = size + 6 if text else 8
            font = b"/F2" if size >= 13 else b"/F1"
            if text:
                ops.append(font + b" %d Tf 1 0 0 1 56 %d Tm (" % (size, y) + _esc(text) + b") Tj")
            y -= step
        ops.append(b"ET")
        stream = b"\n".join(ops)
        page_objs.append((content_id, b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream"))
        page_objs.append((page_id, (f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                                    f"/Resources << /Font << /F1 3 0 R /F2 {5 + 2 * len(pages)} 0 R >> >> "
                                    f"/Contents {content_id} 0 R >>").encode()))
    objs.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objs.append(f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(pages)} >>".encode())
    objs.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    objs.append(b"<< /Title (" + _esc(title) + b") /Producer (make_binaries.py) >>")
    for _, body in page_objs:
        objs.append(body)
    objs.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info 4 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    path.write_bytes(bytes(out))


def mooring_pdf() -> None:
    L = [
        ("FOXTON REACH MARINA", 16),
        ("Berth Licence Agreement - Leisure Mooring", 13),
        ("", 10),
        ("Agreement date: 19 June 2026", 10),
        ("Berth holder: Ms Tamsin Roe, 41 Clarendon Street, Leicester", 10),
        ("Vessel: Second Wind (formerly Wren's Folly), 57 ft steel narrowboat, built 1989", 10),
        ("Berth: B17, pontoon B (16 A shore power, prepaid meter)", 10),
        ("Term: 1 July 2026 to 30 June 2027, renewable annually", 10),
        ("", 10),
        ("1. Fees", 13),
        ("Berth fee: £2,640.00 per annum, payable by standing order at £220.00 per calendar month", 10),
        ("on the 1st of each month. Electricity is charged separately by prepaid card at 32p per kWh.", 10),
        ("Use of the dry dock and slipway is charged at the published rates (2026: £780 per week).", 10),
        ("", 10),
        ("2. Notice", 13),
        ("Either party may end this agreement with three months' written notice.", 10),
        ("", 10),
        ("3. Marina rules", 13),
        ("3.1 Speed on marina water: tickover only. No wash.", 10),
        ("3.2 Engines and generators must not run between 8pm and 8am.", 10),
        ("3.3 Leisure berth: the vessel may not be used as a permanent residence. Maximum 3 nights", 10),
        ("in any 7 aboard between November and February.", 10),
        ("3.4 A valid waterways licence, insurance (minimum £3,000,000 third party) and a current", 10),
        ("boat safety certificate must be shown to the office each year.", 10),
        ("3.5 Fuel (diesel and gas) is sold at the marina office, open 9am-5pm, Sundays 10am-4pm.", 10),
        ("3.6 Dogs on leads on the pontoons. No barbecues on the pontoons.", 10),
        ("", 10),
        ("4. Contacts", 13),
        ("Marina manager: Craig Lunn. Office: 0116 496 0735. Emergencies out of hours: 07700 900418.", 10),
        ("", 10),
        ("Signed for the marina: C. Lunn        Signed by the berth holder: T. Roe", 10),
    ]
    write_pdf(NOTES / "boat" / "Foxton Reach mooring agreement 2026.pdf", L, "Foxton Reach berth agreement")


def offer_pdf() -> None:
    L = [
        ("Soar Valley General Hospital NHS Trust", 14),
        ("People Services - Recruitment", 10),
        ("", 10),
        ("9 July 2026", 10),
        ("Ref: SVG/AMU/26/0612", 10),
        ("", 10),
        ("Dear Tamsin,", 10),
        ("", 10),
        ("Conditional offer of appointment: Deputy Sister / Charge Nurse, Acute Medical Unit (Ward 7)", 13),
        ("", 10),
        ("Following your interview on 2 July 2026 I am pleased to offer you the above post on the", 10),
        ("following terms:", 10),
        ("", 10),
        ("Grade: Agenda for Change Band 6", 10),
        ("Starting salary: £43,742 per annum (full time)", 10),
        ("Hours: 37.5 per week, rotational shifts including nights, weekends and bank holidays", 10),
        ("Start date: Tuesday 1 September 2026", 10),
        ("Annual leave: 29 days plus bank holidays (based on your NHS service)", 10),
        ("Line manager: Kwame Asante, Ward Manager", 10),
        ("", 10),
        ("As an internal candidate you will not serve a probationary period. Your DBS check remains", 10),
        ("valid. Please confirm your acceptance through the recruitment portal by 23 July 2026.", 10),
        ("", 10),
        ("Yours sincerely,", 10),
        ("Lisa Cartwright, Recruitment Adviser", 10),
    ]
    write_pdf(NOTES / "work" / "Band 6 offer letter.pdf", L, "Offer of appointment")


# ------------------------------------------------------------------ DOCX
def survey_docx() -> None:
    import docx

    d = docx.Document()
    d.core_properties.title = "Pre-purchase survey: Wren's Folly"
    d.core_properties.author = "Priti Shah"
    d.add_heading("Shah Marine Surveys - Pre-Purchase Survey Report", 1)
    d.add_paragraph("Vessel: Wren's Folly. 57 ft traditional-stern steel narrowboat, builder Hancock & Lane, 1989.")
    d.add_paragraph("Client: Ms T. Roe. Surveyor: Priti Shah, AMIIMS. Survey date: 3 October 2025, out of "
                    "the water at the Foxton Reach Marina dry dock.")
    d.add_heading("Summary", 2)
    d.add_paragraph("The hull is in fair condition for its age. Localised pitting was found on the port side "
                    "aft, near the waterline, to a maximum depth of 2.5 mm. No plating below the minimum "
                    "acceptable thickness was found. The engine smokes heavily on starting and overheats "
                    "under load; a specialist inspection is recommended before purchase.")
    d.add_heading("Ultrasonic thickness readings", 2)
    t = d.add_table(rows=1, cols=3)
    t.rows[0].cells[0].text, t.rows[0].cells[1].text, t.rows[0].cells[2].text = "Location", "Original (mm)", "Measured (mm)"
    for row in [("Baseplate", "10", "9.6"), ("Port side forward", "6", "5.7"),
                ("Port side aft", "6", "4.8"), ("Starboard side forward", "6", "5.8"),
                ("Starboard side aft", "6", "5.3"), ("Cabin roof", "4", "3.9")]:
        cells = t.add_row().cells
        for c, v in zip(cells, row, strict=True):
            c.text = v
    d.add_heading("Recommendations", 2)
    for r in ["1. Black the hull within six months.",
              "2. Replace all anodes (approximately 30% remaining).",
              "3. Clear the gas locker drain, which is blocked.",
              "4. Replace the solid fuel stove, which is cracked, and fit a CO alarm.",
              "5. Engine to be inspected by a marine engineer.",
              "6. Reseal the starboard porthole by the bed."]:
        d.add_paragraph(r)
    d.add_heading("Valuation", 2)
    d.add_paragraph("In the surveyor's opinion the market value of the vessel in its present condition is "
                    "£28,000 (twenty-eight thousand pounds). Survey fee: £650.")
    d.save(str(NOTES / "boat" / "Survey report Oct 2025.docx"))


def programme_docx() -> None:
    import docx

    d = docx.Document()
    d.core_properties.title = "Soar Voices spring concert 2026"
    d.add_heading("Soar Voices - Spring Concert", 1)
    d.add_paragraph("Saturday 28 March 2026, 7.30pm, St James the Greater, London Road, Leicester")
    d.add_paragraph("Musical director: Gareth Penn (his farewell concert). Piano: Mark Ellwood.")
    d.add_paragraph("Retiring collection for the hospice.")
    t = d.add_table(rows=1, cols=2)
    t.rows[0].cells[0].text, t.rows[0].cells[1].text = "Piece", "Notes"
    for row in [("Homeward Bound", "full choir"), ("Shenandoah", "arr. Gareth Penn"),
                ("Ubi Caritas", "Ola Gjeilo, unaccompanied"), ("Lean on Me", "full choir"),
                ("Interval", "Tea, coffee and beetroot brownies, £2"),
                ("Bridge Over Troubled Water", "solo: Bernadette Quinn"), ("Africa", "with percussion"),
                ("The Parting Glass", "arr. Gareth Penn; verse 2 solo: Tamsin Roe (alto)")]:
        cells = t.add_row().cells
        for c, v in zip(cells, row, strict=True):
            c.text = v
    d.add_paragraph("Tickets £8, under-16s free. Thank you to the Friends Meeting House for our rehearsal space.")
    d.save(str(NOTES / "choir" / "Spring concert programme 2026.docx"))


if __name__ == "__main__":
    mooring_pdf()
    offer_pdf()
    survey_docx()
    programme_docx()
    print("wrote 2 PDF + 2 DOCX")
