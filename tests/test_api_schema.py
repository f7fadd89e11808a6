"""The API against its own OpenAPI document (schemathesis): whatever a client sends, within the
schema or not, the answer is never a 500, and every JSON error is the one envelope.

A few examples per operation keep this fast in the suite; ``make fuzz`` runs many more
(STRIKELEDGER_FUZZ_EXAMPLES).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest
import schemathesis
from conftest import build_handmade_ledger
from hypothesis import HealthCheck, settings

from strikeledger import access
from strikeledger.api import create_app
from strikeledger.settings import effective_settings

EXAMPLES = int(os.environ.get("STRIKELEDGER_FUZZ_EXAMPLES", "8"))


# The schema is read at collection, from an app over a database of its own; the module fixture
# fills that database with the hand-made ledger before the first call.
_DIR = Path(tempfile.mkdtemp(prefix="strikeledger-schema-"))
_URL = f"sqlite:///{_DIR / 'h.db'}"
_UNLIMITED = {"write_rate_per_token": (10**6, "test"), "write_rate_per_address": (10**6, "test")}
_APP = create_app(_URL, {**effective_settings(overrides={"db": _URL}), **_UNLIMITED})
schema = schemathesis.openapi.from_asgi("/openapi.json", _APP)


@pytest.fixture(scope="module")
def token():
    ledger = build_handmade_ledger(_URL)
    made = access.create_token(ledger, "fuzzer")
    yield made
    ledger.close()
    _APP.state.ledger.close()
    shutil.rmtree(_DIR, ignore_errors=True)


@schema.parametrize()
@settings(max_examples=EXAMPLES, deadline=None, derandomize=True,
          suppress_health_check=list(HealthCheck))
def test_no_request_is_a_500_and_every_error_is_the_envelope(case, token):
    headers = {"Authorization": f"Bearer {token}"} if case.method.upper() == "POST" else {}
    response = case.call(headers=headers)
    assert response.status_code < 500, (case.method, case.formatted_path, case.query, case.body,
                                        response.text[:300])
    kind = (response.headers.get("content-type") or [""])[0]
    if response.status_code >= 400 and kind.startswith("application/json"):
        body = response.json()
        assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}, body
        assert isinstance(body["error"]["message"], str) and "\n" not in body["error"]["code"]
    for header in ("content-security-policy", "x-content-type-options"):
        assert header in {k.lower() for k in response.headers}, response.headers


HOSTILE_VALUES = ["9" * 30, "-1", "0", "1e309", "%00", "x" * 5000, "%E2%80%AE", "..%2F..%2Fetc", "null", "[]"]


def _operations():
    for path, methods in _APP.openapi()["paths"].items():
        for method, spec in methods.items():
            yield path, method.upper(), spec


@pytest.mark.parametrize("value", HOSTILE_VALUES)
def test_hostile_path_and_query_values_are_never_a_500(value, token):
    from fastapi.testclient import TestClient
    with TestClient(_APP, raise_server_exceptions=False) as client:
        for path, method, spec in _operations():
            params = spec.get("parameters", [])
            url = path
            for param in (p for p in params if p["in"] == "path"):
                url = url.replace("{" + param["name"] + "}", value)
            query = {p["name"]: value for p in params if p["in"] == "query"}
            response = client.request(method, url, params=query, json={"reason": "r", "action": "not_strike"} if method == "POST" else None,
                                      headers={"Authorization": f"Bearer {token}"} if method == "POST" else {})
            assert response.status_code < 500, (method, url, query, response.text[:200])
            if response.status_code >= 400 and response.headers.get("content-type", "").startswith("application/json"):
                assert set(response.json()) == {"error"}, response.text[:200]
