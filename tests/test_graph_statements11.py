"""Statements beyond English (round 11): euro amounts after the number, French and German clock times, weekday
and month names of other languages, German ordinal dates, change words per language, the chunk language's stop
words, and names given as values. Pure parts, and one French vault through real SQLite."""
from __future__ import annotations

from pathlib import Path

from live_server import make_home
from statement_rows import flat_idf as _idf

from memex.app import Brain
from memex.graph import contradictions, statements
from memex.graph.contradictions import StatementRow


def _row(i: int, doc: int, text: str, date: str, lang: str | None = None) -> StatementRow:
    s = statements.statements(text, date, None, lang)[0]
    return StatementRow(i, doc, i, s.text, s.terms, {k: list(v) for k, v in s.slots.items()}, date, s.cue)


def test_euro_amounts_after_the_number_are_money():
    s = statements.statements("Loyer (7 rue Dumenge) : 1 150,00 € puis 1.187,40 EUR", "2026-01-01", None, "fr")[0]
    assert s.slots["money"] == ("€1150", "€1187.40"), s
    assert statements.statements("Ma part du loyer reste à 650 €/mois.", "2026-01-01", None, "fr")[0].slots["money"] == ("€650",)


def test_french_and_german_clock_times_and_weekdays():
    fr = statements.statements("Répète le mardi 20h–22h, puis jeudi 20h15.", "2026-01-01", None, "fr")[0]
    assert fr.slots["time"] == ("20:00", "22:00", "20:15") and fr.slots["weekday"] == ("tue", "thu"), fr
    de = statements.statements("Vereinsabend donnerstags um 19.30 Uhr", "2026-01-01", None, "de")[0]
    assert de.slots["time"] == ("19:30",) and de.slots["weekday"] == ("thu",), de
    # English "5h" stays a quantity: nothing says it is a time of day
    en = statements.statements("The ride took 5h in the rain.", "2026-01-01")[0]
    assert "time" not in en.slots


def test_dates_in_other_languages_and_a_german_ordinal_day():
    s = statements.statements("L'entrée passe au samedi 4 juillet.", "2026-06-01", None, "fr")[0]
    assert s.slots["date"] == ("--07-04",) and s.slots["weekday"] == ("sat",), s
    de = statements.statements("Ab dem 1. März treffen wir uns donnerstags.", "2026-02-01", None, "de")
    assert len(de) == 1 and de[0].slots["date"] == ("--03-01",), de
    assert statements.statements("Rendez-vous le 12/03/2026 à 9h.", "2026-02-01", None, "fr")[0].slots["date"] == (
        "2026-03-12",)


def test_stop_words_of_the_chunk_language_are_no_subject():
    s = statements.statements("L'entrée aux Tilleuls passe au samedi 4 juillet.", "2026-06-01", None, "fr")[0]
    assert "aux" not in s.terms and "entré" in s.terms and "pass" not in s.terms, s.terms


def test_change_words_of_other_languages_are_strong_cues():
    for text in ("La cotisation passe de 120 € à 140 €.", "Der Beitrag steigt von 25 € auf 30 €.",
                 "Il ne reverse plus que 20 %.", "Ab sofort kostet das Glas 7 €."):
        r = _row(1, 1, text, "2026-01-01")
        assert contradictions.cue_level(r.text, r.cue) == contradictions.CUE_STRONG, text


def test_a_french_price_change_is_a_contradiction():
    old = _row(1, 1, "Ménage : on change de société (trop cher, 310 €/mois).", "2026-01-19", "fr")
    new = _row(2, 2, "Ménage : nouvelle société, 240 €/mois.", "2026-09-14", "fr")
    c = contradictions._score(old, new, _idf)
    assert c is not None and c.values == ("€310", "€240"), c


