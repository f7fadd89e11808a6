"""What a source lists: its kind, detected from the response, and the article links in it.

Three kinds: ``feed`` (RSS, Atom or JSON Feed, read by feedparser; a malformed one is reported
with feedparser's reason), ``sitemap`` (a news sitemap or sitemap index, read by trafilatura's
sitemap reader) and ``page`` (an HTML section page whose article links courlan, trafilatura's
link filter, picks out). A section page that advertises a feed names it (trafilatura's feed
discovery), so ``sources add`` can suggest the feed instead.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import courlan
import feedparser
from trafilatura.feeds import FeedParameters, determine_feed, is_potential_feed
from trafilatura.sitemaps import SitemapObject, is_plausible_sitemap

from ..errors import InputError
from ..fetch import Fetched

KINDS = ("feed", "sitemap", "page")
FEED_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/feed+json",
    "application/json",
    "application/xml",
    "text/xml",
    "application/rdf+xml",
    "text/plain",
)
LISTING_TYPES = FEED_TYPES + ("text/html", "application/xhtml+xml")
# A section page's links to articles, not to other sections: a slug of three or more words, or
# a run of four digits (a date or an id) in the path. Checked on the sample section pages in
# tests/test_feeds.py; courlan has already dropped navigation, files and other hosts.
ARTICLE_PATH = re.compile(r"/[^/]*\w+-\w+-\w+[^/]*/?$|\d{4}")
MAX_PAGE_LINKS = 100


@dataclass(frozen=True)
class Item:
    """One article link a source lists; ``stamp`` is the entry's own updated time, if given."""

    url: str
    title: str | None = None
    stamp: str | None = None


@dataclass(frozen=True)
class Listing:
    """What one poll of a source found."""

    kind: str
    items: list[Item]
    sitemaps: list[str] = field(default_factory=list)  # a sitemap index's sitemaps
    feeds: list[str] = field(default_factory=list)  # feeds a section page advertises
    problem: str | None = None  # a malformed feed that still gave items


def _text(got: Fetched) -> str:
    return (
        got.body.decode(got.charset or "utf-8", "replace")
        if got.charset
        else got.body.decode("utf-8", "replace")
    )


def detect_kind(got: Fetched) -> str:
    """``feed``, ``sitemap`` or ``page``, from the response; InputError when it is none of them."""
    head = _text(got)[:4000].lstrip()
    if is_plausible_sitemap(got.final_url, head) and re.search(r"<(urlset|sitemapindex)\b", head):
        return "sitemap"
    if is_potential_feed(head) or got.content_type in ("application/feed+json", "application/json"):
        return "feed"
    if got.content_type in ("text/html", "application/xhtml+xml"):
        return "page"
    raise InputError(
        got.url, f"neither a feed, a sitemap nor an HTML page (content type {got.content_type})"
    )


def read_listing(got: Fetched, kind: str) -> Listing:
    """The article links of a source's response; InputError when it gives none it can read."""
    if kind == "feed":
        return _feed(got)
    if kind == "sitemap":
        return _sitemap(got)
    return _page(got)


def _feed(got: Fetched) -> Listing:
    # A stream, never a string: feedparser fetches a string that looks like a URL, or opens a file.
    parsed = feedparser.parse(
        io.BytesIO(got.body),
        response_headers={
            "content-location": got.final_url,
            "content-type": got.content_type or "application/xml",
        },
    )
    items = []
    for entry in parsed.entries:
        link = entry.get("link") or next(
            (x.get("href") for x in entry.get("links", []) if x.get("href")), None
        )
        if link and urlsplit(link).scheme in ("http", "https"):
            # dict.get: feedparser's own get maps a missing "updated" to "published", with a warning
            items.append(
                Item(link, entry.get("title"), dict.get(entry, "updated") or dict.get(entry, "published"))
            )
    problem = None
    if parsed.get("bozo"):
        why = parsed.bozo_exception
        problem = f"malformed feed ({type(why).__name__}: {' '.join(str(why).split())[:160]})"
        if not items:
            raise InputError(got.url, problem)
    elif not parsed.get("version") and not items:
        raise InputError(got.url, "not a feed feedparser can read")
    return Listing("feed", items, problem=problem)


def _sitemap(got: Fetched) -> Listing:
    parts = urlsplit(got.final_url)
    # external: the fetch layer, not the sitemap reader, decides which hosts may be reached
    reader = SitemapObject(f"{parts.scheme}://{parts.netloc}", parts.hostname or "", [], external=True)
    reader.current_url, reader.content = got.final_url, _text(got)
    reader.process()
    if not reader.urls and not reader.sitemap_urls:
        raise InputError(got.url, "a sitemap with no article links")
    return Listing(
        "sitemap",
        [Item(u) for u in dict.fromkeys(reader.urls)],
        sitemaps=list(dict.fromkeys(reader.sitemap_urls)),
    )


def _page(got: Fetched) -> Listing:
    html = _text(got)
    links = courlan.extract_links(html, got.final_url, external_bool=False, strict=True, with_nav=False)
    page = courlan.normalize_url(got.final_url)
    articles = sorted(
        u for u in links if courlan.normalize_url(u) != page and ARTICLE_PATH.search(urlsplit(u).path)
    )
    parts = urlsplit(got.final_url)
    feeds = determine_feed(
        html, FeedParameters(f"{parts.scheme}://{parts.netloc}", parts.hostname or "", got.final_url)
    )
    return Listing("page", [Item(u) for u in articles[:MAX_PAGE_LINKS]], feeds=feeds)


def canonical(url: str) -> str:
    """A URL's canonical form for telling seen articles apart: courlan's cleaning (tracking
    parameters, fragments, case of scheme and host, default ports), else the URL as given."""
    try:
        return courlan.normalize_url(courlan.clean_url(url) or url, strict=True)
    except (ValueError, TypeError):
        return url
