"""Review routes: corrections (token needed), undo, and the open audit log."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends
from fastapi import Path as PathParam
from pydantic import BaseModel, Field

from .. import review
from ..store import Ledger
from .deps import get_ledger, writer

router = APIRouter(prefix="/api", tags=["review"])
# The largest id a correction can have: PostgreSQL's INTEGER (a longer one is no correction, not a 500).
MAX_ID = 2**31 - 1


class CorrectionBody(BaseModel):
    action: Literal["correct", "not_strike", "merge", "split"]
    reason: str = Field(min_length=1, max_length=2000, description="Why; kept in the audit log.")
    field: str | None = Field(None, description=f"For correct: one of {', '.join(review.FIELDS)}.")
    value: Any = Field(None, description="For correct: the new value (a number, an ISO date, a region code or text).")
    target_id: str | None = Field(None, description="For merge: the incident this one is merged into.")
    report_keys: list[str] = Field(default_factory=list, description="For split: the report keys moved out into a new incident.")


class UndoBody(BaseModel):
    reason: str = Field(min_length=1, max_length=2000)


@router.post("/incidents/{incident_id}/corrections", status_code=201, summary="Correct, reject, merge or split an incident")
def correct(incident_id: str, body: CorrectionBody, ledger: Annotated[Ledger, Depends(get_ledger)],
            who: Annotated[str, Depends(writer)]) -> dict:
    """Needs `Authorization: Bearer <token>`; machine values are kept, the correction is layered over them."""
    request = review.CorrectionRequest(incident_id, body.action, body.reason, body.field, body.value, body.target_id, tuple(body.report_keys))
    return review.record(ledger, request, who)


@router.post("/corrections/{correction_id}/undo", summary="Undo a correction (audited)")
def undo(correction_id: Annotated[int, PathParam(ge=1, le=MAX_ID)], body: UndoBody, ledger: Annotated[Ledger, Depends(get_ledger)],
         who: Annotated[str, Depends(writer)]) -> dict:
    return review.undo(ledger, correction_id, who, body.reason)


@router.get("/audit", summary="The audit log, newest first")
def audit(ledger: Annotated[Ledger, Depends(get_ledger)], incident_id: str | None = None) -> dict:
    return {"entries": review.audit_log(ledger, incident_id)}
