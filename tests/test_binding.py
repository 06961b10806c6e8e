"""A value of the asked kind that belongs to something else than the asked thing (agents/binding.py), and the
support it costs an answer (agents/abstain.py): another item's price in the same line, a name from another
role, an identifier the notes never write — in English, French, Spanish, German, Italian, Portuguese, Dutch."""
from __future__ import annotations

import pytest

from memex.agents.abstain import support_score
from memex.agents.binding import _clauses, asked_thing, unbound
from memex.agents.evidence import Unit
from memex.agents.extractive import Candidate
from memex.domain import Hit, Location


def _candidate(text: str, subject: str, kind: float | None = 1.0) -> Candidate:
    hit = Hit(path="n.md", chunk_id="c1", score=1.0, text=text, location=Location())
    unit = Unit(quote=text, text=text, hit=hit, rank=0, position=0, subject=subject, context=subject, date=None,
                date_source="mtime")
    return Candidate(unit, 0.8, 0.6, 0.6, kind, 0.5)


def _notes(*texts: str):
    """in_notes over a tiny vault: does any of these texts use the word (or a word starting with its stem)?"""
    words = {w.strip(".,:;()!?«»*").lower() for t in texts for w in t.replace("'", " ").replace("’", " ").split()}

    def in_notes(word: str, stem: str) -> bool:
        return word.lower() in words or any(w.startswith(stem) for w in words if len(stem) >= 4)
    return in_notes


@pytest.mark.parametrize(("question", "thing"), [
    ("Combien ai-je payé la selle Brooks ?", ["selle"]),
    ("Quel est le numéro de série du cadre du PX10 ?", ["série"]),
    ("Comment s'appellent les acheteurs de l'appartement de maman ?", ["acheteurs"]),
    ("How much did the brass bike bell for Yvonne cost?", ["brass", "bike", "bell"]),
    ("How much did I pay for Orla's rucksack for the Arran trip?", ["rucksack"]),
    ("Who covers Lena's CAD work while she's on leave?", ["covers"]),
    ("¿Quién es el entrenador de judo de Hugo?", ["entrenador"]),
    ("¿Cuánto costaron las botas de monte de Andrés?", ["botas"]),
    ("Wer ist der Trainer von Lenas Mannschaft?", ["Trainer"]),
    ("Qual è il numero di serie della bici?", ["serie"]),
    ("Hoeveel kostte het zadel?", ["zadel"]),
    ("Wie viel hat der Sattel gekostet?", ["Sattel"]),
    ("Wie lautet die IBAN des Vermieters?", ["lautet", "IBAN"]),
    ("Quanto ho pagato la sella?", ["sella"]),
])
def test_the_asked_thing_is_the_first_run_of_words_after_the_question_and_kind_words(question: str,
                                                                                     thing: list[str]) -> None:
    assert asked_thing(question) == thing


def test_a_bracket_hangs_from_the_words_before_it_and_a_line_from_its_label() -> None:
    clauses = _clauses("Vélo : j'ai changé la guidoline (cuir marron, 18 €), ça va avec la selle d'origine.")
    hangs = dict(clauses)["18 €"]
    assert "guidoline" in hangs and "selle" not in hangs
    assert any(c.startswith("ça va avec la selle") for c, _ in clauses)
    assert ("£16.", "Brake pads") in _clauses("Brake pads: front replaced 29 Oct. £16.")
    # A bracket's parts hang from each other too: it names the thing and gives its price.
    assert "stunt kite" in dict(_clauses("Pete bought a kite anyway (stunt kite, £89)."))["£89"]
    # A label lengthened by a compound and a bracket is still a label; a sentence before a colon is not one.
    long = "Tarieven zwangerschapscursus (Zwanger in Lombok): € 95 per stel → € 110 per stel vanaf 1 april."
    assert "zwangerschapscursus" in dict(_clauses(long))["€ 110 per stel vanaf 1 april."]
    said = "We finally agreed with the builder over the phone that the new price would be: £480 for the lot."
    assert _clauses(said) == [(said, "")]


def test_a_value_under_a_long_label_is_bound_to_it() -> None:
    line = "Tarieven zwangerschapscursus (Zwanger in Lombok): € 95 per stel → € 110 per stel vanaf 1 april."
    assert unbound("Wat kost de zwangerschapscursus nu per stel?", [(line, "Teamoverleg 2026-03-02")],
                   _notes(line)) == ""


