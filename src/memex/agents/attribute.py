"""Whether an answer supplies the attribute a question asks for, not only its subject.

"What size shoes does Kit wear?" asks for a *size*; "What mark did Tariq get in his licence assessment?" for a
*mark*; "What is the monthly price of a Sync Standard subscription?" for a *price*; "¿Qué nota sacó Hugo en
matemáticas?" for a *nota*. Notes that mention the subject but never state the attribute still offer statements
about it — "Shoes: pair 1 retired at ~420 km", "Needs 6 pieces of evidence; he has 3", "Sync Standard: 1 GB" —
which hold the question's words and often a number, so meaning, word overlap and the coarse answer kind
(agents/answer_type.py: "a quantity") do not tell them from the answer.

Three checks, each on what the quoted statements (with their subjects) give:

- **The value's form.** Some attributes take values of a recognisable form: a size is "UK 8", "EU 42", "XL",
  "16 px"; a mark is "72%", "17/20", "6-6", "a merit", "B+", "Predicted: 7"; a price an amount of money; a
  temperature "1240 °C"; a weight "26.9 kg"; a dose "10 mg"; a distance or height "18 km", "5'10";
  a speed "23.9 km/h"; a pressure "150/95", "1.5 bar"; a model a brand and a name or code ("Vaillant aroTHERM",
  "PUZ-WM85"); an IBAN "ES91 2100 0418 4502 0005 1332". The
  attribute is read from the noun phrase the question word opens (agents/focal.py, up to five words); a
  statement supplies it with a value of that form, or by naming the attribute and giving a figure ("Shoe size:
  9"). Attributes whose values have no such form ("What colour…", "What make…") are not checked: a bare value
  is how most right answers read ("Amlodipine 10 mg" for "What dose…"), and only the value's form vouches for it.
- **A rate by the period.** Money asked by the period ("monthly salary", "per week", "al mes") is supplied by an
  amount given by some period ("£12.25 an hour", "110 €/mes"), not by a one-off sum ("una paga extra de 300 €").
- **The label the notes give it.** Where the notes write the focal phrase's abbreviation as the label of figures
  ("FG 1.010" for "final gravity"), an answer that gives it carries the label or the phrase: "batch 14 came in a
  bit low (OG 1.049)" gives another gravity.

The words are English, Spanish, Portuguese, French, German, Italian and Dutch, and so is the focal phrase
(agents/focal.py); a German or Dutch compound names its class by its last part ("Schuhgröße").
"""
from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence

from memex.agents import withheld
from memex.language.fold import fold

_NUM = r"\d+(?:[.,]\d+)?"

_SIZE_UNITS = (r"px|pixels?|píxeles|pt|points?|em|rem|kb|mb|gb|tb|kib|mib|gib|bytes?|cm|mm|m²|m2|sq ?ft|square "
               r"(?:feet|metres|meters)|inch(?:es)?|in|\"|litres?|liters?|l|ml")
_MONEY_WORDS = ("price", "prices", "cost", "costs", "fee", "fees", "salary", "wage", "wages", "rent", "fare", "fares",
                "precio", "precios", "coste", "costo", "sueldo", "salario", "alquiler", "tarifa", "cuota",
                "preço", "custo", "salário", "aluguel", "renda", "prix", "coût", "salaire", "loyer", "tarif",
                "preis", "kosten", "gehalt", "miete", "gebühr", "prezzo", "stipendio", "affitto", "tariffa",
                "prijs", "salaris", "huur", "tarief")

