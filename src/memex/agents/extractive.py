"""Offline answers without a language model: the retrieved statements that best answer the question.

Every statement of the retrieved chunks (agents/evidence.py: with its subject and date) is scored on five
signals: embedding similarity of the question to the statement read with its subject ("Jonah: Allergic
to walnuts"), the share of the question's words it contains (weighted by how rare each word is in the
notes), the same share counting its subject's words, whether it offers the kind of answer the question
asks for (agents/answer_type.py: an amount, a date, a person...), and the rank of its chunk. The best one
or few are returned, each with an [n] citation and, when its subject is not in it, the subject first.
"""
from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath

import numpy as np

from memex.agents import initials, lexicon, listed, paraphrase, several
from memex.agents.answer_type import (
    DATE,
    NAME,
    PERSON,
    UPPER,
    Expectation,
    expected,
    known_names,
    matches,
    names,
)
from memex.agents.evidence import Unit, all_units, readable
from memex.domain import Answer, Citation, Hit
from memex.embed.base import Embedder
from memex.retrieve.query import STOPWORDS, WORD

ABSTAIN_MESSAGE = "I couldn't find this in your notes."
MAX_SENTENCES = 3
MAX_UNITS = 160
"""Statements considered per question (the best chunks' first)."""
EMBED_UNITS = 40
"""Only this many statements, the best by the cheap signals (words, kind, rank), are embedded: on the dev
vaults the statement holding the gold facts was among the 48 best for 131 of 134 questions that had one."""

__all__ = ["ABSTAIN_MESSAGE", "Candidate", "Weights", "WEIGHTS", "content_terms", "extractive_answer", "readable",
           "score_units", "support"]


@dataclass(frozen=True)
class Weights:
    """How the signals combine into one statement score (fitted on the dev vaults: bench/tune_answers.py)."""

    semantic: float = 0.45
    lexical: float = 0.0
    """The question's words in the statement alone; `context` (statement + subject) took its place on dev."""
    context: float = 0.15
    kind: float = 0.2
    kind_unknown: float = 0.5
    """The kind signal's value when the question expects no particular kind."""
    rank: float = 0.0
    """The chunk's rank: retrieval already fused BM25 and dense; more weight lowered both dev vaults."""
    margin: float = 0.1
    """A further statement joins the answer only when it scores within this of the best one."""


WEIGHTS = Weights()


_IRREGULAR = {"paid": "pay", "sold": "sell", "bought": "buy", "got": "get", "gotten": "get", "met": "meet",
              "ran": "run", "spent": "spend", "took": "take", "taken": "take", "gave": "give", "given": "give",
              "went": "go", "gone": "go", "made": "make", "said": "say", "told": "tell", "thought": "think",
              "brought": "bring", "began": "begin", "begun": "begin", "wrote": "write", "written": "write",
              "drove": "drive", "driven": "drive", "taught": "teach", "caught": "catch", "found": "find",
              "lost": "lose", "won": "win", "rang": "ring", "rung": "ring", "sent": "send", "built": "build",
              "broke": "break", "broken": "break", "chose": "choose", "chosen": "choose", "kept": "keep",
              "held": "hold", "became": "become", "came": "come", "ate": "eat", "eaten": "eat", "fell": "fall",
              "grew": "grow", "grown": "grow", "knew": "know", "known": "know", "swam": "swim", "rode": "ride",
              "ridden": "ride", "flew": "fly", "flown": "fly", "sang": "sing", "sung": "sing", "wore": "wear",
              "worn": "wear"}
"""Irregular verb forms meet their base form ("What did I pay" / "Balance paid ...")."""


def _stem(w: str) -> str:
    """A light stemmer: enough to match plurals, -ing/-ed forms and common irregular verbs for overlap scoring."""
    if w in _IRREGULAR:
        return _stem(_IRREGULAR[w])
    for suffix in ("ing", "ed", "es", "s"):
        if len(w) > len(suffix) + 2 and w.endswith(suffix):
            return w[: -len(suffix)]
    return w


