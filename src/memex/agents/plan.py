"""Planning a question: follow-up resolution, decomposition into sub-queries, optional LLM rewriting."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from memex.agents import aggregate, lexicon
from memex.agents.extractive import content_terms
from memex.llm.base import ChatModel, LLMError, Message
from memex.retrieve.query import STOPWORDS

MAX_SUB_QUERIES = 4
_WORD = re.compile(r"\w[\w\-./:]*", re.UNICODE)
# A follow-up leans on the previous turn: a pronoun, "what about", or too few words of its own.
_REFERRING = re.compile(r"\b(it|its|that|this|those|these|they|them|their|there|he|she|him|her|one|"
                        r"what about|how about|and the|same)\b", re.I)
_COMPARE = re.compile(r"^\s*(?:compare|contrast)\s+(?P<a>.+?)\s+(?:and|with|to|vs\.?|versus)\s+(?P<b>.+?)\W*$",
                      re.I)
_DIFFERENCE = re.compile(r"\bdifferences?\s+between\s+(?P<a>.+?)\s+and\s+(?P<b>.+?)\W*$", re.I)
_VERSUS = re.compile(r"^(?P<a>.+?)\s+(?:vs\.?|versus|compared (?:with|to))\s+(?P<b>.+?)\W*$", re.I)
_CHANGED = re.compile(r"\bwhat\s+(?:changed|is different|differs?)\s+between\s+(?P<a>.+?)\s+and\s+"
                      r"(?P<b>.+?)\W*$", re.I)
_TEMPORAL = re.compile(r"\b(before|after|now|currently|current|still|latest|originally|changed|moved|since|"
                       r"used to|any more|anymore|these days|at the moment|at present|in the end|finally|"
                       r"ended up|end up|nowadays|today|most recent|last time|up to date|lately|of late)\b", re.I)
_AGGREGATE = re.compile(r"\b(how many (?!\w+ (?:is|was|are|were|does|did|do) )|list (?:all|every|the)|"
                        r"all (?:the )?\w+ (?:that|which|in)|every (?!year|day|week|month|morning|evening|night)|"
                        r"which notes|in total|altogether|across (?:all|the|both|every)|whose \w+s? (?:fall|are|is)|"
                        r"who (?:do i know|else)|what (?:\w+ )?(?:did i|have i) \w+ in (?:19|20)\d\d|"
                        r"(?:which|what) \w+s (?:did|have|do) (?:i|we) (?:\w+ )?(?:view|visit|brew|buy|read|see|"
                        r"try|use|make|sell)|who have \w+ \w+s? been|medications|tablets|every one)", re.I)
_RELATION_NOUNS = (r"partner|brother|sister|mum|mom|mother|dad|father|wife|husband|son|daughter|boss|manager|"
                   r"line manager|friend|neighbour|neighbor|builder|solicitor|agent|broker|vet|doctor|gp|client|"
                   r"teacher|tutor|coach|mentor|landlord|accountant|cousin|aunt|uncle|grandad|grandma|granddad|"
                   r"grandmother|grandfather|in-laws|profession|job|employer|teammate|colleague|deputy")
_PAST_VERB = (r"(?:[a-z]+ed|took|told|sent|gave|brought|bought|made|got|sold|lent|found|met|wrote|ran|left|built|"
              r"taught|chose|went|saw|drove|won|held|kept|paid|caught|fed|led|rang|sang|put|set|began|did)")
# A relative clause without its "that" whose subject is a name: "the team Ruth Ackroyd joined in October", "the
# appointment Jonah took him to". ("the sportive my old manager talked me into" is found as "my old manager" first:
# the name that stands for him then makes the rest such a clause, asked of in a further hop.)
CONTACT_CLAUSE = rf"(?-i:(?!I\b)[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s+(?-i:{_PAST_VERB})\b"
# The rest of a clause: up to the question's end or a comma, semicolon (not the comma of "£2,300").
_CLAUSE_REST = r"(?:[^?,;]|,(?=\d{3}))*"
# A thing named by what it did or how it relates ("the friend who recommended my builder", "my line
# manager", "the beer I brew for Elin's birthday"): find that thing first, then ask about it.
_RELATIONAL = re.compile(
    r"\b(?P<d>(?:the|my|our|his|her|their)\s+(?:(?!(?:did|does|do|was|were|is|are|has|have|had|will|would|can|could)\s)"
    r"[\w&'’-]+\s+){0,4}?(?:(?:who|that)['’]s|who|whose|that|which|where|"
    r"(?:i|we)\s+(?!\w+ing\b)\w+|(?:i['’]m|we['’]re|i['’]ve|we['’]ve)\s+\w+)\s" + _CLAUSE_REST + "|"
    r"(?:the|my|our)\s+(?:person|people|man|woman|one|teammate)\s+\w+ing\s" + _CLAUSE_REST + ")", re.I)
# A thing related to one such a clause describes: "the boss of *the team Ruth Ackroyd joined in October*". (The
# thing the clause itself describes is found by its own words, one hop: "How much did the soundproofing Jonah
# wanted cost?".)
_CONTACT_OF = re.compile(r"\b(?P<d>(?:the|my|our|his|her|their)\s+[\w&'’-]+(?:\s+[\w&'’-]+)?\s+of\s+"
                         r"(?:the|my|our|his|her|their)\s+(?:[\w&'’-]+\s+){1,3}?" + CONTACT_CLAUSE + r"\s" + _CLAUSE_REST + ")",
                         re.I)
_CONTACT = re.compile(r"\b(?P<d>(?:the|my|our|his|her|their)\s+(?:[\w&'’-]+\s+){1,4}?" + CONTACT_CLAUSE
                      + r"\s" + _CLAUSE_REST + ")", re.I)
# "my acting deputy role", "my mentor job": the relation names a role of mine, not a person to find first.
_ROLE_OF_MINE = r"(?!\s+(?:role|job|post|position|title|contract|allowance)\b)"
_POSSESSIVE = re.compile(rf"\b(?P<d>(?i:(?:my|our)\s+(?:\w+\s+)?(?:{_RELATION_NOUNS}){_ROLE_OF_MINE})|(?!What|Who|Where|"
                         rf"When|How|That|It|There|Here)[A-Z][\w-]+['’]s\s+(?:\w+\s+)?(?i:{_RELATION_NOUNS}))(?:['’]s)?\b")
_NAMED_ATTRIBUTE = re.compile(r"[A-Z][\w-]+['’]s\s+(?:\w+\s+)?(?:profession|job|employer)\b")
# Multi-part: ", and <question word>", "; ", "? <question>", " and also ".
# Without the comma only before a question word and its verb ("… for Christmas 2025 and where does he fish?"): "the
# time and where it was" joins two things asked in one part.
_PARTS = re.compile(r"\s*(?:,\s*and\s+(?=(?:the|what|how|when|where|which|who|why|is|are|do|does|can)\b)"
                    r"|\s+and\s+(?=(?:what|how|when|where|which|who|why)(?:['’]s|\s+(?:\w+\s+)?(?:is|are|was|were|"
                    r"do|does|did|has|have|had|can|will|would)\b))"
                    r"|;\s+|\?\s+(?=\w)|\s+and also\s+)", re.I)


@dataclass
class Plan:
    """What retrieval should search for, and why."""

    question: str
    """The (standalone) question being answered."""
    sub_queries: list[str]
    """Searches to run; the question itself is always first."""
    kind: str = "single"
    """"single", "multi-part", "comparison", "change", "aggregation"."""
    temporal: bool = False
    """The question is about change over time: dates decide conflicts."""
    rewritten: str | None = None
    """An LLM's rewrite of the search query, when query rewriting is on."""
    notes: list[str] = field(default_factory=list)
    bridge: str | None = None
    """For a relational question: the description of the thing to find first ("the friend who recommended
    my builder"); its answer (a name) is searched again with the rest of the question."""
    window: tuple[str | None, str | None] = (None, None)
    """Dates the question is limited to ("in 2026", "since September 2025"), ISO, inclusive."""

    def to_dict(self) -> dict[str, Any]:
        """JSON form for --trace."""
        return {"question": self.question, "kind": self.kind, "sub_queries": self.sub_queries,
                "temporal": self.temporal, "rewritten": self.rewritten, "notes": self.notes,
                "bridge": self.bridge, "window": list(self.window)}


