"""Change records: every change to a published incident, with its time and the article behind it,
served as JSON, as the incident's history and as Atom feeds a feed reader can follow."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import feedparser
import pytest
from fastapi.testclient import TestClient

from conftest import _report
from strikeledger import service
from strikeledger.api import create_app
from strikeledger.records import Article, ArticleExtraction
from strikeledger.store import Ledger
from strikeledger.store import changes as change_store

D = date(2025, 10, 1)


def _put(
    ledger: Ledger, article_id: str, day: date | None, killed: int = 3, region: str = "caribbean"
) -> None:
    ledger.add_article(
        Article(
            id=article_id,
            text=f"{article_id}: a strike on a boat.",
            outlet=article_id,
            url=f"https://{article_id}.example/",
            published=day or D,
            published_precision="exact",
            source=f"{article_id}.txt",
        ),
        "handmade",
    )
    reports = (_report(article_id, day, region, killed),) if day else ()
    ledger.save_extraction(ArticleExtraction(article_id, reports))


def _kinds(ledger: Ledger, since: datetime | None = None) -> list[tuple[str, str, str | None]]:
    return sorted((c.incident_id, c.kind, c.article_id) for c in change_store.since(ledger, since))


def _mark(ledger: Ledger) -> datetime:
    return (
        change_store.since(ledger, limit=1)[0].at
        if change_store.since(ledger, limit=1)
        else datetime.min.replace(tzinfo=timezone.utc)
    )


def test_new_source_toll_date_and_place_changes_name_their_article(ledger):
    _put(ledger, "a1", D)
    (first,) = service.rebuild(ledger)
    assert _kinds(ledger) == [(first.id, "new", "a1")]
    mark = _mark(ledger)
    _put(ledger, "a2", D, killed=4)  # a second source with another toll
    service.rebuild(ledger)
    assert _kinds(ledger, mark) == [(first.id, "source", "a2"), (first.id, "toll", "a2")]
    toll = next(c for c in change_store.since(ledger, mark) if c.kind == "toll")
    assert toll.old["killed_high"] == 3 and toll.new["killed_high"] == 4 and "->" in toll.summary
    mark = _mark(ledger)
    _put(ledger, "a1", D + timedelta(days=1), region="eastern_pacific", killed=4)  # re-read: moved
    _put(ledger, "a2", D + timedelta(days=1), region="eastern_pacific", killed=4)
    service.rebuild(ledger)
    kinds = {k for _, k, _ in _kinds(ledger, mark)}
    assert {"date", "place", "toll"} <= kinds  # a re-reading: no article is new, none is named
    assert all(a is None for _, _, a in _kinds(ledger, mark))
    mark = _mark(ledger)
    service.rebuild(ledger)
    assert _kinds(ledger, mark) == []  # an unchanged rebuild records nothing


def test_a_merge_a_split_and_a_retirement_are_recorded(ledger):
    _put(ledger, "m1", D)
    service.rebuild(ledger)
    older = ledger.incidents()[0].id
    _put(ledger, "m2", D + timedelta(days=3))
    service.rebuild(ledger)
    newer = next(i.id for i in ledger.incidents() if i.id != older)
    mark = _mark(ledger)
    _put(ledger, "m2", D)
    service.rebuild(ledger)
    merged = [c for c in change_store.since(ledger, mark) if c.kind == "merged"]
    assert [(c.incident_id, c.old["incident_id"]) for c in merged] == [(older, newer)]
    mark = _mark(ledger)
    _put(ledger, "m3", D)
    service.rebuild(ledger)
    _put(ledger, "m1", D + timedelta(days=9))  # m1 leaves: its part is split off
    mark = _mark(ledger)
    service.rebuild(ledger)
    found = {(c.incident_id, c.kind) for c in change_store.since(ledger, mark)}
    split_off = next(i.id for i in ledger.incidents() if "m1:0" in i.report_keys)
    assert (older, "split") in found and (split_off, "new") in found
    mark = _mark(ledger)
    _put(ledger, "m1", None)  # no strike in it after all
    service.rebuild(ledger)
    assert (split_off, "retired", None) in _kinds(ledger, mark)


@pytest.fixture(scope="module")
def client(sample_ledger):
    with TestClient(create_app(sample_ledger.url)) as running:
        yield running


def test_api_changes_since_and_its_error_shape(client, sample_ledger):
    everything = client.get("/api/changes", params={"limit": 1000}).json()["items"]
    # ingested in one go: each incident is new once, caused by one of its own articles
    assert sorted(c["incident_id"] for c in everything) == sorted(i.id for i in sample_ledger.incidents())
    articles = {i.id: i.article_ids for i in sample_ledger.incidents()}
    assert all(c["kind"] == "new" and c["article_id"] in articles[c["incident_id"]] for c in everything)
    newest = everything[0]["at"]
    assert client.get("/api/changes", params={"since": newest}).json()["items"] == []
    before = (datetime.fromisoformat(newest) - timedelta(microseconds=1)).isoformat()
    assert client.get("/api/changes", params={"since": before}).json()["items"]
    bad = client.get("/api/changes", params={"since": "last tuesday"})
    assert bad.status_code == 400 and bad.json()["error"]["code"] == "bad_input"


def test_the_incident_shows_its_history_and_the_page_lists_changes(client, sample_ledger):
    incident = sample_ledger.incidents()[0]
    detail = client.get(f"/api/incidents/{incident.id}").json()
    assert detail["history"][0]["kind"] == "new" and detail["history"][0]["incident_id"] == incident.id
    shown = client.get(f"/incidents/{incident.id}").text
    assert 'id="history"' in shown and detail["history"][0]["summary"] in shown
    page = client.get("/changes")
    assert page.status_code == 200 and f'href="/incidents/{incident.id}"' in page.text
    assert 'href="/feeds/changes.atom"' in page.text and 'aria-current="page">Changes' in page.text


@pytest.mark.parametrize("path", ["/feeds/changes.atom", "/feeds/incidents.atom"])
def test_the_atom_feeds_validate(client, sample_ledger, path):
    response = client.get(path)
    assert response.headers["content-type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10" and feed.entries
    assert all(e.id and e.title and e.updated and e.link for e in feed.entries)
    if path == "/feeds/incidents.atom":
        assert len(feed.entries) == len(service.list_incidents(sample_ledger))
        first = feed.entries[0].link.rsplit("/", 1)[1]
        assert client.get(f"/api/incidents/{first}").status_code == 200


def test_an_analysts_correction_and_its_undoing_are_changes_for_subscribers(ledger):
    from strikeledger import review

    _put(ledger, "a", D)
    service.rebuild(ledger)
    (incident,) = ledger.incidents()
    mark = _mark(ledger)
    made = review.record(ledger, review.CorrectionRequest(incident.id, "correct", "two sources agree on four",
                                                          field="killed_best", value=4), "analyst")
    review.undo(ledger, made["id"], "analyst", "the second source was a copy")
    corrected = change_store.since(ledger, mark)
    assert [(c.incident_id, c.kind) for c in corrected] == [(incident.id, "corrected")] * 2
    undo, correction = corrected  # newest first
    assert (correction.old, correction.new) == ({"killed_best": "3"}, {"killed_best": "4"})
    assert "two sources agree on four" in correction.summary and "undone" in undo.summary
    with TestClient(create_app(ledger.url)) as client:
        feed = feedparser.parse(client.get("/feeds/changes.atom").content)
    assert not feed.bozo and any("corrected by an analyst" in e.title + e.get("summary", "") for e in feed.entries)