CLASSES: dict[str, tuple[frozenset[str], re.Pattern[str] | None]] = {
    # What each kind of attribute is called, and the form its values take (None: money, read by answer_type).
    "size": (frozenset({"size", "sizes", "talla", "tallas", "tamaño", "tamanho", "taille", "größe", "grösse",
                        "taglia", "dimensione", "maat", "grootte"}),
             re.compile(rf"\b(?:UK|EU|EUR|US|UE)\s?{_NUM}\b|\b(?:XXS|XS|XL|XXL|XXXL)\b|"
                        rf"\b{_NUM}\s?(?:{_SIZE_UNITS})(?!\w)", re.I)),
    "mark": (frozenset({"mark", "marks", "grade", "grades", "nota", "notas", "calificación", "cijfer", "voto"}),
             re.compile(rf"{_NUM}\s?%|\b{_NUM}\s?/\s?\d+\b|\b\d\s?[-–]\s?\d\b|:\s*\d{{1,2}}(?:[.,]\d)?(?!\d)(?![.,]\d)\s*(?:[;,.)]|$)|"
                        rf"\b{_NUM}\s?(?:marks|points|pts|puntos|pontos|punkte|punti|punten)\b|"
                        rf"\b(?:got|gets|scored|achieved|sacó|saqué|sacaste|obtuvo|un|una)\s+(?:an?\s+)?{_NUM}(?![\d%])|(?<![\w-])[A-F][+*-]?(?![\w'’-])(?=\s*(?:grade|overall|$|[,.;)]))|"
                        r"\b(?:distinction|merit|first-class|upper second|lower second|2:1|2:2|sobresaliente|notable|"
                        r"aprobado|suficiente|insuficiente|suspenso|matrícula de honor|très bien|assez bien|"
                        r"sehr gut|befriedigend|ausreichend|ottimo|buono|sufficiente)\b", re.I)),
    "temperature": (frozenset({"temperature", "temperatures", "temp", "temperatura", "température", "temperatur",
                               "temperatuur"}),
                    re.compile(rf"°|\b{_NUM}\s?(?:degrees?|grados|graus|degrés|grad|gradi|graden|C|F)\b|\bcone\s?\d",
                               re.I)),
    "weight": (frozenset({"weight", "peso", "poids", "gewicht"}),
               re.compile(rf"\b{_NUM}\s?(?:kg|kgs|g|lb|lbs|st|stone|kilos?|gramos?|grams?|grammes?|gramm|ounces?|"
                          r"oz)\b", re.I)),
    "dose": (frozenset({"dose", "doses", "dosage", "dosis", "dosierung", "dosaggio", "dosering"}),
             re.compile(rf"\b{_NUM}\s?(?:mg|mcg|µg|ug|ml|iu|units?|tablets?|puffs?|drops?|comprimidos?|gotas)\b|"
                        r"\b(?:half|one|two|three|medio|media|un|una|dos|tres)\s+(?:a\s+)?(?:tablets?|pills?|puffs?|"
                        r"drops?|comprimidos?|pastillas?|gotas?)\b", re.I)),
    "distance": (frozenset({"distance", "height", "length", "width", "depth", "distancia", "altura", "longitud",
                            "anchura", "profundidad", "distância", "comprimento", "largura", "hauteur", "longueur",
                            "largeur", "entfernung", "höhe", "länge", "breite", "distanza", "altezza", "lunghezza",
                            "afstand", "hoogte", "lengte", "breedte"}),
                 re.compile(rf"\b{_NUM}\s?(?:km|kms|k|m|cm|mm|mi|miles?|metres?|meters?|kilometres?|kilometers?|"
                            r"ft|feet|foot|in|inch(?:es)?|yards?|yds?|metros?|kilómetros?|quilómetros?|mètres?)\b|"
                            r"\b\d+\s?['’]\s?\d+(?:\s?(?:\"|”|''))?", re.I)),
    "speed": (frozenset({"speed", "velocidad", "velocidade", "vitesse", "geschwindigkeit", "velocità", "snelheid"}),
              re.compile(rf"\b{_NUM}\s?(?:km/h|kph|mph|m/s|knots?|kt|km/u)\b", re.I)),
    "pressure": (frozenset({"pressure", "presión", "pressão", "pression", "druck", "pressione", "druk"}),
                 re.compile(rf"\b\d{{2,3}}\s?/\s?\d{{2,3}}\b|\b{_NUM}\s?(?:bar|psi|mmhg|hpa|mbar)\b", re.I)),
    "model": (frozenset({"model", "modelo", "modèle", "modell", "modello"}),
              re.compile(r"\b(?!(?:The|A|An|This|That|These|Those|My|Our|His|Her|Their|Your|What|When|Where|Who|Which|"
                         r"It|I|We|He|She|They|And|But|So|If|El|La|Los|Las|Un|Una|Le|Les|Der|Die|Das|Il|De|Het)\b)"
                         r"[A-Z][\w-]+[ \t]+(?:[A-Za-z]*\d[\w-]*|[A-Z][A-Za-z-]+|[a-z]+[A-Z][\w-]*)|\b[A-Z]{1,5}-?\d{2,}[A-Z\d-]*\b")),
    "iban": (frozenset({"iban"}), re.compile(r"\b[A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){2,7}")),
    "money": (frozenset(_MONEY_WORDS), None),
}
_BY_WORD = {w: name for name, (words, _) in CLASSES.items() for w in words}
_PHRASE_WORDS = 5


