"""The database tables, as SQLAlchemy Core metadata.

Machine-extracted rows (articles, reports, facts, totals, claims) are written by ingest and
never edited; ``incidents`` and ``incident_reports`` are rebuilt from them by the resolver, so
they can always be derived again — under the ids they had before (``incident_aliases`` keeps
every id a rebuild retired, so a published id always answers). Analysts' corrections live in
tables of their own (a later migration) layered over these.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

articles = Table(
    "articles", metadata,
    Column("id", String(16), primary_key=True),
    Column("url", Text),
    Column("outlet", Text),
    Column("title", Text),
    Column("published", Date),
    Column("published_precision", String(16), nullable=False),
    Column("text", Text, nullable=False),
    Column("source", Text, nullable=False),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    Column("extractor_version", String(16), nullable=False),
    # ISO 639-1, or "und" (0005_article_language); the server default fills rows stored before it
    Column("language", String(8), nullable=False, server_default="und"),
    # the newer version of the same story (same URL, new text); NULL: current (0008_article_versions)
    Column("superseded_by", String(16)),
    Index("ix_articles_url", "url"),
)

article_copies = Table(
    "article_copies", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", String(16), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("url", Text),
    Column("outlet", Text),
    Column("source", Text, nullable=False),
    Column("seen_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("article_id", "url", name="uq_article_copies_article_url"),
)

reports = Table(
    "reports", metadata,
    Column("article_id", String(16), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("idx", Integer, primary_key=True),
    Column("strike_date", Date),
    Column("date_precision", String(16), nullable=False),
    Column("date_low", Date),
    Column("date_high", Date),
    Column("date_from_announcement", Boolean, nullable=False),
    Column("region", String(32), nullable=False),
    Column("location", Text),
    Column("lat", Float),
    Column("lon", Float),
    Column("place_precision", String(16), nullable=False),
    Column("vessels", Integer),
    Column("killed", Integer),
    Column("killed_qualifier", String(32), nullable=False),
    Column("survivors", Integer),
    Column("announced_by", String(64)),
    Column("ordinal", Integer),
    Column("part", Integer),
    Column("presumed_dead", Integer),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
)

totals = Table(
    "totals", metadata,
    Column("article_id", String(16), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("idx", Integer, primary_key=True),
    Column("as_of", Date),
    Column("killed", Integer),
    Column("killed_qualifier", String(32), nullable=False),
    Column("strikes", Integer),
    Column("vessels", Integer),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
)

facts = Table(
    "facts", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", String(16), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("report_idx", Integer),
    Column("total_idx", Integer),
    Column("kind", String(32), nullable=False),
    Column("value", Text, nullable=False),
    Column("qualifier", String(64), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("surface", Text, nullable=False),
    Column("extractor", String(32), nullable=False),
    Column("sentence_start", Integer, nullable=False),
    Column("sentence_end", Integer, nullable=False),
    Index("ix_facts_article", "article_id"),
)

claims = Table(
    "claims", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", String(16), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("report_idx", Integer),
    Column("speaker", String(64), nullable=False),
    Column("stance", String(16), nullable=False),
    Column("evidence", String(32), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Index("ix_claims_article", "article_id"),
)

incidents = Table(
    "incidents", metadata,
    Column("id", String(64), primary_key=True),
    Column("strike_date", Date),
    Column("date_precision", String(16), nullable=False),
    Column("region", String(32), nullable=False),
    Column("location", Text),
    Column("lat", Float),
    Column("lon", Float),
    Column("place_precision", String(16), nullable=False),
    Column("vessels", Integer),
    Column("killed_low", Integer),
    Column("killed_best", Integer),
    Column("killed_high", Integer),
    Column("survivors", Integer),
    Column("presumed_dead", Integer),
    Column("announced_by", String(64)),
    Column("grade", String(32), nullable=False),
    Column("contradictions", Text, nullable=False),  # JSON list of strings
    Column("best_reason", Text, nullable=False),
    Column("n_sources", Integer, nullable=False),
    Column("created_at", DateTime(timezone=True)),  # when its id was first given (0004_incident_aliases)
)

incident_reports = Table(
    "incident_reports", metadata,
    Column("incident_id", String(64), ForeignKey("incidents.id", ondelete="CASCADE"), primary_key=True),
    Column("article_id", String(16), primary_key=True),
    Column("report_idx", Integer, primary_key=True),
    Index("ix_incident_reports_report", "article_id", "report_idx"),
)

# --- review (migration 0002_review): analysts' layer over the machine rows ------------------

review_tokens = Table(
    "review_tokens", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(64), nullable=False),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("revoked", Boolean, nullable=False, default=False),
    Column("expires_at", DateTime(timezone=True)),  # NULL: never (0006_write_access)
    Column("last_used_at", DateTime(timezone=True)),
)

# Every request to a write route, taken or refused (0006_write_access).
write_attempts = Table(
    "write_attempts", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("who", String(64)),
    Column("address", String(64), nullable=False),
    Column("method", String(8), nullable=False),
    Column("path", Text, nullable=False),
    Column("status", Integer, nullable=False),
    Column("outcome", String(32), nullable=False),
    Column("reason", Text, nullable=False),
    Index("ix_write_attempts_at", "at"),
)

corrections = Table(
    "corrections", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("incident_id", String(64), nullable=False),
    Column("anchor_keys", Text, nullable=False),
    Column("action", String(16), nullable=False),
    Column("field", String(32)),
    Column("value", Text),
    Column("report_keys", Text, nullable=False),
    Column("target_id", String(64)),
    Column("reason", Text, nullable=False),
    Column("author", String(64), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("undone", Boolean, nullable=False, default=False),
    Index("ix_corrections_incident", "incident_id"),
)

audit_log = Table(
    "audit_log", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("who", String(64), nullable=False),
    Column("action", String(16), nullable=False),
    Column("incident_id", String(64), nullable=False),
    Column("field", String(32)),
    Column("old_value", Text),
    Column("new_value", Text),
    Column("reason", Text, nullable=False),
    Column("correction_id", Integer, nullable=False),
    Column("undone", Boolean, nullable=False, default=False),
)

# --- permanent ids (migration 0004_incident_aliases) -------------------------------------------

incident_aliases = Table(
    "incident_aliases", metadata,
    Column("alias", String(64), primary_key=True),
    # no foreign key: incidents are rebuilt under it; NULL once its reports form no incident
    Column("incident_id", String(64)),
    Column("cause", String(16), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Index("ix_incident_aliases_incident", "incident_id"),
)

# --- sources and what they gave (migration 0007_sources_and_changes) ----------------------------

sources = Table(
    "sources", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("url", Text, nullable=False, unique=True),
    Column("name", Text),
    Column("kind", String(16), nullable=False),  # feed | sitemap | page
    Column("every_seconds", Integer, nullable=False),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("last_poll_at", DateTime(timezone=True)),
    Column("last_new_at", DateTime(timezone=True)),
    Column("next_poll_at", DateTime(timezone=True)),
    Column("items_seen", Integer, nullable=False, default=0),
    Column("failures", Integer, nullable=False, default=0),
    Column("last_error", Text),
)

# Every article URL a source has led to, by its canonical form, whichever source gave it first:
# a URL seen once is not fetched again from any source.
seen_urls = Table(
    "seen_urls", metadata,
    Column("url", Text, primary_key=True),
    Column("source_id", Integer),  # no foreign key: a removed source's URLs stay seen
    Column("article_id", String(16)),
    Column("status", String(16), nullable=False),  # new | duplicate | syndicated | rejected
    Column("stamp", Text),  # the entry's own updated time, when the feed gives one
    Column("seen_at", DateTime(timezone=True), nullable=False),
)

# Every change to a published incident, with when and the article that caused it.
incident_changes = Table(
    "incident_changes", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("incident_id", String(64), nullable=False),
    Column("kind", String(16), nullable=False),  # new | toll | date | place | merged | split | source | retired
    Column("summary", Text, nullable=False),
    Column("old", Text),  # JSON
    Column("new", Text),  # JSON
    Column("article_id", String(16)),
    Index("ix_incident_changes_at", "at"),
    Index("ix_incident_changes_incident", "incident_id"),
)
