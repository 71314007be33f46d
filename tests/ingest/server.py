"""A local HTTP server on 127.0.0.1 serving fixtures, for the URL tests (no network)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

Route = tuple[int, dict[str, str], bytes]
# A header name that makes the server send no Content-Length: the body then ends when
# the connection closes (HTTP/1.0), so the client learns the size only by reading.
OMIT_LENGTH = "X-Omit-Length"


class FixtureServer:
    """Serves ``routes[path] = (status, headers, body)``; records request headers."""

    def __init__(self) -> None:
        self.routes: dict[str, Route | Callable[[], Route]] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - the http.server API
                server.requests.append((self.path, dict(self.headers.items())))
                route = server.routes.get(self.path)
                if route is None:
                    self.send_error(404, "Not Found")
                    return
                status, headers, body = route() if callable(route) else route
                self.send_response(status)
                for key, value in headers.items():
                    if key != OMIT_LENGTH:
                        self.send_header(key, value)
                if OMIT_LENGTH not in headers:
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        class Server(ThreadingHTTPServer):
            def handle_error(self, request: object, client_address: object) -> None:
                pass  # a client that hangs up early (size cap, timeout) is expected here

        self.httpd = Server(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, args=(0.02,), daemon=True)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def start(self) -> FixtureServer:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def slow(seconds: float, route: Route) -> Callable[[], Route]:
    def respond() -> Route:
        time.sleep(seconds)
        return route

    return respond
