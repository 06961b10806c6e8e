"""Synthetic media for tests and bench/media.py: receipts, whiteboard photos, screenshots, scans, voice memos.

Everything is generated (Pillow's bundled font, eSpeak NG speech, PyAV encoders), so the files are small,
deterministic and free of licensing questions. The degradations mimic what OCR meets in real notes:
rotation, blur, low contrast, a perspective-skewed noisy photo; speech is a robotic voice, harder for
Whisper than a person (so accuracy here is a lower bound).
"""
from __future__ import annotations

import functools
import io
import random
import subprocess
import sys
from fractions import Fraction
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont


def font(size: int) -> ImageFont.FreeTypeFont:
    """Pillow's bundled scalable font: the same on every machine."""
    return ImageFont.load_default(size=size)


def text_image(lines: list[str], *, size: int = 28, width: int = 900, bg: object = "white",
               fg: object = "black", margin: int = 40, spacing: float = 1.7) -> Image.Image:
    """Plain lines of text on a page."""
    f = font(size)
    height = int(2 * margin + len(lines) * size * spacing)
    img = Image.new("RGB", (width, height), bg)
    d = ImageDraw.Draw(img)
    for i, line in enumerate(lines):
        d.text((margin, margin + i * size * spacing), line, fill=fg, font=f)
    return img


def degrade(img: Image.Image, kind: str, seed: int = 0) -> Image.Image:
    """clean | rotated (5 degrees) | blurred | low-contrast | photo (skew, shading, noise, JPEG)."""
    if kind == "clean":
        return img
    if kind == "rotated":
        return img.rotate(5, expand=True, fillcolor="white", resample=Image.BICUBIC)
    if kind == "blurred":
        return img.filter(ImageFilter.GaussianBlur(1.6))
    if kind == "low-contrast":
        arr = np.asarray(img.convert("L"), dtype=np.float32)
        arr = 150 + (arr / 255.0) * 60  # text at 150, paper at 210
        return Image.fromarray(arr.astype(np.uint8)).convert("RGB")
    if kind == "photo":
        return photo(img, seed)
    raise ValueError(kind)


def photo(img: Image.Image, seed: int = 0) -> Image.Image:
    """A phone photo of a page or board: perspective, uneven light, sensor noise, slight blur, JPEG."""
    rng = np.random.default_rng(seed)
    w, h = img.size
    pad = int(0.08 * w)
    canvas = Image.new("RGB", (w + 2 * pad, h + 2 * pad), (95, 90, 85))
    canvas.paste(img, (pad, pad))
    W, H = canvas.size
    dx, dy = 0.04 * W, 0.05 * H
    quad = (dx, dy * 0.5, 0, H - dy, W, H, W - dx * 0.6, 0)  # source corners: a tilted sheet
    canvas = canvas.transform((W, H), Image.QUAD, quad, resample=Image.BICUBIC)
    arr = np.asarray(canvas, dtype=np.float32)
    yy, xx = np.mgrid[0:H, 0:W]
    light = 0.78 + 0.22 * (1 - ((xx / W - 0.3) ** 2 + (yy / H - 0.2) ** 2))
    arr = arr * light[..., None] + rng.normal(0, 7, arr.shape)
    out = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(0.7))
    buf = io.BytesIO()
    out.save(buf, format="JPEG", quality=72)
    return Image.open(io.BytesIO(buf.getvalue())).convert("RGB")


def receipt(lines: list[str]) -> Image.Image:
    """A narrow till receipt."""
    return text_image(lines, size=26, width=620, bg=(250, 248, 240), fg=(40, 40, 40), spacing=1.6)


def whiteboard(lines: list[str], seed: int = 1) -> Image.Image:
    """Marker on a whiteboard, photographed."""
    f = font(44)
    img = Image.new("RGB", (1400, 120 + 90 * len(lines)), (236, 240, 242))
    d = ImageDraw.Draw(img)
    colors = [(20, 60, 160), (170, 30, 30), (20, 110, 50)]
    for i, line in enumerate(lines):
        d.text((70, 60 + i * 90), line, fill=colors[i % 3], font=f)
    return photo(img.rotate(-2, expand=False, fillcolor=(236, 240, 242), resample=Image.BICUBIC), seed)


