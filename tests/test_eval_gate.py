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


@pytest.mark.parametrize("name", ["sample", "sample_es", "sample_both", "seeds"])
def test_eval_stays_above_its_floors(name):
    floors = BASELINE[name]
    named = floors["corpus"] if isinstance(floors["corpus"], list) else [floors["corpus"]]
    corpora, gold = [ROOT / c for c in named], ROOT / floors["gold"]
    require(all(c.exists() for c in corpora) and gold.exists(), f"{corpora} is not there")
    result = service.evaluate_corpus(corpora, gold)
    report = {m: getattr(result, m) for m in METRICS}
    below = {m: (report[m], floors[m]) for m in METRICS if report[m] < floors[m]}
    assert not below, f"{name}: below the floor (score, floor): {below}; missed {result.unmatched_gold}; extra {result.unmatched_incidents}; tolls {result.wrong_killed}"


def test_floors_are_at_least_the_promised_ones():
    for name in ("sample", "sample_es", "sample_both"):
        for metric in ("f1", "date_exact", "killed_exact"):
            assert BASELINE[name][metric] >= 0.95, (name, metric)
