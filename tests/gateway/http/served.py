"""An ASGI app under a real uvicorn (in a thread, on a free loopback port) run with the
options ``flightgraph serve`` gives it, for tests of what only a socket shows."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from typing import Any

import uvicorn

from tests.processes import free_port


@contextlib.contextmanager
def uvicorn_serving(app: Any, **options: Any) -> Iterator[int]:
    """``app`` served with uvicorn ``options`` (host and port replaced); yields the port."""
    port = free_port()
    options = {**options, "host": "127.0.0.1", "port": port, "log_level": "warning"}
    server = uvicorn.Server(uvicorn.Config(app, **options))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.01)
    assert server.started, "uvicorn did not start"
    try:
        yield port
    finally:
        server.should_exit = True
        thread.join(10)
