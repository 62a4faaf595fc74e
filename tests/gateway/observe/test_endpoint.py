"""Who may read /metrics: on in development, off in production unless asked for, and behind
a bearer token when one is set."""

from __future__ import annotations

import json
import time
from pathlib import Path

import httpx
import pytest
from websockets.sync import client as websockets

from gateway.cli import main as cli
from gateway.settings import Settings
from tests.conftest import SEED_FLIGHT, shared_file
from tests.gateway.http.conftest import Client
from tests.gateway.http.live import serve_settings
from tests.gateway.observe.scrape import parse, value


async def test_development_serves_metrics_and_production_does_not(client: Client) -> None:
    async with client() as http:
        assert (await http.get("/metrics")).status_code == 200
    async with client(profile="production") as http:
        assert (await http.get("/metrics")).status_code == 404
    async with client(profile="production", metrics_enabled=True) as http:
        answer = await http.get("/metrics")
        assert answer.status_code == 200
        assert "flightgraph_request_duration_seconds" in answer.text


def test_production_turns_metrics_off_unless_set(monkeypatch: pytest.MonkeyPatch) -> None:
    assert Settings(profile="production").metrics_enabled is False
    monkeypatch.setenv("FLIGHTGRAPH_PROFILE", "production")
    monkeypatch.setenv("FLIGHTGRAPH_METRICS_ENABLED", "true")
    monkeypatch.setenv("FLIGHTGRAPH_METRICS_TOKEN", "s3cret")
    settings = Settings()
    assert (settings.metrics_enabled, settings.metrics_token) == (True, "s3cret")


async def test_a_token_is_required_when_set(client: Client) -> None:
    async with client(metrics_token="s3cret") as http:
        for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": "Basic s3cret"}):
            refused = await http.get("/metrics", headers=headers)
            assert refused.status_code == 401
            assert refused.headers["www-authenticate"].startswith("Bearer")
            assert refused.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
            assert "flightgraph_" not in refused.text
        allowed = await http.get("/metrics", headers={"Authorization": "Bearer s3cret"})
        assert allowed.status_code == 200
        assert "flightgraph_graphql_operations" in allowed.text


async def test_each_app_counts_its_own_requests(client: Client) -> None:
    query = {"query": "query Once { __typename }"}
    async with client() as first:
        await first.post("/graphql", json=query)
    async with client() as second:
        samples = parse((await second.get("/metrics")).text)
    assert value(samples, "flightgraph_graphql_operations_total", operation="Once") == 0


def test_active_subscriptions_are_a_gauge(tmp_path: Path) -> None:
    database = f"sqlite+aiosqlite:///{tmp_path / 'subscriptions.db'}"
    assert cli(["--database-url", database, "ingest", str(shared_file(SEED_FLIGHT))]) == 0
    name = "flightgraph_subscriptions_active"

    def active(base: str) -> float:
        return value(parse(httpx.get(base + "/metrics").text), name)

    def until(base: str, expected: float) -> float:
        deadline = time.monotonic() + 5
        while (seen := active(base)) != expected and time.monotonic() < deadline:
            time.sleep(0.02)
        return seen

    subscription = "subscription { flightUpdated { ll2Id } }"
    with serve_settings(Settings(database_url=database)) as base:
        assert active(base) == 0
        with websockets.connect(
            base.replace("http", "ws") + "/graphql", subprotocols=["graphql-transport-ws"]
        ) as ws:
            ws.send(json.dumps({"type": "connection_init"}))
            assert json.loads(ws.recv(10))["type"] == "connection_ack"
            for ident in ("1", "2"):
                payload = {"query": subscription}
                ws.send(json.dumps({"id": ident, "type": "subscribe", "payload": payload}))
            query = {"query": "{ flight(ll2Id: 859) { ll2Id } }"}  # a query is not one
            ws.send(json.dumps({"id": "3", "type": "subscribe", "payload": query}))
            assert json.loads(ws.recv(10))["id"] == "3"
            assert until(base, 2) == 2
            ws.send(json.dumps({"id": "1", "type": "complete"}))
            assert until(base, 1) == 1
        assert until(base, 0) == 0  # the socket closed with one still running


def test_websocket_rate_limit_refusals_are_counted(tmp_path: Path) -> None:
    database = f"sqlite+aiosqlite:///{tmp_path / 'limited.db'}"
    assert cli(["--database-url", database, "ingest", str(shared_file(SEED_FLIGHT))]) == 0
    settings = Settings(database_url=database, rate_limit=0.001, rate_limit_burst=1)
    query = {"query": "{ flight(ll2Id: 859) { ll2Id } }"}
    with (
        serve_settings(settings) as base,
        websockets.connect(
            base.replace("http", "ws") + "/graphql", subprotocols=["graphql-transport-ws"]
        ) as ws,
    ):
        ws.send(json.dumps({"type": "connection_init"}))
        assert json.loads(ws.recv(10))["type"] == "connection_ack"
        ws.send(json.dumps({"id": "1", "type": "subscribe", "payload": query}))
        assert json.loads(ws.recv(10))["type"] == "next"
        assert json.loads(ws.recv(10))["type"] == "complete"
        ws.send(json.dumps({"id": "2", "type": "subscribe", "payload": query}))
        refused = json.loads(ws.recv(10))
        assert refused["payload"][0]["extensions"]["code"] == "RATE_LIMITED"
        samples = parse(httpx.get(base + "/metrics").text)
    assert value(samples, "flightgraph_rate_limited_total", surface="websocket") == 1
    assert value(samples, "flightgraph_rate_limited_total", surface="graphql") == 0
