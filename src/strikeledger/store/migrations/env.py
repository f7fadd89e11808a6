"""Alembic environment: run migrations on the connection the Ledger hands over."""

from alembic import context

from strikeledger.store.schema import metadata

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - the Ledger always passes one
    raise RuntimeError("strikeledger migrations run through strikeledger.store.Ledger, not the alembic command")
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
