"""What ``show --cite`` and ``export --filter`` need beyond one library call: parsing and writing.

Kept out of ``cli.py`` so that file stays a list of thin commands.
"""

from __future__ import annotations

import sys
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from .citation import cite
from .errors import InputError
from .filters import FilterParams, page_filter


def parse_filters(pairs: list[str]) -> FilterParams:
    """``["region=caribbean", "official=true"]`` as the ledger page's filters.

    Raises:
        InputError: a pair without ``=``, or a name or value the filters do not take.
    """
    values = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep:
            raise InputError(f"--filter {pair}", "use NAME=VALUE, e.g. --filter region=caribbean")
        values[name.strip()] = value.strip()
    known = set(FilterParams.model_fields)
    unknown = sorted(set(values) - known)
    if unknown:
        raise InputError(f"--filter {unknown[0]}", f"not a filter; use one of {', '.join(sorted(known))}")
    return page_filter(values)


def citation_text(detail: dict[str, Any], base_url: str | None, settings: dict[str, tuple[Any, str]]) -> str:
    """The incident's citation as ``show --cite`` prints it: the plain text, a blank line, the CSL-JSON."""
    base = (base_url or f"http://{settings['host'][0]}:{settings['port'][0]}").rstrip("/")
    made = cite(detail, f"{base}/incidents/{detail['incident_id']}", datetime.now(timezone.utc))
    return f"{made.text}\n\n{made.csl_json()}"


def write_out(data: str | bytes, output: Path | None) -> None:
    """``data`` to ``output``, or to standard output (bytes as they are: an XLSX piped to a file).

    Raises:
        InputError: the file cannot be written.
    """
    if output is None:
        if isinstance(data, bytes):
            sys.stdout.flush()
            sys.stdout.buffer.write(data)
        else:
            sys.stdout.write(data)
        return
    try:
        if isinstance(data, bytes):
            output.write_bytes(data)
        else:
            output.write_text(data, encoding="utf-8")
    except OSError as exc:
        raise InputError(str(output), f"cannot write ({exc.strerror})") from None
