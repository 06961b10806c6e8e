"""Pasted messages (agents/message.py): a question asking what one said, and the envelope lines that don't answer
it — in each of the notes' languages."""
from __future__ import annotations

from pathlib import Path

from small_vault import indexed_home

from memex.agents.message import asks_what_said, envelope, opens_message
from memex.app import Brain


def test_questions_asking_what_a_message_said() -> None:
    for q in ("What did the residence's email of 9 June say?", "Que disait le mail de la résidence du 9 juin ?",
              "¿Qué decía el correo de Harinas del Ebro?", "Was stand in der Mail vom Vermieter?",
              "Cosa diceva il messaggio della banca?", "O que dizia a mensagem do senhorio?",
              "Wat stond er in de brief van de gemeente?", "What did the fake email claim had happened?"):
        assert asks_what_said(q), q
    for q in ("When is the spring work party?", "Who sent the letter about the roof?", "What did I pay the builder?"):
        assert not asks_what_said(q), q


def test_envelope_lines() -> None:
    for line in ("De : Les Tilleuls — Direction <direction@example.org>", "**From:** Jamie Roebuck", "Objet : Report",
                 "Betreff: Miete 2027", "Madame Vasseur,", "Hi Declan,", "Bien cordialement, Hélène Perrin, directrice",
                 "Cheers, Jamie", "Un saludo, Javier", "Mit freundlichen Grüßen", "Met vriendelijke groet,"):
        assert envelope(line), line
    for line in ("Nous vous proposons une entrée le samedi 4 juillet 2026.",
                 "Hi all, spring work party is Saturday 14 March, 10am to 1pm, bring gloves and a flask please.",
                 "The BUS voucher expires 10 March, so I'll apply for the extension on Monday."):
        assert not envelope(line), line
    assert opens_message(["**De :** Banque Rhône", "Madame,"]) and opens_message(["Dear driver, your payments …"])
    assert not opens_message(["Date: 3 March", "Bin day moves to Tuesday."])


def test_what_a_pasted_mail_said_is_answered_by_its_body(tmp_path: Path) -> None:
    home = indexed_home(tmp_path, {"mail.md": """# Mail de la résidence — 9 juin (copié)

> **De :** Les Tilleuls — Direction <direction@tilleuls.example>
> **Objet :** Report de votre entrée
>
> Madame Vasseur,
>
> Suite à un dégât des eaux, le logement ne sera pas prêt pour le 20 juin. Nous vous proposons une entrée le samedi 4 juillet 2026.
>
> Bien cordialement,
> Hélène Perrin, directrice
"""})
    with Brain.open(home) as brain:
        answer = brain.ask("Que disait le mail de la résidence du 9 juin ?")
    assert "4 juillet" in answer.answer and "Madame Vasseur" not in answer.answer
