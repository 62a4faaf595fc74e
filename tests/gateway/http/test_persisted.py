"""Automatic persisted queries (Apollo's protocol) and trusted documents."""

from __future__ import annotations

import hashlib
import json
import uuid
from pathlib import Path

import orjson
import pytest
import redis

from gateway.http.params import Operation
from gateway.http.persisted import DocumentStore, MemoryStore, PersistedQueries, RedisStore
from gateway.settings import Settings
from tests.conftest import require_service
from tests.gateway.http.conftest import Client

REDIS_URL = "redis://127.0.0.1:6379/0"


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def require_redis() -> None:
    try:
        with redis.Redis.from_url(REDIS_URL) as probe:
            probe.ping()
    except redis.RedisError as error:
        require_service("Redis", f"{REDIS_URL}: {error}")


def persisted(query: str) -> dict:
    return {"persistedQuery": {"version": 1, "sha256Hash": sha256(query)}}


@pytest.fixture(params=["memory", "redis"])
def store(request: pytest.FixtureRequest) -> dict:
    if request.param == "memory":
        return {}
    require_redis()
    return {"redis_url": REDIS_URL}


async def test_not_found_then_registered_then_hit(client: Client, store: dict) -> None:
    # A query no other run has registered, so the Redis store starts without it.
    query = f"{{ flight(ll2Id: 859) {{ ll2Id }} }} # {uuid.uuid4()}"
    params = {"extensions": orjson.dumps(persisted(query)).decode()}
    async with client(**store) as http:
        missing = await http.get("/graphql", params=params)
        registered = await http.post(
            "/graphql", json={"query": query, "extensions": persisted(query)}
        )
        hit = await http.get("/graphql", params=params)
    assert missing.status_code == 200
    (error,) = missing.json()["errors"]
    assert error == {
        "message": "PersistedQueryNotFound",
        "extensions": {"code": "PERSISTED_QUERY_NOT_FOUND"},
    }
    assert missing.headers["cache-control"] == "no-store"
    assert registered.json() == {"data": {"flight": {"ll2Id": 859}}}
    assert hit.json() == {"data": {"flight": {"ll2Id": 859}}}
    assert hit.headers["etag"]


async def test_replicas_share_the_redis_store(client: Client) -> None:
    require_redis()
    query = f"{{ flight(ll2Id: 859) {{ ll2Id }} }} # {uuid.uuid4()}"
    async with client(redis_url=REDIS_URL) as one, client(redis_url=REDIS_URL) as two:
        await one.post("/graphql", json={"query": query, "extensions": persisted(query)})
        hit = await two.post("/graphql", json={"extensions": persisted(query)})
    assert hit.json() == {"data": {"flight": {"ll2Id": 859}}}


async def test_a_wrong_hash_is_refused(client: Client) -> None:
    query = "{ flight(ll2Id: 859) { ll2Id } }"
    async with client() as http:
        response = await http.post(
            "/graphql", json={"query": query, "extensions": persisted(query + " ")}
        )
        later = await http.post("/graphql", json={"extensions": persisted(query + " ")})
    assert response.status_code == 400
    assert response.json()["errors"][0]["message"] == "provided sha does not match query"
    assert later.json()["errors"][0]["extensions"]["code"] == "PERSISTED_QUERY_NOT_FOUND"


async def test_not_found_is_a_400_in_graphql_response_json(client: Client) -> None:
    async with client() as http:
        response = await http.post(
            "/graphql",
            json={"extensions": persisted("{ __typename }")},
            headers={"accept": "application/graphql-response+json"},
        )
    assert response.status_code == 400
    assert response.json()["errors"][0]["extensions"]["code"] == "PERSISTED_QUERY_NOT_FOUND"


@pytest.mark.parametrize("version", [2, None])
async def test_unknown_versions_are_refused(client: Client, version: int | None) -> None:
    extensions = {"persistedQuery": {"version": version, "sha256Hash": sha256("{ a }")}}
    async with client() as http:
        response = await http.post("/graphql", json={"extensions": extensions})
    assert response.status_code == 400


