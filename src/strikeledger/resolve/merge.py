"""Clustering strike reports into incidents, and summarising each cluster."""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from ..records import Article, Claim, Incident, KilledFigure, StrikeReport
from ..extract.places import PRECISION_RANK

OFFICIAL = frozenset({"Hegseth", "SOUTHCOM", "Trump", "Pentagon", "White House", "Rubio"})
# Two reports of one strike may date it a day apart (the strike vs its announcement, time
# zones); no further. The FORMAT.md matching rule uses the same tolerance.
MAX_DAY_GAP = 1
_PRECISION_ORDER = {"day": 0, "week": 1, "month": 2, "unknown": 3}
_REGION_CODE = {"caribbean": "CAR", "eastern_pacific": "EPAC", "other": "OTH", "unknown": "UNK"}


@dataclass
class Cluster:
    reports: list[StrikeReport] = field(default_factory=list)

    @property
    def article_ids(self) -> set[str]:
        return {r.article_id for r in self.reports}

    def day_dates(self, tolled: bool = False, besides: StrikeReport | None = None) -> list[date]:
        """The days its reports (other than ``besides``) give the strike; with ``tolled``, only those
        of its reports that carry a toll, when any does: toll-less reports a day off would
        otherwise bridge a strike into the next day's."""
        dated = [r for r in self.reports if r is not besides and r.date_precision == "day" and r.strike_date]
        if tolled:
            dated = [r for r in dated if r.killed is not None] or dated
        return [r.strike_date for r in dated]

    def regions(self) -> set[str]:
        return {r.region for r in self.reports if r.region not in ("unknown", "other")}

    def killed_values(self) -> set[int]:
        return {r.killed for r in self.reports if r.killed is not None and r.killed_qualifier != "partial"}


def _compatible(cluster: Cluster, report: StrikeReport) -> tuple[bool, tuple]:
    """Whether a report may join a cluster, and how well it fits (lower is better)."""
    if report.article_id in cluster.article_ids:
        return False, ()
    regions = cluster.regions()
    if report.region not in ("unknown", "other") and regions and report.region not in regions:
        return False, ()
    killed = cluster.killed_values()
    same_toll = report.killed is None or not killed or report.killed in killed
    # a day apart, the toll must be the cluster's own (its most reported), not any figure once
    # merged into it: a cluster that has gathered a stray figure would otherwise take the next
    # day's strike too (two strikes a day apart folded into one on real reporting)
    usual = _mode(r.killed for r in cluster.reports if r.killed is not None and r.killed_qualifier != "partial")
    usual_toll = report.killed is None or usual is None or report.killed == usual
    days = cluster.day_dates()
    if report.date_precision == "day" and report.strike_date:
        if not days:
            return False, ()
        gap = _day_gap(cluster, report, tolled=report.killed is not None)
        if gap > MAX_DAY_GAP:
            return False, ()
        if gap > 0 and report.killed is not None and usual is None and not report.date_from_announcement:
            # a dated toll a day off a strike known only by toll-less mentions ("Tuesday's strike",
            # told in passing) is a strike of its own day
            return False, ()
        if gap > 0 and not usual_toll:
            # consecutive days, different tolls: two strikes (an announcement's day too, which the
            # strike may precede by a day: with another toll it is another strike)
            return False, ()
        return True, (gap, 0 if same_toll else 1)
    # Coarse date: the cluster's day must lie in the report's window.
    if report.date_low is None or report.date_high is None or not days:
        return False, ()
    inside = [d for d in days if report.date_low <= d <= report.date_high]
    if not inside or not same_toll:
        return False, ()
    return True, (0, 0)


def _cluster(reports: list[StrikeReport], published: dict[str, date | None]) -> list[Cluster]:
    def order(r: StrikeReport):
        return (
            _PRECISION_ORDER[r.date_precision], r.date_from_announcement, r.strike_date or date.max,
            published.get(r.article_id) or date.max, r.article_id, r.index,
        )

    clusters: list[Cluster] = []
    for report in sorted(reports, key=order):
        if report.date_precision == "unknown" or (report.strike_date is None and report.date_low is None):
            continue
        best, best_fit = None, None
        for cluster in clusters:
            ok, fit = _compatible(cluster, report)
            if ok and (best_fit is None or fit < best_fit):
                best, best_fit = cluster, fit
        if best is not None:
            best.reports.append(report)
        elif report.date_precision == "day":
            # Only a report dated to the day founds an incident: one dated to a week or a month
            # ("a strike earlier this month") joins the strike it fits or none.
            clusters.append(Cluster([report]))
    return _rehome_tollless(clusters)


