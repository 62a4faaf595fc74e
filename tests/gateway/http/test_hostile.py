"""Hostile queries: each refused with the right status and code before any resolver runs
(not one SQL statement), and the server answers a normal query right after."""

from __future__ import annotations

from collections.abc import Iterator

import orjson
import pytest
from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.gateway.http.conftest import Client

STRICT = {"accept": "application/graphql-response+json"}
NORMAL = {"query": "{ flight(ll2Id: 859) { ll2Id } }"}


def nest(levels: int, first: int | None = None) -> str:
    """agency → launches → pad → launches → provider → launches → …: the graph's cycle."""
    page = f"(first: {first})" if first is not None else ""
    inner = "id"
    for level in range(levels):
        if level % 2 == 0:
            inner = f"launches{page} {{ nodes {{ pad {{ {inner} }} }} }}"
        else:
            inner = f"launches{page} {{ nodes {{ launchServiceProvider {{ {inner} }} }} }}"
    return f"{{ agencies{page} {{ nodes {{ {inner} }} }} }}"


def aliases(count: int) -> str:
    return "{ " + " ".join(f"a{i}: __typename" for i in range(count)) + " }"


CASES: dict[str, tuple] = {
    "depth bomb": ({"query": nest(8)}, 400, "DEPTH_LIMIT_EXCEEDED"),
    "alias bomb": ({"query": aliases(1000)}, 400, "ALIAS_LIMIT_EXCEEDED"),
    "fragment cycle": (
        {"query": "{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }"},
        400,
        "GRAPHQL_VALIDATION_FAILED",
    ),
    "10,000 duplicated fields": (
        {"query": "{ " + "__typename " * 10_000 + "}"},
        400,
        "TOKEN_LIMIT_EXCEEDED",
    ),
    "first: 100 three levels deep": ({"query": nest(2, first=100)}, 400, "COST_LIMIT_EXCEEDED"),
    # Five levels are also too deep; with the depth limit raised, the cost still refuses.
    "first: 100.0 as a variable, three levels deep": (
        {
            "query": "query($n: Int) "
            + nest(2)
            .replace("launches", "launches(first: $n)")
            .replace("agencies", "agencies(first: $n)", 1),
            "variables": {"n": 100.0},
        },
        400,
        "COST_LIMIT_EXCEEDED",
    ),
    "first: 100 five levels deep": ({"query": nest(4, first=100)}, 400, "DEPTH_LIMIT_EXCEEDED"),
    "first: 100 five levels deep, any depth": (
        {"query": nest(4, first=100)},
        400,
        "COST_LIMIT_EXCEEDED",
        {"max_depth": 100},
    ),
    "directive bomb": (
        {"query": "{ __typename" + " @skip(if: false)" * 200 + " }"},
        400,
        "DIRECTIVE_LIMIT_EXCEEDED",
    ),
    "a page over the maximum": (
        {"query": "{ flights(first: 1000) { nodes { id } } }"},
        400,
        "BAD_USER_INPUT",
    ),
    "a page over the maximum, in a variable": (
        {
            "query": "query($n: Int) { flights(first: $n) { totalCount } }",
            "variables": {"n": 101},
        },
        400,
        "BAD_USER_INPUT",
    ),
    "huge list of ids": (
        {
            "query": "query($ids: [ID!]!) { nodes(ids: $ids) { id } }",
            "variables": {"ids": [f"x{i}" for i in range(20_000)]},
        },
        400,
        "INPUT_LIMIT_EXCEEDED",
    ),
    "many ids, each costed": (
        {
            "query": "query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Flight { ll2Id } } }",
            "variables": {"ids": [f"x{i}" for i in range(900)]},
        },
        400,
        "COST_LIMIT_EXCEEDED",
        {"max_cost": 500},
    ),
    "huge variables": (
        {"query": "query($s: String) { __typename }", "variables": {"s": "x" * 2_000_000}},
        413,
        "REQUEST_TOO_LARGE",
    ),
    "syntax error": ({"query": "{ flight(ll2Id: 859) { "}, 400, "GRAPHQL_PARSE_FAILED"),
}