def content_terms(text: str) -> set[str]:
    """Lower-cased, stemmed, non-stopword words."""
    foreign = lexicon.content_terms(text)  # another language: its stop words and Snowball stems
    if foreign is not None:
        return foreign
    return {_stem(w) for w in (x.lower() for x in WORD.findall(text)) if w not in STOPWORDS}


def question_terms(question: str) -> dict[str, str]:
    """Stemmed content term -> one surface word of the question (for document-frequency lookups)."""
    foreign = lexicon.question_terms(question)
    if foreign is not None:
        return foreign
    out: dict[str, str] = {}
    for w in WORD.findall(question):
        lw = w.lower()
        if lw not in STOPWORDS:
            out.setdefault(_stem(lw), lw)
    return out


def idf_weights(question: str, frequencies: Mapping[str, int] | None, total: int) -> dict[str, float]:
    """Rarity of each question term in the notes (BM25's idf); every term weighs 1 without statistics."""
    terms = question_terms(question)
    if not frequencies or total <= 0:
        return dict.fromkeys(terms, 1.0)
    return {t: math.log(1 + (total - frequencies.get(w, 0) + 0.5) / (frequencies.get(w, 0) + 0.5))
            for t, w in terms.items()}


@dataclass(frozen=True)
class Candidate:
    """A statement from a retrieved chunk, scored against the question."""

    unit: Unit
    semantic: float
    lexical: float
    context: float
    kind: float | None
    score: float
    related: tuple[float, float] = (0.0, 0.0)
    """The share of the question's words the statement (and with its subject) holds only through a related word
    (agents/paraphrase.related_terms), before RELATED_WEIGHT: the support score reads it in full."""

    @property
    def hit(self) -> Hit:
        return self.unit.hit

    @property
    def text(self) -> str:
        return self.unit.text


def _coverage(weights: Mapping[str, float], terms: set[str]) -> float:
    total = sum(weights.values())
    return sum(w for t, w in weights.items() if t in terms) / total if total else 0.0


WRITER_DATED_KIND = 0.6
"""The kind signal of a statement that says no date itself, for a "when" question, where its writer dated it."""


def writer_dated(unit: Unit) -> bool:
    """Is the statement dated by its writer: the note's front matter or file name ("2026-08-14 Lozano.md"), or
    the dated entry or heading it stands under? Then "¿Cuándo se descartó Stripe?" is answered by that date
    (a date only mentioned elsewhere in the note, or the file's modification day, is not one)."""
    from memex.ingest.dates import WRITTEN_ON

    return bool(unit.date) and (unit.date_source in WRITTEN_ON or unit.date_source == "text")


def writer_dated_kind(c: Candidate) -> bool:
    """Did the statement answer a "when" only through the date its writer gave it (`writer_dated`)?"""
    return c.kind is not None and abs(c.kind - WRITER_DATED_KIND) < 1e-4


def in_context(unit: Unit) -> str:
    """The statement as embedded for scoring: its subject (with the note's aliases) first, when it has one."""
    return f"{unit.context}: {unit.text}" if unit.context else unit.text


