"""Sources and the watcher: kinds detected, conditional GET, backoff, dedupe, crash safety.

The sites are servers the tests start on loopback (tests/localsite.py); names such as
``news.test`` resolve to them through the fetcher's resolver, since link filters want host names.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import timedelta

import pytest
from typer.testing import CliRunner

from conftest import CORPUS
from localsite import Reply, Site, article_page, feed_reply, html_reply, rss
from strikeledger.cli import app
from strikeledger.errors import InputError
from strikeledger.feeds import service as feeds
from strikeledger.feeds.watch import Watcher, backoff
from strikeledger.fetch import Fetcher, FetchOptions
from strikeledger.store import Ledger
from strikeledger.feeds.listing import canonical
from strikeledger.store.sources import find_source, mark_seen

FAST = FetchOptions(
    contact="desk@ledger.example",
    timeout=2.0,
    total_timeout=4.0,
    allow_private=True,
    host_delay=0.0,
    retries=1,
    backoff=0.01,
)
ARTICLES = ["a001", "a002", "a003", "a004", "a005", "a006"]


@pytest.fixture
def site():
    running = Site().start()
    running.route("/robots.txt", Reply(404, b"", {"Content-Type": "text/plain"}))
    for name in ARTICLES:
        running.route(f"/news/{name}", html_reply(article_page(CORPUS / f"{name}.txt")))
    yield running
    running.stop()


@pytest.fixture
def fetcher():
    with Fetcher(FAST, resolver=lambda host, port: ["127.0.0.1"]) as opened:
        yield opened


def _feed(site: Site, path: str, names: list[str], etag: str | None = None) -> None:
    site.route(path, feed_reply(rss([(site.url(f"/news/{n}"), n) for n in names]), etag))


def test_kinds_are_detected_and_listed_removed_from_the_cli(site, ledger, fetcher):
    _feed(site, "/feed.xml", ARTICLES[:2])
    host = f"http://news.test:{site.port}"
    site.route(
        "/sitemap.xml",
        Reply(
            200,
            (
                '<?xml version="1.0" encoding="UTF-8"?>'
                '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
                'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">'
                f"<url><loc>{host}/news/a003</loc><news:news>"
                "<news:publication_date>2025-09-10</news:publication_date>"
                "</news:news></url></urlset>"
            ).encode(),
            {"Content-Type": "application/xml"},
        ),
    )
    site.route(
        "/world",
        html_reply(
            '<html><head><link rel="alternate" type="application/rss+xml" href="/feed.xml"></head>'
            '<body><nav><a href="/about">About</a><a href="/world/politics">Politics</a></nav>'
            '<a href="/2025/09/15/us-strike-kills-three-on-boat">A</a>'
            '<a href="/files/a.pdf">PDF</a></body></html>'
        ),
    )
    kinds = {
        path: feeds.add(ledger, fetcher, f"{host}{path}", None, 60)
        for path in ("/feed.xml", "/sitemap.xml", "/world")
    }
    assert {p: k["kind"] for p, k in kinds.items()} == {
        "/feed.xml": "feed",
        "/sitemap.xml": "sitemap",
        "/world": "page",
    }
    assert (
        kinds["/feed.xml"]["listed"] == 2
        and kinds["/sitemap.xml"]["listed"] == 1
        and kinds["/world"]["listed"] == 1
    )
    assert kinds["/world"]["feeds"] == [f"{host}/feed.xml"]
    with pytest.raises(InputError, match="already a source"):
        feeds.add(ledger, fetcher, f"{host}/feed.xml", None, 60)
    runner = CliRunner()
    listed = runner.invoke(app, ["sources", "list", "--json", "--db", ledger.url])
    assert listed.exit_code == 0 and '"kind": "sitemap"' in listed.stdout
    removed = runner.invoke(app, ["sources", "remove", f"{host}/world", "--db", ledger.url])
    assert removed.exit_code == 0 and len(feeds.sources(ledger)) == 2
    missing = runner.invoke(app, ["sources", "remove", "99", "--db", ledger.url])
    assert missing.exit_code == 1 and "Error: no source '99'" in missing.stderr
    assert feeds.parse_every("5m") == 300 and feeds.parse_every("90") == 90
    with pytest.raises(InputError):
        feeds.parse_every("soon")


def test_conditional_get_makes_a_second_poll_cost_nothing(site, ledger, fetcher):
    _feed(site, "/feed.xml", ARTICLES[:3], etag='"v1"')
    feeds.add(ledger, fetcher, site.url("/feed.xml"), "wire", 60)
    (first,) = feeds.watch_once(ledger, fetcher)
    assert (first.listed, first.new, first.ingested) == (3, 3, 3)
    incidents = {i.id for i in ledger.incidents()}
    assert incidents

    def answer(request):
        if request.headers.get("if-none-match") == '"v1"':
            return Reply(304, b"", {"ETag": '"v1"'})
        return feed_reply(rss([]), '"v2"')

    site.route("/feed.xml", answer)
    pages_before = sum(len(site.hits(f"/news/{n}")) for n in ARTICLES)
    (second,) = feeds.watch_once(ledger, fetcher)
    assert second.status == "not_modified" and site.hits("/feed.xml")[-1].headers["if-none-match"] == '"v1"'
    assert sum(len(site.hits(f"/news/{n}")) for n in ARTICLES) == pages_before
    source = feeds.sources(ledger)[0]
    assert source["items_seen"] == 3 and source["failures"] == 0 and source["last_new_at"]


def test_a_malformed_feed_is_reported_and_the_watcher_goes_on_with_backoff(site, ledger, fetcher):
    site.route(
        "/broken.xml",
        Reply(200, b"<rss><channel><item><title>oops</ti", {"Content-Type": "application/rss+xml"}),
    )
    _feed(site, "/good.xml", ARTICLES[:1])
    feeds.add(ledger, fetcher, site.url("/good.xml"), None, 60)
    # the source was a working feed when added, and broke later
    site.route(
        "/broken.xml",
        Reply(200, rss([(site.url("/news/a002"), "a002")]), {"Content-Type": "application/rss+xml"}),
    )
    feeds.add(ledger, fetcher, site.url("/broken.xml"), None, 60)
    site.route(
        "/broken.xml",
        Reply(200, b"<rss><channel><item><title>oops</ti", {"Content-Type": "application/rss+xml"}),
    )
    results = {r.source: r for r in feeds.watch_once(ledger, fetcher)}
    assert results[site.url("/good.xml")].ingested == 1
    failed = results[site.url("/broken.xml")]
    assert failed.status == "failed" and "malformed feed" in failed.error
    stored = find_source(ledger, site.url("/broken.xml"))
    assert stored.failures == 1 and "malformed feed" in stored.last_error
    assert stored.next_poll_at - stored.last_poll_at == timedelta(seconds=120)  # 60 s doubled
    feeds.watch_once(ledger, fetcher)
    stored = find_source(ledger, site.url("/broken.xml"))
    assert stored.failures == 2 and stored.next_poll_at - stored.last_poll_at == timedelta(seconds=240)
    assert backoff(stored, 30) == timedelta(hours=24)


def test_the_same_story_in_two_feeds_is_stored_once_and_a_pdf_is_refused(site, ledger, fetcher):
    site.route("/mirror/a001", html_reply(article_page(CORPUS / "a001.txt")))  # same text, another URL
    site.route("/report.pdf", Reply(200, b"%PDF-1.7\n...", {"Content-Type": "application/pdf"}))
    site.route(
        "/one.xml", feed_reply(rss([(site.url("/news/a001"), "a"), (site.url("/report.pdf"), "pdf")]))
    )
    site.route(
        "/two.xml",
        feed_reply(
            rss([(site.url("/news/a001?utm_source=feed"), "a"), (site.url("/mirror/a001"), "a, mirrored")])
        ),
    )
    for path in ("/one.xml", "/two.xml"):
        feeds.add(ledger, fetcher, site.url(path), None, 60)
    results = feeds.watch_once(ledger, fetcher)
    assert sum(r.ingested for r in results) == 1 and ledger.counts()["articles"] == 1
    assert len(site.hits("/news/a001")) == 1  # the tracking-parameter copy is the same canonical URL
    assert any("application/pdf is not text/html" in line for r in results for line in r.rejected)
    again = feeds.watch_once(ledger, fetcher)
    assert sum(r.new for r in again) == 0 and len(site.hits("/report.pdf")) == 1


def test_a_feed_of_a_thousand_items(site, ledger, fetcher):
    # a thousand items, 990 of them seen at earlier polls (by any source): only the ten new pages
    # are fetched, and the next poll fetches none
    items = [(site.url(f"/wire/{n}"), f"item {n}") for n in range(1000)]
    site.route("/big.xml", feed_reply(rss(items)))
    for n in range(990, 1000):
        site.route(
            f"/wire/{n}",
            Reply(
                200,
                f"<html><body><p>Markets were calm on day {n}.</p></body></html>".encode(),
                {"Content-Type": "text/html"},
            ),
        )
    feeds.add(ledger, fetcher, site.url("/big.xml"), None, 60)
    mark_seen(ledger, [canonical(u) for u, _ in items[:990]], 0, None, "new", None)
    (result,) = feeds.watch_once(ledger, fetcher)
    assert (result.listed, result.new, result.ingested) == (1000, 10, 10)
    assert sum(len(site.hits(f"/wire/{n}")) for n in range(1000)) == 10
    (again,) = feeds.watch_once(ledger, fetcher)
    assert (again.listed, again.new) == (1000, 0) and len(site.hits("/wire/995")) == 1


def test_serving_and_watching_in_one_process(site, ledger):
    from fastapi.testclient import TestClient

    from strikeledger.api import create_app

    _feed(site, "/feed.xml", ARTICLES[:1])
    with Fetcher(FAST) as fetcher:
        feeds.add(ledger, fetcher, site.url("/feed.xml"), None, 5)
    thread, stop = feeds.start_watching(ledger.url, FAST, idle=0.05)
    try:
        with TestClient(create_app(ledger.url)) as client:
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline and not client.get("/api/incidents").json()["items"]:
                time.sleep(0.1)
            assert client.get("/api/incidents").json()["items"]
            assert client.get("/api/changes").json()["items"][0]["kind"] == "new"
    finally:
        stop.set()
        thread.join(10)


def _ledger_state(url: str) -> tuple:
    opened = Ledger.open(url)
    try:
        incidents = sorted((i.id, i.report_keys, i.killed_best, i.strike_date) for i in opened.incidents())
        counts = opened.counts()
        return incidents, counts["articles"], counts["reports"], counts["copies"]
    finally:
        opened.close()


def test_kill_9_mid_poll_then_restart_gives_the_ledger_of_an_uninterrupted_run(site, tmp_path):
    slow = {name: article_page(CORPUS / f"{name}.txt").encode() for name in ARTICLES}
    for name, body in slow.items():  # each page takes about half a second to arrive
        site.route(
            f"/news/{name}", Reply(200, body, {"Content-Type": "text/html"}, trickle=0.5 * 64 / len(body))
        )
    _feed(site, "/feed.xml", ARTICLES)
    urls = {run: f"sqlite:///{tmp_path / f'{run}.db'}" for run in ("whole", "killed")}
    for url in urls.values():
        with Fetcher(FAST) as fetcher:
            feeds.add(Ledger.open(url), fetcher, site.url("/feed.xml"), None, 60)
    with Fetcher(FAST) as fetcher:
        feeds.watch_once(Ledger.open(urls["whole"]), fetcher)
    env = {**os.environ, "STRIKELEDGER_ALLOW_PRIVATE": "1", "STRIKELEDGER_HOST_DELAY": "0"}
    watcher = subprocess.Popen(
        [sys.executable, "-m", "strikeledger.cli", "watch", "--db", urls["killed"]],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    database = tmp_path / "killed.db"
    try:
        deadline = time.monotonic() + 90
        stored = 0
        while time.monotonic() < deadline and stored < 2:
            time.sleep(0.1)
            with sqlite3.connect(database) as db:
                stored = db.execute("SELECT count(*) FROM articles").fetchone()[0]
        assert 2 <= stored < len(ARTICLES), stored  # mid-poll: some pages stored, some not yet
    finally:
        watcher.send_signal(signal.SIGKILL)
        watcher.wait(10)
    with Fetcher(FAST) as fetcher:
        feeds.watch_once(Ledger.open(urls["killed"]), fetcher)
    assert _ledger_state(urls["killed"]) == _ledger_state(urls["whole"])
    assert _ledger_state(urls["whole"])[1] == len(ARTICLES)


@pytest.fixture(params=["sqlite", "postgresql"])
def shared_url(request, tmp_path):
    """A database two watchers share: a SQLite file, or a database of its own on the test server."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'shared.db'}"
    import sqlalchemy

    server = request.getfixturevalue("postgres_url")
    engine = sqlalchemy.create_engine(server, isolation_level="AUTOCOMMIT")
    with engine.connect() as c:
        c.execute(sqlalchemy.text('DROP DATABASE IF EXISTS "watchers"'))
        c.execute(sqlalchemy.text('CREATE DATABASE "watchers"'))
    engine.dispose()
    return server.rsplit("/", 1)[0] + "/watchers"