def key_terms(text: str, limit: int = 8) -> list[str]:
    """The words of `text` that carry its meaning, in order (no stopwords or question words)."""
    out: list[str] = []
    for w in _WORD.findall(text):
        lw = w.lower()
        if lw not in STOPWORDS and len(w) > 1 and w not in out:
            out.append(w)
    return out[:limit]


def is_follow_up(question: str) -> bool:
    """Does the question seem to lean on the previous turn?"""
    return bool(_REFERRING.search(question)) or len(content_terms(question)) < 3


def resolve_follow_up(question: str, history: list[tuple[str, str]], model: ChatModel | None) -> str:
    """A standalone version of `question` given earlier (question, answer) turns."""
    if not history or not is_follow_up(question):
        return question  # a self-contained question needs no rewrite (and costs no LLM call)
    if model is not None:
        convo = "\n".join(f"User: {q}\nAssistant: {a}" for q, a in history[-3:])
        prompt = [Message("system", "Rewrite the user's follow-up question as one standalone question that "
                                    "can be understood without the conversation. Output only the question."),
                  Message("user", f"<conversation>\n{convo}\n</conversation>\n\nFollow-up question: {question}")]
        try:
            text = model.complete(prompt, max_tokens=96).strip().splitlines()
            rewritten = text[0].strip() if text else ""
            if rewritten and len(rewritten) < 400:
                return rewritten
        except LLMError:
            pass  # condensing is an aid: fall back to the deterministic rule
    previous = key_terms(history[-1][0], 6)
    own = {t.lower() for t in key_terms(question)}
    extra = [t for t in previous if t.lower() not in own]
    return f"{' '.join(extra)} {question}".strip() if extra else question


