"""Download routes: the ledger as CSV, GeoJSON, JSON or XLSX, exactly as `strikeledger export` writes it.

Every export takes the ledger's filters and ``sort`` (:mod:`.filters`), so a filtered view's
Download links give the rows it shows.
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends
from fastapi.responses import Response

from .. import service
from ..store import Ledger
from .deps import get_ledger
from .filters import FilterQuery

router = APIRouter(prefix="/api", tags=["exports"])
MEDIA = {"csv": "text/csv; charset=utf-8", "json": "application/json", "geojson": "application/geo+json",
         "vessels": "text/csv; charset=utf-8",
         "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
FILE_NAMES = {"vessels": "strikeledger-vessels.csv"}
FORMATS = tuple(MEDIA)


@router.get("/export.{fmt}", summary="Download the ledger (corrections applied, filtered as the list is)",
            response_class=Response)
def export(
    fmt: Literal["csv", "json", "geojson", "vessels", "xlsx"], ledger: Annotated[Ledger, Depends(get_ledger)],
    params: FilterQuery,
) -> Response:
    """The ledger in ``fmt`` with the list's filters applied; ``vessels`` is a CSV row per vessel of
    every incident shown, ``xlsx`` a workbook with the CSV's columns."""
    name = FILE_NAMES.get(fmt, f"strikeledger.{fmt}")
    return Response(service.export(ledger, fmt, params.where(), params.sort), media_type=MEDIA[fmt],
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})
