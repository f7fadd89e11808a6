"""Permanent incident ids: an id once published always answers, as itself or through an alias.

Merges keep the older id, splits keep it on the part with most of the old reports, an id whose
reports are gone is retired but still answers, and corrections follow the id they were made on.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
import sqlalchemy
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from conftest import CORPUS, _report
from strikeledger import review, service
from strikeledger.api import create_app
from strikeledger.cli import app
from strikeledger.errors import Gone, NotFound
from strikeledger.ingest import iter_articles
from strikeledger.records import Alias, Article, ArticleExtraction, Incident, IssuedId
from strikeledger.resolve import identity
from strikeledger.store import Ledger
from strikeledger.store.schema import metadata

runner = CliRunner()
T0 = datetime(2025, 12, 1, tzinfo=timezone.utc)


# --- the rule itself, on hand-made incidents ---------------------------------------------------

def _incident(provisional: str, *keys: str, day: str = "2025-10-01") -> Incident:
    return Incident(id=provisional, strike_date=date.fromisoformat(day), date_precision="day",
                    region="caribbean", location=None, lat=None, lon=None, place_precision="unknown",
                    vessels=None, killed_low=None, killed_best=None, killed_high=None, survivors=None,
                    announced_by=None, grade="single_source",
                    report_keys=tuple(keys), article_ids=tuple(sorted({k.split(":")[0] for k in keys})))


def _issued(incident_id: str, *keys: str, hours: int = 0) -> IssuedId:
    return IssuedId(incident_id, T0 + timedelta(hours=hours), frozenset(keys))


def _assign(incidents, previous, aliases=()):
    return identity.assign(incidents, previous, aliases, T0 + timedelta(days=1))


def test_an_unchanged_cluster_keeps_its_id_whatever_its_provisional_one():
    out = _assign([_incident("p1", "a:0", "b:0")], [_issued("OLD", "a:0", "b:0")])
    assert [i.id for i in out.incidents] == ["OLD"] and out.aliases == [] and out.created["OLD"] == T0


def test_a_merge_keeps_the_older_id_even_when_the_newer_had_more_reports():
    previous = [_issued("OLDER", "a:0"), _issued("NEWER", "b:0", "c:0", "d:0", hours=1)]
    out = _assign([_incident("p", "a:0", "b:0", "c:0", "d:0")], previous)
    assert [i.id for i in out.incidents] == ["OLDER"]
    assert out.aliases == [Alias("NEWER", "OLDER", "merged", T0 + timedelta(days=1))]


def test_a_split_keeps_the_id_on_the_part_with_most_reports_and_the_rest_is_new():
    previous = [_issued("S", "a:0", "b:0", "c:0")]
    # the small part's provisional id is the old id itself (its anchor report was the old anchor)
    out = _assign([_incident("S", "a:0", day="2025-10-05"), _incident("q", "b:0", "c:0")], previous)
    by_keys = {i.report_keys: i.id for i in out.incidents}
    assert by_keys[("b:0", "c:0")] == "S"
    assert by_keys[("a:0",)] == "S-2" and out.created["S-2"] == T0 + timedelta(days=1)
    assert out.aliases == []


def test_an_even_split_goes_to_the_part_holding_the_earliest_report():
    parts = [_incident("x", "c:0", "d:0"), _incident("y", "a:0", "b:0")]
    out = _assign(parts, [_issued("S", "a:0", "b:0", "c:0", "d:0")])
    assert {i.report_keys: i.id for i in out.incidents}[("a:0", "b:0")] == "S"


def test_an_id_whose_reports_vanished_is_retired_and_never_given_again():
    out = _assign([_incident("GONE", "z:0")], [_issued("GONE", "a:0")])
    assert [a.alias for a in out.aliases] == ["GONE"] and out.aliases[0].incident_id is None
    assert out.aliases[0].cause == "retired" and [i.id for i in out.incidents] == ["GONE-2"]


def test_stored_aliases_follow_their_incident_into_a_merge():
    stored = [Alias("B", "A", "merged", T0)]
    out = _assign([_incident("p", "a:0", "z:0")], [_issued("Z", "z:0"), _issued("A", "a:0", hours=2)], stored)
    assert [i.id for i in out.incidents] == ["Z"]
    assert {a.alias: a.incident_id for a in out.aliases} == {"A": "Z", "B": "Z"}
    assert next(a for a in out.aliases if a.alias == "B").created_at == T0  # when the alias was made


def test_ids_are_unique_against_aliases_too():
    out = _assign([_incident("B", "n:0")], [], [Alias("B", None, "retired", T0)])
    assert [i.id for i in out.incidents] == ["B-2"]
    assert identity.unique_id("x", {"x", "x-2"}) == "x-3" and identity.unique_id("y", {"x"}) == "y"


# --- the examples corpus, ingested in two halves --------------------------------------------------

def _units() -> dict[str, list[Path]]:
    """The corpus as units that are ingested together: an article with its sidecar, an archive."""
    units: dict[str, list[Path]] = {}
    for path in sorted(CORPUS.iterdir()):
        units.setdefault(path.name.split(".")[0], []).append(path)
    return units


def _published(paths: list[Path]) -> date:
    days = [a.published for a in iter_articles([p for p in paths if p.suffix != ".json"])
            if isinstance(a, Article) and a.published]
    return min(days, default=date.max)


def _orders() -> dict[str, list[str]]:
    units = _units()
    names = sorted(units)
    return {"sorted": names, "reversed": names[::-1],
            "published": sorted(names, key=lambda n: (_published(units[n]), n))}


@pytest.mark.parametrize("order", ["sorted", "reversed", "published"])
def test_every_id_of_the_first_half_still_answers_after_the_second(tmp_path, order):
    units, names = _units(), _orders()[order]
    half = len(names) // 2
    ledger = Ledger.open(f"sqlite:///{tmp_path / 'halves.db'}")
    try:
        service.ingest(ledger, [p for n in names[:half] for p in units[n]])
        first = {i.id: set(i.report_keys) for i in ledger.incidents()}
        assert len(first) > 20
        service.ingest(ledger, [p for n in names[half:] for p in units[n]])
        now = {i.id: set(i.report_keys) for i in ledger.incidents()}
        assert len(now) > len(first) - 5
        for old_id, keys in first.items():
            current = service.current_id(ledger, old_id)
            held = Counter({i: len(k & keys) for i, k in now.items()})
            assert held[current] > 0 and held[current] == max(held.values()), (old_id, current)
        # and through the API: each answers itself, or redirects to the incident it is now part of
        with TestClient(create_app(ledger.url), follow_redirects=False) as client:
            for old_id in first:
                answer = client.get(f"/api/incidents/{old_id}")
                assert answer.status_code in (200, 308), (old_id, answer.status_code)
                if answer.status_code == 308:
                    target = service.current_id(ledger, old_id)
                    assert answer.headers["location"].endswith(f"/api/incidents/{target}")
        # a rebuild of the unchanged ledger renames nothing and makes no alias
        aliases = ledger.aliases()
        service.rebuild(ledger)
        assert {i.id: set(i.report_keys) for i in ledger.incidents()} == now and ledger.aliases() == aliases
    finally:
        ledger.close()


# --- merges, splits and retirements through the ledger, on SQLite and PostgreSQL ---------------------

def _put(ledger: Ledger, article_id: str, day: date | None, killed: int = 3) -> None:
    """Store (or store again, as a re-extraction would) one article reporting one strike, or none."""
    when = day or date(2025, 10, 1)
    ledger.add_article(Article(id=article_id, text=f"{article_id}: a strike on a boat.", outlet=article_id,
                               url=f"https://{article_id}.example/", published=when,
                               published_precision="exact",
                               source=f"{article_id}.txt"), "handmade")
    reports = (_report(article_id, day, "caribbean", killed),) if day else ()
    ledger.save_extraction(ArticleExtraction(article_id, reports))


def _id_of(ledger: Ledger, key: str) -> str:
    return next(i.id for i in ledger.incidents() if key in i.report_keys)


@pytest.fixture(params=["sqlite", "postgresql"])
def fresh(request, tmp_path):
    """An empty ledger on SQLite, or in a database of its own on the session's PostgreSQL server."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'fresh.db'}"
    else:
        server = request.getfixturevalue("postgres_url")
        name = f"ids_{request.node.name.split('[')[0][-40:].lower()}"
        engine = sqlalchemy.create_engine(server, isolation_level="AUTOCOMMIT")
        with engine.connect() as c:
            c.execute(sqlalchemy.text(f'DROP DATABASE IF EXISTS "{name}"'))
            c.execute(sqlalchemy.text(f'CREATE DATABASE "{name}"'))
        engine.dispose()
        url = server.rsplit("/", 1)[0] + f"/{name}"
    opened = Ledger.open(url)
    yield opened
    opened.close()


