"""ledger core: articles, reports, facts, totals, claims, incidents

Revision ID: 0001_ledger_core
Revises:
"""

from alembic import op
import sqlalchemy as sa

revision = "0001_ledger_core"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.String(16), primary_key=True),
        sa.Column("url", sa.Text), sa.Column("outlet", sa.Text), sa.Column("title", sa.Text),
        sa.Column("published", sa.Date), sa.Column("published_precision", sa.String(16), nullable=False),
        sa.Column("text", sa.Text, nullable=False), sa.Column("source", sa.Text, nullable=False),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("extractor_version", sa.String(16), nullable=False),
    )
    op.create_table(
        "article_copies",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("article_id", sa.String(16), sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
        sa.Column("url", sa.Text), sa.Column("outlet", sa.Text), sa.Column("source", sa.Text, nullable=False),
        sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("article_id", "url", name="uq_article_copies_article_url"),
    )
    op.create_table(
        "reports",
        sa.Column("article_id", sa.String(16), sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("idx", sa.Integer, primary_key=True),
        sa.Column("strike_date", sa.Date), sa.Column("date_precision", sa.String(16), nullable=False),
        sa.Column("date_low", sa.Date), sa.Column("date_high", sa.Date),
        sa.Column("date_from_announcement", sa.Boolean, nullable=False),
        sa.Column("region", sa.String(32), nullable=False), sa.Column("location", sa.Text),
        sa.Column("lat", sa.Float), sa.Column("lon", sa.Float), sa.Column("place_precision", sa.String(16), nullable=False),
        sa.Column("vessels", sa.Integer), sa.Column("killed", sa.Integer), sa.Column("killed_qualifier", sa.String(32), nullable=False),
        sa.Column("survivors", sa.Integer), sa.Column("announced_by", sa.String(64)), sa.Column("ordinal", sa.Integer),
        sa.Column("part", sa.Integer), sa.Column("start", sa.Integer, nullable=False), sa.Column("end", sa.Integer, nullable=False),
    )
    op.create_table(
        "totals",
        sa.Column("article_id", sa.String(16), sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("idx", sa.Integer, primary_key=True),
        sa.Column("as_of", sa.Date), sa.Column("killed", sa.Integer), sa.Column("killed_qualifier", sa.String(32), nullable=False),
        sa.Column("strikes", sa.Integer), sa.Column("vessels", sa.Integer),
        sa.Column("start", sa.Integer, nullable=False), sa.Column("end", sa.Integer, nullable=False),
    )
    op.create_table(
        "facts",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("article_id", sa.String(16), sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
        sa.Column("report_idx", sa.Integer), sa.Column("total_idx", sa.Integer),
        sa.Column("kind", sa.String(32), nullable=False), sa.Column("value", sa.Text, nullable=False),
        sa.Column("qualifier", sa.String(64), nullable=False),
        sa.Column("start", sa.Integer, nullable=False), sa.Column("end", sa.Integer, nullable=False),
        sa.Column("surface", sa.Text, nullable=False), sa.Column("extractor", sa.String(32), nullable=False),
        sa.Column("sentence_start", sa.Integer, nullable=False), sa.Column("sentence_end", sa.Integer, nullable=False),
    )
    op.create_index("ix_facts_article", "facts", ["article_id"])
    op.create_table(
        "claims",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("article_id", sa.String(16), sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
        sa.Column("report_idx", sa.Integer), sa.Column("speaker", sa.String(64), nullable=False),
        sa.Column("stance", sa.String(16), nullable=False), sa.Column("evidence", sa.String(32), nullable=False),
        sa.Column("start", sa.Integer, nullable=False), sa.Column("end", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
    )
    op.create_index("ix_claims_article", "claims", ["article_id"])
    op.create_table(
        "incidents",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("strike_date", sa.Date), sa.Column("date_precision", sa.String(16), nullable=False),
        sa.Column("region", sa.String(32), nullable=False), sa.Column("location", sa.Text),
        sa.Column("lat", sa.Float), sa.Column("lon", sa.Float), sa.Column("place_precision", sa.String(16), nullable=False),
        sa.Column("vessels", sa.Integer), sa.Column("killed_low", sa.Integer), sa.Column("killed_best", sa.Integer),
        sa.Column("killed_high", sa.Integer), sa.Column("survivors", sa.Integer), sa.Column("announced_by", sa.String(64)),
        sa.Column("grade", sa.String(32), nullable=False), sa.Column("contradictions", sa.Text, nullable=False),
        sa.Column("best_reason", sa.Text, nullable=False), sa.Column("n_sources", sa.Integer, nullable=False),
    )
    op.create_table(
        "incident_reports",
        sa.Column("incident_id", sa.String(64), sa.ForeignKey("incidents.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("article_id", sa.String(16), primary_key=True),
        sa.Column("report_idx", sa.Integer, primary_key=True),
    )
    op.create_index("ix_incident_reports_report", "incident_reports", ["article_id", "report_idx"])


def downgrade() -> None:
    for table in ("incident_reports", "incidents", "claims", "facts", "totals", "reports", "article_copies", "articles"):
        op.drop_table(table)
