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


def payslip_pdf() -> None:
    t = [
        ("Northway Haulage Ltd", 14),
        ("Unit 3, Europort Way, Normanton WF6    wages@northwayhaulage.example", 9),
        ("", 9),
        ("PAYSLIP", 13),
        ("Employee: Beverley Ashworth    Employee no. 0217    NI: QQ 12 34 56 C    Tax code: 1257L", 10),
        ("Pay date: 24/04/2026    Period: 2 weeks to 19/04/2026 (Week 2)", 10),
        ("", 10),
        ("  Basic 80.00 h @ GBP 16.90                                   GBP 1,352.00", 10),
        ("  Overtime 6.50 h @ GBP 25.35 (x1.5)                          GBP   164.78", 10),
        ("  Night out allowance 2 @ GBP 35.00 (non-taxable)             GBP    70.00", 10),
        ("  Gross pay                                                   GBP 1,586.78", 11),
        ("  Income tax                                                  GBP   185.40", 10),
        ("  National Insurance                                          GBP    71.56", 10),
        ("  Pension NEST 5%                                             GBP    75.84", 10),
        ("  Union subscription (Unite)                                  GBP    14.90", 10),
        ("  NET PAY                                                     GBP 1,239.08", 11),
        ("", 10),
        ("Employer pension contribution 4%: GBP 60.67    Holiday remaining: 23 days", 10),
        ("Queries to Craig Northway, 01924 496 014", 9),
    ]
    _pdf("work/Payslip 24 April 2026.pdf", t, "Payslip 24/04/2026", "Northway Haulage Ltd", "2026-04-24")


def care_pdf() -> None:
    t = [
        ("Sunnyfield House", 14),
        ("Residential & Dementia Care, Balby, Doncaster DN4    accounts@sunnyfield.example    01302 555 0190", 9),
        ("", 9),
        ("INVOICE SH-11-2026-012", 13),
        ("Invoice date: 27/11/2026    Resident: Mrs Patricia Ashworth (Room 7)", 10),
        ("Bill to: Mrs B. Ashworth (LPA), 14 Marshfield Road, Goole", 10),
        ("", 10),
        ("  Residential dementia care, 1-30 November 2026, 30 nights @ GBP 177.86  GBP 5,335.80", 10),
        ("  Hairdresser (06/11, 20/11) 2 @ GBP 14.00                            GBP    28.00", 10),
        ("  Chiropody (13/11)                                                   GBP    28.00", 10),
        ("  Newspapers (Yorkshire Post, Saturdays)                              GBP     9.60", 10),
        ("  TOTAL DUE                                                           GBP 5,401.40", 11),
        ("", 10),
        ("Weekly fee from 01/04/2026: GBP 1,245.00. Payment by standing order on the 1st.", 10),
        ("Home manager: Denise Carr", 10),
    ]
    _pdf("family/Sunnyfield invoice November 2026.pdf", t, "Invoice SH-11-2026-012", "Sunnyfield House", "2026-11-27")


def contract_docx() -> None:
    doc = _doc()
    doc.add_heading("Variation to terms and conditions of employment", 1)
    doc.add_paragraph("Northway Haulage Ltd, Normanton. 20 March 2026. To: Beverley Ashworth, LGV Class 1 driver "
                      "(employee no. 0217).")
    doc.add_paragraph("Following our meeting on 17 March 2026, the following changes to your terms take effect "
                      "from 6 April 2026. All other terms of your contract dated 4 March 2019 remain unchanged.")
    _table(doc, [
        ["Term", "Previous", "From 6 April 2026"],
        ["Basic hourly rate", "£15.80", "£16.90"],
        ["Overtime (over 48 hours a week)", "time and a half", "time and a half"],
        ["Night out allowance", "£32 per night", "£35 per night"],
        ["Employer pension contribution", "3%", "4%"],
        ["Start time (Scotland trunk)", "05:00", "04:30 (from 1 June 2026)"],
    ])
    doc.add_heading("Holiday", 2)
    doc.add_paragraph("Holiday requests are to be made through the Northway Hub app with at least 14 days' notice. "
                      "Your entitlement stays at 28 days including bank holidays.")
    doc.add_paragraph("Please sign and return one copy. Aisha Rahman, Transport Manager.")
    _docx_out(doc, "work/Contract variation April 2026.docx", "Variation to terms", "Aisha Rahman", "2026-03-20")


def pitch_docx() -> None:
    doc = _doc()
    doc.add_heading("Cliffside Park, Filey – Pitch licence agreement 2026", 1)
    doc.add_paragraph("Between Cliffside Park Holiday Homes Ltd and Mrs Beverley Ashworth, owner of the holiday "
                      "home on pitch 46 (ABI Summer Breeze 2012). Dated 2 March 2026.")
    doc.add_heading("Season and use", 2)
    doc.add_paragraph("The park is open from 1 March to 15 November. The holiday home is for holiday use only and "
                      "may not be used as a main residence. Sub-letting is not permitted.")
    doc.add_heading("Charges for 2026", 2)
    _table(doc, [
        ["Charge", "Amount"],
        ["Pitch fee 2026 (due by 15 April 2026)", "£4,210"],
        ["Electricity", "metered, 34p per kWh"],
        ["Gas", "bottled, bought from reception"],
        ["Winter drain-down service (optional)", "£65"],
    ])
    doc.add_heading("Age of holiday homes", 2)
    doc.add_paragraph("Holiday homes older than 20 years must be replaced or removed from the park at the end of "
                      "the season in which they reach 20 years.")
    doc.add_paragraph("Park manager: Robert Lister.")
    _docx_out(doc, "home/Cliffside Park agreement 2026.docx", "Pitch licence 2026", "Robert Lister", "2026-03-02")


if __name__ == "__main__":
    payslip_pdf()
    care_pdf()
    contract_docx()
    pitch_docx()
