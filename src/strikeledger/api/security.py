"""What every response carries and what every request may cost, enforced at the outermost layer.

Starlette answers an unhandled exception from its outermost middleware, below which ordinary
``@app.middleware`` functions sit, so their headers never reach a 500. This ASGI layer wraps the
whole application instead: it adds the security headers to whatever starts a response, and
answers a crash itself (the error envelope, logged with its traceback), headers included.

It also caps the request body before any route, body parser or token check sees it: a declared
``Content-Length`` over the cap is refused at once, and a chunked body is counted as it arrives
and refused once past the cap, so an unauthenticated 300 MB POST costs the server nothing.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from .errors import error_body

# The largest request body accepted: a correction (a reason of at most 2,000 characters and a
# few fields) is well under 10 KB; this leaves room for a split listing many report keys.
MAX_BODY_BYTES = 64 * 1024

log = logging.getLogger("strikeledger.api")

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]


class BodyTooLarge(Exception):
    """A request body past MAX_BODY_BYTES, found while it streamed in."""


class Guard:
    """ASGI middleware: security headers on every response, crashes as enveloped 500s, bodies capped."""

    def __init__(self, app: Callable, headers: dict[str, str], max_body: int = MAX_BODY_BYTES):
        self.app = app
        self.headers = [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in headers.items()]
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = too_large = False

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if too_large:  # the app's own answer to a body cut short (FastAPI makes it a 400)
                return
            if message["type"] == "http.response.start":
                started = True
                present = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [
                    (k, v) for k, v in self.headers if k not in present]
            await send(message)

        declared = _content_length(scope)
        if declared is not None and declared > self.max_body:
            await self._answer(send_with_headers, 413, "payload_too_large", self._too_large(declared))
            return
        received = 0

        async def counted_receive() -> Message:
            nonlocal received, too_large
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body and not started:
                    too_large = True
                    raise BodyTooLarge()
            return message

        try:
            await self.app(scope, counted_receive, send_with_headers)
        except BodyTooLarge:
            pass
        except Exception as exc:  # noqa: BLE001 - a bug: answered in the envelope, logged in full
            log.exception("unhandled error answering %s %s", scope.get("method"), scope.get("path"))
            if not started:
                await self._answer(send_with_headers, 500, "internal_error",
                                   f"unexpected {type(exc).__name__}; see the server log")
        if too_large:
            too_large = False  # now send our own answer through the header-adding send
            await self._answer(send_with_headers, 413, "payload_too_large", self._too_large(received))

    def _too_large(self, size: int) -> str:
        return f"request body of {size} bytes or more is over the limit of {self.max_body} bytes"

    @staticmethod
    async def _answer(send: Send, status: int, code: str, message: str) -> None:
        body = json.dumps(error_body(code, message)).encode("utf-8")
        await send({"type": "http.response.start", "status": status, "headers": [
            (b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})


def _content_length(scope: Scope) -> int | None:
    for key, value in scope.get("headers", []):
        if key.lower() == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None
