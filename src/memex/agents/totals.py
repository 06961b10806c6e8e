"""A total asked for in another language is answered by the line that states it.

"Combien ai-je dépensé au total pour le vélo ?", "Wie viel Honig habe ich insgesamt geerntet?": the planner reads
these as collecting questions, and in languages other than English agents/aggregate.py lists the matching
items without summing them, so the answer is a list of rows. When a retrieved line states the total ("Total au
10-oct : 952,80 €", "**Gesamt 2026: 89 kg**") and shares a word of what is totalled with the question (in its
text or its note's title, a compound's part included), that line is the answer. English questions keep their own sums (agents/aggregate.py,
agents/arithmetic.py).
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence

from memex.agents import compose, lexicon
from memex.agents.compose import Composed
from memex.agents.evidence import Unit
from memex.embed.base import Embedder


def stated(question: str, units: Sequence[Unit], embedder: Embedder, idf: Mapping[str, float]) -> Composed | None:
    """The answer from the retrieved lines that state a total of what the question asks about, or None."""
    if not lexicon.asks_total(question):
        return None
    asked = lexicon.content_terms(question) or set()
    asked -= lexicon.total_words(asked)
    if not asked:
        return None
    # A stem inside a longer word counts: German compounds ("Honig" in "Honigernte", "Miete" in "Kaltmiete").
    stems = {lexicon.fold(t) for t in asked if len(t) >= 4}
    lines = [u for u in units if lexicon.states_total(u.text)
             and any(s in lexicon.fold(f"{u.subject} {u.text}") for s in stems)]
    if not lines:
        return None
    out = compose.single(question, lines, embedder, idf)
    return out if out.text else None
