"""Rate limiting per client (API key or IP): a token bucket, in memory or in Redis."""

from __future__ import annotations

import uuid

import pytest

from tests.gateway.http.conftest import Client
from tests.gateway.http.test_persisted import REDIS_URL, require_redis

FLIGHT = {"query": "{ flight(ll2Id: 859) { ll2Id } }"}
# A bucket of 3 that refills one request every 100 s: the 4th request in a row is refused.
LIMITED = {"rate_limit": 0.01, "rate_limit_burst": 3}


@pytest.fixture(params=["memory", "redis"])
def store(request: pytest.FixtureRequest) -> dict:
    if request.param == "memory":
        return {}
    require_redis()
    return {"redis_url": REDIS_URL}


async def test_a_client_past_its_burst_gets_429_with_retry_after(
    client: Client, store: dict
) -> None:
    key = {"x-api-key": str(uuid.uuid4())}  # a bucket no other run has used
    other = {"x-api-key": str(uuid.uuid4())}
    async with client(**LIMITED, **store) as http:
        allowed = [await http.post("/graphql", json=FLIGHT, headers=key) for _ in range(3)]
        refused = await http.post("/graphql", json=FLIGHT, headers=key)
        someone_else = await http.post("/graphql", json=FLIGHT, headers=other)
        probe = await http.get("/readyz", headers=key)
    assert [r.status_code for r in allowed] == [200, 200, 200]
    assert refused.status_code == 429
    assert 1 <= int(refused.headers["retry-after"]) <= 100
    assert refused.json()["errors"][0]["extensions"]["code"] == "RATE_LIMITED"
    assert someone_else.status_code == 200
    assert probe.status_code == 200  # health probes are never limited


async def test_replicas_share_buckets_through_redis(client: Client) -> None:
    require_redis()
    key = {"x-api-key": str(uuid.uuid4())}
    settings = {**LIMITED, "redis_url": REDIS_URL}
    async with client(**settings) as one, client(**settings) as two:
        statuses = [
            (await http.post("/graphql", json=FLIGHT, headers=key)).status_code
            for http in (one, two, one, two)
        ]
    assert statuses == [200, 200, 200, 429]


async def test_clients_are_told_apart_by_ip_without_a_key(client: Client) -> None:
    async with client(**LIMITED) as http:
        statuses = [(await http.post("/graphql", json=FLIGHT)).status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]


async def test_off_by_default_in_development(client: Client) -> None:
    async with client() as http:
        statuses = {(await http.post("/graphql", json=FLIGHT)).status_code for _ in range(120)}
    assert statuses == {200}
