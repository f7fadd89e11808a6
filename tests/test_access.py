"""Access control: tokens listed, revoked and expiring, names validated, write routes rate-limited
per token and per address (429 in the envelope with Retry-After), every write attempt logged."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import update
from typer.testing import CliRunner

from strikeledger import access, service
from strikeledger.api import create_app
from strikeledger.cli import app as cli
from strikeledger.errors import AuthError, NotFound, ReviewError
from strikeledger.settings import effective_settings
from strikeledger.store import schema as t

runner = CliRunner()
STRIKE = ("The U.S. military struck a suspected drug boat in the Caribbean on Tuesday, killing four people "
          "aboard, Defense Secretary Pete Hegseth said.")


@pytest.fixture
def one_incident(ledger, tmp_path):
    (tmp_path / "a.txt").write_text(STRIKE)
    (tmp_path / "a.json").write_text(json.dumps({"published": "2025-11-12"}))
    service.ingest(ledger, [tmp_path / "a.txt"])
    return ledger.incidents()[0].id


def _app(ledger, **rates):
    effective = effective_settings(overrides={"db": ledger.url, **rates})
    return TestClient(create_app(ledger.url, effective))


@pytest.mark.parametrize("name", ["", " ", "a" * 65, "ana\x1b[2J", "bob\nroot", "eve\u202e", "_x", "-x", "a/b",
                                  "x;drop"])
def test_bad_token_names_are_refused(ledger, name):
    with pytest.raises(ReviewError, match="token name"):
        access.create_token(ledger, name)
    assert access.list_tokens(ledger) == []


@pytest.mark.parametrize("name", ["ana", "Ana María", "j.doe@example.org", "O'Brien-Smith", "team 2"])
def test_good_token_names_are_taken(ledger, name):
    access.create_token(ledger, name)
    assert [row["name"] for row in access.list_tokens(ledger)] == [name]


def test_list_shows_state_and_times_never_the_secret(ledger):
    token = access.create_token(ledger, "ana", expires_in_days=30)
    access.create_token(ledger, "bob")
    assert access.authenticate(ledger, token) == "ana"
    rows = {r["name"]: r for r in access.list_tokens(ledger)}
    assert set(rows["ana"]) == {"name", "state", "created_at", "last_used_at", "expires_at"}
    assert rows["ana"]["state"] == rows["bob"]["state"] == "live"
    assert rows["ana"]["last_used_at"] is not None and rows["bob"]["last_used_at"] is None
    expires = datetime.fromisoformat(rows["ana"]["expires_at"])
    assert timedelta(days=29) < expires - datetime.now(timezone.utc) <= timedelta(days=30)
    assert rows["bob"]["expires_at"] is None
    assert token not in json.dumps(rows) and access.hash_token(token) not in json.dumps(rows)


def test_revoke_ends_the_token_and_a_new_one_can_be_made(ledger):
    token = access.create_token(ledger, "ana")
    with pytest.raises(ReviewError, match="already has a live token"):
        access.create_token(ledger, "ana")
    assert access.revoke_token(ledger, "ana") == 1
    with pytest.raises(AuthError, match="revoked"):
        access.authenticate(ledger, token)
    with pytest.raises(NotFound):
        access.revoke_token(ledger, "ana")
    fresh = access.create_token(ledger, "ana")
    assert access.authenticate(ledger, fresh) == "ana"
    assert [r["state"] for r in access.list_tokens(ledger)] == ["revoked", "live"]


def test_an_expired_token_is_refused(ledger):
    token = access.create_token(ledger, "ana", expires_in_days=1)
    with ledger.transaction() as c:
        c.execute(update(t.review_tokens).values(expires_at=datetime.now(timezone.utc) - timedelta(seconds=1)))
    with pytest.raises(AuthError, match="expired"):
        access.authenticate(ledger, token)
    assert access.list_tokens(ledger)[0]["state"] == "expired"
    access.create_token(ledger, "ana")  # an expired token is no live one


@pytest.mark.parametrize("days", [0, -1, 100_000])
def test_an_expiry_out_of_range_is_refused(ledger, days):
    with pytest.raises(ReviewError, match="expires in 1 to"):
        access.create_token(ledger, "ana", expires_in_days=days)


def test_token_commands(ledger):
    db = ["--db", ledger.url]
    made = runner.invoke(cli, ["token", "create", "ana", "--expires-days", "7", *db])
    assert made.exit_code == 0 and len(made.stdout.strip()) > 30
    listed = json.loads(runner.invoke(cli, ["token", "list", "--json", *db]).stdout)
    assert [(r["name"], r["state"]) for r in listed] == [("ana", "live")]
    assert made.stdout.strip() not in runner.invoke(cli, ["token", "list", *db]).stdout
    assert runner.invoke(cli, ["token", "revoke", "ana", *db]).exit_code == 0
    again = runner.invoke(cli, ["token", "revoke", "ana", *db])
    assert again.exit_code == 1 and "no live token named 'ana'" in again.output
    bad = runner.invoke(cli, ["token", "create", "x\x1b[2J", *db])
    assert bad.exit_code == 1 and "\x1b" not in bad.output


def _correct(client, incident, token, value, **headers):
    return client.post(f"/api/incidents/{incident}/corrections",
                       json={"action": "correct", "field": "survivors", "value": value, "reason": "r"},
                       headers={"Authorization": f"Bearer {token}", **headers})


def test_writes_past_the_token_rate_are_429_with_retry_after(ledger, one_incident):
    token = access.create_token(ledger, "ana")
    with _app(ledger, write_rate_per_token=3, write_rate_per_address=100) as client:
        statuses = [_correct(client, one_incident, token, 1).status_code for _ in range(3)]
        refused = _correct(client, one_incident, token, 2)
    assert statuses == [201, 201, 201]
    assert refused.status_code == 429 and refused.json()["error"]["code"] == "rate_limited"
    assert 1 <= int(refused.headers["retry-after"]) <= 60
    assert "token 'ana': at most 3 a minute" in refused.json()["error"]["message"]
    assert service.list_incidents(ledger)[0]["survivors"] == 1  # the refused write changed nothing


def test_the_address_rate_counts_refused_writes_too(ledger, one_incident):
    with _app(ledger, write_rate_per_token=100, write_rate_per_address=5) as client:
        statuses = [_correct(client, one_incident, f"guess{i}", 1).status_code for i in range(7)]
    assert statuses == [401] * 5 + [429] * 2  # guessing tokens is held to the address's rate


def test_every_write_attempt_is_logged_taken_or_refused(ledger, one_incident):
    token = access.create_token(ledger, "ana")
    with _app(ledger, write_rate_per_token=2, write_rate_per_address=100) as client:
        _correct(client, one_incident, token, 1)
        _correct(client, one_incident, "wrong", 1)
        _correct(client, one_incident, token, 10**9)
        _correct(client, one_incident, token, 1)
        _correct(client, one_incident, token, 1, Origin="https://attacker.example")
        client.post(f"/api/incidents/{one_incident}/corrections", json={"action": "nonsense"},
                    headers={"Authorization": f"Bearer {token}"})
    log = list(reversed(access.write_log(ledger)))
    assert [(e["who"], e["status"], e["outcome"]) for e in log] == [
        ("ana", 200, "accepted"), (None, 401, "unauthorized"), ("ana", 422, "bad_review"),
        ("ana", 429, "rate_limited"), (None, 403, "forbidden"), ("ana", 429, "rate_limited")]
    assert all(e["address"] == "testclient" and e["method"] == "POST" for e in log)
    assert "over the bound" in log[2]["reason"] and log[0]["path"].endswith("/corrections")
    shown = runner.invoke(cli, ["token", "log", "--json", "--db", ledger.url])
    assert [e["outcome"] for e in json.loads(shown.stdout)] == [e["outcome"] for e in reversed(log)]


def test_the_rate_limiter_forgets_hits_past_its_window_and_bounds_its_keys():
    now = [0.0]
    limiter = access.RateLimiter(2, window=60, max_keys=3, clock=lambda: now[0])
    assert [limiter.hit("a") for _ in range(3)] == [None, None, 60]
    now[0] = 59.5
    assert limiter.hit("a") == 1
    now[0] = 60.0
    assert limiter.hit("a") is None
    for key in "bcdef":
        limiter.hit(key)
    assert len(limiter._hits) == 3
