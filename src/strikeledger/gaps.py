"""The strikes nobody has counted: where reported running totals rise faster than the ledger.

Reported cumulative totals are put in order of their as-of dates, keeping for each day the
highest figure reported for it, and leaving out a figure below one reported for an earlier day
(a running total never falls). Between two consecutive days the reported rise (in deaths, and
in strikes when both days give a strike count) is set beside the ledger's own deaths and strikes
dated in between, ``(earlier day, later day]``. A window whose reported rise exceeds the
ledger's is a gap: evidence of a strike the ledger lacks, or of a report that lagged.

Each gap names the two reports that bound it and the stored articles that may tell of the
missing strike: strike reports that joined no incident, and articles published in the window
that speak of a strike on a boat yet feed no incident. Nothing here reads spaCy output; it works
on the stored records only.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from .outlets import outlet_name
from .records import CAMPAIGN_START, Article, Incident, ReportedTotal, StrikeReport
from .tally import sums

# Before the campaign began nobody had been killed in it, so its start is the floor of the first
# window even when no report states a zero.

# Qualifiers of a reported figure, and what each means for a rise measured from or to it.
LOWER_BOUND = ("at_least", "more_than")
APPROXIMATE = ("about",)
# For one day's figures of equal value, the firmest is the one kept.
_FIRMNESS = {"": 0, "at_least": 1, "more_than": 2, "about": 3}

# An article speaks of a strike on a boat when it has a word of force and a word for a vessel;
# either alone (policy stories on "strikes inside Venezuela", shipping news) is too broad to
# point at a missing boat strike.
_FORCE = re.compile(
    r"\b(?:strik(?:e|es|ing)|struck|attack(?:s|ed)?|destroy(?:ed|s)?|blew\s+up|fired\s+on)\b", re.IGNORECASE)
_VESSEL = re.compile(
    r"\b(?:boats?|vessels?|ships?|speedboats?|semi-submersibles?|narco-subs?|go-fasts?)\b", re.IGNORECASE)
LEAD_CHARS = 240  # how much of a lead's text is quoted
_NOUN = {"killed": "deaths", "strikes": "strikes"}


@dataclass(frozen=True)
class Bound:
    """A reported total that opens or closes a window (``role`` is ``before`` or ``after``)."""

    role: str
    article_id: str
    outlet: str | None
    published: date | None
    as_of: date
    killed: int | None
    killed_qualifier: str
    strikes: int | None
    sentence: str


@dataclass(frozen=True)
class Shortfall:
    """One measure (``killed`` or ``strikes``) across one window.

    ``unaccounted`` is the reported rise minus the ledger's; ``ledger_after`` is the ledger's
    own running sum by the later day, so ``reported_after > ledger_after`` says the ledger falls
    short of the later report itself, not only of the rise.
    """

    measure: str
    reported_before: int
    reported_after: int
    qualifier_before: str
    qualifier_after: str
    reported_rise: int
    ledger_rise: int
    unaccounted: int
    ledger_after: int
    caveats: tuple[str, ...]


@dataclass(frozen=True)
class Lead:
    """A stored article that may tell of the missing strike, and why it is named."""

    article_id: str
    outlet: str | None
    published: date | None
    title: str | None
    url: str | None
    reason: str
    text: str


@dataclass(frozen=True)
class Gap:
    """A window ``(after, through]`` in which the reports count more than the ledger holds.

    ``verdict`` is ``ledger_short`` when the ledger's own total by ``through`` is below the
    later report too (a strike is probably missing), ``earlier_report_behind`` when the earlier
    report was already below the ledger's count (the rise it implies is overstated).
    """

    after: date
    through: date
    killed_unaccounted: int
    strikes_unaccounted: int
    verdict: str
    killed: Shortfall | None
    strikes: Shortfall | None
    bounds: tuple[Bound, ...]
    leads: tuple[Lead, ...]

    def as_dict(self) -> dict[str, Any]:
        """The gap as JSON-ready data (dates as ISO strings), as the API and ``gaps --json`` give it."""
        return _jsonable(asdict(self))


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    return value.isoformat() if isinstance(value, date) else value


@dataclass(frozen=True)
class _Point:
    """One day's highest reported figure of one measure; ``total`` None is the campaign's start."""

    day: date
    value: int
    qualifier: str
    total: ReportedTotal | None

    @property
    def rank(self) -> tuple[int, int]:
        # Higher first; of equal figures the firmer ("at least 14" over "about 14").
        return self.value, -_FIRMNESS.get(self.qualifier, len(_FIRMNESS))


@dataclass(frozen=True)
class _Window:
    """One measure's shortfall across one window, with the two points that bound it."""

    shortfall: Shortfall
    before: _Point
    after: _Point


