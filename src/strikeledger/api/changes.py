"""Change routes: recent changes as JSON, and the Atom feeds of changes and of incidents."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, Response

from .. import changefeed
from ..store import Ledger
from .deps import get_ledger
from .pages import ENV

router = APIRouter(tags=["changes"])
ATOM_TYPE = "application/atom+xml; charset=utf-8"


def _base(request: Request) -> str:
    return str(request.base_url).rstrip("/")


@router.get("/api/changes", summary="Changes to incidents since a time, newest first")
def changes(
    ledger: Annotated[Ledger, Depends(get_ledger)],
    since: Annotated[str | None, Query(description="ISO 8601 time; only changes after it.")] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> dict:
    """`{"since", "items"}`; each item: `id`, `at`, `incident_id`, `kind` (new, toll, date, place, source,
    merged, split, retired), `summary`, `old`, `new` and `article_id`, the article that caused it."""
    return changefeed.recent(ledger, changefeed.parse_since(since), limit)


@router.get("/feeds/changes.atom", summary="Atom feed: one entry per change")
def changes_atom(request: Request, ledger: Annotated[Ledger, Depends(get_ledger)]) -> Response:
    return Response(changefeed.changes_atom(ledger, _base(request)), media_type=ATOM_TYPE)


@router.get("/feeds/incidents.atom", summary="Atom feed: one entry per incident, updated when it changes")
def incidents_atom(request: Request, ledger: Annotated[Ledger, Depends(get_ledger)]) -> Response:
    return Response(changefeed.incidents_atom(ledger, _base(request)), media_type=ATOM_TYPE)


@router.get("/changes", include_in_schema=False)
def changes_page(ledger: Annotated[Ledger, Depends(get_ledger)]) -> HTMLResponse:
    """The "Recent changes" page, rendered on the server from the same call as ``/api/changes``."""
    found = changefeed.recent(ledger, None, 200)["items"]
    page = ENV.get_template("changes.html").render(
        title="Recent changes", vendor=(), page="changes", script="", twin="/api/changes", changes=found
    )
    return HTMLResponse(page)
