"""Media benchmark: OCR word accuracy per engine and degradation, seconds per image and per scanned page,
speech-to-text WER and real-time factor per Whisper model, and the voice round trip (spoken question ->
transcript -> extractive answer -> spoken answer), all on generated media (tests/media_samples.py).

    .venv/bin/python bench/media.py [--quick] [--threads 2] [--json out.json]

Prints Markdown tables (pasted into docs/benchmarks.md, "Media"). Runs every engine on the same inputs in
the same process, so ratios between engines hold even when the machine is busy; absolute seconds do not.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

import media_samples as ms  # noqa: E402

from memex.media.ocr import get_ocr, paragraphs  # noqa: E402

TEXTS = [
    ["Quarterly planning notes", "Revenue target for the north region is 2.4 million",
     "Hiring freeze lifted for the platform team", "Next review on Thursday at 10:30"],
    ["Receipt 0042 Corner Bakery", "Sourdough loaf 5.50", "Cinnamon roll x2 7.00", "Total 12.50 paid by card"],
    ["Meeting with Dr. Okafor about the lab results", "Vitamin D level was low at 18 ng/mL",
     "Start 2000 IU daily and retest in March"],
    ["Packing list for the Lisbon trip", "Passport, charger, rain jacket",
     "Hotel Alfama booking reference QX7731", "Flight departs 07:45 from gate B12"],
    ["Recipe: lentil soup", "Two cups red lentils, one onion, three cloves garlic",
     "Simmer for 25 minutes, add cumin and lemon"],
    ["Router settings", "Network name: Marmot-Home-5G", "Channel 36, WPA3 only", "Firmware 4.2.19 installed May 2"],
]
KINDS = ["clean", "rotated", "blurred", "low-contrast", "photo"]
SENTENCES = [
    "The spare key is hidden under the green flowerpot by the back door.",
    "Remember to call the plumber about the leaking kitchen tap on Friday morning.",
    "Our book club picked a novel about a lighthouse keeper for next month.",
    "The garden centre sells the blue hydrangeas near the main entrance.",
    "Ask the landlord whether the parking space comes with the apartment.",
    "The conference keynote was about privacy in personal knowledge tools.",
    "My sister prefers the quiet campsite beside the river to the busy one.",
    "Pick up the dry cleaning and buy fresh basil on the way home.",
]
QUESTION = "Where did I hide the spare key for the back door?"
_WORD = re.compile(r"[a-z0-9]+(?:[.:/-][a-z0-9]+)*")


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower().replace("flower pot", "flowerpot"))


def wer(ref: list[str], hyp: list[str]) -> float:
    """Word error rate: (substitutions + deletions + insertions) / reference words."""
    d = list(range(len(hyp) + 1))
    for i, r in enumerate(ref, 1):
        prev, d[0] = d[0], i
        for j, h in enumerate(hyp, 1):
            cur = min(d[j] + 1, d[j - 1] + 1, prev + (r != h))
            prev, d[j] = d[j], cur
    return d[len(hyp)] / max(1, len(ref))


def median(xs: list[float]) -> float:
    return statistics.median(xs) if xs else float("nan")


def bench_ocr(engines: list[str], threads: int, quick: bool) -> dict:
    texts = TEXTS[:3] if quick else TEXTS
    out: dict = {}
    for spec in engines:
        try:
            eng = get_ocr(spec, threads)
        except Exception as e:  # noqa: BLE001 - an engine that is not installed is reported, not fatal
            print(f"  {spec}: unavailable ({e})", file=sys.stderr)
            continue
        eng.read(ms.text_image(["warm up"]))
        for kind in KINDS:
            accs, secs = [], []
            for i, lines in enumerate(texts):
                img = ms.degrade(ms.text_image(lines), kind, seed=i)
                t = time.perf_counter()
                got = "\n".join(paragraphs(eng.read(img)))
                secs.append(time.perf_counter() - t)
                accs.append(1 - wer(words(" ".join(lines)), words(got)))
            out[(spec, kind)] = (statistics.fmean(accs), median(secs))
        # One scanned A4 page at 200 dpi, ~30 lines: seconds per page.
        page = ms.text_image([" ".join(t) for t in (texts * 5)][:30], size=34, width=1654, margin=120)
        t = time.perf_counter()
        eng.read(page)
        out[(spec, "page")] = time.perf_counter() - t
    return out


OCR_SIZES = {
    "RapidOCR's own (det min 736)": {"Det.limit_type": "min", "Det.limit_side_len": 736},
    "det max 1280": {"Det.limit_type": "max", "Det.limit_side_len": 1280},
    "det max 1600 (Memex default)": {},
    "det max 960": {"Det.limit_type": "max", "Det.limit_side_len": 960},
}
"""RapidOCR resize settings compared on full-size inputs (RapidOCR first shrinks an image to a long side of
2000 px, then the detector resizes it: `min 736` upscales small images so their short side is 736 px, `max N` shrinks
large ones so their long side is N px). Recognition always works on 48 px high line crops."""


def ocr_size_inputs(quick: bool) -> list[tuple[str, object, str]]:
    """(kind, image, text): full A4 pages scanned at 200 dpi, and 12 MP phone photos of a page and a board."""
    out: list[tuple[str, object, str]] = []
    for seed in range(1 if quick else 2):
        page, text = ms.a4_scan(ms.prose(14, seed=seed), dpi=200, seed=seed)
        out.append(("A4 scan 200 dpi", page, text))
    small_page, text = ms.a4_scan(ms.prose(6, seed=7), dpi=150, point_size=12, seed=7)
    out.append(("phone photo of a page (12 MP)", ms.phone_photo(small_page, (3000, 4000), 0.85, seed=7), text))
    board_lines = ["Sprint 14 retro", "Keep: pairing on the billing bugs", "Drop: Friday deploys",
                   "Try: one demo per team", "Owner Marta, due 3 June"]
    out.append(("phone photo of a whiteboard (12 MP)", ms.phone_photo(ms.board(board_lines), (4000, 3000), 0.7,
                                                                        seed=8), "\n".join(board_lines)))
    return out


def bench_ocr_sizes(threads: int, quick: bool) -> dict:
    """Word accuracy and seconds per image of each RapidOCR resize setting, on full-size pages and photos,
    and on the small degraded images of bench_ocr (a setting must not lose those)."""
    from memex.media.ocr_rapid import RapidOcr

    inputs = ocr_size_inputs(quick)
    small = [(kind, ms.degrade(ms.text_image(lines), kind, seed=i), "\n".join(lines))
             for kind in KINDS for i, lines in enumerate(TEXTS[:3] if quick else TEXTS)]
    out: dict = {}
    for name, params in OCR_SIZES.items():
        eng = RapidOcr(threads, params)
        eng.read(ms.text_image(["warm up"]))
        for kind, img, text in inputs:
            t = time.perf_counter()
            got = "\n".join(paragraphs(eng.read(img)))
            secs = time.perf_counter() - t
            out.setdefault((name, kind), []).append((1 - wer(words(text), words(got)), secs))
        for _kind, img, text in small:
            t = time.perf_counter()
            got = "\n".join(paragraphs(eng.read(img)))
            secs = time.perf_counter() - t
            out.setdefault((name, "small images (30, 5 degradations)"), []).append(
                (1 - wer(words(text), words(got)), secs))
    return {k: (statistics.fmean(a for a, _ in v), median([s for _, s in v])) for k, v in out.items()}


def bench_stt(models: list[str], threads: int, quick: bool) -> dict:
    from memex.media.audio import decode_all
    from memex.media.speech import get_stt

    sents = SENTENCES[:4] if quick else SENTENCES
    tmp = Path(tempfile.mkdtemp())
    clips = []
    for i, s in enumerate(sents):
        ext = [".wav", ".flac", ".ogg", ".mp3"][i % 4]
        clips.append((s, decode_all(ms.voice_memo(tmp / f"s{i}{ext}", s))))
    out: dict = {}
    for spec in models:
        beam = None
        if "@beam" in spec:
            spec, beam = spec.split("@beam")
        try:
            t = time.perf_counter()
            stt = get_stt(spec, threads)
            load = time.perf_counter() - t
        except Exception as e:  # noqa: BLE001
            print(f"  {spec}: unavailable ({e})", file=sys.stderr)
            continue
        import memex.media.stt_whisper as sw
        old = sw.BEAM_SIZE
        sw.BEAM_SIZE = int(beam) if beam else old
        refs, hyps, audio_s, compute_s = [], [], 0.0, 0.0
        for text, samples in clips:
            t = time.perf_counter()
            segs, _lang = stt.transcribe(samples, 0.0, "en")
            got = " ".join(s.text for s in segs)
            compute_s += time.perf_counter() - t
            audio_s += len(samples) / 16000
            refs += words(text)
            hyps += words(got)
        sw.BEAM_SIZE = old
        name = spec + (f" beam {beam}" if beam else f" beam {old}")
        out[name] = {"wer": wer(refs, hyps), "rtf": compute_s / audio_s, "load_s": load, "audio_s": audio_s}
    shutil.rmtree(tmp, ignore_errors=True)
    return out


def bench_voice(threads: int, runs: int) -> dict:
    """Spoken question -> transcript -> extractive answer -> spoken answer, warm models, p50 of `runs`."""
    from memex.app import Brain
    from memex.media.voice import Voice

    tmp = Path(tempfile.mkdtemp())
    vault = tmp / "vault"
    shutil.copytree(REPO / "examples" / "sample-vault", vault)
    ms.voice_memo(vault / "key-memo.wav", SENTENCES[0])
    q = tmp / "q.wav"
    samples, rate = ms.speak(QUESTION)
    ms.write_audio(q, samples, rate)
    q_s = len(samples) / rate
    out: dict = {"question_s": q_s}
    with Brain.open(tmp / "home", media_threads=threads) as brain:
        brain.add([vault])
        v = Voice(brain.settings)
        t = time.perf_counter()
        first = v.ask(q, brain.ask)
        out["cold_s"] = time.perf_counter() - t
        out["transcript"] = first.transcript.text
        out["answer"] = first.answer.answer
        out["cited"] = [c.path.rsplit("/", 1)[-1] for c in first.answer.citations]
        totals, parts = [], {"transcribe": [], "answer": [], "speak": []}
        for _ in range(runs):
            r = v.ask(q, brain.ask)
            totals.append(r.seconds["total"])
            for k in parts:
                parts[k].append(r.seconds[k])
        v.close()
    out["p50_s"] = median(totals)
    out["p90_s"] = sorted(totals)[int(0.9 * (len(totals) - 1))]
    out.update({f"{k}_p50_s": median(x) for k, x in parts.items()})
    shutil.rmtree(tmp, ignore_errors=True)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="fewer samples (a smoke run)")
    ap.add_argument("--threads", type=int, default=2, help="CPU threads for OCR and STT (default 2)")
    ap.add_argument("--voice-runs", type=int, default=10)
    ap.add_argument("--skip", default="", help="comma list of ocr,ocr-size,stt,voice to skip")
    ap.add_argument("--json", type=Path, help="also write the numbers here")
    args = ap.parse_args()
    skip = set(filter(None, args.skip.split(",")))
    print(f"# Media benchmark ({os.cpu_count()} cores, {args.threads} threads; load average "
          f"{os.getloadavg()[0]:.1f} at start)\n")
    result: dict = {}
    if "ocr" not in skip:
        engines = ["rapidocr"] + (["tesseract"] if shutil.which("tesseract") else [])
        ocr = bench_ocr(engines, args.threads, args.quick)
        print("## OCR word accuracy (1 - WER) and median seconds per image\n")
        print("| engine | " + " | ".join(KINDS) + " | s/image (clean) | s/page (A4, 200 dpi) |")
        print("|---|" + "---|" * (len(KINDS) + 2))
        for spec in engines:
            if (spec, "clean") not in ocr:
                continue
            cells = [f"{ocr[(spec, k)][0]:.3f}" for k in KINDS]
            print(f"| {spec} | " + " | ".join(cells) + f" | {ocr[(spec, 'clean')][1]:.2f} | {ocr[(spec, 'page')]:.2f} |")
        result["ocr"] = {f"{a}/{b}": v for (a, b), v in ocr.items()}
        print()
    if "ocr-size" not in skip:
        sizes = bench_ocr_sizes(args.threads, args.quick)
        kinds = list(dict.fromkeys(k for _, k in sizes))
        print("## RapidOCR resize settings: word accuracy (1 - WER) / median seconds per image\n")
        print("| setting | " + " | ".join(kinds) + " |")
        print("|---|" + "---|" * len(kinds))
        for name in OCR_SIZES:
            print(f"| {name} | " + " | ".join(f"{sizes[(name, k)][0]:.3f} / {sizes[(name, k)][1]:.2f} s"
                                             for k in kinds) + " |")
        result["ocr_sizes"] = {f"{a}/{b}": v for (a, b), v in sizes.items()}
        print()
    if "stt" not in skip:
        stt = bench_stt(["whisper:tiny.en", "whisper:base", "whisper:base@beam5"], args.threads, args.quick)
        print("## Speech-to-text (eSpeak NG voice at 130 wpm; WAV, FLAC, OGG/Opus, MP3)\n")
        print("| model | WER | real-time factor | model load s |")
        print("|---|---|---|---|")
        for name, r in stt.items():
            print(f"| {name} | {r['wer']:.3f} | {r['rtf']:.3f} | {r['load_s']:.2f} |")
        result["stt"] = stt
        print()
    if "voice" not in skip:
        vr = bench_voice(args.threads, args.voice_runs)
        print(f"## Voice round trip ({vr['question_s']:.1f} s spoken question, default models, warm)\n")
        print("| p50 s | p90 s | transcribe p50 | answer p50 | speak p50 | cold (first) s |")
        print("|---|---|---|---|---|---|")
        print(f"| {vr['p50_s']:.2f} | {vr['p90_s']:.2f} | {vr['transcribe_p50_s']:.2f} | {vr['answer_p50_s']:.2f} "
              f"| {vr['speak_p50_s']:.3f} | {vr['cold_s']:.2f} |")
        print(f"\ntranscript: {vr['transcript']!r}\nanswer: {vr['answer']!r}\ncited: {vr['cited']}")
        result["voice"] = vr
    if args.json:
        args.json.write_text(json.dumps(result, indent=2, default=str))


if __name__ == "__main__":
    np.seterr(all="ignore")
    main()
