"""The HTML pages, rendered on the server (Jinja2, autoescaped) from the library calls of their JSON twins.

A reader without JavaScript, a web archive, a search engine or ``curl`` gets every figure; the
scripts in ``static/`` enhance the pages (sorting and filtering without reload, charts, the map,
corrections). Filters are query parameters (:mod:`.filters`), so every view has a URL.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Annotated, Any

from fastapi import APIRouter, Depends, FastAPI, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from importlib import resources
from jinja2 import Environment, PackageLoader

from .. import review, service
from ..citation import cite
from ..errors import Gone, InputError, NotFound
from ..listing import SORT_KEYS, sort_rows
from ..map_places import place_groups
from ..records import GRADES, REGIONS
from ..store import Ledger
from ..web import views
from .deps import get_ledger
from .filters import page_filter

STATIC = resources.files("strikeledger.web").joinpath("static")
router = APIRouter(include_in_schema=False)
ENV = Environment(loader=PackageLoader("strikeledger.web", "templates"), autoescape=True,
                  trim_blocks=False, lstrip_blocks=False)
ENV.filters.update(
    label=views.label, killed=views.killed_text, killed_headline=views.killed_headline,
    count_words=views.count_words, reported=views.reported_words, fact_title=views.fact_title,
    precision=lambda p: views.PRECISION_WORDS.get(p, views.label(p)),
    yesno=lambda v: "" if v is None else ("true" if v else "false"),
)
# page name -> (title, the npm libraries its script needs from static/vendor, its JSON twin)
PAGES = {
    "ledger": ("Ledger", (), "/api/incidents"),
    "timeline": ("Timeline", ("chart.umd.min.js",), "/api/timeline"),
    "map": ("Map", ("d3-array.min.js", "d3-geo.min.js", "topojson-client.min.js"), "/api/places"),
    "gaps": ("Gaps", (), "/api/gaps"),
    "review": ("Review", (), "/api/audit"),
    "incident": ("Incident", ("chart.umd.min.js",), "/api/incidents/{id}"),
    "article": ("Article", (), "/api/articles/{id}"),
}
COLUMNS = (
    ("strike_date", "Date", ""), ("region", "Region", ""), ("location", "Place", ""),
    ("vessels", "Vessels", "num"), ("killed_best", "Killed (range)", "num"), ("survivors", "Survivors", "num"),
    ("announced_by", "Announced by", ""),
    ("grade", "Grade", ""), ("n_sources", "Sources", "num"), ("n_outlets", "Outlets", "num"),
    ("official", "Official", ""), ("disputed", "Disputed", ""), ("contradictions", "Contradictions", ""),
)
FORMATS = (("csv", "CSV"), ("xlsx", "XLSX"), ("json", "JSON"), ("geojson", "GeoJSON"))
NOTICES = {"saved": "Correction saved."}
STATUS = {Gone: 410, NotFound: 404, InputError: 400}


def render(name: str, status: int = 200, script: str | None = None, **context: Any) -> HTMLResponse:
    """The page ``name`` (templates/<name>.html, or the base shell) with its script and libraries."""
    page = context.pop("page", name)
    title, vendor, twin = PAGES[page]
    template = ENV.get_template(f"{name}.html")
    html = template.render(title=context.pop("title", title), vendor=vendor, page=page,
                           script=page if script is None else script, twin=twin, **context)
    return HTMLResponse(html, status_code=status)


def error_page(page: str, exc: Exception) -> HTMLResponse:
    """The library's error as a page of its own (status as the API's envelope would give)."""
    status = next((s for cls, s in STATUS.items() if isinstance(exc, cls)), 500)
    return render("error", status, script="", page=page, title="Not available", message=str(exc),
                  code=getattr(exc, "code", "error"))


LedgerDep = Annotated[Ledger, Depends(get_ledger)]


@router.get("/")
def ledger_page(request: Request, ledger: LedgerDep) -> Response:
    """The ledger: campaign totals, the filter form, the table and downloads of what it shows."""
    try:
        params = page_filter(dict(request.query_params))
    except InputError as exc:
        return error_page("ledger", exc)
    every = service.list_incidents(ledger)
    where = params.where()
    rows = sort_rows([r for r in every if where.matches(r)], params.sort)  # query_incidents' rows, unpaged
    totals = service.campaign_totals(ledger)
    dated = [r for r in totals["reported"] if r["reported_killed"] is not None and r["as_of"]]
    latest = max(dated, key=lambda r: (r["as_of"], r["reported_killed"]), default=None)
    return render("ledger", rows=rows, params=params, query=params.query(), totals=totals, columns=COLUMNS,
                  sortable=SORT_KEYS, regions=REGIONS, grades=GRADES, formats=FORMATS,
                  languages=sorted({code for r in every for code in r["languages"]}),
                  latest=latest and {**latest,
                                     "words": views.reported_words(latest["reported_killed"], latest["qualifier"]),
                                     "outlet": latest["outlet"] or "unknown outlet",
                                     "precision": latest.get("precision") or "exact"})


@router.get("/incidents/{incident_id}")
def incident_page(incident_id: str, request: Request, ledger: LedgerDep,
                  notice: str | None = None) -> Response:
    """The incident for readers: headline figures, disagreement and disputes first, each source
    sentence once with every figure it backs, the toll over time, a citation; a former id redirects."""
    try:
        detail = service.incident_detail(ledger, incident_id)
    except NotFound as exc:
        return error_page("incident", exc)
    if detail["incident_id"] != incident_id:
        return RedirectResponse(str(request.url_for("incident_page", incident_id=detail["incident_id"])), 308)
    link = str(request.url_for("incident_page", incident_id=incident_id))
    citation = cite(detail, link, datetime.now(timezone.utc))
    sources = [{**s, "link": views.safe_link(s["url"]), "groups": views.sentence_groups(s)}
               for s in detail["sources"]]
    disputes = [c for c in detail["claims"] if c["stance"] == "disputes"]
    others = [c for c in detail["claims"]
              if c["stance"] != "disputes" and (c["stance"] != "announces" or c["evidence"])]
    revisions = detail["killed_over_time"]
    toll_words = "first reported as " + ", then ".join(views.count_words(r["value"], r["qualifier"])
                                                       for r in revisions)
    precision = views.PRECISION_WORDS.get(detail["place_precision"], "")
    place = f"{detail['location'] or 'not named'} ({precision})"
    facts = [
        ("killed_best", "Killed", views.killed_text(detail)),
        ("survivors", "Survivors", views.label(detail["survivors"])),
        ("vessels", "Vessels", views.label(detail["vessels"])),
        ("strike_date", "Date", f"{detail['strike_date'] or 'unknown'} ({detail['date_precision']})"),
        ("region", "Region", views.label(detail["region"])),
        ("location", "Place", place),
        ("announced_by", "Announced by", views.label(detail["announced_by"])),
        ("disputed_by", "Disputed by", ", ".join(detail["disputed_by"]) or "no one in the sources"),
    ]
    return render("incident", detail=detail, sources=sources, disputes=disputes, other_claims=others,
                  toll_words=toll_words, facts=facts, citation=citation, notice=NOTICES.get(notice or ""),
                  title=f"{detail['strike_date'] or 'Undated'} · {views.label(detail['region'])}")


@router.get("/articles/{article_id}")
def article_page(article_id: str, ledger: LedgerDep) -> Response:
    """An article's text with every extracted fact highlighted, its language, the incidents it feeds."""
    try:
        article = service.article_detail(ledger, article_id)
    except NotFound as exc:
        return error_page("article", exc)
    return render("article", script="", article=article, link=views.safe_link(article["url"]),
                  segs=views.segments(article["text"], article["facts"]),
                  kinds=sorted({f["kind"] for f in article["facts"]}), title=article["title"] or "Article")


