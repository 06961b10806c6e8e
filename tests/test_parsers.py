"""Parsers: real files from ../shared/data/docs plus small fixtures generated here (hostile ones too)."""
from __future__ import annotations

import io
import os
import time
import zipfile
import zlib
from datetime import datetime
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader, PdfWriter

from memex.errors import ParseError
from memex.ingest.parsers import SUPPORTED_EXTENSIONS, parse_file
from memex.ingest.parsers.encoding import decode_text

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "data" / "parsers"
SHARED_DOCS = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "docs"
needs_shared = pytest.mark.skipif(not SHARED_DOCS.is_dir(),
                                  reason=f"shared test documents not found at {SHARED_DOCS}")


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    p = tmp_path / name
    p.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return p


def reason(path: Path) -> str:
    with pytest.raises(ParseError) as info:
        parse_file(path)
    return str(info.value)


# ---------------------------------------------------------------- PDF builders (no binary fixtures)

def _pdf_string(s: str) -> bytes:
    return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").encode("latin-1")


def make_pdf(pages: list[str], title: str | None = None,
             raw_streams: dict[int, tuple[bytes, bytes]] | None = None) -> bytes:
    """A minimal valid PDF: one Helvetica text line per input line; '' gives a page without text."""
    raw_streams = raw_streams or {}
    n = len(pages)
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % (4 + 2 * i) for i in range(n))
            + b"] /Count %d >>" % n,
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    for i, text in enumerate(pages):
        head, content = raw_streams.get(i, (b"", b""))
        if i not in raw_streams and text:
            shows = b" ".join(b"(" + _pdf_string(line) + b") Tj 0 -14 Td" for line in text.split("\n"))
            content = b"BT /F1 12 Tf 72 720 Td " + shows + b" ET"
        objs.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
                    b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % (5 + 2 * i))
        objs.append(b"<< /Length %d %s>>\nstream\n" % (len(content), head) + content + b"\nendstream")
    info = b""
    if title:
        objs.append(b"<< /Title (" + _pdf_string(title) + b") >>")
        info = b" /Info %d 0 R" % len(objs)
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, info, xref)
    return bytes(out)


def encrypted(pdf: bytes, user_password: str, algorithm: str) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.encrypt(user_password=user_password, owner_password="owner-secret", algorithm=algorithm)
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


SAMPLE_PDF = make_pdf(["Attention page one\nsecond line", "", "Third page (with parens)"],
                      title="Generated Sample")


# ---------------------------------------------------------------- dispatch, empty, size, type

def test_supported_extensions():
    from memex.media import MEDIA_EXTENSIONS
    assert SUPPORTED_EXTENSIONS == frozenset(
        {".md", ".markdown", ".txt", ".pdf", ".docx", ".html", ".htm"}) | MEDIA_EXTENSIONS


@pytest.mark.parametrize("ext", sorted(SUPPORTED_EXTENSIONS))
def test_empty_file_of_each_type(tmp_path, ext):
    assert reason(write(tmp_path, f"empty{ext}", b"")) == "empty file"


def test_unsupported_type(tmp_path):
    assert reason(write(tmp_path, "a.xyz", "hello")) == "unsupported type .xyz"
    assert reason(write(tmp_path, "Makefile", "all:")) == "unsupported type (no extension)"


def test_uppercase_extension_is_supported(tmp_path):
    assert parse_file(write(tmp_path, "NOTE.MD", "# Hi\n\ntext")).title == "Hi"


def test_fifo_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    assert reason(fifo) == "not a regular file"


def test_missing_file(tmp_path):
    assert reason(tmp_path / "gone.md") == "file vanished"


def test_text_file_over_size_cap(tmp_path):
    p = tmp_path / "huge.txt"
    with p.open("wb") as f:
        f.truncate(51 * 2**20)  # sparse: no 51 MB write needed
    assert reason(p) == "file too large (51 MB > 50 MB limit)"


def test_pdf_named_docx_is_routed_by_content(tmp_path):
    doc = parse_file(write(tmp_path, "report.docx", SAMPLE_PDF))
    assert doc.parser == "pdf"
    assert "content is PDF, extension is .docx" in doc.metadata["warnings"]