def test_an_amount_beside_another_item_does_not_answer_for_the_asked_one() -> None:
    line = ("Vélo : j'ai changé la guidoline (cuir marron, 18 €), ça va avec la selle d'origine. "
            "Toujours envie d'une Brooks pour Noël…")
    notes = _notes(line)
    assert unbound("Combien ai-je payé la selle Brooks ?", [(line, "Samedi 10 octobre")], notes) == "selle"
    # The asked item's own amount, in its clause, its bracket or under its label, stands.
    assert unbound("Combien ai-je payé la guidoline ?", [(line, "Samedi 10 octobre")], notes) == ""
    kit = "- Chain: new Jan 2026 (£18). Snapped 31 May anyway.\n- Brake pads: front replaced 29 Oct. £16."
    assert unbound("How much was the new chain?", [(kit, "Bike maintenance")], _notes(kit)) == ""
    assert unbound("How much did the brake pads cost?", [(kit, "Bike maintenance")], _notes(kit)) == ""
    bike = "Ein Rad hat er sich doch gekauft (Rennrad, 640 €)."  # the bracket names the thing and prices it
    assert unbound("Wie viel hat das Rennrad gekostet?", [(bike, "Urlaub")], _notes(bike)) == ""
    assert unbound("¿Cuánto costó la cena en La Bodeguilla?",
                   [("Cena en La Bodeguilla: 64 €, con postre.", "Diario")], _notes("cena Bodeguilla")) == ""


def test_a_sentence_that_refers_back_to_the_amount_binds_it() -> None:
    """"This is now my commercial rate for new clients" speaks of the £650 two sentences before."""
    text = ("Quoted £650/day to Hearthstone (fintech, felt right). Accepted without negotiation. This is now my "
            "commercial rate for new clients.")
    assert unbound("What's my day rate for new commercial clients now?", [(text, "Day rates")], _notes(text)) == ""
    flat = "Apartamento en San Vicente, 2 habitaciones, vistas a la ría. 95 €/noche, 9 noches = 855 €."
    assert unbound("¿Cuánto nos costó el apartamento de Cantabria?", [(flat, "Vacaciones")], _notes(flat)) == ""


def test_a_figure_without_its_sign_beside_the_asked_thing_stands_for_an_amount() -> None:
    text = "All profits go to the air ambulance: 6,480 raised this year."
    assert unbound("How much did the sportive raise for the air ambulance?", [(text, "Results")],
                   _notes(text)) == ""


def test_an_identifier_no_note_writes_is_never_written() -> None:
    quote = "Déménageur : Déménagements Chabert (Firminy), devis n° 2026-118 : 1 480 € TTC."
    notes = _notes(quote, "résidence Les Tilleuls, chambre 12")
    asked = "Quel est l'IBAN de la résidence Les Tilleuls ?"
    assert unbound(asked, [(quote, "Déménagement maman")], notes, paraphrased=False) == "iban (in no note)"
    # Where the embedder's calibration reads words no note uses as a paraphrase ("UTR" for "Unique Taxpayer
    # Reference"), nothing is said; nor for a question in another language than the notes, most of whose words
    # are in no note either.
    assert unbound(asked, [(quote, "Déménagement maman")], notes) == ""
    assert unbound("What's the bank account IBAN for the care home?", [(quote, "Déménagement maman")], notes,
                   paraphrased=False) == ""
    # Written, under its own label: the identifier stands.
    iban = "IBAN : FR76 3000 6000 0112 3456 7890 189 (résidence Les Tilleuls)."
    assert unbound(asked, [(iban, "Résidence")], _notes(quote, iban), paraphrased=False) == ""


def test_a_role_no_note_names_is_never_written_but_a_lone_verb_may_be_a_paraphrase() -> None:
    notes = _notes("Chaudière : révision par M. Petit. Inès handball mercredi gymnase.")
    said = [("Inès : handball le mercredi au gymnase avec Lina.", "Inès")]
    assert unbound("Qui est l'entraîneur de handball d'Inès ?", said, notes, paraphrased=False) \
        == "entraîneur (in no note)"
    assert unbound("Qui entraîne l'équipe de handball d'Inès ?", said, notes, paraphrased=False) \
        == "entraîne équipe (in no note)"
    # "aide" alone: the notes may say "révision par…" for it.
    assert unbound("Qui m'aide avec la chaudière ?", [("Chaudière : révision par M. Petit.", "Maison")], notes,
                   paraphrased=False) == ""


