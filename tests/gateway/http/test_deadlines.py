"""Slow and idle clients are let go: a real uvicorn, run with `flightgraph serve`'s options
(timeouts shortened to keep the tests quick), and raw sockets on loopback."""

from __future__ import annotations

import contextlib
import socket
import time
from collections.abc import Iterator
from typing import Any

import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.routing import Route, WebSocketRoute
from starlette.websockets import WebSocket
from websockets.sync import client as websockets

from gateway.http.deadlines import DeadlineHttpProtocol
from gateway.serve import uvicorn_options
from gateway.settings import Settings
from tests.gateway.http.served import uvicorn_serving

KEEP_ALIVE = 1  # seconds, for the test (serve's is 5)
SLACK = 1.5  # seconds a close may take past its deadline on a busy machine


async def echo(request: Request) -> PlainTextResponse:
    return PlainTextResponse(f"{len(await request.body())} bytes")


async def echo_socket(websocket: WebSocket) -> None:
    await websocket.accept()
    async for text in websocket.iter_text():
        await websocket.send_text(text)


async def large(request: Request) -> PlainTextResponse:
    return PlainTextResponse("x" * 50_000_000)


APP = Starlette(
    routes=[
        Route("/", echo, methods=["GET", "POST"]),
        Route("/large", large),
        WebSocketRoute("/ws", echo_socket),
    ]
)


