"""The embedder capability: texts in, unit-length float32 vectors out."""
from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, runtime_checkable

import numpy as np


@runtime_checkable
class Embedder(Protocol):
    """A text embedding model."""

    id: str
    """Stable identity stored with every vector, e.g. "minilm:all-MiniLM-L6-v2:384"."""
    dimensions: int

    def embed(self, texts: list[str]) -> np.ndarray:
        """Embed passages; returns an (n, dimensions) float32 array of unit vectors."""
        ...

    def embed_query(self, text: str) -> np.ndarray:
        """Embed one query; returns a (dimensions,) float32 unit vector."""
        ...

    def count_tokens(self, text: str) -> int:
        """Number of model tokens in `text` (without special tokens)."""
        ...

    def count_tokens_many(self, texts: Sequence[str]) -> list[int]:
        """Token counts for many texts at once (the chunker's hot path)."""
        ...


def embed_queries(embedder: Embedder, texts: list[str]) -> np.ndarray:
    """Query vectors for several texts: one batched call where the embedder has one, else one by one."""
    batched = getattr(embedder, "embed_queries", None)
    if batched is not None:
        return batched(texts)
    return np.stack([embedder.embed_query(t) for t in texts])
