"""Shared fixtures: fresh and sample ledgers, the seed corpus, a real PostgreSQL server.

Tests never touch the network. What a test needs from the machine (PostgreSQL, Chromium,
``../shared``) is skipped with the reason when absent — except under CI (``CI`` set), where a
missing requirement fails the run instead.
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from datetime import date
from glob import glob
from pathlib import Path

import pytest

from strikeledger import service
from strikeledger.records import Article, ArticleExtraction, Claim, ReportedTotal, StrikeReport
from strikeledger.store import Ledger

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
CORPUS = EXAMPLES / "corpus"
GOLD = EXAMPLES / "gold.csv"
SHARED = ROOT.parent / "shared" / "corpus"
SEEDS = SHARED / "seeds"
SEEDS_GOLD = SHARED / "seeds-gold.csv"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def require(condition: bool, reason: str) -> None:
    """Skip when a machine requirement is missing; under CI, fail instead."""
    if condition:
        return
    if os.environ.get("CI"):
        pytest.fail(f"required under CI: {reason}")
    pytest.skip(reason)


@pytest.fixture
def ledger(tmp_path) -> Ledger:
    """An empty SQLite ledger of its own."""
    opened = Ledger.open(f"sqlite:///{tmp_path / 'ledger.db'}")
    yield opened
    opened.close()


def build_sample_ledger(url: str) -> Ledger:
    """The ledger of the bundled sample corpus (also what `make run` serves)."""
    opened = Ledger.open(url)
    service.ingest(opened, [CORPUS])
    return opened


@pytest.fixture(scope="session")
def sample_ledger(tmp_path_factory) -> Ledger:
    """The sample corpus ingested once per session. Read it; do not change it."""
    path = tmp_path_factory.mktemp("sample") / "sample.db"
    opened = build_sample_ledger(f"sqlite:///{path}")
    yield opened
    opened.close()


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    require(SEEDS.is_dir() and SEEDS_GOLD.is_file(), f"the seed corpus is not at {SEEDS}")
    return SEEDS


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _as_postgres(args: list[str]) -> subprocess.CompletedProcess:
    if os.geteuid() == 0:
        args = ["runuser", "-u", "postgres", "--", *args]
    return subprocess.run(args, capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="session")
def postgres_url():
    """A private PostgreSQL cluster on a free loopback port, started for this session."""
    if os.environ.get("STRIKELEDGER_TEST_PG"):
        yield os.environ["STRIKELEDGER_TEST_PG"]
        return
    bins = sorted(glob("/usr/lib/postgresql/*/bin/initdb"))
    require(bool(bins), "PostgreSQL is not installed (make system-deps installs Debian's postgresql)")
    bindir = Path(bins[-1]).parent
    if os.geteuid() == 0:
        require(_user_exists("postgres"), "no postgres system user to run the server as")
    datadir = Path(tempfile.mkdtemp(prefix="strikeledger-pg-"))
    if os.geteuid() == 0:
        entry = pwd.getpwnam("postgres")
        os.chown(datadir, entry.pw_uid, entry.pw_gid)
    port = _free_port()
    init = _as_postgres([str(bindir / "initdb"), "-D", str(datadir / "data"), "-U", "postgres", "--auth=trust", "-E", "UTF8"])
    assert init.returncode == 0, init.stderr
    start = _as_postgres([
        str(bindir / "pg_ctl"), "-D", str(datadir / "data"), "-w", "-l", str(datadir / "log"),
        "-o", f"-p {port} -k {datadir} -c listen_addresses=127.0.0.1 -c fsync=off", "start",
    ])
    assert start.returncode == 0, start.stderr + (datadir / "log").read_text() if (datadir / "log").exists() else start.stderr
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
    finally:
        _as_postgres([str(bindir / "pg_ctl"), "-D", str(datadir / "data"), "-m", "fast", "stop"])
        shutil.rmtree(datadir, ignore_errors=True)


def _user_exists(name: str) -> bool:
    try:
        pwd.getpwnam(name)
        return True
    except KeyError:
        return False


# --- a hand-made ledger: records written directly, no extraction, so every figure is known ----

def _report(article_id: str, day: date | None, region: str, killed: int | None, *, index: int = 0,
            announced_by: str | None = None, vessels: int | None = None, precision: str = "day",
            low: date | None = None, high: date | None = None) -> StrikeReport:
    return StrikeReport(
        article_id=article_id, index=index, strike_date=day, date_precision=precision,
        date_low=low or day, date_high=high or day, date_from_announcement=False, region=region,
        location=None, lat=None, lon=None, place_precision="unknown", vessels=vessels, killed=killed,
        killed_qualifier="", survivors=None, announced_by=announced_by, ordinal=None, part=None,
        start=0, end=20,
    )


def _total(article_id: str, index: int, as_of: date, killed: int | None, qualifier: str = "",
           strikes: int | None = None, vessels: int | None = None) -> ReportedTotal:
    return ReportedTotal(article_id, index, as_of, killed, qualifier, strikes, vessels, 0, 20)


def build_handmade_ledger(url: str) -> Ledger:
    """Three strikes whose outlets, announcers, disputes and running totals are set by hand.

    - A, 2025-11-01, Caribbean, 3 killed on 2 boats, announced by Hegseth: one article (Alpha) and
      a syndicated copy of it under Beta's URL: one independent outlet.
    - B, 2025-11-05, eastern Pacific, 2 killed, boats not counted, no official source: "Gamma" and
      "The Gamma" (one outlet) and an article without an outlet on www.delta.example (a second);
      the families dispute it.
    - C, 2025-11-09, Caribbean, 4 killed on 1 boat, announced by SOUTHCOM (in Epsilon) and reported
      by Alpha; Petro disputes it, so its grade is disputed though an official announced it.

    Running totals (each in an article of its own): 3 killed in 1 strike as of 11-02; 5 killed in
    2 strikes on 4 boats as of 11-06; at least 12 killed in 4 strikes as of 11-12, when the ledger
    holds 9 in 3. An article of 11-08 speaks of a strike on a boat and feeds nothing; a report dated
    only to the week of 11-10 joins no incident; one of 11-08 on strikes inside Venezuela (no boat)
    and one of 11-20 (after every total) are no leads.
    """
    opened = Ledger.open(url)
    day = date.fromisoformat
    epac, carib = "eastern_pacific", "caribbean"
    reports = {
        "a1": [_report("a1", day("2025-11-01"), carib, 3, announced_by="Hegseth", vessels=2)],
        "b1": [_report("b1", day("2025-11-05"), epac, 2)],
        "b2": [_report("b2", day("2025-11-05"), epac, 2)],
        "b3": [_report("b3", day("2025-11-05"), epac, 2)],
        "c1": [_report("c1", day("2025-11-09"), carib, 4, announced_by="SOUTHCOM", vessels=1)],
        "c2": [_report("c2", day("2025-11-09"), carib, 4)],
        "u1": [_report("u1", None, epac, 3, precision="week", low=day("2025-11-10"), high=day("2025-11-12"))],
    }
    totals = {
        "t1": [_total("t1", 0, day("2025-11-02"), 3, strikes=1)],
        "t2": [_total("t2", 0, day("2025-11-06"), 5, strikes=2, vessels=4)],
        "t3": [_total("t3", 0, day("2025-11-12"), 12, "at_least", strikes=4)],
    }
    claims = {
        "b1": [Claim("b1", 0, "families", "disputes", "", 0, 20, "The families said they fished.")],
        "c1": [Claim("c1", 0, "Petro (Colombia)", "disputes", "", 0, 20, "Petro called it a murder.")],
    }
    texts = {"n1": "Witnesses said a U.S. strike destroyed a boat off Aruba on Saturday.",
             "n2": "Lawmakers debated strikes inside Venezuela.",
             "n3": "A U.S. strike destroyed a boat near Jamaica."}
    published = {  # id: (outlet, URL, publication day)
        "a1": ("Alpha", "https://alpha.example/a1", "2025-11-01"),
        "b1": ("Gamma", "https://gamma.example/b1", "2025-11-05"),
        "b2": ("The Gamma", "https://gamma.example/b2", "2025-11-06"),
        "b3": (None, "https://www.delta.example/b3", "2025-11-06"),
        "c1": ("Epsilon", "https://epsilon.example/c1", "2025-11-09"),
        "c2": ("Alpha", "https://alpha.example/c2", "2025-11-10"),
        "t1": ("Zeta", "https://zeta.example/t1", "2025-11-02"),
        "t2": ("Eta", "https://eta.example/t2", "2025-11-06"),
        "t3": ("Theta", "https://theta.example/t3", "2025-11-12"),
        "u1": ("Iota", "https://iota.example/u1", "2025-11-12"),
        "n1": ("Kappa", "https://kappa.example/n1", "2025-11-08"),
        "n2": ("Lambda", "https://lambda.example/n2", "2025-11-08"),
        "n3": ("Mu", "https://mu.example/n3", "2025-11-20"),
    }
    for article_id, (outlet, link, when) in published.items():
        text = texts.get(article_id, f"Article {article_id}: a strike on a boat.")
        opened.add_article(Article(id=article_id, text=text, url=link, outlet=outlet, published=day(when),
                                   published_precision="exact", source=f"{article_id}.txt"), "handmade")
        opened.save_extraction(ArticleExtraction(article_id, tuple(reports.get(article_id, ())),
                                                 tuple(totals.get(article_id, ())),
                                                 tuple(claims.get(article_id, ()))))
    copy = Article(id="a1", text="Article a1: a strike on a boat.", url="https://beta.example/copy-of-a1",
                   outlet="Beta", published=day("2025-11-01"), source="beta.txt")
    assert opened.add_article(copy, "handmade") == "syndicated"
    service.rebuild(opened)
    return opened


@pytest.fixture(scope="session")
def handmade_ledger(tmp_path_factory) -> Ledger:
    """The ledger of :func:`build_handmade_ledger`. Read it; do not change it."""
    opened = build_handmade_ledger(f"sqlite:///{tmp_path_factory.mktemp('handmade') / 'handmade.db'}")
    yield opened
    opened.close()
