"""Real MiniLM embeddings of the shared corpora, cut into chunks, cached on disk (used by bench/scale.py).

Every corpus under ../shared/data (SciFact, MultiHop-RAG, Cranfield, CISI, CACM) is cut into windows of
about 60 words prefixed with the document title, as the chunker would for short notes, and embedded once
with the bundled MiniLM. The vectors and texts are cached in `<cache>/scale-base-<n>.npz`, so later runs
start in seconds. Usage: python bench/scale_data.py [--max 40000]
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
CORPORA = ("scifact", "multihop-rag", "cranfield", "cisi", "cacm")
WINDOW = 60


def cache_dir() -> Path:
    """Where the embedded base set is kept between runs."""
    import platformdirs
    return Path(platformdirs.user_cache_dir("memex", appauthor=False)) / "bench"


def base_texts(limit: int) -> list[str]:
    """Chunk texts ("title\\n\\nwindow"), corpora interleaved so any prefix mixes all of them."""
    per: list[list[str]] = []
    for name in CORPORA:
        path = DATA / name / "corpus.jsonl"
        if not path.exists():
            continue
        out = []
        for line in path.open(encoding="utf-8"):
            doc = json.loads(line)
            words = (doc.get("text") or "").split()
            title = (doc.get("title") or "").strip()
            for i in range(0, max(len(words), 1), WINDOW):
                part = " ".join(words[i:i + WINDOW])
                if part or title:
                    out.append(f"{title}\n\n{part}".strip())
        per.append(out)
    mixed: list[str] = []
    i = 0
    while len(mixed) < limit and any(i < len(p) for p in per):
        mixed += [p[i] for p in per if i < len(p)]
        i += 1
    seen: set[str] = set()
    uniq = [t for t in mixed if not (t in seen or seen.add(t))]  # type: ignore[func-returns-value]
    return uniq[:limit]


def load_base(limit: int = 40_000, verbose: bool = True) -> tuple[list[str], np.ndarray]:
    """(texts, unit float32 vectors) of up to `limit` real chunks, embedded once and cached."""
    texts = base_texts(limit)
    key = hashlib.sha1("\x00".join(texts).encode()).hexdigest()[:10]
    path = cache_dir() / f"scale-base-{len(texts)}-{key}.npz"
    if path.exists():
        data = np.load(path)
        return texts, data["vectors"]
    from memex.embed import load_embedder
    model = load_embedder("minilm")
    t0 = time.perf_counter()
    parts = []
    step = 2000
    for s in range(0, len(texts), step):
        parts.append(model.embed(texts[s:s + step]))
        if verbose:
            done = min(s + step, len(texts))
            print(f"embedded {done}/{len(texts)} chunks ({done / (time.perf_counter() - t0):.0f}/s)",
                  file=sys.stderr, flush=True)
    vectors = np.concatenate(parts).astype(np.float32)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp.npz")
    np.savez(tmp, vectors=vectors)
    tmp.replace(path)
    return texts, vectors


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--max", type=int, default=40_000)
    args = ap.parse_args()
    if not DATA.exists():
        print(f"needs {DATA} (the shared evaluation data)", file=sys.stderr)
        return 2
    texts, vectors = load_base(args.max)
    print(f"{len(texts)} chunks, vectors {vectors.shape}, cached in {cache_dir()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
