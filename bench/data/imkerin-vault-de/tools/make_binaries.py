#!/usr/bin/env python3
"""Write the vault's two binary notes: the DOCX (the Imkerverein's AGM minutes) and the rent-increase PDF.

Needs python-docx for the DOCX; the PDF is written by hand (one page, Helvetica, WinAnsi), so no PDF library
is required. Run from anywhere: python tools/make_binaries.py
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

NOTES = Path(__file__).resolve().parent.parent / "notes"


def make_docx(path: Path) -> None:
    """The Imkerverein's minutes of the annual general meeting of 14 March 2026, with a table of the votes."""
    import docx

    d = docx.Document()
    d.add_heading("Protokoll der Jahreshauptversammlung 2026", level=1)
    d.add_paragraph("Imkerverein Bremen-Findorff e.V. – Samstag, 14. März 2026, 15:00–17:40 Uhr, Vereinsheim am Torfkanal")
    d.add_paragraph("Anwesend: 31 von 45 Mitgliedern. Versammlungsleitung: Klaus Meiners. Protokoll: Björn Tammen.")
    d.add_heading("TOP 1 – Bericht des Vorsitzenden", level=2)
    d.add_paragraph("Klaus Meiners berichtet über das Bienenjahr 2025: Winterverluste im Verein 14 %, "
                    "Schleuder 23-mal ausgeliehen, Anfängerkurs mit 9 Teilnehmenden. Er stellt sein Amt nach "
                    "19 Jahren zur Verfügung.")
    d.add_heading("TOP 2 – Kassenbericht", level=2)
    d.add_paragraph("Kassenwartin Ingrid Poppe: Kassenstand zum 31.12.2025: 4.318,27 €. Die Kassenprüfer "
                    "(Fam. Özdemir, Gerdes) beantragen Entlastung; einstimmig erteilt. Frau Poppe kandidiert nicht erneut.")
    d.add_heading("TOP 3 – Wahlen", level=2)
    t = d.add_table(rows=1, cols=3)
    t.style = "Table Grid"
    for cell, text in zip(t.rows[0].cells, ("Amt", "Gewählt", "Ergebnis"), strict=True):
        cell.text = text
    for row in (("1. Vorsitzende", "Hannelore Lüdeke", "27 ja, 2 nein, 2 Enthaltungen"),
                ("Kassenwart", "Klaus Meiners", "einstimmig"),
                ("Schriftführer", "Björn Tammen", "einstimmig (Wiederwahl)"),
                ("Jugendwartin", "Gesa Lüdeke", "30 ja, 1 Enthaltung")):
        cells = t.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = text
    d.add_paragraph("Klaus Meiners wird auf Antrag von Heike Brandt zum Ehrenvorsitzenden ernannt (Applaus).")
    d.add_heading("TOP 4 – Beitrag und Termine", level=2)
    d.add_paragraph("Der Jahresbeitrag steigt ab 2026 von 36 € auf 42 € (einstimmig). Der Stammtisch findet ab "
                    "April nicht mehr am ersten Dienstag, sondern am zweiten Donnerstag im Monat um 19:30 Uhr statt.")
    d.add_heading("TOP 5 – Verschiedenes", level=2)
    d.add_paragraph("Honigpreise: Empfehlung wird im Sommer neu abgestimmt (Vorschlag 7,50 € für 500 g). "
                    "Sammelbestellung Ameisensäure über die Löwen-Apotheke bis 30. Juni bei Björn. "
                    "Schleudermiete bleibt bei 5 € pro Nutzung.")
    d.add_paragraph("gez. Björn Tammen (Schriftführer) – gez. Hannelore Lüdeke (Vorsitzende)")
    d.core_properties.author = "Björn Tammen"
    d.core_properties.title = "JHV Imkerverein 2026"
    d.core_properties.created = dt.datetime(2026, 3, 16, 18, 5)
    d.core_properties.modified = dt.datetime(2026, 3, 16, 18, 5)
    d.save(str(path))


PDF_LINES = [
    "Gerd Dieckmann - Am Moorgraben 3 - 28865 Lilienthal",
    "",
    "Frau Heike Brandt und Herrn Uwe Sander",
    "Torfhafenweg 14, 2. OG links",
    "28215 Bremen",
    "",
    "Lilienthal, den 28. Januar 2026",
    "",
    "Mieterhöhungsverlangen nach § 558 BGB - Wohnung Torfhafenweg 14, 2. OG links (74 m²)",
    "",
    "Sehr geehrte Frau Brandt, sehr geehrter Herr Sander,",
    "",
    "die Nettokaltmiete für Ihre Wohnung beträgt seit dem 01.01.2023 unverändert 780,00 € monatlich.",
    "Ich bitte Sie hiermit um Zustimmung zur Erhöhung der Nettokaltmiete auf 815,00 € monatlich",
    "mit Wirkung ab dem 01.04.2026. Das entspricht 11,01 € pro m² und liegt innerhalb der Spanne",
    "des Bremer Mietspiegels 2025 für Baujahr 1958-1968, mittlere Wohnlage (9,80 € bis 11,90 €).",
    "Die Betriebskostenvorauszahlung von 210,00 € bleibt unverändert.",
    "",
    "Bitte teilen Sie mir Ihre Zustimmung bis zum 31.03.2026 schriftlich mit.",
    "Die neue Miete überweisen Sie bitte ab April wie gewohnt auf mein bekanntes Konto.",
    "",
    "Mit freundlichen Grüßen",
    "Gerd Dieckmann",
]


def _pdf_text(s: str) -> bytes:
    raw = s.encode("cp1252")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def write_pdf(path: Path, lines: list[str], title: str, author: str, created: str) -> None:
    """A one-page letter in Helvetica (WinAnsi), one text line per input line (also used by other vaults' tools)."""
    body = b"BT /F1 10 Tf 14 TL 56 790 Td\n" + b"".join(b"(" + _pdf_text(line) + b") '\n" for line in lines) + b"ET"
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length " + str(len(body)).encode() + b" >>\nstream\n" + body + b"\nendstream",
        b"<< /Title (" + _pdf_text(title) + b") /Author (" + _pdf_text(author) + b") /CreationDate (D:" + created.encode() + b") >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, o in enumerate(objs, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + o + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R /Info 6 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    path.write_bytes(bytes(out))


def make_pdf(path: Path) -> None:
    """A one-page letter: the landlord's rent increase of 28 January 2026."""
    write_pdf(path, PDF_LINES, "Mieterhoehung 2026", "Gerd Dieckmann", "20260128100000")

if __name__ == "__main__":
    make_docx(NOTES / "bienen" / "JHV Imkerverein 2026.docx")
    make_pdf(NOTES / "wohnung" / "Mieterhöhung 2026.pdf")
    print("wrote the DOCX and the PDF")
