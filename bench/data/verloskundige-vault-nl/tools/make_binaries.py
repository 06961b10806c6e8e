"""Write the vault's binary notes (PDF and DOCX) from the text below.

Usage:  python tools/make_binaries.py     (needs python-docx; paths are relative to this file)

The generated files are committed; run this only to change them. The PDFs are written by a small
standard-library writer (one Helvetica font in WinAnsi encoding, so text stays within cp1252: the euro
sign works, curly quotes are avoided). Document properties carry the date each document was written.
"""
from __future__ import annotations

import datetime as dt
import zlib
from pathlib import Path

from docx import Document
from docx.shared import Pt

NOTES = Path(__file__).resolve().parent.parent / "notes"


def _esc(s: str) -> bytes:
    b = s.encode("cp1252")
    return b.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def write_pdf(rel: str, pages: list[list[tuple[int, str]]], title: str, author: str, day: str) -> None:
    """Each page is a list of (font size, line) pairs; size 0 is an empty line."""
    objs: list[bytes] = []
    n_pages = len(pages)
    # 1 catalog, 2 pages, 3 font, 4 info, then per page: page object and its content stream
    kids = " ".join(f"{5 + 2 * i} 0 R" for i in range(n_pages))
    objs.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objs.append(f"<< /Type /Pages /Kids [{kids}] /Count {n_pages} >>".encode())
    objs.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    stamp = dt.date.fromisoformat(day).strftime("D:%Y%m%d100000Z")
    objs.append(b"<< /Title (" + _esc(title) + b") /Author (" + _esc(author) + b") /CreationDate ("
                + stamp.encode() + b") /Producer (Memex dev vault) >>")
    for i, lines in enumerate(pages):
        ops = [b"BT", b"/F1 10 Tf", b"50 800 Td"]
        for size, text in lines:
            lead = max(size, 10) + 4
            if text:
                ops.append(f"/F1 {size} Tf".encode())
                ops.append(b"(" + _esc(text) + b") Tj")
            ops.append(f"0 -{lead} Td".encode())
        ops.append(b"ET")
        stream = zlib.compress(b"\n".join(ops))
        objs.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> "
                    f"/Contents {6 + 2 * i} 0 R >>".encode())
        objs.append(f"<< /Length {len(stream)} /Filter /FlateDecode >>\nstream\n".encode() + stream + b"\nendstream")
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for k, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += f"{k} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R /Info 4 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    path = NOTES / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(bytes(out))


def kok_quote_pdf() -> None:
    p = [
        (16, "INSTALLATIEBEDRIJF KOK & ZN."),
        (9, "Loodgieterswerk - badkamers - cv. Sinds 1979. Industrieweg 14, IJsselstein."),
        (0, ""),
        (13, "OFFERTE 2025-118"),
        (10, "Datum: 22 december 2025          Geldig tot: 22 januari 2026"),
        (10, "Klant: fam. Bakker - De Wit, Damstraat 41, Utrecht"),
        (10, "Opname: 15 december 2025 door R. Kok"),
        (0, ""),
        (11, "Omschrijving werkzaamheden"),
        (10, "Slopen bestaande badkamer (bad, tegels, toilet, wastafel) en afvoer puin ......... € 1.150,00"),
        (10, "Nieuwe leidingen water en afvoer, inclusief vervangen standleiding ............... € 1.875,00"),
        (10, "Inloopdouche met glazen wand 90 cm en regendouche (thermostatisch) ............ € 2.140,00"),
        (10, "Hangtoilet met inbouwreservoir ................................................... € 895,00"),
        (10, "Tegelwerk wand en vloer (arbeid; tegels door klant) ................................ € 2.217,79"),
        (10, "Elektra: spots, stopcontact, ventilator ............................................ € 612,00"),
        (10, "Montage wastafelmeubel (door klant aangeleverd) ................................... € 185,00"),
        (10, "Subtotaal excl. btw ................................................................ € 9.074,79"),
        (10, "Btw 21% ........................................................................... € 1.905,71"),
        (11, "Totaal incl. btw: € 10.980,50"),
        (0, ""),
        (10, "Aanbetaling: 30% bij opdracht, rest bij oplevering."),
        (10, "Voorgestelde start: maandag 2 maart 2026. Doorlooptijd ca. 4 weken."),
        (10, "Garantie: 5 jaar op lekkages, 2 jaar op overig werk."),
        (10, "Meerwerk alleen na schriftelijk akkoord van de klant."),
        (0, ""),
        (10, "Met vriendelijke groet, Ruud Kok"),
    ]
    write_pdf("verbouwing/Offerte Kok badkamer.pdf", [p], "Offerte 2025-118", "Installatiebedrijf Kok & Zn.", "2025-12-22")


