"""sources and changes: the feeds and pages watched, the URLs they gave, every change to an incident

Revision ID: 0007_sources_and_changes
Revises: 0006_write_access

``sources`` holds what ``strikeledger sources add`` names and the state of its polling (ETag,
Last-Modified, failures); ``seen_urls`` every article URL a source led to, so that none is
fetched twice; ``incident_changes`` every change a rebuild made to a published incident.
"""

from alembic import op
import sqlalchemy as sa

revision = "0007_sources_and_changes"
down_revision = "0006_write_access"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sources",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("url", sa.Text, nullable=False, unique=True),
        sa.Column("name", sa.Text),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("every_seconds", sa.Integer, nullable=False),
        sa.Column("etag", sa.Text),
        sa.Column("last_modified", sa.Text),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_poll_at", sa.DateTime(timezone=True)),
        sa.Column("last_new_at", sa.DateTime(timezone=True)),
        sa.Column("next_poll_at", sa.DateTime(timezone=True)),
        sa.Column("items_seen", sa.Integer, nullable=False),
        sa.Column("failures", sa.Integer, nullable=False),
        sa.Column("last_error", sa.Text),
    )
    op.create_table(
        "seen_urls",
        sa.Column("url", sa.Text, primary_key=True),
        sa.Column("source_id", sa.Integer),
        sa.Column("article_id", sa.String(16)),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("stamp", sa.Text),
        sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "incident_changes",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("incident_id", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("summary", sa.Text, nullable=False),
        sa.Column("old", sa.Text),
        sa.Column("new", sa.Text),
        sa.Column("article_id", sa.String(16)),
    )
    op.create_index("ix_incident_changes_at", "incident_changes", ["at"])
    op.create_index("ix_incident_changes_incident", "incident_changes", ["incident_id"])


def downgrade() -> None:
    op.drop_index("ix_incident_changes_incident", "incident_changes")
    op.drop_index("ix_incident_changes_at", "incident_changes")
    op.drop_table("incident_changes")
    op.drop_table("seen_urls")
    op.drop_table("sources")
