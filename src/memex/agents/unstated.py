"""Whether the statements an answer quotes hold the asked attribute for the asked one, or only its subject.

A person's notes often hold the subject of a question without the value asked for, and the best statement about
the subject then reads like an answer:

- **Another person's attribute.** People notes list relatives' facts among the person's own ("Sister lives in
  Whitby; goes every other weekend", "Husband Phil, an accountant"): for "Where does Ruth live?" the clause that
  holds the asked word is about the sister. A clause led by a relation word the question does not use gives that
  relative's attribute (`relative_owns`).
- **Another period.** "What was the COP in December?" answered by "Heat pump COP for November: 3.5": where the
  question asks for the value of one month, a statement that names another month and not the asked one gives
  another period's value, typically because the asked one is not in the notes yet (`other_period`).
- **A birthday is a day of the year.** "When is Jo's birthday?" is not answered by "has had her plot since 1998":
  a year is a date, not a birthday; the statement has to give a day (`no_day_of_year`).
- **Not known, not decided, kept elsewhere.** "To be decided with her in the new year", "Teams link in the
  calendar invite", "the total comes after the concert": a sentence that holds what is asked and says its value
  is pending, or lives somewhere else, says the notes do not hold it (`UNDECIDED`, `ELSEWHERE`, read by
  agents/abstain._withheld).

All of them read the statements' own text, not the note's title or heading: the title names the subject, which
is what these statements do hold. Relation and month words are English and Spanish; relation words are read
only in text of those languages (French "Son chat", "her cat", is no son's).
"""
from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence

from memex.agents.day_of_year import BIRTHDAY, DAY_OF_YEAR, MONTHS, WHEN
from memex.agents.noted_names import TITLE_WORDS

RELATIONS = frozenset("""sister sisters brother brothers wife husband partner partners son sons daughter daughters
mum mom mam mother dad father parents kids children child grandchildren grandson granddaughter grandkids nephew
nephews niece nieces cousin cousins aunt uncle boyfriend girlfriend fiance fiancé fiancee fiancée neighbour
neighbours neighbor neighbors friend friends boss stepson stepdaughter stepmum stepdad ex sibling siblings
in-laws hermana hermano hermanas hermanos esposa esposo marido mujer pareja hijo hija hijos hijas madre padre
padres sobrino sobrina primo prima tía tío novio novia vecino vecina amigo amiga suegra suegro""".split())
"""Words that name a person by their relation to the note's subject."""

_POSSESSIVE = frozenset("her his their my our its the su sus mi mis".split())
_PRONOUNS = _POSSESSIVE | frozenset("she he him they them it".split())
_WORD = re.compile(r"[\w’'-]+")
_CLAUSE = re.compile(r"\s*(?:[;|•]|(?<=[.!?])\s|\s[—–-]\s|,\s)\s*")


def _terms(text: str) -> set[str]:
    from memex.agents.extractive import content_terms

    return set(content_terms(text))


def _meets(have: Iterable[str], wanted: Iterable[str]) -> bool:
    """Does a term meet a wanted one: the same, or one the other with an ending of up to 2 letters ("liv" /
    "live", "sold" / "sold")? Pronouns are not what is asked about."""
    wanted = [w for w in wanted if w not in _PRONOUNS]
    return any(t == w or (min(len(t), len(w)) >= 3 and abs(len(t) - len(w)) <= 2
                          and (t.startswith(w) or w.startswith(t)))
               for t in have for w in wanted)


