"""Attributes whose values have a written form of their own, asked anywhere in a question, in seven languages.

"¿Cuál es el CIF de Transportes Martínez?", "What is Vicente Llorens's email address?", "Welches Kennzeichen hat
der Ford Transit?", "Wat is het wachtwoord van mijn.knov?": the notes hold the asked one (the client, the
person, the van, the site) and much about it (its invoices, a mobile number, its mileage), but not the asked
value, and the best statement about the owner reads like an answer. These values are written in a form no
other statement has: a tax number is a letter and seven or eight digits ("B12345678", "DE123456789"), an email
address has an "@", a number plate letters and digits in groups ("L-HW 2204", "1234 KLM", "AB-123-CD",
"GX-123-B"), a password stands after its label ("Passwort:", "pw", "PIN"). A quoted statement that gives no
value of the form, and does not name the attribute beside a figure, does not answer.

Unlike agents/attribute.py, whose classes are read from the focal phrase the question word opens, these are read
from any word of the question (the first one that names a class): "What is X's email address?", "Hoe luidt het
kenteken van…" and "Mit welchem Kennzeichen…" name it after an owner, a verb or a preposition. The words are
grammar-level vocabulary of en, es, fr, de, it, nl, pt; a German or Dutch compound names its class by its last
part ("E-Mail-Adresse", "Steuernummer" is listed whole: "nummer" alone names no class).
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from memex.agents.day_of_year import BIRTHDAY, DAY_OF_YEAR, WHEN

_LETTERS = r"A-ZÄÖÜ"

CLASSES: dict[str, tuple[frozenset[str], re.Pattern[str]]] = {
    "email": (frozenset("""email e-mail courriel mél e-mailadres mailadres emailadres e-mail-adresse mailadresse
emailadresse""".split()),
              re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")),
    "tax_id": (frozenset("""cif nif siret ust-idnr ust-id steuernummer steuer-id umsatzsteuer-id
steuer-nr steuernr ust-nr btw-nummer btw-nr btw-id btwnummer kvk kvk-nummer rsin cnpj cpf nipc""".split()),
               # a letter or two and 7-11 digits ("B12345678", "DE 123456789", "NL123456789B01"), digits and a
               # letter ("12345678Z"), or a run of 9-11 digits ("501234567"); not a phone number in groups
               re.compile(rf"(?<![\w-])(?:[{_LETTERS}]{{1,2}}[ -]?[{_LETTERS}]?\d{{7,11}}[{_LETTERS}0-9]{{0,3}}|"
                          rf"\d{{8}}-?[{_LETTERS}]|\d{{9,11}})(?![\w-])")),
    # not "plate", "placa", "plaque", "matrícula" alone: a dinner plate, a board, an enrolment fee
    "plate": (frozenset("""number-plate numberplate licence-plate license-plate kennzeichen nummernschild
autokennzeichen immatriculation targa kenteken kentekenplaat""".split()),
              re.compile(rf"(?<![\w-])(?:[{_LETTERS}]{{1,3}}[ -][{_LETTERS}]{{1,2}}[ -]?\d{{1,4}}[EH]?|"
                         rf"\d{{4}}[ -]?[{_LETTERS}]{{3}}|[{_LETTERS}]{{2}}[ -]?\d{{3}}[ -]?[{_LETTERS}]{{2}}|"
                         rf"[{_LETTERS}0-9]{{1,3}}-[{_LETTERS}0-9]{{1,3}}-[{_LETTERS}0-9]{{1,3}}|"
                         rf"[{_LETTERS}]{{2}}\d{{2}}[ ]?[{_LETTERS}]{{3}})(?![\w-])")),
    "password": (frozenset("""password passwords passwort passwörter kennwort contraseña contraseñas senha senhas
