"""Web UI: pure rendering helpers, every page through Streamlit's AppTest, and `memex ui` in headless Chromium."""
from __future__ import annotations

import datetime as dt
import html
import os
import shutil
import threading
import time
from pathlib import Path

import pytest
from browser import browser_on_ui, require_browser
from fixture_paths import REPO, SAMPLE_VAULT
from live_server import indexed_sample, make_home

from memex.app import Brain
from memex.interfaces.web import render
from memex.llm.scripted import ScriptedOpenAIServer
from memex.store import threads

streamlit_testing = pytest.importorskip("streamlit.testing.v1", reason="the web UI needs streamlit (pip install '.[ui]')")
AppTest = streamlit_testing.AppTest

SCRIPT = REPO / "src" / "memex" / "interfaces" / "web" / "app.py"
QUESTION = "When is the weekly sync?"


# ---- pure helpers ----------------------------------------------------------------------------------
def test_location_labels():
    assert render.location_label({"page": 3, "heading": None, "start_line": None, "end_line": None}) == "page 3"
    assert render.location_label({"page": None, "heading": "Decisions", "start_line": 20, "end_line": 23}) \
        == "lines 20–23 · § Decisions"
    assert render.location_label({"start_line": 4, "end_line": 4}) == "line 4"
    assert render.location_label(None) == ""
    c = {"n": 2, "path": "/v/meetings/retro.md", "location": {"page": None, "heading": None,
                                                           "start_line": 1, "end_line": 5}}
    assert render.citation_label(c, None) == "[2] retro.md · lines 1–5"
    assert render.citation_label(c, "Retro") == "[2] Retro · lines 1–5"


def test_note_html_escapes_text_and_marks_the_cited_chunk():
    chunks = [
        {"chunk_id": "1", "text": "Intro <script>alert(1)</script>", "heading_path": ["A"], "page": 1,
         "start_line": None, "end_line": None},
        {"chunk_id": "2", "text": "We moved  the\nsync to Friday. Other & more.", "heading_path": ["A", "B"],
         "page": 2, "start_line": None, "end_line": None},
    ]
    out = render.note_html(chunks, "2", "We moved the sync to Friday.")
    assert "<script>" not in out and "&lt;script&gt;" in out
    assert out.count(f'id="{render.HIGHLIGHT_ID}"') == 1
    cited = out[out.index(render.HIGHLIGHT_ID):]
    assert "<mark>We moved  the\nsync to Friday.</mark> Other &amp; more." in cited
    assert "Page 1" in out and "Page 2" in out and "A › B" in out
    assert "\n\n" not in out  # one HTML block, never split into markdown paragraphs
    # A quote that is not in the chunk still highlights the chunk, without a <mark>.
    assert "<mark>" not in render.note_html(chunks, "2", "never said")
    assert f'id="{render.HIGHLIGHT_ID}"' not in render.note_html(chunks, None)
    lines = render.note_html([{"chunk_id": "9", "text": "x", "start_line": 8, "end_line": 13}], "9")
    assert "lines 8–13" in lines


def test_small_helpers():
    text = "- We **moved** the sync [1]\n- Next  line [2]"
    assert "".join(render.stream_words(text)) == text
    assert len(list(render.stream_words(text))) > 5
    assert render.parse_tags(" heron, #meeting  retro,,") == ["heron", "meeting", "retro"]
    assert render.parse_tags("") == []
    assert render.coverage({"documents": 16, "failures": 1}) == "16/17 (94%)"
    assert render.coverage({"documents": 0, "failures": 0}) == "0/0"
    assert render.answer_markdown("- a **b** [1] - c [2] - d") == "- a **b** [1]\n- c [2]\n- d"
    assert render.answer_markdown("x [1] y [2]") == "x [1] y [2]"
    assert render.safe_markdown("see ![x](http://evil/p.png)") == "see !\\[x](http://evil/p.png)"
    assert render.snippet("word " * 200, 50).endswith(" …") and len(render.snippet("word " * 200, 50)) <= 52
    assert render.progress_update("scan", {"total": 3}) == (0.0, "Found 3 files to check")
    assert render.progress_update("file", {"done": 1, "total": 4, "path": "/v/a b.md"}) == (0.25, "1/4 a b.md")
    assert render.progress_update("file", {"done": 0, "total": 0, "path": ""}) == (1.0, "0/0")
    assert render.progress_update("done", {}) is None
    rows = render.explain_rows({"bm25_rank": 1, "bm25_score": 11.93, "dense_rank": None, "dense_score": None,
                                "fused_score": 0.0164, "filters": ["tag heron"],
                                "matched_chunk": {"ordinal": 0, "heading_path": ["Invoices"]}})
    table = {r["signal"]: r["value"] for r in rows}
    assert table["BM25 rank"] == "1" and table["BM25 score"] == "11.9300" and table["Dense rank"] == "—"
    assert table["Filters"] == "tag heron" and table["Matched chunk"] == "#0 Invoices"