def test_two_watchers_on_one_database_store_each_article_once(site, shared_url):
    import threading

    _feed(site, "/feed.xml", ARTICLES[:4])
    url = shared_url
    with Fetcher(FAST) as fetcher:
        feeds.add(Ledger.open(url), fetcher, site.url("/feed.xml"), None, 60)
    ledgers = [Ledger.open(url), Ledger.open(url)]
    results: list = []

    def run(ledger: Ledger, force: bool) -> None:
        with Fetcher(FAST) as own:
            results.extend(Watcher(ledger, own).poll_due(force))

    def both(force: bool) -> None:
        threads = [threading.Thread(target=run, args=(ledger, force)) for ledger in ledgers]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)

    both(force=False)
    assert len(results) == 1  # the due source was claimed by one of them
    assert ledgers[0].counts()["articles"] == 4 and results[0].ingested == 4
    assert sum(len(site.hits(f"/news/{n}")) for n in ARTICLES) == 4
    _feed(site, "/feed.xml", ARTICLES)
    both(force=True)  # both poll at once now: the two new pages may be fetched twice, stored once
    assert len(results) == 3 and sum(r.ingested for r in results[1:]) == 2
    assert ledgers[0].counts()["articles"] == len(ARTICLES)
    assert all(not r.rejected and r.status == "ok" for r in results), [str(r) for r in results]
    for ledger in ledgers:
        ledger.close()


