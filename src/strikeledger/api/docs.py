"""The API's documentation page, offline: Swagger UI at ``/docs`` (``/redoc`` leads there).

FastAPI's own pages load both from a CDN and start Swagger UI with an inline script, which the
Content-Security-Policy (no 'unsafe-inline') refuses: offline, or under the policy, they were
blank. Here Swagger UI comes from npm through ``web/package-lock.json`` (copied to
``static/vendor`` by ``make web-assets``) and starts from a file, ``static/docs.js``. ReDoc is not
served: its renderer injects ``<style>`` elements, which the same policy refuses, so ``/redoc``
redirects to ``/docs``.
"""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import HTMLResponse, RedirectResponse

router = APIRouter(include_in_schema=False)

SWAGGER = """<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>API · strikeledger</title>
  <link rel="stylesheet" href="/static/vendor/swagger-ui.css">
  <script src="/static/vendor/swagger-ui-bundle.js" defer></script>
  <script src="/static/docs.js" defer></script>
</head>
<body>
  <p><a href="/">Back to the ledger</a> · <a href="/openapi.json">openapi.json</a></p>
  <div id="swagger-ui" data-spec="/openapi.json"></div>
</body>
</html>
"""

@router.get("/docs")
def swagger() -> HTMLResponse:
    """Swagger UI over /openapi.json, from the package's own files."""
    return HTMLResponse(SWAGGER)


@router.get("/redoc")
def redoc() -> RedirectResponse:
    """The same documentation: ReDoc's renderer needs inline styles, which the policy refuses."""
    return RedirectResponse("/docs", 308)
