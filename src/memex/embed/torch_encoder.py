"""What the torch-run embedders share: core sharing, length-sorted batches, padding and mean pooling."""
from __future__ import annotations

import os
import statistics
import threading
import time
from abc import ABC, abstractmethod
from pathlib import Path
from typing import Any

import numpy as np

PRECISIONS = ("auto", "fp32", "bf16")


def cpu_has_fast_bf16(cpuinfo: Path = Path("/proc/cpuinfo")) -> bool:
    """True when the CPU has AMX-BF16 or AVX512-BF16, where bf16 autocast is measured to pay off."""
    try:
        text = cpuinfo.read_text(errors="replace")
    except OSError:
        return False
    for line in text.splitlines():
        if line.startswith("flags"):
            flags = set(line.split(":", 1)[1].split())
            return bool(flags & {"amx_bf16", "avx512_bf16"})
    return False


def runnable_elsewhere(samples: int = 5, gap_s: float = 0.002) -> float | None:
    """Median number of runnable threads in other processes, from /proc; None if unavailable.

    The instant count, not the 1-minute average: the average still holds our own last batch (and a
    previous memex process's) for a minute, which would make an idle machine look busy. Our own
    threads are taken off, since torch's workers keep spinning for milliseconds after each batch.
    """
    counts = []
    try:
        for _ in range(samples):
            with open("/proc/loadavg", encoding="ascii") as f:
                running = int(f.read().split()[3].split("/")[0])
            counts.append(running - _own_running())
            time.sleep(gap_s)
    except (OSError, ValueError, IndexError):
        return None
    return float(max(0, statistics.median(counts)))


def _own_running() -> int:
    """Threads of this process in state R (the caller's included)."""
    n = 0
    for stat in Path("/proc/self/task").glob("*/stat"):
        try:
            n += stat.read_text().rsplit(")", 1)[1].split()[0] == "R"
        except (OSError, IndexError):
            continue  # the thread ended while we looked
    return max(n, 1)


def free_cores() -> int:
    """Usable cores minus those busy elsewhere right now, at least one (all of them if unknown)."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    busy = runnable_elsewhere()
    if busy is None:
        return cores
    return max(1, min(cores, cores - round(busy)))


class TorchEncoder(ABC):
    """Base of the bundled torch embedders; a subclass sets `dimensions` and writes `_forward`."""

    dimensions: int

    def _setup_run(self, torch: Any, *, threads: int | None, query_threads: int, batch_size: int,
                   precision: str) -> None:
        """Thread, batch and precision settings shared by every torch embedder."""
        if precision not in PRECISIONS:
            raise ValueError(f"precision must be auto, fp32 or bf16, not {precision!r}")
        self.threads = threads
        """Fixed torch thread count for embed(); None picks one per call from the cores left free."""
        self.last_threads = 0
        self._free, self._checked_at = 1, -1e9
        self.query_threads = max(1, query_threads)
        self.batch_size = max(1, batch_size)
        self.bf16 = precision == "bf16" or (precision == "auto" and cpu_has_fast_bf16())
        self.precision = "bf16" if self.bf16 else "fp32"
        self._torch = torch
        # torch's thread count is process-global; the lock keeps concurrent callers from fighting over it.
        self._lock = threading.Lock()

    @abstractmethod
    def _forward(self, batch: list[list[int]], bf16: bool | None = None) -> np.ndarray:
        """The model's normalised mean-pooled vectors for token-id lists (bf16 None: the embedder's precision)."""

    def _embed_ids(self, ids: list[list[int]]) -> np.ndarray:
        """Passage vectors for token-id lists, in input order, on the cores left free."""
        # Longest first, in batches of similar length: little padding, and peak memory shows up at once.
        order = sorted(range(len(ids)), key=lambda i: -len(ids[i]))
        out = np.empty((len(ids), self.dimensions), dtype=np.float32)
        with self._lock:
            self._use_threads(self.threads or self._free_cores())
            for start in range(0, len(order), self.batch_size):
                batch = order[start:start + self.batch_size]
                out[batch] = self._forward([ids[i] for i in batch])
        return out

    def _query_ids(self, ids: list[list[int]]) -> np.ndarray:
        """Query vectors in one fp32 forward pass on `query_threads` threads (steadier latency)."""
        # fp32 here: for one short sequence the bf16 casts cost more than they save (measured 4.7 vs 8.5 ms).
        with self._lock:
            # Switch thread count without restoring it: re-sizing torch's pool on every query cost
            # more than the query (measured 15 -> 40 ms); the next batch embed() switches back once.
            self._use_threads(self.query_threads)
            return self._forward(ids, bf16=False)

    def _pad(self, batch: list[list[int]], pad_id: int) -> tuple[np.ndarray, np.ndarray]:
        """Token ids padded to the longest sequence, and the attention mask."""
        width = max(len(x) for x in batch)
        input_ids = np.full((len(batch), width), pad_id, dtype=np.int64)
        mask = np.zeros((len(batch), width), dtype=np.int64)
        for row, seq in enumerate(batch):
            input_ids[row, :len(seq)] = seq
            mask[row, :len(seq)] = 1
        return input_ids, mask

    def _pool(self, hidden: Any, mask_t: Any) -> np.ndarray:
        """Mean over the attention mask, then L2 normalisation, in fp32 as sentence-transformers does."""
        hidden = hidden.float()
        weights = mask_t.unsqueeze(-1).to(hidden.dtype)
        pooled = (hidden * weights).sum(1) / weights.sum(1).clamp(min=1e-9)
        pooled = self._torch.nn.functional.normalize(pooled, p=2, dim=1)
        return pooled.numpy().astype(np.float32, copy=False)

    def _use_threads(self, n: int) -> None:
        """Set torch's (process-global) thread count only when it changes: re-sizing the pool is slow."""
        if self._torch.get_num_threads() != n:
            self._torch.set_num_threads(n)
        self.last_threads = n

    def _free_cores(self) -> int:
        """Cores not busy with other work, at least one; re-checked at most every 2 s.

        On a busy machine OpenMP threads wait on each other at every op: with load 10 on 2 cores, one
        thread embedded 3.6x faster than two (28.5 vs 7.8 chunks/s), so take only the idle cores.
        """
        now = time.monotonic()
        if now - self._checked_at > 2.0:
            self._free, self._checked_at = free_cores(), now
        return self._free
