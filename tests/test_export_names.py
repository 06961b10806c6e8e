"""Exported file names: legal on Windows, macOS and Linux (and in Obsidian links), and unique."""
from __future__ import annotations

import unicodedata

from memex.portability.names import MAX_COMPONENT_CHARS, NameAllocator, safe_component, safe_relpath

WINDOWS_ILLEGAL = set('<>:"/\\|?*') | {chr(i) for i in range(32)}


def test_illegal_characters_and_reserved_names_are_made_safe():
    for raw in ['a<b>c:"d"|e?f*.md', "CON.md", "con", "nul.txt", "LPT1.tar.gz", "trailing dot. .md ", "x\x00y.md",
                "#tag [[link]] ^block|alias.md", "..", ".", "", ".hidden.md", "Q: what? *really*.md"]:
        out = safe_component(raw)
        assert out and not WINDOWS_ILLEGAL & set(out), (raw, out)
        assert not set("#^[]|") & set(out), (raw, out)
        assert not out.endswith((".", " ")) and not out.startswith(".")
        assert out.split(".")[0].lower() not in {"con", "nul", "lpt1", "aux", "prn"}, (raw, out)
    assert safe_component("CON.md") == "_CON.md"
    assert safe_component("notes.md") == "notes.md"  # ordinary names are left alone
    assert safe_component("Heron retro — 3 May.md") == "Heron retro — 3 May.md"
    assert safe_component("#tag.md", obsidian=False) == "#tag.md"  # plain Markdown may keep them


def test_long_names_keep_their_extension_and_paths_cannot_escape():
    out = safe_component("x" * 400 + ".pdf")
    assert out.endswith(".pdf") and len(out) <= MAX_COMPONENT_CHARS
    assert safe_relpath("../../etc/passwd") == "_/_/etc/passwd"
    assert safe_relpath("/abs/./path//note.md") == "abs/path/note.md"
    assert safe_relpath("a\\b\\c.md") == "a/b/c.md"


def test_allocator_is_unique_across_letter_case_and_unicode_forms():
    alloc = NameAllocator()
    a = alloc.allocate("Notes/Café.md")
    b = alloc.allocate("notes/CAFÉ.md")
    c = alloc.allocate("Notes/" + unicodedata.normalize("NFD", "Café") + ".md")
    assert a == "Notes/Café.md"
    assert b == "notes/CAFÉ (2).md" and c == "Notes/Café (3).md"
    assert len({x.casefold() for x in (a, b, c)}) == 3
    # Two names that only differ by an illegal character end up distinct too.
    assert alloc.allocate("x:y.md") == "x_y.md" and alloc.allocate("x?y.md") == "x_y (2).md"


def test_allocator_never_puts_a_file_where_a_folder_is_or_the_reverse():
    alloc = NameAllocator({"Memex"})  # an existing file named like our folder
    assert alloc.allocate("Memex/Answers/a.md") == "Memex (2)/Answers/a.md"
    assert alloc.allocate_folder("Memex") == "Memex (2)"
    alloc2 = NameAllocator()
    alloc2.allocate("projects/x.md")
    assert alloc2.allocate("projects") == "projects (2)"  # a file cannot take an existing folder's name
