"""What an aggregation question collects (the kind of its items) and how it tallies them, in seven languages.

"Which restaurants did we try?", "Quelles résidences avons-nous envisagées ?", "¿Cuántos clientes…?", "Welche
Völker…": the noun right after the question word names the kind of item collected ("restaurants", "résidences",
"clientes"). That word, not the question's rarest one ("envisagées", "journal"), is what every item holds (in its
text, its heading, or its table's column label), so aggregation keys its matches on it (agents/aggregate.py).

"How many times…", "¿Cuántas veces…?", "Wie oft…": a count; "¿Cuánto gasté…?", "Quanto paguei…", "Combien ai-je
dépensé…": a sum of money; "¿Cuántos kilómetros…?", "Wie viele Stunden…": a sum of that unit. The English
wording is read in agents/aggregate.py; this module reads the other six languages the same way.
"""
from __future__ import annotations

import functools
import re

from memex.agents import lexicon

# The question word(s) before the kind noun, per language (folded: no accents, lower case). An adjective or
# two may come between ("which tomato varieties", "welche alten Völker").
_BEFORE_KIND = {
    "en": r"^(?:which|what|whose)\s+(?:of\s+(?:my|our|the)\s+)?|\blist\s+(?:all|every)\s+(?:the\s+|my\s+|our\s+)?|"
          r"\b(?:all|every)\s+(?:the\s+|my\s+|our\s+)?",
    "es": r"^(?:que|cuales)\s+|\btod[oa]s\s+(?:l[oa]s|mis|nuestr[oa]s)\s+",
    "pt": r"^(?:que|quais)\s+|\btod[oa]s\s+(?:[oa]s|meus|minhas|nossos|nossas)\s+",
    "fr": r"^(?:quels|quelles)\s*|\b(?:tous|toutes)\s+(?:les|mes|nos)\s+",
    "de": r"^welche\s+",
    "it": r"^quali\s+|\btutt[ie]\s+(?:i|gli|le|i miei|le mie|i nostri|le nostre)\s+",
    "nl": r"^welke\s+",
}
"""Not "how many": a count is often stated on one line ("12 hives in spring"), which keying on the noun would
pass over for lines that merely name the kind."""
_OPENING = {"es": r"^(?:que|cuales)\s", "pt": r"^(?:que|quais)\s", "fr": r"^(?:quels|quelles)\s",
            "it": r"^quali\s"}
"""The question word that opens a question asking for items of a kind (not "how many", which may count)."""
_PLURAL_EN = re.compile(r"^(?:[a-z][\w-]*[^su\W]s|[a-z][\w-]*ies|people|children|men|women)$")
_PLURAL_END = {"es": r"[sx]", "pt": r"[s]", "fr": r"[sx]", "it": r"[ie]", "de": r"", "nl": r"(?:en|s|'s)"}
"""How a plural noun ends in each language ("" for German: its plurals take many forms)."""
_NOT_KIND = frozenset(lexicon.fold(w) for w in (
    # "times", and words that name no kind ("things", "ones") or only say "all"
    "times", "veces", "vezes", "fois", "mal", "male", "volte", "keer", "keren", "things", "cosas", "coisas",
    "choses", "dinge", "cose", "dingen", "ones", "tanto", "tantos", "tantas", "mucho", "muchos", "muitos",
    "muitas", "much", "many", "more", "other", "otros", "outros", "autres", "andere", "altri", "the", "my", "our",
    "de", "des", "do", "da", "di", "van", "les", "los", "las", "os", "as", "die", "der", "the", "did", "do",
    "have", "has", "had", "were", "was", "are", "is", "de", "sont", "sind", "waren", "zijn", "son", "sao", "foram",
    "fueron", "sono", "erano", "ont", "hebben", "haben", "hay", "ha", "hat", "habe", "hast", "hatte", "hatten",
    "bin", "ist", "war", "wurde", "wurden", "heb", "hebt", "hadden", "ben", "werd", "werden", "kost", "kostte",
    # units: "how many days" sums days (agents/aggregate.py), it names no kind of item
    "days", "hours", "nights", "weeks", "minutes", "miles", "kilometres", "kilometers", "pages", "litres",
    "liters", "steps", "points", "dias", "horas", "noches", "noites", "jours", "heures", "nuits", "tage",
    "stunden", "giorni", "ore", "notti", "dagen", "uren", "kilometros", "quilometros", "kilos", "quilos",
    "litros", "semanas", "semaines", "wochen", "settimane", "weken", "euros", "euro", "pounds"))


