"""How the WebSocket guard reads graphql-transport-ws messages (the live behaviour is in
test_websocket_limits.py)."""

from __future__ import annotations

import pytest

from gateway.http.ws_messages import is_refusal, is_subscription, problem

BOTH = "query Now { __typename } subscription Later { launchUpdated { ll2Id } }"


@pytest.mark.parametrize(
    ("payload", "subscription"),
    [
        ({"query": "subscription { launchUpdated { ll2Id } }"}, True),
        ({"query": "{ __typename }"}, False),
        ({"query": "mutation { __typename }"}, False),
        ({"query": BOTH, "operationName": "Later"}, True),
        ({"query": BOTH, "operationName": "Now"}, False),
        ({"query": BOTH}, False),  # ambiguous: the schema refuses it, timed meanwhile
        ({"query": "subscription {"}, False),  # does not parse: timed, refused at once
        ({"query": "subscription { " + "a " * 50 + "}"}, False),  # past the token limit
    ],
)
def test_only_a_subscription_goes_untimed(payload: dict, subscription: bool) -> None:
    assert is_subscription(payload, max_tokens=40) is subscription


@pytest.mark.parametrize(
    ("payload", "refusal"),
    [
        ({"data": None, "errors": [{"message": "too costly"}]}, True),
        ({"errors": [{"message": "too costly"}]}, True),
        ({"data": None, "errors": [{"message": "boom", "path": ["flight"]}]}, False),
        ({"data": {"flight": None}, "errors": [{"message": "x"}]}, False),
        ({"data": None, "errors": []}, False),
        ({"data": {"flight": None}}, False),
        (None, False),
    ],
)
def test_a_refusal_is_no_data_and_only_pathless_errors(payload: object, refusal: bool) -> None:
    assert is_refusal(payload) is refusal


@pytest.mark.parametrize(
    "message",
    [
        {"type": "connection_init"},
        {"type": "connection_init", "payload": None},
        {"type": "ping", "payload": {"at": 1}},
        {"id": "1", "type": "subscribe", "payload": {"query": "{ a }", "variables": None}},
        {"id": "1", "type": "complete"},
        {"type": "something else"},  # the handler closes for an unknown type itself
    ],
)
def test_valid_messages_pass(message: object) -> None:
    assert problem(message) is None


@pytest.mark.parametrize(
    "message",
    [
        {"type": "connection_init", "payload": []},
        {"type": "pong", "payload": "x"},
        {"id": "1", "type": "subscribe", "payload": {"query": "", "operationName": 1}},
        {"id": "1", "type": "subscribe", "payload": {"query": "", "extensions": 1}},
        {"id": 1, "type": "complete"},
        None,
    ],
)
def test_an_invalid_message_has_a_reason_that_fits_a_close_frame(message: object) -> None:
    reason = problem(message)
    assert reason is not None
    assert len(reason.encode()) <= 123  # what a close frame holds
