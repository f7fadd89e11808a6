"""Download routes: the ledger as CSV, GeoJSON or JSON, exactly as `strikeledger export` writes it."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends
from fastapi.responses import Response

from .. import service
from ..store import Ledger
from .deps import get_ledger

router = APIRouter(prefix="/api", tags=["exports"])
MEDIA = {"csv": "text/csv; charset=utf-8", "json": "application/json", "geojson": "application/geo+json",
         "vessels": "text/csv; charset=utf-8"}
FILE_NAMES = {"vessels": "strikeledger-vessels.csv"}


@router.get("/export.{fmt}", summary="Download the ledger (corrections applied)", response_class=Response)
def export(
    fmt: Literal["csv", "json", "geojson", "vessels"], ledger: Annotated[Ledger, Depends(get_ledger)]
) -> Response:
    """The ledger in ``fmt``; ``vessels`` is a CSV row per vessel of every incident."""
    name = FILE_NAMES.get(fmt, f"strikeledger.{fmt}")
    return Response(service.export(ledger, fmt), media_type=MEDIA[fmt],
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})