def _series(totals: list[ReportedTotal], measure: str, qualifiers: dict[tuple[str, int], str],
            start: date | None) -> list[_Point]:
    best: dict[date, _Point] = {}
    for total in totals:
        value = getattr(total, measure)
        if value is None or total.as_of is None:
            continue
        if measure == "killed":
            qualifier = total.killed_qualifier
        else:
            qualifier = qualifiers.get((total.article_id, total.index), "")
        point = _Point(total.as_of, value, qualifier, total)
        held = best.get(total.as_of)
        if held is None or point.rank > held.rank:
            best[total.as_of] = point
    points = [best[d] for d in sorted(best)]
    if start is not None and points and points[0].day > start:
        points.insert(0, _Point(start, 0, "", None))
    # A running total never falls: a figure below one reported for an earlier day is stale or
    # misread ("more than 80" a week after "at least 82", a list item's "eight killed" read as a
    # total), and the rise measured from it would count strikes the ledger already holds.
    kept: list[_Point] = []
    for point in points:
        if not kept or point.value >= kept[-1].value:
            kept.append(point)
    return kept


def _caveats(before: _Point, after: _Point, measure: str) -> tuple[str, ...]:
    notes = []
    if before.total is None:
        notes.append(f"the earlier figure is the campaign's start ({before.day}):"
                     f" no {_NOUN[measure]} before it")
    elif before.qualifier in LOWER_BOUND:
        notes.append(f"the earlier figure ({before.value}, {before.qualifier.replace('_', ' ')})"
                     " is a lower bound: the true rise may be smaller")
    if after.qualifier in LOWER_BOUND:
        notes.append(f"the later figure ({after.value}, {after.qualifier.replace('_', ' ')})"
                     " is a lower bound: the true rise may be larger")
    for point, which in ((before, "earlier"), (after, "later")):
        if point.qualifier in APPROXIMATE:
            notes.append(f"the {which} figure ({point.value}) is approximate")
    return tuple(notes)


def _windows(points: list[_Point], measure: str, strikes: list[Incident]) -> dict[tuple[date, ...], _Window]:
    found = {}
    for before, after in zip(points, points[1:]):
        ledger_rise = getattr(sums(strikes, before.day, after.day), measure)
        ledger_after = getattr(sums(strikes, through=after.day), measure)
        rise = after.value - before.value
        shortfall = Shortfall(measure, before.value, after.value, before.qualifier, after.qualifier, rise,
                              ledger_rise, rise - ledger_rise, ledger_after, _caveats(before, after, measure))
        found[(before.day, after.day)] = _Window(shortfall, before, after)
    return found


def _bounds(windows: list[_Window], articles: dict[str, Article]) -> tuple[Bound, ...]:
    """The reports at either end of a window (one report may bound it for deaths and strikes both)."""
    bounds: dict[tuple[str, str, int], Bound] = {}
    for window in windows:
        for role, point in (("before", window.before), ("after", window.after)):
            total = point.total
            if total is None or (role, total.article_id, total.index) in bounds:
                continue  # the campaign's start is no report
            article = articles.get(total.article_id)
            bounds[(role, total.article_id, total.index)] = Bound(
                role, total.article_id, outlet_name(article.outlet, article.url) if article else None,
                article.published if article else None, point.day, total.killed, total.killed_qualifier,
                total.strikes, article.text[total.start:total.end] if article else "")
    return tuple(bounds.values())


def _in(day: date | None, after: date, through: date) -> bool:
    return day is not None and after < day <= through


