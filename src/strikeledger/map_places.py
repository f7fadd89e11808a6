"""The ledger by place, for a map that counts: one entry per point with its incidents, count and deaths.

The gazetteer gives many incidents the same point (every strike "in the eastern Pacific" sits
on one), so a map drawing one circle per incident hides most of them under the top one. Grouped
by point, each marker says how many strikes and deaths it stands for, and the list beside the
map names them.
"""

from __future__ import annotations

from collections import Counter
from typing import Any


def _deaths(row: dict[str, Any]) -> int:
    # The running sums' rule (tally.incident_deaths): the best figure, else the low bound, else 0.
    return row["killed_best"] if row["killed_best"] is not None else (row["killed_low"] or 0)


def place_groups(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Incident rows grouped by their coordinates.

    Returns ``{"places": [...], "placed", "unplaced"}``; each place has ``lat``, ``lon``,
    ``location`` (the name most of its incidents give), ``region``, ``place_precision``,
    ``count``, ``deaths`` and ``incidents`` (id, date, killed_best, killed_low), most strikes first.
    """
    groups: dict[tuple[float, float], list[dict[str, Any]]] = {}
    for row in rows:
        if row["lat"] is None or row["lon"] is None:
            continue
        groups.setdefault((round(row["lat"], 3), round(row["lon"], 3)), []).append(row)
    places = []
    for (lat, lon), members in groups.items():
        members = sorted(members, key=lambda r: (r["strike_date"] or "", r["incident_id"]))
        common = lambda key: Counter(r[key] for r in members).most_common(1)[0][0]  # noqa: E731
        places.append({
            "lat": lat, "lon": lon, "location": common("location"), "region": common("region"),
            "place_precision": common("place_precision"), "count": len(members),
            "deaths": sum(_deaths(r) for r in members),
            "incidents": [{"incident_id": r["incident_id"], "strike_date": r["strike_date"],
                           "killed_best": r["killed_best"], "killed_low": r["killed_low"]} for r in members],
        })
    places.sort(key=lambda p: (-p["count"], -p["deaths"], p["location"] or ""))
    placed = sum(p["count"] for p in places)
    return {"places": places, "placed": placed, "unplaced": len(rows) - placed}
