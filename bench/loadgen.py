"""The HTTP load generator: autocannon (bench/postgraphile/load.mjs) pinned to core 1."""

from __future__ import annotations

import json
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from bench.servers import LOAD_CORE, NODE_PROJECT, pinned


@dataclass(frozen=True)
class Load:
    per_second: float
    p50_ms: float
    p99_ms: float
    requests: int
    answered: int  # warm-up included


class LoadError(RuntimeError):
    """A load run that saw failed requests: its figures would not mean anything."""


def run_load(
    url: str,
    body: bytes | None,
    *,
    warmup_requests: int,
    seconds: float,
    slow_requests: int,
    connections: int,
) -> Load:
    """POST ``body`` to ``url`` (GET when it is None) under load; requests/s and latency.

    Measured for ``seconds``, or for ``slow_requests`` requests when the warm-up shows a
    slow query (see load.mjs)."""
    with tempfile.NamedTemporaryFile(suffix=".json") as file:
        Path(file.name).write_bytes(body or b"")
        source = "-" if body is None else file.name
        command = ["node", str(NODE_PROJECT / "load.mjs"), url, source, str(warmup_requests)]
        command += [str(seconds), str(slow_requests), str(connections)]
        output = subprocess.run(
            pinned(LOAD_CORE, command), check=True, capture_output=True, text=True
        ).stdout
    result = json.loads(output.strip().splitlines()[-1])
    if result["non2xx"] or result["errors"] or result["timeouts"] or not result["requests"]:
        raise LoadError(f"{url}: failed requests under load: {result}")
    figures = result["perSecond"], result["p50"], result["p99"], result["requests"]
    return Load(*figures, result["answered"])
