"""The JSON API, in-process: lists, filters, paging, detail pages' twins, exports and the one error envelope."""

from __future__ import annotations

import csv
import io
import json

import pytest
from fastapi.testclient import TestClient

from strikeledger import service
from strikeledger.api import create_app


@pytest.fixture(scope="module")
def client(sample_ledger) -> TestClient:
    with TestClient(create_app(sample_ledger.url)) as test_client:
        yield test_client


@pytest.fixture
def empty_client(ledger) -> TestClient:
    with TestClient(create_app(ledger.url)) as test_client:
        yield test_client


def assert_envelope(response, status: int, code: str) -> None:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}, body
    assert body["error"]["code"] == code and body["error"]["message"]


def test_list_pages_through_every_incident(client, sample_ledger):
    every = service.list_incidents(sample_ledger)
    first = client.get("/api/incidents", params={"limit": 10}).json()
    second = client.get("/api/incidents", params={"limit": 10, "offset": 10}).json()
    assert first["total"] == len(every) and len(first["items"]) == 10
    assert [r["incident_id"] for r in first["items"] + second["items"]] == [r["incident_id"] for r in every[:20]]
    assert client.get("/api/incidents").json()["limit"] == 50  # the page_size setting


# Each filter with the rows it must return, worked out here from the unfiltered list, so a filter
# that drops matches fails as surely as one that lets others through.
FILTER_CASES = [
    ({"region": "caribbean"}, lambda r: r["region"] == "caribbean"),
    ({"region": "eastern_pacific"}, lambda r: r["region"] == "eastern_pacific"),
    ({"grade": "official"}, lambda r: r["grade"] == "official"),
    ({"contradictions": "true"}, lambda r: bool(r["contradictions"])),
    ({"contradictions": "false"}, lambda r: not r["contradictions"]),
    ({"date_from": "2025-10-01", "date_to": "2025-10-31"},
     lambda r: r["strike_date"] is not None and "2025-10-01" <= r["strike_date"] <= "2025-10-31"),
    ({"min_outlets": "2"}, lambda r: r["n_outlets"] >= 2),
    ({"official": "false"}, lambda r: not r["official"]),
    ({"disputed": "true"}, lambda r: r["disputed"]),
    ({"region": "caribbean", "official": "true"}, lambda r: r["region"] == "caribbean" and r["official"]),
]


@pytest.mark.parametrize("params, wanted", FILTER_CASES, ids=[str(p) for p, _ in FILTER_CASES])
def test_filters(client, sample_ledger, params, wanted):
    every = service.list_incidents(sample_ledger)
    expected = {r["incident_id"] for r in every if wanted(r)}
    got = client.get("/api/incidents", params={**params, "limit": 1000}).json()
    assert {r["incident_id"] for r in got["items"]} == expected and got["total"] == len(expected)
    assert expected or params == {"official": "false"}  # the sample has no incident without an official


def test_incident_twin_carries_sources_and_sentences(client, sample_ledger):
    row = next(r for r in service.list_incidents(sample_ledger) if r["n_sources"] > 1 and r["killed_best"])
    detail = client.get(f"/api/incidents/{row['incident_id']}").json()
    assert detail == service.incident_detail(sample_ledger, row["incident_id"])
    figure = next(f for s in detail["sources"] for f in s["figures"] if f["kind"] == "killed")
    assert figure["surface"] in figure["sentence"]
    assert detail["best_reason"] and detail["machine"] == {} and detail["corrections"] == []


def test_article_twin_highlights_facts(client, sample_ledger):
    incident = service.list_incidents(sample_ledger)[3]
    article_id = service.incident_detail(sample_ledger, incident["incident_id"])["sources"][0]["article_id"]
    article = client.get(f"/api/articles/{article_id}").json()
    spans = [f for f in article["facts"] if f["surface"]]  # an inferred fact (region from a sentence) has no surface
    assert spans and all(article["text"][f["start"]:f["end"]] == f["surface"] for f in spans)
    assert incident["incident_id"] in {i["incident_id"] for i in article["incidents"]}


