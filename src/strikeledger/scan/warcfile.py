"""Writing WARC files of pages: ``response`` records as a crawler writes them, one gzip member
per record in a ``.warc.gz`` (as Common Crawl does). For tests and benchmarks, and for turning
saved pages into an archive ``scan`` reads.
"""

from __future__ import annotations

import gzip
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Page:
    """One fetched page: its URL, its body, and when it was fetched (``YYYY-MM-DDThh:mm:ssZ``)."""

    url: str
    body: str
    fetched: str  # no default: a made-up fetch time would be a date the archive never had
    content_type: str = "text/html; charset=utf-8"
    status: int = 200


def warc_record(page: Page) -> bytes:
    """One WARC/1.1 ``response`` record of ``page``, HTTP headers and body included."""
    body = page.body.encode("utf-8")
    http = (f"HTTP/1.1 {page.status} {'OK' if page.status == 200 else 'Status'}\r\n"
            f"Content-Type: {page.content_type}\r\nContent-Length: {len(body)}\r\n\r\n").encode() + body
    record_id = hashlib.sha1(page.url.encode() + page.fetched.encode()).hexdigest()
    head = (f"WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: {page.url}\r\n"
            f"WARC-Date: {page.fetched}\r\n"
            f"WARC-Record-ID: <urn:sha1:{record_id}>\r\n"
            f"Content-Type: application/http; msgtype=response\r\n"
            f"Content-Length: {len(http)}\r\n\r\n").encode()
    return head + http + b"\r\n\r\n"


def write_warc(path: str | Path, pages: Iterable[Page]) -> int:
    """Write ``pages`` to ``path`` (gzip members per record when it ends in ``.gz``); returns how
    many were written."""
    path = Path(path)
    compress = path.name.endswith(".gz")
    count = 0
    with path.open("wb") as handle:
        for page in pages:
            record = warc_record(page)
            handle.write(gzip.compress(record, compresslevel=6, mtime=0) if compress else record)
            count += 1
    return count
