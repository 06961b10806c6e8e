"""Hostile input files, generated at test time (nothing binary is committed): reliability.md §3 and §6.2."""
from __future__ import annotations

import io
import os
import zipfile
from dataclasses import dataclass
from pathlib import Path

import docx
from pypdf import PdfReader, PdfWriter

CONTENT_TYPES = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
                 'package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/>'
                 '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
                 'officedocument.wordprocessingml.document.main+xml"/></Types>')
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


@dataclass(frozen=True)
class Expect:
    """What must happen to a hostile file: a reason matching `reason`, or indexed containing `text`."""

    reason: str | None = None
    """Substring of the recorded failure/skip reason (any case); None: must be indexed."""
    text: str | None = None
    """When indexed, the stored chunks must contain this."""
    either: bool = False
    """Either outcome is correct (e.g. a huge PDF that is parsed, or stopped by the time limit)."""


# ---- PDF -------------------------------------------------------------------------------------------
def raw_pdf(objects: list[str], extra_trailer: str = "") -> bytes:
    """A PDF written by hand: numbered objects, a correct xref table and trailer."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n{body}\nendobj\n".encode()
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += (f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R {extra_trailer}>>\nstartxref\n{xref}\n"
            "%%EOF\n").encode()
    return bytes(out)


def _text_stream(text: str) -> str:
    content = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET"
    return f"<< /Length {len(content)} >>\nstream\n{content}\nendstream"


FONT = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
PAGE = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>"


def pdf_pages(n: int, text: str = "Hostile page text", count: int | None = None) -> bytes:
    """n pages sharing one content stream (small file, enormous page count); `count` may lie."""
    kids = " ".join(f"{5 + i} 0 R" for i in range(n))
    return raw_pdf(["<< /Type /Catalog /Pages 2 0 R >>", f"<< /Type /Pages /Kids [{kids}] /Count {count or n} >>",
                    FONT, _text_stream(text)] + [PAGE] * n)


def pdf_page_tree_loop() -> bytes:
    """The page tree lists itself as a kid (CWE-835 pattern)."""
    return raw_pdf(["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [2 0 R 5 0 R] /Count 2 >>", FONT,
                    _text_stream("loop"), PAGE])


def pdf_outline_loop() -> bytes:
    """Outline items whose /Next point at each other (CVE-2026-24688 pattern)."""
    page = PAGE.replace("/Contents 4 0 R", "/Contents 8 0 R")
    return raw_pdf(["<< /Type /Catalog /Pages 2 0 R /Outlines 5 0 R >>", "<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
                    FONT, page, "<< /Type /Outlines /First 6 0 R /Last 7 0 R /Count 2 >>",
                    "<< /Title (A) /Parent 5 0 R /Next 7 0 R /Dest [4 0 R /Fit] >>",
                    "<< /Title (B) /Parent 5 0 R /Next 6 0 R /Prev 6 0 R /Dest [4 0 R /Fit] >>",
                    _text_stream("Outline loop text")])


def pdf_prev_loop() -> bytes:
    """The trailer's /Prev points back at its own xref table (CVE-2026-27628 pattern)."""
    data = pdf_pages(1, "Prev loop text")
    xref = int(data[data.rindex(b"startxref\n") + 10:].split(b"\n")[0])
    return data.replace(b"/Root 1 0 R ", f"/Root 1 0 R /Prev {xref} ".encode())


def pdf_encrypted() -> bytes:
    """A real PDF with a user password."""
    w = PdfWriter()
    w.append(PdfReader(io.BytesIO(pdf_pages(1, "Secret text"))))
    w.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    buf = io.BytesIO()
    w.write(buf)
    return buf.getvalue()


# ---- DOCX ------------------------------------------------------------------------------------------
def _docx_zip(document_xml: bytes | None = None, stream_bytes: int = 0) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        if stream_bytes:  # a paragraph bomb, written in pieces so the test never holds it in memory
            with z.open("word/document.xml", "w") as f:
                f.write(f'<w:document xmlns:w="{W_NS}"><w:body>'.encode())
                piece = b"<w:p><w:r><w:t>bomb</w:t></w:r></w:p>" * 4096
                for _ in range(stream_bytes // len(piece)):
                    f.write(piece)
                f.write(b"</w:body></w:document>")
        else:
            z.writestr("word/document.xml", document_xml or b"")
    return buf.getvalue()


def docx_bomb(mb: int) -> bytes:
    """A small .docx whose document.xml expands to `mb` MB (reliability.md Exp-3: 80 s / 1.2 GB)."""
    return _docx_zip(stream_bytes=mb * 2**20)


def docx_entities(kind: str) -> bytes:
    """document.xml with an external entity (XXE) or nested entities (billion laughs)."""
    if kind == "xxe":
        dtd = '<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        body = "&x;"
    else:
        dtd = "<!DOCTYPE d [<!ENTITY a \"lol\">" + "".join(
            f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9)) + "]>"
        body = "&j;"
    xml = (f'<?xml version="1.0"?>{dtd}<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>{body}'
           "</w:t></w:r></w:p></w:body></w:document>")
    return _docx_zip(xml.encode())


def docx_ok(text: str) -> bytes:
    """An ordinary .docx."""
    d = docx.Document()
    d.add_heading("Plain doc", 1)
    d.add_paragraph(text)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504