def screenshot(title: str, lines: list[str]) -> Image.Image:
    """An app window: title bar, sidebar, body text, a button."""
    img = Image.new("RGB", (1280, 720), (255, 255, 255))
    d = ImageDraw.Draw(img)
    d.rectangle((0, 0, 1280, 44), fill=(52, 58, 64))
    d.text((20, 10), title, fill=(240, 240, 240), font=font(22))
    d.rectangle((0, 44, 230, 720), fill=(241, 243, 245))
    for i, item in enumerate(["Inbox", "Projects", "Settings"]):
        d.text((24, 70 + 40 * i), item, fill=(90, 90, 90), font=font(20))
    for i, line in enumerate(lines):
        d.text((270, 80 + 44 * i), line, fill=(33, 37, 41), font=font(24))
    d.rounded_rectangle((270, 620, 430, 664), radius=8, fill=(13, 110, 253))
    d.text((300, 630), "Save", fill="white", font=font(22))
    return img


def scanned_pdf(path: Path, pages: list[list[str]], seed: int = 3) -> Path:
    """An image-only PDF (no text layer), as a flatbed scanner at 150 dpi makes it."""
    rng = random.Random(seed)
    images = []
    for lines in pages:
        page = Image.new("L", (1240, 1754), 250)
        d = ImageDraw.Draw(page)
        for i, line in enumerate(lines):
            d.text((120, 150 + i * 60), line, fill=20, font=font(30))
        page = page.rotate(rng.uniform(-1.0, 1.0), fillcolor=250, resample=Image.BICUBIC)
        arr = np.asarray(page, dtype=np.float32) + np.random.default_rng(seed).normal(0, 6, (1754, 1240))
        images.append(Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8)))
    images[0].save(path, format="PDF", resolution=150, save_all=True, append_images=images[1:])
    return path


def with_exif_date(img: Image.Image, path: Path, when: str) -> Path:
    """Save as JPEG with EXIF DateTimeOriginal ("2024:03:05 10:31:00")."""
    exif = Image.Exif()
    exif[306] = when
    exif.get_ifd(0x8769)[36867] = when
    img.save(path, format="JPEG", quality=90, exif=exif)
    return path


DICTATION_WPM = 130
"""People dictating a memo speak slower than eSpeak's default 175 words a minute."""


_SPEAK_FRESH = """
import sys
import numpy as np
from memex.media.tts_espeak import EspeakTts
samples, rate = EspeakTts(sys.argv[2], int(sys.argv[3])).synthesize(sys.argv[1])
sys.stdout.buffer.write(int(rate).to_bytes(4, "little") + samples.astype("<i2").tobytes())
"""


@functools.lru_cache(maxsize=64)
def _spoken(text: str, voice: str, wpm: int) -> tuple[bytes, int]:
    # eSpeak NG keeps state between sentences in one process (the same text gives other samples after
    # other speech), so each test sentence is spoken by a fresh process: the same audio whatever ran before.
    out = subprocess.run([sys.executable, "-c", _SPEAK_FRESH, text, voice, str(wpm)],
                         capture_output=True, check=True, timeout=120).stdout
    return out[4:], int.from_bytes(out[:4], "little")


def speak(text: str, voice: str = "en-us", wpm: int = DICTATION_WPM) -> tuple[np.ndarray, int]:
    """int16 samples of `text` spoken by eSpeak NG (the engine Memex itself uses for answers)."""
    raw, rate = _spoken(text, voice, wpm)
    samples = np.frombuffer(raw, dtype="<i2").astype(np.int16)
    pause = np.zeros(int(0.4 * rate), dtype=np.int16)
    return np.concatenate([pause, samples, pause]), rate


