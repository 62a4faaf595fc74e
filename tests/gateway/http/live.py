"""A real flightgraph under uvicorn in a thread, for clients that need a socket (Node, Chromium)."""

from __future__ import annotations

import contextlib
import shutil
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import uvicorn

from gateway.app import create_app
from gateway.settings import Settings
from tests.conftest import require_service

JS = Path(__file__).resolve().parent / "js"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def serve(app: Any) -> Iterator[str]:
    """``app`` on a free loopback port until the block ends; yields its base URL."""
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.02)
    assert server.started, "uvicorn did not start"
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)


def serve_settings(settings: Settings) -> contextlib.AbstractContextManager[str]:
    return serve(create_app(settings))


def node(*package: str) -> str:
    """The `node` binary, once the JS project's packages are installed."""
    path = shutil.which("node")
    if path is None:
        require_service("Node.js", "`node` is not on PATH")
    for name in package:
        if not (JS / "node_modules" / name).exists():
            require_service("Node packages", f"run `npm ci` in {JS}")
    return path  # type: ignore[return-value]


def run_node(binary: str, script: str, *args: str, timeout: float = 180) -> str:
    done = subprocess.run(
        [binary, str(JS / script), *args],
        cwd=JS,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert done.returncode == 0, f"{script} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout.strip().splitlines()[-1]
