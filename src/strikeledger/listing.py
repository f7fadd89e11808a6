"""Which incident rows a list shows, and in what order (the API's filters and ``sort``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

# Columns a list may be ordered by; ``-name`` orders descending. Rows without a value come
# last either way, so "most outlets first" never opens on rows nobody counted.
SORT_KEYS = ("strike_date", "region", "vessels", "killed_best", "survivors", "grade", "n_sources",
             "n_outlets", "official", "disputed")
SORTS = SORT_KEYS + tuple(f"-{key}" for key in SORT_KEYS)


@dataclass(frozen=True)
class IncidentFilter:
    """Which incidents a list shows; None means any."""

    region: str | None = None
    grade: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    contradictions: bool | None = None
    min_outlets: int | None = None  # at least this many independent outlets
    official: bool | None = None  # true: some source is official; false: none is
    disputed: bool | None = None  # true: some source contests it; false: none does
    language: str | None = None  # some source is in this language (ISO 639-1, or "und")

    def matches(self, row: dict[str, Any]) -> bool:
        """Whether an incident row (as :func:`strikeledger.service.incident_row` makes it) passes."""
        day = date.fromisoformat(row["strike_date"]) if row["strike_date"] else None
        return ((self.region is None or row["region"] == self.region)
                and (self.grade is None or row["grade"] == self.grade)
                and (self.date_from is None or (day is not None and day >= self.date_from))
                and (self.date_to is None or (day is not None and day <= self.date_to))
                and (self.contradictions is None or bool(row["contradictions"]) == self.contradictions)
                and (self.min_outlets is None or row["n_outlets"] >= self.min_outlets)
                and (self.official is None or row["official"] == self.official)
                and (self.disputed is None or row["disputed"] == self.disputed)
                and (self.language is None or self.language in row["languages"]))


def describe_filter(where: IncidentFilter | None) -> str:
    """The filter in words for an export's notes ("region=caribbean; official=true"), "none" when empty."""
    if where is None:
        return "none"
    parts = [f"{k}={str(v).lower() if isinstance(v, bool) else v}" for k, v in vars(where).items() if v is not None]
    return "; ".join(parts) or "none"


def sort_rows(rows: list[dict[str, Any]], sort: str | None) -> list[dict[str, Any]]:
    """Rows ordered by ``sort`` (a name of :data:`SORTS`), ties kept in their given order.

    Raises:
        ValueError: ``sort`` is not one of :data:`SORTS`.
    """
    if sort is None:
        return rows
    if sort not in SORTS:
        raise ValueError(f"cannot sort by {sort!r}: use one of {', '.join(SORTS)}")
    key, descending = sort.lstrip("-"), sort.startswith("-")
    present = [r for r in rows if r.get(key) is not None and r.get(key) != ""]
    missing = [r for r in rows if r.get(key) is None or r.get(key) == ""]
    return sorted(present, key=lambda r: r[key], reverse=descending) + missing
