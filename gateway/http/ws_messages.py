"""graphql-transport-ws messages as the WebSocket guard reads and writes them: what makes a
client message invalid (the protocol closes the socket with 4400 for it), the ``error``
messages the guard answers with, and whether an operation is a subscription.

The checks are those of the reference server (graphql-ws ``validateMessage``): Strawberry
takes a payload that is not an object for one and fails on it with no close code at all.
"""

from __future__ import annotations

from typing import Any

from graphql import GraphQLError, OperationType, get_operation_ast, parse

PROTOCOL = "graphql-transport-ws"
MAY_CARRY_PAYLOAD = ("connection_init", "ping", "pong")


def problem(message: object) -> str | None:
    """Why ``message`` (parsed JSON) breaks the protocol, or None; short enough for a close
    reason (at most 123 bytes)."""
    if not isinstance(message, dict) or not isinstance(message.get("type"), str):
        return 'a message must be an object with a string "type"'
    kind = message["type"]
    if kind in MAY_CARRY_PAYLOAD:
        return _optional_object(message, "payload", kind)
    if kind == "complete":
        return _id_problem(message, kind)
    if kind != "subscribe":
        return None  # an unknown type: the handler closes with 4400 itself
    if found := _id_problem(message, kind):
        return found
    payload = message.get("payload")
    if not isinstance(payload, dict):
        return 'subscribe: "payload" must be an object'
    if not isinstance(payload.get("query"), str):
        return 'subscribe: "query" must be a string'
    if payload.get("operationName") is not None and not isinstance(payload["operationName"], str):
        return 'subscribe: "operationName" must be a string or null'
    return _optional_object(payload, "variables", kind) or _optional_object(
        payload, "extensions", kind
    )


def _id_problem(message: dict[str, Any], kind: str) -> str | None:
    ident = message.get("id")
    if isinstance(ident, str) and ident:
        return None
    return f'{kind}: "id" must be a non-empty string'


def _optional_object(holder: dict[str, Any], name: str, kind: str) -> str | None:
    value = holder.get(name)
    if value is None or isinstance(value, dict):
        return None
    return f'{kind}: "{name}" must be an object or null'


def error(ident: str, message: str, code: str, **extensions: Any) -> dict[str, Any]:
    """An ``error`` message ending operation ``ident`` with one coded GraphQL error."""
    graphql_error = {"message": message, "extensions": {"code": code, **extensions}}
    return {"id": ident, "type": "error", "payload": [graphql_error]}


def is_refusal(payload: object) -> bool:
    """Whether a result is a refusal before execution: no data and only errors without a
    ``path`` (the rule the HTTP view answers 4xx by). graphql-transport-ws wants those as an
    ``error`` message; Strawberry sends a subscription's refusal at ``on_execute`` (the
    cost limit) as a ``next`` carrying the errors, followed by ``complete``."""
    if not isinstance(payload, dict) or payload.get("data") is not None:
        return False
    errors = payload.get("errors")
    return (
        isinstance(errors, list)
        and bool(errors)
        and all(isinstance(e, dict) and e.get("path") is None for e in errors)
    )


def is_subscription(payload: dict[str, Any], max_tokens: int) -> bool:
    """Whether a ``subscribe`` payload runs a subscription (parsed with the guards' token
    limit). A document that does not parse is no subscription: the schema refuses it at
    once anyway, and an operation we cannot tell is better timed than not."""
    try:
        document = parse(payload["query"], no_location=True, max_tokens=max_tokens)
    except GraphQLError:
        return False
    operation = get_operation_ast(document, payload.get("operationName"))
    return operation is not None and operation.operation == OperationType.SUBSCRIPTION
