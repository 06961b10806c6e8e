"""Write the vault's binary notes (PDF and DOCX) from the text below.

Usage:  python tools/make_binaries.py     (needs python-docx; PDFs are written by the small writer in
bench/data/vault_binaries.py, standard library only; paths are relative to this file)

The generated files are committed; run this only to change them. PDFs use the built-in Helvetica with
WinAnsiEncoding, so their text stays within cp1252 (the pound sign and accents are fine). Document
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


def hire_pdf() -> None:
    t = [
        ("Southwest Audio Hire Ltd", 14),
        ("Unit 7, Kings Weston Lane, Avonmouth, Bristol BS11    hire@swaudiohire.example", 9),
        ("", 9),
        ("INVOICE SWA-INV-4471", 13),
        ("Date: 06/05/2026    Account: SWA-2291 (Tessa Marlowe)    Contact: Kerry Vance", 10),
        ("Deliver to / bill to: Paper Orchards c/o Holly Fenwick - UK tour 9-30 May 2026", 10),
        ("", 10),
        ("  Stagebox 16/8 with 30 m multicore, 22 days (tour weekly rate)          GBP 385.00", 10),
        ("  Shure Beta 52A kick mic, 22 days                                       GBP  66.00", 10),
        ("  Spare SQ MixPad tablet (iPad), 22 days                                 GBP  88.00", 10),
        ("  Insurance waiver 10 %                                                  GBP  53.90", 10),
        ("  Subtotal                                                               GBP 592.90", 10),
        ("  VAT 20 %                                                               GBP 118.58", 10),
        ("  TOTAL                                                                  GBP 711.48", 11),
        ("", 10),
        ("Collection: Fri 8 May 2026 from 9:00. Return by Mon 1 June 2026, 17:00.", 10),
        ("Late return: full daily rate per day. Damaged items charged at replacement cost.", 10),
        ("Payment: 14 days. Thank you for hiring with us - Kerry", 10),
    ]
    _pdf("work/Southwest Audio Hire invoice May 2026.pdf", t, "Invoice SWA-INV-4471", "Southwest Audio Hire Ltd",
         "2026-05-06")


def van_pdf() -> None:
    t = [
        ("Fishponds Motors", 14),
        ("Fishponds Road, Bristol BS16    sales@fishpondsmotors.example    Used cars & light commercials", 9),
        ("", 9),
        ("SALES INVOICE No. FM-26-0388", 13),
        ("Date of sale: 14/06/2026    Salesperson: Dean Pike", 10),
        ("Customer: Ms T. Marlowe, Flat 2, 31 Stapleton Terrace, Easton, Bristol", 10),
        ("", 10),
        ("Vehicle: Renault Kangoo 1.5 dCi ML19 Business, panel van, white", 10),
        ("Registration: WU19 KXB    First registered: 03/2019    Recorded mileage: 48,200", 10),
        ("MOT valid until: 06/2027 (new MOT with sale)", 10),
        ("", 10),
        ("  Vehicle price                                                         GBP 7,400.00", 10),
        ("  Warranty: 3 months / 3,000 miles, powertrain                          included", 10),
        ("  Part exchange                                                         none", 10),
        ("  Balance paid (bank transfer + debit card)                            GBP 7,400.00", 11),
        ("", 10),
        ("First service due at 54,000 miles or October 2026, whichever first.", 10),
        ("Spare key: 1. Service book: stamped 2020, 2021, 2023, 2025.", 10),
    ]
    _pdf("van/Fishponds Motors invoice.pdf", t, "Sales invoice FM-26-0388", "Fishponds Motors", "2026-06-14")


def tour_docx() -> None:
    doc = _doc()
    doc.add_heading("Crew engagement – Paper Orchards UK tour, May 2026", 1)
    doc.add_paragraph("Between Paper Orchards (the band), represented by Holly Fenwick, Fenwick Artist Management, "
                      "and Tessa Marlowe, freelance sound engineer (front of house). Dated 20 February 2026.")
    doc.add_heading("1. Engagement", 2)
    doc.add_paragraph("Front-of-house engineer for 14 shows between 9 May and 30 May 2026, including load-in, "
                      "soundcheck, show and load-out. Production rehearsal day: Friday 8 May 2026 at the Fleece.")
    doc.add_heading("2. Fee and expenses", 2)
    _table(doc, [
        ["Item", "Amount"],
        ["Tour fee (14 shows, flat)", "£2,300"],
        ["First half, before the first show", "£1,150"],
        ["Second half, by 15 June 2026", "£1,150"],
        ["Per diem, every tour day incl. days off", "£25"],
        ["Consumables (batteries, tape) on receipt", "up to £80"],
    ])
    doc.add_heading("3. Travel and accommodation", 2)
    doc.add_paragraph("The band provides travel in the tour van and a single hotel room every night. Crew may "
                      "refuse to travel after more than 12 hours on duty.")
    doc.add_heading("4. Equipment", 2)
    doc.add_paragraph("The engineer brings her own mic case, DIs and recorder. The band supplies the vocal "
                      "microphone (Neumann KMS 105) and pays the hire of the stagebox from Southwest Audio Hire.")
    doc.add_heading("5. Cancellation", 2)
    doc.add_paragraph("If the tour is cancelled less than 30 days before the first show, 50 % of the fee is "
                      "payable. Single shows cancelled for illness are paid in full.")
    doc.add_paragraph("Signed: Holly Fenwick                         Tessa Marlowe")
    _docx_out(doc, "work/Tour agreement Paper Orchards 2026.docx", "Crew engagement Paper Orchards 2026",
              "Holly Fenwick", "2026-02-20")


def kestrel_docx() -> None:
    doc = _doc()
    doc.add_heading("Kestrel Tax – letter of engagement", 1)
    doc.add_paragraph("Kestrel Tax LLP, 88 Whiteladies Road, Bristol. 10 June 2026.")
    doc.add_paragraph("Dear Ms Marlowe, following Ruth Abernethy's retirement we are pleased to take over your "
                      "accounts. Your adviser is Oliver (Ollie) Grant.")
    doc.add_heading("Services", 2)
    doc.add_paragraph("Annual accounts for your sole-trader business (sound engineering), self-assessment tax "
                      "return, payments-on-account reminders, and one review meeting a year.")
    doc.add_heading("Fees", 2)
    _table(doc, [
        ["Service", "Fee"],
        ["Accounts and self-assessment (fixed, per year)", "£450"],
        ["Bookkeeping software (FreeAgent)", "free with business bank account"],
        ["Extra work (HMRC enquiries etc.)", "£65 per hour"],
    ])
    doc.add_heading("Your deadlines", 2)
    doc.add_paragraph("Please send your records for the tax year ending 5 April by 31 July. We file by 31 October "
                      "at the latest; tax due 31 January. Making Tax Digital for income tax will apply to you "
                      "once your income is above £50,000 - it is not required yet.")
    doc.add_paragraph("Yours sincerely, Oliver Grant ACCA")
    _docx_out(doc, "money/Kestrel Tax engagement letter.docx", "Letter of engagement", "Oliver Grant",
              "2026-06-10")


if __name__ == "__main__":
    hire_pdf()
    van_pdf()
    tour_docx()
    kestrel_docx()
