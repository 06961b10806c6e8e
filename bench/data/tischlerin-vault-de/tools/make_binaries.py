"""Write the vault's binary notes (PDF and DOCX) from the text below.

Usage:  python tools/make_binaries.py     (needs python-docx; PDFs are written by the small writer in
bench/data/vault_binaries.py, standard library only; paths are relative to this file)

The generated files are committed; run this only to change them. PDFs use the built-in Helvetica with
WinAnsiEncoding, so their text stays within cp1252 (umlauts, ß and the euro sign are fine). Document
properties carry the date each document was written, as a real scanner or word processor would.
"""
from __future__ import annotations

import functools
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # bench/data: the writer the vaults share
import vault_binaries  # noqa: E402

NOTES = Path(__file__).resolve().parent.parent / "notes"
_pdf = functools.partial(vault_binaries.pdf, NOTES)
_docx_out = functools.partial(vault_binaries.docx_out, NOTES)
_table, _doc = vault_binaries.table, vault_binaries.new_doc


def kita_pdf() -> None:
    t = [
        ("Stadt Leipzig - Amt für Jugend und Familie", 14),
        ("Abteilung Kindertagesstätten, Naumburger Straße 26, 04229 Leipzig", 9),
        ("", 9),
        ("Auftragsbestätigung / Zuschlagserteilung", 13),
        ("Vergabe-Nr. 51-KT-2026-118    Datum: 14.08.2026", 10),
        ("", 10),
        ("Auftragnehmer: Holzwerkstatt Wendler, Tischlermeisterin Katrin Wendler,", 10),
        ("Karl-Heine-Straße 87, 04229 Leipzig", 10),
        ("", 10),
        ("Objekt: Kita Pusteblume, Windorfer Straße, Leipzig-Kleinzschocher", 10),
        ("Leistung: Los 2 - Tischlerarbeiten", 10),
        ("  Pos. 1  24 Kindergarderoben mit Sitzbank und Eigentumsfach, Birke Multiplex   14.016,00 EUR", 10),
        ("  Pos. 2  Handlauf Treppenhaus in Kinderhöhe, Eiche, 2 Geschosse                2.380,00 EUR", 10),
        ("  Pos. 3  Demontage und Entsorgung Altgarderoben                                  640,00 EUR", 10),
        ("  Summe netto                                                                 17.036,00 EUR", 10),
        ("  zzgl. 19 % USt.                                                              3.236,84 EUR", 10),
        ("  Auftragssumme brutto                                                        20.272,84 EUR", 11),
        ("", 10),
        ("Ausführungszeitraum: 19.10.2026 bis 30.10.2026 (Herbstferien).", 10),
        ("Ansprechpartner vor Ort: Herr Wagner (Hausmeister). Schlüssel über die Kitaleitung, Frau Pietsch.", 10),
        ("Zahlungsziel: 30 Tage nach Abnahme und Eingang der prüffähigen Rechnung.", 10),
        ("Gewährleistung: 4 Jahre nach VOB/B.", 10),
        ("", 10),
        ("Im Auftrag: R. Neumann, Sachbearbeiterin Vergabe", 10),
    ]
    _pdf("kunden/Auftragsbestätigung Kita Pusteblume.pdf", t, "Auftragsbestätigung Kita Pusteblume",
         "Stadt Leipzig, Amt für Jugend und Familie", "2026-08-14")


def lindner_pdf() -> None:
    t = [
        ("Rainer Lindner - Service Holzbearbeitungsmaschinen", 14),
        ("Taucha    service.lindner@lindner-holzmaschinen.example", 9),
        ("", 9),
        ("Wartungsbericht Nr. 2026-057", 13),
        ("Kunde: Holzwerkstatt Wendler, Karl-Heine-Straße 87, Leipzig    Datum: 07.07.2026", 10),
        ("Maschine: Absauganlage Felder AF 22 (Inbetriebnahme 13.01.2026)", 10),
        ("", 10),
        ("Befund: Filterschläuche stark zugesetzt, Unterdruck an der Formatkreissäge nur noch 60 %.", 10),
        ("Ursache: hoher Anteil an MDF-Feinstaub (Lackierplatten, Fräsarbeiten).", 10),
        ("Maßnahme: kompletter Filtersatz getauscht, Staubsack gewechselt, Dichtungen geprüft.", 10),
        ("", 10),
        ("Empfehlung: Filterwechsel bei diesem Staubaufkommen alle 4 Monate statt alle 6 Monate.", 11),
        ("Nächster Wechsel spätestens Anfang November 2026.", 10),
        ("", 10),
        ("Abrechnung:", 11),
        ("  Filtersatz AF 22                 212,00 EUR", 10),
        ("  Arbeitszeit 0,75 h x 78,00        58,50 EUR", 10),
        ("  Anfahrt pauschal                  45,00 EUR", 10),
        ("  Summe netto                      315,50 EUR (Kulanz: 312,00 EUR)", 10),
        ("", 10),
        ("Unterschrift Techniker: R. Lindner", 10),
    ]
    _pdf("werkstatt/Wartungsbericht Lindner 2026-07-07.pdf", t, "Wartungsbericht 2026-057", "Rainer Lindner",
         "2026-07-07")