wachtwoord wachtwoorden""".split()),
                 re.compile(r"(?i)(?<!\w)(?:pw|pwd|pass|passwort|kennwort|password|contraseña|clave|mot de passe|"
                            r"mdp|senha|wachtwoord|ww|pin|login)\s*[:=]\s*\S|"
                            # a key or a network's label ("Wifi: HomeNet / …", "sleutel appel123", "WLAN-Schlüssel:")
                            r"(?<!\w)(?:key|code|sleutel|schlüssel|wifi|wi-fi|wlan)(?:\s*[:=]\s*\S|\s+\S*\d)|"
                            # a "user / pass" pair: a word, a slash, a word of letters and digits
                            r"(?<!\S)[\w.@-]+\s*/\s*(?=[^\s/]*[^\W\d_])(?=[^\s/]*\d)[^\s/]{4,}")),
}
"""What each class is called (lower-case words of the question) and the form its values take."""

_BY_WORD = {w: name for name, (words, _) in CLASSES.items() for w in words}
_PHRASES = {"mot de passe": "password", "parola d'ordine": "password", "adresse e-mail": "email",
            "adresse mail": "email", "indirizzo email": "email", "posta elettronica": "email",
            "partita iva": "tax_id", "codice fiscale": "tax_id", "numéro de tva": "tax_id", "vat number": "tax_id",
            "vat id": "tax_id", "número de iva": "tax_id", "número de contribuinte": "tax_id",
            "correo electrónico": "email", "dirección de correo": "email", "endereço de e-mail": "email",
            "endereço de email": "email", "adresse électronique": "email", "license plate": "plate",
            "licence plate": "plate", "number plate": "plate", "registration plate": "plate",
            "matrícula del coche": "plate", "matrícula de la furgoneta": "plate", "matrícula do carro": "plate",
            "placa do carro": "plate", "plaque d'immatriculation": "plate"}
_COMPOUND_HEADS = {"kennzeichen": "plate", "passwort": "password", "wachtwoord": "password", "adresse": "",
                   "mailadres": "email", "mailadresse": "email"}
_NOT_VALUE_EN = re.compile(r"(?i)^\W*(?:when|why|how|where|who|whom|since when|did|do|does|have|has|is|was|are|"
                           r"were)\b")
"""English question words and auxiliaries, read only in an English question: German "Was ist die Steuernummer…?"
asks for a value."""
_NOT_VALUE = re.compile(r"(?i)^\W*(?:cu[aá]ndo|por qu[eé]|c[oó]mo|d[oó]nde|qui[eé]n|desde cu[aá]ndo|quand|pourquoi|comment|o[uù]|"
                        r"qui|depuis quand|est-ce|wann|warum|wieso|weshalb|wo|wer|seit wann|habe|hat|ist|war|"
                        r"wanneer|waarom|waar|sinds wanneer|heb|heeft|quando|perch[eé]|come|dove|chi|da quando|ho|ha|"
                        r"porque|por que|onde|quem|desde quando|wie(?!\s+(?:lautet|lauten|ist|sind|war|waren|hei(?:ß|ss)t))|"
                        r"hoe(?!\s+(?:luidt|luiden|heet|heette)))\b")
_SAYS = re.compile(r"(?i)^\W*(?:what|qu[eé]|que|was|wat|che|cosa|o que)\s+(?:did|does|do|hizo|hace)\b|\b(?:say|says|said|"
                   r"claim|claims|claimed|write|wrote|mention|mentioned|ask|asked|dijo|dice|dec[ií]a|pon[ií]a|"
                   r"ped[ií]a|pide|escribi[oó]|disait|dit|demandait|[ée]crit|sagte|sagt|schrieb|stand|steht|zei|"
                   r"zegt|schreef|stond|diceva|scrisse|disse|diz|dizia|escreveu|pedia)\b")
"""A question about what a message said ("What did Jamie's email of 27 February say…?"), not about an address."""
_TOKEN = re.compile(r"\w[\w@.'’+-]*")
"""A word with the marks an address or a compound holds ("e-mail-adresse", "ana@x.es"); linear: it starts at a
letter or digit, so a long run of marks is never tried from each of its positions."""


def asked(question: str) -> str:
    """The class of value the question asks for, by the first word or phrase that names one ("" if none, or if
    it asks when, why, how or whether: "When did I send Ana the email?" asks for a date)."""
    from memex.agents.lexicon import detect

    if _NOT_VALUE.match(question) or _SAYS.search(question) or (
            _NOT_VALUE_EN.match(question) and detect(question) in ("en", "und")):
        return ""
    low = question.lower()
    first: tuple[int, str] | None = None
    for phrase, name in _PHRASES.items():
        at = low.find(phrase)
        if at >= 0 and (first is None or at < first[0]):
            first = (at, at + len(phrase), name)
    for m in _TOKEN.finditer(low):
        word = m.group(0).rstrip(".'’+@-").strip(".'’")
        name = _BY_WORD.get(word) or next((n for head, n in _COMPOUND_HEADS.items()
                                           if n and len(word) > len(head) + 2 and word.endswith(head)), "")
        if name:
            if name == "plate" and word.endswith("kennzeichen") and not (
                    _ONE_PLATE.search(low) or _VEHICLE.search(low)):
                break  # "Welche Kennzeichen hat Amerikanische Faulbrut?": characteristics, not a plate
            if first is None or m.start() < first[0]:
                first = (m.start(), m.end(), name)
            break
    owned = _OWNED_EMAIL.match(low[:first[0]]) if first else None
    if first and first[2] == "email" and not (_ADDRESS.search(low) or owned and (
            owned.group("own") or _OF.match(low[first[1]:]))):
        # "Which email did I send Ana?", "What was the email from Sara about?" ask for a message, not an address:
        # it is asked by an address word, or by a copula right before "Sara's email" or "the email of Sara"
        return ""
    if first and first[2] == "password" and re.match(r"[\s-]*(?:hint|reminder|tip)", low[first[1]:]):
        return ""  # "What is the router admin password hint?" asks for the hint, not the password
    return first[2] if first else ""


_ONE_PLATE = re.compile(r"\b(?:das|welches|welchem|dem|des|ein|sein|ihr|mein|unser)\s+kennzeichens?\b")
_VEHICLE = re.compile(r"\b(?:auto|autos|pkw|lkw|transit|van|bus|sprinter|anhänger|motorrad|kfz)\b|"
                      r"(?:wagen|transporter|fahrzeug|fahrzeuge|transportern)\b|fahrzeug|autokennzeichen")
"""A German "Kennzeichen" is a number plate when it is one ("das Kennzeichen") or a vehicle's; plural and alone it
may be the marks of a thing ("Welche Kennzeichen hat Amerikanische Faulbrut?")."""
_ADDRESS = re.compile(r"address|adresse|adres|direcci[oó]n|indirizzo|endere[cç]o|anschrift")
_COPULA = re.compile(r"^\W*(?:what(?:['’]s| is| was)|cu[aá]l (?:es|era)|quel(?:le)? (?:est|était)|wie (?:lautet|ist|war)|"
                     r"wat (?:is|was)|qual (?:è|era|é)|welche[sr]?|welk[e]?)\b")
_OWNER = re.compile(r"(?:\s+(?:the|el|la|le|l['’]|die|das|het|de|il|o|a))?\s*(?P<own>(?:[\w-]+\s+){0,2}[\w-]+['’]s?\s+|"
                    r"(?:my|your|his|her|their|our|mi|tu|su|mon|ma|son|sa|mein|meine|sein|seine|ihr|ihre|mijn|zijn|"
                    r"haar|hun|seu|sua|suo)\s+)?(?:[\w-]+\s+)?$")
"""What stands between a copula and "email": an article, an owner ("Sara's", "his"), a word ("work")."""
_OWNED_EMAIL = re.compile(_COPULA.pattern + _OWNER.pattern)
_OF = re.compile(r"\W*(?:of|de|di|du|des|del|della|do|da|van|von|vom|der)\b")
"""After "email", the owner's preposition ("the email of Sara", "el email de Marta")."""


