"""What one client may do over graphql-transport-ws, seen by real clients of a live server
(the ``websockets`` library, and graphql-ws under Node): message size, invalid messages,
operations at once, the rate limit, sockets per client, and refusals as ``error`` messages.
None of these touch data (the deadline, which does, is in test_websocket_deadline.py)."""

from __future__ import annotations

import contextlib
import json
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from websockets.exceptions import ConnectionClosed
from websockets.sync.client import ClientConnection, connect

from gateway.settings import Settings
from tests.gateway.http.live import serve_settings
from tests.processes import node_project

PROTOCOL = "graphql-transport-ws"
TYPENAME = "{ __typename }"
SUBSCRIPTION = "subscription { launchUpdated { ll2Id } }"  # waits for changes: stays running
NODE_CLIENT = Path(__file__).resolve().parents[2] / "subscriptions"  # graphql-ws is there


@pytest.fixture
def serve(tmp_path: Path) -> Any:
    """``with serve(**settings) as base:`` a live app for those settings (its database is
    never opened)."""

    def make(**settings: Any) -> contextlib.AbstractContextManager[str]:
        database = f"sqlite+aiosqlite:///{tmp_path / 'unused.db'}"
        return serve_settings(Settings(database_url=database, **settings))

    return make


def ws_url(base: str) -> str:
    return base.replace("http", "ws", 1) + "/graphql"


@contextlib.contextmanager
def session(base: str, subprotocols: list[str] | None = None) -> Iterator[ClientConnection]:
    """A socket that has been through connection_init / connection_ack."""
    with connect(ws_url(base), subprotocols=subprotocols or [PROTOCOL], open_timeout=5) as ws:
        ws.send(json.dumps({"type": "connection_init"}))
        assert json.loads(ws.recv(5)) == {"type": "connection_ack"}
        yield ws


def subscribing(**payload: Any) -> dict[str, Any]:
    return {"id": "1", "type": "subscribe", "payload": payload}


def subscribe(ws: ClientConnection, ident: str, query: str, **payload: Any) -> None:
    message = {"id": ident, "type": "subscribe", "payload": {"query": query, **payload}}
    ws.send(json.dumps(message))


def received(ws: ClientConnection, timeout: float = 5) -> dict[str, Any]:
    return json.loads(ws.recv(timeout))


def close_of(ws: ClientConnection) -> tuple[int, str]:
    """The code and reason the server closed ``ws`` with (any message before is dropped)."""
    with pytest.raises(ConnectionClosed) as closed:
        for _ in range(10):
            ws.recv(5)
    assert closed.value.rcvd is not None, "closed without a close frame"
    return closed.value.rcvd.code, closed.value.rcvd.reason


def error_codes(message: dict[str, Any]) -> list[str]:
    assert message["type"] == "error", message
    return [error["extensions"]["code"] for error in message["payload"]]


def answers_typename(ws: ClientConnection, ident: str) -> None:
    subscribe(ws, ident, TYPENAME)
    assert received(ws) == {
        "id": ident,
        "type": "next",
        "payload": {"data": {"__typename": "Query"}},
    }
    assert received(ws) == {"id": ident, "type": "complete"}


# --- message size


def padded_subscribe(size: int) -> str:
    """A valid ``subscribe`` message of exactly ``size`` bytes."""
    empty = json.dumps(subscribing(query=TYPENAME, variables={"pad": ""}))
    return empty.replace('"pad": ""', '"pad": "' + "x" * (size - len(empty)) + '"')


def test_a_message_over_the_limit_closes_with_1009_before_it_is_parsed(serve: Any) -> None:
    with serve() as base:
        with session(base) as ws:
            at_limit = padded_subscribe(65_536)
            assert len(at_limit.encode()) == 65_536
            ws.send(at_limit)
            assert received(ws)["payload"] == {"data": {"__typename": "Query"}}
            assert received(ws) == {"id": "1", "type": "complete"}
            ws.send(padded_subscribe(65_537))
            assert close_of(ws) == (1009, "a message may hold at most 65536 bytes")
        with session(base) as ws:
            ws.send("{" + " " * 3_000_000)  # not even JSON: refused unread
            assert close_of(ws)[0] == 1009


def test_the_message_size_is_a_setting(serve: Any) -> None:
    with serve(ws_max_message_bytes=2048) as base, session(base) as ws:
        ws.send(padded_subscribe(2049))
        assert close_of(ws) == (1009, "a message may hold at most 2048 bytes")


# --- invalid messages


NOT_AN_OBJECT = 'a message must be an object with a string "type"'