def test_pdf_extension_without_pdf_content(tmp_path):
    assert reason(write(tmp_path, "fake.pdf", "<html>not a pdf</html>")) == "type mismatch: not a PDF file"


# ---------------------------------------------------------------- text decoding (reliability §3.5)

FRENCH = "La crème brûlée est délicieuse. Où est le café ? Très bien, à bientôt.\nÇa va être génial.\n"


@pytest.mark.parametrize("data, text, encoding", [
    (FRENCH.encode("latin-1"), FRENCH, "cp1252"),
    ("He said “hello” — and ‘goodbye’… it’s fine.\n".encode("cp1252"),
     "He said “hello” — and ‘goodbye’… it’s fine.\n", "cp1252"),
    ("\ufeffBOM ✓ text\n".encode("utf-8"), "BOM ✓ text\n", "utf-8-sig"),
    ("\ufeffUTF-16 ✓ text\n".encode("utf-16-le"), "UTF-16 ✓ text\n", "utf-16"),
    ("\ufeffUTF-16 ✓ text\n".encode("utf-16-be"), "UTF-16 ✓ text\n", "utf-16"),
    ("\ufeffUTF-32 ✓\n".encode("utf-32-le"), "UTF-32 ✓\n", "utf-32"),
    ("plain ascii and ✓ utf-8\n".encode("utf-8"), "plain ascii and ✓ utf-8\n", "utf-8"),
])
def test_decoding_golden(data, text, encoding):
    decoded = decode_text(data)
    assert (decoded.text, decoded.encoding, decoded.warnings) == (text, encoding, [])


def test_shift_jis_goes_to_detector():
    text = "これは日本語のテキストです。東京は大きな都市です。\n"
    decoded = decode_text(text.encode("shift_jis"))
    assert decoded.text == text
    assert decoded.encoding in ("cp932", "shift_jis")
    assert decoded.warnings == [f"encoding guessed: {decoded.encoding}"]


def test_mostly_utf8_with_one_latin1_line_is_lossy_not_mojibake(tmp_path):
    good = "Status ✓ done — naïve café\n" * 20
    data = good.encode("utf-8") + "crème brûlée in latin-1\n".encode("latin-1") + good.encode("utf-8")
    doc = parse_file(write(tmp_path, "mixed.txt", data))
    text = "\n".join(b.text for b in doc.blocks)
    assert "Status ✓ done — naïve café" in text  # the valid UTF-8 survives intact
    assert "cr\ufffdme br\ufffdl\ufffde in latin-1" in text
    assert doc.metadata["warnings"] == ["lossy decode"]
    assert doc.metadata["encoding"] == "utf-8"


def test_nul_bytes_are_binary(tmp_path):
    assert reason(write(tmp_path, "x.md", b"# title\n\x00\x00\xff binary")) == "binary file (NUL bytes)"
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(32)
    assert reason(write(tmp_path, "image.txt", png)) == "binary file (NUL bytes)"


def test_latin1_txt_file_metadata(tmp_path):
    doc = parse_file(write(tmp_path, "recette.txt", FRENCH.encode("latin-1")))
    assert doc.blocks[0].text == FRENCH.strip()
    assert doc.metadata["encoding"] == "cp1252"


# ---------------------------------------------------------------- TXT

def test_txt_paragraphs_with_line_numbers(tmp_path):
    p = write(tmp_path, "2023-11-02 log.txt", "first para\nstill first\n\n\n  \nsecond\r\nthird line\n")
    doc = parse_file(p)
    assert doc.parser == "txt" and doc.title == "2023-11-02 log"
    assert [(b.text, b.start_line, b.end_line) for b in doc.blocks] == [
        ("first para\nstill first", 1, 2), ("second\nthird line", 6, 7)]
    assert doc.metadata["date"] == "2023-11-02"


def test_large_single_line_file_is_bounded(tmp_path):
    p = write(tmp_path, "line.md", b"x" * (20 * 2**20))
    start = time.perf_counter()
    doc = parse_file(p)
    assert time.perf_counter() - start < 10
    assert len(doc.blocks) == 1 and len(doc.blocks[0].text) == 20 * 2**20