TRUSTED = "query Flight { flight(ll2Id: 859) { ll2Id } }"


@pytest.fixture
def manifest(tmp_path: Path) -> Path:
    path = tmp_path / "manifest.json"
    path.write_text(
        json.dumps(
            {
                "format": "apollo-persisted-query-manifest",
                "version": 1,
                "operations": [
                    {"id": sha256(TRUSTED), "body": TRUSTED, "name": "Flight", "type": "query"}
                ],
            }
        )
    )
    return path


async def test_trusted_documents_only_runs_listed_documents(client: Client, manifest: Path) -> None:
    settings = {"trusted_documents": manifest, "trusted_documents_only": True}
    other = "{ flight(ll2Id: 859) { destination } }"
    async with client(**settings) as http:
        by_hash = await http.post("/graphql", json={"extensions": persisted(TRUSTED)})
        by_id = await http.post("/graphql", json={"documentId": f"sha256:{sha256(TRUSTED)}"})
        by_text = await http.post("/graphql", json={"query": TRUSTED})
        free_text = await http.post("/graphql", json={"query": other})
        registering = await http.post(
            "/graphql", json={"query": other, "extensions": persisted(other)}
        )
        unknown_hash = await http.get(
            "/graphql", params={"extensions": orjson.dumps(persisted(other)).decode()}
        )
    expected = {"data": {"flight": {"ll2Id": 859}}}
    assert by_hash.json() == expected
    assert by_id.json() == expected
    assert by_text.json() == expected
    for refused in (free_text, registering, unknown_hash):
        (error,) = refused.json()["errors"]
        assert error["extensions"]["code"] == "PERSISTED_QUERY_NOT_IN_LIST"
        assert "trusted documents only" in error["message"]


async def test_a_manifest_without_enforcement_serves_its_hashes(
    client: Client, manifest: Path
) -> None:
    async with client(trusted_documents=manifest) as http:
        listed = await http.post("/graphql", json={"extensions": persisted(TRUSTED)})
        free = await http.post("/graphql", json={"query": "{ __typename }"})
    assert listed.json() == {"data": {"flight": {"ll2Id": 859}}}
    assert free.json() == {"data": {"__typename": "Query"}}


def test_enforcement_needs_a_manifest() -> None:
    with pytest.raises(ValueError, match="needs a trusted_documents manifest"):
        Settings(trusted_documents_only=True)


def nest(levels: int) -> str:
    inner = "ll2Id"
    for _ in range(levels):
        inner = f"launch {{ flights {{ nodes {{ {inner} }} }} }}"
    return f"{{ flight(ll2Id: 859) {{ {inner} }} }}"


REFUSED = {
    "over the token limit": ("{ " + "__typename " * 5001 + "}", "TOKEN_LIMIT_EXCEEDED"),
    "over the depth limit": (nest(6), "DEPTH_LIMIT_EXCEEDED"),
}


@pytest.mark.parametrize(("refused", "code"), REFUSED.values(), ids=REFUSED.keys())
async def test_a_document_over_the_limits_is_not_registered(
    client: Client, store: dict, refused: str, code: str
) -> None:
    query = f"{refused} # {uuid.uuid4()}"
    async with client(**store) as http:
        plain = await http.post("/graphql", json={"query": query})
        registering = await http.post(
            "/graphql", json={"query": query, "extensions": persisted(query)}
        )
        later = await http.get(
            "/graphql", params={"extensions": orjson.dumps(persisted(query)).decode()}
        )
    # Refused as it would be without APQ, and not kept.
    assert registering.status_code == plain.status_code
    assert registering.json() == plain.json()
    assert registering.json()["errors"][0]["extensions"]["code"] == code
    (error,) = later.json()["errors"]
    assert error["extensions"]["code"] == "PERSISTED_QUERY_NOT_FOUND"


