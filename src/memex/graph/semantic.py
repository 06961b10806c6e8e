"""Nearest notes by meaning, from the stored chunk vectors, with the passage pair that connects them."""
from __future__ import annotations

import sqlite3
from collections.abc import Sequence

import numpy as np

from memex.store.vectors import VectorIndex

NEIGHBOURS = 20
"""Semantic neighbours kept per note (related and insights read these)."""
PAIR_SHARE = 0.5
"""Note similarity = PAIR_SHARE x best passage-pair cosine + the rest x cosine of the note centroids."""
BLOCK_CELLS = 16_000_000
"""Rows x chunks of one similarity block (64 MB of float32)."""


class SemanticSpace:
    """Chunk vectors grouped by note: note centroids and blockwise passage-pair maxima."""

    def __init__(self, conn: sqlite3.Connection, index: VectorIndex) -> None:
        ids = index.ids
        doc_of = dict(conn.execute("SELECT id, doc_id FROM chunks").fetchall())
        docs = np.fromiter((doc_of.get(int(c), -1) for c in ids), dtype=np.int64, count=len(ids))
        keep = docs >= 0
        order = np.argsort(docs[keep], kind="stable")
        self.chunk_ids = ids[keep][order]
        self.matrix = np.ascontiguousarray(index.matrix[keep][order], dtype=np.float32)
        doc_sorted = docs[keep][order]
        self.doc_ids, self.starts, counts = np.unique(doc_sorted, return_index=True, return_counts=True)
        self.ends = self.starts + counts
        self.pos = {int(d): i for i, d in enumerate(self.doc_ids)}
        if len(self.matrix):
            cent = np.add.reduceat(self.matrix, self.starts, axis=0)
            cent /= np.maximum(np.linalg.norm(cent, axis=1, keepdims=True), 1e-9)
        else:
            cent = np.zeros((0, index.dims), dtype=np.float32)
        self.centroids = cent.astype(np.float32)

    def __len__(self) -> int:
        return len(self.doc_ids)

    def neighbours(self, doc_ids: Sequence[int], n: int = NEIGHBOURS
                   ) -> list[tuple[int, int, float, float, int, int]]:
        """(src, dst, score, pair cosine, src chunk, dst chunk) for each given note's n nearest notes."""
        todo = [self.pos[d] for d in doc_ids if d in self.pos]
        if not todo or len(self.doc_ids) < 2:
            return []
        out: list[tuple[int, int, float, float, int, int]] = []
        per_block = max(16, BLOCK_CELLS // max(1, len(self.matrix)))
        i = 0
        while i < len(todo):
            block = [todo[i]]
            rows = int(self.ends[todo[i]] - self.starts[todo[i]])
            i += 1
            while i < len(todo) and rows + int(self.ends[todo[i]] - self.starts[todo[i]]) <= per_block:
                rows += int(self.ends[todo[i]] - self.starts[todo[i]])
                block.append(todo[i])
                i += 1
            out += self._block(block, n)
        return out

    def _block(self, block: list[int], n: int) -> list[tuple[int, int, float, float, int, int]]:
        row_idx = np.concatenate([np.arange(self.starts[p], self.ends[p]) for p in block])
        sims = self.matrix[row_idx] @ self.matrix.T                      # (rows, chunks)
        per_doc = np.maximum.reduceat(sims, self.starts, axis=1)          # (rows, notes)
        local_starts = np.cumsum([0] + [int(self.ends[p] - self.starts[p]) for p in block[:-1]])
        pair = np.maximum.reduceat(per_doc, local_starts, axis=0)         # (block, notes)
        cent = self.centroids[block] @ self.centroids.T
        score = PAIR_SHARE * pair + (1 - PAIR_SHARE) * cent
        out = []
        for b, p in enumerate(block):
            score[b, p] = -np.inf
            k = min(n, len(self.doc_ids) - 1)
            top = np.argpartition(-score[b], k - 1)[:k]
            top = top[np.argsort(-score[b, top])]
            lo = int(local_starts[b])
            hi = lo + int(self.ends[p] - self.starts[p])
            for t in top:
                if not np.isfinite(score[b, t]):
                    continue
                sub = sims[lo:hi, self.starts[t]:self.ends[t]]
                r, c = np.unravel_index(int(np.argmax(sub)), sub.shape)
                out.append((int(self.doc_ids[p]), int(self.doc_ids[t]), round(float(score[b, t]), 5),
                            round(float(sub[r, c]), 5), int(self.chunk_ids[self.starts[p] + r]),
                            int(self.chunk_ids[self.starts[t] + c])))
        return out
