"""Plausibility bounds: a figure or a date no strike could have is kept as a claim with its reason,
never as a figure; corrections are held to the same bounds; no input to the review routes is a 500."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, timedelta

import pytest
from conftest import _report
from fastapi.testclient import TestClient
from sqlalchemy import update

from strikeledger import review, service
from strikeledger.api import create_app
from strikeledger.records import CAMPAIGN_START, ArticleExtraction, Fact
from strikeledger.store import schema as t
from strikeledger.store.plausible import MAX_PER_STRIKE, SPEAKER, STANCE, plausible

STRIKE = ("The U.S. military struck a suspected drug boat in the Caribbean on Tuesday, killing {toll} people "
          "aboard, Defense Secretary Pete Hegseth said.")


def _ingest_one(ledger, tmp_path, text, name="a.txt", published="2025-11-12"):
    (tmp_path / name).write_text(text)
    (tmp_path / name.replace(".txt", ".json")).write_text(json.dumps({"published": published, "outlet": "Wire"}))
    service.ingest(ledger, [tmp_path / name])
    return next(a for a in ledger.articles().values() if a.source.endswith(name))


def test_ten_million_killed_is_a_claim_with_its_reason_not_a_figure(ledger, tmp_path):
    article = _ingest_one(ledger, tmp_path, STRIKE.format(toll="10,000,000"))
    assert [r.killed for r in ledger.reports([article.id])] == [None]
    assert not [f for _, _, f in ledger.facts(article.id) if f.kind == "killed"]
    detail = service.article_detail(ledger, article.id)
    (claim,) = [c for c in detail["claims"] if c["stance"] == STANCE]
    assert claim["speaker"] == SPEAKER and claim["evidence"] == "killed"
    assert article.text[claim["start"]:claim["end"]] == "killing 10,000,000 people"
    assert claim["text"] == ("killed read as 10000000 from «killing 10,000,000 people»: over the bound of "
                             "10,000 per strike; not taken as a figure")
    assert [i.killed_best for i in ledger.incidents()] in ([], [None])  # the campaign grows by nothing


def test_a_figure_within_the_bound_makes_no_claim(ledger, tmp_path):
    article = _ingest_one(ledger, tmp_path, STRIKE.format(toll="four"))
    assert [r.killed for r in ledger.reports([article.id])] == [4]
    assert not [c for c in ledger.claims([article.id]) if c.stance == STANCE]


def _extraction_with(kind, value, **report_fields):
    fact = Fact("x", kind, value, 0, 4, "text", "test")
    report = _report("x", date(2025, 11, 1), "caribbean", 3)
    return ArticleExtraction("x", (replace(report, facts=(fact,), **report_fields),))


@pytest.mark.parametrize("day, kept", [
    (CAMPAIGN_START - timedelta(days=1), False), (CAMPAIGN_START, True), (date(2025, 11, 1), True),
    (date.today() + timedelta(days=1), True), (date.today() + timedelta(days=2), False), (date(9999, 12, 31), False),
    (date(1, 1, 1), False)])
def test_a_strike_date_outside_the_campaign_is_no_date(day, kept):
    checked = plausible(_extraction_with("strike_date", day.isoformat(), strike_date=day, date_low=day, date_high=day))
    (report,) = checked.reports
    assert (report.strike_date == day) is kept and (len(report.facts) == 1) is kept
    assert (report.date_precision == "unknown") is not kept
    assert len([c for c in checked.claims if c.stance == STANCE]) == (0 if kept else 1)


@pytest.mark.parametrize("kind, value, kept", [
    ("killed", "10000", True), ("killed", "10001", False), ("survivors", "20000", False),
    ("vessels", "9" * 30, False), ("vessels", "12", True), ("ordinal", "999999", True), ("ordinal", "1000001", False)])
def test_each_count_is_held_to_its_bound(kind, value, kept):
    checked = plausible(_extraction_with(kind, value))
    assert (len(checked.reports[0].facts) == 1) is kept and (len(checked.claims) == 0) is kept


@pytest.fixture
def api(ledger, tmp_path):
    _ingest_one(ledger, tmp_path, STRIKE.format(toll="four"))
    token = review.create_token(ledger, "analyst")
    with TestClient(create_app(ledger.url), raise_server_exceptions=False) as client:
        client.headers["Authorization"] = f"Bearer {token}"
        client.incident = ledger.incidents()[0].id
        yield client


@pytest.mark.parametrize("field, value, message", [
    ("killed_best", 2**64, "killed_best = 18446744073709551616: over the bound of 10,000 per strike"),
    ("killed_best", MAX_PER_STRIKE + 1, "over the bound of 10,000 per strike"),
    ("killed_best", "9" * 5000, "not a whole number"),
    ("killed_best", -1, "not a whole number"), ("killed_best", True, "not a whole number"),
    ("survivors", 10**7, "over the bound"), ("vessels", 10**5, "over the bound"),
    ("strike_date", "9999-12-31", "in the future: no strike of the campaign bears that date"),
    ("strike_date", "0001-01-01", "before the campaign began (2025-09-01)"),
    ("strike_date", "2025-13-45", "month must be in 1..12"),
    ("location", "off \x1b[2J Aruba", "control or invisible"), ("announced_by", "Heg\u202eseth", "control"),
])
def test_corrections_beyond_the_bounds_are_refused_and_nothing_changes(api, ledger, field, value, message):
    before = (service.list_incidents(ledger), ledger.audit_log())
    response = api.post(f"/api/incidents/{api.incident}/corrections",
                        json={"action": "correct", "field": field, "value": value, "reason": "test"})
    assert response.status_code == 422, response.text
    assert response.json()["error"]["code"] == "bad_review" and message in response.json()["error"]["message"]
    assert (service.list_incidents(ledger), ledger.audit_log()) == before


def test_a_correction_within_the_bounds_is_taken(api, ledger):
    response = api.post(f"/api/incidents/{api.incident}/corrections",
                        json={"action": "correct", "field": "strike_date", "value": "2025-11-11", "reason": "r"})
    assert response.status_code == 201
    assert service.list_incidents(ledger)[0]["strike_date"] == "2025-11-11"


def test_a_stored_correction_now_out_of_bounds_is_left_unapplied_and_timeline_answers(api, ledger):
    response = api.post(f"/api/incidents/{api.incident}/corrections",
                        json={"action": "correct", "field": "strike_date", "value": "2025-11-11", "reason": "r"})
    with ledger.transaction() as c:  # as a version without bounds would have stored it
        c.execute(update(t.corrections).where(t.corrections.c.id == response.json()["id"]).values(value='"9999-12-31"'))
    assert review.apply(ledger).unapplied == [response.json()["id"]]
    timeline = api.get("/api/timeline")
    assert timeline.status_code == 200 and len(timeline.content) < 100_000


@pytest.mark.parametrize("correction_id", ["1" * 30, "0", "-5", "2147483648", "x"])
def test_an_undo_of_an_id_no_correction_can_have_is_a_422_not_a_500(api, correction_id):
    response = api.post(f"/api/corrections/{correction_id}/undo", json={"reason": "r"})
    assert response.status_code == 422 and response.json()["error"]["code"] == "invalid_request"


def test_an_undo_of_an_unknown_id_in_range_is_a_404(api):
    response = api.post("/api/corrections/2147483647/undo", json={"reason": "r"})
    assert response.status_code == 404 and response.json()["error"]["code"] == "not_found"
