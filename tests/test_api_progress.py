"""Long writes over REST stream progress (`?stream=true`, Server-Sent Events): POST /sources, /sync and
/documents on a real uvicorn on 127.0.0.1, with a folder that needs OCR (a scanned PDF) and speech-to-text."""
from __future__ import annotations

import json
import time
from types import SimpleNamespace
from typing import Any

import httpx
import media_samples as ms
import pytest
from live_server import LiveServer, make_home

from memex.interfaces.api.app import create_app
from memex.interfaces.api.security import guard_config, load_or_create_token
from memex.interfaces.gateway import Gateway


@pytest.fixture(scope="module")
def api(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("progress")
    home = make_home(root, api_rate_per_minute=100000, api_rate_burst=100000)
    folder = root / "inbox"
    folder.mkdir()
    for i in range(3):
        (folder / f"note-{i}.md").write_text(f"# Note {i}\n\nThe heron count on day {i} was {10 + i}.\n")
    ms.scanned_pdf(folder / "scan.pdf", [["Boiler service on 12 March", "Engineer: Dana Whitfield"],
                                         ["Next service due in March next year"]])
    ms.voice_memo(folder / "memo.wav", "The spare key is under the green flowerpot.")
    gateway = Gateway(home)
    token = load_or_create_token(home)
    server = LiveServer(create_app(gateway, guard_config(token, gateway.settings.extra)))
    client = httpx.Client(base_url=server.url, headers={"Authorization": f"Bearer {token}"}, timeout=300)
    yield SimpleNamespace(client=client, folder=folder, root=root)
    client.close()
    server.stop()
    gateway.close()


def _events(client: httpx.Client, method: str, url: str, **kw: Any) -> list[tuple[float, str, Any]]:
    """(seconds since the request, event, data) for each server-sent event, as they arrive."""
    out: list[tuple[float, str, Any]] = []
    t0 = time.monotonic()
    with client.stream(method, url, **kw) as r:
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/event-stream"), r.read()
        event = None
        for line in r.iter_lines():
            if line.startswith("event: "):
                event = line[7:]
            elif line.startswith("data: "):
                out.append((time.monotonic() - t0, event, json.loads(line[6:])))
    return out


@pytest.mark.timeout(300)
def test_adding_a_folder_with_media_streams_file_ocr_and_speech_progress(api):
    events = _events(api.client, "POST", "/sources?stream=true", json={"path": str(api.folder)})
    kinds = [e for _, e, _ in events]
    assert kinds[-2:] == ["report", "done"] and set(kinds[:-2]) == {"progress"}, kinds
    progress = [d for _, e, d in events if e == "progress"]
    assert progress[0] == {"event": "scan", "total": 5}
    files = [d for d in progress if d["event"] == "file"]
    assert [d["done"] for d in files] == sorted(d["done"] for d in files) and files[-1]["done"] == 5
    pages = [d for d in progress if d["event"] == "media" and d["path"].endswith("scan.pdf")]
    assert pages and pages[-1] == {"event": "media", "path": str(api.folder / "scan.pdf"), "done": 2, "total": 2,
                                   "unit": "page", "stage": "ocr"}
    speech = [d for d in progress if d["event"] == "media" and d["path"].endswith("memo.wav")]
    assert speech and speech[-1]["unit"] == "s" and speech[-1]["done"] == pytest.approx(speech[-1]["total"], abs=0.5)
    # Streamed as the work happens, not buffered until the end: OCR and speech take seconds.
    first, report_at = events[0][0], next(t for t, e, _ in events if e == "report")
    assert report_at - first > 0.5
    report = events[-2][2]
    assert report["path"] == str(api.folder) and report["report"]["added"] == 5 and not report["report"]["failed"]
    found = api.client.post("/search", json={"query": "boiler service engineer", "k": 1}).json()["hits"]
    assert found[0]["path"].endswith("scan.pdf")


@pytest.mark.timeout(300)
def test_sync_and_upload_stream_and_unchanged_media_is_not_redone(api):
    (api.folder / "note-0.md").write_text("# Note 0\n\nThe heron count on day 0 was 99.\n")
    events = _events(api.client, "POST", "/sync", params={"stream": "true"})
    assert events[-1][1] == "done" and events[-2][1] == "report"
    assert events[-2][2]["updated"] == 1 and events[-2][2]["unchanged"] == 4
    assert not [d for _, e, d in events if e == "progress" and d["event"] == "media"]  # no OCR, no STT again

    events = _events(api.client, "POST", "/documents?stream=true",
                     files={"file": ("kestrel.md", b"# Kestrel\n\nA kestrel hovered over the car park.\n")})
    report = events[-2][2]
    assert events[-2][1] == "report" and report["stored_as"].endswith("kestrel.md")
    assert report["document"]["title"] == "Kestrel" and report["report"]["added"] == 1
    assert any(e == "progress" and d["event"] == "file" for _, e, d in events)

    # What can be refused is refused before the stream starts, with the usual JSON error.
    bad = api.client.post("/sources?stream=true", json={"path": "relative/path"})
    assert bad.status_code == 400 and "error" in bad.json()
    bad = api.client.post("/documents?stream=true", files={"file": ("run.exe", b"MZ")})
    assert bad.status_code == 400 and "unsupported file type" in bad.json()["error"]
    # Without stream, the same routes answer plain JSON, as before.
    assert api.client.post("/sync").json()["unchanged"] == 6  # the upload is a source too


def test_openapi_documents_the_event_streams(api):
    spec = api.client.get("/openapi.json").json()
    for path in ("/sync", "/sources", "/documents"):
        op = spec["paths"][path]["post"]
        assert "text/event-stream" in op["responses"]["200"]["content"], path
        assert any(p["name"] == "stream" for p in op["parameters"]), path
