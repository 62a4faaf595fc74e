"""HTTP caching of GET queries: Cache-Control, a strong ETag over the body, 304."""

from __future__ import annotations

from tests.gateway.http.conftest import Client

FLIGHT = {"query": "{ flight(ll2Id: 859) { ll2Id destination } }"}


async def test_get_answers_304_when_the_etag_matches(client: Client) -> None:
    async with client(cache_max_age=120) as http:
        first = await http.get("/graphql", params=FLIGHT)
        etag = first.headers["etag"]
        again = await http.get("/graphql", params=FLIGHT, headers={"if-none-match": etag})
        weak = await http.get("/graphql", params=FLIGHT, headers={"if-none-match": f"W/{etag}"})
        other = await http.get("/graphql", params=FLIGHT, headers={"if-none-match": '"other"'})
    assert first.status_code == 200
    assert first.headers["cache-control"] == "public, max-age=120"
    assert etag.startswith('"') and not etag.startswith("W/")
    assert (again.status_code, again.content) == (304, b"")
    assert again.headers["etag"] == etag
    assert again.headers["cache-control"] == "public, max-age=120"
    assert weak.status_code == 304
    assert (other.status_code, other.json()) == (200, first.json())


async def test_the_etag_changes_with_the_body(client: Client) -> None:
    async with client() as http:
        one = await http.get("/graphql", params=FLIGHT)
        two = await http.get("/graphql", params={"query": "{ flight(ll2Id: 859) { ll2Id } }"})
        stale = await http.get(
            "/graphql",
            params={"query": "{ flight(ll2Id: 859) { ll2Id } }"},
            headers={"if-none-match": one.headers["etag"]},
        )
    assert one.headers["etag"] != two.headers["etag"]
    assert stale.status_code == 200


async def test_errors_and_posts_are_not_cached(client: Client) -> None:
    async with client() as http:
        error = await http.get("/graphql", params={"query": "{ nope }"})
        post = await http.post("/graphql", json=FLIGHT)
    assert error.headers["cache-control"] == "no-store"
    assert "etag" not in error.headers
    assert post.headers["cache-control"] == "no-store"
    assert "etag" not in post.headers


async def test_zero_max_age_still_revalidates(client: Client) -> None:
    async with client(cache_max_age=0) as http:
        response = await http.get("/graphql", params=FLIGHT)
    assert response.headers["cache-control"] == "no-cache"
    assert response.headers["etag"]


async def test_gzip_gets_its_own_etag_and_still_revalidates(client: Client) -> None:
    async with client(gzip_min_bytes=10) as http:
        plain = await http.get("/graphql", params=FLIGHT, headers={"accept-encoding": "identity"})
        zipped = await http.get("/graphql", params=FLIGHT, headers={"accept-encoding": "gzip"})
        again = await http.get(
            "/graphql",
            params=FLIGHT,
            headers={"accept-encoding": "gzip", "if-none-match": zipped.headers["etag"]},
        )
    assert zipped.headers["content-encoding"] == "gzip"
    assert zipped.headers["etag"] != plain.headers["etag"]
    assert again.status_code == 304
