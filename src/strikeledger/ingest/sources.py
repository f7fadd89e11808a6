"""Walking inputs: corpus directories, single files and JSON Lines archives.

The corpus-directory and archive formats are specified in ``shared/corpus/FORMAT.md``; this
module accepts them as written there, plus ``.jsonl``/``.jsonl.gz`` archives found inside a
directory.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..records import Article
from ..urlpaths import url_date
from .bounded import archive_lines, load_json, read_regular, read_sidecar
from .decode import decode_bytes
from .html import extract_page
from .jsonpage import read_json_page
from .language import detect_language, language_tag
from .normalise import content_id, normalise_text, strip_controls
from .published import dateline_date, page_stamp_date, parse_published

ARTICLE_SUFFIXES = (".txt", ".html", ".htm")
ARCHIVE_SUFFIXES = (".jsonl", ".jsonl.gz")
PRECISIONS = ("exact", "estimated")
# The earliest publication date taken from metadata: older than any online news archive this
# reads; a date before it (``0001-01-01``) or in the future (``9999-12-31``) is a broken field.
EARLIEST_PUBLISHED = date(1990, 1, 1)


@dataclass(frozen=True)
class IngestOptions:
    """How to read inputs (not what was read)."""

    max_article_bytes: int = 5_000_000
    max_archive_bytes: int = 2_000_000_000


@dataclass(frozen=True)
class Rejected:
    """An input that could not be ingested, and why."""

    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


@dataclass(frozen=True)
class Skipped:
    """A file that is not an article (skipped with a warning, not an error)."""

    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


IngestItem = Article | Rejected | Skipped


def _suffix(path: Path) -> str:
    name = path.name.lower()
    if name.endswith(".jsonl.gz"):
        return ".jsonl.gz"
    return path.suffix.lower()


def _check_metadata(meta: Any, source: str) -> dict[str, Any]:
    if not isinstance(meta, dict):
        raise InputError(source, "metadata must be a JSON object")
    published = meta.get("published")
    if published not in (None, "") and parse_published(published) is None:
        raise InputError(source, f"'published' is not a date: {str(published)[:40]!r}")
    day = parse_published(published) if published not in (None, "") else None
    if day is not None and not EARLIEST_PUBLISHED <= day <= date.today() + timedelta(days=1):
        raise InputError(source, f"'published' is no plausible publication date: {day.isoformat()} "
                                 f"(before {EARLIEST_PUBLISHED.isoformat()} or in the future)")
    precision = meta.get("published_precision")
    if precision not in (None, "") and precision not in PRECISIONS:
        raise InputError(source, f"'published_precision' must be exact or estimated, not {precision!r}")
    for key in ("url", "outlet", "title", "language"):
        if meta.get(key) is not None and not isinstance(meta[key], str):
            raise InputError(source, f"'{key}' must be a string")
    # An extra key beside FORMAT.md's: the article's language, which then is not detected.
    if meta.get("language") and language_tag(meta["language"]) is None:
        raise InputError(source, f"'language' must be an ISO 639-1 code such as 'en' or 'es', or 'und', "
                                 f"not {meta['language']!r}")
    return meta


def build_article(raw_text: str, meta: dict[str, Any], source: str, page_meta: dict[str, Any] | None = None) -> Article:
    """Normalise text and merge metadata: explicit metadata first, then the page's, then the
    dateline, then the day in the URL's path. The language is the metadata's, else detected."""
    page_meta = page_meta or {}
    post = read_json_page(raw_text)
    if post is not None:  # a JSON page (a WordPress REST post): its title, body and date
        raw_text = post.text
        page_meta = {"title": post.title, "published": post.published, "url": post.url, **page_meta}
    text = normalise_text(raw_text)
    if not text:
        raise InputError(source, "no text")
    published = parse_published(meta.get("published"))
    precision = meta.get("published_precision") or ("exact" if published else "unknown")
    if published is None and page_meta.get("published"):
        published, precision = parse_published(page_meta["published"]), "exact"
    if published is None:
        published = dateline_date(text) or page_stamp_date(text)
        precision = "estimated" if published else "unknown"
    if published is None:
        # the day in the URL path: the first publication, which a later update of the text
        # may postdate, hence an estimate; a month alone is too coarse to resolve "Tuesday"
        dated = url_date(meta.get("url") or page_meta.get("url"))
        if dated and dated[1] == "day":
            published, precision = dated[0], "estimated"

    def pick(key: str) -> str | None:
        value = meta.get(key) or page_meta.get(key)
        # the metadata goes into the same text columns as the text: no NUL, no controls
        return strip_controls(str(value)).strip() or None if value else None

    return Article(
        id=content_id(text),
        text=text,
        url=pick("url"),
        outlet=pick("outlet"),
        title=pick("title"),
        published=published,
        published_precision=precision,
        source=source,
        language=language_tag(meta["language"]) if meta.get("language") else detect_language(text),
    )


def _article_from_content(content: str, is_html: bool, meta: dict[str, Any], source: str) -> Article:
    if is_html:
        page = extract_page(content, source)
        page_meta = {"url": page.url, "outlet": page.outlet, "title": page.title, "published": page.published}
        return build_article(page.text, meta, source, page_meta)
    return build_article(content, meta, source)


def _read_file_article(path: Path, source: str, options: IngestOptions) -> Article:
    sidecar = path.with_suffix(".json")
    meta: dict[str, Any] = {}
    if sidecar.exists() or sidecar.is_symlink():
        meta = _check_metadata(read_sidecar(sidecar), sidecar.as_posix())
    content = decode_bytes(read_regular(path, options.max_article_bytes, "max_article_bytes"), source)
    return _article_from_content(content, _suffix(path) in (".html", ".htm"), meta, source)


def iter_archive(path: Path, options: IngestOptions) -> Iterator[IngestItem]:
    """Articles of a JSON Lines archive; a malformed line is rejected with its line number."""
    size = path.stat().st_size
    if size > options.max_archive_bytes:
        yield Rejected(path.as_posix(), f"{size} bytes is over the limit of {options.max_archive_bytes} (max_archive_bytes)")
        return
    lineno = 0
    try:
        for lineno, line in archive_lines(path, options.max_article_bytes, options.max_archive_bytes):
            source = f"{path.as_posix()}:{lineno}"
            if line is None:
                limit = options.max_article_bytes
                yield Rejected(source, f"line over the limit of {limit} bytes (max_article_bytes)")
            elif line.strip():
                yield _guarded(_archive_line_article, line, source, options)
    except InputError as exc:  # not a regular file (the archive), or decompressed past a cap (a line)
        whole = exc.source == path.as_posix()
        yield Rejected(exc.source, exc.reason if whole else f"archive cannot be read further ({exc.reason})")
    except (OSError, EOFError, zlib.error) as exc:
        yield Rejected(f"{path.as_posix()}:{lineno + 1}", f"archive cannot be read further ({exc})")


def _guarded(read: Callable[..., Article], what: Any, source: str, options: IngestOptions) -> IngestItem:
    """The article ``read(what, source, options)`` gives, or the rejection of ``source``: whatever
    goes wrong reading one input (a parser limit, a reader bug) stays with that input."""
    try:
        return read(what, source, options)
    except InputError as exc:
        return Rejected(exc.source, exc.reason)
    except OSError as exc:
        return Rejected(source, f"cannot be read ({exc.strerror or exc})")
    except Exception as exc:  # noqa: BLE001 - a reader bug or a parser limit must not stop the batch
        reason = f"{exc.__class__.__name__}: {' '.join(str(exc).split())[:200]}"
        return Rejected(source, f"cannot be read ({reason})")


def _archive_line_article(line: bytes, source: str, options: IngestOptions) -> Article:
    record = load_json(line, source, "JSON line")
    record = _check_metadata(record, source)
    text, html = record.get("text"), record.get("html")
    if isinstance(text, str) and text.strip():
        return _article_from_content(text, False, record, source)
    if isinstance(html, str) and html.strip():
        return _article_from_content(html, True, record, source)
    raise InputError(source, "no 'text' or 'html' field with content")


def _walk_directory(directory: Path) -> Iterator[Path]:
    for path in sorted(directory.rglob("*")):
        # Not is_file(): a FIFO or a device in the corpus is reported, not silently passed over.
        if not path.is_dir() and not any(part.startswith(".") for part in path.relative_to(directory).parts):
            yield path


def iter_articles(paths: Iterable[str | Path], options: IngestOptions | None = None) -> Iterator[IngestItem]:
    """Every article in ``paths`` (directories, article files, archives), in a stable order."""
    options = options or IngestOptions()
    for given in paths:
        path = Path(given)
        if not path.exists():
            yield Rejected(path.as_posix(), "no such file or directory")
            continue
        files = list(_walk_directory(path)) if path.is_dir() else [path]
        for file in files:
            try:
                yield from _iter_file(file, options, explicit=not path.is_dir())
            except Exception as exc:  # noqa: BLE001 - one file's failure is that file's rejection
                reason = f"{exc.__class__.__name__}: {' '.join(str(exc).split())[:200]}"
                yield Rejected(file.as_posix(), f"cannot be read ({reason})")


def _iter_file(path: Path, options: IngestOptions, explicit: bool) -> Iterator[IngestItem]:
    suffix = _suffix(path)
    if suffix in ARCHIVE_SUFFIXES:
        yield from iter_archive(path, options)
        return
    if suffix == ".json":
        has_article = any(path.with_suffix(s).exists() for s in ARTICLE_SUFFIXES)
        if not has_article:
            yield (Rejected if explicit else Skipped)(path.as_posix(), "a metadata sidecar with no ID.txt or ID.html beside it")
        return
    if suffix not in ARTICLE_SUFFIXES:
        yield (Rejected if explicit else Skipped)(path.as_posix(), f"not an article file ({suffix or 'no extension'})")
        return
    yield _guarded(_read_file_article, path, path.as_posix(), options)


def article_from_line(line: bytes, source: str, options: IngestOptions) -> IngestItem:
    """The article of one JSON Lines record (an archive's line, as bytes), or its rejection; for
    readers of archives other than :func:`iter_archive` (``strikeledger scan``)."""
    return _guarded(_archive_line_article, line, source, options)


def article_from_page(content: str, is_html: bool, meta: dict[str, Any], source: str) -> IngestItem:
    """The article of a page's HTML (or a text) with its metadata, or its rejection; for readers
    of archives of pages (WARC records in ``strikeledger scan``)."""
    def read(what: str, where: str, _options: Any) -> Article:
        return _article_from_content(what, is_html, _check_metadata(meta, where), where)

    return _guarded(read, content, source, None)
