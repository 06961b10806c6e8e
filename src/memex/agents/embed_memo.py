"""A per-question embedding memo: extraction, verification and quoting embed the same sentences."""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from memex.embed.base import Embedder, embed_queries


class EmbedMemo:
    """Wraps an Embedder and embeds each distinct text once (for one answer's lifetime)."""

    def __init__(self, embedder: Embedder) -> None:
        self.inner = embedder
        self.id = embedder.id
        self.dimensions = embedder.dimensions
        self._vectors: dict[str, np.ndarray] = {}
        self._queries: dict[str, np.ndarray] = {}

    def embed(self, texts: list[str]) -> np.ndarray:
        """Passage vectors, computing only texts not seen before."""
        missing = list(dict.fromkeys(t for t in texts if t not in self._vectors))
        if missing:
            for t, v in zip(missing, self.inner.embed(missing), strict=True):
                self._vectors[t] = v
        if not texts:
            return np.zeros((0, self.dimensions), dtype=np.float32)
        return np.stack([self._vectors[t] for t in texts])

    def embed_query(self, text: str) -> np.ndarray:
        """Query vector (cached)."""
        if text not in self._queries:
            self._queries[text] = self.inner.embed_query(text)
        return self._queries[text]

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        """Query vectors (cached), the missing ones in one batch."""
        missing = [t for t in dict.fromkeys(texts) if t not in self._queries]
        if missing:
            for t, v in zip(missing, embed_queries(self.inner, missing), strict=True):
                self._queries[t] = v
        return np.stack([self._queries[t] for t in texts])

    def count_tokens(self, text: str) -> int:
        """Delegates to the wrapped embedder."""
        return self.inner.count_tokens(text)

    def count_tokens_many(self, texts: Sequence[str]) -> list[int]:
        """Delegates to the wrapped embedder."""
        return self.inner.count_tokens_many(texts)
