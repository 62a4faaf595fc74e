"""Server processes for the HTTP measurements: flightgraph (compiled and standard), the two
floors (rows + orjson, and JSON built in SQL) and PostGraphile, each pinned to core 0 with
``taskset`` (the load generator gets core 1).

flightgraph runs as ``uvicorn --factory gateway.app:create_app`` in the development profile
(rate limiting off: the production profile's 20 requests/s per client would measure the
limiter), with the request guards lifted so that Q1 — LL2's 13-level, ~280-alias detailed
document — is accepted on ``/graphql``. The floors run the same way with their own apps.
Access logs are off for all of them.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import psutil

ROOT = Path(__file__).resolve().parent
NODE_PROJECT = ROOT / "postgraphile"
SERVER_CORE = "0"
LOAD_CORE = "1"

# Guards lifted for Q1 (see gateway/http/settings.py), and a timeout a queue of slow Q1s
# under load stays clear of; everything else is the default.
GUARDS_LIFTED = {
    "FLIGHTGRAPH_MAX_DEPTH": "64",
    "FLIGHTGRAPH_MAX_ALIASES": "10000",
    "FLIGHTGRAPH_MAX_TOKENS": "100000",
    "FLIGHTGRAPH_MAX_COST": "1000000000",
    "FLIGHTGRAPH_EXECUTION_TIMEOUT": "300",
}
VARIANTS = ("compiled", "standard", "floor", "floor-json", "postgraphile")
FLOOR_APPS = {"floor": "bench.floor:create_app", "floor-json": "bench.floor_json:create_app"}


@dataclass
class Server:
    variant: str
    process: subprocess.Popen[bytes]
    base: str
    log: Path
    peak_rss_mib: float = field(default=0.0)

    @property
    def graphql_url(self) -> str:
        return self.base + "/graphql"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def pinned(core: str, command: list[str]) -> list[str]:
    return ["taskset", "-c", core, *command] if shutil.which("taskset") else command


def peak_rss_mib(pid: int) -> float:
    """The kernel's high-water mark of the process's resident set (VmHWM)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmHWM for {pid}")


def cpu_seconds(pid: int) -> float:
    """User and system CPU of the process and its children (PostGraphile's node, uvicorn)."""
    process = psutil.Process(pid)
    total = 0.0
    for each in [process, *process.children(recursive=True)]:
        times = each.cpu_times()
        total += times.user + times.system
    return total


def _command(variant: str, url: str, libpq_url: str | None, port: int) -> tuple[list[str], dict]:
    uvicorn = [sys.executable, "-m", "uvicorn", "--factory", "--host", "127.0.0.1"]
    uvicorn += ["--port", str(port), "--log-level", "warning", "--no-access-log"]
    env = {k: v for k, v in os.environ.items() if not k.startswith("FLIGHTGRAPH_")}
    if variant in ("compiled", "standard"):
        env |= GUARDS_LIFTED | {
            "FLIGHTGRAPH_DATABASE_URL": url,
            "FLIGHTGRAPH_PROFILE": "development",
            "FLIGHTGRAPH_COMPILED_EXECUTION": "true" if variant == "compiled" else "false",
        }
        return [*uvicorn, "gateway.app:create_app"], env
    if variant in FLOOR_APPS:
        return [*uvicorn, FLOOR_APPS[variant]], env | {"FLOOR_DATABASE_URL": url}
    if variant == "postgraphile":
        if libpq_url is None:
            raise ValueError("PostGraphile serves PostgreSQL only")
        env |= {"NODE_ENV": "production", "GRAPHILE_ENV": "production"}
        return ["node", str(NODE_PROJECT / "server.mjs"), libpq_url, str(port)], env
    raise ValueError(f"unknown variant {variant!r}")


def _wait_ready(server: Server, probe: bytes) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"{server.variant} exited; see {server.log}")
        try:
            response = httpx.post(
                server.graphql_url, content=probe, headers={"content-type": "application/json"}
            )
            if response.status_code in (200, 400):
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"{server.variant} never became ready; see {server.log}")


@contextmanager
def serve(variant: str, url: str, libpq_url: str | None, logs: Path) -> Iterator[Server]:
    """Run one variant's server until the block ends; its peak RSS is set on exit."""
    port = free_port()
    command, env = _command(variant, url, libpq_url, port)
    logs.mkdir(parents=True, exist_ok=True)
    log = logs / f"{variant}-{port}.log"
    with log.open("wb") as sink:
        process = subprocess.Popen(
            pinned(SERVER_CORE, command), env=env, stdout=sink, stderr=sink, cwd=ROOT.parent
        )
        server = Server(variant, process, f"http://127.0.0.1:{port}", log)
        try:
            _wait_ready(server, b'{"query": "{ __typename }"}')
            yield server
            server.peak_rss_mib = peak_rss_mib(process.pid)
        finally:
            process.terminate()
            try:
                process.wait(15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
