"""Crash safety: an ingest killed with SIGKILL at random moments, then run to its end, stores the
same ledger as an uninterrupted run, on SQLite and on PostgreSQL: nothing lost, nothing doubled,
the database intact.

A few kills per database in the suite; ``make fuzz`` kills 20 times on each (STRIKELEDGER_KILLS).
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time

import pytest
import sqlalchemy
from conftest import CORPUS

from strikeledger import service
from strikeledger.store import Ledger

KILLS = int(os.environ.get("STRIKELEDGER_KILLS", "2"))
ARTICLES = 8  # corpus files (with their sidecars) each run ingests


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("kill-corpus")
    for text in sorted(CORPUS.glob("*.txt"))[:ARTICLES]:
        shutil.copy(text, folder / text.name)
        if text.with_suffix(".json").exists():
            shutil.copy(text.with_suffix(".json"), folder / text.with_suffix(".json").name)
    return folder


def _content(ledger: Ledger):
    """What an ingest stores, without the times and ids that depend on when it ran."""
    articles = {a.id: (a.text, a.url, a.outlet, a.published, a.language) for a in ledger.articles().values()}
    incidents = sorted((i.strike_date, i.region, i.killed_low, i.killed_best, i.killed_high, i.survivors,
                        i.vessels, i.report_keys) for i in ledger.incidents())
    return articles, ledger.reports(), ledger.totals(), ledger.claims(), incidents, ledger.counts()


def _ingest_process(corpus, url):
    return subprocess.Popen([sys.executable, "-c", "from strikeledger.cli import app; app()", "ingest",
                             str(corpus), "--db", url, "-q"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _killed_then_finished(corpus, url, seed):
    """Kill ``KILLS`` ingests at random moments, then run one to its end."""
    Ledger.open(url).close()  # migrated before the first kill: kills test ingest, not set-up
    started = time.monotonic()
    proc = _ingest_process(corpus, url)
    assert proc.wait(timeout=600) == 0, proc.stderr.read().decode()[-2000:]
    full = time.monotonic() - started
    reference = Ledger.open(url)
    expected = _content(reference)
    reference.close()
    _empty(url)
    moments = random.Random(seed)
    for _ in range(KILLS):
        proc = _ingest_process(corpus, url)
        time.sleep(moments.uniform(0.2, full))
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
    proc = _ingest_process(corpus, url)
    assert proc.wait(timeout=600) == 0, proc.stderr.read().decode()[-2000:]
    return expected


def _empty(url):
    ledger = Ledger.open(url)
    with ledger.transaction() as c:
        for table in ("incident_reports", "incidents", "incident_aliases", "facts", "claims", "reports", "totals",
                      "article_copies", "articles"):
            c.execute(sqlalchemy.text(f"DELETE FROM {table}"))
    ledger.close()


def test_sigkill_during_ingest_on_sqlite_loses_and_doubles_nothing(corpus, tmp_path):
    url = f"sqlite:///{tmp_path / 'kill.db'}"
    expected = _killed_then_finished(corpus, url, seed=1)
    ledger = Ledger.open(url)
    try:
        assert _content(ledger) == expected
        assert expected[5]["articles"] == ARTICLES and expected[5]["incidents"] > 0
        with ledger.engine.connect() as c:
            assert c.execute(sqlalchemy.text("PRAGMA integrity_check")).scalar() == "ok"
            assert c.execute(sqlalchemy.text("PRAGMA foreign_key_check")).all() == []
        assert service.ingest(ledger, [corpus]).ingested == 0  # and an ingest after it adds nothing
    finally:
        ledger.close()


def test_sigkill_during_ingest_on_postgresql_loses_and_doubles_nothing(corpus, postgres_url):
    name = "kill_test"
    admin = sqlalchemy.create_engine(postgres_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(sqlalchemy.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        c.execute(sqlalchemy.text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    url = postgres_url.rsplit("/", 1)[0] + f"/{name}"
    expected = _killed_then_finished(corpus, url, seed=2)
    ledger = Ledger.open(url)
    try:
        assert _content(ledger) == expected and expected[5]["articles"] == ARTICLES
    finally:
        ledger.close()