async def test_the_memory_store_evicts_the_oldest_past_its_byte_budget() -> None:
    store = MemoryStore(size=1000, max_bytes=1_000_000)
    queries = [f"{{ __typename }} # {index:03d} {'x' * 100_000}" for index in range(30)]
    for query in queries:
        await store.put(sha256(query), query)
        assert store.queries.bytes <= 1_000_000
    kept = [query for query in queries if await store.get(sha256(query)) is not None]
    assert kept == queries[-len(kept) :]  # the newest, and only they
    assert 5 <= len(kept) < 10


async def test_the_memory_store_evicts_the_oldest_past_its_size() -> None:
    store = MemoryStore(size=2)
    for query in ("{ a }", "{ b }", "{ c }"):
        await store.put(sha256(query), query)
    assert await store.get(sha256("{ a }")) is None
    assert await store.get(sha256("{ c }")) == "{ c }"


async def test_the_redis_store_is_bounded_in_bytes_across_replicas() -> None:
    """Two replicas registering large documents share one byte budget: the oldest go,
    whichever replica put them, and the count of kept bytes stays within it."""
    require_redis()
    namespace = f"test-{uuid.uuid4()}"
    replicas = [
        RedisStore(REDIS_URL, ttl=60, max_bytes=1_000_000, namespace=namespace) for _ in range(2)
    ]
    queries = [f"{{ __typename }} # {index:03d} {'x' * 100_000}" for index in range(30)]
    try:
        for index, query in enumerate(queries):
            await replicas[index % 2].put(sha256(query), query)
            assert await replicas[0].kept_bytes() <= 1_000_000
        kept = [q for q in queries if await replicas[1].get(sha256(q)) is not None]
        assert kept == queries[-len(kept) :]  # the newest, and only they
        assert 5 <= len(kept) < 10
        with redis.Redis.from_url(REDIS_URL) as probe:
            assert probe.zcard(f"{namespace}:apq-index") == len(kept)
            assert probe.hlen(f"{namespace}:apq-sizes") == len(kept)
            # A document's own key holds its text, nothing is left of the evicted ones.
            assert len(probe.keys(f"{namespace}:apq:*")) == len(kept)
    finally:
        with redis.Redis.from_url(REDIS_URL) as probe:
            probe.delete(*probe.keys(f"{namespace}:*") or ["-"])
        for replica in replicas:
            await replica.aclose()


async def test_the_redis_store_keeps_the_recently_used_past_its_size() -> None:
    require_redis()
    namespace = f"test-{uuid.uuid4()}"
    documents = RedisStore(REDIS_URL, ttl=60, size=2, namespace=namespace)
    try:
        for query in ("{ a }", "{ b }"):
            await documents.put(sha256(query), query)
        assert await documents.get(sha256("{ a }")) == "{ a }"  # used: now the newest
        await documents.put(sha256("{ c }"), "{ c }")
        assert await documents.get(sha256("{ b }")) is None
        assert await documents.get(sha256("{ a }")) == "{ a }"
        assert await documents.get(sha256("{ c }")) == "{ c }"
    finally:
        with redis.Redis.from_url(REDIS_URL) as probe:
            probe.delete(*probe.keys(f"{namespace}:*") or ["-"])
        await documents.aclose()


@pytest.mark.parametrize("kind", ["memory", "redis"])
async def test_a_document_over_the_size_cap_is_not_registered(kind: str) -> None:
    if kind == "redis":
        require_redis()
    documents: DocumentStore = (
        RedisStore(REDIS_URL, ttl=60) if kind == "redis" else MemoryStore(size=10)
    )
    queries = PersistedQueries(documents, max_document_bytes=10_000)
    small = f"{{ __typename }} # {uuid.uuid4()}"
    large = small + " " * 10_000
    try:
        for query in (small, large):
            operation = Operation(query, None, None, persisted(query))
            assert await queries.document(operation) == query  # runs either way
        assert await documents.get(sha256(small)) == small
        assert await documents.get(sha256(large)) is None
    finally:
        await documents.aclose()
