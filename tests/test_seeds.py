"""The five real seed articles: what a careful reader takes from them (shared/corpus/README.md)."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from strikeledger import service
from strikeledger.cli import app
from strikeledger.store import Ledger

runner = CliRunner()


@pytest.fixture(scope="module")
def seeds_db(seeds_dir, tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('seeds') / 'seeds.db'}"
    result = runner.invoke(app, ["ingest", str(seeds_dir), "--db", url, "--quiet"])
    assert result.exit_code == 0, result.stderr
    return url


def _rows(url):
    ledger = Ledger.open(url)
    try:
        return service.list_incidents(ledger)
    finally:
        ledger.close()


def test_the_friday_strike_is_dated_from_the_publication_date(seeds_db):
    rows = _rows(seeds_db)
    (oct3,) = [r for r in rows if r["strike_date"] == "2025-10-03"]
    assert oct3["region"] == "caribbean"
    assert oct3["killed_best"] == 4
    assert oct3["announced_by"] == "Hegseth"
    assert oct3["location"] == "off the coast of Venezuela"


def test_show_prints_the_sentence_behind_each_figure(seeds_db):
    rows = _rows(seeds_db)
    (oct3,) = [r for r in rows if r["strike_date"] == "2025-10-03"]
    result = runner.invoke(app, ["show", oct3["incident_id"], "--db", seeds_db])
    assert result.exit_code == 0
    out = " ".join(result.stdout.split())
    assert "the most recent strike killed four narco-terrorists" in out
    assert "«Earlier this morning»" in out and "Hegseth announced in a social media post Friday" in out
    assert "«off the coast of Venezuela»" in out
    assert "Fox News, 2025-10-08" in out


def test_no_incident_from_the_directive_articles(seeds_db):
    ledger = Ledger.open(seeds_db)
    sources = {a.id: a.source for a in ledger.articles(with_text=False).values()}
    fed = {sources[a].rsplit("/", 1)[-1] for r in ledger.incidents() for a in r.article_ids}
    ledger.close()
    assert not fed & {"002.txt", "004.txt"}


def test_cumulative_figures_are_reported_totals_not_incidents(seeds_db):
    ledger = Ledger.open(seeds_db)
    checks = service.check_totals(ledger)
    ledger.close()
    killed = [(c.reported_killed, c.qualifier) for c in checks if c.reported_killed is not None]
    assert (80, "more_than") in killed
    assert any(c.reported_strikes == 4 for c in checks)
    rows = _rows(seeds_db)
    assert all(r["killed_best"] not in (80, 81) for r in rows)


def test_the_september_2_follow_on_strike_is_a_partial_toll(seeds_db):
    rows = _rows(seeds_db)
    (sep2,) = [r for r in rows if r["strike_date"] == "2025-09-02"]
    assert sep2["killed_best"] is None and sep2["killed_low"] == 2


def test_every_seed_gold_row_is_met(seeds_dir):
    from conftest import SEEDS_GOLD

    result = service.evaluate_corpus([seeds_dir], SEEDS_GOLD)
    assert (result.recall, result.precision, result.date_exact, result.killed_exact) == (1.0, 1.0, 1.0, 1.0)
