"""Which name a relational question's description stands for (compose.bridge_entities): not a name the description
itself gives ("Kit's partner" is not Kit), the person a possessive role belongs to, the name right before the
clause's words among several a statement gives, and a place whose name says what kind of place it is."""
from __future__ import annotations

import pytest

from memex.agents.compose import bridge_entities, clause_subject, clause_terms
from memex.agents.evidence import Unit
from memex.agents.extractive import content_terms
from memex.agents.plan import relation
from memex.domain import Hit, Location


def _unit(text: str, subject: str, path: str = "n.md") -> Unit:
    hit = Hit(path=path, chunk_id="1", score=1.0, text=text, location=Location())
    return Unit(text, text, hit, 0, 0, subject, subject, None, "mtime")


def _found(description: str, question: str, units: list[Unit], titles: tuple[str, ...] = ()) -> list[str]:
    from memex.embed import load_embedder

    found = bridge_entities(description, question, units, load_embedder(),
                            dict.fromkeys(content_terms(description), 1.0), known=lambda n: n in titles, limit=3,
                            is_name=lambda w: False, is_word=lambda w: False)
    return [n for n, _ in found]


def test_a_possessive_role_is_the_possessors_not_mine() -> None:
    units = [_unit("Rory Calder — fiddle in the band. Partner: Ines Moreau. Birthday in June.", "Rory Calder", "Rory.md"),
             _unit("Tobias Lind, my partner (together since 2020). Bike mechanic.", "Tobias", "Tobias.md")]
    found = _found("Rory's partner", "What instrument does Rory's partner play?", units)
    # Rory himself is what the description hangs on; "my partner" is mine, not Rory's.
    assert found[0] == "Ines Moreau"
    assert "Rory Calder" not in found


def test_one_word_before_a_full_stop_is_no_name() -> None:
    units = [_unit("Cuadro trifásico nuevo, lo montó Andrés. Electricista del barrio, muy serio.", "Horno nuevo"),
             _unit("Javi Lacasa, mi primo, hizo la instalación trifásica del horno.", "Javi Lacasa", "Javi Lacasa.md")]
    found = _found("the relative who did the three-phase wiring",
                   "What are the names of the children of the relative who did the three-phase wiring?", units)
    # "Andrés. Electricista" may end one sentence and open the next: only a full name is kept across the stop.
    assert "Andrés" not in found
    assert "Andrés. Electricista" not in found


def test_of_several_names_the_one_before_the_clause_did_it() -> None:
    units = [_unit("Van is Mabel's hired Transit, Ossie K. driving most legs.", "Tour day 1")]
    found = _found("the person who drove most of the tour legs",
                   "What's the name of the dog of the person who drove most of the tour legs?", units,
                   titles=("Mabel",))
    # Mabel has a note of her own, but Ossie K is who was "driving most legs".
    assert found[0] == "Ossie K"


def test_the_clause_subject_is_the_one_name_the_clause_words_follow() -> None:
    clause = clause_terms("the person who sat with Gran during the operation")
    text = "Surgeon (Mr Adjei) happy. Lou was with Gran at St Mary's all day."
    assert clause_subject(["Adjei", "Lou", "St Mary"], clause, text) == "Lou"
    assert clause_subject(["Adjei"], clause, text) is None  # no clause word follows it closely


def test_a_place_description_takes_the_name_of_that_kind_of_place() -> None:
    units = [_unit("Idris's old Rode NT1 lives in room B now.", "Saltmarsh Studios", "Saltmarsh.md"),
             _unit("Farewell drinks, Idris gave me his old Rode NT1 for the studio.", "2026-04-30")]
    found = _found("the studio where Idris's old mic lives now",
                   "Who does the bookings at the studio where Idris's old mic lives now?", units,
                   titles=("Saltmarsh Studios",))
    assert found[0] == "Saltmarsh Studios"


@pytest.mark.parametrize("question, bridge", [
    ("What is the e-mail address of the person who negotiated my fee up to £2,300?",
     "the person who negotiated my fee up to £2,300"),
    ("What does the friend who recommended my builder sell, and when?", "the friend who recommended my builder sell"),
])
def test_a_thousands_comma_does_not_end_the_description(question: str, bridge: str) -> None:
    assert relation(question) == bridge


def test_a_namesakes_note_is_not_about_the_bridged_person() -> None:
    from memex.agents.multihop import namesake

    sister = Unit("Graphic designer.", "Graphic designer.", Hit(path="Sam (sister).md", chunk_id="1", score=1.0,
                  text="x", location=Location(), doc_id=2), 0, 0, "Sam (sister)", "Sam (sister)", None, "mtime")
    one_to_ones = Unit("Handover.", "Handover.", Hit(path="Sam 1-1s.md", chunk_id="2", score=1.0, text="x",
                       location=Location(), doc_id=3), 0, 0, "Sam 1-1s", "Sam 1-1s", None, "mtime")
    ent = content_terms("Sam A")
    assert namesake(sister, ent, {1})  # the graph says "Sam A" is note 1: another Sam's note is not about him
    assert not namesake(one_to_ones, ent, {1})  # a note about a Sam, not titled with another person's name
    assert not namesake(sister, ent, set())  # with no note known for the entity, any Sam may be it