def test_million_blank_lines(tmp_path):
    p = write(tmp_path, "blank.txt", "top\n" + "\n" * 1_000_000 + "bottom\n")
    start = time.perf_counter()
    doc = parse_file(p)
    assert time.perf_counter() - start < 10
    assert [(b.text, b.start_line) for b in doc.blocks] == [("top", 1), ("bottom", 1_000_002)]


# ---------------------------------------------------------------- Markdown

def test_markdown_fixture_structure():
    doc = parse_file(FIXTURES / "2024-05-03 Project kickoff.md")
    assert doc.parser == "markdown"
    assert doc.title == "Project Kickoff"
    meta = doc.metadata
    assert meta["aliases"] == ["kickoff", "Kick-off meeting"]
    assert meta["created"] == "2024-05-01"
    assert meta["date"] == "2024-05-01"  # front matter beats the file name
    assert meta["tags"] == ["meeting", "project/alpha", "planning", "weekly"]
    assert meta["links"] == ["Roadmap", "Project Alpha", "People/Ana", "Bob", "decisions.png"]
    by_line = {b.start_line: b for b in doc.blocks}
    assert by_line[10].kind == "heading" and by_line[10].heading_path == ("Kickoff notes",)
    assert (by_line[12].end_line, by_line[12].heading_path) == (13, ("Kickoff notes",))
    table = by_line[17]
    assert table.end_line == 19 and table.text.startswith("| Item | Owner |")
    assert table.heading_path == ("Kickoff notes", "Agenda #weekly")
    code = by_line[24]
    assert code.kind == "code" and code.end_line == 29
    assert code.text.startswith("```python\n# a comment") and code.text.endswith("print(x)\n```")
    assert by_line[32].heading_path == ("Kickoff notes", "Agenda #weekly", "Risks")
    assert by_line[34].kind == "heading" and by_line[34].end_line == 35
    assert by_line[37].heading_path == ("Setext heading",)
    assert not any("comment, not a heading" in h for b in doc.blocks for h in b.heading_path)


def test_markdown_title_falls_back_to_h1_then_stem(tmp_path):
    assert parse_file(write(tmp_path, "a.md", "intro\n\n# First H1\n\n# Second")).title == "First H1"
    assert parse_file(write(tmp_path, "plain note.md", "## only h2\n\ntext")).title == "plain note"


def test_markdown_date_from_file_name(tmp_path):
    doc = parse_file(write(tmp_path, "Daily 2024-02-29.md", "text"))
    assert doc.metadata["date"] == "2024-02-29"
    assert "date" not in parse_file(write(tmp_path, "2023-02-30.md", "not a real day")).metadata


def test_markdown_yaml_date_value(tmp_path):
    doc = parse_file(write(tmp_path, "n.md", "---\ndate: 2020-08-21\nupdated: 2021-01-02T10:00:00\n---\nx"))
    assert doc.metadata["date"] == "2020-08-21"
    assert doc.metadata["updated"] == "2021-01-02"
    assert doc.metadata["front_matter"]["date"] == "2020-08-21"


def test_markdown_bad_yaml_is_a_warning_and_text_is_kept(tmp_path):
    p = write(tmp_path, "bad.md", "---\ntitle: [unclosed\ntags: x\n---\n# Heading\n\nBody text.\n")
    doc = parse_file(p)
    assert any(w.startswith("bad front matter YAML") for w in doc.metadata["warnings"])
    texts = [b.text for b in doc.blocks]
    assert "Body text." in texts
    assert any("title: [unclosed" in t for t in texts)  # nothing lost
    assert doc.title == "Heading"


