"""The HTML pages: static files whose scripts fetch each page's JSON twin from /api."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from string import Template

from fastapi import APIRouter, FastAPI
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

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
def incident_page(incident_id: str) -> HTMLResponse:
    return _page("incident")


@router.get("/articles/{article_id}")
def article_page(article_id: str) -> HTMLResponse:
    return _page("article")


def mount_static(app: FastAPI) -> None:
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
