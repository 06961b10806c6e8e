"""The label that says which value of its kind a question asks for (agents/slot.py)."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from small_vault import indexed_home

from memex.agents import abstain
from memex.agents.evidence import Unit
from memex.agents.extractive import Candidate
from memex.agents.slot import label, unlabelled
from memex.domain import Hit, Location


def test_the_label_of_the_asked_value_in_seven_languages() -> None:
    assert label("What's the frame number of the Ouseburn?") == ["frame"]
    assert label("What was my bib number in the half?") == ["bib"]
    assert label("What's the name of Sam Adeyemi's partner?") == ["partner"]
    assert label("What's the name of the warden at Corrib View?") == ["warden"]
    assert label("¿Cuál es el número de socio de Lucía?") == ["socio"]
    assert label("Quel est le numéro de série du cadre ?") == ["série"]
    assert label("Qual é o nome do médico?") == ["médico"]
    assert label("Qual è il nome del medico di base?") == ["medico"]
    assert label("Wie ist der Name des Tierarztes?") == ["Tierarztes"]
    assert label("Wat is de naam van de verloskundige?") == ["verloskundige"]


def test_no_label_where_the_words_say_a_sort_of_name_or_describe_the_owner() -> None:
    # A sort of name, not whose: "first", "medical" (unstated.no_surname reads name parts).
    assert label("What is Mr Kaminski's first name?") == []
    assert label("What's the medical name for the ache at the front of my knee?") == []
    # A thing described by a clause of its own is how the question finds the owner, not a label of the notes.
    assert label("What's the name of the giant bell I stood next to in the Netherlands?") == []
    assert label("What was the name of the schoolgirl Mum told me about?") == []
    # The compound's label wins over the owner that follows "of".
    assert label("What's the phone number of the man who gave me the SM7B?") == ["phone"]
    assert label("When is Mum's birthday?") == []


def test_the_role_a_who_question_names_is_its_label_in_seven_languages() -> None:
    assert label("Who is Hugo's judo coach?") == ["coach"]
    assert label("Who is Sam Adeyemi's partner?") == ["partner"]
    assert label("¿Quién es el entrenador de Hugo?") == ["entrenador"]
    assert label("Comment s'appelle le mari de Sophie Girard ?") == ["mari"]
    assert label("Chi è il medico di mia madre?") == ["medico"]
    assert label("Quem é o dentista da Ana?") == ["dentista"]
    assert label("Wer ist mein Ansprechpartner bei der Hausverwaltung?") == ["Ansprechpartner"]
    assert label("Wie is de hockeytrainer van Daan?") == ["hockeytrainer"]


def test_no_role_where_a_who_question_names_a_person_or_a_place() -> None:
    assert label("Who is Dev?") == []
    assert label("Who's in charge of the rota?") == []
    assert label("Who is the man who sold me the van?") == []
    # several people asked for: a list, whose items need not each carry the role
    assert label("Wie heißen die Söhne von Uwe?") == []
    assert label("Comment s'appellent les acheteurs de l'appartement ?") == []
    # an owner described by a clause of its own is found through another note: no label its statements must carry
    assert label("Who is the vet of the animal Dev is allergic to?") == []
    assert label("Who is my contact at the company that supplied the stagebox?") == []
    # German writes whose without an apostrophe: "Heikes" is not the role
    assert label("Wie heißt Heikes Tochter in Rostock?") == []


def test_a_label_before_the_questions_verb_in_the_romance_languages() -> None:
    # "¿Qué número de póliza tiene…?": the verb follows the label, a relative clause opens with its pronoun
    assert label("¿Qué número de póliza tiene mi seguro de responsabilidad civil?") == ["póliza"]
    assert label("Quel numéro de dossier a la CAF ?") == ["dossier"]
    assert label("¿Cuál es el nombre del hombre que me vendió el horno?") == []


NOTES = {
    "Ouseburn.md": "# Bike maintenance\n\n## The Ouseburn (from 6 June 2026)\n\nTubeless 38 mm. Sealant top-up every "
                   "3 months: done 6 Sep, next early Dec.\n",
    "Kelby.md": "# Kelby box\n\nThe lever frame has 40 levers, number 12 is spare.\n",
}


@pytest.fixture(scope="module")
def bike_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return indexed_home(tmp_path_factory.mktemp("slot"), NOTES, "hash:384")


def _candidate(text: str, context: str) -> Candidate:
    hit = Hit(path="n.md", chunk_id="c1", score=1.0, text=text, location=Location())
    unit = Unit(quote=text, text=text, hit=hit, rank=0, position=0, subject=context, context=context, date=None,
                date_source="mtime")
    return Candidate(unit, 0.55, 0.6, 0.6, 1.0, 0.5)


def test_a_line_on_the_owner_without_the_label_of_the_asked_value_costs_the_kind_penalty(bike_home: Path) -> None:
    conn = sqlite3.connect(bike_home / "memex.db")
    try:
        words = abstain.fts_in_notes(conn)
        q = "What's the frame number of the Ouseburn?"
        # The line labels another number of the bike (the lock's key number), not the frame number.
        line = _candidate("Tubeless 38 mm. Sealant top-up every 3 months: done 6 Sep. Lock key number 118.",
                          "Bike maintenance › The Ouseburn (from 6 June 2026)")
        assert unlabelled(q, [f"{line.unit.context}\n{line.unit.text}"], words) == "frame"
        low, checks = abstain.support_score(q, 0.5, [line], in_notes=words)
        assert checks["attribute_unsupplied"] == ["no frame named"]
        assert low == pytest.approx(abstain.support_score(q, 0.5, [line])[0] - abstain.KIND_PENALTY)
        # A line that carries the label, in its text or its subject, states the labelled value.
        said = "Bike maintenance › The Ouseburn\nFrame number: WTU 4471 (under the bottom bracket)."
        assert unlabelled(q, [said], words) == ""
        # A label no note uses is the question's wording (a paraphrase): not read.
        assert unlabelled("What's the chassis number of the Ouseburn?", [said], words) == ""
        # A relation's answer is not read: its question describes the owner by another's attribute.
        _, checks = abstain.support_score(q, 0.5, [line], in_notes=words,
                                          expect=abstain.expected("What's the frame number?"))
        assert "no frame named" not in checks["attribute_unsupplied"]
    finally:
        conn.close()


def test_no_label_read_from_a_date_address_total_count_or_adjective() -> None:
    # A date or an address of a thing is carried by verbs and synonyms ("got married on 3 June"): no label.
    assert label("What's the date of Ana's wedding?") == []
    assert label("¿Cuál es la fecha de la boda de Ana?") == []
    assert label("Wie ist die Adresse der neuen Praxis?") == []
    # "total", a count of people, a participle: no label of the value.
    assert label("What's the total number of hours I logged?") == []
    assert label("What's the number of people coming?") == []
    # German: the capitalised noun, not its adjective.
    assert label("Wie ist die Nummer der neuen Praxis?") == ["Praxis"]


def test_a_phone_number_in_its_form_under_a_synonym_carries_the_label() -> None:
    def words(word: str, stem: str) -> bool:
        return True

    # "mobile" says the phone number with a synonym, and the number has the form of one.
    assert unlabelled("What is Kit's phone number?", ["People\nKit — mobile 07700 900123"], words) == ""
    assert unlabelled("What is Kit's phone number?", ["People\nKit — mobile, ask Jo"], words) == "phone"
    assert unlabelled("What's the date of Ana's wedding?", ["Family\nAna & Tom got married on 3 June"], words) == ""
    # A line about the owner without the label gives another number of the bike, not the frame number.
    assert unlabelled("What's the frame number of the Ouseburn?",
                      ["The Ouseburn\nTubeless 38 mm. Sealant top-up every 3 months: done 6 Sep."], words) == "frame"
    assert unlabelled("What's the frame number of the Ouseburn?",
                      ["The Ouseburn\nSerial number: WTU 4471"], words) == "frame"


def test_a_who_question_whose_role_no_statement_carries_is_unlabelled() -> None:
    def noted(word: str, stem: str) -> bool:
        return True

    assert unlabelled("Who is Hugo's judo coach?", ["Hugo: judo on Tuesdays and Fridays, 32 €/mes"], noted) == "coach"
    assert unlabelled("Who is Hugo's judo coach?", ["Judo › Coach: Marta Gil"], noted) == ""


def test_a_role_the_notes_never_write_as_the_question_does_is_not_read() -> None:
    def by_stem(word: str, stem: str) -> bool:
        return bool(stem)  # the notes hold "Secrétaire": the English word meets it only through its stem

    def as_written(word: str, stem: str) -> bool:
        return True

    # "secretary" over "Secrétaire": a translation, which meaning has to carry
    said = ("Personnes › Laetitia Roux\nLaetitia Roux: Secrétaire du cabinet depuis le 1er septembre 2026 (remplace "
            "Nadia Haddad, partie à Marseille fin juin).")
    assert unlabelled("Who is the practice's secretary?", [said], by_stem) == ""
    # the notes write the role as asked, and the quoted line about the owner does not: another person's line
    other = "Holzwerkstatt Wendler › Übersicht\nMiete Werkstatt: 1.450 € warm an die Hausverwaltung Kirchner & Söhne."
    assert unlabelled("Wer ist mein Ansprechpartner bei der Hausverwaltung?", [other], as_written) == "ansprechpartner"
