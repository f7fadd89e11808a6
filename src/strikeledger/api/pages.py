"""The HTML pages: static files whose scripts fetch each page's JSON twin from /api."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from string import Template

from typing import Annotated

from fastapi import APIRouter, Depends, FastAPI, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles

from .. import service
from ..errors import NotFound
from ..store import Ledger
from .deps import get_ledger

WEB = resources.files("strikeledger.web")
STATIC = WEB.joinpath("static")
router = APIRouter(include_in_schema=False)

# page name -> (title, the npm libraries it needs from static/vendor). Every page is the same
# shell (templates/page.html) around its own script, static/<name>.js, which fetches the page's
# JSON twin from /api.
PAGES = {
    "ledger": ("Ledger", ()),
    "timeline": ("Timeline", ("chart.umd.min.js",)),
    "map": ("Map", ("d3-array.min.js", "d3-geo.min.js", "topojson-client.min.js")),
    "gaps": ("Gaps", ()),
    "review": ("Review", ()),
    "incident": ("Incident", ()),
    "article": ("Article", ()),
}


@lru_cache(maxsize=None)
def _html(name: str) -> str:
    title, vendor = PAGES[name]
    shell = Template(WEB.joinpath("templates/page.html").read_text(encoding="utf-8"))
    scripts = "".join(f'  <script src="/static/vendor/{lib}" defer></script>\n' for lib in vendor)
    return shell.substitute(title=title, page=name, vendor_scripts=scripts)


def _page(name: str) -> HTMLResponse:
    return HTMLResponse(_html(name))


for _path, _name in (("/", "ledger"), ("/timeline", "timeline"), ("/map", "map"), ("/gaps", "gaps"),
                     ("/review", "review")):
    router.add_api_route(_path, lambda _name=_name: _page(_name), methods=["GET"])


@router.get("/incidents/{incident_id}")
def incident_page(incident_id: str, request: Request,
                  ledger: Annotated[Ledger, Depends(get_ledger)]) -> Response:
    """The incident page; a former id (an alias) redirects to the page of its current id."""
    try:
        current = service.current_id(ledger, incident_id)
    except NotFound:  # the page's script fetches the API's twin and shows its error
        return _page("incident")
    if current != incident_id:
        return RedirectResponse(str(request.url_for("incident_page", incident_id=current)), 308)
    return _page("incident")


@router.get("/articles/{article_id}")
def article_page(article_id: str) -> HTMLResponse:
    return _page("article")


def mount_static(app: FastAPI) -> None:
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