# ---- the vault -------------------------------------------------------------------------------------
def write_big_line(path: Path, size: int) -> None:
    """One line of `size` bytes with no whitespace, written in pieces."""
    piece = b"x" * 2**20
    with open(path, "wb") as f:
        for _ in range(size // len(piece)):
            f.write(piece)
        f.write(b"y" * (size % len(piece)))


def build_hostile_vault(root: Path, outside: Path, *, full: bool) -> dict[str, Expect]:
    """Write every hostile case plus good notes; returns file name -> expectation."""
    root.mkdir(parents=True)
    outside.mkdir(parents=True, exist_ok=True)
    expect: dict[str, Expect] = {}

    def put(name: str, data: bytes, e: Expect) -> None:
        (root / name).write_bytes(data)
        expect[name] = e

    for i in range(8):
        put(f"good{i}.md", f"# Good {i}\n\nA healthy note number {i} about the orchard quarry{i}.\n".encode(),
            Expect(text=f"quarry{i}"))
    put("plain.docx", docx_ok("An ordinary document about saffron."), Expect(text="saffron"))
    # FILE-01: empty files of each type
    for ext in ("md", "txt", "html", "pdf", "docx"):
        put(f"empty.{ext}", b"", Expect(reason="empty"))
    # FILE-02/03/04/05/07: DOCX bombs, entities, encrypted
    put("bomb.docx", docx_bomb(300 if full else 40), Expect(reason="zip bomb"))
    put("xxe.docx", docx_entities("xxe"), Expect(reason="DTD"))
    put("laughs.docx", docx_entities("laughs"), Expect(reason="DTD"))
    put("encrypted.docx", OLE, Expect(reason="encrypted"))
    put("notazip.docx", b"PK\x03\x04 this is not really a zip", Expect(reason="corrupt archive"))
    # FILE-09/10/11/12: PDFs
    put("encrypted.pdf", pdf_encrypted(), Expect(reason="encrypted"))
    good_pdf = pdf_pages(2, "Malformed source text")
    put("truncated.pdf", good_pdf[: len(good_pdf) // 2], Expect(either=True, text="Malformed"))
    put("garbage.pdf", b"%PDF-1.7\n" + os.urandom(4000), Expect(reason="parse error"))
    put("page-tree-loop.pdf", pdf_page_tree_loop(), Expect(either=True, text="loop"))
    put("outline-loop.pdf", pdf_outline_loop(), Expect(text="Outline loop text"))
    put("prev-loop.pdf", pdf_prev_loop(), Expect(text="Prev loop text"))
    put("lying-count.pdf", pdf_pages(1, "Lying count text", count=2**31 - 1), Expect(text="Lying count text"))
    put("many-pages.pdf", pdf_pages(40_000 if full else 1_500, "Many pages text"),
        Expect(either=True, text="Many pages text"))
    # FILE-18/19: encodings and binary content
    put("latin1.md", "# Dessert\n\nCrème brûlée and café au lait.\n".encode("latin-1"), Expect(text="brûlée"))
    put("utf16.txt", "Grüße aus Köln, utf-sixteen note.".encode("utf-16"), Expect(text="Köln"))
    put("mixed.md", ("# Mixed\n\n" + "Plain utf-8 line with ✓ tick.\n" * 20).encode() + "Stray ligne été.\n"
        .encode("latin-1"), Expect(text="tick"))
    put("binary.md", b"\x00\x01\x02\xff" * 500, Expect(reason="binary"))
    # FILE-20: enormous single lines; the default size limit is 200 MB
    write_big_line(root / "huge-line.txt", 200 * 2**20)
    expect["huge-line.txt"] = Expect(reason="too large")
    write_big_line(root / "long-line.txt", (30 if full else 3) * 2**20)
    expect["long-line.txt"] = Expect(text="xxxx")
    # FILE-14/15/16: FIFO, symlink loop, symlinks out of the source
    os.mkfifo(root / "x.md")
    expect["x.md"] = Expect(reason="FIFO")
    (root / "sub").mkdir()
    (root / "sub" / "inner.md").write_text("# Inner\n\nInside the loop folder: willow.\n")
    expect["sub/inner.md"] = Expect(text="willow")
    os.symlink("..", root / "sub" / "loop")
    expect["sub/loop"] = Expect(reason="symlinked folder")
    (outside / "secret.md").write_text("# Secret\n\nOutside secret: tundra.\n")
    os.symlink(outside / "secret.md", root / "escape.md")
    expect["escape.md"] = Expect(reason="outside the source")
    os.symlink(outside, root / "escape-dir")
    expect["escape-dir"] = Expect(reason="symlinked folder")
    os.symlink(root / "nowhere.md", root / "dangling.md")
    expect["dangling.md"] = Expect(reason="broken symlink")
    # path names: a newline (valid UTF-8: indexed) and invalid UTF-8 (reported)
    (root / "new\nline.md").write_text("# Newline name\n\nA note whose name holds a newline: velvet.\n")
    expect["new\nline.md"] = Expect(text="velvet")
    bad_name = os.fsencode(root) + b"/bad-\xff-name.md"
    with open(bad_name, "wb") as f:
        f.write(b"# Bad name\n\nlantern\n")
    expect["bad-\ufffd-name.md"] = Expect(reason="not valid UTF-8")
    return expect
