"""Strikes and deaths per week and cumulatively, by region: the series behind the timeline."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .records import Incident
from .tally import incident_deaths


def weekly_series(incidents: Iterable[Incident]) -> tuple[list[str], list[dict[str, Any]]]:
    """The regions and, for every week (Monday first) from the first dated strike to the last,
    each region's strikes and deaths and their running sums (region ``all`` sums every region).

    Deaths count each incident's best figure, or its low bound when there is no best; incidents
    without a date are left out.
    """
    dated = [i for i in incidents if i.strike_date is not None]
    regions = sorted({i.region for i in dated})
    weeks: list[dict[str, Any]] = []
    if not dated:
        return regions, weeks
    first = min(i.strike_date for i in dated)
    monday = first.fromordinal(first.toordinal() - first.weekday())
    last = max(i.strike_date for i in dated)
    cumulative = {g: {"strikes": 0, "killed": 0} for g in regions + ["all"]}
    while monday <= last:
        week = [i for i in dated if 0 <= (i.strike_date - monday).days < 7]
        entry: dict[str, Any] = {"week": monday.isoformat(), "regions": {}}
        for region in regions + ["all"]:
            items = [i for i in week if region in ("all", i.region)]
            killed = sum(incident_deaths(i) for i in items)
            cumulative[region]["strikes"] += len(items)
            cumulative[region]["killed"] += killed
            entry["regions"][region] = {"strikes": len(items), "killed": killed,
                                        **{f"cumulative_{k}": v for k, v in cumulative[region].items()}}
        weeks.append(entry)
        monday = monday.fromordinal(monday.toordinal() + 7)
    return regions, weeks