OTHER_RELATIONS: dict[str, tuple[frozenset[str], frozenset[str], frozenset[str]]] = {
    "fr": (frozenset("""sœur soeur sœurs frère frères mari fils fille filles enfants mère père parents petit-fils
petite-fille petits-enfants neveu nièce cousin cousine tante oncle copain copine compagnon compagne voisin voisine
voisins ami amie amis patron patronne belle-mère beau-père belle-sœur beau-frère""".split()),
           frozenset("son sa ses mon ma mes leur leurs notre nos le la les".split()), frozenset({"femme"})),
    "de": (frozenset("""schwester schwestern bruder brüder ehemann ehefrau sohn söhne tochter töchter kinder mutter
vater eltern enkel enkelin enkelkinder neffe nichte cousin cousine tante onkel freund freundin freunde nachbar
nachbarin nachbarn chef chefin schwiegermutter schwiegervater schwager schwägerin partner partnerin""".split()),
           frozenset("sein seine seinen seinem seiner ihr ihre ihren ihrem ihrer mein meine unser unsere der die "
                     "das".split()), frozenset({"mann", "frau"})),
    "it": (frozenset("""sorella sorelle fratello fratelli marito figlio figlia figli figlie madre padre genitori
nonno nonna nipote nipoti cugino cugina zia zio fidanzato fidanzata vicino vicina amico amica capo suocera
suocero cognato cognata""".split()),
           frozenset("suo sua suoi sue mio mia miei il la lo i le".split()), frozenset({"moglie"})),
    "pt": (frozenset("""irmã irmão irmãs irmãos marido esposa filho filha filhos filhas mãe pai pais avô avó neto
neta netos sobrinho sobrinha primo prima tia tio namorado namorada vizinho vizinha amigo amiga chefe sogra sogro
cunhado cunhada""".split()),
           frozenset("seu sua seus suas meu minha o a os as".split()), frozenset({"mulher"})),
    "nl": (frozenset("""zus zussen broer broers echtgenoot echtgenote zoon zonen dochter dochters kinderen moeder
vader ouders opa oma kleinzoon kleindochter kleinkinderen neef nicht tante oom vriend vriendin buurman buurvrouw
buren baas schoonmoeder schoonvader zwager schoonzus partner""".split()),
           frozenset("zijn haar hun mijn onze de het".split()), frozenset({"man", "vrouw"})),
}
"""Per language beyond English and Spanish (agents/withheld.py's languages): relation words, the possessives and
articles that may stand before one, and the words that are a relation only after a possessive ("ihr Mann"; "Frau
Keller" is a name's title, "sa femme" a wife)."""


def _relation(clause: str, lang: str = "en") -> str:
    """The relation word a clause opens with ("Sister lives in Whitby" -> "sister"; "her husband Phil…"; "Ihre
    Schwester wohnt in Kiel" -> "schwester"), read with the relation words of the clause's language, or ""."""
    words = [w.lower() for w in _WORD.findall(clause)[:3]]
    relations, possessives, owned = OTHER_RELATIONS.get(lang, (RELATIONS, _POSSESSIVE, frozenset()))
    had = False
    while words and words[0] in possessives:
        words, had = words[1:], True
    return words[0] if words and (words[0] in relations or had and words[0] in owned) else ""


def relative_owns(question: str, statements: Sequence[str]) -> str:
    """The relation word (e.g. "sister") when every clause of the statements that holds what the question asks
    about opens with a relation word the question does not use: the statements give a relative's attribute, not
    the asked person's. "" when some clause holds it of no relative, when none holds it, or when the question
    asks who (a relative can be the answer) or names the relation itself."""
    from memex.agents.answer_type import PERSON, attribute_terms, expected

    attr = attribute_terms(question)
    if not attr or PERSON in expected(question).kinds or not _relations_lang(question):
        return ""
    asked_words = {w.lower().rstrip("s’'") for w in _WORD.findall(question)}
    owners: list[str] = []
    for s in statements:
        lang = _relations_lang(s, question)
        if not lang:
            continue
        for clause in _CLAUSE.split(s):
            if not _meets(_terms(clause), attr):
                continue
            rel = _relation(clause, lang)
            if not rel or rel.rstrip("s") in asked_words or rel in asked_words:
                return ""
            owners.append(rel)
    return owners[0] if owners else ""


def _relations_lang(text: str, question: str = "") -> str:
    """The language whose relation words the text is read with: "en" for English, Spanish or too short to tell
    (`RELATIONS` holds both), else one of `OTHER_RELATIONS`, or "" (French "Son chat : Pompon" is "her cat", not
    a son's: it is read with French words). A text too short to tell is read together with the question."""
    from memex.agents.lexicon import detect

    lang = detect(text)
    if lang == "und" and question:
        lang = detect(f"{question} {text}")
    return "en" if lang in ("en", "es", "und") else lang if lang in OTHER_RELATIONS else ""


