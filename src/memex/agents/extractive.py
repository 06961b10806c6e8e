"""Offline answers without a language model: the retrieved sentences that best answer the question."""
from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from memex.domain import Answer, Citation, Hit
from memex.embed.base import Embedder
from memex.ingest.chunking import split_sentences
from memex.retrieve.query import STOPWORDS, WORD

ABSTAIN_MESSAGE = "I couldn't find this in your notes."
MAX_SENTENCES = 3
MIN_SUPPORT = 0.45
"""Below this combined score no sentence is taken as an answer (abstain)."""



def _stem(w: str) -> str:
    """A light stemmer: enough to match plurals and -ing/-ed forms for overlap scoring."""
    for suffix in ("ing", "ed", "es", "s"):
        if len(w) > len(suffix) + 2 and w.endswith(suffix):
            return w[: -len(suffix)]
    return w


def content_terms(text: str) -> set[str]:
    """Lower-cased, stemmed, non-stopword words."""
    return {_stem(w) for w in (x.lower() for x in WORD.findall(text)) if w not in STOPWORDS}


@dataclass(frozen=True)
class Candidate:
    """A sentence from a retrieved chunk, scored against the question."""

    text: str
    hit: Hit
    hit_rank: int
    position: int
    lexical: float
    semantic: float

    @property
    def score(self) -> float:
        # Rank prior: the retriever already fused BM25 and dense evidence for the whole chunk.
        return 0.5 * self.semantic + 0.4 * self.lexical + 0.1 / (1 + self.hit_rank)


def candidates(question: str, hits: list[Hit], embedder: Embedder) -> list[Candidate]:
    """Every usable sentence of the hits, scored by term overlap and embedding similarity."""
    q_terms = content_terms(question)
    sents: list[tuple[str, Hit, int, int]] = []
    for rank, hit in enumerate(hits):
        for pos, (_, s) in enumerate(split_sentences(hit.text)):
            s = " ".join(s.split())
            if 3 <= len(s.split()) <= 80:
                sents.append((s, hit, rank, pos))
    if not sents:
        return []
    vecs = embedder.embed([s for s, *_ in sents])
    qv = embedder.embed_query(question)
    sims = vecs @ qv
    out = []
    for (s, hit, rank, pos), sim in zip(sents, sims, strict=True):
        overlap = len(q_terms & content_terms(s)) / len(q_terms) if q_terms else 0.0
        out.append(Candidate(s, hit, rank, pos, overlap, float(sim)))
    return out


def extractive_answer(question: str, hits: list[Hit], embedder: Embedder) -> Answer:
    """Pick the best-supported sentences, cite each, order them readably; abstain when support is weak."""
    cands = sorted(candidates(question, hits, embedder), key=lambda c: -c.score)
    chosen = [c for c in cands if c.score >= MIN_SUPPORT]
    if not chosen:
        return Answer(answer=ABSTAIN_MESSAGE, citations=[], abstained=True,
                      steps={"closest": [h.to_dict() for h in hits[:3]]})
    best = chosen[0].score
    picked: list[Candidate] = []
    for c in chosen:
        if len(picked) == MAX_SENTENCES or c.score < best - 0.15:
            break
        if any(content_terms(c.text) <= content_terms(p.text) for p in picked):
            continue  # adds nothing new (duplicates from overlapping chunks)
        picked.append(c)
    # Readable order: newer notes first when notes disagree over time, then the note's own order.
    picked.sort(key=lambda c: (_neg_date(c.hit), c.hit_rank, c.position))
    citations: list[Citation] = []
    numbers: dict[str, int] = {}
    parts = []
    for c in picked:
        n = numbers.get(c.hit.chunk_id)
        if n is None:
            n = numbers[c.hit.chunk_id] = len(numbers) + 1
            citations.append(Citation(n=n, path=c.hit.path, chunk_id=c.hit.chunk_id, quote=c.text,
                                      location=c.hit.location))
        date = (c.hit.explain or {}).get("note_date")
        dated = f" (note dated {date})" if date and len({_date(p.hit) for p in picked}) > 1 else ""
        parts.append(f"{readable(c.text)}{dated} [{n}]")
    return Answer(answer=" ".join(parts), citations=citations, abstained=False)


_MARKUP = re.compile(r"^\s*(?:[-*+]|\d+[.)]|#{1,6}|>)\s+|\*\*|__|`")


def readable(sentence: str) -> str:
    """A quoted sentence without Markdown list/heading markers and emphasis, for the answer prose."""
    text = _MARKUP.sub("", sentence.strip())
    text = re.sub(r"\[\[([^\]|#]+)(?:#[^\]|]*)?(?:\|([^\]]+))?\]\]", lambda m: m.group(2) or m.group(1), text)
    return " ".join(text.split()).rstrip()


def _date(hit: Hit) -> str:
    return str((hit.explain or {}).get("note_date") or "")


def _neg_date(hit: Hit) -> tuple[int, ...]:
    d = _date(hit)
    return tuple(-ord(ch) for ch in d) if d else (0,)


def support(sentence: str, quote: str, embedder: Embedder) -> float:
    """How well `quote` supports `sentence`: lexical containment and embedding similarity, in [0, 1]."""
    s_terms = content_terms(sentence)
    lexical = len(s_terms & content_terms(quote)) / len(s_terms) if s_terms else 0.0
    v = embedder.embed([sentence, quote])
    return float(0.5 * lexical + 0.5 * max(0.0, float(np.dot(v[0], v[1]))))
