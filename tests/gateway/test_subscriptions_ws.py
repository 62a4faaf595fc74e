"""Subscriptions end to end: a graphql-ws client, two gateways sharing Redis, live sync.

Gateway A syncs from a fake LL2 every second; gateway B only serves. A launch changes at
the "LL2" end: A's sync ingests it and publishes through Redis, and the subscribers on both
gateways receive the changed launch.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest

from tests.conftest import require_service
from tests.ingest.fake_ll2 import FakeLL2, serve
from tests.ingest.test_sync import dataset
from tests.processes import free_port, node_project

# Every gateway on this Redis shares one change channel: the SQLite and the PostgreSQL run
# sync the same launch, so one must not hear the other's change (one xdist worker runs both).
pytestmark = pytest.mark.xdist_group("redis-change-feed")

CLIENT = Path(__file__).resolve().parents[1] / "subscriptions"
REDIS_URL = os.environ.get("FLIGHTGRAPH_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
SUBSCRIPTION = """subscription ($filter: LaunchFilter) {
  launchUpdated(filter: $filter) { ll2Id name status { name } } }"""


@pytest.fixture(scope="module")
def node() -> str:
    return node_project(CLIENT, "graphql-ws")


@pytest.fixture(scope="module")
def redis_url() -> str:
    import redis

    probe = redis.from_url(REDIS_URL, socket_connect_timeout=2)
    try:
        probe.ping()
    except redis.RedisError as error:
        require_service("Redis", f"{REDIS_URL}: {error}")
    finally:
        probe.close()
    return REDIS_URL


class Lines:
    """A process's stdout, read line by line in the background."""

    def __init__(self, process: subprocess.Popen[str]) -> None:
        self.process = process
        self.lines: list[str] = []
        self.changed = threading.Condition()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.process.stdout:  # type: ignore[union-attr]
            with self.changed:
                self.lines.append(line.strip())
                self.changed.notify_all()

    def wait_for(self, predicate, timeout: float = 60) -> str:  # type: ignore[no-untyped-def]
        deadline = time.monotonic() + timeout
        with self.changed:
            while True:
                for line in self.lines:
                    if predicate(line):
                        return line
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"not seen in time; output so far: {self.lines}")
                self.changed.wait(min(left, 0.5))


def gateway(
    database_url: str, redis_url: str, port: int, log: Path, *extra: str
) -> subprocess.Popen[str]:
    env = {
        **os.environ,
        "FLIGHTGRAPH_REDIS_URL": redis_url,
        "FLIGHTGRAPH_DEMO_FLIGHTS": "0",
        "FLIGHTGRAPH_SYNC_ATTEMPTS": "2",
    }
    command = [sys.executable, "-m", "gateway.cli", "--database-url", database_url, "serve"]
    output = log.open("w")
    process = subprocess.Popen(
        [*command, "--port", str(port), *extra],
        env=env,
        stdout=output,
        stderr=subprocess.STDOUT,
        text=True,
    )
    process.stdout_file = output  # type: ignore[attr-defined]
    return process


def wait_ready(port: int, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise AssertionError(f"gateway on {port} never became ready")


def launch_count(port: int) -> int:
    body = httpx.post(
        f"http://127.0.0.1:{port}/graphql",
        json={"query": "{ launches(first: 1) { totalCount } }"},
        timeout=10,
    ).json()
    return body["data"]["launches"]["totalCount"]


@pytest.fixture
def gateways(database_url: str, redis_url: str, tmp_path: Path) -> Iterator[dict]:
    fake = FakeLL2(dataset())
    with serve(fake) as api:
        a, b = free_port(), free_port()
        logs = (tmp_path / "a.log", tmp_path / "b.log")
        sync = ("--sync-every", "1s", "--sync-api-url", api)
        processes = [gateway(database_url, redis_url, a, logs[0], *sync)]
        try:
            wait_ready(a)  # A has migrated the empty database before B starts
            processes.append(gateway(database_url, redis_url, b, logs[1]))
            wait_ready(b)
            deadline = time.monotonic() + 60
            while launch_count(b) < len(fake.data["launches"]):
                assert time.monotonic() < deadline, "the first background sync never finished"
                time.sleep(0.3)
            yield {"fake": fake, "ports": (a, b), "logs": logs}
        finally:
            for process in processes:
                process.terminate()
                try:
                    process.wait(15)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait(15)
                process.stdout_file.close()  # type: ignore[attr-defined]


@pytest.mark.slow
def test_a_synced_change_reaches_subscribers_on_both_gateways(node: str, gateways: dict) -> None:
    fake, (a, b) = gateways["fake"], gateways["ports"]
    target = fake.data["launches"][0]
    variables = json.dumps({"filter": {"ll2Id": {"eq": target["id"]}}})
    clients = [
        Lines(
            subprocess.Popen(
                [node, str(CLIENT / "subscribe.mjs"), f"ws://127.0.0.1:{port}/graphql",
                 SUBSCRIPTION, variables],
                stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
            )
        )
        for port in (b, a)
    ]  # fmt: skip
    try:
        for client in clients:
            client.wait_for(lambda line: line == "ready", timeout=30)
        time.sleep(1.0)  # the servers have registered both subscriptions

        later = datetime.now(UTC) + timedelta(minutes=10)
        target["name"] = f"{target['name']} — slipped to {later:%H:%M}"
        target["last_updated"] = later.isoformat().replace("+00:00", "Z")

        def the_change(line: str) -> bool:
            # The first background sync may still be ingesting the flights' copies of the
            # launch when the clients subscribe: those events (the old name) come first.
            if not line.startswith("{"):
                return False
            event = json.loads(line)
            return "error" in event or event["data"]["launchUpdated"]["name"] == target["name"]

        for client in clients:
            line = client.wait_for(the_change, timeout=60)
            event = json.loads(line)
            assert "error" not in event, event
            earlier = [json.loads(seen) for seen in client.lines if seen.startswith("{")]
            assert all(e["data"]["launchUpdated"]["ll2Id"] == target["id"] for e in earlier)
            assert event["data"]["launchUpdated"] == {
                "ll2Id": target["id"],
                "name": target["name"],
                "status": {"name": target["status"]["name"]},
            }
    except AssertionError:
        for log in gateways["logs"]:
            print(f"--- {log.name}\n{log.read_text()[-3000:]}")
        raise
    finally:
        for client in clients:
            client.process.kill()
            client.process.wait(10)
            client.process.stdout.close()  # type: ignore[union-attr]
