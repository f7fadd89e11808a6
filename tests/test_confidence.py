"""How sure each incident is (independent outlets, official source, dispute) and reported totals of
strikes and boats beside the ledger's sums: library, API filters and sort, CSV, CLI."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from strikeledger import service, tally
from strikeledger.api import create_app
from strikeledger.cli import app
from strikeledger.confidence import outlet_key
from strikeledger.records import Article, Incident, ReportedTotal

# The FORMAT.md columns of the incidents CSV, in their order, then grade, place precision and presumed dead.
FORMAT_COLUMNS = [
    "incident_id", "strike_date", "date_precision", "region", "location", "lat", "lon", "vessels",
    "killed_low", "killed_best", "killed_high", "survivors", "announced_by", "n_sources", "source_urls",
    "contradictions", "grade", "place_precision", "presumed_dead",
]


@pytest.fixture(scope="module")
def client(handmade_ledger) -> TestClient:
    with TestClient(create_app(handmade_ledger.url)) as test_client:
        yield test_client


def dates(client: TestClient, **params) -> list[str]:
    """The strike dates of the incidents the list returns (each hand-made incident has its own day)."""
    body = client.get("/api/incidents", params={"limit": 1000, **params})
    assert body.status_code == 200, body.text
    return [row["strike_date"] for row in body.json()["items"]]


A, B, C = "2025-11-01", "2025-11-05", "2025-11-09"  # see conftest.build_handmade_ledger


def test_outlet_key_folds_names_and_falls_back_to_the_host():
    assert outlet_key(Article("x", "", outlet="The Gamma")) == outlet_key(Article("y", "", outlet=" gamma "))
    assert outlet_key(Article("x", "", url="https://www.delta.example/a")) == "delta.example"
    assert outlet_key(Article("x", "", url="https://delta.example/b")) == "delta.example"
    assert outlet_key(Article("x", "")) != outlet_key(Article("y", ""))  # nothing known: each is its own


def test_each_incident_carries_outlets_official_and_disputed(handmade_ledger):
    rows = {r["strike_date"]: r for r in service.list_incidents(handmade_ledger)}
    got = {day: (r["n_outlets"], r["official"], r["disputed"], r["disputed_by"]) for day, r in rows.items()}
    assert got == {
        A: (1, True, False, []),  # Alpha and its syndicated copy under Beta's URL: one text, one outlet
        B: (2, False, True, ["families"]),  # Gamma = The Gamma, plus www.delta.example (no outlet)
        C: (2, True, True, ["Petro (Colombia)"]),  # SOUTHCOM announced it, Petro disputes it
    }
    # The grade alone hides C's official source.
    assert rows[B]["n_sources"] == 3 and rows[C]["grade"] == "disputed"
    detail = service.incident_detail(handmade_ledger, rows[C]["incident_id"])
    assert (detail["n_outlets"], detail["official"], detail["disputed"]) == (2, True, True)


def test_api_filters_return_exactly_the_expected_incidents(client):
    assert dates(client) == [A, B, C]
    assert dates(client, min_outlets=2) == [B, C]
    assert dates(client, min_outlets=3) == []
    assert dates(client, official="true") == [A, C]
    assert dates(client, official="false") == [B]
    assert dates(client, disputed="true") == [B, C]
    assert dates(client, disputed="false") == [A]
    assert dates(client, min_outlets=2, official="true") == [C]
    assert dates(client, grade="official") == [A]  # what the grade filter alone would have said


def test_api_sorts_by_the_confidence_fields(client):
    assert dates(client, sort="n_outlets") == [A, B, C]  # ties keep the ledger's order
    assert dates(client, sort="-n_outlets") == [B, C, A]
    assert dates(client, sort="-official") == [A, C, B]
    assert dates(client, sort="-strike_date") == [C, B, A]
    assert dates(client, sort="vessels") == [C, A, B]  # B's boats were never counted: last either way
    assert dates(client, sort="-vessels") == [A, C, B]
    response = client.get("/api/incidents", params={"sort": "outlets"})
    assert response.status_code == 422 and response.json()["error"]["code"] == "invalid_request"


def test_openapi_documents_the_new_filters(client):
    listing = client.get("/openapi.json").json()["paths"]["/api/incidents"]["get"]
    params = {p["name"]: p for p in listing["parameters"]}
    for name in ("min_outlets", "official", "disputed", "sort"):
        assert params[name]["description"], name
    assert "independent outlets" in params["min_outlets"]["description"]


def test_csv_keeps_the_format_columns_and_appends_the_new_ones(client, handmade_ledger):
    text = client.get("/api/export.csv").text
    reader = csv.DictReader(io.StringIO(text))
    assert reader.fieldnames == FORMAT_COLUMNS + ["n_outlets", "official", "disputed", "aliases", "languages"]
    rows = {r["strike_date"]: r for r in reader}
    assert (rows[A]["n_outlets"], rows[A]["official"], rows[A]["disputed"]) == ("1", "true", "false")
    assert (rows[B]["n_outlets"], rows[B]["official"], rows[B]["disputed"]) == ("2", "false", "true")
    json_rows = {r["strike_date"]: r for r in client.get("/api/export.json").json()["incidents"]}
    assert json_rows[C]["official"] is True and json_rows[C]["n_outlets"] == 2


def incident(day: str, killed: int, vessels: int | None) -> Incident:
    return Incident(id=day, strike_date=date.fromisoformat(day), date_precision="day", region="caribbean",
                    location=None, lat=None, lon=None, place_precision="unknown", vessels=vessels,
                    killed_low=killed, killed_best=killed, killed_high=killed, survivors=None,
                    announced_by=None, grade="single_source", report_keys=(), article_ids=())


def test_reported_strikes_and_boats_are_checked_against_the_ledgers_sums():
    strikes = [incident("2025-10-01", 3, 2), incident("2025-10-05", 2, None), incident("2025-10-20", 4, 3)]
    totals = [ReportedTotal("t", 0, date(2025, 10, 10), 5, "at_least", 3, 4, 0, 5),
              ReportedTotal("t", 1, None, 9, "", None, 7, 0, 5)]
    articles = {"t": Article("t", "Total: five killed, three strikes, four boats.", outlet="Zeta")}
    dated, undated = tally.check_totals(strikes, totals, articles)
    # By 10-10: two strike events; 2 boats + 1 for the strike whose boats nobody counted = 3.
    assert (dated.ledger_killed, dated.ledger_strikes, dated.ledger_vessels) == (5, 2, 3)
    assert (dated.killed_gap, dated.strikes_gap, dated.vessels_gap) == (0, 1, 1)
    # Without an as-of date every dated strike is summed, and no gap is claimed.
    assert (undated.ledger_vessels, undated.vessels_gap, undated.strikes_gap) == (6, None, None)


def test_totals_of_boats_in_the_api_and_the_cli(client, handmade_ledger):
    reported = client.get("/api/totals").json()["reported"]
    eta = next(r for r in reported if r["article_id"] == "t2")  # 5 killed in 2 strikes on 4 boats, 11-06
    # A (2 boats) and B (boats not counted: 1) by 11-06.
    assert (eta["reported_vessels"], eta["ledger_vessels"], eta["vessels_gap"]) == (4, 3, 1)
    assert (eta["reported_strikes"], eta["ledger_strikes"], eta["strikes_gap"]) == (2, 2, 0)
    result = CliRunner().invoke(app, ["totals", "--db", handmade_ledger.url])
    assert result.exit_code == 0 and "reported boats" in result.output and "ledger boats" in result.output
