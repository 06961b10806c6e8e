"""Write the vault's binary notes (PDF and DOCX) from the text below.

Usage:  python tools/make_binaries.py     (needs python-docx and fpdf2; paths are relative to this file)

The generated files are committed; run this only to change them. PDFs use the built-in Helvetica,
so their text stays within Latin-1 (plain hyphens, no curly quotes). Document properties carry the
date each document was written, as a real scanner or word processor would.
"""
from __future__ import annotations

import functools
import sys
from pathlib import Path

from fpdf import FPDF

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # bench/data: the DOCX helpers the vaults share
import vault_binaries  # noqa: E402

NOTES = Path(__file__).resolve().parent.parent / "notes"
_when = vault_binaries.when
_docx_out = functools.partial(vault_binaries.docx_out, NOTES)
_table, _doc = vault_binaries.table, vault_binaries.new_doc


class Pdf(FPDF):
    def __init__(self, footer_text: str) -> None:
        super().__init__(format="A4")
        self.footer_text = footer_text
        self.set_auto_page_break(True, margin=18)
        self.set_margins(18, 16, 18)

    def footer(self) -> None:
        self.set_y(-13)
        self.set_font("Helvetica", size=8)
        self.cell(0, 5, f"{self.footer_text}  -  page {self.page_no()}", align="C")

    def heading(self, text: str, size: int = 13) -> None:
        self.set_font("Helvetica", "B", size)
        self.multi_cell(0, 7, text)
        self.ln(1)

    def para(self, text: str, size: int = 10, style: str = "") -> None:
        self.set_font("Helvetica", style, size)
        self.multi_cell(0, 5.2, text)
        self.ln(1.5)

    def table(self, rows: list[list[str]], widths: list[float]) -> None:
        self.set_font("Helvetica", size=9)
        for i, row in enumerate(rows):
            self.set_font("Helvetica", "B" if i == 0 else "", 9)
            for text, w in zip(row, widths, strict=True):
                self.cell(w, 6, text, border=1)
            self.ln(6)
        self.ln(3)


def _pdf_out(pdf: Pdf, rel: str, title: str, author: str, day: str) -> None:
    pdf.set_title(title)
    pdf.set_author(author)
    pdf.set_creation_date(_when(day))
    path = NOTES / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    pdf.output(str(path))


def calder_quote_pdf() -> None:
    pdf = Pdf("Calder Heat Ltd - Quotation Q-2291")
    pdf.add_page()
    pdf.heading("CALDER HEAT LTD", 16)
    pdf.para("Heat pumps - design, installation, servicing. MCS certified installer.\nUnit 4, Shaw Lodge Mills, Halifax.")
    pdf.heading("Quotation Q-2291")
    pdf.para("Date: 19 November 2025    Valid for: 60 days\n"
          "Customer: Mr Declan Farrelly, 9 Quarry Lane, Heworth, York YO31\n"
          "Survey: 12 November 2025 (surveyor: J. Roebuck)")
    pdf.heading("Proposed system", 11)
    pdf.para("Air source heat pump, 7 kW monobloc, outdoor unit on plinth in the side return.\n"
          "200 litre unvented hot water cylinder in the landing airing cupboard.\n"
          "Calculated heat loss: 6.4 kW at an outside design temperature of -3 C (internal 18-21 C).\n"
          "Design flow temperature: 50 C. Estimated seasonal efficiency (SCOP): 3.4.")
    pdf.table([
        ["Item", "Price (GBP)"],
        ["Heat pump unit, 7 kW monobloc, incl. plinth and anti-vibration feet", "6,950.00"],
        ["200 L unvented cylinder and expansion vessel", "1,620.00"],
        ["Radiator replacements (3): back bedroom, kitchen, bathroom", "960.00"],
        ["Pipework, valves, magnetic filter, antifreeze valves", "1,480.00"],
        ["Controls and weather compensation set-up", "390.00"],
        ["Electrical works (isolator, supply)", "650.00"],
        ["Labour: 5 days, 2 engineers", "1,450.00"],
        ["MCS registration, commissioning and handover", "350.00"],
        ["Total (VAT at 0%, energy-saving materials)", "13,850.00"],
        ["Less Boiler Upgrade Scheme grant", "-7,500.00"],
        ["Amount payable by customer", "6,350.00"],
    ], [140, 34])
    pdf.para("Deposit: 20% of the amount payable on acceptance (1,270.00). Balance on completion.")
    pdf.para("Proposed installation: Monday 16 March 2026, 5 working days.", style="B")
    pdf.heading("Notes", 11)
    pdf.para("1. The main fuse is 60 A. We will notify the DNO (Northern Powergrid); they may require an upgrade "
          "before connection, which can affect the installation date.\n"
          "2. Loft insulation to be topped up to 270 mm by the customer before installation.\n"
          "3. Warranty: 7 years on the heat pump (manufacturer), 2 years on workmanship.\n"
          "4. Annual service: 145.00, first due 12 months after commissioning.\n"
          "5. The Boiler Upgrade Scheme application is made by Calder Heat; the customer confirms by email.")
    pdf.para("Prepared by: Jamie Roebuck, Calder Heat Ltd.")
    _pdf_out(pdf, "home/heat-pump/Calder Heat quote Nov 2025.pdf", "Quotation Q-2291", "Calder Heat Ltd", "2025-11-19")


