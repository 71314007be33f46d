"""``/docs``: the OpenAPI explorer, from vendored Swagger UI, under the same strict CSP.

FastAPI's own docs page loads Swagger UI from a CDN and starts it with an inline
script; both are refused by our Content-Security-Policy and the first needs the
network, so the page is ours and its start-up script is a static file.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from sanctrace.api.templating import render

router = APIRouter(include_in_schema=False)


@router.get("/docs", response_class=HTMLResponse)
def docs(request: Request) -> HTMLResponse:
    return render(request, "docs.html", {})
