"""Pasted messages the owner marks as not genuine: evidence about the message, not of its claims.

People paste what reaches them into their notes — a phishing e-mail, a scam text, a forwarded "your payments
are ON HOLD, re-register now" — and say what they make of it: a heading "SCAM", a line "Phishing. Rang the
bank, ignore.", "c'est une arnaque". A statement quoted from such a message is not the owner's fact: an answer
that quotes it leads with the owner's own verdict, so "Are my payments on hold?" is answered by "SCAM — rang
the scheme, nothing's on hold" before the message's words, and "What did the fake e-mail claim?" still gets the
claim, framed as the message's.

The mechanism is structural and needs few words. A *message* is a run of quoted lines (">") or a run of
paragraphs that opens like a message — an e-mail header ("From:", "De :", "Von:"), a salutation ("Dear …",
"Bonjour", "Hola"), a forwarded-message line. A *verdict* is an owner's line or heading outside the messages
with a word of distrust (the per-language table below). A verdict in the note's title or in a heading covers the
messages of its section; a verdict line covers the message right beside it (only headings and blank lines
between). A verdict that merely mentions its word mid-sentence ("the last paragraph is not from them — a scam
going round") does not cover a message that holds an instruction planted for AI assistants: that instruction is
what it speaks of, and agents/evidence.py drops it already; the rest of that message is genuine.
"""
from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
from dataclasses import dataclass, replace

from memex.agents import message
from memex.agents.evidence import addressed_to_assistants, readable
from memex.agents.extractive import content_terms
from memex.domain import Citation, Location

DISTRUST: dict[str, tuple[str, ...]] = {
    "en": (r"scam(?:s|mer|mers|my)?", r"phishing", r"smishing", r"fraud(?:ulent|sters?)?", r"fake", r"spoof(?:ed)?",
           r"hoax", r"spam", r"bogus", r"not (?:genuine|real|legit(?:imate)?)", r"isn['’]t (?:genuine|real|legit)"),
    "es": (r"estafas?", r"timos?", r"fraude", r"fraudulent[oa]s?", r"fals[oa]s?", r"phishing", r"suplantación",
           r"no es (?:real|auténtic[oa]|verdad)"),
    "fr": (r"arnaques?", r"escroquerie", r"frauduleu(?:x|se)", r"faux", r"fausse", r"hameçonnage", r"phishing",
           r"pas (?:authentique|vrai)e?"),
    "de": (r"betrug", r"betrüger(?:isch(?:e[rsnm]?)?)?", r"gefälscht(?:e[rsnm]?)?", r"fälschung", r"fake", r"abzocke",
           r"phishing", r"nicht echt"),
    "it": (r"truffa", r"truffe", r"frode", r"fraudolent[oaie]", r"fals[oaie]", r"phishing", r"non (?:è )?autentic[oa]"),
    "pt": (r"golpe", r"fraude", r"fraudulent[oa]s?", r"fals[oa]s?", r"phishing", r"não é (?:real|verdadeir[oa])"),
    "nl": (r"oplichting", r"oplichters?", r"nep", r"vals(?:e)?", r"fraude", r"phishing", r"niet echt"),
}
"""Per language (ISO 639-1), words by which an owner says a pasted message is not genuine."""

VERDICT = re.compile(r"(?<!\w)(?:" + "|".join(p for ps in DISTRUST.values() for p in ps) + r")(?!\w)", re.I)
"""One group (not one lookaround per phrase): it is searched in every note an answer quotes."""

def _flat(text: str) -> str:
    """Lower-case, markup and quote marks gone, whitespace collapsed: how a statement is found in its message."""
    return " ".join(re.sub(r"[>*_`]", " ", text).lower().split())


@dataclass(frozen=True)
class Verdict:
    """The owner's word on a pasted message, and where it stands (for its citation)."""

    text: str
    chunk_id: str
    location: Location


@dataclass(frozen=True)
class Disowning:
    """One note's pasted messages that its owner marks as not genuine, each with the owner's verdict."""

    messages: tuple[tuple[str, Verdict], ...]
    """(the message's flattened text, the verdict on it)."""

    def verdict_on(self, quote: str) -> Verdict | None:
        """The owner's verdict on the message this statement is quoted from; None if it is none of them."""
        flat = _flat(quote)
        if len(flat) < 8:
            return None
        return next((v for text, v in self.messages if flat in text or len(text) >= 20 and text in flat), None)

    def verdict_in(self, passage: str) -> Verdict | None:
        """The owner's verdict on a message this passage quotes lines of (for an LLM's notes); None if none."""
        if not self.messages:
            return None
        return next((v for line in passage.split("\n") if (v := self.verdict_on(line)) is not None), None)


