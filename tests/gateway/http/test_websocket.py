"""The view still speaks graphql-transport-ws on the same path (subscriptions)."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
from websockets.sync import client as websockets

from gateway.cli import main as cli
from gateway.settings import Settings
from tests.conftest import SEED_FLIGHT, shared_file
from tests.gateway.http.live import serve_settings


def test_graphql_transport_ws_runs_a_query(tmp_path: Path) -> None:
    database = f"sqlite+aiosqlite:///{tmp_path / 'ws.db'}"
    assert cli(["--database-url", database, "ingest", str(shared_file(SEED_FLIGHT))]) == 0
    with (
        serve_settings(Settings(database_url=database)) as base,
        websockets.connect(
            base.replace("http", "ws") + "/graphql", subprotocols=["graphql-transport-ws"]
        ) as ws,
    ):
        ws.send(json.dumps({"type": "connection_init"}))
        assert json.loads(ws.recv(10))["type"] == "connection_ack"
        query = "{ flight(ll2Id: 859) { ll2Id } }"
        ws.send(json.dumps({"id": "1", "type": "subscribe", "payload": {"query": query}}))
        assert json.loads(ws.recv(10)) == {
            "id": "1",
            "type": "next",
            "payload": {"data": {"flight": {"ll2Id": 859}}},
        }
        assert json.loads(ws.recv(10)) == {"id": "1", "type": "complete"}


def test_errors_over_websocket_are_masked_as_over_http(tmp_path: Path) -> None:
    # No tables: the statement fails inside the database driver, whose text names the SQL.
    database = f"sqlite+aiosqlite:///{tmp_path / 'empty.db'}"
    query = "{ flights(first: 2) { edges { node { ll2Id } } } }"
    with serve_settings(Settings(database_url=database)) as base:
        over_http = httpx.post(base + "/graphql", json={"query": query}).json()
        with websockets.connect(
            base.replace("http", "ws") + "/graphql", subprotocols=["graphql-transport-ws"]
        ) as ws:
            ws.send(json.dumps({"type": "connection_init"}))
            assert json.loads(ws.recv(10))["type"] == "connection_ack"
            ws.send(json.dumps({"id": "1", "type": "subscribe", "payload": {"query": query}}))
            over_ws = json.loads(ws.recv(10))
    assert over_http["errors"][0]["extensions"]["code"] == "SERVICE_UNAVAILABLE"
    assert over_ws["payload"]["errors"] == over_http["errors"]