def features(question: str, units: Sequence[Unit], embedder: Embedder, idf: Mapping[str, float],
             expect: Expectation | None = None) -> np.ndarray:
    """(n, 7) signals per unit: semantic, lexical, context, kind (nan: no expectation), rank prior, and the
    shares of the question's words held through a related word only (in the statement, with its subject)."""
    if not units:
        return np.zeros((0, 7), dtype=np.float32)
    expect = expected(question) if expect is None else expect
    rows = []
    plain = []
    holds: list[tuple[set[str], set[str]]] = []
    subject_terms: dict[str, tuple[set[str], set[str]]] = {}
    spelled = initials.spelled_out(question)  # "BP" in a note is the question's "blood pressure"
    # Names written inside a sentence of the retrieved statements: "Iñaki prepara…" opens with one
    known = known_names(dict.fromkeys(u.text for u in units)) if expect.kinds & {PERSON, NAME} else frozenset()
    # Not yet for English questions: their answers were fitted without it and it is unmeasured there (round 9).
    dated_by_writer = DATE in expect.kinds and lexicon.language(question) != "en"
    for u in units:
        with lexicon.reading(paraphrase.passage_language(u.hit.text), question):
            row, terms_held = _unit_features(question, u, expect, idf, spelled, known, dated_by_writer, subject_terms)
        rows.append(row[0])
        plain.append(row[1])
        holds.append(terms_held)
    f = np.asarray(rows, dtype=np.float32)
    # Which statements are embedded is chosen on the words as written: the forms agents/paraphrase.py reads
    # re-rank the embedded ones but do not push others out of the cut (a "large" for "largest" did).
    cheap = (0.5 * np.asarray(plain, dtype=np.float32) + 0.2 * np.where(np.isnan(f[:, 3]), 0.5, f[:, 3])
             + 0.3 * f[:, 4])
    keep = np.argsort(-cheap, kind="stable")[:EMBED_UNITS]
    vecs = embedder.embed([initials.expand(in_context(units[i]), spelled) for i in keep])
    f[keep, 0] = vecs @ embedder.embed_query(question)
    _add_related(question, units, keep, f, holds, embedder, idf)
    if expect.kinds and expect.kinds <= {PERSON, NAME}:
        _related_kind(question, units, keep, f, holds, embedder, expect, known)
    return f


def _unit_features(question: str, u: Unit, expect: Expectation, idf: Mapping[str, float], spelled: dict[str, str],
                   known: frozenset[str], dated_by_writer: bool,
                   subject_terms: dict[str, tuple[set[str], set[str]]]
                   ) -> tuple[tuple[tuple[float, ...], float], tuple[set[str], set[str]]]:
    """One statement's cheap signals (a `features` row and its plain word coverage) and the question's terms it
    holds (alone, and with its subject)."""
    terms = content_terms(initials.expand(u.text, spelled))
    held = paraphrase.held_terms(question, u.text, _stem)
    derived = paraphrase.derived_terms(idf, terms | held)
    if u.context not in subject_terms:
        own = content_terms(initials.expand(u.context, spelled))
        # derived forms are read in the statement only: a subject's word ("Hosting large files") would
        # lend itself to every statement of its note
        subject_terms[u.context] = own, paraphrase.held_terms(question, u.context, _stem)
    subj, subj_held = subject_terms[u.context]
    kind = matches(expect, u.text, question, u.context, known)
    if kind == 0.0 and dated_by_writer and writer_dated(u):
        kind = WRITER_DATED_KIND
    part = paraphrase.DERIVED_WEIGHT * _coverage(idf, derived - subj - subj_held) if derived else 0.0
    row = (0.0, _coverage(idf, terms | held) + part, _coverage(idf, terms | held | subj | subj_held) + part,
           np.nan if kind is None else kind, 1.0 / (1 + u.rank), 0.0, 0.0)
    return (row, _coverage(idf, terms | subj)), (terms | held | derived, terms | held | derived | subj | subj_held)


RELATED_KIND_UNITS = 12
"""Statements offering no name, the closest in meaning, read for the asked word held through a related one."""


def _related_kind(question: str, units: Sequence[Unit], keep: np.ndarray, f: np.ndarray,
                  holds: Sequence[tuple[set[str], set[str]]], embedder: Embedder, expect: Expectation,
                  known: frozenset[str]) -> None:
    """A statement that holds what a "who" / "called" question asks about only through a related word ("Two
    girls, Evie and Mae." for "What are Jo's daughters called?", "Kids: Saoirse and Darragh" for "Aoife's
    children") offers the names it gives: its clauses were read for the asked word as written
    (answer_type.answer_span), which it does not write. Read for the closest statements in meaning that offer
    no name, since the kind signal itself keeps them out of the best-scored ones."""
    from memex.agents.answer_type import attribute_terms

    minimum = paraphrase.related_min(embedder.id)
    attr = attribute_terms(question)
    if minimum is None or not attr:
        return
    words = {_stem(w.lower()): w.lower() for w in WORD.findall(question)}
    asked = {t: words[t] for t in attr if t in words and paraphrase._ALPHA.match(words[t])}
    if len(asked) != len(attr):
        return
    silent = [int(i) for i in keep if f[int(i), 3] == 0.0 and not attr <= holds[int(i)][0]]
    silent = sorted(silent, key=lambda i: -f[i, 0])[:RELATED_KIND_UNITS]
    if not silent:
        return
    own = {i: paraphrase.plain_words(units[i].text) for i in silent}
    vectors = paraphrase.word_vectors(embedder, [*asked.values(), *(w for i in silent for w in own[i])])
    for i in silent:
        held = holds[i][0] | {t for t, w in asked.items()
                              if any(_stands_for(w, x, vectors, minimum) for x in own[i])}
        if attr <= held:
            f[i, 3] = matches(expect, units[i].text, question, "", known, whole=True) or 0.0


