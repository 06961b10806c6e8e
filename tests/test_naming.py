"""Notes the question names by title or alias get a bonus in fusion (retrieve/naming.py)."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from small_vault import indexed_home

from memex.app import Brain
from memex.config import Settings
from memex.retrieve.naming import content_words, named_notes, note_names
from memex.retrieve.search import Filters

PERSON = ("# Rebecca Lyle\n\nBiology teacher, KS3 coordinator. Everyone calls her Bex.\n\n"
          "- Prefers texts to calls; will not answer the phone.\n- Oat milk flat white, extra hot.\n"
          "- Partner: Chris Dando, who runs Thursday football.\n- Allotment on Ashton Road, shares a shed.\n"
          "- Two cats, Pickle and Biscuit, and a very old Volvo estate.\n")


def _notes() -> dict[str, str]:
    notes = {"Rebecca Lyle.md": PERSON}
    for i in range(3):  # journal days that use the question's words, short and keyword-dense
        notes[f"2026-03-{i + 10:02d}.md"] = (f"# Day {i}\n\nRan with Bex again; she would like to be contacted "
                                             f"about the relay, and liked route {i}.\n")
    notes["quiz.md"] = "# Quiz night\n\nBex came to the quiz night with her sister.\n"
    for i in range(20):
        notes[f"filler{i}.md"] = f"# Filler {i}\n\nThoughts about bread, tax forms and tomatoes in week {i}.\n"
    return notes


def test_note_names_reads_title_aliases_and_file_name() -> None:
    assert note_names("Rebecca Lyle", "Rebecca Lyle (Bex)") == ["Rebecca Lyle", "Bex"]
    assert note_names("Quotation PSB-Q-0417", "Quotation PSB-Q-0417 — Pryce & Son quote Oct 2025") == [
        "Quotation PSB-Q-0417", "Pryce & Son quote Oct 2025"]
    # Parentheses in the title itself are not aliases.
    assert note_names("Chris Pollard (Brightwell)", "Chris Pollard (Brightwell)") == ["Chris Pollard (Brightwell)"]
    assert note_names("Mum", None) == ["Mum"]


def test_content_words_drop_stopwords_possessives_and_dates() -> None:
    assert content_words("What's Bex's partner called?") == ["bex", "partner", "called"]
    assert content_words("2026-03-12 OVR design review") == ["ovr", "design", "review"]


def test_question_naming_an_alias_finds_the_person_note(tmp_path: Path) -> None:
    home = indexed_home(tmp_path, _notes())
    with Brain.open(home) as brain:
        person = brain.conn.execute("SELECT id FROM documents WHERE path LIKE '%Rebecca Lyle.md'").fetchone()[0]
        assert named_notes(brain.conn, "How does Bex like to be contacted?") == [person]
        assert named_notes(brain.conn, "How does she like to be contacted?") == []
        question = "How does Bex like to be contacted?"
        on = {h.path.rsplit("/", 1)[-1]: h.score for h in brain.search(question, 6)}
        brain.settings = replace(brain.settings, title_match_bonus=0.0)
        off = {h.path.rsplit("/", 1)[-1]: h.score for h in brain.search(question, 6)}
    # The keyword-dense days outrank the person note on keywords alone; the bonus lifts its best passage.
    assert off["Rebecca Lyle.md"] < off["quiz.md"]
    assert on["Rebecca Lyle.md"] > on["quiz.md"]
    assert on["Rebecca Lyle.md"] - off["Rebecca Lyle.md"] == pytest.approx(Settings().title_match_bonus, abs=1e-5)
    assert on["quiz.md"] == off["quiz.md"]
    with Brain.open(home) as brain:  # --explain says which passage got the bonus
        explained = {h.path.rsplit("/", 1)[-1]: h.explain["title_bonus"] for h in brain.search(question, 6,
                                                                                                explain=True)}
    assert explained["Rebecca Lyle.md"] == Settings().title_match_bonus and explained["quiz.md"] == 0.0


def test_many_named_notes_single_out_none(tmp_path: Path) -> None:
    notes = {f"{n}.md": f"# {n}\n\nNotes about {n}.\n" for n in ("Mum", "Dad", "Ada", "Kit")}
    home = indexed_home(tmp_path, notes)
    with Brain.open(home) as brain:
        assert len(named_notes(brain.conn, "What did Mum and Ada do?")) == 2
        assert named_notes(brain.conn, "What did Mum, Dad, Ada and Kit do?") == []


def test_named_note_outside_the_filters_is_not_added(tmp_path: Path) -> None:
    home = indexed_home(tmp_path, _notes())
    with Brain.open(home) as brain:
        hits = brain.search("How does Bex like to be contacted?", 5, Filters(path_glob="*2026-03-*"))
    assert hits and all("2026-03-" in h.path for h in hits)


def test_person_note_is_named_by_its_first_name(tmp_path: Path) -> None:
    notes = {"Ruth Denholm.md": "# Ruth Denholm\n\nTower captain since 2019.\n",
             "Ruth Ackroyd.md": "# Ruth Ackroyd\n\nJoined the signalling team in October.\n",
             "Graham's leaving do.md": "# Graham's leaving do\n\nAt the Fox, Friday 30 January.\n",
             "Graham Pickles.md": "# Graham Pickles\n\nMy old boss.\n"}
    home = indexed_home(tmp_path, notes)
    with Brain.open(home) as brain:
        ids = dict(brain.conn.execute("SELECT title, id FROM documents"))
        assert named_notes(brain.conn, "How does the Ruth who conducted my quarter like to be contacted?") == sorted(
            [ids["Ruth Denholm"], ids["Ruth Ackroyd"]])
        # A title that is not a person's name needs all its words; a first name written small names nobody.
        assert named_notes(brain.conn, "Where did Graham retire to?") == [ids["Graham Pickles"]]
        assert named_notes(brain.conn, "Where was Graham's leaving do?") == sorted(
            [ids["Graham Pickles"], ids["Graham's leaving do"]])
        assert named_notes(brain.conn, "where did graham retire to?") == []


def test_a_note_is_named_by_the_folder_it_is_filed_in(tmp_path: Path) -> None:
    vault = tmp_path / "hugo-notes"  # the source folder's own name is not a folder the notes are filed in
    notes = {"hugo/Colegio y extraescolares.md": "# Colegio y extraescolares\n\nJudo: martes y viernes, de 18 a 19.\n",
             "personas/Hugo.md": "# Hugo\n\nMi hijo. Quiere ser bombero.\n",
             "personas/Andrés.md": "# Andrés\n\nBombero. Juega al pádel los miércoles.\n",
             "diario/2026-10-23.md": "# Viernes 23\n\nHugo ganó su primer combate de judo.\n"}
    for name, text in notes.items():
        (vault / name).parent.mkdir(parents=True, exist_ok=True)
        (vault / name).write_text(text, encoding="utf-8")
    for i in range(4):  # a folder of many notes names none of them
        (vault / "diario" / f"2026-09-0{i + 1}.md").write_text(f"# Día {i}\n\nPan y más pan.\n", encoding="utf-8")
    with Brain.open(tmp_path / "home", embedder="hash:384") as brain:
        brain.add([vault])
        ids = {p.rsplit("/", 1)[-1]: i for i, p in brain.conn.execute("SELECT id, path FROM documents")}
        assert named_notes(brain.conn, "¿Qué días tiene judo Hugo?") == sorted([ids["Colegio y extraescolares.md"],
                                                                                 ids["Hugo.md"]])
        # Written small, or a folder holding more notes than a name singles out: nothing named by the folder.
        assert named_notes(brain.conn, "¿qué días tiene judo hugo?") == []
        assert named_notes(brain.conn, "¿Qué pasó en Diario?") == []
        # A note filed there later is named too (the folder map is read again after the store changes).
        (vault / "hugo" / "Dentista.md").write_text("# Dentista\n\nRevisión el 3 de noviembre.\n", encoding="utf-8")
        brain.add([vault])
        dentist = brain.conn.execute("SELECT id FROM documents WHERE path LIKE '%Dentista.md'").fetchone()[0]
        assert dentist in named_notes(brain.conn, "¿Qué días tiene judo Hugo?")
