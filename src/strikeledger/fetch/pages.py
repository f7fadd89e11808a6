"""Article pages fetched over HTTP, read exactly as HTML files are.

A page's text and metadata come from trafilatura (:func:`strikeledger.ingest.html.extract_page`)
and become an ``Article`` through the same :func:`strikeledger.ingest.sources.build_article` a
file goes through, so a fetched page gets the id, duplicate and syndication handling, language
and rejections a saved copy of it would. Its URL is the page's own canonical URL when it gives
one, else the URL it was fetched from after redirects.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..errors import InputError
from ..ingest.decode import decode_bytes
from ..ingest.html import extract_page
from ..ingest.sources import Rejected, build_article
from ..records import Article
from .client import Fetched, Fetcher

HTML_TYPES = ("text/html", "application/xhtml+xml")


def article_from_response(got: Fetched) -> Article:
    """The article of a fetched HTML page; InputError naming the URL when it has none."""
    html = _decode(got)
    page = extract_page(html, got.url)
    page_meta = {
        "url": page.url or got.final_url,
        "outlet": page.outlet,
        "title": page.title,
        "published": page.published,
    }
    return build_article(page.text, {}, got.url, page_meta)


def _decode(got: Fetched) -> str:
    if got.charset:  # the server's word first; a wrong or unknown one falls back to detection
        try:
            return got.body.decode(got.charset)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_bytes(got.body, got.url)


def fetch_article(fetcher: Fetcher, url: str) -> Article | Rejected:
    """Fetch one article page: its ``Article``, or its rejection with the reason."""
    try:
        return article_from_response(fetcher.get(url, accept=HTML_TYPES))
    except InputError as exc:
        return Rejected(url, exc.reason)
    except Exception as exc:  # noqa: BLE001 - a parser limit or a reader bug stays with this URL
        return Rejected(url, f"cannot be read ({type(exc).__name__}: {' '.join(str(exc).split())[:200]})")


def fetch_articles(fetcher: Fetcher, urls: Iterable[str]) -> Iterator[Article | Rejected]:
    """:func:`fetch_article` for each URL, in order."""
    for url in urls:
        yield fetch_article(fetcher, url)
