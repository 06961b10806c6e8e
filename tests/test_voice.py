"""Voice: `memex voice --file` / `memex transcribe`, POST /transcribe and /voice/ask on a real server, and the
MCP transcribe tool through the SDK client; spoken questions are generated with eSpeak NG."""
from __future__ import annotations

import base64
import io
import json
import subprocess
import sys
import wave
from types import SimpleNamespace

import anyio
import httpx
import media_samples as ms
import pytest
from live_server import LiveServer, copy_vault
from mcp import ClientSession, StdioServerParameters, stdio_client

from memex.app import Brain
from memex.domain import Answer, Citation, Location
from memex.interfaces.api.app import create_app
from memex.interfaces.api.security import guard_config, load_or_create_token
from memex.interfaces.gateway import Gateway
from memex.media.voice import NOT_FOUND, speakable

MEMEX = [sys.executable, "-m", "memex.interfaces.cli"]
KEY_FACT = "The spare key is hidden under the green flowerpot by the back door."
QUESTION = "Where is the spare key hidden?"


def _wav_seconds(data: bytes) -> float:
    with wave.open(io.BytesIO(data)) as w:
        return w.getnframes() / w.getframerate()


@pytest.fixture(scope="module")
def voice_home(tmp_path_factory: pytest.TempPathFactory) -> SimpleNamespace:
    root = tmp_path_factory.mktemp("voice")
    home = root / "home"  # the bundled embedder: offline answers need real similarity
    home.mkdir()
    (home / "config.toml").write_text("api_rate_per_minute = 100000\napi_rate_burst = 100000\n")
    vault = copy_vault(root)
    ms.voice_memo(vault / "key-memo.wav", KEY_FACT)
    with Brain.open(home) as brain:
        brain.add([vault])
    question = ms.voice_memo(root / "question.ogg", QUESTION)
    return SimpleNamespace(root=root, home=home, vault=vault, question=question)


def test_speakable_answer_has_no_markers():
    a = Answer("The key is under the **green** flowerpot [1]. Ask Sam [1, 2].", [], False)
    assert speakable(a) == "The key is under the green flowerpot. Ask Sam."
    assert speakable(Answer("I couldn't find this in your notes.", [], True)) == NOT_FOUND


