"""Campaign routes: totals (ours beside the reported ones) and the weekly timeline."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends

from .. import service
from ..store import Ledger
from .deps import get_ledger

router = APIRouter(prefix="/api", tags=["campaign"])


@router.get("/totals", summary="Campaign totals, and each reported cumulative total checked against the ledger")
def totals(ledger: Annotated[Ledger, Depends(get_ledger)]) -> dict:
    return service.campaign_totals(ledger)


@router.get("/timeline", summary="Strikes and deaths per week and cumulative, by region, with reported totals")
def timeline(ledger: Annotated[Ledger, Depends(get_ledger)]) -> dict:
    return service.timeline(ledger)
