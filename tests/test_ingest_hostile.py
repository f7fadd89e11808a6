"""Hostile input (a security review's findings): each is one line naming the input and the reason,
the batch goes on to the next input, and nothing already stored changes."""

from __future__ import annotations

import gzip
import json
import os
import random
import signal
import socket
import string
import tracemalloc

import pytest
import sqlalchemy
from conftest import FIXTURES

from strikeledger import service
from strikeledger.ingest import IngestOptions, bounded
from strikeledger.store import Ledger
from strikeledger.store.plausible import MAX_PER_STRIKE, plausible

MINI = FIXTURES / "mini"
GOOD_LINE = (MINI / "archive.jsonl").read_text().splitlines()[0]  # arc-1: a strike killing three
STRIKE = ("The U.S. military struck a suspected drug boat in the Caribbean on Tuesday, killing {toll} people "
          "aboard, Defense Secretary Pete Hegseth said.")


@pytest.fixture
def stored(ledger):
    """A ledger holding one article already, and a snapshot of all that is stored of it."""
    service.ingest(ledger, [MINI / "wire-one.txt"])
    assert ledger.counts()["articles"] == 1
    return ledger, _snapshot(ledger)


def _snapshot(ledger):
    ids = sorted(ledger.articles())
    return (ledger.articles(), ledger.reports(ids), [ledger.facts(i) for i in ids], ledger.claims(ids))


def _unchanged(ledger, before):
    old = before[0]
    ids = sorted(old)
    assert ledger.articles(ids) == old
    assert (ledger.reports(ids), [ledger.facts(i) for i in ids], ledger.claims(ids)) == before[1:]


def _reasons(summary):
    for rejected in summary.rejected:
        assert "\n" not in str(rejected) and str(rejected).startswith(rejected.source + ": ")
    return {r.source.rsplit("/", 1)[-1]: r.reason for r in summary.rejected}


def _good_archive(tmp_path, name="next.jsonl"):
    path = tmp_path / name
    path.write_text(GOOD_LINE + "\n")
    return path


def test_numbers_and_nesting_beyond_the_parser_are_rejections(stored, tmp_path):
    ledger, before = stored
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "bigmeta.txt").write_text("A readable article about a policy debate in Congress.")
    (corpus / "bigmeta.json").write_text('{"x": ' + "9" * 5000 + "}")
    (corpus / "deepmeta.txt").write_text("Another readable article about a policy debate.")
    (corpus / "deepmeta.json").write_text('{"x": ' + "[" * 100_000 + "]" * 100_000 + "}")
    (corpus / "lines.jsonl").write_text("\n".join([
        '{"text": "A readable line.", "x": ' + "9" * 5000 + "}",
        '{"text": "A readable line.", "x": ' + "[" * 100_000 + "]" * 100_000 + "}",
        GOOD_LINE]) + "\n")
    summary = service.ingest(ledger, [corpus, _good_archive(tmp_path)])
    reasons = _reasons(summary)
    assert reasons["bigmeta.json"].startswith("malformed sidecar (ValueError: Exceeds the limit (4300 "
                                              "digits)")
    assert reasons["deepmeta.json"] == "malformed sidecar (nested too deep to read)"
    assert reasons["lines.jsonl:1"].startswith("malformed JSON line (ValueError: Exceeds the limit")
    assert reasons["lines.jsonl:2"] == "malformed JSON line (nested too deep to read)"
    assert summary.ingested == 1 and summary.duplicates == 1  # lines.jsonl:3, then next.jsonl's copy
    _unchanged(ledger, before)


def test_a_toll_beyond_the_bound_is_no_figure_and_the_article_is_stored(stored, tmp_path):
    ledger, before = stored
    (tmp_path / "huge.txt").write_text(STRIKE.format(toll="1" * 26))
    summary = service.ingest(ledger, [tmp_path / "huge.txt", _good_archive(tmp_path)])
    assert summary.rejected == [] and summary.ingested == 2
    huge = next(a for a in ledger.articles().values() if a.source.endswith("huge.txt"))
    assert [r.killed for r in ledger.reports([huge.id])] == [None]
    assert not [f for _, _, f in ledger.facts(huge.id) if f.kind == "killed"]
    _unchanged(ledger, before)


def test_the_bound_keeps_every_plausible_figure(ledger, tmp_path):
    (tmp_path / "big.txt").write_text(STRIKE.format(toll=f"{MAX_PER_STRIKE:,}"))
    (tmp_path / "over.txt").write_text(STRIKE.format(toll=f"{MAX_PER_STRIKE + 1:,}"))
    service.ingest(ledger, [tmp_path])
    tolls = {a.source.rsplit("/", 1)[-1]: [r.killed for r in ledger.reports([a.id])]
             for a in ledger.articles().values()}
    assert tolls == {"big.txt": [MAX_PER_STRIKE], "over.txt": [None]}