def supplies(name: str, statement: str, question: str) -> bool:
    """Does the statement (with its subject) give a value of the class's form the question does not itself give,
    or name the class beside a figure ("Kennzeichen: siehe Fahrzeugschein 2")?"""
    words, form = CLASSES[name]
    low = statement.lower()
    q = question.lower()
    named = any(re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", low) for w in words) or any(
        phrase in low for phrase, n in _PHRASES.items() if n == name)
    if named and any(n not in q for n in re.findall(r"\d+", statement)):
        return True
    return any(m.group(0).strip().lower() not in q and (
        name != "tax_id" or not m.group(0).isdigit() or _TAX_WORD.search(low[max(0, m.start() - 30):m.start()]))
        for m in form.finditer(statement))


_TAX_WORD = re.compile(r"(?<![\w-])(?:cif|nif|nie|nipc|vat|tva|iva|btw|steuernummer|steuer-?nr|steuer-id|ust-?idnr|"
                       r"ust-?id|codice fiscale|rsin|kvk|cnpj|cpf|contribuinte|siret|siren)(?![\w-])")
"""A tax word near a run of digits makes them a tax number: bare, "612345678" is as likely a mobile number."""


def unsupplied(question: str, statements: Sequence[str]) -> str:
    """The class of value the question asks for when no statement supplies it ("" when it asks for none, or
    when there are no statements)."""
    name = asked(question)
    if not name or not statements:
        return ""
    return "" if any(supplies(name, s, question) for s in statements) else name