def asked(question: str) -> list[str]:
    """The attribute classes the question asks for: its focal noun phrase's words that name one ("What size
    shoes…" -> ["size"]; "What is the default editor font size in pixels?" -> ["size"]), in order."""
    from memex.agents.focal import focal_words
    from memex.agents.lexicon import language

    compounds = language(question) in ("de", "nl")
    out: list[str] = []
    for w in focal_words(question, _PHRASE_WORDS):
        name = _BY_WORD.get(w.lower()) or (_compound_head(w.lower()) if compounds else None)
        if name and name not in out:
            out.append(name)
    return out


def _compound_head(word: str) -> str | None:
    """The class a German or Dutch compound names by its last part ("Schuhgröße", "Monatsmiete", "lettergrootte"),
    as the head of an English noun phrase names it ("shoe size"). A part of five letters at least: "bestandsformaat"
    (file format) ends in "maat" (size) too."""
    for head in sorted(_BY_WORD, key=len, reverse=True):
        if len(head) >= 5 and len(word) > len(head) + 2 and word.endswith(head):
            return _BY_WORD[head]
    return None


def supplies(name: str, statement: str, question: str) -> bool:
    """Does the statement (with its subject) offer a value of this attribute's form, or name the attribute and
    give a figure ("Shoe size: 9"; a row "2026-06-01 89.4 98" of a note titled "Weight and waist"), that the
    question does not itself give?"""
    words, form = CLASSES[name]
    q = question.lower()
    if re.search(rf"(?i)\b(?:{'|'.join(map(re.escape, sorted(words)))})\b", statement) and any(
            n not in q for n in re.findall(r"\d+", statement)):
        return True
    if form is None:
        return _money(statement, question)
    return any(m.group(0).strip().lower() not in q for m in form.finditer(statement))


_PERIOD = re.compile(
    r"\b(?:monthly|weekly|yearly|annual|annually|daily|hourly|nightly|per (?:hour|day|night|week|month|year|annum|"
    r"session|lesson|visit)|an? (?:hour|day|night|week|month|year|session|lesson|visit)|each (?:hour|day|night|week|"
    r"month|year|session|lesson|visit)|every (?:week|month|year)|p\.?c\.?m|p\.?a|p/?w|mensual(?:es|mente)?|semanal(?:es|"
    r"mente)?|anual(?:es|mente)?|diari[oa]s?|al (?:día|mes|año)|por (?:hora|día|noche|semana|mes|año|sesión|clase)|"
    r"a la (?:hora|semana)|cada (?:día|semana|mes|año)|mensal|semanal|por mês|ao mês|par (?:heure|jour|nuit|semaine|"
    r"mois|an)|mensuel(?:le)?|pro (?:stunde|tag|nacht|woche|monat|jahr)|monatlich|im monat|al (?:giorno|mese)|"
    r"mensile|per (?:uur|dag|nacht|week|maand|jaar)|maandelijks)\b|/\s?(?:h|hr|hour|day|night|wk|week|mo|month|yr|year|"
    r"mes|año|día|semana|hora|mês|mois|monat|mese|maand)\b", re.I)


