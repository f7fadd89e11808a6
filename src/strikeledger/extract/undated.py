"""A hard case of reading: an article with no publication date, whose dates lack their year.

"Southern Command said the Dec. 30 strike ..." in a page without a date would otherwise date
nothing: a guessed year misplaces every strike, so the reader takes none. But the page usually
tells when it was written, and this module finds the latest day its year-less dates may take
in this order:

1. the URL's path: ``/YYYY/MM/DD/...`` gives that day, ``/YYYY/MM/`` the end of that month;
2. the latest full date the text names (a weekday, month, day and year in a page header);
3. the weekdays the text names: "on Tuesday ... on Dec. 30" holds only in years where Dec. 30
   is a Tuesday, and within the campaign's few years that picks one; the latest year-less date
   of that year is the day;
4. a page counting the campaign from its start month ("since September") with no year at all:
   its year-less dates lie in the campaign's first year.

Against that day a year-less date takes the latest year that keeps it on or before it, and
never one before the campaign began (a page naming a full date of one October and then
"Nov. 9" means the November after it, not the one before). It never gives a publication day:
relative dates still need one.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from types import SimpleNamespace

from ..records import CAMPAIGN_START, Article
from ..urlpaths import url_date
from .calendar import year_for


def _month_days(text: str, words: SimpleNamespace) -> list[tuple[int, int, int | None]]:
    found = []
    for match in words.MONTH_DAY.finditer(text):
        month = words.MONTHS.get((match["month"] or match["month2"]).lower())
        year = match["year"] or match["year2"]
        if month:
            found.append((month, int(match["day"] or match["day2"]), int(year) if year else None))
    return found


def _day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _weekday_year(days: list[tuple[int, int]], weekdays: set[int], years: range) -> int | None:
    """The one year in ``years`` in which most of ``days`` fall on a weekday the text names;
    None when no year fits, or two fit as well (a guess would misdate every strike)."""
    hits = {
        year: sum(1 for m, d in days if (x := _day(year, m, d)) and x.weekday() in weekdays) for year in years
    }
    ranked = sorted(hits.values(), reverse=True)
    if not ranked or ranked[0] == 0 or (len(ranked) > 1 and ranked[1] == ranked[0]):
        return None
    return max(hits, key=hits.get)


def campaign_day(month: int, day: int, reference: date) -> date | None:
    """The day a year-less date of an undated page stands for, against its ``undated_reference``."""
    found = year_for(month, day, reference)
    if found is not None and found < CAMPAIGN_START:
        found = _day(found.year + 1, month, day)
    return found


def undated_reference(article: Article, words: SimpleNamespace, today: date | None = None) -> date | None:
    """The latest day the year-less dates of ``article`` may take when it has no publication
    date; None when it has one (that one rules) or when nothing in the page tells. ``words``
    are the article language's (:mod:`.language`)."""
    if article.published is not None:
        return None
    dated = url_date(article.url)
    if dated is not None:
        day, precision = dated
        return day if precision == "day" else day.replace(day=calendar.monthrange(day.year, day.month)[1])
    today = today or date.today()
    years = range(CAMPAIGN_START.year, today.year + 1)
    month_days = _month_days(article.text, words)
    full = [x for m, d, y in month_days if y in years and (x := _day(y, m, d)) and x <= today]
    if full:
        return max(full)
    weekdays = {words.WEEKDAYS[m["weekday"].lower()] for m in words.WEEKDAY.finditer(article.text)}
    year = _weekday_year([(m, d) for m, d, _ in month_days], weekdays, years)
    if year is not None:
        return max(x for m, d, _ in month_days if (x := _day(year, m, d)))
    if words.COUNTS_FROM_START.search(article.text):
        # "since the campaign launched in September", with no other year: the page counts the
        # campaign's first year, and its year-less dates lie within it
        return CAMPAIGN_START + timedelta(days=364)
    return None