D = date(2025, 10, 1)


def _merged(ledger: Ledger) -> tuple[str, str]:
    """An older incident of one report and a newer one of three, then the three re-read to its day."""
    _put(ledger, "a1", D)
    service.rebuild(ledger)
    older = _id_of(ledger, "a1:0")
    for article_id in ("b1", "b2", "b3"):
        _put(ledger, article_id, D + timedelta(days=3))
    service.rebuild(ledger)
    newer = _id_of(ledger, "b1:0")
    assert older != newer and len(ledger.incidents()) == 2
    for article_id in ("b1", "b2", "b3"):
        _put(ledger, article_id, D)
    service.rebuild(ledger)
    return older, newer


def test_a_merge_keeps_the_older_id_and_aliases_the_other(fresh):
    older, newer = _merged(fresh)
    assert [i.id for i in fresh.incidents()] == [older]
    assert [(a.alias, a.incident_id, a.cause) for a in fresh.aliases()] == [(newer, older, "merged")]
    assert service.current_id(fresh, newer) == older
    assert service.list_incidents(fresh)[0]["aliases"] == [newer]


def test_a_split_keeps_the_id_on_the_part_with_most_reports(fresh):
    for article_id in ("s1", "s2", "s3"):
        _put(fresh, article_id, D, killed=2)
    service.rebuild(fresh)
    (split,) = [i.id for i in fresh.incidents()]
    _put(fresh, "s2", D + timedelta(days=5), killed=2)
    _put(fresh, "s3", D + timedelta(days=5), killed=2)  # the anchor's article s1 is left alone
    service.rebuild(fresh)
    assert _id_of(fresh, "s2:0") == split == _id_of(fresh, "s3:0")
    assert _id_of(fresh, "s1:0") != split and fresh.aliases() == []


