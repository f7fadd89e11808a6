"""The evaluation gate: the ledger built from each gold corpus must stay above its pinned floors."""

from __future__ import annotations

import json

import pytest

from conftest import ROOT, require
from strikeledger import service

BASELINE = json.loads((ROOT / "tests" / "eval_baseline.json").read_text())
METRICS = (
    "f1", "date_exact", "killed_exact", "survivors_exact", "killed_high_exact", "vessels_exact", "region_exact",
    "announcer_exact",
)


@pytest.mark.parametrize("name", ["sample", "seeds"])
def test_eval_stays_above_its_floors(name):
    floors = BASELINE[name]
    corpus, gold = ROOT / floors["corpus"], ROOT / floors["gold"]
    require(corpus.exists() and gold.exists(), f"{corpus} is not there")
    result = service.evaluate_corpus([corpus], gold)
    report = {m: getattr(result, m) for m in METRICS}
    below = {m: (report[m], floors[m]) for m in METRICS if report[m] < floors[m]}
    assert not below, f"{name}: below the floor (score, floor): {below}; missed {result.unmatched_gold}; extra {result.unmatched_incidents}; tolls {result.wrong_killed}"


def test_floors_are_at_least_the_promised_ones():
    for metric in ("f1", "date_exact", "killed_exact"):
        assert BASELINE["sample"][metric] >= 0.95
