"""The web API and pages: ``create_app(db_url)`` returns the FastAPI application.

Every route is a thin adapter over :mod:`strikeledger.service` or :mod:`strikeledger.review`;
every page under ``/`` is static HTML whose script fetches the JSON twin under ``/api``.
Errors, whatever raised them, leave as one envelope: ``{"error": {"code", "message"}}``.
"""

from __future__ import annotations

from contextlib import asynccontextmanager
from urllib.parse import urlsplit

from fastapi import FastAPI

from ..settings import effective_settings
from ..store import Ledger
from . import articles, campaign, errors, exports, incidents, meta, pages, reviews


def create_app(db_url: str) -> FastAPI:
    """The application serving the ledger at ``db_url`` (opened and migrated now)."""
    settings = {name: value for name, (value, _) in effective_settings(overrides={"db": db_url}).items()}
    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        yield
        _app.state.ledger.close()

    app = FastAPI(
        lifespan=lifespan, title="strikeledger", version="0.1.0",
        description="An auditable ledger of US strikes on alleged drug boats. Reading is open; "
                    "writing (corrections) needs `Authorization: Bearer <token>`.",
    )
    app.state.ledger = Ledger.open(db_url)
    app.state.settings = settings
    errors.install(app)
    for module in (incidents, articles, campaign, exports, reviews, meta, pages):
        app.include_router(module.router)
    pages.mount_static(app)

    tile_origin = _origin(settings["tile_url"])
    # Defence in depth for untrusted article text: even if some markup slipped into the DOM,
    # no inline script, handler or javascript: URL may run, and nothing loads from elsewhere.
    policy = ("default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'; "
              f"frame-ancestors 'none'; form-action 'self'; img-src 'self' data:{' ' + tile_origin if tile_origin else ''}")

    @app.middleware("http")
    async def security_headers(request, call_next):
        response = await call_next(request)
        response.headers.setdefault("Content-Security-Policy", policy)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        return response

    return app


def _origin(url: str) -> str:
    parts = urlsplit(url.replace("{s}", "a").replace("{z}", "0").replace("{x}", "0").replace("{y}", "0"))
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme in ("http", "https") and parts.netloc else ""