def review_minutes_pdf() -> None:
    pdf = Pdf("OVR design review - minutes - 7 May 2026")
    pdf.add_page()
    pdf.heading("Brackenridge Rail Systems", 15)
    pdf.heading("Ouse Valley Resignalling (OVR) - design review: minutes")
    pdf.para("Date: Thursday 7 May 2026, 14:00-15:20    Place: meeting room 2, York, and Teams\n"
          "Chair: Farida Rahman    Minutes: Hamza Qureshi\n"
          "Present: Owen Leathley (client sponsor), Farida Rahman, Ruth Ackroyd, Declan Farrelly, Hamza Qureshi, "
          "Tariq Bhatti, Lena Kowalczyk")
    pdf.heading("1. Design freeze", 11)
    pdf.para("All conditions on the freeze checklist are met for the Kelby, Wressle Moor and Skelbrooke areas. "
          "The chair declared the Stage 2 design frozen, effective Friday 8 May 2026. Any change after this date "
          "goes through the change control procedure (form CC-1) and needs the client sponsor's approval.")
    pdf.heading("2. Client acceptance of Stage 2", 11)
    pdf.para("The client accepts the Stage 2 design with four conditions:\n"
          "(a) obstacle detection type-approval evidence for Carr Lane before the Stage 3 submission;\n"
          "(b) a decision by the client's estates team on retaining the Wressle Moor lever frame (comment C-41) "
          "by 30 June 2026;\n"
          "(c) the axle counter reset procedure for the Skelbrooke end;\n"
          "(d) the hazard log entry H-045 (road traffic queueing at Carr Lane) updated with the council's response.")
    pdf.heading("3. Programme", 11)
    pdf.para("Stage 3 (detailed design) to complete by the end of September 2026. Commissioning remains planned for "
          "the Christmas 2026 blockade, 24-28 December 2026. The ROC workstation software release is on the risk "
          "register (owner: O. Leathley).")
    pdf.heading("4. Resources", 11)
    pdf.para("Design hours, Kelby and Wressle Moor: 4,480 used of 6,800. L. Kowalczyk starts maternity leave in "
          "August; CAD cover to be arranged from the Leeds office. T. Bhatti's IRSE licence assessment: 23 June 2026.")
    pdf.heading("Actions", 11)
    pdf.table([
        ["No.", "Action", "Owner", "Due"],
        ["1", "Issue frozen Stage 2 pack to the document controller", "D. Farrelly", "11 May 2026"],
        ["2", "Obstacle detection type-approval evidence", "O. Leathley", "31 Jul 2026"],
        ["3", "Estates decision on Wressle Moor lever frame", "O. Leathley", "30 Jun 2026"],
        ["4", "Re-baselined Stage 3 programme", "F. Rahman", "21 May 2026"],
        ["5", "CAD cover from Leeds for August onwards", "F. Rahman", "30 Jun 2026"],
    ], [12, 98, 34, 30])
    pdf.para("Next review: Thursday 14 May 2026, 14:00.")
    _pdf_out(pdf, "work/meetings/OVR design review minutes 2026-05-07.pdf", "OVR design review minutes 7 May 2026",
             "Hamza Qureshi", "2026-05-07")


