"""``strikeledger scan``: archives cut into partitions, read on Dask workers, stored by the client;
against a LocalCluster and a separately started scheduler with two workers; killed and resumed."""

from __future__ import annotations

import html
import json
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import CORPUS, FIXTURES
from strikeledger import service
from strikeledger.ingest import IngestOptions, iter_articles
from strikeledger.ingest.gate import default_gate
from strikeledger.records import Article
from strikeledger.scan import scan
from strikeledger.scan.partitions import plan
from strikeledger.scan.warcfile import Page, write_warc
from strikeledger.scan.work import _records, scan_partition
from strikeledger.store import Ledger

FETCHED = "2025-11-05T12:00:00Z"  # when the test archive's pages were "fetched"
# A few sample articles (kept few: every one is read by spaCy) and every trap.
SAMPLE = sorted(CORPUS.glob("a00*.txt"))[:8]


def _articles() -> list[Article]:
    return [a for a in iter_articles([*SAMPLE, FIXTURES / "traps"]) if isinstance(a, Article)]


def _jsonl(path: Path, articles: list[Article]) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        for a in articles:
            handle.write(json.dumps({"url": a.url, "outlet": a.outlet, "title": a.title, "text": a.text,
                                     "published": a.published.isoformat() if a.published else None}) + "\n")
    return path


def _warc(path: Path, articles: list[Article]) -> Path:
    def page(a: Article) -> str:
        paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in a.text.split("\n\n"))
        published = f'<meta property="article:published_time" content="{a.published}">' \
            if a.published else ""
        return f"<html><head><title>{html.escape(a.title or '')}</title>{published}</head>" \
               f"<body><nav>Home | World | Sport</nav><article>{paragraphs}</article></body></html>"

    write_warc(path, (Page(a.url or f"https://news.example/{a.id}", page(a), FETCHED) for a in articles))
    return path


@pytest.mark.parametrize("name", ["news.jsonl", "news.warc", "news.warc.gz"])
def test_partitions_hold_every_record_once(tmp_path, name):
    articles = _articles()
    path = (_jsonl if name.endswith(".jsonl") else _warc)(tmp_path / name, articles)
    parts = plan(path, 4000)
    assert len(parts) > 5
    sources = [r.source for p in parts for r in _records(p, IngestOptions())]  # read, not extracted
    assert len(sources) == len(set(sources)) == len(articles)


def test_a_partition_sets_aside_the_traps_before_reading(tmp_path):
    traps = [a for a in iter_articles([FIXTURES / "traps"]) if isinstance(a, Article)]
    path = _warc(tmp_path / "traps.warc.gz", traps)
    result = scan_partition(plan(path)[0])
    assert (result.records, result.set_aside) == (len(traps), len(traps))
    assert (result.articles, result.rejected) == ((), ())


def _ledger_view(ledger: Ledger) -> list[tuple]:
    return sorted((i.strike_date, i.region, i.killed_best) for i in ledger.incidents())


def test_scan_on_a_local_cluster_gives_the_ledger_ingest_gives(tmp_path):
    articles = _articles()
    archive = _jsonl(tmp_path / "news.jsonl", articles)
    expected = Ledger.open(f"sqlite:///{tmp_path / 'ingest.db'}")
    service.ingest(expected, [archive], gate=default_gate())
    scanned = Ledger.open(f"sqlite:///{tmp_path / 'scan.db'}")
    summary = scan(scanned, [archive], workers=2, checkpoint=tmp_path / "ck.json", partition_bytes=8000)
    assert summary.partitions > 3 and summary.records == len(articles)
    assert summary.set_aside == len(articles) - len(SAMPLE) and summary.rejected == []
    assert _ledger_view(scanned) == _ledger_view(expected) != []
    assert sorted(scanned.articles(with_text=False)) == \
        sorted(expected.articles(with_text=False))
    again = scan(scanned, [archive], workers=1, checkpoint=tmp_path / "ck.json", partition_bytes=8000)
    assert (again.partitions, again.resumed, again.ingested) == (0, summary.partitions, 0)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def dask_cluster(tmp_path_factory):
    """A `dask scheduler` and two `dask worker` processes on loopback, as on a real cluster."""
    bin_dir = Path(sys.executable).parent
    address = f"tcp://127.0.0.1:{_free_port()}"
    logs = tmp_path_factory.mktemp("dask")
    port = address.rsplit(":", 1)[1]
    scheduler = [bin_dir / "dask", "scheduler", "--host", "127.0.0.1", "--port", port, "--no-dashboard"]
    procs = [subprocess.Popen(scheduler, stdout=subprocess.DEVNULL, stderr=open(logs / "scheduler", "w"))]
    procs += [subprocess.Popen([bin_dir / "dask", "worker", address, "--nthreads", "1", "--no-dashboard",
                                "--host", "127.0.0.1"], stdout=subprocess.DEVNULL,
                               stderr=open(logs / f"worker{n}", "w")) for n in range(2)]
    try:
        from distributed import Client

        with Client(address, timeout=60) as client:
            client.wait_for_workers(2, timeout=120)
        yield address
    finally:
        for proc in procs:
            proc.terminate()
        for proc in procs:
            proc.wait(timeout=30)


def _scan_command(archive: Path, db: str, address: str, checkpoint: Path) -> list[str]:
    return [sys.executable, "-m", "strikeledger.cli", "scan", str(archive), "--db", db,
            "--scheduler", address,
            "--checkpoint", str(checkpoint), "--partition-bytes", "3000", "--quiet"]


def test_scan_killed_with_sigkill_resumes_with_nothing_lost_or_doubled(tmp_path, dask_cluster):
    articles = _articles()
    archive = _warc(tmp_path / "news.warc.gz", articles)
    total = len(plan(archive, 3000))
    db, checkpoint = f"sqlite:///{tmp_path / 'scan.db'}", tmp_path / "ck.json"
    client = subprocess.Popen(_scan_command(archive, db, dask_cluster, checkpoint),
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and client.poll() is None:
        if checkpoint.exists() and json.loads(checkpoint.read_text())["done"]:
            break
        time.sleep(0.01)
    client.send_signal(signal.SIGKILL)
    client.wait()
    done = sum(len(v) for v in json.loads(checkpoint.read_text())["done"].values())
    assert 0 < done < total  # killed mid-scan
    resumed = subprocess.run(_scan_command(archive, db, dask_cluster, checkpoint), capture_output=True,
                             text=True, timeout=300)
    assert resumed.returncode == 0, resumed.stderr
    assert f"resumed past {done})" in resumed.stdout
    ledger = Ledger.open(db)
    stored = list(ledger.articles(with_text=False))
    whole = Ledger.open(f"sqlite:///{tmp_path / 'whole.db'}")
    scan(whole, [archive], scheduler=dask_cluster, checkpoint=tmp_path / "whole.json", partition_bytes=3000)
    assert len(stored) == len(set(stored)) == len(SAMPLE)
    assert sorted(stored) == sorted(whole.articles(with_text=False))
    assert _ledger_view(ledger) == _ledger_view(whole) != []
