"""One error envelope for the whole API: ``{"error": {"code": ..., "message": ...}}``.

Library errors keep their ``.code``; HTTP errors (unknown route, wrong method, the CSRF
check) and request validation errors are given codes here, so a client parses one shape.
"""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from ..errors import (AuthError, ConfigError, Gone, InputError, NotFound, ReviewError, StoreError,
                      StrikeledgerError)

# Gone before NotFound: the first class that matches gives the status.
STATUS = {Gone: 410, NotFound: 404, AuthError: 401, ReviewError: 422, InputError: 400, ConfigError: 500,
          StoreError: 503}
HTTP_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
              405: "method_not_allowed", 410: "gone", 413: "payload_too_large", 422: "invalid_request",
              429: "rate_limited"}


def status_of(exc: StrikeledgerError) -> int:
    """The HTTP status a library error answers with (500 for one with none of its own)."""
    return next((s for cls, s in STATUS.items() if isinstance(exc, cls)), 500)


def error_body(code: str, message: str) -> dict:
    return {"error": {"code": code, "message": message}}


def envelope(status: int, code: str, message: str, headers: dict | None = None) -> JSONResponse:
    return JSONResponse(error_body(code, message), status_code=status, headers=headers)


def install(app: FastAPI) -> None:
    """Route every error the app can raise through :func:`envelope`."""

    @app.exception_handler(StrikeledgerError)
    async def library_error(_request: Request, exc: StrikeledgerError) -> JSONResponse:
        status = status_of(exc)
        headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
        return envelope(status, exc.code, str(exc), headers)

    @app.exception_handler(HTTPException)
    async def http_error(_request: Request, exc: HTTPException) -> JSONResponse:
        message = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
        return envelope(exc.status_code, HTTP_CODES.get(exc.status_code, "http_error"), message, getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def invalid_request(_request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = "; ".join(f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg', 'invalid')}" for e in exc.errors())
        return envelope(422, "invalid_request", problems or "the request is not valid")

    @app.exception_handler(Exception)
    async def unexpected(_request: Request, exc: Exception) -> JSONResponse:  # a bug: say so without leaking internals
        return envelope(500, "internal_error", f"unexpected {type(exc).__name__}; see the server log")
