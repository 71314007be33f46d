"""Who may write, and the headers that keep report text from ever running as script.

Writes need ``Authorization: Bearer <SANCTRACE_TOKEN>``: with no token configured the
server refuses every write (403), and a missing or wrong token is a 401. The comparison
is constant-time. Every response carries a strict Content-Security-Policy: scripts only
from this server, no inline script, no framing.
"""

from __future__ import annotations

import hmac

from fastapi import HTTPException, Request
from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint
from starlette.responses import Response

CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


class SecurityHeaders(BaseHTTPMiddleware):
    async def dispatch(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        response = await call_next(request)
        for name, value in HEADERS.items():
            response.headers.setdefault(name, value)
        return response


def _bearer(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() != "bearer" or not value.strip():
        return None
    return value.strip()


def check_token(request: Request, token: str | None) -> None:
    """Raise 403 when writes are disabled, 401 when the bearer token is missing or wrong."""
    if token is None:
        raise HTTPException(
            status_code=403,
            detail="writes are disabled: start the server with SANCTRACE_TOKEN set",
        )
    given = _bearer(request)
    if given is None or not hmac.compare_digest(given.encode(), token.encode()):
        raise HTTPException(
            status_code=401,
            detail="a valid 'Authorization: Bearer <token>' header is required",
            headers={"WWW-Authenticate": "Bearer"},
        )


def require_write(request: Request) -> None:
    """Dependency for every write endpoint."""
    check_token(request, request.app.state.token)


def require_read(request: Request) -> None:
    """Dependency for reads: open unless the app was created with ``open_reads=False``."""
    if not request.app.state.open_reads:
        check_token(request, request.app.state.token)
