"""Which value a question asks for, by the label the question gives it, and whether the quoted statements say it.

A question that asks for a value of a kind — a name, a number, a code — often says
*which* one by a label: "What's the **frame** number of the Ouseburn?", "What's the name of Sam Adeyemi's
**partner**?", "What was my **bib** number?", "¿Cuál es el número de **socio** de Lucía?". The label ties the
value to the asked owner's attribute. Notes about the owner hold other values of the same kind (the bike's tyre
size and service dates, the drummer's band), so the kind check (agents/answer_type.py) and the owner's name
(agents/abstain.py) are met by a line that never states the labelled value. A statement states it when it — or
its subject: note title and heading path — carries the label ("Frame no.: WTU123", "Partner: Ade"); a label no
note uses is how the question words it (a paraphrase), which meaning has to carry, and is not read. A statement
without the label may still say a phone number by a synonym ("mobile 07700 900123"): the number in its own form
carries it.

The label is read in two forms, in the seven languages:

- **of-form**: the kind word, "of", the labelled thing — "the name of the landlord's plumber", "el número de
  socio", "le numéro de série", "il nome del medico", "o número de contribuinte", "der Name des Tierarztes", "de
  naam van de verloskundige". A possessor on the way ("of Sam Adeyemi's partner") is the owner, not the label.
- **compound**: in English, the words the kind word closes ("frame number", "bib number", "fault code",
  "chip time"). Not before "name": "first", "full", "medical" name say what sort of name, not whose
  (agents/unstated.no_surname reads name parts).
- **who-form**: the role a who-question names after an article or a possessor — "Who is Hugo's judo coach?",
  "¿Quién es el entrenador de Hugo?", "Wer ist mein Ansprechpartner bei…", "Hoe heet de verloskundige van…" —
  labels the asked person as "the name of Sam Adeyemi's partner" does. Not where a clause describes the owner
  (found through another note), nor where the notes hold the role only by its stem (a translation).
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from memex.agents import lexicon

KIND_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset("name names number numbers code codes reference".split()),
    "es": frozenset("nombre nombres número numero números código codigo".split()),
    "fr": frozenset("nom noms numéro numero numéros code codes".split()),
    "it": frozenset("nome nomi numero numeri codice".split()),
    "pt": frozenset("nome nomes número numero números código codigo".split()),
    "de": frozenset("name namen nummer code".split()),
    "nl": frozenset("naam namen nummer code".split()),
}
"""The words that name a kind of value rather than the thing asked about (lower-case). Not a date, a time or an
address: the notes carry those of a thing by a verb or a synonym ("Ana & Tom got married on 3 June")."""
NOT_LABELS = frozenset("""total overall whole full exact right correct average maximum minimum max min usual current
new old people persons children guests times""".split())
"""Words before or after the kind word that say how much or which sort, not which value ("the total number of
hours", "the number of people coming")."""
OF_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset({"of"}),
    "es": frozenset({"de", "del"}),
    "fr": frozenset({"de", "du", "des", "d"}),
    "it": frozenset({"di", "del", "della", "dello", "dei", "degli", "delle"}),
    "pt": frozenset({"de", "do", "da", "dos", "das"}),
    "de": frozenset({"von", "vom", "des", "der"}),
    "nl": frozenset({"van"}),
}
"""The word that joins the kind word to the thing it is of."""
HEAD_LAST = frozenset({"en", "nl"})
"""Languages whose noun phrase ends with its head ("the giant bell"); the others open with it ("le numéro de
série du cadre")."""
MAX_WORDS = 3

_JOINS: dict[str, frozenset[str]] = {
    "en": frozenset("of at in on for from with".split()),
    "es": frozenset("de del en a para con".split()),
    "fr": frozenset("de du des d en à au aux pour avec".split()),
    "it": frozenset("di del della dello dei degli delle in a al alla per con".split()),
    "pt": frozenset("de do da dos das em no na a ao para com".split()),
    "de": frozenset("von vom des der in im am an auf bei für mit".split()),
    "nl": frozenset("van in op aan bij voor met".split()),
}
"""The prepositions that may follow a label: what follows them places or owns it ("the warden at Corrib View")."""
_RELATIVES: dict[str, frozenset[str]] = {
    "es": frozenset("que quien quienes cuyo cuya cuyos cuyas donde cuando cual cuales".split()),
    "fr": frozenset("qui que qu dont où lequel laquelle lesquels lesquelles quand".split()),
    "it": frozenset("che cui chi dove quale quali quando".split()),
    "pt": frozenset("que quem cujo cuja cujos cujas onde quando qual quais".split()),
}
"""The words that open a relative clause in the languages that always open one with a word (English and Dutch
may leave it out: "the schoolgirl Mum told me about"; German places the verb last)."""
_WORD = re.compile(r"[^\W\d_][\w’'-]*|\d+")
_POSSESSOR = re.compile(r".+'s?")


