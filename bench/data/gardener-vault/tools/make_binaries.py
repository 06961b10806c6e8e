#!/usr/bin/env python3
"""Regenerate the DOCX and PDF notes of the gardener vault.

DOCX needs python-docx. The PDFs are written by the nurse vault's small built-in writer (Helvetica, WinAnsi,
one text object per line: nurse-vault/tools/make_binaries.write_pdf), as the postman vault does; pypdf reads
them back.
Usage: python tools/make_binaries.py
"""
from __future__ import annotations

import importlib.util
from pathlib import Path

NOTES = Path(__file__).resolve().parent.parent / "notes"
_spec = importlib.util.spec_from_file_location(
    "nurse_binaries", Path(__file__).resolve().parents[2] / "nurse-vault" / "tools" / "make_binaries.py")
_nurse = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_nurse)
write_pdf = _nurse.write_pdf  # one small PDF writer serves every vault


def insurance_pdf() -> None:
    L = [
        ("Hedgerow Insurance Services", 14),
        ("Unit 4, Bristol Road Business Park, Gloucester", 10),
        ("", 10),
        ("Policy Schedule - Tradesperson Combined", 13),
        ("", 10),
        ("Policy number: HIS-TC-448172", 10),
        ("Insured: Ms Megan Tallis trading as Tallis Garden Care", 10),
        ("Address: 3 Weavers Row, Stroud", 10),
        ("Business description: landscape gardening and garden maintenance", 10),
        ("Period of insurance: 1 March 2026 to 28 February 2027", 10),
        ("", 10),
        ("Section                         Limit of indemnity      Excess", 10),
        ("Public liability                £5,000,000              £250 property damage", 10),
        ("Employers' liability            £10,000,000             nil", 10),
        ("Tools and equipment             £5,000                  £100", 10),
        ("", 10),
        ("Changes at this renewal: public liability limit increased from £2,000,000 to £5,000,000", 10),
        ("at your request; tools sum insured increased from £3,000 to £5,000.", 10),
        ("", 10),
        ("Annual premium: £398.00 including Insurance Premium Tax", 10),
        ("Paid by: 10 monthly instalments by direct debit", 10),
        ("", 10),
        ("Endorsements", 13),
        ("Work at height limited to 5 metres above ground. Tree felling excluded unless the person", 10),
        ("operating the chainsaw holds the relevant NPTC/Lantra certificate.", 10),
        ("", 10),
        ("To make a claim telephone 01632 960 771 (24 hours).", 10),
    ]
    write_pdf(NOTES / "work" / "Insurance schedule 2026.pdf", L, "Insurance schedule 2026-27")


def mortgage_pdf() -> None:
    L = [
        ("Severnside Building Society", 14),
        ("Mortgage Offer", 13),
        ("", 10),
        ("Date of offer: 22 June 2026", 10),
        ("Applicants: Ms Megan Tallis and Mr Owen Parry", 10),
        ("Property: 3 Weavers Row, Stroud", 10),
        ("Type: product transfer (existing customer), repayment", 10),
        ("", 10),
        ("Amount of loan: £171,400", 10),
        ("Term: 17 years", 10),
        ("Product: 5 year fixed rate, 4.29% until 31 July 2031", 10),
        ("Then: our Standard Variable Rate, currently 7.24%, for the rest of the term", 10),
        ("Product fee: none", 10),
        ("", 10),
        ("Your monthly payment from 1 August 2026: £968.12", 10),
        ("Your previous monthly payment (1.89% fixed): £712.40", 10),
        ("", 10),
        ("Early repayment charges", 13),
        ("5% in year 1, 4% in year 2, 3% in year 3, 2% in year 4, 1% in year 5.", 10),
        ("You may overpay up to 10% of the balance each year without a charge.", 10),
        ("", 10),
        ("This offer is valid until 22 December 2026. The new rate starts automatically on", 10),
        ("1 August 2026 once you have signed and returned the acceptance form.", 10),
        ("", 10),
        ("Severnside Building Society will never ask you to move money to a 'safe account'.", 10),
    ]
    write_pdf(NOTES / "money" / "Mortgage offer 2026.pdf", L, "Mortgage offer 2026")


def henderson_docx() -> None:
    import docx

    d = docx.Document()
    d.core_properties.title = "Quote - Henderson garden"
    d.add_heading("Tallis Garden Care - Quotation", 1)
    d.add_paragraph("For: Tom and Aisha Henderson, 14 Brimscombe Hill View, Minchinhampton. Date: 2 April 2026. "
                    "Design by Priya Nair Garden Design (drawing rev C).")
    t = d.add_table(rows=1, cols=2)
    t.rows[0].cells[0].text, t.rows[0].cells[1].text = "Item", "Price"
    for row in [("Site clearance and rubble removal (2 skips)", "£980"),
                ("Soil improvement: topsoil and compost", "£1,240"),
                ("Patio: Indian sandstone, 28 m2, on full mortar bed", "£3,360"),
                ("Lawn: 160 m2 premium turf including preparation", "£1,120"),
                ("Planting: plants and labour, to the planting plan", "£1,480"),
                ("Hornbeam hedge, 45 m, bare-root (planted November)", "£460"),
                ("Total", "£8,640")]:
        cells = t.add_row().cells
        cells[0].text, cells[1].text = row
    d.add_paragraph("30% deposit on acceptance, balance on completion. Valid 30 days. Drainage not included: "
                    "if the clay needs a drain, it will be priced separately before any work is done.")
    d.add_paragraph("Start: week of 11 May 2026, about 7 weeks on site with one helper.")
    d.save(str(NOTES / "clients" / "Henderson quote.docx"))


def induction_docx() -> None:
    import docx

    d = docx.Document()
    d.core_properties.title = "Kyle induction"
    d.add_heading("Induction - Kyle Brennan", 1)
    d.add_paragraph("Start date: Tuesday 5 May 2026. Days: Monday, Wednesday, Friday, 8am to 4pm, 30 minutes for lunch. "
                    "Meet at the lock-up on Bath Road unless told otherwise.")
    d.add_heading("Safety", 2)
    t = d.add_table(rows=1, cols=2)
    t.rows[0].cells[0].text, t.rows[0].cells[1].text = "What", "Rule"
    for row in [("Boots", "Steel toe caps, always"),
                ("Strimmer", "Visor or glasses, ear defenders, nobody within 15 m"),
                ("Hedge trimmer", "Gloves; never above shoulder height off a ladder - use the tower"),
                ("Chainsaw", "Not until you hold the NPTC tickets"),
                ("Lifting", "Sleepers and slabs: two people or the sack truck"),
                ("First aid", "Kit in the van, passenger door pocket. Nearest A&E: Gloucestershire Royal")]:
        cells = t.add_row().cells
        cells[0].text, cells[1].text = row
    d.add_heading("First week", 2)
    for step in ["Monday: Priors, Amberley (meadow, veg garden). Bramble comes too.",
                 "Wednesday: Mrs Hurst, Rodborough. Don't let the cat in the van.",
                 "Friday: Henderson build, Minchinhampton."]:
        d.add_paragraph(step)
    d.add_paragraph("Emergency contact: Sharon Brennan (mum), 07700 900 590.")
    d.save(str(NOTES / "work" / "Kyle induction.docx"))


if __name__ == "__main__":
    insurance_pdf()
    mortgage_pdf()
    henderson_docx()
    induction_docx()
    print("wrote 2 PDF + 2 DOCX")
