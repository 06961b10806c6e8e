#!/usr/bin/env python3
"""Write the vault's binary notes: two DOCX (kitchen quotes, the choir's AGM minutes) and two PDF letters.

Needs python-docx for the DOCX; the PDFs are written by hand (one page, Helvetica, WinAnsi), the same small
writer as the German vault's tools/make_binaries.py, so no PDF library is required.
Run from anywhere: python tools/make_binaries.py
"""
from __future__ import annotations

import datetime as dt
import importlib.util
from pathlib import Path

NOTES = Path(__file__).resolve().parent.parent / "notes"
_spec = importlib.util.spec_from_file_location(
    "imkerin_binaries", Path(__file__).resolve().parents[2] / "imkerin-vault-de" / "tools" / "make_binaries.py")
_imkerin = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_imkerin)
write_pdf = _imkerin.write_pdf  # the German vault's one-page letter writer


def _table(d, header: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
    t = d.add_table(rows=1, cols=len(header))
    t.style = "Table Grid"
    for cell, text in zip(t.rows[0].cells, header, strict=True):
        cell.text = text
    for row in rows:
        for cell, text in zip(t.add_row().cells, row, strict=True):
            cell.text = text


def kitchen_docx(path: Path) -> None:
    """Three quotes for the new kitchen, compared in May 2026."""
    import docx

    d = docx.Document()
    d.add_heading("Orçamentos para a cozinha nova", level=1)
    d.add_paragraph("Comparação feita pela Teresa a 28 de maio de 2026, com os três orçamentos pedidos. "
                    "Cozinha de 9 m², móveis em L, bancada, eletrodomésticos de encastrar (placa, forno, exaustor).")
    _table(d, ("Empresa", "Contacto", "Preço (IVA incl.)", "Prazo", "Garantia"), [
        ("Cozinhas Lima", "Eng.ª Paula Lima", "8.950,00 €", "3 semanas", "5 anos"),
        ("Móveis Ferreira & Filhos (Paredes)", "Sr. Manuel Ferreira", "7.480,00 €", "8 dias úteis", "3 anos"),
        ("Loja sueca + montador independente", "Sr. Jorge (montador)", "6.120,00 €", "não garante data", "só a dos móveis"),
    ])
    d.add_paragraph("Cozinhas Lima inclui a remoção do entulho; os outros cobram à parte (cerca de 150 €).")
    d.add_paragraph("O montador da loja sueca só tinha vaga em novembro e não faz a parte elétrica.")
    d.add_paragraph("Voto do Rui: Ferreira & Filhos. O meu também. Decidimos a 2 de junho.")
    d.core_properties.author = "Teresa Pinto Valente"
    d.core_properties.title = "Orçamentos cozinha"
    d.core_properties.created = dt.datetime(2026, 5, 28, 22, 10)
    d.core_properties.modified = dt.datetime(2026, 6, 2, 21, 40)
    d.save(str(path))


def choir_docx(path: Path) -> None:
    """The minutes of the choir's general assembly of 7 February 2026."""
    import docx

    d = docx.Document()
    d.add_heading("Ata n.º 31 — Assembleia Geral Ordinária", level=1)
    d.add_paragraph("Coro Amigos do Bonfim — sábado, 7 de fevereiro de 2026, 15h00, salão paroquial do Bonfim.")
    d.add_paragraph("Presentes: 27 dos 34 sócios. Mesa: Fernando Alves (presidente cessante), Henrique Sá (tesoureiro), "
                    "Teresa Pinto Valente (secretária da mesa).")
    d.add_heading("Ponto 1 — Relatório e contas de 2025", level=2)
    d.add_paragraph("Saldo em 31/12/2025: 2.874,15 €. Receitas de concertos: 1.950 €; donativos do Concerto de Natal "
                    "entregues à Conferência Vicentina. Contas aprovadas por unanimidade.")
    d.add_heading("Ponto 2 — Eleição dos órgãos sociais", level=2)
    _table(d, ("Cargo", "Eleito(a)", "Votação"), [
        ("Presidente", "Margarida Lobo", "24 a favor, 3 abstenções"),
        ("Tesoureiro", "Henrique Sá", "unanimidade (reeleito)"),
        ("Secretária", "Rosa Quintela", "unanimidade"),
    ])
    d.add_paragraph("O Fernando Alves não se recandidatou após 9 anos; foi aprovado um voto de louvor.")
    d.add_heading("Ponto 3 — Quotas e ensaios", level=2)
    d.add_paragraph("A quota mensal passa de 5 € para 7,50 € a partir de março de 2026 (aprovado com 2 votos contra). "
                    "Os ensaios passam das terças às 21h para as quintas-feiras às 21h15, a partir de 5 de março, "
                    "no salão da junta de freguesia (Rua de Barros Lima), cedido pela junta.")
    d.add_heading("Ponto 4 — Diversos", level=2)
    d.add_paragraph("Encontro de coros em Braga a 10 de outubro. A maestrina Joana Ferraz propõe repertório de "
                    "José Afonso para o 25 de Abril.")
    d.add_paragraph("A secretária da mesa, Teresa Pinto Valente.")
    d.core_properties.author = "Teresa Pinto Valente"
    d.core_properties.title = "Ata AG coro 2026"
    d.core_properties.created = dt.datetime(2026, 2, 8, 11, 0)
    d.core_properties.modified = dt.datetime(2026, 2, 8, 11, 0)
    d.save(str(path))


BANK_LINES = [
    "Banco Atlântico Norte, S.A. - Direção de Crédito à Habitação",
    "Avenida dos Aliados, 40 - 4000-064 Porto",
    "",
    "Exma. Senhora Teresa Pinto Valente",
    "Exmo. Senhor Rui Amaral",
    "Rua das Camélias do Bonfim, 118",
    "4300-100 Porto",
    "",
    "Porto, 20 de fevereiro de 2026",
    "",
    "Assunto: Revisão da taxa de juro - contrato de crédito à habitação n.º 0114-77-****",
    "",
    "Exmos. Senhores,",
    "",
    "Informamos que, nos termos do contrato, a taxa de juro do vosso empréstimo foi revista com base na",
    "Euribor a 6 meses (1,84 %), acrescida do spread contratual de 1,25 %, resultando numa taxa anual",
    "nominal de 3,09 %.",
    "",
    "A prestação mensal passa de 655,18 EUR para 598,77 EUR, com efeitos a partir de 15/03/2026.",
    "Capital em dívida à data da revisão: 66.980,51 EUR. Prazo remanescente: 182 meses.",
    "",
    "O débito continuará a ser feito na conta à ordem habitual, no dia 15 de cada mês.",
    "A próxima revisão da taxa ocorrerá em setembro de 2026.",
    "",
    "O Banco nunca lhe pedirá códigos ou dados de acesso por e-mail, SMS ou telefone.",
    "",
    "Com os melhores cumprimentos,",
    "Direção de Crédito à Habitação",
]

USF_LINES = [
    "Unidade de Saúde Familiar Bonfim",
    "ACeS Porto Oriental - Rua do Bonfim, 12 - 4300-000 Porto",
    "",
    "Exma. Senhora Teresa Pinto Valente",
    "Utente n.º (ver cartão de cidadão)",
    "",
    "Porto, 12 de maio de 2026",
    "",
    "Assunto: Alteração de médico de família",
    "",
    "Exma. Senhora,",
    "",
    "Informamos que, por mobilidade da Dra. Helena Costa para a USF de Matosinhos, a partir de 1 de junho",
    "de 2026 o seu médico de família passa a ser o Dr. Nuno Barros. A enfermeira de família mantém-se:",
    "Enf.ª Cristina Lemos.",
    "",
    "As consultas já marcadas com a Dra. Helena Costa depois de 1 de junho serão remarcadas pelo",
    "secretariado clínico. As receitas de medicação crónica continuam válidas até à data indicada.",
    "",
    "Horário de marcações por telefone: dias úteis, das 8h às 10h (22 000 6180).",
    "Consulta aberta (doença aguda): dias úteis, das 14h às 19h.",
    "",
    "Com os melhores cumprimentos,",
    "A Coordenadora da USF Bonfim",
]


if __name__ == "__main__":
    kitchen_docx(NOTES / "casa" / "Orçamentos cozinha.docx")
    choir_docx(NOTES / "coro" / "Ata assembleia geral coro 2026.docx")
    write_pdf(NOTES / "dinheiro" / "Carta banco revisão prestação 2026.pdf", BANK_LINES,
              "Revisao da prestacao 2026", "Banco Atlantico Norte", "20260220093000")
    write_pdf(NOTES / "saude" / "Carta USF médico de família.pdf", USF_LINES,
              "Alteracao de medico de familia", "USF Bonfim", "20260512110000")
    print("wrote 2 DOCX + 2 PDF")
