"""Settings, defined once: name, default, type and help.

Precedence: defaults < config file (``strikeledger.toml`` or ``--config``) < environment
(``STRIKELEDGER_<NAME>``) < explicit overrides (command-line flags). ``effective_settings``
returns the merged values with where each came from; ``strikeledger config`` and
``/api/settings`` show them.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import ConfigError


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    type: type
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("db", "sqlite:///strikeledger.db", str, "Database URL (SQLite file or postgresql+psycopg://...)."),
    Setting("max_article_bytes", 5_000_000, int, "Largest article file or archive line accepted, in bytes."),
    Setting("max_archive_bytes", 2_000_000_000, int, "Largest JSON Lines archive accepted, in bytes."),
    Setting("workers", 1, int, "Processes that extract articles during ingest (the machine's cores, at most)."),
    Setting("host", "127.0.0.1", str, "Address the web server listens on."),
    Setting("port", 8000, int, "Port the web server listens on."),
    Setting("tile_url", "", str, "Optional map tile URL template; empty means the offline country map only."),
    Setting("page_size", 50, int, "Default page size of the API's list endpoints."),
    Setting("write_rate_per_token", 30, int, "Write requests a minute one token may make (then 429)."),
    Setting("write_rate_per_address", 60, int, "Write requests a minute one client address may make (then 429)."),
    Setting("keep_set_aside", False, bool,
            "Store the articles the relevance gate finds not about the campaign (counted either way)."),
    # fetching and watching (strikeledger.fetch, strikeledger.feeds)
    Setting("contact", "", str, "Who site operators can write to about strikeledger's requests (an e-mail "
                                "address or URL), sent in its User-Agent."),
    Setting("allow_private", False, bool, "Fetch from loopback, private and other non-public addresses "
                                             "(intranets, tests); off by default."),
    Setting("fetch_timeout", 10.0, float, "Seconds to connect and between reads of a response; a whole "
                                          "response may take three times as long."),
    Setting("host_delay", 1.0, float, "Minimum seconds between two requests to the same host."),
    Setting("poll_every", 30, int, "Seconds between two polls of a source added without --every."),
)

_BY_NAME = {s.name: s for s in SETTINGS}


_BOOLEANS = {"true": True, "1": True, "yes": True, "on": True,
             "false": False, "0": False, "no": False, "off": False}


def _coerce(setting: Setting, value: Any, origin: str) -> Any:
    if setting.type is bool and not isinstance(value, bool):
        # bool("false") is True: a flag's text is read as a word, not as a truth value
        if str(value).strip().lower() not in _BOOLEANS:
            raise ConfigError(f"setting {setting.name} from {origin}: {value!r} is not true or false")
        return _BOOLEANS[str(value).strip().lower()]
    try:
        return setting.type(value)
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"setting {setting.name} from {origin}: {value!r} is not a {setting.type.__name__}") from exc


def effective_settings(
    config_file: str | Path | None = None, overrides: dict[str, Any] | None = None
) -> dict[str, tuple[Any, str]]:
    """Merge defaults, config file, environment and overrides.

    Returns a mapping name -> (value, origin) where origin is ``default``, the config path,
    ``env:STRIKELEDGER_NAME`` or ``flag``. Raises ConfigError for unknown keys or bad values.
    """
    values: dict[str, tuple[Any, str]] = {s.name: (s.default, "default") for s in SETTINGS}
    path = Path(config_file) if config_file else Path("strikeledger.toml")
    if config_file or path.exists():
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"config file {path}: {exc}") from exc
        for key, value in data.items():
            if key not in _BY_NAME:
                raise ConfigError(f"config file {path}: unknown setting {key!r}")
            values[key] = (_coerce(_BY_NAME[key], value, str(path)), str(path))
    for setting in SETTINGS:
        env_name = f"STRIKELEDGER_{setting.name.upper()}"
        if env_name in os.environ:
            values[setting.name] = (_coerce(setting, os.environ[env_name], env_name), f"env:{env_name}")
    for key, value in (overrides or {}).items():
        if value is None:
            continue
        if key not in _BY_NAME:
            raise ConfigError(f"unknown setting {key!r}")
        values[key] = (_coerce(_BY_NAME[key], value, "flag"), "flag")
    return values