def rota_pdf() -> None:
    p = [
        (15, "Verloskundigenpraktijk Lombok"),
        (13, "Dienstrooster weekenden - eerste kwartaal 2026"),
        (9, "Weekenddienst: vrijdag 17.00 tot maandag 8.00. Ruilen alleen via Petra."),
        (0, ""),
        (10, "Weekend        Dienst            Achterwacht"),
        (10, "3-4 jan        Ingrid            Fatima"),
        (10, "10-11 jan      Marloes           Ingrid"),
        (10, "17-18 jan      Sanne V.          Marloes"),
        (10, "24-25 jan      Fatima            Sanne V."),
        (10, "31 jan-1 feb   Ingrid            Fatima"),
        (10, "7-8 feb        Marloes           Ingrid"),
        (10, "14-15 feb      Sanne V.          Marloes"),
        (10, "21-22 feb      Fatima            Sanne V."),
        (10, "28 feb-1 mrt   Ingrid            Fatima"),
        (10, "7-8 mrt        Marloes           Ingrid"),
        (10, "14-15 mrt      Sanne V.          Marloes"),
        (10, "21-22 mrt      Fatima            Sanne V."),
        (10, "28-29 mrt      Ingrid            Fatima"),
        (0, ""),
        (10, "Nachten doordeweeks: ma Ingrid, di Marloes, wo Sanne V., do Marloes, vr Fatima."),
        (10, "Vanaf 1 april nieuw rooster met vijf verloskundigen (volgt)."),
        (9, "Opgesteld: Petra, 15 december 2025"),
    ]
    write_pdf("praktijk/Dienstrooster Q1 2026.pdf", [p], "Dienstrooster Q1 2026", "Petra - VP Lombok", "2025-12-15")


def _docx_props(d: Document, title: str, author: str, day: str) -> None:
    when = dt.datetime.fromisoformat(day + "T10:00:00")
    d.core_properties.title = title
    d.core_properties.author = author
    d.core_properties.created = when
    d.core_properties.modified = when


def minutes_docx() -> None:
    d = Document()
    d.styles["Normal"].font.size = Pt(10)
    d.add_heading("Extra teamoverleg dinsdag 9 juni 2026", level=1)
    d.add_paragraph("Aanwezig: Ingrid, Fatima, Sanne V., Joris, Marloes, Yasmin (notulen). Na de CTG-cursus, 16.00 uur.")
    d.add_heading("1. Evaluatie Joris (2 maanden)", level=2)
    d.add_paragraph("Iedereen tevreden. Joris blijft 28 uur. Proeftijd voorbij; vast contract per 1 oktober.")
    d.add_heading("2. Echokamer", level=2)
    d.add_paragraph("Echoapparaat wordt geleverd op 24 augustus; eerste eigen echo's vanaf 1 september. "
                    "Marloes volgt de echocursus op 26 september, Fatima en Joris in het voorjaar van 2027. "
                    "Tot die tijd doet Ingrid de 20-wekenecho's en blijven de termijnecho's bij Echocentrum Leidsche Rijn.")
    d.add_heading("3. Afspraak met Ziekenhuis Oudenrijn", level=2)
    d.add_paragraph("Stuitligging na 36 weken: altijd naar het versie-spreekuur van dr. Lammers (vrijdag).")
    d.add_heading("4. Zomerrooster", level=2)
    t = d.add_table(rows=1, cols=2)
    t.rows[0].cells[0].text = "Wie"
    t.rows[0].cells[1].text = "Vakantie"
    for who, when in [("Ingrid", "6 - 26 juli"), ("Marloes", "20 juli - 9 augustus"), ("Fatima", "3 - 23 augustus"),
                      ("Sanne V.", "27 juli - 14 augustus"), ("Joris", "17 - 30 augustus")]:
        row = t.add_row().cells
        row[0].text, row[1].text = who, when
    d.add_heading("5. Yasmin", level=2)
    d.add_paragraph("Contract Yasmin omgezet naar onbepaalde tijd. Uren van 24 naar 28 per week vanaf 1 juli.")
    d.add_paragraph("Volgend regulier overleg: maandag 6 juli, 12.30 uur.")
    _docx_props(d, "Notulen teamoverleg 9 juni 2026", "Yasmin Ouali", "2026-06-09")
    d.save(str(NOTES / "praktijk/Notulen teamoverleg 2026-06-09.docx"))


def newsletter_docx() -> None:
    d = Document()
    d.styles["Normal"].font.size = Pt(10)
    d.add_heading("Nieuwsbrief Kamerkoor Kanaalklank - oktober 2026", level=1)
    d.add_paragraph("Beste zangers, het seizoen is goed begonnen op onze nieuwe avond, de donderdag. Fijn dat bijna "
                    "iedereen de overstap van de woensdag heeft kunnen maken.")
    d.add_heading("Kerstconcert", level=2)
    t = d.add_table(rows=1, cols=2)
    t.rows[0].cells[0].text = "Wat"
    t.rows[0].cells[1].text = "Details"
    for k, v in [("Programma", "John Rutter - Magnificat; carols met het publiek"),
                 ("Datum", "zondag 20 december 2026, 15.00 uur"),
                 ("Plaats", "Nicolaikerk, Utrecht"),
                 ("Orkest", "Utrechts Studentenensemble Sostenuto (14 musici)"),
                 ("Sopraansolo", "Lieke Vos (gastsoliste)"),
                 ("Kaartjes", "EUR 18, vrienden van het koor EUR 15, kinderen tot 12 gratis")]:
        row = t.add_row().cells
        row[0].text, row[1].text = k, v
    d.add_heading("Bestuur", level=2)
    d.add_paragraph("Hanneke is onze nieuwe penningmeester, Tom de nieuwe secretaris. Gert-Jan: dank voor negen jaar!")
    d.add_paragraph("De contributie voor 2026-2027 bedraagt 195 euro; graag voor 1 november overmaken.")
    _docx_props(d, "Nieuwsbrief Kanaalklank oktober 2026", "Tom (secretaris)", "2026-10-05")
    d.save(str(NOTES / "koor/Nieuwsbrief oktober 2026.docx"))


if __name__ == "__main__":
    kok_quote_pdf()
    rota_pdf()
    minutes_docx()
    newsletter_docx()