@functools.lru_cache(maxsize=256)
def item_words(question: str) -> tuple[str, ...]:
    """The word(s) naming the kind of item a collecting question asks for, as written ("restaurants",
    "résidences", "Völker"); () when the question names none (or only "times")."""
    lang = lexicon.language(question)
    before = _BEFORE_KIND.get(lang)
    if before is None:
        return ()
    text = question.strip().lstrip("¿¡").strip()
    folded = lexicon.fold(text)
    if re.match(r"how many\b", folded) or (lang in _COUNT and re.match(_COUNT[lang], folded)):
        return ()  # a count ("how many days … across all clients"): see _BEFORE_KIND
    words = re.findall(r"[^\W\d_][\w'’-]*", text)
    folded_words = [lexicon.fold(w) for w in words]
    out: list[str] = []
    for m in re.finditer(before, folded):
        # the index of the first word after the question word(s)
        at = len(re.findall(r"[^\W\d_][\w'’-]*", folded[:m.end()]))
        for i in range(at, min(at + 3, len(words))):
            w, fw = words[i], folded_words[i]
            if fw in _NOT_KIND:
                break
            if not _plural(fw, lang):
                continue  # an adjective before the noun ("which Italian restaurants", "welche alten Völker")
            out.append(w)
            # English and Dutch put the head noun last ("savings pots"), Romance languages first
            nxt = folded_words[i + 1] if i + 1 < len(words) else ""
            if lang in {"en", "nl"} and nxt not in _NOT_KIND and _plural(nxt, lang):
                out[-1] = words[i + 1]
            break
        break  # the first question word decides: "how many days … across all clients" names no kind
    return tuple(out)


def asks_items(question: str) -> bool:
    """Does a question in another language open by asking for items of a kind ("¿Qué variedades planté?",
    "Quais medicamentos toma?")? False for English (agents/aggregate.py), and for German and Dutch."""
    lang = lexicon.language(question)
    words = item_words(question)
    if lang == "en" or not words:
        return False
    folded = lexicon.fold(question.strip().lstrip("¿¡"))
    if lang not in _OPENING or not re.match(_OPENING[lang], folded):
        return False  # the kind after "todos los …" is read by the planner's own patterns
    # German and Dutch plurals take many forms, and a plural verb after the noun may agree with a later subject
    # ("Welche Farbe haben die Bienenkästen?"): the planner's own patterns decide there (agents/lexicon.py).
    return lang not in {"de", "nl"}


def _plural(word: str, lang: str) -> bool:
    if len(word) < 4:
        return False
    if lang == "en":
        return bool(_PLURAL_EN.match(word))
    end = _PLURAL_END.get(lang, "")
    return not end or re.search(rf"{end}$", word) is not None


def item_terms(question: str, terms: dict[str, str]) -> list[str]:
    """The question's terms (stem -> word as written, as idf weights are keyed) that name its item kind."""
    words = {lexicon.fold(w) for w in item_words(question)}
    return [stem for stem, w in terms.items() if lexicon.fold(w) in words]


