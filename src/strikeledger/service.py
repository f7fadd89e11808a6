"""The library functions the CLI and the web API call: each opens nothing, takes a Ledger, returns data."""

from __future__ import annotations

import csv
import io
import json
import tempfile
from collections.abc import Iterable
from dataclasses import asdict
from pathlib import Path
from typing import Any

from . import changefeed, confidence, review, tally
from .evaluate import Evaluation, evaluate, load_gold
from .gaps import Gap, find_gaps
from .ingest import IngestOptions
from .ingest.language import reads
from .listing import IncidentFilter, describe_filter, sort_rows
from .outlets import outlet_name
from .pipeline import (BATCH, IngestSummary, ingest, rebuild, reextract,  # noqa: F401 (the library's API)
                       reextract_all)
from .records import Article, Incident
from .resolve import killed_figures
from .store import Ledger, versions
from .vessels import vessels_csv
from .workbook import xlsx_bytes
from .tally import TotalCheck
from .weekly import weekly_series

CSV_COLUMNS = (
    "incident_id", "strike_date", "date_precision", "region", "location", "lat", "lon", "vessels", "killed_low",
    "killed_best", "killed_high", "survivors", "announced_by", "n_sources", "source_urls", "contradictions",
    "grade", "place_precision", "presumed_dead",
    # How sure the figure is (strikeledger.confidence): after the FORMAT.md columns, never among them.
    "n_outlets", "official", "disputed",
    # The former ids that answer for the incident (space-separated), after every other column.
    "aliases",
    # The languages of its sources (ISO 639-1, space-separated): appended, never among the others.
    "languages",
)


# --- reading the ledger -------------------------------------------------------------------

def incident_row(incident: Incident, articles: dict[str, Article],
                 backing: confidence.Confidence) -> dict[str, Any]:
    """An incident as a flat row: the CSV columns of FORMAT.md, grade, place precision and ``backing``."""
    urls = [articles[a].url or a for a in incident.article_ids if a in articles]
    return {
        "incident_id": incident.id,
        "strike_date": incident.strike_date.isoformat() if incident.strike_date else None,
        "date_precision": incident.date_precision,
        "region": incident.region,
        "location": incident.location,
        "lat": incident.lat,
        "lon": incident.lon,
        "vessels": incident.vessels,
        "killed_low": incident.killed_low,
        "killed_best": incident.killed_best,
        "killed_high": incident.killed_high,
        "survivors": incident.survivors,
        "presumed_dead": incident.presumed_dead,
        "announced_by": incident.announced_by,
        "n_sources": len(incident.article_ids),
        "source_urls": " ".join(sorted(urls)),
        "contradictions": "; ".join(incident.contradictions),
        "grade": incident.grade,
        "place_precision": incident.place_precision,
        "n_outlets": backing.n_outlets,
        "official": backing.official,
        "disputed": backing.disputed,
        "disputed_by": list(backing.disputed_by),
        "languages": sorted({articles[a].language for a in incident.article_ids if a in articles}),
    }


def list_incidents(ledger: Ledger, include_not_strikes: bool = False) -> list[dict[str, Any]]:
    """Every incident as a row, with analysts' corrections applied (see :mod:`strikeledger.review`).

    ``corrected`` names the fields an analyst changed; incidents marked not a strike are left
    out unless ``include_not_strikes`` (then ``not_strike`` says which).
    """
    articles = ledger.articles(with_text=False)
    reviewed = review.apply(ledger)
    incidents = reviewed.incidents if include_not_strikes else reviewed.strikes()
    backing = confidence.assess_all(incidents, articles, ledger.reports(), ledger.claims())
    aliases = reviewed.aliases_by_id()
    return [{**incident_row(i, articles, backing[i.id]), "corrected": sorted(reviewed.machine.get(i.id, {})),
             "not_strike": i.id in reviewed.not_strikes, "aliases": aliases.get(i.id, [])} for i in incidents]


