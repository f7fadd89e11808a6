"""The one exception hierarchy of strikeledger.

Every error says what went wrong and, where it can, what to do about it. Third-party errors
are translated into these at the edge (ingest readers, the store), so callers only ever catch
``StrikeledgerError``::

    StrikeledgerError
    ├── InputError            an input (file, archive line, sidecar, URL) cannot be used
    │   ├── InputTooLarge     over the configured size limit
    │   └── FetchError        a URL that could not be fetched (``transient``: try again later)
    │       └── RefusedURL    a scheme or an address the program will not connect to
    ├── StoreError            the database cannot be reached, migrated or written
    ├── NotFound              an incident, article or token that does not exist
    │   └── Gone              an incident id whose reports no longer form an incident
    ├── ReviewError           a correction that cannot be applied (bad field, bad value)
    ├── AuthError             a write without a valid token
    └── ConfigError           a setting with a bad value
"""

from __future__ import annotations


class StrikeledgerError(Exception):
    """Base of every error strikeledger raises on purpose."""

    code = "error"

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:  # one line, always
        return " ".join(self.message.split())


class InputError(StrikeledgerError):
    """An input cannot be used; ``source`` names it (a path, ``archive.jsonl:12``, a URL)."""

    code = "bad_input"

    def __init__(self, source: str, reason: str):
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class InputTooLarge(InputError):
    code = "input_too_large"


class FetchError(InputError):
    """A URL that could not be fetched, and why; ``transient`` when trying later may succeed
    (a timeout, a network error, 429 or 5xx after every retry, robots.txt unreachable)."""

    code = "fetch_failed"

    def __init__(self, source: str, reason: str, transient: bool = False, retry_after: float | None = None):
        super().__init__(source, reason)
        self.transient = transient
        self.retry_after = retry_after  # seconds the server asked to wait (Retry-After), if it did


class RefusedURL(FetchError):
    """A URL the program will not fetch: its scheme, or the address its host resolves to."""

    code = "refused_url"


class StoreError(StrikeledgerError):
    code = "store_error"


class NotFound(StrikeledgerError):
    code = "not_found"


class Gone(NotFound):
    """A published incident id that still answers, but with no incident: its reports are gone."""

    code = "gone"


class ReviewError(StrikeledgerError):
    code = "bad_review"


class AuthError(StrikeledgerError):
    code = "unauthorized"


class ConfigError(StrikeledgerError):
    code = "bad_config"