def write_audio(path: Path, samples: np.ndarray, rate: int) -> Path:
    """Encode by extension: .wav, .flac, .ogg/.opus (Opus), .mp3, .m4a (AAC), .webm (Opus)."""
    import av

    ext = path.suffix.lower()
    if ext == ".wav":
        from memex.media.audio import wav_bytes
        path.write_bytes(wav_bytes(samples, rate))
        return path
    codec, fmt, out_rate = {".flac": ("flac", "flac", rate), ".ogg": ("libopus", "ogg", 48000),
                            ".opus": ("libopus", "ogg", 48000), ".mp3": ("libmp3lame", "mp3", 44100),
                            ".m4a": ("aac", "mp4", 44100), ".webm": ("libopus", "webm", 48000)}[ext]
    with av.open(str(path), "w", format=fmt) as out:
        stream = out.add_stream(codec, rate=out_rate)
        stream.layout = "mono"
        _mux_audio(out, stream, samples, rate, out_rate)
    return path


def _mux_audio(out, stream, samples: np.ndarray, rate: int, out_rate: int) -> None:  # type: ignore[no-untyped-def]
    """Resample int16 mono `samples` to a mono stream's format and rate, encode and mux them, then flush."""
    import av

    frame = av.AudioFrame.from_ndarray(samples.reshape(1, -1).astype(np.int16), format="s16", layout="mono")
    frame.sample_rate = rate
    frame.time_base = Fraction(1, rate)
    resampler = av.AudioResampler(format=stream.codec_context.format.name, layout="mono", rate=out_rate)
    for f in resampler.resample(frame) + resampler.resample(None):
        for packet in stream.encode(f):
            out.mux(packet)
    for packet in stream.encode(None):
        out.mux(packet)


def resample(samples: np.ndarray, rate: int, out_rate: int) -> np.ndarray:
    """int16 mono samples at `out_rate` (PyAV's resampler, band-limited)."""
    import av

    frame = av.AudioFrame.from_ndarray(samples.reshape(1, -1).astype(np.int16), format="s16", layout="mono")
    frame.sample_rate = rate
    frame.time_base = Fraction(1, rate)
    resampler = av.AudioResampler(format="s16", layout="mono", rate=out_rate)
    return np.concatenate([f.to_ndarray().reshape(-1) for f in resampler.resample(frame) + resampler.resample(None)])


def voice_memo(path: Path, text: str) -> Path:
    """`text` spoken and saved in the format of `path`'s extension."""
    samples, rate = speak(text)
    return write_audio(path, samples, rate)


# ---- realistic sizes: a full scanned page, phone photos (bench/media.py's OCR size study) -------------
def prose(paragraphs: int = 12, seed: int = 0) -> list[str]:
    """Paragraphs of plain English prose from the sample vault's notes (Markdown marks stripped)."""
    import re

    root = Path(__file__).resolve().parents[1] / "examples" / "sample-vault"
    sentences: list[str] = []
    for p in sorted(root.rglob("*.md")):
        body = p.read_text(encoding="utf-8").split("\n---\n", 1)[-1]
        body = re.sub(r"\[\[([^\]|]+\|)?([^\]]+)\]\]", r"\2", body)
        body = re.sub(r"[*_`#>\[\]]|^\s*[-|].*?(?=\w)", "", body, flags=re.M)
        body = body.replace("\u2014", "-").replace("\u2013", "-").encode("ascii", "ignore").decode()
        sentences += [s.strip() for s in re.split(r"(?<=[.!?])\s+", " ".join(body.split())) if len(s.split()) >= 5]
    rng = random.Random(seed)
    out = []
    for _ in range(paragraphs):
        out.append(" ".join(rng.sample(sentences, 4)))
    return out


