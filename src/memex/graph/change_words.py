"""How notes say that a value changed — one table per language (read by graph/statements.py and
graph/contradictions.py).

English lives in the regular expressions of those two modules (what every English benchmark was tuned with);
this table adds the other languages Memex reads dates in (ingest/dates.py: es, pt, fr, de, it, nl), so that
"passe de 120 € à 140 €", "ab dem 1. März 19:30 Uhr", "ya no", "niet meer" say a change as "from £120 to £140"
and "no longer" do. Entries are regular expressions for whole words or phrases, matched case-insensitively and
not inside a longer word; the language of a statement is not needed (the phrases of one language do not occur
in another's prose).
"""
from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class ChangeWords:
    """One language's ways of saying a value changed."""

    strong: tuple[str, ...]
    """A value was changed: moved, raised, replaced, no longer, from now on, new date."""
    weak: tuple[str, ...]
    """Words that often come with a change but also without one (since, before, was)."""
    moves: tuple[str, ...]
    """"from X to Y" with X in group 1 (the value replaced); only forms that say a change, not a range."""
    instead: tuple[str, ...]
    """"instead of X": names the value replaced."""
    next: tuple[str, ...]
    """"next" (the next one of a recurring event)."""


CHANGE_WORDS: dict[str, ChangeWords] = {
    "fr": ChangeWords(
        strong=(r"pass(?:e|ent|é|ée|és|er|ons)\s+(?:de\b.{1,40}?\s)?(?:à|au|aux|a)", r"désormais", r"dorénavant",
                r"maintenant", r"ne\b[^.;]{0,30}?\bplus", r"n['’]\w+\s+plus", r"remplac\w*", r"rempla[cç]\w*",
                r"au\s+lieu\s+d[eu']", r"à\s+partir\s+d[eu']", r"augmente(?:nt)?", r"baisse(?:nt)?",
                r"(?:augment|baiss|relev|déplac|report|décal|chang|modifi)(?:é|ée|és|ées)",
                r"avancé(?:e|s|es)?", r"repoussé(?:e|s|es)?", r"prend\s+la\s+suite", r"succède", r"devien(?:t|nent)",
                r"devenu(?:e|s|es)?", r"déménag\w*"),
        weak=(r"depuis", r"auparavant", r"avant", r"ancien(?:ne)?s?", r"était", r"étaient", r"prévu(?:e|s|es)?",
              r"nouve(?:au|l|lle|aux|lles)"),
        moves=(r"(?:pass|augment|baiss|relev|mont|descend|chang|décal|déplac|report)\w*\s+(?:\w+\s+){0,3}?de\s+"
               r"(.{1,40}?)\s+(?:à|au|a)\b",),
        instead=(r"au\s+lieu\s+d[eu']", r"(?:^|[(\[!.;]\s*)(?:avant|auparavant)\b", r"remplace"),
        next=(r"prochain(?:e|s|es)?",)),
    "de": ChangeWords(
        strong=(r"von\b.{1,40}?\bauf", r"jetzt", r"ab\s+sofort", r"ab\s+(?:dem|der|den|nächste\w*|\d)",
                r"nicht\s+mehr", r"kein\w*\s+(?:\w+\s+){0,2}?mehr", r"statt", r"anstatt", r"stattdessen",
                r"verschoben", r"verlegt", r"erhöht", r"gesenkt", r"gestiegen",
                r"gesunken", r"geändert", r"ersetzt", r"übernimmt", r"übernommen", r"umgestellt", r"gewechselt",
                r"wechselt", r"angehoben", r"Nachfolger(?:in)?", r"steig(?:t|en)", r"sink(?:t|en)", r"erhöh(?:t|en)\s+sich",
                r"verschieb(?:t|en)\s+sich", r"umgezogen", r"zieh(?:t|en)\s+(?:\w+\s+){0,3}?um", r"geworden"),
        weak=(r"seit", r"bisher", r"früher", r"vorher", r"zuvor", r"waren", r"geplant", r"neu(?:e|er|es|en|em)?"),
        moves=(r"von\s+(.{1,40}?)\s+auf\b",),
        instead=(r"statt", r"anstatt", r"(?:^|[(\[!.;]\s*)(?:bisher|früher|vorher)\b"),
        next=(r"nächste[nmrs]?",)),
    "es": ChangeWords(
        strong=(r"pas(?:a|an|ó|aron|amos|ar)\s+(?:de\b.{1,40}?\s)?a", r"ahora", r"ya\s+no", r"en\s+lugar\s+de",
                r"en\s+vez\s+de", r"a\s+partir\s+del?", r"cambi\w+", r"sub(?:ió|e|ieron|en)",
                r"baj(?:ó|a|aron|an)", r"aplaz\w+", r"pospu\w+", r"reemplaz\w+", r"sustitu\w+", r"aument\w+",
                r"reducid[oa]s?", r"reduj\w+", r"traslad\w+", r"movid[oa]s?"),
        weak=(r"desde", r"antes", r"eran", r"antigu[oa]s?", r"previst[oa]s?", r"nuev[oa]s?"),
        moves=(r"(?:pas|sub|baj|cambi|aument|reduj|reduc|traslad)\w*\s+(?:\w+\s+){0,3}?de\s+(.{1,40}?)\s+a\b",),
        instead=(r"en\s+lugar\s+de", r"en\s+vez\s+de", r"(?:^|[(\[!.;]\s*)antes\b"),
        next=(r"próxim[oa]s?",)),
    "pt": ChangeWords(
        strong=(r"pass(?:a|am|ar|amos|ou|aram)\s+(?:de\b.{1,40}?\s)?(?:a|para)", r"agora", r"já\s+não", r"em\s+vez\s+de",
                r"em\s+lugar\s+de", r"a\s+partir\s+d[eoa]", r"mud(?:ou|aram|ança|ar|ad[oa]s?)", r"sub(?:iu|iram)",
                r"baix(?:ou|aram)", r"adiad[oa]s?", r"substitu\w+", r"aument\w+", r"reduz\w+", r"remarcad[oa]s?"),
        weak=(r"desde", r"antes", r"eram", r"antig[oa]s?", r"previst[oa]s?", r"nov[oa]s?"),
        moves=(r"\bde\s+(.{1,40}?)\s+para\b",),
        instead=(r"em\s+vez\s+de", r"em\s+lugar\s+de", r"(?:^|[(\[!.;]\s*)antes\b"),
        next=(r"próxim[oa]s?",)),
    "it": ChangeWords(
        strong=(r"passa(?:to|ta|ti|te|no|re)?\s+(?:da\b.{1,40}?\s)?a", r"adesso", r"non\s+più",
                r"invece\s+d[ie]", r"a\s+partire\s+da\w*", r"cambiat\w+", r"spostat\w+",
                r"rinviat\w+", r"aumentat\w+", r"ridott\w+", r"sostituit\w+", r"anticipat\w+", r"posticipat\w+"),
        weak=(r"erano", r"precedente", r"previst[oaie]", r"nuov[oaie]"),
        moves=(r"(?:pass|aument|ridott|spostat|cambi|sal|sces)\w*\s+(?:\w+\s+){0,3}?da\s+(.{1,40}?)\s+a\b",),
        instead=(r"invece\s+d[ie]", r"(?:^|[(\[!.;]\s*)prima\b"),
        next=(r"prossim[oaie]",)),
    "nl": ChangeWords(
        strong=(r"van\b.{1,40}?\bnaar", r"nu", r"niet\s+meer", r"voortaan", r"in\s+plaats\s+van",
                r"vanaf", r"verhoogd", r"verlaagd", r"verplaatst", r"verschoven", r"veranderd", r"gewijzigd",
                r"vervangen", r"gestegen", r"gedaald", r"overgenomen", r"opvolger"),
        weak=(r"sinds", r"eerder", r"vroeger", r"gepland", r"nieuwe?"),
        moves=(r"\bvan\s+(.{1,40}?)\s+naar\b",),
        instead=(r"in\s+plaats\s+van", r"(?:^|[(\[!.;]\s*)(?:eerder|vroeger)\b"),
        next=(r"volgende",)),
}


def _joined(parts: list[str]) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])(?:" + "|".join(f"(?:{p})" for p in parts) + r")(?![\w-])", re.I)


STRONG = _joined([p for w in CHANGE_WORDS.values() for p in w.strong])
"""A change said in any of the languages above (English: contradictions._STRONG_CUE)."""
WEAK = _joined([p for w in CHANGE_WORDS.values() for p in (*w.strong, *w.weak)])
"""A change word, strong or weak, in any of the languages above (English: statements._CUE)."""
MOVES = [re.compile(p, re.I) for w in CHANGE_WORDS.values() for p in w.moves]
""""from X to Y" in the languages above; group 1 is X."""
INSTEAD = _joined([p for w in CHANGE_WORDS.values() for p in w.instead])
NEXT = _joined([p for w in CHANGE_WORDS.values() for p in w.next])
