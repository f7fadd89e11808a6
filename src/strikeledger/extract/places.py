"""The ``places`` extractor: named seas, coasts and countries, with region and coordinates.

Reads a sentence; produces ``PlaceMention`` records from the gazetteer in
``strikeledger/data/places.json``. Countries with two coasts (Colombia, Panama, ...) carry one
point per sea; ``resolve_place`` picks the point once the report's sea is known.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .spans import ClaimedSpans

EXTRACTOR = "places"
# Most precise first: a named place's coast beats a water area, which beats a bare country.
PRECISION_RANK = {"exact": 0, "near_place": 1, "water_area": 2, "country": 3, "unknown": 4}


@dataclass(frozen=True)
class PlaceMention:
    start: int  # within the sentence
    end: int
    name: str
    region: str  # caribbean | eastern_pacific | unknown (a two-coast country)
    lat: float | None
    lon: float | None
    precision: str
    coasts: tuple[tuple[str, float, float], ...] = ()


@lru_cache(maxsize=1)
def _gazetteer() -> list[tuple[re.Pattern[str], dict]]:
    data = json.loads(
        resources.files("strikeledger").joinpath("data/places.json").read_text(encoding="utf-8")
    )
    return [(re.compile(entry["pattern"], re.IGNORECASE), entry) for entry in data["places"]]


def find_places(sentence: str) -> list[PlaceMention]:
    """Places named in a sentence, most precise first, then in reading order."""
    found: list[PlaceMention] = []
    taken = ClaimedSpans(len(sentence))
    for pattern, entry in _gazetteer():
        for match in pattern.finditer(sentence):
            start, end = match.span()
            if taken.overlaps(start, end):
                continue
            taken.claim(start, end)
            coasts = tuple((sea, lat, lon) for sea, (lat, lon) in entry.get("coasts", {}).items())
            found.append(
                PlaceMention(
                    start,
                    end,
                    entry["name"],
                    entry.get("region", "unknown"),
                    entry.get("lat"),
                    entry.get("lon"),
                    entry["precision"],
                    coasts,
                )
            )
    found.sort(key=lambda p: (PRECISION_RANK[p.precision], p.start))
    return found


def sea_mention(region: str, start: int, end: int) -> PlaceMention | None:
    """The gazetteer's water area of ``region``, as named at [start, end) of a sentence (a table's
    "Pacific" cell, say, which prose patterns rightly leave alone)."""
    for _, entry in _gazetteer():
        if entry["precision"] == "water_area" and entry.get("region") == region:
            return PlaceMention(
                start, end, entry["name"], region, entry.get("lat"), entry.get("lon"), "water_area"
            )
    return None


def resolve_place(place: PlaceMention, region: str) -> PlaceMention:
    """Fix a two-coast country's point once the sea is known."""
    for sea, lat, lon in place.coasts:
        if sea == region:
            return PlaceMention(place.start, place.end, place.name, sea, lat, lon, place.precision)
    return place
