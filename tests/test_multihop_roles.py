"""Which name a relational question's description stands for, and how much of the answer to give.

- The role the description gives ("the engineer who…", "my brother") counts for a name the statement puts right
  beside it ("Ellen Marsh (structural engineer…)"), not one merely near it ("Dougie and a structural engineer").
- A capitalised word is a name where the notes never write it in lower case ("Blessing was there") or a note
  is it, and a word where they do write it in lower case and no note is it ("Next: the next visit").
- A section named for what is asked ("Winter Porter › Hops") answers with all of its lines.
"""
from __future__ import annotations

from pathlib import Path

from small_vault import indexed_home

from memex.agents.compose import description_role, role_beside
from memex.agents.evidence import Unit
from memex.agents.extractive import Candidate
from memex.agents.multihop import known_name, letter_case, section_rest
from memex.app import Brain
from memex.domain import Hit, Location


def _cand(text: str, subject: str, score: float = 0.5) -> Candidate:
    hit = Hit(path="n.md", chunk_id="1", score=1.0, text=text, location=Location())
    return Candidate(Unit(text, text, hit, 0, 0, subject, subject, None, "mtime"), score, 0.0, 0.0, None, score)


def test_the_role_a_description_gives() -> None:
    assert description_role("the engineer who made the loft steels bigger") == {"engineer"}
    assert description_role("my brother") == {"brother"}
    assert description_role("my old manager") == {"manager"}
    assert description_role("the person who referred me to Hearthstone") == set()
    assert description_role("Which carer was with Dad") == set()


def test_a_role_counts_beside_a_name_not_near_it() -> None:
    engineer = {"engineer"}
    present = "Present: Dougie (Douglas Pryce), Ellen Marsh (structural engineer, Marsh Structural Design), me."
    assert role_beside("Ellen Marsh", engineer, present)
    assert not role_beside("Dougie", engineer, present)
    assert not role_beside("Dougie", engineer, "Dougie and a structural engineer are coming on Thursday.")
    assert not role_beside("Dougie", engineer, "The engineer and Dougie came on Thursday.")
    assert role_beside("Bernard Ogilvie", description_role("the steeple keeper who conducted my quarter"), "Rang with the steeple keeper Bernard Ogilvie.")
    assert description_role("the chemistry teacher who retired") == {"teacher"}
    assert not role_beside("Ada", description_role("the Year 11 whose dad did the carpentry"), "Ada: Year 5 now.")


def test_a_section_named_for_what_is_asked_answers_whole() -> None:
    hops = [_cand("No dry hop. Obviously.", "Winter Porter › Hops", 0.8),
            _cand("Fuggles 40 g at 60 min", "Winter Porter › Hops", 0.6),
            _cand("S-04. Pitch at 18°C.", "Winter Porter › Yeast", 0.6),
            _cand("East Kent Goldings 20 g at 15 min", "Winter Porter › Hops", 0.5)]
    rest = section_rest(hops[:1], hops, "What hops go into it?", "Winter Porter")
    assert [c.text for c in rest] == ["Fuggles 40 g at 60 min", "East Kent Goldings 20 g at 15 min"]
    # A section not named for what is asked adds nothing: the best line answers alone.
    assert section_rest(hops[2:3], hops, "What hops go into it?", "Winter Porter") == []


def test_a_name_is_what_the_notes_never_write_in_lower_case(tmp_path: Path) -> None:
    home = indexed_home(tmp_path, {
        "Appointments.md": "# Appointments\n\nDate: Tue 24 Nov; Appointment: Heart failure nurse; Blessing was there.\n",
        "visits.md": "# Visits\n\nBlessing covering teatimes.\n\nLunch: Blessing again, he ate it all.\n\n"
                     "Next appointment is in March. Another appointment after that.\n\n"
                     "Next: the next visit, the next one after.\n",
        "care plan.md": "# Care plan\n\nLunchtime call: Blessing.\n",
    })
    with Brain.open(home) as brain:
        assert letter_case(brain.conn, "Blessing") == (0, 4)
        known = known_name(brain.conn)
        assert known("Blessing")
        assert not known("Next")  # written in lower case too
        assert not known("Tue")  # a weekday


def test_a_chained_question_asks_its_second_part_of_the_first_ones_answer() -> None:
    from memex.agents.multihop import asked_after

    q = "Which carer was with Dad when the heart failure nurse came in November, and which visit does she do?"
    first = "Which carer was with Dad when the heart failure nurse came in November"
    assert asked_after(q, first, "Blessing") == "which visit does Blessing do?"
    assert asked_after("Who recommended the builder, and what is her phone number?", "Who recommended the builder",
                       "Sam") == "what is Sam's phone number?"
    # A description inside the question is no first part to answer.
    assert asked_after("What does the sister who cares for Mum do?", "the sister who cares for Mum", "Aoife") == ""


def test_the_questions_own_verb_ends_a_description_that_ran_on() -> None:
    from memex.agents.multihop import described_part, substituted

    q = "How does the agent who sold us the flat prefer to be contacted?"
    d = "the agent who sold us the flat prefer to be contacted"
    via = _cand("Agent: Rennie & Lowe, Hamish Rennie.", "Offer timeline").unit  # repeats nothing of the clause
    assert substituted(q, d, via, "Hamish Rennie") == "How does Hamish Rennie prefer to be contacted?"
    assert described_part(d, via) == "the agent who sold us the flat"
    # A description's own bare verb after "I" is its clause, not the question's verb.
    q2 = "What hops go into the beer I brew every year for Elin's birthday?"
    assert substituted(q2, "the beer I brew every year for Elin's birthday", via, "it") == "What hops go into it?"