_SPAN = re.compile(
    r"\b(?:for|por|pour|für|per|voor)\s+(?:a|an|one|the|un|una|um|uma|une|ein|eine|einen|een|\d+)\s+(?:hours?|days?|"
    r"nights?|weeks?|months?|years?|hora|horas|días?|dias?|semanas?|mes|meses|mês|años?|anos?|heures?|jours?|semaines?|"
    r"mois|ans?|années?|stunden?|tage?|wochen?|monate?|jahre?|or[ae]|giorn[oi]|settiman[ae]|mes[ei]|ann[oi]|uur|"
    r"dagen|dag|weken|maand(?:en)?|jaar|jaren)\b|\b\d+-(?:hour|day|night|week|month|year)\b", re.I)
"""An amount given for a span of time ("£114.50 for 12 months", "300 € por un año", "a 12-month pass"): a price by
that period, as much as "£9.55 a month" is, in a statement; not read in the question (a "for a year" there says
when, not how the price is given)."""


_CURRENCY = re.compile(r"[£$€¥]\s?\d|\d\s?[£$€¥]")


def _money(statement: str, question: str) -> bool:
    """An amount of money the question does not give ("£29.40", "19,10 €", "300 €." in any language)."""
    from memex.agents.answer_type import MONEY, offers

    return MONEY in offers(statement, question) or any(
        m.group(0) not in question for m in _CURRENCY.finditer(statement))


def rate_unsupplied(question: str, statements: Sequence[str]) -> bool:
    """The question asks for money by the period ("What is Rubén's monthly salary?", "How much does Dad's care
    cost per week now?", "¿Cuánto cobra al mes…?") and no statement that gives an amount of money gives it by
    any period ("a one-off bonus of 300 €" is not a monthly salary; "£12.25 an hour" is a rate)."""
    from memex.agents.answer_type import MONEY, expected

    if not _PERIOD.search(question) or (MONEY not in expected(question).kinds and "money" not in asked(question)):
        return False
    return not any(_money(s, question) and (_PERIOD.search(s) or _SPAN.search(s)) for s in statements)


def initialism(question: str) -> str:
    """The abbreviation of a focal phrase of two or three words ("What final gravity did…" -> "FG"), "" if none."""
    from memex.agents.focal import focal_words

    words = focal_words(question)
    if re.match(r"\W*how\b", question, re.I):
        return ""  # "How many client comments…": a count of things, not an attribute that has a label
    if not 2 <= len(words) <= 3 or " ".join(words) not in question or any(not w[:1].isalpha() for w in words):
        return ""
    return "".join(w[0] for w in words).upper()


def labels_figures(abbreviation: str, texts: Sequence[str]) -> bool:
    """Do the notes write this abbreviation, in capitals, as the label of a figure ("FG 1.010", "FG was 1.018",
    "BP 150/95")? Then it is how they name the attribute, and an answer that gives it carries the label."""
    label = re.compile(rf"\b{re.escape(abbreviation)}\b\s?[:=]?\s?(?:(?:was|is|of|at|now)\s)?[~≈]?\d")
    return any(label.search(t) for t in texts)


def label_unsupplied(question: str, statements: Sequence[str], texts: Callable[[str], Sequence[str]]) -> str:
    """The abbreviation the notes label the asked attribute's figures with ("FG" for "final gravity"), when no
    statement carries it or the phrase itself: "batch 14 came in a bit low (OG 1.049)" gives another gravity."""
    abbreviation = initialism(question)
    if not abbreviation or not labels_figures(abbreviation, texts(abbreviation)):
        return ""
    from memex.agents.focal import focal_words

    phrase = " ".join(focal_words(question)).lower()
    held = any(re.search(rf"\b{abbreviation}\b", s) or phrase in s.lower() for s in statements)
    return "" if held else abbreviation


def unsupplied(question: str, statements: Sequence[str],
               texts: Callable[[str], Sequence[str]] | None = None) -> list[str]:
    """The attributes the question asks for that none of the statements supplies ([] when it asks for none
    with a recognisable form, or for no statements); "rate" when it asks for money by the period and no
    amount is given by one; the abbreviation the notes label the attribute with when no statement carries it
    (`texts(word)`: some note passages holding the word)."""
    if not statements:
        return []
    out = [name for name in asked(question) if not any(supplies(name, s, question) for s in statements)]
    if "money" not in out and rate_unsupplied(question, statements):
        out.append("rate")
    label = label_unsupplied(question, statements, texts) if texts is not None else ""
    other = other_instance(question, statements)
    unpriced = price_unstated(question, statements, texts) if texts is not None and "money" not in out else ""
    return out + [label] * bool(label) + [other] * bool(other) + [unpriced] * bool(unpriced)


