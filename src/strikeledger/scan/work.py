"""What a worker does with one partition: read its records, gate them, read the articles that pass.

Runs on Dask workers (or anywhere): it takes a :class:`~.partitions.Partition` and returns a
:class:`PartitionResult` of plain records, which the client stores. Nothing here touches the
database. The gate is asked twice: first, with no limit on distance, of the raw record (an HTML
page with its tags taken out), which sets most of an archive aside before any page is parsed;
then, as ``ingest`` asks it, of each article's normalised text. The first never sets aside what
the second would pass: every word of the article's text is in the raw record, and distance is
not asked.
"""

from __future__ import annotations

import html
import json
import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..extract import EXTRACTOR_VERSION, extract_article
from ..ingest import IngestOptions, Rejected
from ..ingest.bounded import archive_lines
from ..ingest.gate import default_gate
from ..ingest.language import reads
from ..ingest.sources import article_from_line, article_from_page
from ..records import Article, ArticleExtraction
from .partitions import Partition, first_record

_TAG = re.compile(r"<[^>]*>")
_PAGE_TYPES = ("text/html", "application/xhtml+xml")
_TEXT_TYPES = ("text/plain",)


@dataclass(frozen=True)
class PartitionResult:
    """What one partition gave: the articles that passed the gate with their extraction (or the
    reason it failed, or None for a language the reader does not read), the records refused, how
    many records were read and set aside, and the extractor that read them."""

    partition: Partition
    articles: tuple[tuple[Article, ArticleExtraction | str | None], ...]
    rejected: tuple[Rejected, ...]
    records: int
    set_aside: int
    extractor_version: str = EXTRACTOR_VERSION


@dataclass(frozen=True)
class _Record:
    """A page or text of a WARC record, not yet read."""

    source: str
    content: str
    is_html: bool
    meta: dict

    def raw_text(self) -> str:
        return html.unescape(_TAG.sub(" ", self.content)) if self.is_html else self.content

    def article(self, options: IngestOptions) -> Article | Rejected:
        return article_from_page(self.content, self.is_html, self.meta, self.source)


@dataclass(frozen=True)
class _Line:
    """A line of a JSON Lines archive, not yet read."""

    source: str
    line: bytes

    def raw_text(self) -> str:
        # the text the line holds, unescaped ("embarcaci\u00f3n"); a line that is no JSON object
        # passes, to be refused with its reason by the reader
        try:
            record = json.loads(self.line)
        except ValueError:
            return _PASS
        if not isinstance(record, dict):
            return _PASS
        text, page = record.get("text"), record.get("html")
        if isinstance(text, str) and text.strip():
            return _PASS if text.lstrip().startswith("{") else text  # a JSON page: escaped again
        return html.unescape(_TAG.sub(" ", page)) if isinstance(page, str) else _PASS

    def article(self, options: IngestOptions) -> Article | Rejected:
        return article_from_line(self.line, self.source, options)


_PASS = "\0pass"  # not a text: what raw_text gives for a record the coarse gate must not judge


def scan_partition(part: Partition, options: IngestOptions | None = None,
                   gated: bool = True) -> PartitionResult:
    """Read, gate (unless not ``gated``) and extract the records of one partition (see the
    module's docstring)."""
    options = options or IngestOptions()
    gate = default_gate()
    coarse = gate.anywhere()
    articles, rejected, records, set_aside = [], [], 0, 0
    for item in _records(part, options):
        records += 1
        if isinstance(item, Rejected):
            rejected.append(item)
            continue
        raw = item.raw_text() if gated else _PASS
        if raw is not _PASS and not coarse.passes(raw):
            set_aside += 1
            continue
        article = item.article(options)
        if isinstance(article, Rejected):
            rejected.append(article)
        elif gated and not gate.passes(article.text):
            set_aside += 1
        else:
            articles.append((article, _extract(article) if reads(article.language) else None))
    return PartitionResult(part, tuple(articles), tuple(rejected), records, set_aside)


