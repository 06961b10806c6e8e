"""Generate the binary notes (2 DOCX, 2 PDF) of the trattoria vault deterministically.

Run: /work/main/.venv/bin/python bench/data/trattoria-vault-it/tools/make_binaries.py
The PDF writer is the one of imkerin-vault-de.
"""
from __future__ import annotations

import datetime as dt
import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
NOTES = HERE.parent / "notes"
sys.path.insert(0, str(HERE.parent.parent / "imkerin-vault-de" / "tools"))
from make_binaries import write_pdf  # noqa: E402

FIXED = (2026, 1, 1, 0, 0, 0)


def _freeze_zip(path: Path) -> None:
    """Rewrite the DOCX zip with fixed timestamps so reruns are byte-identical."""
    with zipfile.ZipFile(path) as z:
        items = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in items:
            info = zipfile.ZipInfo(name, FIXED)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)


def _core(d, title: str, when: dt.datetime) -> None:
    d.core_properties.author = "Giulia Ferraresi"
    d.core_properties.title = title
    d.core_properties.created = when
    d.core_properties.modified = when
    d.core_properties.last_modified_by = "Giulia Ferraresi"
    d.core_properties.revision = 1


def make_verbale(path: Path) -> None:
    import docx
    d = docx.Document()
    d.add_heading("Riunione staff — giovedì 26 febbraio 2026", level=1)
    d.add_paragraph("Presenti: Giulia, Marco Z., Davide (il Moro), Nunzia. Sara assente giustificata.")
    d.add_heading("Decisioni", level=2)
    d.add_paragraph(
        "1. Giorno di chiusura: dal 2 marzo la trattoria resta aperta il lunedì e chiude il martedì. "
        "Il Moro contrario (il lunedì ha Leo), poi d'accordo se gli lasciamo libero il mercoledì a pranzo.")
    d.add_paragraph(
        "2. La riunione settimanale non si fa più il mercoledì alle 15:00: dalla prossima settimana "
        "si fa il giovedì alle 15:30, dopo la consegna del pesce.")
    d.add_paragraph(
        "3. Lavastoviglie: per ora teniamo quella riparata da Walter. Se si rompe ancora, si valuta.")
    d.add_paragraph("4. Turni di Pasqua: tutti presenti a pranzo, la sera chiuso.")
    d.add_heading("Turni settimanali da marzo", level=2)
    t = d.add_table(rows=1, cols=3)
    t.rows[0].cells[0].text, t.rows[0].cells[1].text, t.rows[0].cells[2].text = "Persona", "Giorni", "Riposo"
    for row in [("Marco Z.", "lun-dom tranne mar", "martedì + domenica sera"),
                ("il Moro", "lun-dom tranne mar", "martedì + mercoledì pranzo"),
                ("Nunzia", "lun-sab", "martedì + domenica"),
                ("Sara", "ven sera, sab, dom", "—")]:
        cells = t.add_row().cells
        for i, v in enumerate(row):
            cells[i].text = v
    d.add_paragraph("Prossima riunione: giovedì 5 marzo ore 15:30.")
    _core(d, "Verbale riunione staff 26 febbraio 2026", dt.datetime(2026, 2, 26, 16, 40))
    d.save(path)
    _freeze_zip(path)


def make_menu(path: Path) -> None:
    import docx
    d = docx.Document()
    d.add_heading("Trattoria da Nives — Menù d'autunno 2026", level=1)
    d.add_paragraph("In vigore dal 15 settembre 2026. Via del Pratello 9, Bologna.")
    d.add_heading("Primi", level=2)
    for line in ["Tortellini in brodo di cappone — 15,50 €",
                 "Tagliatelle al ragù — 12,50 €",
                 "Passatelli asciutti con zucca e balsamico — 12,50 €",
                 "Gramigna alla salsiccia — 12,00 €",
                 "Cappellacci di zucca al burro e salvia (ricetta di Marco) — 13,00 €"]:
        d.add_paragraph(line, style="List Bullet")
    d.add_heading("Secondi", level=2)
    for line in ["Bollito misto con salsa verde — 17,00 €",
                 "Cotoletta alla petroniana — 18,00 €",
                 "Friggione con salsiccia — 13,50 €"]:
        d.add_paragraph(line, style="List Bullet")
    d.add_paragraph("Pranzo di lavoro (primo del giorno, acqua e caffè), dal lunedì al venerdì: 14,00 €")
    d.add_paragraph("Coperto 2,50 €. Chiuso il martedì. Cena dalle 19:30.")
    _core(d, "Menù autunno 2026", dt.datetime(2026, 9, 10, 22, 15))
    d.save(path)
    _freeze_zip(path)


AFFITTO = [
    "Renzo Gamberini",
    "Via del Pratello 9 - 40122 Bologna",
    "",
    "Bologna, 10 marzo 2026",
    "",
    "Spett.le Trattoria da Nives di Ferraresi Giulia",
    "Via del Pratello 9 - Bologna",
    "",
    "Raccomandata A/R",
    "",
    "Oggetto: aggiornamento del canone di locazione del locale commerciale",
    "",
    "Gentile signora Ferraresi,",
    "come previsto dall'art. 5 del contratto di locazione, e tenuto conto della variazione",
    "dell'indice ISTAT e dei lavori al tetto eseguiti nel 2025, Le comunico che a partire",
    "dal 1 aprile 2026 il canone mensile passera' da 2.400,00 euro a 2.550,00 euro,",
    "spese condominiali escluse.",
    "Restano invariati la modalita' di pagamento (bonifico entro il giorno 5 del mese)",
    "e il conto corrente di accredito.",
    "",
    "Resto a disposizione per un chiarimento, abito al piano di sopra.",
    "",
    "Cordiali saluti",
    "Renzo Gamberini",
]

PREVENTIVO = [
    "FRIGOTECNICA EMILIANA S.r.l.",
    "Via del Lavoro 14 - 40013 Castel Maggiore (BO) - tel. 051 731 5520",
    "",
    "Preventivo n. 2026/118 del 7 aprile 2026",
    "Cliente: Trattoria da Nives - via del Pratello 9, Bologna",
    "Riferimento tecnico: Walter Baldini",
    "",
    "1 x Lavastoviglie a capotta Winterhalter PT-M, cesto 50x50, ciclo 90 sec.   3.980,00",
    "1 x Addolcitore integrato                                                   290,00",
    "Installazione, collaudo e ritiro della macchina usata                    180,00",
    "Sconto cliente                                                             -200,00",
    "",
    "Totale imponibile: 4.250,00 euro + IVA 22%",
    "Totale IVA inclusa: 5.185,00 euro",
    "",
    "Consegna: 8-10 settimane dall'ordine. Garanzia 24 mesi.",
    "Pagamento: 30% all'ordine, saldo alla consegna.",
    "Validita' dell'offerta: 30 giorni.",
]


if __name__ == "__main__":
    make_verbale(NOTES / "trattoria" / "Verbale riunione 26 febbraio.docx")
    make_menu(NOTES / "trattoria" / "Menu autunno 2026.docx")
    write_pdf(NOTES / "soldi" / "Lettera Gamberini aumento affitto.pdf", AFFITTO,
              "Aggiornamento canone", "Renzo Gamberini", "20260310091500")
    write_pdf(NOTES / "trattoria" / "Preventivo lavastoviglie Frigotecnica.pdf", PREVENTIVO,
              "Preventivo 2026/118", "Frigotecnica Emiliana", "20260407113000")
    print("wrote 2 DOCX and 2 PDF")