_NUMBERED = re.compile(r"\b([A-Za-zÀ-ÿ]{3,})[ #.-]?(\d{1,4}[a-z]?)\b")
# A thing named by a capital letter ("room A", "Sala B", "Raum C", "Plan B"): the letter ends the phrase.
_LETTERED = re.compile(r"\b([A-Za-zÀ-ÿ]{3,})[ ]([A-HJ-Z])(?=\s*(?:[?!.,;:)]|$|\s+(?:[a-zà-ÿ]{1,4}|on|at|in|for|and|"
                       r"with|this|last|next)\b))")
# A figure with its unit qualifying the asked thing ("my left ear at 8 kHz", "the 50 mm pipe"): a unit of
# measure, not a count noun, so "8 kHz" and "4 kHz" are two instances of one measurement.
_UNITS = (r"k?Hz|kHz|MHz|dB|km|cm|mm|kg|mg|ml|GB|MB|TB|kW|kWh|mph|bpm|rpm|px|°C|°F")
_MEASURED = re.compile(rf"(?<![\w.,])(\d{{1,4}}(?:[.,]\d+)?)\s?({_UNITS})(?![\w/])")
# A figure the question compares with, not one that names the asked thing ("runs of 18 km or more").
_COMPARED = re.compile(r"(?i)\b(?:over|under|above|below|than|least|most|up to|within|beyond)\s+$|"
                       r"^\s*(?:or|\+|and (?:over|more|above|up))\b|^\+")


def _designators(question: str) -> list[tuple[str, str, re.Pattern[str]]]:
    """The things the question names by a designator, as (what, designator, how a statement names any one of
    them): "batch 14", "room A", "8 kHz" (a unit's instances are told by their figure)."""
    out: list[tuple[str, str, re.Pattern[str]]] = []
    for word, number in _NUMBERED.findall(question):
        if word.lower() not in _NOT_THINGS:
            out.append((word, number, re.compile(rf"(?i)\b{re.escape(word)}[ #.-]?(\d{{1,4}}[a-z]?)\b")))
    for word, letter in _LETTERED.findall(question):
        if word.lower() not in _NOT_THINGS:
            out.append((word, letter, re.compile(rf"(?i:\b{re.escape(word)})[ ]([A-Z])\b")))
    for m in _MEASURED.finditer(question):
        if _COMPARED.search(question[:m.start()]) or _COMPARED.search(question[m.end():]):
            continue
        out.append((m.group(2), m.group(1), re.compile(rf"(?<![\w.,])(\d{{1,4}}(?:[.,]\d+)?)\s?{re.escape(m.group(2))}"
                                                       r"(?![\w/])")))
    return out


def other_instance(question: str, statements: Sequence[str]) -> str:
    """A thing the question names by a designator — a number ("batch 14", "week 3"), a capital letter ("room
    A"), a figure with its unit ("my left ear at 8 kHz") — that no quoted statement, with its subject, names,
    while the first names the same thing by another: "Batch 12 — Saison: FG 1.004" gives batch 12's gravity,
    not batch 14's; "Room B: £40/h" room B's rate; "left ear small dip at 4 kHz" the 4 kHz reading. The value
    is of the asked kind but not of the asked owner. Returns what the first statement names instead
    ("batch 12")."""
    if not statements:
        return ""
    for word, mark, same in _designators(question):
        seen = [[m.group(1) for m in same.finditer(s)] for s in statements]
        # "1.5 kg" and "1,5 kg" are one figure
        if not seen[0] or any(mark.lower().replace(",", ".") in {f.lower().replace(",", ".") for f in found}
                              for found in seen):
            continue
        # "the third week", "week three" name week 3; "all rooms" names room A too
        if any(_names_in_words(word, mark, s) for s in statements):
            continue
        return f"{seen[0][0]} {word}" if same.pattern.startswith("(?<!") else f"{word.lower()} {seen[0][0].lower()}"
    return ""


