"""The relevance gate: it never sets aside an article about the campaign, and ordinary news that
looks like it (weather, fishing, labour strikes, baseball, other wars, crime) gives no incident."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from strikeledger import service
from strikeledger.cli import app
from strikeledger.ingest import iter_articles
from strikeledger.ingest.gate import compile_gate, default_gate, fold, passes
from strikeledger.records import Article

from conftest import CORPUS, FIXTURES, ROOT

TRAPS = FIXTURES / "traps"
REALTEXT = Path(os.environ.get("STRIKELEDGER_REALTEXT", ROOT.parent / "realtext"))
# Articles of the fixtures that are not about the campaign by design (all of them are traps).
CORPUS_ES = ROOT / "examples" / "corpus-es"
COMMITTED = [CORPUS, CORPUS_ES, FIXTURES / "mini", FIXTURES / "hostile"]
# Articles of the Spanish sample its README names as not about the campaign: traps of its own.
NOT_ABOUT_THE_CAMPAIGN = {"es25.txt": "a fishing accident", "es33.txt": "a dockworkers' strike"}

# Spanish reports written for this test, in the ways the Spanish press tells of a strike.
SPANISH = [
    "El Comando Sur informó de un nuevo ataque contra una narcolancha en el Pacífico oriental; "
    "murieron tres tripulantes.",
    "Un bombardeo de Estados Unidos destruyó una embarcación en aguas del Caribe, según el "
    "secretario de Guerra, Pete Hegseth.",
    "EE.UU. atacó otra lancha que, según Washington, transportaba droga: dos muertos.",
    "Las fuerzas estadounidenses hundieron un semisumergible; el Pentágono habló de narcoterroristas.",
]


def _articles(*paths: Path) -> list[Article]:
    return [a for a in iter_articles(paths) if isinstance(a, Article)]


def _missed(articles: list[Article]) -> list[str]:
    return [a.source for a in articles if not passes(a.text)]


def test_every_committed_article_about_the_campaign_passes():
    articles = _articles(*COMMITTED)
    assert len(articles) >= 140
    missed = {Path(source).name for source in _missed(articles)}
    assert missed == set(NOT_ABOUT_THE_CAMPAIGN)


def test_every_seed_article_passes(seeds_dir):
    articles = _articles(seeds_dir)
    assert len(articles) == 5
    assert _missed(articles) == []


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_real_text_article_passes(language):
    # The real-text set is assembled outside the repository (bench/realworld/README.md); the
    # committed corpora above hold the same claim where it is absent.
    folder = REALTEXT / language
    if not folder.is_dir():
        pytest.skip(f"the real-text development set is not assembled at {folder}")
    articles = _articles(folder)
    assert articles
    assert _missed(articles) == []


@pytest.mark.parametrize("text", SPANISH)
def test_spanish_reports_pass(text):
    assert passes(text)


def test_traps_are_set_aside_and_give_no_incident(ledger):
    traps = _articles(TRAPS)
    assert len(traps) >= 30
    summary = service.ingest(ledger, [TRAPS], gate=default_gate())
    assert summary.incidents == 0
    assert summary.set_aside + summary.ingested == len(traps)
    assert ledger.incidents() == []


def test_traps_would_give_incidents_without_the_gate(ledger):
    # what the gate is for: the reader alone finds strikes in ordinary news
    summary = service.ingest(ledger, [TRAPS])
    assert summary.set_aside == 0
    assert summary.incidents > 0


def test_gate_folds_case_accents_and_hyphens():
    assert fold("EMBARCACIÓN Pentágono") == "embarcacion pentagono"
    assert passes("NARCO-SUB STRUCK")
    assert passes("a go-fast boat was struck, the Pentagon said")
    assert not passes("a boat was struck")  # force and a vessel, nothing of drugs or command


def test_words_must_stand_near_each_other():
    lists = json.loads((ROOT / "src/strikeledger/data/gate.json").read_text())
    gate = compile_gate({**lists, "window": 40})
    near = "The strike hit a boat carrying drugs."
    far = "The strike hit a boat." + " Nothing else happened." * 5 + " Police seized drugs."
    assert gate.passes(near)
    assert not gate.passes(far)
    assert compile_gate({**lists, "window": 400}).passes(far)


def test_cli_counts_set_aside_articles_and_a_setting_keeps_them(tmp_path, monkeypatch):
    runner = CliRunner()
    db = f"sqlite:///{tmp_path / 'gate.db'}"
    corpus = tmp_path / "news"
    corpus.mkdir()
    for name in ("labour-01", "war-02"):
        for suffix in (".txt", ".json"):
            (corpus / f"{name}{suffix}").write_bytes((TRAPS / f"{name}{suffix}").read_bytes())
    result = runner.invoke(app, ["ingest", str(corpus), "--db", db, "--quiet"])
    assert result.exit_code == 0, result.output
    assert "ingested 0," in result.output and "2 set aside" in result.output
    monkeypatch.setenv("STRIKELEDGER_KEEP_SET_ASIDE", "true")
    result = runner.invoke(app, ["ingest", str(corpus), "--db", db, "--quiet"])
    assert "ingested 2," in result.output and "set aside" not in result.output
