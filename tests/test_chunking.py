"""Chunking is a pure function: sizes in tokens, sentence boundaries, headings and locations."""
from __future__ import annotations

import re
from collections.abc import Sequence

from memex.domain import Block
from memex.ingest.chunking import chunk_blocks, split_sentences


def words(texts: Sequence[str]) -> list[int]:
    """A token counter where one word (or punctuation run) is one token."""
    return [len(re.findall(r"\w+|[^\w\s]", t)) for t in texts]


def para(n_sentences: int, tag: str = "s") -> str:
    return " ".join(f"This is {tag} sentence number {i} of the paragraph." for i in range(n_sentences))


def test_small_note_is_one_chunk_with_heading_and_lines():
    blocks = [Block("Intro text here.", heading_path=("Title",), start_line=3, end_line=3),
              Block("Second para.", heading_path=("Title",), start_line=5, end_line=5)]
    chunks = chunk_blocks(blocks, words, max_tokens=50)
    assert len(chunks) == 1
    c = chunks[0]
    assert c.text == "Intro text here.\n\nSecond para."
    assert c.heading_path == ("Title",)
    assert (c.location.start_line, c.location.end_line, c.location.heading) == (3, 5, "Title")


def test_sections_never_mix_and_each_chunk_fits():
    blocks = [Block(para(30, "a"), heading_path=("A",), start_line=1),
              Block(para(30, "b"), heading_path=("A", "B"), start_line=10)]
    chunks = chunk_blocks(blocks, words, max_tokens=60, overlap=0)
    assert all(n <= 60 for n in words([c.text for c in chunks]))
    assert all(("sentence" in c.text) for c in chunks)
    for c in chunks:
        tags = set(re.findall(r"is (\w) sentence", c.text))
        assert len(tags) == 1  # a chunk belongs to one section
        assert c.heading_path == (("A",) if tags == {"a"} else ("A", "B"))


def test_never_cuts_a_sentence_and_overlaps_whole_sentences():
    blocks = [Block(para(40), start_line=1)]
    chunks = chunk_blocks(blocks, words, max_tokens=50, overlap=12)
    assert len(chunks) > 3
    for c in chunks:
        for s in split_sentences(c.text):
            assert s[1].startswith("This is") and s[1].endswith(".")
    # overlap: each chunk after the first starts with the last sentence of the previous one
    for prev, nxt in zip(chunks, chunks[1:], strict=False):
        last = split_sentences(prev.text)[-1][1]
        assert nxt.text.startswith(last)


def test_overlong_sentence_is_cut_into_fitting_pieces():
    long = "word " * 1000
    chunks = chunk_blocks([Block(long.strip())], words, max_tokens=100, overlap=0)
    assert len(chunks) >= 10
    assert all(n <= 100 for n in words([c.text for c in chunks]))
    assert sum(words([c.text for c in chunks])) == 1000


def test_long_line_without_spaces_is_linear_and_bounded():
    blob = "x" * 2_000_000
    chunks = chunk_blocks([Block(blob)], lambda ts: [len(t) // 4 + 1 for t in ts], max_tokens=256)
    assert "".join(c.text for c in chunks) == blob


def test_code_block_kept_intact():
    code = "```python\ndef f(x):\n    return x + 1\n\n\nprint(f(2))\n```"
    blocks = [Block(para(3), start_line=1), Block(code, kind="code", start_line=3, end_line=9),
              Block(para(3), start_line=11)]
    chunks = chunk_blocks(blocks, words, max_tokens=200)
    assert any(code in c.text for c in chunks)


def test_pages_are_separate_sections_with_page_numbers():
    blocks = [Block("Page one text.", page=1), Block("Page two text.", page=2)]
    chunks = chunk_blocks(blocks, words, max_tokens=100)
    assert [(c.text, c.location.page) for c in chunks] == [("Page one text.", 1), ("Page two text.", 2)]


def test_line_numbers_follow_sentences_inside_a_block():
    text = "\n".join(f"Line {i} says something long enough to count." for i in range(1, 21))
    chunks = chunk_blocks([Block(text, start_line=10, end_line=29)], words, max_tokens=30, overlap=0)
    assert chunks[0].location.start_line == 10
    assert chunks[-1].location.end_line == 29
    for a, b in zip(chunks, chunks[1:], strict=False):
        assert b.location.start_line > a.location.start_line


def test_title_prefix_budget_is_reserved():
    blocks = [Block(para(20), heading_path=("A long heading " * 5,))]
    chunks = chunk_blocks(blocks, words, max_tokens=80, title="Some title words")
    prefix = words(["Some title words > " + "A long heading " * 5])[0]
    assert all(n + prefix <= 80 for n in words([c.text for c in chunks]))


def test_tiny_section_joins_the_next_one():
    blocks = [Block("#reading", heading_path=("List",), start_line=3),
              Block(para(2), heading_path=("List", "Books"), start_line=5, end_line=6)]
    chunks = chunk_blocks(blocks, words, max_tokens=100)
    assert len(chunks) == 1
    # the folded section keeps its own heading, as a heading line, under the common path
    assert chunks[0].text.startswith("#reading\n\n### Books\nThis is")
    assert chunks[0].heading_path == ("List",)
    assert (chunks[0].location.start_line, chunks[0].location.end_line) == (3, 6)
    assert chunks[0].ordinal == 0
