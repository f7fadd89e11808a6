"""Tests that fail on a wrong answer: the evaluation gate refuses a broken reader, the exports hold
the figures known by hand, and the store's and a crash's errors reach clients in the envelope."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace

import pytest
import sqlalchemy
from conftest import ROOT, SEEDS, SEEDS_GOLD, require
from fastapi.testclient import TestClient

from strikeledger import extract, service
from strikeledger.api import create_app
from test_eval_gate import BASELINE, METRICS

KNOWN = {("2025-11-01", "caribbean", 3, 1), ("2025-11-05", "eastern_pacific", 2, 3),
         ("2025-11-09", "caribbean", 4, 2)}  # the hand-made ledger: date, sea, killed, sources (a copy is none)


def test_the_gate_fails_a_reader_that_misreads_every_toll(monkeypatch):
    require(SEEDS.is_dir(), f"the seed corpus is not at {SEEDS}")
    real = extract.extract_article

    def off_by_one(article):
        found = real(article)
        return replace(found, reports=tuple(replace(r, killed=r.killed + 1 if r.killed else r.killed)
                                            for r in found.reports))

    monkeypatch.setattr(extract, "extract_article", off_by_one)
    result = service.evaluate_corpus([SEEDS], SEEDS_GOLD)
    floors = BASELINE["seeds"]
    below = {m for m in METRICS if getattr(result, m) < floors[m]}
    assert "killed_exact" in below  # the floor the sabotage breaks is caught


def test_the_floors_file_names_corpora_and_metrics_that_exist():
    for name, floors in ((k, v) for k, v in BASELINE.items() if not k.startswith("_")):
        named = floors["corpus"] if isinstance(floors["corpus"], list) else [floors["corpus"]]
        assert named and all((ROOT / c).exists() or c.startswith("../") for c in named), name
        assert set(METRICS) <= set(floors) and all(0 < floors[m] <= 1 for m in METRICS), name


@pytest.mark.parametrize("fmt", ["csv", "json", "geojson"])
def test_exports_hold_the_figures_known_by_hand(handmade_ledger, fmt):
    text = service.export(handmade_ledger, fmt)
    if fmt == "csv":
        rows = {(r["strike_date"], r["region"], int(r["killed_best"]), int(r["n_sources"]))
                for r in csv.DictReader(io.StringIO(text))}
    else:
        data = json.loads(text)
        items = data["incidents"] if fmt == "json" else [f["properties"] for f in data["features"]]
        rows = {(r["strike_date"], r["region"], r["killed_best"], r["n_sources"]) for r in items}
    assert rows == KNOWN


def test_a_store_failure_is_a_503_in_the_envelope(ledger):
    with TestClient(create_app(ledger.url), raise_server_exceptions=False) as client:
        with ledger.engine.begin() as c:
            c.execute(sqlalchemy.text("DROP TABLE incident_reports"))
        response = client.get("/api/incidents")
    assert response.status_code == 503
    body = response.json()
    assert body["error"]["code"] == "store_error" and "incident_reports" in body["error"]["message"]
    assert "content-security-policy" in response.headers