@dataclass
class _Item:
    """A heading or a paragraph of the note, in order."""

    text: str
    heading: int  # 0 for a paragraph, else the heading's depth (the title counts as depth 0 via `title`)
    quoted: bool
    chunk_id: str
    location: Location


def _items(conn: sqlite3.Connection, doc_id: int) -> tuple[str, list[_Item]]:
    """The note's title and its headings and paragraphs in order (headings from the chunks' heading paths)."""
    row = conn.execute("SELECT coalesce(title, '') FROM documents WHERE id = ?", (doc_id,)).fetchone()
    title = row[0] if row else ""
    items: list[_Item] = []
    path: list[str] = []
    for cid, heading_path, text, page, start, end in conn.execute(
            "SELECT id, heading_path, text, page, start_line, end_line FROM chunks WHERE doc_id = ? ORDER BY ordinal",
            (doc_id,)):
        try:
            headings = [str(h) for h in json.loads(heading_path or "[]")]
        except ValueError:
            headings = []
        location = Location(page=page, heading=headings[-1] if headings else None, start_line=start, end_line=end)
        common = 0
        while common < min(len(path), len(headings)) and path[common] == headings[common]:
            common += 1
        for depth in range(common, len(headings)):
            if headings[depth].strip().lower() != title.strip().lower():
                items.append(_Item(headings[depth], depth + 1, False, str(cid), location))
        path = headings
        for para, quoted in _paragraphs(text):
            heading = _HEADING.match(para.partition("\n")[0])
            if heading:  # a small section folded into its neighbour's chunk: "### 11 May (SCAM)" and its lines
                items.append(_Item(readable(heading.group(2)), len(heading.group(1)), False, str(cid), location))
                para = para.partition("\n")[2]
                if not para.strip():
                    continue
            first, _, rest = para.partition("\n")
            label = VERDICT.search(first) if _label(first) else None
            inline = _LEAD.sub("", first[label.end():]) if label else ""
            if rest and label and _opens_message(rest):  # "**SCAM** (pasted 11 May):" on the line above
                items += [_Item(first, 0, quoted, str(cid), location), _Item(rest, 0, quoted, str(cid), location)]
            elif label and inline and _opens_message(inline):  # "SCAM: Dear driver, …" on one line
                items += [_Item(first[:label.end()], 0, quoted, str(cid), location),
                          _Item("\n".join([inline, rest]).strip(), 0, quoted, str(cid), location)]
            else:
                items.append(_Item(para, 0, quoted, str(cid), location))
    return title, items


_HEADING = re.compile(r"^\s*(#{1,6})\s+(\S.*?)\s*#*\s*$")
_LEAD = re.compile(r"^[^\w(]*(?:\([^)]*\)[^\w(]*)?")
"""What stands between a label and the message on its line: markup, punctuation, "(pasted 11 May)"."""


def _paragraphs(text: str) -> list[tuple[str, bool]]:
    """A chunk's paragraphs, each with whether it is quoted ("> …"); a change of quoting or a heading line starts a
    new one."""
    out: list[tuple[str, bool]] = []
    para: list[str] = []
    quoted = False
    for line in [*text.split("\n"), ""]:
        is_quoted = line.lstrip().startswith(">")
        body = line.strip().lstrip(">").strip()
        if (not body or is_quoted != quoted or _HEADING.match(line)) and para:
            out.append(("\n".join(para), quoted))
            para = []
        if body:
            para.append(line)
            quoted = is_quoted
    return out


def _opens_message(text: str) -> bool:
    return message.opens_message([readable(x.lstrip().lstrip(">")) for x in text.split("\n")])


def _headers_only(items: list[_Item], block: list[int], planted: list[bool]) -> bool:
    """Is the message so far only its header lines ("From: …", "Subject: …") — and any instruction planted for AI
    assistants, which is no part of what it says —, its greeting and body still to come?"""
    return all(planted[m] or all(message.HEADER.match(readable(x.lstrip().lstrip(">"))) for x in items[m].text.split("\n"))
               for m in block)


def _signed(items: list[_Item], block: list[int]) -> bool:
    """Has an unquoted message already ended: signed off ("Regards, Payments team"), with the name line after it?"""
    lines = [readable(x) for m in block for x in items[m].text.split("\n")]
    at = next((k for k in range(len(lines) - 1, -1, -1) if message.envelope(lines[k])
               and message.SIGN_OFF.match(lines[k])), None)
    return at is not None and len(lines) - at <= 3


