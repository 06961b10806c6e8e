"""Images, scans and recordings: OCR, speech-to-text, timed citations, limits and the held-out-style check.

Unit tests use no model. The end-to-end tests run the real bundled models (RapidOCR, Whisper base) once,
on one small generated vault shared by the module: receipt, whiteboard photo, screenshot, an image-only
scanned PDF and voice memos in WAV/FLAC/OGG, beside ordinary notes.
"""
from __future__ import annotations

import json
import os
import shutil
import struct
import subprocess
import sys
import time
import zlib
from pathlib import Path

import media_samples as ms
import numpy as np
import pytest
from fixture_paths import SAMPLE_VAULT

from memex.app import Brain
from memex.domain import Location
from memex.errors import ParseError
from memex.ingest.chunking import chunk_blocks
from memex.ingest.parsers import parse_file
from memex.ingest.parsers.audio_file import blocks_of
from memex.ingest.sandbox import ParserPool
from memex.interfaces.cli.output import where
from memex.media import MediaOptions
from memex.media.image import exif_day
from memex.media.ocr import OcrLine, paragraphs, text_quality
from memex.media.speech import Segment
from memex.media.timecode import clock, span


def count(texts):  # type: ignore[no-untyped-def]
    return [len(t.split()) for t in texts]


# ---- pure pieces --------------------------------------------------------------------------------------
def test_clock_and_span():
    assert clock(0) == "00:00" and clock(192.9) == "03:12" and clock(3723) == "1:02:03"
    assert span(192, 220.4) == "03:12–03:40" and span(5, 5.5) == "00:05" and span(7) == "00:07"
    assert where(Location(start_s=192.0, end_s=220.0)) == "at 03:12–03:40"
    assert where(Location(page=3)) == "p.3"


def test_location_json_has_seconds():
    d = Location(start_line=1, end_line=2).to_dict()
    assert d["start_s"] is None and d["end_s"] is None and d["start_line"] == 1


def test_ocr_lines_become_paragraphs_in_reading_order():
    lines = [OcrLine("7.80", (500, 52, 560, 78)), OcrLine("2 x Flat white", (30, 50, 300, 80)),
             OcrLine("Receipt", (30, 0, 200, 30)), OcrLine("Total 12.00", (30, 200, 260, 230))]
    assert paragraphs(lines) == ["Receipt\n2 x Flat white 7.80", "Total 12.00"]
    assert paragraphs([]) == []


def test_text_quality_tells_words_from_garbage():
    assert text_quality("The monthly rent is 1,450 euros, due on the 3rd.") > 0.8
    assert text_quality("(cid:12)(cid:15) (cid:3)(cid:44) \ue001\ue002 ÿþ") < 0.2
    assert text_quality("") == 0.0


def test_exif_day():
    assert exif_day("2024:03:05 10:31:00") == "2024-03-05"
    assert exif_day("0000:00:00 00:00:00") is None and exif_day(b"2023:12:31 23:59:59") == "2023-12-31"


def test_transcript_blocks_and_chunks_carry_seconds():
    segs = [Segment(0.0, 4.0, "First point about the budget."), Segment(4.2, 9.0, "It is ten thousand."),
            Segment(14.0, 20.0, "After a pause, the venue."), Segment(20.1, 60.0, "A long ramble " * 20)]
    blocks = blocks_of(segs)
    assert [(b.start_s, b.end_s) for b in blocks][:2] == [(0.0, 9.0), (14.0, 20.0)]
    chunks = chunk_blocks(blocks, count, max_tokens=40, overlap=0)
    assert chunks[0].location.start_s == 0.0 and chunks[-1].location.end_s == 60.0
    assert all(c.location.start_s is not None and c.location.end_s >= c.location.start_s for c in chunks)
    # Each stretch of speech is its own chunk even when several would fit in one (citations stay short).
    big = chunk_blocks(blocks, lambda ts: [4 * len(t.split()) for t in ts], max_tokens=256, overlap=0)
    assert (big[0].location.start_s, big[0].location.end_s) == (0.0, 9.0) and len(big) >= 2


