"""The pages as curl sees them (no JavaScript): every figure server-rendered, filters in the URL,
filtered downloads in every format, citations, HEAD, the offline API docs."""

from __future__ import annotations

import csv
import html
import io
import json
import re
from datetime import datetime, timezone

import pytest
from fastapi.testclient import TestClient

from strikeledger import service
from strikeledger.api import create_app
from strikeledger.citation import cite
from strikeledger.listing import IncidentFilter


@pytest.fixture(scope="module")
def client(sample_ledger) -> TestClient:
    with TestClient(create_app(sample_ledger.url)) as test_client:
        yield test_client


def ids_in(page: str) -> list[str]:
    return re.findall(r'<tr data-id="([^"]+)"', page)


def text_of(page: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", page))


def test_ledger_page_shows_every_incident_and_its_figures_without_javascript(client, sample_ledger):
    rows = service.list_incidents(sample_ledger)
    page = client.get("/").text
    assert ids_in(page) == [r["incident_id"] for r in rows]
    assert "Loading" not in page
    totals = service.campaign_totals(sample_ledger)
    shown = text_of(page)
    assert f"{totals['killed_best']}" in shown and f"range {totals['killed_low']}–{totals['killed_high']}" in shown
    row = next(r for r in rows if r["killed_low"] != r["killed_high"])
    assert f"{row['killed_best']} ({row['killed_low']}–{row['killed_high']})" in shown
    assert f"{len(rows)} incidents shown" in shown


def test_filters_and_order_are_query_parameters_carried_by_the_downloads(client, sample_ledger):
    where = IncidentFilter(region="caribbean", official=True)
    expected = [r for r in service.list_incidents(sample_ledger) if where.matches(r)]
    expected.sort(key=lambda r: r["killed_best"] or 0, reverse=True)
    page = client.get("/", params={"region": "caribbean", "official": "true", "grade": "", "sort": "-killed_best"}).text
    assert ids_in(page)[0] == expected[0]["incident_id"]
    assert set(ids_in(page)) == {r["incident_id"] for r in expected}
    assert 'href="/api/export.csv?region=caribbean&amp;official=true&amp;sort=-killed_best"' in page
    assert '<option value="caribbean" selected>' in page
    refused = client.get("/", params={"region": "mars"})
    assert refused.status_code == 400 and "region" in text_of(refused.text)


@pytest.mark.parametrize("fmt", ["csv", "json", "geojson", "xlsx", "vessels"])
def test_every_export_honours_the_filters(client, sample_ledger, fmt):
    params = {"region": "eastern_pacific", "min_outlets": "2"}
    where = IncidentFilter(region="eastern_pacific", min_outlets=2)
    wanted = {r["incident_id"] for r in service.list_incidents(sample_ledger) if where.matches(r)}
    everything = {r["incident_id"] for r in service.list_incidents(sample_ledger)}
    assert wanted and wanted != everything
    response = client.get(f"/api/export.{fmt}", params=params)
    assert response.status_code == 200
    if fmt in ("csv", "vessels"):
        got = {r["incident_id"] for r in csv.DictReader(io.StringIO(response.text))}
    elif fmt == "json":
        got = {r["incident_id"] for r in response.json()["incidents"]}
    elif fmt == "geojson":
        got = {f["id"] for f in response.json()["features"]}
    else:
        from openpyxl import load_workbook

        sheet = load_workbook(io.BytesIO(response.content), read_only=True)["incidents"]
        table = list(sheet.iter_rows(values_only=True))
        assert list(table[0]) == list(service.CSV_COLUMNS)
        got = {row[0] for row in table[1:]}
        first = dict(zip(table[0], table[1]))
        assert isinstance(first["killed_low"], int) and first["official"] in ("true", "false")
        assert first["languages"] == "en"  # the languages column is the CSV's, last
    assert got == wanted


def test_incident_page_for_readers(client, sample_ledger):
    row = next(r for r in service.list_incidents(sample_ledger) if r["contradictions"])
    detail = service.incident_detail(sample_ledger, row["incident_id"])
    page = client.get(f"/incidents/{row['incident_id']}").text
    shown = text_of(page)
    assert "Loading" not in page
    assert f"{detail['killed_best']} killed; sources give {detail['killed_low']} to {detail['killed_high']}" in shown
    # the disagreement comes before the sources
    assert shown.index("Sources disagree") < shown.index("Sources (")
    for contradiction in detail["contradictions"]:
        assert contradiction in shown
    # each source sentence once, however many figures it backs
    for source in detail["sources"]:
        sentences = {f["sentence"] for f in source["figures"] if f["sentence"]}
        block = page[page.index(f'data-article="{source["article_id"]}"'):]
        block = block[:block.index("</section>")]
        assert block.count('<blockquote class="sentence">') == len(sentences)
    assert "revised_from" not in page and "(revised_from" not in shown
    assert 'id="toll-chart"' in page and 'id="cite-text"' in page


def test_disputes_lead_and_values_read_in_words(client, sample_ledger):
    row = next(r for r in service.list_incidents(sample_ledger) if r["disputed"])
    detail = service.incident_detail(sample_ledger, row["incident_id"])
    shown = text_of(client.get(f"/incidents/{row['incident_id']}").text)
    dispute = next(c for c in detail["claims"] if c["stance"] == "disputes")
    assert shown.index(dispute["text"]) < shown.index("Sources (")
    from strikeledger.web.views import count_words, value_words

    assert count_words(4, "revised_from:3") == "4, revised from 3"
    assert count_words(80, "more_than") == "over 80" and count_words(66, "at_least") == "at least 66"
    assert value_words("place", "Caribbean Sea", "water_area") == "Caribbean Sea (a water area)"


def test_citation_plain_text_and_csl_json(client, sample_ledger):
    row = next(r for r in service.list_incidents(sample_ledger) if r["n_sources"] > 1)
    detail = service.incident_detail(sample_ledger, row["incident_id"])
    when = datetime(2026, 1, 2, 3, 4, tzinfo=timezone.utc)
    made = cite(detail, f"http://ledger.example/incidents/{row['incident_id']}", when)
    assert row["incident_id"] in made.text and "Ledger as of 2026-01-02 03:04 UTC" in made.text
    for source in detail["sources"]:
        assert source["url"] in made.text and source["url"] in made.csl["references"]
    item = json.loads(made.csl_json())[0]
    assert item["type"] == "dataset" and item["URL"].endswith(row["incident_id"])
    assert item["accessed"] == {"date-parts": [[2026, 1, 2]]}
    page = client.get(f"/incidents/{row['incident_id']}").text
    csl = json.loads(html.unescape(re.search(r'<pre class="cite" id="cite-csl"[^>]*>(.*?)</pre>', page, re.S)[1]))
    assert csl[0]["URL"] == f"http://testserver/incidents/{row['incident_id']}"


def test_timeline_and_map_pages_carry_their_figures(client, sample_ledger):
    data = service.timeline(sample_ledger)
    page = client.get("/timeline").text
    assert page.count("<tr><td>20") >= len(data["weeks"])
    last = data["weeks"][-1]["regions"]["all"]
    assert f'<td class="num">{last["cumulative_killed"]}</td>' in page
    rows = service.list_incidents(sample_ledger)
    places = client.get("/api/places").json()
    assert places["placed"] == sum(1 for r in rows if r["lat"] is not None)
    assert sum(p["count"] for p in places["places"]) == places["placed"]
    assert len(places["places"]) < places["placed"]  # several incidents share a point
    page = client.get("/map").text
    counts = [int(n) for n in re.findall(r'data-count="(\d+)"', page)]
    assert sum(counts) == places["placed"] and len(counts) == len(places["places"])


def test_article_page_highlights_facts_and_links_its_language(client, sample_ledger):
    first = service.list_incidents(sample_ledger)[0]
    article_id = service.incident_detail(sample_ledger, first["incident_id"])["sources"][0]["article_id"]
    detail = service.article_detail(sample_ledger, article_id)
    page = client.get(f"/articles/{article_id}").text
    marked = [f for f in detail["facts"] if f["surface"]]
    assert page.count('<mark class="fact') >= len({(f["start"], f["end"]) for f in marked}) > 0
    assert f'href="/?language={detail["language"]}"' in page


def test_head_on_every_get_route(client, sample_ledger):
    row = service.list_incidents(sample_ledger)[0]
    paths = ["/", "/timeline", "/map", "/gaps", "/review", "/docs", f"/incidents/{row['incident_id']}",
             "/api/incidents", "/api/totals", "/api/timeline", "/api/gaps", "/api/places", "/api/settings",
             "/api/audit", "/api/export.csv", "/openapi.json", "/static/style.css"]
    for path in paths:
        got, head = client.get(path), client.head(path)
        assert head.status_code == got.status_code == 200, path
        assert head.content == b"" and head.headers["content-type"] == got.headers["content-type"], path
    assert client.head("/api/incidents/x/corrections").status_code == 405


def test_docs_are_served_from_the_package_under_the_policy(client):
    page = client.get("/docs")
    assert "/static/vendor/swagger-ui-bundle.js" in page.text and "<script>" not in page.text
    assert "'unsafe-inline'" not in page.headers["content-security-policy"]
    assert "cdn" not in page.text.lower()
    assert client.get("/redoc", follow_redirects=False).headers["location"] == "/docs"


def test_cli_cites_an_incident_and_exports_a_filtered_workbook(sample_ledger, tmp_path):
    from openpyxl import load_workbook
    from typer.testing import CliRunner

    from strikeledger.cli import app

    runner = CliRunner()
    row = next(r for r in service.list_incidents(sample_ledger) if r["region"] == "caribbean")
    shown = runner.invoke(app, ["show", row["incident_id"], "--cite", "--base-url", "https://ledger.example/",
                                "--db", sample_ledger.url])
    assert shown.exit_code == 0, shown.output
    text, _, csl = shown.output.partition("\n\n")
    assert text.startswith(f"strikeledger, incident {row['incident_id']}:")
    assert json.loads(csl)[0]["URL"] == f"https://ledger.example/incidents/{row['incident_id']}"
    out = tmp_path / "carib.xlsx"
    made = runner.invoke(app, ["export", "-f", "xlsx", "--filter", "region=caribbean", "-o", str(out),
                               "--db", sample_ledger.url])
    assert made.exit_code == 0, made.output
    sheet = list(load_workbook(out, read_only=True)["incidents"].iter_rows(values_only=True))
    assert {r[3] for r in sheet[1:]} == {"caribbean"}
    assert len(sheet) - 1 == sum(r["region"] == "caribbean" for r in service.list_incidents(sample_ledger))
    bad = runner.invoke(app, ["export", "--filter", "colour=red", "--db", sample_ledger.url])
    assert bad.exit_code == 1 and "Error: --filter colour: not a filter" in bad.output


def test_outlets_are_named_by_their_host_where_none_is_given(handmade_ledger):
    detail = service.incident_detail(handmade_ledger, next(
        r["incident_id"] for r in service.list_incidents(handmade_ledger) if r["strike_date"] == "2025-11-05"))
    assert "delta.example" in {s["outlet"] for s in detail["sources"]}
    assert service.article_detail(handmade_ledger, "b3")["outlet"] == "delta.example"


def test_gaps_and_review_pages_without_javascript(client, sample_ledger):
    report = service.gaps_report(sample_ledger)
    page = client.get("/gaps").text
    assert page.count('<section class="source gap"') == len(report["gaps"]) > 0
    assert f'<div class="n" id="gap-count">{len(report["gaps"])}</div>' in page
    shown = text_of(page)
    for gap in report["gaps"]:
        assert f"After {gap['after']}, through {gap['through']}: {gap['killed_unaccounted']} deaths" in shown
    totals = service.campaign_totals(sample_ledger)["reported"]
    assert page[page.index('id="totals"'):].count("<tr><td>") == len(totals)
    assert "Loading" not in client.get("/review").text and 'id="audit"' in client.get("/review").text


WIRE = ("WASHINGTON, Oct. 4, 2025 (Test Wire) — The U.S. military struck a boat it said was carrying drugs in "
        "the Caribbean on Friday, killing four people, Defense Secretary Pete Hegseth said.\n\nThe strike brings "
        "the death toll of the campaign to at least 21 people in five strikes, according to the Pentagon.\n")


def test_a_total_dated_by_its_dateline_and_named_by_its_host(ledger, tmp_path):
    (tmp_path / "wire.txt").write_text(WIRE, encoding="utf-8")  # written for this test; no outlet, no date
    (tmp_path / "wire.json").write_text('{"url": "https://www.testwire.example/news/boat-strike"}', encoding="utf-8")
    service.ingest(ledger, [tmp_path / "wire.txt"])
    [total] = service.campaign_totals(ledger)["reported"]
    assert (total["as_of"], total["precision"], total["outlet"]) == ("2025-10-04", "estimated", "testwire.example")
    with TestClient(create_app(ledger.url)) as local:
        ledger_page = text_of(local.get("/").text)
        assert "at least 21" in ledger_page and "testwire.example, as of 2025-10-04, estimated" in ledger_page
        gaps_page = text_of(local.get("/gaps").text)
        assert "2025-10-04 (estimated)" in gaps_page and "testwire.example" in gaps_page
        assert "published (estimated)" in text_of(local.get("/timeline").text) or \
               "as of (estimated)" in text_of(local.get("/timeline").text)
    from typer.testing import CliRunner

    from strikeledger.cli import app

    shown = CliRunner().invoke(app, ["totals", "--db", ledger.url])
    assert shown.exit_code == 0 and "(estimated)" in shown.output and "testwire.example" in shown.output
