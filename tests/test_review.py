"""Analysts' corrections: layered over machine values, audited, reversible, surviving rebuild, token and Origin checked."""

from __future__ import annotations

import csv
import io
import sqlite3

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from strikeledger import review, service
from strikeledger.api import create_app
from strikeledger.store import Ledger
from strikeledger.store import schema as t


def copy_ledger(source: Ledger, path) -> Ledger:
    """A writable copy of a SQLite ledger (the session sample must stay untouched)."""
    with sqlite3.connect(source.url.removeprefix("sqlite:///")) as src, sqlite3.connect(path) as dst:
        src.backup(dst)
    return Ledger.open(f"sqlite:///{path}")


@pytest.fixture
def writable(sample_ledger, tmp_path):
    opened = copy_ledger(sample_ledger, tmp_path / "copy.db")
    yield opened
    opened.close()


@pytest.fixture
def api(writable):
    token = review.create_token(writable, "analyst")
    with TestClient(create_app(writable.url)) as client:
        client.headers["Authorization"] = f"Bearer {token}"
        yield client


def _row(ledger: Ledger, incident_id: str) -> dict:
    return next(r for r in service.list_incidents(ledger, include_not_strikes=True) if r["incident_id"] == incident_id)


def _pick(ledger: Ledger, more_than_one_report: bool = False) -> dict:
    rows = service.list_incidents(ledger)
    return next(r for r in rows if r["killed_best"] and (not more_than_one_report or r["n_sources"] > 1))


def test_correction_shows_in_list_export_detail_and_audit(api, writable):
    row = _pick(writable)
    response = api.post(f"/api/incidents/{row['incident_id']}/corrections",
                        json={"action": "correct", "field": "killed_best", "value": row["killed_best"] + 5, "reason": "official revision"})
    assert response.status_code == 201, response.text
    assert _row(writable, row["incident_id"])["killed_best"] == row["killed_best"] + 5
    assert _row(writable, row["incident_id"])["corrected"] == ["killed_best"]
    exported = {r["incident_id"]: r for r in csv.DictReader(io.StringIO(service.export(writable, "csv")))}
    assert exported[row["incident_id"]]["killed_best"] == str(row["killed_best"] + 5)
    detail = api.get(f"/api/incidents/{row['incident_id']}").json()
    assert detail["machine"] == {"killed_best": row["killed_best"]} and "official revision" in detail["best_reason"]
    entry = api.get("/api/audit").json()["entries"][0]
    assert (entry["who"], entry["action"], entry["incident_id"], entry["field"]) == ("analyst", "correct", row["incident_id"], "killed_best")
    assert (entry["old_value"], entry["new_value"], entry["reason"], entry["undone"]) == (str(row["killed_best"]), str(row["killed_best"] + 5), "official revision", False)
    # the machine value is still what the resolver stored
    with writable.transaction() as c:
        assert c.execute(select(t.incidents.c.killed_best).where(t.incidents.c.id == row["incident_id"])).scalar() == row["killed_best"]


def test_undo_restores_and_is_audited(api, writable):
    row = _pick(writable)
    made = api.post(f"/api/incidents/{row['incident_id']}/corrections",
                    json={"action": "correct", "field": "region", "value": "other", "reason": "misread"}).json()
    assert _row(writable, row["incident_id"])["region"] == "other"
    undone = api.post(f"/api/corrections/{made['id']}/undo", json={"reason": "wrong incident"})
    assert undone.status_code == 200 and undone.json()["undone"] is True
    assert _row(writable, row["incident_id"])["region"] == row["region"]
    entries = api.get("/api/audit", params={"incident_id": row["incident_id"]}).json()["entries"]
    assert [e["action"] for e in entries] == ["undo", "correct"] and entries[1]["undone"] is True
    again = api.post(f"/api/corrections/{made['id']}/undo", json={"reason": "twice"})
    assert again.status_code == 422 and again.json()["error"]["code"] == "bad_review"


def test_corrections_survive_rebuild(writable):
    row = _pick(writable)
    who = review.authenticate(writable, review.create_token(writable, "ana"))
    review.record(writable, review.CorrectionRequest(row["incident_id"], "correct", "per SOUTHCOM", field="survivors", value=2), who)
    review.record(writable, review.CorrectionRequest(row["incident_id"], "correct", "typo", field="strike_date", value="2025-09-03"), who)
    service.rebuild(writable)
    after = _row(writable, row["incident_id"])
    assert (after["survivors"], after["strike_date"]) == (2, "2025-09-03")


