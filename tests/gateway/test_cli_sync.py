"""`flightgraph sync` as a user runs it: killed mid-run, it resumes without refetching."""

import os
import signal
import subprocess
import sys
import threading

import pytest

from tests.gateway.test_cli_ingest import count
from tests.ingest.fake_ll2 import FakeLL2, serve
from tests.ingest.test_sync import FLIGHTS, dataset


def sync_command(database_url: str, api: str, *extra: str) -> list[str]:
    return [
        sys.executable, "-m", "gateway.cli", "--database-url", database_url,
        "sync", "--api-url", api, "--endpoint", "spacecraft_flights", *extra,
    ]  # fmt: skip


@pytest.mark.slow
def test_killed_sync_resumes_without_refetching_committed_pages(database_url: str) -> None:
    fake = FakeLL2(dataset())
    fake.hold[("spacecraft_flights", 200)] = threading.Event()
    with serve(fake) as api:
        process = subprocess.Popen(sync_command(database_url, api), stdout=subprocess.DEVNULL)
        try:
            assert fake.reached.wait(60), "the sync never reached the third page"
        finally:
            process.send_signal(signal.SIGKILL)
            process.wait(30)
        fake.hold.pop(("spacecraft_flights", 200)).set()
        assert count(database_url, "spacecraft_flights") == 200  # two pages committed

        rerun = subprocess.run(sync_command(database_url, api), capture_output=True, timeout=120)
        assert rerun.returncode == 0, rerun.stderr.decode()

    assert count(database_url, "spacecraft_flights") == FLIGHTS
    assert fake.requests.count(("spacecraft_flights", 0)) == 1
    assert fake.requests.count(("spacecraft_flights", 100)) == 1
    assert fake.requests.count(("spacecraft_flights", 200)) == 2


def test_dry_run_shows_the_plan_and_fetches_no_page(database_url: str) -> None:
    fake = FakeLL2(dataset())
    with serve(fake) as api:
        done = subprocess.run(
            sync_command(database_url, api, "--dry-run"), capture_output=True, timeout=60
        )
    assert done.returncode == 0, done.stderr.decode()
    out = done.stdout.decode()
    assert "spacecraft_flights: full" in out and "mode=detailed" in out
    assert "budget: 10000 of 10000" in out
    assert fake.requests == []


def test_an_unreachable_api_is_a_clear_error(database_url: str) -> None:
    done = subprocess.run(
        sync_command(database_url, "http://127.0.0.1:9/2.3.0"),
        capture_output=True,
        timeout=120,
        env={**os.environ, "FLIGHTGRAPH_SYNC_ATTEMPTS": "2"},
    )
    assert done.returncode != 0
    assert b"Traceback" not in done.stderr and b"error:" in done.stderr
