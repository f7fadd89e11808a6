"""Updated stories: the same URL with new text is a new version of one source, not a second source.

Articles are stored by the hash of their text, so an outlet that updates a story ("the toll rose
to four") at the same URL gives a new article. Linked here as versions of one story, only the
current one feeds the ledger (``Ledger.reports()``, ``totals()`` and ``claims()`` leave the others
out); the earlier ones stay stored and readable. The current version is the one published later;
when the publication dates are the same or unknown, the one stored later.
"""

from __future__ import annotations

from datetime import date
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import select, update
from sqlalchemy.engine import Connection

from ..records import Article
from . import schema as t
from .ledger import Ledger, _utc


def story_url(url: str | None) -> bool:
    """Whether ``url`` names one story: an http(s) URL with a path, not a site's front page."""
    if not url:
        return False
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.netloc) and parts.path.strip("/") != ""


def link(conn: Connection, article: Article) -> str | None:
    """Link a newly stored ``article`` to the current version of its story, if there is one.

    Returns ``current`` (it supersedes that version), ``earlier`` (it is an earlier version than
    the stored one, and supersedes nothing) or None (no other version of its URL).
    """
    if not story_url(article.url):
        return None
    a = t.articles.c
    current = conn.execute(select(a.id, a.published).where(
        a.url == article.url, a.id != article.id, a.superseded_by.is_(None))).first()
    if current is None:
        return None
    if _older(article.published, current.published):
        conn.execute(update(t.articles).where(a.id == article.id).values(superseded_by=current.id))
        return "earlier"
    conn.execute(update(t.articles).where(a.id == current.id).values(superseded_by=article.id))
    conn.execute(update(t.articles).where(a.superseded_by == current.id, a.id != article.id)
                 .values(superseded_by=article.id))  # every earlier version points at the current one
    return "current"


def _older(new: date | None, stored: date | None) -> bool:
    return new is not None and stored is not None and new < stored


def versions(ledger: Ledger, article_id: str) -> list[dict[str, Any]]:
    """Every version of ``article_id``'s story (itself alone when it has none), oldest first:
    id, published, ingested_at and whether it is the current one."""
    a = t.articles.c
    with ledger.transaction() as c:
        url = c.execute(select(a.url).where(a.id == article_id)).scalar()
        query = select(a.id, a.published, a.ingested_at, a.superseded_by)
        query = query.where(a.url == url) if story_url(url) else query.where(a.id == article_id)
        rows = c.execute(query).all()
    rows = sorted(rows, key=lambda r: (r.published or date.min, _utc(r.ingested_at)))
    return [{"id": r.id, "published": r.published.isoformat() if r.published else None,
             "ingested_at": _utc(r.ingested_at).isoformat(timespec="seconds"), "current": r.superseded_by is None}
            for r in rows]
