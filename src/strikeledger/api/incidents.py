"""Incident routes: the ledger (filtered, paged) and one incident with its sources."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import RedirectResponse

from .. import service
from ..listing import SORTS
from ..records import GRADES, REGIONS
from ..store import Ledger
from .deps import get_ledger

router = APIRouter(prefix="/api", tags=["incidents"])


@router.get("/incidents", summary="The ledger: incidents with corrections applied, filtered and paged")
def list_incidents(
    request: Request,
    ledger: Annotated[Ledger, Depends(get_ledger)],
    region: Annotated[Literal[REGIONS] | None, Query(description="Only this region.")] = None,  # type: ignore[valid-type]
    grade: Annotated[Literal[GRADES] | None, Query(description="Only this grade.")] = None,  # type: ignore[valid-type]
    date_from: Annotated[date | None, Query(description="Strikes on or after this day.")] = None,
    date_to: Annotated[date | None, Query(description="Strikes on or before this day.")] = None,
    contradictions: Annotated[bool | None, Query(description="true: only incidents whose sources disagree; false: only those that agree.")] = None,
    min_outlets: Annotated[int | None, Query(ge=1, description=(
        "Only incidents reported by at least this many independent outlets "
        "(a syndicated copy is its original's outlet)."))] = None,
    official: Annotated[bool | None, Query(description=(
        "true: only incidents some source has an official announce; false: only those none does."))] = None,
    disputed: Annotated[bool | None, Query(description=(
        "true: only incidents some source contests; false: only those no source contests."))] = None,
    language: Annotated[str | None, Query(pattern=r"^([a-z]{2,3})$", description=(
        "Only incidents with a source in this language: an ISO 639-1 code such as en or es "
        "('und': a source whose language could not be determined)."))] = None,
    sort: Annotated[Literal[SORTS] | None, Query(description=(  # type: ignore[valid-type]
        "Order by this column; a leading '-' orders descending; rows without a value come last."))] = None,
    limit: Annotated[int | None, Query(ge=1, le=1000, description="Page size (default: the page_size setting).")] = None,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> dict:
    """`{"total", "limit", "offset", "items"}`; each item has the FORMAT.md columns plus grade, place
    precision, `corrected`, how sure it is (`n_outlets`, `official`, `disputed`, `disputed_by`) and
    `languages`, the languages of its sources."""
    where = service.IncidentFilter(region, grade, date_from, date_to, contradictions,
                                   min_outlets, official, disputed, language)
    page_size = limit or request.app.state.settings["page_size"]
    return service.query_incidents(ledger, where, page_size, offset, sort)


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