def _day_gap(cluster: Cluster, report: StrikeReport, tolled: bool = True) -> int | None:
    """Days from a day-dated ``report`` to the cluster's strike (see ``Cluster.day_dates``)."""
    days = cluster.day_dates(tolled=tolled, besides=report)
    if report.date_precision != "day" or report.strike_date is None or not days:
        return None
    return min(abs((report.strike_date - d).days) for d in days)


def _rehome_tollless(clusters: list[Cluster]) -> list[Cluster]:
    """A report without a toll joined, a day off, the first strike it fitted; once every strike
    has been founded it belongs with the one of its own day, if there is one."""
    by_day: dict[date, list[Cluster]] = defaultdict(list)  # candidates by day, not every cluster
    for cluster in clusters:
        for day in set(cluster.day_dates(tolled=True)):
            by_day[day].append(cluster)
    for cluster in clusters:
        for report in list(cluster.reports):
            gap = _day_gap(cluster, report)
            if report.killed is not None or not gap or len(cluster.reports) == 1:
                continue
            others = [c for c in by_day.get(report.strike_date, ())
                      if c is not cluster and _day_gap(c, report) == 0 and _compatible(c, report)[0]]
            if others:
                cluster.reports.remove(report)
                others[0].reports.append(report)
    return [c for c in clusters if c.reports]


def killed_figures(reports: Iterable[StrikeReport], articles: dict[str, Article]) -> list[KilledFigure]:
    """Each report's toll, oldest article first: the range, the best estimate and the revisions come from these."""
    figures = [
        KilledFigure(r.killed, r.killed_qualifier, r.article_id, articles[r.article_id].published, articles[r.article_id].outlet, r.announced_by in OFFICIAL)
        for r in reports if r.killed is not None
    ]
    return sorted(figures, key=lambda f: (f.published is None, f.published or date.min, f.article_id))


def _mode(values: Iterable, tie_order: list | None = None):
    counts = Counter(v for v in values if v is not None)
    if not counts:
        return None
    top = max(counts.values())
    winners = [v for v, c in counts.items() if c == top]
    if tie_order:
        for value in tie_order:
            if value in winners:
                return value
    return sorted(winners, key=str)[0]


def _incident_id(cluster: Cluster, strike_date: date | None, region: str, published: dict[str, date | None]) -> str:
    anchor = min(cluster.reports, key=lambda r: (published.get(r.article_id) or date.max, r.article_id, r.index))
    digest = hashlib.sha1(anchor.key.encode()).hexdigest()[:6]
    return f"{strike_date.isoformat() if strike_date else 'undated'}-{_REGION_CODE[region]}-{digest}"