def test_a_retired_id_answers_gone(fresh):
    _put(fresh, "r1", D)
    _put(fresh, "k1", D + timedelta(days=9))
    service.rebuild(fresh)
    retired = _id_of(fresh, "r1:0")
    _put(fresh, "r1", None)  # re-read: no strike in it after all
    service.rebuild(fresh)
    assert [(a.alias, a.incident_id, a.cause) for a in fresh.aliases()] == [(retired, None, "retired")]
    with pytest.raises(Gone):
        service.current_id(fresh, retired)
    with pytest.raises(NotFound):
        service.current_id(fresh, "never-given")


def test_the_migrations_build_the_schema(fresh):
    with fresh.engine.connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), metadata) == []


# --- the surfaces: API redirects, the page, `show`, exports ----------------------------------------

@pytest.fixture
def merged(ledger):
    older, newer = _merged(ledger)
    with TestClient(create_app(ledger.url), follow_redirects=False) as client:
        yield ledger, client, older, newer


def test_an_alias_redirects_in_the_api_and_the_page(merged):
    _, client, older, newer = merged
    moved = client.get(f"/api/incidents/{newer}")
    assert moved.status_code == 308 and moved.headers["location"].endswith(f"/api/incidents/{older}")
    detail = client.get(moved.headers["location"]).json()
    assert detail["incident_id"] == older and detail["aliases"] == [newer]
    page = client.get(f"/incidents/{newer}")
    assert page.status_code == 308 and page.headers["location"].endswith(f"/incidents/{older}")
    assert client.get(f"/incidents/{older}").status_code == 200
    missing = client.get("/api/incidents/never-given")
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "not_found"
    page = client.get("/incidents/never-given")  # the page itself says why, with the API's status
    assert page.status_code == 404 and "strikeledger incidents" in page.text


def test_show_an_alias_shows_its_current_incident(merged):
    ledger, _, older, newer = merged
    shown = runner.invoke(app, ["show", newer, "--db", ledger.url])
    assert shown.exit_code == 0 and f"{newer} is an alias of {older}" in shown.stdout
    assert "killed: 3" in shown.stdout and older in shown.stdout.splitlines()[2]


def test_exports_list_the_aliases_after_every_column_before_them(merged):
    ledger, _, older, newer = merged
    header, row = service.export(ledger, "csv").splitlines()[:2]
    # the aliases follow every column older than them; only the sources' languages come after
    assert header.split(",")[-2:] == ["aliases", "languages"]
    assert header.split(",")[:-2] == list(service.CSV_COLUMNS[:-2])
    assert row.split(",")[0] == older and row.split(",")[-2] == newer
    assert '"aliases": [' in service.export(ledger, "json")


def test_a_retired_id_is_410_in_the_envelope_and_an_error_in_show(ledger):
    _put(ledger, "r1", D)
    service.rebuild(ledger)
    retired = _id_of(ledger, "r1:0")
    _put(ledger, "r1", None)
    service.rebuild(ledger)
    with TestClient(create_app(ledger.url)) as client:
        gone = client.get(f"/api/incidents/{retired}")
    assert gone.status_code == 410 and gone.json()["error"]["code"] == "gone"
    shown = runner.invoke(app, ["show", retired, "--db", ledger.url])
    assert shown.exit_code == 1 and "no longer exists" in shown.stderr


# --- analysts' corrections follow the id ----------------------------------------------------------

def _analyst(ledger: Ledger) -> str:
    return review.authenticate(ledger, review.create_token(ledger, "ana"))


