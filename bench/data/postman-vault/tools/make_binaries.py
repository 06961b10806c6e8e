#!/usr/bin/env python3
"""Regenerate the DOCX and PDF notes of the postman vault.

DOCX needs python-docx. The PDFs are written by a small built-in writer (Helvetica, WinAnsi, one text
object per line, the nurse vault's tools/make_binaries.write_pdf) because neither fpdf nor reportlab was
available; pypdf reads them back.
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
write_pdf = _nurse.write_pdf  # the nurse vault's small PDF writer (one file serves both vaults)


def hospital_pdf() -> None:
    L = [
        ("Dorset County Hospital NHS Foundation Trust", 14),
        ("Trauma and Orthopaedics - Elective Admissions", 10),
        ("Williams Avenue, Dorchester", 10),
        ("", 10),
        ("Date: 10 February 2026", 10),
        ("Hospital number: shown on your appointment card", 10),
        ("", 10),
        ("Mr Leonard Whitlock", 10),
        ("14 Hawthorn Rise, Bridport", 10),
        ("", 10),
        ("Dear Mr Whitlock,", 10),
        ("", 10),
        ("Change to your admission date: left total knee replacement", 13),
        ("", 10),
        ("We are sorry to tell you that, because of pressure on inpatient beds, your operation", 10),
        ("planned for Tuesday 3 March 2026 has had to be postponed.", 10),
        ("", 10),
        ("Your new admission date is Tuesday 21 April 2026. Please arrive at 7:00am at the", 10),
        ("Day of Surgery Admissions Unit (DOSA), Level 1, South Wing.", 10),
        ("", 10),
        ("Consultant: Mr Adrian Keane, Consultant Orthopaedic Surgeon", 10),
        ("Pre-operative assessment: Tuesday 7 April 2026 at 10:40am, Outpatients Department 3.", 10),
        ("Expected length of stay: 2 to 3 nights.", 10),
        ("", 10),
        ("Before your operation", 13),
        ("Nothing to eat after midnight. You may drink water until 6:00am.", 10),
        ("Do not take metformin on the morning of surgery. Bring all your medicines in their boxes.", 10),
        ("Please shower with the antiseptic wash provided on the evening before and the morning of", 10),
        ("your operation.", 10),
        ("You will need someone to drive you home; you must not drive for at least six weeks.", 10),
        ("", 10),
        ("If you can no longer attend, please telephone the Admissions Team on 01632 960 905", 10),
        ("(Monday to Friday, 8am to 4pm) so that the date can be offered to another patient.", 10),
        ("", 10),
        ("Yours sincerely,", 10),
        ("Karen Doyle, Elective Admissions Coordinator", 10),
    ]
    write_pdf(NOTES / "health" / "Hospital letter knee 2026.pdf", L, "Admission date change")


def pension_pdf() -> None:
    L = [
        ("Royal Mail Pension Plan", 14),
        ("Pensions Administration Centre", 10),
        ("", 10),
        ("Mr L Whitlock", 10),
        ("Member reference: see your payslip", 10),
        ("", 10),
        ("20 March 2026", 10),
        ("", 10),
        ("Your pension increase from 1 April 2026", 13),
        ("", 10),
        ("Dear Mr Whitlock,", 10),
        ("", 10),
        ("Each year your pension in payment is increased in line with the Plan rules. For 2026 the", 10),
        ("increase applied to your pension is 3.2%.", 10),
        ("", 10),
        ("Your pension before the increase: £9,748.80 a year (£812.40 a month)", 10),
        ("Your pension from 1 April 2026: £10,061.04 a year (£838.42 a month)", 10),
        ("", 10),
        ("Your pension is paid monthly in arrears on the last working day of each month into the", 10),
        ("account we hold for you. Income tax is deducted under PAYE using tax code 512L.", 10),
        ("", 10),
        ("Your spouse's pension", 13),
        ("If you die before your spouse, a pension of 50% of your pension will be payable to", 10),
        ("Mrs Maureen Whitlock for the rest of her life.", 10),
        ("", 10),
        ("We will never ask you for your bank details by e-mail or text message. If you need to change", 10),
        ("your bank account, please write to us or use the secure member website.", 10),
        ("", 10),
        ("Yours sincerely,", 10),
        ("Pensions Administration Team", 10),
    ]
    write_pdf(NOTES / "money" / "Pension increase letter 2026.pdf", L, "Pension increase 2026")


def quotes_docx() -> None:
    import docx

    d = docx.Document()
    d.core_properties.title = "Boiler quotes October 2025"
    d.add_heading("Boiler quotes - Dad & Mum", 1)
    d.add_paragraph("Made by Karen, 22 October 2025, from the three quotes Dad got. Combi boiler to replace "
                    "the Potterton (regular boiler + tank in the airing cupboard).")
    t = d.add_table(rows=1, cols=5)
    for c, v in zip(t.rows[0].cells, ("Firm", "Engineer", "Price", "Warranty", "Can start"), strict=True):
        c.text = v
    for row in [("Bridport Heating", "Mike Stone", "£3,150", "7 years", "January"),
                ("Coast Gas & Plumbing", "Sam Reilly", "£2,890", "10 years", "25 November"),
                ("Harbour Heat Ltd", "Gavin Price", "£3,420", "12 years", "mid December")]:
        cells = t.add_row().cells
        for c, v in zip(cells, row, strict=True):
            c.text = v
    d.add_paragraph("All three include taking out the hot water tank and capping the loft tanks. Harbour Heat "
                    "wanted £250 extra to box in the pipes. Bridport Heating didn't turn up to the first visit.")
    d.add_paragraph("Karen's vote: Coast Gas. Cheapest, longest warranty for the price, and Sam's reviews are all 5 stars.")
    d.save(str(NOTES / "home" / "Boiler quotes.docx"))


def handbook_docx() -> None:
    import docx

    d = docx.Document()
    d.core_properties.title = "Bridport Repair Cafe volunteer handbook 2026"
    d.add_heading("Bridport Repair Café - Volunteer Handbook 2026", 1)
    d.add_paragraph("Edited by Fiona Akers, July 2026. Please read before your first session.")
    d.add_heading("Sessions", 2)
    d.add_paragraph("First Saturday of every month, 10am to 1pm, at the Lyric Rooms, Barrack Street. "
                    "Volunteers arrive 9.15am to set up. Last items accepted at 12.30pm.")
    d.add_heading("What we do not repair", 2)
    d.add_paragraph("Microwaves, gas appliances, anything with a CRT, and items with a swollen lithium battery.")
    d.add_heading("PAT testing checklist (by Len Whitlock)", 2)
    for step in ["1. Visual check: plug, flex, casing, strain relief.",
                 "2. Check the fuse rating matches the appliance (3A up to 700W, 13A above).",
                 "3. Earth continuity test (Class I only): under 0.1 ohm plus the flex.",
                 "4. Insulation resistance at 500V: pass at 1 megohm or more.",
                 "5. Label the item PASS with the date, and write it in the log sheet."]:
        d.add_paragraph(step)
    d.add_heading("Who to ask", 2)
    t = d.add_table(rows=1, cols=2)
    t.rows[0].cells[0].text, t.rows[0].cells[1].text = "Area", "Lead volunteer"
    for row in [("Coordinator, rota, hall booking", "Fiona Akers"), ("Electrical and PAT testing", "Len Whitlock"),
                ("Textiles and sewing", "Hazel Moss"), ("Bikes", "Tom Ashby"), ("Knives and tools", "Colin Best"),
                ("Cakes and tea", "the rota (Bridget keeps it)")]:
        cells = t.add_row().cells
        for c, v in zip(cells, row, strict=True):
            c.text = v
    d.add_paragraph("Insurance: Repair Café network scheme, £110 a year, covers volunteers and visitors.")
    d.save(str(NOTES / "repair-cafe" / "Volunteer handbook 2026.docx"))


if __name__ == "__main__":
    hospital_pdf()
    pension_pdf()
    quotes_docx()
    handbook_docx()
    print("wrote 2 PDF + 2 DOCX")