# ---- the pages, through AppTest --------------------------------------------------------------------
@pytest.fixture(scope="module")
def indexed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A home with the sample vault indexed (hash embedder: fast, no model)."""
    return indexed_sample(tmp_path_factory.mktemp("web"))


def _app(home: Path, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    monkeypatch.setenv("MEMEX_HOME", str(home))
    at = AppTest.from_file(str(SCRIPT), default_timeout=60).run()
    assert not at.exception, at.exception
    return at


def _go(at: AppTest, page: str) -> AppTest:
    at.sidebar.radio[0].set_value(page).run()
    assert not at.exception, at.exception
    return at


def _labels(at: AppTest) -> list[str]:
    return [b.label for b in at.button]


def test_ask_answers_with_citations_that_open_the_passage(indexed, monkeypatch):
    at = _app(indexed["home"], monkeypatch)
    at.chat_input[0].set_value(QUESTION).run()
    assert not at.exception, at.exception
    answer = " ".join(m.value for m in at.markdown)
    assert "Friday at 14:00" in answer and "Tuesday at 10:00" in answer
    cite = at.button(key="cite-0-1")
    assert cite.label.startswith("[1] 2024-05-03 Heron retro · lines 20–23")
    assert any(lbl.startswith("[2] 2024-04-02 Heron kickoff") for lbl in _labels(at))

    cite.click().run()
    assert at.session_state["page"] == "Browse"
    assert at.header[0].value == "2024-05-03 Heron retro"
    assert "lines 20–23" in at.info[0].value
    note = at.get("html")[0].proto.body
    cited = note[note.index(render.HIGHLIGHT_ID):]
    assert "<mark>" in cited and "moved the weekly sync to Friday" in html.unescape(cited)
    assert "Attendees" in note  # the whole note is shown, not only the passage
    # Related notes: wikilinks both ways, plus neighbours by meaning.
    labels = _labels(at)
    assert "Priya Raman" in labels and "Tom Becker" in labels  # links to
    assert "Home" in labels  # linked from
    assert at.button(key="rel-Similar-" + str(_doc_id(indexed, "2024-04-02 Heron kickoff.md")))

    # The conversation is kept (a thread in SQLite, its id in the URL): back on Ask, both turns are on
    # screen after a second question.
    _go(at, "Ask")
    at.chat_input[0].set_value("What is the airspeed of an unladen swallow?").run()
    texts = [t.value for t in at.text]
    assert QUESTION in texts and "What is the airspeed of an unladen swallow?" in texts
    with Brain.open(indexed["home"]) as b:
        turns = threads.get_thread(b.conn, _thread_param(at))["turns"]
    assert [t["question"] for t in turns] == [QUESTION, "What is the airspeed of an unladen swallow?"]
    assert "couldn't find" in " ".join(m.value for m in at.markdown)
    assert at.button(key="near-1-0")  # abstained: the closest passages, each openable
    assert at.button(key="cite-0-1")


def _doc_id(indexed, name: str) -> int:
    with Brain.open(indexed["home"]) as b:
        return int(b.conn.execute("SELECT id FROM documents WHERE path LIKE ?", (f"%/{name}",)).fetchone()[0])


def _thread_param(at: AppTest) -> str:
    value = at.query_params["thread"]
    return value[0] if isinstance(value, list) else value


def test_thread_survives_a_reload_and_can_be_continued_or_deleted(indexed, monkeypatch):
    at = _app(indexed["home"], monkeypatch)
    at.chat_input[0].set_value(QUESTION).run()
    tid = _thread_param(at)
    assert at.button(key=f"thread-{tid}")  # listed in the sidebar

    # A reload (a fresh session with the same URL) shows the conversation, read back from SQLite.
    monkeypatch.setenv("MEMEX_HOME", str(indexed["home"]))
    again = AppTest.from_file(str(SCRIPT), default_timeout=60)
    again.query_params["thread"] = tid
    again.run()
    assert not again.exception, again.exception
    assert [t.value for t in again.text] == [QUESTION]
    assert "Friday at 14:00" in " ".join(m.value for m in again.markdown) and again.button(key="cite-0-1")
    again.chat_input[0].set_value("Which room is it in?").run()  # a follow-up, read with the history
    assert not again.exception, again.exception
    assert any("Kestrel" in b.label or "kickoff" in b.label for b in again.button if b.key.startswith("cite-1-"))
    with Brain.open(indexed["home"]) as b:
        assert len(threads.get_thread(b.conn, tid)["turns"]) == 2

    again.button(key="new_thread").click().run()  # a new conversation: empty page, thread kept
    assert "thread" not in again.query_params and not again.text
    again.button(key=f"thread-{tid}").click().run()
    assert [t.value for t in again.text] == [QUESTION, "Which room is it in?"]
    again.button(key="delete_thread").click().run()
    with Brain.open(indexed["home"]) as b:
        assert not threads.thread_exists(b.conn, tid)
    assert "thread" not in again.query_params and not any(b.key == f"thread-{tid}" for b in again.button)


def test_memory_page_adds_lists_and_forgets(tmp_path, monkeypatch):
    home = make_home(tmp_path)
    at = _go(_app(home, monkeypatch), "Memory")
    assert at.info[0].value == "Nothing remembered yet."
    at.text_input(key="memory_fact").set_value("my bike lock code is 4312")
    at.button[0].click().run()  # the form's Remember button
    assert not at.exception, at.exception
    assert at.success[0].value == "Remembered: my bike lock code is 4312"
    forget = [b for b in at.button if b.key and b.key.startswith("forget-")]
    assert len(forget) == 1
    with Brain.open(home) as b:
        assert "4312" in b.ask("What is my bike lock code?").answer
    forget[0].click().run()
    assert at.info[0].value == "Nothing remembered yet." and not list((home / "memories").glob("*.md"))


def test_new_note_page_writes_into_the_inbox_and_indexes(indexed, tmp_path, monkeypatch):
    vault = tmp_path / "vault"
    shutil.copytree(SAMPLE_VAULT, vault)
    home = make_home(tmp_path)
    with Brain.open(home) as b:
        b.add([vault])
    at = _go(_app(home, monkeypatch), "New note")
    assert str(vault / "Inbox") in at.caption[0].value
    at.button(key="note_save").click().run()
    assert at.warning[0].value == "Write something first." and not (vault / "Inbox").exists()
    at.text_input(key="note_title").set_value("Hoopoe")
    at.text_area(key="note_text").set_value("A hoopoe nests in the old olive tree by the dune path.")
    at.button(key="note_save").click().run()
    assert not at.exception, at.exception
    assert at.success[0].value.startswith(f"Saved to {vault / 'Inbox' / 'Hoopoe.md'} and indexed")
    at.text_area(key="note_text").set_value("Saw the hoopoe again")
    at.button(key="note_daily").click().run()
    daily = vault / "Inbox" / f"{dt.date.today():%Y-%m-%d}.md"
    assert daily.read_text().endswith(" Saw the hoopoe again\n")
    _go(at, "Search")
    at.text_input(key="search_query").set_value("hoopoe olive tree")
    at.button[0].click().run()
    assert [m.value for m in at.markdown if m.value.startswith("**")][0] == "**1. Hoopoe**"


def test_a_slow_model_streams_into_the_page_and_finishes(indexed, tmp_path, monkeypatch):
    from test_answer_pipeline import conflict_reply

    home = tmp_path / "home"
    shutil.copytree(indexed["home"], home)
    with ScriptedOpenAIServer(conflict_reply, delay_s=2, chunk_delay_s=0.05) as llm:
        (home / "config.toml").write_text(f'embedder = "hash:384"\nllm = "openai:slow"\n'
                                          f'openai_base_url = "{llm.base_url}"\nmax_retries = 0\n')
        at = _app(home, monkeypatch)
        at.chat_input[0].set_value(QUESTION).run(timeout=120)
        assert not at.exception, at.exception
        assert llm.requests and llm.requests[-1].body["stream"] is True  # the model was asked to stream
    answer = " ".join(m.value for m in at.markdown)
    assert "Friday at 14:00" in answer and at.button(key="cite-0-1")
    with Brain.open(home) as b:  # kept in the thread, as the model wrote it (both dates cited)
        [turn] = threads.get_thread(b.conn, _thread_param(at))["turns"]
    assert "Friday at 14:00 [" in turn["answer"] and len(turn["citations"]) == 2


def test_search_with_filters_and_explain(indexed, monkeypatch):
    at = _go(_app(indexed["home"], monkeypatch), "Search")
    at.text_input(key="search_query").set_value("INV-2024-0042")
    at.button[0].click().run()  # the form's Search button
    assert not at.exception, at.exception
    results = [m.value for m in at.markdown if m.value.startswith("**")]
    assert results[0] == "**1. Invoices 2024**"
    assert "INV-2024-0042 is overdue" in " ".join(m.value for m in at.markdown)
    explain = at.table[0].value
    rows = dict(zip(explain["signal"], explain["value"], strict=True))
    assert rows["BM25 rank"] == "1" and rows["Dense rank"] != "" and float(rows["Fused score"]) > 0

    # Filters: a path glob and a tag narrow the results; the caption says which filters applied.
    at.text_input(key="search_query").set_value("sync")
    at.text_input(key="search_path").set_value("*/meetings/*")
    at.button[0].click().run()
    paths = [c.value for c in at.caption if " · score " in c.value]
    assert paths and all("/meetings/" in p for p in paths)
    assert any("path matches */meetings/*" in c.value for c in at.caption)
    at.text_input(key="search_path").set_value("")
    at.text_input(key="search_tags").set_value("#recipe")
    at.text_input(key="search_query").set_value("eggs")
    at.button[0].click().run()
    paths = [c.value for c in at.caption if " · score " in c.value]
    assert paths and all("/recipes/" in p for p in paths)

    # A date range: every result's passage (by the dates written in it, else its note's date, from the
    # explain view) overlaps it.
    at.text_input(key="search_tags").set_value("")
    at.text_input(key="search_query").set_value("Heron sync beta")
    at.date_input(key="search_after").set_value(dt.date(2024, 4, 1))
    at.date_input(key="search_before").set_value(dt.date(2024, 5, 31))
    at.button[0].click().run()
    rows = [dict(zip(t.value["signal"], t.value["value"], strict=True)) for t in at.table]
    spans = [r["Passage dates"].split(" – ") if r["Passage dates"] != "—" else [r["Note date"][:10]] * 2
             for r in rows]
    assert spans and all(s[0] <= "2024-05-31" and s[-1] >= "2024-04-01" for s in spans), rows
    assert any("date >= 2024-04-01" in c.value for c in at.caption)

    # A hit in a PDF opens on its page, the passage highlighted.
    at.date_input(key="search_after").set_value(None)
    at.date_input(key="search_before").set_value(None)
    at.text_input(key="search_path").set_value("*.pdf")
    at.text_input(key="search_query").set_value("Lisbon itinerary")
    at.button[0].click().run()
    at.button(key="hit-0").click().run()
    assert at.session_state["page"] == "Browse" and at.header[0].value.startswith("Lisbon itinerary")
    assert at.info[0].value.startswith("Cited passage: page ")
    note = at.get("html")[0].proto.body
    assert f'id="{render.HIGHLIGHT_ID}"' in note and "Page 2" in note


def test_browse_lists_notes_and_opens_one(indexed, monkeypatch):
    at = _go(_app(indexed["home"], monkeypatch), "Browse")
    table = at.dataframe[0].value
    assert len(table) == 17
    row = table[table["title"] == "2024-05-03 Heron retro"].iloc[0]
    assert row["date"] == "2024-05-03" and "meeting" in row["tags"].split(", ")
    assert any(c.value == "17 notes" for c in at.caption)
    pdf = str(indexed["vault"] / "attachments" / "Lisbon itinerary.pdf")
    at.selectbox(key="browse_pick").set_value(pdf).run()
    assert not at.exception, at.exception
    note = at.get("html")[0].proto.body
    assert "Page 1" in note and f'id="{render.HIGHLIGHT_ID}"' not in note
    at.button(key="close_note").click().run()
    assert at.dataframe[0].value.shape[0] == 17


def test_add_folder_with_progress_then_status_shows_coverage_and_failures(tmp_path, monkeypatch):
    vault = tmp_path / "vault"
    shutil.copytree(SAMPLE_VAULT, vault)
    (vault / "broken.pdf").write_bytes(b"%PDF-1.4 this is not really a pdf")
    at = _go(_app(make_home(tmp_path), monkeypatch), "Add")
    at.text_input(key="add_path").set_value(str(vault))
    at.button(key="add_folder").click().run()
    assert not at.exception, at.exception
    assert at.success[0].value.startswith("Added 17, updated 0")
    assert "1 file(s) could not be indexed" in at.warning[0].value
    assert at.get("progress")  # the bar is on the page

    _go(at, "Status")
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Documents"] == "17" and int(metrics["Chunks"]) >= 17 and metrics["Failures"] == "1"
    sources = at.table[0].value
    assert list(sources["coverage"]) == ["17/18 (94%)"] and list(sources["documents"]) == [17]
    failures = at.table[1].value
    assert list(failures["file"]) == [str(vault / "broken.pdf")] and failures["reason"][0]

    # Bad input: a relative path gets a clear error and nothing changes.
    _go(at, "Add")
    at.text_input(key="add_path").set_value("relative/notes")
    at.button(key="add_folder").click().run()
    assert "must be absolute" in at.error[0].value


# ---- end to end: `memex ui` in headless Chromium ----------------------------------------------------
def _sidebar(driver, page: str) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By

    driver.find_element(By.XPATH, f'//section[@data-testid="stSidebar"]//label[.//p[text()="{page}"]]').click()


@pytest.mark.timeout(150)
def test_memex_ui_in_headless_chromium(tmp_path):
    require_browser()
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    # Its own home: this test uploads a file, which the AppTest tests must not see.
    vault = tmp_path / "vault"
    shutil.copytree(SAMPLE_VAULT, vault)
    home = make_home(tmp_path)
    with Brain.open(home) as b:
        b.add([vault])
    note = tmp_path / "Bird log (May).md"
    note.write_text("# Bird log\n\nSaw a hoopoe on the dune path at dawn.\n", encoding="utf-8")
    with browser_on_ui(tmp_path, home) as driver:
        wait = WebDriverWait(driver, 30)
        box = wait.until(ec.element_to_be_clickable((By.CSS_SELECTOR, '[data-testid="stChatInputTextArea"]')))
        box.send_keys(QUESTION, Keys.ENTER)
        wait.until(ec.element_to_be_clickable((By.XPATH, '//button[contains(., "[1] 2024-05-03 Heron retro")]')))
        wait.until(ec.text_to_be_present_in_element((By.TAG_NAME, "body"), "Friday at 14:00"))
        body = driver.find_element(By.TAG_NAME, "body").text
        assert "moved the weekly sync to Friday at 14:00" in body
        assert "lines 20–23" in driver.find_element(By.XPATH, '//button[contains(., "[1] 2024-05-03 Heron retro")]').text
        time.sleep(0.5)  # let the streamed answer settle before the picture
        shot = tmp_path / "screenshot-ask.png"
        driver.save_screenshot(str(shot))
        assert shot.stat().st_size > 10_000
        if os.environ.get("UPDATE_SCREENSHOTS"):
            shutil.copyfile(shot, REPO / "docs" / "screenshot-ask.png")
        # The checked answer replaces the streamed draft, so the button may be drawn anew: find it again.
        wait.until(ec.element_to_be_clickable((By.XPATH, '//button[contains(., "[1] 2024-05-03 Heron retro")]'))).click()
        marked = wait.until(ec.presence_of_element_located((By.ID, render.HIGHLIGHT_ID)))
        assert "moved the weekly sync to Friday" in marked.text

        # The conversation is a thread named in the URL: a reload brings it back, read from SQLite.
        assert "thread=" in driver.current_url
        driver.refresh()
        wait.until(ec.text_to_be_present_in_element((By.TAG_NAME, "body"), "moved the weekly sync to Friday"))
        assert QUESTION in driver.find_element(By.TAG_NAME, "body").text

        # A note written in the UI goes into the vault's inbox, is indexed, and search finds it.
        _sidebar(driver, "New note")
        title = wait.until(ec.element_to_be_clickable((By.CSS_SELECTOR, 'input[aria-label="Title (optional)"]')))
        title.send_keys("Salt marsh", Keys.TAB)
        area = driver.find_element(By.CSS_SELECTOR, 'textarea[aria-label="Note"]')
        area.send_keys("A little egret was fishing in the salt marsh at low tide.", Keys.TAB)
        time.sleep(0.5)  # let the widgets report their values before the click
        driver.find_element(By.XPATH, '//button[contains(., "Save as a new note")]').click()
        wait.until(ec.text_to_be_present_in_element((By.TAG_NAME, "body"), "and indexed"))
        with Brain.open(home) as b:
            assert [h.path for h in b.search("little egret salt marsh", k=1)] == [str(vault / "Inbox" / "Salt marsh.md")]

        # Upload a file on the Add page: saved under <home>/uploads with a sanitised name, then indexed.
        _sidebar(driver, "Add")
        upload = wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, 'input[type="file"]')))
        upload.send_keys(str(note))
        wait.until(ec.element_to_be_clickable((By.XPATH, '//button[contains(., "Index uploaded files")]'))).click()
        wait.until(ec.text_to_be_present_in_element((By.TAG_NAME, "body"), "Indexed 1 upload(s)"))
        [saved] = (home / "uploads").iterdir()
        assert saved.name.startswith("Bird log _May") and saved.suffix == ".md" and "(" not in saved.name
        assert saved.read_text(encoding="utf-8") == note.read_text(encoding="utf-8")
        with Brain.open(home) as b:
            assert [h.path for h in b.search("hoopoe", k=1)] == [str(saved)]


@pytest.mark.timeout(150)
def test_answers_stream_into_the_browser_while_a_slow_model_writes(indexed, tmp_path):
    """The scripted model holds its stream after the first token (as a CPU model is slow to go on): the page
    already shows that token, stays connected while it waits, then shows the checked, cited answer."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait
    from test_answer_pipeline import conflict_reply

    home = tmp_path / "home"
    shutil.copytree(indexed["home"], home)
    release = threading.Event()
    with ScriptedOpenAIServer(conflict_reply, gate=release) as llm:
        (home / "config.toml").write_text(f'embedder = "hash:384"\nllm = "openai:slow"\n'
                                          f'openai_base_url = "{llm.base_url}"\nmax_retries = 0\n')
        with browser_on_ui(tmp_path, home) as driver:
            wait = WebDriverWait(driver, 30)
            box = wait.until(ec.element_to_be_clickable((By.CSS_SELECTOR, '[data-testid="stChatInputTextArea"]')))
            box.send_keys(QUESTION, Keys.ENTER)
            # The first token is on the page while the model is still "writing".
            def first_token_shown(d) -> bool:  # type: ignore[no-untyped-def]
                msgs = d.find_elements(By.CSS_SELECTOR, '[data-testid="stChatMessage"]')
                return bool(msgs) and msgs[-1].text.rstrip().endswith("\nAt")
            wait.until(first_token_shown)
            time.sleep(6)  # a long pause mid-answer: the page keeps its connection and its partial answer
            body = driver.find_element(By.TAG_NAME, "body").text
            assert "moved the weekly sync" not in body and "Writing the answer" in body
            assert "Connection error" not in body and "Please wait" not in body
            release.set()
            wait.until(ec.element_to_be_clickable((By.XPATH, '//button[contains(., "] 2024-05-03 Heron retro")]')))
            body = driver.find_element(By.TAG_NAME, "body").text
            assert "moved the weekly sync to Friday at 14:00" in body and "Tuesday at 10:00" in body
