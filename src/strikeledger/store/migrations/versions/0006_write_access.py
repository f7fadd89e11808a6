"""write access: token expiry and last use, and the log of every write attempt

Revision ID: 0006_write_access
Revises: 0005_article_language

``review_tokens`` gains ``expires_at`` (NULL: never expires) and ``last_used_at``. The new
``write_attempts`` table logs every request to a write route, taken or refused (no token, a
revoked or expired one, a foreign Origin, a rate limit, a bad correction), with who (when the
token was known), the client's address, the route, the status and the reason.
"""

from alembic import op
import sqlalchemy as sa

revision = "0006_write_access"
down_revision = "0005_article_language"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("review_tokens") as batch:
        batch.add_column(sa.Column("expires_at", sa.DateTime(timezone=True)))
        batch.add_column(sa.Column("last_used_at", sa.DateTime(timezone=True)))
    op.create_table(
        "write_attempts",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("who", sa.String(64)),  # the token's name, when a live token was given
        sa.Column("address", sa.String(64), nullable=False),
        sa.Column("method", sa.String(8), nullable=False),
        sa.Column("path", sa.Text, nullable=False),
        sa.Column("status", sa.Integer, nullable=False),
        sa.Column("outcome", sa.String(32), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
    )
    op.create_index("ix_write_attempts_at", "write_attempts", ["at"])


def downgrade() -> None:
    op.drop_index("ix_write_attempts_at", "write_attempts")
    op.drop_table("write_attempts")
    with op.batch_alter_table("review_tokens") as batch:
        batch.drop_column("last_used_at")
        batch.drop_column("expires_at")
