"""A table column headed by the day its values hold from ("ab 01.01.2026", "From March 2026") dates its rows
(agents/evidence.units): a price list written in December gives January's prices."""
from __future__ import annotations

from memex.agents.evidence import units
from memex.domain import Hit, Location

PRICES = """# Preise und Kalkulation 2026

| Position | 2025 | ab 01.01.2026 |
|---|---|---|
| Stundensatz Meisterin | 58,00 € | **62,00 €** |
| Materialzuschlag | 15 % |  |
"""


def _dates(text: str, note: str) -> dict[str, str | None]:
    hit = Hit(path="n.md", chunk_id="1", score=1.0, text=text, location=Location(),
              explain={"note_date": note, "date_source": "front matter", "dates": {}})
    return {u.text.split(";")[0]: u.date for u in units(hit, 0)}


def test_a_row_with_a_value_under_a_from_column_holds_from_that_day() -> None:
    got = _dates(PRICES, "2025-12-20")
    assert got["Position: Stundensatz Meisterin"] == "2026-01-01"
    # no value under the "from" column: the row keeps its note's day
    assert got["Position: Materialzuschlag"] == "2025-12-20"


def test_a_later_own_date_is_kept() -> None:
    text = "| Datum | ab 01.01.2026 |\n|---|---|\n| 03.02.2026 | 62 € |\n"
    assert list(_dates(text, "2026-02-03").values()) == ["2026-02-03"]
