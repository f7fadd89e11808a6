"""``HEAD`` on every ``GET`` route: the request is answered as a ``GET`` whose body is dropped.

FastAPI's routes answer only the methods they name, so a link checker, a web archive or
``curl -I`` got 405. Running the ``GET`` keeps the headers (length, type, caching) exactly
those of the ``GET``; a route without a ``GET`` still answers 405.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send


class HeadAsGet:
    """ASGI middleware: ``HEAD`` runs the ``GET`` handler and sends its status and headers only."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def headers_only(message: Message) -> None:
            if message["type"] == "http.response.body":
                if not message.get("more_body", False):
                    await send({"type": "http.response.body", "body": b"", "more_body": False})
                return
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, headers_only)
