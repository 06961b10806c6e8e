"""Whether the value an answer offers belongs to the thing the question asks about.

"Combien ai-je payé la selle Brooks ?" answered by "j'ai changé la guidoline (cuir marron, 18 €), ça va avec la
selle d'origine": the statement holds an amount and the asked thing, but the amount is the bar tape's. "Who is
Orla's dissertation supervisor?" answered by a line naming her housemates; "Quel est l'IBAN de la résidence ?"
by a removal quote number. The kind of answer asked for is offered (agents/answer_type.offers) and the subject
is there, so meaning, word overlap and the kind check all pass.

The check: the question's *asked thing* — the first run of content words after its question word, the words
that only say what kind of answer is wanted ("how much", "name", "number", "cost", "s'appelle") and whose it is
(names, "Orla's") left out — has to share a clause with a value of the asked kind in some quoted statement:
the value's own clause, the label its line opens with ("Brake pads: … £16"), the text a bracket hangs from
("Chain: new Jan 2026 (£18)"), or the statement's subject (its note title and heading). Only for kinds that
identify (an amount, a name, a person, a code, a phone number): a quantity or a date is often written with no
word of the question beside it ("aged 54" for "How old…"). A word of the asked thing that no note uses says
nothing (a paraphrase, a question in another language): only words the notes hold must be met.

No word lists beyond the per-language articles and determiners (`ARTICLES`) that a noun phrase may hold: the
question words, stop words and kind words come from agents/lexicon.py and agents/answer_type.py.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence

from memex.agents import lexicon

IDENTIFYING = frozenset({"money", "person", "name", "code", "phone"})
"""The answer kinds whose value has to stand beside what it belongs to."""

ARTICLES: dict[str, frozenset[str]] = {
    "en": frozenset("the a an my our his her their your its this that these those".split()),
    "es": frozenset("el la los las un una unos unas mi mis su sus tu tus nuestro nuestra nuestros nuestras este esta "
                    "ese esa".split()),
    "fr": frozenset("le la les l un une mon ma mes ton ta tes son sa ses notre nos votre vos leur leurs ce cet cette "
                    "ces".split()),
    "de": frozenset("der die das den dem ein eine einen einem einer mein meine meinen meinem sein seine ihr ihre "
                    "unser unsere dein deine dieser diese dieses".split()),
    "it": frozenset("il lo la i gli le l un uno una mio mia miei mie suo sua suoi sue nostro nostra questo questa "
                    "quel quella".split()),
    "pt": frozenset("o a os as um uma meu minha meus minhas seu sua seus suas nosso nossa este esta esse essa".split()),
    "nl": frozenset("de het een mijn zijn haar ons onze hun jouw deze dit die dat".split()),
}
"""Words a noun phrase may hold between its words ("la selle", "the brass bell"): they neither start nor end
the asked thing, unlike a preposition ("du cadre", "for Yvonne") or a verb's auxiliary."""

_HOW_MUCH = {"en": "how much", "es": "cuanto", "pt": "quanto", "fr": "combien", "de": "wie viel", "it": "quanto",
             "nl": "hoeveel"}
_WORD = re.compile(r"[^\W\d_][\w’'-]*|\d[\w.,/-]*")
_ELIDED = re.compile(r"^(?:[ldjmnstc]|qu|jusqu|lorsqu|puisqu)['’](?=\w)", re.I)
_BREAK = re.compile(r"\s*(?:[;|•→⇒]|->|(?<=[.!?])\s|\s[—–-]\s|,\s)\s*")


def _lang(question: str) -> str:
    lang = lexicon.language(question)
    return lang if lang in ARTICLES else "en"


@functools.lru_cache(maxsize=64)
def _kind_word(word: str, lang: str) -> bool:
    """Does the word only say what kind of answer is asked: a money verb or noun ("cost", "payé": "how much cost"
    reads as a money question), or a word of the kind ("name", "number", "s'appelle")?"""
    from memex.agents.answer_type import KIND_WORDS, Q_MONEY

    low = lexicon.fold(word.lower())
    if low in KIND_WORDS or low in {"number", "numero", "nummer", "no", "nr", "n°", "num", "called", "named"}:
        return True
    if low in set(lexicon._QUESTION_WORDS.get(lang, "").split()):
        return True
    probe = f"{_HOW_MUCH[lang]} {word}"
    if lang == "en":
        return bool(Q_MONEY.search(probe))
    money = lexicon._kind_patterns(lang).get("money")  # read in the question's language: the probe is too short
    return bool(money and money.search(lexicon.fold(probe)))