def a4_scan(paragraphs: list[str], dpi: int = 200, point_size: float = 11, seed: int = 0) -> tuple[Image.Image, str]:
    """A printed A4 page of body text, scanned at `dpi` (slight skew, paper noise); and the text on it."""
    w, h = int(8.27 * dpi), int(11.69 * dpi)
    margin = int(0.9 * dpi)
    size = round(point_size * dpi / 72)
    f = font(size)
    page = Image.new("L", (w, h), 248)
    d = ImageDraw.Draw(page)
    y, drawn = margin, []
    line_h = int(size * 1.45)
    for para in paragraphs:
        line: list[str] = []
        for word in para.split():
            if line and d.textlength(" ".join([*line, word]), font=f) > w - 2 * margin:
                if y + line_h > h - margin:
                    break
                d.text((margin, y), " ".join(line), fill=25, font=f)
                drawn.append(" ".join(line))
                y += line_h
                line = []
            line.append(word)
        if line and y + line_h <= h - margin:
            d.text((margin, y), " ".join(line), fill=25, font=f)
            drawn.append(" ".join(line))
            y += line_h
        y += line_h // 2
        if y + line_h > h - margin:
            break
    rng = np.random.default_rng(seed)
    page = page.rotate(float(rng.uniform(-0.6, 0.6)), fillcolor=248, resample=Image.BICUBIC)
    arr = np.asarray(page, dtype=np.float32) + rng.normal(0, 5, (h, w)).astype(np.float32)
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8)).convert("RGB"), "\n".join(drawn)


def phone_photo(subject: Image.Image, size: tuple[int, int] = (3000, 4000), fill: float = 0.8,
                seed: int = 0) -> Image.Image:
    """`subject` (a board, a receipt) photographed with a 12 MP phone: it fills `fill` of the frame's width,
    on a darker background, slightly rotated and in perspective, with uneven light, noise and JPEG."""
    rng = np.random.default_rng(seed)
    W, H = size
    scale = fill * W / subject.size[0]
    sub = subject.resize((int(subject.size[0] * scale), int(subject.size[1] * scale)), Image.BICUBIC)
    canvas = Image.new("RGB", (W, H), (92, 86, 80))
    canvas.paste(sub, ((W - sub.size[0]) // 2, (H - sub.size[1]) // 2))
    canvas = canvas.rotate(float(rng.uniform(-3, 3)), resample=Image.BICUBIC, fillcolor=(92, 86, 80))
    dx, dy = 0.03 * W, 0.03 * H
    canvas = canvas.transform((W, H), Image.QUAD, (dx, dy * 0.5, 0, H - dy, W, H, W - dx * 0.6, 0),
                              resample=Image.BICUBIC)
    arr = np.asarray(canvas, dtype=np.float32)
    yy, xx = np.ogrid[0:H, 0:W]
    light = (0.8 + 0.2 * (1 - ((xx / W - 0.35) ** 2 + (yy / H - 0.25) ** 2))).astype(np.float32)
    arr = arr * light[..., None] + rng.normal(0, 6, arr.shape).astype(np.float32)
    out = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(1.0))
    buf = io.BytesIO()
    out.save(buf, format="JPEG", quality=85)
    return Image.open(io.BytesIO(buf.getvalue())).convert("RGB")


def board(lines: list[str], size: int = 44, width: int = 1400) -> Image.Image:
    """Marker writing on a whiteboard (flat, not yet photographed)."""
    f = font(size)
    img = Image.new("RGB", (width, int(120 + size * 2.0 * len(lines))), (236, 240, 242))
    d = ImageDraw.Draw(img)
    colors = [(20, 60, 160), (170, 30, 30), (20, 110, 50)]
    for i, line in enumerate(lines):
        d.text((70, 60 + i * size * 2.0), line, fill=colors[i % 3], font=f)
    return img


def video_with_speech(path: Path, text: str, fps: int = 10) -> Path:
    """An .mp4 screen recording: grey video frames (MPEG-4 Part 2) plus `text` spoken on an AAC audio track."""
    import av

    samples, rate = speak(text)
    seconds = len(samples) / rate
    with av.open(str(path), "w", format="mp4") as out:
        video = out.add_stream("mpeg4", rate=fps)
        video.width, video.height, video.pix_fmt = 320, 240, "yuv420p"
        audio = out.add_stream("aac", rate=44100)
        audio.layout = "mono"  # before any codec opens
        for i in range(int(seconds * fps) + 1):
            img = np.full((240, 320, 3), 40 + (i * 7) % 180, dtype=np.uint8)
            for packet in video.encode(av.VideoFrame.from_ndarray(img, format="rgb24")):
                out.mux(packet)
        for packet in video.encode(None):
            out.mux(packet)
        _mux_audio(out, audio, samples, rate, 44100)
    return path
