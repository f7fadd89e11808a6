"""What routes share: the ledger, and the check that a request may write."""

from __future__ import annotations

from urllib.parse import urlsplit

from fastapi import HTTPException, Request

from .. import review
from ..store import Ledger


def get_ledger(request: Request) -> Ledger:
    return request.app.state.ledger


def writer(request: Request) -> str:
    """The token's name for a state-changing request; 403 for a foreign Origin, 401 without a valid token.

    The token travels only in the Authorization header, never a cookie, so another site cannot
    make a browser send it; checking Origin as well refuses cross-site requests outright.
    """
    origin = request.headers.get("origin")
    if origin is not None:
        parts = urlsplit(origin)
        if parts.scheme not in ("http", "https") or parts.netloc.lower() != request.headers.get("host", "").lower():
            raise HTTPException(403, f"cross-origin write refused: Origin {origin} does not match this host")
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    return review.authenticate(get_ledger(request), token.strip() if scheme.lower() == "bearer" else None)
