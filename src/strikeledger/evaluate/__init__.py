"""Scoring a ledger against a gold file, with the matching rule of ``shared/corpus/FORMAT.md``.

An incident matches a gold strike when the dates are at most one day apart and the regions
agree (or either is unknown); matching is one-to-one, nearest date first. Incidents without a
date match nothing.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..errors import InputError
from ..records import Incident

MAX_DAY_GAP = 1


@dataclass(frozen=True)
class GoldStrike:
    row: int
    strike_date: date
    region: str
    killed: int | None
    survivors: int | None
    vessels: int | None = None
    # other dates an exact date may take: a strike known only from its announcement may lie on
    # the announcement day or the day before, and the gold says which days its sources allow
    other_dates: tuple[date, ...] = ()
    label: str = ""  # how a miss is named in reports; the date, sea and toll by default
    announced_by: str | None = None

    def describe(self) -> str:
        return self.label or f"{self.strike_date} {self.region} killed={self.killed}"

    def date_is(self, day: date | None) -> bool:
        return day == self.strike_date or day in self.other_dates


@dataclass(frozen=True)
class Evaluation:
    incidents: int
    gold: int
    matched: int
    precision: float
    recall: float
    f1: float
    date_exact: float  # share of matched pairs with the same date
    killed_exact: float  # share of matched pairs, where gold gives a toll, with killed_best equal to it
    survivors_exact: float  # share of matched pairs with equal survivors (none reported == 0)
    # share of matched pairs, where gold gives a toll, whose range tops out at it: a misread figure
    # merged into an incident widens the range even when the best estimate survives it
    killed_high_exact: float
    vessels_exact: float = 1.0  # share of matched pairs, where gold gives a vessel count, equal to it
    region_exact: float = 1.0  # share of matched pairs, where gold names the sea, with that sea (not unknown)
    announcer_exact: float = 1.0  # share of matched pairs, where gold names the announcer, naming them
    unmatched_gold: tuple[str, ...] = field(default=())
    unmatched_incidents: tuple[str, ...] = field(default=())
    wrong_killed: tuple[str, ...] = field(default=())

    def as_dict(self) -> dict:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}


def _int_or_none(value: str, source: str) -> int | None:
    value = (value or "").strip()
    if not value:
        return None
    try:
        return int(value)
    except ValueError as exc:
        raise InputError(source, f"not a whole number: {value!r}") from exc


def load_gold(path: str | Path) -> list[GoldStrike]:
    """Rows of a gold CSV (``strike_date,region,killed,survivors,...``)."""
    path = Path(path)
    if not path.exists():
        raise InputError(path.as_posix(), "no such file")
    strikes = []
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = {"strike_date", "region"} - set(reader.fieldnames or ())
        if missing:
            raise InputError(path.as_posix(), f"gold file lacks columns {sorted(missing)}")
        for number, row in enumerate(reader, start=2):
            source = f"{path.as_posix()}:{number}"
            try:
                day = date.fromisoformat(row["strike_date"].strip())
            except ValueError as exc:
                raise InputError(source, f"strike_date is not YYYY-MM-DD: {row['strike_date']!r}") from exc
            strikes.append(
                GoldStrike(number, day, (row.get("region") or "unknown").strip() or "unknown",
                           _int_or_none(row.get("killed", ""), source), _int_or_none(row.get("survivors", ""), source),
                           _int_or_none(row.get("vessels", ""), source),
                           announced_by=(row.get("announced_by") or "").strip() or None)
            )
    return strikes


def _regions_agree(a: str, b: str) -> bool:
    return a == b or "unknown" in (a, b)


def match(incidents: list[Incident], gold: list[GoldStrike]) -> list[tuple[GoldStrike, Incident]]:
    """One-to-one matches, nearest date first (ties: equal toll first, then file order)."""
    candidates = []
    for g in gold:
        for n, incident in enumerate(incidents):
            if incident.strike_date is None or not _regions_agree(g.region, incident.region):
                continue
            gap = abs((incident.strike_date - g.strike_date).days)
            if gap <= MAX_DAY_GAP:
                candidates.append((gap, incident.killed_best != g.killed, g.row, n, g, incident))
    candidates.sort(key=lambda c: c[:4])
    used_gold, used_incident, pairs = set(), set(), []
    for _, _, row, n, g, incident in candidates:
        if row in used_gold or n in used_incident:
            continue
        used_gold.add(row)
        used_incident.add(n)
        pairs.append((g, incident))
    return pairs


def _share(hits: int, total: int) -> float:
    return round(hits / total, 4) if total else 1.0


def evaluate(incidents: list[Incident], gold: list[GoldStrike]) -> Evaluation:
    """Precision, recall and F1 of incidents, and exact-match rates of date, killed and survivors."""
    pairs = match(incidents, gold)
    precision = _share(len(pairs), len(incidents))
    recall = _share(len(pairs), len(gold))
    f1 = round(2 * precision * recall / (precision + recall), 4) if precision + recall else 0.0
    with_toll = [(g, i) for g, i in pairs if g.killed is not None]
    with_vessels = [(g, i) for g, i in pairs if g.vessels is not None]
    with_sea = [(g, i) for g, i in pairs if g.region != "unknown"]
    with_announcer = [(g, i) for g, i in pairs if g.announced_by]
    matched_gold = {g.row for g, _ in pairs}
    matched_ids = {i.id for _, i in pairs}
    return Evaluation(
        incidents=len(incidents),
        gold=len(gold),
        matched=len(pairs),
        precision=precision,
        recall=recall,
        f1=f1,
        date_exact=_share(sum(g.date_is(i.strike_date) for g, i in pairs), len(pairs)),
        killed_exact=_share(sum(g.killed == i.killed_best for g, i in with_toll), len(with_toll)),
        survivors_exact=_share(sum((g.survivors or 0) == (i.survivors or 0) for g, i in pairs), len(pairs)),
        killed_high_exact=_share(sum(g.killed == i.killed_high for g, i in with_toll), len(with_toll)),
        vessels_exact=_share(sum(g.vessels == i.vessels for g, i in with_vessels), len(with_vessels)),
        region_exact=_share(sum(g.region == i.region for g, i in with_sea), len(with_sea)),
        announcer_exact=_share(sum(g.announced_by == i.announced_by for g, i in with_announcer), len(with_announcer)),
        unmatched_gold=tuple(g.describe() for g in gold if g.row not in matched_gold),
        unmatched_incidents=tuple(i.id for i in incidents if i.id not in matched_ids),
        wrong_killed=tuple(f"{g.strike_date} {g.region}: gold {g.killed}, ledger {i.killed_best} ({i.id})" for g, i in with_toll if g.killed != i.killed_best),
    )
