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
from glob import glob
from pathlib import Path

import pytest

from strikeledger import service
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
