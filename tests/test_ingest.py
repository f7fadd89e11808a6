"""Ingest: the corpus-directory and archive formats, metadata, idempotency, syndicated copies."""

from __future__ import annotations

import gzip
import json
import shutil
from datetime import date

from conftest import FIXTURES
from strikeledger import service
from strikeledger.ingest import iter_articles, normalise_text
from strikeledger.ingest.published import dateline_date
from strikeledger.records import Article

MINI = FIXTURES / "mini"


def _articles(path):
    return [a for a in iter_articles([path]) if isinstance(a, Article)]


def test_text_file_takes_its_sidecar_metadata():
    (article,) = _articles(MINI / "wire-one.txt")
    assert article.outlet == "Tidewater Wire"
    assert article.url == "https://tidewater.example/strike-tuesday"
    assert article.published == date(2025, 10, 15)
    assert article.published_precision == "exact"
    assert article.text.startswith("MIAMI (Tidewater Wire)")


def test_html_page_gives_text_and_metadata_without_boilerplate():
    (article,) = _articles(MINI / "page.html")
    assert article.outlet == "Bayline Post"
    assert article.published == date(2025, 10, 23)
    assert article.url == "https://bayline.example/pacific-strike"
    assert "killing two men on board" in article.text
    assert "All rights reserved" not in article.text and "Home" not in article.text.split("\n")[0]


def test_jsonl_archive_with_text_and_html_lines(tmp_path):
    articles = _articles(MINI / "archive.jsonl")
    assert [a.outlet for a in articles] == ["Harbor Gazette", "Harbor Gazette"]
    assert "inside Venezuela" in articles[1].text and "<p>" not in articles[1].text
    gz = tmp_path / "archive.jsonl.gz"
    gz.write_bytes(gzip.compress((MINI / "archive.jsonl").read_bytes()))
    assert [a.id for a in _articles(gz)] == [a.id for a in articles]


def test_normalisation_is_stable_and_offsets_point_into_it():
    raw = "Line one\r\n\r\n\r\n\r\nLine\u00a0 two  \n"
    text = normalise_text(raw)
    assert text == "Line one\n\nLine two"
    assert normalise_text(text) == text


def test_dateline_gives_the_publication_date_when_metadata_has_none():
    assert dateline_date("WASHINGTON, Oct. 4 (Meridian Wire) — The U.S. military said in 2025 ...") == date(2025, 10, 4)
    assert dateline_date("WASHINGTON, Oct. 4, 2025 — text") == date(2025, 10, 4)
    assert dateline_date("No dateline here.") is None


def test_ingesting_twice_changes_nothing(ledger):
    first = service.ingest(ledger, [MINI])
    counts = ledger.counts()
    incidents = service.list_incidents(ledger)
    second = service.ingest(ledger, [MINI])
    assert first.ingested == 4 and second.ingested == 0 and second.duplicates == 4
    assert ledger.counts() == counts
    assert service.list_incidents(ledger) == incidents


def test_same_text_under_another_url_is_a_syndicated_copy_not_a_second_source(ledger, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(MINI / "wire-one.txt", corpus / "one.txt")
    shutil.copy(MINI / "wire-one.json", corpus / "one.json")
    shutil.copy(MINI / "wire-one.txt", corpus / "copy.txt")
    (corpus / "copy.json").write_text(json.dumps({"url": "https://elsewhere.example/x", "outlet": "Elsewhere Daily", "published": "2025-10-15"}))
    summary = service.ingest(ledger, [corpus])
    assert (summary.ingested, summary.syndicated) == (1, 1)
    (row,) = [r for r in service.list_incidents(ledger) if r["strike_date"] == "2025-10-14"]
    assert row["n_sources"] == 1
    article_id = ledger.reports()[0].article_id
    stored = ledger.article(article_id).outlet
    copies = [c["outlet"] for c in ledger.article_copies(article_id)]
    assert len(copies) == 1 and {stored, *copies} == {"Tidewater Wire", "Elsewhere Daily"}


def test_other_files_in_a_corpus_are_skipped_with_a_warning(ledger, tmp_path):
    tmp_path = tmp_path / "corpus"
    tmp_path.mkdir()
    (tmp_path / "notes.md").write_text("# notes")
    shutil.copy(MINI / "wire-one.txt", tmp_path / "a.txt")
    summary = service.ingest(ledger, [tmp_path])
    assert summary.ingested == 1 and not summary.rejected
    assert [s.reason for s in summary.skipped] == ["not an article file (.md)"]