def howardian_results_pdf() -> None:
    pdf = Pdf("Howardian 100 Sportive 2026 - results")
    pdf.add_page()
    pdf.heading("Howardian 100 Sportive 2026", 16)
    pdf.para("Sunday 13 September 2026 - HQ: Ampleforth Village Hall\n"
          "100 km route, 1,310 m of climbing. Feed station at Hovingham (km 58).\n"
          "Starters: 587    Finishers: 540    Fastest: 2:51:12")
    pdf.para("Standards (100 km, by age group 40-49): Gold under 4:00:00 - Silver under 4:45:00 - Bronze: finish.")
    pdf.heading("Results - 100 km (extract, chip times)", 11)
    pdf.table([
        ["Pos", "No.", "Name", "Club", "Time", "Standard"],
        ["1", "1042", "Matthew Orrell", "Ryedale Wheelers", "2:51:12", "Gold"],
        ["2", "1311", "Anna Sykes", "Malton Velo", "2:53:40", "Gold"],
        ["3", "1007", "Colin Brash", "unattached", "2:58:05", "Gold"],
        ["...", "", "", "", "", ""],
        ["210", "1376", "Gareth Ellis", "Malton Velo", "4:26:12", "Silver"],
        ["211", "1377", "Priya Nair", "Malton Velo", "4:26:14", "Silver"],
        ["212", "1187", "Declan Farrelly", "Clifton CC", "4:26:37", "Silver"],
        ["213", "1378", "Tom Warrender", "Malton Velo", "4:26:40", "Silver"],
        ["214", "1222", "Lisa Hurworth", "unattached", "4:27:02", "Silver"],
        ["...", "", "", "", "", ""],
        ["297", "1093", "Joe Bentham", "Selby CC", "4:40:58", "Silver"],
        ["298", "1188", "Peter Garside", "Clifton CC", "4:41:05", "Silver"],
        ["299", "1450", "Kirsty Moss", "unattached", "4:41:30", "Silver"],
        ["...", "", "", "", "", ""],
        ["540", "1502", "Bill Otterburn", "Easingwold CC", "7:12:44", "Bronze"],
    ], [14, 16, 44, 42, 24, 30])
    pdf.para("Thank you to the marshals, the Hovingham feed station volunteers and Ampleforth Village Hall. "
          "All profits go to the air ambulance: 6,480 raised this year.")
    _pdf_out(pdf, "cycling/Howardian 100 results.pdf", "Howardian 100 Sportive 2026 results",
             "Howardian 100 organising committee", "2026-09-15")


def calder_revised_docx() -> None:
    doc = _doc()
    doc.add_heading("Calder Heat Ltd - Revised quotation Q-2291 rev B", 1)
    doc.add_paragraph("Date: 24 February 2026. Replaces Q-2291 of 19 November 2025.")
    doc.add_paragraph("Customer: Mr Declan Farrelly, 9 Quarry Lane, Heworth, York YO31.")
    doc.add_heading("Why the quote has changed", 2)
    doc.add_paragraph(
        "Following a room-by-room heat loss recalculation (site visit 17 February 2026), the front room (solid "
        "walls and bay window) and the small bedroom need larger radiators to reach their design temperatures at "
        "a 50 C flow temperature. The revised design replaces five radiators instead of three. Extra pipework and "
        "an extra day of labour follow from this.")
    doc.add_heading("Prices", 2)
    _table(doc, [
        ["Item", "Original (Nov 2025)", "Revised (Feb 2026)"],
        ["Heat pump unit, 7 kW monobloc", "6,950.00", "6,950.00"],
        ["200 L unvented cylinder", "1,620.00", "1,620.00"],
        ["Radiator replacements", "960.00 (3)", "1,680.00 (5)"],
        ["Pipework, valves, filter, antifreeze valves", "1,480.00", "1,690.00"],
        ["Controls and weather compensation", "390.00", "390.00"],
        ["Electrical works", "650.00", "790.00"],
        ["Labour", "1,450.00 (5 days)", "1,950.00 (5 days, 3 engineers on day 1-2)"],
        ["MCS registration, commissioning", "350.00", "350.00"],
        ["Total (VAT 0%)", "13,850.00", "15,420.00"],
        ["Less Boiler Upgrade Scheme grant", "-7,500.00", "-7,500.00"],
        ["Payable by customer", "6,350.00", "7,920.00"],
    ])
    doc.add_paragraph("")
    doc.add_paragraph("Deposit already received (3 December 2025): 1,270.00. Balance due on completion: 6,650.00.")
    doc.add_paragraph("Radiators to be replaced: back bedroom, kitchen, bathroom (towel radiator), front room "
                      "(double panel 1800 x 600), small bedroom.")
    doc.add_paragraph("Installation date: Monday 16 March 2026 (unchanged), subject to the DNO's response to our "
                      "connection notification.")
    doc.add_paragraph("Signed for Calder Heat: Jamie Roebuck.    Accepted by customer: D. Farrelly, 25/02/2026.")
    _docx_out(doc, "home/heat-pump/Calder Heat revised quote Feb 2026.docx", "Revised quotation Q-2291 rev B",
              "Jamie Roebuck", "2026-02-24")