def test_totals_and_timeline(client, sample_ledger):
    totals = client.get("/api/totals").json()
    rows = service.list_incidents(sample_ledger)
    assert totals["strikes"] == len(rows) and totals["killed_best"] == sum(r["killed_best"] or 0 for r in rows)
    assert totals["reported"] and "ledger_killed" in totals["reported"][0]
    timeline = client.get("/api/timeline").json()
    assert timeline["weeks"][-1]["regions"]["all"]["cumulative_strikes"] == sum(1 for r in rows if r["strike_date"])
    assert timeline["reported"] and all(r["date"] for r in timeline["reported"])


@pytest.mark.parametrize("fmt", ["csv", "json", "geojson"])
def test_exports_match_the_cli(client, sample_ledger, fmt):
    response = client.get(f"/api/export.{fmt}")
    assert response.status_code == 200 and response.text == service.export(sample_ledger, fmt)
    assert "attachment" in response.headers["content-disposition"]
    # the figures themselves, against the list (another code path), not just that the file parses
    expected = {(r["incident_id"], r["strike_date"], r["region"], r["killed_best"], r["n_sources"])
                for r in service.list_incidents(sample_ledger)}
    if fmt == "csv":
        rows = [(r["incident_id"], r["strike_date"] or None, r["region"], int(r["killed_best"]) if r["killed_best"] else None,
                 int(r["n_sources"])) for r in csv.DictReader(io.StringIO(response.text))]
    else:
        data = json.loads(response.text)
        items = data["incidents"] if fmt == "json" else [f["properties"] for f in data["features"]]
        rows = [(r["incident_id"], r["strike_date"], r["region"], r["killed_best"], r["n_sources"]) for r in items]
    assert len(rows) == len(expected) > 0 and set(rows) == expected


def test_settings_and_openapi(client):
    names = {s["name"] for s in client.get("/api/settings").json()["settings"]}
    assert {"db", "tile_url", "page_size"} <= names
    schema = client.get("/openapi.json").json()
    for path in ("/api/incidents", "/api/incidents/{incident_id}", "/api/articles/{article_id}", "/api/totals",
                 "/api/timeline", "/api/settings", "/api/export.{fmt}", "/api/incidents/{incident_id}/corrections"):
        assert path in schema["paths"], path
    assert client.get("/docs").status_code == 200


def test_pages_are_served_with_a_strict_policy(client):
    for path, status in (("/", 200), ("/timeline", 200), ("/map", 200), ("/review", 200), ("/docs", 200),
                         ("/incidents/x", 404), ("/articles/x", 404)):
        response = client.get(path)
        assert response.status_code == status and ("<main" in response.text or path == "/docs")
        assert "script-src 'self'" in response.headers["content-security-policy"]


def test_error_envelope_404(client):
    assert_envelope(client.get("/api/incidents/no-such-incident"), 404, "not_found")
    assert_envelope(client.get("/api/articles/0000000000000000"), 404, "not_found")
    assert_envelope(client.get("/api/no-such-route"), 404, "not_found")
    assert_envelope(client.get("/api/export.xml"), 422, "invalid_request")


def test_error_envelope_422(client):
    assert_envelope(client.get("/api/incidents", params={"region": "mars"}), 422, "invalid_request")
    assert_envelope(client.get("/api/incidents", params={"limit": 0}), 422, "invalid_request")
    assert_envelope(client.get("/api/incidents", params={"date_from": "yesterday"}), 422, "invalid_request")


def test_error_envelope_401_and_403(empty_client):
    body = {"action": "not_strike", "reason": "test"}
    assert_envelope(empty_client.post("/api/incidents/x/corrections", json=body), 401, "unauthorized")
    assert_envelope(empty_client.post("/api/incidents/x/corrections", json=body, headers={"Authorization": "Bearer nope"}), 401, "unauthorized")
    assert_envelope(empty_client.post("/api/incidents/x/corrections", json=body, headers={"Origin": "https://evil.example"}), 403, "forbidden")
    assert_envelope(empty_client.post("/api/corrections/1/undo", json={"reason": "x"}, headers={"Origin": "null"}), 403, "forbidden")
    assert_envelope(empty_client.delete("/api/incidents"), 405, "method_not_allowed")