_NUMBER_WORDS = ("", "one first", "two second", "three third", "four fourth", "five fifth", "six sixth",
                 "seven seventh", "eight eighth", "nine ninth", "ten tenth", "eleven eleventh", "twelve twelfth")
"""The English words for the numbers 1-12, cardinal and ordinal ("week three", "the third week")."""


def _names_in_words(word: str, mark: str, statement: str) -> bool:
    """Does the statement name the thing `word` `mark` ("week 3") by a number word or an ordinal ("the third
    week", "week three", "3rd week"), or name every such thing ("all rooms", "every week")?"""
    stem = re.escape(word.lower().rstrip("s"))
    if re.search(rf"(?i)\b(?:all|every|each)[ \t]+(?:the[ \t]+|of[ \t]+the[ \t]+)?{stem}s?\b", statement):
        return True
    if not mark.isdigit():
        return False
    forms = [rf"{int(mark)}(?:st|nd|rd|th)"]
    if 0 < int(mark) < len(_NUMBER_WORDS):
        forms += _NUMBER_WORDS[int(mark)].split()
    either = "|".join(forms)
    return bool(re.search(rf"(?i)\b(?:{either})[ \t-]+{stem}s?\b|\b{stem}s?[ \t#.-]?(?:{either})\b", statement))


# Words a number follows that count or date rather than name a thing ("at 14", "in 2026", "under 5").
_NOT_THINGS = frozenset({"the", "and", "for", "from", "with", "about", "than", "under", "over", "after", "before",
                         "since", "until", "into", "onto", "what", "which", "when", "were", "was", "are", "did",
                         "does", "had", "has", "have", "get", "got", "per", "top", "last", "next", "first",
                         "january", "february", "march", "april", "may", "june", "july", "august", "september",
                         "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
                         "sept", "oct", "nov", "dec", "del", "los", "las", "una", "con", "por", "para", "desde"})


_OUTCOME = withheld.OUTCOME  # "in the end", "al final", "finalement"...: agents/withheld.py
PENDING = withheld.PENDING
"""A line that says what it speaks of has not happened yet ("The rehang could be June 2027 if we get the rest
by March", "not booked yet", "todavía no se ha comprado", "Pas achetée"); the phrases per language are in
agents/withheld.py."""


def asks_outcome(question: str) -> bool:
    """Does the question ask how something turned out ("How much did the rehanging cost in the end?")? A note
    line that says it has not happened yet then says the notes cannot know."""
    return bool(_OUTCOME.search(question))


