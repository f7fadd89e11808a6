"""The HTML pages: static files whose scripts fetch each page's JSON twin from /api."""

from __future__ import annotations

from importlib import resources

from fastapi import APIRouter, FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

STATIC = resources.files("strikeledger.web").joinpath("static")
router = APIRouter(include_in_schema=False)

# page path -> HTML file; the twin of each is named in the file's data-api attribute.
PAGES = {"/": "ledger.html", "/timeline": "timeline.html", "/map": "map.html", "/review": "review.html"}


def _page(name: str) -> FileResponse:
    return FileResponse(str(STATIC.joinpath(name)), media_type="text/html; charset=utf-8")


for _path, _name in PAGES.items():
    router.add_api_route(_path, lambda _name=_name: _page(_name), methods=["GET"])


@router.get("/incidents/{incident_id}")
def incident_page(incident_id: str) -> FileResponse:
    return _page("incident.html")


@router.get("/articles/{article_id}")
def article_page(article_id: str) -> FileResponse:
    return _page("article.html")


def mount_static(app: FastAPI) -> None:
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