def _shared_context(question: str, a: str, b: str) -> str:
    """Words of the question outside the two compared parts (e.g. "price of"), to keep each sub-query on topic."""
    rest = question
    for part in (a, b):
        rest = rest.replace(part, " ")
    terms = [t for t in key_terms(rest) if t.lower() not in {"compare", "contrast", "difference", "differences",
                                                           "between", "changed", "versus", "vs"}]
    return " ".join(terms)


_RATE = re.compile(
    r"\b(?:(?:how many|cu[aá]nt[oa]s|combien de|wie ?viele|quant[ie]|quant[oa]s|hoeveel)\s+|combien d['’]\s*)\w+\s+"
    r"(?:a|an|per|each|every|a la|al|por|cada|par|pro|je|in der|am|die|alla|ogni|in de|elke|ao|à|la)\s+"
    r"(?:week|day|month|year|night|shift|semana|d[ií]a|mes|a[nñ]o|noche|turno|semaine|jour|mois|an|ann[ée]e|nuit|"
    r"woche|tag|monat|jahr|nacht|schicht|settimana|giorno|mese|anno|notte|dag|maand|jaar|dienst|dia|m[eê]s|noite)\b",
    re.I)
"""A rate ("How many hours a week …", "¿Cuántos días a la semana …", "Wie viele Stunden pro Woche …", "Hoeveel uur
per week …"), in en, es, fr, de, it, nl, pt: one value a note states, not a count of things to collect."""
_IN_TOTAL = re.compile(r"\b(?:total|altogether|across|en conjunto|en tout(?! cas)|insgesamt|in totale|in totaal|"
                       r"ao todo)\b", re.I)
"""A question that asks for a total ("in total", "across all jobs", "en total", "au total", "insgesamt", "in totale",
"in totaal", "no total", "ao todo"): a rate in it is what each item counts, and the items are still collected."""