@pytest.mark.parametrize(
    ("message", "reason"),
    [
        (
            {"type": "connection_init", "payload": 5},
            'connection_init: "payload" must be an object or null',
        ),
        ({"id": "1", "type": "subscribe", "payload": 5}, 'subscribe: "payload" must be an object'),
        (subscribing(query=5), 'subscribe: "query" must be a string'),
        (
            subscribing(query=TYPENAME, variables=[1]),
            'subscribe: "variables" must be an object or null',
        ),
        (
            subscribing(query=TYPENAME, operationName=1),
            'subscribe: "operationName" must be a string or null',
        ),
        (
            {**subscribing(query=TYPENAME), "id": ["1"]},
            'subscribe: "id" must be a non-empty string',
        ),
        ({"id": "", "type": "complete"}, 'complete: "id" must be a non-empty string'),
        (5, NOT_AN_OBJECT),
        ([], NOT_AN_OBJECT),
        ({"type": 1}, NOT_AN_OBJECT),
    ],
)
def test_an_invalid_message_closes_with_4400_and_the_reason(
    serve: Any, message: object, reason: str
) -> None:
    with serve() as base:
        before_init = isinstance(message, dict) and message.get("type") == "connection_init"
        with connect(ws_url(base), subprotocols=[PROTOCOL], open_timeout=5) as ws:
            if not before_init:
                ws.send(json.dumps({"type": "connection_init"}))
                assert received(ws) == {"type": "connection_ack"}
            ws.send(json.dumps(message))
            assert close_of(ws) == (4400, reason)


def test_the_legacy_graphql_ws_protocol_is_not_served(serve: Any) -> None:
    # It would bypass every limit: only graphql-transport-ws is guarded.
    with serve() as base, connect(ws_url(base), subprotocols=["graphql-ws"]) as ws:
        assert close_of(ws) == (4406, "Subprotocol not acceptable")


# --- operations at once


def test_one_operation_past_the_limit_is_refused_and_the_others_keep_running(
    serve: Any,
) -> None:
    with serve(ws_max_operations=3) as base, session(base) as ws:
        for ident in ("a", "b", "c"):
            subscribe(ws, ident, SUBSCRIPTION)
        subscribe(ws, "d", TYPENAME)
        refused = received(ws)
        assert refused["id"] == "d"
        assert error_codes(refused) == ["TOO_MANY_OPERATIONS"]
        assert refused["payload"][0]["extensions"]["maxOperations"] == 3
        ws.send(json.dumps({"id": "b", "type": "complete"}))  # the client stops one
        answers_typename(ws, "d")  # …which frees its place
        subscribe(ws, "e", SUBSCRIPTION)
        subscribe(ws, "f", SUBSCRIPTION)
        assert error_codes(received(ws)) == ["TOO_MANY_OPERATIONS"]
        subscribe(ws, "a", SUBSCRIPTION)  # an id still running: the protocol's 4409
        assert close_of(ws)[0] == 4409


def test_operations_that_ended_count_no_more(serve: Any) -> None:
    with serve(ws_max_operations=2) as base, session(base) as ws:
        for n in range(4):
            answers_typename(ws, f"query {n}")
        subscribe(ws, "invalid", "{ nope }")
        assert error_codes(received(ws)) == ["GRAPHQL_VALIDATION_FAILED"]
        subscribe(ws, "stopped", SUBSCRIPTION)
        ws.send(json.dumps({"id": "stopped", "type": "complete"}))
        subscribe(ws, "one", SUBSCRIPTION)
        subscribe(ws, "two", SUBSCRIPTION)
        subscribe(ws, "three", SUBSCRIPTION)
        assert received(ws)["id"] == "three"  # refused: the two before it run


# --- rate limit


def test_each_operation_takes_a_token_from_the_clients_http_bucket(serve: Any) -> None:
    # A bucket of 4 refilled one request every 100 s, shared with HTTP.
    with serve(rate_limit=0.01, rate_limit_burst=4) as base:
        http = [httpx.post(base + "/graphql", json={"query": TYPENAME}) for _ in range(2)]
        assert [r.status_code for r in http] == [200, 200]
        with session(base) as ws:  # opening the socket takes no token
            answers_typename(ws, "1")
            answers_typename(ws, "2")
            subscribe(ws, "3", TYPENAME)
            refused = received(ws)
            assert refused["id"] == "3"
            assert error_codes(refused) == ["RATE_LIMITED"]
            assert 1 <= refused["payload"][0]["extensions"]["retryAfter"] <= 100
            ws.send(json.dumps({"type": "ping"}))  # the socket stays open
            assert received(ws) == {"type": "pong"}
        assert httpx.post(base + "/graphql", json={"query": TYPENAME}).status_code == 429


