"""The Ledger repository: reads and writes records, hides SQL and dialects from callers."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from importlib import resources
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, delete, event, func, insert, select, update
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from ..errors import NotFound, ReviewError, StoreError
from ..records import (Alias, Article, ArticleExtraction, Claim, Fact, Incident, IssuedId, ReportedTotal,
                       StrikeReport)
from . import schema as t
from .plausible import plausible

_REPORT_FIELDS = (
    "strike_date", "date_precision", "date_low", "date_high", "date_from_announcement", "region", "location", "lat", "lon",
    "place_precision", "vessels", "killed", "killed_qualifier", "survivors", "announced_by", "ordinal", "part", "start", "end",
    "presumed_dead",
)
_INCIDENT_FIELDS = (
    "strike_date", "date_precision", "region", "location", "lat", "lon", "place_precision", "vessels", "killed_low",
    "killed_best", "killed_high", "survivors", "announced_by", "grade", "best_reason", "presumed_dead",
)


def safe_url(url: str) -> str:
    """The database URL with any password hidden, for messages."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _utc(moment: datetime | None) -> datetime:
    """A stored time as an aware UTC time: SQLite hands times back without their zone."""
    if moment is None:  # a row written outside the Ledger: older than any it wrote
        return datetime.min.replace(tzinfo=timezone.utc)
    return moment.replace(tzinfo=timezone.utc) if moment.tzinfo is None else moment.astimezone(timezone.utc)


def _current(table):
    """Rows of ``table`` that belong to no superseded version of a story (store.versions)."""
    superseded = select(t.articles.c.id).where(t.articles.c.superseded_by.is_not(None))
    return table.c.article_id.not_in(superseded)