def _stops(lang: str) -> frozenset[str]:
    return frozenset(lexicon.stopwords(lang))


def _phrase(words: list[str], lang: str) -> list[str]:
    """The labelled noun phrase at the head of `words`: articles, determiners and a possessor ("Sam Adeyemi's")
    skipped, up to a function word, a name, a figure or MAX_WORDS; its head word alone in a head-first language."""
    stop = _stops(lang)
    out: list[str] = []
    i = 0
    # "of Sam Adeyemi's partner", "of the landlord's plumber": the possessor is whose, not which
    while i < len(words):
        low = words[i].lower()
        if low in stop:
            i += 1
            continue
        rest = words[i:i + 4]
        owner = next((k for k, w in enumerate(rest) if _POSSESSOR.fullmatch(w)), None)
        if owner is not None and all(w.lower() not in stop for w in rest[:owner]):
            i += owner + 1
            continue
        break
    end = i
    for w in words[i:]:
        low = w.lower()
        # German writes every noun with a capital; elsewhere a capital is a name: whose, not which
        if low in stop or (w[:1].isupper() and lang != "de") or w[:1].isdigit() or len(out) >= MAX_WORDS:
            break
        out.append(w)
        end += 1
    # "the name of the man who gave me the SM7B", "of the schoolgirl Mum told me about": a thing described by a
    # clause of its own is the owner as the question describes it (the notes name it otherwise), not a label.
    follow = words[end].lower() if end < len(words) else ""
    # Spanish, French, Italian and Portuguese open a relative clause with a pronoun ("el nombre del hombre que…"):
    # there another word after the label is the question's verb ("¿Qué número de póliza tiene mi seguro?").
    verb_next = bool(follow) and lang in _RELATIVES and follow not in _RELATIVES[lang] and not (
        words[end][:1].isupper() or words[end][:1].isdigit())
    if not out or follow and follow not in _JOINS.get(lang, frozenset()) and not verb_next:
        return []
    if lang == "de":  # "der neuen Praxis": the noun has the capital, not its adjective
        out = [w for w in out if w[:1].isupper()]
    elif lang == "en":  # "the number of people coming": a participle says which ones, a count is no label
        out = [w for w in out if not re.search(r"..(?:ing|ed)$", w.lower())]
    out = out[-1:] if lang in HEAD_LAST else out[:1]
    return [] if not out or out[0].lower() in NOT_LABELS or lang == "en" and re.search(r"[^su]s$", out[0].lower()) else out


def label(question: str) -> list[str]:
    """The words that say which value of its kind the question asks for ("What's the frame number of the
    Ouseburn?" -> ["frame"]; "What's the name of Sam Adeyemi's partner?" -> ["partner"]); [] when it gives none."""
    lang = lexicon.language(question)
    kinds, of = KIND_WORDS.get(lang), OF_WORDS.get(lang)
    if kinds is None or of is None:
        return []
    words = _WORD.findall(question.replace("’", "'"))
    words = [w[2:] if re.match(r"(?i)[dl]'\w", w) else w for w in words]  # "d'identité", "l'IBAN"
    lows = [w.lower() for w in words]
    if lang == "en":
        from memex.agents.focal import focal_words

        focal = focal_words(question, 5)
        if len(focal) >= 2 and focal[-1].lower() in kinds:
            # "the phone number of the man who…": the compound's label; "first name", "medical name": a sort
            named = focal[-1].lower() in ("name", "names") or focal[-2].lower() in NOT_LABELS
            return focal[-2:-1] if not named else []
    for i, low in enumerate(lows[:-1]):
        if low in kinds and lows[i + 1] in of:
            return _phrase(words[i + 2:], lang)
    return _who_label(question, lang)


def _who_label(question: str, lang: str) -> list[str]:
    """The role a who-question names ("Who is Hugo's judo coach?" -> ["coach"]), [] when it names none."""
    who = _WHO.get(lang)
    m = who.match(question.replace("’", "'")) if who else None
    if m:
        rest = [w[2:] if re.match(r"(?i)[dl]'\w", w) else w for w in _WORD.findall(question.replace("’", "'")[m.end():])]
        # "Who is my contact at the company that supplied the stagebox?", "the vet of the animal Dev is allergic
        # to": the owner described by a clause of its own is found through another note (a relation's answer),
        # whose statements need not carry the role.
        if "," in question[m.end():] or _CLAUSE_WORDS[lang] & {w.lower() for w in rest}:
            return []
        if rest and rest[0].lower() in _WHO_ARTICLE[lang].split():
            rest = rest[1:]
        return _phrase(rest, lang)
    return []


