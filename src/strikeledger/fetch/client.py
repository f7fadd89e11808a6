"""The one HTTP client: every page, feed and robots.txt the program fetches goes through it.

:class:`Fetcher` sends a clear User-Agent naming a contact, honours robots.txt (parsed by
protego) and its crawl delay, makes one request at a time per host with a minimum delay between
them, follows at most :data:`MAX_REDIRECTS` redirects re-checking each (:mod:`.safety`), retries
429 and 5xx answers with exponential backoff honouring ``Retry-After``, sends conditional
headers (ETag / Last-Modified) when asked, and reads bodies streamed, stopping at the size limit
or the overall deadline. Failures are :class:`FetchError` (a one-line reason naming the URL).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from datetime import datetime, timezone
from urllib.parse import urljoin, urlsplit

import httpx
from protego import Protego

from .. import __version__
from ..errors import FetchError, InputTooLarge, RefusedURL
from .safety import Resolver, SafeBackend, check_url, system_resolver

MAX_REDIRECTS = 5
RETRY_STATUSES = (429, 500, 502, 503, 504)
ROBOTS_AGENT = "strikeledger"
# How long a robots.txt (or its absence) is trusted before it is fetched again.
ROBOTS_TTL = 3600.0


def user_agent(contact: str) -> str:
    """The User-Agent every request carries: the program, its version, who to write to."""
    return (
        f"strikeledger/{__version__} (news ledger; contact: {contact or 'not set, see the contact setting'})"
    )


@dataclass(frozen=True)
class FetchOptions:
    """How to fetch (not what was fetched). Defaults are those of the settings."""

    contact: str = ""
    timeout: float = 10.0  # to connect, and between two reads of the body
    total_timeout: float = 30.0  # a whole response, however slowly it trickles
    max_bytes: int = 5_000_000
    allow_private: bool = False
    host_delay: float = 1.0  # minimum seconds between two requests to one host
    retries: int = 3  # after the first try, on 429, 5xx and network errors
    backoff: float = 1.0  # the first retry's wait, doubled each time
    max_wait: float = 600.0  # a Retry-After beyond this fails the fetch rather than stall it
    robots: bool = True


@dataclass(frozen=True)
class Fetched:
    """One HTTP response as fetched: where it ended, its status, type and body."""

    url: str
    final_url: str
    status: int
    content_type: str  # the media type alone, lower case ("text/html")
    charset: str | None
    body: bytes
    etag: str | None
    last_modified: str | None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds a ``Retry-After`` header asks to wait (delta-seconds or an HTTP date), or None."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - (now or datetime.now(timezone.utc))).total_seconds())


def _safe_transport(allow_private: bool, resolver: Resolver) -> httpx.HTTPTransport:
    transport = httpx.HTTPTransport(retries=0)
    # httpx takes no network backend of its own; its connection pool does, and that is where
    # every socket is opened, so the address check cannot be bypassed by any request.
    transport._pool._network_backend = SafeBackend(allow_private, resolver)
    return transport


class Fetcher:
    """A polite, safe HTTP client (see the module docstring). Thread-safe; close it after use."""

    def __init__(
        self,
        options: FetchOptions | None = None,
        transport: httpx.BaseTransport | None = None,
        resolver: Resolver = system_resolver,
        sleep: Callable[[float], None] = time.sleep,
    ):
        self.options = options or FetchOptions()
        self.resolver = resolver
        self.sleep = sleep
        self.client = httpx.Client(
            transport=transport or _safe_transport(self.options.allow_private, resolver),
            trust_env=False,  # a proxy from the environment would connect where we never checked
            follow_redirects=False,
            timeout=httpx.Timeout(self.options.timeout),
            headers={"User-Agent": user_agent(self.options.contact)},
        )
        self._lock = threading.Lock()
        self._hosts: dict[str, threading.Lock] = {}
        self._last: dict[str, float] = {}
        self._robots: dict[str, tuple[float, Protego | str | None]] = {}

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> "Fetcher":
        return self

    def __exit__(self, *_exc) -> None:
        self.close()

    # --- the request ----------------------------------------------------------------------------
    def get(
        self,
        url: str,
        accept: tuple[str, ...] | None = None,
        etag: str | None = None,
        last_modified: str | None = None,
        robots: bool | None = None,
    ) -> Fetched:
        """GET ``url``, following redirects; a 304 comes back as such (``not_modified``).

        ``accept`` lists the media types wanted: another is refused before its body is read.
        Raises FetchError (RefusedURL for a URL or address that may not be fetched).
        """
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        current = url
        for _ in range(MAX_REDIRECTS + 1):
            check_url(current, self.options.allow_private, self.resolver)
            if (self.options.robots if robots is None else robots) and not self.allowed(current):
                raise FetchError(current, "robots.txt disallows fetching it")
            got = self._with_retries(current, headers, accept)
            if isinstance(got, Fetched):
                return Fetched(
                    url,
                    got.final_url,
                    got.status,
                    got.content_type,
                    got.charset,
                    got.body,
                    got.etag,
                    got.last_modified,
                )
            current = got  # a redirect's target
        raise FetchError(url, f"more than {MAX_REDIRECTS} redirects")

    def _with_retries(
        self, url: str, headers: dict[str, str], accept: tuple[str, ...] | None
    ) -> Fetched | str:
        attempt = 0
        while True:
            try:
                return self._once(url, headers, accept)
            except _Retry as retry:
                wait, reason = retry.wait, retry.reason
            if attempt >= self.options.retries:
                raise FetchError(
                    url, f"{reason}, after {attempt + 1} tries", transient=True, retry_after=wait
                )
            asked, wait = wait, self.options.backoff * 2**attempt if wait is None else wait
            if wait > self.options.max_wait:
                raise FetchError(
                    url,
                    f"{reason}; asked to retry after {wait:.0f} s, over {self.options.max_wait:.0f} s",
                    transient=True,
                    retry_after=asked,
                )
            attempt += 1
            self.sleep(wait)

    def _once(self, url: str, headers: dict[str, str], accept: tuple[str, ...] | None) -> Fetched | str:
        host = urlsplit(url).netloc.lower()
        with self._host_lock(host):
            self._wait_turn(host)
            try:
                return self._send(url, headers, accept)
            except httpx.TimeoutException as exc:
                raise _Retry(None, f"timed out ({type(exc).__name__})") from exc
            except httpx.TransportError as exc:
                if str(exc).startswith("refused: "):
                    raise RefusedURL(url, str(exc).removeprefix("refused: ")) from exc
                raise _Retry(
                    None, f"network error ({' '.join(str(exc).split()) or type(exc).__name__})"
                ) from exc
            finally:
                self._last[host] = time.monotonic()

    def _send(self, url: str, headers: dict[str, str], accept: tuple[str, ...] | None) -> Fetched | str:
        started = time.monotonic()
        with self.client.stream("GET", url, headers=headers) as response:
            status = response.status_code
            if status in (301, 302, 303, 307, 308) and response.headers.get("location"):
                return urljoin(url, response.headers["location"])
            if status in RETRY_STATUSES:
                raise _Retry(retry_after(response.headers.get("retry-after")), f"HTTP {status}")
            if status >= 400:
                raise FetchError(url, f"HTTP {status}")
            media, _, params = response.headers.get("content-type", "").partition(";")
            media = media.strip().lower()
            if status != 304 and accept is not None and media not in accept:
                raise FetchError(url, f"content type {media or 'not given'} is not {' or '.join(accept)}")
            body = b"" if status == 304 else self._read(url, response, started)
            charset = next(
                (
                    p.split("=", 1)[1].strip().strip('"')
                    for p in params.split(";")
                    if p.strip().lower().startswith("charset=")
                ),
                None,
            )
            return Fetched(
                url,
                str(response.url),
                status,
                media,
                charset,
                body,
                response.headers.get("etag"),
                response.headers.get("last-modified"),
            )

    def _read(self, url: str, response: httpx.Response, started: float) -> bytes:
        limit = self.options.max_bytes
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise InputTooLarge(url, f"{declared} bytes is over the limit of {limit} (max_article_bytes)")
        chunks, size = [], 0
        for chunk in response.iter_bytes():  # decoded as it comes: a compressed bomb stops early
            size += len(chunk)
            if size > limit:
                raise InputTooLarge(
                    url, f"over the limit of {limit} bytes (max_article_bytes); stopped reading"
                )
            if time.monotonic() - started > self.options.total_timeout:
                raise FetchError(
                    url, f"did not finish within {self.options.total_timeout:g} s", transient=True
                )
            chunks.append(chunk)
        return b"".join(chunks)

    # --- politeness -----------------------------------------------------------------------------
    def _host_lock(self, host: str) -> threading.Lock:
        with self._lock:
            return self._hosts.setdefault(host, threading.Lock())

    def _wait_turn(self, host: str) -> None:
        delay = max(self.options.host_delay, self._crawl_delay(host))
        last = self._last.get(host)
        if last is not None and (left := last + delay - time.monotonic()) > 0:
            self.sleep(left)

    def _crawl_delay(self, host: str) -> float:
        for origin, (_, parser) in list(self._robots.items()):
            if urlsplit(origin).netloc == host and isinstance(parser, Protego):
                return float(parser.crawl_delay(ROBOTS_AGENT) or 0)
        return 0.0

    def allowed(self, url: str) -> bool:
        """Whether the site's robots.txt lets strikeledger fetch ``url`` (fetched once an hour).

        No robots.txt (a 4xx) allows everything; one that cannot be fetched (5xx, network) forbids
        everything until it can, as RFC 9309 asks.
        """
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        cached = self._robots.get(origin)
        if cached is None or time.monotonic() - cached[0] > ROBOTS_TTL:
            cached = (time.monotonic(), self._fetch_robots(origin))
            self._robots[origin] = cached
        parser = cached[1]
        if isinstance(parser, str):
            raise FetchError(
                url,
                f"robots.txt cannot be fetched ({parser}); nothing is fetched from {origin} until it can",
                transient=True,
            )
        return parser is None or parser.can_fetch(url, ROBOTS_AGENT)

    def _fetch_robots(self, origin: str) -> Protego | str | None:
        """The site's rules; None when it has none (4xx); the reason when they cannot be had."""
        try:
            got = self.get(f"{origin}/robots.txt", robots=False)
        except FetchError as exc:
            return None if exc.reason.startswith("HTTP 4") else exc.reason
        return Protego.parse(got.body.decode("utf-8", "replace"))


class _Retry(Exception):
    """An answer worth trying again (429, 5xx, a network error), with the wait it asked for."""

    def __init__(self, wait: float | None, reason: str):
        super().__init__(reason)
        self.wait = wait
        self.reason = reason
