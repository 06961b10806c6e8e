"""Speech commands: `memex voice` (ask by voice, hear the answer) and `memex transcribe FILE`."""
from __future__ import annotations

from pathlib import Path

import click
from rich.console import Console
from rich.markup import escape

from memex.domain import Answer
from memex.errors import MemexError
from memex.interfaces.cli.main import cli, handle_errors, home_options, open_brain, print_json
from memex.interfaces.cli.output import print_sources


@cli.command()
@click.option("--file", "audio_file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="A recorded question (WAV, MP3, M4A, OGG, FLAC, WebM) instead of the microphone.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the spoken answer to this WAV file instead of playing it.")
@click.option("--no-speak", is_flag=True, help="Print the answer only.")
@click.option("--json", "as_json", is_flag=True, help="Print transcript, answer and citations as JSON.")
@click.option("--llm", help='Answer model, e.g. "extractive" (default), "ollama:qwen2.5:1.5b".')
@click.option("--stt", help='Speech model, e.g. "whisper:base" (default) or "whisper:tiny.en".')
@click.option("--thread", "thread_id", metavar="ID|new",
              help="Save the question and answer to this conversation thread (`new` starts one); follow-ups "
                   "are read in its light, as in `memex chat --thread`.")
@home_options
@click.pass_context
@handle_errors
def voice(ctx: click.Context, audio_file: Path | None, out: Path | None, no_speak: bool, as_json: bool,
          llm: str | None, stt: str | None, thread_id: str | None, home: Path | None,
          config_file: Path | None) -> None:
    """Ask your notes by voice: push-to-talk (or --file), see the transcript and answer, hear it spoken."""
    from memex.media.voice import Voice
    from memex.store import threads

    overrides = {k: v for k, v in (("llm", llm), ("stt", stt)) if v}
    console = Console(stderr=as_json)
    with open_brain(ctx, home, config_file, **overrides) as brain:
        if thread_id and thread_id != "new":
            threads.require_thread(brain.conn, thread_id)

        def answer(question: str) -> Answer:
            nonlocal thread_id
            if thread_id == "new":  # only once a question was heard: no empty thread from a silent recording
                thread_id = threads.create_thread(brain.conn)
            return brain.ask(question, origin="voice", **({"thread": thread_id} if thread_id else {}))

        v = Voice(brain.settings)
        try:
            if audio_file is None:
                from memex.media.microphone import record_push_to_talk
                audio: bytes | Path = record_push_to_talk(
                    lambda: click.prompt("Press Enter, then ask your question", default="", show_default=False,
                                         prompt_suffix="", err=True),
                    lambda: click.prompt("Recording… press Enter when done", default="", show_default=False,
                                         prompt_suffix="", err=True))
            else:
                audio = audio_file
            with console.status("Listening…"):
                reply = v.ask(audio, answer, suffix=audio_file.suffix if audio_file else ".wav",
                              speak=not no_speak)
        finally:
            v.close()
    if as_json:
        print_json({**reply.to_dict(), "thread_id": thread_id})
    else:
        console.print(f"[bold]You said:[/] {escape(reply.transcript.text)}", highlight=False)
        console.print(escape(reply.answer.answer), highlight=False)
        if reply.answer.citations:
            console.print()
        print_sources(reply.answer, console)
        if thread_id:
            console.print(f"[dim]Saved to thread {thread_id} (memex voice --thread {thread_id} to follow up)[/]")
    if reply.audio is None:
        return
    if out is not None:
        out.write_bytes(reply.audio)
        if not as_json:
            console.print(f"[dim]Spoken answer written to {escape(str(out))}[/]")
    elif not as_json:
        from memex.media.microphone import play_wav
        try:
            play_wav(reply.audio)
        except MemexError as e:
            console.print(f"[yellow]{escape(str(e))}[/]")


@cli.command()
@click.argument("audio_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print text, language and timed segments as JSON.")
@click.option("--stt", help='Speech model, e.g. "whisper:base" (default) or "whisper:tiny.en".')
@home_options
@click.pass_context
@handle_errors
def transcribe(ctx: click.Context, audio_file: Path, as_json: bool, stt: str | None, home: Path | None,
               config_file: Path | None) -> None:
    """Transcribe a short recording (up to 2 minutes) with timestamps, without indexing it."""
    from memex.media.timecode import span
    from memex.media.voice import Voice

    with open_brain(ctx, home, config_file, **({"stt": stt} if stt else {})) as brain:
        v = Voice(brain.settings)
        try:
            t = v.transcribe(audio_file, audio_file.suffix)
        finally:
            v.close()
    if as_json:
        print_json(t.to_dict())
        return
    for s in t.segments:
        click.echo(f"[{span(s.start_s, s.end_s)}] {s.text}")
