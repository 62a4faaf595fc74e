"""GraphQL-over-HTTP request parameters: read from a GET query string or a POST JSON body.

Anything that is not a well-formed request (bad JSON, wrong content type, a `query` that is
not a string, …) is an :class:`HttpError`: it never reaches the schema.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import orjson
from starlette.requests import Request

from gateway.http.errors import HttpError

JSON_TYPES = ("application/json", "application/graphql-response+json")


@dataclass(frozen=True)
class Operation:
    """One GraphQL request: a document (or its hash), its variables and operation name."""

    query: str | None
    variables: dict[str, Any] | None
    operation_name: str | None
    extensions: dict[str, Any] | None
    document_id: str | None = None


async def read_body(request: Request, limit: int) -> bytes:
    """The body, refused with 413 as soon as it is known to exceed ``limit`` bytes."""
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise _too_large(limit)
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise _too_large(limit)
        chunks.append(chunk)
    return b"".join(chunks)


def _too_large(limit: int) -> HttpError:
    # Closing: the rest of the body is not read.
    message = f"request body larger than {limit} bytes"
    return HttpError(413, message, "REQUEST_TOO_LARGE", {"Connection": "close"})


def from_query_string(request: Request) -> Operation:
    params = request.query_params
    return _operation(
        {
            "query": params.get("query"),
            "operationName": params.get("operationName"),
            "variables": _json_param(params.get("variables"), "variables"),
            "extensions": _json_param(params.get("extensions"), "extensions"),
            "documentId": params.get("documentId"),
        }
    )


def from_body(content_type: str, body: bytes, batch_max: int) -> list[Operation] | Operation:
    """The operation(s) of a POST body; a JSON array is a batch of at most ``batch_max``."""
    media_type = content_type.split(";", 1)[0].strip().lower()
    if not media_type:
        raise HttpError(415, "missing Content-Type: send application/json", "BAD_REQUEST")
    if media_type not in JSON_TYPES:
        raise HttpError(415, f"unsupported Content-Type {media_type!r}: send application/json")
    if not body:
        raise HttpError(400, "the request body is empty: send a JSON object with `query`")
    try:
        payload = orjson.loads(body)
    except orjson.JSONDecodeError as error:
        raise HttpError(400, f"the body is not valid JSON: {error}") from None
    if isinstance(payload, list):
        if not payload:
            raise HttpError(400, "an empty batch: send at least one operation")
        if len(payload) > batch_max:
            raise HttpError(
                400,
                f"a batch of {len(payload)} operations; at most {batch_max} are allowed",
                "BATCH_TOO_LARGE",
            )
        return [_operation(item) for item in payload]
    return _operation(payload)


def _json_param(value: str | None, name: str) -> Any:
    if value is None or value == "":
        return None
    try:
        return orjson.loads(value)
    except orjson.JSONDecodeError:
        raise HttpError(400, f"`{name}` is not valid JSON") from None


def _operation(payload: Any) -> Operation:
    if not isinstance(payload, dict):
        raise HttpError(400, "a GraphQL request must be a JSON object")
    checks = (
        ("query", str),
        ("operationName", str),
        ("variables", dict),
        ("extensions", dict),
        ("documentId", str),
    )
    for key, kind in checks:
        value = payload.get(key)
        if value is not None and not isinstance(value, kind):
            expected = "a string" if kind is str else "an object"
            raise HttpError(400, f"`{key}` must be {expected} or null")
    return Operation(
        query=payload.get("query"),
        variables=payload.get("variables"),
        operation_name=payload.get("operationName"),
        extensions=payload.get("extensions"),
        document_id=payload.get("documentId"),
    )
