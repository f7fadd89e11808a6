"""Publication dates: from metadata, a dateline in the text, or the date in the page's URL path."""

from __future__ import annotations

import re
from datetime import date, datetime

from ..extract.calendar import MONTHS
from ..extract.lexicon import WIRE_DATELINE

_YEAR = re.compile(r"\b(20[2-3]\d)\b")
# News sites put the publication day in the path: /2025/11/06/, /2025-11-06/, /20251106/ (a run
# of eight digits only between separators, so that story ids are not read as days).
_URL_DAY = re.compile(
    r"""[/_-](?P<y>20[2-3]\d)(?P<sep>[/_-]?)(?P<m>0[1-9]|1[0-2])(?P=sep)(?P<d>0[1-9]|[12]\d|3[01])(?=[/_.-]|$)""",
)
# A path with only a year and a month (/2025/11/slug) dates the article to that month.
_URL_MONTH = re.compile(r"/(?P<y>20[2-3]\d)/(?P<m>0[1-9]|1[0-2])/(?!\d)")


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


def url_date(url: str | None) -> tuple[date, str] | None:
    """The publication date a URL path carries, with its precision (``day`` or ``month``).

    ``https://example.org/news/2025/11/06/strike`` gives 2025-11-06; ``/2025/11/strike`` gives
    November 2025 (its first day, precision ``month``); a path without one gives None.
    """
    if not url:
        return None
    path = re.sub(r"^[a-z]+://[^/]+", "", url.strip(), flags=re.IGNORECASE)
    for match in _URL_DAY.finditer(path):
        try:
            return date(int(match["y"]), int(match["m"]), int(match["d"])), "day"
        except ValueError:
            continue
    match = _URL_MONTH.search(path)
    if match:
        return date(int(match["y"]), int(match["m"]), 1), "month"
    return None
