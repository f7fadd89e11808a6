"""Bounds on figures: a number no strike could have is a misreading, not a figure to store.

A toll of 26 digits read from a text overflows SQLite's 64-bit integers (and would mislead if
it fitted). Before an extraction is stored, each count beyond its bound is taken as unreported
(None) and the fact that read it is dropped, so no evidence points at a figure not kept.
"""

from __future__ import annotations

from dataclasses import replace

from ..records import ArticleExtraction, Fact

# People or vessels in one strike on boats: tolls reported are in ones and tens; a bound orders
# of magnitude above them keeps every real figure and no 26-digit misreading.
MAX_PER_STRIKE = 10_000
# Counts over the whole campaign (running totals, "the 21st strike"): room for years of it.
MAX_CAMPAIGN = 1_000_000

_REPORT_COUNTS = ("vessels", "killed", "survivors", "presumed_dead")
_REPORT_ORDINALS = ("ordinal", "part")
_TOTAL_COUNTS = ("killed", "strikes", "vessels")
# Fact kinds whose value is a count, and the bound each is held to.
_FACT_BOUNDS = {"killed": MAX_PER_STRIKE, "vessels": MAX_PER_STRIKE, "survivors": MAX_PER_STRIKE,
                "presumed_dead": MAX_PER_STRIKE, "strikes": MAX_CAMPAIGN, "ordinal": MAX_CAMPAIGN}


def _bounded(value: int | None, bound: int) -> int | None:
    return value if value is None or 0 <= value <= bound else None


def _fact_ok(fact: Fact, bound: int) -> bool:
    value = fact.value.strip()
    # the length first: int() of thousands of digits is itself refused by Python
    return not value.isdigit() or (len(value) <= len(str(bound)) and int(value) <= bound)


def _facts(facts: tuple[Fact, ...], per_strike: bool) -> tuple[Fact, ...]:
    kept = []
    for fact in facts:
        bound = _FACT_BOUNDS.get(fact.kind)
        if bound is not None and not per_strike:
            bound = MAX_CAMPAIGN  # a running total's "killed" counts the whole campaign
        if bound is None or _fact_ok(fact, bound):
            kept.append(fact)
    return tuple(kept)


def plausible(extraction: ArticleExtraction) -> ArticleExtraction:
    """``extraction`` with every count beyond its bound unreported and the fact behind it dropped."""
    reports = tuple(
        replace(r, facts=_facts(r.facts, True),
                **{f: _bounded(getattr(r, f), MAX_PER_STRIKE) for f in _REPORT_COUNTS},
                **{f: _bounded(getattr(r, f), MAX_CAMPAIGN) for f in _REPORT_ORDINALS})
        for r in extraction.reports)
    totals = tuple(
        replace(x, facts=_facts(x.facts, False),
                **{f: _bounded(getattr(x, f), MAX_CAMPAIGN) for f in _TOTAL_COUNTS})
        for x in extraction.totals)
    return replace(extraction, reports=reports, totals=totals)