_BIRTH = re.compile(r"(?i)\b(?:geb|d\.o\.b)\.|\b(?:birthday|birthdays|birth|dob|born|nacimiento|turns|turned|will be \d+|['’]ll be \d+|cumpleaños|cumple|naci[oó]|nacid[oa]|"
                    r"anniversaire|née?|naissance|aura \d+|geburtstag|geboren|geburtsdatum|wird \d+|compleanno|"
                    r"nat[oa]|nascita|compie|verjaardag|jarig|wordt \d+|aniversário|aniversario|nasceu|nascid[oa]|"
                    r"nascimento|faz \d+|faz anos)\b")
"""Words that tie a day to a birth: a birthday, being born, turning an age, in the seven languages."""


_ASKS_BIRTHDAY = re.compile(r"(?i)\b(?:jarig|faz anos|cumple(?:n)? (?:los )?años|fête (?:son|ses) anniversaire)\b")
"""How a language asks for a birthday without its noun ("Wanneer is Fatima jarig?", "Quando faz anos a Rita?")."""


def birthday_of_other(question: str, statements: Sequence[str], owners: Sequence[str]) -> bool:
    """The question asks when a named person's birthday is (`owners`: the names it gives) and no statement (with
    its subject) gives a day of the year beside a birth word and every word of one of the names: "Sophie
    Lambert: Anniversaire : 2 février" is another Sophie's, and a roster's "Vanaf 1 oktober … Fatima" no
    birthday. (agents/unstated.no_day_of_year asks only for a day, of anyone.)"""
    if not owners or not statements or not (BIRTHDAY.search(question) or _ASKS_BIRTHDAY.search(question)) \
            or not WHEN.search(question):
        return False

    def names(owner: str, text: str) -> bool:
        # "Ada's birthday" names Ada: a possessive ending is no other word. Of a full name one word will do ("Tom's
        # birthday" for Tom Baker), unless the first name stands with another surname ("Sophie Lambert" for
        # Sophie Girard): a namesake's.
        words = owner.split()
        if all(re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", text) for w in words):
            return True
        if len(words) > 1 and any(m.group(1) not in words for m in
                                  re.finditer(rf"(?<![\w-]){re.escape(words[0])}[ \t]+([A-ZÀ-Ý][\w'’-]+)", text)):
            return False
        return any(re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", text) for w in words)

    return not any(DAY_OF_YEAR.search(s) and _BIRTH.search(s) and any(names(o, s) for o in owners)
                   for s in statements)