@pytest.fixture
def short(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(DeadlineHttpProtocol, "header_timeout", 1.0)
    monkeypatch.setattr(DeadlineHttpProtocol, "body_timeout", 1.5)


@contextlib.contextmanager
def served(**changes: Any) -> Iterator[int]:
    options = {**uvicorn_options(Settings()), "timeout_keep_alive": KEEP_ALIVE, **changes}
    with uvicorn_serving(APP, **options) as port:
        yield port


@contextlib.contextmanager
def connections(port: int, count: int) -> Iterator[list[socket.socket]]:
    opened: list[socket.socket] = []
    try:
        for _ in range(count):
            opened.append(socket.create_connection(("127.0.0.1", port), timeout=5))
        yield opened
    finally:
        for connection in opened:
            connection.close()


def read_until_closed(connection: socket.socket, deadline: float) -> bytes | None:
    """All the server sends until it closes; None if it is still open at ``deadline``."""
    received = b""
    while (left := deadline - time.monotonic()) > 0:
        connection.settimeout(left)
        try:
            chunk = connection.recv(65536)
        except TimeoutError:
            return None
        except ConnectionResetError:
            return received
        if not chunk:
            return received
        received += chunk
    return None


def test_serve_bounds_idle_connections_and_concurrency() -> None:
    options = uvicorn_options(Settings())
    assert options["http"] == "gateway.http.deadlines:DeadlineHttpProtocol"
    assert options["timeout_keep_alive"] == 5
    assert options["limit_concurrency"] == 1000


def test_idle_connections_that_never_send_a_byte_are_closed(short: None) -> None:
    with served() as port, connections(port, 100) as idle:
        opened = time.monotonic()
        deadline = opened + KEEP_ALIVE + SLACK
        answers = [read_until_closed(connection, deadline) for connection in idle]
        took = time.monotonic() - opened
    assert answers == [b""] * 100  # closed, nothing said
    assert took >= KEEP_ALIVE * 0.8  # not refused outright: closed when the wait ran out


def test_a_kept_alive_connection_is_closed_when_idle(short: None) -> None:
    with served() as port, connections(port, 1) as (connection,):
        connection.sendall(b"GET / HTTP/1.1\r\nhost: test\r\n\r\n")
        answer = read_until_closed(connection, time.monotonic() + KEEP_ALIVE + SLACK)
    assert answer is not None and answer.startswith(b"HTTP/1.1 200")


def test_headers_sent_a_byte_at_a_time_get_408_and_a_close(short: None) -> None:
    request = b"GET / HTTP/1.1\r\nhost: test\r\n" + b"x-slow: " + b"a" * 200
    with served() as port, connections(port, 5) as slow:
        started = time.monotonic()
        closed_at: list[float | None] = [None] * len(slow)
        answers: list[bytes] = [b""] * len(slow)
        for byte in request:  # keeps each connection busy, never finishing the headers
            if time.monotonic() - started > 1.0 + SLACK or all(closed_at):
                break
            for index, connection in enumerate(slow):
                if closed_at[index] is not None:
                    continue
                try:
                    connection.sendall(bytes([byte]))
                    connection.settimeout(0.001)
                    answers[index] += connection.recv(65536)
                    closed_at[index] = time.monotonic() - started  # recv b"": closed
                except TimeoutError:
                    pass
                except (BrokenPipeError, ConnectionResetError):
                    closed_at[index] = time.monotonic() - started
            time.sleep(0.02)
    assert all(at is not None and at < 1.0 + SLACK for at in closed_at), closed_at
    assert all(answer.startswith(b"HTTP/1.1 408") for answer in answers), answers


def test_a_body_that_never_finishes_is_cut_off(short: None) -> None:
    with served() as port, connections(port, 1) as (connection,):
        connection.sendall(b"POST / HTTP/1.1\r\nhost: test\r\ncontent-length: 1000\r\n\r\nab")
        started = time.monotonic()
        answer = read_until_closed(connection, started + 1.5 + SLACK)
    assert answer is not None  # closed (the app saw a disconnect and answered nothing)
    assert time.monotonic() - started >= 1.0


@pytest.mark.parametrize(
    "headers",
    [
        b"x-big: " + b"a" * 70_000 + b"\r\n\r\n",
        b"x-many: a\r\n" * 7_000 + b"\r\n",
        # One header that never ends: httptools hands a header over only when it is whole,
        # so it must be counted as it arrives, not as headers complete.
        b"x-endless: " + b"a" * 200_000,
    ],
    ids=["one large header", "many headers", "an endless header"],
)
def test_headers_over_the_size_cap_are_refused(headers: bytes) -> None:
    huge = b"GET / HTTP/1.1\r\nhost: test\r\n" + headers
    with served() as port, connections(port, 1) as (connection,):
        with contextlib.suppress(ConnectionResetError, BrokenPipeError):
            connection.sendall(huge)
        answer = read_until_closed(connection, time.monotonic() + 5)
    assert answer is not None and answer.startswith(b"HTTP/1.1 431")


def test_headers_just_under_the_cap_with_a_body_are_served() -> None:
    headers = b"x-pad: " + b"a" * 60_000 + b"\r\n"
    body = b"b" * 100_000  # arrives with the headers: not counted as headers
    request = b"POST / HTTP/1.1\r\nhost: test\r\ncontent-length: 100000\r\n" + headers
    with served() as port, connections(port, 1) as (connection,):
        connection.sendall(request + b"\r\n" + body)
        connection.settimeout(5)
        answer = b""
        while not answer.endswith(b"100000 bytes"):
            answer += connection.recv(65536)
    assert answer.startswith(b"HTTP/1.1 200")


def test_a_client_that_does_not_read_its_response_is_let_go(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(DeadlineHttpProtocol, "write_timeout", 1.0)
    with served() as port, connections(port, 1) as (connection,):
        connection.sendall(b"GET /large HTTP/1.1\r\nhost: test\r\n\r\n")
        time.sleep(1.0 + SLACK)  # reads nothing while the deadline passes
        received = 0
        connection.settimeout(5)
        with contextlib.suppress(ConnectionResetError):
            while chunk := connection.recv(1 << 20):  # to the end: the server's abort
                received += len(chunk)
    assert received < 50_000_000  # cut off: the rest was never sent


def test_one_address_holds_a_bounded_number_of_connections(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(DeadlineHttpProtocol, "max_connections_per_address", 3)

    def served_on(connection: socket.socket) -> bool:
        connection.sendall(b"GET / HTTP/1.1\r\nhost: test\r\n\r\n")
        connection.settimeout(5)
        return connection.recv(65536).startswith(b"HTTP/1.1 200")

    with served() as port, connections(port, 3) as held:
        with connections(port, 1) as (extra,):
            refused = read_until_closed(extra, time.monotonic() + 5)
        assert all(served_on(connection) for connection in held)  # those within the cap
        held.pop().close()  # a slot is released when its connection closes
        time.sleep(0.2)
        with connections(port, 1) as (later,):
            assert served_on(later)
    assert refused is not None and refused.startswith(b"HTTP/1.1 503")


def test_an_ordinary_request_on_a_fresh_connection_is_served_after_a_pause(
    short: None,
) -> None:
    with served() as port, connections(port, 1) as (connection,):
        time.sleep(KEEP_ALIVE / 2)
        connection.sendall(b"POST / HTTP/1.1\r\nhost: test\r\ncontent-length: 5\r\n\r\nhello")
        connection.settimeout(5)
        answer = connection.recv(65536)
    assert answer.startswith(b"HTTP/1.1 200") and answer.endswith(b"5 bytes")


def test_connections_past_the_concurrency_cap_get_503(short: None) -> None:
    with (
        served(limit_concurrency=3) as port,
        connections(port, 3) as _,
        connections(port, 1) as (extra,),
    ):
        extra.sendall(b"GET / HTTP/1.1\r\nhost: test\r\n\r\n")
        answer = read_until_closed(extra, time.monotonic() + 5)
    assert answer is not None and answer.startswith(b"HTTP/1.1 503")


def test_a_websocket_outlives_the_request_deadlines(short: None) -> None:
    with (
        served() as port,
        websockets.connect(f"ws://127.0.0.1:{port}/ws", open_timeout=5) as ws,
    ):
        time.sleep(max(KEEP_ALIVE, DeadlineHttpProtocol.body_timeout) + 0.5)
        ws.send("still here")
        assert ws.recv(5) == "still here"
