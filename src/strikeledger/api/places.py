"""Places route: the ledger grouped by point, the map's JSON twin (filtered as the list is)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends

from .. import service
from ..map_places import place_groups
from ..store import Ledger
from .deps import get_ledger
from .filters import FilterQuery

router = APIRouter(prefix="/api", tags=["incidents"])


@router.get("/places", summary="Incidents grouped by place: one entry per point with its count and deaths")
def places(ledger: Annotated[Ledger, Depends(get_ledger)], params: FilterQuery) -> dict:
    """`{"places", "placed", "unplaced"}`: each place has `lat`, `lon`, `location`, `region`,
    `place_precision`, `count`, `deaths` (best figures, else low bounds) and its `incidents`."""
    rows = [r for r in service.list_incidents(ledger) if params.where().matches(r)]
    return place_groups(rows)
