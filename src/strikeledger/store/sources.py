"""Sources in the database: what ``strikeledger sources add`` names, its polling state, and every
article URL the sources have led to (so none is fetched twice, whichever source lists it)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy import delete, insert, select, update

from ..errors import InputError, NotFound
from . import schema as t
from .ledger import Ledger, _utc


@dataclass(frozen=True)
class Source:
    """A watched feed, sitemap or section page, and how its polling stands."""

    id: int
    url: str
    name: str | None
    kind: str
    every_seconds: int
    etag: str | None
    last_modified: str | None
    created_at: datetime
    last_poll_at: datetime | None
    last_new_at: datetime | None
    next_poll_at: datetime | None
    items_seen: int
    failures: int
    last_error: str | None

    def as_dict(self) -> dict:
        stamp = lambda v: v.isoformat() if v else None  # noqa: E731
        return {
            "id": self.id,
            "url": self.url,
            "name": self.name,
            "kind": self.kind,
            "every_seconds": self.every_seconds,
            "created_at": stamp(self.created_at),
            "last_poll_at": stamp(self.last_poll_at),
            "last_new_at": stamp(self.last_new_at),
            "next_poll_at": stamp(self.next_poll_at),
            "items_seen": self.items_seen,
            "failures": self.failures,
            "last_error": self.last_error,
        }


def _source(row) -> Source:
    times = {
        k: (None if row[k] is None else _utc(row[k]))
        for k in ("last_poll_at", "last_new_at", "next_poll_at")
    }
    return Source(
        row["id"],
        row["url"],
        row["name"],
        row["kind"],
        row["every_seconds"],
        row["etag"],
        row["last_modified"],
        _utc(row["created_at"]),
        times["last_poll_at"],
        times["last_new_at"],
        times["next_poll_at"],
        row["items_seen"],
        row["failures"],
        row["last_error"],
    )


def add_source(ledger: Ledger, url: str, name: str | None, kind: str, every_seconds: int) -> Source:
    """Store a new source, due at once; InputError when the URL is already a source."""
    with ledger.transaction() as c:
        if c.execute(select(t.sources.c.id).where(t.sources.c.url == url)).first() is not None:
            raise InputError(url, "is already a source (`strikeledger sources list`)")
        c.execute(
            insert(t.sources).values(
                url=url,
                name=name,
                kind=kind,
                every_seconds=every_seconds,
                created_at=datetime.now(timezone.utc),
                items_seen=0,
                failures=0,
            )
        )
    return find_source(ledger, url)


def list_sources(ledger: Ledger) -> list[Source]:
    with ledger.transaction() as c:
        return [_source(r) for r in c.execute(select(t.sources).order_by(t.sources.c.id)).mappings()]


def find_source(ledger: Ledger, which: str) -> Source:
    """A source by its id or URL; NotFound otherwise."""
    column = t.sources.c.id if which.isdigit() else t.sources.c.url
    with ledger.transaction() as c:
        row = (
            c.execute(select(t.sources).where(column == (int(which) if which.isdigit() else which)))
            .mappings()
            .first()
        )
    if row is None:
        raise NotFound(f"no source {which!r}; `strikeledger sources list` lists them")
    return _source(row)


def remove_source(ledger: Ledger, which: str) -> Source:
    """Remove a source (the articles it gave stay, and their URLs stay seen)."""
    source = find_source(ledger, which)
    with ledger.transaction() as c:
        c.execute(delete(t.sources).where(t.sources.c.id == source.id))
    return source


def record_poll(
    ledger: Ledger,
    source: Source,
    now: datetime,
    next_poll_at: datetime,
    *,
    error: str | None = None,
    etag: str | None = None,
    last_modified: str | None = None,
    new_items: int = 0,
    kind: str | None = None,
) -> None:
    """What one poll did: on success the validators and counts, on failure the error and one
    more consecutive failure (which the caller's backoff reads)."""
    values: dict = {"last_poll_at": now, "next_poll_at": next_poll_at}
    if error is None:
        values.update(
            failures=0,
            last_error=None,
            etag=etag,
            last_modified=last_modified,
            items_seen=t.sources.c.items_seen + new_items,
        )
        if new_items:
            values["last_new_at"] = now
        if kind:
            values["kind"] = kind
    else:
        values.update(failures=t.sources.c.failures + 1, last_error=error[:500])
    with ledger.transaction() as c:
        c.execute(update(t.sources).where(t.sources.c.id == source.id).values(**values))


def seen_urls(ledger: Ledger, urls: Iterable[str]) -> dict[str, str | None]:
    """Of ``urls`` (canonical forms), those seen before, each with the stamp it was seen with."""
    wanted = list(set(urls))
    found: dict[str, str | None] = {}
    with ledger.transaction() as c:
        for start in range(0, len(wanted), 500):  # a bounded IN list, whatever the feed's size
            query = select(t.seen_urls.c.url, t.seen_urls.c.stamp).where(
                t.seen_urls.c.url.in_(wanted[start : start + 500])
            )
            found.update({r.url: r.stamp for r in c.execute(query)})
    return found


def mark_seen(
    ledger: Ledger,
    urls: Iterable[str],
    source_id: int,
    article_id: str | None,
    status: str,
    stamp: str | None,
) -> None:
    """Record article URLs (an item's and its page's canonical one) as seen, in one transaction."""
    now = datetime.now(timezone.utc)
    with ledger.transaction() as c:
        for url in dict.fromkeys(urls):
            c.execute(delete(t.seen_urls).where(t.seen_urls.c.url == url))
            c.execute(
                insert(t.seen_urls).values(
                    url=url,
                    source_id=source_id,
                    article_id=article_id,
                    status=status,
                    stamp=stamp,
                    seen_at=now,
                )
            )
