"""Checklists: which items are ticked, and whether a question asks for the ticked or the open ones.

"What's still left to do on the jobs list?", "Which items on the checklist were not ticked off?", "Qu'est-ce qui
reste à faire ?", "Was ist noch offen?": a Markdown task list ("- [x] Loft insulation", "- [ ] Re-grout the
shower") or a list whose done items are struck through ("- ~~Waterproof~~ — got her the good one") answers with
the items of the asked state only. The state is read from the markup, which is the same in every language; only
the question's words for "done" and "still to do" are per language.
"""
from __future__ import annotations

import functools
import re

from memex.agents import lexicon

_BOX = re.compile(r"^\s*(?:[-*+]|\d{1,2}[.)])\s+\[(?P<mark>[ xX✓✔])\]")
_STRUCK = re.compile(r"^\s*(?:[-*+]|\d{1,2}[.)])\s+(?:\*\*)?~~\S")
_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,2}[.)])\s")

# Words that ask for the items still to do, and for those done; a negated "done" asks for the open ones.
# Folded (no accents), matched at word starts.
_OPEN = {
    "en": r"left|still|yet to|outstanding|remaining|pending|to-?do|open|unticked|unchecked|undone|need(?:s)? to",
    "es": r"pendiente|falta|queda|por hacer|sin hacer|todavia|aun",
    "pt": r"pendente|falta|por fazer|a fazer|ainda|em aberto|resta",
    "fr": r"reste|a faire|encore|en attente|en suspens|non fait",
    "de": r"offen|noch|ausstehend|fehl|ubrig|zu erledigen|zu tun",
    "it": r"da fare|ancora|manca|in sospeso|rimast|resta",
    "nl": r"nog|open|openstaand|resterend|te doen",
}
_DONE = {
    "en": r"done|tick|completed?|finished|crossed|checked off|sorted|bought|packed",
    "es": r"hech|hice|hicimos|terminad|complet|tachad|marcad|comprad",
    "pt": r"feit|fiz|fizemos|concluid|terminad|marcad|riscad|comprad",
    "fr": r"fait|termin|coche|fini|accompli|realise|achete",
    "de": r"erledigt|abgehakt|gemacht|fertig|abgeschlossen|geschafft|gekauft",
    "it": r"fatt|complet|finit|spuntat|terminat|comprat",
    "nl": r"gedaan|afgevinkt|klaar|afgerond|voltooid|gekocht",
}
_NOT = {"en": r"not|n't|never", "es": r"no|nunca", "pt": r"nao|nunca", "fr": r"pas|jamais|non",
        "de": r"nicht|kein\w*|nie", "it": r"non|mai", "nl": r"niet|geen|nooit"}


@functools.lru_cache(maxsize=None)
def _patterns(lang: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]] | None:
    if lang not in _OPEN:
        return None
    return (re.compile(rf"\b(?:{_OPEN[lang]})"), re.compile(rf"\b(?:{_DONE[lang]})"),
            re.compile(rf"(?:\b|(?<=n))(?:{_NOT[lang]})\b"))


def asked_state(question: str) -> str | None:
    """"open" when the question asks for what is still to do, "done" for what was done, else None."""
    pats = _patterns(lexicon.language(question))
    if pats is None:
        return None
    q = lexicon.fold(question).replace("’", "'")
    open_, done, neg = pats
    done_m = done.search(q)
    if done_m and neg.search(q[:done_m.start()]):
        return "open"  # "were not ticked off", "pas encore fait", "noch nicht erledigt"
    if open_.search(q):
        return "open"
    return "done" if done_m else None


def state(quote: str) -> str | None:
    """"done" for a ticked or struck-through list item, "open" for an unticked one, None for other text."""
    m = _BOX.match(quote)
    if m:
        return "open" if m.group("mark") == " " else "done"
    return "done" if _STRUCK.match(quote) else None


def states(quotes: list[str]) -> list[str | None]:
    """The state of each item of one list: in a list whose done items are only struck through (no boxes), the
    items not struck through are the open ones."""
    out = [state(q) for q in quotes]
    boxed = any(_BOX.match(q) for q in quotes)
    if not boxed and "done" in out:
        out = [s or ("open" if _ITEM.match(q) else None) for s, q in zip(out, quotes, strict=True)]
    return out


__all__ = ["asked_state", "state", "states"]