def current_id(ledger: Ledger, incident_id: str) -> str:
    """The id an incident id answers to now (itself or what it is an alias of); NotFound, or Gone."""
    return review.apply(ledger).current(incident_id)


def query_incidents(ledger: Ledger, where: IncidentFilter, limit: int, offset: int = 0,
                    sort: str | None = None) -> dict[str, Any]:
    """One page of the filtered ledger, ordered by ``sort`` (see :data:`listing.SORTS`):
    ``{"total", "limit", "offset", "items"}``."""
    rows = sort_rows([r for r in list_incidents(ledger) if where.matches(r)], sort)
    return {"total": len(rows), "limit": limit, "offset": offset, "items": rows[offset:offset + limit]}


def _sentence(text: str, start: int, end: int) -> str:
    return text[start:end] if 0 <= start < end else ""


def incident_detail(ledger: Ledger, incident_id: str) -> dict[str, Any]:
    """An incident with every figure's source: the fact, its sentence, the article's outlet and date.

    An alias gives its current incident, whose ``incident_id`` then differs from the one asked for.
    """
    reviewed = review.apply(ledger)
    incident = reviewed.get(reviewed.current(incident_id))
    articles = ledger.articles(incident.article_ids)
    keys = set(incident.report_keys)
    sources = []
    for article_id in incident.article_ids:
        article = articles[article_id]
        figures = []
        for report_idx, _, fact in ledger.facts(article_id):
            if f"{article_id}:{report_idx}" not in keys:
                continue
            figures.append({
                "kind": fact.kind, "value": fact.value, "qualifier": fact.qualifier, "surface": fact.surface,
                "start": fact.start, "end": fact.end, "extractor": fact.extractor,
                "sentence": _sentence(article.text, fact.sentence_start, fact.sentence_end),
                "sentence_start": fact.sentence_start, "sentence_end": fact.sentence_end,
            })
        sources.append({
            "article_id": article_id, "url": article.url, "outlet": outlet_name(article.outlet, article.url),
            "title": article.title, "language": article.language,
            "published": article.published.isoformat() if article.published else None, "figures": figures,
        })
    sources.sort(key=lambda s: (s["published"] or "", s["article_id"]))
    stored_claims = ledger.claims(incident.article_ids)
    claims = [asdict(c) for c in stored_claims if f"{c.article_id}:{c.report_index}" in keys]
    stored_reports = ledger.reports(incident.article_ids)
    reports = [r for r in stored_reports if r.key in keys]
    revisions = []
    for figure in killed_figures(reports, articles):
        if not revisions or revisions[-1]["value"] != figure.value:
            revisions.append({"value": figure.value, "published": figure.published.isoformat() if figure.published else None,
                              "outlet": outlet_name(figure.outlet, articles[figure.article_id].url), "article_id": figure.article_id, "qualifier": figure.qualifier})
    backing = confidence.assess(incident, articles, {r.key: r for r in stored_reports}, stored_claims)
    row = incident_row(incident, articles, backing)
    return {**row, "best_reason": incident.best_reason, "contradictions": list(incident.contradictions),
            "sources": sources, "claims": claims, "killed_over_time": revisions, "report_keys": list(incident.report_keys),
            "machine": reviewed.machine.get(incident.id, {}), "corrections": reviewed.corrections.get(incident.id, []),
            "not_strike": incident.id in reviewed.not_strikes,
            "aliases": reviewed.aliases_by_id().get(incident.id, []),
            # what changed, and which article changed it (strikeledger.changefeed)
            "history": changefeed.history(ledger, [incident.id, *reviewed.aliases_by_id().get(incident.id, [])])}


