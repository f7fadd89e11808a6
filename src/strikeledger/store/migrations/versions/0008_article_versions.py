"""article versions: an updated story at the same URL supersedes the version before it

Revision ID: 0008_article_versions
Revises: 0007_sources_and_changes

``articles.superseded_by`` is the id of the newer version of the same story (the same URL with
new text); NULL for the current version. Superseded versions stay stored and readable, but feed
no incident, total or claim of the ledger.
"""

from alembic import op
import sqlalchemy as sa

revision = "0008_article_versions"
down_revision = "0007_sources_and_changes"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("articles") as batch:
        batch.add_column(sa.Column("superseded_by", sa.String(16)))
    op.create_index("ix_articles_url", "articles", ["url"])


def downgrade() -> None:
    op.drop_index("ix_articles_url", "articles")
    with op.batch_alter_table("articles") as batch:
        batch.drop_column("superseded_by")
