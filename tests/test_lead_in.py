"""A bold line of its own or a question line (a troubleshooting page's problem, an FAQ's question) is answered
by the statement after it; "which … version" asks for a number; a question for several things takes the list
below the best statement; a path ("/sitemap.xml") is a place."""
from __future__ import annotations

from pathlib import Path

from small_vault import indexed_home

from memex.agents import listed
from memex.agents.answer_type import NUMBER, PLACE, expected, offers
from memex.agents.evidence import Unit
from memex.app import Brain
from memex.domain import Hit, Location


def _unit(quote: str, position: int, chunk: str = "c1") -> Unit:
    hit = Hit(path="n.md", chunk_id=chunk, score=1.0, text=quote, location=Location(), doc_id=1)
    return Unit(quote=quote, text=quote.strip("*"), hit=hit, rank=0, position=position, subject="Note",
                context="Note", date=None, date_source="mtime")


def test_a_bold_line_or_a_question_leads_to_the_statement_after_it() -> None:
    head = _unit("**My phone deletes the photos I receive**", 3)
    fix = _unit("Add an empty marker file to the folder so the gallery app leaves it alone.", 4)
    other = _unit("Something in another chunk.", 4, chunk="c2")
    assert listed.answer_after(head, [other, head, fix]) is fix
    assert listed.answer_after(_unit("Why does the upload stall?", 0), [_unit("The proxy times out.", 1)]) is not None
    # A plain statement, a list item or a bold label with its value leads to nothing.
    assert listed.answer_after(_unit("The phone deletes photos.", 3), [fix]) is None
    assert listed.answer_after(_unit("- **First step**", 3), [fix]) is None
    assert listed.answer_after(_unit("**Where:** the village hall", 3), [fix]) is None
    assert listed.answer_after(head, [other]) is None  # the last statement of its chunk


def test_which_version_asks_for_a_number() -> None:
    assert NUMBER in expected("Since which Obsidian version can I choose the conflict file?").kinds
    assert NUMBER in expected("What app version added dark mode?").kinds


def test_the_fix_below_a_bold_problem_is_quoted(tmp_path: Path) -> None:
    note = ("# Troubleshooting\n\n**My tablet keeps deleting the pictures that arrive by sync**\n\n"
            "This is the gallery app tidying up. Put an empty file called keepme.flag in the vault folder.\n\n"
            "**The app is slow to open**\n\nTurn off the start-up scan in settings.\n")
    home = indexed_home(tmp_path, {"Troubleshooting.md": note}, embedder="hash:384")
    with Brain.open(home) as brain:
        answer = brain.ask("My tablet deletes pictures that arrive by sync. What should I do?")
    assert "keepme.flag" in answer.answer


def test_a_question_for_several_things_takes_the_list_below_the_best_statement() -> None:
    head = _unit("Five priorities. Five is too many.", 0)
    items = [_unit("1. **Practical science** — real practical work.", 1), _unit("2. **Literacy** — read and write.", 2),
             _unit("Next section prose.", 3)]
    got = listed.items_after(head, [head, *items], "What are the priorities in the plan?")
    assert [u.quote for u in got] == [u.quote for u in items[:2]]
    assert listed.items_after(head, [head, *items], "Why are there five priorities?") == []
    assert listed.items_after(head, [head, items[2]], "What are the priorities in the plan?") == []  # no list


def test_a_path_is_a_place() -> None:
    assert PLACE in offers("The sitemap for your site is available at /sitemap.xml, for example.", "Where is it?")
    assert PLACE not in offers("Rated 4 /5 overall.", "Where is it?")  # a slash, no path
