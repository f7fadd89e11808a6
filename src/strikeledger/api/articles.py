"""Article route: its text, every fact extracted from it, the incidents it feeds."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends

from .. import service
from ..store import Ledger
from .deps import get_ledger

router = APIRouter(prefix="/api", tags=["articles"])


@router.get("/articles/{article_id}", summary="One article with its extracted facts")
def article(article_id: str, ledger: Annotated[Ledger, Depends(get_ledger)]) -> dict:
    """Text and metadata exactly as stored (untrusted: render as text), `language` (ISO 639-1, or `und`)
    and `read` (whether the reader reads that language; if not, nothing was extracted), `facts` with
    character offsets into `text`, `claims`, and `incidents` it feeds."""
    return service.article_detail(ledger, article_id)