def test_not_a_strike_leaves_the_list(api, writable):
    row = _pick(writable)
    before = len(service.list_incidents(writable))
    assert api.post(f"/api/incidents/{row['incident_id']}/corrections", json={"action": "not_strike", "reason": "a rescue, not a strike"}).status_code == 201
    assert len(service.list_incidents(writable)) == before - 1
    assert api.get(f"/api/incidents/{row['incident_id']}").json()["not_strike"] is True


def test_merge_and_split_are_report_key_moves_that_survive_rebuild(api, writable):
    rows = service.list_incidents(writable)
    source, target = rows[5], rows[6]
    keys = service.incident_detail(writable, source["incident_id"])["report_keys"]
    merged = api.post(f"/api/incidents/{source['incident_id']}/corrections",
                      json={"action": "merge", "target_id": target["incident_id"], "reason": "same strike"})
    assert merged.status_code == 201, merged.text
    ids = {r["incident_id"] for r in service.list_incidents(writable)}
    assert source["incident_id"] not in ids and target["incident_id"] in ids
    assert set(keys) <= set(service.incident_detail(writable, target["incident_id"])["report_keys"])

    big = next(r for r in service.list_incidents(writable) if r["n_sources"] > 2)
    big_keys = service.incident_detail(writable, big["incident_id"])["report_keys"]
    split = api.post(f"/api/incidents/{big['incident_id']}/corrections",
                     json={"action": "split", "report_keys": big_keys[:1], "reason": "a second boat"})
    assert split.status_code == 201, split.text
    service.rebuild(writable)
    after = service.list_incidents(writable)
    assert len(after) == len(rows) - 1 + 1
    moved = next(r for r in after if big_keys[0] in service.incident_detail(writable, r["incident_id"])["report_keys"])
    assert moved["incident_id"] != big["incident_id"]
    assert big_keys[0] not in service.incident_detail(writable, big["incident_id"])["report_keys"]
    bad = api.post(f"/api/incidents/{big['incident_id']}/corrections", json={"action": "split", "report_keys": ["nope:1"], "reason": "x"})
    assert bad.status_code == 422 and bad.json()["error"]["code"] == "bad_review"


def test_bad_corrections_are_refused(api, writable):
    row = _pick(writable)
    url = f"/api/incidents/{row['incident_id']}/corrections"
    for body in ({"action": "correct", "field": "grade", "value": "official", "reason": "x"},
                 {"action": "correct", "field": "killed_best", "value": "-3", "reason": "x"},
                 {"action": "merge", "target_id": row["incident_id"], "reason": "x"}):
        response = api.post(url, json=body)
        assert response.status_code == 422 and response.json()["error"]["code"] == "bad_review", body
    assert api.post(url, json={"action": "correct", "field": "killed_best", "value": 3, "reason": ""}).status_code == 422


def test_no_token_is_401(api, writable):
    row = _pick(writable)
    body = {"action": "correct", "field": "killed_best", "value": 1, "reason": "x"}
    response = api.post(f"/api/incidents/{row['incident_id']}/corrections", json=body, headers={"Authorization": ""})
    assert response.status_code == 401 and response.json()["error"]["code"] == "unauthorized"
    assert _row(writable, row["incident_id"])["killed_best"] == row["killed_best"]
    assert api.get("/api/audit").json()["entries"] == []


def test_bad_origin_is_403_even_with_a_token(api, writable):
    row = _pick(writable)
    body = {"action": "correct", "field": "killed_best", "value": 1, "reason": "x"}
    url = f"/api/incidents/{row['incident_id']}/corrections"
    refused = api.post(url, json=body, headers={"Origin": "https://attacker.example"})
    assert refused.status_code == 403 and refused.json()["error"]["code"] == "forbidden"
    assert _row(writable, row["incident_id"])["killed_best"] == row["killed_best"]
    same = api.post(url, json=body, headers={"Origin": "http://testserver"})
    assert same.status_code == 201, same.text


def test_only_the_token_hash_is_stored(writable):
    token = review.create_token(writable, "bob")
    with writable.transaction() as c:
        stored = c.execute(select(t.review_tokens.c.token_hash).where(t.review_tokens.c.name == "bob")).scalar()
    assert stored == review.hash_token(token) and token not in stored
