"""What the CLI and the server call to fetch pages, keep sources and watch them.

Each function opens nothing itself: it takes the ledger and a :class:`Fetcher` built by
:func:`fetcher_for` from the effective settings, and returns data.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable
from typing import Any

from .. import pipeline
from ..errors import InputError
from ..fetch import Fetcher, FetchOptions, check_url, fetch_articles
from ..ingest.gate import Gate, default_gate
from ..pipeline import IngestSummary
from ..store import Ledger
from ..store.sources import Source, add_source, find_source, list_sources, remove_source
from .listing import LISTING_TYPES, detect_kind, read_listing
from .watch import PollResult, Watcher

_EVERY = re.compile(r"^\s*(\d+)\s*(s|sec|m|min|h|d)?\s*$", re.IGNORECASE)
_UNIT = {"s": 1, "sec": 1, "m": 60, "min": 60, "h": 3600, "d": 86400}
MIN_EVERY = 5  # seconds: no source is polled more often, whatever --every says


def parse_every(text: str) -> int:
    """Seconds in an interval such as ``90``, ``30s``, ``5m``, ``1h``; InputError otherwise."""
    match = _EVERY.match(text or "")
    if not match:
        raise InputError(f"--every {text}", "not an interval such as 30s, 5m or 1h")
    seconds = int(match[1]) * _UNIT[(match[2] or "s").lower()]
    if seconds < MIN_EVERY:
        raise InputError(f"--every {text}", f"shorter than {MIN_EVERY} seconds")
    return seconds


def fetch_options(settings: dict[str, Any]) -> FetchOptions:
    """The fetch options the effective settings (name -> value) say."""
    return FetchOptions(
        contact=settings["contact"],
        timeout=settings["fetch_timeout"],
        total_timeout=3 * settings["fetch_timeout"],
        max_bytes=settings["max_article_bytes"],
        allow_private=settings["allow_private"],
        host_delay=settings["host_delay"],
    )


def fetch_pages(
    ledger: Ledger,
    fetcher: Fetcher,
    urls: Iterable[str],
    on_item: Callable[[str, str], None] | None = None,
    workers: int = 1,
    gate: Gate | None = None,
) -> IngestSummary:
    """Fetch article pages and ingest them exactly as files are (ids, duplicates, rejections, the
    relevance ``gate`` when one is given)."""
    return pipeline.ingest_items(ledger, fetch_articles(fetcher, urls), on_item, workers, gate)


def add(ledger: Ledger, fetcher: Fetcher, url: str, name: str | None, every_seconds: int) -> dict[str, Any]:
    """Fetch ``url``, detect its kind, check it lists articles, and store it as a source.

    Returns the source as a dict with ``listed`` (articles it lists now) and ``feeds`` (feeds a
    section page advertises, which are often the better source). Raises InputError.
    """
    check_url(url, fetcher.options.allow_private, fetcher.resolver)
    got = fetcher.get(url, accept=LISTING_TYPES)
    kind = detect_kind(got)
    listing = read_listing(got, kind)
    source = add_source(ledger, url, name, kind, every_seconds)
    return {
        **source.as_dict(),
        "listed": len(listing.items) + len(listing.sitemaps),
        "feeds": listing.feeds,
        "problem": listing.problem,
    }


def sources(ledger: Ledger) -> list[dict[str, Any]]:
    """Every source with its polling state (kind, last poll, last new item, counts, errors)."""
    return [s.as_dict() for s in list_sources(ledger)]


def remove(ledger: Ledger, which: str) -> Source:
    """Remove a source by id or URL (NotFound when there is none)."""
    return remove_source(ledger, which)


def source(ledger: Ledger, which: str) -> Source:
    return find_source(ledger, which)


def watch_once(
    ledger: Ledger, fetcher: Fetcher, on_event: Callable[[str], None] | None = None, gate: Gate | None = None
) -> list[PollResult]:
    """Poll every source once, now, whatever its schedule (``strikeledger watch --once``)."""
    watcher = Watcher(ledger, fetcher, on_event, gate)
    pipeline.rebuild(ledger)  # finish whatever a crash cut short
    return watcher.poll_due(force=True)


def watch(
    ledger: Ledger,
    fetcher: Fetcher,
    stop: threading.Event,
    on_event: Callable[[str], None] | None = None,
    idle: float = 1.0,
    gate: Gate | None = None,
) -> None:
    """Poll every source on its interval until ``stop`` is set."""
    Watcher(ledger, fetcher, on_event, gate).run(stop, idle)


def start_watching(
    db_url: str,
    options: FetchOptions,
    on_event: Callable[[str], None] | None = None,
    idle: float = 1.0,
    gate: Gate | None = None,
) -> tuple[threading.Thread, threading.Event]:
    """Watch in a background thread with a ledger of its own (``serve --watch``); set the event to stop."""
    stop = threading.Event()
    ledger = Ledger.open(db_url)  # here, not in the thread: migrations must not run in two at once

    def run() -> None:
        try:
            with Fetcher(options) as fetcher:
                watch(ledger, fetcher, stop, on_event, idle, gate)
        finally:
            ledger.close()

    thread = threading.Thread(target=run, name="strikeledger-watch", daemon=True)
    thread.start()
    return thread, stop


def gate_for(settings: dict[str, Any]) -> Gate | None:
    """The relevance gate ingest uses, unless the ``keep_set_aside`` setting keeps everything."""
    return None if settings["keep_set_aside"] else default_gate()
