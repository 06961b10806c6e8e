"""Settings: defaults, then the config file (`<home>/config.toml`), then `MEMEX_*` environment variables."""
from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

import platformdirs

from memex.errors import MemexError

CONFIG_NAME = "config.toml"


def default_home() -> Path:
    """Where data lives when neither --home nor MEMEX_HOME is given."""
    env = os.environ.get("MEMEX_HOME")
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir("memex", appauthor=False))


@dataclass(frozen=True)
class Settings:
    """Everything configurable; one instance per Brain."""

    home: Path = field(default_factory=default_home)
    embedder: str = "auto"
    """Embedder spec, "provider:model" (see memex.embed.load_embedder), or "auto": MiniLM for a mostly
    English home, the bundled multilingual model for one mostly in other languages (docs/languages.md)."""
    llm: str = "extractive"
    """Answer model spec: "extractive" (offline default) or "provider:model"."""
    answer_support_threshold: str = "calibrated"
    """Support below which an offline answer abstains: "calibrated" (per embedder, docs/answers.md) or a
    number (lower answers more, higher refuses more)."""
    chunk_tokens: int = 256
    """Target chunk size in embedder tokens (MiniLM reads at most 256)."""
    chunk_overlap: int = 32
    """Tokens of the previous chunk repeated at the start of the next, within a section."""
    parse_timeout_s: float = 60.0
    parse_memory_mb: int = 1536
    max_file_mb: int = 200
    fusion: str = "convex"
    """How BM25 and dense results merge: "convex" (weighted sum of min-max normalised scores), "zscore"
    (the same with z-scores) or "rrf" (reciprocal rank, using rrf_k).
    Defaults were tuned on dev splits (SciFact train, MultiHop-RAG first 500): docs/benchmarks.md."""
    rrf_k: int = 60
    bm25_weight: float = 0.6
    """Weight of BM25 in fusion; 0 turns lexical search off."""
    dense_weight: float = 0.4
    """Weight of dense search in fusion; 0 turns it off."""
    title_weight: float = 1.0
    """BM25 weight of a note's title column, relative to its text (1.0)."""
    heading_weight: float = 1.0
    """BM25 weight of the heading-path column, relative to the text (1.0)."""
    candidates: int = 100
    """How many hits each retriever contributes to fusion."""
    long_query_words: int = 25
    """Queries longer than this many words start to be searched as long, multi-part questions."""
    long_query_full_words: int = 40
    """From this many words on a query gets the full long-query treatment (linear in between)."""
    long_query_bm25_share: float = 0.8
    """BM25's share of the fusion weight for a long query full of names (short ones: bm25_weight / total)."""
    long_query_names_from: float = 0.05
    """A long query leans on BM25 once more than this share of its content words are names/dates/numbers..."""
    long_query_names_full: float = 0.2
    """...and fully (long_query_bm25_share) from this share on."""
    phrase_weight: float = 0.25
    """Long queries: share of the BM25 score of adjacent query-word pairs added to a chunk's BM25 score."""
    clause_weight: float = 0.5
    """Long queries: share of the best per-clause cosine in a chunk's dense score (0 turns it off)."""
    overlap_bm25_share: float = 0.3
    """BM25's share of the fusion weight when the best keyword match holds little of the query (a paraphrase);
    a value at or above the normal share turns this off (retrieve/overlap.py)."""
    overlap_low: float = 0.2
    """Idf-weighted share of the query's words in the top BM25 passage at or below which the lean is full..."""
    overlap_high: float = 0.5
    """...and above which there is none (linear in between)."""
    title_match_bonus: float = 0.3
    """Convex fusion: added to the best passage of a note the question names by its title or an alias
    (retrieve/naming.py); 0 turns it off."""
    bridge_weight: float = 0.95
    """Convex fusion, a question describing someone ("the colleague who found..."): the note of the person the
    best passage names there is lifted to this share of the best score (retrieve/bridge.py); 0 turns it off."""
    pointer_weight: float = 0.75
    """Convex fusion: the note a [[wikilink]] on the best passage's line meeting the question points to is lifted
    to this share of the best score (retrieve/pointers.py); 0 turns it off."""
    folder_match_bonus: float = 0.08
    """Convex fusion: the passages of notes filed in a folder the question names by a word ("the loft" ->
    home/loft/) are scored (1 + this) times (retrieve/filing.py); 0 turns it off. Plain search only: answering
    searches without it (Brain._answer_searcher)."""
    vector_store: str = "auto"
    """Where dense search runs, "<kind>:<target>": "exact", "ann" (embedded HNSW), "auto" (exact, then ann
    past store/backends.AUTO_ANN_MIN vectors), "pgvector:postgresql://…", "qdrant:http://host:6333"."""
    vector_store_replica: str = ""
    """pgvector: a read replica's URL ("postgresql://…") that searches use when it has caught up."""
    graph: str = "on"
    """The note graph (links, entities, meaning) and insights, updated after every sync: "on" or "off"."""
    graph_entities: str = "rules"
    """Entity extractor: "rules" (built in) or "spacy" (pip install 'memex[ner]'); see docs/graph.md."""
    insights_budget_s: float = 10.0
    """Seconds insights may take after a sync before the rest is left for `memex insights`."""
    watch_debounce_s: float = 1.0
    watch_rescan_s: float = 300.0
    ocr: str = "rapidocr"
    """OCR engine for images and scanned PDF pages: "rapidocr" (bundled), "tesseract[:eng+deu]" or "none"."""
    stt: str = "whisper:base"
    """Speech-to-text for recordings and voice questions: "whisper:base", "whisper:tiny.en", "whisper:/dir", "none"."""
    stt_language: str = ""
    """Spoken language ("en", "de", ...); empty detects it per recording."""
    tts: str = "espeak-ng"
    """Text-to-speech for spoken answers: "espeak-ng[:VOICE]" or "none"."""
    image_captioner: str = ""
    """Vision LLM that describes images, e.g. "ollama:llava" or "openai:gpt-4o-mini"; empty = off."""
    media_timeout_s: float = 21600.0
    """Longest one image, scan or recording may take in all (parse_timeout_s applies between progress reports)."""
    media_memory_mb: int = 4096
    """Address-space limit of the media parser worker (the OCR and speech models live there)."""
    max_media_mb: int = 4096
    """Largest image or recording indexed."""
    media_threads: int = 0
    """CPU threads for OCR and speech-to-text; 0 = all cores (up to 4)."""
    extra: dict[str, Any] = field(default_factory=dict)
    """Unknown keys from the config file, for providers (e.g. ollama_base_url)."""

    @property
    def db_path(self) -> Path:
        """The SQLite database: the source of truth."""
        return self.home / "memex.db"

    @property
    def cache_dir(self) -> Path:
        """Rebuildable caches (vector index)."""
        return self.home / "cache"