def lessons_docx() -> None:
    doc = _doc()
    doc.add_heading("OVR Stage 2 - lessons learned (Kelby and Wressle Moor)", 1)
    doc.add_paragraph("Author: Declan Farrelly, lead signalling designer. Date: 26 June 2026. For: Farida Rahman, "
                      "project team, Leeds office.")
    doc.add_heading("Summary", 2)
    doc.add_paragraph(
        "Stage 2 was submitted on time (13 February 2026) but design freeze moved six weeks, from 27 March to "
        "8 May 2026. The client returned 47 comments, 19 of them on Kelby and Wressle Moor; all 19 were closed by "
        "30 April. The main causes of the slip were the late decision to convert Carr Lane to MCB-OD (approved "
        "4 December 2025) and wrong cable route records at Wressle Moor.")
    doc.add_heading("What went well", 2)
    for line in [
        "Independent checking started early: Ruth Ackroyd checked the signalling plans in November, so the "
        "significant comments (K14 overlap, K22 sighting) were closed before submission.",
        "Control tables were delegated to Tariq Bhatti with mentoring; quality was high and hours were below budget.",
        "The freeze slip was raised early (1:1 on 3 March, review on 12 March) instead of at the deadline.",
    ]:
        doc.add_paragraph(line, style="List Bullet")
    doc.add_heading("What did not go well", 2)
    for line in [
        "Cable route records: the 1970s records at Wressle Moor missed two routes, found only in the January 2026 "
        "survey.",
        "Level crossing scope was not fixed at Stage 1; the crossing team joined late.",
        "Comments were tracked in two places (shared sheet and personal copies), and pasted text in the shared sheet "
        "was not checked.",
    ]:
        doc.add_paragraph(line, style="List Bullet")
    doc.add_heading("Numbers", 2)
    _table(doc, [
        ["Measure", "Plan", "Actual"],
        ["Stage 2 submission", "13 Feb 2026", "13 Feb 2026"],
        ["Design freeze", "27 Mar 2026", "8 May 2026"],
        ["Client comments (my areas)", "-", "19 of 47"],
        ["Significant checker comments before submission", "-", "3"],
        ["Design hours used at freeze (my areas)", "4,200", "4,480"],
    ])
    doc.add_heading("Recommendations", 2)
    for i, line in enumerate([
        "Fix level crossing scope (and funding) before Stage 2 starts.",
        "Budget a cable route survey for any area with pre-1980 records.",
        "One comments tracker, owned by the document controller; no personal copies.",
        "Start independent checking at 50% of the signalling plans, not at 90%.",
    ], 1):
        doc.add_paragraph(f"{i}. {line}")
    _docx_out(doc, "work/OVR Stage 2 lessons learned.docx", "OVR Stage 2 lessons learned", "Declan Farrelly",
              "2026-06-26")


