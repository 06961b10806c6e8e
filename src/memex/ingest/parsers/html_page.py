"""HTML pages: trafilatura's main-text extraction as Markdown (for headings), lxml text as a fallback."""
from __future__ import annotations

import copy
import re
from dataclasses import replace
from pathlib import Path

import lxml.html
import trafilatura
from lxml import etree

from memex.domain import ParsedDoc
from memex.ingest.parsers.encoding import declared_html_charset, decode_text
from memex.ingest.parsers.markdown_note import scan_markdown
from memex.ingest.parsers.plain_text import base_metadata, paragraph_blocks, split_lines

_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_INVISIBLE = ("script", "style", "noscript", "template", "head", "iframe", "object", "svg")
_BLOCK_TAGS = {"p", "div", "section", "article", "main", "header", "footer", "nav", "aside", "li",
               "ul", "ol", "table", "tr", "td", "th", "br", "pre", "blockquote", "h1", "h2", "h3",
               "h4", "h5", "h6", "dd", "dt", "figure", "figcaption", "hr", "form", "address"}


def parse_html(path: Path, data: bytes) -> ParsedDoc:
    """Parse an .html/.htm file's bytes."""
    decoded = decode_text(data, declared=declared_html_charset(data))
    meta = base_metadata(path, decoded.encoding, decoded.warnings)
    if not decoded.text.strip():
        return ParsedDoc(blocks=[], title=path.stem, parser="html", metadata=meta)
    parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True)
    # lxml rejects control characters in text (stray form feeds are common in old pages).
    text = _CONTROL_CHARS.sub(" ", decoded.text)
    # Re-encode: lxml refuses str input that carries an <?xml encoding?> declaration.
    tree = lxml.html.document_fromstring(text.encode("utf-8"), parser=parser)
    title = _title(tree)
    markdown = trafilatura.extract(copy.deepcopy(tree), output_format="markdown", include_tables=True,
                                   include_comments=False, include_links=False,
                                   include_formatting=True, favor_recall=True)
    if markdown and markdown.strip():
        body = scan_markdown(split_lines(markdown), first_line=None)
        blocks = body.blocks
        title = title or body.first_h1
        meta["extractor"] = "trafilatura"
    else:
        blocks = paragraph_blocks(split_lines(_visible_text(tree)))
        # Line numbers would count lines of our rendering, not of the file: drop them.
        blocks = [replace(b, start_line=None, end_line=None) for b in blocks]
        meta["extractor"] = "lxml"
    return ParsedDoc(blocks=blocks, title=title or path.stem, parser="html", metadata=meta)


def _title(tree: lxml.html.HtmlElement) -> str | None:
    found = tree.find(".//title")
    if found is None:
        return None
    text = " ".join(found.text_content().split())
    return text or None


def _visible_text(tree: lxml.html.HtmlElement) -> str:
    """Body text with script/style removed and a blank line after each block element."""
    for bad in tree.xpath("|".join(f"//{t}" for t in _INVISIBLE)):
        bad.drop_tree()
    for el in tree.iter():
        if isinstance(el.tag, str) and el.tag.lower() in _BLOCK_TAGS:
            el.tail = "\n\n" + (el.tail or "")
    text = etree.tostring(tree, method="text", encoding="unicode")
    # Collapse runs of spaces inside lines; keep the paragraph breaks we inserted.
    return "\n".join(re.sub(r"[ \t\r\f\v]+", " ", line).strip() for line in text.split("\n"))
