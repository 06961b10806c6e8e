"""Embedders, picked by a "provider:model" spec; each model is loaded once per process."""
from __future__ import annotations

import threading
from collections.abc import Callable

from memex.embed.base import Embedder
from memex.embed.hashing import HashEmbedder
from memex.errors import MemexError

__all__ = ["Embedder", "HashEmbedder", "load_embedder", "PROVIDERS", "DEFAULT_SPEC"]

DEFAULT_SPEC = "minilm:all-MiniLM-L6-v2"


def _minilm(args: list[str]) -> tuple[tuple[str, ...], Callable[[], Embedder]]:
    # Accept the stored id form too ("minilm:all-MiniLM-L6-v2:384"), so an index can name its own model.
    from memex.embed import minilm  # torch is imported only when this provider is asked for

    model = args[0] if args else minilm.MODEL_NAME
    if model.lower() != minilm.MODEL_NAME.lower() or args[1:] not in ([], [str(minilm.DIMENSIONS)]):
        raise MemexError(f"unknown minilm model {':'.join(args)!r}: the bundled one is "
                         f"'minilm:{minilm.MODEL_NAME}'")
    return (minilm.MODEL_NAME,), minilm.MiniLMEmbedder


def _multilingual(args: list[str]) -> tuple[tuple[str, ...], Callable[[], Embedder]]:
    # "multilingual", "multilingual:multilingual-e5-small" or the stored id "...:384".
    from memex.embed import multilingual

    model = args[0] if args else multilingual.MODEL_NAME
    if model.lower() != multilingual.MODEL_NAME or args[1:] not in ([], [str(multilingual.DIMENSIONS)]):
        raise MemexError(f"unknown multilingual model {':'.join(args)!r}: the bundled one is "
                         f"'multilingual:{multilingual.MODEL_NAME}'")
    return (multilingual.MODEL_NAME,), multilingual.MultilingualEmbedder


def _hash(args: list[str]) -> tuple[tuple[str, ...], Callable[[], Embedder]]:
    if len(args) > 1 or (args and not args[0].isdigit()):
        raise MemexError(f"bad hash embedder spec {'hash:' + ':'.join(args)!r}: use 'hash:<dims>', e.g. hash:384")
    dims = int(args[0]) if args else 384
    if not 8 <= dims <= 65536:
        raise MemexError(f"hash embedder dimensions must be between 8 and 65536, not {dims}")
    return (str(dims),), lambda: HashEmbedder(dims)


PROVIDERS: dict[str, Callable[[list[str]], tuple[tuple[str, ...], Callable[[], Embedder]]]] = {
    "minilm": _minilm,
    "hash": _hash,
    "multilingual": _multilingual,
}
"""provider name -> parser of the rest of the spec, giving a cache key and a loader."""

_cache: dict[tuple[str, ...], Embedder] = {}
_lock = threading.Lock()


def load_embedder(spec: str = DEFAULT_SPEC) -> Embedder:
    """Return the embedder named by `spec` ("minilm", "minilm:all-MiniLM-L6-v2", "hash:256", ...)."""
    provider, *args = spec.strip().split(":") if spec and spec.strip() else [""]
    parse = PROVIDERS.get(provider.lower())
    if provider.lower() == "auto":
        raise MemexError("embedder 'auto' is chosen per home: open it with Brain, which resolves it")
    if parse is None:
        valid = ", ".join(sorted(PROVIDERS))
        raise MemexError(f"unknown embedder {spec!r}: valid providers are {valid} "
                         f"(e.g. {DEFAULT_SPEC!r} or 'hash:384')")
    key_args, loader = parse(args)
    key = (provider.lower(), *key_args)
    with _lock:  # a second caller waits for the first load instead of loading the model twice
        if key not in _cache:
            _cache[key] = loader()
        return _cache[key]


def embedder_id(spec: str) -> str:
    """The id an embedder spec stores with its vectors, without loading a model."""
    provider = spec.strip().split(":", 1)[0].lower() if spec and spec.strip() else ""
    if provider == "minilm":
        from memex.embed import minilm

        PROVIDERS["minilm"](spec.strip().split(":")[1:])  # validates the spec
        return minilm.MiniLMEmbedder.id
    if provider == "multilingual":
        from memex.embed import multilingual

        PROVIDERS["multilingual"](spec.strip().split(":")[1:])
        return multilingual.MultilingualEmbedder.id
    return load_embedder(spec).id  # model-free providers are cheap to construct