class Ledger:
    """The incident ledger in a database."""

    def __init__(self, engine: Engine, url: str):
        self.engine = engine
        self.url = url

    # --- opening ---------------------------------------------------------------------------
    @classmethod
    def open(cls, url: str) -> "Ledger":
        """Connect and migrate; StoreError (one line, password hidden) when that fails."""
        try:
            engine = create_engine(url, future=True, pool_pre_ping=True)
        except (ArgumentError, ImportError, ValueError) as exc:
            raise StoreError(f"database {safe_url(url)}: not a usable database URL ({exc})") from exc
        if engine.dialect.name == "sqlite":
            event.listen(engine, "connect", _sqlite_pragmas)
        ledger = cls(engine, url)
        try:
            ledger.migrate()
        except SQLAlchemyError as exc:
            engine.dispose()
            reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
            raise StoreError(f"database {safe_url(url)}: cannot be opened ({reason})") from exc
        return ledger

    def migrate(self) -> None:
        config = Config()
        config.set_main_option("script_location", str(resources.files("strikeledger.store").joinpath("migrations")))
        with self.engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        try:
            with self.engine.begin() as connection:
                yield connection
        except SQLAlchemyError as exc:
            reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
            raise StoreError(f"database {safe_url(self.url)}: {reason}") from exc

    # --- articles --------------------------------------------------------------------------
    def add_article(self, article: Article, extractor_version: str, conn: Connection | None = None) -> str:
        """Store an article once. Returns ``new``, ``duplicate`` or ``syndicated`` (same text, another URL)."""
        with self._conn(conn) as c:
            existing = c.execute(select(t.articles.c.url).where(t.articles.c.id == article.id)).first()
            now = datetime.now(timezone.utc)
            if existing is None:
                c.execute(insert(t.articles).values(
                    id=article.id, url=article.url, outlet=article.outlet, title=article.title, published=article.published,
                    published_precision=article.published_precision, text=article.text, source=article.source,
                    ingested_at=now, extractor_version=extractor_version, language=article.language,
                ))
                return "new"
            if article.url and article.url != existing.url:
                known = c.execute(select(t.article_copies.c.id).where(
                    t.article_copies.c.article_id == article.id, t.article_copies.c.url == article.url)).first()
                if known is None:
                    c.execute(insert(t.article_copies).values(
                        article_id=article.id, url=article.url, outlet=article.outlet, source=article.source, seen_at=now))
                    return "syndicated"
            return "duplicate"

    @contextmanager
    def _conn(self, conn: Connection | None):
        if conn is not None:
            yield conn
        else:
            with self.transaction() as c:
                yield c

    def save_extraction(self, extraction: ArticleExtraction, conn: Connection | None = None) -> None:
        """Replace what was extracted from one article; a count beyond its bound is not stored."""
        extraction = plausible(extraction)
        aid = extraction.article_id
        with self._conn(conn) as c:
            for table in (t.facts, t.claims, t.reports, t.totals):
                c.execute(delete(table).where(table.c.article_id == aid))
            fact_rows: list[dict[str, Any]] = []
            if extraction.reports:
                c.execute(insert(t.reports), [
                    {"article_id": aid, "idx": r.index, **{f: getattr(r, f) for f in _REPORT_FIELDS}} for r in extraction.reports
                ])
                fact_rows += [self._fact_row(f, report_idx=r.index) for r in extraction.reports for f in r.facts]
            if extraction.totals:
                c.execute(insert(t.totals), [
                    {"article_id": aid, "idx": x.index, "as_of": x.as_of, "killed": x.killed, "killed_qualifier": x.killed_qualifier,
                     "strikes": x.strikes, "vessels": x.vessels, "start": x.start, "end": x.end} for x in extraction.totals
                ])
                fact_rows += [self._fact_row(f, total_idx=x.index) for x in extraction.totals for f in x.facts]
            if fact_rows:
                c.execute(insert(t.facts), fact_rows)
            if extraction.claims:
                c.execute(insert(t.claims), [
                    {"article_id": aid, "report_idx": cl.report_index, "speaker": cl.speaker, "stance": cl.stance,
                     "evidence": cl.evidence, "start": cl.start, "end": cl.end, "text": cl.text} for cl in extraction.claims
                ])

    @staticmethod
    def _fact_row(fact: Fact, report_idx: int | None = None, total_idx: int | None = None) -> dict[str, Any]:
        return {
            "article_id": fact.article_id, "report_idx": report_idx, "total_idx": total_idx, "kind": fact.kind,
            "value": fact.value, "qualifier": fact.qualifier, "start": fact.start, "end": fact.end, "surface": fact.surface,
            "extractor": fact.extractor, "sentence_start": fact.sentence_start, "sentence_end": fact.sentence_end,
        }

    def articles(self, ids: Iterable[str] | None = None, with_text: bool = True) -> dict[str, Article]:
        query = select(t.articles)
        if ids is not None:
            query = query.where(t.articles.c.id.in_(list(ids)))
        with self.transaction() as c:
            rows = c.execute(query).mappings().all()
        return {
            r["id"]: Article(
                id=r["id"], text=r["text"] if with_text else "", url=r["url"], outlet=r["outlet"], title=r["title"],
                published=r["published"], published_precision=r["published_precision"], source=r["source"],
                language=r["language"],
            )
            for r in rows
        }

    def has_article(self, article_id: str) -> bool:
        with self.transaction() as c:
            return c.execute(select(t.articles.c.id).where(t.articles.c.id == article_id)).first() is not None

    def article(self, article_id: str) -> Article:
        found = self.articles([article_id])
        if article_id not in found:
            raise NotFound(f"no article {article_id!r}; an incident's sources (`strikeledger show ID`) name its articles")
        return found[article_id]

    def article_copies(self, article_id: str) -> list[dict[str, Any]]:
        with self.transaction() as c:
            return [dict(r) for r in c.execute(select(t.article_copies).where(t.article_copies.c.article_id == article_id)).mappings()]

    def article_ids_needing_extraction(self, version: str) -> list[str]:
        with self.transaction() as c:
            return list(c.execute(select(t.articles.c.id).where(t.articles.c.extractor_version != version)).scalars())

    def article_ids_in_language(self, language: str) -> list[str]:
        """The ids of the stored articles in ``language`` (``und``: those not yet determined)."""
        with self.transaction() as c:
            return list(c.execute(select(t.articles.c.id).where(t.articles.c.language == language)).scalars())

    def set_language(self, article_id: str, language: str, conn: Connection | None = None) -> None:
        """Record the language of a stored article (one stored before languages were detected)."""
        with self._conn(conn) as c:
            c.execute(update(t.articles).where(t.articles.c.id == article_id).values(language=language))

    def mark_extracted(self, article_id: str, version: str, conn: Connection | None = None) -> None:
        with self._conn(conn) as c:
            c.execute(update(t.articles).where(t.articles.c.id == article_id).values(extractor_version=version))

    def counts(self) -> dict[str, int]:
        with self.transaction() as c:
            return {
                name: c.execute(select(func.count()).select_from(table)).scalar_one()
                for name, table in (("articles", t.articles), ("copies", t.article_copies), ("reports", t.reports),
                                    ("totals", t.totals), ("incidents", t.incidents), ("facts", t.facts))
            }

    # --- reports, facts, totals, claims ----------------------------------------------------
    def reports(self, article_ids: Iterable[str] | None = None) -> list[StrikeReport]:
        """The reports of ``article_ids``, or of every current article (no superseded version)."""
        query = select(t.reports).order_by(t.reports.c.article_id, t.reports.c.idx)
        if article_ids is not None:
            query = query.where(t.reports.c.article_id.in_(list(article_ids)))
        else:
            query = query.where(_current(t.reports))
        with self.transaction() as c:
            rows = c.execute(query).mappings().all()
        return [StrikeReport(article_id=r["article_id"], index=r["idx"], **{f: r[f] for f in _REPORT_FIELDS}) for r in rows]

    def facts(self, article_id: str) -> list[tuple[int | None, int | None, Fact]]:
        """(report index, total index, fact) for every fact of an article."""
        with self.transaction() as c:
            rows = c.execute(select(t.facts).where(t.facts.c.article_id == article_id).order_by(t.facts.c.start)).mappings().all()
        return [
            (r["report_idx"], r["total_idx"], Fact(r["article_id"], r["kind"], r["value"], r["start"], r["end"], r["surface"],
                                                   r["extractor"], r["qualifier"], r["sentence_start"], r["sentence_end"]))
            for r in rows
        ]

    def claims(self, article_ids: Iterable[str] | None = None) -> list[Claim]:
        query = select(t.claims).order_by(t.claims.c.article_id, t.claims.c.start)
        if article_ids is not None:
            query = query.where(t.claims.c.article_id.in_(list(article_ids)))
        else:
            query = query.where(_current(t.claims))
        with self.transaction() as c:
            rows = c.execute(query).mappings().all()
        return [Claim(r["article_id"], r["report_idx"], r["speaker"], r["stance"], r["evidence"], r["start"], r["end"], r["text"]) for r in rows]

    def totals(self) -> list[ReportedTotal]:
        with self.transaction() as c:
            rows = c.execute(select(t.totals).where(_current(t.totals)).order_by(t.totals.c.as_of.asc().nulls_first(), t.totals.c.article_id, t.totals.c.idx)).mappings().all()
        return [
            ReportedTotal(r["article_id"], r["idx"], r["as_of"], r["killed"], r["killed_qualifier"], r["strikes"], r["vessels"], r["start"], r["end"])
            for r in rows
        ]

    # --- incidents -------------------------------------------------------------------------
    def replace_incidents(self, incidents: list[Incident], created: dict[str, datetime] | None = None,
                          aliases: list[Alias] | None = None, conn: Connection | None = None) -> None:
        """Swap in a freshly resolved set of incidents, in one transaction.

        ``created`` gives when each id was first given (default: now); ``aliases``, when given,
        replaces the stored aliases (:func:`strikeledger.resolve.identity.assign` returns them all).
        """
        now = datetime.now(timezone.utc)
        created = created or {}
        with self._conn(conn) as c:
            c.execute(delete(t.incident_reports))
            c.execute(delete(t.incidents))
            if aliases is not None:
                c.execute(delete(t.incident_aliases))
                if aliases:
                    c.execute(insert(t.incident_aliases), [
                        {"alias": a.alias, "incident_id": a.incident_id, "cause": a.cause,
                         "created_at": a.created_at} for a in aliases])
            if not incidents:
                return
            c.execute(insert(t.incidents), [
                {"id": i.id, **{f: getattr(i, f) for f in _INCIDENT_FIELDS},
                 "created_at": created.get(i.id, now),
                 "contradictions": json.dumps(list(i.contradictions)), "n_sources": len(i.article_ids)}
                for i in incidents
            ])
            links = []
            for incident in incidents:
                for key in incident.report_keys:
                    article_id, idx = key.rsplit(":", 1)
                    links.append({"incident_id": incident.id, "article_id": article_id, "report_idx": int(idx)})
            c.execute(insert(t.incident_reports), links)

    def issued_ids(self, conn: Connection | None = None) -> list[IssuedId]:
        """Every stored incident's id, when it was first given and its report keys."""
        with self._conn(conn) as c:
            rows = c.execute(select(t.incidents.c.id, t.incidents.c.created_at)).all()
            links = c.execute(select(t.incident_reports)).mappings().all()
        keys: dict[str, set[str]] = {}
        for link in links:
            keys.setdefault(link["incident_id"], set()).add(f"{link['article_id']}:{link['report_idx']}")
        return [IssuedId(r.id, _utc(r.created_at), frozenset(keys.get(r.id, ()))) for r in rows]

    def aliases(self, conn: Connection | None = None) -> list[Alias]:
        """Every incident id that no longer names an incident of its own, and what it answers for."""
        with self._conn(conn) as c:
            rows = c.execute(select(t.incident_aliases).order_by(t.incident_aliases.c.alias)).mappings().all()
        return [Alias(r["alias"], r["incident_id"], r["cause"], _utc(r["created_at"])) for r in rows]

    def incidents(self, conn: Connection | None = None) -> list[Incident]:
        with self._conn(conn) as c:
            rows = c.execute(select(t.incidents).order_by(t.incidents.c.strike_date.asc().nulls_last(), t.incidents.c.id)).mappings().all()
            links = c.execute(select(t.incident_reports)).mappings().all()
        keys: dict[str, list[str]] = {}
        for link in links:
            keys.setdefault(link["incident_id"], []).append(f"{link['article_id']}:{link['report_idx']}")
        return [self._incident(r, sorted(keys.get(r["id"], []))) for r in rows]

    def incident(self, incident_id: str) -> Incident:
        for incident in self.incidents():
            if incident.id == incident_id:
                return incident
        raise NotFound(f"no incident {incident_id!r}; `strikeledger incidents` lists them")

    @staticmethod
    def _incident(row, keys: list[str]) -> Incident:
        return Incident(
            id=row["id"], **{f: row[f] for f in _INCIDENT_FIELDS},
            report_keys=tuple(keys), article_ids=tuple(sorted({k.rsplit(":", 1)[0] for k in keys})),
            contradictions=tuple(json.loads(row["contradictions"])),
        )

    # --- review: corrections, audit log (a layer; machine rows are never edited; tokens: access.py) ----
    def add_correction(self, correction: dict[str, Any], audit: list[dict[str, Any]]) -> int:
        """Store a correction and its audit rows in one transaction; returns the correction id."""
        now = datetime.now(timezone.utc)
        with self.transaction() as c:
            cid = c.execute(insert(t.corrections).values(**correction, created_at=now, undone=False)).inserted_primary_key[0]
            c.execute(insert(t.audit_log), [{**row, "at": now, "correction_id": cid, "undone": False} for row in audit])
        return cid

    def corrections(self, include_undone: bool = False) -> list[dict[str, Any]]:
        query = select(t.corrections).order_by(t.corrections.c.id)
        if not include_undone:
            query = query.where(t.corrections.c.undone.is_(False))
        with self.transaction() as c:
            return [dict(r) for r in c.execute(query).mappings()]

    def undo_correction(self, correction_id: int, who: str, reason: str) -> dict[str, Any]:
        """Mark a correction undone, flag its audit rows and audit the undo itself."""
        with self.transaction() as c:
            row = c.execute(select(t.corrections).where(t.corrections.c.id == correction_id)).mappings().first()
            if row is None:
                raise NotFound(f"no correction {correction_id}; GET /api/audit lists them")
            if row["undone"]:
                raise ReviewError(f"correction {correction_id} is already undone")
            c.execute(update(t.corrections).where(t.corrections.c.id == correction_id).values(undone=True))
            c.execute(update(t.audit_log).where(t.audit_log.c.correction_id == correction_id).values(undone=True))
            c.execute(insert(t.audit_log).values(
                at=datetime.now(timezone.utc), who=who, action="undo", incident_id=row["incident_id"], field=row["field"],
                old_value=None, new_value=None, reason=reason, correction_id=correction_id, undone=False))
            return {**dict(row), "undone": True}

    def audit_log(self, incident_id: str | None = None) -> list[dict[str, Any]]:
        query = select(t.audit_log).order_by(t.audit_log.c.id.desc())
        if incident_id is not None:
            query = query.where(t.audit_log.c.incident_id == incident_id)
        with self.transaction() as c:
            return [dict(r) for r in c.execute(query).mappings()]
