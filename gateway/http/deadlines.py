"""Deadlines for reading a request, which uvicorn does not have.

uvicorn (0.54) arms its keep-alive timer only after a response: a connection that never
sends a byte, or sends its headers a byte at a time (slowloris), or its body so, is held
for ever. This protocol is uvicorn's httptools one plus three bounds:

- a new connection must start a request within ``timeout_keep_alive`` (as an idle
  kept-alive one must), else it is closed;
- a request's line and headers must arrive within ``header_timeout`` of its first byte and
  be at most ``max_header_bytes``, else 408 (or 400) and the connection is closed;
- its body must arrive within ``body_timeout`` of the headers, else the connection is
  closed (the application sees a disconnect).

Serve it with ``uvicorn.Config(http="gateway.http.deadlines:DeadlineHttpProtocol")``.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

HEADER_TIMEOUT = 10.0  # seconds from a request's first byte to the end of its headers
BODY_TIMEOUT = 30.0  # seconds from the headers to the end of the body (1 MB at ~35 kB/s)
MAX_HEADER_BYTES = 64 * 1024  # request line and headers (h11's own cap is 16 KiB)

REQUEST_TIMEOUT = b"HTTP/1.1 408 Request Timeout\r\nconnection: close\r\ncontent-length: 0\r\n\r\n"


class HeadersTooLarge(Exception):
    """Raised inside httptools' parser, which uvicorn turns into a 400 and a close."""


class DeadlineHttpProtocol(HttpToolsProtocol):
    header_timeout = HEADER_TIMEOUT
    body_timeout = BODY_TIMEOUT
    max_header_bytes = MAX_HEADER_BYTES

    read_deadline: asyncio.TimerHandle | None = None
    header_bytes = 0

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        # The same timer (and handler) as for an idle kept-alive connection: the first
        # byte received cancels it.
        self.timeout_keep_alive_task = self.loop.call_later(
            self.timeout_keep_alive, self.timeout_keep_alive_handler
        )

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    def on_message_begin(self) -> None:
        super().on_message_begin()
        self.header_bytes = 0
        self._arm(self.header_timeout, self._headers_too_slow)

    def on_url(self, url: bytes) -> None:
        self._count(len(url))
        super().on_url(url)

    def on_header(self, name: bytes, value: bytes) -> None:
        self._count(len(name) + len(value) + 4)
        super().on_header(name, value)

    def on_headers_complete(self) -> None:
        self._disarm()
        upgrading = self.parser.should_upgrade() and self._should_upgrade()
        super().on_headers_complete()
        if not upgrading:  # a WebSocket's protocol takes over the connection
            self._arm(self.body_timeout, self._close)

    def on_message_complete(self) -> None:
        self._disarm()
        super().on_message_complete()

    def handle_websocket_upgrade(self) -> None:
        self._disarm()
        super().handle_websocket_upgrade()

    def _count(self, size: int) -> None:
        self.header_bytes += size
        if self.header_bytes > self.max_header_bytes:
            raise HeadersTooLarge(f"request headers over {self.max_header_bytes} bytes")

    def _arm(self, seconds: float, handler: Callable[[], None]) -> None:
        self._disarm()
        self.read_deadline = self.loop.call_later(seconds, handler)

    def _disarm(self) -> None:
        if self.read_deadline is not None:
            self.read_deadline.cancel()
            self.read_deadline = None

    def _headers_too_slow(self) -> None:
        # 408 only when no earlier response on this connection is still being written.
        if self.cycle is None or self.cycle.response_complete:
            self.transport.write(REQUEST_TIMEOUT)
        self._close()

    def _close(self) -> None:
        self.read_deadline = None
        if not self.transport.is_closing():
            self.transport.close()