_SAME_RELATION = [frozenset(g.split()) for g in ("kid kids child children", "grandkids grandchildren",
                                                  "mum mom mam mother", "dad father", "hijos niños", "hijas niñas")]
"""Relation words that name the same relative: any other two (unstated.RELATIONS) name different ones."""


def _stands_for(asked: str, word: str, vectors: Mapping[str, np.ndarray], minimum: float) -> bool:
    """Does the statement's word stand for the asked one: close in meaning, and not another relative's name
    ("husband" is close to "wife", and names someone else; "girls" stands for "daughters")?"""
    from memex.agents.unstated import _PRONOUNS, RELATIONS

    if word in _PRONOUNS:
        return False  # "her" is close to "daughter" and names no one
    if asked not in vectors or word not in vectors or float(vectors[asked] @ vectors[word]) < minimum:
        return False
    if asked in RELATIONS and word in RELATIONS and asked.rstrip("s") != word.rstrip("s"):
        return any(asked in g and word in g for g in _SAME_RELATION)
    return True


def _add_related(question: str, units: Sequence[Unit], keep: np.ndarray, f: np.ndarray,
                 holds: Sequence[tuple[set[str], set[str]]], embedder: Embedder, idf: Mapping[str, float]) -> None:
    """Credit the best statements with the question's words they hold through a related word
    (agents/paraphrase.related_terms): half a word, in the statement's and in the statement-with-subject
    coverage."""
    minimum = paraphrase.related_min(embedder.id)
    # An embedder whose cosines within one language mean little may still match words across languages: then
    # only statements in another language than the question's read related words ("physio" / "fisio").
    across = paraphrase.cross_related_min(embedder.id) if minimum is None else None
    asked = paraphrase.asked_words(question, idf, _stem) if minimum is not None or across is not None else {}
    if not asked:
        return
    own = {i: paraphrase.plain_words(u.text) for i, u in enumerate(units)}
    subj = {i: paraphrase.plain_words(u.context) for i, u in enumerate(units)}
    best = keep[np.argsort(-combine(f[keep]), kind="stable")[:paraphrase.RELATED_UNITS]]
    if across is not None:
        best = np.asarray([i for i in best if paraphrase.other_language(question, units[int(i)].hit.text)], dtype=int)
        if not len(best):
            return
        minimum = across
        asked = {t: w for t, w in asked.items() if len(w) >= paraphrase.CROSS_RELATED_MIN_LEN}
    asked = paraphrase.unworded(asked, [h[1] for h in holds], [own[i] | subj[i] for i in own], _stem,
                                [h[1] for h in (holds[int(i)] for i in best)])
    if not asked:
        return
    vectors = paraphrase.word_vectors(embedder, [*asked.values(), *(w for i in best for w in own[int(i)] | subj[int(i)])])
    for i in (int(x) for x in best):
        in_text = paraphrase.related_terms(asked, holds[i][0], own[i], vectors, minimum)
        in_context = paraphrase.related_terms(asked, holds[i][1], own[i] | subj[i], vectors, minimum)
        f[i, 5], f[i, 6] = _coverage(idf, in_text), _coverage(idf, in_context)
        f[i, 1] += paraphrase.RELATED_WEIGHT * f[i, 5]
        f[i, 2] += paraphrase.RELATED_WEIGHT * f[i, 6]


