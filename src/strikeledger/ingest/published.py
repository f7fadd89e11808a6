"""Publication dates: from metadata, a dateline in the text, or the date in the page's URL path."""

from __future__ import annotations

import re
from datetime import date, datetime

from ..extract.calendar import MONTHS
from ..extract.lexicon import WIRE_DATELINE

_YEAR = re.compile(r"\b(20[2-3]\d)\b")


def parse_published(value: object) -> date | None:
    """A ``YYYY-MM-DD`` or ISO 8601 value as a date; None when it is not one."""
    if value is None or value == "":
        return None
    text = str(value).strip()
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        return None


def dateline_date(text: str) -> date | None:
    """The date of a wire dateline ("WASHINGTON, Oct. 4 (Meridian Wire) —") at the top of the text.

    A dateline without a year takes the latest year the text names; without one it is not used,
    because a guessed year would misplace every relative date in the article.
    """
    head = text[:300]
    for line in head.split("\n")[:4]:
        match = WIRE_DATELINE.match(line)
        if not match or not (match["city"] or match["outlet"]):
            continue
        month = MONTHS.get(match["month"].lower().rstrip("."))
        if month is None:
            continue
        year = match["year"]
        if year is None:
            years = [int(y) for y in _YEAR.findall(text)]
            if not years:
                return None
            year = max(years)
        try:
            return date(int(year), month, int(match["day"]))
        except ValueError:
            return None
    return None