def annual_review_docx() -> None:
    doc = _doc()
    doc.add_heading("Brackenridge Rail Systems - Annual performance review 2026", 1)
    _table(doc, [
        ["Employee", "Declan Farrelly"],
        ["Role", "Senior Signalling Design Engineer"],
        ["Manager", "Farida Rahman, Engineering Manager (Signalling)"],
        ["Review period", "January - December 2026"],
        ["Review meeting", "Monday 16 November 2026"],
    ])
    doc.add_paragraph("")
    doc.add_heading("Objectives", 2)
    _table(doc, [
        ["Objective", "Evidence", "Rating"],
        ["1. OVR Stage 2 submission and design freeze (Kelby, Wressle Moor)",
         "Submitted 13 Feb; freeze 8 May after an early, agreed re-plan; 19 of 19 comments closed", "Exceeded"],
        ["2. OVR Stage 3 pack for Kelby and Wressle Moor", "Submitted 13 Nov 2026 as re-planned", "Met"],
        ["3. Mentor T. Bhatti to his IRSE licence", "Licence awarded July 2026; promoted to Design Engineer",
         "Exceeded"],
        ["4. CEng application", "Submitted 30 Sep 2026; interview 24 Nov 2026", "Met"],
    ])
    doc.add_paragraph("")
    doc.add_heading("Overall", 2)
    doc.add_paragraph("Overall rating: Strong (4 of 5).")
    doc.add_paragraph(
        "Manager's comment: Declan raised the programme risks early and with options, which made two difficult "
        "re-plans straightforward with the client. His checking discipline sets the standard for the team. "
        "Development point: delegate the data preparation earlier and write checks down as he goes.")
    doc.add_heading("Objectives for 2027", 2)
    for line in [
        "Lead the Kelby and Wressle Moor commissioning in the Easter 2027 blockade (2-5 April 2027).",
        "Principles testing at Derby, w/c 15 February 2027, with T. Bhatti.",
        "Give a talk at the IRSE York section on the Carr Lane MCB-OD conversion.",
    ]:
        doc.add_paragraph(line, style="List Bullet")
    doc.add_paragraph("Current salary: 61,200 (from 1 April 2026). Next salary review effective 1 April 2027, "
                      "to be confirmed in March.")
    doc.add_paragraph("Employee's comment: Agreed. Thanks for the two re-plans and for the CEng sponsorship.")
    _docx_out(doc, "work/Annual review 2026.docx", "Annual performance review 2026 - D. Farrelly", "Farida Rahman",
              "2026-11-16")


def appeal_docx() -> None:
    doc = _doc()
    doc.add_heading("All Saints, Heworth Moor - Bells Restoration Appeal 2026", 1)
    doc.add_paragraph("2 March 2026")
    doc.add_paragraph(
        "Our eight bells have called Heworth Moor to church, to celebrate and to remember for well over a century. "
        "The tenor weighs 14-1-22 (about 730 kg) and is tuned to E. The oldest bell, the 7th, was cast in 1624. "
        "The bells were last rehung in 1887, and they still turn on their original bearings.")
    doc.add_paragraph(
        "The frame is sound, but the bearings are worn out and the 6th and 7th are now hard to ring - too hard for "
        "our younger learners. The bellhangers Whitcombe & Lund have inspected the tower and quoted for the work.")
    doc.add_heading("What the work costs", 2)
    _table(doc, [
        ["Work", "Cost (GBP)"],
        ["Rehang all eight bells on new ball-bearings", "21,400"],
        ["New headstocks for the 6th and 7th", "9,800"],
        ["Refurbish all eight clappers", "4,600"],
        ["Clean and paint the frame", "5,200"],
        ["New ropes and sallies (set of eight)", "3,600"],
        ["Bellhangers' quote", "44,600"],
        ["Contingency", "3,400"],
        ["Appeal target", "48,000"],
    ])
    doc.add_paragraph("")
    doc.add_paragraph("Raised so far: 6,800 (tower funds 2,000; parochial church council 3,000; donations 1,800).")
    doc.add_heading("How you can help", 2)
    for line in [
        "Give online or by cheque to 'All Saints Heworth Moor PCC - Bells' (Gift Aid forms from the tower secretary).",
        "Sponsor a quarter peal: the ringers will ring sponsored quarters through the year.",
        "Come to the tower open day, Saturday 12 September 2026, 10:00-16:00 (Heritage Open Days).",
    ]:
        doc.add_paragraph(line, style="List Bullet")
    doc.add_paragraph("If the target is reached by March 2027, the work can be done in June 2027, when the bells "
                      "would be silent for about six weeks.")
    doc.add_paragraph("Contact: Declan Farrelly, tower secretary. Tower captain: Ruth Denholm. "
                      "Steeple keeper: Bernard Ogilvie.")
    _docx_out(doc, "bells/Bell restoration appeal 2026.docx", "Bells Restoration Appeal 2026",
              "All Saints Heworth Moor ringers", "2026-03-02")


def main() -> None:
    calder_quote_pdf()
    review_minutes_pdf()
    howardian_results_pdf()
    calder_revised_docx()
    lessons_docx()
    annual_review_docx()
    appeal_docx()
    print("wrote 3 PDF and 4 DOCX notes under", NOTES)


if __name__ == "__main__":
    main()