# "How much did X cost?" in the seven languages: X, the thing whose price is asked (the verb's subject).
_COST_OF = re.compile(
    r"(?i)\bhow much (?:did|does|do|will|would|was|is|were|has|have)\s+(?P<x>[^?!.]+?)\s+(?:cost|come to)\b|"
    r"\bwhat did\s+(?P<x2>[^?!.]+?)\s+cost\b|"
    r"\bcu[aá]nto\s+(?:cost[oóa]\w*|cuestan?|val[ií]\w*)\s+(?P<x3>[^?!.]+)|"
    r"\bquanto\s+(?:custou|custa|custaram|custam|costa|costano|costava|(?:è|é|e) costat[oa])\s+(?P<x4>[^?!.]+)|"
    r"\bcombien\s+(?:(?:a|ont)\s+co[uû]t[ée]e?s?|co[uû]te(?:nt)?)\s+(?P<x5>[^?!.]+)|"
    r"\b(?:wie ?viel|was)\s+(?:kostete|kostet|kosten)\s+(?P<x6>[^?!.]+)|"
    r"\b(?:wie ?viel|was)\s+hat\s+(?P<x8>[^?!.]+?)\s+gekostet\b|"
    r"\b(?:hoeveel|wat)\s+(?:kostte|kostten|kost|kosten)\s+(?P<x7>[^?!.]+)|"
    # What someone paid for X, or spent on it: the price asked by its payer ("How much did I pay for Orla's
    # rucksack?", "¿Cuánto pagué por la mochila?", "Wie viel habe ich für den Rucksack bezahlt?").
    r"\b(?:how much|what)\s+(?:did|do|does|have|has|had|will|would)\s+(?:I|we|you|he|she|they|[A-Z][\w'’-]*)\s+"
    r"(?:pay|paid|spend|spent)\s+(?:for|on)\s+(?P<x9>[^?!.]+)|"
    r"\bcu[aá]nto\s+(?:pagu[eé]|pag[oó]|pagamos|pagaron|gast[eé]|gast[oó]|gastamos|(?:he|ha|hemos|han)\s+"
    r"(?:pagado|gastado))\s+(?:por|en)\s+(?P<x10>[^?!.]+)|"
    r"\bquanto\s+(?:paguei|pagou|pagamos|pagaram|gastei|gastou|gastamos)\s+(?:por|pel[oa]s?|em|n[oa]s?)\s+"
    r"(?P<x11>[^?!.]+)|"
    r"\bcombien\s+(?:ai-je|as-tu|a-t-(?:il|elle)|avons-nous|avez-vous|ont-ils|j['’]ai|on a)\s+(?:pay[ée]|d[ée]pens[ée])"
    r"\s+(?:pour\s+)?(?P<x12>[^?!.]+)|"
    r"\bwie ?viel\s+(?:habe ich|hast du|hat \w+|haben wir|haben sie)\s+f[üu]r\s+(?P<x13>[^?!.]+?)\s+"
    r"(?:bezahlt|gezahlt|ausgegeben)\b|"
    r"\bquanto\s+(?:ho|hai|ha|abbiamo|avete|hanno)\s+(?:pagato|speso)\s+(?:per\s+)?(?P<x14>[^?!.]+)|"
    r"\bhoeveel\s+(?:heb ik|heb je|heeft \w+|hebben we|hebben wij|hebben ze)\s+(?:voor|aan)\s+(?P<x15>[^?!.]+?)\s+"
    r"(?:betaald|uitgegeven)\b|"
    # "How much was Pete's new bar tape?": the price of a thing asked with the verb "to be" alone, in English
    # (the other languages ask it with their verb "to cost", above).
    # Not "How much is left on the mortgage?", "How much is owed?", "How much is that in euros?": an amount, not
    # a price.
    r"\bhow much\s+(?:was|is|were|are)\s+(?!(?:left|owed|owing|due|remaining|needed|outstanding|spent|paid|charged"
    r"|saved|still|there|it)\b|(?:this|that)\s*(?:[?!.,]|$|\s(?:in|on|for|to|at|by|now)\b))(?P<x16>[^?!.]+)|"
    # What someone earns at a place or in a job ("How much does Orla earn at the university library?"): the pay
    # of that job, which the notes may name without an amount.
    r"\bhow much\s+(?:does|did|do|will|would)\s+(?:I|we|you|he|she|they|[A-Z][\w'’-]*)\s+(?:earn|make|get paid)\s+"
    r"(?:at|from|in|as)\s+(?P<x17>[^?!.]+)|"
    r"\bcu[aá]nto\s+(?:gana|ganaba|gan[oó]|cobra|cobraba|cobr[oó])\s+(?:\w+\s+)?(?:en|como)\s+(?P<x18>[^?!.]+)|"
    r"\bquanto\s+(?:ganha|ganhava|ganhou|recebe|recebia)\s+(?:\w+\s+){0,2}(?:n[oa]s?|em|como)\s+(?P<x19>[^?!.]+)|"
    r"\bcombien\s+(?:gagne|gagnait|touche|touchait)(?:-t-(?:il|elle))?\s+(?:\w+\s+)?(?:chez|à|au|comme)\s+"
    r"(?P<x20>[^?!.]+)|"
    r"\bwie ?viel\s+(?:verdient|verdiente)\s+\w+\s+(?:bei|im|in|als)\s+(?P<x21>[^?!.]+)|"
    r"\bquanto\s+(?:guadagna|guadagnava)\s+(?:\w+\s+)?(?:al|alla|allo|presso|come|a|da)\s+(?P<x22>[^?!.]+)|"
    r"\bhoeveel\s+(?:verdient|verdiende)\s+\w+\s+(?:bij|in|als)\s+(?P<x23>[^?!.]+)")