def decompose(question: str) -> Plan:
    """Deterministic planning: split comparisons, "what changed between", and multi-part questions."""
    q = question.strip()
    temporal = bool(_TEMPORAL.search(q)) or lexicon.is_temporal(q)
    for kind, pattern in (("change", _CHANGED), ("comparison", _COMPARE), ("comparison", _DIFFERENCE),
                          ("comparison", _VERSUS)):
        m = pattern.search(q)
        if m:
            a, b = m.group("a").strip(" ?"), m.group("b").strip(" ?")
            ctx = _shared_context(q, m.group("a"), m.group("b"))
            subs = [q, f"{a} {ctx}".strip(), f"{b} {ctx}".strip()]
            return Plan(q, _unique(subs), kind, temporal or kind == "change")
    window = time_window(q)
    split = lexicon.split_parts(q)  # another language's ", y qué …"
    parts = [p.strip(" ,;") for p in (_PARTS.split(q) if split is None else split) if p and len(content_terms(p)) >= 2]
    if len(parts) < 2:
        parts = elided_parts(q) or parts
    if len(parts) > 1:
        return Plan(q, _unique([q, *parts]), "multi-part", temporal, window=window)
    bridge = relation(q) or time_anchor(q)
    collect = _AGGREGATE.search(q)
    # "every August" / "before every decision" inside a relational question says how often, not "collect all".
    habitual = bool(collect and bridge and collect.group(0).lower().startswith("every")
                    and not _AGGREGATE.search(q, collect.end()))
    if ((collect and not habitual) or lexicon.is_aggregation(q) or aggregate.collecting(q)) \
            and (not _RATE.search(q) or _IN_TOTAL.search(q)):
        return Plan(q, _unique([q, *aggregate.sub_queries(q)]), "aggregation", temporal, window=window)
    if bridge:
        return Plan(q, _unique([q, bridge]), "relational", temporal, bridge=bridge, window=window)
    chained = _CHAINED.match(q) or _TOLD_THEN_ASKED.match(q)
    if chained and len(content_terms(chained.group("first"))) >= 2:
        # "Which carer was with Dad when the nurse came, and which visit does she do?": the second part asks
        # about the answer to the first, so the first part is the description of the thing to find.
        first = chained.group("first").strip()
        return Plan(q, _unique([q, first]), "relational", temporal, bridge=first, window=window)
    return Plan(q, [q], "single", temporal, window=window)


_CHAINED = re.compile(r"^\s*(?P<first>(?:who|which|what)\b[^,;?]*?)\s*,\s*and\s+(?:(?:to|for|at|in|on|from)\s+)?"
                      r"(?:what|which|when|where|how|who)\b[^?]*\b(?:she|he|they|her|his|their|them)\b", re.I)


_TOLD_THEN_ASKED = re.compile(r"^\s*(?P<first>[^?—–]*\b(?:someone|somebody|a friend|a colleague|a neighbour)\b[^?—–]*?)"
                              r"\s*[—–]\s*(?:what|which|when|where|how|who)\b[^?]*\b(?:she|he|they|her|his|their|them)\b",
                              re.I)
"""A statement about someone, then a question about them: "I lent The Overstory to someone in March — how long has
she been tower captain?" (the statement is the description of the person to find)."""


_ELIDED = re.compile(r"^(?P<first>.*\b(?P<prep>on|in|for|at|to|with|from|by|about|during|after|before)\s+[^,;?]+?)"
                     r"\s*,\s*(?:and|or|but)\s+(?:what about\s+|also\s+)?(?P=prep)\s+(?P<second>[^,;?]+?)\s*\??\s*$", re.I)


_OWN_CLAUSE = re.compile(r"\b(?:what|which|who|whom|whose|when|where|how|why|did|does|do|is|are|was|were|can|could|"
                         r"will|would|should|has|have|had)\b", re.I)


def elided_parts(question: str) -> list[str]:
    """A second part that repeats only the first part's last phrase, for something else: "Do collaborators need
    their own subscription to work on a shared vault, and on a published site?" asks the first part again "… to
    work on a published site" ([] for any other question)."""
    m = _ELIDED.match(question.strip())
    if not m or _OWN_CLAUSE.search(m.group("second")):
        return []  # "…, and on what day did they leave?" is a question of its own
    first, prep = m.group("first"), m.group("prep")
    at = [x.start() for x in re.finditer(rf"\b{re.escape(prep)}\s", first, re.I)][-1]
    second = f"{first[:at]}{prep} {m.group('second')}"
    return [first, second] if len(content_terms(m.group("second"))) >= 1 else []