def _summarise(cluster: Cluster, articles: dict[str, Article], disputed: set[str]) -> Incident:
    reports = sorted(cluster.reports, key=lambda r: (articles[r.article_id].published or date.max, r.article_id, r.index))
    published = {a: articles[a].published for a in cluster.article_ids}
    explicit = [r.strike_date for r in reports if r.date_precision == "day" and not r.date_from_announcement]
    announced = [r.strike_date for r in reports if r.date_precision == "day"]
    strike_date = _mode(explicit) or _mode(announced) or _mode(r.strike_date or r.date_low for r in reports)
    precision = min((r.date_precision for r in reports), key=_PRECISION_ORDER.get)
    region = _mode(r.region for r in reports if r.region not in ("unknown",)) or "unknown"
    placed = [r for r in reports if r.location and (r.region == region or r.region == "unknown")]
    place = min(placed, key=lambda r: PRECISION_RANK[r.place_precision], default=None)
    vessels = _mode(r.vessels for r in reports)

    figures = killed_figures(reports, articles)
    full = [f for f in figures if f.qualifier != "partial"]
    partial = [f for f in figures if f.qualifier == "partial"]
    killed_low = killed_best = killed_high = None
    best_reason = ""
    if full:
        values = [f.value for f in full]
        killed_low, killed_high = min(values), max(values)
        latest = max(full, key=lambda f: (f.official, f.published or date.min, f.value))
        revised = [f for f in full if f.qualifier.startswith("revised_from")]
        if revised:
            latest = max(revised, key=lambda f: f.published or date.min)
            best_reason = f"the latest revision ({latest.outlet or latest.article_id}, {latest.published})"
        elif len(set(values)) == 1:
            best_reason = "all sources agree"
        else:
            best_reason = f"the latest {'official ' if latest.official else ''}figure ({latest.outlet or latest.article_id}, {latest.published})"
        killed_best = latest.value
    elif partial:
        killed_low = max(f.value for f in partial)
        best_reason = "only a partial toll is reported (a follow-on strike); the total is unknown"
    survivors = _mode(r.survivors for r in reports)
    if survivors and any(f.value == survivors for f in partial):
        # "the strike left two survivors ... a follow-on strike killed them": the survivors some
        # sources count are the dead of the follow-on others report; none survived
        survivors = None
    presumed_dead = _mode(r.presumed_dead for r in reports)
    if presumed_dead:
        # Presumed, not confirmed: the high figure counts them, the best estimate does not.
        killed_high = (killed_high if killed_high is not None else killed_low or 0) + presumed_dead
        best_reason += f"; {presumed_dead} more presumed dead after the search ended (counted in the high figure only)"
    speakers = [r.announced_by for r in reports if r.announced_by]
    announced_by = _mode(speakers, tie_order=speakers)

    contradictions = []
    # Only dates the sources give for the strike itself can disagree; a day known only as the
    # announcement day is expected to trail it.
    day_values = sorted({r.strike_date for r in reports if r.date_precision == "day" and r.strike_date and not r.date_from_announcement})
    if len(day_values) > 1:
        contradictions.append("date: " + " / ".join(d.isoformat() for d in day_values))
    if full and len({f.value for f in full}) > 1:
        label = "killed (revised)" if any(f.qualifier.startswith("revised_from") for f in full) else "killed"
        contradictions.append(f"{label}: " + " / ".join(str(v) for v in sorted({f.value for f in full})))
    for name, values in (("region", {r.region for r in reports if r.region != "unknown"}),
                         ("survivors", {r.survivors for r in reports if r.survivors is not None}),
                         ("vessels", {r.vessels for r in reports if r.vessels is not None})):
        if len(values) > 1:
            contradictions.append(f"{name}: " + " / ".join(str(v) for v in sorted(values)))

    outlets = {articles[a].outlet or articles[a].url or a for a in cluster.article_ids}
    if cluster.article_ids & disputed:
        grade = "disputed"
    elif announced_by in OFFICIAL:
        grade = "official"
    elif len(outlets) >= 2:
        grade = "corroborated"
    else:
        grade = "single_source"
    return Incident(
        id=_incident_id(cluster, strike_date, region, published),
        strike_date=strike_date,
        date_precision=precision,
        region=region,
        location=place.location if place else None,
        lat=place.lat if place else None,
        lon=place.lon if place else None,
        place_precision=place.place_precision if place else "unknown",
        vessels=vessels,
        killed_low=killed_low,
        killed_best=killed_best,
        killed_high=killed_high,
        survivors=survivors,
        announced_by=announced_by,
        grade=grade,
        report_keys=tuple(r.key for r in reports),
        article_ids=tuple(sorted(cluster.article_ids)),
        contradictions=tuple(contradictions),
        best_reason=best_reason,
        presumed_dead=presumed_dead,
    )


def build_incidents(
    reports: Iterable[StrikeReport], articles: dict[str, Article], claims: Iterable[Claim] = ()
) -> list[Incident]:
    """Merge reports into incidents, sorted by date then id.

    ``articles`` maps article id to its Article (for publication dates and outlets); ``claims``
    mark as disputed the incidents whose reports some voice contests.
    """
    reports = list(reports)
    claims = list(claims)
    published = {a: art.published for a, art in articles.items()}
    incidents = [summarise(cluster.reports, articles, claims) for cluster in _cluster(reports, published)]
    incidents.sort(key=lambda i: (i.strike_date or date.max, i.id))
    return incidents


def summarise(reports: Iterable[StrikeReport], articles: dict[str, Article], claims: Iterable[Claim] = ()) -> Incident:
    """One incident from a group of reports taken as one strike (the resolver's or an analyst's group)."""
    cluster = Cluster(list(reports))
    disputed_reports = {(c.article_id, c.report_index) for c in claims if c.stance == "disputes" and c.report_index is not None}
    disputed = {r.article_id for r in cluster.reports if (r.article_id, r.index) in disputed_reports}
    return _summarise(cluster, articles, disputed)