def asked_thing(question: str) -> list[str]:
    """The words of what the question asks about ("Combien ai-je payé la selle Brooks ?" -> ["selle"]; "How much
    did the brass bike bell for Yvonne cost?" -> ["brass", "bike", "bell"]; "Quel est le numéro de série du
    cadre ?" -> ["série"]; "Who covers Lena's CAD work?" -> ["covers"]): the first run of content words after
    the question word, less kind words, names and articles, up to the first other function word or name after
    it starts. A run ended by a kind word ("my brother pay | for his ski gear") is followed by one more. []
    when none."""
    from memex.agents.answer_type import FUNCTION_WORDS, names

    lang = _lang(question)
    stop = lexicon.stopwords(lang) | (FUNCTION_WORDS if lang == "en" else frozenset())
    articles = ARTICLES[lang]
    named = {w.lower() for n in names(question) for w in lexicon.name_words(n, question).split()}
    out: list[str] = []
    runs = 0  # words of a first run ended by a kind word
    for raw in _WORD.findall(question)[1:]:  # the first is the question word ("Qual è…", "Hoeveel…")
        word = re.sub(r"['’]s$", "", _ELIDED.sub("", raw))  # "d'Inès", "the house's"
        low = word.lower()
        started = len(out) > runs
        if low in articles:
            continue
        # German writes every noun with a capital: there a name is only what agents/answer_type.names reads as one.
        # An acronym ("IBAN", "PIN", "UTR") names the kind of thing asked for, not whose it is.
        acronym = word.isupper() and len(word) > 1
        if not acronym and (low in named or (word[:1].isupper() and lang != "de") or any(ch.isdigit() for ch in word)):
            if started:
                break
            continue  # "How much does Orla earn…": whose, before what
        if lexicon.fold(low) in stop or all(lexicon.fold(p) in stop for p in low.split("-")):  # "ai-je", "a-t-il"
            if started:
                break
            continue
        if _kind_word(word, lang):
            if started:
                if runs:
                    break
                runs = len(out)
            continue
        out.append(word)
    return out


_NAME_ASKED = {"en": r"called|named|name", "es": r"llam\w*|nombres?", "fr": r"appel\w*|noms?",
               "de": r"hei(?:ß|ss)\w*|namen?|genannt", "it": r"chiam\w*|nom[ei]", "pt": r"cham\w*|nomes?",
               "nl": r"hee?t\w*|namen?|naam|genoemd"}
"""How each language asks for a name ("What's the cat called?", "Comment s'appelle…"): a name asked for by its
word, not an instance of a category ("Which book…"), whose answer need not repeat the category's word."""

_VALUES = {"money": frozenset({"money", "number", "quantity"}), "code": frozenset({"code", "number", "phone"}),
           "phone": frozenset({"phone", "number", "code"})}
"""What stands for a value of each kind beside the asked thing: "6,480 raised" is an amount without its sign."""


LABEL_WORDS = 6
LABEL_CHARS = 64


def _clauses(text: str) -> list[tuple[str, str]]:
    """(clause, what it hangs from): the text split at its clause breaks; a bracket's parts hang from the words
    before the bracket ("la guidoline (cuir marron, 18 €)") and from each other (a bracket that names the thing
    and gives its price: "bought a kite (stunt kite, £89)"), a line's parts from the label it opens with
    ("Brake pads: front replaced 29 Oct. £16.")."""
    out: list[tuple[str, str]] = []
    for line in text.splitlines():
        head = line.split(":", 1)[0]
        # A label is short: 40 characters, or up to `LABEL_WORDS` words where a compound or a bracket makes it
        # longer ("Tarieven zwangerschapscursus (Zwanger in Lombok): € 95 per stel → € 110 per stel")
        label = head if ":" in line and (len(head) < 40 or len(head) <= LABEL_CHARS
                                         and len(head.split()) <= LABEL_WORDS) else ""
        before = ""  # the parts of the current sentence so far, brackets aside
        for m in re.finditer(r"[^()]+|\([^()]*\)?", line):
            piece = m.group(0)
            if piece.startswith("("):
                head = _BREAK.split(line[:m.start()])[-1]
                inner = piece.strip("()")
                out += [(p, f"{label} {head} {inner}") for p in _BREAK.split(inner) if p.strip()]
            else:
                for p in (x for x in _BREAK.split(piece) if x.strip()):
                    # A bare value ("Pepper dental, 2 teeth out, £412") hangs from the parts of its sentence
                    # before it: a log line lists what happened, then what it cost
                    out.append((p, f"{label} {before}".strip() if before and _bare(p) else label))
                    before = "" if re.search(r"[.!?]\s*$", p) else f"{before} {p.strip()}".strip()
    return out


