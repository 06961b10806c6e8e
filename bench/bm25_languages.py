"""BM25 alone on the Obsidian help vault in seven languages: FTS5 Porter only vs Porter + Snowball stems column.

Homes use the model-free hash embedder (BM25 does not depend on the embedder; chunks are sized in words),
searched with bm25_weight 1 / dense_weight 0 through Brain.search; gold-note Recall@5 / MRR@10 on the
74 questions per language (bench/data/i18n) and the English questions over each language.

    python bench/bm25_languages.py
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from i18n_retrieval import VAULTS, questions  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--langs", default="en,es,de,fr,it,pt-br,nl")
    ap.add_argument("--homes", type=Path, default=Path("/tmp/memex-bm25-homes"))
    args = ap.parse_args()

    from memex.app import Brain
    from memex.eval.runner import evaluate_qa, read_qa
    from memex.language import analyzer

    print("| questions over notes | Porter only R@5 / MRR@10 | + Snowball stems column R@5 / MRR@10 |")
    print("|---|---:|---:|")
    for lang in args.langs.split(","):
        runs = [lang] + ([f"en-over-{lang}"] if lang != "en" else [])
        cells: dict[str, list[str]] = {q: [] for q in runs}
        for enabled in (False, True):
            analyzer.ENABLED = enabled
            home = args.homes / ("stems" if enabled else "porter") / lang
            with Brain.open(home, embedder="hash:64", bm25_weight=1.0, dense_weight=0.0) as b:
                if not b.status()["documents"]:
                    b.add([VAULTS[lang]])
                for q in runs:
                    r = evaluate_qa(b, read_qa(questions(q)))
                    cells[q].append(f"{r['Recall@5']:.3f} / {r['MRR@10']:.3f}")
        for q in runs:
            label = f"{lang} over {lang}" if q == lang else q
            print(f"| {label} | " + " | ".join(cells[q]) + " |", flush=True)


if __name__ == "__main__":
    main()
