"""review: analysts' tokens, corrections and the audit log

Revision ID: 0002_review
Revises: 0001_ledger_core

Corrections are a layer over the resolved incidents: nothing here edits a machine row, so a
rebuild can replace ``incidents`` freely and the corrections are applied again on top.
"""

from alembic import op
import sqlalchemy as sa

revision = "0002_review"
down_revision = "0001_ledger_core"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "review_tokens",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("name", sa.String(64), nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False, unique=True),  # sha256 hex; the token itself is never stored
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked", sa.Boolean, nullable=False, server_default=sa.false()),
    )
    op.create_table(
        "corrections",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("incident_id", sa.String(64), nullable=False),  # no foreign key: incidents are rebuilt under it
        sa.Column("anchor_keys", sa.Text, nullable=False),  # JSON report keys of the incident when corrected
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("field", sa.String(32)),
        sa.Column("value", sa.Text),  # JSON
        sa.Column("report_keys", sa.Text, nullable=False),  # JSON report keys moved by a merge or split
        sa.Column("target_id", sa.String(64)),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("author", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("undone", sa.Boolean, nullable=False, server_default=sa.false()),
    )
    op.create_index("ix_corrections_incident", "corrections", ["incident_id"])
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("who", sa.String(64), nullable=False),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("incident_id", sa.String(64), nullable=False),
        sa.Column("field", sa.String(32)),
        sa.Column("old_value", sa.Text),
        sa.Column("new_value", sa.Text),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("correction_id", sa.Integer, nullable=False),
        sa.Column("undone", sa.Boolean, nullable=False, server_default=sa.false()),
    )


def downgrade() -> None:
    for table in ("audit_log", "corrections", "review_tokens"):
        op.drop_table(table)
