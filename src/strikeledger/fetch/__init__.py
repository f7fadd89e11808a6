"""Fetch: pages, feeds and robots.txt over HTTP, safely and politely.

- :mod:`.safety` refuses every address that is not public (unless ``allow_private``);
- :mod:`.client` is the one HTTP client (User-Agent, robots.txt, delays, retries, limits);
- :mod:`.pages` turns a fetched article page into an ``Article``, as ingest does a file.
"""

from ..errors import FetchError, RefusedURL
from .client import Fetched, Fetcher, FetchOptions, user_agent
from .pages import HTML_TYPES, article_from_response, fetch_article, fetch_articles
from .safety import address_refusal, check_url

__all__ = [
    "FetchError",
    "FetchOptions",
    "Fetched",
    "Fetcher",
    "HTML_TYPES",
    "RefusedURL",
    "address_refusal",
    "article_from_response",
    "check_url",
    "fetch_article",
    "fetch_articles",
    "user_agent",
]
