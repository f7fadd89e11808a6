"""Incident routes: the ledger (filtered, paged) and one incident with its sources."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import RedirectResponse

from .. import service
from ..store import Ledger
from .deps import get_ledger
from .filters import FilterQuery

router = APIRouter(prefix="/api", tags=["incidents"])


@router.get("/incidents", summary="The ledger: incidents with corrections applied, filtered and paged")
def list_incidents(
    request: Request,
    ledger: Annotated[Ledger, Depends(get_ledger)],
    params: FilterQuery,
    limit: Annotated[int | None, Query(ge=1, le=1000, description="Page size (default: the page_size setting).")] = None,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> dict:
    """`{"total", "limit", "offset", "items"}`; each item has the FORMAT.md columns plus grade, place
    precision, `corrected`, how sure it is (`n_outlets`, `official`, `disputed`, `disputed_by`) and
    `languages`, the languages of its sources."""
    page_size = limit or request.app.state.settings["page_size"]
    return service.query_incidents(ledger, params.where(), page_size, offset, params.sort)


@router.get("/incidents/{incident_id}", summary="One incident: every figure with its source sentence",
            responses={308: {"description": "A former id (an alias): redirects to the current id."},
                       410: {"description": "A former id whose reports no longer form an incident."}})
def incident(incident_id: str, request: Request, ledger: Annotated[Ledger, Depends(get_ledger)]) -> dict:
    """The incident row plus `best_reason`, `sources` (figures with offsets), `claims`, `killed_over_time`,
    `machine` (extracted values an analyst corrected), `corrections` and `aliases` (former ids)."""
    detail = service.incident_detail(ledger, incident_id)
    if detail["incident_id"] != incident_id:  # permanent: the alias will always lead there
        return RedirectResponse(str(request.url_for("incident", incident_id=detail["incident_id"])), 308)
    return detail