PART = re.compile(r"(?<!\w)(?:last|final|bottom|end|footer|paragraph|bit|part|p\.?s\.?|postscript|signature|"
                  r"últim[oa]|párrafo|parte|abajo|firma|derni(?:er|ère)|paragraphe|fin|bas|partie|"
                  r"letzten?|absatz|ende|unten|teil|signatur|unterschrift|ultim[oa]|paragrafo|fine|fondo|"
                  r"parágrafo|assinatura|laatste|alinea|onderaan|einde|deel|handtekening)(?!\w)", re.I)
"""Words by which a verdict names a part of a message ("the last paragraph", "le bas du mail"), per language."""
MIN_SHARED = 2
"""Words a verdict sentence shares with the one of several pasted messages it describes."""
VERDICT_WORDS = 60
"""A longer verdict paragraph is quoted up to the sentence that gives the verdict."""


def _said(text: str) -> str:
    """The verdict as an answer quotes it: from its line that gives the verdict (with the next ones while that is a
    bare label, "SCAM." then "Rang the bank …"), markup gone, cut after a sentence past VERDICT_WORDS."""
    lines = [readable(x.strip().lstrip(">").strip()) for x in text.split("\n")]
    start = next((k for k, x in enumerate(lines) if VERDICT.search(x)), 0)
    said = lines[start]
    for more in lines[start + 1:]:
        if len(said.split()) >= 4:
            break
        said = f"{said} {more}"
    if len(said.split()) <= VERDICT_WORDS:
        return said
    words = " ".join(said.split()[:VERDICT_WORDS])
    end = max(words.rfind(". "), words.rfind("! "), words.rfind("? "))
    return words[:end + 1] if end > 0 else words + " …"


_PASTED = re.compile(r"pasted|copied|forwarded|received|pegad[oa]|copiad[oa]|reenviad[oa]|recibid[oa]|collée?|copiée?|"
                     r"transférée?|reçue?|eingefügt|kopiert|weitergeleitet|erhalten|incollat[oa]|copiat[oa]|inoltrat[oa]|"
                     r"ricevut[oa]|colad[oa]|encaminhad[oa]|recebid[oa]|geplakt|gekopieerd|doorgestuurd|ontvangen", re.I)


def _bare_label(heading: str) -> bool:
    """Is a heading no more than a verdict on a message ("SCAM", "Phishing e-mail (pasted 11 May)"), not a topic
    ("Phishing awareness training")?"""
    from memex.ingest.dates import find_dates

    text = VERDICT.sub(" ", heading)
    for d in sorted(find_dates(text, _ANY_DAY), key=lambda d: -d.start):
        text = text[:d.start] + " " + text[d.end:]
    words = re.findall(r"[^\W\d_]{3,}", text)
    return all(message.MESSAGE.fullmatch(w) or _PASTED.fullmatch(w) for w in words)


_ANY_DAY = dt.date(2000, 1, 1)


def _label(text: str) -> bool:
    """Does the line open with its verdict ("SCAM. Obviously.", "**Phishing** — …")?"""
    m = VERDICT.search(readable(text.lstrip().lstrip(">")))
    return m is not None and not re.search(r"\w", readable(text.lstrip().lstrip(">"))[:m.start()])