# Another language's count and sum wording (folded). English: agents/aggregate.py.
_COUNT = {
    "es": r"\bcuant[ao]s\b|\bcuantas veces\b|\bnumero de\b",
    "pt": r"\bquant[ao]s\b|\bquantas vezes\b|\bnumero de\b",
    "fr": r"\bcombien de\b|\bcombien d'|\bnombre de\b",
    "de": r"\bwie ?viele\b|\bwie oft\b|\banzahl\b",
    "it": r"\bquant[ie]\b|\bquante volte\b|\bnumero di\b",
    "nl": r"\bhoeveel\b|\bhoe vaak\b|\baantal\b",
}
_SUM = {
    "es": r"\bcuanto (?:\w+ )?(?:gast|pag|cobr|gan|factur|ingres|cost|invert|sac)\w*|\bgast\w+ en total\b",
    "pt": r"\bquanto (?:\w+ )?(?:gast|pag|cobr|ganh|fatur|receb|cust|invest)\w*",
    "fr": r"\bcombien (?:\w+[- ])?(?:\w+[- ])?(?:depens|pay|pai|gagn|factur|encaiss|cout|touch)\w*",
    "de": r"\bwie ?viel (?:\w+ ){0,5}?(?:ausgegeben|bezahlt|gezahlt|verdient|eingenommen|berechnet|gekostet|"
          r"investiert)\b|\bwie ?viel (?:hat|haben|kostete|kosteten) ",
    "it": r"\bquanto (?:\w+ )?(?:spes|pagat|guadagnat|incassat|fatturat|costat|investit)\w*",
    "nl": r"\bhoeveel (?:\w+ ){0,5}?(?:uitgegeven|betaald|verdiend|ontvangen|gefactureerd|gekost|geinvesteerd)\b",
}
# A count of a unit sums that unit ("¿Cuántos kilómetros…?", "Wie viele Stunden…?"): the unit as
# agents/aggregate.py reads it in a note.
_UNITS = {
    "days?": r"dias?|jours?|tage?n?|giorni|giorno|dagen|dag",
    "hours?|hrs?|h": r"horas?|heures?|stunden?|ore|uren|uur",
    "km": r"km|kilometros?|quilometros?|kilometres?|kilometer|kilometri|chilometri",
    "kg": r"kg|kilos?|quilos?|kilogramm|kilogrammi|chili",
    "nights?": r"noches|noites|nuits|nachte|notti|nachten",
    "l|litres?|liters?": r"litros?|litres?|liter|litri",
}


@functools.lru_cache(maxsize=None)
def _compiled(table: str, lang: str) -> re.Pattern[str] | None:
    source = {"count": _COUNT, "sum": _SUM}[table].get(lang)
    return re.compile(source) if source else None


def operation(question: str) -> tuple[str, str | None] | None:
    """("count", None), ("sum", "money") or ("sum", <unit pattern>) for a question in another language that
    counts or sums; None for English (agents/aggregate.py reads it) or a question that does neither."""
    lang = lexicon.language(question)
    if lang == "en" or lang not in _COUNT:
        return None
    q = lexicon.fold(question)
    total = _compiled("sum", lang)
    if total is not None and total.search(q):
        return "sum", "money"
    count = _compiled("count", lang)
    m = count.search(q) if count is not None else None
    if m is None:
        return None
    after = re.match(r"\s*(?:de\s+|di\s+)?([^\W\d_]+)", q[m.end():])
    if after and after.group(1) in _SPAN:
        return None  # "en combien de temps", "hoeveel tijd": a duration asked of one thing, not a count
    if after:
        for measure, words in _UNITS.items():
            if re.fullmatch(words, after.group(1)):
                # "Hoeveel uur per week werkt Sanne?": a rate of one thing, not a sum over the notes
                return None if _PER_PERIOD.search(q[m.end():]) else ("sum", measure)
    return "count", None


_PER_PERIOD = re.compile(r"\b(?:por|par|pro|per|al|a la|ao|im|in de|a)\s+(?:semana|mes|ano|dia|semaine|mois|an|jour|"
                         r"woche|monat|jahr|tag|settimana|mese|anno|giorno|week|maand|jaar|dag)\b|"
                         r"\b(?:semanales|semanal|mensual|hebdomadaire|wochentlich|settimanal[ei]|wekelijks)\b")
"""A period the amount is given by (folded): "per week", "a la semana", "par mois", "pro Woche"."""


_SPAN = frozenset({"temps", "tiempo", "tempo", "tijd", "zeit"})
"""The word "time" as a span after a count word: "combien de temps" asks how long, not how many."""

_TOTAL = {"en": "total", "es": "total", "pt": "total", "fr": "total", "de": "Summe", "it": "totale", "nl": "totaal"}


def total_word(question: str) -> str:
    """"total" in the question's language, to head a sum."""
    return _TOTAL.get(lexicon.language(question), "total")


def decimal(number: str, question: str) -> str:
    """A number written "1,234.50" as the question's language writes it: "1.234,50" (French: "1 234,50")."""
    lang = lexicon.language(question) if question else "en"
    if lang == "en":
        return number
    group = "\u202f" if lang == "fr" else "."
    return number.replace(",", "\0").replace(".", ",").replace("\0", group)


__all__ = ["asks_items", "decimal", "item_terms", "item_words", "operation", "total_word"]
