"""Bounds on figures: a number or date no strike of the campaign could have is a misreading.

A toll of 26 digits read from a text overflows SQLite's 64-bit integers, and "killing 10,000,000
people" would grow the campaign's total by ten million if it fitted. Before an extraction is
stored, each count beyond its bound and each date outside the campaign's possible range is taken
as unreported (None) and the fact that read it is dropped, so no evidence points at a figure not
kept; what was read is kept instead as a claim of the article (stance ``implausible``, speaker
``plausibility``) giving the words and the reason, which the article's page lists with its other
claims. Review (:mod:`strikeledger.review`) holds corrections to the same bounds.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from ..records import CAMPAIGN_START, ArticleExtraction, Claim, Fact

# People or vessels in one strike on boats: tolls reported are in ones and tens; a bound orders
# of magnitude above them keeps every real figure and no misreading of thousands or millions.
MAX_PER_STRIKE = 10_000
# Counts over the whole campaign (running totals, "the 21st strike"): room for years of it.
MAX_CAMPAIGN = 1_000_000
# The bound each kind of count is held to, in one strike and in a running total.
BOUNDS = {"killed": MAX_PER_STRIKE, "vessels": MAX_PER_STRIKE, "survivors": MAX_PER_STRIKE,
          "presumed_dead": MAX_PER_STRIKE, "strikes": MAX_CAMPAIGN, "ordinal": MAX_CAMPAIGN,
          "part": MAX_CAMPAIGN}
# Dates: none before the campaign began, none after today (a day of slack for time zones).
LATEST_SLACK = timedelta(days=1)
SPEAKER, STANCE = "plausibility", "implausible"

_REPORT_COUNTS = ("vessels", "killed", "survivors", "presumed_dead", "ordinal", "part")
_TOTAL_COUNTS = ("killed", "strikes", "vessels")
_DATE_KINDS = ("strike_date", "date", "as_of")


def latest_date() -> date:
    """The latest date a strike or a total can bear: today, with LATEST_SLACK."""
    return date.today() + LATEST_SLACK


def date_problem(value: date | None) -> str | None:
    """Why ``value`` cannot be a date of the campaign, or None when it can (or is None)."""
    if value is None:
        return None
    if value < CAMPAIGN_START:
        return f"before the campaign began ({CAMPAIGN_START.isoformat()})"
    if value > latest_date():
        return "in the future"
    return None


def count_problem(value: int | None, bound: int) -> str | None:
    """Why ``value`` cannot be a count held to ``bound``, or None when it can (or is None)."""
    if value is None or 0 <= value <= bound:
        return None
    return f"over the bound of {bound:,}" if value > bound else "below zero"


def _fact_problem(fact: Fact, campaign: bool) -> str | None:
    value = fact.value.strip()
    if fact.kind in _DATE_KINDS:
        try:
            return date_problem(date.fromisoformat(value))
        except ValueError:
            return None  # not a plain day ("2025-W45", a month): the report's own window is checked
    bound = BOUNDS.get(fact.kind)
    if bound is None or not value.isdigit():
        return None
    bound = MAX_CAMPAIGN if campaign else bound  # a running total's "killed" counts the campaign
    # the length first: int() of thousands of digits is itself refused by Python
    return f"over the bound of {bound:,}" if len(value) > len(str(bound)) else count_problem(int(value), bound)


def _claim(fact: Fact, index: int | None, reason: str, per: str) -> Claim:
    return Claim(fact.article_id, index, SPEAKER, STANCE, fact.kind[:32], fact.start, fact.end,
                 f"{fact.kind} read as {fact.value[:40]} from «{fact.surface[:200]}»: {reason}{per}; "
                 "not taken as a figure")


def _kept(facts: tuple[Fact, ...], index: int | None, campaign: bool, claims: list[Claim]) -> tuple[Fact, ...]:
    kept = []
    for fact in facts:
        reason = _fact_problem(fact, campaign)
        if reason is None:
            kept.append(fact)
        else:
            claims.append(_claim(fact, index if not campaign else None, reason,
                                 "" if fact.kind in _DATE_KINDS else (" for the campaign" if campaign else " per strike")))
    return tuple(kept)


def _report(report, claims: list[Claim]):
    facts = _kept(report.facts, report.index, False, claims)
    counts = {f: None if count_problem(getattr(report, f), BOUNDS[f]) else getattr(report, f) for f in _REPORT_COUNTS}
    dated = {}
    outside = (report.date_high is not None and report.date_high < CAMPAIGN_START) or (
        report.date_low is not None and report.date_low > latest_date())
    if date_problem(report.strike_date) or outside:  # a window reaching past either end may still hold it
        dated = {"strike_date": None, "date_low": None, "date_high": None, "date_precision": "unknown"}
    return replace(report, facts=facts, **counts, **dated)


def _total(total, claims: list[Claim]):
    facts = _kept(total.facts, None, True, claims)
    counts = {f: None if count_problem(getattr(total, f), MAX_CAMPAIGN) else getattr(total, f) for f in _TOTAL_COUNTS}
    return replace(total, facts=facts, **counts, **({"as_of": None} if date_problem(total.as_of) else {}))


def plausible(extraction: ArticleExtraction) -> ArticleExtraction:
    """``extraction`` with every count beyond its bound and every date outside the campaign
    unreported, the facts behind them dropped and each kept as an ``implausible`` claim."""
    claims: list[Claim] = []
    reports = tuple(_report(r, claims) for r in extraction.reports)
    totals = tuple(_total(x, claims) for x in extraction.totals)
    if reports == extraction.reports and totals == extraction.totals:
        return extraction
    return replace(extraction, reports=reports, totals=totals, claims=tuple(extraction.claims) + tuple(claims))
