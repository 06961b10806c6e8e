"""Which languages each embedder reads, and which one `embedder = "auto"` picks for a home.

Fusion weights the dense side of a hit by how well the embedder covers the query's and the chunk's
language (retrieve/search.py): MiniLM was trained on English only, and on Spanish notes its vectors
made hybrid search worse than BM25 alone (recall@5 0.774 vs 0.917, docs/languages.md), so for any
language an embedder does not cover, ranking falls back to BM25.
"""
from __future__ import annotations

from collections.abc import Mapping

from memex.language.detect import UNDETERMINED

XLMR_LANGUAGES = frozenset("""af am ar as az be bg bn br bs ca cs cy da de el en eo es et eu fa fi fr fy ga gd gl gu
ha he hi hr hu hy id is it ja jv ka kk km kn ko ku ky la lo lt lv mg mk ml mn mr ms my ne nl no om or pa pl ps
pt ro ru sa sd si sk sl so sq sr su sv sw ta te th tl tr ug uk ur uz vi xh yi zh""".split())
"""The 100 languages of XLM-R's training data (CC-100), which multilingual-e5 inherits."""

ENGLISH_ONLY = frozenset({"en"})
AUTO = "auto"
MULTILINGUAL_SPEC = "multilingual"
ENGLISH_SPEC = "minilm"
SWITCH_SHARE = 0.5
"""`auto` switches a home to the multilingual embedder when more than this share of its text
(in chunks of known language) is not English."""


def languages_of(embedder_id: str) -> frozenset[str] | None:
    """Languages an embedder id covers; None means every language (a model-free embedder)."""
    provider = embedder_id.split(":", 1)[0].lower()
    if provider == "minilm":
        return ENGLISH_ONLY
    if provider == "multilingual":
        return XLMR_LANGUAGES
    return None  # hash:N and other lexical embedders treat every language alike


DEFAULT_FUSION = (0.6, 0.4)
"""Settings' default BM25 : dense weights, fitted with MiniLM (docs/benchmarks.md)."""
FUSION = {"multilingual": (0.5, 0.5)}
"""Default weights per embedder where they differ: e5's dense ranking is as good as BM25 on the translated
Obsidian help questions (Spanish dev set: Recall@5 0.858 at 0.6 : 0.4, 0.878 at 0.5 : 0.5, 0.872 at 0.4 : 0.6;
English questions over Spanish notes 0.680 / 0.728 / 0.734; docs/languages.md)."""


def fusion_weights(embedder_id: str, bm25: float, dense: float) -> tuple[float, float]:
    """The BM25 : dense weights to use: the embedder's own default unless the user changed the weights."""
    if (bm25, dense) != DEFAULT_FUSION:
        return bm25, dense
    return FUSION.get(embedder_id.split(":", 1)[0].lower(), DEFAULT_FUSION)


def coverage(embedder_id: str, lang: str | None) -> float:
    """1.0 when the embedder reads `lang` (or it is unknown: nothing to go by), else 0.0."""
    if not lang or lang == UNDETERMINED:
        return 1.0
    langs = languages_of(embedder_id)
    return 1.0 if langs is None or lang in langs else 0.0


def auto_choice(chunks_by_lang: Mapping[str, int]) -> str:
    """The embedder spec `auto` picks for a home whose chunks have these languages."""
    known = {lang: n for lang, n in chunks_by_lang.items() if lang and lang != UNDETERMINED}
    total = sum(known.values())
    if total == 0:
        return ENGLISH_SPEC
    english = sum(n for lang, n in known.items() if lang in ENGLISH_ONLY)
    return MULTILINGUAL_SPEC if (total - english) / total > SWITCH_SHARE else ENGLISH_SPEC