def article_detail(ledger: Ledger, article_id: str) -> dict[str, Any]:
    """An article's text and metadata, every fact extracted from it, and the incidents it feeds."""
    article = ledger.article(article_id)
    facts = [{"kind": f.kind, "value": f.value, "qualifier": f.qualifier, "surface": f.surface, "start": f.start, "end": f.end,
              "extractor": f.extractor, "report_key": None if r is None else f"{article_id}:{r}", "total_index": x}
             for r, x, f in ledger.facts(article_id)]
    reviewed = review.apply(ledger)
    feeds = [{"incident_id": i.id, "strike_date": i.strike_date.isoformat() if i.strike_date else None, "region": i.region,
              "killed_best": i.killed_best, "report_keys": [k for k in i.report_keys if k.rsplit(":", 1)[0] == article_id],
              "not_strike": i.id in reviewed.not_strikes}
             for i in reviewed.incidents if article_id in i.article_ids]
    return {
        "article_id": article.id, "url": article.url, "outlet": outlet_name(article.outlet, article.url), "title": article.title,
        "published": article.published.isoformat() if article.published else None, "published_precision": article.published_precision,
        "source": article.source, "language": article.language, "read": reads(article.language),
        "text": article.text, "copies": [{"url": c["url"], "outlet": outlet_name(c["outlet"], c["url"])} for c in ledger.article_copies(article_id)],
        "facts": facts, "claims": [asdict(c) for c in ledger.claims([article_id])], "incidents": feeds,
        # every version of the story at its URL, oldest first; only the current one feeds the ledger
        "versions": versions.versions(ledger, article_id),
    }


def check_totals(ledger: Ledger) -> list[TotalCheck]:
    """Each reported cumulative total beside the ledger's deaths, strikes and boats as of the same date."""
    totals = ledger.totals()
    articles = ledger.articles({t.article_id for t in totals})
    return tally.check_totals(review.apply(ledger).strikes(), totals, articles)


def gaps(ledger: Ledger) -> list[Gap]:
    """Windows between reported totals rising faster than the ledger: strikes it may lack (:mod:`.gaps`)."""
    reviewed = review.apply(ledger)
    totals = ledger.totals()
    # A strike count's own qualifier ("at least six strikes") is kept only on its fact.
    qualifiers = {(t.article_id, x): f.qualifier for t in totals if t.strikes is not None
                  for _, x, f in ledger.facts(t.article_id) if x == t.index and f.kind == "total_strikes"}
    placed = {k for i in reviewed.incidents for k in i.report_keys}  # an analyst's not-a-strike is placed too
    return find_gaps(totals, reviewed.strikes(), ledger.articles(), ledger.reports(), placed, qualifiers)


def gaps_report(ledger: Ledger) -> dict[str, Any]:
    """:func:`gaps` as JSON-ready data: ``{"gaps": [...], "ledger_short": n}``.

    ``ledger_short`` counts the gaps where the ledger falls short of the later report itself; the
    others are windows an earlier report's stale figure opened (their sum would double count).
    """
    found = gaps(ledger)
    return {"gaps": [g.as_dict() for g in found],
            "ledger_short": sum(g.verdict == "ledger_short" for g in found)}


def campaign_totals(ledger: Ledger) -> dict[str, Any]:
    """The ledger's own campaign totals (strikes, killed as a range, survivors, by region) and the reported ones."""
    rows = list_incidents(ledger)
    def summed(name: str, items: list[dict[str, Any]]) -> int:
        return sum(r[name] or 0 for r in items)
    def summary(items: list[dict[str, Any]]) -> dict[str, int]:
        return {"strikes": len(items), "killed_low": summed("killed_low", items), "killed_best": summed("killed_best", items),
                "killed_high": summed("killed_high", items), "survivors": summed("survivors", items),
                "vessels": summed("vessels", items), "with_contradictions": sum(1 for r in items if r["contradictions"])}
    regions = sorted({r["region"] for r in rows})
    return {**summary(rows), "by_region": {g: summary([r for r in rows if r["region"] == g]) for g in regions},
            "reported": reported_totals(ledger)}


