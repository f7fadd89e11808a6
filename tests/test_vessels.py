"""The per-vessel export: one row per vessel of every strike event, with the parts' own figures."""

from __future__ import annotations

import csv
import io

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from strikeledger import review, service
from strikeledger.api import create_app
from strikeledger.cli import app
from strikeledger.vessels import VESSEL_COLUMNS, vessel_rows


def _rows(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text)))


def test_an_announcement_with_per_vessel_counts_gives_a_row_per_vessel_with_its_toll(sample_ledger):
    rows = vessel_rows(sample_ledger)
    dec18 = [(r["vessel"], r["killed"], r["incident_killed_best"]) for r in rows if r["strike_date"] == "2025-12-18"]
    assert dec18 == [(1, 3, 5), (2, 2, 5)]  # the sample's Dec. 18 announcement: 3 and 2 on two vessels
    nov9 = [(r["vessel"], r["killed"]) for r in rows if r["strike_date"] == "2025-11-09"]
    assert nov9 == [(1, None), (2, None)]  # two vessels, only the total (6) known
    single = next(r for r in rows if r["strike_date"] == "2025-09-15")
    assert (single["vessel"], single["vessels_in_incident"], single["killed"]) == (1, 1, 3)


def test_the_rows_count_every_vessel_of_every_incident(sample_ledger):
    incidents = review.apply(sample_ledger).strikes()
    assert len(vessel_rows(sample_ledger)) == sum(i.vessels or 1 for i in incidents)
    assert {r["incident_id"] for r in vessel_rows(sample_ledger)} == {i.id for i in incidents}


def test_the_cli_and_the_api_give_the_same_per_vessel_csv(sample_ledger):
    text = service.export(sample_ledger, "vessels")
    assert text.splitlines()[0] == ",".join(VESSEL_COLUMNS)
    assert len(_rows(text)) == len(vessel_rows(sample_ledger))
    result = CliRunner().invoke(app, ["export", "--format", "vessels", "--db", sample_ledger.url])
    assert result.exit_code == 0 and result.stdout == text
    with TestClient(create_app(sample_ledger.url)) as client:
        response = client.get("/api/export.vessels")
    assert response.status_code == 200 and response.text == text
    assert response.headers["content-type"].startswith("text/csv")