def test_markdown_yaml_alias_bomb_is_refused(tmp_path):
    lines = ["---", "a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 9):
        lines.append(f"{chr(97 + i)}: &{chr(97 + i)} [" + ", ".join([f"*{chr(96 + i)}"] * 10) + "]")
    lines += ["---", "body"]
    doc = parse_file(write(tmp_path, "bomb.md", "\n".join(lines)))
    assert "front matter too large or recursive; ignored" in doc.metadata["warnings"]
    assert [b.text for b in doc.blocks] == ["body"]


def test_markdown_tags_and_links_rules(tmp_path):
    text = "\n".join([
        "#toplevel tag at line start, #Mixed-Case and #nested/deep/ and #1984 and #y1984",
        "not tags: a#b, [x](#anchor), http://x.org/#frag, &#123; `#code` ``#two `` ticks``",
        "[[Note#Heading|shown]] [[#Local heading]] ![[embed.pdf#page=2]] [[A\\|in table]]",
        "",
        "> [!example] callout",
        "> ```css",
        "> a { color: #ff0000; } [[CalloutCode]]",
        "> ```",
        "> #calloutTag",
        "",
        "~~~",
        "#fenced [[Fenced]]",
        "~~~",
    ])
    meta = parse_file(write(tmp_path, "t.md", text)).metadata
    assert meta["tags"] == ["toplevel", "mixed-case", "nested/deep", "y1984", "callouttag"]
    assert meta["links"] == ["Note", "embed.pdf", "A"]


def test_markdown_unclosed_fence_runs_to_end(tmp_path):
    doc = parse_file(write(tmp_path, "u.md", "para\n\n```\ncode\n\n#nottag\n"))
    assert [b.kind for b in doc.blocks] == ["text", "code"]
    assert doc.blocks[1].end_line == 7 and doc.metadata["tags"] == []


@needs_shared
def test_obsidian_vault_real_notes():
    vault = SHARED_DOCS / "obsidian-help"
    tags_note = parse_file(vault / "Editing and formatting" / "Tags.md")
    assert tags_note.title == "Tags"  # no front matter title, no H1: the file stem
    assert tags_note.metadata["aliases"] == ["How to/Working with tags"]
    assert {"Properties", "Search", "Tags view", "Command palette"} <= set(tags_note.metadata["links"])
    assert {"y1984", "camelcase", "kebab-case"} <= set(tags_note.metadata["tags"])
    assert "1984" not in tags_note.metadata["tags"]
    assert "recipe" not in tags_note.metadata["tags"]  # only inside a ```yaml example
    yaml_example = next(b for b in tags_note.blocks if b.kind == "code")
    assert yaml_example.text.startswith("```yaml") and yaml_example.start_line == 14
    assert yaml_example.heading_path == ("Add a tag to a note",)
    css = parse_file(vault / "Extending Obsidian" / "CSS snippets.md")
    assert "ff0000" not in css.metadata["tags"]  # colour inside a fenced block in a callout
    home = parse_file(vault / "Home.md")
    assert home.title == "Obsidian Help"
    assert home.metadata["aliases"] == ["Start here"]
    notes = sorted(vault.rglob("*.md"))
    assert len(notes) == 173
    total_links = sum(len(parse_file(p).metadata["links"]) for p in notes)
    assert total_links > 1000


# ---------------------------------------------------------------- HTML

def test_html_main_text_title_headings_no_script(tmp_path):
    html = """<html><head><title>My  Page</title><script>var SECRET_SCRIPT = 1;</script>
    <style>.x { color: red }</style></head><body><nav>Home | About</nav><article>
    <h1>Main Heading</h1><p>First paragraph with enough words to count as real content for the
    extractor to keep it.</p><h2>Sub section</h2><p>Second paragraph about attention mechanisms
    and transformers in some detail.</p></article><footer>Copyright</footer></body></html>"""
    doc = parse_file(write(tmp_path, "page.html", html))
    assert doc.parser == "html" and doc.title == "My Page"
    text = "\n".join(b.text for b in doc.blocks)
    assert "SECRET_SCRIPT" not in text and "color: red" not in text
    para = next(b for b in doc.blocks if b.text.startswith("Second paragraph"))
    assert para.heading_path == ("Main Heading", "Sub section")
    assert para.start_line is None  # positions in extracted text are not file lines


def test_html_declared_charset_and_fallback(tmp_path):
    html = '<html><head><meta charset="windows-1252"><title>Caf\xe9</title></head><body></body></html>'
    doc = parse_file(write(tmp_path, "c.htm", html.encode("cp1252")))
    assert doc.title == "Café" and doc.metadata["encoding"] == "cp1252"
    scripts_only = "<html><body><script>var SECRET = 1</script></body></html>"
    doc = parse_file(write(tmp_path, "s.html", scripts_only))
    assert doc.metadata["extractor"] == "lxml" and doc.blocks == [] and doc.title == "s"
    assert parse_file(write(tmp_path, "blank.html", " \n\t\n")).blocks == []


def test_html_with_control_characters(tmp_path):
    # Found by mutation fuzzing: lxml refused text holding form feeds / vertical tabs.
    html = "<html><head><title>FF</title></head><body><p>page one\x0cpage two\x0bend of the text</p></body></html>"
    doc = parse_file(write(tmp_path, "ff.html", html))
    assert "page one page two end of the text" in " ".join(b.text for b in doc.blocks)


# ---------------------------------------------------------------- PDF

def test_pdf_generated_pages_and_title(tmp_path):
    doc = parse_file(write(tmp_path, "g.pdf", SAMPLE_PDF))
    assert doc.parser == "pdf" and doc.title == "Generated Sample"
    assert [(b.page, b.text) for b in doc.blocks] == [
        (1, "Attention page one\nsecond line"), (3, "Third page (with parens)")]
    assert doc.metadata["pages"] == 3


def test_pdf_title_from_first_line(tmp_path):
    doc = parse_file(write(tmp_path, "t.pdf", make_pdf(["arXiv:1234.5678v1 [cs.CL]\nA Real Title\nbody"])))
    assert doc.title == "A Real Title"


def test_pdf_outline_gives_heading_paths(tmp_path):
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf(["intro", "chapter text", "section text"]))))
    chapter = writer.add_outline_item(title="Chapter 1", page_number=1)
    writer.add_outline_item(title="Section 1.1", page_number=2, parent=chapter)
    buf = io.BytesIO()
    writer.write(buf)
    doc = parse_file(write(tmp_path, "o.pdf", buf.getvalue()))
    assert [(b.page, b.heading_path) for b in doc.blocks] == [
        (1, ()), (2, ("Chapter 1",)), (3, ("Chapter 1", "Section 1.1"))]


