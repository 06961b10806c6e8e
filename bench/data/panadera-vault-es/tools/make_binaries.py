"""Write the Spanish vault's binary notes (2 PDF, 1 DOCX) from the text below.

Usage:  python tools/make_binaries.py     (needs python-docx and fpdf2; paths are relative to this file)

The generated files are committed; run this only to change them. PDFs use the built-in Helvetica, whose
Latin-1 covers Spanish accents but not the euro sign, so the PDFs write "EUR" as a printed invoice might.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from docx import Document
from docx.shared import Pt
from fpdf import FPDF

NOTES = Path(__file__).resolve().parent.parent / "notes"


def _when(day: str) -> dt.datetime:
    return dt.datetime.fromisoformat(day + "T10:00:00").replace(tzinfo=dt.timezone.utc)


class Pdf(FPDF):
    def __init__(self, footer_text: str) -> None:
        super().__init__(format="A4")
        self.footer_text = footer_text
        self.set_auto_page_break(True, margin=18)
        self.set_margins(18, 16, 18)

    def footer(self) -> None:
        self.set_y(-13)
        self.set_font("Helvetica", size=8)
        self.cell(0, 5, f"{self.footer_text}  -  página {self.page_no()}", align="C")

    def heading(self, text: str, size: int = 13) -> None:
        self.set_font("Helvetica", "B", size)
        self.multi_cell(0, 7, text)
        self.ln(1)

    def para(self, text: str, size: int = 10, style: str = "") -> None:
        self.set_font("Helvetica", style, size)
        self.multi_cell(0, 5.2, text)
        self.ln(1.5)

    def table(self, rows: list[list[str]], widths: list[float]) -> None:
        for i, row in enumerate(rows):
            self.set_font("Helvetica", "B" if i == 0 else "", 9)
            for text, w in zip(row, widths, strict=True):
                self.cell(w, 6, text, border=1)
            self.ln(6)
        self.ln(3)


def _pdf_out(pdf: Pdf, rel: str, title: str, author: str, day: str) -> None:
    pdf.set_title(title)
    pdf.set_author(author)
    pdf.set_lang("es")
    pdf.set_creation_date(_when(day))
    path = NOTES / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    pdf.output(str(path))


def oven_quote_pdf() -> None:
    pdf = Pdf("Hornos Moncayo, S.L. - Presupuesto 2026-0147")
    pdf.add_page()
    pdf.heading("HORNOS MONCAYO, S.L.", 16)
    pdf.para("Hornos para panadería y pastelería desde 1979. Polígono Las Vegas, Tarazona (Zaragoza).")
    pdf.heading("Presupuesto nº 2026-0147")
    pdf.para("Fecha: 28 de abril de 2026    Validez: 30 días\n"
             "Cliente: Panadería Montoya (Lorena Montoya Gil), c/ Unceta 58, 50010 Zaragoza\n"
             "Visita técnica: 16 de marzo de 2026 (técnico: Álvaro Muñoz)")
    pdf.table([
        ["Concepto", "Importe (EUR)"],
        ["Horno de pisos eléctrico HM-4/160: 4 pisos, boca 1,60 m, 36 kW", "19.900,00"],
        ["Generador de vapor integrado (los 4 pisos)", "1.650,00"],
        ["Cargador de lona (enfornador) de 1,60 m", "1.480,00"],
        ["Transporte, montaje y puesta en marcha", "1.270,00"],
        ["Formación en el obrador (1 jornada)", "500,00"],
        ["Base imponible", "24.800,00"],
        ["IVA 21 %", "5.208,00"],
        ["TOTAL", "30.008,00"],
    ], [130, 44])
    pdf.para("Forma de pago: 30 % de la base imponible a la aceptación (7.440,00 EUR + IVA); resto a la puesta "
             "en marcha.")
    pdf.para("Plazo: fabricación de 10 a 12 semanas desde la señal. Instalación prevista: martes 14 de julio "
             "de 2026.", style="B")
    pdf.heading("Condiciones", 11)
    pdf.para("1. La instalación eléctrica trifásica (400 V) hasta el cuadro del horno corre por cuenta del cliente.\n"
             "2. Campana extractora existente: a comprobar en el montaje. Si no es compatible, campana adaptada: "
             "1.550,00 EUR + IVA.\n"
             "3. Garantía: 2 años en piezas, 1 año en mano de obra.\n"
             "4. Mantenimiento anual recomendado: 240,00 EUR + IVA.\n"
             "5. Retirada del horno antiguo: incluida.")
    _pdf_out(pdf, "obrador/Presupuesto horno Hornos Moncayo.pdf", "Presupuesto 2026-0147", "Hornos Moncayo, S.L.",
             "2026-04-28")


def loan_offer_pdf() -> None:
    pdf = Pdf("Caja Ribera - Información precontractual")
    pdf.add_page()
    pdf.heading("CAJA RIBERA", 16)
    pdf.para("Oficina 0214 - Avenida de Madrid, Zaragoza")
    pdf.heading("Información precontractual - préstamo personal para autónomos")
    pdf.para("Fecha: 6 de mayo de 2026\nTitular: Lorena Montoya Gil (Panadería Montoya)\n"
             "Finalidad: adquisición de maquinaria (horno de pisos)")
    pdf.table([
        ["Condición", "Valor"],
        ["Importe", "20.000,00 EUR"],
        ["Plazo", "60 meses"],
        ["Tipo de interés nominal (TIN)", "5,20 % fijo"],
        ["TAE", "5,54 %"],
        ["Cuota mensual", "379,26 EUR"],
        ["Comisión de apertura", "0,50 % (100,00 EUR)"],
        ["Importe total adeudado", "22.855,60 EUR"],
    ], [100, 74])
    pdf.para("Esta oferta es válida durante 14 días naturales desde su fecha. Requiere domiciliar el TPV de la "
             "panadería en Caja Ribera.")
    _pdf_out(pdf, "dinero/Oferta préstamo Caja Ribera.pdf", "Información precontractual - préstamo",
             "Caja Ribera", "2026-05-06")


def price_list_docx() -> None:
    doc = Document()
    doc.styles["Normal"].font.name = "Calibri"
    doc.styles["Normal"].font.size = Pt(11)
    doc.add_heading("Panadería Montoya - Tarifa de precios 2026", 1)
    doc.add_paragraph("c/ Unceta 58, Delicias, Zaragoza. Desde 1962.")
    doc.add_paragraph("Nueva tarifa vigente desde el 1 de julio de 2026. Precios con IVA incluido.")
    rows = [
        ["Producto", "Hasta el 30-jun-2026", "Desde el 1-jul-2026"],
        ["Barra (250 g)", "1,10 €", "1,20 €"],
        ["Baguette", "1,30 €", "1,40 €"],
        ["Pan de hogaza 1 kg (masa madre)", "3,20 €", "3,20 €"],
        ["Pan de centeno 500 g", "2,60 €", "2,80 €"],
        ["Croissant de mantequilla", "1,30 €", "1,40 €"],
        ["Napolitana de chocolate", "1,50 €", "1,60 €"],
        ["Magdalenas de la abuela (media docena)", "3,60 €", "3,90 €"],
        ["Trenza de Almudévar (grande)", "14,50 €", "15,50 €"],
        ["Torta de aceite", "2,20 €", "2,40 €"],
    ]
    t = doc.add_table(rows=len(rows), cols=3)
    t.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            t.cell(r, c).text = text
    doc.add_paragraph("")
    doc.add_paragraph("Encargos con 48 horas de antelación. Tartas por encargo: consultar.")
    doc.add_paragraph("Pan para hostelería: barra a 0,95 € (mínimo 20 barras diarias, reparto incluido en Delicias).")
    doc.add_paragraph("El pan de hogaza mantiene su precio: lo hacemos con nuestra masa madre de siempre.")
    props = doc.core_properties
    props.title = "Tarifa de precios 2026"
    props.author = "Lorena Montoya"
    props.language = "es-ES"
    props.created = _when("2026-06-25")
    props.modified = _when("2026-06-25")
    path = NOTES / "tienda/Tarifa de precios 2026.docx"
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(str(path))


def main() -> None:
    oven_quote_pdf()
    loan_offer_pdf()
    price_list_docx()
    print("wrote 2 PDF and 1 DOCX notes under", NOTES)


if __name__ == "__main__":
    main()
