"""Store: the ledger database (SQLite by default, PostgreSQL for many users).

``Ledger.open(url)`` connects, migrates to the newest schema (Alembic, named revisions in
``migrations/versions``) and returns the repository every other layer goes through.
"""

from .ledger import Ledger

__all__ = ["Ledger"]