# --- sockets per client


def test_a_socket_past_the_clients_limit_is_closed_with_1013(serve: Any) -> None:
    with serve(ws_max_connections_per_client=2) as base:
        with session(base) as first, session(base):
            with connect(ws_url(base), subprotocols=[PROTOCOL], open_timeout=5) as third:
                assert third.subprotocol == PROTOCOL  # accepted, to be told why
                assert close_of(third) == (1013, "too many open WebSockets for this client")
            answers_typename(first, "1")  # the open ones are untouched
        deadline = time.monotonic() + 5
        while True:  # once closed, they count no more (the server notices within moments)
            try:
                with session(base) as again:
                    answers_typename(again, "1")
                break
            except (ConnectionClosed, AssertionError):
                assert time.monotonic() < deadline, "the closed sockets still count"
                time.sleep(0.05)


# --- refusals before execution


def test_a_subscriptions_cost_refusal_is_an_error_message(serve: Any) -> None:
    query = "subscription { launchUpdated { ll2Id name pad { name location { name } } } }"
    with serve(max_cost=5) as base, session(base) as ws:
        subscribe(ws, "1", query)
        refused = received(ws)
        assert refused["id"] == "1"
        assert error_codes(refused) == ["COST_LIMIT_EXCEEDED"]
        assert "at most 5" in refused["payload"][0]["message"]
        answers_typename(ws, "2")  # nothing else came for "1" (no `complete` after `error`)


def test_a_querys_depth_refusal_is_an_error_message(serve: Any) -> None:
    with serve(max_depth=2) as base, session(base) as ws:
        subscribe(ws, "1", "{ flights(first: 1) { edges { node { ll2Id } } } }")
        assert error_codes(received(ws)) == ["DEPTH_LIMIT_EXCEEDED"]
        answers_typename(ws, "2")


def test_subscriptions_are_not_held_to_the_execution_timeout(serve: Any) -> None:
    with serve(execution_timeout=0.2) as base, session(base) as ws:
        subscribe(ws, "1", SUBSCRIPTION)
        with pytest.raises(TimeoutError):
            ws.recv(1.0)  # no TIMEOUT: it waits for changes as long as it likes
        answers_typename(ws, "2")


# --- a real graphql-ws client

GRAPHQL_WS = """
import { createClient } from "graphql-ws";
import WebSocket from "ws";

const [url, query, count, settle] = process.argv.slice(2);  // after node and "-"
const client = createClient({ url, webSocketImpl: WebSocket, retryAttempts: 0 });
const outcomes = [];
const report = () => {
  console.log(JSON.stringify(outcomes));
  process.exit(0);
};
for (let i = 0; i < Number(count); i++) {
  client.subscribe({ query }, {
    next: (value) => outcomes.push({ i, next: value }),
    error: (error) => {
      outcomes.push({ i, error: Array.isArray(error) ? error : { close: error.code } });
      if (outcomes.filter((o) => o.error).length === Number(settle)) report();
    },
    complete: () => outcomes.push({ i, complete: true }),
  });
}
setTimeout(report, 10000);
"""


def graphql_ws(url: str, query: str, count: int, settle: int) -> list[dict[str, Any]]:
    """``count`` operations on one graphql-ws client; what its sinks saw once ``settle``
    of them failed (or after 10 s)."""
    node = node_project(NODE_CLIENT, "graphql-ws")
    done = subprocess.run(
        [node, "--input-type=module", "-", url, query, str(count), str(settle)],
        input=GRAPHQL_WS,
        cwd=NODE_CLIENT,  # where graphql-ws and ws resolve from
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_graphql_ws_sees_the_operation_limit_on_that_operation_only(serve: Any) -> None:
    with serve(ws_max_operations=2) as base:
        outcomes = graphql_ws(ws_url(base), SUBSCRIPTION, count=3, settle=1)
    assert len(outcomes) == 1, outcomes  # the two others run on, silent
    (refused,) = outcomes
    assert refused["i"] == 2
    assert [e["extensions"]["code"] for e in refused["error"]] == ["TOO_MANY_OPERATIONS"]


def test_graphql_ws_sees_a_cost_refusal_as_an_error(serve: Any) -> None:
    query = "subscription { launchUpdated { ll2Id name pad { name location { name } } } }"
    with serve(max_cost=5) as base:
        outcomes = graphql_ws(ws_url(base), query, count=1, settle=1)
    assert [o.get("error", [{}])[0].get("extensions", {}).get("code") for o in outcomes] == [
        "COST_LIMIT_EXCEEDED"
    ]