def combine(f: np.ndarray, w: Weights = WEIGHTS) -> np.ndarray:
    """One score per unit from its signals."""
    if not len(f):
        return np.zeros(0, dtype=np.float32)
    kind = np.where(np.isnan(f[:, 3]), w.kind_unknown, f[:, 3])
    return (w.semantic * f[:, 0] + w.lexical * f[:, 1] + w.context * f[:, 2] + w.kind * kind
            + w.rank * f[:, 4])


def echoes(question: str, text: str) -> bool:
    """Does the statement only repeat the question, at most adding a date or a number ("Sprint retro 12 March"
    for "What was the blocker in the sprint retro?")? It names the occasion, not the answer."""
    from memex.ingest.dates import find_dates

    spans = find_dates(text, _ANY_DAY)
    for d in sorted(spans, key=lambda d: -d.start):
        text = text[:d.start] + " " + text[d.end:]
    rest = {t for t in content_terms(text) if not t.isdigit()}
    return bool(rest) and rest <= set(content_terms(question)) or not rest and bool(content_terms(question))


_ANY_DAY = dt.date(2000, 1, 1)
_DATE_KINDS = frozenset({"date", "time", "weekday", "duration", "number", "quantity", "money", "code"})


def score_units(question: str, units: Sequence[Unit], embedder: Embedder, idf: Mapping[str, float],
                weights: Weights = WEIGHTS, expect: Expectation | None = None,
                closest: bool = False) -> list[Candidate]:
    """Every unit scored, best first (`expect`: the answer kinds, when not the question's own). A statement
    that only echoes the question goes last unless the question asks for a date or a number it may add.
    `closest`: the best note's lines of several sentences are ordered by their closest sentence too
    (`_closest_sentence`; for the statement that answers, not for finding a bridge or a list)."""
    units = list(units)[:MAX_UNITS]
    f = features(question, units, embedder, idf, expect)
    scores = combine(f, weights) + several.credit(question, units)
    if closest:
        scores = _closest_sentence(question, units, f, scores, embedder, weights)
    asks = (expected(question) if expect is None else expect).kinds
    if not asks & _DATE_KINDS:
        scores = scores - np.asarray([1.0 if echoes(question, u.text) else 0.0 for u in units], dtype=np.float32)
    out = [Candidate(u, float(r[0]), float(r[1]), float(r[2]), None if np.isnan(r[3]) else float(r[3]), float(s),
                     (float(r[5]), float(r[6])))
           for u, r, s in zip(units, f, scores, strict=True)]
    return sorted(out, key=lambda c: -c.score)


_SENTENCE_END = re.compile(rf"(?<=[.!?])\s+(?=[{UPPER}0-9\"“(¿¡])")
"""Where a statement's sentence ends: a full stop, then a capital ("Grows leeks at the far end. Brings me onions
every autumn.")."""


def sentences(text: str) -> list[str]:
    """A statement's sentences of two words or more (one line of a note may hold several)."""
    return [p for p in _SENTENCE_END.split(text) if len(p.split()) >= 2]


def _closest_sentence(question: str, units: Sequence[Unit], f: np.ndarray, scores: np.ndarray,
                      embedder: Embedder, w: Weights) -> np.ndarray:
    """Within the note and section of the best statement, a statement of several sentences is also read by its
    closest sentence ("Ex-navy (Royal Marines medic). Short emails. Shorter meetings." for someone's background:
    read whole, the one asked about is blurred by the others, and a one-thing statement wins). Only there, and
    only among the section's own lines: which note answers, how well (the support score) and how its lines stand
    against other notes' stay the whole statements' reading. Only statements already embedded whole are read
    (the others were not close on any cheap signal)."""
    if not len(scores):
        return scores
    top = int(np.argmax(scores))
    # the same note and section: a log's lines under "Batch 12" are not about the "Batch 9" the best one is
    where = (units[top].hit.path, units[top].subject)
    spelled = initials.spelled_out(question)
    texts: list[str] = []
    owner: list[int] = []
    for i, u in enumerate(units):
        if (u.hit.path, u.subject) != where or f[i, 0] == 0.0:
            continue
        parts = sentences(u.text)
        if len(parts) > 1:
            texts += [initials.expand(f"{u.context}: {p}" if u.context else p, spelled) for p in parts]
            owner += [i] * len(parts)
    if not texts:
        return scores
    sims = embedder.embed(texts) @ embedder.embed_query(question)
    best: dict[int, float] = {}
    for i, s in zip(owner, sims, strict=True):
        best[i] = max(best.get(i, -1.0), float(s))
    raised = scores.copy()
    for i, s in best.items():
        if s > f[i, 0]:
            raised[i] = scores[i] + w.semantic * (s - f[i, 0])
    # The note's lines trade places among the scores they already hold: how well the note answers (its best
    # score, the support) and where its lines stand against other notes' are the whole statements' reading.
    own = [i for i, u in enumerate(units) if (u.hit.path, u.subject) == where]
    out = scores.copy()
    order = sorted(own, key=lambda i: -raised[i])
    for i, s in zip(order, sorted((scores[i] for i in own), reverse=True), strict=True):
        out[i] = s
    return out