@pytest.fixture
def statements(seeded: AsyncEngine) -> Iterator[list[str]]:
    seen: list[str] = []

    def record(_conn, _cursor, statement, *_args) -> None:  # type: ignore[no-untyped-def]
        seen.append(statement)

    event.listen(seeded.sync_engine, "before_cursor_execute", record)
    yield seen
    event.remove(seeded.sync_engine, "before_cursor_execute", record)


@pytest.mark.parametrize("name", CASES)
async def test_hostile_queries_are_refused_before_execution(
    client: Client, statements: list[str], name: str
) -> None:
    payload, status, code, *settings = CASES[name]
    async with client(**(settings[0] if settings else {})) as http:
        statements.clear()
        response = await http.post(
            "/graphql",
            content=orjson.dumps(payload),
            headers={"content-type": "application/json", **STRICT},
        )
        ran = list(statements)
        after = await http.post("/graphql", json=NORMAL)
    assert response.status_code == status, response.text[:500]
    body = response.json()
    assert "data" not in body
    assert body["errors"][0]["extensions"]["code"] == code
    assert ran == []
    assert after.json() == {"data": {"flight": {"ll2Id": 859}}}


@pytest.mark.parametrize(
    ("body", "content_type", "status"),
    [
        (b'{"query": "{ __typename }"', "application/json", 400),
        (b"\xff\xfe not json", "application/json", 400),
        (b'{"query": "{ __typename }"}', "text/plain", 415),
        (b'{"query": "{ __typename }"}', "multipart/form-data; boundary=x", 415),
        (b"x" * 10_000_000, "application/json", 413),
    ],
)
async def test_malformed_bodies_are_refused(
    client: Client, statements: list[str], body: bytes, content_type: str, status: int
) -> None:
    async with client() as http:
        statements.clear()
        response = await http.post("/graphql", content=body, headers={"content-type": content_type})
        ran = list(statements)
        after = await http.post("/graphql", json=NORMAL)
    assert response.status_code == status
    assert response.json()["errors"][0]["extensions"]["code"]
    assert ran == []
    assert after.json() == {"data": {"flight": {"ll2Id": 859}}}


async def test_limits_are_configurable(client: Client) -> None:
    async with client(max_depth=30, max_cost=10**12, max_aliases=2000) as http:
        deep = await http.post("/graphql", json={"query": nest(8)})
        aliased = await http.post("/graphql", json={"query": aliases(1000)})
    assert "errors" not in deep.json()
    assert deep.json()["data"]["agencies"]["nodes"]
    assert len(aliased.json()["data"]) == 1000


async def test_a_normal_nested_query_is_within_every_limit(client: Client) -> None:
    query = """{ launches(first: 100) { totalCount edges { cursor node { name
        pad { name agencies { name } location { name celestialBody { name } } }
        launchServiceProvider { name } } } pageInfo { hasNextPage } } }"""
    async with client() as http:
        response = await http.post("/graphql", json={"query": query}, headers=STRICT)
    assert response.status_code == 200
    assert "errors" not in response.json()


async def test_a_kept_cost_is_the_cost_of_these_variables(client: Client) -> None:
    """Costs are kept per document and variables: the same document with bigger pages is
    refused after a cheap run of it, and the cheap one still answers after that."""
    query = "query($n: Int) " + nest(2, first=None).replace("launches", "launches(first: $n)")
    query = query.replace("agencies", "agencies(first: $n)", 1)
    async with client() as http:
        runs = []
        for n in (2, 100, 2):
            body = {"query": query, "variables": {"n": n}}
            runs.append(await http.post("/graphql", json=body, headers=STRICT))
    assert [r.status_code for r in runs] == [200, 400, 200]
    assert runs[1].json()["errors"][0]["extensions"]["code"] == "COST_LIMIT_EXCEEDED"
    assert "errors" not in runs[2].json()