_MONTH = re.compile(r"(?<![\w-])(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")(?![\w-])", re.I)
_ASKED_MONTH = re.compile(r"(?i)\b(?:in|for|during|of|over|en|durante|de|im|em|nel|au|di|del|van)\s+"
                          r"(?:the\s+month\s+of\s+|el\s+mes\s+de\s+|mois\s+de\s+|mese\s+di\s+|mês\s+de\s+|monat\s+)?"
                          r"(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b(?:\s+(?:19|20)\d\d)?")


def _months(text: str) -> set[int]:
    """The months a text names ("May" only with its capital: "may" is a verb)."""
    return {MONTHS[m.group(1).lower()] for m in _MONTH.finditer(text)
            if m.group(1).lower() != "may" or m.group(1)[0] == "M"}


def other_period(question: str, statements: Sequence[str]) -> str:
    """The month the statements speak of ("nov") when the question asks for a value in another month ("… in
    December 2026?") and the first statement names a month, and none names the asked one; "" otherwise."""
    asked = {MONTHS[m.group(1).lower()] for m in _ASKED_MONTH.finditer(question)
             if m.group(1).lower() != "may" or m.group(1)[0] == "M"}
    if not asked or not statements:
        return ""
    named = [_months(s) for s in statements]
    if not named[0] or any(n & asked for n in named):
        return ""
    return f"month {min(named[0])}"


def no_day_of_year(question: str, statements: Sequence[str]) -> bool:
    """The question asks when a birthday is and no statement gives a day of the year ("4 April", "the 19th",
    "22/08"): a year ("since 1998") or an age is not one. ("What did I give her for her birthday?" asks a gift.)"""
    if not (BIRTHDAY.search(question) and WHEN.search(question)) or not statements:
        return False
    return not any(DAY_OF_YEAR.search(s) for s in statements)


UNDECIDED = re.compile(
    r"(?i)\b(?:to be (?:decided|confirmed|agreed|announced|arranged|fixed|set|counted)|"
    r"(?:not|isn['’]t|aren['’]t|hasn['’]t been|haven['’]t been) (?:yet )?(?:decided|confirmed|agreed|announced|"
    r"known|counted|settled|fixed)(?: yet)?|undecided|no (?:date|figure|price|amount|total|decision|number) yet|"
    r"(?:won['’]t|will not|don['’]t|do not) know (?:until|till|before)|(?:to|will|we['’]ll) decide (?:with|in|at|on|"
    r"after|when|once|by|next)|(?:known|counted|announced|confirmed|decided|totalled|totaled|added up|comes?|"
    r"coming|due) (?:after|once) (?:the|we|it|they)|TB[AD])\b")
"""A sentence that says its value is not decided or known yet ("Aoife and I to decide with her in the new year",
"Date TBA", "the total comes after the concert")."""

ELSEWHERE = re.compile(
    r"(?i)\b(?:in|on|inside)\s+(?:the|my|his|her|their|our|a)\s+(?:[\w'’-]+\s+){0,2}(?:invite|invitation|drawer|"
    r"wallet|folder|box file|envelope|inbox|card|letter|disc|disk|sticker|whatsapp|group chat|fridge|"
    r"noticeboard|spreadsheet|purse|filing cabinet)\b")
"""A sentence that puts the value somewhere else than the notes ("Teams link in the calendar invite", "Voucher
reference on the letter in the blue box file"); not an app, which is as often the product a note is about ("sign-up
in the Hearthstone app")."""


_VALUE_NOUNS = frozenset(_terms("link links url urls code codes passcode passcodes password passwords pin pins "
                                "number numbers reference references ref refs login logins username usernames"))
"""What a question asks for when it asks a value kept in a place ("the Teams link in the calendar invite")."""


def _kept_elsewhere(sentence: str, attr: set[str]) -> bool:
    """Does the sentence put its value somewhere else than the notes (`ELSEWHERE`, withheld.ELSEWHERE), in a place
    the question does not itself name as what it asks about? "someone keeps leaving milk in the drivers' room fridge"
    answers "Who leaves the dairy in the staff fridge?": the fridge is what is asked about, not where the answer is
    kept. A question for a value (`_VALUE_NOUNS`) kept in the place it names ("What is the Teams link in the calendar
    invite?") is still answered elsewhere."""
    from memex.agents import withheld

    topic = not attr & _VALUE_NOUNS
    for m in (*ELSEWHERE.finditer(sentence), *withheld.ELSEWHERE.finditer(sentence)):
        # the container is the phrase's last word ("fridge" of "in the drivers' room fridge")
        place = _terms(m.group(0).split()[-1])
        if not (topic and place and _meets(place, attr)):
            return True
    return False


