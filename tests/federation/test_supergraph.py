"""flightgraph composed with a second subgraph and queried through a real Apollo Gateway.

Node processes: the "watchlist" subgraph (extends Launch by id and Pad by ll2Id), the
composition (Apollo's and The Guild's must agree), and @apollo/gateway. flightgraph runs
in-process under uvicorn, behind a recorder that sees every `_entities` call it gets.
"""

from __future__ import annotations

import json
import os
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn

from gateway.app import create_app
from gateway.cli import main as cli
from gateway.settings import Settings
from schema.node import to_global_id
from tests.conftest import SAMPLES, SEED_FLIGHT, shared_file
from tests.databases import empty_database_url
from tests.processes import free_port, node_project

HERE = Path(__file__).resolve().parent
LAUNCHES = "launches/2.3.0_normal_upcoming-results-array_10_astroshare.json"


@pytest.fixture(scope="module")
def node() -> str:
    return node_project(HERE, "@apollo/gateway")


class EntityRecorder:
    """ASGI middleware noting each `_entities` operation flightgraph receives."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.calls: list[list[dict[str, Any]]] = []

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["method"] != "POST":
            await self.app(scope, receive, send)
            return
        chunks, more = [], True
        while more:
            message = await receive()
            chunks.append(message.get("body", b""))
            more = message.get("more_body", False)
        body = b"".join(chunks)
        payload = json.loads(body or b"{}")
        for operation in payload if isinstance(payload, list) else [payload]:
            if "_entities" in operation.get("query", ""):
                self.calls.append(operation["variables"]["representations"])

        async def replay() -> dict[str, Any]:
            return {"type": "http.request", "body": body, "more_body": False}

        await self.app(scope, replay, send)


class Thread(threading.Thread):
    def __init__(self, server: uvicorn.Server) -> None:
        super().__init__(daemon=True)
        self.server = server

    def run(self) -> None:
        self.server.run()


def start_node(node: str, script: str, *args: str, env: dict[str, str] | None = None):
    process = subprocess.Popen(
        [node, str(HERE / script), *args],
        cwd=HERE,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, **(env or {})},
    )
    seen = []
    for line in process.stdout:  # log lines, then "ready <url>" — or the error that stopped it
        seen.append(line)
        if line.startswith("ready"):
            # Keep draining, so a chatty process never blocks on a full pipe.
            threading.Thread(target=process.stdout.read, daemon=True).start()
            return process
    process.kill()
    raise AssertionError(f"{script} did not start: {''.join(seen)}")


@pytest.fixture(scope="module")
def supergraph(
    node: str, module_backend: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[dict[str, Any]]:
    """The running stack, shared by the module's tests of one backend (they only query it;
    starting three processes and composing takes seconds)."""
    tmp_path = tmp_path_factory.mktemp(f"supergraph-{module_backend}")
    with empty_database_url(module_backend, tmp_path) as database_url:
        yield from _supergraph(node, database_url, tmp_path)


def _supergraph(node: str, database_url: str, tmp_path: Path) -> Iterator[dict[str, Any]]:
    for sample in (shared_file(SAMPLES / LAUNCHES), shared_file(SEED_FLIGHT)):
        assert cli(["--database-url", database_url, "ingest", str(sample)]) == 0
    launches = json.loads((SAMPLES / LAUNCHES).read_bytes())[:3]
    watched = {
        "launches": [to_global_id("Launch", launch["id"]) for launch in launches],
        "pads": sorted({launch["pad"]["id"] for launch in launches}),
    }

    recorder = EntityRecorder(create_app(Settings(database_url=database_url)))
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(recorder, host="127.0.0.1", port=port, log_level="warning")
    )
    thread = Thread(server)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.02)
    processes = []
    try:
        watch_port, gateway_port = free_port(), free_port()
        processes.append(start_node(node, "watchlist.mjs", str(watch_port), json.dumps(watched)))
        supergraph_file = tmp_path / "supergraph.graphql"
        composed = subprocess.run(
            [
                node,
                str(HERE / "compose.mjs"),
                str(supergraph_file),
                f"flightgraph=http://127.0.0.1:{port}/graphql",
                f"watchlist=http://127.0.0.1:{watch_port}/",
            ],
            cwd=HERE,
            capture_output=True,
            text=True,
            timeout=120,
        )
        print(composed.stdout)  # composition hints, shown with -s
        assert composed.returncode == 0, composed.stdout + composed.stderr
        processes.append(
            start_node(
                node,
                "gateway.mjs",
                str(gateway_port),
                str(supergraph_file),
                env={"APOLLO_TELEMETRY_DISABLED": "true"},
            )
        )
        yield {
            "url": f"http://127.0.0.1:{gateway_port}/",
            "recorder": recorder,
            "watched": watched,
            "launches": launches,
            "composition": composed.stdout,
        }
    finally:
        for process in processes:
            process.kill()
            process.wait(10)
            process.stdout.close()
        server.should_exit = True
        thread.join(10)


def query(url: str, document: str) -> dict[str, Any]:
    response = httpx.post(url, json={"query": document}, timeout=60)
    body = response.json()
    assert response.status_code == 200 and "errors" not in body, body
    return body["data"]


def test_composes_with_zero_errors_and_both_compositions_agree(supergraph: dict) -> None:
    assert "compositions agree" in supergraph["composition"]


def test_flightgraph_to_watchlist(supergraph: dict) -> None:
    data = query(
        supergraph["url"],
        """{ launches(first: 20, orderBy: NET_ASC) {
               nodes { id name watchers pad { ll2Id name favouritedBy } } } }""",
    )
    watched = set(supergraph["watched"]["launches"])
    nodes = data["launches"]["nodes"]
    assert len(nodes) == 11  # 10 sample launches + the seed's
    for launch in nodes:
        expected = (2 if launch["id"] == supergraph["watched"]["launches"][0] else 1) * (
            launch["id"] in watched
        )
        assert launch["watchers"] == expected
        favourite = launch["pad"]["ll2Id"] in supergraph["watched"]["pads"]
        assert launch["pad"]["favouritedBy"] == (["ada"] if favourite else [])


def test_watchlist_to_flightgraph_three_levels_deep_in_one_batch(supergraph: dict) -> None:
    recorder = supergraph["recorder"]
    recorder.calls.clear()
    data = query(
        supergraph["url"],
        """{ watchlists { owner
               launches { name pad { name location { name celestialBody { name } } } }
               pads { name location { country { alpha2Code } } } } }""",
    )
    ada = data["watchlists"][0]
    assert [launch["name"] for launch in ada["launches"]] == [
        launch["name"] for launch in supergraph["launches"]
    ]
    for got, sample in zip(ada["launches"], supergraph["launches"], strict=True):
        location = got["pad"]["location"]
        assert location["name"] == sample["pad"]["location"]["name"]
        assert (
            location["celestialBody"]["name"] == sample["pad"]["location"]["celestial_body"]["name"]
        )
    assert len(ada["pads"]) == len(supergraph["watched"]["pads"])

    # Every representation of a type reached flightgraph in a single `_entities` call.
    by_type: dict[str, list[int]] = {}
    for index, call in enumerate(recorder.calls):
        for representation in call:
            by_type.setdefault(representation["__typename"], []).append(index)
    assert set(by_type) == {"Launch", "Pad"}
    for typename, calls in by_type.items():
        assert len(set(calls)) == 1, f"{typename} representations split over calls {calls}"
    launches = [r for call in recorder.calls for r in call if r["__typename"] == "Launch"]
    # The gateway does not dedupe: ada's three launches plus grace's one.
    assert len(launches) == len(supergraph["watched"]["launches"]) + 1
