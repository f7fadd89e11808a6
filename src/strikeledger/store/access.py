"""Write tokens and the write log in the database: what :mod:`strikeledger.access` stores.

Functions over a :class:`~strikeledger.store.Ledger` (its module holds the machine rows and is
kept to one concern); the SQL stays in the store package.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from sqlalchemy import insert, select, update

from . import schema as t
from .ledger import Ledger, _utc


def add_token(ledger: Ledger, name: str, token_hash: str, expires_at: datetime | None) -> None:
    """Store a token's hash under ``name``, with its expiry (None: never)."""
    with ledger.transaction() as c:
        c.execute(insert(t.review_tokens).values(name=name, token_hash=token_hash, revoked=False,
                                                 created_at=datetime.now(timezone.utc), expires_at=expires_at))


def tokens(ledger: Ledger) -> list[dict[str, Any]]:
    """Every token ever made, oldest first: name, created, last used, expires, revoked (never the hash)."""
    tok = t.review_tokens.c
    with ledger.transaction() as c:
        rows = c.execute(select(tok.name, tok.created_at, tok.last_used_at, tok.expires_at, tok.revoked)
                         .order_by(tok.id)).mappings().all()
    return [{**dict(r), **{k: _utc(r[k]) if r[k] is not None else None
                           for k in ("created_at", "last_used_at", "expires_at")}} for r in rows]


def token_by_hash(ledger: Ledger, token_hash: str) -> dict[str, Any] | None:
    """The token with this hash (revoked or not), or None."""
    tok = t.review_tokens.c
    with ledger.transaction() as c:
        row = c.execute(select(tok.id, tok.name, tok.revoked, tok.expires_at)
                        .where(tok.token_hash == token_hash)).mappings().first()
    if row is None:
        return None
    return {**dict(row), "expires_at": _utc(row["expires_at"]) if row["expires_at"] is not None else None}


def touch_token(ledger: Ledger, token_id: int, when: datetime) -> None:
    with ledger.transaction() as c:
        c.execute(update(t.review_tokens).where(t.review_tokens.c.id == token_id).values(last_used_at=when))


def revoke(ledger: Ledger, name: str) -> int:
    """Revoke every live token named ``name``; returns how many were revoked."""
    tok = t.review_tokens.c
    with ledger.transaction() as c:
        return c.execute(update(t.review_tokens).where(tok.name == name, tok.revoked.is_(False))
                         .values(revoked=True)).rowcount


def log_write(ledger: Ledger, attempt: dict[str, Any]) -> None:
    """Append one write attempt (who, address, method, path, status, outcome, reason) to the log."""
    with ledger.transaction() as c:
        c.execute(insert(t.write_attempts).values(at=datetime.now(timezone.utc), **attempt))


def write_log(ledger: Ledger, limit: int = 100) -> list[dict[str, Any]]:
    """The latest ``limit`` write attempts, newest first."""
    with ledger.transaction() as c:
        rows = c.execute(select(t.write_attempts).order_by(t.write_attempts.c.id.desc()).limit(limit)).mappings()
        return [{**dict(r), "at": _utc(r["at"])} for r in rows]
