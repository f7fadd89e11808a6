"""Campaign routes: totals (ours beside the reported ones), the gaps between them, the weekly timeline."""

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


@router.get("/gaps", summary="Windows where reported totals rise faster than the ledger: strikes it may lack")
def gaps(ledger: Annotated[Ledger, Depends(get_ledger)]) -> dict:
    """`{"gaps", "ledger_short"}`. Each gap is a window `(after, through]` between two reported totals'
    as-of dates, with the deaths and strikes unaccounted for, the `verdict` (`ledger_short`, or
    `earlier_report_behind` when the earlier report lagged the ledger), the reports that bound it
    (`bounds`), the caveats their qualifiers bring, and `leads`: stored articles that may tell of it."""
    return service.gaps_report(ledger)
