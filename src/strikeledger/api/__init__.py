"""The web API and pages: ``create_app(db_url)`` returns the FastAPI application.

Every route is a thin adapter over :mod:`strikeledger.service` or :mod:`strikeledger.review`;
every page under ``/`` is rendered on the server from the same library call as its JSON twin
under ``/api`` (:mod:`.pages`), and its script enhances it. ``/docs`` and ``/redoc`` are served
from npm assets (:mod:`.docs`), never a CDN.
Errors, whatever raised them, leave as one envelope: ``{"error": {"code", "message"}}``.
"""

from __future__ import annotations

from contextlib import asynccontextmanager
from typing import Any
from urllib.parse import urlsplit

from fastapi import FastAPI

from .. import access
from ..settings import effective_settings
from ..store import Ledger
from . import articles, campaign, changes, docs, errors, exports, incidents, meta, pages, places, reviews, security
from .head import HeadAsGet


def create_app(db_url: str, effective: dict[str, tuple[Any, str]] | None = None) -> FastAPI:
    """The application serving the ledger at ``db_url`` (opened and migrated now).

    ``effective`` is the settings with where each came from (:func:`effective_settings`), as
    ``serve`` found them; by default they are found now, ``db`` being ``db_url`` from the caller
    unless the settings give that same URL.
    """
    effective = dict(effective or effective_settings())
    if effective["db"][0] != db_url:
        effective["db"] = (db_url, "flag")
    settings = {name: value for name, (value, _) in effective.items()}
    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        yield
        _app.state.ledger.close()

    app = FastAPI(
        lifespan=lifespan, title="strikeledger", version="0.1.0", docs_url=None, redoc_url=None,
        description="An auditable ledger of US strikes on alleged drug boats. Reading is open; "
                    "writing (corrections) needs `Authorization: Bearer <token>`.",
    )
    app.state.ledger = Ledger.open(db_url)
    app.state.settings = settings
    app.state.effective_settings = effective  # what /api/settings shows, origins included
    app.state.write_limits = access.WriteLimits.from_settings(settings)
    errors.install(app)
    for module in (incidents, articles, campaign, exports, reviews, meta, places, docs, changes, pages):
        app.include_router(module.router)
    pages.mount_static(app)

    tile_origin = _origin(settings["tile_url"])
    # Defence in depth for untrusted article text: even if some markup slipped into the DOM,
    # no inline script, handler or javascript: URL may run, and nothing loads from elsewhere.
    policy = ("default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'; "
              f"frame-ancestors 'none'; form-action 'self'; img-src 'self' data:{' ' + tile_origin if tile_origin else ''}")

    # Around every route and error handler, so a 500 carries them too and a body over the cap is
    # refused before any route, body parser or token check.
    app.add_middleware(security.Guard, headers={
        "Content-Security-Policy": policy, "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer"})
    app.add_middleware(HeadAsGet)  # outermost: HEAD on every GET route, headers exactly the GET's
    return app


def _origin(url: str) -> str:
    parts = urlsplit(url.replace("{s}", "a").replace("{z}", "0").replace("{x}", "0").replace("{y}", "0"))
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme in ("http", "https") and parts.netloc else ""