def relation(question: str, nested: bool = False) -> str | None:
    """The description of a thing the question names only by a relation, e.g. "the friend who recommended
    my builder" or "Bex's partner" (None when the question names its subject directly). `nested`: the question
    was reached through an entity it now names ("the sportive Graham Pickles talked me into"), so a clause
    without "that" describes what to find in any case."""
    span = lexicon.relation(question)  # another language: "el comercial que nos subió el saco"
    if span is not None:
        description, rest = question[span[0]:span[1]], question[:span[0]] + question[span[1]:]
        if len(content_terms(description)) >= 2 and content_terms(rest):
            return description.strip()
        if lexicon.self_relation(question) is None:
            return None
    span = lexicon.self_relation(question)  # "la mujer de mi antiguo jefe": the boss is found first
    if span is not None:
        description, rest = question[span[0]:span[1]], question[:span[0]] + question[span[1]:]
        return description.strip() if content_terms(description) and content_terms(rest) - _ASKING else None
    for pattern, least in ((_RELATIONAL, 2), (_POSSESSIVE, 1), (_CONTACT if nested else _CONTACT_OF, 2)):
        m = pattern.search(question)
        if m and pattern is _POSSESSIVE and _NAMED_ATTRIBUTE.match(m.group("d")):
            continue  # "Tariq's job title": the person is named and the job is asked of him; nothing to find first
        if m and len(content_terms(m.group("d"))) >= least:
            start = m.start("d") + _innermost(m.group("d"))
            rest = question[:start] + question[m.end("d"):]
            # "Who's my line manager now?" asks for the thing itself: there is nothing to ask about it. In
            # "What does the friend who recommended my builder sell?" the verb asked about ends the clause.
            if content_terms(rest) - _ASKING or (pattern is not _POSSESSIVE and _AUX_QUESTION.match(question)):
                return question[start:m.end("d")].strip()
    return None



# A time named by what happened then: "What was I earning an hour *when Mick had his knee done*?", "Which module did
# I do *the month Keith retired*?". The clause's subject is a person (I, we, he, she, they, a name, "my son", "Mum")
# and its verb is past, so "What happens when you rename a note?" (a rule, present tense) is no such anchor. The day
# it names is found first (agents/multihop.date_bridge), then what is asked is read as it stood on that day. The
# rule (its subjects, verbs and the frames of _KNOW_FRAME) is English only.
_ANCHOR_SUBJECT = r"(?:i|we|he|she|they|my\s+[\w'’-]+|(?-i:[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?))"
_ANCHOR_VERB = rf"(?:{_PAST_VERB}|had|was|were|fell|threw|retired|started|finished|qualified|passed)"
_TIME_ANCHOR = re.compile(
    rf"(?<=\w)\s+(?P<d>(?:when|the\s+(?:day|week|month|year|morning|afternoon|evening|night|weekend)"
    rf"(?:\s+(?:that|when))?)\s+{_ANCHOR_SUBJECT}\s+(?:\w+\s+)?{_ANCHOR_VERB}\b{_CLAUSE_REST})", re.I)
# A frame that only asks for the clause itself: "Do you know when Mick had his knee done?" wants the date.
_KNOW_FRAME = re.compile(
    r"^\W*(?:(?:so|and|oh|hey|ok|okay|please)\W+)*(?:(?:do|did|would|can|could)\s+you\s+(?:happen\s+to\s+)?"
    r"(?:know|remember|recall|tell\s+me|remind\s+me)|(?:tell|remind)\s+me|i\s+(?:wonder|forget|"
    r"can['’]?t\s+remember|don['’]?t\s+(?:know|remember))|(?:do\s+you\s+have\s+|have\s+you\s+(?:got\s+)?)?any\s+idea)"
    r"(?:\s+please)?\W*$", re.I)


def time_anchor(question: str) -> str | None:
    """The clause that names a time by what happened then ("when Mick had his knee done", "the month Keith
    retired", "when he passed his test"; English only), as a description of that time; None when the question has none or asks nothing beside it, or only
    asks for it ("Do you know when Mick had his knee done?": the date is what is asked)."""
    m = _TIME_ANCHOR.search(question)
    if not m or _KNOW_FRAME.match(question[:m.start("d")]):
        return None
    d = m.group("d").strip(" ?.!")
    rest = question[:m.start("d")] + question[m.end("d"):]
    if len(content_terms(d)) < 2 or not content_terms(rest) - _ASKING:
        return None
    return d

_OF_THE = re.compile(r"\b(?:of|for|to|with|from|at|in|on)\s+(?=(?:the|my|our|his|her|their)\s)", re.I)
_RELATIVE_WORD = re.compile(r"\b(?:who|whose|that|which|where|i|we)\b", re.I)


def _innermost(description: str) -> int:
    """Where the described thing starts: "the birthday of the colleague whose baby arrived" describes the
    colleague (the birthday is what is asked of them)."""
    rel = _RELATIVE_WORD.search(description, 4)
    head = description[:rel.start()] if rel else ""
    found = list(_OF_THE.finditer(head))
    return found[-1].end() if found else 0


_ASKING = {"now", "current", "currently", "these", "day", "moment", "still", "latest", "today", "year", "thi",
           "s", "'s", "’s", "name", "called"}