# Words that end the thing's name ("el kimono nuevo *de* Hugo", "the hotel *in* Bruges") or stand before it.
_THING_ENDS = frozenset("""de del da do das dos di della dello du des von vom for in of at on from with to by
para por en con a al em no na com pour avec à au aux für mit im am bei zu voor met op per con su nel nella
now ahora agora maintenant jetzt adesso nu altogether in total en total all together worth sold paid bought
charged spent""".split())
_THING_SKIPS = frozenset("""the a an my our your his her their this that el la los las un una unos unas mi mis tu tus
su sus nuestro nuestra este esta ese esa o os as um uma meu minha le les l un une mon ma mes notre der die das ein
eine mein meine unser unsere den dem einen einem meinen meinem unseren unserem il lo gli i uno mio mia de het een mijn ons onze ahora now""".split())
_THING_ENDS_IN = {"nl": frozenset({"van", "het"}), "de": frozenset({"gekostet", "bezahlt", "gekauft", "der", "des",
                                                                   "pro"}),
                  "fr": frozenset({"par"})}
_PARTICIPLE_END = re.compile(r"(?i)\b(?:\w{4,}ed|paid|spent|owed|left|lent|given|taken|sold|bought|made|due|owing)"
                             r"\s*$")
"""A past participle (or "due") ending "How much is/was X …?": it asks what X was charged, paid or owed."""
THING_LINES = 20
"""How many note passages holding the thing's rarest word are read for a line about it (more: too common a word)."""


def priced_thing(question: str) -> list[str]:
    """The words naming the thing whose price the question asks ("¿Cuánto costó el kimono nuevo de Hugo?" ->
    ["kimono", "nuevo"]; "How much did the removal van cost?" -> ["removal", "van"]); [] when it asks none."""
    m = _COST_OF.search(question)
    if not m:
        return []
    phrase = next(g for g in m.groups() if g)
    if m.group("x16") and _PARTICIPLE_END.search(phrase):
        return []  # "How much were the kids charged?": what someone was charged, not the price of a thing
    from memex.agents.lexicon import language

    lang = language(question)
    nouns_capitalised = lang == "de"  # German writes every noun with a capital
    ends = _THING_ENDS | _THING_ENDS_IN.get(lang, frozenset())
    out: list[str] = []
    for w in re.findall(r"[\w’'-]+", phrase):
        low = w.lower()
        if not out and (low in _THING_SKIPS or re.fullmatch(r".+['’]s", w)):
            continue
        capital = w[:1].isupper() and not nouns_capitalised
        if low in ends or re.fullmatch(r".+['’]s", w) or (capital and out):
            break
        if capital or any(ch.isdigit() for ch in w):
            continue  # names and dates say whose or when, not what
        out.append(low)
    return out[:3]


_fold = functools.partial(fold, sharp_s=False)


def _holds_thing(line: str, words: Sequence[str]) -> bool:
    """Does the line name the thing: each of its words, in any inflection (a shared beginning), in any case?"""
    have = re.findall(r"\w+", _fold(line))
    return all(any(h.startswith(_fold(w)[:max(4, len(w) - 2)]) for h in have) for w in words)


def price_unstated(question: str, statements: Sequence[str], texts: Callable[[str], Sequence[str]]) -> str:
    """The question asks what a thing cost, the notes speak of that thing, and no line that names it gives an
    amount of money, nor does any quoted statement name it: "- Hugo: un kimono de judo nuevo" on a gift list
    is all the notes say of the kimono, so "32 € al mes" of judo is not its price. Returns "price of <thing>"."""
    words = priced_thing(question)
    if not words:
        return ""
    if any(_holds_thing(s, words) for s in statements):
        return ""
    passages = [t for w in words for t in texts(w)]
    if not passages or len(passages) >= THING_LINES * len(words):
        return ""
    lines = [ln for t in passages for ln in t.splitlines() if _holds_thing(ln, words)]
    if not lines or any(_money(ln, question) for ln in lines):
        return ""
    return "price of " + " ".join(words)
