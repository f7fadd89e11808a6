"""Bad input: one clear line naming the input and the reason; the rest of the batch goes in; nothing stored is lost."""

from __future__ import annotations

import gzip
import json
import random
import shutil

import pytest
from typer.testing import CliRunner

from conftest import FIXTURES
from strikeledger import service
from strikeledger.cli import app
from strikeledger.errors import StoreError
from strikeledger.ingest import IngestOptions
from strikeledger.store import Ledger

MINI = FIXTURES / "mini"
runner = CliRunner()


@pytest.fixture
def good_article(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(MINI / "wire-one.txt", corpus / "good.txt")
    shutil.copy(MINI / "wire-one.json", corpus / "good.json")
    return corpus


def _reasons(summary):
    return {r.source.rsplit("/", 1)[-1]: r.reason for r in summary.rejected}


def test_each_bad_file_is_rejected_with_its_name_and_reason_and_the_rest_ingested(ledger, good_article):
    corpus = good_article
    (corpus / "empty.txt").write_text("")
    (corpus / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (corpus / "latin1.txt").write_bytes("Le Monde a rapporté une frappe américaine près du Venezuela, a déclaré le ministère.".encode("latin-1"))
    noise = random.Random(7)
    (corpus / "garbage.txt").write_bytes(bytes(noise.randrange(0x80, 0x100) for _ in range(400)))
    (corpus / "badmeta.txt").write_text("A perfectly readable article about policy.")
    (corpus / "badmeta.json").write_text("{not json")
    (corpus / "baddate.txt").write_text("Another readable article.")
    (corpus / "baddate.json").write_text(json.dumps({"published": "last Tuesday"}))
    (corpus / "huge.txt").write_text("word " * 5000)
    summary = service.ingest(ledger, [corpus, corpus / "missing-dir"], IngestOptions(max_article_bytes=20_000))
    reasons = _reasons(summary)
    assert reasons["empty.txt"] == "empty file"
    assert reasons["binary.txt"] == "binary data, not text"
    assert reasons["garbage.txt"].startswith("not UTF-8")
    assert reasons["badmeta.json"].startswith("malformed sidecar")
    assert reasons["baddate.json"] == "'published' is not a date: 'last Tuesday'"
    assert "over the limit of 20000" in reasons["huge.txt"]
    assert reasons["missing-dir"] == "no such file or directory"
    assert "latin1.txt" not in reasons  # detected as Latin-1 and read
    assert summary.ingested == 2
    assert all("\n" not in str(r) for r in summary.rejected)


def test_malformed_archive_lines_are_reported_by_line_number(ledger, tmp_path):
    lines = (MINI / "archive.jsonl").read_text().splitlines()
    archive = tmp_path / "mixed.jsonl"
    archive.write_text("\n".join([lines[0], "{broken", json.dumps({"id": "x", "title": "no text"}), lines[1]]) + "\n")
    summary = service.ingest(ledger, [archive])
    assert summary.ingested == 2
    assert [r.source.rsplit("/", 1)[-1] for r in summary.rejected] == ["mixed.jsonl:2", "mixed.jsonl:3"]
    assert summary.rejected[1].reason == "no 'text' or 'html' field with content"


def test_truncated_gzip_archive_keeps_what_was_read(ledger, tmp_path):
    data = gzip.compress((MINI / "archive.jsonl").read_bytes() * 3)
    archive = tmp_path / "cut.jsonl.gz"
    archive.write_bytes(data[: len(data) // 2 + 40])
    summary = service.ingest(ledger, [archive])
    assert summary.rejected and "cannot be read further" in summary.rejected[-1].reason


def test_bad_input_never_alters_what_is_stored(ledger, good_article, tmp_path):
    service.ingest(ledger, [good_article])
    before = (ledger.counts(), service.list_incidents(ledger))
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "x.txt").write_bytes(b"\x00\x01\x02")
    (bad / "y.jsonl").write_text("{nope\n")
    summary = service.ingest(ledger, [bad])
    assert len(summary.rejected) == 2
    assert (ledger.counts(), service.list_incidents(ledger)) == before


def test_cli_ingest_reports_counts_and_exits_1_on_rejections(tmp_path, good_article):
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    (good_article / "empty.txt").write_text("")
    result = runner.invoke(app, ["ingest", str(good_article), "--db", db, "--quiet"])
    assert result.exit_code == 1
    assert "ingested 1, duplicates 0" in result.stdout
    assert f"Error: {good_article / 'empty.txt'}: empty file" in result.stderr


def test_unreachable_database_is_one_line_with_the_password_hidden(tmp_path):
    url = "postgresql+psycopg://analyst:hunter2@127.0.0.1:9/ledger"
    with pytest.raises(StoreError) as caught:
        Ledger.open(url)
    assert "hunter2" not in str(caught.value) and "***" in str(caught.value)
    result = runner.invoke(app, ["incidents", "--db", url])
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: database postgresql+psycopg://analyst:***@127.0.0.1:9/ledger")
