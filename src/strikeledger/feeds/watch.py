"""Watching sources: poll each on its interval and ingest the new articles as they arrive.

A poll sends the source's ETag and Last-Modified (a 304 costs nothing more), reads what it
lists (:mod:`.listing`), skips every article URL any source has led to before (by canonical
URL; the same text under another URL is then a duplicate or a syndicated copy, by content hash,
as in every ingest), fetches each new page and ingests it at once through
:func:`strikeledger.pipeline.ingest_items`, rebuilding the ledger when an article was stored. A
failing source waits ``every * 2**failures`` (at most :data:`MAX_BACKOFF`) before its next poll.

Crash safety (kill -9 at any moment): an article is stored with its extraction in one
transaction; its URL is marked seen only after, so a crash between the two fetches it again and
finds it a duplicate; the source's validators are saved only when its poll is done, so a crash
mid-poll repeats the poll; the first thing a watcher does is a rebuild, which finishes one a crash
cut short. Two watchers on one database (SQLite in WAL mode, or PostgreSQL) claim each due source
atomically, so a source is polled by one of them at a time.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from sqlalchemy import update

from .. import pipeline
from ..errors import InputError, StoreError
from ..fetch import HTML_TYPES, FetchError, Fetcher, article_from_response
from ..ingest.gate import Gate
from ..ingest.sources import Rejected
from ..records import Article
from ..store import Ledger
from ..store import schema as t
from ..store.sources import Source, list_sources, mark_seen, record_poll, seen_urls
from .listing import LISTING_TYPES, Item, canonical, detect_kind, read_listing

MAX_BACKOFF = timedelta(hours=24)
MAX_SITEMAPS = 10  # a sitemap index's sitemaps read per poll


@dataclass
class PollResult:
    """What one poll of one source did."""

    source: str
    kind: str = ""
    status: str = "ok"  # ok | not_modified | failed
    listed: int = 0
    new: int = 0  # article URLs not seen before
    ingested: int = 0
    duplicates: int = 0
    set_aside: int = 0  # pages the relevance gate found not about the campaign
    rejected: list[str] = field(default_factory=list)
    error: str | None = None

    def __str__(self) -> str:
        if self.status == "failed":
            return f"{self.source}: failed: {self.error}"
        if self.status == "not_modified":
            return f"{self.source}: not modified"
        note = f"; {self.error}" if self.error else ""
        return (
            f"{self.source}: {self.kind}, {self.listed} listed, {self.new} new, {self.ingested} ingested, "
            f"{self.duplicates} duplicates, {self.set_aside} set aside, {len(self.rejected)} rejected{note}"
        )


def backoff(source: Source, failures: int) -> timedelta:
    """How long a source that failed ``failures`` times in a row waits before its next poll."""
    return min(
        timedelta(seconds=source.every_seconds * 2**failures),
        max(MAX_BACKOFF, timedelta(seconds=source.every_seconds)),
    )


class Watcher:
    """Polls the ledger's sources through one :class:`Fetcher` and ingests what they give."""

    def __init__(
        self,
        ledger: Ledger,
        fetcher: Fetcher,
        on_event: Callable[[str], None] | None = None,
        gate: Gate | None = None,
    ):
        self.ledger = ledger
        self.fetcher = fetcher
        self.gate = gate  # the relevance gate, as ingest has it: what it sets aside is seen, not stored
        self.on_event = on_event or (lambda _message: None)

    def _claim(self, source: Source, now: datetime, force: bool) -> bool:
        """Take a due source for this poll, atomically: another watcher then sees it not due."""
        lease = (
            update(t.sources)
            .where(t.sources.c.id == source.id)
            .values(next_poll_at=now + timedelta(seconds=source.every_seconds))
        )
        if not force:
            lease = lease.where((t.sources.c.next_poll_at.is_(None)) | (t.sources.c.next_poll_at <= now))
        with self.ledger.transaction() as c:
            return c.execute(lease).rowcount == 1

    def poll_due(self, force: bool = False) -> list[PollResult]:
        """Poll every source that is due (every source when ``force``); what each poll did."""
        results = []
        for source in list_sources(self.ledger):
            now = datetime.now(timezone.utc)
            if not force and source.next_poll_at is not None and source.next_poll_at > now:
                continue
            if self._claim(source, now, force):
                results.append(self._guarded_poll(source))
                self.on_event(str(results[-1]))
        return results

    def _guarded_poll(self, source: Source) -> PollResult:
        """:meth:`poll`, where even a bug or a database refusal is that source's failure, recorded
        with the reason and backed off like any other, and the other sources are still polled."""
        try:
            return self.poll(source)
        except Exception as exc:  # noqa: BLE001 - one source must never stop the watcher
            reason = f"cannot be polled ({type(exc).__name__}: {' '.join(str(exc).split())[:200]})"
            now = datetime.now(timezone.utc)
            try:
                record_poll(
                    self.ledger, source, now, now + backoff(source, source.failures + 1), error=reason
                )
            except StoreError:
                pass  # the database itself is away: the next round tries again
            return PollResult(source.url, source.kind, "failed", error=reason)

    def run(self, stop: threading.Event, idle: float = 1.0) -> None:
        """Poll due sources until ``stop`` is set, resting ``idle`` seconds when none is due."""
        pipeline.rebuild(self.ledger)  # finish whatever a crash cut short
        while not stop.is_set():
            try:
                polled = self.poll_due()
            except StoreError as exc:  # the database away for a moment: say so, go on
                self.on_event(f"Error: {exc}")
                polled = []
            if not polled:
                stop.wait(idle)

    def poll(self, source: Source) -> PollResult:
        """Poll one source now; never raises for what the source or its pages do."""
        result = PollResult(source.url, source.kind)
        now = datetime.now(timezone.utc)
        try:
            got = self.fetcher.get(
                source.url, accept=LISTING_TYPES, etag=source.etag, last_modified=source.last_modified
            )
            if got.not_modified:
                result.status = "not_modified"
                record_poll(
                    self.ledger,
                    source,
                    now,
                    now + timedelta(seconds=source.every_seconds),
                    etag=got.etag or source.etag,
                    last_modified=got.last_modified or source.last_modified,
                )
                return result
            result.kind = detect_kind(got)
            items, result.error = self._items(got, result.kind)
        except InputError as exc:
            result.status, result.error = "failed", exc.reason
            wait = backoff(source, source.failures + 1)
            asked = getattr(exc, "retry_after", None)  # a 429's or 503's Retry-After is honoured
            if asked is not None:
                wait = max(wait, timedelta(seconds=asked))
            record_poll(self.ledger, source, now, now + wait, error=exc.reason)
            return result
        result.listed = len(items)
        self._ingest_new(source, items, result)
        record_poll(
            self.ledger,
            source,
            now,
            now + timedelta(seconds=source.every_seconds),
            etag=got.etag,
            last_modified=got.last_modified,
            new_items=result.ingested,
            kind=result.kind,
        )
        return result

    def _items(self, got, kind: str) -> tuple[list[Item], str | None]:
        listing = read_listing(got, kind)
        items = list(listing.items)
        for sitemap in listing.sitemaps[:MAX_SITEMAPS]:  # a sitemap index: its sitemaps' articles
            try:
                items += read_listing(self.fetcher.get(sitemap, accept=LISTING_TYPES), "sitemap").items
            except InputError as exc:
                self.on_event(f"Error: {exc}")
        unique: dict[str, Item] = {}
        for item in items:
            unique.setdefault(canonical(item.url), item)
        return list(unique.values()), listing.problem

    def _ingest_new(self, source: Source, items: list[Item], result: PollResult) -> None:
        seen = seen_urls(self.ledger, [canonical(i.url) for i in items])
        for item in items:
            key = canonical(item.url)
            # seen before: fetched again only when the feed says the entry was updated since
            if key in seen and (item.stamp is None or seen[key] in (None, item.stamp)):
                continue
            result.new += 1
            self._ingest_item(source, item, key, result)

    def _ingest_item(self, source: Source, item: Item, key: str, result: PollResult) -> None:
        found = self._read_page(item)
        if found is None:  # a transient failure: not marked seen, so the next poll tries it again
            return
        statuses: list[str] = []
        summary = pipeline.ingest_items(
            self.ledger,
            [found],
            lambda _s, status: statuses.append(status),
            gate=self.gate,
            rebuild_unchanged=False,
        )
        result.set_aside += summary.set_aside
        if summary.rejected and not isinstance(found, Rejected) and self.ledger.has_article(found.id):
            # another watcher stored the same page in the same moment: a duplicate, not a failure
            summary.rejected, summary.duplicates = [], summary.duplicates + 1
            statuses = ["duplicate"]
        result.rejected += [str(r) for r in summary.rejected]
        result.ingested += summary.ingested
        result.duplicates += summary.duplicates + summary.syndicated
        stored = not isinstance(found, Rejected) and not summary.rejected
        keys = [key] + ([canonical(found.url)] if stored and found.url else [])
        status = statuses[0] if statuses else "rejected"
        try:
            mark_seen(self.ledger, keys, source.id, found.id if stored else None, status, item.stamp)
        except StoreError:  # another watcher marked it in the meantime: it is seen either way
            pass

    def _read_page(self, item: Item) -> Article | Rejected | None:
        """The article of an item's page, its rejection, or None when it failed for now."""
        try:
            return article_from_response(self.fetcher.get(item.url, accept=HTML_TYPES))
        except FetchError as exc:
            if exc.transient:
                self.on_event(f"Error: {exc} (tried again at the next poll)")
                return None
            return Rejected(item.url, exc.reason)
        except InputError as exc:
            return Rejected(item.url, exc.reason)
        except Exception as exc:  # noqa: BLE001 - a parser limit or a reader bug stays with this page
            return Rejected(
                item.url, f"cannot be read ({type(exc).__name__}: {' '.join(str(exc).split())[:200]})"
            )
