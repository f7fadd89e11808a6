"""The ledger's own running sums, and each reported cumulative total checked against them.

A reported total ("at least 66 people killed in 14 strikes on 15 boats") is compared, figure
by figure, with what the ledger holds up to the total's as-of date: deaths with the deaths of
the incidents, strikes with the number of strike events, boats with the sum of the
incidents' vessels.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from .outlets import outlet_name
from .records import Article, Incident, ReportedTotal


def incident_deaths(incident: Incident) -> int:
    """Deaths an incident adds to a running sum: its best figure, else its low bound, else 0."""
    if incident.killed_best is not None:
        return incident.killed_best
    return incident.killed_low or 0


def incident_vessels(incident: Incident) -> int:
    """Boats an incident adds to a running sum; a strike whose boats nobody counted hit at least one."""
    return incident.vessels if incident.vessels else 1


@dataclass(frozen=True)
class LedgerSums:
    """What the ledger holds over some span of days."""

    killed: int
    strikes: int
    vessels: int


def sums(incidents: Iterable[Incident], after: date | None = None, through: date | None = None) -> LedgerSums:
    """The ledger's deaths, strikes and boats with strike_date in (after, through]; None is open.

    Undated incidents are left out: they cannot be placed before or after any date.
    """
    chosen = [i for i in incidents if i.strike_date is not None
              and (after is None or i.strike_date > after) and (through is None or i.strike_date <= through)]
    return LedgerSums(killed=sum(incident_deaths(i) for i in chosen), strikes=len(chosen),
                      vessels=sum(incident_vessels(i) for i in chosen))


@dataclass(frozen=True)
class TotalCheck:
    """One reported cumulative total beside the ledger's own figures as of its date.

    Each ``*_gap`` is reported minus ledger; None when the report gives no such figure or
    has no as-of date to compare at.
    """

    article_id: str
    outlet: str | None
    as_of: date | None
    sentence: str
    reported_killed: int | None
    qualifier: str
    reported_strikes: int | None
    ledger_killed: int
    ledger_strikes: int
    killed_gap: int | None
    strikes_gap: int | None
    reported_vessels: int | None = None
    ledger_vessels: int = 0
    vessels_gap: int | None = None


def _gap(reported: int | None, own: int, as_of: date | None) -> int | None:
    # Without an as-of date there is nothing to compare against: no gap is claimed.
    return None if reported is None or as_of is None else reported - own


def check_totals(strikes: list[Incident], totals: Iterable[ReportedTotal],
                 articles: dict[str, Article]) -> list[TotalCheck]:
    """Each reported total beside the ledger's sums up to its as-of date (every dated strike without one).

    Args:
        strikes: the ledger's strike events (corrections applied, not-strikes left out).
        totals: the reported totals, in the order to return them.
        articles: the totals' articles, with text (for the sentence).
    """
    checks = []
    for total in totals:
        own = sums(strikes, through=total.as_of)
        article = articles[total.article_id]
        checks.append(TotalCheck(
            article_id=total.article_id, outlet=outlet_name(article.outlet, article.url), as_of=total.as_of,
            sentence=article.text[total.start:total.end], reported_killed=total.killed,
            qualifier=total.killed_qualifier, reported_strikes=total.strikes,
            ledger_killed=own.killed, ledger_strikes=own.strikes,
            killed_gap=_gap(total.killed, own.killed, total.as_of),
            strikes_gap=_gap(total.strikes, own.strikes, total.as_of),
            reported_vessels=total.vessels, ledger_vessels=own.vessels,
            vessels_gap=_gap(total.vessels, own.vessels, total.as_of),
        ))
    return checks