def sentences(text: str) -> list[str]:
    """The text's sentences, line by line."""
    return [s for line in text.splitlines() for s in re.split(r"(?<=[.!?;])\s+", line) if s.strip()]


def says_unstated(text: str, attr: Iterable[str], asks_where: bool) -> str:
    """The sentence of the text that holds an asked term and says its value is pending or kept elsewhere (the
    latter not when the question asks where something is), in any language of agents/withheld.py, or ""."""
    from memex.agents import withheld

    attr = set(attr)
    for sentence in sentences(text):
        pending = UNDECIDED.search(sentence) or withheld.UNDECIDED.search(sentence)
        away = not asks_where and _kept_elsewhere(sentence, attr)
        if (pending or away) and _meets(_terms(sentence), attr):
            return sentence.strip()[:120]
    return ""


def cancelled(question: str, text: str) -> str:
    """The sentence of the text that says the asked thing (binding.asked_thing, half its words at least) was
    cancelled or called off, in any language of agents/withheld.py ("Party on 12 May (cancelled)", "streaming service I never
    watch - cancelled 5 Oct", "Konzert abgesagt"), or "": its value no longer stands. A clause that says only
    "cancelled" hangs from the nearest clause before it that names something asked about. Not when the question asks about the cancelling, nor when another
    clause of the sentence gives a value of the asked kind: "Insurance cancelled — £340 refund came 4 Nov" still
    gives the refund."""
    from memex.agents import binding, withheld
    from memex.agents.answer_type import expected, offers
    from memex.agents.extractive import question_terms

    if withheld.ASKS_CANCELLED.search(question) or not withheld.CANCELLED.search(text):
        return ""
    words = {w.lower() for w in binding.asked_thing(question)}
    asked = {t for t, w in question_terms(question).items() if w.lower() in words}
    if not asked:
        return ""
    kinds = expected(question).kinds
    # Not split after a day's number ("am 12. Mai – abgesagt", "le 3. ..."): German writes dates so.
    for sentence in (x for line in text.splitlines() for x in re.split(r"(?<=[.!?;])(?<!\d\.)\s+", line) if x.strip()):
        clauses = [c for c in _CLAUSE.split(sentence) if c.strip()]
        for i, clause in enumerate(clauses):
            if not withheld.CANCELLED.search(clause):
                continue
            # The clauses from the nearest one that names something asked about up to the cancelled one
            first = next((j for j in range(i, -1, -1) if _meets(_terms(clauses[j]), asked)), None)
            if first is None:
                continue
            owner = " ".join(clauses[first:i + 1])
            if 2 * sum(_meets(_terms(owner), {t}) for t in asked) < len(asked):
                continue
            if kinds and any(offers(c, question) & kinds for j, c in enumerate(clauses) if not first <= j <= i):
                continue
            return sentence.strip()[:120]
    return ""


_YEAR = re.compile(r"(?<![\d.,/-])((?:19|20)\d\d)(?:\s?[-–/]\s?((?:19|20)?\d\d))?(?![\d.,])")
_AGE = re.compile(r"(?i)\b(?:how old|how long|how many years|wie alt|wie lange|quel âge|combien de temps|"
                  r"cu[aá]ntos años|qu[eé] edad|cu[aá]nto tiempo|quanti anni|quanto tempo|quantos anos|hoe oud|hoe lang)\b")


def _periods(text: str) -> set[tuple[int, int]]:
    """The years a text names, each as (first, last): "2026" -> (2026, 2026), "2026–27" -> (2026, 2027)."""
    out = set()
    for m in _YEAR.finditer(text):
        first = int(m.group(1))
        last = m.group(2)
        end = first if last is None else int(last) if len(last) == 4 else first // 100 * 100 + int(last)
        out.add((first, end) if first < end <= first + 1 else (first, first))
        if last is not None and not first < end <= first + 1 and len(last) == 4:
            out.add((end, end))  # "2019-2024": two years named
    return out