def test_pdf_without_text_layer(tmp_path):
    # Blank pages are OCR'd (a scan has no text layer either); OCR finds nothing on them.
    assert reason(write(tmp_path, "scan.pdf", make_pdf(["", ""]))) == "no text found (scanned PDF: OCR read nothing)"


@pytest.mark.parametrize("password, algorithm, ok", [
    ("secret", "RC4-128", False), ("", "RC4-128", True), ("", "AES-256", True), ("secret", "AES-256", False)])
def test_pdf_encryption(tmp_path, password, algorithm, ok):
    p = write(tmp_path, "e.pdf", encrypted(SAMPLE_PDF, password, algorithm))
    if ok:
        assert parse_file(p).blocks[0].text.startswith("Attention page one")
    else:
        assert reason(p) == "encrypted PDF (password required)"


@pytest.mark.parametrize("data", [SAMPLE_PDF[: len(SAMPLE_PDF) // 2],
                                  b"%PDF-1.4\n" + bytes(range(256)) * 8,
                                  SAMPLE_PDF.replace(b"/Type /Pages", b"/Type /Pagez")])
def test_malformed_pdf_is_a_parse_error(tmp_path, data):
    assert reason(write(tmp_path, "m.pdf", data)).startswith(("parse error (", "no text layer"))


def test_pdf_flate_bomb_hits_decompression_limit(tmp_path):
    c = zlib.compressobj(9)
    chunk = b" " * 2**20
    stream = b"".join(c.compress(chunk) for _ in range(100)) + c.flush()  # 100 MB -> ~100 KB
    pdf = make_pdf(["x"], raw_streams={0: (b"/Filter /FlateDecode ", stream)})
    assert reason(write(tmp_path, "bomb.pdf", pdf)).startswith("decompression limit exceeded")


@needs_shared
def test_real_pdf_attention_paper():
    doc = parse_file(SHARED_DOCS / "pdf" / "1706.03762.pdf")
    assert doc.metadata["pages"] == 15
    assert [b.page for b in doc.blocks] == list(range(1, 16))
    assert "Attention Is All You Need" in doc.blocks[0].text
    assert "Attention" in doc.blocks[0].text and doc.blocks[0].page == 1


@needs_shared
def test_real_pdf_outline_gives_heading_paths():
    doc = parse_file(SHARED_DOCS / "pdf" / "2112.04426.pdf")
    paths = {b.heading_path for b in doc.blocks}
    assert ("2 Method", "2.1 Training dataset") in paths
    assert doc.title == "Improving language models by retrieving"


# ---------------------------------------------------------------- DOCX

def make_docx(path: Path) -> Path:
    d = docx.Document()
    d.add_paragraph("Quarterly Plan", style="Title")
    d.add_heading("Goals", level=1)
    d.add_paragraph("Ship the parser.")
    d.add_heading("Details", level=2)
    d.add_paragraph("Details paragraph.")
    table = d.add_table(rows=2, cols=3)
    for r, row in enumerate([("Name", "Role", "Team"), ("Ana", "Lead", "Core")]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    table.cell(0, 1).merge(table.cell(0, 2))
    d.add_heading("Next", level=1)
    d.add_paragraph("After the table.")
    d.core_properties.author = "Tester"
    d.save(str(path))
    return path


def rewrite_zip(src: Path, dst: Path, replace: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, replace.get(info.filename, zin.read(info.filename)))
    return dst


def test_docx_generated_headings_tables(tmp_path):
    doc = parse_file(make_docx(tmp_path / "plan.docx"))
    assert doc.parser == "docx" and doc.title == "Quarterly Plan"
    rows = [(b.kind, b.text, b.heading_path) for b in doc.blocks]
    assert ("text", "Ship the parser.", ("Quarterly Plan", "Goals")) in rows
    assert ("text", "Details paragraph.", ("Quarterly Plan", "Goals", "Details")) in rows
    # The merged header cell appears once, holding both cells' text.
    assert ("table", "Name | Role Team\nAna | Lead | Core", ("Quarterly Plan", "Goals", "Details")) in rows
    assert ("text", "After the table.", ("Quarterly Plan", "Next")) in rows
    assert doc.metadata["author"] == "Tester"


def test_docx_template_creation_time_is_not_a_date(tmp_path):
    """A file saved from python-docx's blank template keeps the template's 2013 stamp: not the file's date."""
    blank = parse_file(make_docx(tmp_path / "plan.docx"))
    assert "created" not in blank.metadata
    d = docx.Document()
    d.add_paragraph("Quote for the boiler")
    d.core_properties.created = datetime(2026, 3, 2, 10, 0)
    d.save(str(tmp_path / "quote.docx"))
    assert parse_file(tmp_path / "quote.docx").metadata["created"] == "2026-03-02"


def test_docx_wide_table_keeps_its_header_row(tmp_path):
    """A table of three or more columns reads as a Markdown table: each row is then read with its column names,
    and a chunk the table continues in repeats the header (a label | value pair table stays as it was)."""
    from memex.agents.evidence import units
    from memex.domain import Hit, Location

    d = docx.Document()
    d.add_paragraph("Price list", style="Title")
    wide = d.add_table(rows=3, cols=3)
    for r, row in enumerate([("Item", "Until 30 June", "From 1 July"), ("Loaf", "1.10", "1.20"),
                             ("Bun", "0.50", "0.50")]):
        for c, value in enumerate(row):
            wide.cell(r, c).text = value
    pairs = d.add_table(rows=2, cols=2)
    for r, row in enumerate([("Employee", "Ana Ruiz"), ("Role", "Baker")]):
        for c, value in enumerate(row):
            pairs.cell(r, c).text = value
    d.save(str(tmp_path / "prices.docx"))
    tables = [b.text for b in parse_file(tmp_path / "prices.docx").blocks if b.kind == "table"]
    assert tables == ["| Item | Until 30 June | From 1 July |\n| --- | --- | --- |\n| Loaf | 1.10 | 1.20 |\n"
                      "| Bun | 0.50 | 0.50 |", "Employee | Ana Ruiz\nRole | Baker"]
    hit = Hit(chunk_id="1", doc_id=1, path="prices.docx", title="Price list", text=tables[0], score=1.0,
              location=Location())
    assert [u.text for u in units(hit, 0)] == ["Item: Loaf; Until 30 June: 1.10; From 1 July: 1.20",
                                               "Item: Bun; Until 30 June: 0.50; From 1 July: 0.50"]


def test_docx_ole_header_is_encrypted_or_legacy(tmp_path):
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    assert reason(write(tmp_path, "locked.docx", data)) == "encrypted or legacy Office file"


def test_docx_not_a_zip(tmp_path):
    assert reason(write(tmp_path, "x.docx", "plain text")) == "not a DOCX file (not a ZIP archive)"


def test_docx_ratio_bomb_rejected_before_parse(tmp_path):
    base = make_docx(tmp_path / "base.docx")
    with zipfile.ZipFile(base) as z:
        xml = z.read("word/document.xml")
    padding = b" " * (60 * 2**20)  # 60 MB of whitespace: ~60 KB compressed
    bomb = rewrite_zip(base, tmp_path / "bomb.docx",
                       {"word/document.xml": xml.replace(b"<w:body>", b"<w:body>" + padding, 1)})
    assert bomb.stat().st_size < 2**20
    start = time.perf_counter()
    msg = reason(bomb)
    assert time.perf_counter() - start < 2
    assert msg.startswith("zip bomb: word/document.xml compression ratio ")


def test_docx_total_size_and_entry_count_caps(tmp_path):
    big = tmp_path / "total.docx"
    with zipfile.ZipFile(big, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", b"<w:document/>")
        blob = os.urandom(1024) * 900  # 900 KB, under the per-entry ratio rule's 1 MB floor
        for i in range(230):
            z.writestr(f"word/media/m{i}.bin", blob)
    assert reason(big).startswith("zip bomb: expands to ")
    many = tmp_path / "many.docx"
    with zipfile.ZipFile(many, "w", zipfile.ZIP_STORED) as z:
        for i in range(10_001):
            z.writestr(f"x/{i}", b"")
    assert reason(many) == "zip bomb: 10001 entries"


def test_docx_doctype_rejected(tmp_path):
    base = make_docx(tmp_path / "base.docx")
    with zipfile.ZipFile(base) as z:
        xml = z.read("word/document.xml")
    laughs = (b'<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">'
              b'<!ENTITY xxe SYSTEM "file:///etc/passwd">]>')
    decl_end = xml.index(b"?>") + 2
    evil = rewrite_zip(base, tmp_path / "evil.docx",
                       {"word/document.xml": xml[:decl_end] + laughs + xml[decl_end:]})
    assert reason(evil) == "DOCX with DTD/external entities"


def test_docx_duplicate_entries_are_corrupt(tmp_path):
    base = make_docx(tmp_path / "base.docx")
    dup = tmp_path / "dup.docx"
    with zipfile.ZipFile(base) as zin, zipfile.ZipFile(dup, "w") as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, zin.read(info.filename))
        import warnings
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # zipfile warns about the duplicate name we want
            zout.writestr("word/document.xml", b"<x/>")
    assert reason(dup).startswith("corrupt archive (duplicate entry")


@needs_shared
def test_real_docx_doj_handbook_headings():
    doc = parse_file(SHARED_DOCS / "docx" / "doj-chapter13-trustee-handbook.docx")
    paths = {b.heading_path for b in doc.blocks}
    assert ("CHAPTER 1 – INTRODUCTION", "A. PURPOSE") in paths
    assert sum(b.kind == "heading" for b in doc.blocks) > 250
    assert sum(b.kind == "table" for b in doc.blocks) == 2
    assert sum(len(b.text) for b in doc.blocks) > 700_000


@needs_shared
def test_real_docx_tables():
    doc = parse_file(SHARED_DOCS / "docx" / "docx-tables.docx")
    tables = [b.text for b in doc.blocks if b.kind == "table"]
    assert tables[0] == "Header Col 1 | Header Col 2\nLorem ipsum | A link example"
    # three columns: a Markdown table with its header row; the nested table flattened in its cell
    assert tables[1] == "| a | >b< | c |\n| --- | --- | --- |\n| d | e / f; g&t / h | i |\n| j | k | l |"
    assert tables[2].split("\n")[0] == "a | b"  # horizontally merged cell appears once


@needs_shared
def test_real_docx_text_boxes_and_title():
    doc = parse_file(SHARED_DOCS / "docx" / "kindergarten-disease-reporting.docx")
    text = "\n".join(b.text for b in doc.blocks)
    assert "Student falls ill" in text
    assert text.count("Case closed.") == 1  # VML fallback copies are skipped
    assert parse_file(SHARED_DOCS / "docx" / "unit_test_headers.docx").title == "Test Document"