# ---- images -------------------------------------------------------------------------------------------
def _png_header_only(path: Path, width: int, height: int) -> Path:
    """A PNG that claims width x height pixels but holds a few bytes: a decompression bomb's header."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 64))
                     + chunk(b"IEND", b""))
    return path


def test_decompression_bomb_image_is_refused_unread(tmp_path: Path):
    bomb = _png_header_only(tmp_path / "bomb.png", 60_000, 60_000)
    t = time.perf_counter()
    with pytest.raises(ParseError, match="decompression bomb"):
        parse_file(bomb, MediaOptions(ocr="none"))
    assert time.perf_counter() - t < 2


def test_corrupt_and_mislabelled_images(tmp_path: Path):
    (tmp_path / "broken.jpg").write_bytes(b"\xff\xd8\xff\xe0" + os.urandom(300))
    (tmp_path / "text.png").write_text("not an image at all")
    for name in ("broken.jpg", "text.png"):
        with pytest.raises(ParseError, match="readable image|parse error|cannot identify|truncated"):
            parse_file(tmp_path / name, MediaOptions(ocr="none"))


def test_image_without_ocr_says_how_to_turn_it_on(tmp_path: Path):
    ms.text_image(["Hello"]).save(tmp_path / "a.png")
    with pytest.raises(ParseError, match="no text found in image"):
        parse_file(tmp_path / "a.png", MediaOptions(ocr="none"))


def test_missing_system_ocr_engine_is_a_recorded_reason(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("PATH", str(tmp_path / "empty-bin"))
    ms.text_image(["Hello there"]).save(tmp_path / "a.png")
    with pytest.raises(ParseError, match="tesseract is not installed: `apt-get install tesseract-ocr"):
        parse_file(tmp_path / "a.png", MediaOptions(ocr="tesseract"))


def test_caption_from_a_vision_model_on_the_scripted_servers(tmp_path: Path):
    from memex.llm.scripted_servers import ScriptedOllamaServer, ScriptedOpenAIServer
    ms.text_image(["Total 12.00"]).save(tmp_path / "r.png")
    with ScriptedOllamaServer(["A till receipt from a cafe showing a total of 12.00."]) as srv:
        doc = parse_file(tmp_path / "r.png", MediaOptions(ocr="none", captioner="ollama:llava",
                                                          llm_config={"ollama_base_url": srv.base_url}))
        body = srv.requests[0].body
    assert doc.blocks[0].text.startswith("Image description: A till receipt")
    assert doc.metadata["caption_model"] == "ollama:llava"
    assert body["model"] == "llava" and len(body["messages"][0]["images"][0]) > 100  # the image went along
    with ScriptedOpenAIServer(["A receipt."]) as srv:
        doc = parse_file(tmp_path / "r.png", MediaOptions(ocr="none", captioner="openai:gpt-4o-mini",
                                                          llm_config={"openai_base_url": srv.base_url}))
        content = srv.requests[0].body["messages"][0]["content"]
    assert doc.blocks[0].text == "Image description: A receipt."
    assert content[1]["image_url"]["url"].startswith("data:image/jpeg;base64,")


def test_captioner_down_keeps_the_ocr_text(tmp_path: Path):
    ms.text_image(["Parking permit 4471"]).save(tmp_path / "p.png")
    doc = parse_file(tmp_path / "p.png", MediaOptions(captioner="ollama:llava",
                                                      llm_config={"ollama_base_url": "http://127.0.0.1:9",
                                                                  "max_retries": 0}))
    assert "4471" in doc.blocks[0].text and "no caption" in doc.metadata["warnings"][0]


# ---- the sandbox scales its time limit to work that advances ---------------------------------------
def test_progress_keeps_a_long_parse_alive_and_a_stalled_one_dies(tmp_path: Path):
    from sandbox_hooks import advancing, stalling
    f = tmp_path / "x.wav"
    f.write_bytes(b"x")
    seen: list[dict] = []
    with ParserPool(1, timeout_s=2.0, memory_mb=0) as pool:
        doc = pool.parse(f, func=advancing, max_s=60, on_progress=seen.append)  # 4 s of work, 2 s limit
        assert doc.blocks[0].text == "done" and seen and seen[-1]["unit"] == "s"
        t = time.perf_counter()
        with pytest.raises(ParseError, match="no progress for 2 s"):
            pool.parse(f, func=stalling, max_s=60)
        assert time.perf_counter() - t < 15
        with pytest.raises(ParseError, match="timed out after 3 s"):
            pool.parse(f, func=advancing, max_s=3)


# ---- end to end with the real models -------------------------------------------------------------------
FACTS = {  # query -> (file, question, words the answer must state)
    "cordless drill price": ("receipt.png", "How much did the cordless drill cost?", ["89.99"]),
    "sprint retro blocker": ("whiteboard.jpg", "What was the blocker in the sprint retro?", ["kestrel"]),
    "router admin password hint": ("router-settings.png", "What is the router admin password hint?", ["kettle"]),
    "insurance policy number": ("insurance-scan.pdf", "What is my insurance policy number?", ["zx-5512-q"]),
    "where is the spare key hidden": ("key-memo.wav", "Where is the spare key hidden?", ["flower"]),
    "plumber leaking kitchen tap": ("plumber-memo.flac", "When should I call the plumber about the tap?",
                                    ["friday"]),
    "book club novel lighthouse": ("book-club.ogg", "What novel did the book club pick?", ["lighthouse"]),
}


@pytest.fixture(scope="module")
def media_vault(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("media")
    vault = root / "vault"
    shutil.copytree(SAMPLE_VAULT, vault)
    att = vault / "attachments"
    att.mkdir(exist_ok=True)
    ms.receipt(["HARDWARE HAVEN", "Cordless drill 89.99", "Wood glue 4.50", "Total 94.49",
                "Thank you for shopping"]).save(att / "receipt.png")
    ms.with_exif_date(ms.whiteboard(["Sprint retro 12 March", "Blocker: Kestrel API rate limit",
                                     "Owner: Priya moves billing to Friday"]), att / "whiteboard.jpg",
                      "2024:03:12 16:05:00")
    ms.screenshot("Router settings", ["Wi-Fi network name: Marmot-Home-5G",
                                      "Admin password hint: the blue kettle", "Firmware version 4.2.19"]
                  ).save(att / "router-settings.png")
    ms.scanned_pdf(vault / "insurance-scan.pdf", [["Home insurance certificate",
                                                   "Policy number ZX-5512-Q", "Insurer: Aldermoor Mutual",
                                                   "Renewal date: 1 September"]])
    ms.voice_memo(vault / "key-memo.wav", "The spare key is hidden under the green flowerpot by the back door.")
    ms.voice_memo(vault / "plumber-memo.flac", "Remember to call the plumber about the leaking kitchen tap "
                                               "on Friday morning.")
    ms.voice_memo(vault / "book-club.ogg", "Our book club picked a novel about a lighthouse keeper for "
                                           "next month.")
    (vault / "Hardware run.md").write_text("# Hardware run\n\nBought supplies for the shelf.\n\n"
                                           "![[receipt.png]]\n\n![board](attachments/whiteboard.jpg)\n")
    (att / "corrupt.m4a").write_bytes(b"\x00\x00\x00\x18ftypM4A " + os.urandom(2000))
    (att / "bomb.png").write_bytes(_png_header_only(root / "b.png", 60_000, 60_000).read_bytes())
    return vault


@pytest.fixture(scope="module")
def media_home(media_vault: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("home")
    with Brain.open(home) as brain:
        events: list[tuple[str, dict]] = []
        report = brain.add([media_vault], progress=lambda e, **i: events.append((e, i)))
    assert any(e == "media" and i.get("unit") == "s" for e, i in events)  # transcription showed progress
    (home / "report.json").write_text(json.dumps(report.to_dict()))
    return home


def test_media_only_facts_are_found_and_answered_with_citations(media_home: Path):
    misses = []
    with Brain.open(media_home) as brain:
        for query, (name, question, must) in FACTS.items():
            hits = brain.search(query, 3)
            top = [Path(h.path).name for h in hits]
            if name not in top:
                misses.append(f"search {query!r}: {top}")
                continue
            hit = hits[top.index(name)]
            if name.endswith((".wav", ".flac", ".ogg")):
                assert hit.location.start_s is not None and hit.location.end_s > hit.location.start_s
            a = brain.ask(question)
            cited = [Path(c.path).name for c in a.citations]
            text = a.answer.lower().replace(" ", "")
            if a.abstained or name not in cited or not all(w.replace(" ", "") in text for w in must):
                misses.append(f"ask {question!r}: {a.answer!r} cites {cited}")
    assert not misses, misses


def test_bad_media_files_are_recorded_and_the_batch_goes_on(media_home: Path):
    with Brain.open(media_home) as brain:
        st = brain.status()
        reasons = {Path(f["path"]).name: f["reason"] for f in st["failures"]}
        assert "decompression bomb" in reasons["bomb.png"]
        assert "corrupt.m4a" in reasons
        assert st["parsers"]["image"] == 3 and st["parsers"]["audio"] == 3 and st["parsers"]["markdown"] >= 4


def test_embedded_images_are_linked_and_exif_dated(media_home: Path, media_vault: Path):
    with Brain.open(media_home) as brain:
        from memex.store import catalog
        note = brain.document(path=str(media_vault / "Hardware run.md"))
        out, _ = catalog.linked_documents(brain.conn, note["id"])
        assert {Path(d.path).name for d in out} >= {"receipt.png", "whiteboard.jpg"}
        board = brain.document(path=str(media_vault / "attachments" / "whiteboard.jpg"))
        assert board["date"] == "2024-03-12" and board["parser"] == "image"
        scan = brain.document(path=str(media_vault / "insurance-scan.pdf"))
        assert scan["metadata"]["ocr_pages"] == [1] and scan["chunks"][0]["page"] == 1


def test_resync_never_reruns_ocr_or_speech(media_home: Path, media_vault: Path, monkeypatch: pytest.MonkeyPatch):
    from memex.ingest import media_parsing
    calls: list[str] = []
    real = media_parsing.MediaParsing._in_media_worker
    monkeypatch.setattr(media_parsing.MediaParsing, "_in_media_worker",
                        lambda self, path, func: calls.append(path.name) or real(self, path, func))
    for name in ("key-memo.wav", "attachments/receipt.png", "insurance-scan.pdf"):
        p = media_vault / name
        os.utime(p, ns=(p.stat().st_atime_ns, p.stat().st_mtime_ns + 5_000_000_000))  # touched, same bytes
    with Brain.open(media_home) as brain:
        report = brain.sync()
        reasons = {Path(f["path"]).name: f["reason"] for f in brain.status()["failures"]}
    assert calls == [], calls  # neither the indexed files nor the ones that failed are parsed again
    assert report.updated == 0 and report.added == 0
    assert "decompression bomb" in reasons["bomb.png"] and "corrupt.m4a" in reasons  # still shown


def _memex(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "memex.interfaces.cli", *args], capture_output=True, text=True,
                          timeout=300, env={**os.environ, "COLUMNS": "200"})


def test_cli_shows_where_in_the_recording(media_home: Path):
    r = _memex("search", "--home", str(media_home), "spare key flowerpot", "-k", "1")
    assert r.returncode == 0 and "key-memo.wav at 00:0" in r.stdout, r.stdout + r.stderr
    r = _memex("search", "--home", str(media_home), "spare key flowerpot", "-k", "1", "--json")
    loc = json.loads(r.stdout)[0]["location"]
    assert loc["start_s"] >= 0 and loc["end_s"] > loc["start_s"]


def test_audio_formats_decode(tmp_path: Path):
    from memex.media.audio import decode_all, probe
    samples, rate = ms.speak("one two three")
    for ext in (".wav", ".flac", ".ogg", ".mp3", ".m4a", ".webm"):
        f = ms.write_audio(tmp_path / f"a{ext}", samples, rate)
        pcm = decode_all(f)
        assert abs(len(pcm) / 16000 - len(samples) / rate) < 0.2, ext
        assert probe(f).duration_s and np.abs(pcm).max() > 0.05


def test_the_audio_track_of_a_video_is_transcribed(tmp_path: Path):
    # Indexed as a user would (`memex add` in its own process, the media worker decoding the MP4): the
    # spoken words of a screen recording are found, with where in the recording they are said.
    vault = tmp_path / "vault"
    vault.mkdir()
    ms.video_with_speech(vault / "standup.mp4", "The new office door code is four four seven one.")
    home = tmp_path / "home"
    home.mkdir()
    (home / "config.toml").write_text('embedder = "hash:384"\n')
    r = _memex("add", "--home", str(home), str(vault))
    assert r.returncode == 0, r.stdout + r.stderr
    r = _memex("search", "--home", str(home), "office door code", "-k", "1", "--json")
    hit = json.loads(r.stdout)[0]
    assert hit["path"].endswith("standup.mp4") and "door code" in hit["text"].lower(), hit
    assert hit["location"]["start_s"] is not None and hit["location"]["end_s"] > hit["location"]["start_s"]


def test_heic_photo_is_read(tmp_path: Path):
    """HEIC (iPhone photos) decodes with pi-heif; the fixture was encoded once with pillow-heif (8 KB)."""
    doc = parse_file(Path(__file__).parent / "fixtures" / "media" / "locker.heic")
    assert "Locker code 5521" in doc.blocks[0].text and doc.metadata["format"] == "HEIF"


def test_image_formats_are_read(tmp_path: Path):
    img = ms.text_image(["Parcel locker 7720"], size=32, width=520)
    frames = [img, ms.text_image(["Second page 4410"], size=32, width=520)]
    img.save(tmp_path / "a.webp", quality=90)
    img.save(tmp_path / "a.bmp")
    img.save(tmp_path / "a.gif")
    frames[0].save(tmp_path / "a.tiff", save_all=True, append_images=frames[1:])
    for name in ("a.webp", "a.bmp", "a.gif"):
        assert "7720" in parse_file(tmp_path / name).blocks[0].text, name
    tiff = parse_file(tmp_path / "a.tiff")
    assert [(b.page, "7720" in b.text or "4410" in b.text) for b in tiff.blocks] == [(1, True), (2, True)]
