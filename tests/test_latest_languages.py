"""The latest statement in every language: words that say from when a statement holds (es, fr, de, it, nl, pt),
a heading that says until when its section held, German relative clauses set off by their comma, and — end to
end over a small German vault — the latest statement about the asked thing (the flat's rent, not the workshop's),
where a line that writes its day outranks one that borrows it from its note.
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from small_vault import vault_brain

from memex.agents import lexicon
from memex.agents.latest import says_from
from memex.app import Brain
from memex.ingest.dates import sentence_dates

VAULT = Path(__file__).parent / "data" / "miete_vault"


@pytest.mark.parametrize("text", [
    "From 23 Feb I'm line managed by Rachel", "desde el 1 de julio: 45 €", "à partir du 1er mars 2026 : 45 €",
    "ab 01.01.2026: 62,00 €", "Vermieter hat zum 1. Juli 2026 erhöht", "seit Juni 2026 unser Lieferant",
    "dal 1 marzo 2026 costa 40 €", "vanaf 1 april 2026 € 110 per stel", "a partir de 1 de março de 2026: 30 €"])
def test_words_that_say_from_when_a_statement_holds(text: str) -> None:
    assert says_from(text)


@pytest.mark.parametrize("text", ["From 28 August to 18 September", "du 3 mars au 5 avril 2026",
                                  "Geboren 3. Mai 2011", "vom 3. bis 5. März 2026"])
def test_a_span_or_a_plain_date_is_no_change(text: str) -> None:
    assert not says_from(text)


def _line_dates(text: str, note: str) -> dict[str, str | None]:
    spans, pos = [], 0
    for line in text.split("\n"):
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return {text[a:b]: d for (a, b), d in zip(spans, sentence_dates(text, spans, None, note), strict=True)}


def test_an_until_heading_dates_its_section_the_day_before() -> None:
    text = ("Zie ook Petra.\n### Tot 1 april 2026\n- Nachten: dinsdag en donderdag\n"
            "### Vanaf 1 april 2026\n- Nachten: alleen dinsdag")
    dates = _line_dates(text, "2026-10-01")
    assert dates["- Nachten: dinsdag en donderdag"] == "2026-03-31"
    assert dates["- Nachten: alleen dinsdag"] == "2026-04-01"
    assert dates["Zie ook Petra."] == "2026-10-01"  # above any heading: the note's date


def test_a_date_anywhere_on_a_heading_line_dates_its_section_at_answer_time() -> None:
    dates = _line_dates("## Plan — stand 3 März 2026\nMiete 900 €", "2026-10-01")
    assert dates["Miete 900 €"] == "2026-03-03"


def test_a_german_relative_clause_has_its_comma() -> None:
    assert lexicon.relation("Wie heißt der Servicetechniker, der meine Maschinen repariert?") is not None
    # An article after a noun is not a relative pronoun: the genitive, a preposition's object.
    assert lexicon.relation("In welchem Rhythmus wird der Filter der Absaugung inzwischen gewechselt?") is None
    assert lexicon.relation("Wie hoch ist die Miete für die Werkstatt jetzt?") is None


@pytest.fixture(scope="module")
def brain(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Brain]:
    yield from vault_brain(tmp_path_factory.mktemp("vault"), VAULT)


def test_end_to_end_the_rise_of_the_asked_rent_is_the_latest(brain: Brain) -> None:
    a = brain.ask("Wie viel Miete zahlen wir aktuell für die Wohnung?")
    latest = a.answer.split("Davor:")[0]
    assert "1.135" in latest and "1.450" not in a.answer and "1.520" not in a.answer, a.answer


def test_end_to_end_the_line_that_writes_its_day_outranks_the_one_that_borrows_it(brain: Brain) -> None:
    a = brain.ask("Wie hoch ist die Miete für die Werkstatt jetzt?")
    assert "1.520" in a.answer.split("Davor:")[0] and not a.abstained, a.answer


def test_front_matter_date_keys_in_the_notes_language() -> None:
    from memex.ingest.dates import note_date

    def dated(fm: dict[str, object]) -> tuple[str | None, str]:
        d = note_date({"front_matter": fm}, "notes/Silvester.md", [], None)
        return d.value, d.source

    assert dated({"datum": "2025-12-31"}) == ("2025-12-31", "front matter")
    assert dated({"Fecha": "2026-03-01"}) == ("2026-03-01", "front matter")
    assert dated({"erstellt": "2026-02-01", "aktualisiert": "2026-07-02"}) == ("2026-02-01", "front matter")
    assert dated({"aktualisiert": "2026-07-02"}) == ("2026-07-02", "updated")
    assert dated({"bijgewerkt": "2026-09-15"}) == ("2026-09-15", "updated")
    assert dated({"typ": "person"}) == (None, "none")


LOG_VAULT = Path(__file__).parent / "data" / "machine_log_vault"


@pytest.fixture(scope="module")
def log_brain(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Brain]:
    yield from vault_brain(tmp_path_factory.mktemp("log"), LOG_VAULT)


def test_end_to_end_a_logs_undated_line_is_older_than_its_dated_rows(log_brain: Brain) -> None:
    # The note is dated by its latest row (10.11.2026); the undated interval line atop it is not that new, and the
    # saw-blade row of the same log is no filter interval.
    a = log_brain.ask("In welchem Rhythmus wird der Filter der Absaugung inzwischen gewechselt?")
    latest = a.answer.split("Davor:")[0]
    assert "4 Monate" in latest and "6 Monate" not in latest and "Sägeblatt" not in a.answer, a.answer