def test_plausible_leaves_an_extraction_within_bounds_as_it_is(sample_ledger):
    from strikeledger.records import ArticleExtraction
    extraction = ArticleExtraction("x", tuple(sample_ledger.reports()), tuple(sample_ledger.totals()))
    assert plausible(extraction) == extraction


def test_any_failure_storing_one_article_is_its_rejection(stored, tmp_path, monkeypatch):
    ledger, before = stored
    (tmp_path / "a.txt").write_text(STRIKE.format(toll="four"))
    (tmp_path / "b.txt").write_text(STRIKE.format(toll="five"))
    real = Ledger.save_extraction

    def failing(self, extraction, conn=None):
        if self.articles([extraction.article_id], with_text=False) == {} and "four" in _text_of(extraction):
            raise OverflowError("Python int too large to convert to SQLite INTEGER")
        return real(self, extraction, conn)

    def _text_of(extraction):
        return " ".join(f.surface for r in extraction.reports for f in r.facts)

    monkeypatch.setattr(Ledger, "save_extraction", failing)
    summary = service.ingest(ledger, [tmp_path / "a.txt", tmp_path / "b.txt"])
    assert _reasons(summary) == {
        "a.txt": "cannot be stored (OverflowError: Python int too large to convert to SQLite INTEGER)"}
    assert summary.ingested == 1 and summary.incidents == len(ledger.incidents()) >= 1
    assert not any(a.source.endswith("a.txt") for a in ledger.articles().values())  # rolled back whole
    _unchanged(ledger, before)


def _controls_line():
    text = "The U.S. military\x00 struck a boat\x07 in the\x1b Caribbean,\tkilling three.\nNo one survived."
    return json.dumps({"text": text, "title": "Strike\x00 report", "url": "https://x.example/\x00a"})


def _stored_without_controls(ledger, archive):
    summary = service.ingest(ledger, [archive])
    assert summary.ingested == 1
    (article,) = ledger.articles().values()
    assert article.text == ("The U.S. military struck a boat in the Caribbean, killing three.\n"
                            "No one survived.")
    assert (article.title, article.url) == ("Strike report", "https://x.example/a")
    for _, _, fact in ledger.facts(article.id):  # offsets are into the text as stored
        assert article.text[fact.start:fact.end] == fact.surface
    return article


def test_nul_and_control_characters_are_removed_at_normalisation(ledger, tmp_path):
    archive = tmp_path / "controls.jsonl"
    archive.write_text(_controls_line() + "\n")
    _stored_without_controls(ledger, archive)