def reported_totals(ledger: Ledger) -> list[dict[str, Any]]:
    """:func:`check_totals` as JSON-ready rows, each with ``precision``: how exactly its day is known
    (its article's date is ``estimated`` when a dateline or the URL gave it, not the metadata)."""
    checks = check_totals(ledger)
    precision = {a.id: a.published_precision for a in ledger.articles({c.article_id for c in checks}, with_text=False).values()}
    return [{**_check_dict(c), "precision": precision.get(c.article_id)} for c in checks]


def _check_dict(check: TotalCheck) -> dict[str, Any]:
    return {**asdict(check), "as_of": check.as_of.isoformat() if check.as_of else None}


def timeline(ledger: Ledger) -> dict[str, Any]:
    """Strikes and deaths per week (weeks start on Monday) and cumulatively, by region.

    Deaths count each incident's best figure, or its low bound when there is no best. Each
    reported cumulative total is placed at its as-of date, or its article's publication date
    when it gives none (``dated_by`` says which), to be drawn over the ledger's own line.
    """
    regions, weeks = weekly_series(review.apply(ledger).strikes())
    checks = check_totals(ledger)
    articles = ledger.articles({c.article_id for c in checks}, with_text=False)
    reported = []
    for check in checks:
        article = articles.get(check.article_id)
        when, dated_by = (check.as_of, "as_of") if check.as_of else (article and article.published, "published")
        if when is not None:
            reported.append({**_check_dict(check), "date": when.isoformat(), "dated_by": dated_by,
                             "precision": article.published_precision if article else None})
    reported.sort(key=lambda r: r["date"])
    return {"regions": regions, "weeks": weeks, "reported": reported}


# --- exports ------------------------------------------------------------------------------

def export(ledger: Ledger, fmt: str, where: IncidentFilter | None = None, sort: str | None = None) -> str | bytes:
    """The ledger as CSV (FORMAT.md columns), JSON or GeoJSON text, an XLSX workbook (bytes), or one
    CSV row per vessel; ``where`` and ``sort`` choose and order the incidents as the list does."""
    rows = list_incidents(ledger)
    if where is not None:
        rows = [r for r in rows if where.matches(r)]
    rows = sort_rows(rows, sort)
    if fmt == "xlsx":
        return xlsx_bytes(rows, CSV_COLUMNS, [("source", "strikeledger"), ("rows", str(len(rows))),
                                              ("filters", describe_filter(where))])
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: _cell(row[k]) for k in CSV_COLUMNS})
        return buffer.getvalue()
    if fmt == "json":
        return json.dumps({"incidents": rows}, indent=2, ensure_ascii=False) + "\n"
    if fmt == "geojson":
        features = [
            {"type": "Feature", "id": row["incident_id"],
             "geometry": {"type": "Point", "coordinates": [row["lon"], row["lat"]]} if row["lat"] is not None else None,
             "properties": row}
            for row in rows
        ]
        return json.dumps({"type": "FeatureCollection", "features": features}, indent=2, ensure_ascii=False) + "\n"
    if fmt == "vessels":
        return vessels_csv(ledger, {r["incident_id"] for r in rows} if where is not None else None)
    raise ValueError(f"unknown export format {fmt!r}: use csv, json, geojson, xlsx or vessels")


def _cell(value: Any) -> Any:
    # Booleans as JSON writes them, so a CSV reader and a JSON reader see the same words.
    if isinstance(value, list):
        return " ".join(value)
    return "" if value is None else ("true" if value is True else "false" if value is False else value)


def evaluate_corpus(corpus: Iterable[str | Path], gold_path: str | Path, options: IngestOptions | None = None) -> Evaluation:
    """Build a ledger of ``corpus`` in a scratch database and score it against ``gold_path``."""
    gold = load_gold(gold_path)
    with tempfile.TemporaryDirectory() as scratch:
        ledger = Ledger.open(f"sqlite:///{Path(scratch) / 'eval.db'}")
        try:
            ingest(ledger, corpus, options)
            return evaluate(ledger.incidents(), gold)
        finally:
            ledger.close()