def test_cli_voice_file_prints_transcript_answer_and_writes_spoken_answer(voice_home):
    out = voice_home.root / "answer.wav"
    r = subprocess.run([*MEMEX, "voice", "--home", str(voice_home.home), "--file", str(voice_home.question),
                        "--out", str(out), "--json"], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr[-2000:]
    reply = json.loads(r.stdout)
    assert "spare key" in reply["transcript"]["text"].lower()
    assert not reply["abstained"] and "flower" in reply["answer"].lower()
    cite = next(c for c in reply["citations"] if c["path"].endswith("key-memo.wav"))
    assert cite["location"]["start_s"] is not None and cite["location"]["end_s"] > cite["location"]["start_s"]
    assert _wav_seconds(out.read_bytes()) > 1.0 and "[" not in reply["spoken_text"]


def test_cli_transcribe_prints_timed_segments(voice_home):
    r = subprocess.run([*MEMEX, "transcribe", "--home", str(voice_home.home), str(voice_home.vault / "key-memo.wav")],
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("[00:0") and "flower" in r.stdout.lower()


@pytest.fixture(scope="module")
def api(voice_home):
    gateway = Gateway(voice_home.home)
    token = load_or_create_token(voice_home.home)
    server = LiveServer(create_app(gateway, guard_config(token, gateway.settings.extra)))
    client = httpx.Client(base_url=server.url, headers={"Authorization": f"Bearer {token}"}, timeout=300)
    yield SimpleNamespace(client=client, url=server.url)
    client.close()
    server.stop()
    gateway.close()


def test_rest_transcribe_and_voice_ask(api, voice_home):
    audio = voice_home.question.read_bytes()
    r = api.client.post("/transcribe", files={"file": ("question.ogg", audio, "audio/ogg")})
    assert r.status_code == 200, r.text
    t = r.json()
    assert "spare key" in t["text"].lower() and t["segments"] and t["duration_s"] > 1
    r = api.client.post("/voice/ask", files={"file": ("question.ogg", audio, "audio/ogg")})
    assert r.status_code == 200, r.text
    v = r.json()
    assert "flower" in v["answer"].lower() and any(c["path"].endswith("key-memo.wav") for c in v["citations"])
    assert _wav_seconds(base64.b64decode(v["audio_wav_base64"])) > 1.0
    assert set(v["seconds"]) == {"transcribe", "answer", "speak", "total"}
    assert api.client.post("/voice/ask?speak=false", files={"file": ("q.ogg", audio)}).json()["audio_wav_base64"] is None
    bad = api.client.post("/transcribe", files={"file": ("notes.wav", b"this is not audio", "audio/wav")})
    assert bad.status_code == 400 and "cannot transcribe" in bad.json()["error"]
    assert httpx.post(f"{api.url}/transcribe", files={"file": ("q.ogg", audio)}).status_code == 401
    spec = api.client.get("/openapi.json").json()
    assert {"/transcribe", "/voice/ask"} <= set(spec["paths"])


def test_mcp_transcribe_tool(voice_home):
    audio = base64.b64encode(voice_home.question.read_bytes()).decode()
    params = StdioServerParameters(command=MEMEX[0], args=[*MEMEX[1:], "mcp", "--home", str(voice_home.home)])

    async def scenario() -> tuple:
        with open(voice_home.root / "mcp-stderr.log", "w") as errlog:
            async with stdio_client(params, errlog=errlog) as (read, write), ClientSession(read, write) as s:
                await s.initialize()
                tools = {t.name for t in (await s.list_tools()).tools}
                ok = await s.call_tool("transcribe", {"audio_base64": audio, "filename": "question.ogg"})
                by_path = await s.call_tool("transcribe", {"path": str(voice_home.vault / "key-memo.wav")})
                outside = await s.call_tool("transcribe", {"path": "/etc/passwd"})
                return tools, ok, by_path, outside

    tools, ok, by_path, outside = anyio.run(scenario)
    assert "transcribe" in tools
    got = ok.structured_content or json.loads(ok.content[0].text)
    assert not ok.is_error and "spare key" in got["text"].lower() and got["segments"]
    assert not by_path.is_error and "flower" in (by_path.structured_content or {}).get("text", "").lower()
    assert outside.is_error and "inside one of the note folders" in outside.content[0].text


def test_citation_location_roundtrip():
    c = Citation(1, "/x/memo.wav", "3", "q", Location(start_s=12.5, end_s=40.0))
    assert c.to_dict()["location"]["start_s"] == 12.5


def test_voice_questions_are_turns_of_a_thread_from_cli_and_rest(api, voice_home):
    """A spoken question continues a conversation like a typed one (`memex voice --thread`, thread_id)."""
    r = subprocess.run([*MEMEX, "voice", "--home", str(voice_home.home), "--file", str(voice_home.question),
                        "--thread", "new", "--no-speak", "--json"], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr[-2000:]
    tid = json.loads(r.stdout)["thread_id"]
    thread = api.client.get(f"/threads/{tid}").json()
    assert thread["title"].lower().startswith("where is the spare key")
    [turn] = thread["turns"]
    assert "flower" in turn["answer"].lower() and any(c["path"].endswith("key-memo.wav") for c in turn["citations"])

    audio = voice_home.question.read_bytes()
    r = api.client.post(f"/voice/ask?speak=false&thread_id={tid}", files={"file": ("q.ogg", audio, "audio/ogg")})
    assert r.status_code == 200, r.text
    assert r.json()["thread_id"] == tid
    turns = api.client.get(f"/threads/{tid}").json()["turns"]
    assert len(turns) == 2 and "spare key" in turns[1]["question"].lower()

    missing = api.client.post("/voice/ask?thread_id=nosuchthread", files={"file": ("q.ogg", audio, "audio/ogg")})
    assert missing.status_code == 404 and "nosuchthread" in missing.json()["error"]
    r = subprocess.run([*MEMEX, "voice", "--home", str(voice_home.home), "--file", str(voice_home.question),
                        "--thread", "nosuchthread", "--no-speak"], capture_output=True, text=True, timeout=120)
    assert r.returncode != 0 and "nosuchthread" in r.stderr
    spec = api.client.get("/openapi.json").json()
    assert any(p["name"] == "thread_id" for p in spec["paths"]["/voice/ask"]["post"]["parameters"])
