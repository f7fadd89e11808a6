"""The pages in a real Chromium against a real uvicorn server: ledger, incident, article, map, timeline, review.

Serves a copy of the sample ledger plus the hostile fixture article, and writes a screenshot of
each page to screenshots/. With STRIKELEDGER_DOCS_IMG=1 (`make screenshots`) the ledger, incident,
map and timeline ones are also copied to docs/img/ for the README; a plain test run changes no tracked file.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import socket
import sqlite3
import threading
import time

import pytest

from conftest import FIXTURES, ROOT, require
from strikeledger import review, service
from strikeledger.store import Ledger

pytestmark = pytest.mark.browser
CHROMIUM = "/usr/bin/chromium"
VENDOR = ROOT / "src/strikeledger/web/static/vendor"
SHOTS = ROOT / "screenshots"
DOCS_IMG = ROOT / "docs/img"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def server(sample_ledger, tmp_path_factory):
    """uvicorn in a thread on a free port, serving a copy of the sample ledger with the hostile article."""
    require(os.path.exists(CHROMIUM), f"Chromium is not at {CHROMIUM} (make system-deps installs it)")
    require((VENDOR / "chart.umd.min.js").exists(), "front-end libraries not built: run `make web-assets`")
    import uvicorn
    from strikeledger.api import create_app

    path = tmp_path_factory.mktemp("browser") / "served.db"
    with sqlite3.connect(sample_ledger.url.removeprefix("sqlite:///")) as src, sqlite3.connect(path) as dst:
        src.backup(dst)
    ledger = Ledger.open(f"sqlite:///{path}")
    service.ingest(ledger, [FIXTURES / "hostile"])
    token = review.create_token(ledger, "browser-analyst")
    hostile = next(a for a in ledger.articles(with_text=False).values() if "Hostile" in (a.outlet or ""))
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    uv = uvicorn.Server(uvicorn.Config(create_app(ledger.url), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=uv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not uv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert uv.started, "uvicorn did not start"
    yield {"base": f"http://127.0.0.1:{port}", "token": token, "ledger": ledger, "hostile": hostile.id}
    uv.should_exit = True
    thread.join(timeout=10)
    ledger.close()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()


def new_page(context, server):
    """A page of ``context`` that records script errors and refusals, and can reach only our server."""
    opened = context.new_page()
    opened.set_default_timeout(10_000)
    errors: list[str] = []
    opened.on("pageerror", lambda exc: errors.append(str(exc)))
    # A script, style or frame the Content-Security-Policy refused is a page that does not work.
    opened.on("console", lambda msg: errors.append(msg.text) if "Content Security Policy" in msg.text else None)
    # Nothing may leave the machine: any request off our server fails the test.
    opened.route("**/*", lambda route: route.continue_() if route.request.url.startswith(server["base"]) else route.abort())
    opened.errors = errors
    return opened


@pytest.fixture
def page(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    yield new_page(context, server)
    context.close()


def shot(page, name: str, docs: bool = False) -> None:
    SHOTS.mkdir(exist_ok=True)
    target = SHOTS / f"{name}.png"
    page.screenshot(path=str(target), full_page=False)
    if docs and os.environ.get("STRIKELEDGER_DOCS_IMG") == "1":
        DOCS_IMG.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(target, DOCS_IMG / f"{name}.png")


def test_ledger_filters_and_incident_sentence(page, server):
    page.goto(server["base"] + "/")
    rows = page.locator("#ledger tbody tr")
    rows.first.wait_for()
    everything = rows.count()
    assert everything == len(service.list_incidents(server["ledger"]))
    assert page.locator(".cards").inner_text().count("strikes") >= 1
    shot(page, "ledger", docs=True)
    page.select_option("#f-region", "eastern_pacific")
    page.get_by_role("button", name="Filter").click()
    expected = sum(r["region"] == "eastern_pacific" for r in service.list_incidents(server["ledger"]))
    page.locator("#ledger caption", has_text=f"{expected} incidents shown").wait_for()  # (CSP forbids wait_for_function's eval)
    regions = page.locator("#ledger tbody tr td:nth-child(2)").all_inner_texts()
    assert regions and set(regions) == {"eastern pacific"}
    assert "region=eastern_pacific" in page.url
    page.locator("#ledger th button", has_text="Killed").click()  # sorting is a real button
    page.locator("#ledger tbody tr a").first.focus()
    page.keyboard.press("Enter")  # and the incident link is reachable by keyboard
    page.wait_for_url("**/incidents/**")
    sentence = page.locator("blockquote.sentence mark.fact").first
    sentence.wait_for()
    assert sentence.inner_text()
    assert "null" not in page.locator("main").inner_text().split()  # no empty part printed as text
    shot(page, "incident", docs=True)
    page.locator("details.in-text summary").first.click()
    page.locator(".article-text mark.sentence mark.fact").first.wait_for()
    assert not page.errors


def test_map_and_timeline(page, server):
    page.goto(server["base"] + "/map")
    page.locator("#map a.place").first.wait_for()
    rows = service.list_incidents(server["ledger"])
    placed = sum(1 for r in rows if r["lat"] is not None)
    places = {(r["lat"], r["lon"]) for r in rows if r["lat"] is not None}
    # one marker per place, and the markers' counts add up to the ledger's placed incidents
    assert page.locator("#map a.place").count() == len(places) < placed
    counts = page.locator("#map a.place").evaluate_all("links => links.map(a => Number(a.dataset.count))")
    assert sum(counts) == placed
    assert page.locator("#map a.place text.count").all_text_contents() == [str(n) for n in counts]
    listed = page.locator("#places tbody tr").evaluate_all("rows => rows.map(r => Number(r.dataset.count))")
    assert sorted(listed) == sorted(counts)
    assert page.locator("#map .size-legend circle").count() >= 2  # a size legend
    assert page.locator("#map circle.p-water_area").count() and page.locator("#map circle.p-near_place").count()
    assert page.locator("#map path.land").count() > 100  # Natural Earth countries, offline
    assert "place precision" in page.locator("#map a title").first.text_content()
    shot(page, "map", docs=True)
    biggest = page.locator("#map a.place").first  # drawn biggest first
    assert int(biggest.get_attribute("data-count")) == max(counts) > 1
    biggest.click()  # a place of several strikes spreads them, each linked to its incident
    page.locator("#map a.incident").first.wait_for()
    spread = page.locator("#map a.incident").evaluate_all("links => links.map(a => a.dataset.id)")
    assert sorted(spread) == sorted(r["incident_id"] for r in rows if r["lat"] is not None)
    shot(page, "map-spread")
    page.get_by_role("button", name="Whole map").click()
    assert page.locator("#map a.place").count() == len(places)
    page.goto(server["base"] + "/timeline")
    page.locator("#cumulative[data-drawn]").wait_for()
    datasets = page.evaluate("Chart.getChart(document.getElementById('cumulative')).data.datasets.map(d => [d.label, d.data.length])")
    assert any(label == "ledger, all regions" and n > 1 for label, n in datasets)
    assert any(label == "reported totals" and n > 0 for label, n in datasets)
    shot(page, "timeline", docs=True)
    assert not page.errors


def test_correction_needs_a_token_and_is_audited(page, server):
    row = next(r for r in service.list_incidents(server["ledger"]) if r["killed_best"])
    page.goto(f"{server['base']}/incidents/{row['incident_id']}")
    page.locator("#review-form").wait_for()
    page.fill("#r-value", str(row["killed_best"] + 1))
    page.fill("#r-reason", "browser test without a token")
    page.get_by_role("button", name="Save correction").click()
    assert "unauthorized" in page.get_by_role("alert").inner_text()
    page.fill("#token", server["token"])
    page.fill("#r-reason", "revised by SOUTHCOM")
    page.get_by_role("button", name="Save correction").click()
    page.locator("p.ok").wait_for()
    assert f"machine: {row['killed_best']}" in page.locator("#killed").inner_text()
    page.goto(server["base"] + "/review")
    first = page.locator("#audit tbody tr").first
    first.wait_for()
    assert "revised by SOUTHCOM" in first.inner_text() and "browser-analyst" in first.inner_text()
    shot(page, "review")


def test_hostile_article_renders_as_text(page, server):
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(f"{server['base']}/articles/{server['hostile']}")
    page.locator("#article-text").wait_for()
    page.locator("#article-text").hover()
    time.sleep(0.3)
    assert page.evaluate("window.__pwned") is None
    assert not dialogs
    assert "<script>" in page.locator("#article-title").inner_text()
    assert "<script>" in page.locator("#article-text").inner_text()
    assert page.locator("main script, main img, main iframe, main svg, main [onerror], main [onload]").count() == 0
    assert page.locator("#article-meta a").count() == 0  # the javascript: URL is shown, not linked
    assert page.locator("#article-text mark.fact").count() > 0
    shot(page, "hostile-article")
    assert not page.errors


def test_single_source_checkbox_outlet_sort_and_gaps_page(page, server):
    rows = service.list_incidents(server["ledger"])
    several = [r for r in rows if r["n_outlets"] >= 2]
    assert len(several) < len(rows)  # the hostile article's incident has one outlet
    page.goto(server["base"] + "/")
    page.locator("#ledger tbody tr").first.wait_for()
    page.check("#f-min_outlets")
    page.get_by_role("button", name="Filter").click()
    page.locator("#ledger caption", has_text=f"{len(several)} incidents shown").wait_for()
    assert "min_outlets=2" in page.url
    shown = set(page.locator("#ledger tbody tr").evaluate_all("rows => rows.map(r => r.dataset.id)"))
    assert shown == {r["incident_id"] for r in several}
    page.locator("#ledger th button", has_text="Outlets").click()
    page.locator("#ledger th button", has_text="Outlets").click()  # the second click sorts descending
    column = [h.strip() for h in page.locator("#ledger thead th").all_inner_texts()].index("Outlets ▼") + 1
    outlets = [int(t) for t in page.locator(f"#ledger tbody tr td:nth-child({column})").all_inner_texts()]
    assert outlets == sorted((r["n_outlets"] for r in several), reverse=True)
    page.goto(server["base"] + "/gaps")
    page.locator("#totals tbody tr").first.wait_for()
    report = service.gaps_report(server["ledger"])
    assert page.locator("#gaps section.gap").count() == len(report["gaps"])
    assert page.locator("#gap-count").inner_text() == str(len(report["gaps"]))
    assert page.locator("#totals tbody tr").count() == len(service.check_totals(server["ledger"]))
    assert "Reported boats" in page.locator("#totals thead").inner_text()
    assert page.locator('header.site nav a[href="/gaps"][aria-current="page"]').count() == 1
    shot(page, "gaps")
    assert not page.errors


def test_language_filter_and_an_unread_article(page, server, tmp_path):
    from test_language import PORTUGUESE  # written for the tests

    ledger = server["ledger"]
    (tmp_path / "jornal.txt").write_text(PORTUGUESE, encoding="utf-8")  # undated: a lead of no gap
    assert service.ingest(ledger, [tmp_path / "jornal.txt"]).not_read == {"pt": 1}
    portuguese = next(a for a in ledger.articles(with_text=False).values() if a.language == "pt")
    page.goto(f"{server['base']}/articles/{portuguese.id}")
    page.locator("#article-not-read").wait_for()
    assert page.locator("#article-language").inner_text() == "language pt"
    page.goto(server["base"] + "/")
    page.locator("#ledger tbody tr").first.wait_for()
    rows = service.list_incidents(ledger)
    options = page.locator("#f-language option").all_inner_texts()
    assert options == ["any", *sorted({code for r in rows for code in r["languages"]})]
    page.select_option("#f-language", "en")
    page.get_by_role("button", name="Filter").click()
    expected = sum("en" in r["languages"] for r in rows)
    page.locator("#ledger caption", has_text=f"{expected} incidents shown").wait_for()
    assert "language=en" in page.url
    assert not page.errors


def _shown_ids(page) -> list[str]:
    return page.locator("#ledger tbody tr[data-id]").evaluate_all("rows => rows.map(r => r.dataset.id)")


def test_a_filtered_view_exported_and_read_back(page, server):
    from openpyxl import load_workbook

    page.goto(server["base"] + "/")
    page.locator("#ledger tbody tr").first.wait_for()
    page.select_option("#f-region", "caribbean")
    page.check("#f-min_outlets")
    page.get_by_role("button", name="Filter").click()
    wanted = [r for r in service.list_incidents(server["ledger"]) if r["region"] == "caribbean" and r["n_outlets"] >= 2]
    page.locator("#ledger caption", has_text=f"{len(wanted)} incidents shown").wait_for()
    page.locator("#ledger th button", has_text="Killed").click()
    shown = _shown_ids(page)
    assert set(shown) == {r["incident_id"] for r in wanted}
    with page.expect_download() as csv_download:
        page.locator("#downloads a", has_text="CSV").click()
    with open(csv_download.value.path(), encoding="utf-8") as handle:
        assert [r["incident_id"] for r in csv.DictReader(handle)] == shown  # the same rows, in the order shown
    with page.expect_download() as xlsx_download:
        page.locator("#downloads a", has_text="XLSX").click()
    assert xlsx_download.value.suggested_filename == "strikeledger.xlsx"
    workbook = load_workbook(io.BytesIO(xlsx_download.value.path().read_bytes()), read_only=True)
    table = list(workbook["incidents"].iter_rows(values_only=True))
    assert [row[0] for row in table[1:]] == shown
    assert not page.errors


def test_a_citation_copied(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 800},
                                  permissions=["clipboard-read", "clipboard-write"])
    page = new_page(context, server)
    row = next(r for r in service.list_incidents(server["ledger"]) if r["n_sources"] > 1)
    page.goto(f"{server['base']}/incidents/{row['incident_id']}")
    page.get_by_role("button", name="Copy citation").click()
    page.get_by_role("button", name="Copied").wait_for()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == page.locator("#cite-text").inner_text()
    assert row["incident_id"] in copied and f"{server['base']}/incidents/{row['incident_id']}" in copied
    detail = service.incident_detail(server["ledger"], row["incident_id"])
    assert all(s["url"] in copied for s in detail["sources"] if s["url"])
    page.locator("#cite details summary").click()
    page.get_by_role("button", name="Copy CSL-JSON").click()
    assert json.loads(page.evaluate("navigator.clipboard.readText()"))[0]["id"] == row["incident_id"]
    shot(page, "incident-cite")
    assert not page.errors
    context.close()


def test_without_javascript_the_pages_show_the_same_incidents(browser, server, page):
    context = browser.new_context(viewport={"width": 1280, "height": 800}, java_script_enabled=False)
    bare = new_page(context, server)
    for path in ("/", "/?region=eastern_pacific&sort=-killed_best"):
        bare.goto(server["base"] + path)
        page.goto(server["base"] + path)
        page.locator("#ledger-wrap[data-drawn]").wait_for()  # the script ran and drew the table
        page.locator("#ledger tbody tr").first.wait_for()
        assert _shown_ids(bare) == _shown_ids(page) and _shown_ids(bare)
    row = next(r for r in service.list_incidents(server["ledger"]) if r["contradictions"])
    bare.goto(f"{server['base']}/incidents/{row['incident_id']}")
    assert bare.locator("#disagreement").inner_text().count(row["contradictions"].split(";")[0]) >= 1
    assert bare.locator("blockquote.sentence mark.fact").count() > 0
    bare.goto(server["base"] + "/map")
    page.goto(server["base"] + "/map")
    page.locator("#map a.place").first.wait_for()
    listed = bare.locator("#places tbody tr").evaluate_all("rows => rows.map(r => r.dataset.count)")
    drawn = page.locator("#map a.place").evaluate_all("links => links.map(a => a.dataset.count)")
    assert sorted(listed) == sorted(drawn)
    bare.goto(server["base"] + "/timeline")
    assert bare.locator("#weeks tbody tr").count() == len(service.timeline(server["ledger"])["weeks"])
    shot(bare, "ledger-no-script")
    context.close()


def test_phone_width_has_no_horizontal_overflow(browser, server):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = new_page(context, server)
    row = next(r for r in service.list_incidents(server["ledger"]) if r["contradictions"])
    detail = service.incident_detail(server["ledger"], row["incident_id"])
    paths = ["/", f"/incidents/{row['incident_id']}", f"/articles/{detail['sources'][0]['article_id']}",
             "/map", "/timeline", "/gaps", "/review"]
    for path in paths:
        page.goto(server["base"] + path)
        page.locator("main h1").first.wait_for()
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, path
    page.goto(server["base"] + "/")
    page.locator("#ledger-wrap[data-drawn]").wait_for()
    first = page.locator("#ledger tbody tr").first
    for name in ("Date", "Region", "Killed", "Sources"):  # the key columns are on screen, not scrolled away
        box = first.locator(f'td[data-label="{name}"]').bounding_box()
        assert box and 0 <= box["x"] and box["x"] + box["width"] <= 390, name
    first.scroll_into_view_if_needed()
    shot(page, "ledger-phone")
    assert not page.errors
    context.close()


def test_api_docs_render_offline(page, server):
    page.goto(server["base"] + "/docs")
    page.locator("#swagger-ui .opblock").first.wait_for()
    assert page.locator("#swagger-ui .opblock-summary-path", has_text="/api/incidents").count() >= 1
    page.goto(server["base"] + "/redoc")
    page.locator("#swagger-ui .opblock").first.wait_for()
    assert not page.errors  # nothing refused by the policy, nothing fetched from elsewhere