@router.get("/timeline")
def timeline_page(ledger: LedgerDep) -> Response:
    """Strikes and deaths per week and cumulative, with reported totals: charts, and the figures as tables."""
    return render("timeline", data=service.timeline(ledger))


@router.get("/map")
def map_page(request: Request, ledger: LedgerDep) -> Response:
    """One marker per place with its count and deaths, and the list of places beside the map."""
    try:
        params = page_filter(dict(request.query_params))
    except InputError as exc:
        return error_page("map", exc)
    rows = [r for r in service.list_incidents(ledger) if params.where().matches(r)]
    return render("map", places=place_groups(rows), query=params.query())


GAP_VERDICTS = {
    "ledger_short": "the ledger falls short of the later report: a strike is probably missing",
    "earlier_report_behind": "the earlier report was behind the ledger: the rise it implies is overstated",
}


@router.get("/gaps")
def gaps_page(ledger: LedgerDep) -> Response:
    """The windows where reported totals rise faster than the ledger, and every reported total beside it."""
    return render("gaps", script="", report=service.gaps_report(ledger),
                  totals={"reported": service.reported_totals(ledger)},
                  verdicts=GAP_VERDICTS, signs=views.COUNT_SIGNS)


@router.get("/review")
def review_page(ledger: LedgerDep) -> Response:
    """The audit log, newest first; its script adds undo (which needs a write token)."""
    return render("review", entries=review.audit_log(ledger))


def mount_static(app: FastAPI) -> None:
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
