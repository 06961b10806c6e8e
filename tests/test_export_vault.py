"""`memex export DIR --format obsidian|markdown` on the sample vault: notes, conversions, links, filters, safety."""
from __future__ import annotations

import json
import os
import re
import shutil
import time
from pathlib import Path

import pytest
import yaml
from fixture_paths import SAMPLE_VAULT

from memex.app import Brain
from memex.errors import MemexError
from memex.portability import hooks
from memex.portability.answers import save_answer
from memex.portability.vault import MANIFEST, export_vault, parse_since
from memex.retrieve.search import Filters
from memex.store import threads

WIKILINK = re.compile(r"\[\[([^\]|#]+)(#[^\]|]*)?(?:\|[^\]]*)?\]\]")


def _front(text: str) -> dict:
    m = re.match(r"^---\n(.*?)\n---\n", text, re.S)
    assert m, text[:200]
    return yaml.safe_load(m.group(1))


def _headings(text: str) -> set[str]:
    return {m.group(1).strip() for m in re.finditer(r"^#{1,6} (.+)$", text, re.M)}


@pytest.fixture(scope="module")
def brain(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("vault-export")
    vault = root / "vault"
    shutil.copytree(SAMPLE_VAULT, vault)
    b = Brain.open(root / "home", embedder="hash:384")
    assert b.add([vault]).added == 17
    q = "When is the weekly sync?"
    save_answer(b.conn, b.settings.home, q, b.ask(q).to_dict(), "extractive")
    # An answer citing a PDF passage (as an LLM answer would; the offline answerer needs the real model).
    hit = b.search("train leaves Rossio station Sintra", 1, Filters(path_glob="*.pdf"))[0]
    save_answer(b.conn, b.settings.home, "When does the train to Sintra leave?", {
        "answer": "At 09:11 from Rossio [1].", "abstained": False, "citations": [{
            "n": 1, "path": hit.path, "chunk_id": hit.chunk_id, "quote": "The train leaves Rossio station at 09:11",
            "location": hit.location.to_dict()}]}, "scripted")
    tid = threads.create_thread(b.conn)
    b.ask("What is the router firmware version?", thread=tid)
    b.ask("Who approved the Heron budget?", thread=tid)
    from memex.agents.memory import remember
    remember(b, "The spare key is under the blue pot", "test")
    b.vault = vault  # type: ignore[attr-defined]
    b.thread = tid  # type: ignore[attr-defined]
    yield b
    b.close()


@pytest.fixture(scope="module")
def exported(brain, tmp_path_factory):
    dest = tmp_path_factory.mktemp("out") / "vault"
    report = export_vault(brain, dest, "obsidian")
    return dest, report


def test_every_document_becomes_a_note_and_markdown_notes_keep_their_text(brain, exported):
    dest, report = exported
    assert report.notes == 18 and report.converted == 2 and report.originals == 2 and not report.failed
    for (path,) in brain.conn.execute("SELECT path FROM documents WHERE parser = 'markdown' AND path LIKE ?",
                                      (f"{brain.vault}/%",)).fetchall():
        src = Path(path)
        rel = src.relative_to(brain.vault)
        out = (dest / rel).read_text(encoding="utf-8")
        original = src.read_text(encoding="utf-8")
        fm = _front(out)
        assert fm["memex_source"] == str(src) and len(fm["memex_sha256"]) == 64
        assert fm["memex_modified"] and fm["memex_indexed"] and fm["memex_parser"] == "markdown"
        # The body is the note's own text, unchanged; its own front matter keys are all still there.
        body_out = out.split("\n---\n", 1)[1]
        body_in = original.split("\n---\n", 1)[1] if original.startswith("---\n") else original
        assert body_out == body_in or body_out.replace(" ^memex-c", "").count("\n") == body_in.count("\n"), rel
        if original.startswith("---\n"):
            for key, value in _front(original).items():
                assert fm[key] == value, (rel, key)
        assert (dest / rel).stat().st_mtime_ns == src.stat().st_mtime_ns  # dates read from mtime survive
    memory = next((dest / "Memex" / "Memories").glob("*.md")).read_text(encoding="utf-8")
    assert "The spare key is under the blue pot" in memory and _front(memory)["memex_memory"]


def test_pdf_and_docx_are_converted_with_structure_and_the_original_beside_them(exported):
    dest, _ = exported
    pdf_note = (dest / "attachments" / "Lisbon itinerary.md").read_text(encoding="utf-8")
    fm = _front(pdf_note)
    assert fm["title"].startswith("Lisbon itinerary") and fm["memex_parser"] == "pdf" and fm["pages"] == 2
    assert "![[attachments/Lisbon itinerary.pdf]]" in pdf_note
    assert "**Page 1** ^page-1" in pdf_note and "**Page 2** ^page-2" in pdf_note
    assert pdf_note.index("Day 1, Thursday 13 June") < pdf_note.index("^page-2") < pdf_note.index("Sintra")
    assert (dest / "attachments" / "Lisbon itinerary.pdf").read_bytes() == \
        (SAMPLE_VAULT / "attachments" / "Lisbon itinerary.pdf").read_bytes()
    docx = (dest / "attachments" / "Heron Q2 status report.md").read_text(encoding="utf-8")
    assert "Original: [[attachments/Heron Q2 status report.docx]]" in docx
    assert {"Heron Q2 status report", "Summary", "Milestones"} <= _headings(docx)
    assert "| Milestone | Planned | Actual |\n| --- | --- | --- |" in docx  # a Word table as a Markdown table
    ignore = (dest / ".memexignore").read_text(encoding="utf-8").splitlines()
    assert "/attachments/Lisbon itinerary.pdf" in ignore and "/attachments/Heron Q2 status report.docx" in ignore


def _resolve(dest: Path, link: str, anchor: str | None) -> tuple[Path, str]:
    target = dest / (link + ".md")
    if not target.is_file() and "/" not in link:
        # Obsidian resolves a bare name to the one note of that name anywhere in the vault (an answer quotes
        # the note's own [[Priya Raman]] link).
        named = list(dest.rglob(f"{link}.md"))
        assert len(named) == 1, (link, named)
        target = named[0]
    assert target.is_file(), link
    return target, anchor or ""


def test_answers_and_conversations_link_to_the_exact_heading_or_block(brain, exported):
    dest, report = exported
    assert report.answers == 2 and report.conversations == 1
    answers = sorted((dest / "Memex" / "Answers").glob("*.md"))
    conv = next((dest / "Memex" / "Conversations").glob("*.md")).read_text(encoding="utf-8")
    texts = [a.read_text(encoding="utf-8") for a in answers] + [conv]
    links = [m for t in texts for m in WIKILINK.finditer(t)]
    assert len(links) >= 4
    landed = []
    for m in links:
        target, anchor = _resolve(dest, m.group(1), m.group(2))
        text = target.read_text(encoding="utf-8")
        if anchor.startswith("#^"):
            assert re.search(rf" \^{re.escape(anchor[2:])}$", text, re.M), (m.group(0), target)
        elif anchor:
            assert anchor[1:].split("#")[-1] in {h.replace(":", " ") for h in _headings(text)}, (m.group(0), target)
        landed.append((target.name, anchor))
    assert ("2024-05-03 Heron retro.md", "#Decisions") in landed
    # The PDF passage is cited by a block id on the paragraph where the passage starts, on page 2.
    pdf = [a for t, a in landed if t == "Lisbon itinerary.md"]
    assert pdf and pdf[0].startswith("#^")
    note = (dest / "attachments" / "Lisbon itinerary.md").read_text(encoding="utf-8")
    block = next(ln for ln in note.splitlines() if ln.endswith(" " + pdf[0][1:]))
    assert "Sintra" in block or note.index(block) > note.index("^page-2")
    assert "Fritz!Box 7590" in conv and conv.count("## ") >= 2 and _front(conv)["memex_thread"] == brain.thread


def test_markdown_format_uses_relative_links_that_resolve(brain, tmp_path):
    dest = tmp_path / "md"
    export_vault(brain, dest, "markdown")
    answer = next((dest / "Memex" / "Answers").glob("*weekly sync*.md"))
    text = answer.read_text(encoding="utf-8")
    assert "[[" not in text.split("## Sources", 1)[1]
    hrefs = re.findall(r"\]\(<([^>]+)>\)", text)
    assert hrefs
    for href in hrefs:
        path = href.split("#", 1)[0]
        assert (answer.parent / path).resolve().is_file(), href
    assert "[1]: <" in text  # reference definitions make the inline [1] markers clickable
    pdf_note = (dest / "attachments" / "Lisbon itinerary.md").read_text(encoding="utf-8")
    assert "[Lisbon itinerary.pdf](<Lisbon itinerary.pdf>)" in pdf_note and '<a id="page-2"></a>' in pdf_note


def test_filters_select_the_same_documents_as_search(brain, tmp_path):
    from memex.store.catalog import list_documents

    cases = [Filters(tags=("heron",)), Filters(path_glob="*/recipes/*"),
             Filters(after="2024-04-01", before="2024-05-31"), Filters(tags=("meeting",), after="2024-05-01")]
    for i, f in enumerate(cases):
        dest = tmp_path / f"f{i}"
        export_vault(brain, dest, "obsidian", filters=f)
        exported = set(json.loads((dest / MANIFEST).read_text(encoding="utf-8"))["notes"])
        _, listed = list_documents(brain.conn, path_glob=f.path_glob, tags=f.tags, after=f.after, before=f.before,
                                   limit=1000)
        assert exported == {d.path for d in listed} and 0 < len(exported) < 18, f
        hits = {h.path for h in brain.search("heron sync recipe eggs trip notes", 100, f)}
        assert hits and hits <= exported, f  # whatever search finds under the filter was exported
    # An answer citing notes outside the filter says so instead of linking to a note that is not there.
    answer = next((tmp_path / "f1" / "Memex" / "Answers").glob("*weekly sync*.md")).read_text(encoding="utf-8")
    assert "(not in this export)" in answer and "[[projects/heron" not in answer


def test_non_empty_folder_needs_force_and_since_exports_only_what_changed(brain, tmp_path):
    dest = tmp_path / "busy"
    dest.mkdir()
    (dest / "mine.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(MemexError, match="not empty.*--force"):
        export_vault(brain, dest)
    report = export_vault(brain, dest, force=True)
    assert report.notes == 18 and (dest / "mine.txt").read_text(encoding="utf-8") == "keep me"
    # An earlier export (it has a manifest) can be updated without --force; --since last takes only news.
    time.sleep(0.05)
    later = brain.vault / "inbox.md"
    later.write_text("# Inbox\n\nBuy more sourdough flour.\n", encoding="utf-8")
    brain.sync()
    since = parse_since("last", dest)
    again = export_vault(brain, dest, since=since)
    assert again.notes == 1 and (dest / "inbox.md").is_file()
    assert json.loads((dest / MANIFEST).read_text(encoding="utf-8"))["notes"][str(later)] == "inbox.md"
    later.unlink()
    brain.sync()
    with pytest.raises(MemexError, match="inside the indexed folder"):
        export_vault(brain, brain.vault / "export")


def test_a_changed_or_missing_file_is_written_from_the_index(brain, tmp_path):
    root = tmp_path / "v"
    root.mkdir()
    (root / "a.md").write_text("# Alpha\n\nThe alpha note talks about kestrels.\n", encoding="utf-8")
    shutil.copy(SAMPLE_VAULT / "attachments" / "Lisbon itinerary.pdf", root / "trip.pdf")
    with Brain.open(tmp_path / "home", embedder="hash:384") as b:
        b.add([root])
        (root / "a.md").write_text("# Alpha\n\nRewritten, not yet synced.\n", encoding="utf-8")
        (root / "trip.pdf").unlink()
        report = export_vault(b, tmp_path / "out")
    assert sorted(Path(p).name for p in report.from_index) == ["a.md", "trip.pdf"]
    a = (tmp_path / "out" / "a.md").read_text(encoding="utf-8")
    assert "kestrels" in a and "Rewritten" not in a and "changed since it was indexed" in _front(a)["memex_text"]
    trip = (tmp_path / "out" / "trip.md").read_text(encoding="utf-8")
    assert "Sintra" in trip and "**Page 2**" in trip and "missing" in _front(trip)["memex_text"]
    assert not (tmp_path / "out" / "trip.pdf").exists()


def test_related_section_topics_and_entities_come_from_the_note_graph(brain, tmp_path):
    report = export_vault(brain, tmp_path / "r", related=True, topics=True)
    maya = (tmp_path / "r" / "people" / "Maya Okafor.md").read_text(encoding="utf-8")
    related = maya.split("## Related", 1)[1]
    assert "[[projects/heron/Heron project overview|Heron project overview]] — links to it, links here" in related
    assert "mentions Maya Okafor" in related  # notes that name her without a link
    assert report.topics >= 1
    mocs = {p.name: p.read_text(encoding="utf-8") for p in (tmp_path / "r" / "Memex" / "Topics").glob("*.md")}
    assert len(mocs) == report.topics and any("[[projects/heron/Heron project overview|" in t for t in mocs.values())
    assert "BDG-1029-MO" in _front(maya)["memex_entities"]


def test_related_section_and_topics_hook(brain, tmp_path):
    from memex.graph import export_provider

    hooks.reset()  # no graph installed: --related falls back to links and meaning, --topics says why not
    try:
        with pytest.raises(MemexError, match="--topics needs the note graph"):
            export_vault(brain, tmp_path / "t0", topics=True)
        export_vault(brain, tmp_path / "r", related=True)
    finally:
        export_provider.register()
    home = (tmp_path / "r" / "Home.md").read_text(encoding="utf-8")
    related = home.split("## Related", 1)[1]
    assert "[[Home network|Home network]] — linked from this note" in related

    class Graph:  # what the note graph (issue 12) registers
        def related(self, conn, doc_id, k):
            return [hooks.RelatedNote(d, 0.5, ["shared entity: Heron"]) for (d,) in
                    conn.execute("SELECT id FROM documents WHERE id != ? ORDER BY id LIMIT 2", (doc_id,))]

        def topics(self, conn):
            ids = [r[0] for r in conn.execute("SELECT d.id FROM documents d JOIN tags t ON t.doc_id = d.id "
                                              "WHERE t.tag = 'heron'")]
            return [hooks.Topic("Project Heron", ids, ["heron", "beta"])]

    hooks.register_graph(lambda b: Graph())
    hooks.register_front_matter(lambda conn, doc_id: {"entities": ["Heron"]})
    try:
        report = export_vault(brain, tmp_path / "g", related=True, topics=True)
    finally:
        hooks.reset()
        export_provider.register()
    assert report.topics == 1
    moc = (tmp_path / "g" / "Memex" / "Topics" / "Project Heron.md").read_text(encoding="utf-8")
    assert "Keywords: heron, beta" in moc and "[[projects/heron/Heron project overview|" in moc
    note = (tmp_path / "g" / "Home.md").read_text(encoding="utf-8")
    assert "shared entity: Heron" in note and _front(note)["memex_entities"] == ["Heron"]


def test_adding_the_export_to_a_fresh_home_indexes_each_document_once(brain, exported, tmp_path):
    dest, _ = exported
    with Brain.open(tmp_path / "fresh", embedder="hash:384") as fresh:
        report = fresh.add([dest])
        assert not report.failed
        parsers = fresh.status()["parsers"]
        assert parsers == {"markdown": 18}  # the copied PDF/DOCX are ignored; their notes are indexed
        hit = fresh.search("When does the train to Sintra leave Rossio", 1)[0]
        source = _front(Path(hit.path).read_text(encoding="utf-8"))["memex_source"]
        assert source.endswith("attachments/Lisbon itinerary.pdf")
        # Dates survive: notes dated only by their mtime keep it, others by their front matter.
        old = dict(brain.conn.execute("SELECT path, note_date FROM documents").fetchall())
        for path, date in fresh.conn.execute("SELECT path, note_date FROM documents"):
            src = _front(Path(path).read_text(encoding="utf-8"))["memex_source"]
            if src in old:
                assert date == old[src], path
    assert os.path.exists(dest / ".memexignore")


def test_names_illegal_on_windows_or_macos_are_made_safe_and_stay_unique(tmp_path):
    root = tmp_path / "v"
    (root / "Q&A: misc").mkdir(parents=True)
    names = ["CON.md", "a:b?.md", "Note.md", "note.md", "Q&A: misc/what|why.md", "trailing. .md"]
    for i, name in enumerate(names):
        (root / name).write_text(f"# Title {i}\n\nBody number {i} about kestrels.\n", encoding="utf-8")
    with Brain.open(tmp_path / "home", embedder="hash:384") as b:
        assert b.add([root]).added == len(names)
        export_vault(b, tmp_path / "out")
    files = sorted(str(p.relative_to(tmp_path / "out")) for p in (tmp_path / "out").rglob("*.md"))
    assert len(files) == len(names) and len({f.casefold() for f in files}) == len(names)
    for f in files:
        assert not set('<>:"\\|?*') & set(f)
        assert not any(part.removesuffix(".md").endswith((".", " ")) for part in f.split("/")), f
    assert "_CON.md" in files and "Q&A_ misc/what_why.md" in files
    sources = {_front((tmp_path / "out" / f).read_text(encoding="utf-8"))["memex_source"] for f in files}
    assert sources == {str(root / n) for n in names}  # every original path is kept in the front matter