def disowning(conn: sqlite3.Connection, doc_id: int) -> Disowning:
    """The pasted messages of one note that its owner marks as not genuine (usually none)."""
    row = conn.execute("SELECT coalesce(title, '') FROM documents WHERE id = ?", (doc_id,)).fetchone()
    texts = [row[0] if row else ""]
    for heading_path, text in conn.execute("SELECT heading_path, text FROM chunks WHERE doc_id = ?", (doc_id,)):
        texts.append(text)
        if VERDICT.search(heading_path or ""):
            texts.append(heading_path)  # stored as ASCII JSON ("F\u00e4lschung"): only a hit there needs decoding
        elif "\\u" in (heading_path or ""):
            try:
                texts += [str(h) for h in json.loads(heading_path)]
            except ValueError:
                pass
    if not VERDICT.search("\n".join(texts)):
        return Disowning(())  # most notes: one search, nothing built
    title, items = _items(conn, doc_id)
    # Messages: a quoted run that opens like a message, or paragraphs from one that opens like a message up to
    # the next heading, quoted run or owner's line of distrust (inside a quoted message such a word is the
    # message's own: "to protect you from fraud, re-register").
    planted = [any(addressed_to_assistants(readable(x.lstrip().lstrip(">"))) for x in i.text.split("\n"))
               for i in items]
    block_of: list[int | None] = [None] * len(items)
    blocks: list[list[int]] = []
    for n, item in enumerate(items):
        if item.heading:
            continue
        prev = block_of[n - 1] if n else None
        distrust = bool(VERDICT.search(item.text))
        if prev is not None and items[n - 1].quoted == item.quoted and (
                item.quoted or not distrust and not _signed(items, blocks[prev])
                and (not _opens_message(item.text) or _headers_only(items, blocks[prev], planted))):
            block_of[n] = prev
            blocks[prev].append(n)
        elif not distrust and (_opens_message(item.text) or item.quoted and n + 1 < len(items)
                               and items[n + 1].quoted and _opens_message(items[n + 1].text)):
            block_of[n] = len(blocks)
            blocks.append([n])
    owner = [not i.heading and block_of[n] is None and bool(VERDICT.search(i.text)) for n, i in enumerate(items)]
    # A message holds the planted instruction inside it or in a paragraph appended after its sign-off.
    spiked = [False] * len(blocks)
    last: int | None = None
    for m, item in enumerate(items):
        last = block_of[m] if block_of[m] is not None else last
        if planted[m] and last is not None and not item.heading:
            spiked[last] = True
    covered: dict[int, Verdict] = {}
    if VERDICT.search(title):
        first = next(iter(items), None)
        if first is not None:
            for b in range(len(blocks)):
                covered.setdefault(b, Verdict(title, first.chunk_id, first.location))
    for n, item in enumerate(items):
        if item.heading and VERDICT.search(item.text):
            # "## SCAM", "## Scam text (11 May)": what the section holds is the pasted thing, message-shaped or not.
            bare = _bare_label(item.text)
            for m in range(n + 1, len(items)):
                if items[m].heading and items[m].heading <= item.heading:
                    break
                if block_of[m] is None and bare and not items[m].heading and not owner[m]:
                    block_of[m] = len(blocks)
                    blocks.append([m])
                    spiked.append(bool(planted[m]))  # every block has its mark (a later verdict reads them all)
                if block_of[m] is not None:
                    covered.setdefault(block_of[m], Verdict(item.text, item.chunk_id, item.location))
            continue
        if not owner[n]:
            continue
        label = _label(item.text)
        beside: list[int] = []
        before = next((m for m in range(n - 1, -1, -1) if not items[m].heading), None)
        after = next((m for m in range(n + 1, len(items)) if not items[m].heading), None)
        for m in (before, after):
            if m is not None and block_of[m] is not None:
                beside.append(block_of[m])
        verdict = Verdict(_said(item.text), item.chunk_id, item.location)
        if label:  # a label ("SCAM:", "**Phishing** — rang the bank") heads the message below it, else closes the one above
            for b in sorted(beside, key=lambda b: blocks[b][0] < n)[:1]:
                covered.setdefault(b, verdict)
            continue
        # A sentence that names a part ("the last paragraph is not from them — a scam going round") speaks of the
        # instruction planted there, which agents/evidence.py drops already. Otherwise it speaks of the message
        # that carries a planted instruction, when one does; of the one message beside it, when the note pastes
        # one; among several, of the one it describes — sharing most of its words (MIN_SHARED, no tie).
        if PART.search(item.text):
            continue
        clean = [b for b in range(len(blocks)) if not spiked[b]]
        if sum(spiked) == 1:
            chosen = [spiked.index(True)]
        elif len(blocks) == 1:
            chosen = [b for b in beside if b in clean]
        else:
            said = content_terms(VERDICT.sub(" ", item.text))
            shared = sorted(((len(said & content_terms(" ".join(items[m].text for m in blocks[b]))), b) for b in clean),
                            reverse=True)
            best = shared[0][0] if shared else 0
            chosen = [shared[0][1]] if best >= MIN_SHARED and [x for x, _ in shared].count(best) == 1 else []
        for b in chosen:
            covered.setdefault(b, verdict)
    return Disowning(tuple((_flat(" ".join(items[m].text for m in blocks[b])), v) for b, v in sorted(covered.items())))


_CITE = re.compile(r"\[(\d+(?:\s*[,;]\s*\d+)*)\]")


def lead_with_verdict(text: str, citations: list[Citation], verdict: Verdict, path: str,
                      label: str) -> tuple[str, list[Citation]]:
    """The answer with the owner's verdict first, cited: "Your note marks … as not genuine: SCAM … [1] …"."""
    if _flat(verdict.text) in _flat(text):
        return text, citations
    said = verdict.text.strip()
    said = said if re.search(r"[.!?…]$", said) else said + "."
    own = next((c.n for c in citations if c.chunk_id == verdict.chunk_id), None)
    if own is not None:
        return f"{label} {said} [{own}] {text}", citations
    shifted = _CITE.sub(lambda m: "[" + ", ".join(str(int(x) + 1) for x in re.split(r"\s*[,;]\s*", m.group(1))) + "]",
                        text)
    first = Citation(n=1, path=path, chunk_id=verdict.chunk_id, quote=said[:300], location=verdict.location)
    return f"{label} {said} [1] {shifted}", [first, *(replace(c, n=c.n + 1) for c in citations)]
