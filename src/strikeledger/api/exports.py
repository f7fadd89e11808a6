"""Download routes: the ledger as CSV, GeoJSON or JSON, exactly as `strikeledger export` writes it."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends
from fastapi.responses import Response

from .. import service
from ..store import Ledger
from .deps import get_ledger

router = APIRouter(prefix="/api", tags=["exports"])
MEDIA = {"csv": "text/csv; charset=utf-8", "json": "application/json", "geojson": "application/geo+json"}


@router.get("/export.{fmt}", summary="Download the ledger (corrections applied)", response_class=Response)
def export(fmt: Literal["csv", "json", "geojson"], ledger: Annotated[Ledger, Depends(get_ledger)]) -> Response:
    return Response(service.export(ledger, fmt), media_type=MEDIA[fmt],
                    headers={"Content-Disposition": f'attachment; filename="strikeledger.{fmt}"'})
