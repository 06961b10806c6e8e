"""Quality of the note graph on the shared personal vaults (dev data): related notes, link prediction,
contradictions and entities.

- related: for the two gold notes of every multi_hop question, is the other note in `related` top 10
  (both directions)? Against the naive baseline in the same run: the first 80 words of the note as a
  `search` query, top 10 distinct notes.
- link prediction: 20% of the linked note pairs (seeded) have every link from one to the other turned
  into plain text (the words stay: an unlinked mention); how many does `related` recover in its top 10?
- contradictions: precision / recall of the `contradiction` insights against contradictions.jsonl (strict:
  both statements match a labelled pair; lenient precision: the newer statement is a labelled change), and
  how many labelled statements were extracted at all and dated as labelled (when each was said).
- entities: precision / recall of the extractor on bench/data/graph/entities_labelled.jsonl.
Usage: python bench/graph_quality.py [--vaults teacher,consultant,engineer-vault] [--entities rules,spacy] [--json]
(a vault is a name under ../shared/data/personal-vaults or under bench/data)
"""
from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from memex.app import Brain  # noqa: E402
from memex.eval.runner import default_embed_cache  # noqa: E402
from memex.store.embed_cache import EmbeddingCache  # noqa: E402

VAULTS = ROOT / ".." / "shared" / "data" / "personal-vaults"
LABELS = ROOT / "bench" / "data" / "graph" / "entities_labelled.jsonl"
K = 10
_WIKILINK = re.compile(r"(!?)\[\[([^\[\]\n]+)\]\]")


def index_vault(notes: Path, home: Path, cache: EmbeddingCache, **overrides: Any) -> Brain:
    """A Brain with `notes` indexed (vectors from the shared embedding cache when known)."""
    brain = Brain.open(home, **overrides)
    brain.add([notes], embed_cache=cache)
    return brain


def rel_path(brain: Brain, notes: Path, path: str) -> str:
    return str(Path(path).relative_to(notes))


def multihop_pairs(vault: Path) -> list[tuple[str, str]]:
    """Directed (query note, other note) pairs from multi_hop questions' gold_notes."""
    pairs = []
    for line in (vault / "questions.jsonl").read_text(encoding="utf-8").splitlines():
        q = json.loads(line)
        if q["type"] != "multi_hop":
            continue
        gold = q["gold_notes"]
        for a in gold:
            for b in gold:
                if a != b:
                    pairs.append((a, b))
    return pairs


def naive_related(brain: Brain, doc_id: int, k: int) -> list[str]:
    """The baseline: the note's first 80 words as a search query; top k distinct other notes."""
    doc = brain.document(doc_id=doc_id)
    words = " ".join(c["text"] for c in doc["chunks"]).split()[:80]
    out: list[str] = []
    for h in brain.search(" ".join(words), k=8 * k):
        if h.path != doc["path"] and h.path not in out:
            out.append(h.path)
        if len(out) == k:
            break
    return out


