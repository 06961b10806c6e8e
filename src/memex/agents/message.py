"""Messages pasted into notes: how one opens and closes, and a question that asks what one said.

An e-mail or letter pasted into a note has an envelope — header lines ("From:", "Objet :", "Betreff:"), a
salutation ("Madame Vasseur,", "Hi Declan,") and a sign-off ("Bien cordialement, Hélène Perrin") — around what it
says. Every line of such a note reads close in meaning to "What did the residence's e-mail of 9 June say?", so
the envelope must not answer it: its body does ("We propose moving in on Saturday 4 July"). Word tables per
language (en/es/fr/de/it/pt/nl), like agents/withheld.py.
"""
from __future__ import annotations

import re

HEADER = re.compile(r"^\W{0,4}(?:from|sender|to|cc|subject|date|sent|de|remitente|para|asunto|fecha|enviado|objet|"
                    r"à|expéditeur|envoyé|von|absender|an|betreff|datum|gesendet|da|mittente|a|oggetto|data|"
                    r"inviato|assunto|remetente|enviada|van|afzender|aan|onderwerp|verzonden)\W{0,4}\s?:", re.I)
"""An e-mail header line, in any of the languages."""
SENDER = re.compile(r"^\W{0,4}(?:from|sender|subject|de|remitente|asunto|objet|expéditeur|von|absender|betreff|da|"
                    r"mittente|oggetto|assunto|remetente|van|afzender|onderwerp)\W{0,4}\s?:", re.I)
"""A header line that only a message has ("From:", "Objet :"); "Date:" and "To:" head other notes' lines too."""
SALUTATION = re.compile(r"^\W{0,4}(?:dear|hi|hello|greetings|estimad[oa]s?|querid[oa]s?|hola|buen[oa]s (?:días|"
                        r"tardes)|bonjour|madame|monsieur|cher|chère|sehr geehrte[rs]?|liebe[rs]?|hallo|gentile|"
                        r"egregi[oa]|ciao|prezad[oa]s?|olá|caro|cara|beste|geachte)\b", re.I)
SIGN_OFF = re.compile(r"^\W{0,4}(?:(?:kind |best |warm )?regards|best(?: wishes)?|cheers|thanks(?: all)?|"
                      r"thank you|yours(?: sincerely| faithfully| truly)?|sincerely|(?:bien )?cordialement|"
                      r"bien à (?:vous|toi)|(?:un )?saludos?|atentamente|un abrazo|mit freundlichen grü(?:ß|ss)en|"
                      r"(?:viele|liebe|beste|herzliche) grü(?:ß|ss)e|grü(?:ß|ss)e|(?:cordiali|distinti) saluti|saluti|"
                      r"atenciosamente|cumprimentos|abraços|met vriendelijke groet(?:en)?|(?:hartelijke )?groet(?:en)?)"
                      r"\b", re.I)
FORWARDED = re.compile(r"forwarded message|begin forwarded|mensaje reenviado|message transféré|"
                       r"weitergeleitete nachricht|messaggio inoltrato|mensagem encaminhada|doorgestuurd bericht", re.I)
ENVELOPE_WORDS = 8
"""A salutation or sign-off is a short line; a longer one says something ("Hi all, the party is on the 14th")."""

MESSAGE = re.compile(r"(?<!\w)(?:e-?mails?|mails?|messages?|letters?|texts?|sms|whatsapp|correos?|mensajes?|cartas?|"
                      r"courriels?|lettres?|nachrichten?|briefe?|messaggi|messaggio|lettera|lettere|mensage(?:m|ns)|"
                      r"berichten?|brieven)(?!\w)", re.I)
_SAID = re.compile(r"(?<!\w)(?:say|says|said|tell|tells|told|write|wrote|written|ask|asks|asked|claim|claims|claimed|"
                   r"dec[ií]a|dice|dijo|pon[ií]a|pone|contaba|disait|dit|racontait|demandait|sagte|sagt|schrieb|"
                   r"stand|steht|diceva|dice|scriveva|chiedeva|dizia|diz|disse|pedia|zei|zegt|stond|schreef|vroeg)"
                   r"(?!\w)", re.I)


def asks_what_said(question: str) -> bool:
    """Does the question ask what a message said ("What did the e-mail say?", "Que disait le mail du 9 juin ?")?"""
    return bool(MESSAGE.search(question)) and bool(_SAID.search(question))


def envelope(text: str) -> bool:
    """Is this line a message's envelope — a header, a short salutation or sign-off — rather than what it says?"""
    line = text.strip()
    if HEADER.match(line) or FORWARDED.search(line):
        return True
    short = len(line.split()) <= ENVELOPE_WORDS
    return short and bool(SALUTATION.match(line) or SIGN_OFF.match(line))


def opens_message(lines: list[str]) -> bool:
    """Does a paragraph open like a pasted message: a sender or subject header, a forwarded-message line, or a
    salutation?"""
    return any(SENDER.match(x) or FORWARDED.search(x) for x in lines) or bool(lines and SALUTATION.match(lines[0]))
