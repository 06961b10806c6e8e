"""Export and import, measured: round trips on real vaults, and speed and memory at 10k notes.

1. Round trips on the sample vault and the two personal vaults (MiniLM, the production default):
   - vault: index the notes, `export --format obsidian`, `add` the export into a fresh home, and compare
     gold-note Recall@5 (exported notes mapped back to their originals through `memex_source`);
   - archive: `export --format json --with-vectors`, `import` into a fresh home; every question's top-5
     hits (path, text, score) must be identical, `check` clean, and nothing re-embedded. Baseline: the
     same import without vectors (every chunk embedded again).
2. Scale: N synthetic notes (hash embedder: import with matching vectors never runs a model, so the
   model does not matter here). Export of the vault and the archive, import of the archive, each in its
   own process for its peak memory (RSS) at N/5 and N notes. Baseline: `add` of the same notes.

Usage: python bench/export.py [--notes 10000] [--vaults sample,teacher,consultant] [--write docs/benchmarks.md]
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from memex.app import Brain  # noqa: E402
from memex.eval.runner import doc_ranking  # noqa: E402
from memex.portability.archive import export_archive, import_archive  # noqa: E402
from memex.portability.vault import export_vault  # noqa: E402
from memex.store.embed_cache import EmbeddingCache  # noqa: E402

SHARED = ROOT.parent / "shared" / "data" / "personal-vaults"
IN_REPO = {"engineer": ROOT / "bench" / "data" / "engineer-vault", "panadera": ROOT / "bench" / "data" / "panadera-vault-es"}
"""Dev vaults kept in the repository (same layout as the shared personal vaults)."""
SECTION = "## Export and import (bench/export.py)"
END = "<!-- end of bench/export.py output -->"
K = 5


def vaults(names: list[str]) -> list[tuple[str, Path, list[dict[str, Any]]]]:
    """(name, notes folder, [{question, gold}]) for each vault that is present."""
    out = []
    for name in names:
        if name == "sample":
            qs = [json.loads(ln) for ln in (ROOT / "tests" / "data" / "sample_vault_questions.jsonl").open()]
            out.append(("sample", ROOT / "examples" / "sample-vault",
                        [{"question": q["question"], "gold": q["gold_paths"]} for q in qs if q.get("gold_paths")]))
        elif (SHARED / name).is_dir() or name in IN_REPO:
            base = IN_REPO.get(name, SHARED / name)
            qs = [json.loads(ln) for ln in (base / "questions.jsonl").open() if ln.strip()]
            out.append((name, base / "notes",
                        [{"question": q["question"], "gold": q["gold_notes"]} for q in qs if q.get("gold_notes")]))
        else:
            print(f"skipping {name}: {SHARED / name} not found", file=sys.stderr)
    return out


def recall_at_k(brain: Brain, questions: list[dict[str, Any]], key: Any) -> tuple[float, list[list[str]]]:
    """Mean gold-note Recall@K (share of a question's gold notes in its top K documents) and the rankings."""
    total, rankings = 0.0, []
    for q in questions:
        docs = doc_ranking(brain.search(q["question"], 50), key)[:K]
        rankings.append(docs)
        total += len(set(q["gold"]) & set(docs)) / len(set(q["gold"]))
    return total / len(questions), rankings


def _front(path: str) -> dict[str, Any]:
    text = Path(path).read_text(encoding="utf-8")
    m = re.match(r"^---\r?\n(.*?)\r?\n---\r?\n", text, re.S)
    return (yaml.safe_load(m.group(1)) or {}) if m else {}


def round_trip(name: str, notes: Path, questions: list[dict[str, Any]], work: Path, cache: EmbeddingCache) -> dict[str, Any]:
    """Both round trips on one vault."""
    row: dict[str, Any] = {"vault": name, "questions": len(questions)}
    with Brain.open(work / "a") as a:
        a.add([notes], embed_cache=cache)
        row["documents"] = a.conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        row["chunks"] = a.conn.execute("SELECT count(*) FROM chunks").fetchone()[0]
        root = str(notes)
        rel = lambda p: os.path.relpath(p, root)  # noqa: E731
        row["recall_original"], ranks_a = recall_at_k(a, questions, lambda h: rel(h.path))

        t0 = time.perf_counter()
        vreport = export_vault(a, work / "vault", "obsidian")
        row["vault_export_s"] = time.perf_counter() - t0
        row["converted"] = vreport.converted
        with Brain.open(work / "b") as b:
            b.add([work / "vault"], embed_cache=cache)
            origin: dict[str, str | None] = {}

            def back(h: Any) -> str | None:
                if h.path not in origin:
                    src = _front(h.path).get("memex_source")
                    origin[h.path] = rel(src) if src else None
                return origin[h.path]
            row["recall_vault"], _ = recall_at_k(b, questions, back)
            row["documents_vault"] = b.conn.execute("SELECT count(*) FROM documents").fetchone()[0]

        t0 = time.perf_counter()
        export_archive(a, work / "a.jsonl", with_vectors=True)
        row["json_export_s"] = time.perf_counter() - t0
        row["archive_mb"] = ((work / "a.jsonl").stat().st_size + (work / "a.jsonl.vectors").stat().st_size) / 2**20
        with Brain.open(work / "c") as c:
            t0 = time.perf_counter()
            rep = import_archive(c, work / "a.jsonl")
            row["import_s"] = time.perf_counter() - t0
            row["reembedded"] = rep.embedded
            row["check_ok"] = c.check()["ok"]
            same = 0
            for q in questions:
                want = [(h.path, h.text, round(h.score, 6)) for h in a.search(q["question"], K)]
                got = [(h.path, h.text, round(h.score, 6)) for h in c.search(q["question"], K)]
                same += want == got
            row["top5_identical"] = same
        export_archive(a, work / "plain.jsonl")
        with Brain.open(work / "d") as d:
            t0 = time.perf_counter()
            rep = import_archive(d, work / "plain.jsonl")
            row["import_reembed_s"] = time.perf_counter() - t0
            row["reembedded_baseline"] = rep.embedded
    return row


# ---- scale ----------------------------------------------------------------------------------------------
WORDS = ("river budget meeting kestrel heron invoice garden sourdough lecture pottery kiln glaze rescue "
         "ridge harness brewing hops mortgage surveyor loft beam carer appointment football league fixture "
         "reading novel chapter deadline review draft client workshop interview persona journey map").split()


def make_notes(folder: Path, n: int, seed: int = 7) -> None:
    """n Markdown notes: front matter, two headings, a few paragraphs (~250 words), wikilinks and tags."""
    rng = random.Random(seed)
    for i in range(n):
        sub = folder / f"area-{i % 40:02d}"
        sub.mkdir(parents=True, exist_ok=True)

        def para() -> str:
            return " ".join(rng.choice(WORDS) for _ in range(rng.randint(30, 60))).capitalize() + "."
        body = [f"# Note {i}", "", para(), "", f"See [[Note {rng.randrange(n)}]] #{rng.choice(WORDS)}", "",
                "## Details", "", para(), "", para(), "", "## Follow-up", "", para()]
        fm = f"---\ndate: 2025-{1 + i % 12:02d}-{1 + i % 28:02d}\ntags: [{rng.choice(WORDS)}]\n---\n"
        (sub / f"Note {i}.md").write_text(fm + "\n".join(body) + "\n", encoding="utf-8")


CHILD = """
import json, sys, time
from pathlib import Path
from memex.app import Brain
from memex.portability.archive import export_archive, import_archive
from memex.portability.vault import export_vault

def status(key):  # kB from /proc (ru_maxrss would carry the parent's peak over from fork)
    for line in open("/proc/self/status"):
        if line.startswith(key + ":"):
            return int(line.split()[1]) / 1024

what, home, target = sys.argv[1:4]
with Brain.open(home, embedder="hash:384") as b:
    before = status("VmRSS")
    t0 = time.perf_counter()
    if what == "vault":
        r = export_vault(b, target, "obsidian").to_dict()
    elif what == "json":
        r = export_archive(b, target, with_vectors=True).to_dict()
    else:
        r = import_archive(b, target).to_dict()
    s = time.perf_counter() - t0
print(json.dumps({"seconds": s, "peak_rss_mb": status("VmHWM"), "start_rss_mb": before,
                  "report": {k: r.get(k) for k in ("notes", "documents", "chunks", "embedded", "reused_vectors")}}))
"""


def child(what: str, home: Path, target: Path) -> dict[str, Any]:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    p = subprocess.run([sys.executable, "-c", CHILD, what, str(home), str(target)], capture_output=True, text=True,
                       env=env, timeout=3600)
    if p.returncode != 0:
        raise RuntimeError(p.stderr)
    return json.loads(p.stdout.strip().splitlines()[-1])


def scale(n: int, work: Path) -> list[dict[str, Any]]:
    rows = []
    for size in (n // 5, n):
        folder = work / f"notes-{size}"
        make_notes(folder, size)
        home = work / f"home-{size}"
        with Brain.open(home, embedder="hash:384") as b:
            t0 = time.perf_counter()
            rep = b.add([folder])
            add_s = time.perf_counter() - t0
            chunks = b.conn.execute("SELECT count(*) FROM chunks").fetchone()[0]
        vault = child("vault", home, work / f"vault-{size}")
        arch = child("json", home, work / f"a-{size}.jsonl")
        imp = child("import", work / f"import-{size}", work / f"a-{size}.jsonl")
        assert imp["report"]["embedded"] == 0 and imp["report"]["documents"] == rep.added
        rows.append({"notes": size, "chunks": chunks, "add_s": add_s, "vault": vault, "json": arch, "import": imp})
        print(json.dumps(rows[-1]), file=sys.stderr)
    return rows


# ---- report ------------------------------------------------------------------------------------------------
def tables(trips: list[dict[str, Any]], big: list[dict[str, Any]]) -> str:
    out = []
    if trips:
        out += ["| vault | docs | chunks | questions | Recall@5 original | Recall@5 after vault round trip | Δ | "
                "top-5 identical after archive import | re-embedded | check | import s (baseline: re-embed) |",
                "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: |"]
        for r in trips:
            out.append(f"| {r['vault']} | {r['documents']} | {r['chunks']} | {r['questions']} | "
                       f"{r['recall_original']:.3f} | {r['recall_vault']:.3f} | "
                       f"{r['recall_vault'] - r['recall_original']:+.3f} | {r['top5_identical']}/{r['questions']} | "
                       f"{r['reembedded']} | {'clean' if r['check_ok'] else 'PROBLEMS'} | {r['import_s']:.2f} "
                       f"({r['import_reembed_s']:.1f}, {r['import_reembed_s'] / max(r['import_s'], 1e-9):.0f}x) |")
        out += [""]
    if big:
        out += ["| notes | chunks | `add` (baseline) s | vault export s | archive export s (with vectors) | "
                "import s (10k-chunk rate) | peak RSS MB: vault / archive / import (process start) |",
                "| ---: | ---: | ---: | ---: | ---: | ---: | --- |"]
        for r in big:
            mem = " / ".join(f"{r[k]['peak_rss_mb']:.0f}" for k in ("vault", "json", "import"))
            per10k = r["import"]["seconds"] * 10_000 / max(r["chunks"], 1)
            out.append(f"| {r['notes']} | {r['chunks']} | {r['add_s']:.1f} | {r['vault']['seconds']:.1f} | "
                       f"{r['json']['seconds']:.1f} | {r['import']['seconds']:.1f} ({per10k:.1f} s per 10k) | "
                       f"{mem} ({r['vault']['start_rss_mb']:.0f}) |")
    return "\n".join(out)


def write_section(path: Path, body: str) -> None:
    """Replace (or append) this benchmark's part of docs/benchmarks.md; hand-written notes after END survive."""
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    block = body.rstrip("\n") + "\n\n" + END + "\n"
    start = text.find(SECTION)
    if start == -1:
        text = text.rstrip("\n") + "\n\n" + block
    else:
        end = text.find(END, start)
        text = text[:start] + block + text[end + len(END) + 1:] if end != -1 else text[:start] + block
    path.write_text(text, encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--vaults", default="sample,teacher,consultant,engineer,panadera")
    ap.add_argument("--notes", type=int, default=10_000, help="Notes for the scale run (0 to skip).")
    ap.add_argument("--write", type=Path, help="Replace this benchmark's section in docs/benchmarks.md.")
    ap.add_argument("--json", type=Path, help="Also save the raw rows.")
    ap.add_argument("--also", type=Path, action="append", default=[],
                    help="Rows saved by an earlier run (--json) to put in the same tables.")
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="memex-bench-export-"))
    from memex.eval.runner import default_embed_cache
    cache = EmbeddingCache(default_embed_cache())
    try:
        trips = []
        for name, notes, questions in vaults([v for v in args.vaults.split(",") if v]):
            print(f"{name}: {len(questions)} questions", file=sys.stderr)
            trips.append(round_trip(name, notes, questions, work / name, cache))
            print(json.dumps(trips[-1]), file=sys.stderr)
        big = scale(args.notes, work / "scale") if args.notes else []
    finally:
        cache.close()
        shutil.rmtree(work, ignore_errors=True)
    for extra in args.also:
        old = json.loads(extra.read_text(encoding="utf-8"))
        trips = old["round_trips"] + trips
        big = big or old["scale"]
    body = tables(trips, big)
    print(body)
    if args.json:
        args.json.write_text(json.dumps({"round_trips": trips, "scale": big}, indent=1), encoding="utf-8")
    if args.write:
        load = os.getloadavg()[0]
        header = (f"{SECTION}\n\n{platform.machine()} {platform.system()}, {os.cpu_count()} cores shared with other "
                  f"work (load average {load:.1f} at the end), {time.strftime('%Y-%m-%d')}. `make bench-export` "
                  "prints it; `python bench/export.py --write docs/benchmarks.md` updates this part. Round trips use "
                  "MiniLM (the default); Recall@5 = share of a question's gold notes among its top 5 documents, "
                  "exported notes mapped back through their `memex_source`. Import baseline = the same archive "
                  "without vectors (every chunk embedded again). Scale rows: synthetic notes, hash embedder, each "
                  "step in its own process (peak RSS of that process); baseline = `add` of the same notes.\n\n")
        write_section(args.write, header + body + "\n")


if __name__ == "__main__":
    main()
