"""Change records in the database: written by each rebuild, read by the API and the feeds."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime, timezone

from sqlalchemy import insert, select
from sqlalchemy.engine import Connection

from ..changes import Change
from . import schema as t
from .ledger import Ledger, _utc


def ingested_at(conn: Connection, article_ids: Iterable[str]) -> dict[str, datetime]:
    """When each of the articles was ingested."""
    ids = list(set(article_ids))
    rows = conn.execute(
        select(t.articles.c.id, t.articles.c.ingested_at).where(t.articles.c.id.in_(ids))
    ).all()
    return {r.id: _utc(r.ingested_at) for r in rows}


def add(conn: Connection, changes: Iterable[Change]) -> None:
    """Store change records (in the rebuild's own transaction: both or neither)."""
    rows = [
        {
            "at": c.at,
            "incident_id": c.incident_id,
            "kind": c.kind,
            "summary": c.summary,
            "old": None if c.old is None else json.dumps(c.old),
            "new": None if c.new is None else json.dumps(c.new),
            "article_id": c.article_id,
        }
        for c in changes
    ]
    if rows:
        conn.execute(insert(t.incident_changes), rows)


def record(ledger: Ledger, changes: Iterable[Change]) -> None:
    """Store change records made outside a rebuild (an analyst's correction), in their own transaction."""
    with ledger.transaction() as conn:
        add(conn, changes)


def since(
    ledger: Ledger,
    moment: datetime | None = None,
    incident_ids: Iterable[str] | None = None,
    limit: int | None = None,
) -> list[Change]:
    """Changes after ``moment`` (all when None), of the given incidents (all when None), newest first."""
    query = select(t.incident_changes).order_by(t.incident_changes.c.id.desc())
    if moment is not None:
        query = query.where(t.incident_changes.c.at > moment.astimezone(timezone.utc))
    if incident_ids is not None:
        query = query.where(t.incident_changes.c.incident_id.in_(list(incident_ids)))
    if limit is not None:
        query = query.limit(limit)
    with ledger.transaction() as c:
        rows = c.execute(query).mappings().all()
    return [
        Change(
            _utc(r["at"]),
            r["incident_id"],
            r["kind"],
            r["summary"],
            None if r["old"] is None else json.loads(r["old"]),
            None if r["new"] is None else json.loads(r["new"]),
            r["article_id"],
            r["id"],
        )
        for r in rows
    ]
