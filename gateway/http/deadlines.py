"""Deadlines for reading a request, which uvicorn does not have.

uvicorn (0.54) arms its keep-alive timer only after a response: a connection that never
sends a byte, or sends its headers a byte at a time (slowloris), or its body so, is held
for ever. This protocol is uvicorn's httptools one plus three bounds:

- a new connection must start a request within ``timeout_keep_alive`` (as an idle
  kept-alive one must), else it is closed;
- a request's line and headers must arrive within ``header_timeout`` of its first byte
  (else 408 and the connection is closed) and be at most ``max_header_bytes``, counted as
  they arrive — a single endless header too (else 431 and a close);
- its body must arrive within ``body_timeout`` of the headers, else the connection is
  closed (the application sees a disconnect);
- a response the client does not read for ``write_timeout`` (the transport's buffer stays
  full) ends the connection: a client that never reads would hold its slot, its task and
  the unsent bytes for ever;
- one address holds at most ``max_connections_per_address`` connections (503 and a close
  beyond), unless the server trusts proxies (then every connection comes from one of them).

Serve it with ``uvicorn.Config(http="gateway.http.deadlines:DeadlineHttpProtocol")``.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Callable

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

HEADER_TIMEOUT = 10.0  # seconds from a request's first byte to the end of its headers
BODY_TIMEOUT = 30.0  # seconds from the headers to the end of the body (256 KiB at ~9 kB/s)
MAX_HEADER_BYTES = 64 * 1024  # request line and headers (h11's own cap is 16 KiB)
MAX_CONNECTIONS_PER_ADDRESS = 100  # of the server's concurrency cap (1,000 by default)
WRITE_TIMEOUT = 30.0  # seconds a response may wait on a client that does not read it

REQUEST_TIMEOUT = b"HTTP/1.1 408 Request Timeout\r\nconnection: close\r\ncontent-length: 0\r\n\r\n"
HEADERS_TOO_LARGE = (
    b"HTTP/1.1 431 Request Header Fields Too Large\r\nconnection: close\r\n"
    b"content-length: 0\r\n\r\n"
)
TOO_MANY_CONNECTIONS = (
    b"HTTP/1.1 503 Service Unavailable\r\nconnection: close\r\nretry-after: 5\r\n"
    b"content-length: 0\r\n\r\n"
)


class DeadlineHttpProtocol(HttpToolsProtocol):
    header_timeout = HEADER_TIMEOUT
    body_timeout = BODY_TIMEOUT
    max_header_bytes = MAX_HEADER_BYTES
    max_connections_per_address = MAX_CONNECTIONS_PER_ADDRESS
    write_timeout = WRITE_TIMEOUT

    read_deadline: asyncio.TimerHandle | None = None
    write_deadline: asyncio.TimerHandle | None = None
    in_headers = True  # until this request's headers are complete
    header_bytes = 0
    tail = b""  # the last bytes seen of the headers, to find their end across reads
    address: str | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        if not self._admit():
            return
        # The same timer (and handler) as for an idle kept-alive connection: the first
        # byte received cancels it.
        self.timeout_keep_alive_task = self.loop.call_later(
            self.timeout_keep_alive, self.timeout_keep_alive_handler
        )

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        self._stop_write_clock()
        if self.address is not None:
            self._by_address()[self.address] -= 1
            self.address = None
        super().connection_lost(exc)

    def data_received(self, data: bytes) -> None:
        if self.in_headers:
            # Counted as they arrive: httptools hands a header over only once it is whole,
            # so an endless one would otherwise be buffered (and re-joined) for ever.
            seen = self.tail + data
            end = seen.find(b"\r\n\r\n")
            self.header_bytes += len(data) if end < 0 else max(0, end + 4 - len(self.tail))
            self.tail = seen[-3:]
            if self.header_bytes > self.max_header_bytes:
                self._refuse(HEADERS_TOO_LARGE)
                return
        super().data_received(data)

    def on_message_begin(self) -> None:
        super().on_message_begin()
        self._arm(self.header_timeout, self._headers_too_slow)

    def on_headers_complete(self) -> None:
        self.in_headers, self.header_bytes, self.tail = False, 0, b""
        self._disarm()
        upgrading = self.parser.should_upgrade() and self._should_upgrade()
        super().on_headers_complete()
        if not upgrading:  # a WebSocket's protocol takes over the connection
            self._arm(self.body_timeout, self._close)

    def on_message_complete(self) -> None:
        self.in_headers = True  # the next request on this connection
        self._disarm()
        super().on_message_complete()

    def handle_websocket_upgrade(self) -> None:
        self._disarm()
        super().handle_websocket_upgrade()

    def pause_writing(self) -> None:
        # The transport's buffer is full: the client is not reading what it asked for.
        super().pause_writing()
        if self.write_deadline is None:
            self.write_deadline = self.loop.call_later(self.write_timeout, self._not_reading)

    def resume_writing(self) -> None:
        self._stop_write_clock()
        super().resume_writing()

    def _stop_write_clock(self) -> None:
        if self.write_deadline is not None:
            self.write_deadline.cancel()
            self.write_deadline = None

    def _not_reading(self) -> None:
        self.write_deadline = None
        if not self.transport.is_closing():
            self.transport.abort()  # the unsent bytes go too (close would wait on them)

    def _admit(self) -> bool:
        """Count the connection against its address; refuse it past the cap. Behind trusted
        proxies every connection comes from one of them: no cap then (the proxy has its own)."""
        if self.config.proxy_headers or self.client is None:
            return True
        by_address = self._by_address()
        if by_address[self.client[0]] >= self.max_connections_per_address:
            self._refuse(TOO_MANY_CONNECTIONS)
            return False
        self.address = self.client[0]
        by_address[self.address] += 1
        return True

    def _by_address(self) -> Counter[str]:
        """Open connections per client address, for this server (its shared state)."""
        state = self.server_state
        if not hasattr(state, "connections_by_address"):
            state.connections_by_address = Counter()  # type: ignore[attr-defined]
        return state.connections_by_address  # type: ignore[attr-defined,no-any-return]

    def _refuse(self, response: bytes) -> None:
        self._disarm()
        if not self.transport.is_closing():
            self.transport.write(response)
            self.transport.close()

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
