"""Helpers for tests that run servers and Node tools as separate processes."""

from __future__ import annotations

import shutil
import socket
from pathlib import Path

from tests.conftest import require_service


def free_port() -> int:
    """A loopback port nobody listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def node_project(folder: Path, package: str) -> str:
    """The `node` executable, once ``folder``'s pinned packages are installed (`npm ci`)."""
    path = shutil.which("node")
    if path is None:
        require_service("Node.js", "`node` is not on PATH")
    if not (folder / "node_modules" / package).exists():
        require_service("Node packages", f"run `npm ci` in {folder}")
    return path  # type: ignore[return-value]
