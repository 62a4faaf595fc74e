"""FLIGHTGRAPH_LOG_FORMAT=json: one flightgraph.access line per HTTP request, with the
request id the response echoes, and nothing of the client's variables or documents."""

from __future__ import annotations

import json
import logging
from typing import Any

import pytest

from gateway.observe.logs import JsonFormatter
from tests.gateway.http.conftest import Client

QUERY = "query Flight($id: Int!) { flight(ll2Id: $id) { ll2Id } }"


def lines(caplog: pytest.LogCaptureFixture) -> list[dict[str, Any]]:
    formatter = JsonFormatter()
    return [
        json.loads(formatter.format(record))
        for record in caplog.records
        if record.name == "flightgraph.access"
    ]


async def test_one_json_line_per_request(client: Client, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="flightgraph.access")
    async with client(log_format="json") as http:
        answer = await http.post("/graphql", json={"query": QUERY, "variables": {"id": 859}})
        rest = await http.get("/2.3.0/spacecraft_flights/859/?format=json")
        await http.get("/healthz")
    graphql_line, rest_line, health_line = lines(caplog)
    assert graphql_line["request_id"] == answer.headers["x-request-id"]
    assert len(answer.headers["x-request-id"]) == 32
    assert graphql_line["logger"] == "flightgraph.access"
    assert {k: graphql_line[k] for k in ("method", "route", "surface", "status")} == {
        "method": "POST",
        "route": "/graphql",
        "surface": "graphql",
        "status": 200,
    }
    assert graphql_line["operations"] == ["Flight"]
    assert graphql_line["sql_statements"] == 1
    assert 0 < graphql_line["duration_ms"] < 10_000
    assert rest_line["request_id"] == rest.headers["x-request-id"]
    assert rest_line["route"] == "/2.3.0/spacecraft_flights/{id}/"  # the template, no query
    assert (rest_line["surface"], rest_line["status"]) == ("rest", 200)
    assert rest_line["sql_statements"] >= 1
    assert (health_line["route"], health_line["surface"]) == ("/healthz", None)


async def test_a_sane_request_id_is_kept_and_another_replaced(
    client: Client, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="flightgraph.access")
    async with client(log_format="json") as http:
        kept = await http.get("/healthz", headers={"X-Request-Id": "lb-1234.abc:9"})
        replaced = await http.get("/healthz", headers={"X-Request-Id": "x" * 200})
        forged = await http.get("/healthz", headers={"X-Request-Id": 'a"\tb'})
    assert kept.headers["x-request-id"] == "lb-1234.abc:9"
    assert len(replaced.headers["x-request-id"]) == 32
    assert forged.headers["x-request-id"] not in ('a"\tb', replaced.headers["x-request-id"])
    assert [line["request_id"] for line in lines(caplog)] == [
        answer.headers["x-request-id"] for answer in (kept, replaced, forged)
    ]


async def test_no_variable_values_or_document_text_are_logged(
    client: Client, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="flightgraph.access")
    secret = "SECRET_VALUE_42"
    async with client(log_format="json") as http:
        await http.post(
            "/graphql",
            json={
                "query": "query Search($q: String) { flights(filter: { name: { contains: $q } }) "
                "{ totalCount } } # SECRET_DOCUMENT",
                "variables": {"q": secret},
            },
        )
        await http.get("/graphql", params={"query": "{ __typename } # " + secret})
        await http.post("/graphql", json={"query": "{ x }", "operationName": secret + " evil"})
    text = "\n".join(json.dumps(line) for line in lines(caplog))
    assert len(lines(caplog)) == 3
    assert secret not in text and "SECRET_DOCUMENT" not in text and "contains" not in text
    assert [line["operations"] for line in lines(caplog)] == [["Search"], [None], [None]]


async def test_text_format_writes_no_access_lines(
    client: Client, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="flightgraph.access")
    async with client() as http:
        answer = await http.get("/healthz")
    assert answer.headers["x-request-id"]  # the id is echoed whatever the format
    assert lines(caplog) == []
