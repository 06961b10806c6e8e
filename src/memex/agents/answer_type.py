"""What kind of answer a question expects (an amount, a date, a time, a person...) and what a sentence offers.

A sentence that offers the expected kind of thing — beyond what the question itself already says — is far
more likely to be the answer: "When's Jonah's birthday?" is answered by "Birthday: 3 March", not by "Jonah
birthday 2026 — microphone mug". The patterns are English; a question in another language simply expects
nothing in particular (the other signals still work).
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from memex.agents import lexicon, quantity
from memex.ingest.dates import find_dates

MONEY = "money"
NUMBER = "number"
QUANTITY = "quantity"
DATE = "date"
TIME = "time"
WEEKDAY = "weekday"
DURATION = "duration"
PERSON = "person"
PLACE = "place"
NAME = "name"
PHONE = "phone"
CODE = "code"

_MONEY_WORDS = (r"cost|costs|costing|pay|paid|paying|charge|charges|charged|price|prices|priced|fee|fees|spend|"
                r"spent|worth|invoice|invoiced|budget|quote|quoted|earn|earned|owe|owed|rate|deposit|valuation|"
                r"salary|take|took|taken|takings|income|afford|bill|billed|refund|sell for|sold for|subs|payment|"
                r"payments|mortgage|overspend|overspent|over budget|over the (?:original )?quote|fund|funding")
Q_MONEY = re.compile(rf"\bhow much\b[^?]*\b(?:{_MONEY_WORDS})\b|\b(?:{_MONEY_WORDS})\b[^?]*\bhow much\b|"
                      r"\bhow much (?:is|was|were|are|does|did|do|will|would)\b[^?]*\b(?:a|an|the|my|our)\b"
                      r"[^?]*(?:\bat\b|\bon\b|\bfor\b)|\bday rate\b|\bper (?:hour|day|month|week|night)\b|"
                      r"\bwhat(?:'s| is| was| were)? (?:the |my |our |his |her |their )?(?:price|cost|fee|rate|"
                      r"quote|budget|total|valuation|deposit|bill|balance)\b|"
                      # "What did the heat pump cost me…?", "What balance did I pay…?": the verb asks for money
                      r"\bwhat (?:\w+ )?(?:did|does|do|will|would)\b[^?,]*\b(?:cost|costs|charge|charged|pay|paid)\b|"
                      # "What did the surveyor say the flat was worth?": a value ("worth it" is a judgement)
                      r"\bwhat\b[^?]*\bworth\s*(?:[?,]|$|\b(?:now|today|then|at|in|on|when|after|before|by)\b)",
                      re.I)
_Q_QUANTITY = re.compile(r"\bhow (?:many|much|heavy|tall|far|big|large|long|old|often|fast|hot|cold|high|deep|thick|thin|wide|"
                         r"narrow|small|short|low|warm|steep|loud|quick|slow|strong)\b|"
                         r"\bwhat (?:(?:is|was|were|are|will be) )?(?:(?:my|the|our|his|her|their|your) )?(?:[\w-]+ ){0,2}(?:dose|dosage|weight|temperature|size|percentage|share|gravity|grade|"
                         r"score|split|number|amount|speed|distance|height|length|volume|age|ratio|proportion|thickness|width|depth|"
                         r"diameter|capacity|"
                         r"count|total|mark|pace|heart rate)\b|\bwhich (?:size|grade|version|number)\b|"
                         # "Since which Obsidian version…?", "What app version…?": a version number
                         r"\b(?:which|what) (?:[\w-]+ ){0,2}version\b|"
                         r"\bwhat(?:'s| is| was| were| are)?\b[^?]*\b(?:number|code|pin|password|postcode|position|"
                         r"place|score|reading)\b", re.I)
# "when" asks for a date where it opens the question (or a part of it: "..., and when?"); mid-sentence it is a
# conjunction: "Which signal do crews grumble about when it's misty?" asks for a signal, not a date.
_WHEN = r"(?:^\W*(?:(?:so|and|but|then|ok|okay|remind me)\W+)?|[,;]\s*|\b(?:and|or|since|until|till|by)\s+)when\b"
_Q_DATE = re.compile(_WHEN + r"|\bwhat (?:date|day|year|month)\b|\bwhich (?:date|day|year|month)\b|\bbirthday\b|"
                     r"\bsince when\b|\buntil when\b|\bby when\b|\bhow long ago\b|\bdeadline\b|\bdue\b|"
                     # "What did the email say about the install date?" asks for a date as much as "when" does
                     # ("the default date format" asks for a format: the date must end the phrase)
                     r"\bthe (?:\w+ )?date\b(?=\s*(?:[?.,!;]|$|of\b|for\b))", re.I)
_Q_TIME = re.compile(r"\bwhat (?:\w+ ){0,3}time\b|\bwhat day\b|" + _WHEN + r"[^?]*\b(?:meet|meeting|class|session|kick|start|starts|open|opens|"
                     r"close|closes|train|training|football|swimming|practice|lesson|appointment|call|calls|"
                     r"visit|visits|sync|standup|stand-up)\b|\bschedule\b|\b(?:which|what) (?:evening|morning|afternoon|night|day)s?\b|"
                     r"\bopening hours\b", re.I)
_Q_DURATION = re.compile(r"\bhow long\b|\bhow many (?:hours|minutes|days|weeks|months|years)\b|\bfor how long\b",
                         re.I)
_Q_PERSON = re.compile(r"\bwho(?:'s|se| is| was| were| did| does| do| have| has|m)?\b|\bwhich (?:\w+ )?(?:person|"
                       r"people|carer|teacher|colleague|friend|doctor|vet|nurse|builder|engineer|client|manager|"
                       r"tutor|coach|neighbour|solicitor|agent|broker|participant|riders?|member|student|owner|"
                       # family: "Which in-law put up a rail?", "Which cousin came?"
                       r"(?:\w+-)?in-law|sister|brother|cousin|aunt|uncle|niece|nephew|son|daughter|sibling|relative|"
                       r"grandchild|grandson|granddaughter|kid|child|parent|partner)s?\b|"
                       r"\bname of (?:the|my|our) (?:\w+ )?(?:person|teacher|carer|friend|builder|engineer)\b", re.I)
_Q_PLACE = re.compile(r"\bwhere\b|\bwhich (?:\w+ )?(?:hill|mountain|city|town|village|street|road|shop|venue|"
                      r"place|restaurant|pub|cafe|café|hotel|hostel|guesthouse|campsite|inn|flat|house|route|country|hospital|clinic|school|centre|room|"
                      r"center|park|station|office|club)s?\b", re.I)
_Q_NAME = re.compile(r"\bcalled\b|\bwhat(?:'s| is| was) (?:the |my |our |his |her )?name\b|\bnamed\b|"
                     r"\bwhich (?:company|glaze|product|brand|app|tool|book|film|beer|recipe|plugin|deal|"
                     r"mortgage|model|medication|medicine|tablet|drug|plan)\b|\bwhat (?:company|glaze|brand|"
                     r"medication|medicine|tablet|drug|deal|product|app|breed|beer)\b|\bmake and model\b|"
                     r"\b(?:what|which) (?:make|model)\b", re.I)

_Q_TERMS = re.compile(r"\b(?:which|what)\s+(?:\w+\s+)?(?:deal|mortgage|tariff|plan|package|contract)s?\b", re.I)
"""A product chosen by its terms: the notes describe it by its rate, price, length or fee more often than by a
name ("went for the 2-year fixed at 4.19%, £999 product fee")."""

_Q_PHONE = re.compile(r"\b(?:phone|mobile|telephone|landline|cell|contact) (?:number|no\.?)\b|"
                      r"\bnumber to (?:call|ring|text)\b|\bwhat(?:'s| is) (?:\w+['’]s )?(?:mobile|phone)\??$", re.I)
_Q_REFERENCE = re.compile(r"\b(?:nhs|policy|microchip|chip|account|reference|registration|serial|passport|licen[cs]e|"
                          r"tracking|order|membership|customer|booking|invoice|national insurance|ni|vat|utr|"
                          r"tax|bib|case|claim|pin|ticket)\s+(?:number|no\.?|code|ref)\b|\bsort code\b|"
                          r"\b(?:door|alarm|key safe|safe|gate|lock|access|entry|wi-?fi|wifi) (?:code|password|pin)\b|"
                          r"\bpassword\b|\bpin\b|\bpostcode\b|\bthe code\b|\bcode for\b|"
                          r"\b(?:number|licen[cs]e|registration|reg) plate\b|"
                          r"\b(?:voucher|booking|order|policy|case|claim|account|customer|application|payment)\s+"
                          r"(?:reference|ref)\b", re.I)
_Q_CODE = re.compile(r"\b(?i:what(?:'s| is| was| are))\s+(?i:my|our|the|his|her|their)\s+[A-Z]{2,6}\b\s*\??\s*$")
# A price: a currency sign or word, or an amount with two decimals as receipts and invoices print them ("89.99").
_S_MONEY = re.compile(r"[£$€¥]\s?\d|\b(?:eur|usd|gbp|chf|aud|cad|nzd|sek|nok|dkk)\s?\d|(?<![\d.,])\d{1,3}(?:,\d{3})*\.\d\d(?![\d.,]?\d)(?!\s?(?:hours?|hrs?|h|uur|uhr|mins?|minutes?|days?|weeks?|km|kg|g|mg|ml|l|litres?|miles?|mi|m|cm|mm|%|x|°)\b)|\d\s?(?:[£$€¥](?!\w)|(?:pounds?|euros?|dollars?|quid|gbp|eur|usd)\b)|\b\d+(?:\.\d+)?p\b|"
                      r"\b\d+(?:[.,]\d+)?\s?k\b", re.I)
_S_MONEY_FIELD = re.compile(r"(?:^|;\s)[^:;]{0,30}?(?:[£$€¥]|\b(?:eur|usd|gbp|chf)\b)\)?\s?:\s?(\d[\d,.]*)", re.I)
"""A table row's amount under a currency column ("what: Sign writing; £: 360", "Concepto: Luz; €: 61"): the
sign heads the column, so the cell holds the bare figure."""
_S_NUMBER = re.compile(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|"
                       r"forty|fifty|hundred|thousand|half|once|twice|dozen)\b", re.I)
_UNITS = (r"mg|mcg|ml|l|litres?|liters?|g|kg|km|m|cm|mm|miles?|°c|°f|c|f|%|percent|pcs|pieces|items|mugs|units|"
          r"bpm|kcal|cal|ibu|abv|ebc|sg|hrs?|h|mins?|minutes?|secs?|seconds?|hours?|days?|weeks?|months?|years?|nights?|"
          r"people|times|steps|sessions|interviews|participants|rooms|bedrooms|points")
_S_QUANTITY = re.compile(rf"\d(?:[\d,.:/–-]*\d)?\s?(?:{_UNITS})\b|\d+(?:\.\d+)?%|\b1\.0\d\d\b|\b\d+(?:\.\d+)?\b",
                         re.I)
_S_TIME = re.compile(r"\b(?<!\d\.)(?:[01]?\d|2[0-3])[:.][0-5]\d\b(?![.:]\d)(?!(?<=\.(?:0[1-9]|1[0-2]))\.)|\b(?:1[0-2]|0?[1-9])(?::[0-5]\d)?\s?(?:am|pm)\b|"
                     r"\b(?:noon|midday|midnight|lunchtime|teatime|bedtime|morning|mornings|afternoon|evening|"
                     r"evenings|night|nights|breakfast)\b", re.I)
_S_WEEKDAY = re.compile(r"\b(?:mon|tues?|wed(?:nes)?|thur?s?|fri|sat(?:ur)?|sun)(?:day)?s?\b|\bweekends?\b|"
                        r"\bweekdays?\b|\bfortnightly\b|\bweekly\b|\bdaily\b", re.I)
_S_DURATION = re.compile(r"\b\d+(?:[.,]\d+)?\s?(?:h|hrs?|hours?|mins?|minutes?|s|secs?|seconds?|days?|weeks?|months?|years?|"
                         r"nights?)\b|\b\d+h\d*\b|\b\d{1,2}:\d{2}(?::\d{2})?\b|\b(?:a|an|one|two|three|four|five|"
                         r"six|seven|eight|nine|ten) (?:hours?|days?|weeks?|months?|years?)\b", re.I)
_S_YEAR = re.compile(r"\b(?:in|since|from|until|till|by|of|circa|c\.)\s+((?:1[0-9]|20)\d\d)\b(?![.,:/-]\d)", re.I)
"""A year on its own is a date where a preposition introduces it ("was cast in 1624")."""
_S_PHONE = re.compile(r"(?<![\w£$€])\+?\(?\d[\d ()-]{7,}\d\b")
_S_CODE = re.compile(r"\b(?=[A-Za-z0-9-]*\d)(?=[A-Za-z0-9-]{4,})[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*\b")


_DAY_MONTH = re.compile(r"(?<![\d.,])(?:0?[1-9]|[12]\d|3[01])\.(?:0[1-9]|1[0-2])\.(?:(?:19|20)?\d\d\b)?(?![\d,])")
"""A date written day.month. ("17.04.", "28.04.2026"), as most of Europe writes it."""


def _looks_like_date(token: str) -> bool:
    """A bare year, a time or an ISO date is not a code, nor a day-month-year date as most of Europe writes it
    ("31-12-2028", with a four-digit year: "20-45-67" may be a sort code); codes have 4+ characters and a digit."""
    return bool(re.fullmatch(r"(?:19|20)\d\d|\d{1,2}|\d{4}-\d\d(?:-\d\d)?|\d+(?:st|nd|rd|th|s|pm|am|k|km|kg|mg|ml|g|m|h)|"
                             r"\d{1,2}-\d{1,2}-(?:19|20)\d\d", token, re.I)) or (token.isalpha())


UPPER = "A-Z" + "".join(c for c in map(chr, range(0xC0, 0x250)) if c.isupper())
"""Capital letters of the Latin scripts, as a character-class body: "Álvaro", "Íñigo", "Öztürk" open with one too."""
_CAPITAL = re.compile(rf"(?<![\w'’])([{UPPER}][\w’'&.-]*(?:\s+(?:&\s+)?[{UPPER}][\w’'&.-]*)*)")
_NOT_NAMES = set("""I I'm I've I'd I'll A An The This That These Those It Its He She We They You My Our Your His Her
Their Me Us Them And But Or So If When Where Who What Which Why How Yes No Not Also Then There Here Today Tomorrow
Yesterday Mr Mrs Ms Dr OK Ok Monday Tuesday Wednesday Thursday Friday Saturday Sunday Mon Tue Tues Wed Thu Thur
Thurs Fri Sat Sun January February March April May June July August September October November December Jan Feb
Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Christmas Easter New Next Last First Second Note Notes Done Todo TODO
Update Updated See Re Fwd Mondays Tuesdays Wednesdays Thursdays Fridays Saturdays Sundays Week Weeks Day Days
Morning Evening Night Total Yes Year Years Term Week""".split())
PLACE_WORDS = re.compile(r"\b(?:road|street|st|lane|avenue|ave|park|hill|ben|loch|glen|mount|mountain|centre|center|"
                          r"station|square|gardens|place|terrace|crescent|market|hospital|clinic|school|church|"
                          r"bridge|beach|pier|harbour|airport|cafe|café|pub|hotel|house|hall|studio|studios|yard)\b",
                          re.I)
_PLACE_PREP = re.compile(
    r"\b(?:under|inside|behind|beneath|beside|next to|on top of|opposite|above|below|near)\s+\w+|"
    r"\b(?:in|at|on|from|to|into|by)\s+(?:the|a|an|my|our|his|her|their)\s+(?!(?:morning|evening|afternoon|night|"
    r"end|meantime|past|future|week|month|year|day|moment|end|beginning|start|middle|same|first|last|next|"
    r"other|way|case|time|meeting|mood)\b)[\w'’-]+|"
    rf"\b(?:at|in|on|to|from|near|via)\s+[{UPPER}][\w’'-]+|[\w-]+/[\w./-]+|"
    # "available at /sitemap.xml": a path is where a thing is found
    r"(?<![\w/.])/[A-Za-z][\w.-]*(?:/[\w.-]+)*|"
    # "put it where the old coal store was": a "where" clause names a place
    r"(?<!^)(?<![.!?:;]\s)\bwhere\s+(?:the|a|an|my|our|his|her|their)\s+(?:[\w'’-]+\s+){0,2}[\w'’-]+", re.U)


_ANY_YEAR = dt.date(2000, 1, 1)
_AFTER_PLACE_PREP = re.compile(r"\b(?:in|at|near|outside|around)\s+$")


@dataclass(frozen=True)
class Expectation:
    """The kinds of answer a question asks for (empty: anything)."""

    kinds: frozenset[str]

    def __bool__(self) -> bool:
        return bool(self.kinds)


def expected(question: str) -> Expectation:
    """The answer kinds a question asks for, from its wording (English; other languages: agents/lexicon.py)."""
    q = question.strip()
    foreign = lexicon.expected_kinds(q)
    if foreign is not None:
        return Expectation(foreign)
    kinds: set[str] = set()
    if Q_MONEY.search(q):
        kinds.add(MONEY)
    if _Q_DURATION.search(q):
        kinds.add(DURATION)
    if _Q_QUANTITY.search(q) and MONEY not in kinds:
        kinds |= {QUANTITY, NUMBER} if not re.search(r"\bhow long\b", q, re.I) else {DURATION, DATE}
    if _Q_TIME.search(q):
        kinds |= {TIME, WEEKDAY}
        if re.search(r"\bwhat (?:\w+ ){0,3}time\b", q, re.I) and not re.search(r"\bwhat time\b", q, re.I):
            kinds |= {DURATION, NUMBER}  # "my chip time", "the final target time": a duration
            if re.search(r"\bwhat (?:(?:was|is|were|will be) )?(?:my|his|her|their|your|our) (?:\w+ ){0,2}time\b", q, re.I):
                kinds -= {TIME, WEEKDAY}  # "What was my time in the 10k?": how long it took, not a clock time
    if _Q_DATE.search(q):
        kinds |= {DATE} | ({TIME, WEEKDAY} if re.search(r"\bwhen(?:'s| is| are| do| does)\b|these days|now\b",
                                                         q, re.I) else set())
    if _Q_PERSON.search(q):
        kinds.add(PERSON)
    if _Q_PLACE.search(q):
        kinds.add(PLACE)
    if _Q_NAME.search(q) and not kinds:
        kinds.add(NAME)
        if _Q_TERMS.search(q):
            kinds |= {QUANTITY, MONEY}  # "Which mortgage deal…?": "the 5-year fixed at 4.34%, no fee" names none
    if _Q_CODE.search(q) or _Q_REFERENCE.search(q):
        kinds = (kinds - {NUMBER, QUANTITY}) | {CODE}  # "What's my UTR?", "Dad's NHS number": a code
    if _Q_PHONE.search(q):
        kinds = (kinds - {NUMBER, QUANTITY, CODE}) | {PHONE}
    if re.search(r"\b(?:password|pin|code)\s+(?:hint|reminder|clue)s?\b", q, re.I):
        kinds -= {CODE, NUMBER, QUANTITY}  # "the admin password hint": words that recall it, not the code
    if re.search(r"\b(?:birthday|born|anniversary|date of birth)\b", q, re.I) and DATE in kinds:
        kinds = (kinds - {TIME, WEEKDAY, DURATION}) | {DATE}
    return Expectation(frozenset(kinds))


FUNCTION_WORDS = {"what", "when", "where", "who", "whose", "which", "how", "why", "is", "are", "was", "were", "does",
             "did", "do", "can", "could", "should", "would", "will", "has", "have", "had", "according"}
_OPENING = re.compile(r"(?:^|[.!?:;—–]\s+|\n)[\s>*_#|-]*(?:\d+[.)]\s+)?(?:\*\*)?")


def names(text: str, skip: set[str] | None = None, known: frozenset[str] = frozenset()) -> list[str]:
    """Capitalised word runs that look like names; a lone capital opening a sentence ("Calm as anything.",
    "Passed.") is not one, unless it is one of the `known` names (see `known_names`)."""
    skip = skip or set()
    openings = {m.end() for m in _OPENING.finditer(text)} | {m.end() for m in re.finditer(r"[¿¡]\s*", text)}
    out = []
    for m in _CAPITAL.finditer(text):
        run = m.group(1)
        if m.start() in openings and " " not in run.strip() and run.strip(" .,:;'’") not in known:
            continue
        words = [re.sub(r"['’]s$", "", w) for w in run.split()]
        words = [w for w in words if w.strip("&") and w not in _NOT_NAMES and w.lower() not in FUNCTION_WORDS]
        words = [w for w in words if w.lower().strip(".'’") not in skip and not lexicon.skips_name(w, text)]
        if words:
            out.append(" ".join(words).strip(" .,:;'’"))
    return [n for n in out if len(n) >= 2]


_names = names


def known_names(texts: Iterable[str]) -> frozenset[str]:
    """Single words written with a capital inside a sentence of these texts ("Asistentes: Begoña Lozano, Iñaki
    (su sobrino)"): where one opens a sentence ("Iñaki prepara las fotos"), it is still that name. Not read in
    German texts, where every noun is capitalised, nor in English ones, whose answers were fitted without it."""
    out: set[str] = set()
    for text in texts:
        if lexicon.language(text) in ("de", "en"):
            continue
        for n in names(text):
            out.update(w for w in n.split() if w[:1].isupper() and not w.isupper())
    return frozenset(out)


def offers(sentence: str, question: str = "", known: frozenset[str] = frozenset()) -> frozenset[str]:
    """The answer kinds a sentence offers beyond what the question already contains (`known`: names that may
    open a sentence, `known_names`)."""
    q_low = question.lower()
    q_words = {w.lower().strip(".,'’?!;:\"()") for w in question.split()}
    # German and Dutch write the possessive without an apostrophe ("Heikes Tochter", "Daans trainer"): the name
    # the question gives is then "Heike", which a statement naming her does not offer as a new name.
    if question and lexicon.language(question) in ("de", "nl"):
        q_words |= {w[:-1] for w in q_words if len(w) > 3 and w.endswith("s")}

    def new(matches: list[str]) -> bool:
        return any(m.strip().lower() not in q_low for m in matches if m.strip())

    kinds: set[str] = set()
    money = _S_MONEY.findall(sentence)
    if money and _DAY_MONTH.search(sentence) and {lexicon.language(sentence), lexicon.language(question or sentence)} != {
            "en"}:
        # "Update 17.04.: OP gut verlaufen": a day and month as German, Dutch, ... write them, not a receipt's 17.04
        money = _S_MONEY.findall(_DAY_MONTH.sub(" ", sentence))
    if new(money) or new(_S_MONEY_FIELD.findall(sentence)):
        kinds.add(MONEY)
    if new([m.group(0) for m in _S_QUANTITY.finditer(sentence)]):
        kinds.add(QUANTITY)
    if new(_S_NUMBER.findall(sentence)):
        kinds.add(NUMBER)
    if new([m.group(0) for m in _S_TIME.finditer(sentence)]):
        kinds.add(TIME)
    if new([m.group(0) for m in _S_WEEKDAY.finditer(sentence)]):
        kinds.add(WEEKDAY)
    if new([m.group(0) for m in _S_DURATION.finditer(sentence)]):
        kinds.add(DURATION)
    if new(_S_PHONE.findall(sentence)):
        kinds.add(PHONE)
    if new([c for c in _S_CODE.findall(sentence) if not _looks_like_date(c)]):
        kinds.add(CODE)
    dates = find_dates(sentence, _ANY_YEAR)  # a year-less "3 March" is a date too
    if any(sentence[d.start:d.end].lower() not in q_low for d in dates) or new(_S_YEAR.findall(sentence)):
        kinds.add(DATE)
    names = _names(sentence, q_words, known)
    # "grandchildren in Selby", "lives at Corrib View": a name right after "in"/"at"/"near" is a place, not
    # the person or the thing a "who"/"called" question asks for.
    if any(not _AFTER_PLACE_PREP.search(sentence[:m.start()]) for n in names
           for m in re.finditer(rf"(?<!\w){re.escape(n.split()[0])}", sentence)):
        kinds |= {PERSON, NAME}
    # A place the question already gives ("lives in Whitby" for "Which hotel did we stay in at Whitby?") is not
    # the place it asks for.
    places = [m.group(0) for m in _PLACE_PREP.finditer(sentence)]
    if (names and PLACE_WORDS.search(sentence)) or any(p.split()[-1].lower().strip(".,'’?!;:") not in q_words
                                                        for p in places):
        kinds.add(PLACE)
    if re.search(r"[\"“‘«][^\"”’»]{2,40}[\"”’»]|\*\*[^*]{2,40}\*\*", sentence):
        kinds.add(NAME)
    return frozenset(kinds | lexicon.offers(sentence, question))


_CLAUSE = re.compile(r"\s*(?:[,;]|\s[—–-]\s|(?<=[.!?])\s)\s*")


def _clauses(sentence: str) -> list[str]:
    """The sentence split at its clause breaks, except inside brackets: "Three participants (P1, P5, P7)
    screenshot their ticket" keeps its list with the people it names."""
    parts, start, depth = [], 0, 0
    for m in re.finditer(r"[()\[\]]|" + _CLAUSE.pattern, sentence):
        c = m.group(0)
        if c in "([":
            depth += ")]"["([".index(c)] in sentence[m.end():]  # an unclosed bracket does not hold the rest
        elif c in ")]":
            depth = max(0, depth - 1)
        elif depth == 0:
            parts.append(sentence[start:m.start()])
            start = m.end()
    parts.append(sentence[start:])
    return parts
KIND_WORDS = {"called", "call", "name", "named", "nam", "number", "much", "many", "time", "date", "day",
               # light verbs say nothing of what is asked ("When is OVR going to be commissioned?")
               "go", "going", "goe", "get", "gett", "got", "do", "doe", "did", "done", "ha", "have", "had", "take",
               "put", "come", "happen", "end", "up"}


@functools.lru_cache(maxsize=64)
def attribute_terms(question: str) -> frozenset[str]:
    """What the question asks about its subject: its content words less its names and the words of the kind
    asked for ("What are Pete's grandchildren called?" -> grandchildren)."""
    from memex.agents.extractive import content_terms

    named = content_terms(" ".join(names(question)))
    return frozenset(t for t in content_terms(question) - named if t not in KIND_WORDS and len(t) > 2)


def meets_terms(terms: set[str] | frozenset[str], wanted: set[str] | frozenset[str]) -> bool:
    """Does any of the terms meet a wanted one — the same stem, or one a prefix of the other over 5+ letters
    ("presid" / "presidenta", "commission" / "commissioning")?"""
    return any(t == w or (min(len(t), len(w)) >= 5 and (t.startswith(w) or w.startswith(t)))
               for t in terms for w in wanted)


def answer_span(sentence: str, question: str, subject: str = "") -> str:
    """The clauses of a statement that can answer: those holding what the question asks about, each with the
    clause after it ("Monthly fee, £45"); the whole statement when no clause holds it. "Wife Janet,
    grandchildren in Selby" offers no name for "What are Pete's grandchildren called?". With the statement's
    subject (its note title and section): nothing, when neither the statement nor its subject holds what is
    asked ("What's the name of the warden at Corrib View?" is not answered by "Contact now Kirsty Naylor" in
    a note about the move)."""
    if _RECORD.search(sentence):
        return sentence  # a table row or a "Key: value; Key: value" record: every field is about its subject
    parts = [p for p in _clauses(sentence) if p]
    attr = attribute_terms(question) if len(parts) > 1 or subject else frozenset()
    if not attr:
        return sentence
    from memex.agents.extractive import content_terms

    signs = [sign for word, sign in _SIGNS.items() if word in attr]
    keep = {j for i, p in enumerate(parts) if meets_terms(content_terms(p), attr) or any(s.search(p) for s in signs)
            for j in (i, i + 1, i + 2) if j < len(parts)}
    if keep:
        # rejoined as written at a sentence end: "tin., Cool in the tin" would read "Cool" as a name
        kept = [parts[i] for i in sorted(keep)]
        return "".join(p if not n else (" " if re.search(r"[.!?]$", kept[n - 1]) else ", ") + p
                       for n, p in enumerate(kept))
    subject_terms = content_terms(subject)
    # a light verb both share ("Who got the ring?" / "Yvonne got it") is not what the question names
    if subject and not all(meets_terms(subject_terms, {a}) for a in attr) and (content_terms(question) - KIND_WORDS) & (
            content_terms(f"{subject} {sentence}")):
        return ""  # found through what the question names, silent on what it asks of it
    return sentence


_MEASURED = frozenset({MONEY, NUMBER, QUANTITY, DURATION})
_ORGANISATION = re.compile(r"\b(?:Ltd|Limited|Inc|LLC|LLP|plc|PLC|GmbH|S\.?L\.?|& Sons?|& Co|Co\.)(?!\w)")
_SIGNS = {"company": _ORGANISATION, "firm": _ORGANISATION, "business": _ORGANISATION, "employer": _ORGANISATION}
"""What a clause shows instead of saying the word: "director of Pryce & Son Building Ltd" names a company."""
_RECORD = re.compile(r";\s*[\w /()£$€%-]{1,30}:\s")


LABELLED = re.compile(rf"^[\w ’'-]{{1,25}}:\s+([{UPPER}][\w’'-]+)")
"""A short label and a capitalised value: "Cat: Pim" names the cat."""


def matches(expect: Expectation, sentence: str, question: str, subject: str = "",
            known: frozenset[str] = frozenset(), whole: bool = False) -> float | None:
    """1.0 when the sentence offers an expected kind, 0.0 when it offers none, None when nothing is expected.
    A name asked for must be offered in the clauses about what is asked (answer_span), unless the `whole`
    sentence is known to be about it."""
    if not expect:
        return None
    if expect.kinds <= {PERSON, NAME} and not whole:
        sentence = answer_span(sentence, question, subject)
        label = LABELLED.match(sentence)
        if label and label.group(1).lower() not in question.lower() and label.group(1) not in _NOT_NAMES:
            return 1.0
    value = _offered(expect, expect.kinds & offers(sentence, question, known))
    if value and asks_share(question) and not _S_SHARE.search(sentence):
        return 0.5  # a share asked: a bare number ("routes 7, 23 and 38") is a weak stand-in for "44%"
    if value and expect.kinds & _MEASURED and not quantity.asks_bound(question):
        # "finish under 5 hours" is a goal, not "my time": a value offered only as a bound counts half
        unbound = quantity.without_bounds(sentence)
        if unbound != sentence and _offered(expect, expect.kinds & offers(unbound, question)) < value:
            return 0.5
    return value


_FEW = r"one|two|three|four|five|six|seven|eight|nine|ten|twenty|hundred"
_Q_SHARE = re.compile(r"\b(?:what|which) (?:\w+ )?(?:share|percentage|proportion|fraction|percent)\b|"
                      r"\bhow many (?:per ?cent|percent)\b|\bwhat per ?cent\b|"
                      # the same in es, pt, fr, de, it, nl (matched on the folded question)
                      r"\b(?:que|qual|quel|quelle|welche[rsnm]?|che|quale|welk|welke) (?:\w+ )?(?:porcentaje|"
                      r"percentagem|porcentagem|pourcentage|proportion|prozentsatz|anteil|percentuale|percentage)\b|"
                      r"\b(?:cuantos por ciento|quantos por cento|combien de pour ?cent|wie ?viele? prozent|"
                      r"quanti per ?cento|hoeveel procent)\b", re.I)
_S_SHARE = re.compile(r"\d\s?%|\b(?:per ?cent|percent|half|halves|thirds?|quarters?|fifths?|por ?ciento|por ?cento|"
                      r"pour ?cent|prozent|per ?cento|procent|mitad|metade|moitie|moitié|halfte|hälfte|meta|helft)\b|"
                      rf"\b(?:\d+|{_FEW})\s+(?:in|out of)\s+(?:every\s+)?(?:\d+|{_FEW})\b|\b\d+\s*/\s*\d+\b", re.I)


@functools.lru_cache(maxsize=64)
def asks_share(question: str) -> bool:
    """Does the question ask for a share of a whole ("what share of journeys", "what percentage", "hoeveel
    procent", "quel pourcentage")?"""
    return bool(_Q_SHARE.search(question) or _Q_SHARE.search(lexicon.fold(question)))


def _offered(expect: Expectation, found: frozenset[str]) -> float:
    if found == {NUMBER} and DURATION in expect.kinds:
        return 0.5  # "What was my time in the Howardian 100?": any number is a weak stand-in for a duration
    return 1.0 if found else 0.0
