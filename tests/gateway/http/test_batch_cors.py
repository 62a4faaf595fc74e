"""Batched operations (a JSON array in one POST) and CORS."""

from __future__ import annotations

import pytest

from gateway.settings import Settings
from tests.gateway.http.conftest import Client

FLIGHT = "{ flight(ll2Id: 859) { ll2Id } }"


async def test_a_batch_answers_each_operation_in_order(client: Client) -> None:
    batch = [
        {"query": FLIGHT},
        {"query": "{ nope }"},
        {"query": "query N($id: Int) { flight(ll2Id: $id) { ll2Id } }", "variables": {"id": 1}},
    ]
    async with client() as http:
        response = await http.post("/graphql", json=batch)
    assert response.status_code == 200
    first, second, third = response.json()
    assert first == {"data": {"flight": {"ll2Id": 859}}}
    assert second["errors"][0]["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"
    assert third == {"data": {"flight": None}}


async def test_a_batch_over_the_maximum_is_refused_whole(client: Client) -> None:
    async with client(batch_max=3) as http:
        allowed = await http.post("/graphql", json=[{"query": FLIGHT}] * 3)
        refused = await http.post("/graphql", json=[{"query": FLIGHT}] * 4)
    assert allowed.status_code == 200 and len(allowed.json()) == 3
    assert refused.status_code == 400
    (error,) = refused.json()["errors"]
    assert error["extensions"]["code"] == "BATCH_TOO_LARGE"
    assert "at most 3" in error["message"]


PREFLIGHT = {
    "access-control-request-method": "POST",
    "access-control-request-headers": "content-type",
}


async def test_cors_allows_the_configured_origins_only(client: Client) -> None:
    origins = "https://app.example, https://admin.example"
    async with client(cors_origins=origins) as http:
        allowed = await http.options(
            "/graphql", headers={"origin": "https://app.example", **PREFLIGHT}
        )
        refused = await http.options(
            "/graphql", headers={"origin": "https://evil.example", **PREFLIGHT}
        )
        simple = await http.post(
            "/graphql", json={"query": FLIGHT}, headers={"origin": "https://admin.example"}
        )
        foreign = await http.post(
            "/graphql", json={"query": FLIGHT}, headers={"origin": "https://evil.example"}
        )
    assert allowed.status_code == 200
    assert allowed.headers["access-control-allow-origin"] == "https://app.example"
    assert "content-type" in allowed.headers["access-control-allow-headers"].lower()
    assert refused.status_code == 400
    assert "access-control-allow-origin" not in refused.headers
    assert simple.headers["access-control-allow-origin"] == "https://admin.example"
    assert "etag" in simple.headers["access-control-expose-headers"].lower()
    assert "access-control-allow-origin" not in foreign.headers


async def test_development_allows_any_origin_production_none(client: Client) -> None:
    headers = {"origin": "https://anywhere.example", **PREFLIGHT}
    async with client() as http:
        dev = await http.options("/graphql", headers=headers)
    async with client(profile="production") as http:
        prod = await http.options("/graphql", headers=headers)
    assert dev.headers["access-control-allow-origin"] == "*"
    assert prod.status_code == 400
    assert "access-control-allow-origin" not in prod.headers


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, {"introspection": True, "graphiql": True, "cors_origins": "*"}),
        (
            {"profile": "production"},
            {"introspection": False, "graphiql": False, "cors_origins": "", "rate_limit": 20.0},
        ),
        (
            {"profile": "production", "introspection": True, "cors_origins": "https://a.example"},
            {"introspection": True, "graphiql": False, "cors_origins": "https://a.example"},
        ),
    ],
)
def test_the_production_profile_changes_defaults_not_choices(env: dict, expected: dict) -> None:
    settings = Settings(**env)
    assert {name: getattr(settings, name) for name in expected} == expected