def test_nul_is_removed_the_same_way_on_postgresql(postgres_url, tmp_path):
    name = "hostile_controls"
    engine = sqlalchemy.create_engine(postgres_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as c:
        c.execute(sqlalchemy.text(f'DROP DATABASE IF EXISTS "{name}"'))
        c.execute(sqlalchemy.text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    archive = tmp_path / "controls.jsonl"
    archive.write_text(_controls_line() + "\n")
    pg = Ledger.open(postgres_url.rsplit("/", 1)[0] + f"/{name}")
    lite = Ledger.open(f"sqlite:///{tmp_path / 'lite.db'}")
    try:
        assert _stored_without_controls(pg, archive) == _stored_without_controls(lite, archive)
    finally:
        pg.close()
        lite.close()


@pytest.fixture
def deadline():
    """Fail, rather than hang, should a read block (a FIFO opened for reading waits for a writer)."""
    def expired(*_):
        raise TimeoutError("a read blocked")
    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(60)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def test_only_regular_files_are_read(stored, tmp_path, deadline):
    ledger, before = stored
    corpus = tmp_path / "c"
    corpus.mkdir()
    os.mkfifo(corpus / "fifo.txt")
    (corpus / "zero.txt").symlink_to("/dev/zero")
    (corpus / "zero.jsonl.gz").symlink_to("/dev/zero")
    (corpus / "meta.txt").write_text("A readable article about a policy debate in Congress.")
    (corpus / "meta.json").symlink_to("/dev/zero")
    sock = socket.socket(socket.AF_UNIX)
    sock_dir = tmp_path / "s"
    sock_dir.mkdir()
    cwd = os.getcwd()
    try:
        os.chdir(sock_dir)  # a relative name: AF_UNIX paths are short
        sock.bind("sock.txt")
    finally:
        os.chdir(cwd)
    (corpus / "sock.txt").symlink_to(sock_dir / "sock.txt")
    try:
        summary = service.ingest(ledger, [corpus, corpus / "fifo.txt", _good_archive(tmp_path)])
    finally:
        sock.close()
    reasons = _reasons(summary)
    assert reasons["fifo.txt"] == "a FIFO, not a regular file; only regular files are read"
    assert reasons["zero.txt"] == ("a character device (/dev/zero), not a regular file; "
                                   "only regular files are read")
    assert reasons["zero.jsonl.gz"].startswith("a character device (/dev/zero)")
    assert reasons["meta.json"].startswith("a character device (/dev/zero)")
    assert reasons["sock.txt"].startswith("a socket (")
    assert len(summary.rejected) == 6  # the FIFO twice: in the directory and named
    assert summary.ingested == 1  # next.jsonl: the batch went on (meta.txt went with its sidecar)
    _unchanged(ledger, before)


def test_a_sidecar_over_its_limit_is_refused(stored, tmp_path, monkeypatch):
    ledger, before = stored
    monkeypatch.setattr(bounded, "MAX_SIDECAR_BYTES", 1000)
    (tmp_path / "a.txt").write_text("A readable article about a policy debate in Congress.")
    (tmp_path / "a.json").write_text(json.dumps({"title": "x" * 2000}))
    summary = service.ingest(ledger, [tmp_path / "a.txt", _good_archive(tmp_path)])
    assert _reasons(summary) == {"a.json": "2013 bytes is over the limit of 1000 (the sidecar limit)"}
    assert summary.ingested == 1
    _unchanged(ledger, before)


def _write_gzip(path, chunks):
    with gzip.open(path, "wb", compresslevel=6) as out:
        for chunk in chunks:
            out.write(chunk)


def test_a_small_gzip_of_one_huge_line_is_refused_without_reading_it_whole(stored, tmp_path):
    ledger, before = stored
    bomb = tmp_path / "bomb.jsonl.gz"
    _write_gzip(bomb, [b'{"text": "'] + [b"a" * 1_000_000] * 50 + [b'"}\n', GOOD_LINE.encode() + b"\n"])
    assert bomb.stat().st_size < 1_000_000
    tracemalloc.start()
    try:
        summary = service.ingest(ledger, [bomb, _good_archive(tmp_path)],
                                 IngestOptions(max_article_bytes=10_000))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    rejected = [(r.source.rsplit("/", 1)[-1], r.reason) for r in summary.rejected]
    assert rejected[0] == ("bomb.jsonl.gz:1", "line over the limit of 10000 bytes (max_article_bytes)")
    assert rejected[1][0] == "bomb.jsonl.gz:1" and "times its compressed size" in rejected[1][1]
    assert peak < 20_000_000  # 50 MB of line: never held
    assert summary.ingested == 1
    _unchanged(ledger, before)


def test_a_line_over_the_limit_is_skipped_and_the_next_line_read(ledger, tmp_path):
    noise = random.Random(3)
    words = " ".join("".join(noise.choices(string.ascii_lowercase, k=7)) for _ in range(30_000))
    for name in ("long.jsonl", "long.jsonl.gz"):
        data = (json.dumps({"text": words}) + "\n" + GOOD_LINE + "\n").encode()
        path = tmp_path / name
        path.write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
    summary = service.ingest(ledger, [tmp_path / "long.jsonl", tmp_path / "long.jsonl.gz"],
                             IngestOptions(max_article_bytes=10_000))
    assert _reasons(summary) == {f"{n}:1": "line over the limit of 10000 bytes (max_article_bytes)"
                                 for n in ("long.jsonl", "long.jsonl.gz")}
    assert summary.ingested == 1 and summary.duplicates == 1


def test_a_gzip_decompressing_past_max_archive_bytes_stops_there(ledger, tmp_path):
    noise = random.Random(5)
    lines = [json.dumps({"id": noise.getrandbits(64), "title": "no text"}) for _ in range(20_000)]
    data = ("\n".join(lines) + "\n").encode()
    archive = tmp_path / "big.jsonl.gz"
    archive.write_bytes(gzip.compress(data))
    size = archive.stat().st_size
    assert 3 * size < len(data) < bounded.MAX_GZIP_RATIO * size  # the absolute cap, not the ratio, stops it
    summary = service.ingest(ledger, [archive, _good_archive(tmp_path)],
                             IngestOptions(max_archive_bytes=2 * size))
    last = summary.rejected[-1]
    assert last.reason == (f"archive cannot be read further (decompressed past {2 * size} bytes "
                           "(max_archive_bytes))")
    assert 0 < len(summary.rejected) - 1 < len(lines)
    assert summary.ingested == 1
