"""Run documents against the schema with a fresh per-request context, and shape helpers."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from graphql import GraphQLList, GraphQLNonNull, GraphQLObjectType, get_named_type
from sqlalchemy.ext.asyncio import AsyncEngine
from strawberry.utils.str_converters import to_camel_case

from gateway.context import Context
from ingest.files import ingest_file
from ingest.specs import PRESENTATION_KEYS
from schema import schema


def one_statement_per_query() -> bool:
    """Whether ``schema`` renders a query in one SQL statement (the compiled executor's SQL
    path); on the standard executor (``make test-standard``) it takes one per relation level."""
    from schema.compiled import CompiledExecutionContext

    return issubclass(schema.execution_context_class, CompiledExecutionContext)


def statements(per_level: int) -> int:
    """The statements a query taught to the SQL compiler costs on this run's executor."""
    return 1 if one_statement_per_query() else per_level


async def run(engine: AsyncEngine, query: str, **variables: Any) -> dict[str, Any]:
    """Execute ``query``; fail with the errors if there are any."""
    result = await schema.execute(query, variable_values=variables, context_value=Context(engine))
    assert result.errors is None, [e.formatted for e in result.errors]
    assert result.data is not None
    return result.data


async def run_raw(engine: AsyncEngine, query: str, **variables: Any) -> Any:
    return await schema.execute(query, variable_values=variables, context_value=Context(engine))


async def ingest(engine: AsyncEngine, paths: Iterable[Path]) -> None:
    for path in paths:
        result = await ingest_file(engine, path)
        assert result.ok, f"{path}: {result.error}"


def load_json(path: Path) -> Any:
    return json.loads(path.read_bytes())


def graphql_name(ll2_key: str) -> str:
    """LL2's snake_case key as a GraphQL field: ``id`` is ``ll2Id``, the rest camelCase."""
    return "ll2Id" if ll2_key == "id" else to_camel_case(ll2_key)


def as_graphql(value: Any) -> Any:
    """An LL2 JSON value with GraphQL field names and without presentation keys."""
    if isinstance(value, dict):
        return {
            graphql_name(k): as_graphql(v) for k, v in value.items() if k not in PRESENTATION_KEYS
        }
    if isinstance(value, list):
        return [as_graphql(v) for v in value]
    return value


def selection_for(value: Any, type_name: str) -> str:
    """A selection set asking for every key of an LL2 JSON object (merged over list items).

    Where the sample has a null object or an empty list, every leaf field of the GraphQL type
    is asked for instead, so that each field the shape names is resolved once.
    """
    gql_type = schema._schema.get_type(type_name)
    assert isinstance(gql_type, GraphQLObjectType), type_name
    return "{ " + " ".join(_select(gql_type, value)) + " }"


def _select(gql_type: GraphQLObjectType, value: dict[str, Any]) -> list[str]:
    parts = []
    for key, item in value.items():
        if key in PRESENTATION_KEYS:
            continue
        name = graphql_name(key)
        assert name in gql_type.fields, f"{gql_type.name} has no field {name} (LL2 {key!r})"
        target = get_named_type(gql_type.fields[name].type)
        if not isinstance(target, GraphQLObjectType):
            parts.append(name)
            continue
        items = item if isinstance(item, list) else [item]
        merged: dict[str, Any] = {}
        for element in items:
            if isinstance(element, dict):
                for k, v in element.items():
                    merged[k] = _merge(merged.get(k), v)
        inner = _select(target, merged) if merged else _leaves_of(target)
        parts.append(f"{name} {{ {' '.join(inner)} }}")
    return parts


def _merge(held: Any, new: Any) -> Any:
    if isinstance(held, dict) and isinstance(new, dict):
        return {k: _merge(held.get(k), new.get(k)) for k in held.keys() | new.keys()}
    if isinstance(held, list) and isinstance(new, list):
        return held + new
    return new if held in (None, [], {}) else held


def _leaves_of(gql_type: GraphQLObjectType) -> list[str]:
    leaves = []
    for name, gql_field in gql_type.fields.items():
        inner = gql_field.type
        while isinstance(inner, GraphQLNonNull | GraphQLList):
            inner = inner.of_type
        if not isinstance(inner, GraphQLObjectType) and not gql_field.args:
            leaves.append(name)
    return leaves or ["__typename"]


PAGE = """
query($after: String, $before: String, $first: Int, $last: Int, $order: %(order)s!) {
  %(field)s(first: $first, after: $after, last: $last, before: $before, orderBy: $order) {
    totalCount
    edges { cursor node { ll2Id } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}
"""


async def walk(engine: AsyncEngine, field: str, order_type: str, order: str) -> list[Any]:
    """Page forward with first/after, check every page, return the ids in order."""
    query = PAGE % {"field": field, "order": order_type}
    seen: list[Any] = []
    after = None
    while True:
        data = (await run(engine, query, first=100, after=after, order=order))[field]
        edges = data["edges"]
        seen += [e["node"]["ll2Id"] for e in edges]
        info = data["pageInfo"]
        assert info["hasPreviousPage"] is (after is not None)
        if edges:
            assert (info["startCursor"], info["endCursor"]) == (
                edges[0]["cursor"],
                edges[-1]["cursor"],
            )
        if not info["hasNextPage"]:
            assert len(seen) == data["totalCount"]
            return seen
        assert len(edges) == 100
        after = info["endCursor"]


async def walk_back(engine: AsyncEngine, field: str, order_type: str, order: str) -> list[Any]:
    """Page backward with last/before from the end; return the ids in forward order."""
    query = PAGE % {"field": field, "order": order_type}
    pages: list[list[Any]] = []
    before = None
    while True:
        data = (await run(engine, query, last=100, before=before, order=order))[field]
        pages.append([e["node"]["ll2Id"] for e in data["edges"]])
        info = data["pageInfo"]
        assert info["hasNextPage"] is (before is not None)
        if not info["hasPreviousPage"]:
            return [key for page in reversed(pages) for key in page]
        before = info["startCursor"]