_CURRENCY = (r"(?:[A-Z]{0,2}\$|CHF|Fr\.|kr|EUR|GBP|USD|BRL|CAD|AUD|SEK|NOK|DKK|PLN|"
             r"(?i:pounds?|quid|libras?|euros?|dollars?|d[oó]lares|reais|francs?|francos?|franken|pesos?))")
_BARE = re.compile(rf"(?:[^\w\s]{{0,3}}|{_CURRENCY})\s*\d[\d.,]*\s*(?:[^\w\s]{{0,3}}|€|{_CURRENCY})[^\w\s]{{0,3}}")
"""A part that is only a value: "£412", "18 €", "1.140,00", "R$ 412", "CHF 80", "12 libras"."""
_RATE = re.compile(r"\s+(?:a|per|par|pro|por|al|am)\s+[^\W\d_]+[^\w\s]{0,3}$")
"""What an amount is per ("£3 a week", "€ 110 per stel"); not after a bare number ("9 am Monday")."""


def _bare(part: str) -> bool:
    """Is the part only a value, or a value with words that say only its kind ("subs up to £3", "fee £40"), in
    any language (`_kind_word`, function words): it names nothing of its own, so it is the value of what its
    sentence named before it ("Darts moving to Thursdays in Jan, subs up to £3.")?"""
    part = part.strip()
    amount = _RATE.sub("", part)
    if _BARE.fullmatch(part) or amount != part and _BARE.fullmatch(amount) and re.search(r"[^\d\s.,]", amount):
        return True
    value = re.search(r"\d", part)
    words = _WORD.findall(re.sub(r"[^\s]*\d[^\s]*", " ", part))
    return bool(value and words) and all(
        any(_kind_word(w, lang) or lexicon.fold(w.lower()) in lexicon.stopwords(lang) for lang in ARTICLES)
        for w in words) and any(any(_kind_word(w, lang) for lang in ARTICLES) for w in words)


def unbound(question: str, statements: Sequence[tuple[str, str]],
            in_notes: Callable[[str, str], bool] | None = None, paraphrased: bool = True) -> str:
    """Why the quoted statements — (text, subject) pairs — give no value of the identifying kind asked for
    (`IDENTIFYING`) for the asked thing (`asked_thing`), or "":

    - **Beside something else.** Some statement speaks of the asked thing, and no value stands beside it: an
      amount, a code or a phone number in a clause that holds a word of it (or in its label, bracket head or
      subject); a person or a name asked for by its word in a statement that holds one.
    - **Never written.** No note uses any word of the asked identifier ("IBAN", "numéro de série") or of the
      role a "who" question asks about ("Qui entraîne l'équipe…") though the notes use most of the question's
      other words: the question is in the notes' language, and what it asks about is not in them (a question
      in another language than the notes uses none of their words). Only where the embedder's calibration
      does not read words no note uses as a paraphrase (`paraphrased` False: abstain.UNSEEN_CREDIT; "UTR" for
      "Unique Taxpayer Reference" is one), and never for an amount, whose asked thing is as often a verb
      ("para que volviera a enfriar") or a paraphrase.

    "" when a value stands beside it, when the question asks for other kinds too, and when the statements do not
    speak of the asked thing at all though notes do: then it is as likely worded otherwise ("attic bedroom" for
    "loft conversion"), which meaning has to judge."""
    from memex.agents.answer_type import LABELLED, expected, known_names, meets_terms, offers
    from memex.agents.extractive import content_terms, question_terms

    kinds = expected(question).kinds
    if not kinds or not kinds <= IDENTIFYING or not statements:
        return ""
    lang = _lang(question)
    if kinds <= {"name"} and not re.search(rf"(?i)(?<!\w)(?:{_NAME_ASKED[lang]})(?!\w)", lexicon.fold(question)):
        return ""
    words = asked_thing(question)
    # The asked words' terms as the whole question reads them (its language's stems), not word by word
    asked = {w.lower() for w in words}
    terms = {t: w for t, w in question_terms(question).items() if _ELIDED.sub("", w).lower() in asked}
    if not terms:
        return ""
    wanted = {t for t, w in terms.items() if in_notes is None or in_notes(_ELIDED.sub("", w).lower(), t)}
    if not wanted:
        if not paraphrased and (kinds & {"code", "phone"} or kinds & {"person", "name"} and _role(question, words)):
            return _unwritten(question, terms, in_notes)
        return ""
    if not any(meets_terms(content_terms(f"{subject} {text}"), wanted) for text, subject in statements):
        return ""
    values = frozenset().union(*(_VALUES.get(k, {k}) for k in kinds))
    for text, subject in statements:
        if kinds & {"person", "name"}:
            # Who or what is called: a name anywhere in a statement that speaks of the asked thing ("Lena's baby
            # came on Sunday 6th! A girl, Zofia"), or its subject ("Farida Rahman: … My line manager").
            named = offers(f"{subject}. {text}", question, known_names([text])) & kinds or LABELLED.match(text)
            if named and _meets(content_terms(f"{subject} {text}"), wanted, lang):
                return ""
            continue
        if meets_terms(content_terms(subject), wanted) and offers(text, question) & values:
            return ""
        for clause, hangs in _clauses(text):
            if offers(clause, question) & values and meets_terms(content_terms(f"{clause} {hangs}"), wanted):
                return ""
        if _refers_back(text, question, wanted, kinds, values):
            return ""
    return " ".join(words)