def test_a_person_is_bound_to_the_statement_that_speaks_of_the_asked_role() -> None:
    notes = _notes("Inès handball mercredi piano Aubert entraîneur")
    activities = ("Activités : piano avec Mme Aubert (mercredi 15h) jusqu'en juin → handball depuis septembre "
                  "(mercredi 14h).")
    assert unbound("Qui est l'entraîneur de handball d'Inès ?", [(activities, "Inès")], notes) == ""  # not said there
    coach = "Handball : l'entraîneur s'appelle M. Girard, très sympa."
    assert unbound("Qui est l'entraîneur de handball d'Inès ?", [(coach, "Inès")], notes) == ""
    baby = "Lena's baby came on Sunday 6th! A girl, Zofia, 3.4 kg."
    assert unbound("What's Lena's baby called?", [(baby, "Journal")], _notes(baby)) == ""
    # Which book: an instance of the category, whose answer need not say "book".
    assert unbound("Which book did I read at Christmas?", [("Read *Small Things Like These* in a day.", "Galway")],
                   _notes("book read Christmas")) == ""


def test_a_statement_silent_on_the_asked_thing_is_left_to_meaning() -> None:
    """"attic bedroom" for a note on the loft conversion: other words, not another thing."""
    text = "Final cost of the loft conversion: £56,340."
    assert unbound("How much did the attic bedroom end up costing?", [(text, "Loft — budget")],
                   _notes(text, "attic bedroom")) == ""


def test_the_support_score_lowers_an_answer_whose_amount_belongs_to_another_item() -> None:
    line = ("Vélo : j'ai changé la guidoline (cuir marron, 18 €), ça va avec la selle d'origine. "
            "Toujours envie d'une Brooks pour Noël…")
    q = "Combien ai-je payé la selle Brooks ?"
    low, checks = support_score(q, 0.5, [_candidate(line, "Samedi 10 octobre")], in_notes=_notes(line))
    assert checks["attribute_unsupplied"] == ["no value bound to selle"]
    own = "Vélo : selle Brooks B17 achetée, 95 €."
    high, checks = support_score(q, 0.5, [_candidate(own, "Samedi 10 octobre")], in_notes=_notes(line, own))
    assert not checks["attribute_unsupplied"] and high > low
    # A relation's answer (an `expect` given) is not judged here.
    _, checks = support_score(q, 0.5, [_candidate(line, "Samedi 10 octobre")], expect=checks_expect(q),
                              in_notes=_notes(line))
    assert not checks["attribute_unsupplied"]


def checks_expect(question: str):
    from memex.agents.answer_type import expected

    return expected(question)


def test_a_bare_value_in_a_log_line_hangs_from_the_parts_of_its_sentence_before_it() -> None:
    line = "Wed 2nd Sept — Pepper dental, 2 teeth out, £412 (insurance excess £99, rest claimed). 8.7 kg. Groggy dog."
    assert unbound("How much did Pepper's dental cost?", [(line, "Pepper")]) == ""
    assert ("£412 ", "Wed 2nd Sept Pepper dental 2 teeth out") in _clauses(line)
    # not past the end of its sentence: the value of the next sentence is not the first one's
    assert ("£60", "") in _clauses("Vet booked. £60") and ("Pepper dental", "") in _clauses(line)


def test_a_value_said_only_with_its_kind_hangs_from_its_sentence_too() -> None:
    line = "Scotland run starts next week. Darts moving to Thursdays in Jan (league AGM decided), subs up to £3."
    assert unbound("How much are the darts subs?", [(line, "Journal")]) == ""
    assert ("Subs up to £3.", "") in _clauses("Darts on Thursdays. Subs up to £3.")  # not past its sentence
    assert ("8.7 kg.", "") in _clauses("Pepper dental, 2 teeth out, 8.7 kg.")  # a measure is no kind word


def test_a_bare_value_with_a_letter_currency_or_a_rate_hangs_from_its_sentence_too() -> None:
    assert ("R$ 412.", "Consulta do Pepper 2 dentes") in _clauses("Consulta do Pepper, 2 dentes, R$ 412.")
    assert ("CHF 80.", "Vet visit Pepper") in _clauses("Vet visit, Pepper, CHF 80.")
    assert ("12 libras.", "Pepper dental 2 teeth") in _clauses("Pepper dental, 2 teeth, 12 libras.")
    assert ("£3 a week.", "Darts night Thursdays") in _clauses("Darts night, Thursdays, £3 a week.")
    assert ("€ 110 per stel.", "Cursus Lombok") in _clauses("Cursus Lombok, € 110 per stel.")
    # a count of things, a measure or a model number is no bare value
    assert ("2 teeth", "") in _clauses("Pepper dental, 2 teeth, R$ 412.")
    assert ("8.7 kg.", "") in _clauses("Pepper dental, 2 teeth out, 8.7 kg.")
    assert ("BMW 320.", "") in _clauses("New car, BMW 320.")
    assert ("9 am Monday.", "") in _clauses("Dentist, Pepper, 9 am Monday.")
