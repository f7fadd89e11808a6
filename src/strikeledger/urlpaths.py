"""What a page's URL tells: the day (or month) of publication its path carries."""

from __future__ import annotations

import re
from datetime import date

# News sites put the publication day in the path: /YYYY/MM/DD/, /YYYY-MM-DD/, /YYYYMMDD/ (a run
# of eight digits only between separators, so that story ids are not read as days).
_URL_DAY = re.compile(
    r"""[/_-](?P<y>20[2-3]\d)(?P<sep>[/_-]?)(?P<m>0[1-9]|1[0-2])(?P=sep)(?P<d>0[1-9]|[12]\d|3[01])(?=[/_.-]|$)""",
)
# A path with only a year and a month (/YYYY/MM/slug) dates the article to that month.
_URL_MONTH = re.compile(r"/(?P<y>20[2-3]\d)/(?P<m>0[1-9]|1[0-2])/(?!\d)")


def url_date(url: str | None) -> tuple[date, str] | None:
    """The publication date a URL path carries, with its precision (``day`` or ``month``).

    ``https://example.org/news/YYYY/MM/DD/strike`` gives that day; ``/YYYY/MM/strike`` gives
    that month (its first day, precision ``month``); a path without one gives None.
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
