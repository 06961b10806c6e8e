"""Recordings (WAV, MP3, M4A/AAC, OGG/Opus, FLAC, WebM, the audio of MP4): a timed transcript.

Each block is a stretch of speech of ~15-30 s (split at pauses and sentence ends), carrying start_s/end_s;
the chunker keeps each one a chunk of its own, so search hits and citations say where in the recording a
passage is spoken, to within half a minute.
"""
from __future__ import annotations

from pathlib import Path

from memex.domain import Block, ParsedDoc
from memex.errors import ParseError
from memex.ingest.parsers.front_matter import iso_date
from memex.ingest.parsers.plain_text import date_from_name
from memex.ingest.sandbox import report_progress
from memex.media import MediaOptions
from memex.media.audio import SAMPLE_RATE, probe, windows
from memex.media.speech import Segment, SpeechUnavailable, get_stt

BLOCK_MAX_S = 30.0
"""A block ends at the first sentence end after BLOCK_SENTENCE_S, or at BLOCK_MAX_S, or at a pause."""
BLOCK_SENTENCE_S = 15.0
PAUSE_S = 2.0


def parse_audio(path: Path, options: MediaOptions | None = None) -> ParsedDoc:
    """Transcribe a recording window by window, reporting progress in seconds of audio."""
    opts = options or MediaOptions()
    info = probe(path)
    total = info.duration_s
    report_progress(done=0.0, total=total, unit="s", stage="loading speech model")
    try:
        stt = get_stt(opts.stt, opts.threads)
    except SpeechUnavailable as e:
        raise ParseError(f"not indexed: {e}") from None
    segments: list[Segment] = []
    language = opts.language
    heard = 0.0
    for start, samples in windows(path):
        found, detected = stt.transcribe(samples, start, language)
        before = len(segments)
        for seg in found:
            segments.append(seg)
            report_progress(done=seg.end_s, total=total, unit="s", stage="transcribing")
        if len(segments) > before:
            language = detected  # detected once on speech, then kept for the later windows
        heard = start + len(samples) / SAMPLE_RATE
        report_progress(done=heard, total=total, unit="s", stage="transcribing")
    meta: dict = {"kind": "audio", "duration_s": round(total if total is not None else heard, 2),
                  "codec": info.codec, "stt": stt.name}
    if language or opts.language:
        meta["language"] = language or opts.language
    captured = iso_date(info.tags.get("creation_time", "")[:10]) or iso_date(info.tags.get("date", "")[:10])
    if captured:
        meta["captured"] = captured  # the recording's own date tag (ingest/dates.note_date)
    when = captured or date_from_name(path)
    if when:
        meta["date"] = when
    title = " ".join(info.tags.get("title", "").split())[:200] or path.stem
    if not segments:
        raise ParseError("no speech found in recording")
    return ParsedDoc(blocks=blocks_of(segments), title=title, parser="audio", metadata=meta)


def blocks_of(segments: list[Segment]) -> list[Block]:
    """Group timed segments into blocks of a few sentences, split at pauses."""
    blocks: list[Block] = []
    run: list[Segment] = []

    def close() -> None:
        if run:
            blocks.append(Block(text=" ".join(s.text for s in run), start_s=round(run[0].start_s, 2),
                                end_s=round(run[-1].end_s, 2), kind="speech"))
            run.clear()

    for seg in segments:
        if run:
            span = seg.end_s - run[0].start_s
            ended = run[-1].text.rstrip().endswith((".", "?", "!"))
            if (seg.start_s - run[-1].end_s >= PAUSE_S or span > BLOCK_MAX_S
                    or (ended and run[-1].end_s - run[0].start_s >= BLOCK_SENTENCE_S)):
                close()
        run.append(seg)
    close()
    return blocks
