"""One table from error class to HTTP status, and the handler that applies it.

The most specific class in an error's MRO decides the status, so adding a subclass to
``sanctrace.errors`` without a row here still maps to its parent's status. API paths
answer JSON ``{"error": ClassName, "detail": message, "source": input}``; page paths
answer the error page.
"""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response

from sanctrace.errors import (
    DateError,
    EncodingError,
    FetchError,
    HostileInputError,
    IngestError,
    InputError,
    ListFormatError,
    ModelError,
    NotFoundError,
    SanctraceError,
    StoreError,
    TooLargeError,
    UnsupportedFormatError,
)

STATUS: dict[type[SanctraceError], int] = {
    SanctraceError: 500,
    InputError: 400,
    IngestError: 422,
    UnsupportedFormatError: 415,
    EncodingError: 422,
    TooLargeError: 413,
    HostileInputError: 422,
    FetchError: 502,
    ListFormatError: 422,
    DateError: 400,
    NotFoundError: 404,
    ModelError: 503,
    StoreError: 503,
}


def status_for(error: SanctraceError) -> int:
    for cls in type(error).__mro__:
        if cls in STATUS:
            return STATUS[cls]  # type: ignore[index]
    return 500


def error_body(error: SanctraceError) -> dict[str, str | None]:
    return {"error": type(error).__name__, "detail": error.message, "source": error.source}


def install(app: FastAPI) -> None:
    """Register the handler; pages render ``error.html``, everything else answers JSON."""

    @app.exception_handler(SanctraceError)
    async def _handle(request: Request, exc: SanctraceError) -> Response:
        status = status_for(exc)
        if request.url.path.startswith("/api/") or request.url.path.startswith("/openapi"):
            return JSONResponse(error_body(exc), status_code=status)
        from sanctrace.api.templating import render

        return render(request, "error.html", {"status": status, "error": exc}, status=status)
