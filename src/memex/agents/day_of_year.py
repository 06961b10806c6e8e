"""How notes write a day of the year and how questions ask for a birthday, in the seven languages.

Shared by agents/unstated.py (a birthday asked, no day of the year given) and agents/value_forms.py (another
person's birthday).
"""
from __future__ import annotations

import re

MONTHS = {"jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4, "may": 5,
          "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9,
          "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
          "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7, "agosto": 8,
          "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12}
MONTHS.update({name: i for names in (
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",  # fr
    "januar februar märz april mai juni juli august september oktober november dezember",  # de
    "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",  # it
    "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",  # pt
    "januari februari maart april mei juni juli augustus september oktober november december",  # nl
) for i, name in enumerate(names.split(), start=1)})
"""Month names, abbreviated in English only: "mar", "dez" are words elsewhere."""

BIRTHDAY = re.compile(r"(?i)\b(?:birthday|birthdays|cumpleaños|anniversaire|geburtstag|compleanno|verjaardag|"
                      r"aniversário)\b")
DAY_OF_YEAR = re.compile(
    r"(?i)\b\d{1,2}(?:st|nd|rd|th|er|º|°|\.)?\s*(?:of\s+|de\s+)?(?:" + "|".join(sorted(MONTHS, key=len, reverse=True))
    + r")\b|\b(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?\s+\d{1,2}(?:st|nd|rd|th)?\b|"
    r"\bthe\s+\d{1,2}(?:st|nd|rd|th)\b|\b\d{1,2}(?:st|nd|rd|th)\b|\b\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?\b")


WHEN = re.compile(r"(?i)\b(?:when|what date|which date|what day|which day|cu[aá]ndo|qu[eé] d[ií]a|quand|quel jour|"
                  r"quelle (?:est la )?date|wann|an welchem tag|welches datum|quando|que dia|qual (?:é |e )?a data|"
                  r"che giorno|quale giorno|wanneer|welke dag|welke datum)\b")