_AUX_QUESTION = re.compile(r"\s*(?:what|which|how|when|where|who)\s+(?:does|did|do|is|was|are|were|will|would|"
                           r"can|could|has|have)\b", re.I)
_YEAR = re.compile(r"\b(?:in|during|for|of|across|throughout)\s+((?:19|20)\d\d)\b", re.I)
_SINCE = re.compile(r"\b(since|after|from)\s+", re.I)
_UNTIL = re.compile(r"\b(before|until|till|by)\s+", re.I)


def time_window(question: str) -> tuple[str | None, str | None]:
    """The dates a question is limited to: "in 2026", "in March 2026", "since September 2025" (ISO, inclusive)."""
    import calendar
    import datetime as dt

    from memex.ingest.dates import find_dates

    marks = lexicon.time_window_marks(question)  # another language's "desde", "hasta", "en 2026"
    since, until, year = marks if marks else (_SINCE, _UNTIL, _YEAR)
    text = lexicon.fold(question) if marks else question
    for mark in find_dates(question):
        if not mark.year_given:
            continue
        before = text[max(0, mark.start - 12):mark.start] if marks else question[max(0, mark.start - 8):mark.start]
        if mark.precision == "month":
            last = calendar.monthrange(mark.day.year, mark.day.month)[1]
            start, end = mark.day.isoformat(), mark.day.replace(day=last).isoformat()
        else:
            start = end = mark.day.isoformat()
        if since.search(before):
            return start, None
        if until.search(before):
            return None, end
        if mark.precision == "month":
            return start, end
    m = year.search(text)
    if m:
        y = int(m.group(1))
        return dt.date(y, 1, 1).isoformat(), dt.date(y, 12, 31).isoformat()
    return None, None


def _unique(queries: list[str]) -> list[str]:
    seen: dict[str, str] = {}
    for s in queries:
        key = " ".join(s.lower().split())
        if key and key not in seen:
            seen[key] = s
    return list(seen.values())[:MAX_SUB_QUERIES]


_PLAN_PROMPT = (
    "You plan searches over a person's notes. Given a question, reply with JSON only: "
    '{"sub_queries": [...], "search_query": "..."}. "sub_queries" lists 1-3 short keyword searches, one per '
    "distinct fact the question needs (several only for comparisons, multi-part or before/after questions). "
    '"search_query" is the question rewritten as a good keyword search. Do not answer the question.')


def llm_plan(question: str, model: ChatModel, rewrite: bool) -> Plan:
    """Ask the model for sub-queries (and a rewritten query); any failure falls back to `decompose`."""
    base = decompose(question)
    try:
        reply = model.complete([Message("system", _PLAN_PROMPT), Message("user", f"Question: {question}")],
                               max_tokens=200)
    except LLMError as e:
        base.notes.append(f"LLM planning failed ({e}); used the deterministic plan")
        return base
    m = re.search(r"\{.*\}", reply, re.S)
    try:
        obj = json.loads(m.group(0)) if m else None
    except ValueError:
        obj = None
    if not isinstance(obj, dict):
        base.notes.append("LLM plan was not JSON; used the deterministic plan")
        return base
    subs = [s for s in obj.get("sub_queries") or [] if isinstance(s, str) and s.strip()]
    rewritten = obj.get("search_query") if rewrite and isinstance(obj.get("search_query"), str) else None
    queries = [question, *([rewritten] if rewritten else []), *subs, *base.sub_queries[1:]]
    kind = base.kind if base.kind != "single" or len(subs) < 2 else "multi-part"
    return Plan(question, _unique(queries), kind, base.temporal, rewritten, ["planned by the LLM"])


def reformulate(question: str, tried: list[str], model: ChatModel | None) -> str:
    """A different search for a second retrieval attempt: an LLM rewrite, else the bare key terms."""
    if model is not None:
        try:
            reply = model.complete([
                Message("system", "The search below found nothing useful in the user's notes. Write one "
                                  "different keyword search (synonyms, broader terms) for the same question. "
                                  "Output only the search."),
                Message("user", f"Question: {question}\nSearches tried: {'; '.join(tried)}")], max_tokens=48)
            line = reply.strip().splitlines()[0].strip() if reply.strip() else ""
            if line and line.lower() not in {t.lower() for t in tried}:
                return line
        except LLMError:
            pass
    return " ".join(key_terms(question, 12))
