"""Language at ingest: detected (or given), stored, counted; languages the reader does not read
give no reports and are read by `rebuild` once they are.

The articles here were written for these tests, in the style of wire copy in each language.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from conftest import _report
from strikeledger import service
from strikeledger.api import create_app
from strikeledger.cli import app
from strikeledger.extract import EXTRACTOR_VERSION
from strikeledger.ingest import iter_articles
from strikeledger.ingest import language
from strikeledger.ingest.language import NOT_READ, detect_language
from strikeledger.records import Article, ArticleExtraction
from strikeledger.store import Ledger

ENGLISH = (
    "A U.S. strike on a boat in the Caribbean on Tuesday killed three people, the Pentagon said.\n\n"
    "Defense officials said the vessel was carrying narcotics and that no American forces were hurt. "
    "The military did not say which group the crew belonged to or release evidence of the cargo."
)
ENGLISH_TWO = (
    "The U.S. military struck a vessel in the eastern Pacific on Thursday, killing two men aboard, "
    "Southern Command said in a statement.\n\nIt was the latest in a series of strikes that lawmakers "
    "of both parties have questioned, asking the administration to explain their legal basis."
)
SPANISH = (
    "Un ataque de Estados Unidos contra una lancha en el mar Caribe dejó tres muertos el martes, "
    "informó el Pentágono.\n\nSegún las autoridades, la embarcación transportaba drogas, aunque no "
    "se presentaron pruebas. Familiares de los tripulantes aseguran que eran pescadores de la costa."
)
PORTUGUESE = (
    "Um ataque dos Estados Unidos contra um barco no mar do Caribe deixou três mortos na terça-feira, "
    "informou o Pentágono.\n\nDe acordo com as autoridades, a embarcação levava drogas, mas nenhuma "
    "prova foi apresentada. Parentes dos tripulantes afirmam que eram pescadores da região."
)


def _write(folder, name: str, text: str, **meta) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    (folder / f"{name}.json").write_text(json.dumps({"published": "2025-11-06", "outlet": name, **meta}))


@pytest.mark.parametrize("text, expected", [
    (ENGLISH, "en"), (ENGLISH_TWO, "en"), (SPANISH, "es"), (PORTUGUESE, "pt"),
    ("", "und"), ("11 / 3 / 2025", "und"),  # no letters, or too few to tell
])
def test_articles_in_english_spanish_and_portuguese_are_detected(text, expected):
    assert detect_language(text) == expected


def test_a_spanish_article_is_read_and_merges_with_english_a_portuguese_one_is_stored_counted_not_read(
    tmp_path,
):
    english, mixed = tmp_path / "english", tmp_path / "mixed"
    for folder in (english, mixed):
        _write(folder, "wire", ENGLISH)
        _write(folder, "pacific", ENGLISH_TWO)
    _write(mixed, "cable", SPANISH)
    _write(mixed, "jornal", PORTUGUESE)
    alone, beside = Ledger.open(f"sqlite:///{tmp_path / 'en.db'}"), Ledger.open(f"sqlite:///{tmp_path / 'mix.db'}")
    try:
        base = service.ingest(alone, [english])
        summary = service.ingest(beside, [mixed])
        assert (base.ingested, summary.ingested) == (2, 4)
        assert summary.languages == {"en": 2, "es": 1, "pt": 1} and summary.not_read == {"pt": 1}
        assert summary.as_dict()["not_read"] == {"pt": 1}
        stored = {a.outlet: a for a in beside.articles(with_text=False).values()}
        assert {name: a.language for name, a in stored.items()} == {
            "wire": "en", "pacific": "en", "cable": "es", "jornal": "pt"}
        assert not [r for r in beside.reports() if r.article_id == stored["jornal"].id]
        assert sorted(beside.article_ids_needing_extraction("any")) == sorted(a.id for a in stored.values())
        assert set(beside.article_ids_in_language("es")) == {stored["cable"].id}
        # The Spanish report of Tuesday's Caribbean strike joins the English one: one incident, two
        # sources in two languages; the English ledger beside it has the same incidents.
        rows = service.list_incidents(beside)
        assert [(r["strike_date"], r["killed_best"], r["n_sources"], r["languages"]) for r in rows] == [
            ("2025-11-04", 3, 2, ["en", "es"]), ("2025-11-06", 2, 1, ["en"])]
        assert [r["incident_id"] for r in rows] == [r["incident_id"] for r in service.list_incidents(alone)]
        spanish = service.article_detail(beside, stored["cable"].id)
        assert (spanish["language"], spanish["read"]) == ("es", True)
        killed = next(f for f in spanish["facts"] if f["kind"] == "killed")
        assert (killed["value"], killed["surface"]) == ("3", "tres muertos")  # the Spanish words, as written
        portuguese = service.article_detail(beside, stored["jornal"].id)
        assert (portuguese["read"], portuguese["facts"], portuguese["incidents"]) == (False, [], [])
    finally:
        alone.close()
        beside.close()


def test_the_ingest_summary_line_counts_what_was_not_read(tmp_path):
    _write(tmp_path / "in", "wire", ENGLISH)
    _write(tmp_path / "in", "cable", SPANISH)
    _write(tmp_path / "in", "jornal", PORTUGUESE)
    _write(tmp_path / "in", "otro", SPANISH.replace("martes", "miércoles"))
    result = CliRunner().invoke(app, ["ingest", str(tmp_path / "in"), "--db", f"sqlite:///{tmp_path / 'l.db'}", "-q"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("ingested 4, duplicates 0,")
    assert "skipped 0; languages: es 2, en 1, pt 1; 1 not read: pt 1; ledger: 1 incidents" in result.stdout


def test_a_given_language_wins_over_detection(tmp_path):
    _write(tmp_path, "tagged", ENGLISH, language="es-MX")
    _write(tmp_path, "upper", SPANISH, language="EN")
    found = {a.outlet: a.language for a in iter_articles([tmp_path]) if isinstance(a, Article)}
    assert found == {"tagged": "es", "upper": "en"}
    archive = tmp_path / "lines.jsonl"
    archive.write_text(json.dumps({"text": SPANISH, "language": "pt"}) + "\n"
                       + json.dumps({"text": SPANISH, "language": "Spanish"}) + "\n", encoding="utf-8")
    items = list(iter_articles([archive]))
    assert items[0].language == "pt"
    assert "'language' must be an ISO 639-1 code" in items[1].reason and items[1].source.endswith(":2")


def test_a_text_tagged_in_a_language_not_read_is_not_read(ledger, tmp_path):
    _write(tmp_path, "wire", ENGLISH, language="de")
    summary = service.ingest(ledger, [tmp_path])
    assert summary.not_read == {"de": 1} and ledger.reports() == [] and ledger.incidents() == []


def test_rebuild_reads_an_unread_language_once_the_reader_reads_it(ledger, tmp_path, monkeypatch):
    _write(tmp_path, "wire", ENGLISH, language="fr")  # tagged French: stored, not read
    _write(tmp_path, "jornal", PORTUGUESE)
    service.ingest(ledger, [tmp_path])
    assert ledger.incidents() == [] and service.reextract(ledger) == 0
    monkeypatch.setattr(language, "READ_LANGUAGES", frozenset({"en", "fr"}))
    assert service.reextract(ledger) == 1  # the French one; Portuguese still waits
    (incident,) = ledger.incidents()
    assert incident.killed_best == 3
    assert [r["languages"] for r in service.list_incidents(ledger)] == [["fr"]]
    pending = ledger.article_ids_needing_extraction(EXTRACTOR_VERSION)
    assert [ledger.article(i).language for i in pending] == ["pt"]


def test_rebuild_detects_the_articles_stored_before_languages_were(ledger):
    # As migration 0005 leaves them: "und", and read (as English) by the older reader.
    report = _report("pt1", date(2025, 11, 4), "caribbean", 3)
    for article_id, text in (("pt1", PORTUGUESE), ("en1", ENGLISH)):
        ledger.add_article(Article(id=article_id, text=text, published=date(2025, 11, 5), source=f"{article_id}.txt"),
                           "an older reader")
    ledger.save_extraction(ArticleExtraction("pt1", (report,)))
    service.rebuild(ledger)
    assert len(ledger.incidents()) == 1
    assert service.reextract(ledger) == 1  # the English one is read again, the Portuguese one is not
    assert {a.id: a.language for a in ledger.articles(with_text=False).values()} == {"pt1": "pt", "en1": "en"}
    assert [r.article_id for r in ledger.reports()] == ["en1"]  # what the English reading of pt1 found is gone
    assert ledger.article_ids_needing_extraction(NOT_READ) == ["en1"]


@pytest.fixture
def languages_ledger(ledger):
    """Two strikes: one told in Spanish and in English, one in English only."""
    for article_id, lang, day in (("x-es", "es", date(2025, 11, 1)), ("x-en", "en", date(2025, 11, 1)),
                                  ("y-en", "en", date(2025, 11, 9))):
        ledger.add_article(Article(id=article_id, text=f"{article_id}: a strike.", url=f"https://{article_id}.example/",
                                   outlet=article_id, published=day, source=f"{article_id}.txt",
                                   language=lang), "handmade")
        ledger.save_extraction(ArticleExtraction(article_id, (_report(article_id, day, "caribbean", 2),)))
    service.rebuild(ledger)
    return ledger


def test_incident_rows_and_exports_carry_the_sources_languages(languages_ledger):
    rows = {r["strike_date"]: r for r in service.list_incidents(languages_ledger)}
    assert rows["2025-11-01"]["languages"] == ["en", "es"] and rows["2025-11-09"]["languages"] == ["en"]
    exported = csv.DictReader(io.StringIO(service.export(languages_ledger, "csv")))
    assert exported.fieldnames == list(service.CSV_COLUMNS) and exported.fieldnames[-1] == "languages"
    assert exported.fieldnames[:-1] == list(service.CSV_COLUMNS[:service.CSV_COLUMNS.index("aliases") + 1])
    assert {r["strike_date"]: r["languages"] for r in exported} == {"2025-11-01": "en es", "2025-11-09": "en"}
    incidents = json.loads(service.export(languages_ledger, "json"))["incidents"]
    assert sorted(i["languages"] for i in incidents) == [["en"], ["en", "es"]]


def test_the_api_filters_incidents_by_a_source_language(languages_ledger):
    with TestClient(create_app(languages_ledger.url)) as client:
        def dates(query: str) -> list[str]:
            response = client.get(f"/api/incidents?{query}")
            assert response.status_code == 200, response.text
            return sorted(i["strike_date"] for i in response.json()["items"])
        assert dates("language=es") == ["2025-11-01"]
        assert dates("language=en") == ["2025-11-01", "2025-11-09"]
        assert dates("language=pt") == []
        assert dates("language=es&region=eastern_pacific") == []
        bad = client.get("/api/incidents?language=Spanish!")
        assert bad.status_code == 422 and set(bad.json()) == {"error"}
        spec = client.get("/openapi.json").json()["paths"]["/api/incidents"]["get"]["parameters"]
        described = {p["name"]: p.get("description", "") for p in spec}
        assert "language" in described["language"] and "ISO 639-1" in described["language"]
        article = client.get("/api/articles/x-es").json()
        assert (article["language"], article["read"]) == ("es", True)
