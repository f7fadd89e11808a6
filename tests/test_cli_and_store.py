"""The CLI over the library, exports in the FORMAT.md shape, and the same ledger from SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import io
import json

from typer.testing import CliRunner

from conftest import CORPUS, FIXTURES
from strikeledger import service
from strikeledger.cli import app
from strikeledger.store import Ledger

runner = CliRunner()
FORMAT_COLUMNS = [
    "incident_id", "strike_date", "date_precision", "region", "location", "lat", "lon", "vessels", "killed_low",
    "killed_best", "killed_high", "survivors", "announced_by", "n_sources", "source_urls", "contradictions",
]


def test_export_csv_has_the_format_columns_in_order(sample_ledger):
    text = service.export(sample_ledger, "csv")
    reader = csv.DictReader(io.StringIO(text))
    assert reader.fieldnames[: len(FORMAT_COLUMNS)] == FORMAT_COLUMNS
    rows = list(reader)
    assert len(rows) == len(sample_ledger.incidents())
    for row in rows:
        assert row["region"] in ("caribbean", "eastern_pacific", "other", "unknown")
        assert row["date_precision"] in ("day", "week", "month", "unknown")
        assert row["source_urls"]


def test_export_geojson_and_json(sample_ledger):
    geo = json.loads(service.export(sample_ledger, "geojson"))
    placed = [f for f in geo["features"] if f["geometry"]]
    assert geo["type"] == "FeatureCollection" and placed
    lon, lat = placed[0]["geometry"]["coordinates"]
    assert -180 <= lon <= 180 and -90 <= lat <= 90
    data = json.loads(service.export(sample_ledger, "json"))
    assert len(data["incidents"]) == len(geo["features"])


def test_cli_commands_end_to_end(tmp_path):
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    assert runner.invoke(app, ["ingest", str(FIXTURES / "mini"), "--db", db, "-q"]).exit_code == 0
    listed = runner.invoke(app, ["incidents", "--json", "--db", db])
    rows = json.loads(listed.stdout)
    assert {(r["strike_date"], r["killed_best"]) for r in rows} == {("2025-10-14", 3), ("2025-10-22", 2), ("2025-11-01", 3)}
    shown = runner.invoke(app, ["show", rows[0]["incident_id"], "--db", db])
    assert shown.exit_code == 0 and "killed = 3" in shown.stdout
    missing = runner.invoke(app, ["show", "no-such-incident", "--db", db])
    assert missing.exit_code == 1 and missing.stderr.startswith("Error: no incident 'no-such-incident'")
    out = tmp_path / "ledger.geojson"
    assert runner.invoke(app, ["export", "--format", "geojson", "-o", str(out), "--db", db]).exit_code == 0
    assert json.loads(out.read_text())["type"] == "FeatureCollection"
    bad = runner.invoke(app, ["export", "--format", "xml", "--db", db])
    assert bad.exit_code == 1 and "use csv, json, geojson, xlsx or vessels" in bad.stderr
    totals = runner.invoke(app, ["totals", "--json", "--db", db])
    assert totals.exit_code == 0 and isinstance(json.loads(totals.stdout), list)
    settings = runner.invoke(app, ["config", "--db", db])
    assert settings.exit_code == 0 and "max_article_bytes" in settings.stdout


def test_env_var_names_the_database(tmp_path, monkeypatch):
    monkeypatch.setenv("STRIKELEDGER_DB", f"sqlite:///{tmp_path / 'env.db'}")
    assert runner.invoke(app, ["ingest", str(FIXTURES / "mini" / "wire-one.txt"), "-q"]).exit_code == 0
    assert (tmp_path / "env.db").exists()


def test_rebuilding_gives_the_same_ledger(sample_ledger):
    before = service.list_incidents(sample_ledger)
    service.rebuild(sample_ledger)
    assert service.list_incidents(sample_ledger) == before


def _comparable(ledger: Ledger):
    rows = service.list_incidents(ledger)
    checks = [(c.article_id, c.as_of, c.reported_killed, c.ledger_killed) for c in service.check_totals(ledger)]
    return rows, checks, ledger.counts()


def test_postgresql_gives_the_same_ledger_as_sqlite(postgres_url, sample_ledger):
    pg = Ledger.open(postgres_url)
    try:
        service.ingest(pg, [CORPUS])
        service.ingest(pg, [CORPUS])  # idempotent there too
        assert _comparable(pg) == _comparable(sample_ledger)
        detail = service.incident_detail(pg, service.list_incidents(pg)[0]["incident_id"])
        assert detail["sources"] and detail["sources"][0]["figures"]
    finally:
        pg.close()


def test_extraction_in_worker_processes_gives_the_same_ledger(tmp_path, sample_ledger):
    parallel = Ledger.open(f"sqlite:///{tmp_path / 'parallel.db'}")
    try:
        summary = service.ingest(parallel, [CORPUS], workers=2)
        assert summary.ingested == sample_ledger.counts()["articles"]
        assert _comparable(parallel) == _comparable(sample_ledger)
    finally:
        parallel.close()


def test_already_stored_articles_are_not_extracted_again(ledger, monkeypatch):
    service.ingest(ledger, [FIXTURES / "mini"])
    monkeypatch.setattr("strikeledger.extract.parallel._extract_or_reason", lambda article: (_ for _ in ()).throw(AssertionError("extracted again")))
    again = service.ingest(ledger, [FIXTURES / "mini"])
    assert (again.ingested, again.duplicates, again.rejected) == (0, 4, [])
