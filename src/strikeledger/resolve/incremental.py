"""Incremental resolution: re-resolve only the dates an ingest's new reports touch.

Reports merge only when their days are at most :data:`~.merge.MAX_DAY_GAP` apart, and a report
dated to a week or a month joins only a strike whose day lies in its window. So the dated reports
fall into *windows*: runs of dates in which each report's date (or window) lies within a day of
the next one's. Two reports of different windows can never meet, directly or through a cluster
(every day of a cluster lies in its window), and the resolver's choices inside a window depend on
that window's reports alone, taken in the same order. The ledger of all reports is therefore the
ledger of each window resolved on its own: new reports change only the windows they fall in (which
they may join together), and the incidents of every other window stay as they were.

:func:`resolve_incrementally` does that with the existing full resolver
(:func:`~.merge.build_incidents`) on the touched windows; it gives the same incidents as a full
rebuild (``tests/test_incremental.py`` compares them on the sample corpora in several ingest
orders). How much it saves depends on the ledger: where strikes are reported on consecutive days
for weeks, a window spans those weeks.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from ..records import Article, Claim, Incident, StrikeReport
from .merge import MAX_DAY_GAP, build_incidents

_GAP = timedelta(days=MAX_DAY_GAP)


@dataclass(frozen=True)
class Window:
    """A run of dates whose reports may merge with one another and with no others."""

    first: date
    last: date

    def holds(self, span: tuple[date, date]) -> bool:
        return self.first <= span[0] and span[1] <= self.last


def span(report: StrikeReport) -> tuple[date, date] | None:
    """The dates a report may merge within: its day, or its week's or month's window; None for a
    report the resolver leaves out (no date at all)."""
    if report.date_precision == "day" and report.strike_date:
        return report.strike_date, report.strike_date
    if report.date_precision == "unknown" or report.date_low is None:
        return None
    return report.date_low, report.date_high or report.date_low


def windows(reports: Iterable[StrikeReport]) -> list[Window]:
    """The windows of ``reports``, in order: spans closer than a day's gap are one window."""
    spans = sorted(s for s in map(span, reports) if s is not None)
    merged: list[Window] = []
    for first, last in spans:
        if merged and first - merged[-1].last <= _GAP:
            merged[-1] = Window(merged[-1].first, max(merged[-1].last, last))
        else:
            merged.append(Window(first, last))
    return merged


def touched(reports: Iterable[StrikeReport], new: Iterable[StrikeReport]) -> list[Window]:
    """The windows of all ``reports`` (the new among them) that hold a new report."""
    spans = [s for s in map(span, new) if s is not None]
    return [w for w in windows(reports) if any(w.holds(s) for s in spans)]


def affected(reports: Iterable[StrikeReport], new: Iterable[StrikeReport]) -> list[StrikeReport]:
    """The reports of ``reports`` (the new among them) in the windows the ``new`` ones touch."""
    reports = list(reports)
    hit = touched(reports, new)
    return [r for r in reports if (s := span(r)) is not None and any(w.holds(s) for w in hit)]


def resolve_incrementally(
    previous: Iterable[Incident],
    reports: Iterable[StrikeReport],
    new: Iterable[StrikeReport],
    articles: dict[str, Article],
    claims: Iterable[Claim] = (),
) -> list[Incident]:
    """The incidents of ``reports`` (every report, ``new`` among them), given ``previous``, the
    incidents :func:`~.merge.build_incidents` made of them without ``new``.

    Only the reports of the windows ``new`` touches are resolved again; the previous incidents
    of the other windows are kept. Returns what ``build_incidents(reports, articles, claims)``
    returns (same incidents, same provisional ids, same order).
    """
    again = affected(reports, new)
    keys = {r.key for r in again}
    kept = [i for i in previous if not keys.intersection(i.report_keys)]
    involved = {r.article_id for r in again}
    fresh = build_incidents(again, articles, [c for c in claims if c.article_id in involved])
    return sorted(kept + fresh, key=lambda i: (i.strike_date or date.max, i.id))