def _extract(article: Article) -> ArticleExtraction | str:
    try:
        return extract_article(article)
    except Exception as exc:  # noqa: BLE001 - stored as this article's rejection, by the client
        return f"{type(exc).__name__}: {exc}"


def _records(part: Partition, options: IngestOptions) -> Iterator[_Record | _Line | Rejected]:
    with open(part.path, "rb") as handle:
        start = first_record(handle, part)
        if start is None:
            return
        handle.seek(start)
        if part.kind == "warc":
            yield from _warc_records(handle, part, options)
        else:
            yield from _jsonl_records(handle, part, start, options)


def _jsonl_records(handle, part: Partition, start: int,
                   options: IngestOptions) -> Iterator[_Line | Rejected]:
    if part.path.lower().endswith(".gz"):
        # one gzip stream, one partition: read as ingest reads it, within the archive's bounds
        lines = archive_lines(Path(part.path), options.max_article_bytes, options.max_archive_bytes)
        for lineno, line in lines:
            source = f"{part.path}:{lineno}"
            if line is None:
                yield Rejected(source, _over(options, "line"))
            elif line.strip():
                yield _Line(source, line)
        return
    at = start
    while at < part.end:
        line = handle.readline(options.max_article_bytes + 1)
        if not line:
            return
        source = f"{part.path}@{at}"
        at += len(line)
        if len(line) > options.max_article_bytes and not line.endswith(b"\n"):
            yield Rejected(source, _over(options, "line"))
            while line and not line.endswith(b"\n"):  # the rest of the refused line
                line = handle.readline(1 << 16)
                at += len(line)
        elif line.strip():
            yield _Line(source, line)


def _over(options: IngestOptions, what: str) -> str:
    return f"{what} over the limit of {options.max_article_bytes} bytes (max_article_bytes)"


def _warc_records(handle, part: Partition, options: IngestOptions) -> Iterator[_Record | Rejected]:
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    wanted = WarcRecordType.response | WarcRecordType.resource | WarcRecordType.conversion
    try:
        for record in ArchiveIterator(handle, record_types=wanted):
            if record.stream_pos >= part.end:
                return
            source = f"{part.path}@{record.stream_pos}"
            item = _warc_record(record, source, options)
            if item is not None:
                yield item
    except Exception as exc:  # noqa: BLE001 - a broken archive stops this partition, not the scan
        reason = f"archive cannot be read further ({type(exc).__name__}: {exc})"
        yield Rejected(f"{part.path}@{part.start}", reason)


def _warc_record(record, source: str, options: IngestOptions) -> _Record | Rejected | None:
    """A page or text of one WARC record; None for records that hold no article (robots.txt,
    images, redirects, errors)."""
    if record.is_http:
        if record.http_headers.status_code != 200:
            return None
        content_type = (record.http_content_type or "").lower()
    else:
        content_type = (record.headers.get("Content-Type") or "").split(";")[0].strip().lower()
    if content_type not in _PAGE_TYPES + _TEXT_TYPES:
        return None
    if record.content_length > options.max_article_bytes:
        return Rejected(source, _over(options, "record"))
    body = record.reader.read()
    encoding = (record.http_headers.get("Content-Encoding") or "").lower() if record.is_http else ""
    if encoding in ("gzip", "deflate"):
        try:
            body = zlib.decompressobj(47).decompress(body, options.max_article_bytes)
        except zlib.error as exc:
            return Rejected(source, f"content cannot be decompressed ({exc})")
    elif encoding not in ("", "identity"):
        return Rejected(source, f"content encoding {encoding!r} is not read")
    charset = record.http_charset if record.is_http else None
    try:
        text = body.decode(charset or "utf-8")
    except (LookupError, UnicodeDecodeError):
        text = body.decode("utf-8", "replace")
    meta = {"url": record.headers.get("WARC-Target-URI")}
    return _Record(source, text, content_type in _PAGE_TYPES, meta)
