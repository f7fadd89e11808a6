"""presumed dead: survivors presumed dead after a search ended, per report and incident

Revision ID: 0003_presumed_dead
Revises: 0002_review
"""

from alembic import op
import sqlalchemy as sa

revision = "0003_presumed_dead"
down_revision = "0002_review"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("reports") as batch:
        batch.add_column(sa.Column("presumed_dead", sa.Integer))
    with op.batch_alter_table("incidents") as batch:
        batch.add_column(sa.Column("presumed_dead", sa.Integer))


def downgrade() -> None:
    with op.batch_alter_table("incidents") as batch:
        batch.drop_column("presumed_dead")
    with op.batch_alter_table("reports") as batch:
        batch.drop_column("presumed_dead")
