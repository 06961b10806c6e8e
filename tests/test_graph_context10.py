"""`related`, round 10: where one note names another, the sentence around the name says what it is about
("Postman (not Pete, he's retired)" and Pete's note "retired postman"), and a surname written as its initial
("Jo P", "Jo P's") is one person, not a second full name that blocks the merge."""
from __future__ import annotations

from pathlib import Path

from live_server import make_home

from memex.app import Brain
from memex.graph import related as R

PERSON = "# Pete Garside\n\nCycling mate. Retired postman, knows every dog on the round by name.\n"
FILLER = ["Rode to the coast with Pete Garside, headwind all the way back.",
          "Coffee stop at the bakery. Pete Garside had two scones.",
          "Pete Garside says the chain needs oil before Sunday.",
          "Pete Garside lent me a pump; tyre went flat again at the bridge."]


def _vault(tmp_path: Path) -> tuple[Brain, dict[str, int]]:
    vault = tmp_path / "vault"
    (vault / "people").mkdir(parents=True)
    (vault / "people" / "Pete Garside.md").write_text(PERSON, encoding="utf-8")
    for i, line in enumerate(FILLER):
        (vault / f"ride {i}.md").write_text(f"# Ride {i}\n\n{line}\n", encoding="utf-8")
    (vault / "Draughtproofing.md").write_text(
        "# Draughtproofing\n\nLetterbox flap with brushes. The postman (not Pete Garside, he's retired) "
        "complained about it.\n", encoding="utf-8")
    b = Brain.open(make_home(tmp_path))
    b.add([vault])
    ids = {p.split("/vault/", 1)[1]: int(i) for i, p in b.conn.execute("SELECT id, path FROM documents")}
    return b, ids


def test_a_mention_that_says_what_the_named_note_says_ranks_first(tmp_path: Path) -> None:
    b, ids = _vault(tmp_path)
    with b:
        got = R.related(b.conn, ids["people/Pete Garside.md"], 10)
        assert got[0].path.endswith("Draughtproofing.md")
        context = [x for x in got[0].reasons if x.role == "context"]
        assert context and "postman" in context[0].detail and "retir" in context[0].detail
        # the rides only name him: no context reason for them
        assert all(x.role != "context" for r in got[1:] for x in r.reasons)
        # and the other way round: the named person note gets the same reason
        back = [r for r in R.related(b.conn, ids["Draughtproofing.md"], 10) if r.path.endswith("Pete Garside.md")]
        assert back and any(x.role == "context" for x in back[0].reasons)


def test_context_words_can_be_switched_off(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    b, ids = _vault(tmp_path)
    with b:
        monkeypatch.setattr(R, "W_CONTEXT", 0.0)
        for r in R.related(b.conn, ids["people/Pete Garside.md"], 10):
            assert all(x.role != "context" for x in r.reasons)


def test_names_inside_the_sentence_are_not_context_words() -> None:
    words = R._context_terms("Dinner with Rachel Penhale at the Golden Fleece, retired early.")
    assert "rachel" not in words and "penhal" not in words and "golden" not in words
    assert "dinner" in words and "retir" in words  # the first word of a sentence is an ordinary word


def test_a_surname_initial_with_a_possessive_is_the_same_person(tmp_path: Path) -> None:
    vault = tmp_path / "v"
    (vault / "people").mkdir(parents=True)
    (vault / "people" / "Jo Pettifer.md").write_text("# Jo Pettifer\n\nStaff nurse, night-shift buddy.\n",
                                                     encoding="utf-8")
    (vault / "Presents.md").write_text("# Presents\n\n- Rhubarb gin for Jo P, obviously.\n", encoding="utf-8")
    (vault / "Journal.md").write_text("# Journal\n\nWe went to Jo P's house. Later Jo P rang.\n", encoding="utf-8")
    with Brain.open(make_home(tmp_path)) as b:
        b.add([vault])
        canon = dict(b.conn.execute("SELECT e.key, c.key FROM graph_entities e JOIN graph_entities c "
                                    "ON c.id = e.canonical").fetchall())
        assert canon.get("jo p") == "jo pettifer"
        jo = int(b.conn.execute("SELECT id FROM documents WHERE path LIKE '%Jo Pettifer.md'").fetchone()[0])
        assert any(r.path.endswith("Presents.md") for r in b.related(jo, 5))
