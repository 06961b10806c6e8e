"""Retrieval on the Obsidian help vault in seven languages, per language and across languages.

Each language's vault (English: ../shared/data/docs/obsidian-help; es/de/fr/it/pt-br/nl:
../shared/data/obsidian-help-i18n) is indexed into a throw-away home per embedder with the normal
Brain.add (vectors come from the shared eval embedding cache after the first run), and the 74
questions of bench/data/obsidian_help_retrieval.jsonl, translated by hand (bench/data/i18n), are
searched through Brain.search: gold-note Recall@5 / Recall@10 / MRR@10 (memex.eval.runner.evaluate_qa).
"en-over-es" = the English questions over the Spanish notes (cross-language).

    python bench/i18n_retrieval.py                       # every language, minilm / multilingual / auto
    python bench/i18n_retrieval.py --langs es --configs bm25,minilm,multilingual
    python bench/i18n_retrieval.py --langs "" --cross "" --panadera    # the Spanish personal dev vault only
    python bench/i18n_retrieval.py --langs en,es,fr --cross "" --configs minilm,multilingual --halves
    python bench/i18n_retrieval.py --langs es,pt-br,fr --cross "" --configs multilingual --fold-accents
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO / ".." / "shared" / "data"
VAULTS = {"en": SHARED / "docs" / "obsidian-help",
          **{lang: SHARED / "obsidian-help-i18n" / lang for lang in ("es", "de", "fr", "it", "pt-br", "nl")}}
DATA = REPO / "bench" / "data"
# name -> (embedder of the home, Settings overrides for search)
CONFIGS = {
    "bm25": ("minilm", {"bm25_weight": 1.0, "dense_weight": 0.0}),
    "minilm": ("minilm", {}),
    "minilm-dense": ("minilm", {"bm25_weight": 0.0, "dense_weight": 1.0}),
    "multilingual": ("multilingual", {}),
    "multilingual-dense": ("multilingual", {"bm25_weight": 0.0, "dense_weight": 1.0}),
}


def questions(set_name: str) -> Path:
    return DATA / "obsidian_help_retrieval.jsonl" if set_name == "en" else \
        DATA / "i18n" / f"obsidian_help_retrieval.{set_name}.jsonl"


def halves(per_query: list[dict]) -> tuple[float, float]:
    """Recall@5 on the dev half (odd question numbers, the ones tuned on) and the test half (even ones)."""
    odd = [q["Recall@5"] for q in per_query if int(q["query_id"].rsplit("-", 1)[1]) % 2 == 1]
    even = [q["Recall@5"] for q in per_query if int(q["query_id"].rsplit("-", 1)[1]) % 2 == 0]
    return (round(sum(odd) / max(1, len(odd)), 4), round(sum(even) / max(1, len(even)), 4))


def fold_accents(text: str) -> str:
    """The question as typed without accents or inverted marks ("¿Cómo sincronizo?" -> "Como sincronizo?")."""
    import unicodedata

    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return text.replace("¿", "").replace("¡", "")


def home_for(root: Path, embedder: str, lang: str, cache: object) -> Path:
    """A home with `lang`'s vault indexed by `embedder` (built once, reused by later runs)."""
    from memex.app import Brain

    home = root / embedder / lang
    if not (home / "memex.db").exists() or not (home / ".complete").exists():
        t0 = time.perf_counter()
        with Brain.open(home, embedder=embedder) as b:
            rep = b.add([VAULTS[lang]], embed_cache=cache)
        (home / ".complete").write_text(json.dumps(rep.to_dict())[:2000])
        print(f"  indexed {lang} with {embedder}: {rep.added} notes, {rep.chunks_embedded} chunks embedded, "
              f"{time.perf_counter() - t0:.0f} s", file=sys.stderr, flush=True)
    return home


