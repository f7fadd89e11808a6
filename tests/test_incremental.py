"""Incremental resolution gives the ledger a full rebuild gives, whatever the order of ingest."""

from __future__ import annotations

import random
from datetime import date

import pytest

from conftest import _report
from strikeledger.resolve import build_incidents
from strikeledger.resolve.incremental import Window, affected, resolve_incrementally, touched, windows


def test_reports_two_days_apart_are_two_windows_a_day_apart_one():
    a, b, c = (_report(n, date(2025, 10, d), "caribbean", 3) for n, d in (("a", 1), ("b", 2), ("c", 4)))
    first = Window(date(2025, 10, 1), date(2025, 10, 2))
    fourth = Window(date(2025, 10, 4), date(2025, 10, 4))
    assert windows([c, a, b]) == [first, fourth]
    # a month's report spans its month, joining what lies in it
    month = _report("m", None, "caribbean", None, precision="month", low=date(2025, 10, 1),
                    high=date(2025, 10, 31))
    assert windows([a, c, month]) == [Window(date(2025, 10, 1), date(2025, 10, 31))]
    assert touched([a, b, c], [c]) == [fourth]
    assert touched([a, b, c], [_report("u", None, "caribbean", 2, precision="unknown")]) == []


def _by_article(reports) -> dict[str, list]:
    grouped: dict[str, list] = {}
    for report in reports:
        grouped.setdefault(report.article_id, []).append(report)
    return grouped


@pytest.mark.parametrize("order", ["stored", "reversed", "shuffled-1", "shuffled-2"])
def test_ingest_in_steps_gives_the_full_rebuild(sample_ledger, order):
    reports, claims = sample_ledger.reports(), sample_ledger.claims()
    articles = sample_ledger.articles(with_text=False)
    grouped = _by_article(reports)
    ids = sorted(grouped)
    if order == "reversed":
        ids.reverse()
    elif order.startswith("shuffled"):
        random.Random(int(order[-1])).shuffle(ids)
    so_far: list = []
    ledger: list = []
    saved = 0
    for step in range(0, len(ids), 9):
        new = [r for article_id in ids[step:step + 9] for r in grouped[article_id]]
        so_far += new
        ledger = resolve_incrementally(ledger, so_far, new, articles, claims)
        assert ledger == build_incidents(so_far, articles, claims)
        saved += len(so_far) - len(affected(so_far, new))
    assert len(ledger) >= 36
    assert saved > 0  # some steps left reports unresolved again: it is incremental


def test_one_new_article_touches_only_its_own_windows(sample_ledger):
    reports = sample_ledger.reports()
    last = max(reports, key=lambda r: r.strike_date or date.min).article_id
    new = [r for r in reports if r.article_id == last]
    hit = touched(reports, new)
    assert hit and len(hit) < len(windows(reports))