_WHO_OPEN = {
    # The singular verb only: "Who are…", "Wie heißen die…", "Comment s'appellent les…" ask for several people, a
    # list whose items need not each carry the role.
    "en": r"who(?:\s+(?:is|was)\b|'s)",
    "es": r"(?:qui[eé]n\s+(?:es|era|fue)|c[oó]mo\s+se\s+llama(?:ba)?)",
    "fr": r"(?:qui\s+(?:est|était|etait)|comment\s+s'appel(?:le|ait))",
    "it": r"(?:chi\s+(?:è|e|era)|come\s+si\s+chiama(?:va)?)",
    "pt": r"(?:quem\s+(?:é|e|era|foi)|como\s+se\s+chama(?:va)?)",
    "de": r"(?:wer\s+(?:ist|war)|wie\s+hei(?:ß|ss)(?:t|te))",
    "nl": r"(?:wie\s+(?:is|was)|hoe\s+(?:heet|heette))",
}
_WHO_ARTICLE = {
    "en": "the my our your his her their",
    "es": "el la los las mi mis tu tus su sus nuestro nuestra nuestros nuestras",
    "fr": "le la les l mon ma mes ton ta tes son sa ses notre nos leur leurs",
    "it": "il lo la i gli le l mio mia miei mie tuo tua suo sua nostro nostra",
    "pt": "o a os as meu minha meus minhas teu tua seu sua nosso nossa",
    "de": "der die das den dem mein meine meinen meinem dein deine sein seine ihr ihre unser unsere",
    "nl": "de het mijn onze ons zijn haar hun je jouw",
}
_CLAUSE_WORDS: dict[str, frozenset[str]] = {
    # English leaves the relative pronoun out ("the animal Dev is allergic to"): a second verb opens the clause
    "en": frozenset("""who whom whose which that where when is was are were am do does did has have had will would
                    can could""".split()),
    **{lang: words for lang, words in _RELATIVES.items()},
    "de": frozenset("welcher welche welches welchen welchem wo dessen deren".split()),
    "nl": frozenset("die dat wie waar wiens welke".split()),
}
"""The words that open a clause describing the owner, after a who-question's role."""
# An article or a possessive must follow (or, in English, a possessor: "Hugo's"), so "Who is Dev?", "Who's in
# charge…" and German "Heikes Tochter" (whose, without an apostrophe) are not read as a role.
_WHO: dict[str, re.Pattern[str]] = {
    lang: re.compile(rf"(?i)^\W*{opening}\s+(?=(?:(?:{'|'.join(_WHO_ARTICLE[lang].split())})(?:\s|')"
                     + (r"|[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2}'s?\s" if lang == "en" else "") + "))")
    for lang, opening in _WHO_OPEN.items()
}
"""How a question asks who someone is by a role, in the seven languages ("Who is Hugo's judo coach?", "¿Cómo se
llama el marido de Ana?", "Wie is de hockeytrainer van Daan?"): the role is the label of the asked person, as in
"the name of Sam Adeyemi's partner"."""


def unlabelled(question: str, statements: Sequence[str],
               in_notes: Callable[[str, str], bool] | None = None) -> str:
    """The label of the asked value (`label`) when no quoted statement, with its subject, carries it and some
    note does (`in_notes(word, stem)`; without it nothing is read): the statements give another value of the kind,
    not the asked one."""
    from memex.agents.answer_type import PHONE, meets_terms, offers
    from memex.agents.extractive import _stem, content_terms

    if not statements:
        return ""
    held = set().union(*(content_terms(s) for s in statements))
    # A role the notes never write as the question does ("Who is the practice's secretary?" over "Laetitia Roux:
    # Secrétaire du cabinet": only the stem meets) is the question's wording, a translation or a paraphrase, which
    # meaning has to read, not its letters.
    roles = _who_label(question, lexicon.language(question))
    for word in label(question):
        low = word.lower()
        if word in roles and in_notes is not None and not in_notes(low, ""):
            continue
        wanted = content_terms(low) | {low, _stem(low)}
        if meets_terms(held, wanted):
            continue
        if in_notes is None or not in_notes(low, _stem(low)):
            continue
        if low in PHONE_LABELS and any(PHONE in offers(s) for s in statements):
            continue  # "mobile 07700 900123" for the phone number: a synonym, the value in its own form
        return low
    return ""


PHONE_LABELS = frozenset("""phone telephone mobile cell tel teléfono telefono móvil movil celular téléphone telephone
portable cellulare telefone telemóvel telemovel telefon handy telefoon mobiel""".split())
"""Labels of a phone number, whose value has a form of its own that a statement may give under a synonym."""