def test_names_given_as_values():
    assert statements.name_values("Contact: Sam Reid")[0] == ("sam reid",)
    assert statements.name_values("The coordinator is now Ana Ruiz.")[0] == ("ana ruiz",)
    assert statements.name_values("Chair: Ben Holt → Ruth Ames")[0] == ("-ben holt", "ruth ames")
    # an attendance list names people, it gives no one value
    assert statements.name_values("Present: Femi (chair), Sam Okoro")[0] == ()
    old = _row(1, 1, "Club coordinator: Priya Shah", "2026-01-10")
    new = _row(2, 2, "The club coordinator is now Ana Ruiz.", "2026-05-02")
    c = contradictions._score(old, new, _idf)
    assert c is not None and c.values == ("priya shah", "ana ruiz"), c
    # the same name again, or a later line that does not say anything changed: no contradiction
    same = _row(3, 3, "The club coordinator is now Priya Shah.", "2026-05-02")
    assert contradictions._score(old, same, _idf) is None
    plain = _row(4, 4, "Club coordinator: Ana Ruiz", "2026-05-02")
    assert contradictions._score(old, plain, _idf) is None
    # a named predecessor must be the older statement's name
    other = _row(5, 5, "Club coordinator Tom Lee replaces Jo Bloggs.", "2026-05-02")
    assert contradictions._score(old, other, _idf) is None


def test_a_french_vault_reports_the_moved_rehearsal(tmp_path: Path):
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "chorale.md").write_text(
        "---\ndate: 2025-09-01\n---\n# Chorale\n\nLa chorale se réunit à la salle paroissiale chaque semaine, "
        "avec le chef de chœur et une trentaine de choristes.\n\nCotisation de la chorale : 120 € par an.\n",
        encoding="utf-8")
    (notes / "AG.md").write_text(
        "---\ndate: 2026-09-10\n---\n# Assemblée générale\n\nL'assemblée générale a voté le budget de l'année, "
        "et la chorale garde la salle paroissiale.\n\nLa cotisation de la chorale passe de 120 € à 140 € par an.\n",
        encoding="utf-8")
    with Brain.open(make_home(tmp_path)) as brain:
        brain.add([notes])
        found = contradictions.find(brain.conn)
    assert any("120" in c.old.text and "140 €" in c.new.text for c in found), [(c.old.text, c.new.text) for c in found]


def test_a_portuguese_price_change_pairs_with_the_value_it_replaced():
    new = _row(2, 2, "A mensalidade do ginásio passou de R$ 89,90 para R$ 99,90.", "2026-03-01", "pt")
    assert new.slots["money"] == ["r$89.90", "r$99.90"]
    held = _row(1, 1, "Mensalidade do ginásio: R$ 89,90.", "2025-09-01", "pt")
    c = contradictions._score(held, new, _idf)
    assert c is not None and c.score >= contradictions.MIN_SCORE
    # it names what it replaced, and that is not this older statement's value
    other = _row(3, 3, "Mensalidade do ginásio: R$ 79,90.", "2025-09-01", "pt")
    assert contradictions._score(other, new, _idf) is None


def test_a_one_word_change_cue_is_no_subject_word_and_45_dash_is_euros():
    s = statements.statements("Der Jahresbeitrag steigt auf 45,- € pro Person.", "2026-02-01", None, "de")[0]
    assert s.slots["money"] == ("€45",) and "steigt" not in s.terms and "jahresbeitrag" in s.terms, s


def test_a_multilingual_cosine_is_read_on_the_minilm_scale():
    import sqlite3

    import numpy as np
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE embeddings (chunk_id INTEGER, embedder TEXT, vector BLOB)")
    mean, _spread = contradictions.TOPIC_SCALES["multilingual"]
    a = np.array([1.0, 0.0], dtype="<f4")
    b = np.array([mean, (1 - mean * mean) ** 0.5], dtype="<f4")  # cosine = e5's random-pair mean
    for chunk, v in ((1, a), (2, b)):
        conn.execute("INSERT INTO embeddings VALUES (?, ?, ?)", (chunk, "multilingual:multilingual-e5-small:384",
                                                                 v.tobytes()))
        conn.execute("INSERT INTO embeddings VALUES (?, ?, ?)", (chunk + 10, "hash:384", v.tobytes()))
    topics = contradictions._Topics(conn)
    # e5's "unrelated" is MiniLM's "unrelated": the pair's score would drop to nothing
    cos = topics.cosine(1, 2)
    assert cos is not None and abs(cos - contradictions.TOPIC_SCALES["minilm"][0]) < 1e-3
    e = contradictions.PairEvidence(sim=1.0, cue=1.0, shared=2, event=False, number_only=False, values=("a", "b"),
                                    subject="x", topic=cos)
    assert contradictions.weigh(e) < contradictions.MIN_SCORE
    assert topics.cosine(11, 12) is None  # an uncalibrated embedder: no topic factor