def _same_period(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Is one period the other, or a single year inside the other ("2027" in "2026–27")?"""
    return a == b or (a[0] == a[1] and b[0] <= a[0] <= b[1]) or (b[0] == b[1] and a[0] <= b[0] <= a[1])


_IN_YEAR = re.compile(r"(?i)(?:\b(?:in|for|during|of|en|para|durante|de|del|pour|pendant|im|für|während|nel|per|em|"
                      r"no|voor|tijdens|van)\s+(?:the\s+(?:year|season)\s+|el\s+año\s+|l['’]année\s+|(?:dem\s+)?jahr\s+|"
                      r"(?:l['’])?anno\s+|o\s+ano\s+|het\s+jaar\s+)?)((?:19|20)\d\d(?:\s?[-–/]\s?(?:19|20)?\d\d)?)"
                      r"(?![\d.,])|((?:19|20)\d\d\s?[-–/]\s?\d\d)(?![\d.,])")
"""A year or season the question asks a value for: after "in", "for", "during"… ("for 2027-28", "im Jahr 2025"),
or a season on its own ("2027-28"); not a year that places something else ("since 2019", "after 2015")."""


def other_year(question: str, statements: Sequence[str]) -> str:
    """The year the first statement speaks of ("2026–27") when the question asks for a value in another year or
    season ("What will the council tax be for 2027-28?", `_IN_YEAR`) and no statement names the asked one:
    another period's value, typically because the asked one is not in the notes yet. Read from digits and each
    language's few prepositions; not for how old or how long something is, which is counted from another year."""
    asked = {p for m in _IN_YEAR.finditer(question) for p in _periods(m.group(1) or m.group(2))}
    if not asked or not statements or _AGE.search(question):
        return ""
    named = [_periods(s) for s in statements]
    if not named[0] or any(_same_period(a, p) for a in asked for n in named for p in n):
        return ""
    first = min(named[0])
    return f"year {first[0]}" + (f"-{first[1]}" if first[1] != first[0] else "")


ORDINALS: dict[str, dict[str, int]] = {
    "en": {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
           "ninth": 9, "tenth": 10},
    "es": {"primer": 1, "primero": 1, "primera": 1, "segundo": 2, "segunda": 2, "tercer": 3, "tercero": 3,
           "tercera": 3, "cuarto": 4, "cuarta": 4, "quinto": 5, "quinta": 5},
    "pt": {"primeiro": 1, "primeira": 1, "segundo": 2, "segunda": 2, "terceiro": 3, "terceira": 3, "quarto": 4,
           "quarta": 4, "quinto": 5, "quinta": 5},
    "fr": {"premier": 1, "première": 1, "premiere": 1, "deuxième": 2, "deuxieme": 2, "second": 2, "seconde": 2,
           "troisième": 3, "troisieme": 3, "quatrième": 4, "quatrieme": 4, "cinquième": 5, "cinquieme": 5},
    "de": {"erste": 1, "ersten": 1, "erster": 1, "erstes": 1, "zweite": 2, "zweiten": 2, "zweiter": 2,
           "zweites": 2, "dritte": 3, "dritten": 3, "dritter": 3, "drittes": 3, "vierte": 4, "vierten": 4,
           "vierter": 4, "fünfte": 5, "fünften": 5, "fünfter": 5},
    "it": {"primo": 1, "prima": 1, "secondo": 2, "seconda": 2, "terzo": 3, "terza": 3, "quarto": 4, "quarta": 4,
           "quinto": 5, "quinta": 5},
    "nl": {"eerste": 1, "tweede": 2, "derde": 3, "vierde": 4, "vijfde": 5},
}
"""Ordinal words per language (the grammar of counting: first to fifth, tenth in English), each with its number."""
_ORDINAL_WORDS = {w: n for table in ORDINALS.values() for w, n in table.items()}
_ORDINAL = re.compile(r"(?<![\w-])(" + "|".join(sorted(map(re.escape, _ORDINAL_WORDS), key=len, reverse=True))
                      + r"|\d{1,2}(?:st|nd|rd|th|º|ª|°|er|re|e|ème|eme))[\s-]+([^\W\d_][\w'’]*)", re.I)


@functools.lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    """The stop words of the languages `ORDINALS` reads, folded."""
    from memex.agents.lexicon import stopwords

    return frozenset().union(*(stopwords(lang) for lang in ORDINALS))


def _ordinal(word: str) -> int | None:
    """The number an ordinal word or figure stands for ("second" -> 2, "3rd" -> 3, "2ème" -> 2)."""
    low = word.lower()
    if low in _ORDINAL_WORDS:
        return _ORDINAL_WORDS[low]
    m = re.match(r"\d{1,2}", low)
    return int(m.group()) if m else None


def _counted(text: str) -> dict[str, set[int]]:
    """The things a text counts by ordinal, each with the ordinals it gives ("first-year halls", "in her second
    year" -> {"year": {1, 2}}): the word after the ordinal, lower-cased, a plural "s" dropped."""
    from memex.agents.lexicon import fold

    out: dict[str, set[int]] = {}
    for m in _ORDINAL.finditer(text):
        n = _ordinal(m.group(1))
        # "prima di", "cuarto tras", "first get": a word that is an ordinal in one language and a preposition or a
        # noun in another, or an adverb before a verb, counts nothing; the thing counted is a content word.
        # "segunda-feira", "quarta-feira": a Portuguese weekday, not the second or fourth of anything.
        if n is not None and fold(m.group(2).lower()) not in _function_words() and m.group(2).lower() != "feira":
            out.setdefault(m.group(2).lower().rstrip("s"), set()).add(n)
    return out


def other_ordinal(question: str, statements: Sequence[str]) -> str:
    """What the statements count instead ("year 1") when the question asks for the value of one numbered
    instance of something by its ordinal ("What average did Orla get in her second year?") and the statements
    name the same thing only with another ordinal ("a 2:1 average in first year"): another period's or
    instance's value, typically because the asked one is not in the notes. Read from the ordinal words of the
    seven languages and the word that follows one, so "first-year halls" counts years too; "" otherwise."""
    asked = _counted(question)
    if not asked or not statements:
        return ""
    named: dict[str, set[int]] = {}
    for s in statements:
        for thing, ns in _counted(s).items():
            named.setdefault(thing, set()).update(ns)
        # "Year 2: 68%", "2 May": a statement can name the instance by its number, "<thing> <n>" or "<n> <thing>"
        # (the singular only: "2 years" is a count, not the second year).
        for thing in asked:
            word = re.escape(thing)
            for m in re.finditer(rf"(?i)(?<![\w-]){word}s?[ \t]+(\d{{1,2}})(?![\w:.,]\d)(?!\w)"
                                 rf"|(?<![\w:.,])(\d{{1,2}})[ \t]+{word}(?![\w-])", s):
                named.setdefault(thing, set()).add(int(m.group(1) or m.group(2)))
    for thing, ns in asked.items():
        if thing in named and not named[thing] & ns:
            return f"{thing} {min(named[thing])}"
    return ""


_SURNAME = re.compile(r"(?i)(?<!\w)(?:surname|last name|family name|full name|apellidos?|nombre completo|"
                      r"nom de famille|nom complet|nachnamen?|familiennamen?|vollständigen? namen?|cognome|"
                      r"nome completo|sobrenome|achternaam|volledige naam)(?!\w)")
"""How each language asks for a person's surname or full name."""
_LABELLED = re.compile(r"[ \t]*[:=—–-]?[ \t]*(?:(?:is|was|es|era|est|était|ist|lautet|war|è|é|foi|zijn|was)[ \t]+)?"
                       r"([^\W\d_][\w'’-]*)")
"""What follows a surname label when it gives one ("Surname: Walsh", "surname is Walsh", "Nachname lautet Brandt")."""
_PARTICLES = r"(?:(?:van|von|de|da|del|di|du|le|la|ten|ter|der|den)[ \t]+){0,2}"
"""Lower-case particles a surname may open with ("de Vries", "van der Berg", "von Trapp")."""


def no_surname(question: str, statements: Sequence[str]) -> str:
    """The one-word name whose surname (or full name) the question asks ("What's Kieran's surname?") when the
    statements name that person and never with a surname: no capitalised word follows the name ("Cover: Kieran
    from the Leeds office") nor stands before it with a comma ("Smith, Kieran"). "" otherwise, and when the
    statements do not name the person (the name check reads that)."""
    from memex.agents.answer_type import names

    if not _SURNAME.search(question) or not statements:
        return ""
    text = "\n".join(statements)
    # "Surname: Walsh", "Kieran's surname is Walsh": a labelled surname gives it, whoever's name stands nearby.
    if any((v := _LABELLED.match(text, m.end())) and v.group(1)[:1].isupper() for m in _SURNAME.finditer(text)):
        return ""
    for name in names(question):
        # "Nachname" of "Wie lautet der Nachname von Leon?" is the asked label, not a person.
        if " " in name.strip() or not name[:1].isupper() or _SURNAME.fullmatch(name.strip()):
            continue
        word = re.escape(name.strip())
        if not re.search(rf"(?<![\w-]){word}(?![\w-])", text):
            continue
        if re.search(rf"(?<![\w-]){word}[ \t]+{_PARTICLES}[A-Z][\w'’-]+|[A-Z][\w'’-]+,[ \t]*{word}(?![\w-])", text):
            continue
        return name.strip()
    return ""


_FIRST_NAME = re.compile(r"(?i)(?<!\w)(?:first name|given name|forename|christian name|nombre de pila|prénom|prenom|"
                         r"vornamen?|nome di battesimo|nome proprio|primeiro nome|voornaam)(?!\w)")
"""How each language asks for a person's first name."""
_TITLES = "|".join(re.escape(w[:1].upper() + w[1:]) for w in sorted(TITLE_WORDS, key=len, reverse=True))
"""The courtesy titles a person is named by with the surname alone ("Mr Kaminski", "Mme Giraud", "Herr Pfeiffer"),
in en, es, fr, de, it, pt, nl, as written at the head of a name (agents/noted_names.TITLE_WORDS, capitalised)."""
_LOWER_TITLES = r"meneer|mevrouw|monsieur|madame|señor|señora|senhor|senhora|signor|signora|signore"
"""Titles written in lower case inside a sentence ("meneer De Vries", "la señora Ortiz")."""
_TITLED = re.compile(rf"(?<![\w.])(?:{_TITLES}|{_LOWER_TITLES})\.?[ \t]+((?:(?i:van|von|de|da|del|di|du|le|la|ten|ter|der|den)[ \t]+)"
                     r"{0,2}[A-ZÀ-Ý][\w'’-]+)")


def no_first_name(question: str, statements: Sequence[str]) -> str:
    """The titled surname whose first name the question asks ("What is Mr Kaminski's first name?", "Quel est le
    prénom de Mme Giraud ?") when the statements name that person and only ever by a title or the surname alone:
    no capitalised word other than a title stands before the surname ("Tomasz Kaminski") nor after it with a
    comma ("Kaminski, Tomasz"), and no first-name label gives one ("Prénom : Odile"). "" otherwise, and when
    the question names no one by a title (a person it describes is found through a relation: agents/multihop.py)
    or the statements do not name them (the name check reads that)."""
    if not _FIRST_NAME.search(question) or not statements:
        return ""
    text = "\n".join(statements)
    if any((v := _LABELLED.match(text, m.end())) and v.group(1)[:1].isupper() for m in _FIRST_NAME.finditer(text)):
        return ""
    for m in _TITLED.finditer(question):
        surname = re.sub(r"['’]s?$", "", m.group(1))  # "Mr Kaminski's first name"
        word = re.escape(surname)
        if not re.search(rf"(?<![\w-]){word}(?![\w-])", text):
            continue
        before = re.finditer(rf"(?<![\w.])([A-ZÀ-Ý][\w'’-]*)\.?[ \t]+{word}(?![\w-])", text)
        if any(not re.fullmatch(rf"(?:{_TITLES})", b.group(1)) for b in before):
            continue
        if re.search(rf"(?<![\w-]){word},[ \t]*[A-ZÀ-Ý][\w'’-]+", text):
            continue
        # "Kaminski (Tomasz)": the first name in brackets after the surname gives it
        if re.search(rf"(?<![\w-]){word}[ \t]*\([ \t]*[A-ZÀ-Ý][\w'’-]+[ \t]*\)", text):
            continue
        return m.group(0)[:m.end(1) - m.start()].removesuffix(m.group(1)) + surname
    return ""