def _leads(after: date, through: date, articles: dict[str, Article], reports: list[StrikeReport],
           placed: set[str]) -> tuple[Lead, ...]:
    leads, named = [], set()
    for report in reports:
        article = articles.get(report.article_id)
        if report.key in placed or article is None:
            continue
        low, high = report.date_low or report.strike_date, report.date_high or report.strike_date
        if low is not None and high is not None:
            # A report dated to a week or a month may be of any day in its span: it is named when
            # the span meets the window.
            if not (high > after and low <= through):
                continue
            when = str(low) if low == high else f"{low} to {high} ({report.date_precision})"
            reason = f"a strike report dated {when} joined no incident"
        elif _in(article.published, after, through):
            reason = "an undated strike report, published in the window, joined no incident"
        else:
            continue
        leads.append(_lead(article, reason, article.text[report.start:report.end]))
        named.add(article.id)
    feeding = {key.rsplit(":", 1)[0] for key in placed}
    for article in sorted(articles.values(), key=lambda a: (a.published or date.min, a.id)):
        if article.id in named or article.id in feeding or not _in(article.published, after, through):
            continue
        force = _FORCE.search(article.text)
        if force and _VESSEL.search(article.text):
            snippet = article.text[max(0, force.start() - LEAD_CHARS // 2):force.end() + LEAD_CHARS // 2]
            reason = "published in the window, speaks of a strike on a boat, feeds no incident"
            leads.append(_lead(article, reason, snippet))
    return tuple(leads)


def _lead(article: Article, reason: str, text: str) -> Lead:
    return Lead(article.id, outlet_name(article.outlet, article.url), article.published, article.title, article.url, reason,
                " ".join(text.split())[:LEAD_CHARS])


def find_gaps(
    totals: Iterable[ReportedTotal],
    strikes: list[Incident],
    articles: dict[str, Article],
    reports: Iterable[StrikeReport] = (),
    placed: Iterable[str] = (),
    strike_qualifiers: dict[tuple[str, int], str] | None = None,
    start: date | None = CAMPAIGN_START,
) -> list[Gap]:
    """Windows between consecutive reported totals where the reports count more than the ledger.

    Deaths and strikes are two series: consecutive days that report deaths bound the deaths
    windows, consecutive days that report a strike count bound the strikes windows (strike counts
    are rarer; a day with deaths alone would otherwise break every strikes window). A window both
    series share is one gap.

    Args:
        totals: reported cumulative totals; those without an as-of date are ignored.
        strikes: the ledger's strike events (corrections applied, not-strikes left out).
        articles: stored articles with text, by id: the totals' sentences and the leads come from them.
        reports: every stored strike report, to find those that joined no incident.
        placed: the report keys (``article_id:index``) that are in some incident.
        strike_qualifiers: the qualifier of each total's strike count, by (article id, index).
        start: the floor of the first window (the campaign's start), or None for none.

    Returns:
        The gaps, in date order; a window whose reports rise no faster than the ledger is not one.
    """
    totals, reports, placed = list(totals), list(reports), set(placed)
    qualifiers = strike_qualifiers or {}
    by_measure = {m: _windows(_series(totals, m, qualifiers, start), m, strikes)
                  for m in ("killed", "strikes")}
    gaps = []
    for key in sorted(set(by_measure["killed"]) | set(by_measure["strikes"])):
        windows = {m: by_measure[m][key] for m in by_measure if key in by_measure[m]}
        short = {m: w.shortfall for m, w in windows.items()}
        if not any(s.unaccounted > 0 for s in short.values()):
            continue
        behind = all(s.reported_after <= s.ledger_after for s in short.values() if s.unaccounted > 0)
        gaps.append(Gap(
            after=key[0], through=key[1],
            killed_unaccounted=max(0, short["killed"].unaccounted) if "killed" in short else 0,
            strikes_unaccounted=max(0, short["strikes"].unaccounted) if "strikes" in short else 0,
            verdict="earlier_report_behind" if behind else "ledger_short",
            killed=short.get("killed"), strikes=short.get("strikes"),
            bounds=_bounds(list(windows.values()), articles),
            leads=_leads(key[0], key[1], articles, reports, placed),
        ))
    return gaps
