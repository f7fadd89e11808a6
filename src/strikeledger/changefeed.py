"""Changes for subscribers: recent changes, an incident's history, and two Atom feeds.

:mod:`strikeledger.changes` says what a change is and finds them; this module reads the stored
records for the API (``/api/changes``), the pages and the feeds ``/feeds/changes.atom`` (one
entry per change) and ``/feeds/incidents.atom`` (one entry per incident, updated when it last
changed). Atom is written with ElementTree, so every text is escaped.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timezone
from typing import Any
from xml.etree import ElementTree as ET

from . import review
from .errors import InputError
from .store import Ledger
from .store import changes as change_store

ATOM = "http://www.w3.org/2005/Atom"
FEED_ENTRIES = 200  # entries per Atom feed: what a reader polling every few minutes needs


def parse_since(text: str | None) -> datetime | None:
    """An ISO 8601 time (a date alone means its midnight UTC); InputError when it is none."""
    if not text:
        return None
    try:
        moment = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError as exc:
        raise InputError(f"since={text}", "not an ISO 8601 time (YYYY-MM-DDThh:mm:ssZ, or a date YYYY-MM-DD)") from exc
    return moment.replace(tzinfo=timezone.utc) if moment.tzinfo is None else moment


def recent(ledger: Ledger, since: datetime | None = None, limit: int = 100) -> dict[str, Any]:
    """Changes after ``since`` (all when None), newest first: ``{"since", "items"}``."""
    items = [c.as_dict() for c in change_store.since(ledger, since, limit=limit)]
    return {"since": since.isoformat() if since else None, "items": items}


def history(ledger: Ledger, incident_ids: Iterable[str]) -> list[dict[str, Any]]:
    """Every change recorded under an incident's id or its former ids, oldest first."""
    return [c.as_dict() for c in reversed(change_store.since(ledger, incident_ids=list(incident_ids)))]


def _element(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    node = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
    if text is not None:
        node.text = text
    return node


def _feed(base: str, path: str, title: str, updated: datetime, entries: list[dict[str, Any]]) -> bytes:
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    _element(feed, "id", f"{base}{path}")
    _element(feed, "title", title)
    _element(feed, "updated", updated.isoformat())
    _element(feed, "link", rel="self", href=f"{base}{path}", type="application/atom+xml")
    _element(feed, "link", rel="alternate", href=f"{base}/changes", type="text/html")
    author = _element(feed, "author")
    _element(author, "name", "strikeledger")
    _element(feed, "generator", "strikeledger")
    for entry in entries:
        node = _element(feed, "entry")
        _element(node, "id", entry["id"])
        _element(node, "title", entry["title"])
        _element(node, "updated", entry["updated"].isoformat())
        _element(node, "link", rel="alternate", href=entry["link"], type="text/html")
        _element(node, "summary", entry["summary"])
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)


def changes_atom(ledger: Ledger, base: str) -> bytes:
    """``/feeds/changes.atom``: the latest changes, one entry each."""
    found = change_store.since(ledger, limit=FEED_ENTRIES)
    entries = [
        {
            "id": f"{base}/changes#change-{c.id}",
            "updated": c.at,
            "link": f"{base}/incidents/{c.incident_id}",
            "title": f"{c.incident_id}: {c.kind}",
            "summary": c.summary + (f" (article {c.article_id})" if c.article_id else ""),
        }
        for c in found
    ]
    updated = found[0].at if found else datetime(2025, 9, 1, tzinfo=timezone.utc)
    return _feed(base, "/feeds/changes.atom", "strikeledger: recent changes", updated, entries)


def incidents_atom(ledger: Ledger, base: str) -> bytes:
    """``/feeds/incidents.atom``: every incident, the one that changed last first."""
    last: dict[str, datetime] = {}
    for change in change_store.since(ledger):  # newest first: the first seen is the latest
        last.setdefault(change.incident_id, change.at)
    reviewed = review.apply(ledger)
    aliases = reviewed.aliases_by_id()
    rows = []
    for incident in reviewed.strikes():
        times = [last[i] for i in (incident.id, *aliases.get(incident.id, [])) if i in last]
        rows.append((max(times, default=datetime(2025, 9, 1, tzinfo=timezone.utc)), incident))
    rows.sort(key=lambda r: (r[0], r[1].id), reverse=True)
    entries = []
    for updated, incident in rows[:FEED_ENTRIES]:
        killed = incident.killed_best if incident.killed_best is not None else incident.killed_low
        when = incident.strike_date.isoformat() if incident.strike_date else "undated"
        place = incident.location or incident.region.replace("_", " ")
        entries.append(
            {
                "id": f"{base}/incidents/{incident.id}",
                "updated": updated,
                "link": f"{base}/incidents/{incident.id}",
                "title": f"{when}, {place}: {'unknown' if killed is None else killed} killed",
                "summary": f"{len(incident.article_ids)} sources; grade {incident.grade.replace('_', ' ')}",
            }
        )
    updated = rows[0][0] if rows else datetime(2025, 9, 1, tzinfo=timezone.utc)
    return _feed(base, "/feeds/incidents.atom", "strikeledger: incidents", updated, entries)
