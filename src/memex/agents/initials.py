"""Initialisms a question spells out: "BP" in a note is the "blood pressure" of the question.

People abbreviate in their own notes what they write out when they ask ("Next: BP review in May 2027" for
"When is my next blood pressure review?", "Lennox MRT trains at the base in Drymen" for "Where is the mountain
rescue team's base?"). Neither the word overlap nor a small embedding model sees that the two are the same
thing, so the statement that answers scores below lines that repeat the question's words. When a statement
holds an all-capitals token whose letters are the initials of consecutive words of the question, the
statement is read with the words spelled out beside it ("BP (blood pressure)") for scoring; the answer still
quotes the note's own text.
"""
from __future__ import annotations

import re

from memex.retrieve.query import STOPWORDS

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_TOKEN = re.compile(r"(?<![\w-])([A-Z]{2,5})(?:['’]?s)?(?![\w-])")
MAX_WORDS = 5
NOT_INITIALISMS = frozenset({"NB", "OK", "PS", "AKA", "FYI", "TBC", "TBD", "ASAP", "RSVP", "ETA", "AM", "PM", "TV", "ID",
                             "UK", "US", "EU", "RE", "FW", "FWD", "CC", "IT", "AN", "AT", "IN", "ON", "TO", "OF", "OR",
                             "IF", "IS", "BE", "BY", "DO", "GO", "NO", "SO", "UP", "WE", "MY", "ME", "HE"})
"""Capitals that abbreviate no words a question would spell out ("NB:" is not "next blood"), or are so common
that their initials meet some question by chance ("IT", "UK")."""


def spelled_out(question: str) -> dict[str, str]:
    """Initialisms of runs of 2-5 consecutive content words of the question ("BP" -> "blood pressure"); a word
    the question itself writes in capitals is no spelled-out run."""
    words = [re.sub(r"['’]s$", "", w) for w in _WORD.findall(question)]
    out: dict[str, str] = {}
    for i in range(len(words)):
        for n in range(2, MAX_WORDS + 1):
            run = words[i:i + n]
            if len(run) < n or any(w.lower() in STOPWORDS or w.isupper() for w in run):
                break
            out.setdefault("".join(w[0] for w in run).upper(), " ".join(w.lower() for w in run))
    return out


def expand(text: str, spelled: dict[str, str]) -> str:
    """The statement with each initialism the question spells out followed by its words: "Next: BP (blood
    pressure) review"; unchanged when it holds none."""
    if not spelled or not _TOKEN.search(text):
        return text
    return _TOKEN.sub(lambda m: f"{m.group(0)} ({spelled[m.group(1)]})" if m.group(1) in spelled and m.group(1) not in NOT_INITIALISMS else m.group(0),
                      text)


def abbreviated(text: str, spelled: dict[str, str]) -> list[str]:
    """The question's spelled-out phrases whose initialisms the text writes ("FG 1.004" -> ["final gravity"])."""
    return [spelled[m.group(1)] for m in _TOKEN.finditer(text)
            if m.group(1) in spelled and m.group(1) not in NOT_INITIALISMS]


_SHORT_NAME = re.compile(r"[A-Z](?:[&./]?[A-Z]){1,5}\.?")
"""A name written as its initials: "A&H", "M&S", "B.B.C.", "RNLI"."""
_JOIN = r"(?:\s*[&+]\s*|\s+(?:and|und|y|et|e|en)\s+|\s+)"
"""What a spelled-out name puts between its words ("Allen & Heath", "Marks and Spencer", "Allen Heath")."""


def _letters(name: str) -> str:
    return re.sub(r"[^A-Z]", "", name)


def _spelled_pattern(letters: str) -> re.Pattern[str]:
    """Capitalised words whose initials are the letters, in order, joined as names join their words."""
    # possessive: a word never gives back letters to a joiner, which keeps the match linear and out of "FaceTime"
    return re.compile(r"(?<![\w-])" + _JOIN.join(rf"{c}[a-z][\w'’-]*+" for c in letters) + r"(?![\w-])")


_JOINERS = frozenset({"and", "und", "y", "et", "e", "en", "of", "de", "del", "la", "the", "von", "van", "di", "da", "do"})
"""Small words a spelled-out name has no initial for ("Bank of England", "Marks and Spencer")."""


def same_name(name: str, text: str) -> bool:
    """Does the text write the name in its other form: initials ("A&H") spelled out ("Allen & Heath"), or the other way round?"""
    # people abbreviate the names they use most (desks, shops, firms) and ask with the other form
    if _SHORT_NAME.fullmatch(name):
        letters = _letters(name)
        # two bare capitals are too many people's initials; "A&H", "M&S" join theirs as a firm's name does
        if len(letters) < 3 and not re.search(r"[&+]", name) or name in NOT_INITIALISMS:
            return False
        return bool(_spelled_pattern(letters).search(text))
    words = re.findall(r"[\w'’-]+", name)
    if len(words) < 2 or not all(w[0].isupper() for w in words if w.lower() not in _JOINERS):
        return False
    letters = "".join(w[0] for w in words if w.lower() not in _JOINERS)
    if not 2 <= len(letters) <= 6:
        return False
    # the same rule as the other way round: two bare capitals ("MS", "IT") are too many people's initials
    sep = "[&./+]?" if len(letters) >= 3 else "[&+]"
    return bool(re.search(r"(?<![\w-])" + sep.join(letters) + r"(?![\w-])", text))

