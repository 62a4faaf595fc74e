"""``flightgraph serve`` with two workers: a scrape reaching either one sums both workers'
counts (prometheus-client's multiprocess files, in a directory serve creates and removes),
and FLIGHTGRAPH_LOG_FORMAT=json reaches the workers' output."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from prometheus_client.mmap_dict import MmapedDict

from gateway.cli import main as cli
from tests.conftest import SEED_FLIGHT, shared_file
from tests.gateway.observe.scrape import parse, value
from tests.processes import free_port

QUERY = {"query": "query Flight { flight(ll2Id: 859) { ll2Id } }"}
OPERATIONS = "flightgraph_graphql_operations_total"
MAX_REQUESTS = 400


def counted_by_process(folder: Path) -> dict[str, float]:
    """Each worker's own count of Flight operations, read from its counter file."""
    counts: dict[str, float] = {}
    for path in folder.glob("counter_*.db"):
        if path.stat().st_size < 8:  # a worker is creating it: no header yet
            continue
        for key, count, *_ in MmapedDict.read_all_values_from_file(str(path)):
            name, _sample, labels, *_ = json.loads(key)
            if name == "flightgraph_graphql_operations" and labels.get("operation") == "Flight":
                counts[path.stem] = counts.get(path.stem, 0) + count
    return counts


def settled_counts(folder: Path, sent: int, timeout: float = 5) -> dict[str, float]:
    """The workers' counts once they add up to ``sent``: a worker counts an operation as its
    response goes out, so the client can read the files before the last count lands."""
    deadline = time.monotonic() + timeout
    counts = counted_by_process(folder)
    while sum(counts.values()) < sent and time.monotonic() < deadline:
        time.sleep(0.05)
        counts = counted_by_process(folder)
    return counts


def wait_ready(base: str, process: subprocess.Popen[bytes], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        try:
            if httpx.get(base + "/readyz", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise AssertionError(f"serve never became ready (exit code {process.poll()})")


@pytest.mark.slow
def test_two_workers_are_summed_in_one_scrape(tmp_path: Path) -> None:
    database = f"sqlite+aiosqlite:///{tmp_path / 'served.db'}"
    assert cli(["--database-url", database, "ingest", str(shared_file(SEED_FLIGHT))]) == 0
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    port = free_port()
    env = {
        **{k: v for k, v in os.environ.items() if k != "PROMETHEUS_MULTIPROC_DIR"},
        "TMPDIR": str(temporary),  # where serve's metrics directory goes
        "FLIGHTGRAPH_DATABASE_URL": database,
        "FLIGHTGRAPH_WORKERS": "2",
        "FLIGHTGRAPH_PORT": str(port),
        "FLIGHTGRAPH_LOG_FORMAT": "json",
        "FLIGHTGRAPH_TUNE_GC": "false",
    }
    log = tmp_path / "serve.log"
    with log.open("wb") as output:
        process = subprocess.Popen(
            [sys.executable, "-m", "gateway.cli", "serve"], env=env, stdout=output, stderr=output
        )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_ready(base, process)
        (folder,) = temporary.glob("flightgraph-metrics-*")
        sent = 0
        # New connections until both workers have answered some (the kernel picks one).
        while len(counted_by_process(folder)) < 2 and sent < MAX_REQUESTS:
            assert httpx.post(base + "/graphql", json=QUERY).json() == {
                "data": {"flight": {"ll2Id": 859}}
            }
            sent += 1
        per_worker = settled_counts(folder, sent)
        assert len(per_worker) == 2, f"one worker took all {sent} requests"
        assert sum(per_worker.values()) == sent
        for _ in range(4):  # whichever worker answers the scrape, it reports both
            samples = parse(httpx.get(base + "/metrics").text)
            assert value(samples, OPERATIONS, operation="Flight", outcome="ok", code="none") == sent
            count = value(samples, "flightgraph_request_duration_seconds_count", surface="graphql")
            assert count == sent
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(30)
    assert not folder.exists()  # serve removed its metrics directory
    access = [
        line
        for line in (json.loads(text) for text in log.read_text().splitlines() if text[:1] == "{")
        if line.get("logger") == "flightgraph.access" and line.get("route") == "/graphql"
    ]
    assert len(access) == sent
    assert all(line["operations"] == ["Flight"] and line["status"] == 200 for line in access)
