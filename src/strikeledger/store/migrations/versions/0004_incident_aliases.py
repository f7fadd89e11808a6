"""incident aliases: permanent incident ids, and the ids a rebuild merged away or retired

Revision ID: 0004_incident_aliases
Revises: 0003_presumed_dead

A rebuild gives each incident the id of the stored incident whose reports it holds (see
``strikeledger.resolve.identity``); ``incidents.created_at`` says how old an id is (on a merge
the older stays) and ``incident_aliases`` keeps every id that no longer names an incident of
its own, so that it still answers.
"""

from datetime import datetime, timezone

from alembic import op
import sqlalchemy as sa

revision = "0004_incident_aliases"
down_revision = "0003_presumed_dead"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("incidents") as batch:
        batch.add_column(sa.Column("created_at", sa.DateTime(timezone=True)))
    # The incidents already stored were all given their ids before this revision: they date
    # from now, alike, so none of them counts as older than another.
    incidents = sa.table("incidents", sa.column("created_at", sa.DateTime(timezone=True)))
    op.execute(incidents.update().values(created_at=datetime.now(timezone.utc)))
    op.create_table(
        "incident_aliases",
        sa.Column("alias", sa.String(64), primary_key=True),
        sa.Column("incident_id", sa.String(64)),  # no foreign key: incidents are rebuilt under it
        sa.Column("cause", sa.String(16), nullable=False),  # merged | retired
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_incident_aliases_incident", "incident_aliases", ["incident_id"])


def downgrade() -> None:
    op.drop_index("ix_incident_aliases_incident", "incident_aliases")
    op.drop_table("incident_aliases")
    with op.batch_alter_table("incidents") as batch:
        batch.drop_column("created_at")