def _meets(terms: set[str], wanted: set[str], lang: str) -> bool:
    """`answer_type.meets_terms`, and in German and Dutch a compound that ends in a wanted word of 5+ letters
    ("Praktijkassistente" is an "assistente", "Bürokauffrau" no "Büro")."""
    from memex.agents.answer_type import meets_terms

    return meets_terms(terms, wanted) or (lang in ("de", "nl") and any(
        len(w) >= 5 and len(t) > len(w) and t.endswith(w) for t in terms for w in wanted))


def _refers_back(text: str, question: str, wanted: set[str], kinds: frozenset[str], values: frozenset[str]) -> bool:
    """Does the statement speak of the asked thing only in sentences that give no value of the asked kind,
    beside one that gives it ("Quoted £650/day to Hearthstone. Accepted without negotiation. This is now my
    commercial rate for new clients."; "Apartamento en San Vicente, 2 habitaciones. 95 €/noche, 9 noches =
    855 €.")? A sentence that holds the asked thing and an amount in another clause ("la guidoline (18 €), ça
    va avec la selle") gives that amount to the other thing."""
    from memex.agents.answer_type import meets_terms, offers
    from memex.agents.extractive import content_terms
    from memex.agents.unstated import sentences

    said = sentences(text)
    offered = [offers(x, question) for x in said]
    about = [meets_terms(content_terms(x), wanted) for x in said]
    return (any(about) and not any(a and o & kinds for a, o in zip(about, offered, strict=True))
            and any(o & values for o in offered))


WHO = {"en": frozenset({"who", "whom", "whose"}), "es": frozenset({"quien", "quienes"}), "fr": frozenset({"qui"}),
       "de": frozenset({"wer", "wem", "wen", "wessen"}), "it": frozenset({"chi"}), "pt": frozenset({"quem"}),
       "nl": frozenset({"wie", "wiens"})}
"""The word a question opens with to ask who (folded)."""


def _role(question: str, words: Sequence[str]) -> bool:
    """Does a "who" question name the role it asks about: a noun after its verb "to be" ("Qui est l'entraîneur…",
    "¿Quién es el entrenador…?"), or a verb with its object ("Qui entraîne l'équipe…")? A lone verb ("Qui m'aide
    à retaper…") is as often the question's own paraphrase of what the notes say ("bénévole")."""
    tokens = [_ELIDED.sub("", t) for t in _WORD.findall(question)]
    lang = _lang(question)
    if len(tokens) < 2 or lexicon.fold(tokens[0]) not in WHO[lang]:
        return False
    return lexicon.fold(tokens[1]) in lexicon.stopwords(lang) or len(set(words)) >= 2


WRITTEN_SHARE = 0.5
"""How much of the question's other wording (idf-unweighted) the notes must use for its asked thing, which they
never use, to count as never written rather than asked in other words or another language."""


def _unwritten(question: str, asked: dict[str, str], in_notes: Callable[[str, str], bool] | None) -> str:
    """The asked thing's words when no note uses them and the notes use most of the question's other content
    words (names aside); "" otherwise."""
    from memex.agents.answer_type import KIND_WORDS, names
    from memex.agents.extractive import question_terms

    if in_notes is None:
        return ""
    named = {lexicon.fold(w) for n in names(question) for w in n.split()}
    lang = _lang(question)
    rest = {t: _ELIDED.sub("", w) for t, w in question_terms(question).items()
            if t not in asked and lexicon.fold(_ELIDED.sub("", w)) not in named and t not in KIND_WORDS
            and len(t) > 2 and not _kind_word(w, lang)}
    if not rest:
        return ""
    used = sum(in_notes(w.lower(), t) for t, w in rest.items())
    if used / len(rest) < WRITTEN_SHARE:
        return ""
    return " ".join(dict.fromkeys(_ELIDED.sub("", w) for w in asked.values())) + " (in no note)"
