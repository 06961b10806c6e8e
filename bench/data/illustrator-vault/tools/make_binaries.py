"""Write the illustrator vault's binary notes (PDF and DOCX) from the text below.

Usage:  python tools/make_binaries.py     (needs python-docx; paths are relative to this file)

The generated files are committed; run this only to change them. The PDF writer and the DOCX helpers are
bench/data/vault_binaries.py's, shared by the vaults, pointed at this vault's notes.
PDF text stays within cp1252 (the pound sign is fine). Document properties carry the date each document was written.
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


def invoice_pdf() -> None:
    t = [
        ("Nell Whitlow Illustration", 14),
        ("27 Lindley Grove, Reddish, Stockport    hello@nellwhitlow.example    07700 900462", 9),
        ("", 9),
        ("INVOICE INV-2026-031", 13),
        ("Date: 14/07/2026    Terms: 30 days", 10),
        ("To: Kestrel Books, Accounts, London    Ref: The Moth Who Wanted the Moon (editor: Imogen Fairley)", 10),
        ("", 10),
        ("  Advance, first instalment (on signature), 1/3 of GBP 7,200        GBP 2,400.00", 10),
        ("  TOTAL DUE                                                        GBP 2,400.00", 11),
        ("", 10),
        ("Not VAT registered. Bank: Starling, sort code 60-83-71, account 12345678, N WHITLOW", 9),
        ("Agent: Lantern Literary (Priya Desai) - commission invoiced separately", 9),
    ]
    _pdf("Work/Invoice INV-2026-031 Kestrel.pdf", t, "Invoice INV-2026-031", "Nell Whitlow", "2026-07-14")


def physio_pdf() -> None:
    t = [
        ("Stockport Physio Hub", 14),
        ("Shaw Heath, Stockport    admin@stockportphysiohub.example    0161 496 0415", 9),
        ("", 9),
        ("DISCHARGE LETTER", 13),
        ("Date: 08/10/2026    To: Dr Nwosu, Edgeley Medical Practice", 10),
        ("Patient: Ms Eleanor Whitlow    Condition: right wrist, de Quervain's tenosynovitis / RSI", 10),
        ("", 10),
        ("Seen 10 times from 08/01/2026 (Ms G. Price to April, then myself from 14/05/2026).", 10),
        ("Pain on drawing reduced from 6/10 to 2/10. Grip strength right 26 kg (left 28 kg).", 10),
        ("Home programme: eccentric wrist exercises 3 x 15 with 2 kg, three times a week.", 10),
        ("Work: 50 minutes drawing, 10 minutes rest; night splint no longer needed.", 10),
        ("Self-referral open for 6 months if symptoms return.", 10),
        ("", 10),
        ("Tunde Adeyemi MCSP, Physiotherapist", 10),
    ]
    _pdf("Health/Physio discharge letter.pdf", t, "Discharge letter E. Whitlow", "Tunde Adeyemi", "2026-10-08")


def contract_docx() -> None:
    doc = _doc()
    doc.add_heading("Illustrator's agreement: The Moth Who Wanted the Moon", 1)
    doc.add_paragraph("Kestrel Books Ltd, London, and Eleanor Whitlow (the Illustrator), c/o Lantern Literary "
                      "(agent: Priya Desai). Dated 7 July 2026. Editor: Imogen Fairley. Author: Oona Hartigan.")
    doc.add_heading("The work", 2)
    doc.add_paragraph("Full-colour illustrations for a 32-page picture book: 14 double-page spreads, cover and "
                      "endpapers, delivered as layered files at 300dpi.")
    _table(doc, [
        ["Term", "Agreed"],
        ["Advance", "£7,200, in three equal parts: signature, roughs, final art"],
        ["Roughs due", "15 January 2027"],
        ["Final artwork due", "30 June 2027"],
        ["Royalty (hardback and paperback)", "5% of net receipts"],
        ["Cover fee for any later Kestrel cover commission", "£550"],
        ["Author copies to Illustrator", "12"],
    ])
    doc.add_paragraph("Please sign and return both copies. Imogen Fairley, Senior Editor, Picture Books.")
    _docx_out(doc, "Work/Kestrel contract Moth.docx", "Illustrator's agreement - Moth", "Imogen Fairley",
              "2026-07-07")


def tenancy_docx() -> None:
    doc = _doc()
    doc.add_heading("Offer of tenancy: 27 Lindley Grove, Reddish", 1)
    doc.add_paragraph("Northfield Property Management, on behalf of the landlord Mrs A. Okonkwo. 29 June 2026. "
                      "To: Ms Eleanor Whitlow and Mr Rhys Morgan.")
    doc.add_paragraph("We are pleased to offer you an assured shorthold tenancy of the above two-bedroom "
                      "terraced house on the following terms.")
    _table(doc, [
        ["Term", "Detail"],
        ["Start date", "1 August 2026"],
        ["Fixed term", "12 months"],
        ["Rent", "£1,050 per calendar month, due on the 1st"],
        ["Deposit", "£1,200 (protected with the TDS)"],
        ["Pets", "One cat permitted"],
        ["Council tax", "Band B, Stockport"],
    ])
    doc.add_paragraph("Keys will be released at our Heaton Moor office from 10am on the start date. "
                      "Contact: Bryony Hale, lettings.")
    _docx_out(doc, "Life/Reddish tenancy offer.docx", "Tenancy offer 27 Lindley Grove", "Bryony Hale",
              "2026-06-29")


if __name__ == "__main__":
    invoice_pdf()
    physio_pdf()
    contract_docx()
    tenancy_docx()
