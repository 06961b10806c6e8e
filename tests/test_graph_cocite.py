"""Co-citation in `related`: two notes that the same notes name together ("Present: Owen, Ruth A") are
related even when neither names the other, and the reason says which notes name them together."""
from __future__ import annotations

from pathlib import Path

from live_server import make_home

from memex.app import Brain
from memex.graph import related as R

NOTES = {
    "people/Owen Leathley.md": "# Owen Leathley\n\nClient sponsor. Drinks from a chipped mug.\n",
    "people/Ruth Ackroyd.md": "# Ruth Ackroyd\n\nChecker. Flat white, anything with ginger.\n",
    "people/Bernard Ogilvie.md": "# Bernard Ogilvie\n\nSteeple keeper since 1961.\n",
    "meetings/2026-01-15 Review.md": "# Review 15 Jan\n\nPresent: Owen Leathley, Ruth Ackroyd.\n\nScheme plan agreed.\n",
    "meetings/2026-03-12 Review.md": "# Review 12 Mar\n\nPresent: Owen Leathley and Ruth Ackroyd.\n\nFreeze moved.\n",
    "bells/Practice.md": "# Practice\n\nBernard Ogilvie ran practice. Owen Leathley came to watch once.\n",
}


def _home(tmp_path: Path) -> tuple[Brain, dict[str, int]]:
    vault = tmp_path / "vault"
    for name, text in NOTES.items():
        (vault / name).parent.mkdir(parents=True, exist_ok=True)
        (vault / name).write_text(text, encoding="utf-8")
    b = Brain.open(make_home(tmp_path))
    b.add([vault])
    ids = {p.split("/vault/", 1)[1]: int(i) for i, p in b.conn.execute("SELECT id, path FROM documents")}
    return b, ids


def test_notes_named_together_are_related_with_the_naming_notes_as_reason(tmp_path: Path) -> None:
    b, ids = _home(tmp_path)
    with b:
        owen = ids["people/Owen Leathley.md"]
        got = {r.path.split("/vault/", 1)[1]: r for r in R.related(b.conn, owen, 10)}
        ruth = got["people/Ruth Ackroyd.md"]
        co = [x for x in ruth.reasons if x.role == "cocite"]
        assert co and "named together with this note in" in co[0].detail and "Review" in co[0].detail
        # named together twice (two meetings) beats named together once (the practice note)
        bernard = got.get("people/Bernard Ogilvie.md")
        assert bernard is None or ruth.score > bernard.score
        assert sum(x.weight for x in co) > sum(x.weight for x in (bernard.reasons if bernard else [])
                                                  if x.role == "cocite")


def test_co_citation_can_be_switched_off(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    b, ids = _home(tmp_path)
    with b:
        monkeypatch.setattr(R, "W_COCITE", 0.0)
        for r in R.related(b.conn, ids["people/Owen Leathley.md"], 10):
            assert all(x.role != "cocite" for x in r.reasons)
