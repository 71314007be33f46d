"""Fetch one URL the user asked for: bounded in time and size, one clear error otherwise.

Only called for sources the user gave as http(s) URLs (or pages linked from a feed the
user gave as a URL); nothing else in sanctrace touches the network.
"""

from __future__ import annotations

from dataclasses import dataclass

import httpx

from sanctrace import __version__
from sanctrace.errors import FetchError, TooLargeError
from sanctrace.settings import get_settings

USER_AGENT = f"sanctrace/{__version__}"
MAX_REDIRECTS = 10
ACCEPT = (
    "text/html,application/xhtml+xml,application/pdf,application/rss+xml,"
    "application/atom+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5"
)


@dataclass(slots=True, frozen=True)
class Resource:
    """What a fetch returned: the final URL after redirects, the bytes, the media type."""

    url: str
    content: bytes
    content_type: str | None


def fetch(url: str, *, client: httpx.Client | None = None) -> Resource:
    """GET ``url`` following redirects, streaming at most SANCTRACE_MAX_BYTES.

    Raises FetchError (unreachable, timeout, HTTP error status) or TooLargeError, each
    naming the URL.
    """
    settings = get_settings()
    owned = client is None
    if client is None:
        client = httpx.Client(
            timeout=settings.http_timeout,
            follow_redirects=True,
            max_redirects=MAX_REDIRECTS,
            headers={"User-Agent": USER_AGENT, "Accept": ACCEPT},
        )
    try:
        return _get(client, url, settings.max_bytes)
    except httpx.TimeoutException as exc:
        raise FetchError(
            f"timed out after {settings.http_timeout:g} s (SANCTRACE_HTTP_TIMEOUT)", source=url
        ) from exc
    except httpx.ConnectError as exc:
        raise FetchError(f"cannot connect: {_reason(exc)}", source=url) from exc
    except httpx.TooManyRedirects as exc:
        raise FetchError(f"more than {MAX_REDIRECTS} redirects", source=url) from exc
    except httpx.InvalidURL as exc:
        raise FetchError(f"not a valid URL: {exc}", source=url) from exc
    except httpx.HTTPError as exc:
        raise FetchError(f"fetch failed: {_reason(exc)}", source=url) from exc
    finally:
        if owned:
            client.close()


def _get(client: httpx.Client, url: str, limit: int) -> Resource:
    with client.stream("GET", url) as response:
        if response.status_code >= 400:
            raise FetchError(
                f"HTTP {response.status_code} {response.reason_phrase}".rstrip(), source=url
            )
        declared = response.headers.get("Content-Length")
        if declared is not None and declared.isdigit() and int(declared) > limit:
            raise TooLargeError(
                f"{declared} bytes is larger than the limit of {limit} (SANCTRACE_MAX_BYTES)",
                source=url,
            )
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > limit:
                raise TooLargeError(
                    f"larger than the limit of {limit} bytes (SANCTRACE_MAX_BYTES)", source=url
                )
            chunks.append(chunk)
        return Resource(
            url=str(response.url),
            content=b"".join(chunks),
            content_type=response.headers.get("Content-Type"),
        )


def _reason(exc: Exception) -> str:
    """The innermost useful message (httpx wraps the socket error)."""
    text = str(exc).strip()
    return text or type(exc).__name__
