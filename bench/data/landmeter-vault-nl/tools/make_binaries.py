"""Generate the vault's binary notes (2 DOCX, 2 PDF) deterministically.

Run: /work/main/.venv/bin/python bench/data/landmeter-vault-nl/tools/make_binaries.py
The PDF writer is imported from the imkerin vault's tools (write_pdf(path, lines, title, author, created)).
"""
from __future__ import annotations

import datetime as dt
import importlib.util
from pathlib import Path

HERE = Path(__file__).resolve().parent
NOTES = HERE.parent / "notes"
_IMKERIN = HERE.parent.parent / "imkerin-vault-de" / "tools" / "make_binaries.py"
_spec = importlib.util.spec_from_file_location("imkerin_make_binaries", _IMKERIN)
_mod = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_mod)
write_pdf = _mod.write_pdf


def _core(d, title: str, author: str, when: dt.datetime) -> None:
    d.core_properties.title = title
    d.core_properties.author = author
    d.core_properties.created = when
    d.core_properties.modified = when
    d.core_properties.last_modified_by = author


def make_functioneringsgesprek(path: Path) -> None:
    import docx

    d = docx.Document()
    d.add_heading("Verslag functioneringsgesprek 2026", level=1)
    d.add_paragraph("Medewerker: Femke de Boer, landmeter, meetploeg 3. Leidinggevende: Yvonne Hartman, teamleider.")
    d.add_paragraph("Datum gesprek: dinsdag 13 oktober 2026, kantoor Zwolle, kamer 2.14.")
    d.add_heading("Terugblik", level=2)
    d.add_paragraph("Femke heeft het afgelopen jaar de meetploeg draaiende gehouden tijdens het verlof van Sanne Kuipers "
                    "en de nieuwe collega Thijs ingewerkt. Het dossier Dalfsen (perceelsgrens aan de sloot) is "
                    "zorgvuldig afgehandeld, ook richting de advocaten van beide partijen.")
    d.add_paragraph("Aandachtspunt: uren worden niet altijd wekelijks ingevuld. Femke heeft nog 12 overuren staan; "
                    "die worden vóór 31 december 2026 opgenomen.")
    d.add_heading("Afspraken", level=2)
    t = d.add_table(rows=1, cols=3)
    t.rows[0].cells[0].text = "Onderwerp"
    t.rows[0].cells[1].text = "Afspraak"
    t.rows[0].cells[2].text = "Wanneer"
    for row in [
        ("Opleiding", "Cursus landmeten met drones (fotogrammetrie), vijf dagen, kosten voor de werkgever", "januari 2027, data volgen"),
        ("Salaris", "Periodiek: schaal 9, van trede 7 naar trede 8", "per 1 januari 2027"),
        ("Werktijden", "Vrije dag blijft de vrijdag (sinds 1 september)", "-"),
        ("Overuren", "12 uur opnemen", "vóór 31 december 2026"),
    ]:
        cells = t.add_row().cells
        for i, v in enumerate(row):
            cells[i].text = v
    d.add_paragraph("Volgend gesprek: oktober 2027. Beide partijen hebben het verslag gelezen en akkoord bevonden.")
    _core(d, "Functioneringsgesprek Femke de Boer 2026", "Yvonne Hartman", dt.datetime(2026, 10, 14, 9, 12))
    d.save(str(path))


