"""Updated stories: the same URL with new text is a new version of that source, the newest current,
the earlier ones readable, never a second source nor a false contradiction."""

from __future__ import annotations

import json

from fastapi.testclient import TestClient

from strikeledger import service
from strikeledger.api import create_app

URL = "https://wire.example/2025/11/12/strike-caribbean"
FIRST = ("The U.S. military struck a suspected drug boat in the Caribbean on Tuesday, killing three people "
         "aboard, Defense Secretary Pete Hegseth said.")
UPDATE = FIRST.replace("three", "four") + " The toll was raised after a survivor died."


def _write(folder, name, text, url=URL, published="2025-11-12"):
    folder.mkdir(exist_ok=True)
    (folder / f"{name}.txt").write_text(text)
    (folder / f"{name}.json").write_text(json.dumps({"url": url, "outlet": "Wire", "published": published}))
    return folder / f"{name}.txt"


def _ids(ledger):
    return {a.source.rsplit("/", 1)[-1]: a.id for a in ledger.articles().values()}


def test_an_updated_story_is_a_new_version_not_a_second_source(ledger, tmp_path):
    service.ingest(ledger, [_write(tmp_path / "a", "v1", FIRST)])
    assert [(i.killed_best, len(i.article_ids)) for i in ledger.incidents()] == [(3, 1)]
    summary = service.ingest(ledger, [_write(tmp_path / "b", "v2", UPDATE)])
    assert (summary.ingested, summary.updated) == (1, 1)
    (incident,) = ledger.incidents()
    ids = _ids(ledger)
    assert (incident.killed_best, incident.article_ids, incident.contradictions) == (4, (ids["v2.txt"],), ())
    old = service.article_detail(ledger, ids["v1.txt"])  # the earlier version stays readable
    assert old["text"] == FIRST and old["facts"] and old["incidents"] == []
    assert [(v["id"], v["current"]) for v in old["versions"]] == [(ids["v1.txt"], False), (ids["v2.txt"], True)]
    assert service.article_detail(ledger, ids["v2.txt"])["versions"] == old["versions"]


def test_versions_are_idempotent_and_an_older_version_ingested_later_stays_earlier(ledger, tmp_path):
    newer = _write(tmp_path / "a", "v2", UPDATE, published="2025-11-13")
    older = _write(tmp_path / "b", "v1", FIRST, published="2025-11-12")
    service.ingest(ledger, [newer])
    summary = service.ingest(ledger, [older, newer])
    assert (summary.ingested, summary.duplicates, summary.updated) == (1, 1, 1)
    (incident,) = ledger.incidents()
    assert incident.killed_best == 4 and incident.article_ids == (_ids(ledger)["v2.txt"],)
    third = _write(tmp_path / "c", "v3", UPDATE + " Officials gave no names.", published="2025-11-14")
    service.ingest(ledger, [third])
    versions = service.article_detail(ledger, _ids(ledger)["v1.txt"])["versions"]
    assert [v["current"] for v in versions] == [False, False, True]
    assert len(ledger.incidents()) == 1 and len(ledger.incidents()[0].article_ids) == 1


def test_other_urls_and_front_pages_are_separate_sources(ledger, tmp_path):
    service.ingest(ledger, [_write(tmp_path / "a", "x", FIRST, url="https://wire.example/"),
                            _write(tmp_path / "b", "y", UPDATE, url="https://wire.example/")])
    service.ingest(ledger, [_write(tmp_path / "c", "z", UPDATE + " More.", url="https://other.example/story")])
    assert all(len(service.article_detail(ledger, i)["versions"]) == 1 for i in _ids(ledger).values())
    assert sum(len(i.article_ids) for i in ledger.incidents()) == 3


def test_the_api_serves_the_versions(ledger, tmp_path):
    service.ingest(ledger, [_write(tmp_path / "a", "v1", FIRST)])
    service.ingest(ledger, [_write(tmp_path / "b", "v2", UPDATE)])
    with TestClient(create_app(ledger.url)) as client:
        body = client.get(f"/api/articles/{_ids(ledger)['v1.txt']}").json()
    assert [v["current"] for v in body["versions"]] == [False, True]
