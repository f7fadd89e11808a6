"""The one exception hierarchy of strikeledger.

Every error says what went wrong and, where it can, what to do about it. Third-party errors
are translated into these at the edge (ingest readers, the store), so callers only ever catch
``StrikeledgerError``::

    StrikeledgerError
    ├── InputError            an input (file, archive line, sidecar, URL) cannot be used
    │   └── InputTooLarge     over the configured size limit
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