_HAS_SUBJECT = re.compile(r"^(?:i|i'm|i've|i'd|we|we're|he|she|they|it|it's|you|my|our|his|her|their|the|this|"
                          r"that|these|those|there|a|an|everyone|nobody|someone)\b", re.I)


def says_subject(unit: Unit) -> bool:
    """Does the statement read right on its own? It opens with a subject ("We moved the sync...") or names its
    note's subject; "Prefers texts to calls.", "Birthday: 3 March" and "Sells soy candles" do not."""
    text = unit.text.strip()
    title = unit.subject.split(" › ")[0]
    words = content_terms(title)
    if not words or re.match(r"^\d{4}-\d\d-\d\d$", title) or words & content_terms(text):
        return True
    if re.match(r"^[\w ’'-]{1,25}:\s", text):
        return False  # "Birthday: 3 March": a label of the note's subject
    return bool(_HAS_SUBJECT.match(text))


def subject_label(unit: Unit) -> str:
    """The note's title, and its section when that adds something ("Dad — carers & agency › Rate")."""
    levels = unit.subject.split(" › ")
    title, last = levels[0], levels[-1] if len(levels) > 1 else ""
    if last and not (content_terms(last) <= content_terms(title)):
        return f"{title} › {last}"
    return title


def names_in_part(unit: Unit) -> bool:
    """Is the statement's note titled with a name the statement doesn't write in full? "Asesoría Lanuza, en el
    paseo de Teruel. Nuestro gestor desde…" in the note "Sergio Lanuza" shares his surname with the firm's name."""
    title = unit.subject.split(" › ")[0].strip()
    if names(title) != [title]:
        return False
    own = {lexicon.fold(w) for w in title.split()}
    words = [re.sub(r"['’]s$", "", w) for w in re.findall(r"[\w'’]+", unit.text)]
    for i, w in enumerate(words):
        if lexicon.fold(w) not in own:
            continue
        beside = [x for x in (words[i - 1] if i else "", words[i + 1] if i + 1 < len(words) else "") if x]
        if not any(x[:1].isupper() and lexicon.fold(x) not in own for x in beside):
            return False  # "Jamie's left Calder Heat", "Sergio Lanuza lleva…": the person by name
    return True


def phrase(unit: Unit, person: bool = False) -> str:
    """The statement as an answer sentence, in the note's own words: its subject first when it does not name it
    (for a question asking who, when it does not name it in full: the answer is the name)."""
    text = unit.text
    if says_subject(unit) and not (person and names_in_part(unit)):
        return text
    return f"{subject_label(unit)}: {text}"


