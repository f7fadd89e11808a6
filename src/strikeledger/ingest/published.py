"""Publication dates: from metadata, a dateline in the text, or the date in the page's URL path."""

from __future__ import annotations

import re
from datetime import date, datetime

from ..extract.calendar import MONTHS
from ..extract.lexicon import DATELINE, WIRE_DATELINE

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



_STAMP_DAY = re.compile(
    r"(?P<month>[A-Za-z]{3,9})\.?\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<year>20\d\d)"
    r"|(?P<day2>[0-3]?\d)\s+(?P<month2>[A-Za-z]{3,9})\s+(?P<year2>20\d\d)"
    r"|(?P<iso>20\d\d-\d\d-\d\d)|(?P<m3>[01]?\d)/(?P<d3>[0-3]?\d)/(?P<y3>20\d\d)"
)

# "Published: M/D/YYYY" inside a line of page furniture (headline, byline, stamp run together)
_PUBLISHED_LABEL = re.compile(r"\b(?:Published|Posted)(?:\s+on)?:\s*(?=\S)")


def page_stamp_date(text: str) -> date | None:
    """The day of a page's own time stamp among its first lines ("<Month> <day>, <year>, 6:19 PM ET",
    "Published: M/D/YYYY", "<Weekday>, <Month> <day>, <year>"): the first date of the first such line.
    Pages copied with their furniture carry it where no metadata survived."""
    for line in text.split("\n")[:8]:
        label = _PUBLISHED_LABEL.search(line)
        if not (DATELINE.match(line) or label):
            continue
        found = _STAMP_DAY.search(line, label.end() if label else 0)
        if found is None:
            continue
        try:
            if found["iso"]:
                return date.fromisoformat(found["iso"])
            if found["y3"]:
                return date(int(found["y3"]), int(found["m3"]), int(found["d3"]))
            name = (found["month"] or found["month2"]).lower()
            month = MONTHS.get(name) or MONTHS.get(name[:3])
            if month is None:
                continue
            return date(int(found["year"] or found["year2"]), month, int(found["day"] or found["day2"]))
        except ValueError:
            continue
    return None
