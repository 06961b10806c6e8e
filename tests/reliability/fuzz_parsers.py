"""FILE-25: coverage-guided fuzzing (atheris) of every parser through parse_file, and of the chunker.

Run by `make fuzz` (about 60 s): `python tests/reliability/fuzz_parsers.py -max_total_time=60`.
The property: parse_file raises nothing but ParseError (or MemoryError, which the sandbox maps to a reason),
and the chunker never fails on what a parser returns. Hangs and memory blowups are caught by libFuzzer's
-timeout and -rss_limit_mb. Crash inputs are written as crash-* files: keep them as regression fixtures.
"""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import atheris

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parents[1] / "src"))

with atheris.instrument_imports(include=["memex", "pypdf", "docx"]):
    from memex.embed.hashing import HashEmbedder
    from memex.errors import ParseError
    from memex.ingest.chunking import chunk_blocks
    from memex.ingest.parsers import docx_file, html_page, markdown_note, parse_file, pdf_file, plain_text  # noqa: F401

EXTENSIONS = [".md", ".txt", ".html", ".pdf", ".docx"]
WORK = Path(tempfile.mkdtemp(prefix="memex-fuzz-"))
EMBEDDER = HashEmbedder(64)


def one_input(data: bytes) -> None:
    """First byte picks the format; the rest is the file."""
    if not data:
        return
    ext = EXTENSIONS[data[0] % len(EXTENSIONS)]
    path = WORK / f"input{ext}"
    path.write_bytes(data[1:])
    try:
        doc = parse_file(path)
    except (ParseError, MemoryError):
        return
    chunks = chunk_blocks(doc.blocks, EMBEDDER.count_tokens_many, max_tokens=128, overlap=16, title=doc.title)
    assert all(c.text for c in chunks)


def write_seeds(corpus: Path) -> None:
    """Seed corpus: a valid and a hostile file of each format (generated, never downloaded)."""
    import random

    from crash_harness import write_note
    from hostile_files import docx_entities, docx_ok, pdf_outline_loop, pdf_pages, pdf_prev_loop

    corpus.mkdir(parents=True, exist_ok=True)
    rng = random.Random(1)
    seeds: dict[str, bytes] = {}
    for ext in (".md", ".txt", ".html"):
        f = WORK / f"seed{ext}"
        write_note(f, rng, 0)
        seeds[f"note{ext}"] = bytes([EXTENSIONS.index(ext)]) + f.read_bytes()
    seeds["latin1.md"] = bytes([0]) + "# Café\n\nCrème brûlée.\n".encode("latin-1")
    seeds["utf16.txt"] = bytes([1]) + "Grüße aus Köln".encode("utf-16")
    pdf, docx = bytes([3]), bytes([4])
    seeds.update({"pages.pdf": pdf + pdf_pages(3, "Seed text"), "outline.pdf": pdf + pdf_outline_loop(),
                  "prev.pdf": pdf + pdf_prev_loop(), "ok.docx": docx + docx_ok("Seed paragraph"),
                  "xxe.docx": docx + docx_entities("xxe")})
    for name, data in seeds.items():
        (corpus / name).write_bytes(data)


def main() -> None:
    args = list(sys.argv)
    corpus = Path(os.environ.get("MEMEX_FUZZ_CORPUS", WORK / "corpus"))
    write_seeds(corpus)
    if not any(not a.startswith("-") for a in args[1:]):
        args.append(str(corpus))
    atheris.Setup(args, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
