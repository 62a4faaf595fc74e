"""A real flightgraph under uvicorn in a thread, for clients that need a socket (Node, Chromium)."""

from __future__ import annotations

import contextlib
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from gateway.app import create_app
from gateway.settings import Settings
from tests.conftest import require_service
from tests.gateway.http.served import uvicorn_serving

JS = Path(__file__).resolve().parent / "js"


@contextlib.contextmanager
def serve(app: Any) -> Iterator[str]:
    """``app`` on a free loopback port until the block ends; yields its base URL."""
    with uvicorn_serving(app) as port:
        yield f"http://127.0.0.1:{port}"


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
