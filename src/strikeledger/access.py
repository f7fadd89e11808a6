"""Who may write: tokens (made, listed, revoked, expiring) and rate limits on write routes.

A token is printed once when made; only its sha256 is stored. Its name is who it is for and is
recorded as "who" in the audit log, so it is held to printable words: letters, digits, spaces
and ``. @ ' -``, at most 64 characters, no control or invisible character. One live token per
name, so ``token revoke NAME`` says exactly which it ends.

Rate limits hold each token and each client address to a number of write requests per minute
(settings ``write_rate_per_token`` and ``write_rate_per_address``); past it a write is refused
with 429 and ``Retry-After``. They are counted in this server process, in memory.
"""

from __future__ import annotations

import hashlib
import math
import re
import secrets
import threading
import time
from collections import OrderedDict, deque
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any

from .errors import AuthError, NotFound, ReviewError
from .store import Ledger
from .store import access as stored

# A name starts with a letter or digit; then letters, digits, spaces and . @ ' - (names of people
# and teams, e-mail addresses), 64 characters in all at most.
NAME = re.compile(r"[^\W_][\w .@'-]{0,63}")
# The longest expiry accepted: tokens are for analysts' shifts and projects, not for ever.
MAX_EXPIRY_DAYS = 3650


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def check_name(name: str) -> str:
    """``name`` stripped, or ReviewError saying what a token name may hold."""
    name = name.strip()
    if not NAME.fullmatch(name):
        raise ReviewError(f"token name {name[:70]!r}: use 1 to 64 letters, digits, spaces or . @ ' -, "
                          "starting with a letter or digit (it is recorded as 'who' in the audit log)")
    return name


def create_token(ledger: Ledger, name: str, expires_in_days: int | None = None) -> str:
    """Make a write token for ``name``, valid ``expires_in_days`` days (None: until revoked).

    Returns the token, which is stored nowhere. Raises ReviewError for a bad name or expiry, or
    when ``name`` already has a live token (revoke it first).
    """
    name = check_name(name)
    if expires_in_days is not None and not 1 <= expires_in_days <= MAX_EXPIRY_DAYS:
        raise ReviewError(f"a token expires in 1 to {MAX_EXPIRY_DAYS} days, not {expires_in_days}")
    now = datetime.now(timezone.utc)
    if any(t["name"] == name and _state(t, now) == "live" for t in stored.tokens(ledger)):
        raise ReviewError(f"{name!r} already has a live token; `strikeledger token revoke {name}` ends it")
    token = secrets.token_urlsafe(32)
    expires = now + timedelta(days=expires_in_days) if expires_in_days else None
    stored.add_token(ledger, name, hash_token(token), expires)
    return token


def _state(token: dict[str, Any], now: datetime) -> str:
    if token["revoked"]:
        return "revoked"
    return "expired" if token["expires_at"] is not None and token["expires_at"] <= now else "live"


def list_tokens(ledger: Ledger) -> list[dict[str, Any]]:
    """Every token: name, created, last used, expires (ISO times or None) and state (live,
    expired, revoked); never the token or its hash."""
    now = datetime.now(timezone.utc)
    return [{"name": t["name"], "state": _state(t, now),
             **{k: t[k].isoformat(timespec="seconds") if t[k] else None
                for k in ("created_at", "last_used_at", "expires_at")}}
            for t in stored.tokens(ledger)]


def revoke_token(ledger: Ledger, name: str) -> int:
    """Revoke the live token(s) of ``name``; NotFound when it has none. Returns how many."""
    count = stored.revoke(ledger, name.strip())
    if not count:
        raise NotFound(f"no live token named {name.strip()[:70]!r}; `strikeledger token list` lists them")
    return count


def authenticate(ledger: Ledger, token: str | None) -> str:
    """The name behind a live write token (its last use recorded); AuthError when it is missing,
    unknown, revoked or expired."""
    if not token:
        raise AuthError("writing needs a token: send 'Authorization: Bearer <token>' "
                        "(`strikeledger token create NAME` makes one)")
    found = stored.token_by_hash(ledger, hash_token(token[:200]))
    now = datetime.now(timezone.utc)
    if found is None or found["revoked"]:
        raise AuthError("unknown or revoked token; `strikeledger token create NAME` makes a new one")
    if _state(found, now) == "expired":
        raise AuthError(f"the token of {found['name']!r} expired; `strikeledger token create NAME` makes a new one")
    stored.touch_token(ledger, found["id"], now)
    return found["name"]


class RateLimiter:
    """At most ``limit`` hits per ``window`` seconds for each key (a sliding window).

    At most ``max_keys`` keys are remembered (the least recently seen forgotten first), so a
    flood of addresses costs bounded memory.
    """

    def __init__(self, limit: int, window: float = 60.0, max_keys: int = 10_000,
                 clock: Callable[[], float] = time.monotonic):
        self.limit, self.window, self.max_keys, self.clock = limit, window, max_keys, clock
        self._hits: OrderedDict[str, deque[float]] = OrderedDict()
        self._lock = threading.Lock()

    def hit(self, key: str) -> int | None:
        """Count a hit for ``key``; None when allowed, else the seconds to wait before the next."""
        now = self.clock()
        with self._lock:
            hits = self._hits.pop(key, None) or deque()
            while hits and hits[0] <= now - self.window:
                hits.popleft()
            self._hits[key] = hits
            while len(self._hits) > self.max_keys:
                self._hits.popitem(last=False)
            if len(hits) >= self.limit:
                return max(1, math.ceil(hits[0] + self.window - now))
            hits.append(now)
            return None


@dataclass
class WriteLimits:
    """The two limits on write routes: per token (its name) and per client address."""

    per_token: RateLimiter
    per_address: RateLimiter

    @classmethod
    def from_settings(cls, settings: dict[str, Any]) -> "WriteLimits":
        return cls(RateLimiter(settings["write_rate_per_token"]), RateLimiter(settings["write_rate_per_address"]))


def write_log(ledger: Ledger, limit: int = 50) -> list[dict[str, Any]]:
    """The latest ``limit`` write attempts, newest first, times in ISO form."""
    return [{**row, "at": row["at"].isoformat(timespec="seconds")} for row in stored.write_log(ledger, limit)]
