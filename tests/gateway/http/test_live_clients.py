"""A live flightgraph checked by outside tools: the graphql-http audit, Apollo Client and urql
(persisted queries over GET included), and GraphiQL in headless Chromium with no internet."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from gateway.cli import main as cli
from gateway.http import graphiql
from gateway.http.examples import EXAMPLES
from gateway.settings import Settings
from tests.conftest import SAMPLES, SEED_FLIGHT, require_service, shared_file
from tests.gateway.http.live import node, run_node, serve_settings

LAUNCHES = SAMPLES / "launches/2.3.0_normal_upcoming-results-array_10_astroshare.json"
ARTIFACTS = Path(os.environ.get("FLIGHTGRAPH_ARTIFACTS", "var/test-artifacts"))


@pytest.fixture(scope="module")
def url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    database = f"sqlite+aiosqlite:///{tmp_path_factory.mktemp('live') / 'live.db'}"
    for sample in (shared_file(LAUNCHES), shared_file(SEED_FLIGHT)):
        assert cli(["--database-url", database, "ingest", str(sample)]) == 0
    with serve_settings(Settings(database_url=database)) as base:
        yield base + "/graphql"


def test_graphql_http_audit_finds_no_error_and_no_warning(url: str) -> None:
    report = json.loads(run_node(node("graphql-http"), "audit.mjs", url))
    assert report["failures"] == []
    assert (report["error"], report["warn"]) == (0, 0)
    assert report["ok"] > 50


def test_apollo_client_and_urql(url: str) -> None:
    out = json.loads(run_node(node("@apollo/client", "@urql/core"), "clients.mjs", url))
    launches = json.loads(LAUNCHES.read_bytes())
    names = sorted(launch["name"] for launch in launches)
    for client in ("apollo", "urql"):
        seen = out[client]
        assert seen["list"]["launches"]["totalCount"] == 11  # 10 launches + the seed's
        assert len(seen["list"]["launches"]["nodes"]) == 5
        nested = seen["nested"]["launches"]["nodes"]
        assert len(nested) == 3
        assert all(n["pad"]["location"]["name"] for n in nested), nested
        walked = seen["walk"]["names"]
        assert seen["walk"]["pages"] == 4  # 11 launches, 3 a page
        assert len(walked) == len(set(walked)) == 11
        assert set(names) <= set(walked)
        for hashed in seen["hashed"]:
            assert hashed["flight"]["ll2Id"] == 859
    for client in ("apollo", "urql"):
        requests = [r for r in out["requests"] if r["client"] == client]
        hashed_gets = [r for r in requests if r["method"] == "GET" and r["hashed"]]
        # A hash the server does not know yet makes the client send it again with the
        # query (registration); after that, hashed GETs without the query text are hits.
        assert any(not r["withQuery"] and r["status"] == 200 for r in hashed_gets), requests
        assert any(r["hashed"] and r["withQuery"] for r in requests), requests


def test_graphiql_in_headless_chromium_offline(url: str) -> None:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        require_service("Chromium", "install Debian's `chromium` package")
    if not all(graphiql.local_path(name) for name in graphiql.ASSETS):
        require_service("GraphiQL assets", f"run `npm ci` in {graphiql.PROJECT}")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    screenshot = ARTIFACTS / "graphiql.png"
    screenshot.unlink(missing_ok=True)
    out = json.loads(
        run_node(node("playwright-core"), "browser.mjs", url, str(screenshot.resolve()), chromium)
    )
    assert out["external"] == []
    # Every example tab ran and answered without errors (the subscription stays open).
    assert [e["name"] for e in out["examples"]] == [e.name for e in EXAMPLES]
    for example in out["examples"]:
        assert '"errors"' not in example["result"], example
        if example.get("subscription"):
            assert example["running"], example  # open over the WebSocket, waiting for events
        else:
            assert '"data"' in example["result"], example
    assert '"destination": "Low Earth Orbit"' in out["result"].replace("\n", " ")
    assert out["docs"] == 1 and out["explorer"] == 1
    assert screenshot.stat().st_size > 10_000