def make_notulen_alv(path: Path) -> None:
    import docx

    d = docx.Document()
    d.add_heading("Notulen Algemene Ledenvergadering 2026", level=1)
    d.add_paragraph("Roeivereniging Het Zwarte Water — zaterdag 7 maart 2026, 14:00 uur, kantine botenhuis.")
    d.add_paragraph("Aanwezig: 52 leden (50 stemgerechtigd). Voorzitter: Annelies Wouters. Notulist: Marloes Timmer.")
    d.add_heading("1. Bestuur", level=2)
    d.add_paragraph("Annelies Wouters treedt na zes jaar af als voorzitter. Gert-Jan Bosman wordt bij acclamatie "
                    "gekozen als nieuwe voorzitter.")
    d.add_heading("2. Contributie", level=2)
    d.add_paragraph("Het bestuur stelt voor de contributie voor seniorleden te verhogen van € 285 naar € 312 per jaar, "
                    "ingaand 1 juli 2026, vanwege de hogere verzekeringspremie en het onderhoud van de steiger. "
                    "Het voorstel wordt aangenomen met 41 stemmen voor en 9 tegen.")
    t = d.add_table(rows=1, cols=3)
    t.rows[0].cells[0].text = "Categorie"
    t.rows[0].cells[1].text = "2025-2026"
    t.rows[0].cells[2].text = "vanaf 1 juli 2026"
    for row in [("Senior", "€ 285", "€ 312"), ("Junior (tot 18)", "€ 150", "€ 165"), ("Botenhuisbijdrage", "€ 25", "€ 25")]:
        cells = t.add_row().cells
        for i, v in enumerate(row):
            cells[i].text = v
    d.add_heading("3. Botenhuis", level=2)
    d.add_paragraph("Er komt een nieuw alarmsysteem. De nieuwe code gaat per 1 mei in en wordt per e-mail aan de "
                    "sleutelhouders gestuurd, niet in deze notulen.")
    d.add_heading("4. Wedstrijden", level=2)
    d.add_paragraph("Vechtrace op zaterdag 16 mei. Clubkampioenschappen op zaterdag 3 oktober.")
    d.add_paragraph("Rondvraag: het verzoek om betere koffie wordt doorgegeven aan de barcommissie.")
    _core(d, "Notulen ALV 2026 RV Het Zwarte Water", "Marloes Timmer", dt.datetime(2026, 3, 9, 20, 30))
    d.save(str(path))


FACTUUR = [
    "Roeivereniging Het Zwarte Water",
    "Penningmeester - Holtenbroekerdijk 3, Zwolle",
    "",
    "Factuur 2026-0417",
    "Datum: 1 juli 2026",
    "",
    "Aan: Femke de Boer, lidnummer 0388",
    "",
    "Contributie seizoen 2026-2027 (senior)          EUR 312,00",
    "Botenhuisbijdrage                                EUR  25,00",
    "Totaal te betalen                                EUR 337,00",
    "",
    "Graag voldoen voor 31 juli 2026 onder vermelding van het factuurnummer.",
    "Leden die niet op tijd betalen mogen na 1 september niet meer roeien tot de betaling binnen is.",
    "",
    "Met sportieve groet,",
    "Hans Oosterhof, penningmeester",
]

RENTEAANBOD = [
    "IJsselland Hypotheken",
    "Postbus 1120, 8001 BC Zwolle",
    "",
    "Zwolle, 15 juni 2026",
    "",
    "Aan: R. Veldman en F. de Boer",
    "Betreft: renteaanbod hypotheekdeel 2, leningnummer 70.44.118",
    "",
    "Geachte heer Veldman en mevrouw De Boer,",
    "",
    "Op 1 oktober 2026 loopt de rentevaste periode van uw hypotheek af. Uw huidige rente is 2,1 procent.",
    "Wij bieden u de volgende mogelijkheden aan:",
    "  5 jaar vast:   3,70 procent",
    "  10 jaar vast:  3,85 procent  - bruto maandlast EUR 1.287,40",
    "  20 jaar vast:  4,15 procent",
    "",
    "Wilt u uw keuze voor 31 juli 2026 aan ons doorgeven? Zonder reactie kiezen wij",
    "automatisch voor een variabele rente van 4,60 procent.",
    "",
    "Met vriendelijke groet,",
    "IJsselland Hypotheken, afdeling Klantbeheer",
]


if __name__ == "__main__":
    make_functioneringsgesprek(NOTES / "werk" / "Functioneringsgesprek 2026.docx")
    make_notulen_alv(NOTES / "roeien" / "Notulen ALV 2026.docx")
    write_pdf(NOTES / "roeien" / "Factuur contributie 2026-2027.pdf", FACTUUR,
              "Factuur contributie 2026-2027", "RV Het Zwarte Water", "20260701090000")
    write_pdf(NOTES / "huis" / "Renteaanbod hypotheek.pdf", RENTEAANBOD,
              "Renteaanbod hypotheek", "IJsselland Hypotheken", "20260615100000")
    print("wrote 2 DOCX and 2 PDF")