def cafe_docx() -> None:
    doc = _doc()
    doc.add_heading("Holzwerkstatt Wendler – Angebot Nr. 2026-019", 1)
    doc.add_paragraph("Leipzig, 12.05.2026")
    doc.add_paragraph("Café Kaffeesatz, Frau Mareike Lorenz, Georg-Schwarz-Straße, 04177 Leipzig")
    doc.add_paragraph("Betreff: Ladeneinbau – Tresen, Wandregal, Bistrotische, Sitzbank")
    _table(doc, [
        ["Pos.", "Leistung", "Betrag netto"],
        ["1", "Tresen Eiche massiv geölt, 3,20 m, Front für Fliesen vorbereitet", "3.980,00 €"],
        ["2", "Wandregal hinter dem Tresen, Eiche, 4 Böden, 2,60 m", "1.640,00 €"],
        ["3", "6 Bistrotische, Platte Eiche 70 × 70 cm, Gestell Stahl (Fremdleistung)", "1.920,00 €"],
        ["4", "Sitzbank Eiche mit Polster (Polsterei Kunze), 4,50 m", "1.580,00 €"],
        ["5", "Montage und Anfahrt", "527,00 €"],
        ["", "Summe netto", "9.647,00 €"],
        ["", "19 % MwSt.", "1.832,93 €"],
        ["", "Gesamtbetrag brutto", "11.479,93 € (gerundet 11.480,00 €)"],
    ])
    doc.add_paragraph("")
    doc.add_paragraph("Ausführung: Juli 2026, Fertigstellung vor der Eröffnung am 01.08.2026.")
    doc.add_paragraph("Zahlung: 50 % bei Auftrag, 50 % nach Abnahme. Angebot gültig bis 30.06.2026.")
    doc.add_paragraph("Mit freundlichen Grüßen – Katrin Wendler, Tischlermeisterin")
    _docx_out(doc, "kunden/Angebot Café Kaffeesatz.docx", "Angebot 2026-019 Café Kaffeesatz", "Katrin Wendler",
              "2026-05-12")


def riedel_docx() -> None:
    doc = _doc()
    doc.add_heading("Änderungsvereinbarung zum Arbeitsvertrag", 1)
    doc.add_paragraph("zwischen der Holzwerkstatt Wendler, Inhaberin Katrin Wendler, Karl-Heine-Straße 87, 04229 "
                      "Leipzig (Arbeitgeberin) und Frau Jana Riedel, Leipzig-Lindenau (Arbeitnehmerin).")
    doc.add_heading("§ 1 Arbeitszeit", 2)
    doc.add_paragraph("Ab dem 01.09.2026 beträgt die regelmäßige wöchentliche Arbeitszeit 32 Stunden (bisher 40 "
                      "Stunden), verteilt auf Montag bis Donnerstag. Der Freitag ist arbeitsfrei (Besuch der "
                      "Meisterschule).")
    doc.add_heading("§ 2 Vergütung", 2)
    doc.add_paragraph("Das monatliche Bruttogehalt beträgt ab dem 01.09.2026 2.384,00 € (bisher 2.980,00 €).")
    doc.add_heading("§ 3 Urlaub", 2)
    doc.add_paragraph("Der Urlaubsanspruch beträgt anteilig 24 Arbeitstage im Kalenderjahr (bisher 30).")
    doc.add_paragraph("Alle übrigen Regelungen des Arbeitsvertrages vom 01.03.2022 bleiben unverändert.")
    doc.add_paragraph("Leipzig, den 10.08.2026")
    doc.add_paragraph("Katrin Wendler                                        Jana Riedel")
    _docx_out(doc, "personen/Änderungsvertrag Jana Riedel.docx", "Änderungsvereinbarung Arbeitsvertrag Riedel",
              "Katrin Wendler", "2026-08-10")


if __name__ == "__main__":
    kita_pdf()
    lindner_pdf()
    cafe_docx()
    riedel_docx()
