"""A small web site on loopback for the fetch and watch tests: pages, feeds and misbehaviour.

``Site.route(path, handler)`` answers ``path`` with what ``handler(request)`` returns: a
``Reply`` (status, headers, body, and optional pacing for slow or endless bodies). Every request
is recorded (path and headers), so a test can see what was asked and how often.
"""

from __future__ import annotations

import html
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from email.utils import format_datetime
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    trickle: float = 0.0  # seconds before each 64-byte chunk of the body
    endless: bool = False  # keep sending chunks forever (until the client goes)


@dataclass(frozen=True)
class Request:
    path: str
    headers: dict[str, str]


def html_reply(text: str) -> Reply:
    return Reply(200, text.encode("utf-8"), {"Content-Type": "text/html; charset=utf-8"})


class Site:
    """A threaded HTTP server on 127.0.0.1 with routes set by the test."""

    def __init__(self) -> None:
        self.routes: dict[str, Callable[[Request], Reply]] = {}
        self.requests: list[Request] = []
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True  # headers and body in separate writes: no delayed ACK wait

            def do_GET(self):  # noqa: N802 - the http.server name
                request = Request(self.path, {k.lower(): v for k, v in self.headers.items()})
                site.requests.append(request)
                handler = site.routes.get(self.path.split("?")[0])
                reply = (
                    handler(request) if handler else Reply(404, b"not here", {"Content-Type": "text/plain"})
                )
                try:
                    self._send(reply)
                except OSError:  # the client went away (a timeout, a size limit)
                    pass

            def _send(self, reply: Reply) -> None:
                self.send_response(reply.status)
                for key, value in reply.headers.items():
                    self.send_header(key, value)
                if reply.endless:
                    self.send_header("Content-Type", reply.headers.get("Content-Type", "text/html"))
                    self.end_headers()
                    while True:
                        self.wfile.write(b"<p>more</p>\n")
                        self.wfile.flush()
                        time.sleep(reply.trickle or 0.05)
                self.send_header("Content-Length", str(len(reply.body)))
                self.end_headers()
                if not reply.trickle:
                    self.wfile.write(reply.body)
                    return
                for start in range(0, len(reply.body), 64):
                    time.sleep(reply.trickle)
                    self.wfile.write(reply.body[start : start + 64])
                    self.wfile.flush()

            def log_message(self, *_args):  # quiet
                pass

        class Server(ThreadingHTTPServer):
            def handle_error(self, request, client_address):  # a client that hung up: not news
                pass

        self.server = Server(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def url(self, path: str) -> str:
        return self.base + path

    def route(self, path: str, handler: Callable[[Request], Reply] | Reply) -> None:
        self.routes[path] = handler if callable(handler) else (lambda _r, reply=handler: reply)

    def hits(self, path: str) -> list[Request]:
        return [r for r in self.requests if r.path.split("?")[0] == path]

    def start(self) -> "Site":
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


# --- content: pages written from the sample corpus's own articles, and feeds listing them ------


def article_page(txt: Path) -> str:
    """An HTML page of a sample-corpus article (its text and sidecar), as a news site would serve it."""
    meta = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
    title, _, body = txt.read_text(encoding="utf-8").partition("\n")
    paragraphs = "".join(f"<p>{html.escape(p.strip())}</p>\n" for p in body.split("\n\n") if p.strip())
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
        f'<meta property="og:site_name" content="{html.escape(meta.get("outlet") or "")}">'
        f'<meta property="article:published_time" content="{meta.get("published") or ""}">'
        f'<link rel="canonical" href="{html.escape(meta["url"])}"></head><body><article>'
        f"<h1>{html.escape(title)}</h1>{paragraphs}</article></body></html>"
    )


def rss(items: list[tuple[str, str]], title: str = "Test wire") -> bytes:
    """An RSS 2.0 feed of (link, title) items."""
    now = format_datetime(datetime(2025, 12, 1, tzinfo=timezone.utc), usegmt=True)
    entries = "".join(
        f"<item><title>{html.escape(t)}</title><link>{html.escape(u)}</link><guid>{html.escape(u)}</guid>"
        f"<pubDate>{now}</pubDate></item>"
        for u, t in items
    )
    return (
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{title}</title>'
        f"<link>http://127.0.0.1/</link><description>test</description>{entries}</channel></rss>"
    ).encode("utf-8")


def feed_reply(body: bytes, etag: str | None = None) -> Reply:
    headers = {"Content-Type": "application/rss+xml; charset=utf-8"}
    if etag:
        headers["ETag"] = etag
    return Reply(200, body, headers)
