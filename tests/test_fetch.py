"""Fetching pages: outbound safety, politeness, retries, limits, and pages ingested like files.

Every server here is one the test starts on loopback (tests/localsite.py) or an
``httpx.MockTransport``; nothing reaches the network.
"""

from __future__ import annotations

import time

import httpx
import pytest
from typer.testing import CliRunner

from conftest import CORPUS
from localsite import Reply, Site, article_page, html_reply
from strikeledger import service
from strikeledger.cli import app
from strikeledger.errors import InputTooLarge
from strikeledger.feeds import service as feeds
from strikeledger.fetch import FetchError, Fetcher, FetchOptions, RefusedURL, address_refusal, check_url
from strikeledger.fetch.client import retry_after

# Short limits, no waiting between requests: the tests stay fast.
FAST = FetchOptions(
    contact="desk@ledger.example",
    timeout=1.0,
    total_timeout=2.0,
    allow_private=True,
    host_delay=0.0,
    retries=2,
    backoff=0.01,
)


@pytest.fixture
def site():
    running = Site().start()
    running.route("/robots.txt", Reply(404, b"", {"Content-Type": "text/plain"}))
    yield running
    running.stop()


def _fetcher(**changes) -> tuple[Fetcher, list[float]]:
    waits: list[float] = []
    options = FetchOptions(**{**FAST.__dict__, **changes})
    return Fetcher(options, sleep=waits.append), waits


# --- outbound safety ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "10.1.2.3",
        "172.16.0.9",
        "192.168.1.1",
        "169.254.169.254",
        "0.0.0.0",
        "224.0.0.1",
        "240.0.0.1",
        "100.64.0.1",
        "::1",
        "::",
        "fe80::1",
        "fc00::1",
        "ff02::1",
        "::ffff:127.0.0.1",
        "::ffff:10.0.0.1",
    ],
)
def test_non_public_addresses_are_refused(address):
    assert address_refusal(address) is not None


@pytest.mark.parametrize("address", ["93.184.215.14", "2606:4700::1111", "::ffff:93.184.215.14"])
def test_public_addresses_are_allowed(address):
    assert address_refusal(address) is None


@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "ftp://news.example/a", "gopher://x.example/", "/relative"]
)
def test_only_http_and_https(url):
    with pytest.raises(RefusedURL, match="only http and https"):
        check_url(url, allow_private=True)


def test_a_hostname_resolving_to_loopback_is_refused(site):
    site.route("/a", html_reply("<p>secret</p>"))
    fetcher, _ = _fetcher(allow_private=False)
    with pytest.raises(RefusedURL, match="loopback address 127.0.0.1"):
        fetcher.get(f"http://localhost:{site.port}/a")
    with pytest.raises(RefusedURL, match="loopback"):
        fetcher.get(site.url("/a"))
    assert site.hits("/a") == []  # refused before any request


def test_the_address_connected_to_is_checked_not_only_the_name(site):
    # a name that passes the first look-up and then resolves to loopback (DNS rebinding): the
    # connection itself resolves again and refuses
    answers = iter([["93.184.215.14"], ["127.0.0.1"], ["127.0.0.1"]])
    fetcher = Fetcher(
        FetchOptions(**{**FAST.__dict__, "allow_private": False, "robots": False}),
        resolver=lambda host, port: next(answers),
    )
    with pytest.raises(RefusedURL, match="loopback"):
        fetcher.get(f"http://rebind.example:{site.port}/a")
    assert site.hits("/a") == []