def related_recall(brain: Brain, notes: Path, pairs: list[tuple[str, str]]) -> dict[str, Any]:
    ids = {rel_path(brain, notes, r[1]): int(r[0]) for r in brain.conn.execute("SELECT id, path FROM documents")}
    hits = naive = 0
    misses = []
    miss_ranks: list[int | None] = []
    won_by: dict[str, int] = {}
    times = []
    for a, b in pairs:
        t0 = time.perf_counter()
        got = [rel_path(brain, notes, r.path) for r in brain.related(ids[a], K)]
        times.append(time.perf_counter() - t0)
        base = [rel_path(brain, notes, p) for p in naive_related(brain, ids[a], K)]
        hits += b in got
        naive += b in base
        if b not in got:
            misses.append(f"{a} -> {b}")
            wide = brain.related(ids[a], WIDE)
            paths = [rel_path(brain, notes, r.path) for r in wide]
            gold = wide[paths.index(b)] if b in paths else None
            miss_ranks.append(paths.index(b) + 1 if gold else None)
            for above in wide[:K]:
                role = _winning_role(above, gold)
                won_by[role] = won_by.get(role, 0) + 1
    times.sort()
    return {"pairs": len(pairs), "related": hits / len(pairs), "naive": naive / len(pairs),
            "related_hits": hits, "naive_hits": naive, "p50_ms": round(1000 * times[len(times) // 2], 1),
            "misses": misses, "miss_ranks": miss_ranks,
            "won_by": dict(sorted(won_by.items(), key=lambda x: -x[1]))}


WIDE = 40
"""How deep a missed partner is looked for (its rank, or None beyond this)."""


def _role_weights(rel: Any) -> dict[str, float]:
    """What each kind of evidence adds to a related note's score: one link, backlink, name mention each way,
    two-hop tie, co-citation, context and semantic reason count once (their best); shared names and tags add up."""
    out: dict[str, float] = {}
    for r in rel.reasons:
        role = "shared_name" if r.role == "entity" else r.role
        out[role] = max(out.get(role, 0.0), r.weight) if r.role not in ("entity", "tag") else out.get(role, 0.0) + r.weight
    return out


def _winning_role(above: Any, gold: Any) -> str:
    """The kind of evidence by which a note ranked in the top 10 beats a missed partner the most (its weight
    there minus the partner's): where the fusion gives weak evidence too much, or the partner's evidence too little."""
    mine = _role_weights(above)
    theirs = _role_weights(gold) if gold is not None else {}
    return max(mine, key=lambda k: mine[k] - theirs.get(k, 0.0)) if mine else "none"


def hide_links(src: Path, dst: Path, share: float, seed: int) -> list[tuple[str, str]]:
    """Copy the vault, turning every link of 20% of (note, target) pairs into its shown text."""
    shutil.copytree(src, dst)
    rng = random.Random(seed)
    md = sorted(p for p in dst.rglob("*.md"))
    stems = {}
    for p in md:
        stems.setdefault(p.stem.lower(), []).append(p)
    pairs = []
    for p in md:
        text = p.read_text(encoding="utf-8")
        targets = {m.group(2).split("|")[0].split("#")[0].strip() for m in _WIKILINK.finditer(text) if not m.group(1)}
        for t in sorted(targets):
            found = stems.get(Path(t).name.lower(), [])
            if len(found) == 1 and found[0] != p:
                pairs.append((p, t, found[0]))
    chosen = rng.sample(pairs, max(1, round(share * len(pairs))))
    by_note: dict[Path, set[str]] = {}
    for p, t, _ in chosen:
        by_note.setdefault(p, set()).add(t)
    for p, targets in by_note.items():
        def plain(m: re.Match[str], targets: set[str] = targets) -> str:
            inner = m.group(2)
            target = inner.split("|")[0].split("#")[0].strip()
            if m.group(1) or target not in targets:
                return m.group(0)
            return inner.split("|", 1)[1] if "|" in inner else target
        p.write_text(_WIKILINK.sub(plain, p.read_text(encoding="utf-8")), encoding="utf-8")
    return [(str(p.relative_to(dst)), str(f.relative_to(dst))) for p, _, f in chosen]


def link_prediction(vault: Path, work: Path, cache: EmbeddingCache, **overrides: Any) -> dict[str, Any]:
    notes = work / "hidden-notes"
    hidden = hide_links(vault / "notes", notes, 0.2, seed=12)
    with index_vault(notes, work / "hidden-home", cache, **overrides) as brain:
        ids = {rel_path(brain, notes, r[1]): int(r[0]) for r in brain.conn.execute("SELECT id, path FROM documents")}
        back = {(rel_path(brain, notes, r[0]), rel_path(brain, notes, r[1])) for r in brain.conn.execute(
            "SELECT s.path, d.path FROM graph_links l JOIN documents s ON s.id = l.src "
            "JOIN documents d ON d.id = l.dst")}
        found = found_no_back = n_no_back = 0
        for a, b in hidden:
            got = [rel_path(brain, notes, r.path) for r in brain.related(ids[a], K)]
            found += b in got
            if (b, a) not in back:
                n_no_back += 1
                found_no_back += b in got
    return {"hidden": len(hidden), "recovered": found / len(hidden),
            "hidden_without_backlink": n_no_back,
            "recovered_without_backlink": found_no_back / n_no_back if n_no_back else None}


def _norm(s: str) -> str:
    return " ".join(re.sub(r"[*_`]", "", s).split()).casefold()


def contradictions(brain: Brain, vault: Path) -> dict[str, Any]:
    """Precision / recall of contradiction insights against contradictions.jsonl (pairs of notes + quotes)."""
    from memex.graph import insights
    notes = vault / "notes"
    insights.refresh(brain.conn, budget_s=None)
    found = insights.listing(brain.conn, kind="contradiction")
    gold = [json.loads(x) for x in (vault / "contradictions.jsonl").read_text(encoding="utf-8").splitlines()]

    def match(ins: Any, g: dict[str, Any]) -> bool:
        ev = ins.evidence
        if len(ev) < 2:
            return False
        old_ok = rel_path(brain, notes, ev[0]["path"]) == g["old"]["path"] and _overlap(ev[0]["quote"], g["old"]["quote"])
        new_ok = rel_path(brain, notes, ev[1]["path"]) == g["new"]["path"] and _overlap(ev[1]["quote"], g["new"]["quote"])
        return old_ok and new_ok

    def real_change(ins: Any) -> bool:
        """Lenient: the newer statement is a labelled change (its older partner may be another statement
        of the same chain, e.g. a repeat in a review)."""
        ev = ins.evidence
        return len(ev) >= 2 and any(rel_path(brain, notes, ev[1]["path"]) == g["new"]["path"]
                                    and _overlap(ev[1]["quote"], g["new"]["quote"]) for g in gold)

    # how the labelled statements were read: extracted as statements at all, and dated as labelled
    rows = brain.conn.execute("SELECT d.path, s.text, s.date FROM graph_statements s JOIN documents d "
                              "ON d.id = s.doc_id").fetchall()
    labelled = {(g[side]["path"], g[side]["quote"]): g[side]["date"] for g in gold for side in ("old", "new")}
    extracted = dated = 0
    for (path, quote), date in labelled.items():
        hit = [r for r in rows if rel_path(brain, notes, r[0]) == path and _overlap(r[1], quote)]
        extracted += bool(hit)
        dated += bool(hit) and (hit[0][2] or "")[:10] == date
    tp_found = sum(any(match(i, g) for g in gold) for i in found)
    tp_gold = sum(any(match(i, g) for i in found) for g in gold)
    changes = sum(real_change(i) for i in found)
    return {"gold": len(gold), "found": len(found), "precision": tp_found / len(found) if found else None,
            "recall": tp_gold / len(gold),
            "precision_lenient": changes / len(found) if found else None,
            "statements_labelled": len(labelled), "statements_extracted": extracted, "statements_dated": dated,
            "missed": [f"{g['subject']} / {g['attribute']}" for g in gold if not any(match(i, g) for i in found)],
            "false": [i.title for i in found if not any(match(i, g) for g in gold)][:40]}


def _overlap(a: str, b: str) -> bool:
    """Same statement: one quote contains the other, or they share most words."""
    x, y = _norm(a), _norm(b)
    if x in y or y in x:
        return True
    wx, wy = set(re.findall(r"\w+", x)), set(re.findall(r"\w+", y))
    return len(wx & wy) >= 0.6 * min(len(wx), len(wy)) if wx and wy else False


def entity_scores(spec: str) -> dict[str, Any]:
    """Set-level precision / recall per note on the hand-labelled sample (surface forms, case-insensitive)."""
    from memex.graph.entities import load_extractor
    from memex.graph.links import name_key
    ex = load_extractor(spec)
    tp = fp = fn = 0
    rows = [json.loads(x) for x in LABELS.read_text(encoding="utf-8").splitlines() if x.strip()]
    t0 = time.perf_counter()
    words = 0
    false: set[str] = set()
    missed: set[str] = set()
    for row in rows:
        text = (VAULTS / row["vault"] / "notes" / row["path"]).read_text(encoding="utf-8")
        if text.startswith("---\n") and "\n---\n" in text[4:]:
            text = text[4:].split("\n---\n", 1)[1]  # the body, as indexed (front matter is metadata)
        words += len(text.split())
        got = {name_key(m.surface) for m in ex.extract(text) if m.strong}
        gold = {name_key(e) for e in row["entities"]}
        tp += len(got & gold)
        fp += len(got - gold)
        fn += len(gold - got)
        false |= got - gold
        missed |= gold - got
    secs = time.perf_counter() - t0
    return {"extractor": spec, "notes": len(rows), "entities": tp + fn, "precision": tp / (tp + fp),
            "recall": tp / (tp + fn), "words_per_s": round(words / secs), "false": sorted(false), "missed": sorted(missed)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--vaults", default="teacher,consultant")
    ap.add_argument("--entities", default="rules", help="extractors to score on the labelled sample")
    ap.add_argument("--skip", default="", help="comma list of parts to skip: related,links,contradictions,entities")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    skip = set(filter(None, args.skip.split(",")))
    out: dict[str, Any] = {}
    cache = EmbeddingCache(default_embed_cache())
    for name in args.vaults.split(","):
        vault = VAULTS / name if (VAULTS / name).exists() else ROOT / "bench" / "data" / name
        name = vault.name
        with tempfile.TemporaryDirectory(prefix=f"memex-graph-{name}-") as tmp:
            work = Path(tmp)
            res: dict[str, Any] = {}
            with index_vault(vault / "notes", work / "home", cache) as brain:
                if "related" not in skip:
                    res["related"] = related_recall(brain, vault / "notes", multihop_pairs(vault))
                if "contradictions" not in skip:
                    res["contradictions"] = contradictions(brain, vault)
            if "links" not in skip:
                res["link_prediction"] = link_prediction(vault, work, cache)
            out[name] = res
    if "entities" not in skip and LABELS.exists():
        out["entities"] = [entity_scores(s) for s in args.entities.split(",")]
    cache.close()
    if args.json:
        print(json.dumps(out, indent=2, ensure_ascii=False))
        return
    for name, res in out.items():
        if name == "entities":
            for e in res:
                print(f"entities [{e['extractor']}]: P {e['precision']:.3f} R {e['recall']:.3f} on {e['entities']} "
                      f"labelled entities in {e['notes']} notes; {e['words_per_s']} words/s")
            continue
        if "related" in res:
            r = res["related"]
            print(f"{name}: related top-{K} recall on multi-hop pairs {r['related']:.3f} ({r['related_hits']}/"
                  f"{r['pairs']}), naive {r['naive']:.3f} ({r['naive_hits']}/{r['pairs']}); related p50 {r['p50_ms']} ms")
            for m in r["misses"]:
                print(f"   miss: {m}")
            if r["misses"]:
                print(f"   missed partners' ranks (None: beyond {WIDE}): {r['miss_ranks']}; the kind of evidence by "
                      f"which the notes above them win: {r['won_by']}")
        if "link_prediction" in res:
            lp = res["link_prediction"]
            print(f"{name}: link prediction: {lp['recovered']:.3f} of {lp['hidden']} hidden links recovered in top {K}; "
                  f"{lp['recovered_without_backlink']} of the {lp['hidden_without_backlink']} with no link back")
        if "contradictions" in res:
            c = res["contradictions"]
            print(f"{name}: contradictions: precision {c['precision']}, recall {c['recall']:.3f} "
                  f"({c['found']} found, {c['gold']} gold); lenient precision (newer statement is a labelled "
                  f"change) {c['precision_lenient']}; labelled statements extracted {c['statements_extracted']}/"
                  f"{c['statements_labelled']}, dated as labelled {c['statements_dated']}")
            for m in c["missed"]:
                print(f"   missed: {m}")
            for f in c["false"]:
                print(f"   false: {f}")


if __name__ == "__main__":
    main()
