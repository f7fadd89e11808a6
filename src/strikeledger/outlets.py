"""The name an article's outlet is shown by: its own, else its URL's host, the same on every page and command.

An article without an outlet in its metadata used to appear as a content hash in one table and
as "unknown outlet" in another; the host (``www.`` dropped) names it the same way everywhere.
"""

from __future__ import annotations

from urllib.parse import urlsplit

UNKNOWN = "unknown outlet"


def outlet_name(outlet: str | None, url: str | None) -> str | None:
    """``outlet`` when given, else the host of ``url`` without ``www.``; None when neither says."""
    if outlet and outlet.strip():
        return outlet.strip()
    try:
        host = urlsplit(url or "").hostname or ""
    except ValueError:  # a malformed URL names no host
        host = ""
    return host.removeprefix("www.") or None
