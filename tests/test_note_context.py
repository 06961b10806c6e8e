"""The context a note's passages are indexed with: title, aliases and an informative file name (ingest/context.py)."""
from __future__ import annotations

from pathlib import Path

from small_vault import indexed_home

from memex.app import Brain
from memex.ingest.context import informative_stem


def test_a_one_word_file_name_the_title_lacks_is_informative() -> None:
    assert informative_stem("hobbies/Darts.md", "Lowther Ladies (B team), Goole & District League") == "Darts"
    assert informative_stem("quotes/Pryce & Son quote Oct 2025.docx", "Quotation PSB-Q-0417") == (
        "Pryce & Son quote Oct 2025")


def test_a_file_name_the_title_holds_or_without_words_adds_nothing() -> None:
    assert informative_stem("people/Mum.md", "Mum") is None
    assert informative_stem("Truck.md", "Truck(s)") is None
    assert informative_stem("corpus/4983.md", "Anxiety in adolescents") is None  # a BEIR document id
    assert informative_stem("mh-d0000.md", "Some article") is None


def test_the_note_filed_under_its_topic_word_is_found_by_it(tmp_path: Path) -> None:
    notes = {"Darts.md": "# Lowther Ladies (B team)\n\nHome: the Lowther Hotel, Aire St. Night: Tuesdays 8pm.\n"
                         "I throw 22g Harrows tungsten, since the spring.\n"}
    for i in range(2):  # diary days that mention the topic's word in passing
        notes[f"2026-03-{i + 10:02d}.md"] = f"# Day {i}\n\nNo darts this week, shift ran late again on day {i}.\n"
    for i in range(4):
        notes[f"2026-04-{i + 10:02d}.md"] = f"# Bins {i}\n\nHad to throw the old chair out on day {i}.\n"
    for i in range(10):
        notes[f"filler{i}.md"] = f"# Filler {i}\n\nThoughts about bread, tax forms and tomatoes in week {i}.\n"
    with Brain.open(indexed_home(tmp_path, notes)) as brain:
        hits = brain.search("Which darts do I throw?", k=3)
        # The note says "throw" but never "darts": only its file name joins the two words of the question.
        assert hits[0].path.endswith("Darts.md")