def test_a_source_that_breaks_the_reader_fails_alone(site, ledger, fetcher, monkeypatch):
    from strikeledger.feeds import watch

    _feed(site, "/one.xml", ARTICLES[:1])
    _feed(site, "/two.xml", ARTICLES[1:2])
    for path in ("/one.xml", "/two.xml"):
        feeds.add(ledger, fetcher, site.url(path), None, 60)
    real = watch.read_listing

    def flaky(got, kind):
        if got.url.endswith("/one.xml"):
            raise RuntimeError("a reader bug")
        return real(got, kind)

    monkeypatch.setattr(watch, "read_listing", flaky)
    results = {r.source: r for r in feeds.watch_once(ledger, fetcher)}
    assert results[site.url("/two.xml")].ingested == 1
    failed = results[site.url("/one.xml")]
    assert failed.status == "failed" and "RuntimeError: a reader bug" in failed.error
    assert find_source(ledger, site.url("/one.xml")).failures == 1


def test_a_source_answering_429_is_not_polled_before_its_retry_after(site, ledger, fetcher):
    _feed(site, "/feed.xml", ARTICLES[:1])
    feeds.add(ledger, fetcher, site.url("/feed.xml"), None, 60)
    site.route("/feed.xml", Reply(429, b"slow down", {"Retry-After": "7200", "Content-Type": "text/plain"}))
    (result,) = feeds.watch_once(ledger, fetcher)
    assert result.status == "failed" and "asked to retry after 7200 s" in result.error
    stored = find_source(ledger, site.url("/feed.xml"))
    assert stored.next_poll_at - stored.last_poll_at == timedelta(seconds=7200)  # not the 120 s backoff
    assert len(site.hits("/feed.xml")) == 2  # added, then polled once: no retry inside the poll