def panadera(root: Path, cache: object) -> list[dict]:
    """Recall@5 / MRR@10 on the Spanish personal vault, indexed with the default `auto` embedder."""
    from memex.app import Brain
    from memex.eval.runner import evaluate_qa

    vault = DATA / "panadera-vault-es"
    rows = [json.loads(line) for line in (vault / "questions.jsonl").open(encoding="utf-8")]
    items = [{"id": r["id"], "question": r["question"], "gold_paths": r["gold_notes"], "lang": r.get("lang")}
             for r in rows if r.get("gold_notes")]
    home = root / "auto" / "panadera"
    out = []
    with Brain.open(home) as b:
        if not (home / ".complete").exists():
            b.add([vault / "notes"], embed_cache=cache)
            (home / ".complete").write_text(b.status()["embedder"])
        print("| panadera questions | n | Recall@5 / MRR@10 |\n|---|---:|---:|")
        for name, sub in (("all", items), ("Spanish", [i for i in items if i["lang"] == "es"]),
                          ("English", [i for i in items if i["lang"] == "en"])):
            r = evaluate_qa(b, sub)
            out.append({"notes": "panadera", "questions": name, "config": "auto",
                        **{k: r[k] for k in ("Recall@5", "Recall@10", "MRR@10")}})
            print(f"| {name} | {r['queries']} | {r['Recall@5']:.3f} / {r['MRR@10']:.3f} |", flush=True)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--langs", default="en,es,de,fr,it,pt-br,nl")
    ap.add_argument("--cross", default="es,de,fr,it,pt-br,nl", help="languages for English-questions runs")
    ap.add_argument("--configs", default="bm25,minilm,minilm-dense,multilingual,multilingual-dense")
    ap.add_argument("--homes", type=Path, default=Path("/tmp/memex-i18n-homes"))
    ap.add_argument("--warm", action="store_true", help="only build the homes")
    ap.add_argument("--json", type=Path, help="also write the results here")
    ap.add_argument("--halves", action="store_true",
                    help="also Recall@5 on the dev half (odd question numbers: tune on these) and the test half")
    ap.add_argument("--panadera", action="store_true",
                    help="also the Spanish personal vault (bench/data/panadera-vault-es) under `auto`: "
                         "all questions with gold notes, the Spanish ones and the English ones")
    ap.add_argument("--fold-accents", action="store_true",
                    help="search each question as typed without accents (a robustness check)")
    args = ap.parse_args()

    from memex.app import Brain
    from memex.eval.runner import default_embed_cache, evaluate_qa, read_qa
    from memex.store.embed_cache import EmbeddingCache

    cache = EmbeddingCache(default_embed_cache())
    configs = args.configs.split(",")
    runs = [(lang, lang) for lang in args.langs.split(",") if lang]
    runs += [(lang, f"en-over-{lang}") for lang in args.cross.split(",") if lang]
    for embedder in dict.fromkeys(CONFIGS[c][0] for c in configs):
        for lang in dict.fromkeys(v for v, _ in runs):
            home_for(args.homes, embedder, lang, cache)
    if args.warm:
        return
    results = []
    if args.panadera:
        results += panadera(args.homes, cache)
    if runs:
        print("| questions over notes | " + " | ".join(configs) + " |")
        print("|---|" + "---:|" * len(configs))
    for lang, qset in runs:
        items = read_qa(questions(qset))
        if args.fold_accents:
            items = [{**it, "question": fold_accents(it["question"])} for it in items]
        cells = []
        for name in configs:
            embedder, overrides = CONFIGS[name]
            with Brain.open(home_for(args.homes, embedder, lang, cache), embedder=embedder, **overrides) as b:
                r = evaluate_qa(b, items)
            dev, test = halves(r["per_query"])
            results.append({"notes": lang, "questions": qset, "config": name, "Recall@5 dev": dev,
                            "Recall@5 test": test, **{k: r[k] for k in ("Recall@5", "Recall@10", "MRR@10")}})
            cells.append(f"{r['Recall@5']:.3f} / {r['MRR@10']:.3f}"
                         + (f" (dev {dev:.3f}, test {test:.3f})" if args.halves else ""))
        label = qset if qset != lang else f"{lang} over {lang}"
        print(f"| {label} | " + " | ".join(cells) + " |", flush=True)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