def test_a_correction_on_an_id_survives_it_becoming_an_alias(ledger):
    # the correction is made on B while B is one report, b1; B then grows to three; a re-reading
    # moves b1 away on its own and the other two into A, the older: B is an alias of A, and the
    # correction follows the id to A, not the report it was anchored on
    _put(ledger, "a1", D)
    service.rebuild(ledger)
    older = _id_of(ledger, "a1:0")
    _put(ledger, "b1", D + timedelta(days=3))
    service.rebuild(ledger)
    newer = _id_of(ledger, "b1:0")
    who = _analyst(ledger)
    fix = review.CorrectionRequest(newer, "correct", "per SOUTHCOM", field="killed_best", value=7)
    review.record(ledger, fix, who)
    _put(ledger, "b2", D + timedelta(days=3))
    _put(ledger, "b3", D + timedelta(days=3))
    service.rebuild(ledger)
    assert _id_of(ledger, "b3:0") == newer
    _put(ledger, "b1", D + timedelta(days=8))
    _put(ledger, "b2", D)
    _put(ledger, "b3", D)
    service.rebuild(ledger)
    assert service.current_id(ledger, newer) == older
    rows = {r["incident_id"]: r for r in service.list_incidents(ledger)}
    assert rows[older]["killed_best"] == 7 and rows[older]["corrected"] == ["killed_best"]
    assert rows[_id_of(ledger, "b1:0")]["killed_best"] == 3
    # and a correction sent to the alias is stored against the current id
    fix = review.CorrectionRequest(newer, "correct", "typo", field="survivors", value=1)
    made = review.record(ledger, fix, who)
    assert made["incident_id"] == older


def test_an_analysts_merge_leaves_an_alias_and_a_split_keeps_the_id_on_the_larger_part(ledger):
    for article_id in ("s1", "s2", "s3"):
        _put(ledger, article_id, D, killed=2)
    _put(ledger, "m1", D + timedelta(days=20))
    service.rebuild(ledger)
    big, small = _id_of(ledger, "s1:0"), _id_of(ledger, "m1:0")
    who = _analyst(ledger)
    split = review.CorrectionRequest(big, "split", "two boats", report_keys=("s2:0", "s3:0"))
    review.record(ledger, split, who)
    assert service.current_id(ledger, big) == big
    assert set(service.incident_detail(ledger, big)["report_keys"]) == {"s2:0", "s3:0"}
    review.record(ledger, review.CorrectionRequest(small, "merge", "same strike", target_id=big), who)
    assert service.current_id(ledger, small) == big
    assert service.incident_detail(ledger, small)["incident_id"] == big
    assert next(r for r in service.list_incidents(ledger) if r["incident_id"] == big)["aliases"] == [small]


def test_a_ledger_from_before_the_migration_keeps_its_ids(tmp_path):
    from importlib import resources

    from alembic import command
    from alembic.config import Config

    from strikeledger.resolve import build_incidents
    from strikeledger.store import schema as t

    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = sqlalchemy.create_engine(url)
    config = Config()
    scripts = resources.files("strikeledger.store").joinpath("migrations")
    config.set_main_option("script_location", str(scripts))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0003_presumed_dead")
    old = Ledger(engine, url)  # not migrated further: the schema of 0003
    stored = {}
    for article_id, day in (("a1", D), ("b1", D + timedelta(days=4))):
        stored[article_id] = Article(id=article_id, text=f"{article_id}: a strike on a boat.", outlet=article_id,
                                     published=day, published_precision="exact", source=f"{article_id}.txt")
        with engine.begin() as c:  # the article row as 0003 has it (no language yet)
            c.execute(sqlalchemy.insert(t.articles).values(
                id=article_id, outlet=article_id, published=day, published_precision="exact",
                text=stored[article_id].text, source=f"{article_id}.txt",
                ingested_at=datetime.now(timezone.utc), extractor_version="handmade"))
        old.save_extraction(ArticleExtraction(article_id, (_report(article_id, day, "caribbean", 3),)))
    resolved = build_incidents(old.reports(list(stored)), stored)  # by id: the 0003 schema has no versions
    fields = ("strike_date", "date_precision", "region", "place_precision", "killed_low", "grade",
              "best_reason")
    with engine.begin() as c:  # the incidents as the code before permanent ids stored them
        c.execute(sqlalchemy.insert(t.incidents), [
            {"id": i.id, **{f: getattr(i, f) for f in fields}, "contradictions": "[]", "n_sources": 1}
            for i in resolved])
        c.execute(sqlalchemy.insert(t.incident_reports), [
            {"incident_id": i.id, "article_id": k.split(":")[0], "report_idx": 0}
            for i in resolved for k in i.report_keys])
    engine.dispose()
    upgraded = Ledger.open(url)
    try:
        assert all(issued.created_at.year >= 2025 and issued.report_keys for issued in upgraded.issued_ids())
        service.rebuild(upgraded)
        assert {i.id for i in upgraded.incidents()} == {i.id for i in resolved} and upgraded.aliases() == []
    finally:
        upgraded.close()
