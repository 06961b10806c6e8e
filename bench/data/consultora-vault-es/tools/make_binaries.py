"""Write the vault's binary notes (PDF and DOCX) from the text below.

Usage:  python tools/make_binaries.py     (needs python-docx; PDFs are written by the small writer in
bench/data/vault_binaries.py, standard library only; paths are relative to this file)

The generated files are committed; run this only to change them. PDFs use the built-in Helvetica with
WinAnsiEncoding, so their text stays within cp1252 (tildes, ñ and the euro sign are fine). Document
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


def alboraya_pdf() -> None:
    t = [
        ("Ajuntament d'Alboraya / Ayuntamiento de Alboraya", 14),
        ("Plaza del Ayuntamiento 1, 46120 Alboraya (Valencia)", 9),
        ("", 9),
        ("Notificación de adjudicación - Contrato menor de servicios", 13),
        ("Expediente 2026/0412    Decreto de Alcaldía n.º 2026-0871 de 8 de abril de 2026", 10),
        ("", 10),
        ("Adjudicataria: Lucía Ferrer Blasco (Ferrer Consultoría TIC), València", 10),
        ("Objeto: Auditoría de adecuación al Esquema Nacional de Seguridad (RD 311/2022), categoría MEDIA,", 10),
        ("de los sistemas de información municipales.", 10),
        ("", 10),
        ("  Importe de adjudicación (base)                    14.900,00 EUR", 10),
        ("  IVA 21 %                                           3.129,00 EUR", 10),
        ("  Importe total                                     18.029,00 EUR", 11),
        ("", 10),
        ("Plazo de ejecución: cinco meses desde la firma. Entrega del informe final: 30/09/2026.", 10),
        ("Responsable del contrato: Rosa Climent Soler, Técnica de Informática.", 10),
        ("Requisito: póliza de responsabilidad civil profesional con cobertura mínima de 1.500.000 EUR.", 10),
        ("Forma de pago: a la entrega del informe, previa conformidad de la factura en FACe.", 10),
        ("Código DIR3 de la unidad tramitadora: L01460137.", 10),
        ("", 10),
        ("La Secretaria General, por delegación.", 10),
    ]
    _pdf("clientes/Adjudicación Alboraya.pdf", t, "Adjudicación contrato menor 2026/0412",
         "Ayuntamiento de Alboraya", "2026-04-08")


def factura_pdf() -> None:
    t = [
        ("Ferrer Consultoría TIC - Lucía Ferrer Blasco", 14),
        ("NIF 24398765K    Calle Cádiz, 46006 València    facturas@ferrerconsultoria.example", 9),
        ("", 9),
        ("FACTURA N.º 2026-052", 13),
        ("Fecha: 31/10/2026    Vencimiento: 15/12/2026 (45 días)", 10),
        ("", 10),
        ("Cliente: Grupo Albufera Logística S.L., CIF B46123987", 10),
        ("Polígono Industrial, Silla (Valencia) - Att.: Administración (Begoña Sáez)", 10),
        ("", 10),
        ("Concepto: Proyecto Marjal - cierre fase 1 y soporte posterior al go-live, octubre 2026", 11),
        ("  12 jornadas x 680,00 EUR                           8.160,00 EUR", 10),
        ("  Base imponible                                     8.160,00 EUR", 10),
        ("  IVA 21 %                                           1.713,60 EUR", 10),
        ("  Retención IRPF 15 %                               -1.224,00 EUR", 10),
        ("  TOTAL A PAGAR                                      8.649,60 EUR", 11),
        ("", 10),
        ("Forma de pago: transferencia a la cuenta indicada en el contrato marco.", 10),
        ("Factura emitida con FacturaScripts - registro Verifactu.", 9),
    ]
    _pdf("facturas/Factura 2026-052 Albufera.pdf", t, "Factura 2026-052", "Lucía Ferrer Blasco", "2026-10-31")


def bodegas_docx() -> None:
    doc = _doc()
    doc.add_heading("Ferrer Consultoría TIC – Propuesta de implantación de Odoo", 1)
    doc.add_paragraph("València, 28 de noviembre de 2025")
    doc.add_paragraph("Para: Bodegas Requena Altas S.L., Dña. Amparo Sanchis, gerente. Requena (Valencia).")
    doc.add_paragraph("Alcance: Odoo 17 Community autoalojado con módulos OCA: compras, ventas, inventario con "
                      "lotes por depósito y embotellado, contabilidad española y modelos AEAT. El TPV de la tienda "
                      "y la tienda online quedan fuera de esta fase.")
    _table(doc, [
        ["Partida", "Descripción", "Importe (sin IVA)"],
        ["1", "Análisis, configuración y parametrización", "4.800,00 €"],
        ["2", "Migración de datos (clientes, artículos, existencias)", "2.600,00 €"],
        ["3", "Módulo de trazabilidad depósito → botella (desarrollo a medida)", "3.900,00 €"],
        ["4", "Contabilidad española, SII/modelos y exportación a la asesoría", "2.900,00 €"],
        ["5", "Formación (12 horas, en la bodega)", "1.400,00 €"],
        ["6", "Puesta en marcha y soporte 2 meses", "2.800,00 €"],
        ["", "Total", "18.400,00 €"],
    ])
    doc.add_paragraph("Alojamiento: servidor dedicado virtual (Hetzner) 35 €/mes, facturado aparte.")
    doc.add_paragraph("Forma de pago: 30 % a la firma, 30 % a la entrega del entorno de pruebas, 40 % al arranque.")
    doc.add_paragraph("Validez de la propuesta: 30 días. Arranque objetivo: antes de la vendimia de 2026.")
    doc.add_paragraph("Lucía Ferrer Blasco – consultora TIC")
    _docx_out(doc, "clientes/Propuesta Odoo Bodegas.docx", "Propuesta Odoo Bodegas Requena Altas",
              "Lucía Ferrer Blasco", "2025-11-28")


def naranjo_docx() -> None:
    doc = _doc()
    doc.add_heading("Adenda n.º 1 al contrato de prestación de servicios", 1)
    doc.add_paragraph("Entre Naranjo Labs S.L., representada por D. Javier Moreno Sánchez (CEO), y Dña. Lucía "
                      "Ferrer Blasco (Ferrer Consultoría TIC), en relación con el contrato de 1 de octubre de 2025.")
    doc.add_heading("Primera – Dedicación", 2)
    doc.add_paragraph("A partir del 1 de septiembre de 2026 la dedicación pasa a ser de un día por semana (martes), "
                      "en lugar de los dos días por semana (martes y jueves) pactados en el contrato original.")
    doc.add_heading("Segunda – Honorarios", 2)
    doc.add_paragraph("Los honorarios mensuales quedan fijados en 1.500,00 € más IVA (antes 2.800,00 € más IVA).")
    doc.add_heading("Tercera – Funciones", 2)
    doc.add_paragraph("La consultora asesora a la nueva CTO, Dña. Elena Ruiz, en arquitectura y seguridad, y deja "
                      "de coordinar las guardias del equipo.")
    doc.add_heading("Cuarta – Viajes y vigencia", 2)
    doc.add_paragraph("Un viaje a Madrid cada dos meses a cargo de Naranjo Labs. Vigencia hasta el 31 de marzo de "
                      "2027, con preaviso de 30 días para cualquiera de las partes.")
    doc.add_paragraph("Madrid, a 20 de julio de 2026")
    doc.add_paragraph("Javier Moreno Sánchez                                   Lucía Ferrer Blasco")
    _docx_out(doc, "clientes/Adenda contrato Naranjo.docx", "Adenda 1 contrato Naranjo Labs", "Javier Moreno",
              "2026-07-20")


if __name__ == "__main__":
    alboraya_pdf()
    factura_pdf()
    bodegas_docx()
    naranjo_docx()
