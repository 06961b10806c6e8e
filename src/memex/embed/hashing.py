"""A deterministic, dependency-free embedder: feature hashing of word unigrams and bigrams."""
from __future__ import annotations

import hashlib
import math
import re
from collections import Counter
from functools import lru_cache

import numpy as np

_WORD = re.compile(r"\w+", re.UNICODE)
_EMPTY = "\x00empty"
"""Feature for texts with no words, so every vector is still unit length."""
BIGRAM_WEIGHT = 0.5
"""Bigrams add word-order signal but should not outweigh the shared words themselves."""


@lru_cache(maxsize=65536)
def _slot(feature: str, dims: int) -> tuple[int, float]:
    """Stable (index, sign) for a feature; blake2b because Python's hash() is salted per process."""
    digest = hashlib.blake2b(feature.encode("utf-8"), digest_size=8).digest()
    value = int.from_bytes(digest, "little")
    return value % dims, (1.0 if (value >> 63) & 1 else -1.0)


class HashEmbedder:
    """Bag of hashed words and word pairs, sublinear counts, L2 normalised; shared words mean similarity."""

    def __init__(self, dims: int = 384) -> None:
        """Make an embedder producing `dims`-dimensional vectors."""
        if dims < 8:
            raise ValueError(f"hash embedder needs at least 8 dimensions, not {dims}")
        self.dimensions = dims
        self.id = f"hash:{dims}"

    def words(self, text: str) -> list[str]:
        """The lower-cased word tokens the embedder sees."""
        return [w.lower() for w in _WORD.findall(text)]

    def count_tokens(self, text: str) -> int:
        """Number of word tokens in `text`."""
        return len(_WORD.findall(text))

    def count_tokens_many(self, texts: list[str]) -> list[int]:
        """count_tokens for many texts."""
        return [self.count_tokens(t) for t in texts]

    def embed(self, texts: list[str]) -> np.ndarray:
        """Embed passages; returns an (n, dims) float32 array of unit vectors."""
        out = np.zeros((len(texts), self.dimensions), dtype=np.float32)
        for row, text in enumerate(texts):
            out[row] = self._vector(text)
        return out

    def embed_query(self, text: str) -> np.ndarray:
        """Embed one query; returns a (dims,) float32 unit vector."""
        return self._vector(text)

    def _vector(self, text: str) -> np.ndarray:
        words = self.words(text)
        features: Counter[str] = Counter(words)
        weights = {w: 1.0 for w in features}
        for a, b in zip(words, words[1:], strict=False):
            pair = f"{a} {b}"
            features[pair] += 1
            weights[pair] = BIGRAM_WEIGHT
        if not features:
            features[_EMPTY] = 1
            weights[_EMPTY] = 1.0
        vec = np.zeros(self.dimensions, dtype=np.float64)
        for feature, count in features.items():
            index, sign = _slot(feature, self.dimensions)
            vec[index] += sign * weights[feature] * (1.0 + math.log(count))
        norm = float(np.linalg.norm(vec))
        if norm == 0.0:  # collisions cancelled out exactly: fall back to the empty-text vector
            index, sign = _slot(_EMPTY, self.dimensions)
            vec[index] = sign
            norm = 1.0
        return (vec / norm).astype(np.float32)