_TYPES = {f.name: f.type for f in fields(Settings)}


def _coerce(name: str, value: Any) -> Any:
    kind = _TYPES[name]
    try:
        if kind == "int":
            return int(value)
        if kind == "float":
            return float(value)
        if kind == "Path":
            return Path(str(value)).expanduser()
    except (TypeError, ValueError) as e:
        raise MemexError(f"config: {name} must be a {kind}, got {value!r}") from e
    return str(value) if kind == "str" else value


def load_settings(home: Path | str | None = None, config_file: Path | None = None,
                  **overrides: Any) -> Settings:
    """Build Settings from defaults, `<home>/config.toml` (or `config_file`), env vars and overrides."""
    home_path = Path(home).expanduser() if home else default_home()
    values: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    path = config_file or home_path / CONFIG_NAME
    if path.is_file():
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
            raise MemexError(f"config file {path} is not valid TOML: {e}") from e
        for key, value in data.items():
            if key in _TYPES and key not in ("home", "extra"):
                values[key] = _coerce(key, value)
            else:
                extra[key] = value
    elif config_file is not None:
        raise MemexError(f"config file not found: {config_file}")
    for name in _TYPES:
        env = os.environ.get(f"MEMEX_{name.upper()}")
        if env is not None and name not in ("home", "extra"):
            values[name] = _coerce(name, env)
    values.update({k: v for k, v in overrides.items() if v is not None})
    return replace(Settings(home=home_path), extra=extra, **values)
