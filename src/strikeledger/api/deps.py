"""What routes share: the ledger, and the check that a request may write."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

from fastapi import HTTPException, Request
from fastapi.exceptions import RequestValidationError

from .. import access
from ..errors import StrikeledgerError
from ..store import Ledger
from ..store import access as stored
from .errors import status_of


def get_ledger(request: Request) -> Ledger:
    return request.app.state.ledger


def writer(request: Request) -> Iterator[str]:
    """The token's name for a state-changing request, every attempt logged, taken or refused.

    403 for a foreign Origin; 429 (with Retry-After) past the client address's rate, counted
    before the token is looked at, so guessing tokens is rate-limited too; 401 without a live
    token; 429 past the token's own rate. The token travels only in the Authorization header,
    never a cookie, so another site cannot make a browser send it; checking Origin as well
    refuses cross-site requests outright.
    """
    ledger, limits = get_ledger(request), request.app.state.write_limits
    address = (request.client.host if request.client else "unknown")[:64]
    who = None
    try:
        origin = request.headers.get("origin")
        if origin is not None:
            parts = urlsplit(origin)
            if parts.scheme not in ("http", "https") or parts.netloc.lower() != request.headers.get("host", "").lower():
                raise HTTPException(403, f"cross-origin write refused: Origin {origin[:100]} does not match this host")
        _limit(limits.per_address, address, f"address {address}")
        scheme, _, token = request.headers.get("authorization", "").partition(" ")
        who = access.authenticate(ledger, token.strip() if scheme.lower() == "bearer" else None)
        _limit(limits.per_token, who, f"token {who!r}")
        yield who
    except Exception as exc:
        status, outcome, reason = _refusal(exc)
        _log(ledger, who, address, request, status, outcome, reason)
        raise
    _log(ledger, who, address, request, 200, "accepted", "")


def _limit(limiter: access.RateLimiter, key: str, what: str) -> None:
    wait = limiter.hit(key)
    if wait is not None:
        raise HTTPException(429, f"too many writes from {what}: at most {limiter.limit} a minute; "
                                 f"retry in {wait} s", headers={"Retry-After": str(wait)})


def _refusal(exc: Exception) -> tuple[int, str, str]:
    if isinstance(exc, HTTPException):
        outcome = {403: "forbidden", 429: "rate_limited"}.get(exc.status_code, "refused")
        return exc.status_code, outcome, str(exc.detail)
    if isinstance(exc, StrikeledgerError):
        return status_of(exc), exc.code, str(exc)
    if isinstance(exc, RequestValidationError):
        return 422, "invalid_request", "the request is not valid"
    return 500, "internal_error", type(exc).__name__


def _log(ledger: Ledger, who: str | None, address: str, request: Request, status: int, outcome: str,
         reason: str) -> None:
    try:
        stored.log_write(ledger, {"who": who, "address": address, "method": request.method[:8],
                                  "path": request.url.path[:500], "status": status, "outcome": outcome,
                                  "reason": reason[:500]})
    except StrikeledgerError:  # the log must not turn a write's answer into a crash
        pass
