"""GraphQL over HTTP: media types, status codes, request parsing, gzip."""

from __future__ import annotations

import gzip

import orjson
import pytest

from tests.gateway.http.conftest import Client

FLIGHT = "{ flight(ll2Id: 859) { ll2Id destination } }"
GRAPHQL_RESPONSE = "application/graphql-response+json"


async def test_graphql_response_json_when_accepted(client: Client) -> None:
    async with client() as http:
        response = await http.post(
            "/graphql", json={"query": FLIGHT}, headers={"accept": GRAPHQL_RESPONSE}
        )
    assert response.status_code == 200
    assert response.headers["content-type"] == f"{GRAPHQL_RESPONSE}; charset=utf-8"
    assert response.json()["data"]["flight"]["ll2Id"] == 859


@pytest.mark.parametrize("accept", [None, "*/*", "application/json"])
async def test_plain_json_otherwise(client: Client, accept: str | None) -> None:
    headers = {"accept": accept} if accept else {}
    async with client() as http:
        response = await http.post("/graphql", json={"query": FLIGHT}, headers=headers)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/json")


@pytest.mark.parametrize(
    ("query", "code"),
    [("{ flight(", "GRAPHQL_PARSE_FAILED"), ("{ nope }", "GRAPHQL_VALIDATION_FAILED")],
)
async def test_request_errors_are_400_without_data_in_graphql_response_json(
    client: Client, query: str, code: str
) -> None:
    async with client() as http:
        strict = await http.post(
            "/graphql", json={"query": query}, headers={"accept": GRAPHQL_RESPONSE}
        )
        legacy = await http.post(
            "/graphql", json={"query": query}, headers={"accept": "application/json"}
        )
    assert strict.status_code == 400
    assert "data" not in strict.json()
    assert strict.json()["errors"][0]["extensions"]["code"] == code
    assert legacy.status_code == 200
    assert legacy.json()["errors"][0]["extensions"]["code"] == code


async def test_variable_coercion_failure_is_a_request_error(client: Client) -> None:
    query = "query($id: Int) { flight(ll2Id: $id) { name } }"
    async with client() as http:
        response = await http.post(
            "/graphql",
            json={"query": query, "variables": {"id": "not a number"}},
            headers={"accept": GRAPHQL_RESPONSE},
        )
    assert response.status_code == 400
    assert "data" not in response.json()


@pytest.mark.parametrize(
    ("body", "content_type", "status"),
    [
        (b'{"query": ', "application/json", 400),
        (b'{"query": 1}', "application/json", 400),
        (b'{"query": "{ flights { totalCount } }", "variables": []}', "application/json", 400),
        (b'{"qeury": "{ __typename }"}', "application/json", 400),
        (b"", "application/json", 400),
        (b"[]", "application/json", 400),
        (b'"a string"', "application/json", 400),
        (b"query=%7B__typename%7D", "application/x-www-form-urlencoded", 415),
        (b"{ __typename }", "text/plain", 415),
        (b'{"query": "{ __typename }"}', "", 415),
    ],
)
async def test_malformed_requests_are_refused(
    client: Client, body: bytes, content_type: str, status: int
) -> None:
    headers = {"content-type": content_type} if content_type else {}
    async with client() as http:
        response = await http.post("/graphql", content=body, headers=headers)
        after = await http.post("/graphql", json={"query": FLIGHT})
    assert response.status_code == status
    assert response.json()["errors"][0]["extensions"]["code"]
    assert after.json()["data"]["flight"]["ll2Id"] == 859


async def test_get_runs_queries_and_refuses_mutations(client: Client) -> None:
    async with client() as http:
        query = await http.get("/graphql", params={"query": FLIGHT})
        mutation = await http.get("/graphql", params={"query": "mutation { __typename }"})
        put = await http.put("/graphql", json={"query": FLIGHT})
    assert query.json()["data"]["flight"]["destination"]
    assert mutation.status_code == 405
    assert mutation.headers["allow"] == "POST"
    assert put.status_code == 405


async def test_unknown_operation_name_is_a_request_error(client: Client) -> None:
    async with client() as http:
        response = await http.post(
            "/graphql",
            json={"query": "query A { __typename }", "operationName": "B"},
            headers={"accept": GRAPHQL_RESPONSE},
        )
    assert response.status_code == 400
    assert "B" in response.json()["errors"][0]["message"]


async def test_large_bodies_are_gzipped_small_ones_not(client: Client) -> None:
    aliases = " ".join(f"a{i}: destination" for i in range(30))
    big = "{ flights(first: 1) { nodes { " + aliases + " } } }"
    async with client(gzip_min_bytes=200) as http:
        small = await http.post("/graphql", json={"query": "{ __typename }"})
        large = await http.post(
            "/graphql", json={"query": big}, headers={"accept-encoding": "gzip"}
        )
        raw = await http.post(
            "/graphql", json={"query": big}, headers={"accept-encoding": "identity"}
        )
    assert "content-encoding" not in small.headers
    assert large.headers["content-encoding"] == "gzip"
    assert large.json() == raw.json()  # httpx decodes gzip
    assert "content-encoding" not in raw.headers
    assert len(gzip.compress(raw.content)) < len(raw.content)
    assert orjson.loads(raw.content)["data"]["flights"]["nodes"][0]["a0"]