def pick(cands: Sequence[Candidate], limit: int = MAX_SENTENCES, margin: float = WEIGHTS.margin,
         question: str = "") -> list[Candidate]:
    """The best candidate and the next ones close to it that add something new — and, when the question
    names someone or something the best one is about, are about it too ("What is Priya's badge code?" is
    not answered with everyone's badge code). A note filed in a folder named for them is about them ("hugo/Colegio y
    extraescolares.md" for "¿Qué días tiene judo Hugo?")."""
    if not cands:
        return []
    best = cands[0].score
    asked = [n.lower() for n in names(question)] if question else []

    def about(c: Candidate) -> set[str]:
        blob = f"{c.unit.context}\n{c.unit.text}\n{PurePosixPath(c.hit.path).parent}".lower()
        return {n for n in asked if all(re.search(rf"(?<!\w){re.escape(w)}", blob) for w in n.split())}

    focus = about(cands[0]) if asked else set()
    # The best statement's note is about whom it names: its other lines that name no one else are too ("So
    # we've moved your install to 20 April" in Jamie's email, below the line that names him).
    focal_note = cands[0].hit.path
    picked: list[Candidate] = []
    for c in cands:
        if len(picked) == limit or c.score < best - margin:
            break
        terms = content_terms(c.text)
        if any(terms <= content_terms(p.text) for p in picked):
            continue  # adds nothing new (overlapping chunks, repeated lines)
        if picked and focus and not about(c) & focus and (c.hit.path != focal_note or names(c.text)):
            continue  # about someone else
        picked.append(c)
    return picked


def cite(picked: Sequence[Candidate], numbers: dict[str, int] | None = None,
         citations: list[Citation] | None = None, dated: bool = False,
         question: str = "") -> tuple[list[str], list[Citation]]:
    """Answer sentences with [n] markers, and their citations (one per chunk, quoting the statement); dates
    are written in the question's language."""
    numbers = {} if numbers is None else numbers
    citations = [] if citations is None else citations
    person = bool(question) and PERSON in expected(question).kinds
    parts = []
    for c in picked:
        n = numbers.get(c.hit.chunk_id)
        if n is None:
            n = numbers[c.hit.chunk_id] = len(numbers) + 1
            citations.append(Citation(n=n, path=c.hit.path, chunk_id=c.hit.chunk_id, quote=c.unit.quote[:300],
                                      location=c.hit.location, date=c.unit.date, date_source=c.unit.date_source))
        when = f" ({date_phrase(c.unit, question)})" if dated and c.unit.date else ""
        if listed.in_code(c.unit):  # a command is quoted as written: no subject before it, no full stop after
            parts.append(f"`{c.unit.quote}`{when} [{n}]")
            continue
        parts.append(f"{_sentence(phrase(c.unit, person))}{when} [{n}]")
    return parts, citations


def long_date(iso: str) -> str:
    """"2026-02-20" -> "20 February 2026" (how people write dates; ISO is for machines)."""
    try:
        d = dt.date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{d.day} {d:%B} {d.year}"


def date_phrase(unit: Unit, question: str = "") -> str:
    """How an answer names a statement's date (in the question's language); one taken from the file's
    modification time says so."""
    day = lexicon.long_date(str(unit.date), question) or long_date(str(unit.date))
    if unit.date_source == "mtime":
        return lexicon.label("modified", question, date=day)
    return day


def _sentence(text: str) -> str:
    text = text.strip()
    return text if re.search(r"[.!?…]$", text) else text.rstrip(";,:") + "."


def extractive_answer(question: str, hits: list[Hit], embedder: Embedder,
                      idf: Mapping[str, float] | None = None) -> Answer:
    """Pick the best-supported statements, cite each; `steps["support"]` is the answer's support score."""
    cands = score_units(question, all_units(hits), embedder, idf or idf_weights(question, None, 0))
    picked = pick(cands)
    if not picked:
        return Answer(answer=ABSTAIN_MESSAGE, citations=[], abstained=True,
                      steps={"closest": [h.to_dict() for h in hits[:3]], "support": 0.0})
    picked.sort(key=lambda c: (c.unit.rank, c.unit.position))
    parts, citations = cite(picked)
    return Answer(answer=" ".join(parts), citations=citations, abstained=False,
                  steps={"support": cands[0].score})


def support(sentence: str, quote: str, embedder: Embedder) -> float:
    """How well `quote` supports `sentence`: lexical containment and embedding similarity, in [0, 1]."""
    s_terms = content_terms(sentence)
    lexical = len(s_terms & content_terms(quote)) / len(s_terms) if s_terms else 0.0
    v = embedder.embed([sentence, quote])
    return float(0.5 * lexical + 0.5 * max(0.0, float(np.dot(v[0], v[1]))))
