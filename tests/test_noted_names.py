"""Names the answer check reads outside English: German names from the notes (agents/noted_names.py) and names
elided onto an article."""
from __future__ import annotations

from memex.agents.abstain import NoteWords, support_score
from memex.agents.answer_type import names
from memex.agents.evidence import Unit
from memex.agents.extractive import Candidate
from memex.agents.noted_names import noted_names, written_as_name
from memex.domain import Hit, Location

NOTES = [
    "Dabei: ich, Jana R., Leon, Heike (per Telefon). Jana R. erklärt Leon den Filterkasten.",
    "Emily hat sauberer gestemmt als Leon. Mo/Di nur Leon in der Werkstatt.",
    "Die neue Absaugung läuft. Zum Geburtstag gab es Kuchen. Die Werkstatt ist kalt.",
    "Geburtstag: 17. Juli. Miete Werkstatt: 1.450 € im Monat.",
    "Herr Pfeiffer liefert Eiche, Ärger mit Pfeiffer wegen der Rechnung.",
]


def _texts(word: str, limit: int = 20) -> list[str]:
    return [t for t in NOTES if word.lower() in t.lower()][:limit]


def _candidate(text: str, subject: str) -> Candidate:
    hit = Hit(path="n.md", chunk_id="c1", score=1.0, text=text, location=Location())
    unit = Unit(quote=text, text=text, hit=hit, rank=0, position=0, subject=subject, context=subject, date=None,
                date_source="mtime")
    return Candidate(unit, 0.85, 0.7, 0.7, 1.0, 0.5)


def test_a_word_never_after_a_determiner_is_a_name_and_one_after_an_article_a_noun() -> None:
    assert written_as_name("Leon", _texts("Leon"), "de")
    assert written_as_name("Pfeiffer", _texts("Pfeiffer"), "de")
    assert not written_as_name("Geburtstag", _texts("Geburtstag"), "de")  # "Zum Geburtstag"
    assert not written_as_name("Absaugung", _texts("Absaugung"), "de")  # "Die neue Absaugung"
    assert not written_as_name("Werkstatt", _texts("Werkstatt"), "de")


def test_a_label_or_a_sentence_opening_says_nothing() -> None:
    """"Geburtstag: 17. Juli" opens a line: once or twice so, a noun is not taken for a name."""
    assert not written_as_name("Geburtstag", ["Geburtstag: 17. Juli.", "Notiz. Geburtstag bei Oma."], "de")


def test_only_words_set_aside_as_german_nouns_are_read() -> None:
    q = "Wann hat Leon Geburtstag?"
    assert noted_names(q, names(q), _texts) == ["Leon"]
    # The question writes it as a noun itself: "bei der Werkstatt".
    q = "Wer ist mein Ansprechpartner bei der Werkstatt?"
    assert noted_names(q, names(q), _texts) == []
    # Titles are not names; a possessive without its apostrophe is read as the name it ends.
    q = "Wie heißt Herr Pfeiffer mit Vornamen?"
    assert noted_names(q, names(q), _texts) == ["Pfeiffer"]
    q = "Wie heißt Leons Schwester?"
    assert noted_names(q, names(q), _texts) == ["Leon"]
    # Outside German every capitalised word is a name already: nothing to add.
    q = "When is Leon's birthday?"
    assert noted_names(q, names(q), _texts) == []


def test_an_answer_from_another_persons_note_misses_the_asked_name() -> None:
    words = NoteWords(None, lambda word, stem: True)  # type: ignore[arg-type]
    words.texts = _texts  # type: ignore[method-assign]
    other = _candidate("Matthias Kühn: Geburtstag: 17. Juli.", "Matthias Kühn")
    low, checks = support_score("Wann hat Leon Geburtstag?", 0.5, [other], in_notes=words)
    assert checks["names"] == ["Leon"] and checks["names_missing"] == ["Leon"]
    own = _candidate("Leon Baumann: Geburtstag: 3. März.", "Leon Baumann")
    high, checks = support_score("Wann hat Leon Geburtstag?", 0.5, [own], in_notes=words)
    assert checks["names_missing"] == [] and high > low


def test_a_name_elided_onto_its_article_is_checked() -> None:
    q = "Quel est le montant de l'APL de maman ?"
    other = _candidate("Loyer + services : 2 340 €/mois en 2026.", "Résidence Les Tilleuls")
    _, checks = support_score(q, 0.5, [other])
    assert checks["names"] == ["APL"] and checks["names_missing"] == ["APL"]
    own = _candidate("APL : 312 €/mois versés par la CAF.", "Résidence Les Tilleuls")
    _, checks = support_score(q, 0.5, [own])
    assert checks["names_missing"] == []


def test_a_noun_after_a_quantity_word_is_no_name() -> None:
    # "wenig Honig", "viel Honig": a mass noun takes a quantity word where a name never does
    honey = ["Dieses Jahr wenig Honig geerntet.", "Brot mit Honig und Butter.", "Tee und Honig am Abend."]
    assert not written_as_name("Honig", honey, "de")
    assert written_as_name("Honig", honey[1:], "de")  # without the quantity word the notes would not tell
    # the question itself writing it after one: not read as a name, whatever the notes do
    assert noted_names("Wie viel Honig hat Leon geerntet?", names("Wie viel Honig hat Leon geerntet?"),
                       lambda w, limit=20: honey[1:] + NOTES) == ["Leon"]
