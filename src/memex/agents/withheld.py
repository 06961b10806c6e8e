"""How notes say a thing is not known, not written here, or has not happened yet — one table per language.

A person's notes often mark what they do not hold: "Birthday: not known", "Numéro de sécu : dans le classeur
bleu, PAS ici", "Preis: unbekannt", "todavía no se ha comprado". A question about such a thing is one the notes
cannot answer, however close the line is in meaning (agents/abstain.py reads `WITHHELD` and `PENDING` on the
lines that hold what is asked; agents/attribute.py reads `OUTCOME` in the question).

Each language has its own entry, so a language is added or corrected in one place. Entries are regular
expressions for whole words or phrases (matched case-insensitively, not inside a longer word); they are
joined into one pattern per kind, since the language of a note line is not known in advance and the phrases of
one language do not occur in another's prose.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_MONTHS = (r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t|tember)?|oct(?:ober)?|"
           r"nov(?:ember)?|dec(?:ember)?|spring|summer|autumn|winter|next (?:week|month|year)")
_MESES = r"enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|primavera|verano|otoño|invierno"


@dataclass(frozen=True)
class Phrases:
    """One language's ways of saying it: not known or not written down (`withheld`), not happened yet
    (`pending`), and a question word asking how something turned out (`outcome`); a value not decided or known
    yet (`undecided`), kept somewhere else than the notes (`elsewhere`: the card, the folder, "the other
    book"), and a thing cancelled or called off (`cancelled`), read by agents/unstated.py beside its English
    patterns."""

    withheld: tuple[str, ...]
    pending: tuple[str, ...]
    outcome: tuple[str, ...]
    undecided: tuple[str, ...] = ()
    elsewhere: tuple[str, ...] = ()
    cancelled: tuple[str, ...] = ()


PHRASES: dict[str, Phrases] = {
    "en": Phrases(
        withheld=(r"not known", r"unknown",
                  r"not writing (?:it|them|that) (?:down|here)",
                  r"not (?:written|noted|recorded) (?:here|down|anywhere)",
                  r"(?:(?:haven['’]t|have not|hasn['’]t) (?:copied|written|noted|recorded|kept|put)|"
                  r"(?:didn['’]t|did not) (?:copy|write|note|record|keep|put)) (?:anything|it|them|that|a thing)"
                  r"(?: (?:about|of) (?:it|them|that))? (?:here|down)",
                  r"won['’]t (?:tell|say)", r"wouldn['’]t (?:tell|say)", r"(?:don['’]t|didn['’]t|do not) know",
                  r"no idea", r"never found out", r"[£$€]\s?\.\.\.", r"TBC",
                  r"(?:can['’]t|cannot|don['’]t|do not) remember", r"forgot to (?:write|note|ask|check|keep)"),
        pending=(rf"(?:could|might|may|will|should|would) (?:be|happen|go ahead|start|take place)(?: in| around| by)? "
                 rf"(?:early |late |mid-?|next )?(?:{_MONTHS})",
                 r"(?:not|hasn['’]t|haven['’]t|has not|have not) (?:happened|been done|been decided|been booked|"
                 r"been paid|started|finished) yet",
                 r"yet to (?:happen|be)",
                 # "Final takings — after the concert.": a label whose value is put off until an event (any dash,
                 # spaced or not, read from after it: `pattern` wants no word character before a phrase; the line
                 # may end the text or go on with the next line)
                 r"(?<=[\w\s][-—–])\s*(?:only\s+)?(?:after|once)\s+the\s+[\w'’-]+(?=[ \t]*(?:[.;)\n]|$))"),
        outcome=(r"in the end", r"ended up", r"end up", r"finally", r"eventually"),
        elsewhere=(r"(?:in|on) (?:the|my|his|her|their|our) other (?:[\w'’-]+ )?(?:book|notebook|diary|file|folder|"
                   r"binder|logbook|log|sheet|list|page|paper|paperwork|note|phone|laptop|calendar)s?",),
        cancelled=(r"cancell?ed", r"called off", r"scrapped", r"fell through", r"not going ahead",
                   r"(?:didn['’]t|did not|never) (?:happen|go ahead|take place)")),
    "es": Phrases(
        withheld=(r"desconocid[oa]s?", r"no (?:lo )?sé", r"no (?:lo )?sabemos", r"ni idea", r"no (?:me )?(?:lo )?(?:quiso|quiere) decir",
                  r"no (?:lo )?(?:apunt[eéo]|anot[eéo]|escrib[oí]) aqu[ií]",
                  r"no (?:est[aá] )?(?:apuntad|anotad|escrit)[oa]s? (?:aqu[ií]|en ning[uú]n sitio)",
                  r"aqu[ií] no", r"nunca (?:lo )?supe", r"por confirmar", r"no (?:lo )?recuerdo", r"no me acuerdo",
                  r"(?:me )?olvid[eé] (?:de )?(?:apuntar|anotar|preguntar)"),
        pending=(rf"(?:podría|puede|será|debería) (?:ser|hacerse|empezar)(?: en| hacia| para)? "
                 rf"(?:principios de |finales de |mediados de )?(?:{_MESES})",
                 r"(?:todavía|aún) no (?:se ha|hemos|han|ha)", r"está (?:por|sin) (?:ver|decidir|hacer)",
                 r"(?:todavía|aún) (?:sin|no) (?:comprar|comprad[oa]s?|reservad[oa]s?|pagad[oa]s?|decidid[oa]s?)",
                 r"(?<=[\w\s][-—–])\s*(?:solo\s+)?(?:después|tras)\s+(?:del|de la|el|la)\s+[\w'’-]+(?=[ \t]*(?:[.;)\n]|$))"),
        outcome=(r"al final", r"finalmente", r"acabó", r"terminó"),
        undecided=(r"(?:por|sin) (?:decidir|definir|confirmar|fijar)", r"sin fecha(?: todavía| aún)?",
                   r"(?:todavía|aún) no (?:se sabe|lo sabemos|sabemos|está decidid[oa]|hay fecha|hay precio)",
                   r"pendiente de (?:confirmar|decidir|saber)", r"ya (?:lo )?veremos", r"lo decidiremos"),
        elsewhere=(r"en (?:el|mi|su|la|otra|otro) (?:otr[oa] )?(?:cuaderno|libreta|libro|carpeta|archivador|cajón|sobre|"
                   r"agenda|cartera|móvil|tarjeta|carta|factura)", r"en (?:el|la) otr[oa] [\w-]+"),
        cancelled=(r"cancelad[oa]s?", r"anulad[oa]s?", r"se (?:canceló|anuló|suspendió)", r"suspendid[oa]s?",
                   r"no se (?:hizo|celebró)", r"no (?:hubo|llegó a hacerse)")),
    "fr": Phrases(
        withheld=(r"inconnue?s?", r"je ne (?:le )?sais pas", r"on ne (?:le )?sait pas", r"nous ne (?:le )?savons pas", r"aucune idée",
                  r"pas (?:noté|écrit|recopié|mis)e?s? ici", r"pas ici", r"nulle part ici",
                  r"(?:je )?ne l['’]ai (?:pas|jamais) (?:noté|écrit|recopié)e?",
                  r"ne (?:veut|voulait|voudra) pas (?:me |nous )?le dire", r"n['’]a pas voulu (?:me |nous )?le dire",
                  r"jamais su", r"non (?:communiqué|renseigné)e?s?", r"à confirmer",
                  r"ne (?:me |m['’]en )?souviens (?:plus|pas)", r"oublié de (?:le )?(?:noter|demander|l['’]écrire)"),
        pending=(r"pas encore (?:achet|fait|fini|décid|réserv|pay|commenc|command)\w*",
                 r"(?<=[\w\s][-—–])\s*(?:seulement\s+)?après\s+(?:le|la|les|l['’])\s*[\w'’-]+(?=[ \t]*(?:[.;)\n]|$))",
                 r"(?:pas|non) achet[ée]e?s?", r"(?:toujours|encore) en attente",
                 r"reste à (?:décider|voir|faire|acheter)", r"à (?:décider|voir)"),
        outcome=(r"finalement", r"au final", r"à la fin", r"en fin de compte"),
        undecided=(r"pas encore (?:décidée?s?|fixée?s?|connue?s?|arrêtée?s?|confirmée?s?)",
                   r"à (?:fixer|définir|déterminer)", r"on verra", r"pas de date",
                   r"en attente de (?:confirmation|décision|réponse)", r"on (?:ne )?sait pas encore"),
        elsewhere=(r"dans (?:le|mon|son|l['’]|la|ma|sa) ?(?:autre )?(?:classeur|carnet|cahier|tiroir|dossier|portefeuille|"
                   r"agenda|enveloppe|pochette|téléphone|portable|chemise)", r"dans l['’]autre [\w-]+",
                   r"sur (?:la|le|sa|son|ma|mon) (?:carte|lettre|facture|courrier|contrat)"),
        cancelled=(r"annulée?s?", r"n['’]a pas eu lieu", r"tombée?s? à l['’]eau", r"ne se fera pas", r"abandonnée?s?",
                   r"décommandée?s?")),
    "de": Phrases(
        withheld=(r"unbekannt", r"wei(?:ß|ss) (?:ich )?(?:es )?nicht", r"wissen (?:wir )?(?:es )?(?:noch )?nicht", r"keine ahnung",
                  r"nicht (?:hier )?(?:notiert|aufgeschrieben|eingetragen)", r"nicht hier",
                  r"(?:will|wollte) (?:es )?nicht sagen", r"nie erfahren", r"noch zu klären",
                  r"wei(?:ß|ss) (?:ich )?(?:es )?nicht mehr", r"erinnere mich nicht",
                  r"vergessen,? (?:es )?(?:zu notieren|aufzuschreiben|zu fragen)"),
        pending=(r"noch nicht", r"steht noch aus", r"noch offen", r"nicht gekauft",
                 r"(?<=[\w\s][-—–])\s*(?:erst\s+)?nach\s+(?:dem|der|den)\s+[\w'’-]+(?=[ \t]*(?:[.;)\n]|$))"),
        outcome=(r"am ende", r"schlie(?:ß|ss)lich", r"letztendlich", r"letzten endes"),
        undecided=(r"noch nicht (?:entschieden|bekannt|festgelegt|klar|fest|beschlossen|bestätigt)",
                   r"steht noch nicht fest", r"(?:wird|werden) noch (?:entschieden|festgelegt|bekannt gegeben)",
                   r"noch unklar", r"(?:noch )?kein (?:termin|datum|preis)(?: bekannt)?", r"mal sehen",
                   r"wissen wir (?:noch nicht|erst)"),
        elsewhere=(r"(?:im|in (?:dem|der|meinem|meiner|seinem|seiner))(?: anderen| roten| blauen| grünen| alten)? "
                   r"(?:heft|buch|notizbuch|ordner|kalender|umschlag|schublade|portemonnaie|geldbeutel|handy|mappe|"
                   r"stockbuch|stockkarte|ablage|brieftasche|tabelle)",
                   r"(?:auf (?:der|dem|meiner|seiner)) (?:karte|rechnung|brief|vertrag|zettel|stockkarte)",
                   r"im anderen [\w-]+", r"in der anderen [\w-]+"),
        cancelled=(r"abgesagt", r"storniert", r"ausgefallen", r"fällt aus", r"fiel aus",
                   r"(?:findet|fand|hat) nicht statt(?:gefunden)?", r"abgeblasen", r"gestrichen")),
    "it": Phrases(
        withheld=(r"sconosciut[oaie]", r"non (?:lo )?so", r"non (?:lo )?sappiamo", r"nessuna idea",
                  r"non (?:l['’]ho )?(?:annotat|scritt|segnat)[oaie](?: qui)?", r"non qui",
                  r"non (?:me )?(?:l['’]ha|lo ha|lo vuole) (?:voluto )?dire", r"mai saputo", r"da confermare",
                  r"non (?:me lo )?ricordo", r"(?:ho )?dimenticato di (?:scriverlo|segnarlo|annotarlo|chiedere)"),
        pending=(r"non ancora", r"ancora da (?:decidere|fare|vedere|comprare)", r"non comprat[oaie]",
                 r"(?<=[\w\s][-—–])\s*(?:solo\s+)?dopo\s+(?:il|lo|la|i|gli|le|l['’])\s*[\w'’-]+(?=[ \t]*(?:[.;)\n]|$))"),
        outcome=(r"alla fine", r"infine", r"finalmente"),
        undecided=(r"(?:ancora )?da (?:decidere|definire|stabilire|fissare|confermare)",
                   r"non (?:ancora )?(?:deciso|definito|noto|stabilito|fissato)", r"senza data", r"vedremo"),
        elsewhere=(r"(?:nel|nella|sul|sulla|nell['’]) ?(?:altro |altra )?(?:quaderno|libro|cassetto|raccoglitore|"
                   r"portafoglio|cartella|agenda|busta|lettera|fattura|tessera|telefono|cellulare)",
                   r"nell['’]altr[oa] [\w-]+"),
        cancelled=(r"annullat[oaie]", r"cancellat[oaie]", r"disdett[oaie]", r"saltat[oaie]",
                   r"non (?:si è fatt[oa]|c['’]è stat[oa])")),
    "pt": Phrases(
        withheld=(r"desconhecid[oa]s?", r"não (?:o )?sei", r"não (?:o )?sabemos", r"(?:nenhuma|não faço) ideia",
                  r"não (?:anotei|escrevi|anotad[oa]|escrit[oa])(?: aqui)?", r"aqui não", r"não aqui",
                  r"nunca soube", r"a confirmar", r"não me lembro", r"esqueci(?:-me)? de (?:anotar|escrever|perguntar)"),
        pending=(r"ainda não", r"por (?:decidir|fazer|ver)", r"não comprad[oa]s?",
                 r"(?<=[\w\s][-—–])\s*(?:só\s+)?depois\s+d[oa]s?\s+[\w'’-]+(?=[ \t]*(?:[.;)\n]|$))"),
        outcome=(r"no final", r"no fim", r"afinal", r"finalmente", r"acabou"),
        undecided=(r"(?:ainda )?(?:por|a) (?:definir|decidir|confirmar|marcar)",
                   r"ainda não (?:se sabe|sabemos|está decidid[oa]|há data|tem data|foi decidid[oa])",
                   r"sem data", r"logo se vê"),
        elsewhere=(r"(?:no|na|num|numa) (?:outr[oa] )?(?:caderno|livro|pasta|gaveta|envelope|carteira|agenda|"
                   r"telemóvel|celular|fatura|carta|cartão|arquivo|dossier)", r"(?:no|na) outr[oa] [\w-]+"),
        cancelled=(r"cancelad[oa]s?", r"anulad[oa]s?", r"desmarcad[oa]s?", r"não (?:houve|aconteceu|se fez)",
                   r"foi por água abaixo")),
    "nl": Phrases(
        withheld=(r"onbekend", r"weet (?:ik )?(?:het )?niet", r"weten (?:we )?(?:het )?(?:nog )?niet", r"geen idee",
                  r"niet (?:hier )?(?:genoteerd|opgeschreven)", r"niet hier", r"(?:wil|wilde) (?:het )?niet zeggen",
                  r"nooit geweten", r"weet (?:ik )?(?:het )?niet meer", r"(?:herinner|kan) me (?:het )?niet (?:meer )?herinneren",
                  r"vergeten (?:op te schrijven|te noteren|te vragen)"),
        pending=(r"nog niet", r"nog (?:te )?(?:beslissen|bepalen|doen)", r"niet gekocht",
                 r"(?<=[\w\s][-—–])\s*(?:pas\s+)?na\s+(?:het|de)\s+[\w'’-]+(?=[ \t]*(?:[.;)\n]|$))"),
        outcome=(r"uiteindelijk", r"op het eind", r"ten slotte"),
        undecided=(r"nog niet (?:beslist|besloten|bekend|vastgesteld|bevestigd|duidelijk|zeker)",
                   r"nog (?:onbekend|onduidelijk|open)", r"(?:geen|nog geen) (?:datum|prijs)", r"we zien wel",
                   r"wordt nog (?:beslist|bepaald|besloten)"),
        elsewhere=(r"(?:in|op) (?:het|de|mijn|zijn|haar) (?:andere |rode |blauwe )?(?:schrift|boek|notitieboek|map|mapje|la|"
                   r"agenda|portemonnee|envelop|brief|kaart|factuur|telefoon)",),
        cancelled=(r"geannuleerd", r"afgezegd", r"afgelast", r"gaat niet door", r"ging niet door",
                   r"niet doorgegaan")),
}
"""Per language (ISO 639-1): English, Spanish, French, German, Italian, Portuguese, Dutch (issue 18)."""


def pattern(kind: str, languages: dict[str, Phrases] | None = None) -> re.Pattern[str]:
    """One case-insensitive pattern for a kind of phrase ("withheld", "pending", "outcome") over the languages,
    each phrase standing as whole words."""
    table = PHRASES if languages is None else languages
    alternatives = [p for phrases in table.values() for p in getattr(phrases, kind)]
    return re.compile("|".join(rf"(?<!\w)(?:{p})(?!\w)" for p in alternatives), re.I)


WITHHELD = pattern("withheld")
"""A line that says what it speaks of is not known or not written here."""
PENDING = pattern("pending")
"""A line that says what it speaks of has not happened yet."""
OUTCOME = pattern("outcome")
"""A question that asks how something turned out."""
UNDECIDED = pattern("undecided")
"""A line that says its value is not decided or known yet (beside unstated.UNDECIDED's English)."""
ELSEWHERE = pattern("elsewhere")
"""A line that puts its value somewhere else than the notes (beside unstated.ELSEWHERE's English)."""
CANCELLED = pattern("cancelled")
"""A line that says what it speaks of was cancelled or called off."""
ASKS_CANCELLED = re.compile(r"(?i)(?<!\w)(?:cancel\w*|call(?:ed|ing)? off|scrap\w*|annul\w*|anul\w*|suspend\w*|"
                            r"storn\w*|abgesagt|absag\w*|ausf[aä]ll\w*|abgeblasen|disdett\w*|disdire|desmarc\w*|"
                            r"geannuleerd|annuleer\w*|afgezegd|afzeg\w*|afgelast)")
"""A question that itself asks about a cancellation ("When did I cancel…"): a cancelled line answers it."""