def _redirecting(target: str) -> httpx.MockTransport:
    def answer(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        return httpx.Response(302, headers={"Location": target})

    return httpx.MockTransport(answer)


@pytest.mark.parametrize(
    "target",
    [
        "http://127.0.0.1/admin",
        "http://10.0.0.5/",
        "http://[::ffff:127.0.0.1]/",
        "http://169.254.169.254/latest/meta-data/",
        "file:///etc/passwd",
    ],
)
def test_a_redirect_to_loopback_or_a_private_address_is_refused(target):
    public = lambda host, port: ["93.184.215.14"] if host == "news.example" else ["10.0.0.5"]  # noqa: E731
    fetcher = Fetcher(
        FetchOptions(**{**FAST.__dict__, "allow_private": False}),
        transport=_redirecting(target),
        resolver=public,
    )
    with pytest.raises(RefusedURL) as refused:
        fetcher.get("http://news.example/story")
    assert refused.value.source == target and "\n" not in str(refused.value)


def test_at_most_five_redirects(site):
    for n in range(7):
        site.route(f"/r{n}", Reply(302, b"", {"Location": f"/r{n + 1}"}))
    fetcher, _ = _fetcher()
    with pytest.raises(FetchError, match="more than 5 redirects"):
        fetcher.get(site.url("/r0"))
    site.route("/r5", html_reply("<p>here</p>"))
    assert fetcher.get(site.url("/r0")).final_url == site.url("/r5")


# --- politeness, retries, limits ----------------------------------------------------------------


def test_user_agent_names_the_contact_and_robots_txt_is_honoured(site):
    site.route(
        "/robots.txt",
        Reply(200, b"User-agent: strikeledger\nDisallow: /private\n", {"Content-Type": "text/plain"}),
    )
    site.route("/open", html_reply("<p>open</p>"))
    site.route("/private/x", html_reply("<p>closed</p>"))
    fetcher, _ = _fetcher()
    assert fetcher.get(site.url("/open")).status == 200
    with pytest.raises(FetchError, match="robots.txt disallows"):
        fetcher.get(site.url("/private/x"))
    assert site.hits("/private/x") == [] and len(site.hits("/robots.txt")) == 1
    assert "desk@ledger.example" in site.hits("/open")[0].headers["user-agent"]


def test_requests_to_one_host_keep_the_minimum_delay(site):
    site.route("/p", html_reply("<p>x</p>"))
    fetcher, waits = _fetcher(host_delay=5.0)
    fetcher.get(site.url("/p"))  # robots.txt, then the page
    fetcher.get(site.url("/p"))
    assert len(waits) == 2 and all(4.0 < w <= 5.0 for w in waits)


def test_429_waits_as_retry_after_says(site):
    answers = iter([Reply(429, b"slow down", {"Retry-After": "7"}), html_reply("<p>ok</p>")])
    site.route("/busy", lambda _r: next(answers))
    fetcher, waits = _fetcher()
    assert fetcher.get(site.url("/busy")).status == 200
    assert waits == [7.0] and len(site.hits("/busy")) == 2
    assert retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0 and retry_after("soon") is None


def test_500s_are_retried_with_growing_backoff_then_given_up(site):
    site.route("/down", Reply(503, b"down", {"Content-Type": "text/plain"}))
    fetcher, waits = _fetcher(retries=3, backoff=0.5)
    with pytest.raises(FetchError, match="HTTP 503, after 4 tries") as failed:
        fetcher.get(site.url("/down"))
    assert failed.value.transient and waits == [0.5, 1.0, 2.0] and len(site.hits("/down")) == 4
    answers = iter([Reply(500), Reply(502), html_reply("<p>back</p>")])
    site.route("/flaky", lambda _r: next(answers))
    assert fetcher.get(site.url("/flaky")).status == 200


def test_a_page_over_the_size_limit_is_refused_while_streaming(site):
    site.route("/big", html_reply("<p>" + "x" * 50_000 + "</p>"))
    # no Content-Length, and more and more body: the limit stops the reading itself
    site.route("/flood", Reply(200, headers={"Content-Type": "text/html"}, endless=True, trickle=0.001))
    fetcher, _ = _fetcher(max_bytes=10_000, total_timeout=30.0)
    with pytest.raises(
        InputTooLarge, match=r"50\d{3} bytes is over the limit of 10000 \(max_article_bytes\)"
    ):
        fetcher.get(site.url("/big"))
    started = time.monotonic()
    with pytest.raises(InputTooLarge, match="over the limit of 10000 bytes .* stopped reading"):
        fetcher.get(site.url("/flood"))
    assert time.monotonic() - started < 20


def test_a_page_that_never_finishes_times_out(site):
    site.route("/endless", Reply(200, headers={"Content-Type": "text/html"}, endless=True, trickle=0.05))
    site.route("/silent", Reply(200, b"<p>late</p>", {"Content-Type": "text/html"}, trickle=3.0))
    fetcher, _ = _fetcher(retries=0, total_timeout=0.5, timeout=0.5)
    started = time.monotonic()
    with pytest.raises(FetchError, match="did not finish within 0.5 s"):
        fetcher.get(site.url("/endless"))
    with pytest.raises(FetchError, match="timed out"):
        fetcher.get(site.url("/silent"))
    assert time.monotonic() - started < 5


# --- pages ingested exactly like files ----------------------------------------------------------


def test_a_fetched_page_is_ingested_like_the_same_html_file(site, ledger, tmp_path):
    page = CORPUS / "b002.html"
    site.route("/b002", html_reply(page.read_text(encoding="utf-8")))
    site.route("/doc.pdf", Reply(200, b"%PDF-1.7 ...", {"Content-Type": "application/pdf"}))
    fetcher, _ = _fetcher()
    summary = feeds.fetch_pages(
        ledger, fetcher, [site.url("/b002"), site.url("/doc.pdf"), site.url("/b002"), "ftp://news.example/x"]
    )
    assert summary.ingested == 1 and summary.duplicates == 1
    reasons = {r.source: r.reason for r in summary.rejected}
    assert "application/pdf is not text/html" in reasons[site.url("/doc.pdf")]
    assert "only http and https" in reasons["ftp://news.example/x"]
    from_file = service.ingest(service.Ledger.open(f"sqlite:///{tmp_path / 'file.db'}"), [page])
    assert from_file.ingested == 1
    assert {a for a in ledger.articles()} == {
        a for a in service.Ledger.open(f"sqlite:///{tmp_path / 'file.db'}").articles()
    }


def test_fetch_command_reports_like_ingest(site, tmp_path, monkeypatch):
    site.route("/a001", html_reply(article_page(CORPUS / "a001.txt")))
    monkeypatch.setenv("STRIKELEDGER_ALLOW_PRIVATE", "true")
    monkeypatch.setenv("STRIKELEDGER_HOST_DELAY", "0")
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    done = CliRunner().invoke(app, ["fetch", site.url("/a001"), site.url("/missing"), "--db", db])
    assert done.exit_code == 1, done.output
    assert "ingested 1, duplicates 0" in done.stdout and "ledger: 1 incidents" in done.stdout
    assert f"Error: {site.url('/missing')}: HTTP 404" in done.stderr
