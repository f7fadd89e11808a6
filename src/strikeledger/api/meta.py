"""The effective settings, as `strikeledger config` shows them."""

from __future__ import annotations

from fastapi import APIRouter, Request

from ..settings import SETTINGS
from ..store.ledger import safe_url

router = APIRouter(prefix="/api", tags=["settings"])


@router.get("/settings", summary="Effective settings: name, value, where it came from, help")
def settings(request: Request) -> dict:
    values = request.app.state.effective_settings  # as the server found them when it started
    return {"settings": [
        {"name": s.name, "value": safe_url(values[s.name][0]) if s.name == "db" else values[s.name][0],
         "from": values[s.name][1], "help": s.help}
        for s in SETTINGS
    ]}
