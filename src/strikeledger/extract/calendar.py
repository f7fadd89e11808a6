"""Calendar arithmetic for resolving dates against a reference day.

Pure functions, no text: the ``dates`` extractor finds expressions and calls these.
"""

from __future__ import annotations

import calendar as _calendar
from datetime import date, timedelta

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
    "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}

# A year-less date ("Sept. 15") may lie this many days after the reference day and still be
# taken as this year: datelines and time zones put some stories a day or two before the date
# they mention. Tuned on the sample corpus (examples/), where no story is dated more than a day
# before its events.
FUTURE_TOLERANCE_DAYS = 2


def year_for(month: int, day: int, reference: date) -> date | None:
    """The latest date with this month and day not after ``reference`` (+ tolerance)."""
    for year in (reference.year + 1, reference.year, reference.year - 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if candidate <= reference + timedelta(days=FUTURE_TOLERANCE_DAYS):
            return candidate
    return None


def last_weekday(weekday: int, reference: date, strictly_before: bool = False) -> date:
    """The latest day with this weekday on or before ``reference`` (before it, if strict)."""
    delta = (reference.weekday() - weekday) % 7
    if delta == 0 and strictly_before:
        delta = 7
    return reference - timedelta(days=delta)


def week_window(reference: date, weeks_back: int) -> tuple[date, date]:
    """Monday..Sunday of the week ``weeks_back`` weeks before the one holding ``reference``."""
    monday = reference - timedelta(days=reference.weekday()) - timedelta(weeks=weeks_back)
    return monday, monday + timedelta(days=6)


def month_window(year: int, month: int) -> tuple[date, date]:
    last = _calendar.monthrange(year, month)[1]
    return date(year, month, 1), date(year, month, last)


def month_before(reference: date, months_back: int = 1) -> tuple[int, int]:
    index = reference.year * 12 + reference.month - 1 - months_back
    return index // 12, index % 12 + 1
