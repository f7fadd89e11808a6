"""article language: the language each article is written in

Revision ID: 0005_article_language
Revises: 0004_incident_aliases

``articles.language`` holds an ISO 639-1 code, or ``und`` when undetermined. Articles stored
before this revision get ``und``: ``strikeledger rebuild`` detects their language, and those in
a language the reader does not read lose what an English reading found (see
``strikeledger.ingest.language``).
"""

from alembic import op
import sqlalchemy as sa

revision = "0005_article_language"
down_revision = "0004_incident_aliases"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("articles") as batch:
        batch.add_column(sa.Column("language", sa.String(8), nullable=False, server_default="und"))


def downgrade() -> None:
    with op.batch_alter_table("articles") as batch:
        batch.drop_column("language")
